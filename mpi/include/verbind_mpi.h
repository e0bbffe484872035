/* verbind_mpi.h: verbind's distributed computations over MPI
 * (libverbind_mpi.so; pkg-config verbind-mpi; docs/reach.md "Across a
 * cluster (MPI)").
 *
 * Every rank of the communicator calls the same function with the same
 * graph and options; every rank gets the whole result, identical to the
 * single-process call's (vb_influence_max, vb_spread). The communicator is
 * duplicated for the call, so verbind's messages never mix with the
 * program's. MPI must be initialised (MPI_Init) and not finalised. Errors
 * are verbind's: a vb_status_t and vb_last_error_message(); a bad input on
 * one rank is the same error on every rank ("rank R: ..."). No exception
 * crosses, no NULL crashes.
 *
 * The _f variants take a Fortran handle (MPI_Fint), as Fortran and
 * mpi4py's comm.py2f() give it; they convert it with MPI_Comm_f2c.
 *
 * libverbind_mpi.so links libverbind.so and the MPI C library only: a
 * program using it links both (pkg-config --cflags --libs verbind-mpi). */
#ifndef VERBIND_MPI_H
#define VERBIND_MPI_H

#include <mpi.h>

#include "verbind.h"

#ifdef __cplusplus
extern "C" {
#endif

#if defined(VB_MPI_BUILDING_LIBRARY) && defined(__GNUC__)
#  define VB_MPI_API __attribute__((visibility("default")))
#else
#  define VB_MPI_API
#endif

/* vb_collective_influence_max over `comm` (with options->groups the fair
 * variant). */
VB_MPI_API vb_status_t vb_mpi_influence_max(const vb_graph_t *graph, size_t k, const vb_influence_options_t *options,
                                            MPI_Comm comm, vb_influence_t **out);
VB_MPI_API vb_status_t vb_mpi_influence_max_f(const vb_graph_t *graph, size_t k,
                                              const vb_influence_options_t *options, MPI_Fint comm,
                                              vb_influence_t **out);

/* vb_collective_spread over `comm`. */
VB_MPI_API vb_status_t vb_mpi_spread(const vb_graph_t *graph, const uint32_t *seeds, size_t seed_count,
                                     const vb_spread_options_t *options, MPI_Comm comm, vb_spread_t *out);
VB_MPI_API vb_status_t vb_mpi_spread_f(const vb_graph_t *graph, const uint32_t *seeds, size_t seed_count,
                                       const vb_spread_options_t *options, MPI_Fint comm, vb_spread_t *out);

/* vb_collective_betweenness / _closeness / _harmonic over `comm`: every
 * rank writes the whole result into `values` (vb_graph_node_count entries;
 * docs/socialmap.md "Across a cluster"). */
VB_MPI_API vb_status_t vb_mpi_betweenness(const vb_graph_t *graph, const vb_centrality_options_t *options,
                                          MPI_Comm comm, double *values);
VB_MPI_API vb_status_t vb_mpi_betweenness_f(const vb_graph_t *graph, const vb_centrality_options_t *options,
                                            MPI_Fint comm, double *values);
VB_MPI_API vb_status_t vb_mpi_closeness(const vb_graph_t *graph, const vb_centrality_options_t *options,
                                        MPI_Comm comm, double *values);
VB_MPI_API vb_status_t vb_mpi_closeness_f(const vb_graph_t *graph, const vb_centrality_options_t *options,
                                          MPI_Fint comm, double *values);
VB_MPI_API vb_status_t vb_mpi_harmonic(const vb_graph_t *graph, const vb_centrality_options_t *options, MPI_Comm comm,
                                       double *values);
VB_MPI_API vb_status_t vb_mpi_harmonic_f(const vb_graph_t *graph, const vb_centrality_options_t *options,
                                         MPI_Fint comm, double *values);

#ifdef __cplusplus
}
#endif

#endif /* VERBIND_MPI_H */
