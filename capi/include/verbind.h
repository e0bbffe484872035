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
 * be newer: libverbind.so.1 keeps the 1.0 ABI for every 1.x (same major
 * version, same soname; docs/abi-policy.md). */
#define VB_VERSION_MAJOR 1
#define VB_VERSION_MINOR 0
#define VB_VERSION_PATCH 0
#define VB_VERSION_STRING "1.0.0"
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

/* Frees a string the library allocated for the caller (the social map's
 * JSON, the report's HTML; docs/abi-policy.md, "Results and freeing").
 * NULL: nothing to do. A pointer the library did not hand out, or has
 * freed already, is not touched: VB_ERROR_INVALID_ARGUMENT. Handles are
 * freed by their own vb_<type>_free. */
VB_API vb_status_t vb_free(void *pointer);

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

/* Records that `actor` attended `event`, brought along by `brought_by`
 * (NULL or "": came on their own, or not known). */
VB_API vb_status_t vb_network_attend(vb_network_t *net, const char *event, const char *actor, const char *brought_by);

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

/* Adds a resident; `options` may be NULL (defaults: nothing known). */
VB_API vb_status_t vb_network_add_resident(vb_network_t *net, const char *key, const vb_resident_options_t *options);

typedef struct vb_organisation_options {
    size_t struct_size;
    const char *neighbourhood;
    const char *municipality;
    const char *const *talents; /* what the organisation offers */
    size_t talent_count;
} vb_organisation_options_t;

VB_API void vb_organisation_options_init(vb_organisation_options_t *options);

/* Adds an organisation of `kind` ("library", "welfare", ...); `options`
 * may be NULL (defaults). */
VB_API vb_status_t vb_network_add_organisation(vb_network_t *net, const char *key, const char *kind,
                                               const vb_organisation_options_t *options);

/* A tie is active on the days in [since, until); a NULL bound is open. */
typedef struct vb_tie_options {
    size_t struct_size;
    const char *since;
    const char *until;
    double weight; /* finite, >= 0; default 1 */
} vb_tie_options_t;

VB_API void vb_tie_options_init(vb_tie_options_t *options);

/* Adds a tie of `kind` ("knows", "member_of", ...) between two actors;
 * `options` may be NULL (open, weight 1). Ties are undirected in the
 * model; a directed view reads them as a -> b. A second tie between the
 * same pair with the same kind and `since` is a duplicate
 * (VB_ERROR_INVALID_ARGUMENT). */
VB_API vb_status_t vb_network_add_tie(vb_network_t *net, const char *a, const char *b, const char *kind,
                                      const vb_tie_options_t *options);

typedef struct vb_event_options {
    size_t struct_size;
    const char *neighbourhood;
    const char *municipality;
    const char *const *organisers; /* actor keys */
    size_t organiser_count;
} vb_event_options_t;

VB_API void vb_event_options_init(vb_event_options_t *options);

/* Adds an event on `date` (ISO, required) of `kind` ("iftar", "Keti
 * Koti", ...); `options` may be NULL (defaults). */
VB_API vb_status_t vb_network_add_event(vb_network_t *net, const char *key, const char *date, const char *kind,
                                        const vb_event_options_t *options);

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
 * and a message naming file, line, field and value. Writes leave sensitive
 * data (marked groups, events and tie kinds, and the lists of marks) out
 * unless include_sensitive is non-zero. Writes are atomic: the target is
 * replaced as a whole (a temporary file or sibling folder swapped in) or left
 * exactly as it was (docs/data-formats.md, "Writing files").
 * ------------------------------------------------------------------------ */

/* The options of every writer of a network (CSV, JSON, GraphML); fill it
 * with vb_export_options_init (defaults from the C++ ExportOptions). */
typedef struct vb_export_options {
    size_t struct_size;
    /* Non-zero: write sensitive data too (marked groups, events and tie
     * kinds, and the lists of marks); default 0: left out. */
    int include_sensitive;
} vb_export_options_t;

VB_API void vb_export_options_init_sized(vb_export_options_t *options, size_t struct_size);
#define vb_export_options_init(options) vb_export_options_init_sized((options), sizeof *(options))

/* A folder of CSV files: actors.csv, ties.csv, events.csv, attendance.csv,
 * and with include_sensitive the sensitive_*.csv lists of marks. An existing
 * folder holding any other file is not replaced (VB_ERROR_IO). `options`
 * may be NULL (defaults). */
VB_API vb_status_t vb_network_write_csv(const vb_network_t *net, const char *folder,
                                        const vb_export_options_t *options);

/* One JSON document. */
VB_API vb_status_t vb_network_read_json(const char *path, vb_network_t **out);
VB_API vb_status_t vb_network_write_json(const vb_network_t *net, const char *path,
                                         const vb_export_options_t *options);

/* A folder is read as CSV, anything else as JSON. */
VB_API vb_status_t vb_network_read(const char *path, vb_network_t **out);

/* Adds a JSON document's records to an existing network, all or nothing:
 * on failure `net` is exactly as before. */
VB_API vb_status_t vb_network_import_json(vb_network_t *net, const char *path);

/* How vb_network_read_csv and vb_network_import_csv read a
 * municipality's own spreadsheets (docs/data-formats.md, "Spreadsheets from
 * Excel"): Excel's delimiters, encodings, booleans (TRUE, ja, waar, 1, ...),
 * dates (05-03-2022, 2022-01-05 00:00:00, ...) and decimal commas (1,5).
 * Columns the layout does not know are ignored and named in a warning. */
typedef struct vb_csv_options {
    size_t struct_size;
    /* 0 (default): each file's own, found from its header row (',', ';' or
     * a tab, outside quotes); otherwise ',', ';' or '\t' for every file. */
    char delimiter;
    /* NULL or "utf-8" (default; a byte order mark is skipped), "cp1252"
     * (Windows-1252, Excel's "CSV (puntkomma-gescheiden)") or "latin-1". */
    const char *encoding;
    /* 1 (default): 05-03-2022 is 5 March (dd-mm-yyyy); 0: 3 May
     * (mm-dd-yyyy). ISO dates are not affected. */
    int dayfirst;
    /* Renames of the file's headers: column_from[i] is read as column_to[i]
     * (a column of the layout), in the file column_files[i] ("actors.csv"
     * or "actors") or, when column_files is NULL or column_files[i] is NULL
     * or "", in every file that has that column. The arrays may be NULL
     * when column_count is 0. */
    size_t column_count;
    const char *const *column_files;
    const char *const *column_from;
    const char *const *column_to;
    /* Called once per warning (a file's ignored columns, a rename that
     * matched no header), on the calling thread, after a successful read
     * and before the call returns; NULL: warnings are dropped. */
    void (*warning)(const char *message, void *user_data);
    void *warning_data;
    /* Appended: called on the calling thread with the fraction of the
     * folder's bytes read (at most every ~0.1 s, and 1 at the end); a zero
     * return cancels with VB_ERROR_CANCELLED and nothing is read (import:
     * the network is exactly as before). NULL: no progress. The same type as
     * vb_progress_fn. */
    int (*progress)(double fraction, void *user_data);
    void *progress_data;
} vb_csv_options_t;

VB_API void vb_csv_options_init_sized(vb_csv_options_t *options, size_t struct_size);
#define vb_csv_options_init(options) vb_csv_options_init_sized((options), sizeof *(options))

/* Reads a folder of CSV files (actors.csv, ties.csv, events.csv,
 * attendance.csv); `options` may be NULL (the defaults). Import adds the
 * folder's records to an existing network, all or nothing: on failure
 * `net` is exactly as before. */
VB_API vb_status_t vb_network_read_csv(const char *folder, const vb_csv_options_t *options, vb_network_t **out);
VB_API vb_status_t vb_network_import_csv(vb_network_t *net, const char *folder, const vb_csv_options_t *options);

/* ------------------------------------------------------------------------
 * Network: ready-made networks
 * ------------------------------------------------------------------------ */

/* The options of the sample programme; fill it with
 * vb_sample_options_init (defaults from the C++ SampleOptions). */
typedef struct vb_sample_options {
    size_t struct_size;
    uint64_t seed; /* default 2022 */
    double scale;  /* residents, times about 2,000; in (0, 1000], default 1 */
} vb_sample_options_t;

VB_API void vb_sample_options_init_sized(vb_sample_options_t *options, size_t struct_size);
#define vb_sample_options_init(options) vb_sample_options_init_sized((options), sizeof *(options))

/* The sample pilot programme (Lelystad, Almere, Groningen, Amsterdam-West,
 * 2022): about 2,000 residents. Same seed, same network, on every
 * platform. `options` may be NULL (defaults). */
VB_API vb_status_t vb_network_sample_programme(const vb_sample_options_t *options, vb_network_t **out);

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
    /* Default 0: leave out ties of sensitive kinds and, with co_attendance,
     * sensitive events, as every other reader of a network does; non-zero
     * keeps them (docs/privacy.md). A caller whose struct ends before this
     * field gets the default. */
    int include_sensitive;
} vb_view_options_t;

/* Defaults: all kinds, all time, all neighbourhoods, organisations
 * included, ties (not co-attendance), undirected, VB_MERGE_MAX, sensitive
 * tie kinds and events left out. */
VB_API void vb_view_options_init(vb_view_options_t *options);

/* Takes a graph snapshot of `net`; `options` may be NULL (defaults). Nodes
 * are the actors that pass the filters, in the network's order, isolated
 * ones included; node keys are actor keys. */
VB_API vb_status_t vb_graph_from_network(const vb_network_t *net, const vb_view_options_t *options, vb_graph_t **out);

typedef struct vb_edge_list_options {
    size_t struct_size;
    int directed;               /* default 0 */
    vb_merge_t duplicates;      /* default VB_MERGE_ERROR */
    vb_self_loops_t self_loops; /* default VB_SELF_LOOPS_ERROR */
    /* vb_graph_read_edgelist only (later fields: set through the _init macro). */
    /* 0 (default): no weights, columns after the second are ignored (a SNAP
     * temporal file `1 2 1217567877` is unweighted); 2 or more: that column
     * (0-based: 2 is the third) holds the weights. */
    int weight_column;
    /* 0 (default): per file (',' or ';' when the first line has one, else
     * spaces and tabs); ' ' (blanks), '\t', ',' or ';'. */
    char delimiter;
    /* 0 (default): detect a header line (`source target`, or text names
     * above integer labels); 1: skip the first line (a header, or a METIS
     * `n m` line); 2: no header. */
    int header;
    /* NULL (default): lines starting with '#' or '%' are comments; "": none;
     * else the comment characters. */
    const char *comments;
    /* Appended: NULL (default) or called with the fraction of the file's
     * bytes read, then 1 once the graph is built; returning 0 cancels
     * (VB_ERROR_CANCELLED, no graph). The same type as vb_progress_fn. */
    int (*progress)(double fraction, void *user_data);
    void *progress_data; /* passed to progress */
} vb_edge_list_options_t;

