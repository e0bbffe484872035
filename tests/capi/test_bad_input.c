/* Bad input through the C API: the right status, a message that names the
 * function, the record and the bad value, and a network left exactly as it
 * was (every count unchanged, and the graph of it too). */
#include "hand_network.h"

#include <stdlib.h>

#define INVALID VB_ERROR_INVALID_ARGUMENT
#define NOT_FOUND VB_ERROR_NOT_FOUND

/* The hand network's counts, and its tie graph's edge count. */
static void check_unchanged(const vb_network_t *net) {
    vb_graph_t *graph = NULL;
    CHECK_SIZE(vb_network_actor_count(net), 5);
    CHECK_SIZE(vb_network_resident_count(net), 4);
    CHECK_SIZE(vb_network_tie_count(net), 5);
    CHECK_SIZE(vb_network_event_count(net), 3);
    CHECK_SIZE(vb_network_attendance_count(net), 8);
    CHECK_OK(vb_graph_from_network(net, NULL, &graph));
    CHECK_SIZE(vb_graph_edge_count(graph), 5);
    vb_graph_free(graph);
}

static void test_unknown_keys(vb_network_t *net) {
    CHECK_FAILS(vb_network_add_tie(net, "r1", "r9", "knows", NULL), NOT_FOUND,
                "vb_network_add_tie: tie 'r1' - 'r9' field 'b': unknown actor 'r9'");
    CHECK_FAILS(vb_network_add_tie(net, "r0", "r1", "knows", NULL), NOT_FOUND, "unknown actor 'r0'");
    CHECK_FAILS(vb_network_attend(net, "e9", "r1", NULL), NOT_FOUND, "unknown event 'e9'");
    CHECK_FAILS(vb_network_attend(net, "e3", "r9", NULL), NOT_FOUND, "unknown actor 'r9'");
    CHECK_FAILS(vb_network_attend(net, "e3", "r1", "r9"), NOT_FOUND, "field 'brought_by': unknown actor 'r9'");
    CHECK_FAILS(vb_network_add_organiser(net, "e9", "lib"), NOT_FOUND, "e9");
    CHECK_FAILS(vb_network_add_organiser(net, "e1", "nobody"), NOT_FOUND, "nobody");
    {
        vb_event_options_t event;
        const char *organisers[] = {"lib", "ghost"};
        vb_event_options_init(&event);
        event.organisers = organisers;
        event.organiser_count = 2;
        CHECK_FAILS(vb_network_add_event(net, "e9", "2022-09-01", "iftar", &event), NOT_FOUND,
                    "event 'e9' field 'organisers': unknown actor 'ghost'");
    }
    CHECK_FAILS(vb_network_remove(net, "r9"), NOT_FOUND, "vb_network_remove: unknown actor 'r9'");
    CHECK_FAILS(vb_network_remove_event(net, "e9"), NOT_FOUND, "unknown event 'e9'");
    check_unchanged(net);
}

static void test_duplicates(vb_network_t *net) {
    CHECK_FAILS(add_resident_in(net, "r1", "Zuid"), INVALID, "resident 'r1': key already exists");
    CHECK_FAILS(vb_network_add_organisation(net, "r2", "library", NULL), INVALID, "organisation 'r2'");
    CHECK_FAILS(vb_network_add_event(net, "e1", "2022-01-01", "iftar", NULL), INVALID, "event 'e1'");
    /* Same pair (either order), same kind, same since. */
    CHECK_FAILS(add_tie_since(net, "r2", "r1", "knows", "2021-01-01"), INVALID, "tie 'r2' - 'r1'");
    CHECK_FAILS(vb_network_attend(net, "e1", "r1", NULL), INVALID, "attendance of 'r1' at event 'e1'");
    CHECK_OK(vb_network_add_organiser(net, "e1", "lib"));
    CHECK_FAILS(vb_network_add_organiser(net, "e1", "lib"), INVALID, "already an organiser");
    check_unchanged(net);
}

