/* vb_pseudonym refuses the keys a Network refuses (issue 11: an empty key
 * got a pseudonym), with a message naming the key field and never the
 * secret. */
#include "check.h"

#include <string.h>

int main(void) {
    uint8_t secret[40];
    char out[65];
    const char *keys[] = {"", " ", "r-1 ", " r-1", "a\tb", "a\x7f", "\xff", "r-1", "Zuid", "\xc3\xa9t\xc3\xa9"};
    size_t i;
    for (i = 0; i < sizeof secret; ++i) secret[i] = (uint8_t)(0x41 + i); /* "ABCD...": findable in a message */

    for (i = 0; i < sizeof keys / sizeof keys[0]; ++i) {
        vb_network_t *net = NULL;
        int network_takes;
        vb_status_t actor, event;
        CHECK_OK(vb_network_new(&net));
        network_takes = vb_network_add_resident(net, keys[i], NULL) == VB_OK;
        vb_network_free(net);
        actor = vb_pseudonym(secret, sizeof secret, keys[i], VB_KEY_ACTOR, out, sizeof out);
        if (network_takes) {
            CHECK(actor == VB_OK);
            CHECK(strlen(out) == 64);
        } else {
            CHECK(actor == VB_ERROR_INVALID_ARGUMENT);
            CHECK(strstr(vb_last_error_message(), "pseudonym: actor key: ") != NULL);
            CHECK(strstr(vb_last_error_message(), "ABCDEFGH") == NULL);
        }
        event = vb_pseudonym(secret, sizeof secret, keys[i], VB_KEY_EVENT, out, sizeof out);
        CHECK((event == VB_OK) == network_takes);
        if (!network_takes) CHECK(strstr(vb_last_error_message(), "pseudonym: event key: ") != NULL);
    }
    CHECK(vb_pseudonym(secret, sizeof secret, "", VB_KEY_ACTOR, out, sizeof out) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "must not be empty") != NULL);
    return check_summary("test_pseudonym_keys");
}
