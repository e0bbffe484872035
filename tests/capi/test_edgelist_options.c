/* vb_graph_read_edgelist's reader options (issue 12): a SNAP file with '#'
 * comments, both directions listed and a timestamp column equals its clean
 * equivalent; weight_column, delimiter, header and comments; bad options are
 * named and give no graph. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

static void write_file(const char *path, const char *text) {
    FILE *file = fopen(path, "w");
    CHECK(file != NULL);
    if (file == NULL) return;
    fputs(text, file);
    fclose(file);
}

static size_t index_of(const vb_graph_t *graph, const char *key) {
    uint32_t index = 0;
    if (vb_graph_index(graph, key, &index) != VB_OK) return (size_t)-1;
    return index;
}

static void test_snap_equals_clean(void) {
    char path[] = "/tmp/verbind-capi-snap-XXXXXX";
    int fd = mkstemp(path);
    vb_graph_t *snap = NULL, *clean = NULL;
    uint32_t s1[4], d1[4], s2[4], d2[4];
    size_t i;
    CHECK(fd >= 0);
    if (fd < 0) return;
    close(fd);
    write_file(path, "# Undirected graph\n# FromNodeId\tToNodeId\n30\t10\t1217567877\n10\t30\t1217567999\n"
                     "20\t10\t5\n10\t20\t6\n");
    CHECK_OK(vb_graph_read_edgelist(path, NULL, &snap));
    write_file(path, "10 20\n10 30\n");
    CHECK_OK(vb_graph_read_edgelist(path, NULL, &clean));
    CHECK(vb_graph_is_weighted(snap) == 0);
    CHECK_SIZE(vb_graph_node_count(snap), 3);
    CHECK_SIZE(index_of(snap, "10"), 0);
    CHECK_SIZE(index_of(snap, "30"), 2);
    CHECK_SIZE(vb_graph_edge_count(snap), 2);
    CHECK_SIZE(vb_graph_edge_count(clean), 2);
    if (vb_graph_edge_count(snap) == 2 && vb_graph_edge_count(clean) == 2) {
        CHECK_OK(vb_graph_edges(snap, 2, s1, d1, NULL));
        CHECK_OK(vb_graph_edges(clean, 2, s2, d2, NULL));
        for (i = 0; i < 2; ++i) {
            CHECK_SIZE(s1[i], s2[i]);
            CHECK_SIZE(d1[i], d2[i]);
        }
    }
    vb_graph_free(snap);
    vb_graph_free(clean);
    unlink(path);
}

static void test_options(void) {
    char path[] = "/tmp/verbind-capi-opts-XXXXXX";
    int fd = mkstemp(path);
    vb_graph_t *graph = NULL;
    vb_edge_list_options_t options;
    double w = 0;
    CHECK(fd >= 0);
    if (fd < 0) return;
    close(fd);
    /* A METIS-style 'n m' line skipped with header = 1; weights in column 3 (0-based). */
    write_file(path, "% konect\n3 2\nanna;bram;x;2.5\nbram;cem;x;4\n");
    vb_edge_list_options_init(&options);
    options.header = 1;
    options.delimiter = ';';
    options.weight_column = 3;
    CHECK_OK(vb_graph_read_edgelist(path, &options, &graph));
    CHECK(vb_graph_is_weighted(graph) == 1);
    CHECK_OK(vb_graph_edge_weight(graph, (uint32_t)index_of(graph, "cem"), (uint32_t)index_of(graph, "bram"), &w));
    CHECK_DOUBLE(w, 4.0);
    vb_graph_free(graph);
    graph = NULL;
    /* Different weights for the two directions of one undirected edge: both lines named. */
    write_file(path, "a b 1\nb a 2\n");
    vb_edge_list_options_init(&options);
    options.weight_column = 2;
    CHECK_FAILS(vb_graph_read_edgelist(path, &options, &graph), VB_ERROR_PARSE, ":2: 'b a' has weight 2 but line 1");
    CHECK(graph == NULL);
    /* comments = "": '#' is part of a label. */
    write_file(path, "#a b\n");
    vb_edge_list_options_init(&options);
    options.comments = "";
    CHECK_OK(vb_graph_read_edgelist(path, &options, &graph));
    CHECK_SIZE(index_of(graph, "#a"), 0);
    vb_graph_free(graph);
    graph = NULL;
    /* Bad options are named. */
    vb_edge_list_options_init(&options);
    options.weight_column = 1;
    CHECK_FAILS(vb_graph_read_edgelist(path, &options, &graph), VB_ERROR_INVALID_ARGUMENT, "options->weight_column");
    vb_edge_list_options_init(&options);
    options.delimiter = '|';
    /* Checked by the C++ EdgeListOptions::validate(), which names the field and the value. */
    CHECK_FAILS(vb_graph_read_edgelist(path, &options, &graph), VB_ERROR_INVALID_ARGUMENT,
                "delimiter must be blanks (' '), tab, ',' or ';' (or 0: per file), got '|'");
    CHECK(graph == NULL);
    vb_edge_list_options_init(&options);
    options.header = 7;
    CHECK_FAILS(vb_graph_read_edgelist(path, &options, &graph), VB_ERROR_INVALID_ARGUMENT, "options->header");
    CHECK(graph == NULL);
    unlink(path);
}

int main(void) {
    test_snap_equals_clean();
    test_options();
    return check_summary("test_edgelist_options");
}
