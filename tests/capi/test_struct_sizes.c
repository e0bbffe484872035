/* Bad struct sizes, NULL out-pointers and enums out of range, for every
 * options struct and every result struct the library fills: a clear error
 * code and message, never a crash (docs/abi-policy.md; run under the
 * sanitizer build too). Table-driven: a new struct is covered by adding a
 * row (OPTIONS_ROWS or RESULT_ROWS below).
 *
 * For each options struct: its _init_sized fills it and the call succeeds;
 * struct_size 0 and a size below the first release's struct are refused
 * naming the struct; a caller's struct larger than the library's is read
 * when the bytes the library does not know are 0 and refused when one is
 * set; NULL options mean the defaults.
 * For each result struct: struct_size 0, too small or larger than the
 * library's is refused and nothing is written; a NULL out-pointer is
 * refused; the right size is filled and struct_size kept. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

/* --- the objects the calls work on ------------------------------------ */

static vb_network_t *net = NULL;  /* a small hand-made network */
static vb_network_t *adds = NULL; /* where the add_* rows add */
static vb_graph_t *graph = NULL;  /* a path 0-1-2-3 */
static vb_contacts_t *contacts = NULL;
static char folder[64], json_path[64];
static unsigned serial = 0;

static const char *fresh_key(const char *prefix) {
    static char key[32];
    snprintf(key, sizeof key, "%s%u", prefix, ++serial);
    return key;
}

/* --- one wrapper per options struct: prepare the fields a valid call
 * needs, then call the operation with the (maybe oversized) struct ------ */

static void no_prepare(void *o) { (void)o; }

#define CALL(name, type, ...) \
  static vb_status_t call_##name(const void *options_) { \
    const type *options = (const type *)options_; \
    __VA_ARGS__ \
  }

CALL(resident, vb_resident_options_t, { return vb_network_add_resident(adds, fresh_key("r"), options); })
CALL(organisation, vb_organisation_options_t,
     { return vb_network_add_organisation(adds, fresh_key("o"), "club", options); })
