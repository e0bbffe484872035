/* Node identity from C: integer edge lists are numbered by value, and every
 * call that takes nodes has a key-based form through vb_graph_indices /
 * vb_contacts_indices (all or nothing, the unknown key named). */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *write_temp(const char *name, const char *text) {
    static char path[4][256];
    static int next = 0;
    char *p = path[next++ % 4];
    FILE *f;
    snprintf(p, sizeof path[0], "/tmp/vb_node_keys_%ld_%s", (long)getpid(), name);
    f = fopen(p, "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
    return p;
}

static void test_integer_edge_list_by_value(void) {
    /* Gaps, not in file order: nodes are 2, 7, 30, 1000 in that order. */
    const char *path = write_temp("gapped.txt", "30 7\n7 1000\n2 30\n");
    static const char *const keys[] = {"2", "7", "30", "1000"};
    static const char *const seeds[] = {"30"};
    vb_graph_t *graph = NULL;
    uint32_t nodes[4] = {99, 99, 99, 99};
    uint32_t seed_nodes[1];
    int32_t distances[4];
    char buffer[16];
    uint32_t i;
    CHECK_OK(vb_graph_read_edgelist(path, NULL, &graph));
    for (i = 0; i < 4; ++i) {
        CHECK_OK(vb_graph_key(graph, i, buffer, sizeof buffer, NULL));
        CHECK_STRING(buffer, keys[i]);
    }
    CHECK_OK(vb_graph_indices(graph, keys, 4, nodes));
    for (i = 0; i < 4; ++i) CHECK_SIZE(nodes[i], i);
    /* Hop reach seeded by key: 30 - 7 - 1000, 30 - 2. */
    CHECK_OK(vb_graph_indices(graph, seeds, 1, seed_nodes));
    CHECK_OK(vb_hop_reach(graph, seed_nodes, 1, NULL, distances));
    CHECK(distances[0] == 1 && distances[1] == 1 && distances[2] == 0 && distances[3] == 2);
    vb_graph_free(graph);
    remove(path);
}

static void test_lookups_are_all_or_nothing(void) {
    const char *path = write_temp("names.txt", "bob alice\nalice carol\n");
    static const char *const good[] = {"carol", "bob"};
    static const char *const bad[] = {"alice", "dave"};
    static const char *const with_null[] = {"alice", NULL};
    vb_graph_t *graph = NULL;
    uint32_t out[2] = {77, 77};
    CHECK_OK(vb_graph_read_edgelist(path, NULL, &graph));
    CHECK_OK(vb_graph_indices(graph, good, 2, out));
    CHECK(out[0] == 2 && out[1] == 0); /* first appearance: bob, alice, carol */
    out[0] = out[1] = 77;
    CHECK_FAILS(vb_graph_indices(graph, bad, 2, out), VB_ERROR_NOT_FOUND, "keys[1]");
    CHECK_FAILS(vb_graph_indices(graph, bad, 2, out), VB_ERROR_NOT_FOUND, "'dave'");
    CHECK(out[0] == 77 && out[1] == 77); /* nothing written */
    CHECK_FAILS(vb_graph_indices(graph, with_null, 2, out), VB_ERROR_INVALID_ARGUMENT, "keys[1]");
    CHECK_FAILS(vb_graph_indices(NULL, good, 2, out), VB_ERROR_INVALID_ARGUMENT, "graph");
    CHECK_FAILS(vb_graph_indices(graph, NULL, 2, out), VB_ERROR_INVALID_ARGUMENT, "keys");
    CHECK_FAILS(vb_graph_indices(graph, good, 2, NULL), VB_ERROR_INVALID_ARGUMENT, "out");
    CHECK_OK(vb_graph_indices(graph, NULL, 0, NULL));
    vb_graph_free(graph);
    remove(path);
}

static void test_same_value_twice_is_refused(void) {
    const char *path = write_temp("twice.txt", "7 1\n2 07\n");
    vb_graph_t *graph = NULL;
    vb_contacts_t *contacts = NULL;
    CHECK_FAILS(vb_graph_read_edgelist(path, NULL, &graph), VB_ERROR_PARSE,
                ":2: label '07' has the same value as label '7' on line 1");
    CHECK(graph == NULL);
    path = write_temp("twice.tij", "1 7 1\n2 2 07\n");
    CHECK_FAILS(vb_contacts_read(path, &contacts), VB_ERROR_PARSE,
                ":2: label '07' has the same value as label '7' on line 1");
    CHECK(contacts == NULL);
    remove(path);
}

static void test_contacts_by_key(void) {
    const char *path = write_temp("contacts.tij", "10 500 7\n20 7 42\n");
    static const char *const seeds[] = {"500"};
    static const char *const bad[] = {"500", "8"};
    vb_contacts_t *contacts = NULL;
    vb_temporal_t *reach = NULL;
    uint32_t seed_nodes[2] = {77, 77};
    uint32_t node;
    int64_t time = 0;
    CHECK_OK(vb_contacts_read(path, &contacts));
    /* Numbered by value: 7, 42, 500. */
    CHECK_OK(vb_contacts_index(contacts, "500", &node));
    CHECK_SIZE(node, 2);
    CHECK_OK(vb_contacts_indices(contacts, seeds, 1, seed_nodes));
    CHECK_SIZE(seed_nodes[0], 2);
    seed_nodes[0] = 77;
    CHECK_FAILS(vb_contacts_indices(contacts, bad, 2, seed_nodes), VB_ERROR_NOT_FOUND, "keys[1]: no person '8'");
    CHECK(seed_nodes[0] == 77);
    CHECK_FAILS(vb_contacts_indices(NULL, seeds, 1, seed_nodes), VB_ERROR_INVALID_ARGUMENT, "contacts");
    CHECK_OK(vb_contacts_indices(contacts, seeds, 1, seed_nodes));
    CHECK_OK(vb_temporal_reach_contacts(contacts, seed_nodes, 1, NULL, &reach));
    CHECK_OK(vb_contacts_index(contacts, "42", &node));
    CHECK_OK(vb_temporal_arrival(reach, node, &time));
    CHECK(time == 20);
    vb_temporal_free(reach);
    vb_contacts_free(contacts);
    remove(path);
}

int main(void) {
    test_integer_edge_list_by_value();
    test_lookups_are_all_or_nothing();
    test_same_value_twice_is_refused();
    test_contacts_by_key();
    return check_summary("test_node_keys");
}
