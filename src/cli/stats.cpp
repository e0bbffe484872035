// `verbind demo` (the sample programme's summary) and `verbind stats PATH`
// (what a network or graph file on disk holds).
#include "command_line.hpp"
#include "commands.hpp"
#include "graphfile.hpp"
#include "output.hpp"
#include "summary.hpp"
#include "visible.hpp"

#include "verbind/datasets/sample.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/text.hpp"
#include "verbind/store/store.hpp"

#include <charconv>
#include <filesystem>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>

namespace verbind::cli {

namespace {

std::string format_scale(double scale) {
    std::ostringstream text;
    text << scale;
    return text.str();
}

void print(Output& output, bool json, const std::string& title, const Summary& summary) {
    if (json)
        output.stream() << summary_json(title, summary) << '\n';
    else
        print_summary(output.stream(), title, summary);
    output.finish();
}

}  // namespace

int demo_command(const Args& args) {
    CommandLine line("demo");
    line.add()("seed", CommandLine::value("N"),
               "the generator's seed, a whole number from 0 to 2^64-1 (default 2022)")(
        "scale", CommandLine::value("X"),
        "the programme's size, a number in (0, 1000] (default 1: about 2,000 residents)");
    line.add_output_options();
    if (!line.parse(args)) return 0;
    SampleOptions options;
    if (const auto seed = line.get("seed")) options.seed = parse_whole(line, "--seed", *seed, 0, UINT64_MAX);
    if (const auto scale = line.get("scale")) {
        double value = 0;
        const auto [end, ec] = std::from_chars(scale->data(), scale->data() + scale->size(), value);
        if (ec != std::errc{} || end != scale->data() + scale->size())
            line.fail("--scale: expected a number, got '" + *scale + "'");
        options.scale = value;
    }
    validate_options(line, options);
    Output output(line);
    const bool include_sensitive = line.flag("include-sensitive");
    const Network network = sample_programme(options);
    const Input input{visible_records(network, include_sensitive), count_sensitive(network), include_sensitive};
    const std::string title = "sample programme \"Veilige Wijken\" 2022 (seed " + std::to_string(options.seed) +
                              ", scale " + format_scale(options.scale) + ")";
    print(output, line.flag("json"), title, summarise(input));
    return 0;
}

int stats_command(const Args& args) {
    CommandLine line("stats");
    line.add()("format", CommandLine::value("F"),
               "read PATH as csv (a folder), json, store, edgelist, contacts or graph (a binary graph file) "
               "(default: found from the path and its first bytes)")("directed", CommandLine::flag(),
                                                                     "read an edge list as directed (arcs)");
    line.add_output_options();
    if (!line.parse(args)) return 0;
    const auto given = line.path();
    if (!given) line.fail("missing PATH (a CSV folder, a JSON file, a store, an edge list or a contact list)");
    const std::string path = *given;
    std::optional<FileFormat> format;
    if (const auto name = line.get("format")) {
        try {
            format = parse_format(*name);
        } catch (const std::invalid_argument& e) {
            line.fail(e.what());
        }
    }
    std::error_code ec;
    if (format && *format != FileFormat::csv && std::filesystem::is_directory(path, ec))
        line.fail("'" + printable(path) + "' is a folder, and --format " + std::string(format_name(*format)) +
                  " reads a file (--format csv reads a folder of CSV files)");
    Output output(line);
    const bool json = line.flag("json");
    const bool include_sensitive = line.flag("include-sensitive");
    const FileFormat what = format ? *format : detect_format(path);
    if (line.flag("directed") && what != FileFormat::edgelist) line.fail("--directed is for edge lists");
    switch (what) {
        case FileFormat::edgelist:
        case FileFormat::graph:
        case FileFormat::contacts: {
            const GraphFileSummary summary = summarise_graph_file(path, what, line.flag("directed"));
            if (json)
                output.stream() << graph_file_json(summary) << '\n';
            else
                print_graph_file(output.stream(), summary);
            output.finish();
            return 0;
        }
        case FileFormat::store: {
            Network read = load(path);
            const SensitiveCounts counts = count_sensitive(read);
            const Input input = include_sensitive || !counts.any()
                                    ? Input{std::move(read), counts, include_sensitive}
                                    : Input{visible_records(read, false), counts, false};
            print(output, json, "network " + path, summarise(input));
            return 0;
        }
        case FileFormat::csv:
        case FileFormat::json: {
            const Network read = what == FileFormat::csv ? read_csv_from(path, std::cerr) : read_json(path);
            const SensitiveCounts counts = count_sensitive(read);
            const Input input = include_sensitive || !counts.any()
                                    ? Input{read, counts, include_sensitive}
                                    : Input{visible_records(read, false), counts, false};
            print(output, json, "network " + path, summarise(input));
            return 0;
        }
    }
    return 0;
}

}  // namespace verbind::cli
