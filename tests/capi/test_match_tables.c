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
    CHECK_OK(vb_network_add_resident_ex(net, key, &r));
}

/* Index of the table seating `key`, or (size_t)-1. */
static size_t table_of(const vb_tables_t *tables, const char *key) {
    size_t i, k;
    for (i = 0; i < vb_tables_count(tables); ++i)
        for (k = 0; k < vb_table_list_count(tables, i, VB_TABLE_MEMBERS); ++k)
            if (strcmp(vb_table_list_item(tables, i, VB_TABLE_MEMBERS, k), key) == 0) return i;
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
        seated += vb_table_list_count(tables, i, VB_TABLE_MEMBERS);
        CHECK_SIZE(vb_table_list_count(tables, i, VB_TABLE_MEMBERS), 2);
        CHECK_SIZE(vb_table_list_count(tables, i, VB_TABLE_SHARED_TALENTS), 1);
        CHECK_STRING(vb_table_list_item(tables, i, VB_TABLE_SHARED_TALENTS, 0), talent);
        CHECK_SIZE(vb_table_list_count(tables, i, VB_TABLE_UNCONNECTED), 0);
        CHECK_SIZE(vb_table_groups(tables, i), 2); /* A and B; never S */
        CHECK_DOUBLE(vb_table_group_mix(tables, i), 1.0);
    }
    CHECK_SIZE(seated, 4);

    /* The same seed seats everyone the same way. */
    CHECK_OK(vb_tables(net, "dinner", &options, &again));
    CHECK_SIZE(vb_tables_count(again), vb_tables_count(tables));
    for (i = 0; i < vb_tables_count(tables); ++i)
        for (k = 0; k < vb_table_list_count(tables, i, VB_TABLE_MEMBERS); ++k)
            CHECK_STRING(vb_table_list_item(again, i, VB_TABLE_MEMBERS, k),
                         vb_table_list_item(tables, i, VB_TABLE_MEMBERS, k));
    vb_tables_free(again);

    /* Out of range: 0 and NULL, never a crash. */
    CHECK_SIZE(vb_table_list_count(tables, 2, VB_TABLE_MEMBERS), 0);
    CHECK_SIZE(vb_table_list_count(tables, 0, 3), 0);
    CHECK(vb_table_list_item(tables, 0, VB_TABLE_MEMBERS, 2) == NULL);
    CHECK(vb_table_list_item(tables, 0, -1, 0) == NULL);
    CHECK_SIZE(vb_table_groups(tables, 9), 0);
    vb_tables_free(tables);

    /* One guest: one table, and nobody there to share a talent with. The
     * room has one group, so the table mixes all of it. */
    CHECK_OK(vb_tables(net, "solo", NULL, &tables));
    CHECK_SIZE(vb_tables_count(tables), 1);
    CHECK_STRING(vb_table_list_item(tables, 0, VB_TABLE_MEMBERS, 0), "a5");
    CHECK_STRING(vb_table_list_item(tables, 0, VB_TABLE_UNCONNECTED, 0), "a5");
    CHECK_SIZE(vb_table_list_count(tables, 0, VB_TABLE_SHARED_TALENTS), 0);
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
    CHECK(vb_table_list_item(NULL, 0, VB_TABLE_MEMBERS, 0) == NULL);
    CHECK_DOUBLE(vb_table_group_mix(NULL, 0), 0.0);
    vb_tables_free(NULL);
    vb_table_options_init(NULL);

    vb_network_free(net);
    return check_summary("test_match_tables");
}
