/* The store through the C ABI: save/load, a store kept open, sensitive
 * marks, errors with messages, NULL arguments. */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void scratch_path(char *buffer, size_t size, const char *name) {
    snprintf(buffer, size, "/tmp/verbind-c-store-%ld-%s", (long)getpid(), name);
    remove(buffer);
}

static void cleanup(const char *path) {
    char extra[512];
    remove(path);
    snprintf(extra, sizeof extra, "%s-wal", path);
    remove(extra);
    snprintf(extra, sizeof extra, "%s-shm", path);
    remove(extra);
}

/* The whole file, malloc'ed (NULL when it cannot be read). */
static unsigned char *read_all(const char *path, long *size) {
    FILE *f = fopen(path, "rb");
    unsigned char *data;
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    *size = ftell(f);
    fseek(f, 0, SEEK_SET);
    data = (unsigned char *)malloc((size_t)*size + 1);
    if (data && fread(data, 1, (size_t)*size, f) != (size_t)*size) {
        free(data);
        data = NULL;
    }
    fclose(f);
    return data;
}

static int write_all(const char *path, const unsigned char *data, long size) {
    FILE *f = fopen(path, "wb");
    int ok;
    if (!f) return 0;
    ok = fwrite(data, 1, (size_t)size, f) == (size_t)size;
    return fclose(f) == 0 && ok;
}

/* The offset of the first `needle` in `data`, or -1. */
static long find_bytes(const unsigned char *data, long size, const char *needle) {
    long i, n = (long)strlen(needle);
    for (i = 0; i + n <= size; ++i)
        if (memcmp(data + i, needle, (size_t)n) == 0) return i;
    return -1;
}

/* True when every byte of `text` is printable ASCII or part of valid-looking
 * UTF-8 text without 0xFF/0xFE (what an escaped message may hold). */
static int no_raw_invalid_bytes(const char *text) {
    for (; *text; ++text)
        if ((unsigned char)*text == 0xFF || (unsigned char)*text == 0xFE) return 0;
    return 1;
}

/* Damage through the C ABI: a flipped bit in a stored row is corruption
 * (VB_ERROR_IO, a message naming the file), the file is left as it is; a
 * text that is not UTF-8 in a file from before checksums is a parse error
 * whose message shows the bytes escaped, never raw. */
static void damaged_files(void) {
    char path[256];
    vb_network_t *net = NULL, *back = NULL;
    unsigned char *data, *after;
    long size = 0, after_size = 0, at, i;

    scratch_path(path, sizeof path, "damaged.db");
    CHECK_OK(vb_network_new(&net));
    CHECK_OK(add_resident_in(net, "zoe", "Noordhoek"));
    CHECK_OK(add_resident_in(net, "yan", "Zuid"));
    CHECK_OK(vb_network_add_tie(net, "zoe", "yan", "knows", NULL));
    CHECK_OK(vb_network_save(net, path));
    data = read_all(path, &size);
    CHECK(data != NULL);
    if (data) {
        at = find_bytes(data, size, "Noordhoek");
        CHECK(at > 0);
        data[at] ^= 0x01; /* 'O': another neighbourhood, if it loaded */
        CHECK(write_all(path, data, size));
        CHECK(vb_network_load(path, &back) == VB_ERROR_IO);
        CHECK(back == NULL);
        CHECK(strstr(vb_last_error_message(), "damaged.db': the file is corrupt: its checksum does not match") !=
              NULL);
        after = read_all(path, &after_size);
        CHECK(after != NULL && after_size == size && memcmp(after, data, (size_t)size) == 0);
        free(after);
        data[at] ^= 0x01;

        /* As verbind wrote it before checksums (schema version 2, no
         * checksum row), with a byte of a text that is not UTF-8. */
        data[60] = 0;
        data[61] = 0;
        data[62] = 0;
        data[63] = 2;
        for (i = find_bytes(data, size, "checksum"); i >= 0; i = find_bytes(data, size, "checksum"))
            data[i + 7] = 'M';
        data[at + 6] = 0xFF;
        CHECK(write_all(path, data, size));
        CHECK(vb_network_load(path, &back) == VB_ERROR_PARSE);
        CHECK(strstr(vb_last_error_message(), "field 'neighbourhood': is not valid UTF-8 ('Noordh\\xFFek')") != NULL);
        CHECK(no_raw_invalid_bytes(vb_last_error_message()));
        free(data);
    }
    /* A path that is not UTF-8 is escaped in the message too. */
    CHECK(vb_network_load("/tmp/verbind-no-such-\xff-store.db", &back) == VB_ERROR_IO);
    CHECK(strstr(vb_last_error_message(), "verbind-no-such-\\xFF-store.db': no such file") != NULL);
    CHECK(no_raw_invalid_bytes(vb_last_error_message()));

    vb_network_free(net);
    cleanup(path);
}

/* Two stores on one file: the second sees the first's change before it
 * writes (no raw "UNIQUE constraint failed"). */
static void two_stores(void) {
    char path[256];
    vb_network_t *net = NULL, *copy = NULL;
    vb_store_t *first = NULL, *second = NULL;

    scratch_path(path, sizeof path, "two.db");
    CHECK_OK(vb_network_new(&net));
    CHECK_OK(vb_network_add_resident(net, "ann", NULL));
    CHECK_OK(vb_network_save(net, path));
    CHECK_OK(vb_store_open(path, &first));
    CHECK_OK(vb_store_open(path, &second));
    CHECK_OK(vb_store_add_resident(first, "bob", NULL));
    CHECK(vb_store_add_resident(second, "bob", NULL) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "resident 'bob': key already exists") != NULL);
    CHECK_OK(vb_store_add_tie(second, "bob", "ann", "knows", NULL));
    CHECK_OK(vb_store_network(first, &copy));
    CHECK(vb_network_tie_count(copy) == 1);
    CHECK(vb_network_actor_count(copy) == 2);
    vb_network_free(copy);
    vb_store_free(first);
    vb_store_free(second);
    vb_network_free(net);
    cleanup(path);
}

