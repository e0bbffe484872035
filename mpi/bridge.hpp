// Internal to libverbind_mpi: a vb_collective_t over an MPI communicator
// (verbind::mpi::Communicator), for the vb_mpi_* functions. Never installed.
#pragma once

#include "communicator.hpp"
#include "verbind.h"

#include <mpi.h>

#include <exception>
#include <optional>
#include <string>

namespace verbind::mpi {

// Makes the communicator (MPI_Comm_dup) and the vb_collective_t whose
// callbacks call it. When the communicator cannot be made (MPI not
// initialised, MPI_COMM_NULL, the duplication failed), collective() has
// size 0 and says why through error_message, so the libverbind call
// reports it as its error (VB_ERROR_INVALID_ARGUMENT) with that text.
class Bridge {
public:
    Bridge(MPI_Comm comm, const char* function) noexcept;
    Bridge(const Bridge&) = delete;
    Bridge& operator=(const Bridge&) = delete;

    const vb_collective_t* collective() const noexcept { return &c_; }

private:
    static int allreduce(void* self, void* values, size_t count, vb_collective_type_t type, vb_collective_op_t op);
    static int allgatherv(void* self, const void* mine, size_t mine_bytes, void* all, const size_t* bytes);
    static int broadcast(void* self, void* bytes, size_t count, unsigned root);
    static const char* error_message(void* self, int error);
    int failed() noexcept;  // records the exception in flight; returns non-zero

    std::optional<Communicator> communicator_;
    std::string error_;
    vb_collective_t c_{};
};

// The communicator of a Fortran handle (MPI_Comm_f2c), or MPI_COMM_NULL
// when MPI is not initialised (then Bridge says so).
MPI_Comm from_fortran(MPI_Fint comm) noexcept;

}  // namespace verbind::mpi
