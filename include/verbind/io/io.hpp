// Import and export of a whole Network: a folder of CSV files and a JSON
// document, both round-tripping everything in the model. The layouts are
// documented in docs/data-formats.md.
//
// Imports are atomic: a bad record fails the whole import with a parse_error
// naming file, line, field and value, and the target Network is exactly as
// before. Exports leave special-category data (marked groups, events and
// tie kinds, and the lists of marks themselves) out unless include_sensitive
// is set. Exports are atomic too: the target is replaced as a whole or left
// exactly as it was (verbind/util/files.hpp). Every path holding a NUL is an
// input_error.
#pragma once

#include "verbind/model/network.hpp"

#include <string>
#include <string_view>

namespace verbind {

struct ExportOptions {
    // Write declared groups marked sensitive (special-category data). Off by
    // default: such data leave the library only when asked for by name.
    bool include_sensitive = false;
};

// CSV: folder/actors.csv, ties.csv, events.csv, attendance.csv, and with
// include_sensitive sensitive_groups.csv, sensitive_tie_kinds.csv and
// sensitive_events.csv when something is marked. The folder is created if
// missing and replaced as a whole (a sibling folder swapped in); an existing
// folder holding any other file is refused with io_error.
void write_csv(const Network& network, const std::string& folder, const ExportOptions& options = {});
Network read_csv(const std::string& folder);
// Adds the folder's records to `network`; all or nothing.
void import_csv(Network& network, const std::string& folder);

// JSON: one document {"format": "verbind", "version": 1, ...}.
std::string to_json(const Network& network, const ExportOptions& options = {});
void write_json(const Network& network, const std::string& path, const ExportOptions& options = {});
Network parse_json(std::string_view text, std::string_view source = "<json>");
Network read_json(const std::string& path);
// Adds the document's records to `network`; all or nothing.
void import_json(Network& network, const std::string& path);

// Reads a network from a path: a folder is read as CSV, anything else as JSON.
Network read_network(const std::string& path);

}  // namespace verbind
