// libverbind_mpi.so: the distributed centralities of verbind_mpi.h, each a
// vb_collective_* call of libverbind.so (capi/socialmap_collective.cpp)
// with a vb_collective_t over the MPI communicator (mpi/bridge.hpp).
#include "verbind_mpi.h"

#include "bridge.hpp"

using verbind::mpi::Bridge;
using verbind::mpi::from_fortran;

extern "C" {

vb_status_t vb_mpi_betweenness(const vb_graph_t* graph, const vb_centrality_options_t* options, MPI_Comm comm,
                               double* values) {
    const Bridge bridge(comm, "vb_mpi_betweenness");
    return vb_collective_betweenness(graph, options, bridge.collective(), values);
}

vb_status_t vb_mpi_betweenness_f(const vb_graph_t* graph, const vb_centrality_options_t* options, MPI_Fint comm,
                                 double* values) {
    const Bridge bridge(from_fortran(comm), "vb_mpi_betweenness_f");
    return vb_collective_betweenness(graph, options, bridge.collective(), values);
}

vb_status_t vb_mpi_closeness(const vb_graph_t* graph, const vb_centrality_options_t* options, MPI_Comm comm,
                             double* values) {
    const Bridge bridge(comm, "vb_mpi_closeness");
    return vb_collective_closeness(graph, options, bridge.collective(), values);
}

vb_status_t vb_mpi_closeness_f(const vb_graph_t* graph, const vb_centrality_options_t* options, MPI_Fint comm,
                               double* values) {
    const Bridge bridge(from_fortran(comm), "vb_mpi_closeness_f");
    return vb_collective_closeness(graph, options, bridge.collective(), values);
}

vb_status_t vb_mpi_harmonic(const vb_graph_t* graph, const vb_centrality_options_t* options, MPI_Comm comm,
                            double* values) {
    const Bridge bridge(comm, "vb_mpi_harmonic");
    return vb_collective_harmonic(graph, options, bridge.collective(), values);
}

vb_status_t vb_mpi_harmonic_f(const vb_graph_t* graph, const vb_centrality_options_t* options, MPI_Fint comm,
                              double* values) {
    const Bridge bridge(from_fortran(comm), "vb_mpi_harmonic_f");
    return vb_collective_harmonic(graph, options, bridge.collective(), values);
}

}  // extern "C"
