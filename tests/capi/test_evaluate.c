/* The timeline through the C ABI: a hand-computed network (the same as
 * tests/evaluate/test_timeline.cpp, where every value is worked out), NULL
 * safety, bad options, cancelling, and the empty timeline of an undated
 * network. */
#include "check.h"

#include <string.h>

static vb_network_t *two_towns(void) {
    vb_network_t *net = NULL;
    vb_resident_options_t r;
    vb_tie_options_t t;
    vb_event_options_t e;
    const char *a[] = {"a"}, *b[] = {"b"}, *k1[] = {"k1"};
    CHECK_OK(vb_network_new(&net));
    vb_resident_options_init(&r);
    r.municipality = "East";
    r.groups = a;
    r.group_count = 1;
    CHECK_OK(vb_network_add_resident(net, "e1", &r));
    CHECK_OK(vb_network_add_resident(net, "e2", &r));
    r.key_figure = 1;
    CHECK_OK(vb_network_add_resident(net, "k1", &r));
    r.key_figure = 0;
    r.groups = b;
    CHECK_OK(vb_network_add_resident(net, "e3", &r));
    r.municipality = "West";
    CHECK_OK(vb_network_add_resident(net, "w1", &r));
    r.groups = NULL;
    r.group_count = 0;
    CHECK_OK(vb_network_add_resident(net, "w2", &r));
    vb_event_options_init(&e);
    e.municipality = "East";
    e.organisers = k1;
    e.organiser_count = 1;
    CHECK_OK(vb_network_add_event(net, "ev1", "2024-01-10", "meal", &e));
    e.municipality = "West";
    e.organisers = NULL;
    e.organiser_count = 0;
    CHECK_OK(vb_network_add_event(net, "ev2", "2024-03-05", "walk", &e));
    CHECK_OK(vb_network_attend(net, "ev1", "e1", NULL));
    CHECK_OK(vb_network_attend(net, "ev1", "e3", "k1"));
    CHECK_OK(vb_network_attend(net, "ev1", "k1", NULL));
    CHECK_OK(vb_network_attend(net, "ev1", "w1", NULL));
    CHECK_OK(vb_network_attend(net, "ev2", "e1", NULL));
    CHECK_OK(vb_network_attend(net, "ev2", "w1", NULL));
    CHECK_OK(vb_network_attend(net, "ev2", "w2", "w1"));
    vb_tie_options_init(&t);
    t.since = "2023-06-01";
    t.until = "2024-03-15";
    CHECK_OK(vb_network_add_tie(net, "e1", "e2", "knows", &t));
    t.since = "2024-01-20";
    t.until = NULL;
    CHECK_OK(vb_network_add_tie(net, "e1", "e3", "knows", &t));
    t.since = "2024-03-10";
    CHECK_OK(vb_network_add_tie(net, "e3", "w1", "knows", &t));
    return net;
}

/* The record for (period, area, metric); -1 when there is none. */
static long find(const vb_timeline_t *t, const char *period, const char *area, const char *metric, double *value,
                 vb_value_status_t *status) {
    size_t i;
    for (i = 0; i < vb_timeline_count(t); ++i) {
        vb_timeline_record_t r;
        vb_timeline_record_init(&r);
        if (vb_timeline_record(t, i, &r) != VB_OK) return -1;
        if (!strcmp(r.period, period) && !strcmp(r.area, area) && !strcmp(r.metric, metric)) {
            *value = r.value;
            *status = r.status;
            return (long)i;
        }
    }
    return -1;
}

static int calls = 0;
static int count_calls(double fraction, void *user_data) {
    (void)fraction;
    ++*(int *)user_data;
    return 1;
}
static int stop(double fraction, void *user_data) {
    (void)fraction;
    (void)user_data;
    return 0;
}

