/* The ready-made networks through the C API: Davis's Southern Women checked
 * against the published table, and the sample programme's reproducibility
 * from a seed. */
#include "check.h"

#include <stdlib.h>

/* Davis, Gardner & Gardner (1941), Deep South, p. 148, as reproduced by
 * Breiger (1974): which of the events E1..E14 each woman attended. */
static const struct {
    const char *name;
    int events[9]; /* event numbers, 0-terminated */
} davis[18] = {
    {"Evelyn Jefferson", {1, 2, 3, 4, 5, 6, 8, 9, 0}},
    {"Laura Mandeville", {1, 2, 3, 5, 6, 7, 8, 0}},
    {"Theresa Anderson", {2, 3, 4, 5, 6, 7, 8, 9, 0}},
    {"Brenda Rogers", {1, 3, 4, 5, 6, 7, 8, 0}},
    {"Charlotte McDowd", {3, 4, 5, 7, 0}},
    {"Frances Anderson", {3, 5, 6, 8, 0}},
    {"Eleanor Nye", {5, 6, 7, 8, 0}},
    {"Pearl Oglethorpe", {6, 8, 9, 0}},
    {"Ruth DeSand", {5, 7, 8, 9, 0}},
    {"Verne Sanderson", {7, 8, 9, 12, 0}},
    {"Myra Liddel", {8, 9, 10, 12, 0}},
    {"Katherina Rogers", {8, 9, 10, 12, 13, 14, 0}},
    {"Sylvia Avondale", {7, 8, 9, 10, 12, 13, 14, 0}},
    {"Nora Fayette", {6, 7, 9, 10, 11, 12, 13, 14, 0}},
    {"Helen Lloyd", {7, 8, 10, 11, 12, 0}},
    {"Dorothy Murchison", {8, 9, 0}},
    {"Olivia Carleton", {9, 11, 0}},
    {"Flora Price", {9, 11, 0}},
};

static int attended(int woman, int event) {
    const int *e;
    for (e = davis[woman].events; *e; ++e)
        if (*e == event) return 1;
    return 0;
}

static int shared_events(int a, int b) {
    int event, shared = 0;
    for (event = 1; event <= 14; ++event) shared += attended(a, event) && attended(b, event);
    return shared;
}

static void test_davis(void) {
    vb_network_t *net = NULL;
    vb_graph_t *graph = NULL;
    vb_view_options_t options;
    int a, b, pairs = 0;
    size_t table_attendances = 0;

    CHECK_OK(vb_network_davis_southern_women(&net));
    CHECK_SIZE(vb_network_resident_count(net), 18);
    CHECK_SIZE(vb_network_organisation_count(net), 0);
    CHECK_SIZE(vb_network_event_count(net), 14);
    CHECK_SIZE(vb_network_attendance_count(net), 89);
    CHECK_SIZE(vb_network_tie_count(net), 0);
    for (a = 0; a < 18; ++a) {
        const int *e;
        for (e = davis[a].events; *e; ++e) ++table_attendances;
        CHECK(vb_network_has_actor(net, davis[a].name));
    }
    CHECK_SIZE(table_attendances, 89);
    CHECK(vb_network_has_event(net, "E1"));
    CHECK(vb_network_has_event(net, "E14"));

    /* The women's co-attendance projection. */
    vb_view_options_init(&options);
    options.co_attendance = 1;
    options.residents_only = 1;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 18);

    /* A few pairs by hand: Evelyn and Laura both went to E1 E2 E3 E5 E6 E8;
     * Evelyn and Theresa to E2-E6, E8, E9; Olivia and Flora to E9 and E11;
     * Evelyn and Nora to E6 and E9; Nora and Sylvia to E7 E9 E10 E12-E14. */
    CHECK_DOUBLE(check_weight(graph, "Evelyn Jefferson", "Laura Mandeville"), 6.0);
    CHECK_DOUBLE(check_weight(graph, "Evelyn Jefferson", "Theresa Anderson"), 7.0);
    CHECK_DOUBLE(check_weight(graph, "Flora Price", "Olivia Carleton"), 2.0);
    CHECK_DOUBLE(check_weight(graph, "Evelyn Jefferson", "Nora Fayette"), 2.0);
    CHECK_DOUBLE(check_weight(graph, "Nora Fayette", "Sylvia Avondale"), 6.0);
    /* Charlotte (E3 E4 E5 E7) and Flora (E9 E11) never met. */
    CHECK(check_weight(graph, "Charlotte McDowd", "Flora Price") < 0);

    /* Every pair against the table. */
    for (a = 0; a < 18; ++a) {
        for (b = a + 1; b < 18; ++b) {
            const int shared = shared_events(a, b);
            if (shared > 0) {
                ++pairs;
                CHECK_DOUBLE(check_weight(graph, davis[a].name, davis[b].name), (double)shared);
            } else {
                CHECK(check_weight(graph, davis[a].name, davis[b].name) < 0);
            }
        }
    }
    CHECK_SIZE(vb_graph_edge_count(graph), (size_t)pairs);
    CHECK_SIZE(vb_graph_edge_count(graph), 139); /* 153 pairs, 14 never met */
    vb_graph_free(graph);

    vb_network_free(net);
}

