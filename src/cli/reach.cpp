// `verbind reach [--train K] [PATH]`: the bring-along cascades observed in a
// network (the sample programme when no PATH is given), and which K
// residents (default 5) to train as key figures next, with the expected
// extra reach.
#include "commands.hpp"
#include "visible.hpp"

#include "verbind/graph/view.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/sample.hpp"
#include "verbind/reach/reach.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>

namespace verbind::cli {

namespace {

std::string fixed(double x, int digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, x);
    return buffer;
}

std::string pad(const std::string& text, std::size_t width, bool right = false) {
    if (text.size() >= width) return text;
    const std::string fill(width - text.size(), ' ');
    return right ? fill + text : text + fill;
}

void print_cascades(const Network& net, const CascadeResult& c) {
    std::cout << "attendances " << c.attendances << ", newcomers " << c.newcomers << " ("
              << fixed(100 * c.newcomer_share, 1) << "%), newcomers brought along " << c.newcomers_brought
              << ", bring-along rate " << fixed(c.bring_along_rate, 3) << " new people per attendee, longest chain "
              << c.generations << " generations\n\n";
    std::cout << pad("event series (kind, municipality)", 44) << pad("events", 8, true) << pad("people", 8, true)
              << pad("newcomers", 11, true) << pad("brought", 9, true) << pad("rate", 7, true)
              << pad("generations", 13, true) << pad("largest tree", 14, true) << '\n';
    std::cout << std::string(114, '-') << '\n';
    for (const SeriesCascade& s : c.series) {
        const std::string name = s.kind + ", " + (s.municipality.empty() ? "(none)" : s.municipality);
        std::cout << pad(name, 44) << pad(std::to_string(s.events.size()), 8, true)
                  << pad(std::to_string(s.people.size()), 8, true) << pad(std::to_string(s.newcomers), 11, true)
                  << pad(std::to_string(s.newcomers_brought), 9, true) << pad(fixed(s.bring_along_rate, 2), 7, true)
                  << pad(std::to_string(s.generations), 13, true) << pad(std::to_string(s.largest_tree), 14, true)
                  << '\n';
    }
    std::cout << "\nwho brought the most new people (recognition for volunteers)\n";
    const std::size_t shown = std::min<std::size_t>(10, c.bringers.size());
    for (std::size_t i = 0; i < shown; ++i) {
        const Bringer& b = c.bringers[i];
        std::cout << "  " << pad(std::to_string(i + 1) + ".", 4) << pad(net.actor(b.actor).key, 24)
                  << b.newcomers_brought << " newcomers, " << b.brought << " people brought in all\n";
    }
    if (c.bringers.empty()) std::cout << "  (nobody was recorded as brought along)\n";
}

int train_next(const Network& net, std::size_t k, bool include_sensitive) {
    // net holds only the records the command may use (visible.hpp); the view
    // says so too, so a sensitive tie kind never chooses whom to train.
    ViewOptions view;
    view.include_sensitive = include_sensitive;
    const Graph g = build_graph(net, view);
    std::vector<NodeId> candidates, key_figures;
    for (NodeId v = 0; v < g.num_nodes(); ++v) {
        const Actor& a = net.actor(g.key(v));
        if (!a.is_resident()) continue;
        (a.key_figure ? key_figures : candidates).push_back(v);
    }
    std::cout << "\nwhom to train next: " << k << " of " << candidates.size()
              << " residents who are not key figures yet, with the " << key_figures.size()
              << " key figures already active\n(Independent Cascade over the ties, weighted cascade probabilities; "
                 "OPIM-C, epsilon 0.1)\n";
    if (candidates.size() < k) {
        std::cout << "  not enough residents to choose " << k << " from\n";
        return 0;
    }
    InfluenceOptions o;
    o.candidates = candidates;
    o.fixed = key_figures;
    const InfluenceResult im = influence_max(g, k, o);
    for (std::size_t i = 0; i < im.seeds.size(); ++i) {
        const Actor& a = net.actor(g.key(im.seeds[i]));
        std::cout << "  " << pad(std::to_string(i + 1) + ".", 4) << pad(a.key, 12)
                  << (a.neighbourhood.empty() ? "" : a.neighbourhood)
                  << (a.municipality.empty() ? "" : ", " + a.municipality) << '\n';
    }
    SpreadOptions so;
    so.runs = 10000;
    const SpreadResult before = spread(g, key_figures, so);
    std::vector<NodeId> together = key_figures;
    together.insert(together.end(), im.seeds.begin(), im.seeds.end());
    const SpreadResult after = spread(g, together, so);
    std::cout << "expected reach: key figures now " << fixed(before.mean, 1) << " (95% " << fixed(before.low, 1)
              << "-" << fixed(before.high, 1) << "), with the " << k << " newly trained " << fixed(after.mean, 1)
              << " (95% " << fixed(after.low, 1) << "-" << fixed(after.high, 1) << "): about "
              << fixed(after.mean - before.mean, 1) << " more people\n"
              << "certified: at least " << fixed(im.extra_spread_lower_bound, 1)
              << " more people in expectation (probability >= 1 - 1/n), " << fixed(100 * im.approximation, 0)
              << "% of the best possible choice of " << k << " or better\n";
    return 0;
}

}  // namespace

int reach_command(const Args& args) {
    std::size_t k = 5;
    bool include_sensitive = false;
    std::optional<std::string> path;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--include-sensitive") {
            include_sensitive = true;
        } else if (args[i] == "--train") {
            if (i + 1 == args.size()) throw usage_error{"reach: --train needs a value"};
            const std::string_view value = args[++i];
            std::size_t parsed = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
            if (ec != std::errc() || end != value.data() + value.size() || parsed == 0 || parsed > 1000)
                throw usage_error{"reach: --train must be a whole number from 1 to 1000, got '" + std::string(value) +
                                  "'"};
            k = parsed;
        } else if (args[i].size() > 1 && args[i][0] == '-') {
            throw usage_error{"reach: unknown option '" + std::string(args[i]) + "'"};
        } else if (path) {
            throw usage_error{"reach: expected at most one PATH"};
        } else {
            path = std::string(args[i]);
        }
    }
    const Input input = load_network(path, include_sensitive);
    const Network& net = input.network;
    std::cout << "bring-along cascades: "
              << (path ? "network " + *path : std::string("sample programme \"Veilige Wijken\" 2022 (seed 2022)"))
              << "\n\n";
    CascadeOptions cascade_options;
    cascade_options.include_sensitive = include_sensitive;
    print_cascades(net, cascades(net, cascade_options));
    return train_next(net, k, include_sensitive);
}

}  // namespace verbind::cli
