/* The binary graph file through the C API: vb_graph_save / vb_graph_load
 * round trips (edges, weights, keys), NULL arguments, a missing file, a
 * file that is not a graph file, a truncated and a damaged one. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

#define INVALID VB_ERROR_INVALID_ARGUMENT

static char scratch[] = "/tmp/verbind-capi-graph-file-XXXXXX";

static const char *in_scratch(const char *name) {
    static char paths[8][512];
    static int next = 0;
    char *path = paths[next++ % 8];
    snprintf(path, sizeof paths[0], "%s/%s", scratch, name);
    return path;
}

/* Copies `from` to `to`, keeping `keep` bytes (all when keep < 0) and
 * flipping bit 4 of byte `flip` (none when flip < 0). */
static void copy_damaged(const char *from, const char *to, long keep, long flip) {
    FILE *in = fopen(from, "rb");
    FILE *out = fopen(to, "wb");
    long at = 0;
    int c;
    CHECK(in != NULL && out != NULL);
    if (in == NULL || out == NULL) return;
    while ((c = fgetc(in)) != EOF && (keep < 0 || at < keep)) {
        if (at == flip) c ^= 0x10;
        fputc(c, out);
        ++at;
    }
    fclose(in);
    fclose(out);
}

static void check_same_edges(const vb_graph_t *a, const vb_graph_t *b) {
    uint32_t src_a[8], dst_a[8], src_b[8], dst_b[8];
    double w_a[8], w_b[8];
    size_t i, m = vb_graph_edge_count(a);
    CHECK_SIZE(vb_graph_node_count(b), vb_graph_node_count(a));
    CHECK_SIZE(vb_graph_edge_count(b), m);
    CHECK(vb_graph_is_directed(a) == vb_graph_is_directed(b));
    CHECK(vb_graph_is_weighted(a) == vb_graph_is_weighted(b));
    if (m > 8) return;
    CHECK_OK(vb_graph_edges(a, 8, src_a, dst_a, w_a));
    CHECK_OK(vb_graph_edges(b, 8, src_b, dst_b, w_b));
    for (i = 0; i < m; ++i) {
        CHECK(src_a[i] == src_b[i]);
        CHECK(dst_a[i] == dst_b[i]);
        CHECK(w_a[i] == w_b[i]); /* exact: the stored bits */
    }
}

static void test_round_trip(void) {
    const uint32_t src[] = {0, 1, 2, 0};
    const uint32_t dst[] = {1, 2, 3, 3};
    const double weights[] = {0.5, 0.1, 3.0, 1.0 / 3.0};
    vb_edge_list_options_t options;
    vb_graph_t *graph = NULL, *loaded = NULL;
    uint32_t node = 99;
    const char *path = in_scratch("directed.vbg");

    vb_edge_list_options_init(&options);
    options.directed = 1;
    CHECK_OK(vb_graph_from_edges(5, 4, src, dst, weights, &options, &graph));
    CHECK_OK(vb_graph_save(graph, path));
    CHECK_OK(vb_graph_load(path, &loaded));
    CHECK(loaded != NULL);
    if (loaded != NULL) {
        check_same_edges(graph, loaded);
        CHECK_SIZE(vb_graph_node_count(loaded), 5); /* node 4 is isolated */
        CHECK_OK(vb_graph_index(loaded, "3", &node));
        CHECK(node == 3);
    }
    vb_graph_free(loaded);
    loaded = NULL;
    CHECK_OK(vb_graph_load_unverified(path, &loaded));
    if (loaded != NULL) check_same_edges(graph, loaded);
    vb_graph_free(loaded);
    vb_graph_free(graph);
}

static void test_bad_arguments_and_files(void) {
    const uint32_t src[] = {0, 1};
    const uint32_t dst[] = {1, 2};
    vb_graph_t *graph = NULL, *loaded = (vb_graph_t *)0x1;
    const char *good = in_scratch("good.vbg");
    const char *bad = in_scratch("bad.vbg");
    FILE *text;

    CHECK_OK(vb_graph_from_edges(3, 2, src, dst, NULL, NULL, &graph));
    CHECK_OK(vb_graph_save(graph, good));

    CHECK_FAILS(vb_graph_save(NULL, good), INVALID, "vb_graph_save: argument 'graph' is NULL");
    CHECK_FAILS(vb_graph_save(graph, NULL), INVALID, "vb_graph_save: argument 'path' is NULL");
    CHECK_FAILS(vb_graph_load(NULL, &loaded), INVALID, "vb_graph_load: argument 'path' is NULL");
    CHECK(loaded == NULL); /* *out is cleared on failure */
    CHECK_FAILS(vb_graph_load(good, NULL), INVALID, "vb_graph_load: argument 'out' is NULL");
    CHECK_FAILS(vb_graph_load_unverified(NULL, &loaded), INVALID, "argument 'path' is NULL");
    CHECK_FAILS(vb_graph_save(graph, in_scratch("no/such/folder/g.vbg")), VB_ERROR_IO, "g.vbg");

    CHECK_FAILS(vb_graph_load(in_scratch("missing.vbg"), &loaded), VB_ERROR_IO, "missing.vbg");
    CHECK(loaded == NULL);

    text = fopen(bad, "w");
    CHECK(text != NULL);
    if (text != NULL) {
        fputs("0 1\n1 2\n", text);
        fclose(text);
    }
    CHECK_FAILS(vb_graph_load(bad, &loaded), VB_ERROR_PARSE, "field 'magic'");

    copy_damaged(good, bad, 100, -1);
    CHECK_FAILS(vb_graph_load(bad, &loaded), VB_ERROR_PARSE, "field 'header'");
    copy_damaged(good, bad, 192, -1);
    CHECK_FAILS(vb_graph_load(bad, &loaded), VB_ERROR_PARSE, "(truncated)");
    copy_damaged(good, bad, -1, 200); /* a target changed */
    CHECK_FAILS(vb_graph_load(bad, &loaded), VB_ERROR_PARSE, "bad.vbg: field 'checksum'");
    CHECK(loaded == NULL);
    copy_damaged(good, bad, -1, 9); /* the version */
    CHECK_FAILS(vb_graph_load_unverified(bad, &loaded), VB_ERROR_PARSE, "field 'version'");

    vb_graph_free(graph);
}

int main(void) {
    if (mkdtemp(scratch) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    test_round_trip();
    test_bad_arguments_and_files();
    unlink(in_scratch("directed.vbg"));
    unlink(in_scratch("good.vbg"));
    unlink(in_scratch("bad.vbg"));
    rmdir(scratch);
    return check_summary("test_graph_file");
}
