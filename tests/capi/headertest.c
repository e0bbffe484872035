/* The public header on its own, as strict C99 (-std=c99 -Wall -Wextra
 * -pedantic -Werror): it must include what it uses and use nothing beyond
 * C99. The ctest c_header_alone only compiles this file. */
#include "verbind.h"

/* Included a second time: the include guard must hold. */
#include "verbind.h"

static vb_status_t build(vb_network_t **out) {
    vb_status_t status = vb_network_new(out);
    if (status != VB_OK) return status;
    return vb_network_add_resident(*out, "r1", NULL);
}

int main(void) {
    vb_network_t *net = NULL;
    vb_graph_t *graph = NULL;
    vb_view_options_t options;
    vb_edge_list_options_t edge_options;
    const uint32_t src[1] = {0};
    const uint32_t dst[1] = {1};
    size_t nodes;
    int failed;

    vb_view_options_init(&options);
    (vb_view_options_init)(&options);
    options.co_attendance = 1;
    options.merge = VB_MERGE_SUM;
    vb_edge_list_options_init(&edge_options);
    edge_options.self_loops = VB_SELF_LOOPS_DROP;

    failed = build(&net) != VB_OK || vb_graph_from_network(net, &options, &graph) != VB_OK;
    nodes = vb_graph_node_count(graph);
    vb_graph_free(graph);
    failed |= vb_graph_from_edges(2, 1, src, dst, NULL, NULL, &graph) != VB_OK;
    vb_graph_free(graph);
    vb_network_free(net);
    (void)vb_last_error_message();
    (void)vb_version();
    return failed || nodes != 1 || VB_VERSION_NUMBER < 1000;
}
