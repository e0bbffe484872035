/* Buddy pairs through the C API: stable matching with capacities and the
 * blocking-pair check, on instances worked out by hand, and bad input. */
#include "check.h"

/* The reviewer of `proposer` in `pairs` ("" when unmatched), or NULL when
 * `proposer` is not in them. */
static const char *reviewer_of(const vb_match_pairs_t *pairs, const char *proposer) {
    size_t i;
    for (i = 0; i < vb_match_pairs_count(pairs); ++i)
        if (strcmp(vb_match_pairs_proposer(pairs, i), proposer) == 0) {
            const char *reviewer = vb_match_pairs_reviewer(pairs, i);
            return reviewer ? reviewer : "";
        }
    return NULL;
}

static void check_pair(const vb_match_pairs_t *pairs, size_t i, const char *proposer, const char *reviewer) {
    CHECK(i < vb_match_pairs_count(pairs));
    if (i >= vb_match_pairs_count(pairs)) return;
    CHECK_STRING(vb_match_pairs_proposer(pairs, i), proposer);
    if (reviewer == NULL)
        CHECK(vb_match_pairs_reviewer(pairs, i) == NULL);
    else
        CHECK_STRING(vb_match_pairs_reviewer(pairs, i), reviewer);
}

/* The pairs as the input of vb_blocking_pairs (at most 8). */
typedef struct {
    vb_match_pair_t items[8];
    size_t count;
} pair_array;

static pair_array as_array(const vb_match_pairs_t *pairs) {
    pair_array out;
    size_t i;
    out.count = vb_match_pairs_count(pairs) < 8 ? vb_match_pairs_count(pairs) : 8;
    for (i = 0; i < out.count; ++i) {
        out.items[i].proposer = vb_match_pairs_proposer(pairs, i);
        out.items[i].reviewer = vb_match_pairs_reviewer(pairs, i);
    }
    return out;
}

