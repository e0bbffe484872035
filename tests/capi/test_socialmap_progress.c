/* Progress and cancellation in the social map's C ABI, options structs of
 * the size callers had before the progress fields were appended, and the
 * social map's options (min_cell). */
#include "check.h"

#include <stddef.h>

/* Records what the callback saw; cancels at the call numbered cancel_at
 * (1-based; 0: never). */
typedef struct tally {
    int calls;
    int cancel_at;
    int in_range;   /* every fraction was in [0, 1] */
    int increasing; /* fractions never went down */
    double last;
} tally_t;

static int on_progress(double fraction, void *user_data) {
    tally_t *t = (tally_t *)user_data;
    ++t->calls;
    if (fraction < 0.0 || fraction > 1.0) t->in_range = 0;
    if (fraction < t->last) t->increasing = 0;
    t->last = fraction;
    return t->cancel_at == 0 || t->calls < t->cancel_at;
}

static tally_t fresh_tally(int cancel_at) {
    tally_t t;
    t.calls = 0;
    t.cancel_at = cancel_at;
    t.in_range = 1;
    t.increasing = 1;
    t.last = 0.0;
    return t;
}

int main(void) {
    /* A cycle of 400 nodes. The values themselves are checked in
     * test_socialmap.c and the Python tests; here: the calls. */
    enum { N = 400 };
    uint32_t src[N], dst[N], labels[N];
    double values[N], plain[N];
    vb_graph_t *g = NULL;
    vb_centrality_options_t options;
    vb_community_options_t community;
    vb_social_map_options_t map_options;
    vb_network_t *net = NULL;
    char *json = NULL;
    size_t count = 0;
    tally_t t;
    int i, same;
    const vb_centrality_t long_measures[] = {VB_CENTRALITY_BETWEENNESS, VB_CENTRALITY_CLOSENESS,
                                             VB_CENTRALITY_HARMONIC, VB_CENTRALITY_PAGERANK};
    unsigned m;

    for (i = 0; i < N; ++i) {
        src[i] = (uint32_t)i;
        dst[i] = (uint32_t)((i + 1) % N);
    }
    CHECK_OK(vb_graph_from_edges(N, N, src, dst, NULL, NULL, &g));

    for (m = 0; m < sizeof long_measures / sizeof long_measures[0]; ++m) {
        /* Without a callback, the values to compare with. */
        CHECK_OK(vb_centrality(g, long_measures[m], NULL, plain));

        /* A callback that goes on: called, fractions in [0, 1], rising, ending at 1,
         * and the values are the same as without it. */
        vb_centrality_options_init(&options);
        CHECK(options.progress == NULL && options.progress_data == NULL);
        t = fresh_tally(0);
        options.progress = on_progress;
        options.progress_data = &t;
        CHECK_OK(vb_centrality(g, long_measures[m], &options, values));
        CHECK(t.calls >= 1 && t.in_range && t.increasing && t.last == 1.0);
        same = 1;
        for (i = 0; i < N; ++i) same = same && values[i] == plain[i];
        CHECK(same);

        /* A callback that cancels at once. */
        t = fresh_tally(1);
        CHECK(vb_centrality(g, long_measures[m], &options, values) == VB_ERROR_CANCELLED);
        CHECK(t.calls == 1);
        CHECK(strstr(vb_last_error_message(), "cancelled") != NULL);

        /* A caller built before the progress fields existed: its struct ends
         * at max_iter, and whatever lies beyond it is never read. */
        vb_centrality_options_init_sized(&options, offsetof(vb_centrality_options_t, progress));
        options.progress = on_progress; /* beyond the caller's struct_size: ignored */
        options.progress_data = &t;
        t = fresh_tally(1);
        CHECK_OK(vb_centrality(g, long_measures[m], &options, values));
        CHECK(t.calls == 0);
    }

    /* Communities. */
    vb_community_options_init(&community);
    t = fresh_tally(0);
    community.progress = on_progress;
    community.progress_data = &t;
    CHECK_OK(vb_communities(g, &community, labels, &count));
    CHECK(t.calls >= 1 && t.in_range && t.increasing && t.last == 1.0 && count >= 2);
    t = fresh_tally(1);
    CHECK(vb_communities(g, &community, labels, &count) == VB_ERROR_CANCELLED && t.calls == 1);
    vb_community_options_init_sized(&community, offsetof(vb_community_options_t, progress));
    community.progress = on_progress;
    t = fresh_tally(1);
    CHECK_OK(vb_communities(g, &community, labels, &count));
    CHECK(t.calls == 0);

    /* The social map: options, progress, cancellation, min_cell. */
    CHECK_OK(vb_network_sample_programme(NULL, &net));
    vb_social_map_options_init(&map_options);
    CHECK(map_options.top == 10 && map_options.min_cell == 10 && map_options.progress == NULL);
    t = fresh_tally(0);
    map_options.progress = on_progress;
    map_options.progress_data = &t;
    CHECK_OK(vb_social_map_json(net, &map_options, &json));
    CHECK(json != NULL && strstr(json, "\"communities\":[") != NULL);
    CHECK(t.calls >= 2 && t.in_range && t.increasing && t.last == 1.0);
    {
        /* The same map as NULL options (the defaults) give: progress changes nothing. */
        char *plain = NULL;
        CHECK_OK(vb_social_map_json(net, NULL, &plain));
        CHECK(plain != NULL && json != NULL && strcmp(plain, json) == 0);
        vb_free(plain);
    }
    vb_free(json);
    json = NULL;

    t = fresh_tally(1);
    CHECK(vb_social_map_json(net, &map_options, &json) == VB_ERROR_CANCELLED && json == NULL && t.calls == 1);

    /* min_cell 1 suppresses nothing; 0 is refused by name. */
    map_options.progress = NULL;
    map_options.min_cell = 1;
    CHECK_OK(vb_social_map_json(net, &map_options, &json));
    CHECK(json != NULL && strstr(json, "\"suppressed\":true") == NULL &&
          strstr(json, "\"suppressed\":false") != NULL);
    vb_free(json);
    json = NULL;
    map_options.min_cell = 0;
    CHECK(vb_social_map_json(net, &map_options, &json) == VB_ERROR_INVALID_ARGUMENT && json == NULL);
    CHECK(strstr(vb_last_error_message(), "min_cell") != NULL);

    /* NULL options: the defaults; NULL network or out-parameter: refused. */
    CHECK_OK(vb_social_map_json(net, NULL, &json));
    vb_free(json);
    json = NULL;
    CHECK(vb_social_map_json(NULL, NULL, &json) == VB_ERROR_INVALID_ARGUMENT && json == NULL);
    CHECK(vb_social_map_json(net, NULL, NULL) == VB_ERROR_INVALID_ARGUMENT);
    map_options.struct_size = 8;
    CHECK(vb_social_map_json(net, &map_options, &json) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "vb_social_map_options_init") != NULL);

    vb_network_free(net);
    vb_graph_free(g);
    return check_summary("test_socialmap_progress");
}
