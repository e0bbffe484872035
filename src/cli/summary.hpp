// The per-municipality summary that `verbind demo` and `verbind stats` print.
#pragma once

#include "visible.hpp"

#include "verbind/model/network.hpp"

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace verbind::cli {

struct AreaCounts {
    std::string name;
    std::size_t neighbourhoods = 0;
    std::size_t residents = 0;
    std::size_t key_figures = 0;
    std::size_t organisations = 0;
    std::size_t events = 0;
    std::size_t ties = 0;
    std::size_t attendances = 0;
    std::size_t brought_along = 0;  // attendances with a brought_by
};

struct GraphSize {
    std::size_t nodes = 0;
    std::size_t edges = 0;
};

struct Summary {
    // Municipalities in order of first appearance (actors, then events);
    // actors and events without one are grouped under "(none)".
    std::vector<AreaCounts> municipalities;
    std::size_t cross_municipality_ties = 0;  // the two actors live in different municipalities
    AreaCounts total;
    std::vector<std::pair<std::string, std::size_t>> ties_by_kind;
    // How many special-category marks the network as read carried, and
    // whether they are counted (--include-sensitive); never their names.
    SensitiveCounts sensitive;
    bool include_sensitive = false;
    std::optional<Date> first_event, last_event;
    GraphSize ties_graph;           // verbind::build_graph(network)
    GraphSize co_attendance_graph;  // ViewOptions::co_attendance
};

// Counts everything the command may use (input.network, see visible.hpp),
// builds both graphs.
Summary summarise(const Input& input);

// Prints an aligned table under `title`.
void print_summary(std::ostream& out, const std::string& title, const Summary& summary);

// The same as one JSON object: {"title", "municipalities": [{"name",
// "neighbourhoods", "residents", "key_figures", "organisations", "events",
// "ties", "attendances", "brought_along"}, ...], "cross_municipality_ties",
// "total": {...}, "ties_by_kind": {kind: ties}, "first_event", "last_event"
// (dates or null), "special_category": {"groups", "tie_kinds", "events",
// "included"}, "graphs": {"ties": {"nodes", "edges"}, "co_attendance": {...}}}.
std::string summary_json(const std::string& title, const Summary& summary);

}  // namespace verbind::cli