int main(void) {
    /* The classic three-by-three instance. Deferred acceptance by hand:
     * m1 -> w1, m2 -> w1, m3 -> w2; w1 keeps m2 and rejects m1; m1 -> w2,
     * who drops m3 for m1; m3 -> w1 (rejected: she holds m2), m3 -> w3. */
    const char *m1[] = {"w1", "w2", "w3"}, *m2[] = {"w1", "w3", "w2"}, *m3[] = {"w2", "w1", "w3"};
    const char *w1[] = {"m2", "m1", "m3"}, *w2[] = {"m1", "m3", "m2"}, *w3[] = {"m1", "m2", "m3"};
    const vb_preference_list_t men[3] = {{"m1", m1, 3}, {"m2", m2, 3}, {"m3", m3, 3}};
    const vb_preference_list_t women[3] = {{"w1", w1, 3}, {"w2", w2, 3}, {"w3", w3, 3}};
    vb_match_pairs_t *pairs = NULL, *blocking = NULL;

    CHECK_OK(vb_stable_match(men, 3, women, 3, NULL, &pairs));
    CHECK_SIZE(vb_match_pairs_count(pairs), 3);
    check_pair(pairs, 0, "m1", "w2");
    check_pair(pairs, 1, "m2", "w1");
    check_pair(pairs, 2, "m3", "w3");
    /* The result's pairs can be checked: stable, so no blocking pair. */
    {
        const pair_array found = as_array(pairs);
        CHECK_OK(vb_blocking_pairs(men, 3, women, 3, found.items, found.count, NULL, &blocking));
    }
    CHECK_SIZE(vb_match_pairs_count(blocking), 0);
    vb_match_pairs_free(blocking);
    vb_match_pairs_free(pairs);

    /* m1-w1, m2-w2, m3-w3 is not stable. m2 would rather have w1 (who ranks
     * him above m1) and w3 (who ranks him above m3); m3 would rather have w2
     * (who ranks him above m2). m3 also prefers w1, but she ranks him last. */
    {
        const vb_match_pair_t diagonal[3] = {{"m1", "w1"}, {"m2", "w2"}, {"m3", "w3"}};
        CHECK_OK(vb_blocking_pairs(men, 3, women, 3, diagonal, 3, NULL, &blocking));
        CHECK_SIZE(vb_match_pairs_count(blocking), 3);
        check_pair(blocking, 0, "m2", "w1");
        check_pair(blocking, 1, "m2", "w3");
        check_pair(blocking, 2, "m3", "w2");
        vb_match_pairs_free(blocking);
    }
    /* Missing proposers count as unmatched: with only m1-w1 given, m2 and m3
     * block with every free woman who ranks them, and with w1 only m2 does. */
    {
        const vb_match_pair_t one[1] = {{"m1", "w1"}};
        CHECK_OK(vb_blocking_pairs(men, 3, women, 3, one, 1, NULL, &blocking));
        CHECK_SIZE(vb_match_pairs_count(blocking), 5);
        check_pair(blocking, 0, "m2", "w1");
        check_pair(blocking, 1, "m2", "w3");
        check_pair(blocking, 2, "m2", "w2");
        check_pair(blocking, 3, "m3", "w2");
        check_pair(blocking, 4, "m3", "w3");
        vb_match_pairs_free(blocking);
    }

    /* Capacities: mentor k1 takes two newcomers. n1 -> k1, n2 -> k1 (both
     * held), n3 -> k1, who prefers n3 and n2 and lets n1 go; n1 -> k2. */
    {
        const char *n1[] = {"k1", "k2"}, *n2[] = {"k1"}, *n3[] = {"k1", "k2"};
        const char *k1[] = {"n3", "n2", "n1"}, *k2[] = {"n1", "n3"};
        const vb_preference_list_t newcomers[3] = {{"n1", n1, 2}, {"n2", n2, 1}, {"n3", n3, 2}};
        const vb_preference_list_t mentors[2] = {{"k1", k1, 3}, {"k2", k2, 2}};
        const char *reviewers[2] = {"k1", "k2"};
        int64_t places[2] = {2, 0};
        pair_array found;
        vb_stable_options_t options;
        vb_stable_options_init(&options);
        CHECK(options.capacity == 1);
        options.capacity_reviewers = reviewers;
        options.capacities = places;
        options.capacity_count = 1;
        CHECK_OK(vb_stable_match(newcomers, 3, mentors, 2, &options, &pairs));
        check_pair(pairs, 0, "n1", "k2");
        check_pair(pairs, 1, "n2", "k1");
        check_pair(pairs, 2, "n3", "k1");
        found = as_array(pairs);
        CHECK_OK(vb_blocking_pairs(newcomers, 3, mentors, 2, found.items, 3, &options, &blocking));
        CHECK_SIZE(vb_match_pairs_count(blocking), 0);
        vb_match_pairs_free(blocking);
        /* The same matching with one place at k1 is overfilled. */
        CHECK_FAILS(vb_blocking_pairs(newcomers, 3, mentors, 2, found.items, 3, NULL, &blocking),
                    VB_ERROR_INVALID_ARGUMENT, "reviewer 'k1' holds 2 proposers, capacity 1");
        CHECK(blocking == NULL);
        vb_match_pairs_free(pairs);

        /* k2 with no place: n1 stays unmatched, and that is stable (k1 is
         * full with two newcomers it prefers). */
        options.capacity_count = 2;
        CHECK_OK(vb_stable_match(newcomers, 3, mentors, 2, &options, &pairs));
        check_pair(pairs, 0, "n1", NULL);
        CHECK(reviewer_of(pairs, "n2") != NULL && strcmp(reviewer_of(pairs, "n2"), "k1") == 0);
        found = as_array(pairs);
        CHECK_OK(vb_blocking_pairs(newcomers, 3, mentors, 2, found.items, 3, &options, &blocking));
        CHECK_SIZE(vb_match_pairs_count(blocking), 0);
        vb_match_pairs_free(blocking);
        vb_match_pairs_free(pairs);

        /* Every mentor with three places: everyone gets their first choice. */
        options.capacity = 3;
        options.capacity_count = 0;
        CHECK_OK(vb_stable_match(newcomers, 3, mentors, 2, &options, &pairs));
        check_pair(pairs, 0, "n1", "k1");
        check_pair(pairs, 2, "n3", "k1");
        vb_match_pairs_free(pairs);

        /* Bad capacities: nothing is returned. */
        pairs = (vb_match_pairs_t *)&options;
        options.capacity = -1;
        CHECK_FAILS(vb_stable_match(newcomers, 3, mentors, 2, &options, &pairs), VB_ERROR_INVALID_ARGUMENT,
                    "field 'options->capacity' is -1, must be >= 0");
        CHECK(pairs == NULL);
        options.capacity = 1;
        places[0] = -2;
        options.capacity_count = 1;
        CHECK_FAILS(vb_stable_match(newcomers, 3, mentors, 2, &options, &pairs), VB_ERROR_INVALID_ARGUMENT,
                    "capacities['k1'] is -2");
        places[0] = 2;
        reviewers[0] = "k7";
        CHECK_FAILS(vb_stable_match(newcomers, 3, mentors, 2, &options, &pairs), VB_ERROR_INVALID_ARGUMENT,
                    "unknown reviewer 'k7'");
        reviewers[0] = "k1";
        options.capacities = NULL;
        CHECK_FAILS(vb_stable_match(newcomers, 3, mentors, 2, &options, &pairs), VB_ERROR_INVALID_ARGUMENT,
                    "options->capacities");
        options.capacities = places;
        options.struct_size = 4;
        CHECK_FAILS(vb_stable_match(newcomers, 3, mentors, 2, &options, &pairs), VB_ERROR_INVALID_ARGUMENT,
                    "struct_size");
    }

    /* Bad preference lists. */
    {
        const char *unknown[] = {"w1", "w9"};
        const char *twice[] = {"w1", "w1"};
        const char *w3_short[] = {"m1", "m2"}; /* leaves out m3, who ranks w3 */
        vb_preference_list_t bad[3] = {{"m1", m1, 3}, {"m2", m2, 3}, {"m3", m3, 3}};
        vb_preference_list_t bad_women[3] = {{"w1", w1, 3}, {"w2", w2, 3}, {"w3", w3_short, 2}};
        CHECK_FAILS(vb_stable_match(men, 3, bad_women, 3, NULL, &pairs), VB_ERROR_INVALID_ARGUMENT,
                    "not square: proposer 'm3' ranks reviewer 'w3', who does not rank them");
        bad[1].ranked = unknown;
        bad[1].ranked_count = 2;
        CHECK_FAILS(vb_stable_match(bad, 3, women, 3, NULL, &pairs), VB_ERROR_INVALID_ARGUMENT,
                    "proposer_prefs['m2']: unknown reviewer 'w9'");
        bad[1].ranked = twice;
        CHECK_FAILS(vb_stable_match(bad, 3, women, 3, NULL, &pairs), VB_ERROR_INVALID_ARGUMENT,
                    "'w1' is ranked twice");
        bad[1].ranked = m2;
        bad[1].ranked_count = 3;
        bad[2].owner = "m1";
        CHECK_FAILS(vb_stable_match(bad, 3, women, 3, NULL, &pairs), VB_ERROR_INVALID_ARGUMENT,
                    "proposer 'm1' is listed twice");
        bad[2].owner = NULL;
        CHECK_FAILS(vb_stable_match(bad, 3, women, 3, NULL, &pairs), VB_ERROR_INVALID_ARGUMENT,
                    "argument 'proposer_prefs[2].owner' is NULL");
        bad[2].owner = "m3";
        bad[2].ranked = NULL;
        CHECK_FAILS(vb_stable_match(bad, 3, women, 3, NULL, &pairs), VB_ERROR_INVALID_ARGUMENT,
                    "proposer_prefs[2].ranked");
        CHECK_FAILS(vb_stable_match(NULL, 3, women, 3, NULL, &pairs), VB_ERROR_INVALID_ARGUMENT,
                    "argument 'proposer_prefs' is NULL");
        CHECK_FAILS(vb_stable_match(men, 3, women, 3, NULL, NULL), VB_ERROR_INVALID_ARGUMENT, "argument 'out'");
    }

    /* Bad matchings for the check. */
    {
        const vb_match_pair_t stranger[1] = {{"m7", "w1"}};
        const vb_match_pair_t unranked[1] = {{"m1", "w8"}};
        const vb_match_pair_t no_name[1] = {{NULL, "w1"}};
        const vb_match_pair_t repeated[2] = {{"m1", "w1"}, {"m1", NULL}};
        CHECK_FAILS(vb_blocking_pairs(men, 3, women, 3, stranger, 1, NULL, &blocking), VB_ERROR_INVALID_ARGUMENT,
                    "unknown proposer 'm7'");
        CHECK_FAILS(vb_blocking_pairs(men, 3, women, 3, unranked, 1, NULL, &blocking), VB_ERROR_INVALID_ARGUMENT,
                    "unknown reviewer 'w8'");
        CHECK_FAILS(vb_blocking_pairs(men, 3, women, 3, no_name, 1, NULL, &blocking), VB_ERROR_INVALID_ARGUMENT,
                    "matching[0].proposer");
        CHECK_FAILS(vb_blocking_pairs(men, 3, women, 3, repeated, 2, NULL, &blocking), VB_ERROR_INVALID_ARGUMENT,
                    "proposer 'm1' appears twice");
        CHECK_FAILS(vb_blocking_pairs(men, 3, women, 3, NULL, 1, NULL, &blocking), VB_ERROR_INVALID_ARGUMENT,
                    "argument 'matching' is NULL");
        CHECK(blocking == NULL);
    }

    /* Nobody at all is a valid, empty instance; NULL handles are safe. */
    CHECK_OK(vb_stable_match(NULL, 0, NULL, 0, NULL, &pairs));
    CHECK_SIZE(vb_match_pairs_count(pairs), 0);
    vb_match_pairs_free(pairs);
    CHECK_SIZE(vb_match_pairs_count(NULL), 0);
    CHECK(vb_match_pairs_proposer(NULL, 0) == NULL && vb_match_pairs_reviewer(NULL, 0) == NULL);
    vb_match_pairs_free(NULL);
    vb_stable_options_init(NULL);

    return check_summary("test_match_stable");
}
