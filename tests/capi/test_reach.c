/* The reach C ABI: hop reach, spread, influence maximisation, cascades,
 * temporal reach, and their bad-input paths. Expected values are hand
 * computed on tiny graphs. */
#include "check.h"


static int calls = 0;
static int stop_at_once(double fraction, void *data) {
    (void)fraction;
    ++*(int *)data;
    return 0;
}

static void test_hop_reach(void) {
    uint32_t src[] = {0, 1, 2};
    uint32_t dst[] = {1, 2, 3};
    vb_graph_t *g = NULL;
    int32_t d[5];
    uint32_t seed = 0, bad = 9;
    CHECK_OK(vb_graph_from_edges(5, 3, src, dst, NULL, NULL, &g));
    CHECK_OK(vb_hop_reach(g, &seed, 1, NULL, d));
    CHECK(d[0] == 0 && d[1] == 1 && d[2] == 2 && d[3] == 3 && d[4] == -1);
    {
        vb_hop_options_t o;
        vb_hop_options_init(&o);
        CHECK(o.hops == -1);
        o.hops = 1;
        CHECK_OK(vb_hop_reach(g, &seed, 1, &o, d));
        CHECK(d[1] == 1 && d[2] == -1);
    }
    CHECK_FAILS(vb_hop_reach(g, &bad, 1, NULL, d), VB_ERROR_INVALID_ARGUMENT, "node 9 is out of range");
    CHECK_FAILS(vb_hop_reach(NULL, &seed, 1, NULL, d), VB_ERROR_INVALID_ARGUMENT, "graph");
    CHECK_FAILS(vb_hop_reach(g, NULL, 1, NULL, d), VB_ERROR_INVALID_ARGUMENT, "seeds");
    vb_graph_free(g);
}

static void test_spread_and_influence(void) {
    /* Star 0 -> 1..4 (directed), every arc certain: spread of {0} is 5. */
    uint32_t src[] = {0, 0, 0, 0, 5};
    uint32_t dst[] = {1, 2, 3, 4, 6};
    vb_graph_t *g = NULL;
    vb_spread_options_t so;
    vb_influence_options_t io;
    vb_influence_t *im = NULL;
    uint32_t seed = 0, seeds[2], fixed = 0;
    vb_spread_t r;
    int stops = 0;
    vb_spread_init(&r);
    CHECK_OK(graph_from_edges_directed(7, 5, src, dst, NULL, 1, &g));
    vb_spread_options_init(&so);
    CHECK(so.runs == 10000 && so.model == VB_MODEL_INDEPENDENT_CASCADE);
    so.probability = VB_PROBABILITY_UNIFORM;
    so.uniform_probability = 1.0;
    so.runs = 100;
    CHECK_OK(vb_spread(g, &seed, 1, &so, &r));
    CHECK(r.mean == 5.0 && r.standard_error == 0.0 && r.low == 5.0 && r.high == 5.0);
    so.uniform_probability = 0.5;
    so.runs = 20000;
    CHECK_OK(vb_spread(g, &seed, 1, &so, &r));
    CHECK(check_abs(r.mean - 3.0) <= 3 * r.standard_error); /* 1 + 4 * 0.5 */
    so.uniform_probability = 2.0;
    CHECK_FAILS(vb_spread(g, &seed, 1, &so, &r), VB_ERROR_INVALID_ARGUMENT, "probability must be in [0, 1]");
    so.uniform_probability = 0.5;
    so.progress = stop_at_once;
    so.progress_data = &stops;
    CHECK_FAILS(vb_spread(g, &seed, 1, &so, &r), VB_ERROR_CANCELLED, "cancelled");
    CHECK(stops == 1);
    so.progress = NULL;
    so.struct_size = 8;
    CHECK_FAILS(vb_spread(g, &seed, 1, &so, &r), VB_ERROR_INVALID_ARGUMENT, "struct_size");

    vb_influence_options_init(&io);
    CHECK(io.epsilon == 0.1);
    io.probability = VB_PROBABILITY_UNIFORM;
    io.uniform_probability = 1.0;
    CHECK_OK(vb_influence_max(g, 2, &io, &im));
    CHECK(vb_influence_seed_count(im) == 2);
    CHECK_OK(vb_influence_seeds(im, 2, seeds));
    CHECK(seeds[0] == 0 && seeds[1] == 5);
    CHECK(vb_influence_spread_lower_bound(im) > 0 && vb_influence_spread_lower_bound(im) <= 7.0);
    CHECK(vb_influence_approximation(im) >= 0.53);
    CHECK_FAILS(vb_influence_seeds(im, 1, seeds), VB_ERROR_INVALID_ARGUMENT, "capacity");
    vb_influence_free(im);
    io.fixed = &fixed;
    io.fixed_count = 1;
    CHECK_OK(vb_influence_max(g, 1, &io, &im));
    CHECK_OK(vb_influence_seeds(im, 1, seeds));
    CHECK(seeds[0] == 5);
    vb_influence_free(im);
    im = (vb_influence_t *)&calls; /* must be reset on failure */
    CHECK_FAILS(vb_influence_max(g, 7, &io, &im), VB_ERROR_INVALID_ARGUMENT, "k = 7 is more than the 6 candidates");
    CHECK(im == NULL);
    io.fixed_count = 0;
    io.epsilon = 1.0;
    CHECK_FAILS(vb_influence_max(g, 1, &io, &im), VB_ERROR_INVALID_ARGUMENT, "epsilon must be in (0, 1)");
    io.epsilon = 0.1;
    stops = 0;
    io.progress = stop_at_once;
    io.progress_data = &stops;
    CHECK_FAILS(vb_influence_max(g, 1, &io, &im), VB_ERROR_CANCELLED, "cancelled");
    vb_influence_free(NULL);
    CHECK(vb_influence_seed_count(NULL) == 0);
    vb_graph_free(g);
}

