/* Status codes (fixed forever), their names, the version, and the
 * thread-locality of the last error message. */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#include <pthread.h>
#include <stdio.h>

static void test_status_codes_are_fixed(void) {
    /* Published values: never renumbered. */
    CHECK(VB_OK == 0);
    CHECK(VB_ERROR_INVALID_ARGUMENT == 1);
    CHECK(VB_ERROR_NOT_FOUND == 2);
    CHECK(VB_ERROR_PARSE == 3);
    CHECK(VB_ERROR_IO == 4);
    CHECK(VB_ERROR_NO_MEMORY == 5);
    CHECK(VB_ERROR_CANCELLED == 6);
    CHECK(VB_ERROR_INTERNAL == 7);
    CHECK_STRING(vb_status_string(VB_OK), "ok");
    CHECK_STRING(vb_status_string(VB_ERROR_INVALID_ARGUMENT), "invalid argument");
    CHECK_STRING(vb_status_string(VB_ERROR_NOT_FOUND), "not found");
    CHECK_STRING(vb_status_string(VB_ERROR_PARSE), "parse error");
    CHECK_STRING(vb_status_string(VB_ERROR_IO), "I/O error");
    CHECK_STRING(vb_status_string(VB_ERROR_NO_MEMORY), "out of memory");
    CHECK_STRING(vb_status_string(VB_ERROR_CANCELLED), "cancelled");
    CHECK_STRING(vb_status_string(VB_ERROR_INTERNAL), "internal error");
    CHECK_STRING(vb_status_string((vb_status_t)8), "unknown status");
    CHECK_STRING(vb_status_string((vb_status_t)-1), "unknown status");
}

static void test_version(void) {
    char expected[32];
    /* This header and the library it was built with agree. */
    CHECK_STRING(vb_version(), VB_VERSION_STRING);
    CHECK(vb_version_number() == VB_VERSION_NUMBER);
    snprintf(expected, sizeof expected, "%d.%d.%d", VB_VERSION_MAJOR, VB_VERSION_MINOR, VB_VERSION_PATCH);
    CHECK_STRING(VB_VERSION_STRING, expected);
}

/* Each thread fails in its own way and must read back its own message. */
static void *fail_on_this_thread(void *argument) {
    const char *key = (const char *)argument;
    vb_network_t *net = NULL;
    int i, own_message = 1;
    char expected[64];
    if (vb_network_new(&net) != VB_OK) return NULL;
    snprintf(expected, sizeof expected, "unknown actor '%s'", key);
    /* A fresh thread has no message. */
    if (vb_last_error_message()[0] != '\0') own_message = 0;
    for (i = 0; i < 2000; ++i) {
        if (vb_network_remove(net, key) != VB_ERROR_NOT_FOUND) own_message = 0;
        if (strstr(vb_last_error_message(), expected) == NULL) own_message = 0;
    }
    vb_network_free(net);
    return own_message ? argument : NULL;
}

static void test_messages_are_thread_local(void) {
    static const char *const keys[] = {"anna", "bram", "cem", "dewi"};
    pthread_t threads[4];
    void *result;
    int i;
    CHECK_FAILS(vb_network_new(NULL), VB_ERROR_INVALID_ARGUMENT, "vb_network_new: argument 'out' is NULL");
    for (i = 0; i < 4; ++i) CHECK(pthread_create(&threads[i], NULL, fail_on_this_thread, (void *)keys[i]) == 0);
    for (i = 0; i < 4; ++i) {
        result = NULL;
        CHECK(pthread_join(threads[i], &result) == 0);
        CHECK(result == (void *)keys[i]);
    }
    /* The other threads' failures did not touch this thread's message. */
    CHECK_STRING(vb_last_error_message(), "vb_network_new: argument 'out' is NULL");
}

int main(void) {
    test_status_codes_are_fixed();
    test_version();
    test_messages_are_thread_local();
    return check_summary("test_errors");
}
