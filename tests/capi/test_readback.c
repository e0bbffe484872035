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

#include <stddef.h>
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

static vb_actor_record_t actor(const vb_records_t *r, size_t i) {
    vb_actor_record_t a;
    memset(&a, 0, sizeof a);
    vb_actor_record_init(&a);
    CHECK_OK(vb_records_actor(r, i, &a));
    return a;
}
static vb_tie_record_t tie(const vb_records_t *r, size_t i) {
    vb_tie_record_t t;
    memset(&t, 0, sizeof t);
    vb_tie_record_init(&t);
    CHECK_OK(vb_records_tie(r, i, &t));
    return t;
}
static vb_event_record_t event(const vb_records_t *r, size_t i) {
    vb_event_record_t e;
    memset(&e, 0, sizeof e);
    vb_event_record_init(&e);
    CHECK_OK(vb_records_event(r, i, &e));
    return e;
}
static vb_attendance_record_t attendance(const vb_records_t *r, size_t i) {
    vb_attendance_record_t a;
    memset(&a, 0, sizeof a);
    vb_attendance_record_init(&a);
    CHECK_OK(vb_records_attendance(r, i, &a));
    return a;
}

static void test_default_view_leaves_sensitive_out(vb_network_t *net) {
    vb_records_t *r = NULL;
    vb_actor_record_t a;
    vb_tie_record_t t;
    vb_event_record_t e;
    vb_attendance_record_t at;
    size_t index = 99;

    CHECK_OK(vb_network_records(net, NULL, &r));
    /* All three actors; 2 of 3 ties (member_of is sensitive); 1 of 2 events
     * (e2 is sensitive) and its 2 attendances. */
    CHECK_SIZE(vb_records_actor_count(r), 3);
    CHECK_SIZE(vb_records_tie_count(r), 2);
    CHECK_SIZE(vb_records_event_count(r), 1);
    CHECK_SIZE(vb_records_attendance_count(r), 2);

    /* r1: every field. */
    a = actor(r, 0);
    CHECK(a.struct_size == sizeof a);
    CHECK_STRING(a.key, "r1");
    CHECK(a.type == VB_ACTOR_RESIDENT);
    CHECK(a.kind == NULL);
    CHECK_STRING(a.neighbourhood, "Noord");
    CHECK_STRING(a.municipality, "Lelystad");
    CHECK(a.key_figure == 1);
    CHECK_STRING(a.trained_on, "2022-03-05");
    CHECK_SIZE(a.talent_count, 2);
    CHECK_STRING(vb_records_actor_talent(r, 0, 0), "koken");
    CHECK_STRING(vb_records_actor_talent(r, 0, 1), "taal");
    CHECK(vb_records_actor_talent(r, 0, 2) == NULL);
    /* Only the group that may leave. */
    CHECK_SIZE(a.group_count, 1);
    CHECK_STRING(vb_records_actor_group(r, 0, 0), "Turks");
    CHECK(vb_records_actor_group(r, 0, 1) == NULL);

    /* r2: nothing known is NULL, not "". */
    a = actor(r, 1);
    CHECK_STRING(a.key, "r2");
    CHECK(a.neighbourhood == NULL && a.municipality == NULL && a.trained_on == NULL && a.kind == NULL);
    CHECK(a.key_figure == 0);
    CHECK_SIZE(a.talent_count, 0);
    CHECK_SIZE(a.group_count, 0);

    /* lib */
    a = actor(r, 2);
    CHECK(a.type == VB_ACTOR_ORGANISATION);
    CHECK_STRING(a.kind, "library");
    CHECK_STRING(a.neighbourhood, "Noord");
    CHECK_STRING(vb_records_actor_talent(r, 2, 0), "taalcafe");

    /* The ties, in the network's order; ends as written. */
    t = tie(r, 0);
    CHECK_STRING(t.a, "r1");
    CHECK_STRING(t.b, "r2");
    CHECK_STRING(t.kind, "knows");
    CHECK_STRING(t.since, "2021-01-01");
    CHECK(t.until == NULL);
    CHECK_DOUBLE(t.weight, 0.5);
    t = tie(r, 1);
    CHECK_STRING(t.a, "r2");
    CHECK_STRING(t.b, "r1");
    CHECK_STRING(t.since, "2022-01-01");
    CHECK_STRING(t.until, "2023-01-01");
    CHECK_DOUBLE(t.weight, 1.0);

    /* The event and its organisers. */
    e = event(r, 0);
    CHECK_STRING(e.key, "e1");
    CHECK_STRING(e.date, "2022-05-05");
    CHECK_STRING(e.kind, "5 May breakfast");
    CHECK(e.neighbourhood == NULL);
    CHECK_STRING(e.municipality, "Lelystad");
    CHECK_SIZE(e.organiser_count, 2);
    CHECK_STRING(vb_records_event_organiser(r, 0, 0), "lib");
    CHECK_STRING(vb_records_event_organiser(r, 0, 1), "r1");
    CHECK(vb_records_event_organiser(r, 0, 2) == NULL);

    /* Attendance. */
    at = attendance(r, 0);
    CHECK_STRING(at.event, "e1");
    CHECK_STRING(at.actor, "r1");
    CHECK(at.brought_by == NULL);
    at = attendance(r, 1);
    CHECK_STRING(at.actor, "r2");
    CHECK_STRING(at.brought_by, "r1");

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
    CHECK_SIZE(actor(r, 0).group_count, 2);
    CHECK_STRING(vb_records_actor_group(r, 0, 0), "Turks");
    CHECK_STRING(vb_records_actor_group(r, 0, 1), "LGBTI+");
    CHECK_OK(vb_records_find_tie(r, "lib", "r1", "member_of", "", &index));
    CHECK_SIZE(index, 2);
    CHECK_STRING(tie(r, 2).kind, "member_of");
    CHECK_OK(vb_records_find_event(r, "e2", &index));
    CHECK_SIZE(index, 1);
    CHECK_STRING(event(r, 1).kind, "Pride breakfast");
    CHECK_SIZE(event(r, 1).organiser_count, 1);
    CHECK_OK(vb_records_find_attendance(r, "e2", "r2", &index));
    CHECK_SIZE(index, 2);
    vb_records_free(r);
}

