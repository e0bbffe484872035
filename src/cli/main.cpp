// The `verbind` command: summaries of the sample programme and of networks
// on disk. Exit status: 0 success, 1 a data or input error (message on
// stderr), 2 a usage mistake (message and the usage line on stderr).
#include "command_line.hpp"
#include "commands.hpp"
#include "ranks.hpp"

#include "verbind/version.hpp"

#include <exception>
#include <iostream>
#include <optional>
#include <streambuf>
#include <string>
#include <string_view>
#include <vector>

namespace verbind::cli {

const std::vector<CommandInfo>& command_table() {
    static const std::vector<CommandInfo> table = {
        {"demo", "[options]",
         "Summarise the generated sample programme \"Veilige Wijken\" (default seed 2022, scale 1: about 2,000 "
         "residents).",
         demo_command},
        {"stats", "[options] PATH",
         "Summarise PATH: a network (a CSV folder, a JSON file, a store) or a graph file (an edge list, a contact "
         "list).",
         stats_command},
        {"convert", "[options] EDGES -o GRAPH",
         "Write an edge list as a binary graph file, which every command taking a graph loads fast (mapped, not "
         "parsed).",
         convert_command},
        {"map", "[options] [PATH]",
         "The social map: key figures, brokers, organisations, fragile points, communities and gaps.", map_command},
        {"reach", "[options] [PATH]",
         "Observed bring-along cascades, and which residents to train next; with --influence-max K, the K seeds of "
         "a graph that reach the most (under mpirun: split over the processes).",
         reach_command},
        {"match", "[options] [PATH]", "Suggested introductions across groups, with their reasons.", match_command},
        {"timeline", "[options] [PATH]",
         "Metrics per period and area as tidy rows (period, area, metric, value, status), as a table, CSV or CSV "
         "for Dutch Excel.",
         timeline_command},
        {"report", "[options] [PATH] -o FILE", "The coordinator's report as one self-contained HTML file.",
         report_command},
        {"centrality", "--betweenness|--closeness|--harmonic [options] GRAPH",
         "A centrality of every node of a graph file or edge list, as CSV or JSON (under mpirun: split over the "
         "processes).",
         centrality_command},
    };
    return table;
}

}  // namespace verbind::cli

namespace {

constexpr int exit_error = 1;
constexpr int exit_usage = 2;

using verbind::cli::command_table;
using verbind::cli::usage_error;
using verbind::cli::wrap;

std::string usage_text() {
    std::string out = "usage: verbind <command> [options] [PATH]\n\ncommands:\n";
    std::size_t width = 0;
    for (const auto& command : command_table()) width = std::max(width, command.name.size());
    const std::size_t column = width + 4;
    auto row = [&](std::string_view name, const std::string& text) {
        std::string line = "  " + std::string(name);
        line += std::string(column - line.size(), ' ');
        out += line + wrap(text, column, column) + '\n';
    };
    for (const auto& command : command_table()) {
        std::string summary(command.summary);
        if (!summary.empty() && summary.back() == '.') summary.pop_back();
        if (!summary.empty() && summary[0] >= 'A' && summary[0] <= 'Z')
            summary[0] = static_cast<char>(summary[0] + 32);
        row(command.name, summary);
    }
    row("help", "show this help; verbind help COMMAND (or verbind COMMAND --help) shows the command's options");
    out += "\noptions:\n  -h, --help      show this help\n  --version       show the version\n\n";
    out += wrap("PATH is a network: a CSV folder, a JSON file or a store (stats also reads edge and contact lists). "
                "Without PATH, every command but stats works on the sample programme.",
                0, 0) +
           "\n\n";
    out += wrap("Every command leaves out special-category data (declared groups, tie kinds and events marked "
                "sensitive): they are neither shown nor used. --include-sensitive, given to any command, includes "
                "them.",
                0, 0) +
           "\n\n";
    out += "Exit status: 0 success, 1 a data or input error, 2 a usage error.\n";
    return out;
}

const verbind::cli::CommandInfo* find(std::string_view name) {
    for (const auto& command : command_table())
        if (command.name == name) return &command;
    return nullptr;
}

std::string command_names() {
    std::vector<std::string> names;
    for (const auto& command : command_table()) names.emplace_back(command.name);
    names.emplace_back("help");
    return verbind::cli::or_list(names);
}

int run(const std::vector<std::string_view>& args) {
    if (args.empty()) throw usage_error{"missing command: expected " + command_names(), ""};
    const std::string_view command = args[0];
    const std::vector<std::string_view> rest(args.begin() + 1, args.end());
    if (command == "help" || command == "--help" || command == "-h") {
        if (rest.empty()) {
            std::cout << usage_text();
            return 0;
        }
        if (rest.size() == 1 && find(rest[0])) return find(rest[0])->run({"--help"});
        throw usage_error{"help: expected one command (" + command_names() + "), got '" + std::string(rest[0]) + "'",
                          ""};
    }
    if (command == "--version" || command == "version") {
        if (!rest.empty()) throw usage_error{std::string(command) + ": takes no arguments", ""};
        std::cout << "verbind " << verbind::version() << '\n';
        return 0;
    }
    if (const auto* info = find(command)) return info->run(rest);
    throw usage_error{"unknown command '" + std::string(command) + "': expected " + command_names(), ""};
}

}  // namespace

// Where the output of every rank but 0 goes (ranks.hpp).
class Discard final : public std::streambuf {
protected:
    int_type overflow(int_type c) override { return traits_type::not_eof(c); }
    std::streamsize xsputn(const char*, std::streamsize n) override { return n; }
};

// std::cout and std::cerr write nowhere while it lives, and write where they
// did again after: the standard streams outlive main (they are flushed at
// exit), so they must not point into a buffer that is gone by then.
class Quiet {
public:
    Quiet() : out_(std::cout.rdbuf(&discard_)), err_(std::cerr.rdbuf(&discard_)) {}
    ~Quiet() {
        std::cout.rdbuf(out_);
        std::cerr.rdbuf(err_);
    }
    Quiet(const Quiet&) = delete;
    Quiet& operator=(const Quiet&) = delete;

private:
    Discard discard_;  // before out_ and err_: made first
    std::streambuf* out_;
    std::streambuf* err_;
};

int main(int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    // Under mpirun: MPI for the command's ranks; only rank 0 speaks, every
    // rank exits with the same status (failures are agreed on).
    std::optional<verbind::cli::Ranks> processes;
    try {
        processes.emplace();
    } catch (const std::exception& failure) {
        if (verbind::cli::speaks()) std::cerr << "verbind: " << failure.what() << '\n';
        return exit_error;
    }
    std::optional<Quiet> quiet;
    if (!verbind::cli::speaks()) quiet.emplace();
    try {
        const int status = run(args);
        std::cout.flush();
        if (!std::cout) {
            std::cerr << "verbind: could not write the output\n";
            return exit_error;
        }
        return status;
    } catch (const usage_error& mistake) {
        std::cerr << "verbind: " << mistake.message << '\n';
        if (mistake.command.empty()) {
            std::cerr << "usage: verbind <command> [options] [PATH]\n(verbind --help lists the commands)\n";
        } else {
            const auto* info = find(mistake.command);
            std::cerr << "usage: verbind " << mistake.command << ' ' << (info ? info->synopsis : "") << "\n(verbind "
                      << mistake.command << " --help lists its options)\n";
        }
        return exit_usage;
    } catch (const std::exception& failure) {
        std::cerr << "verbind: " << failure.what() << '\n';
        return exit_error;
    }
}
