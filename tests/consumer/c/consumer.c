/* An outside C program built against an installed verbind through
 * pkg-config: three residents, two ties, an event, and a graph from edge
 * arrays, each checked against values worked out by hand. */
#include <verbind.h>

#include <stdio.h>
#include <string.h>

static int failures = 0;

static void expect(int condition, const char *what) {
    if (!condition) {
        ++failures;
        fprintf(stderr, "consumer.c: FAILED: %s (last error: %s)\n", what, vb_last_error_message());
    }
}

int main(void) {
    vb_network_t *net = NULL;
    vb_graph_t *graph = NULL;
    vb_view_options_t view;
    /* A path 0 - 1 - 2 plus 1 - 3: degrees 1 3 1 1. */
    static const uint32_t src[] = {0, 1, 1};
    static const uint32_t dst[] = {1, 2, 3};
    size_t degree = 0;
    vb_resident_options_t resident;
    vb_tie_options_t tie;
    vb_event_options_t event;

    expect(strcmp(vb_version(), VB_VERSION_STRING) == 0, "vb_version() matches the installed header");

    expect(vb_network_new(&net) == VB_OK, "vb_network_new");
    vb_resident_options_init(&resident);
    resident.neighbourhood = "Haven";
    expect(vb_network_add_resident(net, "anna", &resident) == VB_OK, "add anna");
    expect(vb_network_add_resident(net, "bram", &resident) == VB_OK, "add bram");
    resident.neighbourhood = "Centrum";
    expect(vb_network_add_resident(net, "cem", &resident) == VB_OK, "add cem");
    vb_tie_options_init(&tie);
    tie.since = "2022-01-01";
    expect(vb_network_add_tie(net, "anna", "bram", "knows", &tie) == VB_OK, "tie anna - bram");
    expect(vb_network_add_tie(net, "bram", "cem", "knows", NULL) == VB_OK, "tie bram - cem");
    vb_event_options_init(&event);
    event.neighbourhood = "Haven";
    expect(vb_network_add_event(net, "iftar", "2022-04-20", "iftar", &event) == VB_OK, "add iftar");
    expect(vb_network_attend(net, "iftar", "anna", NULL) == VB_OK, "anna attends");
    expect(vb_network_attend(net, "iftar", "cem", "anna") == VB_OK, "cem attends, brought by anna");
    expect(vb_network_tie_count(net) == 2, "2 ties");
    expect(vb_network_resident_count(net) == 3, "3 residents");
    expect(vb_network_attendance_count(net) == 2, "2 attendances");
    expect(vb_network_add_tie(net, "anna", "dewi", "knows", NULL) == VB_ERROR_NOT_FOUND, "unknown actor refused");
    expect(strstr(vb_last_error_message(), "unknown actor 'dewi'") != NULL, "the message names dewi");
    expect(vb_network_tie_count(net) == 2, "still 2 ties");

    /* The tie graph: anna - bram - cem, bram has degree 2. */
    expect(vb_graph_from_network(net, NULL, &graph) == VB_OK, "tie graph");
    expect(vb_graph_node_count(graph) == 3 && vb_graph_edge_count(graph) == 2, "3 nodes, 2 edges");
    expect(vb_graph_degree(graph, 1, &degree) == VB_OK && degree == 2, "bram has degree 2");
    vb_graph_free(graph);

    /* Co-attendance: anna and cem met at the iftar. */
    vb_view_options_init(&view);
    view.co_attendance = 1;
    expect(vb_graph_from_network(net, &view, &graph) == VB_OK, "co-attendance graph");
    expect(vb_graph_edge_count(graph) == 1, "one co-attendance pair");
    expect(vb_graph_degree(graph, 1, &degree) == VB_OK && degree == 0, "bram was not there");
    vb_graph_free(graph);
    vb_network_free(net);

    expect(vb_graph_from_edges(4, 3, src, dst, NULL, NULL, &graph) == VB_OK, "graph from edges");
    expect(vb_graph_degree(graph, 0, &degree) == VB_OK && degree == 1, "degree of 0 is 1");
    expect(vb_graph_degree(graph, 1, &degree) == VB_OK && degree == 3, "degree of 1 is 3");
    expect(vb_graph_degree(graph, 3, &degree) == VB_OK && degree == 1, "degree of 3 is 1");
    vb_graph_free(graph);

    if (failures) return 1;
    printf("consumer.c: all checks passed (libverbind %s)\n", vb_version());
    return 0;
}
