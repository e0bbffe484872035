/*
 * Dates at the edges of the supported range (1500-01-01 to 9899-12-31,
 * verbind/model/date.hpp) through the C API: one day outside is refused at
 * input with VB_ERROR_INVALID_ARGUMENT naming record, field and range (issue
 * 11: 9999-12-31 used to be accepted and made vb_timeline fail with
 * VB_ERROR_INTERNAL); the first and last supported days work end-to-end
 * through vb_timeline and vb_report_html.
 */
#include "check.h"

#include <string.h>

#define INVALID VB_ERROR_INVALID_ARGUMENT
#define RANGE "is outside the supported range of dates (1500-01-01 to 9899-12-31)"

static vb_network_t *edge_network(const char *day, const char *since, const char *until) {
    vb_network_t *net = NULL;
    vb_resident_options_t r;
    vb_tie_options_t t;
    vb_event_options_t e;
    CHECK_OK(vb_network_new(&net));
    vb_resident_options_init(&r);
    r.municipality = "Almere";
    r.key_figure = 1;
    r.trained_on = day;
    CHECK_OK(vb_network_add_resident(net, "a", &r));
    r.key_figure = 0;
    r.trained_on = NULL;
    CHECK_OK(vb_network_add_resident(net, "b", &r));
    vb_tie_options_init(&t);
    t.since = since;
    t.until = until;
    CHECK_OK(vb_network_add_tie(net, "a", "b", "knows", &t));
    vb_event_options_init(&e);
    e.municipality = "Almere";
    CHECK_OK(vb_network_add_event(net, "e", day, "breakfast", &e));
    CHECK_OK(vb_network_attend(net, "e", "a", NULL));
    CHECK_OK(vb_network_attend(net, "e", "b", "a"));
    return net;
}

static void end_to_end(const char *day, const char *since, const char *until) {
    vb_network_t *net = edge_network(day, since, until);
    vb_period_t periods[] = {VB_PERIOD_WEEK, VB_PERIOD_MONTH, VB_PERIOD_QUARTER, VB_PERIOD_YEAR};
    size_t p;
    for (p = 0; p < 4; ++p) {
        vb_timeline_options_t o;
        vb_timeline_t *timeline = NULL;
        vb_timeline_options_init(&o);
        o.period = periods[p];
        o.min_cell = 1;
        o.permutations = 5;
        CHECK_OK(vb_timeline(net, &o, &timeline));
        CHECK(vb_timeline_period_count(timeline) >= 1);
        vb_timeline_free(timeline);
    }
    {
        vb_report_options_t o;
        char *html = NULL;
        size_t length = 0;
        vb_report_options_init(&o);
        o.min_cell = 1;
        CHECK_OK(vb_report_html(net, &o, &html, &length));
        CHECK(html != NULL && strstr(html, "</html>") != NULL);
        vb_free(html);
    }
    vb_network_free(net);
}

int main(void) {
    vb_network_t *net = edge_network("2022-05-04", "2022-01-01", NULL);
    vb_resident_options_t r;
    vb_tie_options_t t;
    size_t events = vb_network_event_count(net), ties = vb_network_tie_count(net);

    /* One day outside, in every date field: refused, nothing added. */
    CHECK_FAILS(vb_network_add_event(net, "e2", "9999-12-31", "iftar", NULL), INVALID,
                "event 'e2' field 'date': 9999-12-31 " RANGE);
    CHECK_FAILS(vb_network_add_event(net, "e2", "9900-01-01", "iftar", NULL), INVALID, "9900-01-01 " RANGE);
    CHECK_FAILS(vb_network_add_event(net, "e2", "1499-12-31", "iftar", NULL), INVALID, "1499-12-31 " RANGE);
    vb_tie_options_init(&t);
    t.until = "9900-01-01";
    CHECK_FAILS(vb_network_add_tie(net, "a", "b", "partner", &t), INVALID, "field 'until': 9900-01-01 " RANGE);
    t.until = NULL;
    t.since = "1499-12-31";
    CHECK_FAILS(vb_network_add_tie(net, "a", "b", "partner", &t), INVALID, "field 'since': 1499-12-31 " RANGE);
    vb_resident_options_init(&r);
    r.trained_on = "9999-12-31";
    CHECK_FAILS(vb_network_add_resident(net, "c", &r), INVALID, "resident 'c' field 'trained_on': 9999-12-31 " RANGE);
    CHECK_SIZE(vb_network_event_count(net), events);
    CHECK_SIZE(vb_network_tie_count(net), ties);
    CHECK_SIZE(vb_network_actor_count(net), 2);
    {
        vb_timeline_options_t o;
        vb_timeline_t *timeline = NULL;
        vb_timeline_options_init(&o);
        o.end = "9999-12-31";
        CHECK_FAILS(vb_timeline(net, &o, &timeline), INVALID, "9999-12-31 " RANGE);
        CHECK(timeline == NULL);
    }
    vb_network_free(net);

    /* The first and last supported days work end-to-end. */
    end_to_end("9899-12-31", "9899-12-31", NULL);
    end_to_end("9899-05-04", "9899-01-01", "9899-12-31");
    end_to_end("1500-01-01", "1500-01-01", NULL);
    end_to_end("1500-01-15", "1500-01-01", "1500-02-01");
    return check_summary("test_dates");
}
