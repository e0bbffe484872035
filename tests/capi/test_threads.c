/*
 * Threads through the C ABI: several pthreads at once, each with its own
 * network and graph handles and all sharing one vb_graph_t (immutable, "may
 * be read from any number of threads at once"), and the thread-local last
 * error message. Each thread counts its own failures; the main thread checks
 * them. scripts/test runs this under ThreadSanitizer too (VERBIND_TSAN).
 */
#define _POSIX_C_SOURCE 200809L

#include "check.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 4
#define ROUNDS 2
#define SAMPLES 40 /* betweenness from 40 sampled sources keeps TSan quick */

static vb_graph_t *shared_graph = NULL;
static size_t shared_nodes = 0;
static double *reference_betweenness = NULL; /* computed alone, threads = 1 */
static double reference_spread = 0;
static const uint32_t spread_seeds[] = {0, 1, 2};

typedef struct {
    int index;
    int failures;
    char note[256]; /* the first failure */
} worker_t;

static void fail(worker_t *w, const char *what) {
    if (w->failures++ == 0)
        snprintf(w->note, sizeof w->note, "thread %d: %s (%s)", w->index, what, vb_last_error_message());
}

static void *work(void *arg) {
    worker_t *w = (worker_t *)arg;
    char key[64], message[512];
    int round;
    for (round = 0; round < ROUNDS; ++round) {
        vb_network_t *own = NULL;
        vb_graph_t *own_graph = NULL;
        double *values = (double *)malloc(shared_nodes * sizeof *values);
        vb_centrality_options_t c;
        vb_spread_options_t s;
        vb_spread_t spread;
        size_t i;
        if (!values) {
            fail(w, "out of memory");
            return NULL;
        }

        /* Concurrent reads of the shared graph, with workers of their own. */
        vb_centrality_options_init(&c);
        c.samples = SAMPLES;
        c.threads = 3;
        if (vb_centrality(shared_graph, VB_CENTRALITY_BETWEENNESS, &c, values) != VB_OK) fail(w, "betweenness");
        for (i = 0; i < shared_nodes; ++i)
            if (values[i] != reference_betweenness[i]) {
                fail(w, "betweenness differs from the single-threaded result");
                break;
            }
        vb_spread_options_init(&s);
        s.runs = 300;
        s.threads = 2;
        vb_spread_init(&spread);
        if (vb_spread(shared_graph, spread_seeds, 3, &s, &spread) != VB_OK) fail(w, "spread");
        if (spread.mean != reference_spread) fail(w, "spread differs from the single-threaded result");
        {
            char shared_key[32];
            size_t length = 0;
            uint32_t node = 0;
            if (vb_graph_key(shared_graph, (uint32_t)(w->index % (int)shared_nodes), shared_key, sizeof shared_key,
                             &length) != VB_OK)
                fail(w, "vb_graph_key");
            if (vb_graph_index(shared_graph, shared_key, &node) != VB_OK ||
                node != (uint32_t)(w->index % (int)shared_nodes))
                fail(w, "vb_graph_index");
        }

        /* A network and graph of its own, changed while the others work. */
        if (vb_network_new(&own) != VB_OK) fail(w, "vb_network_new");
        snprintf(key, sizeof key, "t%d-a", w->index);
        if (add_resident_in(own, key, "Centrum") != VB_OK) fail(w, "add a");
        snprintf(key, sizeof key, "t%d-b", w->index);
        if (add_resident_in(own, key, "Centrum") != VB_OK) fail(w, "add b");
        {
            char a[64], b[64];
            snprintf(a, sizeof a, "t%d-a", w->index);
            snprintf(b, sizeof b, "t%d-b", w->index);
            if (add_tie_since(own, a, b, "knows", "2022-01-01") != VB_OK) fail(w, "add tie");
        }
        if (vb_graph_from_network(own, NULL, &own_graph) != VB_OK) fail(w, "vb_graph_from_network");
        if (vb_graph_node_count(own_graph) != 2 || vb_graph_edge_count(own_graph) != 1) fail(w, "own graph size");

        /* The last error message is this thread's own: each thread fails
         * with its own key, then reads its own message back. */
        snprintf(key, sizeof key, "t%d-a", w->index);
        if (vb_network_add_resident(own, key, NULL) != VB_ERROR_INVALID_ARGUMENT) fail(w, "duplicate accepted");
        snprintf(message, sizeof message, "%s", vb_last_error_message());
        if (!strstr(message, key) || !strstr(message, "already exists")) fail(w, "message is not this thread's");
        {
            /* Another thread's failure never shows here. */
            char other[64];
            snprintf(other, sizeof other, "t%d-", (w->index + 1) % THREADS);
            if (strstr(message, other)) fail(w, "message names another thread's key");
        }
        /* A successful call leaves the message as it was. */
        if (vb_graph_node_count(shared_graph) != shared_nodes) fail(w, "shared node count");
        if (strcmp(vb_last_error_message(), message) != 0) fail(w, "message changed by a successful call");
        vb_clear_last_error();
        if (strcmp(vb_last_error_message(), "") != 0) fail(w, "vb_clear_last_error");

        vb_graph_free(own_graph);
        vb_network_free(own);
        free(values);
    }
    return NULL;
}