VB_API void vb_edge_list_options_init(vb_edge_list_options_t *options);

/* A graph with nodes 0..node_count-1 and edges src[i] - dst[i] (src[i] ->
 * dst[i] when options->directed), weights[i] (NULL: all 1; finite and >=
 * 0). `options` may be NULL (defaults: undirected, duplicate edges and
 * self-loops refused); its directed, duplicates and self_loops apply, the
 * reader's fields are ignored. The arrays may be NULL when edge_count is
 * 0. Node keys are the decimal indices ("0", "1", ...). */
VB_API vb_status_t vb_graph_from_edges(size_t node_count, size_t edge_count, const uint32_t *src, const uint32_t *dst,
                                       const double *weights, const vb_edge_list_options_t *options,
                                       vb_graph_t **out);

/* Reads an edge-list file: `a b` or `a b weight` per line, `#` comments.
 * Node keys are the labels as written. When every label is an integer
 * (ASCII digits), nodes are numbered in ascending order of value (a file
 * numbered 0..n-1 gives node == label; `7` and `07` in one file are
 * VB_ERROR_PARSE naming both lines), else in order of first appearance.
 * `options` may be NULL (defaults). */
VB_API vb_status_t vb_graph_read_edgelist(const char *path, const vb_edge_list_options_t *options, vb_graph_t **out);

/* NULL-safe. */
VB_API void vb_graph_free(vb_graph_t *graph);

/* The binary graph file (docs/data-formats.md, "Binary graph file"; a
 * ".vbg"): the graph's arrays with a versioned header and a checksum.
 * vb_graph_save writes `graph` to `path`, replacing it atomically
 * (VB_ERROR_IO when it cannot be written). vb_graph_load maps the file
 * read-only (processes on one machine share one copy in memory) and
 * checks its checksum and structure: VB_ERROR_IO when it cannot be opened,
 * VB_ERROR_PARSE naming the file and the header field or array when it is
 * not a graph file, of a newer version, truncated or damaged.
 * vb_graph_load_unverified skips the checksum (the structure is still
 * checked: a damaged file cannot crash, but may load as another graph). */
VB_API vb_status_t vb_graph_save(const vb_graph_t *graph, const char *path);
VB_API vb_status_t vb_graph_load(const char *path, vb_graph_t **out);
VB_API vb_status_t vb_graph_load_unverified(const char *path, vb_graph_t **out);

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

/* The nodes with these keys in one call: out[i] is the node of keys[i]
 * (`out` holds `count` entries; both may be NULL when count is 0). All or
 * nothing: an unknown key gives VB_ERROR_NOT_FOUND naming it and its
 * position in `keys`, with `out` untouched. This is the key-based form of
 * every call that takes nodes (vb_hop_reach, vb_spread, the candidates and
 * fixed of vb_influence_options_t, vb_graph_degree, ...): look the keys up
 * here, pass the indices there. */
VB_API vb_status_t vb_graph_indices(const vb_graph_t *graph, const char *const *keys, size_t count, uint32_t *out);

/* Copies the key of `node` into `buffer` like snprintf: at most
 * buffer_size - 1 bytes and a terminating NUL (nothing when buffer_size is
 * 0; `buffer` may then be NULL). `*length` (may be NULL) receives the
 * key's full length in bytes, without the NUL: the copy was complete when
 * *length < buffer_size. A cut copy is still VB_OK, and may end inside a
 * multi-byte character. */
VB_API vb_status_t vb_graph_key(const vb_graph_t *graph, uint32_t node, char *buffer, size_t buffer_size,
                                size_t *length);

/* A progress callback for long work: receives the fraction done in [0, 1]
 * and returns non-zero to go on, 0 to cancel (the call then returns
 * VB_ERROR_CANCELLED). Called only from the thread that made the call. */
typedef int (*vb_progress_fn)(double fraction, void *user_data);

/* ------------------------------------------------------------------------
 * Social map: centrality, brokerage, communities, mixing, fragility (capi/socialmap.cpp)
 * ------------------------------------------------------------------------ */
/* @section socialmap */

/* Per-node measures, each as networkx's function of the same meaning (see
 * docs/socialmap.md). Results are identical for any thread count. */
typedef enum vb_centrality {
    VB_CENTRALITY_DEGREE = 0,        /* degree_centrality */
    VB_CENTRALITY_BETWEENNESS = 1,   /* betweenness_centrality (Brandes) */
    VB_CENTRALITY_CLOSENESS = 2,     /* closeness_centrality, wf_improved */
    VB_CENTRALITY_HARMONIC = 3,      /* harmonic_centrality */
    VB_CENTRALITY_PAGERANK = 4,      /* pagerank */
    VB_CENTRALITY_EIGENVECTOR = 5,   /* eigenvector_centrality */
    VB_CENTRALITY_CONSTRAINT = 6,    /* Burt's constraint (NaN: no neighbours) */
    VB_CENTRALITY_EFFECTIVE_SIZE = 7 /* Burt's effective size (NaN: no neighbours) */
} vb_centrality_t;

typedef struct vb_centrality_options {
    size_t struct_size;
    /* -1 (default): the measure's default, which is 1 for PageRank and
     * eigenvector and 0 for the others; 0: every tie counts 1; 1: use the
     * weights (as distances for betweenness, closeness and harmonic). */
    int weighted;
    int normalized;                /* betweenness; default 1 */
    size_t samples;                /* betweenness: k sampled sources (1..n); 0 (default): all */
    uint64_t seed;                 /* betweenness samples; default: the library's fixed seed */
    unsigned threads;              /* 0 (default): all cores */
    double damping;                /* PageRank; default 0.85 */
    const double *personalization; /* PageRank: NULL (uniform) or node_count values >= 0 */
    double tol;                    /* PageRank and eigenvector; default 1e-10 */
    size_t max_iter;               /* PageRank and eigenvector; default 1000 */
    /* Appended after 0.1's first draft: betweenness, closeness, harmonic and
     * PageRank report progress here (NULL: none); returning 0 cancels the
     * call, which then returns VB_ERROR_CANCELLED. */
    vb_progress_fn progress;
    void *progress_data; /* passed to progress */
} vb_centrality_options_t;

VB_API void vb_centrality_options_init_sized(vb_centrality_options_t *options, size_t struct_size);
#define vb_centrality_options_init(options) vb_centrality_options_init_sized((options), sizeof *(options))

/* Writes one value per node into `values` (vb_graph_node_count entries).
 * `options` may be NULL (defaults). */
VB_API vb_status_t vb_centrality(const vb_graph_t *graph, vb_centrality_t measure,
                                 const vb_centrality_options_t *options, double *values);

/* k-core number per node (networkx.core_number) into `cores`. */
VB_API vb_status_t vb_core_number(const vb_graph_t *graph, uint32_t *cores);

/* Connected (directed: weakly connected) components: a label per node,
 * numbered by lowest node, into `labels`; `count` (may be NULL) receives
 * the number of components. */
VB_API vb_status_t vb_components(const vb_graph_t *graph, uint32_t *labels, size_t *count);

/* Articulation points, sorted, into `points` (capacity entries; the node
 * count always suffices). `*count` receives how many there are; when that
 * exceeds capacity nothing is written and VB_ERROR_INVALID_ARGUMENT is
 * returned. Undirected graphs only. */
VB_API vb_status_t vb_articulation_points(const vb_graph_t *graph, size_t capacity, uint32_t *points, size_t *count);

/* Bridges as pairs (u[i], v[i]) with u < v, sorted; capacity as above (the
 * edge count always suffices). Undirected graphs only. */
VB_API vb_status_t vb_bridges(const vb_graph_t *graph, size_t capacity, uint32_t *u, uint32_t *v, size_t *count);

typedef enum vb_community_method {
    VB_COMMUNITY_LEIDEN = 0, /* Traag, Waltman & van Eck 2019 */
    VB_COMMUNITY_LOUVAIN = 1 /* Blondel et al. 2008 */
} vb_community_method_t;

typedef struct vb_community_options {
    size_t struct_size;
    vb_community_method_t method; /* default VB_COMMUNITY_LEIDEN */
    double resolution;            /* default 1 */
    uint64_t seed;                /* default: the library's fixed seed */
    unsigned threads;             /* accepted; labels never depend on it */
    vb_progress_fn progress;      /* appended: may be NULL; return 0 to cancel */
    void *progress_data;          /* passed to progress */
} vb_community_options_t;

VB_API void vb_community_options_init_sized(vb_community_options_t *options, size_t struct_size);
#define vb_community_options_init(options) vb_community_options_init_sized((options), sizeof *(options))

/* A community label per node (0..k-1, numbered by lowest node) into
 * `labels`; `count` (may be NULL) receives k. Undirected graphs. */
VB_API vb_status_t vb_communities(const vb_graph_t *graph, const vb_community_options_t *options, uint32_t *labels,
                                  size_t *count);

/* Modularity of `labels` (one per node), as networkx.community.modularity. */
VB_API vb_status_t vb_modularity(const vb_graph_t *graph, const uint32_t *labels, double resolution, double *out);

/* Mixing over group labels 0..G-1, one per node. The E-I index (NaN
 * without ties); per group into `values` (capacity >= largest label + 1;
 * `count` receives that number); the baseline under random relabelling
 * (any out-parameter may be NULL); networkx's attribute assortativity. */
VB_API vb_status_t vb_ei_index(const vb_graph_t *graph, const uint32_t *groups, double *out);
VB_API vb_status_t vb_ei_index_per_group(const vb_graph_t *graph, const uint32_t *groups, size_t capacity,
                                         double *values, size_t *count);
VB_API vb_status_t vb_assortativity(const vb_graph_t *graph, const uint32_t *groups, double *out);

