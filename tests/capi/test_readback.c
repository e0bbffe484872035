/* Reading a network back through the C ABI (verbind.h, "Reading a network
 * back"): counts, every field of every record by index, lookups by key, the
 * privacy view (sensitive groups, tie kinds and events absent unless asked
 * for), the snapshot outliving changes to the network, and bad arguments.
 *
 * The network is read from a JSON document written here, so that every
 * expected value below is in front of the reader:
 *
 *   r1  resident, Noord, Lelystad, talents koken;taal, groups Turks;LGBTI+
 *       (LGBTI+ marked sensitive), key figure trained 2022-03-05
 *   r2  resident, nothing known
 *   lib organisation "library", Noord, offers taalcafe
 *   ties  r1 - r2  knows      since 2021-01-01, weight 0.5
 *         r2 - r1  knows      since 2022-01-01 until 2023-01-01 (a second tie)
 *         r1 - lib member_of  (open; the kind is marked sensitive)
 *   events e1 2022-05-05 "5 May breakfast" Lelystad, organised by lib, r1
 *          e2 2022-06-25 "Pride breakfast" (marked sensitive), organised by r1
 *   attendance e1: r1, r2 brought by r1; e2: r2
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

static const char *document =
    "{\"format\": \"verbind\", \"version\": 1,\n"
    " \"sensitive_groups\": [\"LGBTI+\"], \"sensitive_tie_kinds\": [\"member_of\"],\n"
    " \"actors\": [\n"
    "  {\"key\": \"r1\", \"type\": \"resident\", \"neighbourhood\": \"Noord\", \"municipality\": \"Lelystad\",\n"
    "   \"talents\": [\"koken\", \"taal\"], \"groups\": [\"Turks\", \"LGBTI+\"], \"key_figure\": true,\n"
    "   \"trained_on\": \"2022-03-05\"},\n"
    "  {\"key\": \"r2\", \"type\": \"resident\"},\n"
    "  {\"key\": \"lib\", \"type\": \"organisation\", \"kind\": \"library\", \"neighbourhood\": \"Noord\",\n"
    "   \"talents\": [\"taalcafe\"]}],\n"
    " \"ties\": [\n"
    "  {\"a\": \"r1\", \"b\": \"r2\", \"kind\": \"knows\", \"since\": \"2021-01-01\", \"weight\": 0.5},\n"
    "  {\"a\": \"r2\", \"b\": \"r1\", \"kind\": \"knows\", \"since\": \"2022-01-01\", \"until\": \"2023-01-01\"},\n"
    "  {\"a\": \"r1\", \"b\": \"lib\", \"kind\": \"member_of\"}],\n"
    " \"events\": [\n"
    "  {\"key\": \"e1\", \"date\": \"2022-05-05\", \"kind\": \"5 May breakfast\", \"municipality\": \"Lelystad\",\n"
    "   \"organisers\": [\"lib\", \"r1\"]},\n"
    "  {\"key\": \"e2\", \"date\": \"2022-06-25\", \"kind\": \"Pride breakfast\", \"organisers\": [\"r1\"]}],\n"
    " \"attendance\": [\n"
    "  {\"event\": \"e1\", \"actor\": \"r1\"}, {\"event\": \"e1\", \"actor\": \"r2\", \"brought_by\": \"r1\"},\n"
    "  {\"event\": \"e2\", \"actor\": \"r2\"}],\n"
    " \"sensitive_events\": [\"e2\"]}\n";

static vb_network_t *read_document(void) {
    char path[] = "/tmp/verbind-capi-readback-XXXXXX";
    vb_network_t *net = NULL;
    int fd = mkstemp(path);
    FILE *file;
    CHECK(fd >= 0);
    if (fd < 0) return NULL;
    file = fdopen(fd, "w");
    fputs(document, file);
    fclose(file);
    CHECK_OK(vb_network_read_json(path, &net));
    unlink(path);
    return net;
}

/* Shorthands: the text an accessor writes, or "(failed)". */
static const char *text1(vb_status_t (*fn)(const vb_records_t *, size_t, const char **), const vb_records_t *r,
                         size_t i) {
    const char *out = "(untouched)";
    if (fn(r, i, &out) != VB_OK) return "(failed)";
    return out;
}
static const char *text2(vb_status_t (*fn)(const vb_records_t *, size_t, size_t, const char **),
                         const vb_records_t *r, size_t i, size_t k) {
    const char *out = "(untouched)";
    if (fn(r, i, k, &out) != VB_OK) return "(failed)";
    return out;
}
static size_t size1(vb_status_t (*fn)(const vb_records_t *, size_t, size_t *), const vb_records_t *r, size_t i) {
    size_t out = 999;
    if (fn(r, i, &out) != VB_OK) return 999;
    return out;
}

