// `verbind reach [--train K] [PATH]`: the bring-along cascades observed in a
// network (the sample programme when no PATH is given), and which K
// residents (default 5) to train as key figures next, with the expected
// extra reach. `verbind reach GRAPH --influence-max K`: the K seeds of a
// graph file or edge list that reach the most (OPIM-C), distributed over the
// ranks under mpirun (ranks.hpp).
#include "command_line.hpp"
#include "commands.hpp"
#include "graph_input.hpp"
#include "output.hpp"
#include "ranks.hpp"
#include "visible.hpp"

#include "verbind/datasets/sample.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/text.hpp"
#include "verbind/reach/reach.hpp"
#include "verbind/util/text.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>

namespace verbind::cli {

namespace {

std::string fixed(double x, int digits) { return number_text(x, NumberFormat::fixed(digits)); }

void print_cascades(std::ostream& out, const Network& net, const CascadeResult& c) {
    out << "attendances " << c.attendances << ", newcomers " << c.newcomers << " ("
        << fixed(100 * c.newcomer_share, 1) << "%), newcomers brought along " << c.newcomers_brought
        << ", bring-along rate " << fixed(c.bring_along_rate, 3) << " new people per attendee, longest chain "
        << c.generations << " generations\n\n";
    out << pad("event series (kind, municipality)", 44) << pad("events", 8, true) << pad("people", 8, true)
        << pad("newcomers", 11, true) << pad("brought", 9, true) << pad("rate", 7, true)
        << pad("generations", 13, true) << pad("largest tree", 14, true) << '\n';
    out << std::string(114, '-') << '\n';
    for (const SeriesCascade& s : c.series) {
        const std::string name = s.kind + ", " + (s.municipality.empty() ? "(none)" : s.municipality);
        out << pad(name, 44) << pad(std::to_string(s.events.size()), 8, true)
            << pad(std::to_string(s.people.size()), 8, true) << pad(std::to_string(s.newcomers), 11, true)
            << pad(std::to_string(s.newcomers_brought), 9, true) << pad(fixed(s.bring_along_rate, 2), 7, true)
            << pad(std::to_string(s.generations), 13, true) << pad(std::to_string(s.largest_tree), 14, true) << '\n';
    }
    out << "\nwho brought the most new people (recognition for volunteers)\n";
    const std::size_t shown = std::min<std::size_t>(10, c.bringers.size());
    for (std::size_t i = 0; i < shown; ++i) {
        const Bringer& b = c.bringers[i];
        out << "  " << pad(std::to_string(i + 1) + ".", 4) << pad(net.actor(b.actor).key, 24) << b.newcomers_brought
            << " newcomers, " << b.brought << " people brought in all\n";
    }
    if (c.bringers.empty()) out << "  (nobody was recorded as brought along)\n";
}

void cascades_json(Json& j, const Network& net, const CascadeResult& c) {
    j.open_object();
    j.field("attendances", c.attendances).field("newcomers", c.newcomers).field("newcomer_share", c.newcomer_share);
    j.field("newcomers_brought", c.newcomers_brought).field("bring_along_rate", c.bring_along_rate);
    j.field("generations", c.generations);
    j.key("series").open_array();
    for (const SeriesCascade& s : c.series) {
        j.open_object().field("kind", s.kind).key("municipality");
        s.municipality.empty() ? j.null() : j.value(s.municipality);
        j.key("events").open_array();
        for (const EventId e : s.events) j.value(net.event(e).key);
        j.close_array().field("people", s.people.size()).field("attendances", s.attendances);
        j.field("newcomers", s.newcomers).field("newcomers_brought", s.newcomers_brought);
        j.field("bring_along_rate", s.bring_along_rate).field("generations", s.generations);
        j.field("largest_tree", s.largest_tree).close_object();
    }
    j.close_array().key("bringers").open_array();
    for (const Bringer& b : c.bringers) {
        j.open_object().field("actor", net.actor(b.actor).key).field("newcomers_brought", b.newcomers_brought);
        j.field("brought", b.brought).close_object();
    }
    j.close_array().close_object();
}

// Whom to train next: k residents who are not key figures yet, chosen with
// the key figures already active (influence_max with fixed seeds), and the
// expected reach before and after (spread, 10,000 runs).
struct TrainPlan {
    std::size_t k = 0;
    std::size_t candidates = 0, key_figures = 0;
    bool enough = false;  // at least k candidates
    std::vector<const Actor*> chosen;
    SpreadResult before, after;
    double extra_lower_bound = 0, approximation = 0;
};

TrainPlan train_next(const Network& net, std::size_t k, bool include_sensitive) {
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
    TrainPlan plan;
    plan.k = k;
    plan.candidates = candidates.size();
    plan.key_figures = key_figures.size();
    plan.enough = candidates.size() >= k;
    if (!plan.enough) return plan;
    InfluenceOptions o;
    o.candidates = candidates;
    o.fixed = key_figures;
    const InfluenceResult im = influence_max(g, k, o);
    for (const NodeId seed : im.seeds) plan.chosen.push_back(&net.actor(g.key(seed)));
    SpreadOptions so;
    so.runs = 10000;
    plan.before = spread(g, key_figures, so);
    std::vector<NodeId> together = key_figures;
    together.insert(together.end(), im.seeds.begin(), im.seeds.end());
    plan.after = spread(g, together, so);
    plan.extra_lower_bound = im.extra_spread_lower_bound;
    plan.approximation = im.approximation;
    return plan;
}

void print_plan(std::ostream& out, const TrainPlan& plan) {
    const std::size_t k = plan.k;
    out << "\nwhom to train next: " << k << " of " << plan.candidates
        << " residents who are not key figures yet, with the " << plan.key_figures
        << " key figures already active\n(Independent Cascade over the ties, weighted cascade probabilities; "
           "OPIM-C, epsilon 0.1)\n";
    if (!plan.enough) {
        out << "  not enough residents to choose " << k << " from\n";
        return;
    }
    for (std::size_t i = 0; i < plan.chosen.size(); ++i) {
        const Actor& a = *plan.chosen[i];
        out << "  " << pad(std::to_string(i + 1) + ".", 4) << pad(a.key, 12)
            << (a.neighbourhood.empty() ? "" : a.neighbourhood)
            << (a.municipality.empty() ? "" : ", " + a.municipality) << '\n';
    }
    const SpreadResult& before = plan.before;
    const SpreadResult& after = plan.after;
    out << "expected reach: key figures now " << fixed(before.mean, 1) << " (95% " << fixed(before.low, 1) << "-"
        << fixed(before.high, 1) << "), with the " << k << " newly trained " << fixed(after.mean, 1) << " (95% "
        << fixed(after.low, 1) << "-" << fixed(after.high, 1) << "): about " << fixed(after.mean - before.mean, 1)
        << " more people\n"
        << "certified: at least " << fixed(plan.extra_lower_bound, 1)
        << " more people in expectation (probability >= 1 - 1/n), " << fixed(100 * plan.approximation, 0)
        << "% of the best possible choice of " << k << " or better\n";
}

void spread_json(Json& j, std::string_view name, const SpreadResult& s) {
    j.key(name).open_object().field("mean", s.mean).field("standard_error", s.standard_error);
    j.field("low", s.low).field("high", s.high).field("runs", s.runs).close_object();
}

void plan_json(Json& j, const TrainPlan& plan) {
    j.open_object().field("k", plan.k).field("candidates", plan.candidates).field("key_figures", plan.key_figures);
    j.key("chosen").open_array();
    for (const Actor* a : plan.chosen) {
        j.open_object().field("actor", a->key).field("neighbourhood", a->neighbourhood);
        j.field("municipality", a->municipality).close_object();
    }
    j.close_array();
    if (plan.enough) {
        spread_json(j, "reach_now", plan.before);
        spread_json(j, "reach_with_chosen", plan.after);
        j.field("extra_reach_lower_bound", plan.extra_lower_bound).field("approximation", plan.approximation);
    } else {
        j.key("reach_now").null().key("reach_with_chosen").null();
        j.key("extra_reach_lower_bound").null().key("approximation").null();
    }
    j.close_object();
}

// `reach GRAPH --influence-max K`: influence_max over the ranks.
int influence_max_command(const CommandLine& line) {
    const std::optional<std::string> path = line.path();
    if (!path) line.fail("--influence-max: missing GRAPH (a graph file or an edge list)");
    if (line.get("train")) line.fail("--train is for a network's residents; --influence-max for a GRAPH, not both");
    const std::size_t k = parse_whole(line, "--influence-max", *line.get("influence-max"), 1, 0xffffffffULL);
    InfluenceOptions o;
    if (const auto v = line.get("epsilon")) {
        std::size_t used = 0;
        try {
            o.epsilon = std::stod(*v, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != v->size()) line.fail("--epsilon: expected a number in (0, 1), got '" + *v + "'");
    }
    if (const auto v = line.get("seed")) o.seed = parse_whole(line, "--seed", *v, 0, ~0ULL);
    validate_options(line, o);
    Output output(line);
    const Graph g = read_graph_input(*path, line.flag("directed"));
    const InfluenceResult r = influence_max(g, k, o, ranks());
    if (!speaks()) return 0;
    std::ostream& out = output.stream();
    const std::string source = graph_source(*path, g);
    if (line.flag("json")) {
        Json j;
        j.open_object().field("source", source).field("k", std::uint64_t{k}).field("epsilon", o.epsilon);
        j.key("seed");
        o.seed ? j.value(std::uint64_t{*o.seed}) : j.null();
        j.key("seeds").open_array();
        for (const NodeId s : r.seeds) j.value(g.key(s));
        j.close_array().field("spread_lower_bound", r.spread_lower_bound);
        j.field("approximation", r.approximation).field("rr_sets", std::uint64_t{r.rr_sets}).close_object();
        out << j.str() << '\n';
    } else {
        out << "influence maximisation: " << source << "\n(Independent Cascade, weighted cascade probabilities; "
            << "OPIM-C, epsilon " << number_text(o.epsilon) << ")\n\nseeds, in the order chosen:\n";
        for (std::size_t i = 0; i < r.seeds.size(); ++i)
            out << "  " << pad(std::to_string(i + 1) + ".", 7) << g.key(r.seeds[i]) << '\n';
        out << "\ncertified: the " << k << " seeds reach at least " << fixed(r.spread_lower_bound, 1)
            << " people in expectation (probability >= 1 - 1/n), " << fixed(100 * r.approximation, 0)
            << "% of the best possible choice of " << k << " or better (" << r.rr_sets
            << " reverse-reachable sets)\n";
    }
    output.finish();
    return 0;
}

}  // namespace

int reach_command(const Args& args) {
    CommandLine line("reach");
    line.add()("train", CommandLine::value("K"), "how many residents to choose to train next, 1 to 1000 (default 5)");
    line.add()("influence-max", CommandLine::value("K"),
               "the K seeds of the graph GRAPH (a graph file or an edge list) that reach the most people")(
        "epsilon", CommandLine::value("E"), "with --influence-max: the approximation slack, in (0, 1) (default 0.1)")(
        "seed", CommandLine::value("N"), "with --influence-max: the random seed (default: verbind's fixed seed)")(
        "directed", CommandLine::flag(), "with --influence-max: read an edge list as directed (arcs)");
    line.add_output_options();
    line.note("Without PATH: the sample programme. How cascades and the choice are computed: docs/reach.md.");
    line.note("With --influence-max, PATH is a graph (GRAPH); under mpirun -np N the RR sets are drawn by the N "
              "processes (each reads GRAPH) and rank 0 writes: the same seeds as one process. See docs/scale.md.");
    if (!line.parse(args)) return 0;
    if (line.get("influence-max")) return influence_max_command(line);
    for (const char* option : {"epsilon", "seed"})
        if (line.get(option)) line.fail(std::string("--") + option + " is for --influence-max");
    if (line.flag("directed")) line.fail("--directed is for --influence-max");
    std::size_t k = 5;
    if (const auto v = line.get("train")) k = parse_whole(line, "--train", *v, 1, 1000);
    const bool include_sensitive = line.flag("include-sensitive");
    const std::optional<std::string> path = line.path();
    Output output(line);
    const Input input = load_network(path, include_sensitive);
    const Network& net = input.network;
    const std::string source =
        path ? "network " + *path : std::string("sample programme \"Veilige Wijken\" 2022 (seed 2022)");
    CascadeOptions cascade_options;
    cascade_options.include_sensitive = include_sensitive;
    const CascadeResult observed = cascades(net, cascade_options);
    const TrainPlan plan = train_next(net, k, include_sensitive);
    std::ostream& out = output.stream();
    if (line.flag("json")) {
        Json j;
        j.open_object().field("source", printable(source)).key("cascades");
        cascades_json(j, net, observed);
        j.key("train");
        plan_json(j, plan);
        j.close_object();
        out << j.str() << '\n';
    } else {
        out << "bring-along cascades: " << source << "\n\n";
        print_cascades(out, net, observed);
        print_plan(out, plan);
    }
    output.finish();
    return 0;
}

}  // namespace verbind::cli
