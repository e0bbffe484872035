/* Files through the C API: CSV and JSON round trips of a network that uses
 * every attribute, privacy of groups marked sensitive, atomic imports, and
 * the statuses and messages of bad files. */
#define _POSIX_C_SOURCE 200809L
#include "hand_network.h"

#include <dirent.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#define INVALID VB_ERROR_INVALID_ARGUMENT

static char scratch[] = "/tmp/verbind-capi-io-XXXXXX";

/* A path in the scratch folder; each call returns a new buffer (of 32 that
 * are reused in turn, more than any one test holds at a time). */
static const char *in_scratch(const char *name) {
    static char paths[32][512];
    static int next = 0;
    char *path = paths[next++ % 32];
    snprintf(path, sizeof paths[0], "%s/%s", scratch, name);
    return path;
}

/* The whole text of a file, or NULL; the caller frees it. */
static char *slurp(const char *path) {
    FILE *file = fopen(path, "rb");
    char *text;
    long size;
    if (!file) return NULL;
    fseek(file, 0, SEEK_END);
    size = ftell(file);
    fseek(file, 0, SEEK_SET);
    text = malloc((size_t)size + 1);
    if (text && fread(text, 1, (size_t)size, file) != (size_t)size) {
        free(text);
        text = NULL;
    }
    if (text) text[size] = '\0';
    fclose(file);
    return text;
}

static void spit(const char *path, const char *text) {
    FILE *file = fopen(path, "wb");
    CHECK(file != NULL);
    if (!file) return;
    fputs(text, file);
    fclose(file);
}

/* 1 when both files exist and hold the same bytes. */
static int same_file(const char *a, const char *b) {
    char *x = slurp(a), *y = slurp(b);
    int same = x && y && strcmp(x, y) == 0;
    if (!same) fprintf(stderr, "    %s and %s differ\n", a, b);
    free(x);
    free(y);
    return same;
}

static int file_contains(const char *path, const char *fragment) {
    char *text = slurp(path);
    int found = text && strstr(text, fragment) != NULL;
    free(text);
    return found;
}

static void remove_tree(const char *path) {
    DIR *dir = opendir(path);
    struct dirent *entry;
    char child[1024];
    if (!dir) {
        remove(path);
        return;
    }
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        snprintf(child, sizeof child, "%s/%s", path, entry->d_name);
        remove_tree(child);
    }
    closedir(dir);
    rmdir(path);
}

/* The hand network plus every attribute the model has. With `with_group`
 * unset, the resident declares no special-category group (the network a
 * privacy-respecting export must look like). */
static vb_network_t *rich_network(int with_group) {
    vb_network_t *net = hand_network();
    vb_resident_options_t resident;
    vb_organisation_options_t organisation;
    vb_tie_options_t tie;
    vb_event_options_t event;
    const char *talents[] = {"cooking", "music, dance", "\"quotes\""};
    const char *groups[] = {"neighbours' club", "lgbti-plus"};
    const char *offers[] = {"rooms"};
    const char *organisers[] = {"k1", "coc"};

    vb_resident_options_init(&resident);
    resident.neighbourhood = "Haven";
    resident.municipality = "Lelystad";
    resident.talents = talents;
    resident.talent_count = 3;
    resident.groups = groups;
    resident.group_count = with_group ? 2 : 1;
    resident.key_figure = 1;
    resident.trained_on = "2022-02-12";
    CHECK_OK(vb_network_add_resident(net, "k1", &resident));
    CHECK_OK(add_resident_in(net, "Zo\xc3\xab", "Haven"));
    CHECK_OK(vb_network_mark_sensitive(net, "lgbti-plus"));

    vb_organisation_options_init(&organisation);
    organisation.municipality = "Lelystad";
    organisation.talents = offers;
    organisation.talent_count = 1;
    CHECK_OK(vb_network_add_organisation(net, "coc", "anti-discrimination", &organisation));

    vb_tie_options_init(&tie);
    tie.since = "2022-01-10";
    tie.until = "2022-11-30";
    tie.weight = 2.75;
    CHECK_OK(vb_network_add_tie(net, "k1", "Zo\xc3\xab", "buddy", &tie));

    vb_event_options_init(&event);
    event.neighbourhood = "Haven";
    event.municipality = "Lelystad";
    event.organisers = organisers;
    event.organiser_count = 2;
    CHECK_OK(vb_network_add_event(net, "pride", "2022-06-25", "Pride", &event));
    CHECK_OK(vb_network_attend(net, "pride", "k1", NULL));
    CHECK_OK(vb_network_attend(net, "pride", "Zo\xc3\xab", "k1"));
    return net;
}