CALL(tie, vb_tie_options_t, {
    char a[32], b[32];
    snprintf(a, sizeof a, "%s", fresh_key("ta"));
    snprintf(b, sizeof b, "%s", fresh_key("tb"));
    if (vb_network_add_resident(adds, a, NULL) != VB_OK || vb_network_add_resident(adds, b, NULL) != VB_OK)
        return VB_ERROR_INTERNAL;
    return vb_network_add_tie(adds, a, b, "knows", options);
})
CALL(event, vb_event_options_t, { return vb_network_add_event(adds, fresh_key("e"), "2022-05-05", "fair", options); })
CALL(view, vb_view_options_t, {
    vb_graph_t *g = NULL;
    vb_status_t s = vb_graph_from_network(net, options, &g);
    vb_graph_free(g);
    return s;
})
CALL(edge_list, vb_edge_list_options_t, {
    const uint32_t src[] = {0, 1}, dst[] = {1, 2};
    vb_graph_t *g = NULL;
    vb_status_t s = vb_graph_from_edges(3, 2, src, dst, NULL, options, &g);
    vb_graph_free(g);
    return s;
})
CALL(csv, vb_csv_options_t, {
    vb_network_t *n = NULL;
    vb_status_t s = vb_network_read_csv(folder, options, &n);
    vb_network_free(n);
    return s;
})
CALL(export, vb_export_options_t, { return vb_network_write_json(net, json_path, options); })
CALL(sample, vb_sample_options_t, {
    vb_network_t *n = NULL;
    vb_status_t s = vb_network_sample_programme(options, &n);
    vb_network_free(n);
    return s;
})
static void prepare_sample(void *o) { ((vb_sample_options_t *)o)->scale = 0.05; }
CALL(centrality, vb_centrality_options_t, {
    double values[4];
    return vb_centrality(graph, VB_CENTRALITY_DEGREE, options, values);
})
CALL(community, vb_community_options_t, {
    uint32_t labels[4];
    size_t count = 0;
    return vb_communities(graph, options, labels, &count);
})
CALL(expected_ei, vb_expected_ei_options_t, {
    const uint32_t groups[] = {0, 0, 1, 1};
    vb_expected_ei_t r;
    vb_expected_ei_init(&r);
    return vb_expected_ei_index(graph, groups, options, &r);
})
static void prepare_expected_ei(void *o) { ((vb_expected_ei_options_t *)o)->permutations = 20; }
CALL(social_map, vb_social_map_options_t, {
    char *json = NULL;
    vb_status_t s = vb_social_map_json(net, options, &json);
    vb_free(json);
    return s;
})
CALL(hop, vb_hop_options_t, {
    const uint32_t seed = 0;
    int32_t distances[4];
    return vb_hop_reach(graph, &seed, 1, options, distances);
})
CALL(cascade, vb_cascade_options_t, {
    vb_cascades_t *c = NULL;
    vb_status_t s = vb_cascades(net, options, &c);
    vb_cascades_free(c);
    return s;
})
CALL(temporal, vb_temporal_options_t, {
    const uint32_t seed = 0;
    vb_temporal_t *t = NULL;
    vb_status_t s = vb_temporal_reach_contacts(contacts, &seed, 1, options, &t);
    vb_temporal_free(t);
    return s;
})
CALL(temporal_network, vb_temporal_network_options_t, {
    const char *seeds[] = {"r1"};
    vb_temporal_t *t = NULL;
    vb_status_t s = vb_temporal_reach_network(net, seeds, 1, options, &t);
    vb_temporal_free(t);
    return s;
})
static void prepare_temporal_network(void *o) { ((vb_temporal_network_options_t *)o)->start = "2022-01-01"; }
CALL(spread, vb_spread_options_t, {
    const uint32_t seed = 0;
    vb_spread_t r;
    vb_spread_init(&r);
    return vb_spread(graph, &seed, 1, options, &r);
})
static void prepare_spread(void *o) { ((vb_spread_options_t *)o)->runs = 50; }
CALL(influence, vb_influence_options_t, {
    vb_influence_t *r = NULL;
    vb_status_t s = vb_influence_max(graph, 1, options, &r);
    vb_influence_free(r);
    return s;
})
static void prepare_influence(void *o) { ((vb_influence_options_t *)o)->epsilon = 0.5; }
CALL(assign, vb_assign_options_t, {
    const double cost[] = {1, 2, 3, 4};
    vb_assignment_t *a = NULL;
    vb_status_t s = vb_assign(cost, 2, 2, options, &a);
    vb_assignment_free(a);
    return s;
})
CALL(introduction, vb_introduction_options_t, {
    vb_introductions_t *i = NULL;
    vb_status_t s = vb_introductions(net, options, &i);
    vb_introductions_free(i);
    return s;
})
CALL(stable, vb_stable_options_t, {
    const char *a[] = {"x"}, *x[] = {"a"};
    const vb_preference_list_t proposers[] = {{"a", a, 1}}, reviewers[] = {{"x", x, 1}};
    vb_match_pairs_t *pairs = NULL;
    vb_status_t s = vb_stable_match(proposers, 1, reviewers, 1, options, &pairs);
    vb_match_pairs_free(pairs);
    return s;
})
CALL(table, vb_table_options_t, {
    vb_tables_t *t = NULL;
    vb_status_t s = vb_tables(net, "e1", options, &t);
    vb_tables_free(t);
    return s;
})
CALL(suppression, vb_suppression_options_t, {
    const uint64_t counts[] = {20, 30};
    uint8_t marks[6];
    return vb_suppress_small_cells(counts, 1, 2, options, marks, NULL);
})
CALL(timeline, vb_timeline_options_t, {
    vb_timeline_t *t = NULL;
    vb_status_t s = vb_timeline(net, options, &t);
    vb_timeline_free(t);
    return s;
})
CALL(report, vb_report_options_t, {
    char *html = NULL;
    vb_status_t s = vb_report_html(net, options, &html, NULL);
    vb_free(html);
    return s;
})
CALL(records, vb_records_options_t, {
    vb_records_t *r = NULL;
    vb_status_t s = vb_network_records(net, options, &r);
    vb_records_free(r);
    return s;
})

#define INIT(name, type) \
  static void init_##name(void *o, size_t size) { name##_options_init_sized((type *)o, size); }

