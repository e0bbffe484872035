/* The network part of the C API, on the hand-made network of
 * hand_network.h: counts, tie views (kinds, time window, neighbourhoods,
 * residents only, directed, merging), the adders with their options structs, and removal. */
#include "hand_network.h"

/* Checks that `graph` has exactly the undirected edges (src[i], dst[i],
 * weight[i]), listed in (src, dst) order with src < dst. */
static void check_edges(const vb_graph_t *graph, size_t m, const uint32_t *src, const uint32_t *dst,
                        const double *weight) {
    uint32_t got_src[16], got_dst[16];
    double got_weight[16];
    size_t i;
    CHECK_SIZE(vb_graph_edge_count(graph), m);
    if (m > 16 || vb_graph_edge_count(graph) != m) return;
    CHECK_OK(vb_graph_edges(graph, 16, got_src, got_dst, got_weight));
    for (i = 0; i < m; ++i) {
        CHECK_SIZE(got_src[i], src[i]);
        CHECK_SIZE(got_dst[i], dst[i]);
        CHECK_DOUBLE(got_weight[i], weight[i]);
    }
}

static void test_counts(void) {
    vb_network_t *net = hand_network();
    CHECK_SIZE(vb_network_actor_count(net), 5);
    CHECK_SIZE(vb_network_resident_count(net), 4);
    CHECK_SIZE(vb_network_organisation_count(net), 1);
    CHECK_SIZE(vb_network_tie_count(net), 5);
    CHECK_SIZE(vb_network_event_count(net), 3);
    CHECK_SIZE(vb_network_attendance_count(net), 8);
    CHECK(vb_network_has_actor(net, "lib") == 1);
    CHECK(vb_network_has_actor(net, "r9") == 0);
    CHECK(vb_network_has_event(net, "e3") == 1);
    CHECK(vb_network_has_event(net, "r1") == 0);
    vb_network_free(net);
}

static void test_default_view(void) {
    /* r1=0 r2=1 r3=2 r4=3 lib=4; all five ties, undirected, weight 1. */
    static const uint32_t src[] = {0, 0, 1, 1, 2};
    static const uint32_t dst[] = {1, 4, 2, 4, 3};
    static const double weight[] = {1, 1, 1, 1, 1};
    vb_network_t *net = hand_network();
    vb_graph_t *graph = NULL;
    CHECK_OK(vb_graph_from_network(net, NULL, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 5);
    CHECK(vb_graph_is_directed(graph) == 0);
    CHECK(vb_graph_is_weighted(graph) == 0);
    CHECK_SIZE(check_degree(graph, 0), 2); /* r2, lib */
    CHECK_SIZE(check_degree(graph, 1), 3); /* r1, r3, lib */
    CHECK_SIZE(check_degree(graph, 2), 2); /* r2, r4 */
    CHECK_SIZE(check_degree(graph, 3), 1); /* r3 */
    CHECK_SIZE(check_degree(graph, 4), 2); /* r1, r2 */
    CHECK_SIZE(check_index(graph, "lib"), 4);
    CHECK_SIZE(check_index(graph, "r3"), 2);
    check_edges(graph, 5, src, dst, weight);
    CHECK(vb_graph_memory_bytes(graph) > 0);
    CHECK(vb_graph_key_memory_bytes(graph) > 0);
    vb_graph_free(graph);
    vb_network_free(net);
}

static void test_filtered_views(void) {
    vb_network_t *net = hand_network();
    vb_graph_t *graph = NULL;
    vb_view_options_t options;
    const char *knows[] = {"knows"};
    const char *noord[] = {"Noord"};

    /* Tie kind "knows": r1-r2, r2-r3, r3-r4; lib stays as an isolated node. */
    vb_view_options_init(&options);
    options.kinds = knows;
    options.kind_count = 1;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 5);
    CHECK_SIZE(vb_graph_edge_count(graph), 3);
    CHECK_SIZE(check_degree(graph, 4), 0);
    CHECK_SIZE(check_degree(graph, 1), 2);
    vb_graph_free(graph);

    /* Residents only: lib and its two ties go. */
    vb_view_options_init(&options);
    options.residents_only = 1;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 4);
    CHECK_SIZE(vb_graph_edge_count(graph), 3);
    CHECK_SIZE(check_index(graph, "lib"), UINT32_MAX);
    vb_graph_free(graph);

    /* Noord: r1, r2, lib and the triangle between them. */
    vb_view_options_init(&options);
    options.neighbourhoods = noord;
    options.neighbourhood_count = 1;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 3);
    CHECK_SIZE(vb_graph_edge_count(graph), 3);
    CHECK_SIZE(check_index(graph, "lib"), 2);
    vb_graph_free(graph);

    /* [2021-06-01, 2022-01-01): r2-r3 (since 2022-03-01) is not active yet. */
    vb_view_options_init(&options);
    options.start = "2021-06-01";
    options.end = "2022-01-01";
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_edge_count(graph), 4);
    CHECK(check_weight(graph, "r2", "r3") < 0);
    CHECK_DOUBLE(check_weight(graph, "r3", "r4"), 1.0);
    vb_graph_free(graph);

    /* Up to 2020-05-05 (exclusive): only the two open ties. */
    vb_view_options_init(&options);
    options.end = "2020-05-05";
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_edge_count(graph), 2);
    CHECK_DOUBLE(check_weight(graph, "r2", "lib"), 1.0);
    CHECK_DOUBLE(check_weight(graph, "r3", "r4"), 1.0);
    vb_graph_free(graph);

    /* Directed: each tie a - b is the arc a -> b. */
    vb_view_options_init(&options);
    options.directed = 1;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK(vb_graph_is_directed(graph) == 1);
    CHECK_SIZE(vb_graph_edge_count(graph), 5);
    CHECK_SIZE(check_degree(graph, 0), 2);    /* r1 -> r2, lib */
    CHECK_SIZE(check_degree(graph, 1), 2);    /* r2 -> r3, lib */
    CHECK_SIZE(check_degree(graph, 3), 0);    /* r4 */
    CHECK_SIZE(check_in_degree(graph, 3), 1); /* r3 -> r4 */
    CHECK_SIZE(check_in_degree(graph, 4), 2); /* r1, r2 -> lib */
    CHECK_SIZE(check_in_degree(graph, 0), 0);
    CHECK(check_weight(graph, "r2", "r1") < 0);
    CHECK_DOUBLE(check_weight(graph, "r1", "r2"), 1.0);
    vb_graph_free(graph);

    vb_network_free(net);
}

