/* Graph views and sensitive tie kinds through the C ABI: left out by
 * default (the _init default is the C++ ViewOptions default), kept only with
 * include_sensitive 1, and left out for a caller built before the field
 * existed (and for options NULL). */
#include "check.h"

#include <stddef.h>

int main(void) {
    vb_network_t *net = NULL;
    vb_graph_t *g = NULL;
    vb_view_options_t view;
    CHECK_OK(vb_network_new(&net));
    CHECK_OK(add_resident_in(net, "ann", "Noord"));
    CHECK_OK(add_resident_in(net, "bob", "Noord"));
    CHECK_OK(add_resident_in(net, "cem", "Noord"));
    CHECK_OK(vb_network_add_tie(net, "ann", "bob", "knows", NULL));
    CHECK_OK(vb_network_add_tie(net, "ann", "cem", "member_of", NULL));
    CHECK_OK(vb_network_mark_sensitive_tie_kind(net, "member_of"));

    vb_view_options_init(&view);
    CHECK(view.include_sensitive == 0);
    CHECK_OK(vb_graph_from_network(net, &view, &g));
    CHECK(vb_graph_node_count(g) == 3 && vb_graph_edge_count(g) == 1); /* ann - bob only */
    vb_graph_free(g);

    CHECK_OK(vb_graph_from_network(net, NULL, &g)); /* NULL options: the defaults */
    CHECK(vb_graph_node_count(g) == 3 && vb_graph_edge_count(g) == 1);
    vb_graph_free(g);

    view.include_sensitive = 1; /* asked for by name */
    CHECK_OK(vb_graph_from_network(net, &view, &g));
    CHECK(vb_graph_node_count(g) == 3 && vb_graph_edge_count(g) == 2);
    vb_graph_free(g);

    /* A caller whose struct ends at `merge` gets the default: left out. */
    view.struct_size = offsetof(vb_view_options_t, merge) + sizeof view.merge;
    view.include_sensitive = 1; /* beyond its struct: not read */
    CHECK_OK(vb_graph_from_network(net, &view, &g));
    CHECK(vb_graph_edge_count(g) == 1);
    vb_graph_free(g);

    vb_network_free(net);
    return check_summary("test_sensitive_views");
}
