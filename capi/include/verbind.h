/*
 * verbind.h: the stable C ABI of verbind (libverbind.so).
 *
 * One header, C99. Conventions (docs/c-api.md tells the whole story):
 *
 *  - Every fallible function returns a vb_status_t; results come back
 *    through out-parameters. Handle out-parameters are set to NULL when a
 *    call fails, so a failed call never leaves a handle to free.
 *  - After a failure, vb_last_error_message() names what was wrong (the
 *    function, the record, the field, the value). The message is
 *    thread-local. A successful call leaves it as it was, like errno: read
 *    it only right after a call that did not return VB_OK.
 *  - Handles are opaque. What vb_*_new / vb_*_read / vb_graph_from_* give
 *    you, you free with the matching vb_*_free, which accepts NULL.
 *  - Strings are NUL-terminated UTF-8. The library copies every string it
 *    is given; nothing you pass needs to outlive the call. Dates are
 *    ISO-8601 calendar dates, "YYYY-MM-DD".
 *  - Options structs begin with `size_t struct_size` and are filled by
 *    their vb_*_options_init, which records sizeof your struct. Fields are
 *    only ever appended. A struct_size of 0 or below the first published
 *    size is refused (VB_ERROR_INVALID_ARGUMENT). A larger struct_size (a
 *    program built against a newer verbind.h) is accepted, and this
 *    library reads only the fields it knows; later fields are ignored.
 *  - No function crashes on a NULL handle or pointer: functions returning
 *    vb_status_t report VB_ERROR_INVALID_ARGUMENT, count and query
 *    functions return 0, free functions do nothing.
 *  - Threads: a vb_network_t has a single writer (no two calls on the same
 *    network at once if one of them changes it). A vb_graph_t is immutable
 *    and may be read from any number of threads at once.
 */
#ifndef VERBIND_H
#define VERBIND_H

#include <stddef.h>
#include <stdint.h>

/* The one export macro: on ELF platforms the library is built with
 * -fvisibility=hidden, so only VB_API declarations are exported. */
#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(VB_BUILDING_LIBRARY)
#    define VB_API __declspec(dllexport)
#  else
#    define VB_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define VB_API __attribute__((visibility("default")))
#else
#  define VB_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------
 * Version
 * ------------------------------------------------------------------------ */

/* The version of this header. vb_version() gives the library's, which may
 * be newer (same major version: the soname guarantees the ABI). */
#define VB_VERSION_MAJOR 0
#define VB_VERSION_MINOR 1
#define VB_VERSION_PATCH 0
#define VB_VERSION_STRING "0.1.0"
#define VB_VERSION_NUMBER (VB_VERSION_MAJOR * 1000000 + VB_VERSION_MINOR * 1000 + VB_VERSION_PATCH)

/* The library's version, "MAJOR.MINOR.PATCH". Static storage. */
VB_API const char *vb_version(void);

/* The library's version as MAJOR * 1000000 + MINOR * 1000 + PATCH. */
VB_API int vb_version_number(void);

/* ------------------------------------------------------------------------
 * Status codes and errors
 * ------------------------------------------------------------------------ */

/* These values are fixed forever: codes are never renumbered or reused;
 * new codes, if any, are appended after the last one. */
typedef enum vb_status {
    VB_OK = 0,
    VB_ERROR_INVALID_ARGUMENT = 1, /* a NULL, bad value, duplicate key, ... */
    VB_ERROR_NOT_FOUND = 2,        /* an unknown actor, event or node key */
    VB_ERROR_PARSE = 3,            /* a file or text that does not parse */
    VB_ERROR_IO = 4,               /* a file that cannot be read or written */
    VB_ERROR_NO_MEMORY = 5,
    VB_ERROR_CANCELLED = 6, /* a progress callback asked to stop */
    VB_ERROR_INTERNAL = 7   /* a bug in verbind: please report it */
} vb_status_t;

/* A short English name for a status code ("invalid argument"); static
 * storage; "unknown status" for a value that is not a vb_status_t. */
VB_API const char *vb_status_string(vb_status_t status);

/* The message of the last failed call on this thread, for example
 * "vb_network_add_tie: tie 'r1' - 'r9' field 'b': unknown actor 'r9'".
 * "" when no call on this thread has failed (or after
 * vb_clear_last_error). Valid until the next failing call on this thread. */
VB_API const char *vb_last_error_message(void);

/* Forgets this thread's last error message. */
VB_API void vb_clear_last_error(void);

/* ------------------------------------------------------------------------
 * Opaque handles
 * ------------------------------------------------------------------------ */

