// `verbind convert EDGES -o GRAPH.vbg`: an edge list to a binary graph file
// (io/graph_file.hpp), which every command taking a graph file then loads
// fast (mapped, not parsed: `mpirun -np N verbind reach GRAPH.vbg ...`).
#include "command_line.hpp"
#include "commands.hpp"

#include "verbind/graph/graph.hpp"
#include "verbind/io/edgelist.hpp"
#include "verbind/io/graph_file.hpp"
#include "verbind/model/text.hpp"

#include <charconv>
#include <filesystem>
#include <iostream>
#include <string>

namespace verbind::cli {

namespace {

Merge merge_of(const std::string& name) {
    if (name == "sum") return Merge::sum;
    if (name == "max") return Merge::max;
    if (name == "min") return Merge::min;
    if (name == "first") return Merge::first;
    return Merge::error;
}

}  // namespace

int convert_command(const Args& args) {
    CommandLine line("convert");
    line.add()("directed", CommandLine::flag(), "read the edge list as directed (arcs)")(
        "weights", CommandLine::value("COLUMN"),
        "the weight column: its number (0-based, 2 or more) or its name in the header line (default: unweighted)")(
        "duplicates", CommandLine::value("HOW"),
        "a repeated edge: error (default), sum, max, min or first (keep that weight)")(
        "self-loops", CommandLine::value("HOW"), "an edge from a node to itself: error (default) or drop")(
        "output,o", CommandLine::value("FILE"), "the graph file to write (required; replaced atomically)");
    line.note("EDGES is an edge list (`source target [weight]` per line, as `verbind stats` reads it) or a graph "
              "file. The graph file holds the graph's arrays and labels with a checksum (docs/data-formats.md); "
              "every command that takes a graph file reads it by its first bytes, whatever its name.");
    if (!line.parse(args)) return 0;
    const auto input = line.path();
    if (!input) line.fail("missing EDGES (an edge-list file)");
    const auto output = line.output();
    if (!output) line.fail("missing -o FILE (the graph file to write)");
    if (*output == "-") line.fail("-o: a graph file is binary; give a file name, not - (standard output)");

    EdgeListOptions options;
    options.directed = line.flag("directed");
    if (const auto how = line.get("duplicates")) {
        line.check_choice("--duplicates", *how, {"error", "sum", "max", "min", "first"});
        options.duplicates = merge_of(*how);
    }
    if (const auto how = line.get("self-loops")) {
        line.check_choice("--self-loops", *how, {"error", "drop"});
        options.self_loops = *how == "drop" ? SelfLoops::drop : SelfLoops::error;
    }
    if (const auto column = line.get("weights")) {
        int number = 0;
        const auto [end, ec] = std::from_chars(column->data(), column->data() + column->size(), number);
        if (ec == std::errc{} && end == column->data() + column->size()) {
            if (number < 2)
                line.fail("--weights: the weight column (0-based) must be 2 or more; 0 and 1 are the nodes");
            options.weight_column = number;
        } else if (column->empty()) {
            line.fail("--weights: expected a column number or name, got ''");
        } else {
            options.weight_name = *column;
        }
    }
    Graph g;
    if (is_graph_file(*input)) {
        if (line.get("weights") || line.get("duplicates") || line.get("self-loops") || options.directed)
            line.fail("'" + printable(*input) +
                      "' is a graph file already; its options are the ones it was written "
                      "with (--directed, --weights, --duplicates and --self-loops are for edge lists)");
        g = load_graph(*input);
    } else {
        g = read_edgelist(*input, options);
    }
    save_graph(g, *output);
    std::cerr << "wrote " << printable(*output) << ": " << g.num_nodes() << " nodes, " << g.num_edges()
              << (g.directed() ? " arcs" : " edges") << (g.weighted() ? ", weighted" : "") << ", "
              << std::filesystem::file_size(*output) << " bytes\n";
    return 0;
}

}  // namespace verbind::cli
