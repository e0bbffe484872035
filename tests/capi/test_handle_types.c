/*
 * Issue 15, "Bad input": a result handle of the wrong type (a real handle of
 * another type, cast by mistake) gives VB_ERROR_INVALID_ARGUMENT and a
 * message naming the function, the argument and the expected type; never a
 * crash. Its vb_<type>_free records the error and frees nothing: the handle
 * stays usable and is freed afterwards by its own free (no leak, no double
 * free: the sanitizer build runs this test too).
 *
 * One row per opaque handle type: a representative accessor and the type's
 * free, each called with a handle of another type.
 */
#include "check.h"
#include "hand_network.h"

#include <stdio.h>
#include <string.h>

/* The accessor under test, called with `h` (a handle of another type). The
 * accessors of a few types return a value, not a status: then the call gives
 * the NULL/0 of "no such handle", the wrapper returns VB_ERROR_INVALID_ARGUMENT
 * only when it did, and the message is checked the same way. */
typedef vb_status_t (*access_fn)(void *h);
typedef void (*free_fn)(void *h);

static vb_status_t network_access(void *h) { return vb_network_attend((vb_network_t *)h, "e1", "r1", NULL); }
static vb_status_t graph_access(void *h) {
    size_t degree = 0;
    return vb_graph_degree((const vb_graph_t *)h, 0, &degree);
}
static vb_status_t timeline_access(void *h) {
    vb_timeline_record_t out;
    memset(&out, 0, sizeof out);
    out.struct_size = sizeof out;
    return vb_timeline_record((const vb_timeline_t *)h, 0, &out);
}
static vb_status_t assignment_access(void *h) {
    return vb_assignment_pairs((const vb_assignment_t *)h, 0, NULL, NULL);
}
static vb_status_t introductions_access(void *h) {
    size_t count = 0;
    return vb_introduction_list_count((const vb_introductions_t *)h, 0, VB_INTRODUCTION_VIA, &count);
}
static vb_status_t match_pairs_access(void *h) {
    return vb_match_pairs_proposer((const vb_match_pairs_t *)h, 0) == NULL ? VB_ERROR_INVALID_ARGUMENT : VB_OK;
}
static vb_status_t tables_access(void *h) {
    size_t count = 0;
    return vb_table_list_count((const vb_tables_t *)h, 0, VB_TABLE_MEMBERS, &count);
}
static vb_status_t influence_access(void *h) { return vb_influence_seeds((const vb_influence_t *)h, 0, NULL); }
static vb_status_t cascades_access(void *h) {
    vb_cascade_totals_t out;
    memset(&out, 0, sizeof out);
    out.struct_size = sizeof out;
    return vb_cascades_totals((const vb_cascades_t *)h, &out);
}
static vb_status_t contacts_access(void *h) {
    uint32_t index = 0;
    return vb_contacts_index((const vb_contacts_t *)h, "r1", &index);
}
static vb_status_t temporal_access(void *h) {
    int64_t time = 0;
    return vb_temporal_arrival((const vb_temporal_t *)h, 0, &time);
}
static vb_status_t store_access(void *h) { return vb_store_add_resident((vb_store_t *)h, "r9", NULL); }
static vb_status_t records_access(void *h) {
    vb_actor_record_t out;
    memset(&out, 0, sizeof out);
    out.struct_size = sizeof out;
    return vb_records_actor((const vb_records_t *)h, 0, &out);
}
static vb_status_t social_map_access(void *h) {
    vb_key_figure_t out;
    memset(&out, 0, sizeof out);
    out.struct_size = sizeof out;
    return vb_social_map_key_figure((const vb_social_map_t *)h, 0, &out);
}

static void network_free(void *h) { vb_network_free((vb_network_t *)h); }
static void graph_free(void *h) { vb_graph_free((vb_graph_t *)h); }
static void timeline_free(void *h) { vb_timeline_free((vb_timeline_t *)h); }
static void assignment_free(void *h) { vb_assignment_free((vb_assignment_t *)h); }
static void introductions_free(void *h) { vb_introductions_free((vb_introductions_t *)h); }
static void match_pairs_free(void *h) { vb_match_pairs_free((vb_match_pairs_t *)h); }
static void tables_free(void *h) { vb_tables_free((vb_tables_t *)h); }
static void influence_free(void *h) { vb_influence_free((vb_influence_t *)h); }
static void cascades_free(void *h) { vb_cascades_free((vb_cascades_t *)h); }
static void contacts_free(void *h) { vb_contacts_free((vb_contacts_t *)h); }
static void temporal_free(void *h) { vb_temporal_free((vb_temporal_t *)h); }
static void store_free(void *h) { vb_store_free((vb_store_t *)h); }
static void records_free(void *h) { vb_records_free((vb_records_t *)h); }
static void social_map_free(void *h) { vb_social_map_free((vb_social_map_t *)h); }

enum other { OTHER_NETWORK, OTHER_GRAPH };

typedef struct row {
    const char *type;     /* the expected C type */
    const char *accessor; /* the function access() calls, and its argument */
    const char *argument;
    access_fn access;
    const char *free_name; /* the type's free, and its argument */
    const char *free_argument;
    free_fn release;
    enum other other; /* the real handle (of another type) passed instead */
} row;

