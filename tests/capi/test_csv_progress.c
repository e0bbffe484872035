/* vb_csv_options_t.progress: vb_network_read_csv and
 * vb_network_import_csv report the fraction of the folder's bytes read
 * (0 first, 1 last, never backwards); a zero return cancels with
 * VB_ERROR_CANCELLED, no network (read) and the network as it was (import).
 * A struct from before the field (struct_size up to warning_data) is still
 * read, without progress. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char scratch[] = "/tmp/verbind-capi-csv-progress-XXXXXX";

static const char *in_scratch(const char *name) {
    static char paths[8][512];
    static int next = 0;
    char *path = paths[next++ % 8];
    snprintf(path, sizeof paths[0], "%s/%s", scratch, name);
    return path;
}

/* The network's canonical JSON, for comparing networks (caller frees). */
static char *json_of(const vb_network_t *net) {
    const char *path = in_scratch("net.json");
    FILE *file;
    long size;
    char *text;
    if (vb_network_write_json(net, path, EXPORT_SENSITIVE) != VB_OK) return NULL;
    file = fopen(path, "rb");
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    size = ftell(file);
    fseek(file, 0, SEEK_SET);
    text = (char *)calloc((size_t)size + 1, 1);
    if (text && fread(text, 1, (size_t)size, file) != (size_t)size) {
        free(text);
        text = NULL;
    }
    fclose(file);
    remove(path);
    return text;
}

struct seen {
    int calls;
    double first, last;
    int backwards;
    int stop_after; /* calls before returning 0; < 0: never */
};

static int on_progress(double fraction, void *data) {
    struct seen *seen = (struct seen *)data;
    if (seen->calls == 0) seen->first = fraction;
    if (seen->calls > 0 && fraction < seen->last) seen->backwards = 1;
    seen->last = fraction;
    ++seen->calls;
    return seen->stop_after < 0 || seen->calls <= seen->stop_after;
}

static void remove_csv(const char *folder) {
    static const char *const names[] = {"actors.csv", "ties.csv", "events.csv", "attendance.csv"};
    char path[1024];
    size_t i;
    for (i = 0; i < sizeof names / sizeof names[0]; ++i) {
        snprintf(path, sizeof path, "%s/%s", folder, names[i]);
        remove(path);
    }
    rmdir(folder);
}

int main(void) {
    vb_network_t *sample = NULL, *plain = NULL, *read = NULL, *target = NULL;
    vb_csv_options_t options;
    struct seen seen;
    const char *folder;
    char *expected, *got, *before;
    if (mkdtemp(scratch) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    folder = in_scratch("programme");
    CHECK_OK(vb_network_sample_programme(NULL, &sample));
    CHECK_OK(vb_network_write_csv(sample, folder, NULL));
    CHECK_OK(vb_network_read_csv(folder, NULL, &plain));
    expected = json_of(plain);
    CHECK(expected != NULL);

    /* Reports 0 first and 1 last, never backwards; the network as without. */
    vb_csv_options_init(&options);
    CHECK(options.progress == NULL && options.progress_data == NULL);
    memset(&seen, 0, sizeof seen);
    seen.stop_after = -1;
    options.progress = on_progress;
    options.progress_data = &seen;
    CHECK_OK(vb_network_read_csv(folder, &options, &read));
    CHECK(seen.calls >= 2 && seen.first == 0.0 && seen.last == 1.0 && !seen.backwards);
    got = json_of(read);
    CHECK(got != NULL && expected != NULL && strcmp(got, expected) == 0);
    free(got);
    vb_network_free(read);
    read = NULL;

    /* Cancelled at the first report: no network. */
    memset(&seen, 0, sizeof seen);
    seen.stop_after = 0;
    CHECK_FAILS(vb_network_read_csv(folder, &options, &read), VB_ERROR_CANCELLED, "cancel");
    CHECK(read == NULL);
    CHECK(seen.calls == 1);

    /* A cancelled import leaves the network exactly as it was. */
    CHECK_OK(vb_network_new(&target));
    CHECK_OK(add_resident_in(target, "already-here", "Noord"));
    before = json_of(target);
    memset(&seen, 0, sizeof seen);
    seen.stop_after = 0;
    CHECK_FAILS(vb_network_import_csv(target, folder, &options), VB_ERROR_CANCELLED, "cancel");
    got = json_of(target);
    CHECK(got != NULL && before != NULL && strcmp(got, before) == 0);
    free(got);

    /* A struct from before the field: read, and progress never called. */
    memset(&seen, 0, sizeof seen);
    seen.stop_after = 0;
    options.struct_size = offsetof(vb_csv_options_t, progress);
    CHECK_OK(vb_network_read_csv(folder, &options, &read));
    CHECK(seen.calls == 0);
    vb_network_free(read);

    free(expected);
    free(before);
    vb_network_free(target);
    vb_network_free(plain);
    vb_network_free(sample);
    remove_csv(folder);
    rmdir(scratch);
    return check_summary("test_csv_progress");
}
