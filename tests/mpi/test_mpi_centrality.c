/* vb_mpi_betweenness / closeness / harmonic (and their _f forms taking a
 * Fortran handle) under mpirun -np 1..4: every rank's values equal the
 * single-process vb_centrality's to 1e-12 relative (closeness, and every
 * measure on one rank, bit for bit) and are identical on every rank; bad
 * input on one rank, and ranks that disagree, give the same error on every
 * rank, with no hang (ctest runs this with a time limit). */
#include "verbind.h"
#include "verbind_mpi.h"

#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int rank = 0, size = 1, failures = 0, checks = 0;

#define CHECK(condition) \
  do { \
    ++checks; \
    if (!(condition)) { \
      ++failures; \
      fprintf(stderr, "rank %d: %s:%d: FAILED: %s\n", rank, __FILE__, __LINE__, #condition); \
    } \
  } while (0)

#define N 120

/* The same pseudo-random graph on every rank (an LCG; no libc rand()). */
static vb_graph_t *make_graph(int directed, int weighted, uint64_t seed) {
    uint32_t src[4 * N], dst[4 * N];
    double w[4 * N];
    size_t m = 0, i;
    vb_edge_list_options_t o;
    vb_graph_t *g = NULL;
    vb_edge_list_options_init(&o);
    o.directed = directed;
    o.duplicates = VB_MERGE_FIRST;
    for (i = 0; i < 4 * N; ++i) {
        uint32_t a, b;
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        a = (uint32_t)(seed >> 33) % N;
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        b = (uint32_t)(seed >> 33) % N;
        if (a == b) continue;
        src[m] = a, dst[m] = b, w[m] = 1.0 + (double)((seed >> 20) % 5);
        ++m;
    }
    if (vb_graph_from_edges(N, m, src, dst, weighted ? w : NULL, &o, &g) != VB_OK) {
        fprintf(stderr, "rank %d: graph: %s\n", rank, vb_last_error_message());
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    return g;
}

static double absolute(double x) { return x < 0 ? -x : x; }

typedef vb_status_t (*mpi_fn)(const vb_graph_t *, const vb_centrality_options_t *, MPI_Comm, double *);
typedef vb_status_t (*mpi_f_fn)(const vb_graph_t *, const vb_centrality_options_t *, MPI_Fint, double *);

/* The distributed values against vb_centrality's on this rank, and against
 * rank 0's (bit for bit). */
static void compare(const char *what, const double *got, const double *expected, int exact) {
    double root[N];
    size_t v;
    memcpy(root, got, sizeof root);
    MPI_Bcast(root, N, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    for (v = 0; v < N; ++v) {
        const double scale = absolute(expected[v]) > absolute(got[v]) ? absolute(expected[v]) : absolute(got[v]);
        ++checks;
        if (memcmp(&root[v], &got[v], sizeof(double)) != 0 ||
            (exact ? memcmp(&got[v], &expected[v], sizeof(double)) != 0
                   : absolute(got[v] - expected[v]) > 1e-12 * scale)) {
            ++failures;
            fprintf(stderr, "rank %d of %d: %s: node %zu: %.17g, rank 0 %.17g, single process %.17g\n", rank, size,
                    what, v, got[v], root[v], expected[v]);
            return;
        }
    }
}

static void run(const char *what, const vb_graph_t *g, vb_centrality_t measure, mpi_fn fn, mpi_f_fn fn_f,
                const vb_centrality_options_t *o, int exact) {
    double expected[N], got[N];
    CHECK(vb_centrality(g, measure, o, expected) == VB_OK);
    memset(got, 0xff, sizeof got);
    if (fn(g, o, MPI_COMM_WORLD, got) != VB_OK) {
        ++failures;
        fprintf(stderr, "rank %d: %s: %s\n", rank, what, vb_last_error_message());
    }
    compare(what, got, expected, exact || size == 1);
    memset(got, 0xff, sizeof got);
    if (fn_f(g, o, MPI_Comm_c2f(MPI_COMM_WORLD), got) != VB_OK) {
        ++failures;
        fprintf(stderr, "rank %d: %s (Fortran handle): %s\n", rank, what, vb_last_error_message());
    }
    compare(what, got, expected, exact || size == 1);
}

/* Every rank fails with `status` and a message containing `fragment`, the
 * same message on every rank. */
static void check_error(const char *what, vb_status_t status, vb_status_t expected, const char *fragment) {
    char mine[512], root[512];
    memset(mine, 0, sizeof mine);
    strncpy(mine, vb_last_error_message(), sizeof mine - 1);
    memcpy(root, mine, sizeof root);
    MPI_Bcast(root, sizeof root, MPI_CHAR, 0, MPI_COMM_WORLD);
    ++checks;
    if (status != expected || strstr(mine, fragment) == NULL || strcmp(mine, root) != 0) {
        ++failures;
        fprintf(stderr, "rank %d: %s: status %d (expected %d), message \"%s\" (rank 0: \"%s\"; expected \"%s\")\n",
                rank, what, (int)status, (int)expected, mine, root, fragment);
    }
}

int main(int argc, char **argv) {
    int graph_kind, all_failures = 0;
    char text[128];
    double values[N];
    vb_centrality_options_t o;
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);

    for (graph_kind = 0; graph_kind < 4; ++graph_kind) {
        const int directed = graph_kind & 1, weighted = graph_kind >> 1;
        vb_graph_t *g = make_graph(directed, weighted, 17 + (uint64_t)graph_kind);
        int use_weights;
        for (use_weights = 0; use_weights <= weighted; ++use_weights) {
            vb_centrality_options_init(&o);
            o.weighted = use_weights;
            snprintf(text, sizeof text, "%s%s graph, weighted %d", directed ? "directed" : "undirected",
                     weighted ? " weighted" : "", use_weights);
            run(text, g, VB_CENTRALITY_BETWEENNESS, vb_mpi_betweenness, vb_mpi_betweenness_f, &o, 0);
            /* Closeness sums integers (weighted: each node on one rank): exact. */
            run(text, g, VB_CENTRALITY_CLOSENESS, vb_mpi_closeness, vb_mpi_closeness_f, &o, 1);
            run(text, g, VB_CENTRALITY_HARMONIC, vb_mpi_harmonic, vb_mpi_harmonic_f, &o, use_weights);
            o.samples = 13;
            o.seed = 5;
            o.normalized = 0;
            run(text, g, VB_CENTRALITY_BETWEENNESS, vb_mpi_betweenness, vb_mpi_betweenness_f, &o, 0);
        }
        vb_graph_free(g);
    }

    {
        vb_graph_t *g = make_graph(0, 0, 3), *other = make_graph(0, 0, rank == size - 1 ? 4 : 3);
        /* More samples than nodes on the last rank only. */
        vb_centrality_options_init(&o);
        o.samples = rank == size - 1 ? N + 1 : 10;
        snprintf(text, sizeof text, "rank %d: betweenness: samples must be in 1..%d", size - 1, N);
        check_error("samples > n on one rank", vb_mpi_betweenness(g, &o, MPI_COMM_WORLD, values),
                    VB_ERROR_INVALID_ARGUMENT, size > 1 ? text : "samples must be in 1..");
        /* NULL values on rank 0 only. */
        check_error("NULL values on rank 0", vb_mpi_closeness(g, NULL, MPI_COMM_WORLD, rank == 0 ? NULL : values),
                    VB_ERROR_INVALID_ARGUMENT, "argument 'values' is NULL");
        if (size > 1) {
            /* A different sample count on the last rank. */
            vb_centrality_options_init(&o);
            o.samples = rank == size - 1 ? 12 : 10;
            snprintf(text, sizeof text, "ranks disagree on samples: rank 0 has 10, rank %d has 12", size - 1);
            check_error("samples differ", vb_mpi_betweenness(g, &o, MPI_COMM_WORLD, values),
                        VB_ERROR_INVALID_ARGUMENT, text);
            /* Another graph (same size) on the last rank. */
            check_error("graphs differ", vb_mpi_harmonic(other, NULL, MPI_COMM_WORLD, values),
                        VB_ERROR_INVALID_ARGUMENT, "ranks disagree on the graph");
        }
        /* MPI_COMM_NULL is refused, naming the argument. */
        check_error("MPI_COMM_NULL", vb_mpi_betweenness(g, NULL, MPI_COMM_NULL, values), VB_ERROR_INVALID_ARGUMENT,
                    "MPI_COMM_NULL");
        vb_graph_free(g);
        vb_graph_free(other);
    }

    MPI_Allreduce(&failures, &all_failures, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0)
        printf("test_mpi_centrality (%d ranks): %d checks on rank 0, %d failed on all ranks\n", size, checks,
               all_failures);
    MPI_Finalize();
    return all_failures == 0 ? 0 : 1;
}