static const row rows[] = {
    {"vb_network_t", "vb_network_attend", "net", network_access, "vb_network_free", "net", network_free, OTHER_GRAPH},
    {"vb_graph_t", "vb_graph_degree", "graph", graph_access, "vb_graph_free", "graph", graph_free, OTHER_NETWORK},
    {"vb_timeline_t", "vb_timeline_record", "timeline", timeline_access, "vb_timeline_free", "timeline",
     timeline_free, OTHER_NETWORK},
    {"vb_assignment_t", "vb_assignment_pairs", "assignment", assignment_access, "vb_assignment_free", "assignment",
     assignment_free, OTHER_GRAPH},
    {"vb_introductions_t", "vb_introduction_list_count", "intros", introductions_access, "vb_introductions_free",
     "intros", introductions_free, OTHER_NETWORK},
    {"vb_match_pairs_t", "vb_match_pairs_proposer", "pairs", match_pairs_access, "vb_match_pairs_free", "pairs",
     match_pairs_free, OTHER_GRAPH},
    {"vb_tables_t", "vb_table_list_count", "tables", tables_access, "vb_tables_free", "tables", tables_free,
     OTHER_NETWORK},
    {"vb_influence_t", "vb_influence_seeds", "result", influence_access, "vb_influence_free", "result",
     influence_free, OTHER_GRAPH},
    {"vb_cascades_t", "vb_cascades_totals", "cascades", cascades_access, "vb_cascades_free", "cascades",
     cascades_free, OTHER_NETWORK},
    {"vb_contacts_t", "vb_contacts_index", "contacts", contacts_access, "vb_contacts_free", "contacts", contacts_free,
     OTHER_GRAPH},
    {"vb_temporal_t", "vb_temporal_arrival", "result", temporal_access, "vb_temporal_free", "result", temporal_free,
     OTHER_NETWORK},
    {"vb_store_t", "vb_store_add_resident", "store", store_access, "vb_store_free", "store", store_free,
     OTHER_NETWORK},
    {"vb_records_t", "vb_records_actor", "records", records_access, "vb_records_free", "records", records_free,
     OTHER_GRAPH},
    {"vb_social_map_t", "vb_social_map_key_figure", "map", social_map_access, "vb_social_map_free", "map",
     social_map_free, OTHER_NETWORK},
};

static void check_message(const char *function, const char *argument, const char *type, const char *row_type) {
    char expected[256];
    snprintf(expected, sizeof expected, "%s: argument '%s' is not a %s", function, argument, type);
    ++check_count;
    if (strstr(vb_last_error_message(), expected) == NULL) {
        check_failed(__FILE__, __LINE__, row_type);
        fprintf(stderr, "    message: %s\n    expected it to contain: %s\n", vb_last_error_message(), expected);
    }
}

int main(void) {
    vb_network_t *net = hand_network();
    vb_graph_t *graph = NULL;
    size_t i, attendances;
    CHECK_OK(vb_graph_from_network(net, NULL, &graph));
    CHECK_SIZE(vb_graph_node_count(graph), 5);
    attendances = vb_network_attendance_count(net);

    for (i = 0; i < sizeof rows / sizeof rows[0]; ++i) {
        const row *r = &rows[i];
        void *other = r->other == OTHER_NETWORK ? (void *)net : (void *)graph;
        vb_status_t status;

        vb_clear_last_error();
        status = r->access(other);
        ++check_count;
        if (status != VB_ERROR_INVALID_ARGUMENT) {
            check_failed(__FILE__, __LINE__, r->accessor);
            fprintf(stderr, "    returned %d (%s): %s\n", (int)status, vb_status_string(status),
                    vb_last_error_message());
        }
        check_message(r->accessor, r->argument, r->type, r->type);

        vb_clear_last_error();
        r->release(other);
        check_message(r->free_name, r->free_argument, r->type, r->type);
        CHECK(strstr(vb_last_error_message(), "not freed") != NULL);

        /* Neither call changed nor freed the real handle. */
        CHECK_SIZE(vb_network_actor_count(net), 5);
        CHECK_SIZE(vb_network_attendance_count(net), attendances);
        CHECK_SIZE(vb_graph_node_count(graph), 5);
    }

    /* A value-returning accessor given a wrong type: the NULL/0 of a NULL
     * handle, and the message names the type. */
    vb_clear_last_error();
    CHECK_SIZE(vb_graph_node_count((const vb_graph_t *)(const void *)net), 0);
    check_message("vb_graph_node_count", "graph", "vb_graph_t", "vb_graph_node_count");
    vb_clear_last_error();
    CHECK_SIZE(vb_tables_count((const vb_tables_t *)(const void *)graph), 0);
    check_message("vb_tables_count", "tables", "vb_tables_t", "vb_tables_count");

    /* NULL stays what it was: nothing to free, no error. */
    vb_clear_last_error();
    vb_graph_free(NULL);
    CHECK(strcmp(vb_last_error_message(), "") == 0);

    vb_graph_free(graph);
    vb_network_free(net);
    return check_summary("test_handle_types");
}