/* The mutable domain model: residents, organisations, dated ties, events,
 * attendance. Single writer. */
typedef struct vb_network vb_network_t;

/* An immutable graph snapshot: nodes 0..n-1, each with a key. */
typedef struct vb_graph vb_graph_t;

/* ------------------------------------------------------------------------
 * Network: creating and freeing
 * ------------------------------------------------------------------------ */

VB_API vb_status_t vb_network_new(vb_network_t **out);

/* Frees a network and everything in it. NULL-safe. Graphs taken from it
 * stay valid (they are snapshots). */
VB_API void vb_network_free(vb_network_t *net);

/* A deep copy of `net`. */
VB_API vb_status_t vb_network_copy(const vb_network_t *net, vb_network_t **out);

/* ------------------------------------------------------------------------
 * Network: adding
 *
 * Every add validates all its input first and changes nothing when it
 * fails: VB_ERROR_INVALID_ARGUMENT for bad values (malformed date, empty or
 * non-UTF-8 label, negative weight, tie to oneself) and duplicate keys,
 * VB_ERROR_NOT_FOUND for unknown keys. Keys and labels must be non-empty
 * UTF-8 without control characters or leading/trailing blanks; list items
 * (talents, groups, organisers) may not contain ';'.
 * ------------------------------------------------------------------------ */

/* Adds a resident. `neighbourhood` may be NULL (not known). */
VB_API vb_status_t vb_network_add_resident(vb_network_t *net, const char *key, const char *neighbourhood);

/* Adds an organisation of `kind` ("library", "welfare", ...).
 * `neighbourhood` may be NULL. */
VB_API vb_status_t vb_network_add_organisation(vb_network_t *net, const char *key, const char *kind,
                                               const char *neighbourhood);

/* Adds a tie of `kind` ("knows", "member_of", ...) between two actors,
 * active from `since` (an ISO date, or NULL: since always). Ties are
 * undirected in the model; a directed view reads them as a -> b. */
VB_API vb_status_t vb_network_add_tie(vb_network_t *net, const char *a, const char *b, const char *kind,
                                      const char *since);

/* Adds an event on `date` (ISO, required) of `kind` ("iftar", "Keti Koti",
 * ...). `neighbourhood` may be NULL. */
VB_API vb_status_t vb_network_add_event(vb_network_t *net, const char *key, const char *date, const char *kind,
                                        const char *neighbourhood);

/* Records that `actor` attended `event`, brought along by `brought_by`
 * (NULL or "": came on their own, or not known). */
VB_API vb_status_t vb_network_attend(vb_network_t *net, const char *event, const char *actor,
                                     const char *brought_by);

/* Adds `actor` to the organisers of `event`. */
VB_API vb_status_t vb_network_add_organiser(vb_network_t *net, const char *event, const char *actor);

/* All attributes of a resident. A NULL string means "not known"; a NULL
 * array is allowed only with a count of 0. */
typedef struct vb_resident_options {
    size_t struct_size;
    const char *neighbourhood;
    const char *municipality;
    const char *const *talents; /* talent and interest tags */
    size_t talent_count;
    const char *const *groups; /* declared groups; see vb_network_mark_sensitive */
    size_t group_count;
    int key_figure;         /* non-zero: a key figure (sleutelfiguur) */
    const char *trained_on; /* ISO date of the key-figure training, or NULL */
} vb_resident_options_t;

/* Fills `options` with defaults (all unknown, not a key figure). */
VB_API void vb_resident_options_init(vb_resident_options_t *options);

/* Adds a resident with all attributes; `options` may be NULL (defaults). */
VB_API vb_status_t vb_network_add_resident_ex(vb_network_t *net, const char *key,
                                              const vb_resident_options_t *options);

typedef struct vb_organisation_options {
    size_t struct_size;
    const char *neighbourhood;
    const char *municipality;
    const char *const *talents; /* what the organisation offers */
    size_t talent_count;
} vb_organisation_options_t;

VB_API void vb_organisation_options_init(vb_organisation_options_t *options);

/* Adds an organisation of `kind` with all attributes; `options` may be
 * NULL. */
VB_API vb_status_t vb_network_add_organisation_ex(vb_network_t *net, const char *key, const char *kind,
                                                  const vb_organisation_options_t *options);

/* A tie is active on the days in [since, until); a NULL bound is open. */
typedef struct vb_tie_options {
    size_t struct_size;
    const char *since;
    const char *until;
    double weight; /* finite, >= 0; default 1 */
} vb_tie_options_t;

VB_API void vb_tie_options_init(vb_tie_options_t *options);