/* Labels in these functions are names, not sizes: any uint32_t values
 * (0xFFFFFFFF included) are accepted and compacted in O(n) memory, except
 * in vb_ei_index_per_group, whose output is indexed by label (every label
 * must then be below the node count). */

/* The options of vb_expected_ei_index (below). */
typedef struct vb_expected_ei_options {
    size_t struct_size;
    size_t permutations;     /* default 1000, at least 1 */
    uint64_t seed;           /* default: the library's fixed seed */
    unsigned threads;        /* 0 (default): all cores; the result does not depend on it */
    vb_progress_fn progress; /* may be NULL; called at least every ~0.1 s; return 0 to cancel */
    void *progress_data;
} vb_expected_ei_options_t;

VB_API void vb_expected_ei_options_init_sized(vb_expected_ei_options_t *options, size_t struct_size);
#define vb_expected_ei_options_init(options) vb_expected_ei_options_init_sized((options), sizeof *(options))

/* What vb_expected_ei_index writes. Without ties (no edges, or only
 * undirected self-loops) E-I is undefined: every value is NaN and
 * permutations is 0 (the same in C++ and Python). The caller sets
 * struct_size (vb_expected_ei_init) before the call; the library writes only
 * the fields that fit in it, so a program built against this header keeps
 * working when fields are appended. */
typedef struct vb_expected_ei {
    size_t struct_size;
    double observed;
    double expected;
    double std_dev;
    double analytic;
    double p_value;
    size_t permutations;
} vb_expected_ei_t;

#define vb_expected_ei_init(result) ((void)((result)->struct_size = sizeof *(result)))

/* `options` may be NULL (defaults). VB_ERROR_CANCELLED when the progress
 * callback returns 0 (then `out` is left as it was). */
VB_API vb_status_t vb_expected_ei_index(const vb_graph_t *graph, const uint32_t *groups,
                                        const vb_expected_ei_options_t *options, vb_expected_ei_t *out);

typedef struct vb_social_map_options {
    size_t struct_size;
    const char *municipality;  /* NULL or "" (default): all */
    const char *neighbourhood; /* NULL or "" (default): all */
    const char *start;         /* ties active from this date (YYYY-MM-DD); NULL: no bound */
    const char *end;           /* ... until before this date; NULL: no bound */
    size_t top;                /* entries per ranked section; default 10 */
    uint64_t seed;             /* communities; default: the library's fixed seed */
    unsigned threads;          /* 0 (default): all cores */
    /* Counts of people by group or neighbourhood below min_cell (default 10,
     * at least 1), and those needed to keep them from being worked out, are
     * published as null with "suppressed": true (see docs/privacy.md). */
    size_t min_cell;
    vb_progress_fn progress; /* may be NULL; return 0 to cancel */
    void *progress_data;     /* passed to progress */
    /* Non-zero: ties of sensitive kinds count too (default 0: a member_of tie
     * to an LGBTI+ organisation can reveal what a declared group would). */
    int include_sensitive;
} vb_social_map_options_t;

VB_API void vb_social_map_options_init_sized(vb_social_map_options_t *options, size_t struct_size);
#define vb_social_map_options_init(options) vb_social_map_options_init_sized((options), sizeof *(options))

/* The social map of a network as a JSON document (the same fields as
 * Python's SocialMap.to_dict(); see docs/socialmap.md). `options` may be
 * NULL (the defaults). `*json` receives a NUL-terminated string to free
 * with vb_free. */
VB_API vb_status_t vb_social_map_json(const vb_network_t *net, const vb_social_map_options_t *options, char **json);

/* @end socialmap */

/* ------------------------------------------------------------------------
 * Reach: hops, cascades, spread, influence maximisation, temporal reach (capi/reach.cpp)
 * ------------------------------------------------------------------------ */
/* @section reach */

/* The options of vb_hop_reach; fill it with vb_hop_options_init
 * (defaults from the C++ HopOptions). */
typedef struct vb_hop_options {
    size_t struct_size;
    /* Stop after this many hops (nodes further away count as unreached);
     * < 0 (default -1): no limit. */
    int64_t hops;
} vb_hop_options_t;

VB_API void vb_hop_options_init_sized(vb_hop_options_t *options, size_t struct_size);
#define vb_hop_options_init(options) vb_hop_options_init_sized((options), sizeof *(options))

/* Hop distance from the nearest seed for every node, along out-arcs
 * (undirected: edges); -1 when unreached. `options` may be NULL
 * (defaults). `distances` must hold vb_graph_node_count(graph) entries.
 * Direction-optimising BFS. */
VB_API vb_status_t vb_hop_reach(const vb_graph_t *graph, const uint32_t *seeds, size_t seed_count,
                                const vb_hop_options_t *options, int32_t *distances);

typedef enum vb_diffusion_model {
    VB_MODEL_INDEPENDENT_CASCADE = 0,
    VB_MODEL_LINEAR_THRESHOLD = 1
} vb_diffusion_model_t;

/* Where arc probabilities come from (undirected graphs: two arcs per edge). */
typedef enum vb_probability {
    VB_PROBABILITY_WEIGHTED_CASCADE = 0, /* p(u,v) = 1 / in-degree(v) */
    VB_PROBABILITY_UNIFORM = 1,          /* uniform_probability on every arc */
    VB_PROBABILITY_WEIGHTS = 2           /* the edge weights, each in [0, 1] */
} vb_probability_t;

typedef struct vb_spread_options {
    size_t struct_size;
    vb_diffusion_model_t model;   /* default independent cascade */
    vb_probability_t probability; /* default weighted cascade */
    double uniform_probability;   /* with VB_PROBABILITY_UNIFORM; default 0.1 */
    size_t runs;                  /* default 10000 */
    uint64_t seed;                /* default: the library's fixed default seed */
    unsigned threads;             /* 0: all cores; the result does not depend on it */
    vb_progress_fn progress;      /* may be NULL */
    void *progress_data;
} vb_spread_options_t;

VB_API void vb_spread_options_init(vb_spread_options_t *options);

/* What vb_spread writes; the caller sets struct_size (vb_spread_init). */
typedef struct vb_spread {
    size_t struct_size;
    double mean; /* expected people reached, seeds included */
    double standard_error;
    double low; /* 95% interval: mean -/+ 1.96 standard errors */
    double high;
} vb_spread_t;

#define vb_spread_init(result) ((void)((result)->struct_size = sizeof *(result)))

/* Expected number of people the seeds reach (seeds included), by Monte
 * Carlo. `options` may be NULL (defaults). */
VB_API vb_status_t vb_spread(const vb_graph_t *graph, const uint32_t *seeds, size_t seed_count,
                             const vb_spread_options_t *options, vb_spread_t *out);

typedef struct vb_influence_options {
    size_t struct_size;
    vb_diffusion_model_t model;
    vb_probability_t probability;
    double uniform_probability;
    double epsilon; /* in (0, 1); default 0.1 */
    double delta;   /* in (0, 1); 0 (default): 1 / node count */
    uint64_t seed;
    unsigned threads;
    const uint32_t *candidates; /* who may be chosen; NULL: everyone */
    size_t candidate_count;
    const uint32_t *fixed; /* already active; their reach is given */
    size_t fixed_count;
    const uint32_t *groups; /* NULL, or a group label 0..G-1 per node: the fair (maximin) variant */
    vb_progress_fn progress;
    void *progress_data;
    /* appended: refuse (VB_ERROR_INVALID_ARGUMENT, with the estimate) rather
     * than hold more than this many bytes of reverse-reachable sets;
     * default 4 GiB (4294967296), at least 1 */
    size_t max_memory_bytes;
} vb_influence_options_t;

VB_API void vb_influence_options_init(vb_influence_options_t *options);

/* Seeds chosen by vb_influence_max. */
typedef struct vb_influence vb_influence_t;

/* Chooses k seeds with OPIM-C (Tang, Tang, Xiao & Yuan, SIGMOD 2018): a
 * (1 - 1/e - epsilon)-approximation with probability 1 - delta. With
 * groups, the group-fair maximin variant (Tsang et al., IJCAI 2019), which
 * certifies no ratio (approximation is NaN); see docs/reach.md. */
VB_API vb_status_t vb_influence_max(const vb_graph_t *graph, size_t k, const vb_influence_options_t *options,
                                    vb_influence_t **out);
VB_API void vb_influence_free(vb_influence_t *result);
VB_API size_t vb_influence_seed_count(const vb_influence_t *result);
/* Copies the seeds, in selection order, into `seeds` (capacity >= count). */
VB_API vb_status_t vb_influence_seeds(const vb_influence_t *result, size_t capacity, uint32_t *seeds);
/* Certified lower bounds (probability >= 1 - delta) on the expected reach
 * of seeds and fixed together, and beyond what the fixed reach alone; the
 * certified ratio. 0 for a NULL result. */
VB_API double vb_influence_spread_lower_bound(const vb_influence_t *result);
VB_API double vb_influence_extra_spread_lower_bound(const vb_influence_t *result);
VB_API double vb_influence_approximation(const vb_influence_t *result);
/* With groups: the estimated fraction of group `group` reached. */
VB_API vb_status_t vb_influence_group_reach(const vb_influence_t *result, uint32_t group, double *out);
/* Reverse-reachable sets drawn (both halves; all ranks together for a
 * distributed call). 0 for a NULL result. */
VB_API size_t vb_influence_rr_sets(const vb_influence_t *result);

/* ---------------------------------------------------------------------------
 * Distributed computation (docs/reach.md, "Across a cluster (MPI)")
 *
 * Several processes ("ranks") compute one result together: each calls the
 * same vb_collective_* function with the same graph and options and its own
 * vb_collective_t, and each gets the whole result, identical on every rank
 * (integer counts are combined as integers, so influence maximisation and
 * spread give exactly the single-process result for any number of ranks).
 * libverbind.so never calls MPI: the callbacks below carry the messages.
 * libverbind_mpi.so (verbind_mpi.h, pkg-config verbind-mpi) fills them from
 * an MPI communicator. A bad input on one rank gives the same error on
 * every rank ("rank R: ..."), never a hang, as long as every rank makes the
 * call. Every callback returns 0 on success, non-zero on failure (the call
 * then fails with VB_ERROR_IO naming the callback and, when given,
 * error_message's text).
 * ------------------------------------------------------------------------- */