static void check_rich_counts(const vb_network_t *net) {
    CHECK_SIZE(vb_network_actor_count(net), 8);
    CHECK_SIZE(vb_network_resident_count(net), 6);
    CHECK_SIZE(vb_network_organisation_count(net), 2);
    CHECK_SIZE(vb_network_tie_count(net), 6);
    CHECK_SIZE(vb_network_event_count(net), 4);
    CHECK_SIZE(vb_network_attendance_count(net), 10);
}

static void test_round_trips(void) {
    vb_network_t *net = rich_network(1);
    vb_network_t *from_csv = NULL, *from_json = NULL, *from_any = NULL;
    const char *csv = in_scratch("csv");
    check_rich_counts(net);

    /* Everything out (sensitive included), back in, and out again: the
     * same JSON bytes, so every field survived. */
    CHECK_OK(vb_network_write_csv(net, csv, EXPORT_SENSITIVE));
    CHECK_OK(vb_network_write_json(net, in_scratch("original.json"), EXPORT_SENSITIVE));
    CHECK_OK(vb_network_read_csv(csv, NULL, &from_csv));
    check_rich_counts(from_csv);
    CHECK_OK(vb_network_write_json(from_csv, in_scratch("via-csv.json"), EXPORT_SENSITIVE));
    CHECK(same_file(in_scratch("original.json"), in_scratch("via-csv.json")));

    CHECK_OK(vb_network_read_json(in_scratch("original.json"), &from_json));
    check_rich_counts(from_json);
    CHECK_OK(vb_network_write_json(from_json, in_scratch("via-json.json"), EXPORT_SENSITIVE));
    CHECK(same_file(in_scratch("original.json"), in_scratch("via-json.json")));

    /* vb_network_read: a folder is CSV, a file is JSON. */
    CHECK_OK(vb_network_read(csv, &from_any));
    CHECK_OK(vb_network_write_json(from_any, in_scratch("via-read-csv.json"), EXPORT_SENSITIVE));
    CHECK(same_file(in_scratch("original.json"), in_scratch("via-read-csv.json")));
    vb_network_free(from_any);
    CHECK_OK(vb_network_read(in_scratch("original.json"), &from_any));
    check_rich_counts(from_any);
    vb_network_free(from_any);

    /* The views agree too: the weighted buddy tie came back as 2.75. */
    {
        vb_graph_t *graph = NULL;
        CHECK_OK(vb_graph_from_network(from_csv, NULL, &graph));
        CHECK_DOUBLE(check_weight(graph, "k1", "Zo\xc3\xab"), 2.75);
        vb_graph_free(graph);
    }
    vb_network_free(from_csv);
    vb_network_free(from_json);
    vb_network_free(net);
}

