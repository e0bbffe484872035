/*
 * A tiny check library for the C tests of libverbind. Each test program
 * includes it once, runs its checks (which report and count failures but go
 * on), and returns check_summary() from main: 0 when every check passed.
 */
#ifndef VERBIND_TESTS_CHECK_H
#define VERBIND_TESTS_CHECK_H

#include "verbind.h"

#include <stdio.h>
#include <string.h>

static int check_count = 0;
static int check_failures = 0;

/* No libm: the tests link libverbind only. */
static inline double check_abs(double x) { return x < 0 ? -x : x; }

static inline void check_failed(const char *file, int line, const char *what) {
    ++check_failures;
    fprintf(stderr, "%s:%d: FAILED: %s\n", file, line, what);
}

#define CHECK(condition) \
  do { \
    ++check_count; \
    if (!(condition)) check_failed(__FILE__, __LINE__, #condition); \
  } while (0)

/* A call that must succeed; on failure shows the status and the message. */
#define CHECK_OK(call) \
  do { \
    vb_status_t check_status_ = (call); \
    ++check_count; \
    if (check_status_ != VB_OK) { \
      check_failed(__FILE__, __LINE__, #call); \
      fprintf(stderr, "    returned %d (%s): %s\n", (int)check_status_, vb_status_string(check_status_), \
              vb_last_error_message()); \
    } \
  } while (0)

/* A call that must fail with `expected`, with a message that contains
 * `fragment` (a record, field or argument name). */
#define CHECK_FAILS(call, expected, fragment) \
  do { \
    vb_status_t check_status_; \
    vb_clear_last_error(); \
    check_status_ = (call); \
    ++check_count; \
    if (check_status_ != (expected)) { \
      check_failed(__FILE__, __LINE__, #call); \
      fprintf(stderr, "    returned %d (%s), expected %d (%s); message: %s\n", (int)check_status_, \
              vb_status_string(check_status_), (int)(expected), vb_status_string(expected), \
              vb_last_error_message()); \
    } else if (strstr(vb_last_error_message(), (fragment)) == NULL) { \
      check_failed(__FILE__, __LINE__, #call); \
      fprintf(stderr, "    message \"%s\" does not contain \"%s\"\n", vb_last_error_message(), (fragment)); \
    } \
  } while (0)

#define CHECK_SIZE(actual, expected) \
  do { \
    size_t check_actual_ = (actual), check_expected_ = (expected); \
    ++check_count; \
    if (check_actual_ != check_expected_) { \
      check_failed(__FILE__, __LINE__, #actual " == " #expected); \
      fprintf(stderr, "    got %lu, expected %lu\n", (unsigned long)check_actual_, (unsigned long)check_expected_); \
    } \
  } while (0)

#define CHECK_DOUBLE(actual, expected) \
  do { \
    double check_actual_ = (actual), check_expected_ = (expected); \
    ++check_count; \
    if (!(check_abs(check_actual_ - check_expected_) <= 1e-12 * (1.0 + check_abs(check_expected_)))) { \
      check_failed(__FILE__, __LINE__, #actual " == " #expected); \
      fprintf(stderr, "    got %.17g, expected %.17g\n", check_actual_, check_expected_); \
    } \
  } while (0)

#define CHECK_STRING(actual, expected) \
  do { \
    const char *check_actual_ = (actual), *check_expected_ = (expected); \
    ++check_count; \
    if (check_actual_ == NULL || strcmp(check_actual_, check_expected_) != 0) { \
      check_failed(__FILE__, __LINE__, #actual " == " #expected); \
      fprintf(stderr, "    got \"%s\", expected \"%s\"\n", check_actual_ ? check_actual_ : "(null)", \
              check_expected_); \
    } \
  } while (0)

/* Degree of `node`, or (size_t)-1 when the call fails. */
static inline size_t check_degree(const vb_graph_t *graph, uint32_t node) {
    size_t degree = 0;
    if (vb_graph_degree(graph, node, &degree) != VB_OK) return (size_t)-1;
    return degree;
}

static inline size_t check_in_degree(const vb_graph_t *graph, uint32_t node) {
    size_t degree = 0;
    if (vb_graph_in_degree(graph, node, &degree) != VB_OK) return (size_t)-1;
    return degree;
}

/* Node index of `key`, or UINT32_MAX when there is none. */
static inline uint32_t check_index(const vb_graph_t *graph, const char *key) {
    uint32_t node = 0;
    if (vb_graph_index(graph, key, &node) != VB_OK) return UINT32_MAX;
    return node;
}

/* Weight of u - v (by key), or -1 when there is no such edge. */
static inline double check_weight(const vb_graph_t *graph, const char *u, const char *v) {
    double weight = 0.0;
    if (vb_graph_edge_weight(graph, check_index(graph, u), check_index(graph, v), &weight) != VB_OK) return -1.0;
    return weight;
}

/* Prints the closing line and gives main's return value. */
static inline int check_summary(const char *program) {
    printf("%s: %d passed, %d failed\n", program, check_count - check_failures, check_failures);
    return check_failures == 0 ? 0 : 1;
}

/* The network's records with one attribute set, through the one entry
 * point of each (options struct, NULL: defaults). */
static inline vb_status_t add_resident_in(vb_network_t *net, const char *key, const char *neighbourhood) {
    vb_resident_options_t o;
    vb_resident_options_init(&o);
    o.neighbourhood = neighbourhood;
    return vb_network_add_resident(net, key, &o);
}

static inline vb_status_t add_organisation_in(vb_network_t *net, const char *key, const char *kind,
                                              const char *neighbourhood) {
    vb_organisation_options_t o;
    vb_organisation_options_init(&o);
    o.neighbourhood = neighbourhood;
    return vb_network_add_organisation(net, key, kind, &o);
}

static inline vb_status_t add_tie_since(vb_network_t *net, const char *a, const char *b, const char *kind,
                                        const char *since) {
    vb_tie_options_t o;
    vb_tie_options_init(&o);
    o.since = since;
    return vb_network_add_tie(net, a, b, kind, &o);
}

static inline vb_status_t add_event_in(vb_network_t *net, const char *key, const char *date, const char *kind,
                                       const char *neighbourhood) {
    vb_event_options_t o;
    vb_event_options_init(&o);
    o.neighbourhood = neighbourhood;
    return vb_network_add_event(net, key, date, kind, &o);
}

/* A graph from edge arrays with options->directed set (1 or 0). */
static inline vb_status_t graph_from_edges_directed(size_t node_count, size_t edge_count, const uint32_t *src,
                                                    const uint32_t *dst, const double *weights, int directed,
                                                    vb_graph_t **out) {
    vb_edge_list_options_t o;
    vb_edge_list_options_init(&o);
    o.directed = directed;
    return vb_graph_from_edges(node_count, edge_count, src, dst, weights, &o, out);
}

/* Export options asking for sensitive data by name (a C99 compound
 * literal; the other fields are 0, their defaults). */
#define EXPORT_SENSITIVE (&(vb_export_options_t){.struct_size = sizeof(vb_export_options_t), .include_sensitive = 1})

/* The sample programme of another seed. */
static inline vb_status_t sample_with_seed(uint64_t seed, vb_network_t **out) {
    vb_sample_options_t o;
    vb_sample_options_init(&o);
    o.seed = seed;
    return vb_network_sample_programme(&o, out);
}

#endif
