/* vb_set_max_threads and vb_max_threads (verbind.h, "Threads"): threads = 0
 * is the CPUs of this process's affinity mask; a global cap holds whatever a
 * call's `threads` option asks, and no second compute thread starts under a
 * cap of 1 (counted in /proc/self/task); results are the same either way. */
#define _GNU_SOURCE /* CPU_COUNT, sched_getaffinity */
#include "check.h"

#include <dirent.h>
#include <sched.h>
#include <stdlib.h>

/* Threads of this process now. */
static size_t task_count(void) {
    size_t n = 0;
    struct dirent *entry;
    DIR *dir = opendir("/proc/self/task");
    if (!dir) return 0;
    while ((entry = readdir(dir)) != NULL)
        if (entry->d_name[0] != '.') ++n;
    closedir(dir);
    return n;
}

static size_t most_tasks = 0;

static int count_tasks(double fraction, void *user_data) {
    size_t n = task_count();
    (void)fraction;
    (void)user_data;
    if (n > most_tasks) most_tasks = n;
    return 1;
}

/* A connected graph of n nodes: a ring with chords i - (7 i + 3) mod n. */
static vb_graph_t *ring_with_chords(uint32_t n) {
    uint32_t *src = (uint32_t *)malloc(2 * n * sizeof *src), *dst = (uint32_t *)malloc(2 * n * sizeof *dst);
    vb_graph_t *graph = NULL;
    size_t m = 0;
    uint32_t i;
    for (i = 0; i < n; ++i) {
        uint32_t chord = (uint32_t)((7u * (uint64_t)i + 3u) % n);
        src[m] = i, dst[m] = (i + 1) % n, ++m;
        if (chord != i && chord != (i + 1) % n && (i + n - 1) % n != chord && i < chord)
            src[m] = i, dst[m] = chord, ++m;
    }
    CHECK_OK(vb_graph_from_edges(n, m, src, dst, NULL, 0, &graph));
    free(src);
    free(dst);
    return graph;
}

static void betweenness(const vb_graph_t *graph, unsigned threads, double *values) {
    vb_centrality_options_t options;
    vb_centrality_options_init(&options);
    options.threads = threads;
    options.progress = count_tasks;
    CHECK_OK(vb_centrality(graph, VB_CENTRALITY_BETWEENNESS, &options, values));
}

int main(void) {
    cpu_set_t mask;
    unsigned cpus;
    const uint32_t n = 1500;
    vb_graph_t *graph = ring_with_chords(n);
    double *capped = (double *)malloc(n * sizeof *capped), *free_run = (double *)malloc(n * sizeof *free_run);
    uint32_t i;

    CHECK(sched_getaffinity(0, sizeof mask, &mask) == 0);
    cpus = (unsigned)CPU_COUNT(&mask);
    /* No cap: the affinity mask's CPUs (under taskset -c 0: 1). */
    CHECK(vb_max_threads() == cpus);

    /* A cap of 1 before anything ran: asking for 8 threads starts none. */
    vb_set_max_threads(1);
    CHECK(vb_max_threads() == 1);
    most_tasks = 0;
    betweenness(graph, 8, capped);
    CHECK(most_tasks >= 1);
    CHECK_SIZE(task_count(), 1);
    CHECK_SIZE(most_tasks, 1);

    /* A cap above the CPUs: the CPUs. */
    vb_set_max_threads(cpus + 3);
    CHECK(vb_max_threads() == cpus);

    /* Cap removed: with two CPUs or more, two threads run (the pool's
     * threads stay for later calls), and the values are the same. */
    vb_set_max_threads(0);
    CHECK(vb_max_threads() == cpus);
    betweenness(graph, 2, free_run);
    if (cpus >= 2) CHECK(task_count() >= 2);
    for (i = 0; i < n; ++i)
        if (capped[i] != free_run[i]) {
            CHECK(capped[i] == free_run[i]);
            break;
        }
    free(capped);
    free(free_run);
    vb_graph_free(graph);
    return check_summary("test_max_threads");
}