/* Adds a tie with all attributes; `options` may be NULL (open, weight 1).
 * A second tie between the same pair with the same kind and `since` is a
 * duplicate (VB_ERROR_INVALID_ARGUMENT). */
VB_API vb_status_t vb_network_add_tie_ex(vb_network_t *net, const char *a, const char *b, const char *kind,
                                         const vb_tie_options_t *options);

typedef struct vb_event_options {
    size_t struct_size;
    const char *neighbourhood;
    const char *municipality;
    const char *const *organisers; /* actor keys */
    size_t organiser_count;
} vb_event_options_t;

VB_API void vb_event_options_init(vb_event_options_t *options);

/* Adds an event with all attributes; `options` may be NULL. */
VB_API vb_status_t vb_network_add_event_ex(vb_network_t *net, const char *key, const char *date,
                                           const char *kind, const vb_event_options_t *options);

/* Marks a declared group as special-category data (GDPR art. 9), for
 * example a declared LGBTI+ identity: exports leave it out unless asked
 * for with include_sensitive. */
VB_API vb_status_t vb_network_mark_sensitive(vb_network_t *net, const char *group);

/* ------------------------------------------------------------------------
 * Network: removing (erasure)
 * ------------------------------------------------------------------------ */

/* Removes an actor and every trace of them: ties, organiser entries and
 * attendance (people they brought keep their attendance, without
 * brought_by). VB_ERROR_NOT_FOUND for an unknown key. */
VB_API vb_status_t vb_network_remove(vb_network_t *net, const char *actor);

/* Removes an event with its attendance. */
VB_API vb_status_t vb_network_remove_event(vb_network_t *net, const char *event);

/* ------------------------------------------------------------------------
 * Network: looking up (a NULL network or key gives 0)
 * ------------------------------------------------------------------------ */

VB_API size_t vb_network_actor_count(const vb_network_t *net);
VB_API size_t vb_network_resident_count(const vb_network_t *net);
VB_API size_t vb_network_organisation_count(const vb_network_t *net);
VB_API size_t vb_network_tie_count(const vb_network_t *net);
VB_API size_t vb_network_event_count(const vb_network_t *net);
VB_API size_t vb_network_attendance_count(const vb_network_t *net);

/* 1 when the network has an actor (event) with this key, else 0. */
VB_API int vb_network_has_actor(const vb_network_t *net, const char *key);
VB_API int vb_network_has_event(const vb_network_t *net, const char *key);

/* ------------------------------------------------------------------------
 * Network: files (layouts in docs/data-formats.md)
 *
 * Reads are atomic: a bad record fails the whole read with VB_ERROR_PARSE
 * and a message naming file, line, field and value. Writes leave groups
 * marked sensitive out unless include_sensitive is non-zero.
 * ------------------------------------------------------------------------ */

/* A folder of CSV files: actors.csv, ties.csv, events.csv, attendance.csv,
 * sensitive_groups.csv. */
VB_API vb_status_t vb_network_read_csv(const char *folder, vb_network_t **out);
VB_API vb_status_t vb_network_write_csv(const vb_network_t *net, const char *folder, int include_sensitive);

/* One JSON document. */
VB_API vb_status_t vb_network_read_json(const char *path, vb_network_t **out);
VB_API vb_status_t vb_network_write_json(const vb_network_t *net, const char *path, int include_sensitive);

/* A folder is read as CSV, anything else as JSON. */
VB_API vb_status_t vb_network_read(const char *path, vb_network_t **out);

/* Adds a CSV folder's (a JSON document's) records to an existing network,
 * all or nothing: on failure `net` is exactly as before. */
VB_API vb_status_t vb_network_import_csv(vb_network_t *net, const char *folder);
VB_API vb_status_t vb_network_import_json(vb_network_t *net, const char *path);

/* ------------------------------------------------------------------------
 * Network: ready-made networks
 * ------------------------------------------------------------------------ */

/* The sample pilot programme (Lelystad, Almere, Groningen, Amsterdam-West,
 * 2022): about 2,000 residents. Same seed, same network, on every
 * platform. */
VB_API vb_status_t vb_network_sample_programme(uint64_t seed, vb_network_t **out);

/* Davis, Gardner & Gardner (1941): 18 women, 14 events, 89 attendances. */
VB_API vb_status_t vb_network_davis_southern_women(vb_network_t **out);

/* ------------------------------------------------------------------------
 * Graphs
 * ------------------------------------------------------------------------ */