static void test_malformed_dates(vb_network_t *net) {
    vb_resident_options_t resident;
    vb_tie_options_t tie;
    vb_view_options_t view;
    vb_graph_t *graph = NULL;

    CHECK_FAILS(vb_network_add_event(net, "e9", "2022-13-01", "iftar", NULL), INVALID,
                "event 'e9' field 'date': malformed date '2022-13-01'");
    CHECK_FAILS(vb_network_add_event(net, "e9", "4 May 2022", "iftar", NULL), INVALID,
                "malformed date '4 May 2022' (expected YYYY-MM-DD)");
    CHECK_FAILS(vb_network_add_event(net, "e9", "2022-02-30", "iftar", NULL), INVALID, "'2022-02-30'");
    CHECK_FAILS(vb_network_add_event(net, "e9", "", "iftar", NULL), INVALID, "field 'date'");
    CHECK_FAILS(add_tie_since(net, "r1", "r3", "knows", "2022/01/01"), INVALID,
                "tie 'r1' - 'r3' field 'since': malformed date '2022/01/01'");

    vb_tie_options_init(&tie);
    tie.until = "2022-00-10";
    CHECK_FAILS(vb_network_add_tie(net, "r1", "r3", "knows", &tie), INVALID, "field 'until': malformed date");
    tie.since = "2022-05-01";
    tie.until = "2022-05-01";
    CHECK_FAILS(vb_network_add_tie(net, "r1", "r3", "knows", &tie), INVALID, "is not after since");

    vb_resident_options_init(&resident);
    resident.trained_on = "yesterday";
    CHECK_FAILS(vb_network_add_resident(net, "r9", &resident), INVALID,
                "resident 'r9' field 'trained_on': malformed date 'yesterday'");

    vb_view_options_init(&view);
    view.start = "2022-1-1";
    CHECK_FAILS(vb_graph_from_network(net, &view, &graph), INVALID, "'start': malformed date '2022-1-1'");
    CHECK(graph == NULL);
    vb_view_options_init(&view);
    view.start = "2022-06-01";
    view.end = "2022-01-01";
    CHECK_FAILS(vb_graph_from_network(net, &view, &graph), INVALID, "is not after start");
    check_unchanged(net);
}

static void test_bad_values(vb_network_t *net) {
    vb_tie_options_t tie;
    vb_resident_options_t resident;
    const char *talents[] = {"cooking", "music;dance"};

    CHECK_FAILS(vb_network_add_tie(net, "r1", "r1", "knows", NULL), INVALID,
                "tie 'r1' - 'r1': a tie to oneself is not allowed");
    vb_tie_options_init(&tie);
    tie.weight = -0.5;
    CHECK_FAILS(vb_network_add_tie(net, "r1", "r3", "knows", &tie), INVALID,
                "tie 'r1' - 'r3' field 'weight': must be a finite number >= 0");
    tie.weight = strtod("inf", NULL);
    CHECK_FAILS(vb_network_add_tie(net, "r1", "r3", "knows", &tie), INVALID, "field 'weight'");
    tie.weight = strtod("nan", NULL);
    CHECK_FAILS(vb_network_add_tie(net, "r1", "r3", "knows", &tie), INVALID, "field 'weight'");

    CHECK_FAILS(vb_network_add_resident(net, "\xff", NULL), INVALID, "resident key: is not valid UTF-8");
    CHECK_FAILS(add_resident_in(net, "r9", "Noord\xc3"), INVALID,
                "resident 'r9' field 'neighbourhood': is not valid UTF-8");
    CHECK_FAILS(vb_network_add_resident(net, "", NULL), INVALID, "resident key: must not be empty");
    CHECK_FAILS(vb_network_add_resident(net, " r9", NULL), INVALID, "leading or trailing blanks ' r9'");
    CHECK_FAILS(vb_network_add_resident(net, "r\t9", NULL), INVALID, "control character");
    CHECK_FAILS(vb_network_add_organisation(net, "o9", "", NULL), INVALID, "organisation 'o9' field 'kind'");
    CHECK_FAILS(vb_network_add_event(net, "e9", "2022-01-01", "\xc0\xaf", NULL), INVALID,
                "event 'e9' field 'kind': is not valid UTF-8");
    CHECK_FAILS(vb_network_add_tie(net, "r1", "r3", "kno\xffws", NULL), INVALID, "field 'kind'");
    CHECK_FAILS(vb_network_mark_sensitive(net, "a;b"), INVALID, "sensitive group");
    CHECK_FAILS(vb_network_attend(net, "e3", "r4", "r4"), INVALID, "cannot bring themselves");

    /* A bad list item refuses the whole resident. */
    vb_resident_options_init(&resident);
    resident.talents = talents;
    resident.talent_count = 2;
    CHECK_FAILS(vb_network_add_resident(net, "r9", &resident), INVALID,
                "resident 'r9' field 'talents': contains ';'");
    CHECK(vb_network_has_actor(net, "r9") == 0);
    /* A UTF-8 key is fine: "Zoë". */
    CHECK_OK(vb_network_add_resident(net, "Zo\xc3\xab", NULL));
    CHECK_OK(vb_network_remove(net, "Zo\xc3\xab"));
    check_unchanged(net);
}

