/* Graphs from edge arrays and edge-list files through the C API, on hand
 * cases:
 *
 *   nodes 0..3; edges 0-1 (2.5), 1-2 (1), 2-0 (0.5), 2-3 (4)
 *
 *   undirected: degrees 2 2 3 1; edges in (u, v) order with u < v:
 *               0-1 2.5, 0-2 0.5, 1-2 1, 2-3 4
 *   directed:   out-degrees 1 1 2 0, in-degrees 1 1 1 1; arcs in order:
 *               0->1 2.5, 1->2 1, 2->0 0.5, 2->3 4
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

static const uint32_t src[] = {0, 1, 2, 2};
static const uint32_t dst[] = {1, 2, 0, 3};
static const double weights[] = {2.5, 1.0, 0.5, 4.0};

static void check_edge_list(const vb_graph_t *graph, size_t m, const uint32_t *want_src, const uint32_t *want_dst,
                            const double *want_weight) {
    uint32_t got_src[8], got_dst[8];
    double got_weight[8];
    size_t i;
    CHECK_SIZE(vb_graph_edge_count(graph), m);
    if (vb_graph_edge_count(graph) != m || m > 8) return;
    CHECK_OK(vb_graph_edges(graph, m, got_src, got_dst, got_weight));
    for (i = 0; i < m; ++i) {
        CHECK_SIZE(got_src[i], want_src[i]);
        CHECK_SIZE(got_dst[i], want_dst[i]);
        CHECK_DOUBLE(got_weight[i], want_weight[i]);
    }
}

static void test_undirected_weighted(void) {
    static const uint32_t want_src[] = {0, 0, 1, 2};
    static const uint32_t want_dst[] = {1, 2, 2, 3};
    static const double want_weight[] = {2.5, 0.5, 1.0, 4.0};
    vb_graph_t *graph = NULL;
    CHECK_OK(vb_graph_from_edges(4, 4, src, dst, weights, NULL, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 4);
    CHECK(vb_graph_is_directed(graph) == 0);
    CHECK(vb_graph_is_weighted(graph) == 1);
    CHECK_SIZE(check_degree(graph, 0), 2);
    CHECK_SIZE(check_degree(graph, 1), 2);
    CHECK_SIZE(check_degree(graph, 2), 3);
    CHECK_SIZE(check_degree(graph, 3), 1);
    CHECK_SIZE(check_in_degree(graph, 2), 3);
    check_edge_list(graph, 4, want_src, want_dst, want_weight);
    CHECK_DOUBLE(check_weight(graph, "0", "2"), 0.5);
    CHECK_DOUBLE(check_weight(graph, "2", "0"), 0.5);
    CHECK(check_weight(graph, "1", "3") < 0);
    /* Nodes from plain arrays are keyed by their decimal index. */
    CHECK_SIZE(check_index(graph, "3"), 3);
    CHECK_SIZE(check_index(graph, "4"), UINT32_MAX);
    vb_graph_free(graph);
}

static void test_directed_weighted(void) {
    static const uint32_t want_src[] = {0, 1, 2, 2};
    static const uint32_t want_dst[] = {1, 2, 0, 3};
    static const double want_weight[] = {2.5, 1.0, 0.5, 4.0};
    vb_graph_t *graph = NULL;
    uint32_t node;
    CHECK_OK(graph_from_edges_directed(4, 4, src, dst, weights, 1, &graph));
    CHECK(vb_graph_is_directed(graph) == 1);
    CHECK_SIZE(vb_graph_edge_count(graph), 4);
    for (node = 0; node < 4; ++node) CHECK_SIZE(check_in_degree(graph, node), 1);
    CHECK_SIZE(check_degree(graph, 0), 1);
    CHECK_SIZE(check_degree(graph, 1), 1);
    CHECK_SIZE(check_degree(graph, 2), 2);
    CHECK_SIZE(check_degree(graph, 3), 0);
    check_edge_list(graph, 4, want_src, want_dst, want_weight);
    CHECK_DOUBLE(check_weight(graph, "2", "0"), 0.5);
    CHECK(check_weight(graph, "0", "2") < 0);
    vb_graph_free(graph);
}

