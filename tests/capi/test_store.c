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

int main(void) {
    char path[256];
    vb_network_t *net = NULL, *back = NULL, *copy = NULL;
    vb_store_t *store = NULL;
    vb_tie_options_t tie;
    vb_resident_options_t resident;
    const char *groups[] = {"lgbti"};

    scratch_path(path, sizeof path, "a.db");
    CHECK(vb_store_schema_version() == 3);

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
