// `verbind map [--municipality X] [--neighbourhood Y] [--top N] [--json] [PATH]`:
// the social map of a network on disk, or of the sample programme.
#include "commands.hpp"
#include "visible.hpp"

#include "verbind/io/io.hpp"
#include "verbind/model/sample.hpp"
#include "verbind/socialmap/social_map.hpp"

#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>

namespace verbind::cli {

namespace {

void heading(const char* title, std::size_t entries) {
    std::cout << '\n' << title << (entries == 0 ? " (none)" : "") << '\n';
}

}  // namespace

int map_command(const Args& args) {
    SocialMapOptions options;
    std::string path;
    bool json = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--json") {
            json = true;
        } else if (arg == "--include-sensitive") {
            options.include_sensitive = true;
        } else if (arg == "--municipality" || arg == "--neighbourhood" || arg == "--top") {
            if (i + 1 == args.size()) throw usage_error{"map: " + std::string(arg) + " needs a value"};
            const std::string_view value = args[++i];
            if (arg == "--municipality") {
                options.municipality = std::string(value);
            } else if (arg == "--neighbourhood") {
                options.neighbourhood = std::string(value);
            } else {
                std::size_t top = 0;
                const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), top);
                if (ec != std::errc{} || end != value.data() + value.size() || top == 0)
                    throw usage_error{"map: --top: expected a whole number of at least 1, got '" +
                                      std::string(value) + "'"};
                options.top = top;
            }
        } else if (arg.starts_with("--")) {
            throw usage_error{"map: unknown option '" + std::string(arg) + "'"};
        } else if (path.empty()) {
            path = std::string(arg);
        } else {
            throw usage_error{"map: expected at most one PATH, got '" + path + "' and '" + std::string(arg) + "'"};
        }
    }
    const Input input =
        load_network(path.empty() ? std::nullopt : std::optional<std::string>(path), options.include_sensitive);
    const SocialMap map = social_map(input.network, options);
    if (json) {
        std::cout << to_json(map) << '\n';
        return 0;
    }
    std::cout << "social map of " << (path.empty() ? std::string("the sample programme") : path);
    if (!options.municipality.empty()) std::cout << ", municipality " << options.municipality;
    if (!options.neighbourhood.empty()) std::cout << ", neighbourhood " << options.neighbourhood;
    std::cout << ": " << map.people << " people, " << map.ties << " ties\n";

    heading("Key figures (composite of two-hop reach, betweenness, ties across groups)", map.key_figures.size());
    for (const auto& k : map.key_figures) {
        std::cout << "  " << k.actor << (k.recognised ? "" : "  [not yet recognised]")
                  << (k.recognised && !k.trained ? "  [not yet trained]" : "") << "\n    " << k.why << '\n';
    }
    heading("Brokers (low constraint, high betweenness)", map.brokers.size());
    for (const auto& b : map.brokers) std::cout << "  " << b.actor << "\n    " << b.why << '\n';
    heading("Organisations (what they hold together)", map.organisations.size());
    for (const auto& o : map.organisations)
        std::cout << "  " << o.actor << " (" << o.kind << ")\n    " << o.why << '\n';
    heading("Fragile points (people whose absence cuts others off)", map.fragile_points.size());
    for (const auto& p : map.fragile_points) std::cout << "  " << p.actor << "\n    " << p.why << '\n';
    heading("Fragile ties", map.fragile_ties.size());
    for (const auto& t : map.fragile_ties) std::cout << "  " << t.a << " - " << t.b << "\n    " << t.why << '\n';
    char q[32];
    std::snprintf(q, sizeof q, "%.3f", map.modularity);
    heading((std::string("Communities (Leiden, modularity ") + q + ")").c_str(), map.communities.size());
    for (const auto& c : map.communities) {
        std::cout << "  community " << c.id << "\n    " << c.why << "\n    groups:";
        for (const auto& gc : c.groups)
            std::cout << ' ' << gc.group << '=' << (gc.people ? std::to_string(*gc.people) : std::string("<10"));
        std::cout << '\n';
    }
    heading("Gaps (fewest ties to others first)", map.gaps.size());
    for (const auto& gap : map.gaps) std::cout << "  " << gap.kind << ' ' << gap.name << "\n    " << gap.why << '\n';
    return 0;
}

}  // namespace verbind::cli