static void test_merging_parallel_ties(void) {
    vb_network_t *net = hand_network();
    vb_graph_t *graph = NULL;
    vb_view_options_t options;
    vb_tie_options_t tie;

    /* A second tie between r1 and r2, of another kind, weight 3. */
    vb_tie_options_init(&tie);
    CHECK_DOUBLE(tie.weight, 1.0);
    CHECK(tie.since == NULL && tie.until == NULL);
    tie.weight = 3.0;
    tie.since = "2022-01-01";
    tie.until = "2023-01-01";
    CHECK_OK(vb_network_add_tie(net, "r2", "r1", "neighbour", &tie));
    CHECK_SIZE(vb_network_tie_count(net), 6);

    vb_view_options_init(&options);
    CHECK(options.merge == VB_MERGE_MAX);
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_edge_count(graph), 5);
    CHECK(vb_graph_is_weighted(graph) == 1);
    CHECK_DOUBLE(check_weight(graph, "r1", "r2"), 3.0);
    CHECK_DOUBLE(check_weight(graph, "r2", "r3"), 1.0);
    vb_graph_free(graph);

    options.merge = VB_MERGE_SUM;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_DOUBLE(check_weight(graph, "r1", "r2"), 4.0);
    vb_graph_free(graph);

    options.merge = VB_MERGE_MIN;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_DOUBLE(check_weight(graph, "r2", "r1"), 1.0);
    vb_graph_free(graph);

    options.merge = VB_MERGE_ERROR;
    CHECK_FAILS(vb_graph_from_network(net, &options, &graph), VB_ERROR_INVALID_ARGUMENT, "r1");
    CHECK(graph == NULL);

    /* The tie ended on 2023-01-01: a 2023 view sees only the first one. */
    options.merge = VB_MERGE_ERROR;
    options.start = "2023-01-01";
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_DOUBLE(check_weight(graph, "r1", "r2"), 1.0);
    vb_graph_free(graph);

    vb_network_free(net);
}