typedef enum vb_collective_type {
    VB_COLLECTIVE_U64 = 0, /* uint64_t */
    VB_COLLECTIVE_F64 = 1  /* double */
} vb_collective_type_t;

typedef enum vb_collective_op {
    VB_COLLECTIVE_SUM = 0,
    VB_COLLECTIVE_MIN = 1,
    VB_COLLECTIVE_MAX = 2
} vb_collective_op_t;

typedef struct vb_collective {
    size_t struct_size; /* sizeof(vb_collective_t) (vb_collective_init) */
    void *context;      /* passed to every callback */
    unsigned rank;      /* this process, in [0, size) */
    unsigned size;      /* the number of ranks, >= 1 */
    /* In place: values[i] becomes op over every rank's values[i]; count
     * is the same on every rank (MPI_Allreduce with MPI_IN_PLACE). */
    int (*allreduce)(void *context, void *values, size_t count, vb_collective_type_t type, vb_collective_op_t op);
    /* Every rank's `mine` (mine_bytes bytes) concatenated in rank order into
     * `all` on every rank; bytes[r] is rank r's mine_bytes (the same array on
     * every rank) and `all` holds their sum (MPI_Allgatherv). */
    int (*allgatherv)(void *context, const void *mine, size_t mine_bytes, void *all, const size_t *bytes);
    /* The root's `count` bytes on every rank (MPI_Bcast). */
    int (*broadcast)(void *context, void *bytes, size_t count, unsigned root);
    /* May be NULL: a text for a callback's non-zero return value. With
     * size 0 (a collective that could not be made), error_message(context,
     * 0) says why, and the call fails with VB_ERROR_INVALID_ARGUMENT and
     * that text. */
    const char *(*error_message)(void *context, int error);
} vb_collective_t;

/* Zeroes the struct and sets struct_size (C; C++ sets the fields itself). */
#define vb_collective_init(collective) \
  ((void)(*(collective) = (vb_collective_t){sizeof(vb_collective_t), NULL, 0, 0, NULL, NULL, NULL, NULL}))

/* vb_influence_max computed by every rank of `collective` together
 * (reverse-reachable sets split over the ranks; with options->groups the
 * fair variant). Every rank gets the same result, identical to
 * vb_influence_max's. The ranks must agree on the graph, k and options
 * (checked: "ranks disagree on k: rank 0 has 5, rank 2 has 6"). */
VB_API vb_status_t vb_collective_influence_max(const vb_graph_t *graph, size_t k,
                                               const vb_influence_options_t *options,
                                               const vb_collective_t *collective, vb_influence_t **out);
/* vb_spread computed by every rank of `collective` together (the runs split
 * over the ranks); the same result as vb_spread on every rank. */
VB_API vb_status_t vb_collective_spread(const vb_graph_t *graph, const uint32_t *seeds, size_t seed_count,
                                        const vb_spread_options_t *options, const vb_collective_t *collective,
                                        vb_spread_t *out);
/* vb_centrality's betweenness, closeness and harmonic computed by every
 * rank of `collective` together (the sources split over the ranks; see
 * docs/socialmap.md "Across a cluster"). Every rank writes the same values:
 * betweenness and harmonic equal vb_centrality's to about 1e-12 relative,
 * closeness exactly (bit-identical with one rank). The ranks must agree on
 * the graph and options (checked: "ranks disagree on samples: rank 0 has 50,
 * rank 2 has 60"). */
VB_API vb_status_t vb_collective_betweenness(const vb_graph_t *graph, const vb_centrality_options_t *options,
                                             const vb_collective_t *collective, double *values);
VB_API vb_status_t vb_collective_closeness(const vb_graph_t *graph, const vb_centrality_options_t *options,
                                           const vb_collective_t *collective, double *values);
VB_API vb_status_t vb_collective_harmonic(const vb_graph_t *graph, const vb_centrality_options_t *options,
                                          const vb_collective_t *collective, double *values);

/* Observed bring-along cascades (docs/reach.md has the definitions). */
typedef struct vb_cascades vb_cascades_t;

/* Every option of vb_cascades; fill it with vb_cascade_options_init
 * (defaults from the C++ CascadeOptions). */
typedef struct vb_cascade_options {
    size_t struct_size;
    const char *start; /* ISO date; NULL or "" (default): open */
    const char *end;   /* exclusive; NULL or "" (default): open */
    /* Non-zero: sensitive events count too (default 0: they are left out,
     * as if they had not happened). */
    int include_sensitive;
} vb_cascade_options_t;

VB_API void vb_cascade_options_init_sized(vb_cascade_options_t *options, size_t struct_size);
#define vb_cascade_options_init(options) vb_cascade_options_init_sized((options), sizeof *(options))
#define vb_cascade_totals_init(result) ((void)((result)->struct_size = sizeof *(result)))
#define vb_event_cascade_init(result) ((void)((result)->struct_size = sizeof *(result)))
#define vb_cascade_link_init(result) ((void)((result)->struct_size = sizeof *(result)))
#define vb_cascade_bringer_init(result) ((void)((result)->struct_size = sizeof *(result)))

/* Events dated in [start, end). `options` may be NULL (defaults). */
VB_API vb_status_t vb_cascades(const vb_network_t *net, const vb_cascade_options_t *options, vb_cascades_t **out);
VB_API void vb_cascades_free(vb_cascades_t *cascades);

/* The result structs below are filled by the library: set struct_size to
 * sizeof the struct before the call (the library writes only the fields
 * that fit in it; docs/abi-policy.md, "Results and freeing"). */
typedef struct vb_cascade_totals {
    size_t struct_size;
    size_t attendances;
    size_t newcomers;         /* first attendance in the network's history */
    size_t newcomers_brought; /* newcomers someone brought along */
    double bring_along_rate;  /* newcomers_brought / attendances */
    double newcomer_share;    /* newcomers / attendances */
    uint32_t generations;     /* deepest bring-along chain in an event series */
} vb_cascade_totals_t;

VB_API vb_status_t vb_cascades_totals(const vb_cascades_t *cascades, vb_cascade_totals_t *out);

/* One event. Strings stay valid until vb_cascades_free. */
typedef struct vb_event_cascade {
    size_t struct_size;
    const char *event;
    size_t attendees;
    size_t brought;
    size_t newcomers;
    size_t newcomers_brought;
    double newcomer_share;
    double bring_along_rate;
    uint32_t generations;
} vb_event_cascade_t;

VB_API size_t vb_cascades_event_count(const vb_cascades_t *cascades);
VB_API vb_status_t vb_cascades_event(const vb_cascades_t *cascades, size_t index, vb_event_cascade_t *out);

/* One attendance in an event's bring-along tree (vb_event_cascade_t's
 * attendees, in attendance order). Strings stay valid until
 * vb_cascades_free; brought_by is NULL for a root of the tree. */
typedef struct vb_cascade_link {
    size_t struct_size;
    const char *actor;
    const char *brought_by;
    uint32_t generation; /* 0 for a root */
    int newcomer;        /* 1: their first attendance in the network's history */
} vb_cascade_link_t;

VB_API vb_status_t vb_cascades_event_link(const vb_cascades_t *cascades, size_t event_index, size_t link_index,
                                          vb_cascade_link_t *out);

/* People who brought others, most newcomers first. actor stays valid until
 * vb_cascades_free. */
typedef struct vb_cascade_bringer {
    size_t struct_size;
    const char *actor;
    size_t newcomers_brought;
    size_t brought;
} vb_cascade_bringer_t;

VB_API size_t vb_cascades_bringer_count(const vb_cascades_t *cascades);
VB_API vb_status_t vb_cascades_bringer(const vb_cascades_t *cascades, size_t index, vb_cascade_bringer_t *out);

/* Contact records (`t i j` per line, SocioPatterns format), time-sorted.
 * People are numbered as vb_graph_read_edgelist numbers nodes. */
typedef struct vb_contacts vb_contacts_t;

VB_API vb_status_t vb_contacts_read(const char *path, vb_contacts_t **out);
VB_API void vb_contacts_free(vb_contacts_t *contacts);
VB_API size_t vb_contacts_count(const vb_contacts_t *contacts);
VB_API size_t vb_contacts_node_count(const vb_contacts_t *contacts);
/* The index of the person labelled `key`; VB_ERROR_NOT_FOUND if none. */
VB_API vb_status_t vb_contacts_index(const vb_contacts_t *contacts, const char *key, uint32_t *out);
/* As vb_graph_indices, for contacts: the key-based form of the seeds of
 * vb_temporal_reach_contacts and the node of vb_temporal_arrival. */
VB_API vb_status_t vb_contacts_indices(const vb_contacts_t *contacts, const char *const *keys, size_t count,
                                       uint32_t *out);

/* Earliest arrival over time-respecting paths. */
typedef struct vb_temporal vb_temporal_t;

/* The options of temporal reach over contacts; fill it with
 * vb_temporal_options_init (defaults from the C++ TemporalOptions). */
typedef struct vb_temporal_options {
    size_t struct_size;
    int64_t start;    /* the seeds hold it at this time (default 0) */
    int has_end;      /* non-zero: only contacts before `end` count (default 0: no end) */
    int64_t end;      /* exclusive; read only with has_end */
    int64_t max_wait; /* < 0 (default -1): no limit */
} vb_temporal_options_t;

VB_API void vb_temporal_options_init_sized(vb_temporal_options_t *options, size_t struct_size);
#define vb_temporal_options_init(options) vb_temporal_options_init_sized((options), sizeof *(options))

/* Over contacts: only contacts with start <= t (< end) count. `options`
 * may be NULL (defaults). */
VB_API vb_status_t vb_temporal_reach_contacts(const vb_contacts_t *contacts, const uint32_t *seeds, size_t seed_count,
                                              const vb_temporal_options_t *options, vb_temporal_t **out);
/* Every option of temporal reach over a network; fill it with
 * vb_temporal_network_options_init (defaults from the C++
 * NetworkTemporalOptions). */
typedef struct vb_temporal_network_options {
    size_t struct_size;
    const char *start; /* required: "YYYY-MM-DD", when the seeds hold it (default NULL: refused) */
    const char *end;   /* exclusive; NULL or "" (default): the day after the last dated record */
    int64_t max_wait;  /* in days; < 0 (default -1): no limit */
    /* Non-zero: sensitive events and ties of sensitive kinds carry people
     * along too (default 0: they carry nobody). */
    int include_sensitive;
} vb_temporal_network_options_t;