int main(void) {
    vb_network_t *net = two_towns();
    vb_timeline_options_t o;
    vb_timeline_t *t = NULL;
    double v = 0;
    vb_value_status_t s = VB_VALUE_OK;
    vb_timeline_metric_t metric;

    vb_timeline_options_init(&o);
    CHECK(o.min_cell == 10 && o.permutations == 200 && o.period == VB_PERIOD_MONTH && o.friending_days == 30);
    o.start = "2024-01-01";
    o.end = "2024-04-01";
    o.min_cell = 1;
    o.progress = count_calls;
    o.progress_data = &calls;
    CHECK_OK(vb_timeline(net, &o, &t));
    CHECK(calls > 0);
    CHECK(vb_timeline_period_count(t) == 3);
    CHECK(!strcmp(vb_timeline_period(t, 0), "2024-01"));
    CHECK(!strcmp(vb_timeline_period_start(t, 2), "2024-03-01"));
    CHECK(vb_timeline_period(t, 3) == NULL);
    CHECK(vb_timeline_area_count(t) == 3);
    CHECK(!strcmp(vb_timeline_area(t, 0), "East") && !strcmp(vb_timeline_area(t, 2), "programme"));
    CHECK(vb_timeline_count(t) == 3 * 3 * vb_timeline_metric_count());
    CHECK(!strcmp(vb_timeline_note(t), ""));

    /* Hand-computed (see test_timeline.cpp): */
    CHECK(find(t, "2024-01", "East", "active_residents", &v, &s) >= 0 && s == VB_VALUE_OK && v == 3);
    CHECK(find(t, "2024-01", "West", "exposure", &v, &s) >= 0 && s == VB_VALUE_OK && v == 2);
    CHECK(find(t, "2024-01", "programme", "friending", &v, &s) >= 0 && s == VB_VALUE_OK && v == 0.25);
    CHECK(find(t, "2024-03", "West", "bring_along_rate", &v, &s) >= 0 && s == VB_VALUE_OK && v == 0.5);
    CHECK(find(t, "2024-03", "West", "ei_index", &v, &s) >= 0 && s == VB_VALUE_OK && v == -1.0);
    CHECK(find(t, "2024-02", "East", "active_residents", &v, &s) >= 0 && s == VB_VALUE_NO_DATA && v != v);
    CHECK(!strcmp(vb_value_status_string(VB_VALUE_NO_DATA), "no data"));
    vb_timeline_free(t);
    t = NULL;

    o.min_cell = 2;
    CHECK_OK(vb_timeline(net, &o, &t));
    CHECK(find(t, "2024-01", "West", "active_residents", &v, &s) >= 0 && s == VB_VALUE_SUPPRESSED && v != v);
    CHECK(find(t, "2024-01", "East", "active_residents", &v, &s) >= 0 && s == VB_VALUE_SUPPRESSED);
    CHECK(find(t, "2024-01", "programme", "active_residents", &v, &s) >= 0 && s == VB_VALUE_OK && v == 4);
    vb_timeline_free(t);
    t = NULL;

    /* Metrics. */
    CHECK(vb_timeline_metric_count() >= 15);
    vb_timeline_metric_init(&metric);
    CHECK_OK(vb_timeline_metric(0, &metric));
    CHECK(!strcmp(metric.name, "active_residents") && !strcmp(metric.unit, "people") &&
          strlen(metric.description) > 10);
    CHECK_FAILS(vb_timeline_metric(1000, &metric), VB_ERROR_NOT_FOUND, "out of range");
    CHECK_FAILS(vb_timeline_metric(0, NULL), VB_ERROR_INVALID_ARGUMENT, "argument 'out' is NULL");

    /* Bad input: named, and no handle left behind. */
    o.min_cell = 0;
    t = (vb_timeline_t *)&o;
    CHECK_FAILS(vb_timeline(net, &o, &t), VB_ERROR_INVALID_ARGUMENT, "min_cell");
    CHECK(t == NULL);
    o.min_cell = 10;
    o.start = "2024-13-01";
    CHECK_FAILS(vb_timeline(net, &o, &t), VB_ERROR_INVALID_ARGUMENT, "start");
    o.start = "2024-01-01";
    o.period = (vb_period_t)9;
    CHECK_FAILS(vb_timeline(net, &o, &t), VB_ERROR_INVALID_ARGUMENT, "period");
    o.period = VB_PERIOD_WEEK;
    o.struct_size = 3;
    CHECK_FAILS(vb_timeline(net, &o, &t), VB_ERROR_INVALID_ARGUMENT, "struct_size");
    vb_timeline_options_init(&o);
    o.progress = stop;
    CHECK_FAILS(vb_timeline(net, &o, &t), VB_ERROR_CANCELLED, "vb_timeline");
    CHECK(t == NULL);

    /* NULL safety. */
    CHECK_FAILS(vb_timeline(NULL, NULL, &t), VB_ERROR_INVALID_ARGUMENT, "net");
    CHECK_FAILS(vb_timeline(net, NULL, NULL), VB_ERROR_INVALID_ARGUMENT, "out");
    {
        vb_timeline_record_t r;
        vb_timeline_record_init(&r);
        CHECK_FAILS(vb_timeline_record(NULL, 0, &r), VB_ERROR_INVALID_ARGUMENT, "timeline");
        CHECK_FAILS(vb_timeline_record(NULL, 0, NULL), VB_ERROR_INVALID_ARGUMENT, "out");
    }
    CHECK(vb_timeline_count(NULL) == 0 && vb_timeline_period_count(NULL) == 0 && vb_timeline_area_count(NULL) == 0);
    CHECK(vb_timeline_period(NULL, 0) == NULL && vb_timeline_area(NULL, 0) == NULL);
    CHECK(!strcmp(vb_timeline_note(NULL), ""));
    vb_timeline_free(NULL);
    vb_timeline_options_init_sized(NULL, sizeof o);

    /* Defaults (options NULL) work. */
    CHECK_OK(vb_timeline(net, NULL, &t));
    CHECK(vb_timeline_period_count(t) == 10); /* 2023-06 .. 2024-03 */
    {
        vb_timeline_record_t r;
        vb_timeline_record_init(&r);
        CHECK_FAILS(vb_timeline_record(t, vb_timeline_count(t), &r), VB_ERROR_NOT_FOUND, "out of range");
    }
    vb_timeline_free(t);
    t = NULL;
    vb_network_free(net);

    /* Nothing dated: empty, with a note. */
    CHECK_OK(vb_network_new(&net));
    CHECK_OK(vb_network_add_resident(net, "a", NULL));
    CHECK_OK(vb_network_add_resident(net, "b", NULL));
    CHECK_OK(vb_network_add_tie(net, "a", "b", "knows", NULL));
    CHECK_OK(vb_timeline(net, NULL, &t));
    CHECK(vb_timeline_count(t) == 0);
    CHECK(strstr(vb_timeline_note(t), "no dated record") != NULL);
    vb_timeline_free(t);
    vb_network_free(net);
    return check_summary("test_evaluate");
}
