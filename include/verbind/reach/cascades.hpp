// Observed bring-along cascades: who brought whom to which event, read from
// the attendance records' brought_by.
//
// Definitions (docs/reach.md has the worked example):
// - History: every attendance of the Network ordered by event date, then by
//   event order in the Network. A person's first attendance in it makes
//   them a *newcomer* at that event; later attendances do not.
// - Event tree: at one event, attendee a hangs below brought_by(a) when the
//   bringer attended that event too; anyone else is a root (generation 0).
//   Generation g+1 was brought by someone of generation g.
// - Series: the events of the same kind in the same municipality ("iftar"
//   in Almere). Its tree links each person, at their first attendance in
//   the series, to whoever brought them then, if that person attended the
//   series earlier or at the same event. So "A came, next time brought B,
//   who later brought C" is three generations, even though no single event
//   has more than two.
// - Bring-along rate: newcomers brought along divided by attendances (the
//   mean number of new people each attendee brought).
// - Bringers: per person, how many newcomers (and people in total) they
//   brought; sorted by newcomers, then people brought, then actor order.
// The window [start, end) chooses which events are reported; who is a
// newcomer is always decided by the whole history.
#pragma once

#include "verbind/model/network.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace verbind {

struct CascadeOptions {
    std::optional<Date> start;
    std::optional<Date> end;
    // Sensitive events (a Pride breakfast) are left out, as if they had not
    // happened, unless asked for by name: attending one can reveal what a
    // declared group would.
    bool include_sensitive = false;

    // Throws input_error when start and end are both given and start is
    // not before end.
    void validate() const;
};

// One attendance in a bring-along tree.
struct CascadeLink {
    ActorId actor = no_id;
    ActorId brought_by = no_id;  // no_id: a root of the tree
    std::uint32_t generation = 0;
    bool newcomer = false;
};

struct EventCascade {
    EventId event = no_id;
    std::vector<CascadeLink> attendees;  // in attendance order
    std::size_t brought = 0;             // attendees someone brought
    std::size_t newcomers = 0;
    std::size_t newcomers_brought = 0;
    std::uint32_t generations = 0;  // deepest generation (0: nobody brought by another attendee)
    double newcomer_share = 0;      // newcomers / attendees (0 for an event without attendees)
    double bring_along_rate = 0;    // newcomers_brought / attendees
};

struct SeriesCascade {
    std::string kind;
    std::string municipality;
    std::vector<EventId> events;      // by date
    std::vector<CascadeLink> people;  // one per person, at their first attendance in the series
    std::size_t attendances = 0;
    std::size_t newcomers = 0;
    std::size_t newcomers_brought = 0;
    std::uint32_t generations = 0;
    std::size_t largest_tree = 0;  // people in the largest tree
    double bring_along_rate = 0;
};

struct Bringer {
    ActorId actor = no_id;
    std::size_t newcomers_brought = 0;
    std::size_t brought = 0;  // attendances they brought someone to
};

struct CascadeResult {
    std::vector<EventCascade> events;   // events in the window, by date then Network order
    std::vector<SeriesCascade> series;  // by kind, then municipality
    std::vector<Bringer> bringers;      // everyone who brought someone, most newcomers first
    std::size_t attendances = 0;
    std::size_t newcomers = 0;
    std::size_t newcomers_brought = 0;
    std::uint32_t generations = 0;  // deepest series generation
    double bring_along_rate = 0;
    double newcomer_share = 0;
};

// Throws input_error when start >= end.
CascadeResult cascades(const Network& network, const CascadeOptions& options = {});

}  // namespace verbind