static void test_default_view_leaves_sensitive_out(vb_network_t *net) {
    vb_records_t *r = NULL;
    vb_actor_type_t type = VB_ACTOR_ORGANISATION;
    const char *text = "x";
    double weight = 0;
    int key_figure = -1;
    size_t index = 99;

    CHECK_OK(vb_network_records(net, NULL, &r));
    /* All three actors; 2 of 3 ties (member_of is sensitive); 1 of 2 events
     * (e2 is sensitive) and its 2 attendances. */
    CHECK_SIZE(vb_records_actor_count(r), 3);
    CHECK_SIZE(vb_records_tie_count(r), 2);
    CHECK_SIZE(vb_records_event_count(r), 1);
    CHECK_SIZE(vb_records_attendance_count(r), 2);

    /* r1: every field. */
    CHECK_STRING(text1(vb_records_actor_key, r, 0), "r1");
    CHECK_OK(vb_records_actor_type(r, 0, &type));
    CHECK(type == VB_ACTOR_RESIDENT);
    CHECK_OK(vb_records_actor_kind(r, 0, &text));
    CHECK(text == NULL);
    CHECK_STRING(text1(vb_records_actor_neighbourhood, r, 0), "Noord");
    CHECK_STRING(text1(vb_records_actor_municipality, r, 0), "Lelystad");
    CHECK_OK(vb_records_actor_key_figure(r, 0, &key_figure));
    CHECK(key_figure == 1);
    CHECK_STRING(text1(vb_records_actor_trained_on, r, 0), "2022-03-05");
    CHECK_SIZE(size1(vb_records_actor_talent_count, r, 0), 2);
    CHECK_STRING(text2(vb_records_actor_talent, r, 0, 0), "koken");
    CHECK_STRING(text2(vb_records_actor_talent, r, 0, 1), "taal");
    /* Only the group that may leave. */
    CHECK_SIZE(size1(vb_records_actor_group_count, r, 0), 1);
    CHECK_STRING(text2(vb_records_actor_group, r, 0, 0), "Turks");
    CHECK_FAILS(vb_records_actor_group(r, 0, 1, &text), VB_ERROR_INVALID_ARGUMENT, "actor 0 has 1 groups");

    /* r2: nothing known is NULL, not "". */
    CHECK_OK(vb_records_actor_neighbourhood(r, 1, &text));
    CHECK(text == NULL);
    CHECK_OK(vb_records_actor_municipality(r, 1, &text));
    CHECK(text == NULL);
    CHECK_OK(vb_records_actor_trained_on(r, 1, &text));
    CHECK(text == NULL);
    CHECK_OK(vb_records_actor_key_figure(r, 1, &key_figure));
    CHECK(key_figure == 0);
    CHECK_SIZE(size1(vb_records_actor_talent_count, r, 1), 0);
    CHECK_SIZE(size1(vb_records_actor_group_count, r, 1), 0);

    /* lib */
    CHECK_OK(vb_records_actor_type(r, 2, &type));
    CHECK(type == VB_ACTOR_ORGANISATION);
    CHECK_STRING(text1(vb_records_actor_kind, r, 2), "library");
    CHECK_STRING(text2(vb_records_actor_talent, r, 2, 0), "taalcafe");

    /* The ties, in the network's order; ends as written. */
    CHECK_STRING(text1(vb_records_tie_a, r, 0), "r1");
    CHECK_STRING(text1(vb_records_tie_b, r, 0), "r2");
    CHECK_STRING(text1(vb_records_tie_kind, r, 0), "knows");
    CHECK_STRING(text1(vb_records_tie_since, r, 0), "2021-01-01");
    CHECK_OK(vb_records_tie_until(r, 0, &text));
    CHECK(text == NULL);
    CHECK_OK(vb_records_tie_weight(r, 0, &weight));
    CHECK_DOUBLE(weight, 0.5);
    CHECK_STRING(text1(vb_records_tie_a, r, 1), "r2");
    CHECK_STRING(text1(vb_records_tie_b, r, 1), "r1");
    CHECK_STRING(text1(vb_records_tie_since, r, 1), "2022-01-01");
    CHECK_STRING(text1(vb_records_tie_until, r, 1), "2023-01-01");
    CHECK_OK(vb_records_tie_weight(r, 1, &weight));
    CHECK_DOUBLE(weight, 1.0);

    /* The event and its organisers. */
    CHECK_STRING(text1(vb_records_event_key, r, 0), "e1");
    CHECK_STRING(text1(vb_records_event_date, r, 0), "2022-05-05");
    CHECK_STRING(text1(vb_records_event_kind, r, 0), "5 May breakfast");
    CHECK_OK(vb_records_event_neighbourhood(r, 0, &text));
    CHECK(text == NULL);
    CHECK_STRING(text1(vb_records_event_municipality, r, 0), "Lelystad");
    CHECK_SIZE(size1(vb_records_event_organiser_count, r, 0), 2);
    CHECK_STRING(text2(vb_records_event_organiser, r, 0, 0), "lib");
    CHECK_STRING(text2(vb_records_event_organiser, r, 0, 1), "r1");

    /* Attendance. */
    CHECK_STRING(text1(vb_records_attendance_event, r, 0), "e1");
    CHECK_STRING(text1(vb_records_attendance_actor, r, 0), "r1");
    CHECK_OK(vb_records_attendance_brought_by(r, 0, &text));
    CHECK(text == NULL);
    CHECK_STRING(text1(vb_records_attendance_actor, r, 1), "r2");
    CHECK_STRING(text1(vb_records_attendance_brought_by, r, 1), "r1");

    /* By key. */
    CHECK_OK(vb_records_find_actor(r, "lib", &index));
    CHECK_SIZE(index, 2);
    CHECK_OK(vb_records_find_event(r, "e1", &index));
    CHECK_SIZE(index, 0);
    CHECK_OK(vb_records_find_tie(r, "r1", "r2", "knows", "2022-01-01", &index));
    CHECK_SIZE(index, 1);
    CHECK_OK(vb_records_find_tie(r, "r2", "r1", "knows", "2021-01-01", &index)); /* either order */
    CHECK_SIZE(index, 0);
    CHECK_OK(vb_records_find_attendance(r, "e1", "r2", &index));
    CHECK_SIZE(index, 1);

    /* What the view hides cannot be found: the sensitive event, the tie of a
     * sensitive kind, the attendance at the sensitive event. The messages
     * say "not in the records", never why. */
    CHECK_FAILS(vb_records_find_event(r, "e2", &index), VB_ERROR_NOT_FOUND, "no event 'e2' in the records");
    CHECK_FAILS(vb_records_find_tie(r, "r1", "lib", "member_of", NULL, &index), VB_ERROR_NOT_FOUND,
                "no tie 'r1' - 'lib' of kind 'member_of' since always");
    CHECK_FAILS(vb_records_find_attendance(r, "e2", "r2", &index), VB_ERROR_NOT_FOUND, "no event 'e2'");
    CHECK(strstr(vb_last_error_message(), "sensitive") == NULL);
    CHECK_FAILS(vb_records_find_attendance(r, "e1", "lib", &index), VB_ERROR_NOT_FOUND,
                "no attendance of 'lib' at event 'e1'");
    CHECK_FAILS(vb_records_find_tie(r, "r1", "r2", "knows", "2021-1-1", &index), VB_ERROR_INVALID_ARGUMENT,
                "argument 'since'");
    vb_records_free(r);
}