/* The snapshot is a copy: strings stay valid, and values unchanged, after
 * the network changes and is freed. */
static void test_snapshot_outlives_the_network(void) {
    vb_network_t *net = read_document();
    vb_records_t *r = NULL;
    vb_actor_record_t lib;
    CHECK_OK(vb_network_records(net, NULL, &r));
    lib = actor(r, 2);
    CHECK_OK(vb_network_remove(net, "lib"));
    CHECK_SIZE(vb_network_actor_count(net), 2);
    vb_network_free(net);
    CHECK_SIZE(vb_records_actor_count(r), 3);
    CHECK_STRING(lib.key, "lib");
    CHECK_STRING(lib.kind, "library");
    CHECK_STRING(vb_records_event_organiser(r, 0, 0), "lib");
    vb_records_free(r);
}

/* A result struct of a smaller (or no) struct_size is refused and left as
 * it was; a struct with room after it is written only up to its struct_size. */
static void test_result_struct_sizes(vb_network_t *net) {
    vb_records_t *r = NULL;
    struct {
        vb_actor_record_t record;
        unsigned char after[32];
    } box;
    size_t i;
    int untouched = 1;

    CHECK_OK(vb_network_records(net, NULL, &r));
    memset(&box, 0x5A, sizeof box);
    box.record.struct_size = 0;
    CHECK_FAILS(vb_records_actor(r, 0, &box.record), VB_ERROR_INVALID_ARGUMENT, "struct_size 0");
    CHECK(((const unsigned char *)&box.record)[sizeof(size_t)] == 0x5A); /* nothing written */
    box.record.struct_size = offsetof(vb_actor_record_t, group_count);   /* ends before the 1.0 struct's last field */
    CHECK_FAILS(vb_records_actor(r, 0, &box.record), VB_ERROR_INVALID_ARGUMENT, "vb_actor_record_init");
    CHECK(((const unsigned char *)&box.record)[sizeof(size_t)] == 0x5A);
    box.record.struct_size = sizeof box.record + 8; /* a newer header's: more than this library fills */
    CHECK_FAILS(vb_records_actor(r, 0, &box.record), VB_ERROR_INVALID_ARGUMENT, "vb_actor_record_t");
    vb_actor_record_init(&box.record);
    CHECK_OK(vb_records_actor(r, 0, &box.record));
    CHECK_STRING(box.record.key, "r1");
    for (i = 0; i < sizeof box.after; ++i)
        if (box.after[i] != 0x5A) untouched = 0;
    CHECK(untouched);
    CHECK_FAILS(vb_records_tie(r, 0, NULL), VB_ERROR_INVALID_ARGUMENT, "argument 'out' is NULL");
    vb_records_free(r);
}

