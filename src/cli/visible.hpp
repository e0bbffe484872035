// The one place where the `verbind` command decides which records it may
// use: every command reads its network through load_network, so no command
// sees special-category data unless the user asked for it by name
// (--include-sensitive). The library's own defaults (include_sensitive false
// in social_map, introductions, cascades, the report) then agree with what the
// command's own summaries and graphs see.
#pragma once

#include "verbind/model/network.hpp"

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>

namespace verbind::cli {

// How many special-category marks a network carries (never their names).
struct SensitiveCounts {
    std::size_t groups = 0;     // declared groups (Network::mark_sensitive)
    std::size_t tie_kinds = 0;  // tie kinds (Network::mark_sensitive_tie_kind)
    std::size_t events = 0;     // events (Network::mark_sensitive_event)
    bool any() const noexcept { return groups + tie_kinds + events > 0; }
};
SensitiveCounts count_sensitive(const Network& network);

// The network's records as they may be used and shown (the library's privacy
// view, verbind/model/visible.hpp, as a Network: Visible::copy): without the
// special-category declared groups on its actors, without ties of sensitive
// kinds, and without sensitive events with their organiser entries and
// attendance, unless include_sensitive (then a plain copy). The result carries
// no sensitive marks when include_sensitive is false: what was sensitive is
// gone, as if it had never been recorded.
Network visible_records(const Network& network, bool include_sensitive);

// What a command works on: the network at `path` (a CSV folder, a JSON
// file or a store) or, without a path, the sample programme; through visible_records.
struct Input {
    Network network;
    SensitiveCounts sensitive;  // of the network as read
    bool include_sensitive = false;
};
Input load_network(const std::optional<std::string>& path, bool include_sensitive);

// Reads a CSV folder, or (read_network_from) a folder as CSV, a store (a
// SQLite file, or .db/.sqlite/.sqlite3/.store: graphfile.hpp's
// detect_format) with verbind::load, and anything else as JSON. The CSV reader's warnings (columns it does not know, ignored;
// columns= renames) go to `warnings_to`, one line each, "warning: ...", so
// stdout keeps the result only.
Network read_csv_from(const std::string& folder, std::ostream& warnings_to);
Network read_network_from(const std::string& path, std::ostream& warnings_to);

// Throws not_found_error (exit 1) when `municipality` (not empty) is not the
// municipality of any actor, or `neighbourhood` (not empty) not the
// neighbourhood of any actor (in `municipality` when given), listing the
// names the network has: "--municipality: no actor in municipality
// 'Atlantis'; the municipalities of the network: Almere, Groningen".
void check_area(const Network& network, const std::string& municipality, const std::string& neighbourhood = "");

// One line for the summaries: "special-category data left out: 1 group,
// 1 tie kind, 1 event (--include-sensitive includes them)", or "...
// included", or nothing when the network has none.
void print_sensitive_note(std::ostream& out, const SensitiveCounts& counts, bool include_sensitive);

}  // namespace verbind::cli
