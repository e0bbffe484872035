/* The match capability through the C API: hand-computed assignments, bad
 * input, and introductions on a hand-made network. */
#include "check.h"

#include <math.h>

int main(void) {
    /* 4 1 3 / 2 0 5 / 3 2 2: the optimum is (0,1) (1,0) (2,2), total 5. */
    const double cost[9] = {4, 1, 3, 2, 0, 5, 3, 2, 2};
    vb_assignment_t *a = NULL;
    int64_t rows[3] = {-1, -1, -1}, cols[3] = {-1, -1, -1};
    CHECK_OK(vb_linear_assignment(cost, 3, 3, 0, &a));
    CHECK(vb_assignment_count(a) == 3);
    CHECK_FAILS(vb_assignment_pairs(a, 2, rows, cols), VB_ERROR_INVALID_ARGUMENT,
                "vb_assignment_pairs: argument 'capacity' is 2, but the assignment has 3 pairs");
    CHECK(rows[0] == -1 && cols[0] == -1); /* nothing written */
    CHECK_OK(vb_assignment_pairs(a, 3, rows, cols));
    CHECK(rows[0] == 0 && cols[0] == 1);
    CHECK(rows[1] == 1 && cols[1] == 0);
    CHECK(rows[2] == 2 && cols[2] == 2);
    CHECK(vb_assignment_total(a) == 5.0);
    vb_assignment_free(a);
    CHECK_OK(vb_linear_assignment(cost, 3, 3, 1, &a));
    CHECK(vb_assignment_total(a) == 11.0);
    vb_assignment_free(a);

    /* Two key figures, three events; each figure up to two events. */
    {
        const double c[6] = {1, 5, 2, 4, 1, 3};
        const int64_t two = 2, negative[2] = {1, -1};
        vb_assign_options_t options;
        vb_assign_options_init(&options);
        options.row_capacity = &two;
        options.row_capacity_count = 1;
        CHECK_OK(vb_assign(c, 2, 3, &options, &a));
        CHECK(vb_assignment_count(a) == 3);
        CHECK(vb_assignment_total(a) == 4.0);
        vb_assignment_free(a);
        options.row_capacity = negative;
        options.row_capacity_count = 2;
        a = (vb_assignment_t *)&options; /* must be reset to NULL on failure */
        CHECK_FAILS(vb_assign(c, 2, 3, &options, &a), VB_ERROR_INVALID_ARGUMENT, "row_capacity[1] is -1");
        CHECK(a == NULL);
        options.struct_size = 1;
        CHECK_FAILS(vb_assign(c, 2, 3, &options, &a), VB_ERROR_INVALID_ARGUMENT, "struct_size");
    }
    {
        const double forbidden[4] = {INFINITY, 1, INFINITY, 2};
        const double nan_cost[4] = {1, NAN, 2, 3};
        CHECK_FAILS(vb_linear_assignment(forbidden, 2, 2, 0, &a), VB_ERROR_INVALID_ARGUMENT, "infeasible");
        CHECK_FAILS(vb_linear_assignment(nan_cost, 2, 2, 0, &a), VB_ERROR_INVALID_ARGUMENT, "is nan");
        CHECK_FAILS(vb_linear_assignment(NULL, 2, 2, 0, &a), VB_ERROR_INVALID_ARGUMENT, "cost");
        CHECK_FAILS(vb_linear_assignment(cost, 3, 3, 0, NULL), VB_ERROR_INVALID_ARGUMENT, "out");
    }
    CHECK(vb_assignment_count(NULL) == 0);
    CHECK_FAILS(vb_assignment_pairs(NULL, 3, rows, cols), VB_ERROR_INVALID_ARGUMENT, "argument 'assignment' is NULL");
    vb_assignment_free(NULL);

    /* Introductions: r1 and r2 cook and declared different groups; r1 and
     * r3 are in the same group; r4 knows r2 and r3. */
    {
        vb_network_t *net = NULL;
        vb_introductions_t *intros = NULL;
        vb_introduction_options_t options;
        size_t count = 99;
        const char *text = NULL;
        vb_resident_options_t r;
        const char *cooking[1] = {"cooking"};
        const char *group_a[1] = {"A"}, *group_b[1] = {"B"};
        CHECK_OK(vb_network_new(&net));
        vb_resident_options_init(&r);
        r.municipality = "Lelystad";
        r.talents = cooking;
        r.talent_count = 1;
        r.groups = group_a;
        r.group_count = 1;
        CHECK_OK(vb_network_add_resident(net, "r1", &r));
        CHECK_OK(vb_network_add_resident(net, "r3", &r));
        r.groups = group_b;
        CHECK_OK(vb_network_add_resident(net, "r2", &r));
        vb_introduction_options_init(&options);
        options.per_person = 1;
        CHECK_OK(vb_introductions(net, &options, &intros));
        CHECK(vb_introductions_count(intros) == 1);
        CHECK(strcmp(vb_introduction_a(intros, 0), "r1") == 0);
        CHECK(strcmp(vb_introduction_b(intros, 0), "r2") == 0);
        CHECK(vb_introduction_score(intros, 0) > 0.0);
        CHECK_OK(vb_introduction_list_count(intros, 0, VB_INTRODUCTION_SHARED_TALENTS, &count));
        CHECK(count == 1);
        CHECK_OK(vb_introduction_list_item(intros, 0, VB_INTRODUCTION_SHARED_TALENTS, 0, &text));
        CHECK(text != NULL && strcmp(text, "cooking") == 0);
        CHECK_FAILS(vb_introduction_list_item(intros, 0, VB_INTRODUCTION_SHARED_TALENTS, 1, &text),
                    VB_ERROR_INVALID_ARGUMENT, "vb_introduction_list_item: argument 'k' is 1, but the list has 1");
        CHECK(text == NULL);
        CHECK_FAILS(vb_introduction_list_count(intros, 0, (vb_introduction_list_kind_t)99, &count),
                    VB_ERROR_INVALID_ARGUMENT, "argument 'list' is 99, not a vb_introduction_list_kind_t");
        CHECK(count == 0);
        CHECK_FAILS(vb_introduction_list_count(intros, 0, (vb_introduction_list_kind_t)-1, &count),
                    VB_ERROR_INVALID_ARGUMENT, "argument 'list' is -1");
        CHECK_FAILS(vb_introduction_list_count(intros, 5, VB_INTRODUCTION_VIA, &count), VB_ERROR_INVALID_ARGUMENT,
                    "argument 'i' is 5, but there are 1 suggestions");
        CHECK_FAILS(vb_introduction_list_count(NULL, 0, VB_INTRODUCTION_VIA, &count), VB_ERROR_INVALID_ARGUMENT,
                    "argument 'intros' is NULL");
        CHECK_FAILS(vb_introduction_list_count(intros, 0, VB_INTRODUCTION_VIA, NULL), VB_ERROR_INVALID_ARGUMENT,
                    "argument 'count' is NULL");
        CHECK_FAILS(vb_introduction_list_item(intros, 0, VB_INTRODUCTION_VIA, 0, NULL), VB_ERROR_INVALID_ARGUMENT,
                    "argument 'item' is NULL");
        CHECK(vb_introduction_a(intros, 5) == NULL);
        CHECK_OK(vb_introduction_list_count(intros, 0, VB_INTRODUCTION_VIA, &count));
        CHECK(count == 0);
        CHECK(vb_introduction_via_reason(intros, 0, 0) == NULL); /* no one can introduce them */
        vb_introductions_free(intros);
        /* m1 knows r1 and r2: the mutual contact, and why. */
        CHECK_OK(vb_network_add_resident(net, "m1", NULL));
        CHECK_OK(vb_network_add_tie(net, "m1", "r1", "knows", NULL));
        CHECK_OK(vb_network_add_tie(net, "m1", "r2", "knows", NULL));
        CHECK_OK(vb_introductions(net, &options, &intros));
        CHECK(vb_introductions_count(intros) == 1);
        CHECK_OK(vb_introduction_list_count(intros, 0, VB_INTRODUCTION_VIA, &count));
        CHECK(count == 1);
        CHECK_OK(vb_introduction_list_item(intros, 0, VB_INTRODUCTION_VIA, 0, &text));
        CHECK(text != NULL && strcmp(text, "m1") == 0);
        CHECK(strcmp(vb_introduction_via_reason(intros, 0, 0), "mutual contact") == 0);
        CHECK(vb_introduction_via_reason(intros, 0, 1) == NULL);
        CHECK(vb_introduction_via_reason(intros, 1, 0) == NULL);
        CHECK(vb_introduction_via_reason(NULL, 0, 0) == NULL);
        vb_introductions_free(intros);
        options.municipality = "Utrecht";
        CHECK_FAILS(vb_introductions(net, &options, &intros), VB_ERROR_NOT_FOUND, "Utrecht");
        options.municipality = NULL;
        options.start = "2022-13-01";
        CHECK_FAILS(vb_introductions(net, &options, &intros), VB_ERROR_INVALID_ARGUMENT, "2022-13-01");
        CHECK_FAILS(vb_introductions(NULL, &options, &intros), VB_ERROR_INVALID_ARGUMENT, "net");
        vb_introductions_free(NULL);
        vb_network_free(net);
    }
    return check_summary("test_match");
}
