/* Tables at an event through the C API: a seating worked out by hand,
 * special-category groups left out, reproducibility, and bad input. */
#include "check.h"

static void add(vb_network_t *net, const char *key, const char *talent, const char *group, const char *group2) {
    vb_resident_options_t r;
    const char *talents[1];
    const char *groups[2];
    talents[0] = talent;
    groups[0] = group;
    groups[1] = group2;
    vb_resident_options_init(&r);
    r.talents = talents;
    r.talent_count = 1;
    r.groups = groups;
    r.group_count = group2 ? 2 : 1;
    CHECK_OK(vb_network_add_resident(net, key, &r));
}

/* The length of list `list` of table i, or (size_t)-1 when the call fails. */
static size_t list_count(const vb_tables_t *tables, size_t i, vb_table_list_kind_t list) {
    size_t count = 0;
    return vb_table_list_count(tables, i, list, &count) == VB_OK ? count : (size_t)-1;
}

/* Item k of that list, or NULL when the call fails. */
static const char *list_item(const vb_tables_t *tables, size_t i, vb_table_list_kind_t list, size_t k) {
    const char *item = NULL;
    return vb_table_list_item(tables, i, list, k, &item) == VB_OK ? item : NULL;
}

/* Index of the table seating `key`, or (size_t)-1. */
static size_t table_of(const vb_tables_t *tables, const char *key) {
    size_t i, k;
    for (i = 0; i < vb_tables_count(tables); ++i)
        for (k = 0; k < list_count(tables, i, VB_TABLE_MEMBERS); ++k)
            if (strcmp(list_item(tables, i, VB_TABLE_MEMBERS, k), key) == 0) return i;
    return (size_t)-1;
}