static void test_sensitive_groups_stay_inside(void) {
    vb_network_t *net = rich_network(1);
    vb_network_t *without = rich_network(0);
    const char *closed = in_scratch("closed");
    const char *open = in_scratch("open");

    /* By default, the export is that of a network in which nobody declared
     * the sensitive group, and the group's name is nowhere in it. */
    CHECK_OK(vb_network_write_json(net, in_scratch("default.json"), NULL));
    CHECK_OK(vb_network_write_json(without, in_scratch("without.json"), NULL));
    CHECK(same_file(in_scratch("default.json"), in_scratch("without.json")));
    CHECK(!file_contains(in_scratch("default.json"), "lgbti-plus"));

    CHECK_OK(vb_network_write_csv(net, closed, NULL));
    CHECK_OK(vb_network_write_csv(net, open, EXPORT_SENSITIVE));
    {
        char closed_actors[512], open_actors[512];
        snprintf(closed_actors, sizeof closed_actors, "%s/actors.csv", closed);
        snprintf(open_actors, sizeof open_actors, "%s/actors.csv", open);
        CHECK(!file_contains(closed_actors, "lgbti-plus"));
        CHECK(file_contains(closed_actors, "neighbours' club"));
        CHECK(file_contains(open_actors, "lgbti-plus"));
    }
    vb_network_free(net);
    vb_network_free(without);
}

static void test_bad_files(void) {
    vb_network_t *net = hand_network();
    vb_network_t *out = NULL;
    const char *bad = in_scratch("bad");
    char events[512];

    CHECK_OK(vb_network_write_csv(net, bad, NULL));
    snprintf(events, sizeof events, "%s/events.csv", bad);
    spit(events, "key,date,kind,neighbourhood,municipality,organisers\n"
                 "e1,2022-05-04,4 May commemoration,Noord,,\n"
                 "e2,2022-13-05,5 May breakfast,Noord,,\n");
    out = (vb_network_t *)(void *)events;
    CHECK_FAILS(vb_network_read_csv(bad, NULL, &out), VB_ERROR_PARSE, "events.csv:3");
    CHECK(strstr(vb_last_error_message(), "2022-13-05") != NULL);
    CHECK(strstr(vb_last_error_message(), "date") != NULL);
    CHECK(out == NULL);

    /* An import that fails changes nothing, though its actors were fine. */
    {
        vb_network_t *small = NULL;
        CHECK_OK(vb_network_new(&small));
        CHECK_OK(vb_network_add_resident(small, "z1", NULL));
        CHECK_FAILS(vb_network_import_csv(small, bad, NULL), VB_ERROR_PARSE, "events.csv:3");
        CHECK_SIZE(vb_network_actor_count(small), 1);
        CHECK_SIZE(vb_network_event_count(small), 0);
        CHECK(vb_network_has_actor(small, "r1") == 0);
        vb_network_free(small);
    }
    /* Importing records that are already there: refused as a whole. */
    CHECK_FAILS(vb_network_import_csv(net, in_scratch("bad"), NULL), VB_ERROR_PARSE,
                "resident 'r1': key already exists");
    CHECK_SIZE(vb_network_actor_count(net), 5);

    spit(in_scratch("bad.json"),
         "{\"format\": \"verbind\", \"version\": 1,\n  \"actors\": [\n    {\"key\": 12}\n  ]\n}\n");
    CHECK_FAILS(vb_network_read_json(in_scratch("bad.json"), &out), VB_ERROR_PARSE, "bad.json");
    CHECK(out == NULL);
    CHECK_FAILS(vb_network_import_json(net, in_scratch("bad.json")), VB_ERROR_PARSE, "bad.json");
    CHECK_SIZE(vb_network_actor_count(net), 5);
    spit(in_scratch("truncated.json"), "{\"format\": \"verbind\", \"version\": 1, \"actors\": [");
    CHECK_FAILS(vb_network_read(in_scratch("truncated.json"), &out), VB_ERROR_PARSE, "truncated.json");

    CHECK_FAILS(vb_network_read_json(in_scratch("missing.json"), &out), VB_ERROR_IO, "missing.json");
    CHECK_FAILS(vb_network_read_csv(in_scratch("missing"), NULL, &out), VB_ERROR_IO, "missing");
    /* A folder cannot be made under a regular file. */
    CHECK_FAILS(vb_network_write_csv(net, in_scratch("bad.json/sub"), NULL), VB_ERROR_IO, "bad.json/sub");
    CHECK_FAILS(vb_network_write_json(net, in_scratch("missing/x.json"), NULL), VB_ERROR_IO, "x.json");
    vb_network_free(net);
}