int main(void) {
    char path[256];
    vb_network_t *net = NULL, *back = NULL, *copy = NULL;
    vb_store_t *store = NULL;
    vb_tie_options_t tie;
    vb_resident_options_t resident;
    const char *groups[] = {"lgbti"};

    scratch_path(path, sizeof path, "a.db");
    CHECK(vb_store_schema_version() == 3);
    damaged_files();
    two_stores();

    CHECK_OK(vb_network_davis_southern_women(&net));
    CHECK_OK(vb_network_mark_sensitive_tie_kind(net, "member_of"));
    CHECK(vb_network_mark_sensitive_event(net, "no-such-event") == VB_ERROR_NOT_FOUND);
    CHECK(strstr(vb_last_error_message(), "vb_network_mark_sensitive_event: unknown event 'no-such-event'") != NULL);
    CHECK_OK(vb_network_save(net, path));
    CHECK_OK(vb_network_load(path, &back));
    CHECK(vb_network_actor_count(back) == vb_network_actor_count(net));
    CHECK(vb_network_event_count(back) == vb_network_event_count(net));
    CHECK(vb_network_attendance_count(back) == 89);
    vb_network_free(back);
    back = NULL;

    /* a store kept open */
    CHECK_OK(vb_store_open(path, &store));
    vb_resident_options_init(&resident);
    resident.groups = groups;
    resident.group_count = 1;
    resident.neighbourhood = "Noord";
    CHECK_OK(vb_store_add_resident(store, "new-resident", &resident));
    CHECK_OK(vb_store_add_organisation(store, "new-library", "library", NULL));
    vb_tie_options_init(&tie);
    tie.since = "2023-01-01";
    tie.weight = 2.0;
    CHECK_OK(vb_store_add_tie(store, "new-resident", "new-library", "member_of", &tie));
    CHECK_OK(vb_store_add_event(store, "new-event", "2023-05-05", "breakfast", NULL));
    CHECK_OK(vb_store_add_organiser(store, "new-event", "new-library"));
    CHECK_OK(vb_store_attend(store, "new-event", "new-resident", NULL));
    CHECK_OK(vb_store_mark_sensitive(store, "lgbti"));
    CHECK_OK(vb_store_mark_sensitive_event(store, "new-event"));
    CHECK_OK(vb_store_mark_sensitive_tie_kind(store, "member_of"));
    tie.since = "2023-13-01";
    CHECK(vb_store_add_tie(store, "new-resident", "new-library", "knows", &tie) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "field 'since'") != NULL);
    CHECK(vb_store_add_tie(store, "new-resident", "nobody", "knows", NULL) == VB_ERROR_NOT_FOUND);
    CHECK_OK(vb_store_network(store, &copy));
    CHECK(vb_network_actor_count(copy) == vb_network_actor_count(net) + 2);
    CHECK(vb_network_tie_count(copy) == vb_network_tie_count(net) + 1);
    vb_store_free(store);
    store = NULL;

    CHECK_OK(vb_network_load(path, &back));
    CHECK(vb_network_actor_count(back) == vb_network_actor_count(copy));
    CHECK(vb_network_tie_count(back) == vb_network_tie_count(copy));
    CHECK(vb_network_has_actor(back, "new-resident") == 1);
    vb_network_free(back);
    back = NULL;
    vb_network_free(copy);
    copy = NULL;

    /* erasure through the store */
    CHECK_OK(vb_store_open(path, &store));
    CHECK_OK(vb_store_remove(store, "new-resident"));
    CHECK(vb_store_remove(store, "new-resident") == VB_ERROR_NOT_FOUND);
    CHECK_OK(vb_store_remove_event(store, "new-event"));
    CHECK_OK(vb_store_replace(store, net));
    CHECK_OK(vb_store_compact(store));
    vb_store_free(store);
    store = NULL;
    CHECK_OK(vb_network_load(path, &back));
    CHECK(vb_network_has_actor(back, "new-resident") == 0);
    CHECK(vb_network_actor_count(back) == vb_network_actor_count(net));
    vb_network_free(back);
    back = NULL;

    /* errors */
    CHECK(vb_network_load("/tmp/verbind-no-such-store.db", &back) == VB_ERROR_IO);
    CHECK(back == NULL);
    CHECK(strstr(vb_last_error_message(), "vb_network_load: store '/tmp/verbind-no-such-store.db': no such file") !=
          NULL);
    CHECK(vb_network_save(net, "/proc/verbind.db") == VB_ERROR_IO);
    CHECK(vb_store_open("/proc/verbind.db", &store) == VB_ERROR_IO);
    CHECK(store == NULL);

    /* NULL arguments */
    CHECK(vb_network_save(NULL, path) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(vb_network_save(net, NULL) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(vb_network_load(path, NULL) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(vb_store_open(NULL, &store) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(vb_store_add_tie(NULL, "a", "b", "knows", NULL) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "argument 'store' is NULL") != NULL);
    CHECK(vb_store_network(NULL, &copy) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(copy == NULL);
    CHECK(vb_store_compact(NULL) == VB_ERROR_INVALID_ARGUMENT);
    vb_store_free(NULL);

    vb_network_free(net);
    cleanup(path);
    return check_summary("test_store");
}
