// The processes of one command (ranks.hpp).
#include "ranks.hpp"

#include "verbind/error.hpp"

#include <cstdlib>
#include <memory>
#include <string>

#ifdef VERBIND_CLI_MPI
#  include "communicator.hpp"

#  include <mpi.h>
#endif

namespace verbind::cli {

namespace {

verbind::Collective* current = nullptr;
#ifdef VERBIND_CLI_MPI
std::unique_ptr<verbind::mpi::Communicator> world;
bool initialised = false;
#endif

unsigned environment_number(const char* const* names, unsigned fallback) {
    for (const char* const* name = names; *name; ++name) {
        const char* value = std::getenv(*name);
        if (!value || !*value) continue;
        char* end = nullptr;
        const unsigned long n = std::strtoul(value, &end, 10);
        if (*end == '\0' && n < 0x7fffffffUL) return static_cast<unsigned>(n);
    }
    return fallback;
}

bool under_mpirun() {
    for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK"})
        if (const char* v = std::getenv(name); v && *v) return true;
    return false;
}

}  // namespace

unsigned launched_rank() {
    static const char* const names[] = {"OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK", nullptr};
    return environment_number(names, 0);
}

unsigned launched_size() {
    static const char* const names[] = {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", nullptr};
    return environment_number(names, 1);
}

Ranks::Ranks() {
    if (!under_mpirun()) return;
#ifdef VERBIND_CLI_MPI
    int provided = 0;
    if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS)
        throw verbind::error("MPI_Init_thread failed");
    initialised = true;
    world = std::make_unique<verbind::mpi::Communicator>(MPI_COMM_WORLD);
    current = world.get();
#else
    if (launched_size() > 1)
        throw verbind::error("this verbind was built without MPI (cmake -DVERBIND_MPI=ON builds it with): run it "
                             "without mpirun, or with -np 1");
#endif
}

Ranks::~Ranks() {
#ifdef VERBIND_CLI_MPI
    current = nullptr;
    world.reset();
    if (initialised) MPI_Finalize();
#endif
}

verbind::Collective& ranks() { return current ? *current : verbind::single_process(); }

bool speaks() { return current ? current->rank() == 0 : launched_rank() == 0; }

}  // namespace verbind::cli
