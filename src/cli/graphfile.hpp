// What `verbind stats` reads: a Network (CSV folder, JSON, store) or a
// researcher's graph file (edge list, contact list).
#pragma once

#include <ostream>
#include <string>
#include <string_view>

namespace verbind::cli {

enum class FileFormat { csv, json, store, edgelist, contacts };

// Throws std::invalid_argument for an unknown name.
FileFormat parse_format(std::string_view name);
std::string_view format_name(FileFormat format);
// A folder: csv; a SQLite file or .db/.sqlite: store; .json or text starting
// with '{' or '[': json; tij*, *.tij, *contact* or .contacts: contacts; else edgelist.
FileFormat detect_format(const std::string& path);
// The graph summary of an edge or contact list.
void print_graph_file(std::ostream& out, const std::string& path, FileFormat format, bool directed);

}  // namespace verbind::cli
