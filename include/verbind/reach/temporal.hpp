// Temporal reach: earliest arrival of information over time-respecting
// paths, from contact records (SocioPatterns `t i j`) or a Network's dated
// ties and events.
//
// Semantics (the same for both sources; docs/reach.md):
// - The seeds hold the information when the window opens, at `start`.
// - A contact at time t (two people meeting, or everyone at one event)
//   passes it on when one of them held it before t: people who received it
//   at time r can pass it on from r + 1 (one time unit later), seeds from
//   `start`. So one contact never carries it two steps, and the order of
//   contacts that share a time stamp does not matter.
// - With max_wait, a person passes it on only within max_wait time units of
//   the last time they received it (hearing it again renews it).
// - Only contacts with start <= t < end count.
// Network: time is counted in days. A tie active on [since, until) is a
// contact between its two people on every day it is active; attending an
// event is a contact among all its attendees (organisers included) on the
// event's date.
#pragma once

#include "verbind/graph/graph.hpp"
#include "verbind/model/network.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace verbind {

// Contact records in time order (read by read_contacts, verbind/io/contacts.hpp);
// keys are the labels in the file. Nodes are
// numbered as read_edgelist numbers them: by value when every label is an
// integer label, else in order of first appearance.
struct ContactSequence {
    std::vector<std::string> keys;
    std::vector<std::int64_t> times;
    std::vector<NodeId> first, second;
    // SocioPatterns `t i j Ci Cj` files: each person's class or role, aligned
    // with keys (a person's group is one value throughout the file); empty
    // for files of another width.
    std::vector<std::string> groups;

    std::size_t num_nodes() const noexcept { return keys.size(); }
    // The contact graph: one undirected, unweighted edge per pair that met,
    // nodes at the same positions (for mixing, communities, influence_max).
    Graph graph() const;
    std::size_t size() const noexcept { return times.size(); }
    // Throws not_found_error.
    NodeId index(std::string_view key) const;
};

struct TemporalReach {
    // Per node: first time the information arrived (seeds: start); only
    // meaningful where reached[i].
    std::vector<std::int64_t> arrival;
    std::vector<std::uint8_t> reached;
    // The reach curve: at curve_times[i], curve_reached[i] people held the
    // information (seeds included); one point per time the count grew,
    // starting with (start, number of seeds).
    std::vector<std::int64_t> curve_times;
    std::vector<std::size_t> curve_reached;
};

struct TemporalOptions {
    std::int64_t start = 0;
    std::optional<std::int64_t> end;       // exclusive; none: no end
    std::optional<std::int64_t> max_wait;  // >= 0; none: no limit

    // Throws input_error for an end that is not after start, or a
    // negative max_wait.
    void validate() const;
};

// Throws input_error for an unknown seed, end <= start or max_wait < 0.
TemporalReach temporal_reach(const ContactSequence& contacts, std::span<const NodeId> seeds,
                             const TemporalOptions& options);

struct NetworkTemporalOptions {
    Date start;
    std::optional<Date> end;               // exclusive; none: the day after the last event or tie date
    std::optional<std::int64_t> max_wait;  // in days
    // Sensitive events and ties of sensitive kinds carry nobody along unless
    // asked for by name.
    bool include_sensitive = false;

    // Throws input_error for a given end that is not after start, or a
    // negative max_wait.
    void validate() const;
};

// Times in the result are day numbers (Date::day_number()); nodes are the
// Network's actors.
TemporalReach temporal_reach(const Network& network, std::span<const ActorId> seeds,
                             const NetworkTemporalOptions& options);

}  // namespace verbind