static void test_bad_arguments(vb_network_t *net) {
    vb_records_t *r = (vb_records_t *)&r; /* must be cleared on failure */
    vb_records_options_t options;
    vb_actor_record_t a;
    vb_tie_record_t t;
    vb_event_record_t e;
    vb_attendance_record_t at;
    size_t index = 0;
    vb_graph_t *graph = NULL;

    vb_actor_record_init(&a);
    vb_tie_record_init(&t);
    vb_event_record_init(&e);
    vb_attendance_record_init(&at);
    CHECK_FAILS(vb_network_records(NULL, NULL, &r), VB_ERROR_INVALID_ARGUMENT, "vb_network_records: argument 'net'");
    CHECK(r == NULL);
    CHECK_FAILS(vb_network_records(net, NULL, NULL), VB_ERROR_INVALID_ARGUMENT, "argument 'out' is NULL");
    vb_records_options_init(&options);
    options.struct_size = 0;
    CHECK_FAILS(vb_network_records(net, &options, &r), VB_ERROR_INVALID_ARGUMENT, "struct_size 0");
    options.struct_size = sizeof(size_t) + 1; /* ends inside include_sensitive */
    CHECK_FAILS(vb_network_records(net, &options, &r), VB_ERROR_INVALID_ARGUMENT, "vb_records_options_init");

    CHECK_OK(vb_network_records(net, NULL, &r));
    CHECK_FAILS(vb_records_actor(r, 3, &a), VB_ERROR_INVALID_ARGUMENT,
                "vb_records_actor: argument 'index' is 3, but the records hold 3 actors");
    CHECK_FAILS(vb_records_tie(r, 2, &t), VB_ERROR_INVALID_ARGUMENT, "hold 2 ties");
    CHECK_FAILS(vb_records_event(r, 1, &e), VB_ERROR_INVALID_ARGUMENT, "hold 1 event");
    CHECK_FAILS(vb_records_attendance(r, (size_t)-1, &at), VB_ERROR_INVALID_ARGUMENT, "hold 2 attendance records");
    CHECK_FAILS(vb_records_actor(NULL, 0, &a), VB_ERROR_INVALID_ARGUMENT, "argument 'records' is NULL");
    CHECK(vb_records_actor_talent(NULL, 0, 0) == NULL);
    CHECK(vb_records_actor_talent(r, 3, 0) == NULL);
    CHECK(vb_records_event_organiser(r, 1, 0) == NULL);
    CHECK_FAILS(vb_records_find_actor(r, NULL, &index), VB_ERROR_INVALID_ARGUMENT, "argument 'key' is NULL");
    CHECK_FAILS(vb_records_find_actor(r, "r9", &index), VB_ERROR_NOT_FOUND, "no actor 'r9'");
    CHECK_FAILS(vb_records_find_actor(r, "r1", NULL), VB_ERROR_INVALID_ARGUMENT, "argument 'index' is NULL");
    CHECK_FAILS(vb_records_find_tie(r, "r1", "r9", "knows", NULL, &index), VB_ERROR_NOT_FOUND, "argument 'b'");
    CHECK_FAILS(vb_records_find_tie(r, "r1", "r2", NULL, NULL, &index), VB_ERROR_INVALID_ARGUMENT, "'kind'");

    /* A handle of another type, cast by mistake, is refused, not read, and
     * not freed. */
    CHECK_OK(vb_graph_from_edges(2, 0, NULL, NULL, NULL, NULL, &graph));
    CHECK_FAILS(vb_records_actor((const vb_records_t *)(const void *)graph, 0, &a), VB_ERROR_INVALID_ARGUMENT,
                "not a vb_records_t");
    CHECK_SIZE(vb_records_actor_count((const vb_records_t *)(const void *)graph), 0);
    CHECK(vb_records_actor_group((const vb_records_t *)(const void *)graph, 0, 0) == NULL);
    vb_clear_last_error();
    vb_records_free((vb_records_t *)(void *)graph);
    CHECK(strstr(vb_last_error_message(), "vb_records_free: argument 'records' is not a vb_records_t") != NULL);
    CHECK_SIZE(vb_graph_node_count(graph), 2);
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
    test_result_struct_sizes(net);
    test_bad_arguments(net);
    vb_network_free(net);
    return check_summary("test_readback");
}