static void test_cascades(void) {
    vb_network_t *net = NULL;
    vb_cascades_t *c = NULL;
    vb_cascade_totals_t totals;
    vb_event_cascade_t e;
    vb_cascade_link_t link;
    vb_cascade_bringer_t bringer;
    vb_cascade_options_t o;
    totals.struct_size = sizeof totals;
    e.struct_size = sizeof e;
    link.struct_size = sizeof link;
    bringer.struct_size = sizeof bringer;
    CHECK_OK(vb_network_new(&net));
    CHECK_OK(vb_network_add_resident(net, "ann", NULL));
    CHECK_OK(vb_network_add_resident(net, "bob", NULL));
    CHECK_OK(vb_network_add_resident(net, "cem", NULL));
    CHECK_OK(vb_network_add_event(net, "e1", "2022-05-04", "commemoration", NULL));
    CHECK_OK(vb_network_add_event(net, "e2", "2022-05-05", "breakfast", NULL));
    CHECK_OK(vb_network_attend(net, "e1", "ann", NULL));
    CHECK_OK(vb_network_attend(net, "e1", "bob", "ann"));
    CHECK_OK(vb_network_attend(net, "e2", "bob", NULL));
    CHECK_OK(vb_network_attend(net, "e2", "cem", "bob"));
    CHECK_OK(vb_cascades(net, NULL, &c));
    CHECK_OK(vb_cascades_totals(c, &totals));
    CHECK(totals.attendances == 4 && totals.newcomers == 3 && totals.newcomers_brought == 2);
    CHECK(check_abs(totals.bring_along_rate - 0.5) < 1e-12);
    CHECK(vb_cascades_event_count(c) == 2);
    CHECK_OK(vb_cascades_event(c, 1, &e));
    CHECK(strcmp(e.event, "e2") == 0 && e.newcomers == 1 && e.generations == 1);
    CHECK(vb_cascades_bringer_count(c) == 2);
    CHECK_OK(vb_cascades_bringer(c, 0, &bringer));
    CHECK(strcmp(bringer.actor, "ann") == 0 && bringer.newcomers_brought == 1 && bringer.brought == 1);
    CHECK_FAILS(vb_cascades_event(c, 5, &e), VB_ERROR_INVALID_ARGUMENT, "index 5 is out of range");
    /* e2's tree by hand: bob came on his own (not a newcomer: he was at e1),
     * cem was brought by bob (a newcomer, generation 1). */
    CHECK_OK(vb_cascades_event_link(c, 1, 0, &link));
    CHECK(strcmp(link.actor, "bob") == 0 && link.brought_by == NULL && link.generation == 0 && link.newcomer == 0);
    CHECK_OK(vb_cascades_event_link(c, 1, 1, &link));
    CHECK(strcmp(link.actor, "cem") == 0 && strcmp(link.brought_by, "bob") == 0 && link.generation == 1 &&
          link.newcomer == 1);
    CHECK_FAILS(vb_cascades_event_link(c, 1, 2, &link), VB_ERROR_INVALID_ARGUMENT, "link 2 is out of range");
    CHECK_FAILS(vb_cascades_event_link(c, 1, 0, NULL), VB_ERROR_INVALID_ARGUMENT, "out");
    vb_cascades_free(c);
    vb_cascade_options_init(&o);
    o.start = "2022-13-01";
    CHECK_FAILS(vb_cascades(net, &o, &c), VB_ERROR_INVALID_ARGUMENT, "vb_cascades: options->start");
    CHECK(c == NULL);
    o.start = "2022-05-05";
    CHECK_OK(vb_cascades(net, &o, &c));
    CHECK(vb_cascades_event_count(c) == 1);
    vb_cascades_free(c);
    vb_cascades_free(NULL);
    /* A sensitive e1 is left out as if it had not happened: bob is then a
     * newcomer at e2 (2 attendances, 2 newcomers, 1 brought); asked for by
     * name, e1 counts again. */
    CHECK_OK(vb_network_mark_sensitive_event(net, "e1"));
    CHECK_OK(vb_cascades(net, NULL, &c));
    CHECK_OK(vb_cascades_totals(c, &totals));
    CHECK(vb_cascades_event_count(c) == 1);
    CHECK(totals.attendances == 2 && totals.newcomers == 2 && totals.newcomers_brought == 1);
    vb_cascades_free(c);
    vb_cascade_options_init(&o);
    CHECK(o.include_sensitive == 0 && o.start == NULL && o.end == NULL);
    o.include_sensitive = 1;
    CHECK_OK(vb_cascades(net, &o, &c));
    CHECK_OK(vb_cascades_totals(c, &totals));
    CHECK(vb_cascades_event_count(c) == 2 && totals.attendances == 4 && totals.newcomers == 3);
    vb_cascades_free(c);
    vb_network_free(net);
}