int main(void) {
    vb_network_t *sample = NULL;
    vb_centrality_options_t c;
    vb_spread_options_t s;
    pthread_t threads[THREADS];
    worker_t workers[THREADS];
    int t;

    CHECK_OK(sample_with_seed(7, &sample));
    /* The residents only: a few hundred nodes keep TSan fast. */
    {
        vb_view_options_t view;
        vb_view_options_init(&view);
        view.residents_only = 1;
        CHECK_OK(vb_graph_from_network(sample, &view, &shared_graph));
    }
    shared_nodes = vb_graph_node_count(shared_graph);
    CHECK(shared_nodes > 100);
    reference_betweenness = (double *)malloc(shared_nodes * sizeof *reference_betweenness);
    CHECK(reference_betweenness != NULL);
    if (!reference_betweenness) return check_summary("test_threads");
    vb_centrality_options_init(&c);
    c.samples = SAMPLES;
    c.threads = 1;
    CHECK_OK(vb_centrality(shared_graph, VB_CENTRALITY_BETWEENNESS, &c, reference_betweenness));
    vb_spread_options_init(&s);
    s.runs = 300;
    s.threads = 1;
    {
        vb_spread_t spread;
        vb_spread_init(&spread);
        CHECK_OK(vb_spread(shared_graph, spread_seeds, 3, &s, &spread));
        reference_spread = spread.mean;
    }
    CHECK(reference_spread >= 3);

    /* The main thread's own error, which the workers must not disturb. */
    CHECK(vb_network_add_resident(sample, "", NULL) == VB_ERROR_INVALID_ARGUMENT);
    {
        char mine[512];
        snprintf(mine, sizeof mine, "%s", vb_last_error_message());
        CHECK(strlen(mine) > 0);

        for (t = 0; t < THREADS; ++t) {
            workers[t].index = t;
            workers[t].failures = 0;
            workers[t].note[0] = '\0';
            CHECK(pthread_create(&threads[t], NULL, work, &workers[t]) == 0);
        }
        for (t = 0; t < THREADS; ++t) CHECK(pthread_join(threads[t], NULL) == 0);
        CHECK(strcmp(vb_last_error_message(), mine) == 0);
    }
    for (t = 0; t < THREADS; ++t) {
        CHECK(workers[t].failures == 0);
        if (workers[t].failures) fprintf(stderr, "    %s\n", workers[t].note);
    }

    free(reference_betweenness);
    vb_graph_free(shared_graph);
    vb_network_free(sample);
    return check_summary("test_threads");
}
