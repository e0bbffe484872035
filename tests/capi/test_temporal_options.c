/* vb_temporal_reach_network: every option of temporal reach over a
 * network, include_sensitive among them (the old function could not reach
 * it). Expected values are hand computed on a three-person network. */
#include "check.h"

/* a -> b by a dated tie (day 2); b -> c only through a sensitive event on
 * day 5 that both attend; a sensitive tie kind "confides" a -> c on day 9. */
static vb_network_t *network(void) {
    vb_network_t *net = NULL;
    vb_tie_options_t tie;
    CHECK_OK(vb_network_new(&net));
    CHECK_OK(vb_network_add_resident(net, "a", NULL));
    CHECK_OK(vb_network_add_resident(net, "b", NULL));
    CHECK_OK(vb_network_add_resident(net, "c", NULL));
    vb_tie_options_init(&tie);
    tie.since = "1970-01-03";
    CHECK_OK(vb_network_add_tie(net, "a", "b", "knows", &tie));
    tie.since = "1970-01-10";
    CHECK_OK(vb_network_add_tie(net, "a", "c", "confides", &tie));
    CHECK_OK(vb_network_mark_sensitive_tie_kind(net, "confides"));
    CHECK_OK(vb_network_add_event(net, "circle", "1970-01-06", "meeting", NULL));
    CHECK_OK(vb_network_attend(net, "circle", "b", NULL));
    CHECK_OK(vb_network_attend(net, "circle", "c", NULL));
    CHECK_OK(vb_network_mark_sensitive_event(net, "circle"));
    return net;
}

static void test_defaults(void) {
    vb_temporal_network_options_t o;
    memset(&o, 0x5a, sizeof o);
    vb_temporal_network_options_init(&o);
    CHECK(o.struct_size == sizeof o);
    CHECK(o.start == NULL && o.end == NULL);
    CHECK(o.max_wait == -1);
    CHECK(o.include_sensitive == 0);
    /* The plain exported function (for foreign-function interfaces). */
    memset(&o, 0x5a, sizeof o);
    (vb_temporal_network_options_init)(&o);
    CHECK(o.struct_size == sizeof o && o.start == NULL && o.max_wait == -1 && o.include_sensitive == 0);
}

static void test_include_sensitive(void) {
    vb_network_t *net = network();
    const char *seeds[] = {"a"};
    vb_temporal_network_options_t o;
    vb_temporal_t *t = NULL;
    int64_t day = 0;

    vb_temporal_network_options_init(&o);
    o.start = "1970-01-01";
    /* Default: neither the sensitive event nor the sensitive tie carries c. */
    CHECK_OK(vb_temporal_reach_network(net, seeds, 1, &o, &t));
    CHECK(vb_temporal_node_count(t) == 3);
    CHECK_OK(vb_temporal_arrival(t, 1, &day));
    CHECK(day == 2);
    CHECK_FAILS(vb_temporal_arrival(t, 2, &day), VB_ERROR_NOT_FOUND, "not reached");
    vb_temporal_free(t);

    /* Asked for by name: c arrives at the sensitive event (day 5, before the
     * sensitive tie's day 9). */
    o.include_sensitive = 1;
    CHECK_OK(vb_temporal_reach_network(net, seeds, 1, &o, &t));
    CHECK_OK(vb_temporal_arrival(t, 2, &day));
    CHECK(day == 5);
    vb_temporal_free(t);

    /* end is exclusive: ending on the event's day leaves the event out. */
    o.end = "1970-01-06";
    CHECK_OK(vb_temporal_reach_network(net, seeds, 1, &o, &t));
    CHECK_FAILS(vb_temporal_arrival(t, 2, &day), VB_ERROR_NOT_FOUND, "not reached");
    vb_temporal_free(t);
    vb_network_free(net);
}

static void test_bad_input(void) {
    vb_network_t *net = network();
    const char *seeds[] = {"a"};
    vb_temporal_network_options_t o;
    vb_temporal_t *t = (vb_temporal_t *)&o;

    vb_temporal_network_options_init(&o);
    CHECK_FAILS(vb_temporal_reach_network(net, seeds, 1, &o, &t), VB_ERROR_INVALID_ARGUMENT, "options->start");
    CHECK(t == NULL);
    CHECK_FAILS(vb_temporal_reach_network(net, seeds, 1, NULL, &t), VB_ERROR_INVALID_ARGUMENT, "options->start");
    CHECK_FAILS(vb_temporal_reach_network(NULL, seeds, 1, &o, &t), VB_ERROR_INVALID_ARGUMENT, "net");
    o.start = "1970-01-01";
    CHECK_FAILS(vb_temporal_reach_network(net, seeds, 1, &o, NULL), VB_ERROR_INVALID_ARGUMENT, "out");
    o.struct_size = 0;
    CHECK_FAILS(vb_temporal_reach_network(net, seeds, 1, &o, &t), VB_ERROR_INVALID_ARGUMENT, "struct_size");
    vb_temporal_network_options_init(&o);
    o.start = "1970-13-01";
    CHECK_FAILS(vb_temporal_reach_network(net, seeds, 1, &o, &t), VB_ERROR_INVALID_ARGUMENT, "start");
    vb_temporal_network_options_init(NULL);
    vb_network_free(net);
}

int main(void) {
    test_defaults();
    test_include_sensitive();
    test_bad_input();
    return check_summary("test_temporal_options");
}
