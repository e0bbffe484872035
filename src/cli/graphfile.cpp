// `verbind stats FILE` for researchers' files: what a path holds (a CSV
// folder, a JSON document, a store, an edge list, a contact list) and the
// graph summary of an edge or contact list.
#include "graphfile.hpp"

#include "verbind/graph/graph.hpp"
#include "verbind/reach/temporal.hpp"
#include "verbind/socialmap/structure.hpp"
#include "verbind/util/files.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <stdexcept>

namespace verbind::cli {

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string fixed(double x) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", x);
    return buf;
}

void degree_lines(std::ostream& out, const Graph& g) {
    const std::size_t n = g.num_nodes();
    if (n == 0) return;
    std::vector<std::size_t> degree(n);
    for (NodeId u = 0; u < n; ++u) degree[u] = g.directed() ? g.out_degree(u) + g.in_degree(u) : g.degree(u);
    std::vector<std::size_t> sorted = degree;
    std::sort(sorted.begin(), sorted.end());
    double total = 0;
    for (std::size_t d : sorted) total += static_cast<double>(d);
    const double median = n % 2 ? static_cast<double>(sorted[n / 2])
                                : (static_cast<double>(sorted[n / 2 - 1]) + static_cast<double>(sorted[n / 2])) / 2;
    const auto isolated = static_cast<std::size_t>(std::count(sorted.begin(), sorted.end(), std::size_t{0}));
    out << "degree: min " << sorted.front() << ", median " << fixed(median) << ", mean "
        << fixed(total / static_cast<double>(n)) << ", max " << sorted.back() << (g.directed() ? " (in + out)" : "")
        << '\n';
    out << "isolated nodes: " << isolated << '\n';
    const std::vector<std::uint32_t> component = components(g);
    std::vector<std::size_t> size;
    for (std::uint32_t c : component) {
        if (c >= size.size()) size.resize(c + 1, 0);
        ++size[c];
    }
    const std::size_t largest = size.empty() ? 0 : *std::max_element(size.begin(), size.end());
    out << "components: " << size.size() << (g.directed() ? " (weakly connected)" : "") << ", largest " << largest
        << " nodes (" << fixed(100.0 * static_cast<double>(largest) / static_cast<double>(n)) << "%)\n";
    const double pairs = static_cast<double>(n) * static_cast<double>(n - 1) / (g.directed() ? 1.0 : 2.0);
    if (n > 1) out << "density: " << fixed(100.0 * static_cast<double>(g.num_edges()) / pairs) << "%\n";
}

}  // namespace

FileFormat parse_format(std::string_view name) {
    if (name == "csv") return FileFormat::csv;
    if (name == "json") return FileFormat::json;
    if (name == "store") return FileFormat::store;
    if (name == "edgelist" || name == "edges") return FileFormat::edgelist;
    if (name == "contacts") return FileFormat::contacts;
    throw std::invalid_argument("--format must be csv, json, store, edgelist or contacts, got '" + std::string(name) +
                                "'");
}

FileFormat detect_format(const std::string& path) {
    files::check_path(path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return FileFormat::csv;
    std::ifstream in(path, std::ios::binary);
    if (!in) return FileFormat::json;  // the JSON reader names the file and why it cannot be read
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    if (head.rfind(std::string("SQLite format 3\0", 16), 0) == 0) return FileFormat::store;
    const std::string name = lower(std::filesystem::path(path).filename().string());
    const std::string ext = lower(std::filesystem::path(path).extension().string());
    if (ext == ".json") return FileFormat::json;
    if (ext == ".db" || ext == ".sqlite" || ext == ".sqlite3" || ext == ".store") return FileFormat::store;
    std::size_t i = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
    if (i < head.size() && (head[i] == '{' || head[i] == '[')) return FileFormat::json;
    // SocioPatterns files: tij_*.dat, *.tij, *contacts*; .contacts by our own convention.
    if (ext == ".contacts" || ext == ".tij" || name.find("contact") != std::string::npos || name.rfind("tij", 0) == 0)
        return FileFormat::contacts;
    return FileFormat::edgelist;
}

std::string_view format_name(FileFormat format) {
    switch (format) {
        case FileFormat::csv: return "csv";
        case FileFormat::json: return "json";
        case FileFormat::store: return "store";
        case FileFormat::edgelist: return "edgelist";
        case FileFormat::contacts: return "contacts";
    }
    return "?";
}

void print_graph_file(std::ostream& out, const std::string& path, FileFormat format, bool directed) {
    if (format == FileFormat::edgelist) {
        EdgeListOptions options;
        options.directed = directed;
        const Graph g = read_edgelist(path, options);
        out << "edge list " << path << '\n';
        out << "nodes: " << g.num_nodes() << '\n';
        out << (g.directed() ? "arcs: " : "edges: ") << g.num_edges()
            << (g.directed() ? " (directed)" : " (undirected)") << '\n';
        degree_lines(out, g);
        return;
    }
    const ContactSequence contacts = read_contacts(path);
    const Graph g = contacts.graph();
    out << "contact list " << path << '\n';
    out << "people: " << contacts.num_nodes() << '\n';
    out << "contacts: " << contacts.size();
    if (contacts.size() > 0) {
        std::set<std::int64_t> stamps(contacts.times.begin(), contacts.times.end());
        out << " at " << stamps.size() << " times from " << contacts.times.front() << " to " << contacts.times.back();
    }
    out << '\n';
    out << "pairs who met: " << g.num_edges() << '\n';
    if (!contacts.groups.empty()) {
        std::map<std::string, std::size_t> count;
        for (const std::string& group : contacts.groups) ++count[group];
        out << "groups: " << count.size() << " (";
        bool first = true;
        for (const auto& [group, k] : count) {
            out << (first ? "" : ", ") << group << " " << k;
            first = false;
        }
        out << ")\n";
    }
    degree_lines(out, g);
}

}  // namespace verbind::cli
