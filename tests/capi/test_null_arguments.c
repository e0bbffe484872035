/* Every NULL argument of every network and graph function: a status of
 * VB_ERROR_INVALID_ARGUMENT and a message naming the function and the
 * argument, never a crash; handle out-parameters set to NULL; nothing
 * changed. NULL where the header allows it (since, brought_by,
 * neighbourhood, options, weights) is accepted. The file and sample
 * functions are covered in test_io.c and test_samples.c. */
#include "hand_network.h"

#define INVALID VB_ERROR_INVALID_ARGUMENT

/* A non-NULL address to preset out-parameters with, so that the tests see
 * whether a failing call resets them. */
static int not_a_handle;
#define STALE_NETWORK ((vb_network_t *)(void *)&not_a_handle)
#define STALE_GRAPH ((vb_graph_t *)(void *)&not_a_handle)

static void check_unchanged(const vb_network_t *net) {
    CHECK_SIZE(vb_network_actor_count(net), 5);
    CHECK_SIZE(vb_network_tie_count(net), 5);
    CHECK_SIZE(vb_network_event_count(net), 3);
    CHECK_SIZE(vb_network_attendance_count(net), 8);
}

static void test_network_functions(void) {
    vb_network_t *net = hand_network();
    vb_network_t *out = STALE_NETWORK;
    vb_resident_options_t resident;
    vb_organisation_options_t organisation;
    vb_tie_options_t tie;
    vb_event_options_t event;
    const char *with_hole[] = {"cooking", NULL};

    CHECK_FAILS(vb_network_new(NULL), INVALID, "vb_network_new: argument 'out' is NULL");
    vb_network_free(NULL);

    CHECK_FAILS(vb_network_copy(NULL, &out), INVALID, "vb_network_copy: argument 'net' is NULL");
    CHECK(out == NULL);
    CHECK_FAILS(vb_network_copy(net, NULL), INVALID, "vb_network_copy: argument 'out' is NULL");

    CHECK_FAILS(add_resident_in(NULL, "x", "Noord"), INVALID, "vb_network_add_resident: argument 'net' is NULL");
    CHECK_FAILS(add_resident_in(net, NULL, "Noord"), INVALID, "vb_network_add_resident: argument 'key' is NULL");

    CHECK_FAILS(vb_network_add_organisation(NULL, "x", "library", NULL), INVALID, "argument 'net' is NULL");
    CHECK_FAILS(vb_network_add_organisation(net, NULL, "library", NULL), INVALID, "argument 'key' is NULL");
    CHECK_FAILS(vb_network_add_organisation(net, "x", NULL, NULL), INVALID,
                "vb_network_add_organisation: argument 'kind' is NULL");

    CHECK_FAILS(vb_network_add_tie(NULL, "r1", "r3", "knows", NULL), INVALID, "argument 'net' is NULL");
    CHECK_FAILS(vb_network_add_tie(net, NULL, "r3", "knows", NULL), INVALID,
                "vb_network_add_tie: argument 'a' is NULL");
    CHECK_FAILS(vb_network_add_tie(net, "r1", NULL, "knows", NULL), INVALID,
                "vb_network_add_tie: argument 'b' is NULL");
    CHECK_FAILS(vb_network_add_tie(net, "r1", "r3", NULL, NULL), INVALID,
                "vb_network_add_tie: argument 'kind' is NULL");

    CHECK_FAILS(vb_network_add_event(NULL, "e9", "2022-01-01", "iftar", NULL), INVALID, "argument 'net' is NULL");
    CHECK_FAILS(vb_network_add_event(net, NULL, "2022-01-01", "iftar", NULL), INVALID, "argument 'key' is NULL");
    CHECK_FAILS(vb_network_add_event(net, "e9", NULL, "iftar", NULL), INVALID,
                "vb_network_add_event: argument 'date' is NULL");
    CHECK_FAILS(vb_network_add_event(net, "e9", "2022-01-01", NULL, NULL), INVALID, "argument 'kind' is NULL");

    CHECK_FAILS(vb_network_attend(NULL, "e1", "r3", NULL), INVALID, "vb_network_attend: argument 'net' is NULL");
    CHECK_FAILS(vb_network_attend(net, NULL, "r3", NULL), INVALID, "vb_network_attend: argument 'event' is NULL");
    CHECK_FAILS(vb_network_attend(net, "e1", NULL, NULL), INVALID, "vb_network_attend: argument 'actor' is NULL");

    CHECK_FAILS(vb_network_add_organiser(NULL, "e1", "lib"), INVALID, "argument 'net' is NULL");
    CHECK_FAILS(vb_network_add_organiser(net, NULL, "lib"), INVALID, "argument 'event' is NULL");
    CHECK_FAILS(vb_network_add_organiser(net, "e1", NULL), INVALID, "argument 'actor' is NULL");

    CHECK_FAILS(vb_network_add_resident(NULL, "x", NULL), INVALID, "argument 'net' is NULL");
    CHECK_FAILS(vb_network_add_resident(net, NULL, NULL), INVALID, "vb_network_add_resident: argument 'key' is NULL");
    vb_resident_options_init(&resident);
    resident.talent_count = 2;
    CHECK_FAILS(vb_network_add_resident(net, "x", &resident), INVALID,
                "argument 'options->talents' is NULL but its count is 2");
    resident.talents = with_hole;
    CHECK_FAILS(vb_network_add_resident(net, "x", &resident), INVALID, "argument 'options->talents[1]' is NULL");
    resident.talent_count = 1;
    resident.group_count = 1;
    CHECK_FAILS(vb_network_add_resident(net, "x", &resident), INVALID, "argument 'options->groups' is NULL");

    CHECK_FAILS(vb_network_add_organisation(NULL, "x", "library", NULL), INVALID, "argument 'net' is NULL");
    CHECK_FAILS(vb_network_add_organisation(net, NULL, "library", NULL), INVALID, "argument 'key' is NULL");
    CHECK_FAILS(vb_network_add_organisation(net, "x", NULL, NULL), INVALID, "argument 'kind' is NULL");
    vb_organisation_options_init(&organisation);
    organisation.talent_count = 1;
    CHECK_FAILS(vb_network_add_organisation(net, "x", "library", &organisation), INVALID,
                "argument 'options->talents' is NULL");

    CHECK_FAILS(vb_network_add_tie(NULL, "r1", "r3", "knows", NULL), INVALID, "argument 'net' is NULL");
    CHECK_FAILS(vb_network_add_tie(net, NULL, "r3", "knows", NULL), INVALID, "argument 'a' is NULL");
    CHECK_FAILS(vb_network_add_tie(net, "r1", NULL, "knows", NULL), INVALID, "argument 'b' is NULL");
    CHECK_FAILS(vb_network_add_tie(net, "r1", "r3", NULL, NULL), INVALID,
                "vb_network_add_tie: argument 'kind' is NULL");
    vb_tie_options_init(&tie);
    (void)tie;

    CHECK_FAILS(vb_network_add_event(NULL, "e9", "2022-01-01", "iftar", NULL), INVALID, "argument 'net' is NULL");
    CHECK_FAILS(vb_network_add_event(net, NULL, "2022-01-01", "iftar", NULL), INVALID, "argument 'key' is NULL");
    CHECK_FAILS(vb_network_add_event(net, "e9", NULL, "iftar", NULL), INVALID, "argument 'date' is NULL");
    CHECK_FAILS(vb_network_add_event(net, "e9", "2022-01-01", NULL, NULL), INVALID, "argument 'kind' is NULL");
    vb_event_options_init(&event);
    event.organiser_count = 3;
    CHECK_FAILS(vb_network_add_event(net, "e9", "2022-01-01", "iftar", &event), INVALID,
                "argument 'options->organisers' is NULL");

    CHECK_FAILS(vb_network_mark_sensitive(NULL, "lgbti"), INVALID, "argument 'net' is NULL");
    CHECK_FAILS(vb_network_mark_sensitive(net, NULL), INVALID, "vb_network_mark_sensitive: argument 'group' is NULL");

    CHECK_FAILS(vb_network_remove(NULL, "r1"), INVALID, "vb_network_remove: argument 'net' is NULL");
    CHECK_FAILS(vb_network_remove(net, NULL), INVALID, "vb_network_remove: argument 'actor' is NULL");
    CHECK_FAILS(vb_network_remove_event(NULL, "e1"), INVALID, "argument 'net' is NULL");
    CHECK_FAILS(vb_network_remove_event(net, NULL), INVALID, "vb_network_remove_event: argument 'event' is NULL");

    check_unchanged(net);

    CHECK_SIZE(vb_network_actor_count(NULL), 0);
    CHECK_SIZE(vb_network_resident_count(NULL), 0);
    CHECK_SIZE(vb_network_organisation_count(NULL), 0);
    CHECK_SIZE(vb_network_tie_count(NULL), 0);
    CHECK_SIZE(vb_network_event_count(NULL), 0);
    CHECK_SIZE(vb_network_attendance_count(NULL), 0);
    CHECK(vb_network_has_actor(NULL, "r1") == 0);
    CHECK(vb_network_has_actor(net, NULL) == 0);
    CHECK(vb_network_has_event(NULL, "e1") == 0);
    CHECK(vb_network_has_event(net, NULL) == 0);

    /* The NULLs the header allows. */
    CHECK_OK(vb_network_add_resident(net, "r5", NULL));
    CHECK_OK(vb_network_add_organisation(net, "o2", "welfare", NULL));
    CHECK_OK(vb_network_add_tie(net, "r5", "o2", "member_of", NULL));
    CHECK_OK(vb_network_add_event(net, "e4", "2022-12-01", "dialogue evening", NULL));
    CHECK_OK(vb_network_attend(net, "e4", "r5", NULL));
    CHECK_OK(vb_network_add_resident(net, "r6", NULL));
    CHECK_OK(vb_network_add_organisation(net, "o3", "library", NULL));
    CHECK_OK(vb_network_add_tie(net, "r6", "o3", "member_of", NULL));
    CHECK_OK(vb_network_add_event(net, "e5", "2022-12-02", "Pride", NULL));
    CHECK_SIZE(vb_network_actor_count(net), 9);
    vb_network_free(net);

    /* The plain init functions accept NULL too. */
    (vb_resident_options_init)(NULL);
    (vb_organisation_options_init)(NULL);
    (vb_tie_options_init)(NULL);
    (vb_event_options_init)(NULL);
    (vb_view_options_init)(NULL);
    (vb_edge_list_options_init)(NULL);
    vb_view_options_init_sized(NULL, sizeof(vb_view_options_t));
}