VB_API void vb_temporal_network_options_init(vb_temporal_network_options_t *options);
VB_API void vb_temporal_network_options_init_sized(vb_temporal_network_options_t *options, size_t struct_size);
#define vb_temporal_network_options_init(options) vb_temporal_network_options_init_sized((options), sizeof *(options))
/* Over a network's dated ties and events. Times in the result are days
 * since 1970-01-01; nodes are the network's actors in order. `options`
 * must set start (NULL options: start is missing,
 * VB_ERROR_INVALID_ARGUMENT). */
VB_API vb_status_t vb_temporal_reach_network(const vb_network_t *net, const char *const *seeds, size_t seed_count,
                                             const vb_temporal_network_options_t *options, vb_temporal_t **out);
VB_API void vb_temporal_free(vb_temporal_t *result);
VB_API size_t vb_temporal_node_count(const vb_temporal_t *result);
/* Arrival time of `node`; VB_ERROR_NOT_FOUND when it was never reached. */
VB_API vb_status_t vb_temporal_arrival(const vb_temporal_t *result, uint32_t node, int64_t *time);
/* The reach curve: point i is (time, people reached by then). The caller
 * sets struct_size (vb_temporal_point_init). */
typedef struct vb_temporal_point {
    size_t struct_size;
    int64_t time;
    size_t reached;
} vb_temporal_point_t;

#define vb_temporal_point_init(result) ((void)((result)->struct_size = sizeof *(result)))

VB_API size_t vb_temporal_curve_length(const vb_temporal_t *result);
VB_API vb_status_t vb_temporal_curve_point(const vb_temporal_t *result, size_t index, vb_temporal_point_t *out);

VB_API void vb_spread_options_init_sized(vb_spread_options_t *options, size_t struct_size);
VB_API void vb_influence_options_init_sized(vb_influence_options_t *options, size_t struct_size);
#define vb_spread_options_init(options) vb_spread_options_init_sized((options), sizeof *(options))
#define vb_influence_options_init(options) vb_influence_options_init_sized((options), sizeof *(options))

/* @end reach */

/* ------------------------------------------------------------------------
 * Matchmaking: introductions, assignment, stable matching, tables (capi/match.cpp)
 * ------------------------------------------------------------------------ */
/* @section match */

/* --- Assignment (docs/match.md) ------------------------------------------ */

/* Chosen (row, column) pairs, ordered by row then column. */
typedef struct vb_assignment vb_assignment_t;

/* The linear sum assignment problem with the semantics of scipy's
 * linear_sum_assignment. `cost` is rows x cols, row-major; +INFINITY marks a
 * forbidden pair (maximize non-zero: -INFINITY). The smaller side is matched
 * fully. VB_ERROR_INVALID_ARGUMENT for NaN, the other infinity, or "cost
 * matrix is infeasible". `cost` may be NULL when rows * cols == 0. */
VB_API vb_status_t vb_linear_assignment(const double *cost, size_t rows, size_t cols, int maximize,
                                        vb_assignment_t **out);

typedef struct vb_assign_options {
    size_t struct_size;
    /* Capacities: count 0 (NULL): 1 each; count 1: the same for all; else
     * one per row (column). Each must be >= 0. */
    const int64_t *row_capacity;
    size_t row_capacity_count;
    const int64_t *col_capacity;
    size_t col_capacity_count;
    int maximize; /* non-zero: maximum total instead of minimum */
} vb_assign_options_t;

/* Capacitated assignment as a minimum-cost flow: row i in at most
 * row_capacity[i] pairs, column j in at most col_capacity[j], each pair at
 * most once; the side with the smaller total capacity is used fully at
 * minimum (maximum) total cost. `options` may be NULL (unit capacities).
 * VB_ERROR_INVALID_ARGUMENT for NaN, negative capacities, or when forbidden
 * pairs make it infeasible. */
VB_API vb_status_t vb_assign(const double *cost, size_t rows, size_t cols, const vb_assign_options_t *options,
                             vb_assignment_t **out);

VB_API size_t vb_assignment_count(const vb_assignment_t *assignment);
/* Copies the pairs into the caller's arrays: row rows[k] is matched to
 * column cols[k], ordered by row. `capacity` must be at least
 * vb_assignment_count (the size query); either array may be NULL. */
VB_API vb_status_t vb_assignment_pairs(const vb_assignment_t *assignment, size_t capacity, int64_t *rows,
                                       int64_t *cols);
VB_API double vb_assignment_total(const vb_assignment_t *assignment);
VB_API void vb_assignment_free(vb_assignment_t *assignment);

/* --- Introductions (docs/match.md) ---------------------------------------- */

typedef struct vb_introduction_options {
    size_t struct_size;
    size_t per_person;        /* default 2 */
    int64_t limit;            /* < 0: no limit (default -1) */
    const char *municipality; /* NULL: all */
    const char *start;        /* window [start, end) as ISO dates, NULL: open */
    const char *end;
    size_t min_shared; /* default 1 */
    uint64_t seed;     /* default: verbind's fixed default seed */
    unsigned threads;  /* 0: all cores; the result does not depend on it */
    /* Non-zero lets ties of sensitive kinds count as "already
     * tied" and as `via` (default 0). */
    int include_sensitive;
} vb_introduction_options_t;

/* Suggested introductions, best first. */
typedef struct vb_introduction_list vb_introductions_t;

VB_API vb_status_t vb_introductions(const vb_network_t *net, const vb_introduction_options_t *options,
                                    vb_introductions_t **out);
VB_API size_t vb_introductions_count(const vb_introductions_t *intros);
/* Fields of suggestion i; strings are valid until the handle is freed. NULL
 * (or 0) for a NULL handle or i out of range. */
VB_API const char *vb_introduction_a(const vb_introductions_t *intros, size_t i);
VB_API const char *vb_introduction_b(const vb_introductions_t *intros, size_t i);
VB_API double vb_introduction_score(const vb_introductions_t *intros, size_t i);

/* The lists of a suggestion. */
typedef enum vb_introduction_list_kind {
    VB_INTRODUCTION_SHARED_TALENTS = 0,
    VB_INTRODUCTION_BRIDGES = 1,
    VB_INTRODUCTION_VIA = 2
} vb_introduction_list_kind_t;

/* The length of list `list` of suggestion i, and its item k (valid until
 * the handle is freed). VB_ERROR_INVALID_ARGUMENT for a NULL handle or
 * out-parameter, i or k out of range, or `list` outside the enumeration. */
VB_API vb_status_t vb_introduction_list_count(const vb_introductions_t *intros, size_t i,
                                              vb_introduction_list_kind_t list, size_t *count);
VB_API vb_status_t vb_introduction_list_item(const vb_introductions_t *intros, size_t i,
                                             vb_introduction_list_kind_t list, size_t k, const char **item);
VB_API void vb_introductions_free(vb_introductions_t *intros);
/* Why via item k of suggestion i could make the introduction: "mutual
 * contact", "shared organisation" or "key figure in both neighbourhoods"
 * (docs/match.md, "Who could introduce them"). NULL for a NULL handle or i
 * or k out of range (a suggestion without via: no one in the data can
 * introduce them). Valid until the handle is freed. */
VB_API const char *vb_introduction_via_reason(const vb_introductions_t *intros, size_t i, size_t k);

/* --- Buddy pairs: stable matching (docs/match.md) ------------------------- */

/* One person's ranked list: keys of the other side, best first. Someone left
 * out is unacceptable to `owner`. Lists must be mutual: when a proposer ranks
 * a reviewer, the reviewer ranks the proposer, and the other way round. */
typedef struct vb_preference_list {
    const char *owner;
    const char *const *ranked;
    size_t ranked_count;
} vb_preference_list_t;

typedef struct vb_stable_options {
    size_t struct_size;
    int64_t capacity; /* places of every reviewer not listed below; default 1 */
    /* Reviewers with a capacity of their own: capacity_count keys in
     * capacity_reviewers, their places in capacities (same order). */
    const char *const *capacity_reviewers;
    const int64_t *capacities;
    size_t capacity_count;
} vb_stable_options_t;

/* A proposer and the reviewer they are matched to (NULL: unmatched), or a
 * blocking (proposer, reviewer) pair. */
typedef struct vb_match_pair {
    const char *proposer;
    const char *reviewer;
} vb_match_pair_t;

/* A list of pairs owned by the library. */
typedef struct vb_match_pair_list vb_match_pairs_t;

/* Proposer-optimal stable matching (Gale-Shapley deferred acceptance with
 * reviewer capacities): one pair per proposer, in proposer order.
 * `options` may be NULL (capacity 1 each). VB_ERROR_INVALID_ARGUMENT, naming
 * the person, for lists that are not mutual, unknown or repeated names, a
 * list owner given twice, unknown reviewers in the capacities, or negative
 * capacities. */
VB_API vb_status_t vb_stable_match(const vb_preference_list_t *proposer_prefs, size_t proposer_count,
                                   const vb_preference_list_t *reviewer_prefs, size_t reviewer_count,
                                   const vb_stable_options_t *options, vb_match_pairs_t **out);

/* The (proposer, reviewer) pairs that block `matching` (matching_count
 * pairs; the items of a vb_stable_match result will do): mutually
 * acceptable, the proposer prefers the reviewer to their partner (or has
 * none), and the reviewer has a free place or prefers the proposer to one it
 * holds. None: the matching is stable. Ordered by proposer, then by the
 * proposer's ranking. Proposers missing from `matching` count as unmatched.
 * VB_ERROR_INVALID_ARGUMENT as vb_stable_match, and for a matching that names
 * unknown people, pairs people who did not rank each other, or overfills a
 * reviewer. */
VB_API vb_status_t vb_blocking_pairs(const vb_preference_list_t *proposer_prefs, size_t proposer_count,
                                     const vb_preference_list_t *reviewer_prefs, size_t reviewer_count,
                                     const vb_match_pair_t *matching, size_t matching_count,
                                     const vb_stable_options_t *options, vb_match_pairs_t **out);

VB_API size_t vb_match_pairs_count(const vb_match_pairs_t *pairs);
/* Pair i's proposer and reviewer; valid until the handle is freed. NULL for
 * a NULL handle or i out of range. */
