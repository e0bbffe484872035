/*
 * The small network that several C tests build by hand, so that every
 * expected value can be worked out on paper:
 *
 *   residents r1, r2 (Noord), r3, r4 (Zuid); organisation lib (library, Noord)
 *
 *   ties   r1 - r2   knows      since 2021-01-01
 *          r2 - r3   knows      since 2022-03-01
 *          r3 - r4   knows      (open)
 *          r1 - lib  member_of  since 2020-05-05
 *          r2 - lib  member_of  (open)
 *
 *   events e1 2022-05-04 "4 May commemoration" (Noord): r1, r2 (brought by r1), lib
 *          e2 2022-05-05 "5 May breakfast"     (Noord): r1, r2, r3 (brought by r2)
 *          e3 2022-07-01 "Keti Koti"           (Zuid):  r3, r4 (brought by r3)
 *
 * Node order in every view is the insertion order: r1 r2 r3 r4 lib.
 */
#ifndef VERBIND_TESTS_HAND_NETWORK_H
#define VERBIND_TESTS_HAND_NETWORK_H

#include "check.h"

static inline vb_network_t *hand_network(void) {
    vb_network_t *net = NULL;
    CHECK_OK(vb_network_new(&net));
    CHECK_OK(add_resident_in(net, "r1", "Noord"));
    CHECK_OK(add_resident_in(net, "r2", "Noord"));
    CHECK_OK(add_resident_in(net, "r3", "Zuid"));
    CHECK_OK(add_resident_in(net, "r4", "Zuid"));
    CHECK_OK(add_organisation_in(net, "lib", "library", "Noord"));
    CHECK_OK(add_tie_since(net, "r1", "r2", "knows", "2021-01-01"));
    CHECK_OK(add_tie_since(net, "r2", "r3", "knows", "2022-03-01"));
    CHECK_OK(vb_network_add_tie(net, "r3", "r4", "knows", NULL));
    CHECK_OK(add_tie_since(net, "r1", "lib", "member_of", "2020-05-05"));
    CHECK_OK(vb_network_add_tie(net, "r2", "lib", "member_of", NULL));
    CHECK_OK(add_event_in(net, "e1", "2022-05-04", "4 May commemoration", "Noord"));
    CHECK_OK(add_event_in(net, "e2", "2022-05-05", "5 May breakfast", "Noord"));
    CHECK_OK(add_event_in(net, "e3", "2022-07-01", "Keti Koti", "Zuid"));
    CHECK_OK(vb_network_attend(net, "e1", "r1", NULL));
    CHECK_OK(vb_network_attend(net, "e1", "r2", "r1"));
    CHECK_OK(vb_network_attend(net, "e1", "lib", NULL));
    CHECK_OK(vb_network_attend(net, "e2", "r1", NULL));
    CHECK_OK(vb_network_attend(net, "e2", "r2", ""));
    CHECK_OK(vb_network_attend(net, "e2", "r3", "r2"));
    CHECK_OK(vb_network_attend(net, "e3", "r3", NULL));
    CHECK_OK(vb_network_attend(net, "e3", "r4", "r3"));
    return net;
}

#endif