static void test_include_sensitive_shows_everything(vb_network_t *net) {
    vb_records_options_t options;
    vb_records_t *r = NULL;
    size_t index = 99;

    vb_records_options_init(&options);
    CHECK(options.struct_size == sizeof options);
    CHECK(options.include_sensitive == 0);
    options.include_sensitive = 1;
    CHECK_OK(vb_network_records(net, &options, &r));
    CHECK_SIZE(vb_records_actor_count(r), 3);
    CHECK_SIZE(vb_records_tie_count(r), 3);
    CHECK_SIZE(vb_records_event_count(r), 2);
    CHECK_SIZE(vb_records_attendance_count(r), 3);
    CHECK_SIZE(size1(vb_records_actor_group_count, r, 0), 2);
    CHECK_STRING(text2(vb_records_actor_group, r, 0, 0), "Turks");
    CHECK_STRING(text2(vb_records_actor_group, r, 0, 1), "LGBTI+");
    CHECK_OK(vb_records_find_tie(r, "lib", "r1", "member_of", "", &index));
    CHECK_SIZE(index, 2);
    CHECK_STRING(text1(vb_records_tie_kind, r, 2), "member_of");
    CHECK_OK(vb_records_find_event(r, "e2", &index));
    CHECK_SIZE(index, 1);
    CHECK_STRING(text1(vb_records_event_kind, r, 1), "Pride breakfast");
    CHECK_SIZE(size1(vb_records_event_organiser_count, r, 1), 1);
    CHECK_OK(vb_records_find_attendance(r, "e2", "r2", &index));
    CHECK_SIZE(index, 2);
    vb_records_free(r);
}

/* The snapshot is a copy: strings stay valid, and values unchanged, after
 * the network changes and is freed. */