static void test_options_struct_size(vb_network_t *net) {
    vb_view_options_t view;
    vb_tie_options_t tie;
    vb_graph_t *graph = NULL;
    struct {
        vb_view_options_t known;
        double appended_by_a_newer_header;
    } newer;

    vb_view_options_init(&view);
    view.struct_size = 0;
    CHECK_FAILS(vb_graph_from_network(net, &view, &graph), INVALID,
                "argument 'options' (vb_view_options_t) has struct_size 0");
    CHECK(graph == NULL);
    view.struct_size = sizeof view / 2;
    CHECK_FAILS(vb_graph_from_network(net, &view, &graph), INVALID, "vb_view_options_init");

    vb_tie_options_init(&tie);
    tie.struct_size = sizeof(size_t);
    CHECK_FAILS(vb_network_add_tie(net, "r1", "r3", "knows", &tie), INVALID, "(vb_tie_options_t)");

    /* A larger struct from a newer header: the fields this library knows
     * are read while the ones it does not know are 0 (their defaults); a
     * set one is refused, never silently ignored. */
    vb_view_options_init_sized(&newer.known, sizeof newer);
    CHECK(newer.known.struct_size == sizeof newer);
    CHECK(newer.appended_by_a_newer_header == 0.0);
    CHECK(newer.known.merge == VB_MERGE_MAX);
    newer.known.residents_only = 1;
    CHECK_OK(vb_graph_from_network(net, &newer.known, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 4);
    vb_graph_free(graph);
    graph = NULL;
    newer.appended_by_a_newer_header = 42.0;
    CHECK_FAILS(vb_graph_from_network(net, &newer.known, &graph), INVALID, "larger than this library's");
    CHECK(graph == NULL);

    /* A size that cannot be a vb_view_options_t: init writes nothing but a
     * zero struct_size, so the struct is refused later. */
    vb_view_options_init(&view);
    view.residents_only = 7;
    vb_view_options_init_sized(&view, sizeof(size_t) + 1);
    CHECK(view.struct_size == 0);
    CHECK(view.residents_only == 7);

    /* Enum fields out of range. */
    vb_view_options_init(&view);
    view.merge = (vb_merge_t)9;
    CHECK_FAILS(vb_graph_from_network(net, &view, &graph), INVALID, "field 'options->merge' is 9");
    check_unchanged(net);
}

static void test_bad_edges(void) {
    static const uint32_t src[] = {0, 1, 2};
    static const uint32_t dst[] = {1, 2, 3};
    static const double weights[] = {1.0, -2.0, 1.0};
    vb_graph_t *graph = NULL;
    vb_edge_list_options_t options;
    size_t degree = 9, length = 9;
    double weight = 9.0;
    char key[4] = "abc";

    /* Node 3 with only 3 nodes: the message names the edge. */
    CHECK_FAILS(vb_graph_from_edges(3, 3, src, dst, NULL, NULL, &graph), INVALID, "edge 2");
    CHECK(graph == NULL);
    CHECK_FAILS(vb_graph_from_edges(4, 3, src, dst, weights, NULL, &graph), INVALID, "edge 1");
    vb_edge_list_options_init(&options);
    options.self_loops = (vb_self_loops_t)5;
    CHECK_FAILS(vb_graph_from_edges(4, 3, src, dst, NULL, &options, &graph), INVALID,
                "field 'options->self_loops' is 5");
    vb_edge_list_options_init(&options);
    options.duplicates = (vb_merge_t)-1;
    CHECK_FAILS(vb_graph_from_edges(4, 3, src, dst, NULL, &options, &graph), INVALID, "options->duplicates");

    /* Node indices out of range in queries. */
    CHECK_OK(vb_graph_from_edges(4, 3, src, dst, NULL, NULL, &graph));
    CHECK_FAILS(vb_graph_degree(graph, 4, &degree), INVALID, "argument 'node' is node 4, but the graph has 4 nodes");
    CHECK_SIZE(degree, 0);
    CHECK_FAILS(vb_graph_in_degree(graph, UINT32_MAX, &degree), INVALID, "argument 'node'");
    CHECK_FAILS(vb_graph_edge_weight(graph, 0, 4, &weight), INVALID, "argument 'v' is node 4");
    CHECK_FAILS(vb_graph_edge_weight(graph, 0, 2, &weight), NOT_FOUND, "no edge '0' - '2'");
    CHECK_FAILS(vb_graph_key(graph, 4, key, sizeof key, &length), INVALID, "argument 'node' is node 4");
    CHECK_SIZE(length, 0);
    CHECK_STRING(key, "abc");
    {
        uint32_t s[2], d[2];
        CHECK_FAILS(vb_graph_edges(graph, 2, s, d, NULL), INVALID, "argument 'capacity' is 2, but the graph has 3");
    }
    CHECK_FAILS(vb_graph_index(graph, "x", NULL), INVALID, "'out'");
    {
        uint32_t node = 9;
        CHECK_FAILS(vb_graph_index(graph, "7", &node), NOT_FOUND, "'7'");
    }
    vb_graph_free(graph);
}

static void test_message_lifecycle(vb_network_t *net) {
    /* A success leaves the last message as it was (like errno). */
    CHECK_FAILS(vb_network_add_resident(net, "r1", NULL), INVALID, "r1");
    CHECK(vb_network_resident_count(net) == 4);
    CHECK_OK(vb_network_add_resident(net, "r8", NULL));
    CHECK(strstr(vb_last_error_message(), "resident 'r1': key already exists") != NULL);
    CHECK_OK(vb_network_remove(net, "r8"));
    vb_clear_last_error();
    CHECK_STRING(vb_last_error_message(), "");
    /* No C++ source file or line ever appears. */
    CHECK_FAILS(vb_network_add_tie(net, "r1", "r1", "knows", NULL), INVALID, "oneself");
    CHECK(strstr(vb_last_error_message(), ".cpp") == NULL);
    CHECK(strstr(vb_last_error_message(), ".hpp") == NULL);
}

int main(void) {
    vb_network_t *net = hand_network();
    test_unknown_keys(net);
    test_duplicates(net);
    test_malformed_dates(net);
    test_bad_values(net);
    test_options_struct_size(net);
    test_bad_edges();
    test_message_lifecycle(net);
    vb_network_free(net);
    return check_summary("test_bad_input");
}
