/* libverbind_mpi's influence maximisation and spread under mpiexec -np N
 * (issue 18; tests/mpi/CMakeLists.txt runs N = 1..4): every rank's result
 * of vb_mpi_influence_max(_f) and vb_mpi_spread(_f) is bit for bit the
 * one-process vb_influence_max / vb_spread computed in the same program
 * (seeds, both lower bounds, approximation, RR-set count, group reach; spread
 * mean and standard error). A bad input on one rank (k above the node count,
 * an unknown seed, a NULL graph, a different k) is the same error with the
 * same message on every rank, and the ranks still work together after it. */
#include "check.h"
#include "verbind_mpi.h"

#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

enum { N = 240, CHORDS = 700, K = 4 };

static int rank_, size_;

/* A directed ring plus chords from a fixed LCG: the same graph on every rank. */
static vb_graph_t *make_graph(uint32_t salt) {
    static uint32_t src[N + CHORDS], dst[N + CHORDS];
    static double w[N + CHORDS];
    uint64_t x = 0x9E3779B97F4A7C15ull ^ salt;
    size_t m = 0, i;
    vb_edge_list_options_t o;
    vb_graph_t *g = NULL;
    for (i = 0; i < N; ++i) {
        src[m] = (uint32_t)i;
        dst[m] = (uint32_t)((i + 1) % N);
        ++m;
    }
    for (i = 0; i < CHORDS; ++i) {
        uint32_t a, b;
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        a = (uint32_t)((x >> 33) % N);
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        b = (uint32_t)((x >> 33) % N);
        if (a == b) continue;
        src[m] = a;
        dst[m] = b;
        ++m;
    }
    for (i = 0; i < m; ++i) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        w[i] = 0.05 + 0.4 * (double)(x >> 11) / 9007199254740992.0;
    }
    vb_edge_list_options_init(&o);
    o.directed = 1;
    o.duplicates = VB_MERGE_FIRST;
    CHECK_OK(vb_graph_from_edges(N, m, src, dst, w, &o, &g));
    return g;
}

static int same_double(double a, double b) { return a == b || (a != a && b != b); }

/* Every field of two results is identical. */
static void check_same_influence(const vb_influence_t *got, const vb_influence_t *alone, unsigned groups) {
    uint32_t a[K], b[K];
    unsigned g;
    CHECK_SIZE(vb_influence_seed_count(got), vb_influence_seed_count(alone));
    CHECK_OK(vb_influence_seeds(got, K, a));
    CHECK_OK(vb_influence_seeds(alone, K, b));
    CHECK(memcmp(a, b, sizeof a) == 0);
    CHECK(same_double(vb_influence_spread_lower_bound(got), vb_influence_spread_lower_bound(alone)));
    CHECK(same_double(vb_influence_extra_spread_lower_bound(got), vb_influence_extra_spread_lower_bound(alone)));
    CHECK(same_double(vb_influence_approximation(got), vb_influence_approximation(alone)));
    CHECK_SIZE(vb_influence_rr_sets(got), vb_influence_rr_sets(alone));
    CHECK(vb_influence_rr_sets(alone) > 0);
    for (g = 0; g < groups; ++g) {
        double x = -1, y = -2;
        CHECK_OK(vb_influence_group_reach(got, g, &x));
        CHECK_OK(vb_influence_group_reach(alone, g, &y));
        CHECK(x == y);
    }
}

/* The message on this rank equals rank 0's, and starts "rank R: " with
 * more than one rank. */
static void check_same_message_everywhere(const char *rank_prefix) {
    char mine[1024], root[1024];
    snprintf(mine, sizeof mine, "%s", vb_last_error_message());
    memcpy(root, mine, sizeof root);
    MPI_Bcast(root, (int)sizeof root, MPI_CHAR, 0, MPI_COMM_WORLD);
    CHECK(strcmp(mine, root) == 0);
    if (size_ > 1 && rank_prefix) CHECK(strstr(mine, rank_prefix) != NULL);
    if (strcmp(mine, root) != 0) fprintf(stderr, "    rank %d: \"%s\", rank 0: \"%s\"\n", rank_, mine, root);
}

static void influence_cases(const vb_graph_t *g) {
    static uint32_t groups[N];
    const uint32_t fixed[] = {5};
    const vb_diffusion_model_t models[] = {VB_MODEL_INDEPENDENT_CASCADE, VB_MODEL_LINEAR_THRESHOLD};
    size_t m, i;
    for (i = 0; i < N; ++i) groups[i] = (uint32_t)(i % 3);
    for (m = 0; m < 2; ++m) {
        int variant;
        for (variant = 0; variant < 3; ++variant) {
            vb_influence_options_t o;
            vb_influence_t *alone = NULL, *got = NULL, *got_f = NULL;
            vb_influence_options_init(&o);
            o.model = models[m];
            o.epsilon = 0.3;
            o.seed = 40 + (uint64_t)variant;
            o.threads = 1;
            if (variant == 1) {
                /* The weights sum above 1 at some nodes: IC only. */
                if (models[m] == VB_MODEL_INDEPENDENT_CASCADE) o.probability = VB_PROBABILITY_WEIGHTS;
                o.fixed = fixed;
                o.fixed_count = 1;
            }
            if (variant == 2) {
                o.groups = groups;
                o.epsilon = 0.45;
            }
            CHECK_OK(vb_influence_max(g, K, &o, &alone));
            CHECK_OK(vb_mpi_influence_max(g, K, &o, MPI_COMM_WORLD, &got));
            CHECK_OK(vb_mpi_influence_max_f(g, K, &o, MPI_Comm_c2f(MPI_COMM_WORLD), &got_f));
            if (alone && got && got_f) {
                check_same_influence(got, alone, variant == 2 ? 3 : 0);
                check_same_influence(got_f, alone, variant == 2 ? 3 : 0);
            }
            vb_influence_free(alone);
            vb_influence_free(got);
            vb_influence_free(got_f);
        }
    }
}

