/* Labels through the C ABI (issue 11, item 2): the label 0xFFFFFFFF
 * crashed vb_modularity, vb_expected_ei_index and vb_assortativity
 * (k = max(k, l + 1) wrapped to 0); sparse labels such as 1e8 allocated
 * gigabytes. Labels are names: any values give the answer of the same
 * partition named 0..G-1. Also vb_expected_ei_index: progress,
 * cancelling, and the result without ties; and influence_max's limits. */
#include "check.h"

#include <stddef.h>
#include <stdint.h>

static int is_nan(double x) { return x != x; }

typedef struct tally {
    int calls;
    int cancel_at;
    double last;
    int increasing;
} tally_t;

static int on_progress(double fraction, void *user_data) {
    tally_t *t = (tally_t *)user_data;
    ++t->calls;
    if (fraction < t->last) t->increasing = 0;
    t->last = fraction;
    return t->cancel_at == 0 || t->calls < t->cancel_at;
}

static void test_issue_repro(void) {
    uint32_t s[] = {0, 1, 2}, d[] = {1, 2, 3};
    uint32_t lbl[] = {0, 0, UINT32_MAX, 1}, dense[] = {0, 0, 2, 1}, sparse[] = {100000000u, 100000000u, 7, 0};
    vb_graph_t *g = NULL;
    double q = 0, q_dense = 0, q_sparse = 0, a = 0, a_dense = 0, ei = 0;
    CHECK_OK(vb_graph_from_edges(4, 3, s, d, NULL, NULL, &g));
    /* By hand: communities {0,1}, {2}, {3} of the path; m = 3, one tie
     * inside, degree sums 3, 2, 1: Q = 1/3 - 14/36 = -1/18. */
    CHECK_OK(vb_modularity(g, lbl, 1.0, &q));
    CHECK(check_abs(q + 1.0 / 18.0) < 1e-12);
    CHECK_OK(vb_modularity(g, dense, 1.0, &q_dense));
    CHECK_OK(vb_modularity(g, sparse, 1.0, &q_sparse));
    CHECK(q == q_dense && check_abs(q - q_sparse) < 1e-12);
    CHECK_OK(vb_assortativity(g, lbl, &a));
    CHECK_OK(vb_assortativity(g, dense, &a_dense));
    CHECK(check_abs(a - a_dense) < 1e-12);
    CHECK_OK(vb_ei_index(g, lbl, &ei));
    CHECK(check_abs(ei - 1.0 / 3.0) < 1e-12); /* ties 1-2, 2-3 between, 0-1 inside */
    {
        vb_expected_ei_options_t o;
        vb_expected_ei_t r, r_dense;
        vb_expected_ei_options_init(&o);
        vb_expected_ei_init(&r);
        vb_expected_ei_init(&r_dense);
        o.permutations = 200;
        o.seed = 3;
        o.threads = 1;
        CHECK_OK(vb_expected_ei_index(g, lbl, &o, &r));
        CHECK(check_abs(r.observed - 1.0 / 3.0) < 1e-12);
        o.threads = 2;
        CHECK_OK(vb_expected_ei_index(g, dense, &o, &r_dense));
        CHECK(r.expected == r_dense.expected && r.p_value == r_dense.p_value);
    }
    /* Per group the result is indexed by label: such a label is refused,
     * naming the node, and nothing is written. */
    {
        double values[4] = {-7, -7, -7, -7};
        size_t count = 99;
        CHECK(vb_ei_index_per_group(g, lbl, 4, values, &count) == VB_ERROR_INVALID_ARGUMENT);
        CHECK(strstr(vb_last_error_message(), "groups[2] is 4294967295") != NULL);
        CHECK(values[0] == -7);
    }
    vb_graph_free(g);
}