/* What to do when the same edge (or actor pair) appears more than once. */
typedef enum vb_merge {
    VB_MERGE_ERROR = 0, /* refuse */
    VB_MERGE_SUM = 1,   /* add the weights */
    VB_MERGE_MAX = 2,   /* keep the largest weight */
    VB_MERGE_MIN = 3,   /* keep the smallest weight */
    VB_MERGE_FIRST = 4  /* keep the first record's weight */
} vb_merge_t;

/* What to do with an edge from a node to itself. */
typedef enum vb_self_loops {
    VB_SELF_LOOPS_ERROR = 0, /* refuse */
    VB_SELF_LOOPS_DROP = 1   /* leave it out */
} vb_self_loops_t;

/* Which graph to take from a network. */
typedef struct vb_view_options {
    size_t struct_size;
    /* Tie kinds to include (none: all). With co_attendance, event kinds. */
    const char *const *kinds;
    size_t kind_count;
    /* Time window [start, end) as ISO dates, NULL for an open bound: ties
     * active on some day in it; with co_attendance, events dated in it. */
    const char *start;
    const char *end;
    /* Keep only actors in these neighbourhoods (none: all). */
    const char *const *neighbourhoods;
    size_t neighbourhood_count;
    int residents_only; /* non-zero: drop organisations */
    /* Non-zero: two actors who attended the same event are tied, weight =
     * number of shared events; ties are then not used. */
    int co_attendance;
    /* Non-zero: tie a-b gives arc a->b only (ignored with co_attendance,
     * which is always undirected). */
    int directed;
    /* Several ties between one pair: how to combine weights (default
     * VB_MERGE_MAX; VB_MERGE_ERROR refuses such pairs). */
    vb_merge_t merge;
} vb_view_options_t;

/* Defaults: all kinds, all time, all neighbourhoods, organisations
 * included, ties (not co-attendance), undirected, VB_MERGE_MAX. */
VB_API void vb_view_options_init(vb_view_options_t *options);

/* Takes a graph snapshot of `net`; `options` may be NULL (defaults). Nodes
 * are the actors that pass the filters, in the network's order, isolated
 * ones included; node keys are actor keys. */
VB_API vb_status_t vb_graph_from_network(const vb_network_t *net, const vb_view_options_t *options,
                                         vb_graph_t **out);

typedef struct vb_edge_list_options {
    size_t struct_size;
    int directed;               /* default 0 */
    vb_merge_t duplicates;      /* default VB_MERGE_ERROR */
    vb_self_loops_t self_loops; /* default VB_SELF_LOOPS_ERROR */
} vb_edge_list_options_t;

VB_API void vb_edge_list_options_init(vb_edge_list_options_t *options);

/* A graph with nodes 0..node_count-1 and edges src[i] - dst[i] (src[i] ->
 * dst[i] when directed), weights[i] (NULL: all 1; finite and >= 0).
 * Duplicate edges and self-loops are refused. The arrays may be NULL when
 * edge_count is 0. Node keys are the decimal indices ("0", "1", ...). */
VB_API vb_status_t vb_graph_from_edges(size_t node_count, size_t edge_count, const uint32_t *src,
                                       const uint32_t *dst, const double *weights, int directed,
                                       vb_graph_t **out);

/* As vb_graph_from_edges, with policies for duplicates and self-loops;
 * `options` may be NULL (defaults). */
VB_API vb_status_t vb_graph_from_edges_v2(size_t node_count, size_t edge_count, const uint32_t *src,
                                          const uint32_t *dst, const double *weights,
                                          const vb_edge_list_options_t *options, vb_graph_t **out);

/* Reads an edge-list file: `a b` or `a b weight` per line, `#` comments.
 * Node keys are the labels, indexed in order of first appearance.
 * `options` may be NULL (defaults). */
VB_API vb_status_t vb_graph_read_edgelist(const char *path, const vb_edge_list_options_t *options,
                                          vb_graph_t **out);

/* NULL-safe. */
VB_API void vb_graph_free(vb_graph_t *graph);

/* Counts and flags; a NULL graph gives 0. Undirected: number of edges;
 * directed: number of arcs. */
VB_API size_t vb_graph_node_count(const vb_graph_t *graph);
VB_API size_t vb_graph_edge_count(const vb_graph_t *graph);
VB_API int vb_graph_is_directed(const vb_graph_t *graph);
VB_API int vb_graph_is_weighted(const vb_graph_t *graph);

/* Bytes used by the structure and weights (keys excluded), and by keys. */
VB_API size_t vb_graph_memory_bytes(const vb_graph_t *graph);
VB_API size_t vb_graph_key_memory_bytes(const vb_graph_t *graph);

