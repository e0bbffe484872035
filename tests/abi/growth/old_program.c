/* The growth rule, proven (docs/abi-policy.md, "Growing options and
 * results"; ctest abi_growth): this program is compiled against the 1.0
 * header, then run unchanged against libverbind.so.1 and against a library
 * built with one more field appended to vb_records_options_t and one more
 * to vb_actor_record_t (tests/abi/growth/grow_header.py). It prints what it
 * computed; tests/abi/abi_check.py growth runs it against both and requires
 * the same lines.
 *
 * Every struct sits in a box with bytes after it: 0xA5 garbage for the
 * options (a library that read past struct_size would see a non-zero
 * appended option and refuse the call), a canary for the results (a library
 * that wrote past struct_size would change it).
 */
#define _GNU_SOURCE /* RTLD_DEFAULT */
#include "verbind.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static int failures = 0;

static void check(int ok, const char *what) {
    if (!ok) {
        ++failures;
        fprintf(stderr, "old_program: FAILED: %s (%s)\n", what, vb_last_error_message());
    }
}

static int untouched(const unsigned char *bytes, size_t n, unsigned char value) {
    size_t i;
    for (i = 0; i < n; ++i)
        if (bytes[i] != value) return 0;
    return 1;
}

int main(void) {
    struct {
        vb_records_options_t options;
        unsigned char after[64];
    } box;
    struct {
        vb_actor_record_t record;
        unsigned char canary[64];
    } out;
    vb_network_t *net = NULL;
    vb_records_t *records = NULL;

    /* Which library runs: the grown one exports one more symbol. */
    printf("grown library: %s\n", dlsym(RTLD_DEFAULT, "vb_test_growth_build") ? "yes" : "no");

    check(vb_network_new(&net) == VB_OK, "vb_network_new");
    check(vb_network_add_resident(net, "r1", NULL) == VB_OK, "add r1");
    check(vb_network_add_resident(net, "r2", NULL) == VB_OK, "add r2");
    check(vb_network_add_event(net, "e1", "2022-05-05", "5 May breakfast", NULL) == VB_OK, "add e1");
    check(vb_network_attend(net, "e1", "r1", NULL) == VB_OK, "attend");
    check(vb_network_mark_sensitive_event(net, "e1") == VB_OK, "mark e1");

    /* Options: _init writes only this program's struct, the call reads only
     * it (the bytes after it would make the grown library refuse). */
    memset(&box, 0xA5, sizeof box);
    vb_records_options_init(&box.options);
    check(box.options.struct_size == sizeof box.options, "struct_size is this program's");
    check(untouched(box.after, sizeof box.after, 0xA5), "_init wrote only this program's struct");
    check(vb_network_records(net, &box.options, &records) == VB_OK, "vb_network_records");
    printf("records: %lu actors, %lu events, %lu attendances\n", (unsigned long)vb_records_actor_count(records),
           (unsigned long)vb_records_event_count(records), (unsigned long)vb_records_attendance_count(records));
    check(vb_records_event_count(records) == 0, "the sensitive event stays out");

    /* Results: the library writes only this program's struct. */
    memset(&out, 0x5A, sizeof out);
    vb_actor_record_init(&out.record);
    check(vb_records_actor(records, 1, &out.record) == VB_OK, "vb_records_actor");
    check(out.record.struct_size == sizeof out.record, "struct_size kept");
    check(untouched(out.canary, sizeof out.canary, 0x5A), "the library wrote only this program's struct");
    check(out.record.key != NULL && strcmp(out.record.key, "r2") == 0, "the record's key");
    printf("actor 1: %s, resident %d, key figure %d, talents %lu, groups %lu\n", out.record.key,
           out.record.type == VB_ACTOR_RESIDENT, out.record.key_figure, (unsigned long)out.record.talent_count,
           (unsigned long)out.record.group_count);

    vb_records_free(records);
    vb_network_free(net);
    printf("failures: %d\n", failures);
    return failures == 0 ? 0 : 1;
}
