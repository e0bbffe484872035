/* Privacy through the C ABI: suppression, pseudonyms, GraphML, errors. */
#include "check.h"

#include <stdio.h>
#include <string.h>

int main(void) {
    const uint64_t counts[6] = {3, 20, 30, 12, 15, 40};
    uint8_t marks[12];
    uint64_t table[12];
    uint8_t secret[32];
    char pseudonym[65];
    char event_pseudonym[65];
    vb_network_t *net = NULL, *p = NULL;
    vb_suppression_options_t cells;
    size_t i;
    FILE *file;
    char text[4096];
    size_t length;

    vb_suppression_options_init(&cells);
    CHECK(cells.min_cell == 10);
    CHECK_OK(vb_suppress_small_cells(counts, 2, 3, &cells, marks, table));
    CHECK(table[3] == 53 && table[7] == 67 && table[11] == 120);
    CHECK(marks[0] == 1);                  /* 3 is small */
    CHECK(marks[1] == 2 && marks[4] == 2); /* its row and column partners */
    CHECK(marks[2] == 0 && marks[11] == 0);
    CHECK_OK(vb_suppress_small_cells(counts, 2, 3, NULL, marks, NULL)); /* NULL options: min_cell 10 */
    CHECK(marks[0] == 1 && marks[1] == 2);
    cells.min_cell = 0;
    CHECK(vb_suppress_small_cells(counts, 2, 3, &cells, marks, table) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "min_cell must be at least 1") != NULL);
    CHECK(vb_suppress_small_cells(NULL, 2, 3, NULL, marks, table) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(vb_suppress_small_cells(counts, 0, 3, NULL, marks, table) == VB_ERROR_INVALID_ARGUMENT);

    for (i = 0; i < sizeof secret; ++i) secret[i] = (uint8_t)i;
    CHECK_OK(vb_pseudonym(secret, sizeof secret, "ann", VB_KEY_ACTOR, pseudonym, sizeof pseudonym));
    CHECK(strlen(pseudonym) == 64);
    CHECK_OK(vb_pseudonym(secret, sizeof secret, "ann", VB_KEY_EVENT, event_pseudonym, sizeof event_pseudonym));
    CHECK(strcmp(pseudonym, event_pseudonym) != 0);
    CHECK(vb_pseudonym(secret, 16, "ann", VB_KEY_ACTOR, pseudonym, sizeof pseudonym) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "secret has 16 bytes, needs at least 32") != NULL);
    CHECK(vb_pseudonym(secret, sizeof secret, "ann", VB_KEY_ACTOR, pseudonym, 64) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(vb_pseudonym(secret, sizeof secret, "ann", (vb_key_domain_t)2, pseudonym, sizeof pseudonym) ==
          VB_ERROR_INVALID_ARGUMENT);
    CHECK(strstr(vb_last_error_message(), "vb_pseudonym: argument 'domain' is 2, not a vb_key_domain_t") != NULL);

    CHECK_OK(vb_network_davis_southern_women(&net));
    CHECK_OK(vb_network_pseudonymise(net, secret, sizeof secret, &p));
    CHECK(vb_network_actor_count(p) == vb_network_actor_count(net));
    CHECK(vb_network_attendance_count(p) == vb_network_attendance_count(net));
    CHECK(vb_network_has_actor(p, "Evelyn Jefferson") == 0);
    CHECK_OK(vb_pseudonym(secret, sizeof secret, "Evelyn Jefferson", VB_KEY_ACTOR, pseudonym, sizeof pseudonym));
    CHECK(vb_network_has_actor(p, pseudonym) == 1);
    vb_network_free(p);
    p = NULL;
    CHECK(vb_network_pseudonymise(net, secret, 3, &p) == VB_ERROR_INVALID_ARGUMENT);
    CHECK(p == NULL);

    CHECK_OK(vb_network_write_graphml(net, "/tmp/verbind-c-privacy.graphml", NULL));
    file = fopen("/tmp/verbind-c-privacy.graphml", "rb");
    CHECK(file != NULL);
    if (file) {
        length = fread(text, 1, sizeof text - 1, file);
        text[length] = '\0';
        fclose(file);
        CHECK(strstr(text, "<graphml") != NULL);
        CHECK(strstr(text, "<node id=\"Evelyn Jefferson\">") != NULL);
    }
    remove("/tmp/verbind-c-privacy.graphml");
    CHECK(vb_network_write_graphml(net, "/proc/verbind.graphml", NULL) == VB_ERROR_IO);
    CHECK(vb_network_write_graphml(NULL, "/tmp/x.graphml", NULL) == VB_ERROR_INVALID_ARGUMENT);

    vb_network_free(net);
    return check_summary("test_privacy");
}
