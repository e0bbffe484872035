// `verbind centrality GRAPH --betweenness|--closeness|--harmonic`: a
// centrality of every node of a graph file or edge list, as CSV (node,value)
// or JSON; under mpirun the sources are split over the ranks (ranks.hpp).
#include "command_line.hpp"
#include "commands.hpp"
#include "graph_input.hpp"
#include "output.hpp"
#include "ranks.hpp"

#include "verbind/socialmap/centrality.hpp"
#include "verbind/util/text.hpp"

#include <iostream>
#include <string>
#include <vector>

namespace verbind::cli {

namespace {

// A CSV field: quoted when it holds a comma, a quote or a line break.
std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

}  // namespace

int centrality_command(const Args& args) {
    CommandLine line("centrality");
    line.add()("betweenness", CommandLine::flag(), "betweenness (Brandes; normalized, as networkx)")(
        "closeness", CommandLine::flag(),
        "closeness (as networkx, wf_improved)")("harmonic", CommandLine::flag(), "harmonic centrality (as networkx)")(
        "samples", CommandLine::value("S"),
        "betweenness from S sampled sources (scaled by n/S, as networkx), 1 to the node count; default: all")(
        "seed", CommandLine::value("N"), "the seed that draws the --samples sources (default: verbind's fixed seed)")(
        "weighted", CommandLine::flag(), "weights as distances (default: every edge has length 1)")(
        "directed", CommandLine::flag(), "read an edge list as directed (arcs)");
    line.add_output_options();
    line.note("GRAPH is a graph file (verbind.Graph.save) or an edge list. The result is CSV, node,<measure>, one "
              "row per node in the graph's order; --json gives {\"source\", \"measure\", \"nodes\", \"values\"}.");
    line.note("Under mpirun -np N the sources are split over the N processes (each reads GRAPH); rank 0 writes. "
              "See docs/scale.md.");
    if (!line.parse(args)) return 0;
    std::vector<std::string> measures;
    for (const char* m : {"betweenness", "closeness", "harmonic"})
        if (line.flag(m)) measures.emplace_back(m);
    if (measures.size() != 1)
        line.fail(measures.empty()
                      ? "give one of --betweenness, --closeness or --harmonic"
                      : "give one of --betweenness, --closeness or --harmonic, not " + or_list(measures));
    const std::string measure = measures[0];
    const std::optional<std::string> path = line.path();
    if (!path) line.fail("missing GRAPH: a graph file or an edge list");
    if (measure != "betweenness") {
        if (line.get("samples")) line.fail("--samples is for --betweenness");
        if (line.get("seed")) line.fail("--seed is for --betweenness --samples");
    }
    BetweennessOptions between;
    DistanceOptions distance;
    between.weighted = distance.weighted = line.flag("weighted");
    if (const auto v = line.get("samples")) between.samples = parse_whole(line, "--samples", *v, 1, 0xffffffffULL);
    if (const auto v = line.get("seed")) between.seed = parse_whole(line, "--seed", *v, 0, ~0ULL);
    validate_options(line, between);
    validate_options(line, distance);
    Output output(line);
    const Graph g = read_graph_input(*path, line.flag("directed"));
    std::vector<double> values;
    if (measure == "betweenness")
        values = betweenness(g, between, ranks());
    else if (measure == "closeness")
        values = closeness(g, distance, ranks());
    else
        values = harmonic(g, distance, ranks());
    if (!speaks()) return 0;
    std::ostream& out = output.stream();
    if (line.flag("json")) {
        Json j;
        j.open_object().field("source", graph_source(*path, g)).field("measure", measure);
        if (measure == "betweenness") {
            j.key("samples");
            between.samples ? j.value(std::uint64_t{*between.samples}) : j.null();
        }
        j.field("nodes", std::uint64_t{g.num_nodes()}).key("values").open_array();
        for (NodeId v = 0; v < g.num_nodes(); ++v)
            j.open_object().field("node", g.key(v)).field("value", values[v]).close_object();
        j.close_array().close_object();
        out << j.str() << '\n';
    } else {
        std::string text = "node," + measure + '\n';
        for (NodeId v = 0; v < g.num_nodes(); ++v) {
            text += csv_field(g.key(v));
            text += ',';
            append_number(text, values[v]);
            text += '\n';
        }
        out << text;
    }
    output.finish();
    return 0;
}

}  // namespace verbind::cli