static void test_snapshot_outlives_the_network(void) {
    vb_network_t *net = read_document();
    vb_records_t *r = NULL;
    const char *key = NULL, *kind = NULL;
    CHECK_OK(vb_network_records(net, NULL, &r));
    CHECK_OK(vb_records_actor_key(r, 2, &key));
    CHECK_OK(vb_records_actor_kind(r, 2, &kind));
    CHECK_OK(vb_network_remove(net, "lib"));
    CHECK_SIZE(vb_network_actor_count(net), 2);
    vb_network_free(net);
    CHECK_SIZE(vb_records_actor_count(r), 3);
    CHECK_STRING(key, "lib");
    CHECK_STRING(kind, "library");
    CHECK_STRING(text2(vb_records_event_organiser, r, 0, 0), "lib");
    vb_records_free(r);
}

static void test_bad_arguments(vb_network_t *net) {
    vb_records_t *r = (vb_records_t *)&r; /* must be cleared on failure */
    vb_records_options_t options;
    const char *text = NULL;
    size_t index = 0;
    vb_graph_t *graph = NULL;

    CHECK_FAILS(vb_network_records(NULL, NULL, &r), VB_ERROR_INVALID_ARGUMENT, "vb_network_records: argument 'net'");
    CHECK(r == NULL);
    CHECK_FAILS(vb_network_records(net, NULL, NULL), VB_ERROR_INVALID_ARGUMENT, "argument 'out' is NULL");
    vb_records_options_init(&options);
    options.struct_size = 0;
    CHECK_FAILS(vb_network_records(net, &options, &r), VB_ERROR_INVALID_ARGUMENT, "struct_size 0");
    options.struct_size = sizeof(size_t) + 1; /* ends inside include_sensitive */
    CHECK_FAILS(vb_network_records(net, &options, &r), VB_ERROR_INVALID_ARGUMENT, "vb_records_options_init");

    CHECK_OK(vb_network_records(net, NULL, &r));
    CHECK_FAILS(vb_records_actor_key(r, 3, &text), VB_ERROR_INVALID_ARGUMENT,
                "vb_records_actor_key: argument 'index' is 3, but the records hold 3 actors");
    CHECK_FAILS(vb_records_tie_weight(r, 2, NULL), VB_ERROR_INVALID_ARGUMENT, "argument 'out' is NULL");
    CHECK_FAILS(vb_records_tie_since(r, 2, &text), VB_ERROR_INVALID_ARGUMENT, "hold 2 ties");
    CHECK_FAILS(vb_records_event_date(r, 1, &text), VB_ERROR_INVALID_ARGUMENT, "hold 1 event");
    CHECK_FAILS(vb_records_attendance_actor(r, (size_t)-1, &text), VB_ERROR_INVALID_ARGUMENT,
                "hold 2 attendance records");
    CHECK_FAILS(vb_records_actor_key(NULL, 0, &text), VB_ERROR_INVALID_ARGUMENT, "argument 'records' is NULL");
    CHECK_FAILS(vb_records_find_actor(r, NULL, &index), VB_ERROR_INVALID_ARGUMENT, "argument 'key' is NULL");
    CHECK_FAILS(vb_records_find_actor(r, "r9", &index), VB_ERROR_NOT_FOUND, "no actor 'r9'");
    CHECK_FAILS(vb_records_find_actor(r, "r1", NULL), VB_ERROR_INVALID_ARGUMENT, "argument 'index' is NULL");
    CHECK_FAILS(vb_records_find_tie(r, "r1", "r9", "knows", NULL, &index), VB_ERROR_NOT_FOUND, "argument 'b'");
    CHECK_FAILS(vb_records_find_tie(r, "r1", "r2", NULL, NULL, &index), VB_ERROR_INVALID_ARGUMENT, "'kind'");

    /* A handle of another type, cast by mistake, is refused, not read. */
    CHECK_OK(vb_graph_from_edges(2, 0, NULL, NULL, NULL, 0, &graph));
    CHECK_FAILS(vb_records_actor_key((const vb_records_t *)(const void *)graph, 0, &text), VB_ERROR_INVALID_ARGUMENT,
                "not a vb_records_t");
    CHECK_SIZE(vb_records_actor_count((const vb_records_t *)(const void *)graph), 0);
    vb_graph_free(graph);

    CHECK_SIZE(vb_records_actor_count(NULL), 0);
    CHECK_SIZE(vb_records_attendance_count(NULL), 0);
    vb_records_free(r);
    vb_records_free(NULL);
}

int main(void) {
    vb_network_t *net = read_document();
    test_default_view_leaves_sensitive_out(net);
    test_include_sensitive_shows_everything(net);
    test_snapshot_outlives_the_network();
    test_bad_arguments(net);
    vb_network_free(net);
    return check_summary("test_readback");
}