static void test_expected_ei_options(void) {
    /* Two triangles {0,1,2}, {3,4,5} joined by 2-3: 7 ties, 1 between. */
    uint32_t s[] = {0, 0, 1, 3, 3, 4, 2}, d[] = {1, 2, 2, 4, 5, 5, 3};
    uint32_t groups[] = {5, 5, 5, UINT32_MAX, UINT32_MAX, UINT32_MAX};
    vb_graph_t *g = NULL;
    vb_expected_ei_options_t o;
    vb_expected_ei_t r, again;
    tally_t t = {0, 0, 0.0, 1};
    CHECK_OK(vb_graph_from_edges(6, 7, s, d, NULL, NULL, &g));
    vb_expected_ei_init(&r);
    vb_expected_ei_init(&again);
    CHECK(r.struct_size == sizeof r);
    vb_expected_ei_options_init(&o);
    CHECK(o.permutations == 1000);
    o.permutations = 300;
    o.seed = 9;
    o.progress = on_progress;
    o.progress_data = &t;
    CHECK_OK(vb_expected_ei_index(g, groups, &o, &r));
    CHECK(check_abs(r.observed - (1.0 - 6.0) / 7.0) < 1e-12);
    CHECK(r.permutations == 300);
    CHECK(t.calls >= 2 && t.last == 1.0 && t.increasing);
    /* The same with one thread: the result does not depend on threads. */
    {
        vb_expected_ei_options_t one;
        vb_expected_ei_options_init(&one);
        one.permutations = 300;
        one.seed = 9;
        one.threads = 1;
        CHECK_OK(vb_expected_ei_index(g, groups, &one, &again));
        CHECK(again.expected == r.expected && again.p_value == r.p_value);
    }
    /* Analytic: 1 - 2 * P(a random pair shares a group) = 1 - 2 * 12/30. */
    CHECK(check_abs(r.analytic - (1.0 - 2.0 * 12.0 / 30.0)) < 1e-12);
    /* Cancelling a run of 10^12 permutations: it stops at the callback. */
    t.calls = 0;
    t.cancel_at = 2;
    t.last = 0;
    o.permutations = (size_t)1000000000000ull;
    again.observed = -42;
    CHECK(vb_expected_ei_index(g, groups, &o, &again) == VB_ERROR_CANCELLED);
    CHECK(t.calls == 2);
    CHECK(again.observed == -42);
    /* NULL options: defaults; permutations 0 refused. */
    CHECK_OK(vb_expected_ei_index(g, groups, NULL, &again));
    CHECK(again.permutations == 1000);
    vb_expected_ei_options_init(&o);
    o.permutations = 0;
    CHECK(vb_expected_ei_index(g, groups, &o, &again) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(vb_expected_ei_index(g, groups, NULL, NULL) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(vb_expected_ei_index(g, NULL, NULL, &again) == VB_ERROR_INVALID_ARGUMENT);
    /* A result struct whose size was never set is refused, untouched. */
    again.struct_size = 0;
    again.observed = -42;
    CHECK(vb_expected_ei_index(g, groups, NULL, &again) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "struct_size") != NULL);
    CHECK(again.observed == -42);
    /* A caller built when the struct ended at p_value (no permutations):
     * the library writes nothing past what it was given. */
    {
        unsigned char buffer[sizeof(vb_expected_ei_t) + 8];
        vb_expected_ei_t *old = (vb_expected_ei_t *)buffer;
        const size_t older = offsetof(vb_expected_ei_t, permutations);
        memset(buffer, 0xAB, sizeof buffer);
        old->struct_size = older;
        CHECK(vb_expected_ei_index(g, groups, NULL, old) == VB_ERROR_INVALID_ARGUMENT); /* below the first size */
        old->struct_size = sizeof(vb_expected_ei_t);
        CHECK_OK(vb_expected_ei_index(g, groups, NULL, old));
        CHECK(buffer[sizeof(vb_expected_ei_t)] == 0xAB && buffer[sizeof buffer - 1] == 0xAB);
        CHECK(old->struct_size == sizeof(vb_expected_ei_t));
    }
    vb_graph_free(g);

    /* No ties: E-I is undefined, so is everything derived from it. */
    CHECK_OK(vb_graph_from_edges(3, 0, NULL, NULL, NULL, NULL, &g));
    {
        uint32_t three[] = {0, 1, 1};
        CHECK_OK(vb_expected_ei_index(g, three, NULL, &r));
        CHECK(is_nan(r.observed) && is_nan(r.expected) && is_nan(r.std_dev) && is_nan(r.analytic) &&
              is_nan(r.p_value));
        CHECK(r.permutations == 0);
    }
    vb_graph_free(g);
}

static void test_influence_limits(void) {
    /* The issue's star 0 -> 1..4: every arc fires (weighted cascade). */
    uint32_t s[] = {0, 0, 0, 0}, d[] = {1, 2, 3, 4};
    vb_graph_t *g = NULL;
    vb_influence_options_t o;
    vb_influence_t *r = NULL;
    uint32_t seed = 99;
    uint32_t groups[] = {0, 0, 1, 1, UINT32_MAX};
    CHECK_OK(graph_from_edges_directed(5, 4, s, d, NULL, 1, &g));
    vb_influence_options_init(&o);
    CHECK(o.max_memory_bytes == (size_t)4 << 30);
    o.epsilon = 1e-10;
    CHECK_OK(vb_influence_max(g, 1, &o, &r));
    CHECK_OK(vb_influence_seeds(r, 1, &seed));
    CHECK(seed == 0);
    CHECK(vb_influence_spread_lower_bound(r) > 1.0 && vb_influence_spread_lower_bound(r) <= 5.0);
    CHECK(vb_influence_approximation(r) >= 1.0 - 0.36787944117144233 - 1e-10);
    vb_influence_free(r);
    r = NULL;
    vb_influence_options_init(&o);
    o.delta = 4.9406564584124654e-324;
    CHECK_OK(vb_influence_max(g, 1, &o, &r));
    CHECK(vb_influence_spread_lower_bound(r) > 0.0 && vb_influence_spread_lower_bound(r) <= 5.0);
    vb_influence_free(r);
    r = NULL;
    /* A cap too small for even the first round: refused with the estimate. */
    vb_influence_options_init(&o);
    o.max_memory_bytes = 10;
    CHECK(vb_influence_max(g, 1, &o, &r) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "max_memory_bytes = 10") != NULL);
    CHECK(r == NULL);
    /* Groups with the label 0xFFFFFFFF: label 2 is missing, refused in O(n). */
    vb_influence_options_init(&o);
    o.groups = groups;
    CHECK(vb_influence_max(g, 1, &o, &r) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "label 2 has no members") != NULL);
    vb_graph_free(g);
}

int main(void) {
    test_issue_repro();
    test_expected_ei_options();
    test_influence_limits();
    return check_summary("test_socialmap_labels");
}