static void test_graph_functions(void) {
    vb_network_t *net = hand_network();
    vb_graph_t *graph = STALE_GRAPH;
    vb_view_options_t view;
    static const uint32_t src[] = {0, 1};
    static const uint32_t dst[] = {1, 2};
    uint32_t node = 7, s[4], d[4];
    size_t degree = 7, length = 7;
    double weight = 7.0;
    char key[8];

    CHECK_FAILS(vb_graph_from_network(NULL, NULL, &graph), INVALID, "vb_graph_from_network: argument 'net' is NULL");
    CHECK(graph == NULL);
    CHECK_FAILS(vb_graph_from_network(net, NULL, NULL), INVALID, "vb_graph_from_network: argument 'out' is NULL");
    vb_view_options_init(&view);
    view.kind_count = 1;
    graph = STALE_GRAPH;
    CHECK_FAILS(vb_graph_from_network(net, &view, &graph), INVALID, "argument 'options->kinds' is NULL");
    CHECK(graph == NULL);
    vb_view_options_init(&view);
    view.neighbourhood_count = 2;
    CHECK_FAILS(vb_graph_from_network(net, &view, &graph), INVALID, "argument 'options->neighbourhoods' is NULL");

    graph = STALE_GRAPH;
    CHECK_FAILS(vb_graph_from_edges(3, 2, NULL, dst, NULL, NULL, &graph), INVALID,
                "vb_graph_from_edges: argument 'src' is NULL");
    CHECK(graph == NULL);
    CHECK_FAILS(vb_graph_from_edges(3, 2, src, NULL, NULL, NULL, &graph), INVALID, "argument 'dst' is NULL");
    CHECK_FAILS(vb_graph_from_edges(3, 2, src, dst, NULL, NULL, NULL), INVALID, "argument 'out' is NULL");
    CHECK_FAILS(vb_graph_from_edges(3, 2, NULL, dst, NULL, NULL, &graph), INVALID,
                "vb_graph_from_edges: argument 'src' is NULL");
    CHECK_FAILS(vb_graph_from_edges(3, 2, src, NULL, NULL, NULL, &graph), INVALID, "argument 'dst' is NULL");
    CHECK_FAILS(vb_graph_from_edges(3, 2, src, dst, NULL, NULL, NULL), INVALID, "argument 'out' is NULL");
    graph = STALE_GRAPH;
    CHECK_FAILS(vb_graph_read_edgelist(NULL, NULL, &graph), INVALID,
                "vb_graph_read_edgelist: argument 'path' is NULL");
    CHECK(graph == NULL);
    CHECK_FAILS(vb_graph_read_edgelist("edges.txt", NULL, NULL), INVALID, "argument 'out' is NULL");
    vb_graph_free(NULL);

    CHECK_SIZE(vb_graph_node_count(NULL), 0);
    CHECK_SIZE(vb_graph_edge_count(NULL), 0);
    CHECK(vb_graph_is_directed(NULL) == 0);
    CHECK(vb_graph_is_weighted(NULL) == 0);
    CHECK_SIZE(vb_graph_memory_bytes(NULL), 0);
    CHECK_SIZE(vb_graph_key_memory_bytes(NULL), 0);

    CHECK_FAILS(vb_graph_degree(NULL, 0, &degree), INVALID, "vb_graph_degree: argument 'graph' is NULL");
    CHECK_SIZE(degree, 0);
    CHECK_FAILS(vb_graph_in_degree(NULL, 0, &degree), INVALID, "vb_graph_in_degree: argument 'graph' is NULL");
    CHECK_FAILS(vb_graph_edge_weight(NULL, 0, 1, &weight), INVALID, "vb_graph_edge_weight: argument 'graph' is NULL");
    CHECK_DOUBLE(weight, 0.0);
    CHECK_FAILS(vb_graph_edges(NULL, 4, s, d, NULL), INVALID, "vb_graph_edges: argument 'graph' is NULL");
    CHECK_FAILS(vb_graph_index(NULL, "r1", &node), INVALID, "vb_graph_index: argument 'graph' is NULL");
    CHECK_SIZE(node, 0);
    CHECK_FAILS(vb_graph_key(NULL, 0, key, sizeof key, &length), INVALID, "vb_graph_key: argument 'graph' is NULL");
    CHECK_SIZE(length, 0);

    /* A real graph, NULL elsewhere. */
    CHECK_OK(vb_graph_from_edges(3, 2, src, dst, NULL, NULL, &graph));
    CHECK_FAILS(vb_graph_degree(graph, 0, NULL), INVALID, "vb_graph_degree: argument 'out' is NULL");
    CHECK_FAILS(vb_graph_in_degree(graph, 0, NULL), INVALID, "argument 'out' is NULL");
    CHECK_FAILS(vb_graph_edge_weight(graph, 0, 1, NULL), INVALID, "vb_graph_edge_weight: argument 'out' is NULL");
    CHECK_FAILS(vb_graph_edges(graph, 4, NULL, d, NULL), INVALID, "vb_graph_edges: argument 'src' is NULL");
    CHECK_FAILS(vb_graph_edges(graph, 4, s, NULL, NULL), INVALID, "vb_graph_edges: argument 'dst' is NULL");
    CHECK_FAILS(vb_graph_index(graph, NULL, &node), INVALID, "vb_graph_index: argument 'key' is NULL");
    CHECK_FAILS(vb_graph_index(graph, "1", NULL), INVALID, "vb_graph_index: argument 'out' is NULL");
    CHECK_FAILS(vb_graph_key(graph, 0, NULL, 8, &length), INVALID, "vb_graph_key: argument 'buffer' is NULL");
    /* A NULL buffer of size 0 asks for the length only; a NULL length is allowed. */
    CHECK_OK(vb_graph_key(graph, 2, NULL, 0, &length));
    CHECK_SIZE(length, 1);
    CHECK_OK(vb_graph_key(graph, 2, key, sizeof key, NULL));
    CHECK_STRING(key, "2");
    vb_graph_free(graph);
    vb_network_free(net);
}

static void test_errors_and_version(void) {
    CHECK(vb_version() != NULL);
    CHECK(vb_last_error_message() != NULL);
    CHECK_STRING(vb_status_string((vb_status_t)99), "unknown status");
}

int main(void) {
    test_network_functions();
    test_graph_functions();
    test_errors_and_version();
    return check_summary("test_null_arguments");
}
