/* vb_collective_influence_max / vb_collective_spread through the C API with
 * a one-rank vb_collective_t built here (tests/mpi/test_mpi_reach.c runs
 * them on 1..4 MPI ranks): the same result as vb_influence_max / vb_spread,
 * bit for bit; the collective's checks (NULL, struct_size, rank, size, NULL
 * callbacks); a failing callback named with its text; a collective that
 * could not be made (size 0) reporting why. */
#include "check.h"

#include <stdint.h>

static int calls_made = 0;

/* One rank: every operation leaves its input as it is. */
static int one_allreduce(void *context, void *values, size_t count, vb_collective_type_t type,
                         vb_collective_op_t op) {
    (void)values, (void)count, (void)type, (void)op;
    ++*(int *)context;
    return 0;
}
static int one_allgatherv(void *context, const void *mine, size_t mine_bytes, void *all, const size_t *bytes) {
    ++*(int *)context;
    if (bytes[0] != mine_bytes) return 3;
    if (mine_bytes) memcpy(all, mine, mine_bytes);
    return 0;
}
static int one_broadcast(void *context, void *bytes, size_t count, unsigned root) {
    (void)bytes, (void)count;
    ++*(int *)context;
    return root == 0 ? 0 : 4;
}
static int failing_allreduce(void *context, void *values, size_t count, vb_collective_type_t type,
                             vb_collective_op_t op) {
    (void)context, (void)values, (void)count, (void)type, (void)op;
    return 9;
}
static const char *failure_text(void *context, int error) {
    (void)context;
    return error == 9 ? "the switch is on fire" : error == 0 ? "MPI is not initialised (test)" : "?";
}

static vb_collective_t one_rank(void) {
    vb_collective_t c;
    vb_collective_init(&c);
    c.context = &calls_made;
    c.rank = 0;
    c.size = 1;
    c.allreduce = one_allreduce;
    c.allgatherv = one_allgatherv;
    c.broadcast = one_broadcast;
    return c;
}

static vb_graph_t *path_and_star(void) {
    /* 0-1-2-3-4 and a star 5 -> 6..11 (directed: influence flows down). */
    const uint32_t src[] = {0, 1, 2, 3, 5, 5, 5, 5, 5, 5};
    const uint32_t dst[] = {1, 2, 3, 4, 6, 7, 8, 9, 10, 11};
    vb_edge_list_options_t o;
    vb_graph_t *g = NULL;
    vb_edge_list_options_init(&o);
    o.directed = 1;
    CHECK_OK(vb_graph_from_edges(12, 10, src, dst, NULL, &o, &g));
    return g;
}

int main(void) {
    vb_graph_t *g = path_and_star();
    vb_collective_t c = one_rank(), bad;
    vb_influence_options_t o;
    vb_influence_t *alone = NULL, *got = NULL;
    vb_spread_options_t so;
    vb_spread_t s_alone, s_got;
    const uint32_t seeds[] = {5};
    uint32_t a[2], b[2];

    vb_influence_options_init(&o);
    o.epsilon = 0.2;
    o.seed = 3;
    CHECK_OK(vb_influence_max(g, 2, &o, &alone));
    CHECK_OK(vb_collective_influence_max(g, 2, &o, &c, &got));
    CHECK(calls_made > 0);
    if (alone && got) {
        CHECK_OK(vb_influence_seeds(alone, 2, a));
        CHECK_OK(vb_influence_seeds(got, 2, b));
        CHECK(a[0] == b[0] && a[1] == b[1]);
        CHECK(a[0] == 5); /* the star's centre reaches most (weighted cascade: every arc certain) */
        CHECK(vb_influence_spread_lower_bound(got) == vb_influence_spread_lower_bound(alone));
        CHECK(vb_influence_approximation(got) == vb_influence_approximation(alone));
        CHECK_SIZE(vb_influence_rr_sets(got), vb_influence_rr_sets(alone));
        CHECK(vb_influence_rr_sets(alone) > 0);
    }
    vb_influence_free(got);
    got = NULL;

    vb_spread_options_init(&so);
    so.runs = 100;
    vb_spread_init(&s_alone);
    vb_spread_init(&s_got);
    CHECK_OK(vb_spread(g, seeds, 1, &so, &s_alone));
    CHECK_OK(vb_collective_spread(g, seeds, 1, &so, &c, &s_got));
    CHECK(s_alone.mean == 7.0); /* the centre and its six leaves, every time */
    CHECK(s_got.mean == s_alone.mean && s_got.standard_error == s_alone.standard_error);

    /* The collective's own checks, named. */
    CHECK_FAILS(vb_collective_influence_max(g, 2, &o, NULL, &got), VB_ERROR_INVALID_ARGUMENT,
                "argument 'collective' is NULL");
    CHECK(got == NULL);
    CHECK_FAILS(vb_collective_spread(g, seeds, 1, &so, NULL, &s_got), VB_ERROR_INVALID_ARGUMENT,
                "argument 'collective' is NULL");
    bad = c;
    bad.struct_size = 8;
    CHECK_FAILS(vb_collective_influence_max(g, 2, &o, &bad, &got), VB_ERROR_INVALID_ARGUMENT, "struct_size 8");
    bad = c;
    bad.rank = 1;
    CHECK_FAILS(vb_collective_influence_max(g, 2, &o, &bad, &got), VB_ERROR_INVALID_ARGUMENT,
                "field 'rank' is 1, not below size 1");
    bad = c;
    bad.allgatherv = NULL;
    CHECK_FAILS(vb_collective_influence_max(g, 2, &o, &bad, &got), VB_ERROR_INVALID_ARGUMENT,
                "field 'allgatherv' is NULL");
    bad = c;
    bad.size = 0;
    CHECK_FAILS(vb_collective_influence_max(g, 2, &o, &bad, &got), VB_ERROR_INVALID_ARGUMENT, "field 'size' is 0");
    bad.error_message = failure_text;
    CHECK_FAILS(vb_collective_influence_max(g, 2, &o, &bad, &got), VB_ERROR_INVALID_ARGUMENT,
                "MPI is not initialised (test)");
    /* A callback that fails: the call fails, naming it and its text. */
    bad = c;
    bad.allreduce = failing_allreduce;
    bad.error_message = failure_text;
    CHECK_FAILS(vb_collective_influence_max(g, 2, &o, &bad, &got), VB_ERROR_IO,
                "collective callback 'allreduce' failed with 9: the switch is on fire");
    CHECK(got == NULL);
    /* The C argument checks still name the argument (inside the agreement). */
    CHECK_FAILS(vb_collective_influence_max(NULL, 2, &o, &c, &got), VB_ERROR_INVALID_ARGUMENT,
                "argument 'graph' is NULL");
    CHECK_FAILS(vb_collective_influence_max(g, 99, &o, &c, &got), VB_ERROR_INVALID_ARGUMENT, "k = 99");
    CHECK_FAILS(vb_collective_spread(g, NULL, 1, &so, &c, &s_got), VB_ERROR_INVALID_ARGUMENT, "seeds");

    vb_influence_free(alone);
    vb_graph_free(g);
    return check_summary("test_collective_reach");
}