static void test_unweighted_and_empty(void) {
    vb_graph_t *graph = NULL;
    double weight_out[4] = {0, 0, 0, 0};
    uint32_t s[4], d[4];
    CHECK_OK(vb_graph_from_edges(5, 4, src, dst, NULL, NULL, &graph));
    CHECK(vb_graph_is_weighted(graph) == 0);
    CHECK_SIZE(vb_graph_node_count(graph), 5);
    CHECK_SIZE(check_degree(graph, 4), 0); /* an isolated node */
    CHECK_OK(vb_graph_edges(graph, 4, s, d, weight_out));
    CHECK_DOUBLE(weight_out[0] + weight_out[1] + weight_out[2] + weight_out[3], 4.0);
    /* Weights are optional in the output too. */
    CHECK_OK(vb_graph_edges(graph, 4, s, d, NULL));
    CHECK_SIZE(s[3], 2);
    CHECK_SIZE(d[3], 3);
    vb_graph_free(graph);

    CHECK_OK(vb_graph_from_edges(0, 0, NULL, NULL, NULL, NULL, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 0);
    CHECK_SIZE(vb_graph_edge_count(graph), 0);
    CHECK_OK(vb_graph_edges(graph, 0, NULL, NULL, NULL));
    vb_graph_free(graph);
}

static void test_duplicate_and_self_loop_policies(void) {
    /* 0-1 (1), 1-0 (3), 1-1 (5), 1-2 (2): a duplicate pair and a self-loop. */
    static const uint32_t s[] = {0, 1, 1, 1};
    static const uint32_t d[] = {1, 0, 1, 2};
    static const double w[] = {1.0, 3.0, 5.0, 2.0};
    vb_edge_list_options_t options;
    vb_graph_t *graph = NULL;

    vb_edge_list_options_init(&options);
    CHECK(options.struct_size == sizeof options);
    CHECK(options.directed == 0);
    CHECK(options.duplicates == VB_MERGE_ERROR);
    CHECK(options.self_loops == VB_SELF_LOOPS_ERROR);

    /* The defaults refuse both, naming the edge. */
    CHECK_FAILS(vb_graph_from_edges(3, 4, s, d, w, &options, &graph), VB_ERROR_INVALID_ARGUMENT, "edge");
    CHECK(graph == NULL);
    CHECK_FAILS(vb_graph_from_edges(3, 4, s, d, w, NULL, &graph), VB_ERROR_INVALID_ARGUMENT, "edge");

    options.self_loops = VB_SELF_LOOPS_DROP;
    options.duplicates = VB_MERGE_SUM;
    CHECK_OK(vb_graph_from_edges(3, 4, s, d, w, &options, &graph));
    CHECK_SIZE(vb_graph_edge_count(graph), 2);
    CHECK_DOUBLE(check_weight(graph, "0", "1"), 4.0);
    CHECK_DOUBLE(check_weight(graph, "1", "2"), 2.0);
    CHECK(check_weight(graph, "1", "1") < 0);
    vb_graph_free(graph);

    options.duplicates = VB_MERGE_MAX;
    CHECK_OK(vb_graph_from_edges(3, 4, s, d, w, &options, &graph));
    CHECK_DOUBLE(check_weight(graph, "0", "1"), 3.0);
    vb_graph_free(graph);

    options.duplicates = VB_MERGE_MIN;
    CHECK_OK(vb_graph_from_edges(3, 4, s, d, w, &options, &graph));
    CHECK_DOUBLE(check_weight(graph, "0", "1"), 1.0);
    vb_graph_free(graph);

    options.duplicates = VB_MERGE_FIRST;
    CHECK_OK(vb_graph_from_edges(3, 4, s, d, w, &options, &graph));
    CHECK_DOUBLE(check_weight(graph, "1", "0"), 1.0);
    vb_graph_free(graph);

    /* Directed, 0->1 and 1->0 are two arcs, not duplicates. */
    options.directed = 1;
    options.duplicates = VB_MERGE_ERROR;
    CHECK_OK(vb_graph_from_edges(3, 4, s, d, w, &options, &graph));
    CHECK_SIZE(vb_graph_edge_count(graph), 3);
    CHECK_DOUBLE(check_weight(graph, "1", "0"), 3.0);
    CHECK_DOUBLE(check_weight(graph, "0", "1"), 1.0);
    vb_graph_free(graph);
}

static void test_edge_list_file(void) {
    char path[] = "/tmp/verbind-capi-edges-XXXXXX";
    int fd = mkstemp(path);
    FILE *file;
    vb_graph_t *graph = NULL;
    vb_edge_list_options_t options;
    CHECK(fd >= 0);
    if (fd < 0) return;
    file = fdopen(fd, "w");
    fputs("# who knows whom\nanna bram 2\nbram cem 3\n\ncem anna 1.5\ncem dewi 1\n", file);
    fclose(file);

    /* The third column is the weight only when asked (weight_column). */
    CHECK_OK(vb_graph_read_edgelist(path, NULL, &graph));
    CHECK(vb_graph_is_weighted(graph) == 0);
    vb_graph_free(graph);
    vb_edge_list_options_init(&options);
    options.weight_column = 2;
    CHECK_OK(vb_graph_read_edgelist(path, &options, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 4);
    CHECK_SIZE(vb_graph_edge_count(graph), 4);
    /* Labels are indexed in order of first appearance. */
    CHECK_SIZE(check_index(graph, "anna"), 0);
    CHECK_SIZE(check_index(graph, "dewi"), 3);
    CHECK_SIZE(check_degree(graph, 2), 3);
    CHECK_DOUBLE(check_weight(graph, "anna", "cem"), 1.5);
    CHECK_DOUBLE(check_weight(graph, "bram", "cem"), 3.0);
    vb_graph_free(graph);

    vb_edge_list_options_init(&options);
    options.directed = 1;
    options.weight_column = 2;
    CHECK_OK(vb_graph_read_edgelist(path, &options, &graph));
    CHECK(vb_graph_is_directed(graph) == 1);
    CHECK_DOUBLE(check_weight(graph, "cem", "anna"), 1.5);
    CHECK(check_weight(graph, "anna", "cem") < 0);
    vb_graph_free(graph);

    /* A line with a bad weight: the message names the file and line. */
    file = fopen(path, "w");
    fputs("anna bram 2\nbram cem lots\n", file);
    fclose(file);
    CHECK_FAILS(vb_graph_read_edgelist(path, &options, &graph), VB_ERROR_PARSE, ":2");
    CHECK(graph == NULL);
    unlink(path);

    CHECK_FAILS(vb_graph_read_edgelist(path, NULL, &graph), VB_ERROR_IO, "verbind-capi-edges-");
    CHECK(graph == NULL);
}

int main(void) {
    test_undirected_weighted();
    test_directed_weighted();
    test_unweighted_and_empty();
    test_duplicate_and_self_loop_policies();
    test_edge_list_file();
    return check_summary("test_from_edges");
}
