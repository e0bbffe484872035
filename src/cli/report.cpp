// `verbind report [PATH] -o report.html`: the coordinator's HTML report of a
// network (the sample programme when no PATH is given), written atomically.
#include "command_line.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "visible.hpp"

#include "verbind/datasets/sample.hpp"
#include "verbind/evaluate/timeline.hpp"
#include "verbind/io/io.hpp"
#include "verbind/report/report.hpp"

#include <iostream>
#include <optional>
#include <string>

namespace verbind::cli {

namespace {

// The command's default: the coordinators it is written for read Dutch (the
// library's own default is English).
constexpr const char* default_lang = "nl";

std::string lang_help() {
    return "the report's language: " + or_list(report_languages()) + " (default " + default_lang + ")";
}

}  // namespace

int report_command(const Args& args) {
    CommandLine line("report");
    line.add()("output,o", CommandLine::value("FILE"),
               "write the report to FILE (replaced atomically); - writes the HTML to standard output")(
        "lang", CommandLine::value("L"), lang_help().c_str())("municipality", CommandLine::value("X"),
                                                              "only municipality X (default: the whole programme)")(
        "period", CommandLine::value("P"), "the charts' period: week, month, quarter or year (default month)")(
        "top", CommandLine::value("N"), "rows per table, 1 to 1000 (default 10)")(
        "train", CommandLine::value("K"), "residents in the reach plan, 1 to 1000 (default 5)")(
        "seed", CommandLine::value("N"), "the seed of the introductions and the reach plan, a whole number")(
        "include-sensitive", CommandLine::flag(),
        "include special-category data (declared groups, tie kinds and events marked sensitive), which is "
        "otherwise neither shown nor used");
    line.note("Without PATH: the sample programme. What the report shows: docs/report.md.");
    if (!line.parse(args)) return 0;
    ReportOptions options;
    const std::optional<std::string> path = line.path();
    const std::optional<std::string> output = line.output();
    if (!output) line.fail("missing -o FILE (where to write the HTML report; - for standard output)");
    options.lang = line.get("lang").value_or(default_lang);
    line.check_choice("--lang", options.lang, report_languages());
    if (const auto m = line.get("municipality")) options.municipality = *m;
    if (const auto p = line.get("period")) {
        line.check_choice("--period", *p, {"week", "month", "quarter", "year"});
        options.period = parse_period(*p);
    }
    if (const auto v = line.get("seed")) options.seed = parse_whole(line, "--seed", *v, 0, UINT64_MAX);
    if (const auto v = line.get("top")) options.top = parse_whole(line, "--top", *v, 1, 1000);
    if (const auto v = line.get("train")) options.train = parse_whole(line, "--train", *v, 1, 1000);
    options.include_sensitive = line.flag("include-sensitive");
    validate_options(line, options);
    check_output_path(line, *output);
    const Input input = load_network(path, options.include_sensitive);
    check_area(input.network, options.municipality);
    if (*output == "-") {
        write_report(input.network, options, std::cout);
        return 0;
    }
    write_report(input.network, options, *output);
    std::cout << "wrote " << *output << " (report of "
              << (path ? *path : std::string("the sample programme \"Veilige Wijken\" 2022"))
              << (options.municipality.empty() ? std::string() : ", " + options.municipality) << ")\n";
    return 0;
}

}  // namespace verbind::cli