static void test_temporal(void) {
    vb_network_t *net = NULL;
    vb_temporal_t *t = NULL;
    const char *seeds[] = {"a"};
    int64_t day = 0;
    vb_tie_options_t tie;
    vb_temporal_network_options_t o;
    vb_temporal_network_options_init(&o);
    o.start = "1970-01-01";
    CHECK_OK(vb_network_new(&net));
    CHECK_OK(vb_network_add_resident(net, "a", NULL));
    CHECK_OK(vb_network_add_resident(net, "b", NULL));
    CHECK_OK(vb_network_add_resident(net, "c", NULL));
    vb_tie_options_init(&tie);
    tie.since = "1970-01-03";
    CHECK_OK(vb_network_add_tie(net, "a", "b", "knows", &tie));
    CHECK_OK(vb_temporal_reach_network(net, seeds, 1, &o, &t));
    CHECK(vb_temporal_node_count(t) == 3);
    CHECK_OK(vb_temporal_arrival(t, 1, &day));
    CHECK(day == 2); /* 1970-01-03 is day 2 after the epoch */
    CHECK_FAILS(vb_temporal_arrival(t, 2, &day), VB_ERROR_NOT_FOUND, "not reached");
    CHECK(vb_temporal_curve_length(t) == 2);
    {
        vb_temporal_point_t point;
        vb_temporal_point_init(&point);
        CHECK_OK(vb_temporal_curve_point(t, 1, &point));
        CHECK(point.time == 2 && point.reached == 2);
    }
    vb_temporal_free(t);
    seeds[0] = "zed";
    CHECK_FAILS(vb_temporal_reach_network(net, seeds, 1, &o, &t), VB_ERROR_NOT_FOUND, "zed");
    CHECK_FAILS(vb_contacts_read("/nonexistent/x.tij", NULL), VB_ERROR_INVALID_ARGUMENT, "out");
    vb_temporal_free(NULL);
    vb_network_free(net);
}

static void test_contacts(void) {
    const char *dir = VERBIND_TEST_DATA;
    char path[1024];
    vb_contacts_t *c = NULL;
    vb_temporal_t *t = NULL;
    uint32_t seed = 0;
    int64_t end = 1000;
    snprintf(path, sizeof path, "%s/sociopatterns-ht09.tij", dir);
    CHECK_OK(vb_contacts_read(path, &c));
    CHECK(vb_contacts_count(c) == 20818 && vb_contacts_node_count(c) == 113);
    /* Integer labels are numbered by value: 107 of the 113 labels are below
     * 1336 (sort -un of columns 2 and 3), the smallest is 1026. */
    CHECK_OK(vb_contacts_index(c, "1026", &seed));
    CHECK(seed == 0);
    CHECK_OK(vb_contacts_index(c, "1336", &seed));
    CHECK(seed == 107);
    {
        vb_temporal_options_t o;
        vb_temporal_options_init(&o);
        CHECK(o.start == 0 && o.has_end == 0 && o.max_wait == -1);
        o.has_end = 1;
        o.end = end;
        CHECK_OK(vb_temporal_reach_contacts(c, &seed, 1, &o, &t));
    }
    CHECK(vb_temporal_curve_length(t) >= 2);
    vb_temporal_free(t);
    CHECK_FAILS(vb_contacts_index(c, "nobody", &seed), VB_ERROR_NOT_FOUND, "nobody");
    vb_contacts_free(c);
    CHECK_FAILS(vb_contacts_read("/nonexistent/x.tij", &c), VB_ERROR_IO, "x.tij");
    CHECK(c == NULL);
}

int main(void) {
    test_hop_reach();
    test_spread_and_influence();
    test_cascades();
    test_temporal();
    test_contacts();
    return check_summary("test_reach");
}
