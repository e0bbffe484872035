/* The co-attendance projection through the C API, on the hand-made network
 * of hand_network.h. Who attended what:
 *
 *   e1 (2022-05-04, 4 May commemoration): r1 r2 lib
 *   e2 (2022-05-05, 5 May breakfast):     r1 r2 r3
 *   e3 (2022-07-01, Keti Koti):           r3 r4
 *
 * so the pairs and their shared-event counts are
 *   r1-r2 2 (e1, e2), r1-lib 1, r2-lib 1, r1-r3 1, r2-r3 1, r3-r4 1.
 */
#include "hand_network.h"

static void test_all_events(void) {
    /* r1=0 r2=1 r3=2 r4=3 lib=4 */
    static const uint32_t src[] = {0, 0, 0, 1, 1, 2};
    static const uint32_t dst[] = {1, 2, 4, 2, 4, 3};
    static const double weight[] = {2, 1, 1, 1, 1, 1};
    uint32_t got_src[6], got_dst[6];
    double got_weight[6];
    size_t i;
    vb_network_t *net = hand_network();
    vb_graph_t *graph = NULL;
    vb_view_options_t options;

    vb_view_options_init(&options);
    options.co_attendance = 1;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 5);
    CHECK_SIZE(vb_graph_edge_count(graph), 6);
    CHECK(vb_graph_is_directed(graph) == 0);
    CHECK(vb_graph_is_weighted(graph) == 1);
    CHECK_SIZE(check_degree(graph, 0), 3); /* r2, r3, lib */
    CHECK_SIZE(check_degree(graph, 1), 3); /* r1, r3, lib */
    CHECK_SIZE(check_degree(graph, 2), 3); /* r1, r2, r4 */
    CHECK_SIZE(check_degree(graph, 3), 1); /* r3 */
    CHECK_SIZE(check_degree(graph, 4), 2); /* r1, r2 */
    CHECK_OK(vb_graph_edges(graph, 6, got_src, got_dst, got_weight));
    for (i = 0; i < 6; ++i) {
        CHECK_SIZE(got_src[i], src[i]);
        CHECK_SIZE(got_dst[i], dst[i]);
        CHECK_DOUBLE(got_weight[i], weight[i]);
    }
    CHECK_DOUBLE(check_weight(graph, "r2", "r1"), 2.0);
    CHECK(check_weight(graph, "r1", "r4") < 0);
    vb_graph_free(graph);
    vb_network_free(net);
}

static void test_filters(void) {
    vb_network_t *net = hand_network();
    vb_graph_t *graph = NULL;
    vb_view_options_t options;
    const char *keti_koti[] = {"Keti Koti"};
    const char *noord[] = {"Noord"};

    /* Residents only: lib's two pairs go. */
    vb_view_options_init(&options);
    options.co_attendance = 1;
    options.residents_only = 1;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 4);
    CHECK_SIZE(vb_graph_edge_count(graph), 4);
    CHECK_DOUBLE(check_weight(graph, "r1", "r2"), 2.0);
    vb_graph_free(graph);

    /* With co_attendance, kinds are event kinds: only e3. */
    vb_view_options_init(&options);
    options.co_attendance = 1;
    options.kinds = keti_koti;
    options.kind_count = 1;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 5);
    CHECK_SIZE(vb_graph_edge_count(graph), 1);
    CHECK_DOUBLE(check_weight(graph, "r3", "r4"), 1.0);
    vb_graph_free(graph);

    /* From 2022-05-05 on: e2 and e3, so r1-r2 shares one event only. */
    vb_view_options_init(&options);
    options.co_attendance = 1;
    options.start = "2022-05-05";
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_edge_count(graph), 4);
    CHECK_DOUBLE(check_weight(graph, "r1", "r2"), 1.0);
    CHECK(check_weight(graph, "r1", "lib") < 0);
    vb_graph_free(graph);

    /* Before 2022-05-05 (end is exclusive): e1 only. */
    vb_view_options_init(&options);
    options.co_attendance = 1;
    options.end = "2022-05-05";
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_edge_count(graph), 3);
    CHECK_DOUBLE(check_weight(graph, "r2", "lib"), 1.0);
    vb_graph_free(graph);

    /* Actors in Noord (r1, r2, lib): r1-r2 2, r1-lib 1, r2-lib 1. */
    vb_view_options_init(&options);
    options.co_attendance = 1;
    options.neighbourhoods = noord;
    options.neighbourhood_count = 1;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 3);
    CHECK_SIZE(vb_graph_edge_count(graph), 3);
    CHECK_DOUBLE(check_weight(graph, "r1", "r2"), 2.0);
    vb_graph_free(graph);

    /* directed is ignored: co-attendance is symmetric. */
    vb_view_options_init(&options);
    options.co_attendance = 1;
    options.directed = 1;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK(vb_graph_is_directed(graph) == 0);
    CHECK_SIZE(vb_graph_edge_count(graph), 6);
    vb_graph_free(graph);

    vb_network_free(net);
}

static void test_brought_along_person_is_linked(void) {
    /* Attending with brought_by records the attendance like any other. */
    vb_network_t *net = hand_network();
    vb_graph_t *graph = NULL;
    vb_view_options_t options;
    CHECK_OK(add_resident_in(net, "r5", "Zuid"));
    CHECK_OK(vb_network_attend(net, "e3", "r5", "r4"));
    CHECK_SIZE(vb_network_attendance_count(net), 9);
    vb_view_options_init(&options);
    options.co_attendance = 1;
    CHECK_OK(vb_graph_from_network(net, &options, &graph));
    CHECK_SIZE(vb_graph_edge_count(graph), 8); /* + r3-r5, r4-r5 */
    CHECK_DOUBLE(check_weight(graph, "r5", "r3"), 1.0);
    CHECK_DOUBLE(check_weight(graph, "r4", "r5"), 1.0);
    vb_graph_free(graph);
    vb_network_free(net);
}

int main(void) {
    test_all_events();
    test_filters();
    test_brought_along_person_is_linked();
    return check_summary("test_co_attendance");
}