VB_API const char *vb_match_pairs_proposer(const vb_match_pairs_t *pairs, size_t i);
VB_API const char *vb_match_pairs_reviewer(const vb_match_pairs_t *pairs, size_t i);
VB_API void vb_match_pairs_free(vb_match_pairs_t *pairs);

/* --- Tables at an event (docs/match.md) ----------------------------------- */

typedef struct vb_table_options {
    size_t struct_size;
    size_t size;   /* wanted table size, >= 2; default 8 */
    uint64_t seed; /* default: verbind's fixed default seed */
} vb_table_options_t;

/* The tables of one seating. */
typedef struct vb_table_list vb_tables_t;

/* Splits the attendees of `event` into tables of about options->size that
 * mix declared groups while everyone shares a talent with someone at their
 * table. `options` may be NULL. VB_ERROR_NOT_FOUND for an unknown event,
 * VB_ERROR_INVALID_ARGUMENT for a size below 2. An event without attendees
 * gives no tables. */
VB_API vb_status_t vb_tables(const vb_network_t *net, const char *event, const vb_table_options_t *options,
                             vb_tables_t **out);
VB_API size_t vb_tables_count(const vb_tables_t *tables);
/* The lists of a table. */
typedef enum vb_table_list_kind {
    VB_TABLE_MEMBERS = 0,
    VB_TABLE_SHARED_TALENTS = 1,
    VB_TABLE_UNCONNECTED = 2
} vb_table_list_kind_t;

/* The length of list `list` of table i, and its item k (valid until the
 * handle is freed). VB_ERROR_INVALID_ARGUMENT for a NULL handle or
 * out-parameter, i or k out of range, or `list` outside the enumeration. */
VB_API vb_status_t vb_table_list_count(const vb_tables_t *tables, size_t i, vb_table_list_kind_t list, size_t *count);
VB_API vb_status_t vb_table_list_item(const vb_tables_t *tables, size_t i, vb_table_list_kind_t list, size_t k,
                                      const char **item);
/* Distinct non-sensitive declared groups at table i, and that number over
 * the distinct groups in the room (1 when the room has none). */
VB_API size_t vb_table_groups(const vb_tables_t *tables, size_t i);
VB_API double vb_table_group_mix(const vb_tables_t *tables, size_t i);
VB_API void vb_tables_free(vb_tables_t *tables);

VB_API void vb_assign_options_init_sized(vb_assign_options_t *options, size_t struct_size);
VB_API void vb_introduction_options_init_sized(vb_introduction_options_t *options, size_t struct_size);
VB_API void vb_stable_options_init_sized(vb_stable_options_t *options, size_t struct_size);
VB_API void vb_table_options_init_sized(vb_table_options_t *options, size_t struct_size);
#define vb_assign_options_init(options) vb_assign_options_init_sized((options), sizeof *(options))
#define vb_introduction_options_init(options) vb_introduction_options_init_sized((options), sizeof *(options))
#define vb_stable_options_init(options) vb_stable_options_init_sized((options), sizeof *(options))
#define vb_table_options_init(options) vb_table_options_init_sized((options), sizeof *(options))

/* @end match */

/* ------------------------------------------------------------------------
 * Store and privacy: SQLite persistence, pseudonymisation, suppression, GraphML (capi/store.cpp)
 * ------------------------------------------------------------------------ */
/* @section store */

/* --- Whole networks in a SQLite file (docs/store.md) --------------------- */

/* Writes `net` to the SQLite store at `path` (created if missing; an
 * existing verbind store is replaced) in one transaction. Everything is
 * stored, sensitive data included. VB_ERROR_IO for a read-only place, a full
 * disk, a file that is not a verbind store or is from a newer verbind; the
 * file is then unchanged. */
VB_API vb_status_t vb_network_save(const vb_network_t *net, const char *path);

/* Reads a network from a store written by vb_network_save or a vb_store_t;
 * the file is not changed. The content is checked against the checksum
 * stored with it (schema version 3 on). VB_ERROR_IO for a missing, corrupt
 * (damaged, cut short, changed by another program: "the file is corrupt"),
 * truncated or newer file, VB_ERROR_PARSE for rows of a file from before
 * checksums that break the model's rules. */
VB_API vb_status_t vb_network_load(const char *path, vb_network_t **out);

/* The schema version this library writes (PRAGMA user_version). */
VB_API int vb_store_schema_version(void);

/* --- Sensitive events and tie kinds (docs/privacy.md) -------------------- */

/* Marks an event as special-category: exports leave it, its organiser
 * entries and its attendance out unless include_sensitive is non-zero.
 * VB_ERROR_NOT_FOUND for an unknown event. */
VB_API vb_status_t vb_network_mark_sensitive_event(vb_network_t *net, const char *event);

/* Marks a tie kind as special-category: exports leave ties of this kind
 * out unless include_sensitive is non-zero. The kind need not exist yet. */
VB_API vb_status_t vb_network_mark_sensitive_tie_kind(vb_network_t *net, const char *kind);

/* --- A store kept open ----------------------------------------------------- */

/* A network held in memory and in a SQLite file; every change is written
 * through as one small transaction. On any failure neither changes. One
 * thread at a time per handle. */
typedef struct vb_store vb_store_t;

/* Opens (or creates) the store at `path`, migrating an older schema.
 * VB_ERROR_IO for a file or folder that cannot be written (refused here, not
 * at the first change) or a corrupt file. What another connection commits
 * is read in before each change and by vb_store_network. */
VB_API vb_status_t vb_store_open(const char *path, vb_store_t **out);

/* Closes the file and frees the handle. NULL-safe. */
VB_API void vb_store_free(vb_store_t *store);

/* A copy of the stored network (free it with vb_network_free). */
VB_API vb_status_t vb_store_network(const vb_store_t *store, vb_network_t **out);

/* As the vb_network_add_*_ex functions (options may be NULL), written through. */
VB_API vb_status_t vb_store_add_resident(vb_store_t *store, const char *key, const vb_resident_options_t *options);
VB_API vb_status_t vb_store_add_organisation(vb_store_t *store, const char *key, const char *kind,
                                             const vb_organisation_options_t *options);
VB_API vb_status_t vb_store_add_tie(vb_store_t *store, const char *a, const char *b, const char *kind,
                                    const vb_tie_options_t *options);
VB_API vb_status_t vb_store_add_event(vb_store_t *store, const char *key, const char *date, const char *kind,
                                      const vb_event_options_t *options);
VB_API vb_status_t vb_store_add_organiser(vb_store_t *store, const char *event, const char *actor);
VB_API vb_status_t vb_store_attend(vb_store_t *store, const char *event, const char *actor, const char *brought_by);
VB_API vb_status_t vb_store_mark_sensitive(vb_store_t *store, const char *group);
VB_API vb_status_t vb_store_mark_sensitive_event(vb_store_t *store, const char *event);
VB_API vb_status_t vb_store_mark_sensitive_tie_kind(vb_store_t *store, const char *kind);

/* Erasure (GDPR art. 17): removes the actor with their ties, organiser
 * entries and attendance, then compacts so that no byte of them is left in
 * the file or its WAL. VB_ERROR_IO when another connection's open read kept
 * the WAL from being truncated (the removal is committed; call
 * vb_store_compact later). */
VB_API vb_status_t vb_store_remove(vb_store_t *store, const char *actor);
VB_API vb_status_t vb_store_remove_event(vb_store_t *store, const char *event);

/* Replaces the stored network with a copy of `net`, in one transaction. */
VB_API vb_status_t vb_store_replace(vb_store_t *store, const vb_network_t *net);

/* Folds the WAL into the file, truncates it, returns free pages. */
VB_API vb_status_t vb_store_compact(vb_store_t *store);

/* --- Privacy (docs/privacy.md) -------------------------------------------- */

/* GraphML of the actors and ties (Gephi, Cytoscape); sensitive groups and
 * ties of a sensitive kind are left out unless options->include_sensitive
 * is non-zero. `options` may be NULL (defaults). */
VB_API vb_status_t vb_network_write_graphml(const vb_network_t *net, const char *path,
                                            const vb_export_options_t *options);

/* A copy of `net` whose actor and event keys are replaced by
 * hex(HMAC-SHA-256(secret, "verbind:actor:" + key)) (events:
 * "verbind:event:"). `secret` must hold at least 32 bytes
 * (VB_ERROR_INVALID_ARGUMENT otherwise). */
VB_API vb_status_t vb_network_pseudonymise(const vb_network_t *net, const uint8_t *secret, size_t secret_size,
                                           vb_network_t **out);

/* Whose key a pseudonym is of. */
typedef enum vb_key_domain { VB_KEY_ACTOR = 0, VB_KEY_EVENT = 1 } vb_key_domain_t;

/* The pseudonym of one key into `buffer`, which must hold at least 65
 * bytes (64 hex digits and a NUL). A domain outside the enumeration is
 * VB_ERROR_INVALID_ARGUMENT. */
VB_API vb_status_t vb_pseudonym(const uint8_t *secret, size_t secret_size, const char *key, vb_key_domain_t domain,
                                char *buffer, size_t buffer_size);

/* The options of vb_suppress_small_cells; fill it with
 * vb_suppression_options_init (defaults from the C++ SuppressionOptions). */
typedef struct vb_suppression_options {
    size_t struct_size;
    uint64_t min_cell; /* counts below it are suppressed; default 10, at least 1 */
} vb_suppression_options_t;

VB_API void vb_suppression_options_init_sized(vb_suppression_options_t *options, size_t struct_size);
#define vb_suppression_options_init(options) vb_suppression_options_init_sized((options), sizeof *(options))

/* Small-cell suppression of a rows x cols table of counts (row-major,
 * without totals). `marks` receives (rows + 1) x (cols + 1) bytes for the
 * table extended with a totals column (last) and a totals row (last, ending
 * in the grand total): 0 publish, 1 suppressed (below min_cell), 2
 * suppressed to protect another entry. `table` (may be NULL) receives the
 * extended table's counts. `options` may be NULL (defaults). */
VB_API vb_status_t vb_suppress_small_cells(const uint64_t *counts, size_t rows, size_t cols,
                                           const vb_suppression_options_t *options, uint8_t *marks, uint64_t *table);

/* @end store */

/* ------------------------------------------------------------------------
 * Evaluation over time: metrics per period and area (capi/evaluate.cpp)
 * ------------------------------------------------------------------------ */
/* @section evaluate */

