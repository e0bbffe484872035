/* vb_edge_list_options_t's progress (appended): vb_graph_read_edgelist
 * reports 0 first and 1 last (once), never backwards; a callback returning 0
 * cancels with VB_ERROR_CANCELLED and no graph. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

typedef struct {
    double seen[64];
    int count;
    int answer; /* returned to the reader */
} record_t;

static int record(double fraction, void *user_data) {
    record_t *r = (record_t *)user_data;
    if (r->count < 64) r->seen[r->count] = fraction;
    r->count++;
    return r->answer;
}

int main(void) {
    char path[] = "/tmp/verbind-capi-edgeprog-XXXXXX";
    int fd = mkstemp(path), i, ones = 0;
    FILE *file;
    vb_edge_list_options_t options;
    vb_graph_t *graph = NULL;
    record_t r = {{0}, 0, 1};
    CHECK(fd >= 0);
    if (fd < 0) return check_summary("test_edgelist_progress");
    close(fd);
    file = fopen(path, "w");
    CHECK(file != NULL);
    if (file == NULL) return check_summary("test_edgelist_progress");
    for (i = 0; i < 20000; ++i) fprintf(file, "%d %d\n", i, i + 1);
    fclose(file);

    vb_edge_list_options_init(&options);
    CHECK(options.progress == NULL && options.progress_data == NULL);
    options.progress = record;
    options.progress_data = &r;
    CHECK_OK(vb_graph_read_edgelist(path, &options, &graph));
    CHECK_SIZE(vb_graph_edge_count(graph), 20000);
    CHECK(r.count >= 2 && r.count <= 64);
    CHECK(r.seen[0] == 0.0);
    CHECK(r.seen[r.count - 1] == 1.0);
    for (i = 0; i < r.count && i < 64; ++i) {
        if (r.seen[i] == 1.0) ++ones;
        if (i > 0) CHECK(r.seen[i - 1] <= r.seen[i]);
    }
    CHECK(ones == 1);
    vb_graph_free(graph);
    graph = NULL;

    r.count = 0;
    r.answer = 0;
    CHECK_FAILS(vb_graph_read_edgelist(path, &options, &graph), VB_ERROR_CANCELLED, "cancel");
    CHECK(graph == NULL);
    CHECK(r.count == 1 && r.seen[0] == 0.0);
    unlink(path);
    return check_summary("test_edgelist_progress");
}
