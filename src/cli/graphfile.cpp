// `verbind stats FILE` for researchers' files: what a path holds (a CSV
// folder, a JSON document, a store, an edge list, a contact list, a binary
// graph file) and the graph summary of an edge list, a contact list or a
// graph file.
#include "graphfile.hpp"
#include "output.hpp"

#include "verbind/graph/graph.hpp"
#include "verbind/io/contacts.hpp"
#include "verbind/io/edgelist.hpp"
#include "verbind/io/graph_file.hpp"
#include "verbind/model/text.hpp"
#include "verbind/reach/temporal.hpp"
#include "verbind/socialmap/structure.hpp"
#include "verbind/util/files.hpp"
#include "verbind/util/text.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <vector>

namespace verbind::cli {

namespace {

std::string lower(std::string s) {
    for (char& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string fixed(double x) { return number_text(x, NumberFormat::fixed(2)); }

void measure(GraphFileSummary& s, const Graph& g) {
    const std::size_t n = g.num_nodes();
    if (n == 0) return;
    std::vector<std::size_t> degree(n);
    for (NodeId u = 0; u < n; ++u) degree[u] = g.directed() ? g.out_degree(u) + g.in_degree(u) : g.degree(u);
    std::sort(degree.begin(), degree.end());
    double total = 0;
    for (std::size_t d : degree) total += static_cast<double>(d);
    GraphFileSummary::Degree d;
    d.min = degree.front();
    d.max = degree.back();
    d.median = n % 2 ? static_cast<double>(degree[n / 2])
                     : (static_cast<double>(degree[n / 2 - 1]) + static_cast<double>(degree[n / 2])) / 2;
    d.mean = total / static_cast<double>(n);
    s.degree = d;
    s.isolated = static_cast<std::size_t>(std::count(degree.begin(), degree.end(), std::size_t{0}));
    const std::vector<std::uint32_t> component = components(g);
    std::vector<std::size_t> size;
    for (std::uint32_t c : component) {
        if (c >= size.size()) size.resize(c + 1, 0);
        ++size[c];
    }
    s.components = size.size();
    s.largest_component = size.empty() ? 0 : *std::max_element(size.begin(), size.end());
    const double pairs = static_cast<double>(n) * static_cast<double>(n - 1) / (g.directed() ? 1.0 : 2.0);
    if (n > 1) s.density = static_cast<double>(g.num_edges()) / pairs;
}

void degree_lines(std::ostream& out, const GraphFileSummary& s) {
    if (!s.degree) return;
    const std::size_t n = s.nodes;
    out << "degree: min " << s.degree->min << ", median " << fixed(s.degree->median) << ", mean "
        << fixed(s.degree->mean) << ", max " << s.degree->max << (s.directed ? " (in + out)" : "") << '\n';
    out << "isolated nodes: " << s.isolated << '\n';
    out << "components: " << s.components << (s.directed ? " (weakly connected)" : "") << ", largest "
        << s.largest_component << " nodes ("
        << fixed(100.0 * static_cast<double>(s.largest_component) / static_cast<double>(n)) << "%)\n";
    if (s.density) out << "density: " << fixed(100.0 * *s.density) << "%\n";
}

}  // namespace

FileFormat parse_format(std::string_view name) {
    if (name == "csv") return FileFormat::csv;
    if (name == "json") return FileFormat::json;
    if (name == "store") return FileFormat::store;
    if (name == "edgelist" || name == "edges") return FileFormat::edgelist;
    if (name == "contacts") return FileFormat::contacts;
    if (name == "graph" || name == "vbg") return FileFormat::graph;
    throw std::invalid_argument("--format must be csv, json, store, edgelist, contacts or graph, got '" +
                                std::string(name) + "'");
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
    if (head.rfind("VERBINDG", 0) == 0) return FileFormat::graph;  // by its magic bytes, whatever its name
    const std::string name = lower(std::filesystem::path(path).filename().string());
    const std::string ext = lower(std::filesystem::path(path).extension().string());
    if (ext == ".json") return FileFormat::json;
    if (ext == ".db" || ext == ".sqlite" || ext == ".sqlite3" || ext == ".store") return FileFormat::store;
    std::size_t i = head.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    while (i < head.size() && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) ++i;
    if (i < head.size() && (head[i] == '{' || head[i] == '[')) return FileFormat::json;
    // SocioPatterns files: tij_*.dat, *.tij, *contact*; .contacts by our own convention.
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
        case FileFormat::graph: return "graph";
    }
    return "?";
}

GraphFileSummary summarise_graph_file(const std::string& path, FileFormat format, bool directed) {
    GraphFileSummary s;
    s.path = path;
    s.format = format;
    if (format == FileFormat::edgelist || format == FileFormat::graph) {
        EdgeListOptions options;
        options.directed = directed;
        const Graph g = format == FileFormat::graph ? load_graph(path) : read_edgelist(path, options);
        s.directed = g.directed();
        s.nodes = g.num_nodes();
        s.edges = g.num_edges();
        measure(s, g);
        return s;
    }
    const ContactSequence contacts = read_contacts(path);
    const Graph g = contacts.graph();
    s.nodes = contacts.num_nodes();
    s.contacts = contacts.size();
    if (contacts.size() > 0) {
        s.times = std::set<std::int64_t>(contacts.times.begin(), contacts.times.end()).size();
        s.first_time = contacts.times.front();
        s.last_time = contacts.times.back();
    }
    s.edges = g.num_edges();
    for (const std::string& group : contacts.groups) ++s.groups[group];
    measure(s, g);
    return s;
}

void print_graph_file(std::ostream& out, const GraphFileSummary& s) {
    if (s.format == FileFormat::edgelist || s.format == FileFormat::graph) {
        out << (s.format == FileFormat::graph ? "graph file " : "edge list ") << s.path << '\n';
        out << "nodes: " << s.nodes << '\n';
        out << (s.directed ? "arcs: " : "edges: ") << s.edges << (s.directed ? " (directed)" : " (undirected)")
            << '\n';
        degree_lines(out, s);
        return;
    }
    out << "contact list " << s.path << '\n';
    out << "people: " << s.nodes << '\n';
    out << "contacts: " << s.contacts;
    if (s.contacts > 0) out << " at " << s.times << " times from " << *s.first_time << " to " << *s.last_time;
    out << '\n';
    out << "pairs who met: " << s.edges << '\n';
    if (!s.groups.empty()) {
        out << "groups: " << s.groups.size() << " (";
        bool first = true;
        for (const auto& [group, k] : s.groups) {
            out << (first ? "" : ", ") << group << " " << k;
            first = false;
        }
        out << ")\n";
    }
    degree_lines(out, s);
}

std::string graph_file_json(const GraphFileSummary& s) {
    Json j;
    j.open_object();
    j.field("path", printable(s.path)).field("format", format_name(s.format));
    const bool contacts = s.format == FileFormat::contacts;
    j.field("directed", s.directed).field(contacts ? "people" : "nodes", s.nodes);
    j.field(contacts ? "pairs_who_met" : (s.directed ? "arcs" : "edges"), s.edges);
    if (contacts) {
        j.field("contacts", s.contacts).field("times", s.times);
        j.key("first_time"), s.first_time ? j.value(*s.first_time) : j.null();
        j.key("last_time"), s.last_time ? j.value(*s.last_time) : j.null();
        j.key("groups").open_object();
        for (const auto& [group, k] : s.groups) j.field(group, k);
        j.close_object();
    }
    j.key("degree");
    if (s.degree) {
        j.open_object();
        j.field("min", s.degree->min).field("median", s.degree->median).field("mean", s.degree->mean);
        j.field("max", s.degree->max).close_object();
    } else {
        j.null();
    }
    j.field("isolated", s.isolated).field("components", s.components);
    j.field("largest_component", s.largest_component).field("density", s.density);
    j.close_object();
    return j.str();
}

}  // namespace verbind::cli