int main(void) {
    vb_network_t *net = NULL;
    vb_tables_t *tables = NULL, *again = NULL;
    vb_table_options_t options;
    size_t i, k, seated = 0;

    /* Four guests at a dinner, two tables of two. Only {a1, a2} + {a3, a4}
     * gives everyone a table-mate with the same talent; it also puts one of
     * group A and one of B at each table, as in the room. a1's second group
     * is special-category and must not count. */
    CHECK_OK(vb_network_new(&net));
    add(net, "a1", "cooking", "A", "S");
    add(net, "a2", "cooking", "B", NULL);
    add(net, "a3", "chess", "A", NULL);
    add(net, "a4", "chess", "B", NULL);
    add(net, "a5", "gardening", "A", NULL);
    CHECK_OK(vb_network_mark_sensitive(net, "S"));
    CHECK_OK(vb_network_add_event(net, "dinner", "2024-03-01", "iftar", NULL));
    CHECK_OK(vb_network_add_event(net, "empty", "2024-03-02", "walk", NULL));
    CHECK_OK(vb_network_add_event(net, "solo", "2024-03-03", "walk", NULL));
    CHECK_OK(vb_network_attend(net, "dinner", "a3", NULL));
    CHECK_OK(vb_network_attend(net, "dinner", "a1", NULL));
    CHECK_OK(vb_network_attend(net, "dinner", "a4", NULL));
    CHECK_OK(vb_network_attend(net, "dinner", "a2", NULL));
    CHECK_OK(vb_network_attend(net, "solo", "a5", NULL));

    vb_table_options_init(&options);
    CHECK_SIZE(options.size, 8);
    options.size = 2;
    options.seed = 7;
    CHECK_OK(vb_tables(net, "dinner", &options, &tables));
    CHECK_SIZE(vb_tables_count(tables), 2);
    CHECK(table_of(tables, "a1") == table_of(tables, "a2"));
    CHECK(table_of(tables, "a3") == table_of(tables, "a4"));
    CHECK(table_of(tables, "a1") != table_of(tables, "a3"));
    for (i = 0; i < vb_tables_count(tables); ++i) {
        const char *talent = table_of(tables, "a1") == i ? "cooking" : "chess";
        seated += list_count(tables, i, VB_TABLE_MEMBERS);
        CHECK_SIZE(list_count(tables, i, VB_TABLE_MEMBERS), 2);
        CHECK_SIZE(list_count(tables, i, VB_TABLE_SHARED_TALENTS), 1);
        CHECK_STRING(list_item(tables, i, VB_TABLE_SHARED_TALENTS, 0), talent);
        CHECK_SIZE(list_count(tables, i, VB_TABLE_UNCONNECTED), 0);
        CHECK_SIZE(vb_table_groups(tables, i), 2); /* A and B; never S */
        CHECK_DOUBLE(vb_table_group_mix(tables, i), 1.0);
    }
    CHECK_SIZE(seated, 4);

    /* The same seed seats everyone the same way. */
    CHECK_OK(vb_tables(net, "dinner", &options, &again));
    CHECK_SIZE(vb_tables_count(again), vb_tables_count(tables));
    for (i = 0; i < vb_tables_count(tables); ++i)
        for (k = 0; k < list_count(tables, i, VB_TABLE_MEMBERS); ++k)
            CHECK_STRING(list_item(again, i, VB_TABLE_MEMBERS, k), list_item(tables, i, VB_TABLE_MEMBERS, k));
    vb_tables_free(again);

    /* Out of range: a clear error naming the argument, never a crash; the
     * out-parameter is cleared. */
    {
        size_t count = 99;
        const char *item = "x";
        CHECK_FAILS(vb_table_list_count(tables, 2, VB_TABLE_MEMBERS, &count), VB_ERROR_INVALID_ARGUMENT,
                    "vb_table_list_count: argument 'i' is 2, but there are 2 tables");
        CHECK_SIZE(count, 0);
        CHECK_FAILS(vb_table_list_count(tables, 0, (vb_table_list_kind_t)3, &count), VB_ERROR_INVALID_ARGUMENT,
                    "argument 'list' is 3, not a vb_table_list_kind_t");
        CHECK_FAILS(vb_table_list_item(tables, 0, VB_TABLE_MEMBERS, 2, &item), VB_ERROR_INVALID_ARGUMENT,
                    "vb_table_list_item: argument 'k' is 2, but the list has 2 items");
        CHECK(item == NULL);
        CHECK_FAILS(vb_table_list_item(tables, 0, (vb_table_list_kind_t)-1, 0, &item), VB_ERROR_INVALID_ARGUMENT,
                    "argument 'list' is -1");
        CHECK_FAILS(vb_table_list_item(tables, 0, VB_TABLE_MEMBERS, 0, NULL), VB_ERROR_INVALID_ARGUMENT,
                    "argument 'item' is NULL");
        CHECK_FAILS(vb_table_list_count(tables, 0, VB_TABLE_MEMBERS, NULL), VB_ERROR_INVALID_ARGUMENT,
                    "argument 'count' is NULL");
    }
    CHECK_SIZE(vb_table_groups(tables, 9), 0);
    vb_tables_free(tables);

    /* One guest: one table, and nobody there to share a talent with. The
     * room has one group, so the table mixes all of it. */
    CHECK_OK(vb_tables(net, "solo", NULL, &tables));
    CHECK_SIZE(vb_tables_count(tables), 1);
    CHECK_STRING(list_item(tables, 0, VB_TABLE_MEMBERS, 0), "a5");
    CHECK_STRING(list_item(tables, 0, VB_TABLE_UNCONNECTED, 0), "a5");
    CHECK_SIZE(list_count(tables, 0, VB_TABLE_SHARED_TALENTS), 0);
    CHECK_DOUBLE(vb_table_group_mix(tables, 0), 1.0);
    vb_tables_free(tables);

    /* No attendees: no tables. */
    CHECK_OK(vb_tables(net, "empty", NULL, &tables));
    CHECK_SIZE(vb_tables_count(tables), 0);
    vb_tables_free(tables);

    /* Bad input: nothing is returned. */
    tables = (vb_tables_t *)&options;
    CHECK_FAILS(vb_tables(net, "gala", NULL, &tables), VB_ERROR_NOT_FOUND, "unknown event 'gala'");
    CHECK(tables == NULL);
    options.size = 1;
    CHECK_FAILS(vb_tables(net, "dinner", &options, &tables), VB_ERROR_INVALID_ARGUMENT, "size must be >= 2, got 1");
    options.size = 2;
    options.struct_size = 3;
    CHECK_FAILS(vb_tables(net, "dinner", &options, &tables), VB_ERROR_INVALID_ARGUMENT, "struct_size");
    CHECK_FAILS(vb_tables(NULL, "dinner", NULL, &tables), VB_ERROR_INVALID_ARGUMENT, "argument 'net' is NULL");
    CHECK_FAILS(vb_tables(net, NULL, NULL, &tables), VB_ERROR_INVALID_ARGUMENT, "argument 'event' is NULL");
    CHECK_FAILS(vb_tables(net, "dinner", NULL, NULL), VB_ERROR_INVALID_ARGUMENT, "argument 'out' is NULL");
    CHECK_SIZE(vb_tables_count(NULL), 0);
    {
        const char *item = "x";
        CHECK_FAILS(vb_table_list_item(NULL, 0, VB_TABLE_MEMBERS, 0, &item), VB_ERROR_INVALID_ARGUMENT,
                    "argument 'tables' is NULL");
        CHECK(item == NULL);
    }
    CHECK_DOUBLE(vb_table_group_mix(NULL, 0), 0.0);
    vb_tables_free(NULL);
    vb_table_options_init(NULL);

    vb_network_free(net);
    return check_summary("test_match_tables");
}