INIT(vb_resident, vb_resident_options_t)
INIT(vb_organisation, vb_organisation_options_t)
INIT(vb_tie, vb_tie_options_t)
INIT(vb_event, vb_event_options_t)
INIT(vb_view, vb_view_options_t)
INIT(vb_edge_list, vb_edge_list_options_t)
INIT(vb_csv, vb_csv_options_t)
INIT(vb_export, vb_export_options_t)
INIT(vb_sample, vb_sample_options_t)
INIT(vb_centrality, vb_centrality_options_t)
INIT(vb_community, vb_community_options_t)
INIT(vb_expected_ei, vb_expected_ei_options_t)
INIT(vb_social_map, vb_social_map_options_t)
INIT(vb_hop, vb_hop_options_t)
INIT(vb_cascade, vb_cascade_options_t)
INIT(vb_temporal, vb_temporal_options_t)
INIT(vb_temporal_network, vb_temporal_network_options_t)
INIT(vb_spread, vb_spread_options_t)
INIT(vb_influence, vb_influence_options_t)
INIT(vb_assign, vb_assign_options_t)
INIT(vb_introduction, vb_introduction_options_t)
INIT(vb_stable, vb_stable_options_t)
INIT(vb_table, vb_table_options_t)
INIT(vb_suppression, vb_suppression_options_t)
INIT(vb_timeline, vb_timeline_options_t)
INIT(vb_report, vb_report_options_t)
INIT(vb_records, vb_records_options_t)

typedef struct {
    const char *type; /* its name, as error messages give it */
    size_t size;      /* sizeof the struct in this header */
    void (*init)(void *options, size_t size);
    void (*prepare)(void *options); /* fields a valid call needs */
    vb_status_t (*call)(const void *options);
} options_row;

#define ROW(name, prepare) \
  { #name "_options_t", sizeof(name##_options_t), init_##name, prepare, call_##name }
#define call_vb_resident call_resident
#define call_vb_organisation call_organisation
#define call_vb_tie call_tie
#define call_vb_event call_event
#define call_vb_view call_view
#define call_vb_edge_list call_edge_list
#define call_vb_csv call_csv
#define call_vb_export call_export
#define call_vb_sample call_sample
#define call_vb_centrality call_centrality
#define call_vb_community call_community
#define call_vb_expected_ei call_expected_ei
#define call_vb_social_map call_social_map
#define call_vb_hop call_hop
#define call_vb_cascade call_cascade
#define call_vb_temporal call_temporal
#define call_vb_temporal_network call_temporal_network
#define call_vb_spread call_spread
#define call_vb_influence call_influence
#define call_vb_assign call_assign
#define call_vb_introduction call_introduction
#define call_vb_stable call_stable
#define call_vb_table call_table
#define call_vb_suppression call_suppression
#define call_vb_timeline call_timeline
#define call_vb_report call_report
#define call_vb_records call_records

static const options_row OPTIONS_ROWS[] = {
    ROW(vb_resident, no_prepare),
    ROW(vb_organisation, no_prepare),
    ROW(vb_tie, no_prepare),
    ROW(vb_event, no_prepare),
    ROW(vb_view, no_prepare),
    ROW(vb_edge_list, no_prepare),
    ROW(vb_csv, no_prepare),
    ROW(vb_export, no_prepare),
    ROW(vb_sample, prepare_sample),
    ROW(vb_centrality, no_prepare),
    ROW(vb_community, no_prepare),
    ROW(vb_expected_ei, prepare_expected_ei),
    ROW(vb_social_map, no_prepare),
    ROW(vb_hop, no_prepare),
    ROW(vb_cascade, no_prepare),
    ROW(vb_temporal, no_prepare),
    ROW(vb_temporal_network, prepare_temporal_network),
    ROW(vb_spread, prepare_spread),
    ROW(vb_influence, prepare_influence),
    ROW(vb_assign, no_prepare),
    ROW(vb_introduction, no_prepare),
    ROW(vb_stable, no_prepare),
    ROW(vb_table, no_prepare),
    ROW(vb_suppression, no_prepare),
    ROW(vb_timeline, no_prepare),
    ROW(vb_report, no_prepare),
    ROW(vb_records, no_prepare),
};

/* A buffer large enough for any options struct and 64 bytes more. */
typedef union {
    size_t struct_size;
    unsigned char bytes[1024];
    double align_double;
    void *align_pointer;
} buffer_t;

static void check_message(const char *fragment, const char *type, const char *case_name) {
    if (strstr(vb_last_error_message(), fragment) == NULL) {
        char what[160];
        snprintf(what, sizeof what, "%s, %s: message names '%s'", type, case_name, fragment);
        check_failed(__FILE__, __LINE__, what);
        fprintf(stderr, "    message: %s\n", vb_last_error_message());
    }
    ++check_count;
}

static void check_options_row(const options_row *row) {
    buffer_t b;
    vb_status_t s;
    CHECK(row->size + 64 <= sizeof b.bytes);

    /* Filled by its _init: the call succeeds. */
    memset(b.bytes, 0xA5, sizeof b.bytes);
    row->init(b.bytes, row->size);
    CHECK_SIZE(b.struct_size, row->size);
    row->prepare(b.bytes);
    s = row->call(b.bytes);
    if (s != VB_OK) fprintf(stderr, "    %s: %s\n", row->type, vb_last_error_message());
    CHECK(s == VB_OK);

    /* struct_size 0: never filled. */
    b.struct_size = 0;
    CHECK(row->call(b.bytes) == VB_ERROR_INVALID_ARGUMENT);
    check_message(row->type, row->type, "struct_size 0");
    check_message("has struct_size 0", row->type, "struct_size 0");

    /* Smaller than the first release's struct: only struct_size itself. */
    b.struct_size = sizeof(size_t);
    CHECK(row->call(b.bytes) == VB_ERROR_INVALID_ARGUMENT);
    check_message("expected at least", row->type, "too small");

    /* An _init asked for less than the first release's struct clears
     * struct_size, so the call refuses it rather than read garbage. */
    memset(b.bytes, 0xA5, sizeof b.bytes);
    row->init(b.bytes, sizeof(size_t) + 1);
    CHECK_SIZE(b.struct_size, 0);

    /* Larger than the library's (built against a newer header): read when
     * the unknown bytes are 0 (the _init of this header zeroes them) ... */
    memset(b.bytes, 0xA5, sizeof b.bytes);
    row->init(b.bytes, row->size + 64);
    CHECK_SIZE(b.struct_size, row->size + 64);
    CHECK(b.bytes[row->size] == 0 && b.bytes[row->size + 63] == 0);
    row->prepare(b.bytes);
    CHECK(row->call(b.bytes) == VB_OK);
    /* ... and refused, naming the byte, when one of them is set. */
    b.bytes[row->size + 40] = 1;
    CHECK(row->call(b.bytes) == VB_ERROR_INVALID_ARGUMENT);
    check_message("larger than this library's", row->type, "too large, set");

    /* NULL options: the defaults (where a valid call needs no field). */
    if (row->prepare == no_prepare) CHECK(row->call(NULL) == VB_OK);
}

/* --- result structs ---------------------------------------------------- */

static vb_cascades_t *cascades = NULL;
static vb_temporal_t *temporal = NULL;
static vb_timeline_t *timeline = NULL;

#define RESULT(name, type, ...) \
  static vb_status_t fill_##name(void *out_) { \
    type *out = (type *)out_; \
    __VA_ARGS__ \
  }

