// `verbind report [PATH] -o report.html`: the coordinator's HTML report of a
// network (the sample programme when no PATH is given), written atomically.
#include "commands.hpp"
#include "visible.hpp"

#include "verbind/evaluate/timeline.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/sample.hpp"
#include "verbind/report/report.hpp"

#include <charconv>
#include <iostream>
#include <optional>
#include <string>

namespace verbind::cli {

namespace {

std::uint64_t parse_whole(std::string_view option, std::string_view text, std::uint64_t low, std::uint64_t high) {
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value < low || value > high)
        throw usage_error{"report: " + std::string(option) + " must be a whole number from " + std::to_string(low) +
                          " to " + std::to_string(high) + ", got '" + std::string(text) + "'"};
    return value;
}

}  // namespace

int report_command(const Args& args) {
    ReportOptions options;
    std::optional<std::string> path, output;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "-o" || arg == "--output" || arg == "--municipality" || arg == "--period" || arg == "--seed" ||
            arg == "--top" || arg == "--train") {
            if (i + 1 == args.size()) throw usage_error{"report: " + std::string(arg) + " needs a value"};
            const std::string_view value = args[++i];
            if (arg == "-o" || arg == "--output") {
                output = std::string(value);
            } else if (arg == "--municipality") {
                options.municipality = std::string(value);
            } else if (arg == "--period") {
                if (value != "week" && value != "month" && value != "quarter" && value != "year")
                    throw usage_error{"report: --period must be week, month, quarter or year, got '" +
                                      std::string(value) + "'"};
                options.period = parse_period(value);
            } else if (arg == "--seed") {
                options.seed = parse_whole(arg, value, 0, UINT64_MAX);
            } else if (arg == "--top") {
                options.top = parse_whole(arg, value, 1, 1000);
            } else {
                options.train = parse_whole(arg, value, 1, 1000);
            }
        } else if (arg == "--include-sensitive") {
            options.include_sensitive = true;
        } else if (arg.size() > 1 && arg[0] == '-') {
            throw usage_error{"report: unknown option '" + std::string(arg) + "'"};
        } else if (path) {
            throw usage_error{"report: expected at most one PATH"};
        } else {
            path = std::string(arg);
        }
    }
    if (!output) throw usage_error{"report: missing -o FILE (where to write the HTML report)"};
    const Input input = load_network(path, options.include_sensitive);
    write_report(input.network, options, *output);
    std::cout << "wrote " << *output << " (report of "
              << (path ? *path : std::string("the sample programme \"Veilige Wijken\" 2022"))
              << (options.municipality.empty() ? std::string() : ", " + options.municipality) << ")\n";
    return 0;
}

}  // namespace verbind::cli
