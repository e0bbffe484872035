// The processes one `verbind` command runs on. Under mpirun (detected by
// the environment: OMPI_COMM_WORLD_SIZE, PMI_SIZE or PMIX_RANK) and in a
// build with VERBIND_MPI, every rank of MPI_COMM_WORLD computes its share
// of reach --influence-max and centrality; rank 0 alone writes the result
// and the error messages, and every rank exits with the same status.
// Without mpirun the command runs on one process (MPI is not initialised).
#pragma once

#include "verbind/util/collective.hpp"

namespace verbind::cli {

class Ranks {
public:
    // Initialises MPI when started by mpirun (only then). Throws
    // verbind::error when started by mpirun with more than one process in
    // a build without MPI.
    Ranks();
    ~Ranks();  // MPI_Finalize, when initialised
    Ranks(const Ranks&) = delete;
    Ranks& operator=(const Ranks&) = delete;
};

// The collective of this process: MPI_COMM_WORLD under mpirun, else
// single_process().
verbind::Collective& ranks();

// False on every rank but 0: the output (standard output, -o FILE) and the
// messages on standard error are rank 0's.
bool speaks();

// The rank and size mpirun gave this process in the environment (0 and 1
// without mpirun); known before MPI is initialised, and in a build without MPI.
unsigned launched_rank();
unsigned launched_size();

}  // namespace verbind::cli