static void test_full_attributes(void) {
    vb_network_t *net = NULL;
    vb_resident_options_t resident;
    vb_organisation_options_t organisation;
    vb_event_options_t event;
    const char *talents[] = {"cooking", "music"};
    const char *groups[] = {"lgbti"};
    const char *offers[] = {"rooms"};
    const char *organisers[] = {"k1", "lib"};
    vb_graph_t *graph = NULL;

    CHECK_OK(vb_network_new(&net));
    vb_resident_options_init(&resident);
    CHECK(resident.struct_size == sizeof resident);
    CHECK(resident.key_figure == 0 && resident.trained_on == NULL && resident.talent_count == 0);
    resident.neighbourhood = "Haven";
    resident.municipality = "Lelystad";
    resident.talents = talents;
    resident.talent_count = 2;
    resident.groups = groups;
    resident.group_count = 1;
    resident.key_figure = 1;
    resident.trained_on = "2022-02-12";
    CHECK_OK(vb_network_add_resident(net, "k1", &resident));
    CHECK_OK(vb_network_add_resident(net, "k2", NULL));
    CHECK_OK(vb_network_mark_sensitive(net, "lgbti"));

    vb_organisation_options_init(&organisation);
    organisation.municipality = "Lelystad";
    organisation.talents = offers;
    organisation.talent_count = 1;
    CHECK_OK(vb_network_add_organisation(net, "lib", "library", &organisation));
    CHECK_OK(vb_network_add_organisation(net, "coc", "anti-discrimination", NULL));

    vb_event_options_init(&event);
    event.neighbourhood = "Haven";
    event.municipality = "Lelystad";
    event.organisers = organisers;
    event.organiser_count = 2;
    CHECK_OK(vb_network_add_event(net, "pride", "2022-06-25", "Pride", &event));
    CHECK_OK(vb_network_add_event(net, "iftar", "2022-04-20", "iftar", NULL));
    CHECK_OK(vb_network_add_organiser(net, "iftar", "coc"));
    CHECK_OK(vb_network_attend(net, "pride", "k1", NULL));
    CHECK_OK(vb_network_attend(net, "pride", "k2", "k1"));
    CHECK_OK(vb_network_attend(net, "iftar", "k2", NULL));

    CHECK_SIZE(vb_network_resident_count(net), 2);
    CHECK_SIZE(vb_network_organisation_count(net), 2);
    CHECK_SIZE(vb_network_event_count(net), 2);
    CHECK_SIZE(vb_network_attendance_count(net), 3);

    /* The key figure and the person she brought share one event. */
    {
        vb_view_options_t options;
        vb_view_options_init(&options);
        options.co_attendance = 1;
        CHECK_OK(vb_graph_from_network(net, &options, &graph));
        CHECK_SIZE(vb_graph_edge_count(graph), 1);
        CHECK_DOUBLE(check_weight(graph, "k1", "k2"), 1.0);
        vb_graph_free(graph);
    }
    vb_network_free(net);
}

static void test_removal(void) {
    vb_network_t *net = hand_network();
    vb_network_t *copy = NULL;
    vb_graph_t *graph = NULL;

    CHECK_OK(vb_network_copy(net, &copy));

    /* Erasing r2 takes r1-r2, r2-r3, r2-lib and r2's two attendances; r3 keeps
     * the attendance r2 brought them to. */
    CHECK_OK(vb_network_remove(net, "r2"));
    CHECK_SIZE(vb_network_actor_count(net), 4);
    CHECK_SIZE(vb_network_resident_count(net), 3);
    CHECK_SIZE(vb_network_tie_count(net), 2);
    CHECK_SIZE(vb_network_attendance_count(net), 6);
    CHECK(vb_network_has_actor(net, "r2") == 0);
    CHECK_OK(vb_graph_from_network(net, NULL, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 4);
    CHECK_SIZE(check_index(graph, "r3"), 1);
    CHECK_SIZE(check_index(graph, "r2"), UINT32_MAX);
    vb_graph_free(graph);

    CHECK_OK(vb_network_remove_event(net, "e3"));
    CHECK_SIZE(vb_network_event_count(net), 2);
    CHECK_SIZE(vb_network_attendance_count(net), 4);
    CHECK_FAILS(vb_network_remove(net, "r2"), VB_ERROR_NOT_FOUND, "r2");
    CHECK_FAILS(vb_network_remove_event(net, "e3"), VB_ERROR_NOT_FOUND, "e3");

    /* The copy is independent of the original. */
    CHECK_SIZE(vb_network_actor_count(copy), 5);
    CHECK_SIZE(vb_network_attendance_count(copy), 8);
    vb_network_free(copy);
    vb_network_free(net);
}

static void test_graph_outlives_network(void) {
    vb_network_t *net = hand_network();
    vb_graph_t *graph = NULL;
    CHECK_OK(vb_graph_from_network(net, NULL, &graph));
    vb_network_free(net);
    CHECK_SIZE(vb_graph_node_count(graph), 5);
    CHECK_SIZE(check_degree(graph, 1), 3);
    vb_graph_free(graph);
}

int main(void) {
    test_counts();
    test_default_view();
    test_filtered_views();
    test_merging_parallel_ties();
    test_full_attributes();
    test_removal();
    test_graph_outlives_network();
    return check_summary("test_network");
}
