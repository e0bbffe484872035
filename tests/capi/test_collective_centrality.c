/* vb_collective_betweenness / closeness / harmonic through the C API with
 * a one-rank vb_collective_t (tests/mpi/test_mpi_centrality.c runs them on
 * 1..4 MPI ranks): the same values as vb_centrality, bit for bit; a path
 * by hand; NULL and malformed arguments; a failing callback. */
#include "check.h"

#include <stdint.h>

/* One rank: every operation leaves its input as it is. */
static int one_allreduce(void *context, void *values, size_t count, vb_collective_type_t type,
                         vb_collective_op_t op) {
    (void)values, (void)count, (void)type, (void)op;
    ++*(int *)context;
    return 0;
}
static int one_allgatherv(void *context, const void *mine, size_t mine_bytes, void *all, const size_t *bytes) {
    (void)bytes;
    ++*(int *)context;
    if (mine_bytes) memcpy(all, mine, mine_bytes);
    return 0;
}
static int one_broadcast(void *context, void *bytes, size_t count, unsigned root) {
    (void)bytes, (void)count, (void)root;
    ++*(int *)context;
    return 0;
}
static int failing_allreduce(void *context, void *values, size_t count, vb_collective_type_t type,
                             vb_collective_op_t op) {
    (void)context, (void)values, (void)count, (void)type, (void)op;
    return 7;
}
static const char *failure_text(void *context, int error) {
    (void)context;
    return error == 7 ? "the network is down" : "?";
}

static vb_collective_t one_rank(int *calls) {
    vb_collective_t c;
    vb_collective_init(&c);
    c.context = calls;
    c.rank = 0;
    c.size = 1;
    c.allreduce = one_allreduce;
    c.allgatherv = one_allgatherv;
    c.broadcast = one_broadcast;
    return c;
}

typedef vb_status_t (*collective_fn)(const vb_graph_t *, const vb_centrality_options_t *, const vb_collective_t *,
                                     double *);

/* The collective call and vb_centrality give the same bits. */
static void check_same(const vb_graph_t *g, vb_centrality_t measure, collective_fn fn,
                       const vb_centrality_options_t *options, const vb_collective_t *c) {
    double expected[64], got[64];
    const size_t n = vb_graph_node_count(g);
    size_t v;
    CHECK(n <= 64);
    memset(got, 0xff, sizeof got);
    CHECK_OK(vb_centrality(g, measure, options, expected));
    CHECK_OK(fn(g, options, c, got));
    for (v = 0; v < n; ++v) CHECK(memcmp(&got[v], &expected[v], sizeof(double)) == 0);
}

int main(void) {
    /* A path 0-1-2-3 and, weighted, a graph with a lighter detour. */
    const uint32_t ps[] = {0, 1, 2}, pd[] = {1, 2, 3};
    const uint32_t ws[] = {0, 0, 2, 1, 3, 4, 5, 6, 2}, wd[] = {1, 2, 1, 3, 4, 5, 6, 7, 7};
    const double w[] = {5, 1, 1, 2, 1, 3, 1, 1, 4};
    vb_graph_t *path = NULL, *weighted = NULL;
    vb_centrality_options_t o;
    vb_collective_t c, bad;
    int calls = 0;
    double values[8];
    CHECK_OK(vb_graph_from_edges(4, 3, ps, pd, NULL, NULL, &path));
    CHECK_OK(vb_graph_from_edges(8, 9, ws, wd, w, NULL, &weighted));
    c = one_rank(&calls);

    /* By hand: node 1 lies between 0 and {2, 3}: 2 of (n-1)(n-2)/2 = 3 pairs. */
    CHECK_OK(vb_collective_betweenness(path, NULL, &c, values));
    CHECK(check_abs(values[1] - 2.0 / 3.0) < 1e-15 && values[0] == 0.0);
    CHECK_OK(vb_collective_closeness(path, NULL, &c, values));
    CHECK(check_abs(values[1] - 3.0 / 4.0) < 1e-15); /* distances 1, 1, 2 */
    CHECK_OK(vb_collective_harmonic(path, NULL, &c, values));
    CHECK(check_abs(values[0] - (1.0 + 0.5 + 1.0 / 3.0)) < 1e-15);
    CHECK(calls > 0); /* the results went through the callbacks */

    /* The same bits as vb_centrality: exact and sampled, weighted or not. */
    vb_centrality_options_init(&o);
    check_same(weighted, VB_CENTRALITY_BETWEENNESS, vb_collective_betweenness, &o, &c);
    check_same(weighted, VB_CENTRALITY_CLOSENESS, vb_collective_closeness, &o, &c);
    check_same(weighted, VB_CENTRALITY_HARMONIC, vb_collective_harmonic, &o, &c);
    o.weighted = 1;
    o.samples = 5;
    o.seed = 9;
    o.normalized = 0;
    check_same(weighted, VB_CENTRALITY_BETWEENNESS, vb_collective_betweenness, &o, &c);
    check_same(weighted, VB_CENTRALITY_CLOSENESS, vb_collective_closeness, &o, &c);
    check_same(weighted, VB_CENTRALITY_HARMONIC, vb_collective_harmonic, &o, &c);

    /* Bad arguments name the argument or field. */
    CHECK_FAILS(vb_collective_betweenness(path, NULL, NULL, values), VB_ERROR_INVALID_ARGUMENT, "'collective'");
    CHECK_FAILS(vb_collective_closeness(NULL, NULL, &c, values), VB_ERROR_INVALID_ARGUMENT, "'graph'");
    CHECK_FAILS(vb_collective_harmonic(path, NULL, &c, NULL), VB_ERROR_INVALID_ARGUMENT, "'values'");
    CHECK_FAILS(vb_collective_harmonic(path, NULL, &c, NULL), VB_ERROR_INVALID_ARGUMENT, "vb_collective_harmonic");
    vb_centrality_options_init(&o);
    o.struct_size = 3;
    CHECK_FAILS(vb_collective_betweenness(path, &o, &c, values), VB_ERROR_INVALID_ARGUMENT, "struct_size");
    vb_centrality_options_init(&o);
    o.samples = 5;
    CHECK_FAILS(vb_collective_betweenness(path, &o, &c, values), VB_ERROR_INVALID_ARGUMENT,
                "samples must be in 1..4");
    bad = c;
    bad.size = 0;
    CHECK_FAILS(vb_collective_betweenness(path, NULL, &bad, values), VB_ERROR_INVALID_ARGUMENT, "'size'");
    bad = c;
    bad.broadcast = NULL;
    CHECK_FAILS(vb_collective_closeness(path, NULL, &bad, values), VB_ERROR_INVALID_ARGUMENT, "'broadcast'");

    /* A callback's failure is VB_ERROR_IO with its text (two ranks: the
     * first collective call is the agreement on the arguments). */
    bad = c;
    bad.size = 2;
    bad.allreduce = failing_allreduce;
    bad.error_message = failure_text;
    CHECK_FAILS(vb_collective_betweenness(path, NULL, &bad, values), VB_ERROR_IO, "allreduce");
    CHECK_FAILS(vb_collective_betweenness(path, NULL, &bad, values), VB_ERROR_IO, "the network is down");

    vb_graph_free(path);
    vb_graph_free(weighted);
    return check_summary("test_collective_centrality");
}
