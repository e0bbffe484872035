// `verbind map [--municipality X] [--neighbourhood Y] [--top N] [--json] [PATH]`:
// the social map of a network on disk, or of the sample programme.
#include "command_line.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "visible.hpp"

#include "verbind/datasets/sample.hpp"
#include "verbind/io/io.hpp"
#include "verbind/io/social_map_json.hpp"
#include "verbind/socialmap/social_map.hpp"
#include "verbind/util/text.hpp"

#include <cstdio>
#include <iostream>
#include <string>

namespace verbind::cli {

namespace {

void heading(std::ostream& out, const char* title, std::size_t entries) {
    out << '\n' << title << (entries == 0 ? " (none)" : "") << '\n';
}

}  // namespace

int map_command(const Args& args) {
    CommandLine line("map");
    line.add()("municipality", CommandLine::value("X"), "only the actors living in municipality X")(
        "neighbourhood", CommandLine::value("Y"), "only the actors of neighbourhood Y")(
        "top", CommandLine::value("N"), "at most N entries per section, N >= 1 (default 10)");
    line.add_output_options();
    line.note("Without PATH: the sample programme. How each section is computed: docs/socialmap.md.");
    if (!line.parse(args)) return 0;
    SocialMapOptions options;
    if (const auto m = line.get("municipality")) options.municipality = *m;
    if (const auto n = line.get("neighbourhood")) options.neighbourhood = *n;
    if (const auto top = line.get("top")) options.top = parse_whole(line, "--top", *top, 1, SIZE_MAX);
    options.include_sensitive = line.flag("include-sensitive");
    validate_options(line, options);
    const std::string path = line.path().value_or("");
    Output output(line);
    const Input input = load_network(line.path(), options.include_sensitive);
    check_area(input.network, options.municipality, options.neighbourhood);
    const SocialMap map = social_map(input.network, options);
    std::ostream& out = output.stream();
    if (line.flag("json")) {
        out << to_json(map) << '\n';
        output.finish();
        return 0;
    }
    out << "social map of " << (path.empty() ? std::string("the sample programme") : path);
    if (!options.municipality.empty()) out << ", municipality " << options.municipality;
    if (!options.neighbourhood.empty()) out << ", neighbourhood " << options.neighbourhood;
    out << ": " << map.people << " people, " << map.ties << " ties\n";

    heading(out, "Key figures (composite of two-hop reach, betweenness, ties across groups)", map.key_figures.size());
    for (const auto& k : map.key_figures) {
        out << "  " << k.actor << (k.recognised ? "" : "  [not yet recognised]")
            << (k.recognised && !k.trained ? "  [not yet trained]" : "") << "\n    " << k.why << '\n';
    }
    heading(out, "Brokers (low constraint, high betweenness)", map.brokers.size());
    for (const auto& b : map.brokers) out << "  " << b.actor << "\n    " << b.why << '\n';
    heading(out, "Organisations (what they hold together)", map.organisations.size());
    for (const auto& o : map.organisations) out << "  " << o.actor << " (" << o.kind << ")\n    " << o.why << '\n';
    heading(out, "Fragile points (people whose absence cuts others off)", map.fragile_points.size());
    for (const auto& p : map.fragile_points) out << "  " << p.actor << "\n    " << p.why << '\n';
    heading(out, "Fragile ties", map.fragile_ties.size());
    for (const auto& t : map.fragile_ties) out << "  " << t.a << " - " << t.b << "\n    " << t.why << '\n';
    const std::string q = number_text(map.modularity, NumberFormat::fixed(3));
    heading(out, ("Communities (Leiden, modularity " + q + ")").c_str(), map.communities.size());
    for (const auto& c : map.communities) {
        out << "  community " << c.id << "\n    " << c.why << "\n    groups:";
        for (const auto& gc : c.groups)
            out << ' ' << gc.group << '=' << (gc.people ? std::to_string(*gc.people) : std::string("<10"));
        out << '\n';
    }
    heading(out, "Gaps (fewest ties to others first)", map.gaps.size());
    for (const auto& gap : map.gaps) out << "  " << gap.kind << ' ' << gap.name << "\n    " << gap.why << '\n';
    output.finish();
    return 0;
}

}  // namespace verbind::cli
