// The one privacy view: which of a Network's records may leave the library.
//
// The rule "special-category data never leaves unless asked for by name" is
// defined here and nowhere else. A Visible is chosen by include_sensitive:
//
//   - true: every record (no copy, no index: each test is `true`);
//   - false: every actor, with only their declared groups that are not
//     marked sensitive (Network::mark_sensitive); the ties whose kind is not
//     marked sensitive (mark_sensitive_tie_kind); the events not marked
//     sensitive (mark_sensitive_event), and only their organiser entries and
//     attendance. The lists of marks themselves are named only when
//     include_sensitive is true.
//
// Every export (CSV, JSON, GraphML), analysis that reads a Network (views,
// cascades, temporal reach, the timeline, the social map, introductions,
// tables), the report, the C ABI, the Python bindings and the CLI read the
// Network's records through one. Making one costs O(marks + tie kinds): a
// flag per tie kind and the sorted ids of the hidden events; it copies no
// record. It refers to the Network, which must outlive it and not change
// while it is used.
#pragma once

#include "verbind/model/network.hpp"

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace verbind {

class Visible {
public:
    Visible(const Network& network, bool include_sensitive);

    const Network& network() const noexcept { return *network_; }
    bool include_sensitive() const noexcept { return include_sensitive_; }
    // True when nothing is hidden: include_sensitive, or nothing marked.
    bool everything() const noexcept { return everything_; }

    // --- one record at a time ----------------------------------------------
    bool tie_kind(std::uint32_t kind) const noexcept {
        return kind_hidden_.empty() || kind >= kind_hidden_.size() || !kind_hidden_[kind];
    }
    bool tie_kind(std::string_view kind) const;
    bool tie(const Tie& tie) const noexcept { return tie_kind(tie.kind); }
    bool event(EventId event) const noexcept;
    bool attendance(const Attendance& record) const noexcept { return event(record.event); }
    bool group(std::string_view group) const;
    // The actor's declared groups that may leave, in their order.
    std::vector<std::string> groups(const Actor& actor) const;

    // --- the marks ------------------------------------------------------------
    // The names of what is marked, when they may leave (include_sensitive);
    // empty sets otherwise.
    const std::set<std::string, std::less<>>& sensitive_groups() const noexcept;
    const std::set<std::string, std::less<>>& sensitive_tie_kinds() const noexcept;
    const std::set<std::string, std::less<>>& sensitive_events() const noexcept;
    // How many marks the Network carries (counts only, never names: what the
    // CLI tells its user was left out or included).
    struct Marks {
        std::size_t groups = 0, tie_kinds = 0, events = 0;
        bool any() const noexcept { return groups + tie_kinds + events > 0; }
    };
    Marks marks() const noexcept;

    // --- the visible records as a Network ---------------------------------------
    // A copy holding only what this view shows: actors in the same order (so
    // their ids stay), visible groups, ties, events with their organisers,
    // attendance; no marks when include_sensitive is false (what was
    // sensitive is gone, as if never recorded). With include_sensitive, a
    // plain copy.
    Network copy() const;

private:
    const Network* network_;
    bool include_sensitive_;
    bool everything_;
    std::vector<char> kind_hidden_;      // per tie kind index; empty: none hidden
    std::vector<EventId> event_hidden_;  // sorted ids of hidden events
};

}  // namespace verbind
