// What `verbind stats` reads: a Network (CSV folder, JSON, store) or a
// researcher's graph file (edge list, contact list, binary graph file).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace verbind::cli {

// graph: a binary graph file (io/graph_file.hpp, "VERBINDG" first).
enum class FileFormat { csv, json, store, edgelist, contacts, graph };

// Throws std::invalid_argument for an unknown name.
FileFormat parse_format(std::string_view name);
std::string_view format_name(FileFormat format);
// A folder: csv; a file starting with "VERBINDG": graph; a SQLite file or
// .db/.sqlite: store; .json or text starting with '{' or '[': json; tij*,
// *.tij, *contact* or .contacts: contacts; else edgelist.
FileFormat detect_format(const std::string& path);

// The graph summary of an edge list, a contact list or a graph file.
struct GraphFileSummary {
    std::string path;
    FileFormat format = FileFormat::edgelist;
    bool directed = false;
    std::size_t nodes = 0;  // people, for a contact list
    std::size_t edges = 0;  // arcs when directed; pairs who met, for a contact list
    // Degrees (in + out when directed); absent for an empty graph.
    struct Degree {
        std::size_t min = 0, max = 0;
        double median = 0, mean = 0;
    };
    std::optional<Degree> degree;
    std::size_t isolated = 0;
    std::size_t components = 0;  // weakly connected when directed
    std::size_t largest_component = 0;
    std::optional<double> density;  // edges / possible pairs, for two nodes or more
    // A contact list only:
    std::size_t contacts = 0;
    std::size_t times = 0;  // distinct time stamps
    std::optional<std::int64_t> first_time, last_time;
    std::map<std::string, std::size_t> groups;  // people per group (SocioPatterns Ci Cj)
};
GraphFileSummary summarise_graph_file(const std::string& path, FileFormat format, bool directed);
void print_graph_file(std::ostream& out, const GraphFileSummary& summary);
std::string graph_file_json(const GraphFileSummary& summary);

}  // namespace verbind::cli
