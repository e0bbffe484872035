// `verbind match [PATH] [options]`: the top suggested introductions, each
// with what the two share, what they bridge and who could introduce them.
#include "command_line.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "visible.hpp"

#include "verbind/datasets/sample.hpp"
#include "verbind/io/io.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/model/text.hpp"
#include "verbind/util/text.hpp"

#include <iomanip>
#include <iostream>
#include <sstream>

namespace verbind::cli {

namespace {

std::string joined(const std::vector<std::string>& items) { return items.empty() ? "-" : join(items, ", "); }

}  // namespace

int match_command(const Args& args) {
    CommandLine line("match");
    line.add()("top", CommandLine::value("N"), "show the best N, N >= 1 (default 10)")(
        "per-person", CommandLine::value("N"), "at most N introductions per person, N >= 1 (default 2)")(
        "municipality", CommandLine::value("X"), "only actors living in municipality X")(
        "seed", CommandLine::value("N"),
        "the seed of the candidate draw, a whole number (default: verbind's default seed)");
    line.add_output_options();
    line.note("Without PATH: the sample programme. How pairs are found, scored and who could introduce them: "
              "docs/match.md.");
    if (!line.parse(args)) return 0;
    std::size_t top = 10;
    IntroductionOptions options;
    if (const auto v = line.get("top")) top = parse_whole(line, "--top", *v, 1, SIZE_MAX);
    if (const auto v = line.get("per-person"))
        options.per_person = parse_whole(line, "--per-person", *v, 1, SIZE_MAX);
    if (const auto v = line.get("municipality")) options.municipality = *v;
    if (const auto v = line.get("seed")) options.seed = parse_whole(line, "--seed", *v, 0, UINT64_MAX);
    options.include_sensitive = line.flag("include-sensitive");
    validate_options(line, options);
    const std::string path = line.path().value_or("");
    Output output(line);
    const Input input = load_network(line.path(), options.include_sensitive);
    check_area(input.network, options.municipality);
    const auto suggestions = introductions(input.network, options);
    const std::string source = path.empty() ? "the sample programme \"Veilige Wijken\" 2022" : path;
    std::ostream& out = output.stream();
    if (line.flag("json")) {
        Json j;
        j.open_object().field("source", printable(source)).field("introductions_found", suggestions.size());
        j.field("per_person", options.per_person).key("introductions").open_array();
        for (std::size_t k = 0; k < suggestions.size() && k < top; ++k) {
            const Introduction& s = suggestions[k];
            j.open_object().field("a", s.a).field("b", s.b).field("score", s.score);
            j.strings("shared_talents", s.shared_talents).strings("bridges", s.bridges).strings("via", s.via);
            j.key("via_kinds").open_array();
            for (const ViaKind kind : s.via_kinds) j.value(to_identifier(kind));
            j.close_array().close_object();
        }
        j.close_array().close_object();
        out << j.str() << '\n';
        output.finish();
        return 0;
    }
    out << "top " << std::min(top, suggestions.size()) << " of " << suggestions.size()
        << " suggested introductions in " << source << " (at most " << options.per_person << " per person)\n\n";
    for (std::size_t k = 0; k < suggestions.size() && k < top; ++k) {
        const auto& s = suggestions[k];
        std::ostringstream score;
        score << std::fixed << std::setprecision(2) << s.score;
        out << std::setw(3) << k + 1 << ". " << s.a << " + " << s.b << "  (score " << score.str() << ")\n"
            << "     share:   " << joined(s.shared_talents) << '\n'
            << "     bridges: " << joined(s.bridges) << '\n'
            << "     via:     " << joined(s.via) << '\n';
    }
    output.finish();
    return 0;
}

}  // namespace verbind::cli