/* Metrics per period and area as tidy records, one per period x area x
 * metric (docs/evaluate.md defines each metric). Counts of people below
 * min_cell are suppressed, with complementary suppression across a period's
 * areas; shares and indices from fewer than min_cell people too. */
typedef enum vb_period {
    VB_PERIOD_WEEK = 0,    /* ISO weeks, "2022-W05" */
    VB_PERIOD_MONTH = 1,   /* "2022-05" */
    VB_PERIOD_QUARTER = 2, /* "2022-Q2" */
    VB_PERIOD_YEAR = 3     /* "2022" */
} vb_period_t;

typedef enum vb_area_level {
    VB_AREA_MUNICIPALITY = 0,
    VB_AREA_NEIGHBOURHOOD = 1,
    VB_AREA_PROGRAMME = 2 /* the whole network as one area */
} vb_area_level_t;

typedef enum vb_value_status {
    VB_VALUE_OK = 0,
    VB_VALUE_SUPPRESSED = 1, /* too few people to publish */
    VB_VALUE_NO_DATA = 2     /* nothing to measure: no record in the period, or undefined */
} vb_value_status_t;

typedef struct vb_timeline_options {
    size_t struct_size;
    vb_period_t period;      /* default month */
    vb_area_level_t by;      /* default municipality */
    const char *start;       /* "YYYY-MM-DD"; NULL or "": the earliest dated record */
    const char *end;         /* exclusive; NULL or "": the day after the latest dated record */
    uint64_t min_cell;       /* default 10; 0 is refused */
    int include_sensitive;   /* default 0: sensitive events, tie kinds and groups left out */
    size_t permutations;     /* E-I baseline; default 200 */
    uint64_t seed;           /* default: the library's fixed default seed */
    unsigned threads;        /* 0: all cores; the result does not depend on it */
    vb_progress_fn progress; /* may be NULL; return 0 to cancel */
    void *progress_data;
    const char *const *groups; /* declared groups that define "group"; NULL: all */
    size_t group_count;
    unsigned friending_days; /* window after a first co-attendance; default 30 */
} vb_timeline_options_t;

typedef struct vb_timeline vb_timeline_t;

/* `options` may be NULL (defaults). A network with nothing dated and no
 * start/end gives an empty timeline (count 0) whose vb_timeline_note says
 * why. */
VB_API vb_status_t vb_timeline(const vb_network_t *net, const vb_timeline_options_t *options, vb_timeline_t **out);
VB_API void vb_timeline_free(vb_timeline_t *timeline);
/* Records, ordered by period, then area, then metric. 0 for NULL. */
VB_API size_t vb_timeline_count(const vb_timeline_t *timeline);
/* One record. The strings live as long as the timeline. `value` is NaN
 * unless `status` is VB_VALUE_OK. The caller sets struct_size
 * (vb_timeline_record_init). */
typedef struct vb_timeline_record {
    size_t struct_size;
    const char *period;
    const char *area;
    const char *metric;
    double value;
    vb_value_status_t status;
} vb_timeline_record_t;

#define vb_timeline_record_init(result) ((void)((result)->struct_size = sizeof *(result)))

VB_API vb_status_t vb_timeline_record(const vb_timeline_t *timeline, size_t index, vb_timeline_record_t *out);
/* Periods in order and areas (sorted, then "programme"); NULL when out of range. */
VB_API size_t vb_timeline_period_count(const vb_timeline_t *timeline);
VB_API const char *vb_timeline_period(const vb_timeline_t *timeline, size_t index);
/* First day ("YYYY-MM-DD") of period `index`; NULL when out of range. */
VB_API const char *vb_timeline_period_start(const vb_timeline_t *timeline, size_t index);
VB_API size_t vb_timeline_area_count(const vb_timeline_t *timeline);
VB_API const char *vb_timeline_area(const vb_timeline_t *timeline, size_t index);
/* Why the timeline is empty; "" when it is not (and for NULL). */
VB_API const char *vb_timeline_note(const vb_timeline_t *timeline);
/* The metrics, in record order: name, unit and a one-sentence description
 * (static strings). The caller sets struct_size (vb_timeline_metric_init). */
typedef struct vb_timeline_metric {
    size_t struct_size;
    const char *name;
    const char *unit;
    const char *description;
} vb_timeline_metric_t;

#define vb_timeline_metric_init(result) ((void)((result)->struct_size = sizeof *(result)))

VB_API size_t vb_timeline_metric_count(void);
VB_API vb_status_t vb_timeline_metric(size_t index, vb_timeline_metric_t *out);
/* "ok", "suppressed", "no data". */
VB_API const char *vb_value_status_string(vb_value_status_t status);

VB_API void vb_timeline_options_init_sized(vb_timeline_options_t *options, size_t struct_size);
#define vb_timeline_options_init(options) vb_timeline_options_init_sized((options), sizeof *(options))

/* @end evaluate */

/* ------------------------------------------------------------------------
 * The coordinator's report: one self-contained HTML file (capi/report.cpp)
 * ------------------------------------------------------------------------ */
/* @section report */

/* The coordinator's report (docs/report.md): the network drawn by
 * community with key figures marked, metrics over time per municipality,
 * the social map's key figures, brokers and gaps, the top introductions and
 * whom to train next, as one HTML file that needs no network connection.
 * Sensitive groups, events and tie kinds never appear unless
 * include_sensitive. */
typedef struct vb_report_options {
    size_t struct_size;
    const char *municipality; /* NULL or "": the whole programme */
    vb_period_t period;       /* of the charts; default month */
    size_t top;               /* rows per table; default 10; 0 is refused */
    size_t train;             /* residents in the reach plan; default 5; 0 is refused */
    uint64_t seed;            /* default: the library's fixed default seed */
    size_t max_drawn_nodes;   /* the drawing's cap; default 2500; 0 is refused */
    uint64_t min_cell;        /* small-cell suppression; default 10; 0 is refused */
    int include_sensitive;    /* default 0 */
    const char *title;        /* NULL or "": "Programme report" */
    unsigned threads;         /* 0: all cores; the report does not depend on it */
    vb_progress_fn progress;  /* may be NULL; return 0 to cancel */
    void *progress_data;
    /* The language of every text: NULL (default) or "": English, as "en";
     * "nl": Dutch. Any other is VB_ERROR_INVALID_ARGUMENT naming the field
     * and the valid languages. */
    const char *lang;
} vb_report_options_t;

/* Writes the report to `path`, atomically: on any failure the file is left
 * as it was. `options` may be NULL (defaults). VB_ERROR_NOT_FOUND for a
 * municipality no actor lives in. */
VB_API vb_status_t vb_report_write(const vb_network_t *net, const vb_report_options_t *options, const char *path);

/* The report as a NUL-terminated string in `*html`, to free with vb_free;
 * `length` (may be NULL) receives its length. */
VB_API vb_status_t vb_report_html(const vb_network_t *net, const vb_report_options_t *options, char **html,
                                  size_t *length);

VB_API void vb_report_options_init_sized(vb_report_options_t *options, size_t struct_size);
#define vb_report_options_init(options) vb_report_options_init_sized((options), sizeof *(options))

/* @end report */

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

/* ------------------------------------------------------------------------
 * Reading a network back (capi/readback.cpp)
 *
 * vb_network_records takes a snapshot of a network's records as they may
 * leave the library, through the one privacy view (docs/privacy.md):
 * without include_sensitive, sensitive declared groups, ties of sensitive
 * kinds, and sensitive events with their organiser entries and attendance
 * are absent, as if never recorded. The snapshot is a copy: it stays as it
 * was when the network changes or is freed, and every string it hands out
 * stays valid until vb_records_free.
 *
 * Records are addressed by index (0 .. count - 1, in the network's order)
 * or found by key. A record comes back as a result struct whose struct_size
 * the caller sets (its _init macro); text a record does not have ("not
 * known", an open date) is NULL. VB_ERROR_INVALID_ARGUMENT for a NULL or
 * wrong handle, a NULL `out`, a bad struct_size or an index out of range
 * (the message names it and the count); VB_ERROR_NOT_FOUND for a key the
 * snapshot does not hold.
 * ------------------------------------------------------------------------ */
/* @section readback */

typedef struct vb_records_options {
    size_t struct_size;
    /* Default 0: what the privacy view shows; non-zero: every record,
     * special-category data included (asked for by name). */
    int include_sensitive;
} vb_records_options_t;

VB_API void vb_records_options_init_sized(vb_records_options_t *options, size_t struct_size);
#define vb_records_options_init(options) vb_records_options_init_sized((options), sizeof *(options))

/* A snapshot of a network's records. Free it with vb_records_free. */
typedef struct vb_records vb_records_t;

/* `options` may be NULL (defaults: sensitive data left out). */
VB_API vb_status_t vb_network_records(const vb_network_t *net, const vb_records_options_t *options,
                                      vb_records_t **out);
/* NULL-safe. */
VB_API void vb_records_free(vb_records_t *records);

/* How many records of each kind the snapshot holds; 0 for NULL. */
VB_API size_t vb_records_actor_count(const vb_records_t *records);
VB_API size_t vb_records_tie_count(const vb_records_t *records);
VB_API size_t vb_records_event_count(const vb_records_t *records);
VB_API size_t vb_records_attendance_count(const vb_records_t *records);

typedef enum vb_actor_type { VB_ACTOR_RESIDENT = 0, VB_ACTOR_ORGANISATION = 1 } vb_actor_type_t;

typedef struct vb_actor_record {
    size_t struct_size;
    const char *key;
    vb_actor_type_t type;
    const char *kind;          /* an organisation's kind; NULL for a resident */
    const char *neighbourhood; /* NULL: not known */
    const char *municipality;  /* NULL: not known */
    int key_figure;            /* 1: a key figure (sleutelfiguur), else 0 */
    const char *trained_on;    /* "YYYY-MM-DD" of the key-figure training; NULL: not known */
    size_t talent_count;       /* items: vb_records_actor_talent */
    size_t group_count;        /* declared groups the view shows: vb_records_actor_group */
} vb_actor_record_t;

typedef struct vb_tie_record {
    size_t struct_size;
    const char *a; /* the actors' keys, as the tie was added */
    const char *b;
    const char *kind;
    const char *since; /* "YYYY-MM-DD"; NULL: open */
    const char *until; /* "YYYY-MM-DD", exclusive; NULL: open */
    double weight;
} vb_tie_record_t;

