/* The social map through its accessors (verbind.h, "The social map through
 * accessors"): hand-checked values on a small network, every value equal to
 * the JSON document's on the same network, the community x group table with
 * its suppression status, and bad arguments.
 *
 * Two triangles joined by one tie a3 - b1 (read from JSON written here):
 *
 *   a1 - a2 - a3 - a1   (West; groups: X, X, X)
 *   b1 - b2 - b3 - b1   (Oost; groups: Y, Y, X); b1 is a recognised key figure
 *   a3 - b1
 *
 * By hand: 6 people, 7 ties. a3 and b1 are the articulation points (each
 * cuts a pair off: cut_off 2 for a3, whose removal leaves {a1, a2} apart;
 * likewise b1 leaves {b2, b3}), a3 - b1 the one bridge (cut_off 3). The 6
 * pairs {a1, a2} x {b1, b2, b3} all pass a3, so a3's normalised betweenness
 * is 6 / C(5, 2) = 0.6; b1's likewise. Two-hop reach: a3 and b1 5, the
 * others 3. Ties across declared groups (no group shared): a3 1 (to b1),
 * b1 2 (a3, b3), b3 2 (b1, b2), b2 1 (b3), a1 and a2 0. Score = mean of
 * reach / 5, betweenness / 0.6 and cross / 2: b1 (1 + 1 + 1) / 3 = 1,
 * a3 (1 + 1 + 0.5) / 3 = 5/6, b3 (0.6 + 0 + 1) / 3 = 8/15.
 * Communities: the triangles, 3 people each, 3 internal ties of 3 possible
 * (density 1), 1 tie out (E-I (1 - 3) / 4 = -0.5). The table: West's row
 * X 3; Oost's row X 1, Y 2.
 */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <stdlib.h>
#include <unistd.h>

static const char *document =
    "{\"format\": \"verbind\", \"version\": 1, \"actors\": [\n"
    "  {\"key\": \"a1\", \"type\": \"resident\", \"neighbourhood\": \"West\", \"groups\": [\"X\"]},\n"
    "  {\"key\": \"a2\", \"type\": \"resident\", \"neighbourhood\": \"West\", \"groups\": [\"X\"]},\n"
    "  {\"key\": \"a3\", \"type\": \"resident\", \"neighbourhood\": \"West\", \"groups\": [\"X\"]},\n"
    "  {\"key\": \"b1\", \"type\": \"resident\", \"neighbourhood\": \"Oost\", \"groups\": [\"Y\"], \"key_figure\": true},\n"
    "  {\"key\": \"b2\", \"type\": \"resident\", \"neighbourhood\": \"Oost\", \"groups\": [\"Y\"]},\n"
    "  {\"key\": \"b3\", \"type\": \"resident\", \"neighbourhood\": \"Oost\", \"groups\": [\"X\"]}],\n"
    " \"ties\": [\n"
    "  {\"a\": \"a1\", \"b\": \"a2\", \"kind\": \"knows\"}, {\"a\": \"a2\", \"b\": \"a3\", \"kind\": \"knows\"},\n"
    "  {\"a\": \"a3\", \"b\": \"a1\", \"kind\": \"knows\"}, {\"a\": \"b1\", \"b\": \"b2\", \"kind\": \"knows\"},\n"
    "  {\"a\": \"b2\", \"b\": \"b3\", \"kind\": \"knows\"}, {\"a\": \"b3\", \"b\": \"b1\", \"kind\": \"knows\"},\n"
    "  {\"a\": \"a3\", \"b\": \"b1\", \"kind\": \"knows\"}]}\n";

