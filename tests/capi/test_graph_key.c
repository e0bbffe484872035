/* vb_graph_key's snprintf-like buffer rules, and keys <-> indices. */
#include "hand_network.h"

#include <stdlib.h>

static void test_buffer_rules(void) {
    vb_network_t *net = hand_network();
    vb_graph_t *graph = NULL;
    char buffer[8];
    size_t length = 0;
    uint32_t lib;

    CHECK_OK(vb_graph_from_network(net, NULL, &graph));
    lib = check_index(graph, "lib");
    CHECK_SIZE(lib, 4);

    /* Size 0 (NULL buffer allowed): only the length, "lib" is 3 bytes. */
    CHECK_OK(vb_graph_key(graph, lib, NULL, 0, &length));
    CHECK_SIZE(length, 3);

    /* Room for all: the key, its NUL, nothing written after it. */
    memset(buffer, '#', sizeof buffer);
    CHECK_OK(vb_graph_key(graph, lib, buffer, sizeof buffer, &length));
    CHECK_STRING(buffer, "lib");
    CHECK_SIZE(length, 3);
    CHECK(buffer[4] == '#');

    /* Exactly enough: 3 bytes and the NUL. */
    memset(buffer, '#', sizeof buffer);
    CHECK_OK(vb_graph_key(graph, lib, buffer, 4, &length));
    CHECK_STRING(buffer, "lib");
    CHECK(length < 4);

    /* One short: cut to 2 bytes, still NUL-terminated, still VB_OK, and
     * the length tells the caller it was cut. */
    memset(buffer, '#', sizeof buffer);
    CHECK_OK(vb_graph_key(graph, lib, buffer, 3, &length));
    CHECK_STRING(buffer, "li");
    CHECK_SIZE(length, 3);
    CHECK(buffer[3] == '#');

    /* Size 1: just the NUL. */
    memset(buffer, '#', sizeof buffer);
    CHECK_OK(vb_graph_key(graph, lib, buffer, 1, &length));
    CHECK_STRING(buffer, "");
    CHECK(buffer[1] == '#');

    vb_graph_free(graph);
    vb_network_free(net);
}

static void test_multibyte_and_long_keys(void) {
    vb_network_t *net = NULL;
    vb_graph_t *graph = NULL;
    char long_key[301];
    char *copy;
    char buffer[8];
    size_t length = 0;

    memset(long_key, 'k', 300);
    long_key[300] = '\0';
    CHECK_OK(vb_network_new(&net));
    CHECK_OK(vb_network_add_resident(net, "Zo\xc3\xab", NULL)); /* "Zoë": 4 bytes */
    CHECK_OK(vb_network_add_resident(net, long_key, NULL));
    CHECK_OK(vb_network_add_tie(net, "Zo\xc3\xab", long_key, "knows", NULL));
    CHECK_OK(vb_graph_from_network(net, NULL, &graph));

    CHECK_OK(vb_graph_key(graph, 0, buffer, sizeof buffer, &length));
    CHECK_SIZE(length, 4);
    CHECK_STRING(buffer, "Zo\xc3\xab");
    /* A cut may end inside a character, as documented. */
    CHECK_OK(vb_graph_key(graph, 0, buffer, 4, &length));
    CHECK_STRING(buffer, "Zo\xc3");

    /* Measure, allocate, copy. */
    CHECK_OK(vb_graph_key(graph, 1, NULL, 0, &length));
    CHECK_SIZE(length, 300);
    copy = (char *)malloc(length + 1);
    CHECK(copy != NULL);
    if (copy) {
        CHECK_OK(vb_graph_key(graph, 1, copy, length + 1, &length));
        CHECK_STRING(copy, long_key);
        CHECK_SIZE(check_index(graph, copy), 1);
        free(copy);
    }
    vb_graph_free(graph);
    vb_network_free(net);
}

static void test_every_key_round_trips(void) {
    vb_network_t *net = hand_network();
    vb_graph_t *graph = NULL;
    static const char *const keys[] = {"r1", "r2", "r3", "r4", "lib"};
    char buffer[16];
    uint32_t node;
    CHECK_OK(vb_graph_from_network(net, NULL, &graph));
    for (node = 0; node < 5; ++node) {
        CHECK_OK(vb_graph_key(graph, node, buffer, sizeof buffer, NULL));
        CHECK_STRING(buffer, keys[node]);
        CHECK_SIZE(check_index(graph, buffer), node);
    }
    vb_graph_free(graph);
    vb_network_free(net);
}

int main(void) {
    test_buffer_rules();
    test_multibyte_and_long_keys();
    test_every_key_round_trips();
    return check_summary("test_graph_key");
}