RESULT(expected_ei, vb_expected_ei_t, {
    const uint32_t groups[] = {0, 0, 1, 1};
    vb_expected_ei_options_t o;
    vb_expected_ei_options_init(&o);
    o.permutations = 20;
    return vb_expected_ei_index(graph, groups, &o, out);
})
RESULT(spread, vb_spread_t, {
    const uint32_t seed = 0;
    vb_spread_options_t o;
    vb_spread_options_init(&o);
    o.runs = 20;
    return vb_spread(graph, &seed, 1, &o, out);
})
RESULT(cascade_totals, vb_cascade_totals_t, { return vb_cascades_totals(cascades, out); })
RESULT(event_cascade, vb_event_cascade_t, { return vb_cascades_event(cascades, 0, out); })
RESULT(cascade_link, vb_cascade_link_t, { return vb_cascades_event_link(cascades, 0, 0, out); })
RESULT(cascade_bringer, vb_cascade_bringer_t, { return vb_cascades_bringer(cascades, 0, out); })
RESULT(temporal_point, vb_temporal_point_t, { return vb_temporal_curve_point(temporal, 0, out); })
RESULT(timeline_record, vb_timeline_record_t, { return vb_timeline_record(timeline, 0, out); })
RESULT(timeline_metric, vb_timeline_metric_t, { return vb_timeline_metric(0, out); })

typedef struct {
    const char *type;
    size_t size;
    vb_status_t (*fill)(void *out);
} result_row;