static vb_network_t *read_document(void) {
    char path[] = "/tmp/verbind-capi-socialmap-XXXXXX";
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

/* The JSON text of the same map holds `fragment` (built from an accessor's
 * value), so the accessors and the JSON agree. */
static char *json = NULL;
static uint32_t oost_id = 999; /* Oost's community, found in the first test */
#define CHECK_IN_JSON(...) \
  do { \
    char fragment_[512]; \
    snprintf(fragment_, sizeof fragment_, __VA_ARGS__); \
    ++check_count; \
    if (json == NULL || strstr(json, fragment_) == NULL) { \
      check_failed(__FILE__, __LINE__, "JSON holds the accessor's value"); \
      fprintf(stderr, "    %s not in %s\n", fragment_, json ? json : "(no JSON)"); \
    } \
  } while (0)

static vb_key_figure_t key_figure(const vb_social_map_t *m, size_t i) {
    vb_key_figure_t k;
    memset(&k, 0, sizeof k);
    vb_key_figure_init(&k);
    CHECK_OK(vb_social_map_key_figure(m, i, &k));
    return k;
}
static vb_broker_t broker(const vb_social_map_t *m, size_t i) {
    vb_broker_t b;
    memset(&b, 0, sizeof b);
    vb_broker_init(&b);
    CHECK_OK(vb_social_map_broker(m, i, &b));
    return b;
}
static vb_fragile_t fragile(const vb_social_map_t *m, size_t i, int tie) {
    vb_fragile_t f;
    memset(&f, 0, sizeof f);
    vb_fragile_init(&f);
    CHECK_OK(tie ? vb_social_map_fragile_tie(m, i, &f) : vb_social_map_fragile_point(m, i, &f));
    return f;
}
static vb_community_t community(const vb_social_map_t *m, size_t i) {
    vb_community_t c;
    memset(&c, 0, sizeof c);
    vb_community_init(&c);
    CHECK_OK(vb_social_map_community(m, i, &c));
    return c;
}
static vb_gap_t gap(const vb_social_map_t *m, size_t i) {
    vb_gap_t g;
    memset(&g, 0, sizeof g);
    vb_gap_init(&g);
    CHECK_OK(vb_social_map_gap(m, i, &g));
    return g;
}
static vb_people_count_t cell(const vb_social_map_t *m, size_t i, size_t g) {
    vb_people_count_t c;
    memset(&c, 0, sizeof c);
    vb_people_count_init(&c);
    CHECK_OK(vb_social_map_cell(m, i, g, &c));
    return c;
}

/* The index of the column named `group`, or 999. */
static size_t column(const vb_social_map_t *m, const char *group) {
    size_t g;
    for (g = 0; g < vb_social_map_group_count(m); ++g)
        if (strcmp(vb_social_map_group(m, g), group) == 0) return g;
    return 999;
}

static void test_hand_values_and_json(vb_network_t *net) {
    vb_social_map_options_t options;
    vb_social_map_t *m = NULL;
    size_t i, west = 999, oost = 999, x, y;
    uint32_t id = 999;
    vb_key_figure_t k;
    vb_fragile_t f;
    vb_community_t c;
    vb_people_count_t n;

    vb_social_map_options_init(&options);
    options.min_cell = 1; /* nothing to suppress: every count by hand */
    CHECK_OK(vb_social_map(net, &options, &m));
    CHECK_OK(vb_social_map_json(net, &options, &json));

    CHECK_SIZE(vb_social_map_people(m), 6);
    CHECK_SIZE(vb_social_map_ties(m), 7);
    /* Two communities of 3 internal ties each out of 7, degree sums 7 and 7:
     * Q = 2 * (3/7 - (7/14)^2) = 6/7 - 1/2. */
    CHECK_DOUBLE(vb_social_map_modularity(m), 6.0 / 7.0 - 0.5);
    CHECK_IN_JSON("{\"people\":%lu,\"ties\":%lu,", (unsigned long)vb_social_map_people(m),
                  (unsigned long)vb_social_map_ties(m));

    /* Key figures: b1, a3, b3 lead. */
    CHECK(vb_social_map_key_figure_count(m) >= 3);
    k = key_figure(m, 0);
    CHECK_STRING(k.actor, "b1");
    CHECK_DOUBLE(k.score, 1.0);
    CHECK_SIZE(k.two_hop_reach, 5);
    CHECK_DOUBLE(k.betweenness, 0.6);
    CHECK_SIZE(k.cross_group_ties, 2);
    CHECK(k.recognised == 1);
    CHECK(k.trained == 0);
    k = key_figure(m, 1);
    CHECK_STRING(k.actor, "a3");
    CHECK_DOUBLE(k.score, 5.0 / 6.0);
    CHECK_SIZE(k.cross_group_ties, 1);
    k = key_figure(m, 2);
    CHECK_STRING(k.actor, "b3");
    CHECK_DOUBLE(k.score, 8.0 / 15.0);
    for (i = 0; i < vb_social_map_key_figure_count(m); ++i) {
        k = key_figure(m, i);
        CHECK_IN_JSON("{\"actor\":\"%s\",\"score\":", k.actor);
        CHECK_IN_JSON("\"two_hop_reach\":%lu,\"betweenness\":", (unsigned long)k.two_hop_reach);
        CHECK_IN_JSON("\"cross_group_ties\":%lu,\"recognised\":%s,\"trained\":%s,\"why\":\"%s\"",
                      (unsigned long)k.cross_group_ties, k.recognised ? "true" : "false",
                      k.trained ? "true" : "false", k.why);
    }

    /* Fragile points and the bridge. */
    CHECK_SIZE(vb_social_map_fragile_point_count(m), 2);
    for (i = 0; i < 2; ++i) {
        f = fragile(m, i, 0);
        CHECK(strcmp(f.a, "a3") == 0 || strcmp(f.a, "b1") == 0);
        CHECK(f.b == NULL);
        CHECK_SIZE(f.cut_off, 2);
        CHECK_IN_JSON("{\"actor\":\"%s\",\"cut_off\":2,", f.a);
    }
    CHECK_SIZE(vb_social_map_fragile_tie_count(m), 1);
    f = fragile(m, 0, 1);
    CHECK_STRING(f.a, "a3");
    CHECK_STRING(f.b, "b1");
    CHECK_SIZE(f.cut_off, 3);
    CHECK_IN_JSON("\"fragile_ties\":[{\"a\":\"a3\",\"b\":\"b1\",\"cut_off\":3,\"why\":\"%s\"}]", f.why);
    CHECK_SIZE(vb_social_map_organisation_count(m), 0);
    CHECK_IN_JSON("\"organisations\":[]");

    /* Communities: the two triangles. */
    CHECK_SIZE(vb_social_map_community_count(m), 2);
    for (i = 0; i < 2; ++i) {
        c = community(m, i);
        CHECK_SIZE(c.size, 3);
        CHECK_DOUBLE(c.density, 1.0);
        CHECK_DOUBLE(c.ei_index, -0.5);
        CHECK_IN_JSON("{\"id\":%u,\"size\":3,\"density\":1,\"ei_index\":-0.5,", (unsigned)c.id);
    }

    /* Brokers: a3 and b1, each tying into both communities. */
    CHECK_SIZE(vb_social_map_broker_count(m), 2);
    for (i = 0; i < vb_social_map_broker_count(m); ++i) {
        vb_broker_t b = broker(m, i);
        CHECK(strcmp(b.actor, "a3") == 0 || strcmp(b.actor, "b1") == 0);
        CHECK_DOUBLE(b.betweenness, 0.6);
        CHECK_SIZE(b.community_count, 2);
        CHECK_OK(vb_social_map_broker_community(m, i, 1, &id));
        CHECK(id <= 1);
        CHECK_IN_JSON("{\"actor\":\"%s\",\"constraint\":", b.actor);
    }

    /* The table: columns X and Y, sorted; West's row has X 3, Oost's X 1 and
     * Y 2 (rows are ordered by size, a tie here, so found by content). */
    x = column(m, "X");
    y = column(m, "Y");
    CHECK_SIZE(vb_social_map_group_count(m), 2);
    CHECK_SIZE(x, 0);
    CHECK_SIZE(y, 1);
    CHECK(vb_social_map_group(m, 2) == NULL);
    for (i = 0; i < 2; ++i) {
        n = cell(m, i, x);
        CHECK(n.status == VB_VALUE_OK);
        *(n.people == 3 ? &west : &oost) = i;
    }
    CHECK(west != 999 && oost != 999 && west != oost);
    if (west != 999 && oost != 999) {
        n = cell(m, west, y); /* not listed in the JSON: a published zero */
        CHECK(n.status == VB_VALUE_OK);
        CHECK_SIZE(n.people, 0);
        CHECK_SIZE(cell(m, oost, x).people, 1);
        CHECK_SIZE(cell(m, oost, y).people, 2);
        oost_id = community(m, oost).id;
        CHECK_IN_JSON("{\"id\":%u,\"size\":3,", (unsigned)oost_id);
        CHECK_IN_JSON("\"groups\":[{\"group\":\"X\",\"people\":1,\"suppressed\":false},"
                      "{\"group\":\"Y\",\"people\":2,\"suppressed\":false}]");
        CHECK_IN_JSON("\"groups\":[{\"group\":\"X\",\"people\":3,\"suppressed\":false}]");
    }

    /* Gaps: the neighbourhoods (3 people each) and the groups (X 4, Y 2). */
    CHECK_SIZE(vb_social_map_gap_count(m), 4);
    for (i = 0; i < vb_social_map_gap_count(m); ++i) {
        vb_gap_t g = gap(m, i);
        size_t expected = strcmp(g.name, "X") == 0 ? 4 : strcmp(g.name, "Y") == 0 ? 2 : 3;
        CHECK(g.people_status == VB_VALUE_OK);
        CHECK_SIZE(g.people, expected);
        CHECK_IN_JSON("{\"kind\":\"%s\",\"name\":\"%s\",\"people\":%lu,\"suppressed\":false,", g.kind, g.name,
                      (unsigned long)expected);
        /* Oost: 3 people, the tie a3-b1 outside and 3 inside: share of ties
         * outside 1/4 (each tie counted once), E-I (1 - 3) / 4. */
        if (strcmp(g.name, "Oost") == 0) {
            CHECK_STRING(g.kind, "neighbourhood");
            CHECK_DOUBLE(g.share_of_ties_outside, 0.25);
            CHECK_DOUBLE(g.ei_index, -0.5);
        }
    }

    vb_free(json);
    json = NULL;
    vb_social_map_free(m);
}

/* With min_cell 2, Oost's single X member is a count below min_cell: the
 * cell is suppressed (people 0), and the JSON agrees cell by cell. */
static void test_suppression_status(vb_network_t *net) {
    vb_social_map_options_t options;
    vb_social_map_t *m = NULL;
    size_t i, g, suppressed = 0, oost_rows = 0;

    vb_social_map_options_init(&options);
    options.min_cell = 2;
    CHECK_OK(vb_social_map(net, &options, &m));
    CHECK_OK(vb_social_map_json(net, &options, &json));
    for (i = 0; i < vb_social_map_community_count(m); ++i)
        for (g = 0; g < vb_social_map_group_count(m); ++g) {
            vb_people_count_t n = cell(m, i, g);
            if (n.status == VB_VALUE_SUPPRESSED) {
                ++suppressed;
                CHECK_SIZE(n.people, 0);
                CHECK_IN_JSON("{\"group\":\"%s\",\"people\":null,\"suppressed\":true}", vb_social_map_group(m, g));
            } else {
                CHECK(n.status == VB_VALUE_OK);
                CHECK(n.people == 0 || n.people >= 2);
            }
        }
    CHECK(suppressed >= 1);
    /* Oost's row (same seed, same communities) has its X cell suppressed. */
    for (i = 0; i < vb_social_map_community_count(m); ++i)
        if (community(m, i).id == oost_id) {
            ++oost_rows;
            CHECK(cell(m, i, column(m, "X")).status == VB_VALUE_SUPPRESSED);
        }
    CHECK_SIZE(oost_rows, 1);
    vb_free(json);
    json = NULL;
    vb_social_map_free(m);
}

static void test_bad_arguments(vb_network_t *net) {
    vb_social_map_t *m = (vb_social_map_t *)&m;
    vb_social_map_options_t options;
    vb_key_figure_t k;
    vb_people_count_t n;
    vb_gap_t g;
    uint32_t id;
    vb_graph_t *graph = NULL;

    vb_key_figure_init(&k);
    vb_people_count_init(&n);
    vb_gap_init(&g);
    CHECK_FAILS(vb_social_map(NULL, NULL, &m), VB_ERROR_INVALID_ARGUMENT, "vb_social_map: argument 'net' is NULL");
    CHECK(m == NULL);
    CHECK_FAILS(vb_social_map(net, NULL, NULL), VB_ERROR_INVALID_ARGUMENT, "argument 'out' is NULL");
    vb_social_map_options_init(&options);
    options.struct_size = 0;
    CHECK_FAILS(vb_social_map(net, &options, &m), VB_ERROR_INVALID_ARGUMENT, "struct_size 0");
    vb_social_map_options_init(&options);
    options.start = "2022-13-01";
    CHECK_FAILS(vb_social_map(net, &options, &m), VB_ERROR_INVALID_ARGUMENT,
                "vb_social_map: argument 'options' field 'start': malformed date '2022-13-01' (no such month)");
    {
        /* The JSON face reads its options through the same conversion: the
           same field named, the same message. */
        char *json = NULL;
        options.start = NULL;
        options.end = "2022-02-30";
        CHECK_FAILS(vb_social_map_json(net, &options, &json), VB_ERROR_INVALID_ARGUMENT,
                    "vb_social_map_json: argument 'options' field 'end': malformed date '2022-02-30' (no such day)");
        CHECK(json == NULL);
    }

    CHECK_OK(vb_social_map(net, NULL, &m));
    CHECK_FAILS(vb_social_map_key_figure(m, 99, &k), VB_ERROR_INVALID_ARGUMENT,
                "vb_social_map_key_figure: argument 'i' is 99, but the map has");
    CHECK_FAILS(vb_social_map_gap(m, 0, NULL), VB_ERROR_INVALID_ARGUMENT, "argument 'out' is NULL");
    g.struct_size = 8;
    CHECK_FAILS(vb_social_map_gap(m, 0, &g), VB_ERROR_INVALID_ARGUMENT, "vb_gap_init");
    CHECK_FAILS(vb_social_map_key_figure(NULL, 0, &k), VB_ERROR_INVALID_ARGUMENT, "argument 'map' is NULL");
    CHECK_FAILS(vb_social_map_cell(m, 0, 99, &n), VB_ERROR_INVALID_ARGUMENT, "argument 'g' is 99");
    CHECK_FAILS(vb_social_map_cell(m, 99, 0, &n), VB_ERROR_INVALID_ARGUMENT, "argument 'i' is 99");
    CHECK_FAILS(vb_social_map_broker_community(m, 0, 99, &id), VB_ERROR_INVALID_ARGUMENT, "argument 'k' is 99");
    CHECK_SIZE(vb_social_map_key_figure_count(NULL), 0);
    CHECK_SIZE(vb_social_map_group_count(NULL), 0);
    CHECK_SIZE(vb_social_map_people(NULL), 0);
    CHECK(vb_social_map_modularity(NULL) != vb_social_map_modularity(NULL)); /* NaN */
    CHECK(vb_social_map_group(NULL, 0) == NULL);

    /* A handle of another type is refused, not read, and not freed. */
    CHECK_OK(vb_graph_from_edges(2, 0, NULL, NULL, NULL, NULL, &graph));
    CHECK_FAILS(vb_social_map_key_figure((const vb_social_map_t *)(const void *)graph, 0, &k),
                VB_ERROR_INVALID_ARGUMENT, "not a vb_social_map_t");
    CHECK_SIZE(vb_social_map_gap_count((const vb_social_map_t *)(const void *)graph), 0);
    vb_clear_last_error();
    vb_social_map_free((vb_social_map_t *)(void *)graph);
    CHECK(strstr(vb_last_error_message(), "vb_social_map_free: argument 'map' is not a vb_social_map_t") != NULL);
    CHECK_SIZE(vb_graph_node_count(graph), 2); /* still there */
    vb_graph_free(graph);
    vb_social_map_free(m);
    vb_social_map_free(NULL);
}

int main(void) {
    vb_network_t *net = read_document();
    test_hand_values_and_json(net);
    test_suppression_status(net);
    test_bad_arguments(net);
    vb_network_free(net);
    return check_summary("test_social_map_access");
}
