/* The report C ABI: the HTML as a string and as a file, options, progress
 * and cancelling, sensitive tie kinds left out, and bad input. The network
 * is tests/capi/hand_network.h. */
#include "hand_network.h"

#include <stdio.h>
#include <stdlib.h>

static int progress_calls = 0;
static int count_progress(double fraction, void *data) {
    (void)fraction;
    ++*(int *)data;
    return 1;
}
static int cancel_at_once(double fraction, void *data) {
    (void)fraction;
    ++*(int *)data;
    return 0;
}

/* Ties drawn: the 'M' moves in the drawing's tie path. */
static size_t drawn_ties(const char *html) {
    const char *path = strstr(html, "class=\"ties\"");
    const char *d, *end;
    size_t n = 0;
    if (path == NULL) return (size_t)-1;
    d = strstr(path, " d=\"");
    if (d == NULL) return (size_t)-1;
    d += 4;
    end = strchr(d, '"');
    for (; d < end; ++d) n += *d == 'M';
    return n;
}

static void test_html(void) {
    vb_network_t *net = hand_network();
    vb_report_options_t o;
    char *html = NULL;
    size_t length = 0;
    vb_report_options_init(&o);
    CHECK_SIZE(o.struct_size, sizeof o);
    CHECK(o.period == VB_PERIOD_MONTH && o.top == 10 && o.train == 5 && o.min_cell == 10);
    CHECK(o.max_drawn_nodes == 2500 && o.include_sensitive == 0 && o.progress == NULL);
    CHECK(o.lang == NULL); /* English */

    CHECK_OK(vb_network_mark_sensitive_tie_kind(net, "member_of"));
    o.seed = 5;
    o.title = "Noord & Zuid";
    CHECK_OK(vb_report_html(net, &o, &html, &length));
    CHECK(html != NULL);
    if (html) {
        CHECK_SIZE(strlen(html), length);
        CHECK(strncmp(html, "<!DOCTYPE html>", 15) == 0);
        CHECK(strstr(html, "<title>Noord &amp; Zuid</title>") != NULL);
        CHECK(strstr(html, "<section id=\"network\">") != NULL);
        CHECK(strstr(html, "<section id=\"reach-plan\">") != NULL);
        CHECK(strstr(html, "https://") == NULL);
        CHECK(strstr(html, "member_of") == NULL);
        /* Without member_of the ties are r1-r2, r2-r3, r3-r4: the library is
         * cut off and not drawn. */
        CHECK_SIZE(drawn_ties(html), 3);
        CHECK(strstr(html, "(organisation)") == NULL);
    }
    vb_free(html);

    o.include_sensitive = 1;
    CHECK_OK(vb_report_html(net, &o, &html, NULL));
    if (html) {
        CHECK_SIZE(drawn_ties(html), 5);
        CHECK(strstr(html, "<title>lib (organisation)</title>") != NULL);
    }
    vb_free(html);

    /* In Dutch: the language's texts, the same file otherwise. */
    o.lang = "nl";
    CHECK_OK(vb_report_html(net, &o, &html, NULL));
    if (html) {
        CHECK(strstr(html, "<html lang=\"nl\">") != NULL);
        CHECK(strstr(html, "<title>lib (organisatie)</title>") != NULL);
        CHECK(strstr(html, "(organisation)") == NULL);
        CHECK_SIZE(drawn_ties(html), 5);
    }
    vb_free(html);
    o.lang = "";
    CHECK_OK(vb_report_html(net, &o, &html, NULL));
    if (html) CHECK(strstr(html, "<html lang=\"en\">") != NULL);
    vb_free(html);
    html = NULL;
    o.lang = "de";
    CHECK_FAILS(vb_report_html(net, &o, &html, NULL), VB_ERROR_INVALID_ARGUMENT,
                "field 'lang': must be one of en, nl, got 'de'");
    CHECK(html == NULL);
    vb_free(NULL);
    vb_network_free(net);
}

static void test_file_progress_and_bad_input(void) {
    vb_network_t *net = hand_network();
    vb_report_options_t o;
    char *html = NULL;
    const char *path = "verbind-test-report.html";
    FILE *file;
    int cancels = 0;
    vb_report_options_init(&o);
    o.progress = count_progress;
    o.progress_data = &progress_calls;
    remove(path);
    CHECK_OK(vb_report_write(net, &o, path));
    CHECK(progress_calls > 0);
    file = fopen(path, "rb");
    CHECK(file != NULL);
    if (file) {
        char head[16] = {0};
        CHECK_SIZE(fread(head, 1, 15, file), 15);
        CHECK(strcmp(head, "<!DOCTYPE html>") == 0);
        fclose(file);
    }
    remove(path);

    o.progress = cancel_at_once;
    o.progress_data = &cancels;
    CHECK_FAILS(vb_report_write(net, &o, path), VB_ERROR_CANCELLED, "cancel");
    CHECK(cancels > 0);
    file = fopen(path, "rb");
    CHECK(file == NULL); /* nothing half-written */
    if (file) fclose(file);

    vb_report_options_init(&o);
    o.top = 0;
    CHECK_FAILS(vb_report_html(net, &o, &html, NULL), VB_ERROR_INVALID_ARGUMENT, "top must be at least 1");
    CHECK(html == NULL);
    vb_report_options_init(&o);
    o.municipality = "Atlantis";
    CHECK_FAILS(vb_report_write(net, &o, path), VB_ERROR_NOT_FOUND, "Atlantis");
    vb_report_options_init(&o);
    o.period = (vb_period_t)9;
    CHECK_FAILS(vb_report_html(net, &o, &html, NULL), VB_ERROR_INVALID_ARGUMENT, "period");
    o.struct_size = 4;
    CHECK_FAILS(vb_report_html(net, &o, &html, NULL), VB_ERROR_INVALID_ARGUMENT, "struct_size");
    CHECK_FAILS(vb_report_write(NULL, NULL, path), VB_ERROR_INVALID_ARGUMENT, "net");
    CHECK_FAILS(vb_report_write(net, NULL, NULL), VB_ERROR_INVALID_ARGUMENT, "path");
    CHECK_FAILS(vb_report_html(net, NULL, NULL, NULL), VB_ERROR_INVALID_ARGUMENT, "html");
    CHECK_FAILS(vb_report_write(net, NULL, "no-such-folder/report.html"), VB_ERROR_IO, "no-such-folder");
    vb_network_free(net);
}

int main(void) {
    test_html();
    test_file_progress_and_bad_input();
    return check_summary("test_report");
}