typedef struct vb_event_record {
    size_t struct_size;
    const char *key;
    const char *date; /* "YYYY-MM-DD" */
    const char *kind;
    const char *neighbourhood; /* NULL: not known */
    const char *municipality;  /* NULL: not known */
    size_t organiser_count;    /* items: vb_records_event_organiser */
} vb_event_record_t;

typedef struct vb_attendance_record {
    size_t struct_size;
    const char *event; /* keys */
    const char *actor;
    const char *brought_by; /* NULL: came on their own, or not known */
} vb_attendance_record_t;

#define vb_actor_record_init(record) ((void)((record)->struct_size = sizeof *(record)))
#define vb_tie_record_init(record) ((void)((record)->struct_size = sizeof *(record)))
#define vb_event_record_init(record) ((void)((record)->struct_size = sizeof *(record)))
#define vb_attendance_record_init(record) ((void)((record)->struct_size = sizeof *(record)))

/* Record `index`, written into `out` (struct_size set by the caller). */
VB_API vb_status_t vb_records_actor(const vb_records_t *records, size_t index, vb_actor_record_t *out);
VB_API vb_status_t vb_records_tie(const vb_records_t *records, size_t index, vb_tie_record_t *out);
VB_API vb_status_t vb_records_event(const vb_records_t *records, size_t index, vb_event_record_t *out);
VB_API vb_status_t vb_records_attendance(const vb_records_t *records, size_t index, vb_attendance_record_t *out);

/* Item k of a record's list: actor `index`'s talents and (visible) declared
 * groups, event `index`'s organisers (keys). NULL for a NULL handle or an
 * index or k out of range. */
VB_API const char *vb_records_actor_talent(const vb_records_t *records, size_t index, size_t k);
VB_API const char *vb_records_actor_group(const vb_records_t *records, size_t index, size_t k);
VB_API const char *vb_records_event_organiser(const vb_records_t *records, size_t index, size_t k);

/* By key: the index of the actor (event) with this key; of the tie between
 * `a` and `b` (either order) of `kind` active from `since` (NULL or "":
 * since always), which is what makes a tie unique; of `actor`'s attendance
 * at `event`. VB_ERROR_NOT_FOUND when the snapshot holds none. */
VB_API vb_status_t vb_records_find_actor(const vb_records_t *records, const char *key, size_t *index);
VB_API vb_status_t vb_records_find_event(const vb_records_t *records, const char *key, size_t *index);
VB_API vb_status_t vb_records_find_tie(const vb_records_t *records, const char *a, const char *b, const char *kind,
                                       const char *since, size_t *index);
VB_API vb_status_t vb_records_find_attendance(const vb_records_t *records, const char *event, const char *actor,
                                              size_t *index);

/* @end readback */

/* ------------------------------------------------------------------------
 * The social map through accessors (capi/social_map_access.cpp)
 *
 * The same map as vb_social_map_json's document (docs/socialmap.md), as
 * records: key figures, brokers, organisations, fragile points and ties,
 * communities with the community x group table and each cell's suppression
 * status, and gaps. Each section is a list: a count (0 for NULL), then entry
 * `i` as a result struct whose struct_size the caller sets (its _init
 * macro), in the JSON's order. VB_ERROR_INVALID_ARGUMENT for a NULL or wrong
 * handle, a NULL `out`, a bad struct_size or an index out of range. Strings
 * live until vb_social_map_free.
 * ------------------------------------------------------------------------ */
/* @section socialmap_access */

typedef struct vb_social_map vb_social_map_t;

/* The social map of `net` with `options` (NULL: the defaults), as
 * vb_social_map_json computes it. */
VB_API vb_status_t vb_social_map(const vb_network_t *net, const vb_social_map_options_t *options,
                                 vb_social_map_t **out);
/* NULL-safe. */
VB_API void vb_social_map_free(vb_social_map_t *map);

/* People and ties on the map (0 for NULL), and the communities' modularity
 * (NaN for NULL). */
VB_API size_t vb_social_map_people(const vb_social_map_t *map);
VB_API size_t vb_social_map_ties(const vb_social_map_t *map);
VB_API double vb_social_map_modularity(const vb_social_map_t *map);

/* Entries in each section (0 for NULL). */
VB_API size_t vb_social_map_key_figure_count(const vb_social_map_t *map);
VB_API size_t vb_social_map_broker_count(const vb_social_map_t *map);
VB_API size_t vb_social_map_organisation_count(const vb_social_map_t *map);
VB_API size_t vb_social_map_fragile_point_count(const vb_social_map_t *map);
VB_API size_t vb_social_map_fragile_tie_count(const vb_social_map_t *map);
VB_API size_t vb_social_map_community_count(const vb_social_map_t *map);
VB_API size_t vb_social_map_gap_count(const vb_social_map_t *map);

typedef struct vb_key_figure {
    size_t struct_size;
    const char *actor;
    double score;            /* the composite, in [0, 1] */
    size_t two_hop_reach;    /* people within two steps */
    double betweenness;      /* normalised */
    size_t cross_group_ties; /* ties to someone with whom no declared group is shared */
    int recognised;          /* 1: marked a key figure */
    int trained;             /* 1: trained as one */
    const char *why;
} vb_key_figure_t;

typedef struct vb_broker {
    size_t struct_size;
    const char *actor;
    double constraint;      /* Burt's */
    double betweenness;     /* normalised */
    size_t community_count; /* communities of its neighbours: vb_social_map_broker_community */
    const char *why;
} vb_broker_t;

typedef struct vb_organisation_role {
    size_t struct_size;
    const char *actor;
    const char *kind;
    size_t residents_tied;
    size_t disconnected_without;    /* residents cut off from the largest group if it withdrew */
    size_t pairs_far_apart_without; /* resident pairs within two steps only through it */
    const char *why;
} vb_organisation_role_t;

/* A fragile point (an articulation point: b is NULL) or tie (a bridge a - b). */
typedef struct vb_fragile {
    size_t struct_size;
    const char *a;
    const char *b;
    size_t cut_off; /* people outside the largest remaining part once it is gone */
    const char *why;
} vb_fragile_t;

typedef struct vb_community {
    size_t struct_size;
    uint32_t id; /* as in vb_social_map_broker_community */
    size_t size;
    double density;           /* internal ties / possible pairs */
    double ei_index;          /* NaN when undefined */
    double expected_ei_index; /* under random placement of its size; NaN when undefined */
    const char *why;
} vb_community_t;

/* A count of people that may be suppressed: `people` is 0 unless `status` is
 * VB_VALUE_OK; VB_VALUE_SUPPRESSED: below min_cell, or withheld so that such
 * a count cannot be worked out (docs/privacy.md). */
typedef struct vb_people_count {
    size_t struct_size;
    size_t people;
    vb_value_status_t status;
} vb_people_count_t;

typedef struct vb_gap {
    size_t struct_size;
    const char *kind; /* "neighbourhood" or "group" */
    const char *name;
    size_t people; /* 0 unless people_status is VB_VALUE_OK */
    vb_value_status_t people_status;
    double share_of_ties_outside; /* NaN: not known */
    double ei_index;              /* NaN: not known */
    const char *why;
} vb_gap_t;

#define vb_key_figure_init(record) ((void)((record)->struct_size = sizeof *(record)))
#define vb_broker_init(record) ((void)((record)->struct_size = sizeof *(record)))
#define vb_organisation_role_init(record) ((void)((record)->struct_size = sizeof *(record)))
#define vb_fragile_init(record) ((void)((record)->struct_size = sizeof *(record)))
#define vb_community_init(record) ((void)((record)->struct_size = sizeof *(record)))
#define vb_people_count_init(record) ((void)((record)->struct_size = sizeof *(record)))
#define vb_gap_init(record) ((void)((record)->struct_size = sizeof *(record)))

VB_API vb_status_t vb_social_map_key_figure(const vb_social_map_t *map, size_t i, vb_key_figure_t *out);
VB_API vb_status_t vb_social_map_broker(const vb_social_map_t *map, size_t i, vb_broker_t *out);
VB_API vb_status_t vb_social_map_organisation(const vb_social_map_t *map, size_t i, vb_organisation_role_t *out);
VB_API vb_status_t vb_social_map_fragile_point(const vb_social_map_t *map, size_t i, vb_fragile_t *out);
VB_API vb_status_t vb_social_map_fragile_tie(const vb_social_map_t *map, size_t i, vb_fragile_t *out);
VB_API vb_status_t vb_social_map_community(const vb_social_map_t *map, size_t i, vb_community_t *out);
VB_API vb_status_t vb_social_map_gap(const vb_social_map_t *map, size_t i, vb_gap_t *out);

/* Community k of broker i's neighbours (an id). */
VB_API vb_status_t vb_social_map_broker_community(const vb_social_map_t *map, size_t i, size_t k, uint32_t *out);

/* The community x group table: rows are the communities above, columns the
 * declared groups (sensitive ones never) that any row names, sorted.
 * vb_social_map_group is column g's name (NULL for NULL or g out of range);
 * cell (community i, group g) is a count that is published or suppressed. */
VB_API size_t vb_social_map_group_count(const vb_social_map_t *map);
VB_API const char *vb_social_map_group(const vb_social_map_t *map, size_t g);
VB_API vb_status_t vb_social_map_cell(const vb_social_map_t *map, size_t i, size_t g, vb_people_count_t *out);

/* @end socialmap_access */

/* ------------------------------------------------------------------------
 * Threads (capi/threads.cpp)
 *
 * Computations with a `threads` option run on one persistent pool of
 * standard threads. threads = 0 means the CPUs this process may run on (its
 * affinity mask: taskset, cgroup cpusets), not the machine's core count.
 * Results never depend on the number of threads.
 * ------------------------------------------------------------------------ */
/* @section threads */

/* A global cap on the threads any later computation uses, whatever its
 * `threads` option (an application embedding verbind next to its own
 * thread pool sets it once at start-up). 0 (the default) removes the cap.
 * Thread-safe; a computation already running keeps the count it started
 * with. */
VB_API void vb_set_max_threads(unsigned threads);

/* The threads a computation with threads = 0 would use now: the CPUs in
 * this process's affinity mask, capped by vb_set_max_threads. At least 1. */
VB_API unsigned vb_max_threads(void);

/* @end threads */

#ifdef __cplusplus
}
#endif

#endif /* VERBIND_H */
