// The `verbind` command: summaries of the sample programme and of networks
// on disk. Exit status: 0 success, 1 an error (message on stderr), 2 a usage
// mistake (usage on stderr).
#include "commands.hpp"
#include "graphfile.hpp"
#include "summary.hpp"
#include "visible.hpp"

#include "verbind/error.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/sample.hpp"
#include "verbind/store/store.hpp"
#include "verbind/version.hpp"

#include <charconv>
#include <exception>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr int exit_error = 1;
constexpr int exit_usage = 2;

constexpr std::string_view usage_text =
    "usage: verbind <command> [options]\n"
    "\n"
    "commands:\n"
    "  demo [--seed N] [--scale X]  summarise the generated sample programme \"Veilige Wijken\"\n"
    "                               (default seed 2022, scale 1: about 2,000 residents)\n"
    "  stats [--format F] [--directed] PATH\n"
    "                               summarise PATH: a network (a CSV folder, a JSON file, a store) or a graph\n"
    "                               file (an edge list, a contact list); F: csv, json, store, edgelist, contacts\n"
    "  map [--municipality X] [--neighbourhood Y] [--top N] [--json] [PATH]\n"
    "                               the social map: key figures, brokers, organisations, fragile points,\n"
    "                               communities and gaps (the sample programme without PATH)\n"
    "  reach [--train K] [PATH]     observed bring-along cascades, and which K residents to train next\n"
    "  match [--top N] [--per-person N] [--municipality X] [--seed N] [PATH]\n"
    "                               suggested introductions across groups, with their reasons\n"
    "  report [PATH] -o FILE [--municipality X] [--period week|month|quarter|year] [--top N] [--train K] [--seed N]\n"
    "                               the coordinator's report as one self-contained HTML file\n"
    "  help, --help                 show this help\n"
    "  --version                    show the version\n"
    "\n"
    "Every command leaves out special-category data (declared groups, tie kinds and events marked\n"
    "sensitive): they are neither shown nor used. --include-sensitive, given to any command, includes them.\n";

using verbind::cli::usage_error;

std::uint64_t parse_seed(std::string_view text) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
        throw usage_error{"--seed: expected a whole number from 0 to 18446744073709551615, got '" +
                          std::string(text) + "'"};
    return value;
}

double parse_scale(std::string_view text) {
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size())
        throw usage_error{"--scale: expected a number, got '" + std::string(text) + "'"};
    return value;
}

std::string format_scale(double scale) {
    std::ostringstream text;
    text << scale;
    return text.str();
}

int demo(const std::vector<std::string_view>& args) {
    verbind::SampleOptions options;
    bool include_sensitive = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view option = args[i];
        if (option == "--include-sensitive") {
            include_sensitive = true;
            continue;
        }
        if (option != "--seed" && option != "--scale")
            throw usage_error{"demo: unknown option '" + std::string(option) + "'"};
        if (i + 1 == args.size()) throw usage_error{"demo: " + std::string(option) + " needs a value"};
        const std::string_view value = args[++i];
        if (option == "--seed")
            options.seed = parse_seed(value);
        else
            options.scale = parse_scale(value);
    }
    const verbind::Network network = verbind::sample_programme(options);
    const verbind::cli::Input input{verbind::cli::visible_records(network, include_sensitive),
                                    verbind::cli::count_sensitive(network), include_sensitive};
    const std::string title = "sample programme \"Veilige Wijken\" 2022 (seed " + std::to_string(options.seed) +
                              ", scale " + format_scale(options.scale) + ")";
    verbind::cli::print_summary(std::cout, title, verbind::cli::summarise(input));
    return 0;
}

int stats(const std::vector<std::string_view>& args) {
    bool include_sensitive = false, directed = false;
    std::optional<verbind::cli::FileFormat> format;
    std::vector<std::string_view> paths;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--include-sensitive") {
            include_sensitive = true;
        } else if (arg == "--directed") {
            directed = true;
        } else if (arg == "--format") {
            if (i + 1 == args.size()) throw usage_error{"stats: --format needs a value"};
            try {
                format = verbind::cli::parse_format(args[++i]);
            } catch (const std::invalid_argument& e) {
                throw usage_error{std::string("stats: ") + e.what()};
            }
        } else if (arg.size() > 1 && arg[0] == '-') {
            throw usage_error{"stats: unknown option '" + std::string(arg) + "'"};
        } else {
            paths.push_back(arg);
        }
    }
    if (paths.empty()) throw usage_error{"stats: missing PATH"};
    if (paths.size() > 1)
        throw usage_error{"stats: expected one PATH, got " + std::to_string(paths.size()) + " arguments"};
    const std::string path(paths[0]);
    using verbind::cli::FileFormat;
    const FileFormat what = format ? *format : verbind::cli::detect_format(path);
    if (directed && what != FileFormat::edgelist) throw usage_error{"stats: --directed is for edge lists"};
    switch (what) {
        case FileFormat::edgelist:
        case FileFormat::contacts: verbind::cli::print_graph_file(std::cout, path, what, directed); return 0;
        case FileFormat::store: {
            verbind::Network read = verbind::load(path);
            const verbind::cli::SensitiveCounts counts = verbind::cli::count_sensitive(read);
            const verbind::cli::Input input =
                include_sensitive || !counts.any()
                    ? verbind::cli::Input{std::move(read), counts, include_sensitive}
                    : verbind::cli::Input{verbind::cli::visible_records(read, false), counts, false};
            verbind::cli::print_summary(std::cout, "network " + path, verbind::cli::summarise(input));
            return 0;
        }
        case FileFormat::csv:
        case FileFormat::json: {
            const verbind::Network read =
                what == FileFormat::csv ? verbind::cli::read_csv_from(path, std::cerr) : verbind::read_json(path);
            const verbind::cli::SensitiveCounts counts = verbind::cli::count_sensitive(read);
            const verbind::cli::Input input =
                include_sensitive || !counts.any()
                    ? verbind::cli::Input{read, counts, include_sensitive}
                    : verbind::cli::Input{verbind::cli::visible_records(read, false), counts, false};
            verbind::cli::print_summary(std::cout, "network " + path, verbind::cli::summarise(input));
            return 0;
        }
    }
    return 0;
}

int run(const std::vector<std::string_view>& args) {
    if (args.empty()) throw usage_error{"missing command"};
    const std::string_view command = args[0];
    const std::vector<std::string_view> rest(args.begin() + 1, args.end());
    if (command == "help" || command == "--help" || command == "-h") {
        std::cout << usage_text;
        return 0;
    }
    if (command == "--version" || command == "version") {
        if (!rest.empty()) throw usage_error{std::string(command) + ": takes no arguments"};
        std::cout << "verbind " << verbind::version() << '\n';
        return 0;
    }
    if (command == "demo") return demo(rest);
    if (command == "stats") return stats(rest);
    if (command == "map") return verbind::cli::map_command(rest);
    if (command == "reach") return verbind::cli::reach_command(rest);
    if (command == "match") return verbind::cli::match_command(rest);
    if (command == "report") return verbind::cli::report_command(rest);
    throw usage_error{"unknown command '" + std::string(command) + "'"};
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    try {
        const int status = run(args);
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "verbind: could not write the output\n";
            return exit_error;
        }
        return status;
    } catch (const usage_error& mistake) {
        std::cerr << "verbind: " << mistake.message << "\n\n" << usage_text;
        return exit_usage;
    } catch (const std::exception& failure) {
        std::cerr << "verbind: " << failure.what() << '\n';
        return exit_error;
    }
}