/* Edge arrays of a graph, for comparing two graphs exactly. */
static int same_graph(const vb_graph_t *x, const vb_graph_t *y) {
    size_t m = vb_graph_edge_count(x), i;
    uint32_t *xs, *xd, *ys, *yd;
    double *xw, *yw;
    int same = 1;
    if (m != vb_graph_edge_count(y) || vb_graph_node_count(x) != vb_graph_node_count(y)) return 0;
    if (m == 0) return 1;
    xs = malloc(m * sizeof *xs);
    xd = malloc(m * sizeof *xd);
    ys = malloc(m * sizeof *ys);
    yd = malloc(m * sizeof *yd);
    xw = malloc(m * sizeof *xw);
    yw = malloc(m * sizeof *yw);
    if (!xs || !xd || !ys || !yd || !xw || !yw || vb_graph_edges(x, m, xs, xd, xw) != VB_OK ||
        vb_graph_edges(y, m, ys, yd, yw) != VB_OK) {
        same = 0;
    } else {
        for (i = 0; i < m && same; ++i) same = xs[i] == ys[i] && xd[i] == yd[i] && xw[i] == yw[i];
    }
    free(xs);
    free(xd);
    free(ys);
    free(yd);
    free(xw);
    free(yw);
    return same;
}

static void test_sample_programme(void) {
    vb_network_t *first = NULL, *again = NULL, *other = NULL;
    vb_graph_t *g1 = NULL, *g2 = NULL, *g3 = NULL;
    vb_view_options_t options;

    CHECK_OK(vb_network_sample_programme(NULL, &first));
    CHECK_OK(vb_network_sample_programme(NULL, &again));
    CHECK_OK(sample_with_seed(7, &other));

    /* The documented scale: about 2,000 residents and 30 organisations in
     * four municipalities, with a year of events. */
    CHECK(vb_network_resident_count(first) >= 1500 && vb_network_resident_count(first) <= 2500);
    CHECK(vb_network_organisation_count(first) >= 15 && vb_network_organisation_count(first) <= 60);
    CHECK(vb_network_event_count(first) > 0);
    CHECK(vb_network_attendance_count(first) > vb_network_event_count(first));
    CHECK(vb_network_tie_count(first) > 0);

    /* Same seed, same network. */
    CHECK_SIZE(vb_network_actor_count(again), vb_network_actor_count(first));
    CHECK_SIZE(vb_network_tie_count(again), vb_network_tie_count(first));
    CHECK_SIZE(vb_network_event_count(again), vb_network_event_count(first));
    CHECK_SIZE(vb_network_attendance_count(again), vb_network_attendance_count(first));
    CHECK_OK(vb_graph_from_network(first, NULL, &g1));
    CHECK_OK(vb_graph_from_network(again, NULL, &g2));
    CHECK(same_graph(g1, g2));
    vb_graph_free(g1);
    vb_graph_free(g2);
    vb_view_options_init(&options);
    options.co_attendance = 1;
    CHECK_OK(vb_graph_from_network(first, &options, &g1));
    CHECK_OK(vb_graph_from_network(again, &options, &g2));
    CHECK(same_graph(g1, g2));

    /* Another seed, another network. */
    CHECK_OK(vb_graph_from_network(other, &options, &g3));
    CHECK(!same_graph(g1, g3));
    vb_graph_free(g1);
    vb_graph_free(g2);
    vb_graph_free(g3);

    vb_network_free(first);
    vb_network_free(again);
    vb_network_free(other);

    CHECK_FAILS(vb_network_sample_programme(NULL, NULL), VB_ERROR_INVALID_ARGUMENT,
                "vb_network_sample_programme: argument 'out' is NULL");
    {
        /* scale outside (0, 1000] is refused by C++'s SampleOptions::validate. */
        vb_sample_options_t o;
        vb_sample_options_init(&o);
        CHECK(o.seed == 2022 && o.scale == 1.0);
        o.scale = 0;
        CHECK_FAILS(vb_network_sample_programme(&o, &first), VB_ERROR_INVALID_ARGUMENT,
                    "vb_network_sample_programme: sample options field 'scale': must be a number in (0, 1000]");
        CHECK(first == NULL);
    }
    CHECK_FAILS(vb_network_davis_southern_women(NULL), VB_ERROR_INVALID_ARGUMENT,
                "vb_network_davis_southern_women: argument 'out' is NULL");
}

int main(void) {
    test_davis();
    test_sample_programme();
    return check_summary("test_samples");
}