static void test_imports_add_records(void) {
    vb_network_t *net = NULL, *base = NULL;
    vb_network_t *other = NULL;
    const char *folder = in_scratch("import");

    /* A second network with different keys, imported into the hand one. */
    CHECK_OK(vb_network_new(&other));
    CHECK_OK(vb_network_add_resident(other, "x1", NULL));
    CHECK_OK(vb_network_add_resident(other, "x2", NULL));
    CHECK_OK(vb_network_add_tie(other, "x1", "x2", "knows", NULL));
    CHECK_OK(vb_network_write_csv(other, folder, NULL));
    CHECK_OK(vb_network_write_json(other, in_scratch("import.json"), NULL));

    net = hand_network();
    CHECK_OK(vb_network_import_csv(net, folder, NULL));
    CHECK_SIZE(vb_network_actor_count(net), 7);
    CHECK_SIZE(vb_network_tie_count(net), 6);
    /* The same records again are duplicates: refused as a whole. */
    CHECK_FAILS(vb_network_import_json(net, in_scratch("import.json")), VB_ERROR_PARSE, "x1");
    CHECK_SIZE(vb_network_actor_count(net), 7);

    base = hand_network();
    CHECK_OK(vb_network_import_json(base, in_scratch("import.json")));
    CHECK_SIZE(vb_network_actor_count(base), 7);
    vb_network_free(base);
    vb_network_free(net);
    vb_network_free(other);
}

static void test_null_arguments(void) {
    vb_network_t *net = hand_network();
    vb_network_t *out = (vb_network_t *)(void *)scratch;
    CHECK_FAILS(vb_network_read_csv(NULL, NULL, &out), INVALID, "vb_network_read_csv: argument 'folder' is NULL");
    CHECK(out == NULL);
    CHECK_FAILS(vb_network_read_csv(scratch, NULL, NULL), INVALID, "vb_network_read_csv: argument 'out' is NULL");
    CHECK_FAILS(vb_network_write_csv(NULL, scratch, NULL), INVALID, "vb_network_write_csv: argument 'net' is NULL");
    CHECK_FAILS(vb_network_write_csv(net, NULL, NULL), INVALID, "vb_network_write_csv: argument 'folder' is NULL");
    CHECK_FAILS(vb_network_read_json(NULL, &out), INVALID, "vb_network_read_json: argument 'path' is NULL");
    CHECK_FAILS(vb_network_read_json("x.json", NULL), INVALID, "vb_network_read_json: argument 'out' is NULL");
    CHECK_FAILS(vb_network_write_json(NULL, "x.json", NULL), INVALID,
                "vb_network_write_json: argument 'net' is NULL");
    CHECK_FAILS(vb_network_write_json(net, NULL, NULL), INVALID, "vb_network_write_json: argument 'path' is NULL");
    CHECK_FAILS(vb_network_read(NULL, &out), INVALID, "vb_network_read: argument 'path' is NULL");
    CHECK_FAILS(vb_network_read("x.json", NULL), INVALID, "vb_network_read: argument 'out' is NULL");
    CHECK_FAILS(vb_network_import_csv(NULL, scratch, NULL), INVALID, "vb_network_import_csv: argument 'net' is NULL");
    CHECK_FAILS(vb_network_import_csv(net, NULL, NULL), INVALID, "vb_network_import_csv: argument 'folder' is NULL");
    CHECK_FAILS(vb_network_import_json(NULL, "x.json"), INVALID, "vb_network_import_json: argument 'net' is NULL");
    CHECK_FAILS(vb_network_import_json(net, NULL), INVALID, "vb_network_import_json: argument 'path' is NULL");
    CHECK_SIZE(vb_network_actor_count(net), 5);
    vb_network_free(net);
}

int main(void) {
    if (mkdtemp(scratch) == NULL) {
        perror("mkdtemp");
        return 1;
    }
    test_round_trips();
    test_sensitive_groups_stay_inside();
    test_bad_files();
    test_imports_add_records();
    test_null_arguments();
    remove_tree(scratch);
    return check_summary("test_io");
}