static void spread_cases(const vb_graph_t *g) {
    const uint32_t seeds[] = {0, 17, 120};
    const vb_diffusion_model_t models[] = {VB_MODEL_INDEPENDENT_CASCADE, VB_MODEL_LINEAR_THRESHOLD};
    size_t m;
    for (m = 0; m < 2; ++m) {
        vb_spread_options_t o;
        vb_spread_t alone, got, got_f;
        vb_spread_options_init(&o);
        o.model = models[m];
        o.runs = 1001; /* not a multiple of 2, 3 or 4 */
        o.seed = 9;
        o.threads = 1;
        vb_spread_init(&alone);
        vb_spread_init(&got);
        vb_spread_init(&got_f);
        CHECK_OK(vb_spread(g, seeds, 3, &o, &alone));
        CHECK_OK(vb_mpi_spread(g, seeds, 3, &o, MPI_COMM_WORLD, &got));
        CHECK_OK(vb_mpi_spread_f(g, seeds, 3, &o, MPI_Comm_c2f(MPI_COMM_WORLD), &got_f));
        CHECK(alone.standard_error > 0);
        CHECK(got.mean == alone.mean && got.standard_error == alone.standard_error);
        CHECK(got.low == alone.low && got.high == alone.high);
        CHECK(got_f.mean == alone.mean && got_f.standard_error == alone.standard_error);
    }
}

static void bad_input_cases(const vb_graph_t *g, const vb_graph_t *other) {
    char prefix[32];
    const int last = size_ - 1;
    vb_influence_t *r = NULL;
    vb_influence_options_t o;
    vb_spread_t s;
    uint32_t seeds[2] = {1, 2};
    vb_influence_options_init(&o);
    o.epsilon = 0.3;
    o.threads = 1;
    snprintf(prefix, sizeof prefix, "rank %d: ", last);
    /* k above the node count on the last rank only. */
    CHECK_FAILS(vb_mpi_influence_max(g, rank_ == last ? 1000 : K, &o, MPI_COMM_WORLD, &r), VB_ERROR_INVALID_ARGUMENT,
                "k = 1000 is more than the 240 candidates");
    check_same_message_everywhere(prefix);
    CHECK(r == NULL);
    /* A seed only the last rank names is out of range. */
    seeds[1] = rank_ == last ? 999 : 2;
    vb_spread_init(&s);
    CHECK_FAILS(vb_mpi_spread(g, seeds, 2, NULL, MPI_COMM_WORLD, &s), VB_ERROR_INVALID_ARGUMENT, "999");
    check_same_message_everywhere(prefix);
    /* A NULL graph on the last rank only. */
    CHECK_FAILS(vb_mpi_influence_max(rank_ == last ? NULL : g, K, &o, MPI_COMM_WORLD, &r), VB_ERROR_INVALID_ARGUMENT,
                "argument 'graph' is NULL");
    check_same_message_everywhere(prefix);
    if (size_ > 1) {
        /* The ranks disagree on k, or on the graph. */
        CHECK_FAILS(vb_mpi_influence_max(g, rank_ == last ? K + 1 : K, &o, MPI_COMM_WORLD, &r),
                    VB_ERROR_INVALID_ARGUMENT, "ranks disagree on k: rank 0 has 4, rank");
        check_same_message_everywhere(NULL);
        CHECK_FAILS(vb_mpi_influence_max(rank_ == last ? other : g, K, &o, MPI_COMM_WORLD, &r),
                    VB_ERROR_INVALID_ARGUMENT, "ranks disagree on the graph");
        check_same_message_everywhere(NULL);
    }
    /* No communicator: refused on each rank alone, no collective made. */
    CHECK_FAILS(vb_mpi_influence_max(g, K, &o, MPI_COMM_NULL, &r), VB_ERROR_INVALID_ARGUMENT, "MPI_COMM_NULL");
    CHECK(r == NULL);
    /* The ranks still work together. */
    CHECK_OK(vb_mpi_influence_max(g, K, &o, MPI_COMM_WORLD, &r));
    CHECK_SIZE(vb_influence_seed_count(r), K);
    vb_influence_free(r);
}

int main(int argc, char **argv) {
    vb_graph_t *g, *other;
    int failures = 0, all = 0;
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
    MPI_Comm_size(MPI_COMM_WORLD, &size_);
    g = make_graph(1);
    other = make_graph(2);
    influence_cases(g);
    spread_cases(g);
    bad_input_cases(g, other);
    vb_graph_free(g);
    vb_graph_free(other);
    failures = check_failures;
    MPI_Allreduce(&failures, &all, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    if (rank_ == 0) printf("%d ranks: %d checks per rank, %d failed in all\n", size_, check_count, all);
    MPI_Finalize();
    return all == 0 ? 0 : 1;
}
