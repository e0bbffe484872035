// libverbind_mpi.so: the vb_mpi_* functions of verbind_mpi.h, each a
// vb_collective_* call of libverbind.so with a vb_collective_t over the
// MPI communicator (mpi/bridge.hpp).
#include "verbind_mpi.h"

#include "bridge.hpp"

#include <cstring>
#include <new>

namespace verbind::mpi {

Bridge::Bridge(MPI_Comm comm, const char* function) noexcept {
    c_.struct_size = sizeof c_;
    c_.context = this;
    c_.allreduce = &Bridge::allreduce;
    c_.allgatherv = &Bridge::allgatherv;
    c_.broadcast = &Bridge::broadcast;
    c_.error_message = &Bridge::error_message;
    try {
        communicator_.emplace(comm);
        c_.rank = communicator_->rank();
        c_.size = communicator_->size();
    } catch (...) {
        failed();
        try {
            error_ = std::string(function) + ": " + error_;
        } catch (...) {
        }
        c_.rank = 0;
        c_.size = 0;  // could not be made: error_message(context, 0) says why
    }
}

int Bridge::failed() noexcept {
    try {
        throw;
    } catch (const std::exception& e) {
        try {
            error_ = e.what();
        } catch (...) {
            error_.clear();
        }
    } catch (...) {
        error_.clear();
    }
    return 1;
}

int Bridge::allreduce(void* self, void* values, size_t count, vb_collective_type_t type, vb_collective_op_t op) {
    auto* b = static_cast<Bridge*>(self);
    try {
        const MPI_Datatype t = type == VB_COLLECTIVE_F64 ? MPI_DOUBLE : MPI_UINT64_T;
        const MPI_Op o = op == VB_COLLECTIVE_MIN ? MPI_MIN : op == VB_COLLECTIVE_MAX ? MPI_MAX : MPI_SUM;
        b->communicator_->allreduce(values, count, t, o);
        return 0;
    } catch (...) {
        return b->failed();
    }
}

int Bridge::allgatherv(void* self, const void* mine, size_t mine_bytes, void* all, const size_t* bytes) {
    auto* b = static_cast<Bridge*>(self);
    try {
        b->communicator_->allgatherv(mine, mine_bytes, all, {bytes, b->communicator_->size()});
        return 0;
    } catch (...) {
        return b->failed();
    }
}

int Bridge::broadcast(void* self, void* bytes, size_t count, unsigned root) {
    auto* b = static_cast<Bridge*>(self);
    try {
        b->communicator_->broadcast({static_cast<std::byte*>(bytes), count}, root);
        return 0;
    } catch (...) {
        return b->failed();
    }
}

const char* Bridge::error_message(void* self, int) { return static_cast<Bridge*>(self)->error_.c_str(); }

MPI_Comm from_fortran(MPI_Fint comm) noexcept {
    int initialised = 0, finalised = 0;
    MPI_Initialized(&initialised);
    MPI_Finalized(&finalised);
    return initialised && !finalised ? MPI_Comm_f2c(comm) : MPI_COMM_NULL;
}

}  // namespace verbind::mpi

using verbind::mpi::Bridge;
using verbind::mpi::from_fortran;

extern "C" {

vb_status_t vb_mpi_influence_max(const vb_graph_t* graph, size_t k, const vb_influence_options_t* options,
                                 MPI_Comm comm, vb_influence_t** out) {
    const Bridge bridge(comm, "vb_mpi_influence_max");
    return vb_collective_influence_max(graph, k, options, bridge.collective(), out);
}

vb_status_t vb_mpi_influence_max_f(const vb_graph_t* graph, size_t k, const vb_influence_options_t* options,
                                   MPI_Fint comm, vb_influence_t** out) {
    const Bridge bridge(from_fortran(comm), "vb_mpi_influence_max_f");
    return vb_collective_influence_max(graph, k, options, bridge.collective(), out);
}

vb_status_t vb_mpi_spread(const vb_graph_t* graph, const uint32_t* seeds, size_t seed_count,
                          const vb_spread_options_t* options, MPI_Comm comm, vb_spread_t* out) {
    const Bridge bridge(comm, "vb_mpi_spread");
    return vb_collective_spread(graph, seeds, seed_count, options, bridge.collective(), out);
}

vb_status_t vb_mpi_spread_f(const vb_graph_t* graph, const uint32_t* seeds, size_t seed_count,
                            const vb_spread_options_t* options, MPI_Fint comm, vb_spread_t* out) {
    const Bridge bridge(from_fortran(comm), "vb_mpi_spread_f");
    return vb_collective_spread(graph, seeds, seed_count, options, bridge.collective(), out);
}

}  // extern "C"