/* Degree of `node` (directed: out-degree), and in-degree (undirected: the
 * degree). VB_ERROR_INVALID_ARGUMENT for a node not below node_count. */
VB_API vb_status_t vb_graph_degree(const vb_graph_t *graph, uint32_t node, size_t *out);
VB_API vb_status_t vb_graph_in_degree(const vb_graph_t *graph, uint32_t node, size_t *out);

/* Weight of the edge u - v (directed: u -> v); VB_ERROR_NOT_FOUND when
 * there is none. */
VB_API vb_status_t vb_graph_edge_weight(const vb_graph_t *graph, uint32_t u, uint32_t v, double *out);

/* Copies the edges into caller arrays of `capacity` entries (at least
 * vb_graph_edge_count; VB_ERROR_INVALID_ARGUMENT otherwise, writing
 * nothing). Undirected graphs list each edge once with src < dst; edges are
 * ordered by (src, dst). `weights` may be NULL; unweighted graphs give 1. */
VB_API vb_status_t vb_graph_edges(const vb_graph_t *graph, size_t capacity, uint32_t *src, uint32_t *dst,
                                  double *weights);

/* The node with this key; VB_ERROR_NOT_FOUND when there is none. */
VB_API vb_status_t vb_graph_index(const vb_graph_t *graph, const char *key, uint32_t *out);

/* Copies the key of `node` into `buffer` like snprintf: at most
 * buffer_size - 1 bytes and a terminating NUL (nothing when buffer_size is
 * 0; `buffer` may then be NULL). `*length` (may be NULL) receives the
 * key's full length in bytes, without the NUL: the copy was complete when
 * *length < buffer_size. A cut copy is still VB_OK, and may end inside a
 * multi-byte character. */
VB_API vb_status_t vb_graph_key(const vb_graph_t *graph, uint32_t node, char *buffer, size_t buffer_size,
                                size_t *length);

/* ------------------------------------------------------------------------
 * Social map: centrality, brokerage, communities, mixing, fragility (capi/socialmap.cpp)
 * ------------------------------------------------------------------------ */
/* @section socialmap */
/* @end socialmap */

/* ------------------------------------------------------------------------
 * Reach: hops, cascades, spread, influence maximisation, temporal reach (capi/reach.cpp)
 * ------------------------------------------------------------------------ */
/* @section reach */
/* @end reach */

/* ------------------------------------------------------------------------
 * Matchmaking: introductions, assignment, stable matching, tables (capi/match.cpp)
 * ------------------------------------------------------------------------ */
/* @section match */
/* @end match */

/* ------------------------------------------------------------------------
 * Store and privacy: SQLite persistence, pseudonymisation, suppression, GraphML (capi/store.cpp)
 * ------------------------------------------------------------------------ */
/* @section store */
/* @end store */

/* ------------------------------------------------------------------------
 * Options structs that outlive a library upgrade
 *
 * The vb_*_options_init functions above fill sizeof the struct as this
 * library knows it. The macros below make every call from C pass sizeof
 * *your* struct instead, so a program built against this header stays
 * correct when it runs with a later libverbind whose structs have grown:
 * the library then fills only what your struct holds. The functions remain
 * callable by name (for example from a foreign-function interface), as
 * (vb_view_options_init)(&options).
 * ------------------------------------------------------------------------ */

VB_API void vb_resident_options_init_sized(vb_resident_options_t *options, size_t struct_size);
VB_API void vb_organisation_options_init_sized(vb_organisation_options_t *options, size_t struct_size);
VB_API void vb_tie_options_init_sized(vb_tie_options_t *options, size_t struct_size);
VB_API void vb_event_options_init_sized(vb_event_options_t *options, size_t struct_size);
VB_API void vb_view_options_init_sized(vb_view_options_t *options, size_t struct_size);
VB_API void vb_edge_list_options_init_sized(vb_edge_list_options_t *options, size_t struct_size);

#define vb_resident_options_init(options) vb_resident_options_init_sized((options), sizeof *(options))
#define vb_organisation_options_init(options) vb_organisation_options_init_sized((options), sizeof *(options))
#define vb_tie_options_init(options) vb_tie_options_init_sized((options), sizeof *(options))
#define vb_event_options_init(options) vb_event_options_init_sized((options), sizeof *(options))
#define vb_view_options_init(options) vb_view_options_init_sized((options), sizeof *(options))
#define vb_edge_list_options_init(options) vb_edge_list_options_init_sized((options), sizeof *(options))

#ifdef __cplusplus
}
#endif

#endif /* VERBIND_H */