#define RESULT_ROW(name) \
  { "vb_" #name "_t", sizeof(vb_##name##_t), fill_##name }

static const result_row RESULT_ROWS[] = {
    RESULT_ROW(expected_ei),    RESULT_ROW(spread),          RESULT_ROW(cascade_totals),
    RESULT_ROW(event_cascade),  RESULT_ROW(cascade_link),    RESULT_ROW(cascade_bringer),
    RESULT_ROW(temporal_point), RESULT_ROW(timeline_record), RESULT_ROW(timeline_metric),
};

static int untouched(const buffer_t *b, size_t from, size_t to) {
    size_t i;
    for (i = from; i < to; ++i)
        if (b->bytes[i] != 0xA5) return 0;
    return 1;
}

static void check_result_row(const result_row *row) {
    buffer_t b;

    /* The right size: filled, struct_size kept, nothing written past it. */
    memset(b.bytes, 0xA5, sizeof b.bytes);
    b.struct_size = row->size;
    CHECK(row->fill(b.bytes) == VB_OK);
    CHECK_SIZE(b.struct_size, row->size);
    CHECK(untouched(&b, row->size, row->size + 64));

    /* 0, too small, larger than the library's: refused, nothing written. */
    memset(b.bytes, 0xA5, sizeof b.bytes);
    b.struct_size = 0;
    CHECK(row->fill(b.bytes) == VB_ERROR_INVALID_ARGUMENT);
    check_message(row->type, row->type, "struct_size 0");
    CHECK(untouched(&b, sizeof(size_t), row->size + 64));
    b.struct_size = sizeof(size_t);
    CHECK(row->fill(b.bytes) == VB_ERROR_INVALID_ARGUMENT);
    check_message("expected at least", row->type, "too small");
    CHECK(untouched(&b, sizeof(size_t), row->size + 64));
    b.struct_size = row->size + 8;
    CHECK(row->fill(b.bytes) == VB_ERROR_INVALID_ARGUMENT);
    check_message("larger than this library's", row->type, "too large");
    CHECK(untouched(&b, sizeof(size_t), row->size + 64));

    /* A NULL out-pointer. */
    CHECK(row->fill(NULL) == VB_ERROR_INVALID_ARGUMENT);
    check_message("argument 'out' is NULL", row->type, "NULL out");
}

/* --- enums out of range ------------------------------------------------ */

static void check_enums(void) {
    vb_view_options_t view;
    vb_edge_list_options_t edges;
    vb_centrality_options_t centrality;
    vb_spread_options_t spread;
    vb_timeline_options_t timeline_options;
    vb_community_options_t community;
    double values[4];
    uint32_t labels[4];
    size_t count;
    const uint32_t seed = 0;
    vb_spread_t r;
    vb_graph_t *g = NULL;
    const char *text = NULL;
    char pseudonym[65];
    uint8_t secret[32] = {0};

    vb_view_options_init(&view);
    view.merge = (vb_merge_t)7;
    CHECK_FAILS(vb_graph_from_network(net, &view, &g), VB_ERROR_INVALID_ARGUMENT, "not a vb_merge_t");
    CHECK(g == NULL);
    vb_edge_list_options_init(&edges);
    edges.self_loops = (vb_self_loops_t)-3;
    CHECK_FAILS(vb_graph_read_edgelist("/nonexistent", &edges, &g), VB_ERROR_INVALID_ARGUMENT, "is -3");
    vb_centrality_options_init(&centrality);
    CHECK_FAILS(vb_centrality(graph, (vb_centrality_t)42, &centrality, values), VB_ERROR_INVALID_ARGUMENT,
                "not a vb_centrality_t");
    vb_community_options_init(&community);
    community.method = (vb_community_method_t)5;
    CHECK_FAILS(vb_communities(graph, &community, labels, &count), VB_ERROR_INVALID_ARGUMENT, "method");
    vb_spread_options_init(&spread);
    spread.model = (vb_diffusion_model_t)9;
    vb_spread_init(&r);
    CHECK_FAILS(vb_spread(graph, &seed, 1, &spread, &r), VB_ERROR_INVALID_ARGUMENT, "not a vb_diffusion_model_t");
    vb_timeline_options_init(&timeline_options);
    timeline_options.period = (vb_period_t)-1;
    CHECK_FAILS(vb_timeline(net, &timeline_options, &timeline), VB_ERROR_INVALID_ARGUMENT, "period");
    {
        vb_tables_t *tables = NULL;
        CHECK_OK(vb_tables(net, "e1", NULL, &tables));
        CHECK_FAILS(vb_table_list_item(tables, 0, (vb_table_list_kind_t)3, 0, &text), VB_ERROR_INVALID_ARGUMENT,
                    "not a vb_table_list_kind_t");
        vb_tables_free(tables);
    }
    {
        vb_introductions_t *intros = NULL;
        CHECK_OK(vb_introductions(net, NULL, &intros));
        CHECK_FAILS(vb_introduction_list_count(intros, 0, (vb_introduction_list_kind_t)-1, &count),
                    VB_ERROR_INVALID_ARGUMENT, "argument");
        vb_introductions_free(intros);
    }
    CHECK_FAILS(vb_pseudonym(secret, sizeof secret, "a", (vb_key_domain_t)2, pseudonym, sizeof pseudonym),
                VB_ERROR_INVALID_ARGUMENT, "not a vb_key_domain_t");
    CHECK(strcmp(vb_status_string((vb_status_t)99), "unknown status") == 0);
}

/* --- vb_free ------------------------------------------------------------ */

static void check_free(void) {
    char *json = NULL;
    char local[8];
    CHECK_OK(vb_free(NULL));
    CHECK_OK(vb_social_map_json(net, NULL, &json));
    CHECK_OK(vb_free(json));
    /* Freed already, or never the library's: refused, nothing freed. */
    CHECK_FAILS(vb_free(json), VB_ERROR_INVALID_ARGUMENT, "vb_free: argument 'pointer' was not allocated");
    CHECK_FAILS(vb_free(local), VB_ERROR_INVALID_ARGUMENT, "was not allocated by verbind");
    CHECK_FAILS(vb_free(graph), VB_ERROR_INVALID_ARGUMENT, "its own vb_<type>_free");
}

int main(void) {
    const uint32_t src[] = {0, 1, 2}, dst[] = {1, 2, 3};
    size_t i;
    FILE *file;
    char contacts_path[64];

    /* r1 - r2 - r3, r1 brought r3 to e1. */
    CHECK_OK(vb_network_new(&net));
    CHECK_OK(add_resident_in(net, "r1", "Haven"));
    CHECK_OK(add_resident_in(net, "r2", "Haven"));
    CHECK_OK(add_resident_in(net, "r3", "Haven"));
    CHECK_OK(add_tie_since(net, "r1", "r2", "knows", "2022-01-10"));
    CHECK_OK(add_tie_since(net, "r2", "r3", "knows", "2022-02-10"));
    CHECK_OK(add_event_in(net, "e1", "2022-03-01", "fair", "Haven"));
    CHECK_OK(vb_network_attend(net, "e1", "r1", NULL));
    CHECK_OK(vb_network_attend(net, "e1", "r3", "r1"));
    CHECK_OK(vb_network_new(&adds));
    CHECK_OK(vb_graph_from_edges(4, 3, src, dst, NULL, NULL, &graph));

    snprintf(folder, sizeof folder, "/tmp/verbind-structs-%ld", (long)getpid());
    snprintf(json_path, sizeof json_path, "/tmp/verbind-structs-%ld.json", (long)getpid());
    snprintf(contacts_path, sizeof contacts_path, "/tmp/verbind-structs-%ld.tij", (long)getpid());
    CHECK_OK(vb_network_write_csv(net, folder, NULL));
    file = fopen(contacts_path, "w");
    CHECK(file != NULL);
    if (file) {
        fputs("1 a b\n2 b c\n", file);
        fclose(file);
    }
    CHECK_OK(vb_contacts_read(contacts_path, &contacts));

    for (i = 0; i < sizeof OPTIONS_ROWS / sizeof OPTIONS_ROWS[0]; ++i) check_options_row(&OPTIONS_ROWS[i]);

    CHECK_OK(vb_cascades(net, NULL, &cascades));
    {
        const uint32_t seed = 0;
        CHECK_OK(vb_temporal_reach_contacts(contacts, &seed, 1, NULL, &temporal));
    }
    CHECK_OK(vb_timeline(net, NULL, &timeline));
    for (i = 0; i < sizeof RESULT_ROWS / sizeof RESULT_ROWS[0]; ++i) check_result_row(&RESULT_ROWS[i]);
    vb_timeline_free(timeline);
    timeline = NULL;

    check_enums();
    check_free();

    vb_cascades_free(cascades);
    vb_temporal_free(temporal);
    vb_contacts_free(contacts);
    vb_graph_free(graph);
    vb_network_free(adds);
    vb_network_free(net);
    remove(contacts_path);
    remove(json_path);
    {
        const char *files[] = {"actors.csv", "ties.csv", "events.csv", "attendance.csv"};
        char path[128];
        for (i = 0; i < 4; ++i) {
            snprintf(path, sizeof path, "%s/%s", folder, files[i]);
            remove(path);
        }
        rmdir(folder);
    }
    return check_summary("test_struct_sizes");
}
