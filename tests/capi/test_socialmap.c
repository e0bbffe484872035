/* The social map's C ABI on hand-checked graphs: two triangles joined by a
 * bridge (2-3), plus an isolated node 6. */
#include "check.h"

#include <stdlib.h>

int main(void) {
    const uint32_t src[] = {0, 0, 1, 3, 3, 4, 2};
    const uint32_t dst[] = {1, 2, 2, 4, 5, 5, 3};
    vb_graph_t *g = NULL;
    double values[7];
    uint32_t labels[7], points[7], u[7], v[7];
    size_t count = 0;
    double q = 0, ei = 0;
    vb_centrality_options_t options;
    vb_community_options_t community;
    uint32_t groups[7] = {0, 0, 0, 1, 1, 1, 1};
    vb_network_t *net = NULL;
    char *json = NULL;

    CHECK_OK(vb_graph_from_edges(7, 7, src, dst, NULL, NULL, &g));

    /* Degree centrality: degree / 6. */
    CHECK_OK(vb_centrality(g, VB_CENTRALITY_DEGREE, NULL, values));
    CHECK(check_abs(values[2] - 3.0 / 6.0) < 1e-15 && values[6] == 0.0);

    /* Betweenness, unnormalised: node 2 lies on the 3 * 3 = 9 paths between
     * {0,1} and {3,4,5} (0,1 -> 3,4,5: 6 pairs) plus 0/1 -> 3: node 2 is on
     * every path from {0,1} to {3,4,5}: 2 * 3 = 6 pairs. */
    vb_centrality_options_init(&options);
    options.normalized = 0;
    CHECK_OK(vb_centrality(g, VB_CENTRALITY_BETWEENNESS, &options, values));
    CHECK(check_abs(values[2] - 6.0) < 1e-12 && check_abs(values[3] - 6.0) < 1e-12 && values[0] == 0.0);
    options.threads = 1;
    {
        double one[7];
        int i, same = 1;
        CHECK_OK(vb_centrality(g, VB_CENTRALITY_BETWEENNESS, &options, one));
        for (i = 0; i < 7; ++i) same = same && one[i] == values[i];
        CHECK(same);
    }

    CHECK_OK(vb_articulation_points(g, 7, points, &count));
    CHECK(count == 2 && points[0] == 2 && points[1] == 3);
    CHECK_OK(vb_bridges(g, 7, u, v, &count));
    CHECK(count == 1 && u[0] == 2 && v[0] == 3);
    CHECK(vb_bridges(g, 0, u, v, &count) == VB_ERROR_INVALID_ARGUMENT && count == 1);

    CHECK_OK(vb_components(g, labels, &count));
    CHECK(count == 2 && labels[0] == 0 && labels[5] == 0 && labels[6] == 1);

    vb_community_options_init(&community);
    CHECK_OK(vb_communities(g, &community, labels, &count));
    CHECK(count == 3 && labels[0] == 0 && labels[2] == 0 && labels[3] == 1 && labels[5] == 1 && labels[6] == 2);
    /* m = 7; each triangle: 3 inner ties, degree sum 7: Q = 2 (3/7 - 1/4). */
    CHECK_OK(vb_modularity(g, labels, 1.0, &q));
    CHECK(check_abs(q - 5.0 / 14.0) < 1e-15);

    /* E-I: one tie between groups (2-3), six within: (1 - 6) / 7. */
    CHECK_OK(vb_ei_index(g, groups, &ei));
    CHECK(check_abs(ei - (1.0 - 6.0) / 7.0) < 1e-15);

    /* Bad input: NULL arguments, a bad measure, a too-small options struct. */
    CHECK(vb_centrality(NULL, VB_CENTRALITY_DEGREE, NULL, values) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(vb_centrality(g, (vb_centrality_t)99, NULL, values) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "not a vb_centrality_t") != NULL);
    options.struct_size = 4;
    CHECK(vb_centrality(g, VB_CENTRALITY_DEGREE, &options, values) == VB_ERROR_INVALID_ARGUMENT);
    vb_centrality_options_init(&options);
    options.samples = 8;
    CHECK(vb_centrality(g, VB_CENTRALITY_BETWEENNESS, &options, values) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "samples must be in 1..7") != NULL);
    CHECK(vb_modularity(g, NULL, 1.0, &q) == VB_ERROR_INVALID_ARGUMENT);

    /* The social map as JSON. */
    CHECK_OK(vb_network_sample_programme(NULL, &net));
    if (net) {
        vb_social_map_options_t o;
        vb_social_map_options_init(&o);
        o.municipality = "Lelystad";
        o.top = 3;
        CHECK_OK(vb_social_map_json(net, &o, &json));
        CHECK(json != NULL && strstr(json, "\"key_figures\":[{") != NULL && strstr(json, "\"gaps\"") != NULL);
        vb_free(json);
        json = NULL;
        o.municipality = "Nowhere";
        CHECK(vb_social_map_json(net, &o, &json) == VB_ERROR_NOT_FOUND && json == NULL);
    }
    CHECK(vb_social_map_json(NULL, NULL, &json) == VB_ERROR_INVALID_ARGUMENT);
    vb_free(NULL);
    vb_network_free(net);
    vb_graph_free(g);
    return check_summary("test_socialmap");
}
