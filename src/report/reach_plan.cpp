// Whom to train next: the residents who would add the most expected reach
// to today's key figures (influence maximisation), with that reach and its
// 95% interval before and after.
#include "parts.hpp"

#include "verbind/reach/spread.hpp"

#include <algorithm>
#include <cmath>

namespace verbind::report_detail {

namespace {

// About `value` people: "123 people", the noun in the form for the rounded number.
std::string about_people(const Words& words, double value) {
    const double rounded = std::max(0.0, std::round(value));
    return words.num(value, 0) + " " + std::string(words.noun(static_cast<std::uint64_t>(rounded), M::n_person));
}

}  // namespace

ReachPlan reach_plan(const Network& network, const Graph& graph, const ReportOptions& options, const Words& words,
                     const ProgressCallback& progress) {
    ReachPlan plan;
    std::vector<NodeId> candidates, key_figures;
    for (NodeId v = 0; v < graph.num_nodes(); ++v) {
        const Actor& a = network.actor(graph.key(v));
        if (!a.is_resident()) continue;
        (a.key_figure ? key_figures : candidates).push_back(v);
    }
    const std::size_t k = std::min(options.train, candidates.size());
    if (k == 0 || graph.num_edges() == 0) {
        plan.html = empty_note(words, M::no_plan);
        return plan;
    }
    InfluenceOptions io;
    io.candidates = candidates;
    io.fixed = key_figures;
    io.seed = options.seed;
    io.threads = options.threads;
    io.progress = progress;
    const InfluenceResult im = influence_max(graph, k, io);
    SpreadOptions so;
    so.runs = 2000;
    so.seed = options.seed;
    so.threads = options.threads;
    const SpreadResult before = spread(graph, key_figures, so);
    std::vector<NodeId> together = key_figures;
    together.insert(together.end(), im.seeds.begin(), im.seeds.end());
    const SpreadResult after = spread(graph, together, so);

    std::string& h = plan.html;
    h += "<p>" +
         words.fill(M::plan_text, {words.count(k, M::n_resident), about_people(words, after.mean - before.mean),
                                   words.num(before.mean, 0), words.num(before.low, 0), words.num(before.high, 0),
                                   words.num(after.mean, 0), words.num(after.low, 0), words.num(after.high, 0),
                                   about_people(words, im.extra_spread_lower_bound),
                                   words.num(100 * im.approximation, 0), words.whole(k)}) +
         "</p>\n";
    h += "<table class=\"reach-plan\">\n" + header_row(words, {M::th_rank, M::th_resident, M::th_neighbourhood,
                                                               M::th_municipality, M::th_ties, M::th_to_key_figures});
    for (std::size_t i = 0; i < im.seeds.size(); ++i) {
        const NodeId v = im.seeds[i];
        const Actor& a = network.actor(graph.key(v));
        std::size_t to_key_figures = 0;
        for (NodeId w : graph.neighbors(v)) to_key_figures += network.actor(graph.key(w)).key_figure ? 1 : 0;
        h += "<tr>" + cell(words.whole(i + 1), "num") + cell(escaped(a.key)) +
             cell(a.neighbourhood.empty() ? "&#8211;" : escaped(a.neighbourhood)) +
             cell(a.municipality.empty() ? "&#8211;" : escaped(a.municipality)) +
             cell(words.whole(graph.degree(v)), "num") + cell(words.whole(to_key_figures), "num") + "</tr>\n";
        plan.chosen.push_back(a.key);
    }
    h += "</table>\n" + how_line(words, words.fill(M::how_reach_plan, {words.whole(so.runs)}));
    return plan;
}

}  // namespace verbind::report_detail
