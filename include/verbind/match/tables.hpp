// Mixed tables at an event: an event's attendees seated so that each table
// mixes declared groups like the whole room and everyone shares a talent
// with someone at their table (docs/match.md).
#pragma once

#include "verbind/model/network.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verbind {

struct TableOptions {
    std::size_t size = 8;  // wanted table size, >= 2
    std::optional<std::uint64_t> seed;

    // Throws input_error for size < 2.
    void validate() const;
};

struct Table {
    std::vector<std::string> members;         // actor keys
    std::vector<std::string> shared_talents;  // held by two or more members, most shared first
    std::vector<std::string> unconnected;     // members who share no talent with anyone at the table
    std::size_t groups = 0;                   // distinct non-sensitive declared groups at the table
    double group_mix = 0.0;                   // groups / distinct groups among all attendees (1 if none)
};

// Splits an event's attendees into tables of about `size` (sizes differ by at
// most one) that mix declared groups like the whole room while everyone
// shares a talent with someone at their table, by seeded local search.
// Throws not_found_error for an unknown event.
std::vector<Table> tables(const Network& network, std::string_view event, const TableOptions& options = {});

}  // namespace verbind
