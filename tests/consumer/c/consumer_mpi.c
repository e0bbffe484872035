/* An outside program built against an installed libverbind_mpi through
 * `pkg-config --cflags --libs verbind-mpi` only (tests/consumer/run.sh, when
 * the build has VERBIND_MPI): spread of node 0 on a 3-node path over
 * MPI_COMM_WORLD (certain arcs: exactly 3 people reached) and the refusal of
 * MPI_COMM_NULL, named. */
#include <mpi.h>
#include <stdio.h>
#include <string.h>

#include "verbind_mpi.h"

int main(int argc, char **argv) {
    const uint32_t src[] = {0, 1}, dst[] = {1, 2}, seed = 0;
    vb_graph_t *graph = NULL;
    vb_spread_options_t options;
    vb_spread_t result;
    int failed = 0;
    MPI_Init(&argc, &argv);
    vb_spread_options_init(&options);
    options.probability = VB_PROBABILITY_UNIFORM;
    options.uniform_probability = 1.0;
    options.runs = 10;
    vb_spread_init(&result);
    if (vb_graph_from_edges(3, 2, src, dst, NULL, NULL, &graph) != VB_OK ||
        vb_mpi_spread(graph, &seed, 1, &options, MPI_COMM_WORLD, &result) != VB_OK || result.mean != 3.0) {
        fprintf(stderr, "consumer_mpi: %s (mean %g)\n", vb_last_error_message(), result.mean);
        failed = 1;
    }
    if (vb_mpi_spread(graph, &seed, 1, &options, MPI_COMM_NULL, &result) != VB_ERROR_INVALID_ARGUMENT ||
        strstr(vb_last_error_message(), "MPI_COMM_NULL") == NULL) {
        fprintf(stderr, "consumer_mpi: MPI_COMM_NULL not refused by name: %s\n", vb_last_error_message());
        failed = 1;
    }
    vb_graph_free(graph);
    MPI_Finalize();
    if (!failed) printf("consumer_mpi: spread 3 on a certain path; MPI_COMM_NULL refused\n");
    return failed;
}
