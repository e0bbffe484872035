// The coordinator's report: the sections in order, as one HTML document
// that is also well-formed XML (void elements closed, every text escaped),
// so that it can be checked strictly and opened anywhere without a network.
#include "verbind/report/report.hpp"

#include "parts.hpp"
#include "../io/files.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/reach/spread.hpp"
#include "verbind/socialmap/social_map.hpp"
#include "verbind/util/random.hpp"
#include "verbind/version.hpp"

#include <algorithm>
#include <limits>
#include <set>
#include <sstream>

namespace verbind {

void ReportOptions::validate() const {
    if (top == 0) throw input_error("write_report: top must be at least 1");
    if (train == 0) throw input_error("write_report: train must be at least 1");
    if (max_drawn_nodes == 0) throw input_error("write_report: max_drawn_nodes must be at least 1");
    check_min_cell(min_cell, "write_report");
}

using namespace report_detail;

namespace {

constexpr std::string_view style = R"css(
body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #1d1d1d; background: #f6f5f2;
       margin: 0; line-height: 1.45; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 20px; }
h1 { font-size: 28px; margin: 0 0 4px 0; }
h2 { font-size: 21px; margin: 30px 0 8px 0; border-bottom: 2px solid #d9d6cf; padding-bottom: 4px; }
.lead { font-size: 15px; color: #444; margin: 4px 0 10px 0; }
nav { font-size: 14px; margin: 8px 0 0 0; }
nav a { color: #1b4f8a; margin-right: 14px; }
section { background: #ffffff; border: 1px solid #e2dfd8; border-radius: 6px; padding: 4px 18px 14px 18px; margin: 16px 0; }
.drawing-figure { margin: 0; display: flex; gap: 18px; align-items: flex-start; }
.drawing { width: 860px; max-width: 100%; height: auto; border: 1px solid #e2dfd8; flex: none; }
.legend { list-style: none; padding: 0; margin: 6px 0; font-size: 13px; }
.legend li { margin: 3px 0; display: flex; align-items: center; gap: 6px; }
.legend.areas { display: flex; flex-wrap: wrap; gap: 4px 18px; }
.swatch { flex: none; }
.label-sample { font-weight: bold; font-size: 12px; border: 1px solid #ccc; padding: 0 3px; }
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 10px 22px; }
.chart-figure { margin: 0; }
.chart-figure figcaption { font-size: 13px; min-height: 3.2em; }
.chart { width: 100%; height: auto; }
.unit { color: #666; }
.gaps, .note, .empty { font-size: 13px; color: #555; }
table { border-collapse: collapse; width: 100%; font-size: 13px; margin: 6px 0; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid #ebe8e1; }
th { background: #f1efe9; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.why { color: #333; }
footer { font-size: 12px; color: #666; padding-bottom: 30px; }
)css";

// The report's graph: ties of every kind that may be shown (all kinds with
// include_sensitive), restricted to the municipality when one is given.
Graph report_graph(const Network& network, const ReportOptions& options) {
    ViewOptions view;
    view.include_sensitive = options.include_sensitive;
    Graph full = build_graph(network, view);
    std::vector<NodeId> new_id(full.num_nodes(), std::numeric_limits<NodeId>::max());
    std::vector<std::string> keys;
    for (NodeId u = 0; u < full.num_nodes(); ++u)
        if (options.municipality.empty() || network.actor(full.key(u)).municipality == options.municipality) {
            new_id[u] = static_cast<NodeId>(keys.size());
            keys.push_back(full.key(u));
        }
    std::vector<NodeId> src, dst;
    std::vector<double> weight;
    const auto edges = full.edges();
    for (std::size_t i = 0; i < edges.src.size(); ++i) {
        if (new_id[edges.src[i]] == std::numeric_limits<NodeId>::max() ||
            new_id[edges.dst[i]] == std::numeric_limits<NodeId>::max())
            continue;
        src.push_back(new_id[edges.src[i]]);
        dst.push_back(new_id[edges.dst[i]]);
        weight.push_back(edges.weight[i]);
    }
    return Graph::from_keyed_edges(std::move(keys), src, dst, weight);
}

// The first event that may be shown (in the municipality, when one is given).
std::optional<Date> first_event(const Visible& visible, const ReportOptions& options) {
    const Network& network = visible.network();
    std::optional<Date> first;
    for (EventId e = 0; e < network.num_events(); ++e) {
        const Event& event = network.event(e);
        if (!visible.event(e)) continue;
        if (!options.municipality.empty() && event.municipality != options.municipality) continue;
        if (!first || event.date < *first) first = event.date;
    }
    return first;
}

// The day after the programme's latest activity: its latest event or the
// latest date a tie began. A tie's end ("until", maybe years ahead, maybe a
// placeholder) does not stretch the charts into the future.
std::optional<Date> after_last_activity(const Visible& visible, const ReportOptions& options) {
    const Network& network = visible.network();
    std::optional<Date> last;
    for (EventId e = 0; e < network.num_events(); ++e) {
        const Event& event = network.event(e);
        if (!visible.event(e)) continue;
        if (!options.municipality.empty() && event.municipality != options.municipality) continue;
        if (!last || event.date > *last) last = event.date;
    }
    if (!last) return std::nullopt;
    for (const Tie& tie : network.ties())
        if (tie.since && *tie.since > *last && visible.tie(tie)) last = tie.since;
    return *last + boost::gregorian::date_duration(1);
}

void validate(const Network& network, const ReportOptions& options) {
    options.validate();
    if (!options.municipality.empty()) {
        const auto& actors = network.actors();
        if (std::none_of(actors.begin(), actors.end(),
                         [&](const Actor& a) { return a.municipality == options.municipality; }))
            throw not_found_error("write_report: no actor lives in municipality '" + options.municipality + "'");
    }
}

// Maps a stage's own progress (0..1) into [low, high] of the whole report.
// The stage is told to stop (false) when the caller cancels; the stage then
// throws cancelled_error itself.
class Stages {
public:
    explicit Stages(const ProgressCallback& callback) : progress_(callback) {}
    ProgressCallback stage(double low, double high) {
        if (!progress_.active()) return {};
        return [this, low, high](double fraction) {
            try {
                progress_.report(low + fraction * (high - low));
                return true;
            } catch (const cancelled_error&) {
                return false;
            }
        };
    }
    void reach(double fraction) { progress_.report(fraction); }

private:
    Progress progress_;
};

std::string cell(const std::string& text, const char* css = nullptr) {
    return css ? "<td class=\"" + std::string(css) + "\">" + text + "</td>" : "<td>" + text + "</td>";
}

std::string joined(const std::vector<std::string>& items, std::string_view separator = ", ") {
    std::string out;
    for (const auto& item : items) {
        if (!out.empty()) out += separator;
        out += escaped(item);
    }
    return out.empty() ? "&#8211;" : out;
}

std::string key_figure_table(const SocialMap& map) {
    if (map.key_figures.empty()) return "<p class=\"empty\">No key figures: the network has no ties here.</p>\n";
    std::string t =
        "<table class=\"key-figures\">\n<tr><th>#</th><th>person</th><th>score</th><th>within two steps</th>"
        "<th>betweenness</th><th>ties across groups</th><th>key figure now</th><th>why</th></tr>\n";
    for (std::size_t i = 0; i < map.key_figures.size(); ++i) {
        const KeyFigure& k = map.key_figures[i];
        t += "<tr>" + cell(std::to_string(i + 1), "num") + cell(escaped(k.actor)) + cell(number(k.score, 2), "num") +
             cell(std::to_string(k.two_hop_reach), "num") + cell(number(k.betweenness, 3), "num") +
             cell(std::to_string(k.cross_group_ties), "num") +
             cell(k.recognised ? (k.trained ? "yes, trained" : "yes") : "not yet") + cell(escaped(k.why), "why") +
             "</tr>\n";
    }
    return t + "</table>\n";
}

std::string broker_table(const SocialMap& map) {
    if (map.brokers.empty())
        return "<p class=\"empty\">No brokers: nobody links otherwise separate communities here.</p>\n";
    std::string t = "<table class=\"brokers\">\n<tr><th>#</th><th>person or organisation</th><th>constraint</th>"
                    "<th>betweenness</th><th>communities linked</th><th>why</th></tr>\n";
    for (std::size_t i = 0; i < map.brokers.size(); ++i) {
        const Broker& b = map.brokers[i];
        t += "<tr>" + cell(std::to_string(i + 1), "num") + cell(escaped(b.actor)) +
             cell(number(b.constraint, 3), "num") + cell(number(b.betweenness, 3), "num") +
             cell(std::to_string(b.communities.size()), "num") + cell(escaped(b.why), "why") + "</tr>\n";
    }
    return t + "</table>\n";
}

std::string gap_table(const SocialMap& map, std::size_t top, std::uint64_t min_cell) {
    if (map.gaps.empty()) return "<p class=\"empty\">No gaps found.</p>\n";
    std::string t =
        "<table class=\"gaps\">\n<tr><th>kind</th><th>name</th><th>people</th><th>share of ties outside</th>"
        "<th>E-I index</th><th>why</th></tr>\n";
    for (std::size_t i = 0; i < map.gaps.size() && i < top; ++i) {
        const Gap& g = map.gaps[i];
        t += "<tr>" + cell(escaped(g.kind)) + cell(escaped(g.name)) +
             cell(g.people ? std::to_string(*g.people)
                           : std::string("suppressed (fewer than ") + std::to_string(min_cell) +
                                 ", or would give such a count away)",
                  "num") +
             cell(g.share_of_ties_outside ? number(*g.share_of_ties_outside, 2) : "&#8211;", "num") +
             cell(g.ei_index ? number(*g.ei_index, 2) : "&#8211;", "num") + cell(escaped(g.why), "why") + "</tr>\n";
    }
    return t + "</table>\n";
}

std::string introduction_table(const std::vector<Introduction>& intros) {
    if (intros.empty())
        return "<p class=\"empty\">No introductions to suggest: nobody shares a talent with someone they do not know yet "
               "across a group or community.</p>\n";
    std::string t = "<table class=\"introductions\">\n<tr><th>#</th><th>introduce</th><th>to</th><th>score</th>"
                    "<th>what they share</th><th>what they bridge</th><th>who could introduce them</th></tr>\n";
    for (std::size_t i = 0; i < intros.size(); ++i) {
        const Introduction& x = intros[i];
        t += "<tr>" + cell(std::to_string(i + 1), "num") + cell(escaped(x.a)) + cell(escaped(x.b)) +
             cell(number(x.score, 2), "num") + cell(joined(x.shared_talents)) + cell(joined(x.bridges)) +
             cell(joined(x.via)) + "</tr>\n";
    }
    return t + "</table>\n";
}

struct ReachPlan {
    std::vector<std::string> chosen;  // keys
    std::string html;
};

ReachPlan reach_plan(const Network& network, const Graph& graph, const ReportOptions& options,
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
        plan.html =
            "<p class=\"empty\">No plan: there are no residents with ties who are not key figures already.</p>\n";
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
    h += "<p>If these " + std::to_string(k) +
         " residents were trained as key figures next, word passed on from person "
         "to person would be expected to reach about <strong>" +
         number(after.mean - before.mean, 0) + " more people</strong>: " + number(before.mean, 0) +
         " (95% interval " + number(before.low, 0) + "&#8211;" + number(before.high, 0) +
         ") from today&#39;s key figures, " + number(after.mean, 0) + " (" + number(after.low, 0) + "&#8211;" +
         number(after.high, 0) + ") with them. With high probability the gain is at least " +
         number(im.extra_spread_lower_bound, 0) + " people, and the choice reaches at least " +
         number(100 * im.approximation, 0) + "% of what the best possible " + std::to_string(k) + " would.</p>\n";
    h += "<table class=\"reach-plan\">\n<tr><th>#</th><th>resident</th><th>neighbourhood</th><th>municipality</th>"
         "<th>ties</th><th>of them key figures</th></tr>\n";
    for (std::size_t i = 0; i < im.seeds.size(); ++i) {
        const NodeId v = im.seeds[i];
        const Actor& a = network.actor(graph.key(v));
        std::size_t to_key_figures = 0;
        for (NodeId w : graph.neighbors(v)) to_key_figures += network.actor(graph.key(w)).key_figure ? 1 : 0;
        h += "<tr>" + cell(std::to_string(i + 1), "num") + cell(escaped(a.key)) +
             cell(a.neighbourhood.empty() ? "&#8211;" : escaped(a.neighbourhood)) +
             cell(a.municipality.empty() ? "&#8211;" : escaped(a.municipality)) +
             cell(std::to_string(graph.degree(v)), "num") + cell(std::to_string(to_key_figures), "num") + "</tr>\n";
        plan.chosen.push_back(a.key);
    }
    h +=
        "</table>\n<p class=\"note\">Chosen among residents who are not key figures yet, with today&#39;s key figures "
        "counted as already active (influence maximisation, OPIM-C; Independent Cascade where a person passes word to "
        "each contact with probability 1 / that contact&#39;s number of ties; expected reach from 2,000 simulated runs).</p>\n";
    return plan;
}

std::string section(const char* id, const char* heading, const std::string& intro, const std::string& body) {
    return "<section id=\"" + std::string(id) + "\">\n<h2>" + heading + "</h2>\n<p class=\"lead\">" + intro +
           "</p>\n" + body + "</section>\n";
}

}  // namespace

void write_report(const Network& network, const ReportOptions& options, std::ostream& out) {
    validate(network, options);
    const Visible visible(network, options.include_sensitive);  // what the report may show and use
    Stages stages(options.progress);
    const Graph graph = report_graph(network, options);

    SocialMapOptions mo;
    mo.municipality = options.municipality;
    mo.top = options.top;
    mo.seed = options.seed;
    mo.threads = options.threads;
    mo.min_cell = options.min_cell;
    mo.include_sensitive = options.include_sensitive;
    const SocialMap map = social_map(network, mo);
    stages.reach(0.15);

    TimelineOptions to;
    to.period = options.period;
    to.by = AreaLevel::municipality;
    to.min_cell = options.min_cell;
    to.include_sensitive = options.include_sensitive;
    to.seed = options.seed;
    to.threads = options.threads;
    to.progress = stages.stage(0.15, 0.45);
    // Ties often carry the date people first met, years before a
    // programme: the charts start with the programme's first event.
    to.start = first_event(visible, options);
    to.end = after_last_activity(visible, options);
    const Timeline timeline = verbind::timeline(network, to);

    IntroductionOptions io;
    io.limit = options.top;
    io.municipality = options.municipality;
    io.seed = options.seed;
    io.threads = options.threads;
    io.include_sensitive = options.include_sensitive;
    io.progress = stages.stage(0.45, 0.6);
    const std::vector<Introduction> intros = introductions(network, io);

    const ReachPlan plan = reach_plan(network, graph, options, stages.stage(0.6, 0.8));

    DrawingMarks marks;
    for (std::size_t i = 0; i < map.key_figures.size() && i < 5; ++i)
        marks.labelled.push_back(map.key_figures[i].actor);
    marks.train_next = plan.chosen;
    const std::string drawing = network_drawing(network, graph, options, marks, stages.stage(0.8, 0.98));

    const std::string title =
        !options.title.empty()
            ? options.title
            : "Programme report" + (options.municipality.empty() ? std::string() : ": " + options.municipality);
    std::size_t residents = 0, organisations = 0;
    std::optional<Date> first, last;
    for (NodeId v = 0; v < graph.num_nodes(); ++v)
        (network.actor(graph.key(v)).is_resident() ? residents : organisations)++;
    for (EventId e = 0; e < network.num_events(); ++e) {
        const Event& event = network.event(e);
        if (!visible.event(e)) continue;
        if (!options.municipality.empty() && event.municipality != options.municipality) continue;
        if (!first || event.date < *first) first = event.date;
        if (!last || event.date > *last) last = event.date;
    }

    out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" << escaped(title)
        << "</title>\n<style>" << style << "</style>\n</head>\n<body>\n<header>\n<h1>" << escaped(title) << "</h1>\n"
        << "<p class=\"lead\">" << people(residents, options.min_cell) << " residents, " << organisations
        << " organisations and " << graph.num_edges() << " ties between them";
    if (first) out << "; events from " << format_date(*first) << " to " << format_date(*last);
    out << ". People appear only by their pseudonymous keys.</p>\n<nav>"
        << "<a href=\"#network\">the network</a><a href=\"#over-time\">over time</a>"
        << "<a href=\"#key-figures\">key figures</a><a href=\"#brokers\">brokers</a><a href=\"#gaps\">gaps</a>"
        << "<a href=\"#introductions\">introductions</a><a href=\"#reach-plan\">whom to train next</a>"
        << "<a href=\"#about\">about this report</a></nav>\n</header>\n<main>\n";

    out << section(
        "network", "The network",
        "Who is tied to whom. People close together in the picture share many ties; a colour is a community "
        "of people more tied to each other than to the rest.",
        drawing);
    out << section("over-time", "Over time, per municipality",
                   std::string("Each chart is one measure per ") + std::string(to_string(options.period)) +
                       ", one line per municipality and one for the whole programme, from the month of the first "
                       "event on. A break in a line is a period whose value is withheld (too few people) or has no "
                       "data: it is never drawn as zero.",
                   timeline_charts(timeline, options));
    out << section("key-figures", "Key figures (sleutelfiguren) on the sociale kaart",
                   "People who hold the network together: many people within two steps, on many shortest paths, with "
                   "ties across groups. Some are key figures already; others could become one.",
                   key_figure_table(map));
    out << section("brokers", "Brokers between communities",
                   "People and organisations whose contacts do not know each other: they link communities that would "
                   "otherwise not meet. Low constraint means more open bridges.",
                   broker_table(map));
    out << section("gaps", "Gaps",
                   "Neighbourhoods and groups that mostly keep to themselves. Counts of fewer than " +
                       std::to_string(options.min_cell) +
                       " people are suppressed, and so are the counts that would give them away.",
                   gap_table(map, options.top, options.min_cell));
    out << section(
        "introductions", "Introductions to make",
        "Pairs who share a talent or interest but do not know each other yet, across groups or communities: "
        "look for what people share, not for what divides them.",
        introduction_table(intros));
    out << section(
        "reach-plan", "Whom to train next",
        "If one person comes, and next time brings someone, you reach a lot. These residents would add the "
        "most expected reach to today&#39;s key figures.",
        plan.html);
    out << section("about", "About this report",
                   "Made by verbind " + escaped(version()) + " with seed " +
                       std::to_string(seed_or_default(options.seed)) +
                       ": the same data and seed give the same report.",
                   "<p>Privacy: people appear only by pseudonymous key. Special-category groups (such as a declared "
                   "sexual orientation or gender identity), sensitive events and sensitive tie kinds are " +
                       std::string(options.include_sensitive ? "<strong>included in this report on request</strong>"
                                                             : "left out of every section") +
                       ". Counts by group or area below " + std::to_string(options.min_cell) +
                       " people are suppressed, with complementary suppression so they cannot be worked out from "
                       "totals. This file needs no internet connection and runs no script.</p>\n");
    out << "</main>\n<footer><p>verbind " << escaped(version()) << "</p></footer>\n</body>\n</html>\n";
    stages.reach(1.0);
}

std::string report_html(const Network& network, const ReportOptions& options) {
    std::ostringstream out;
    write_report(network, options, out);
    return std::move(out).str();
}

void write_report(const Network& network, const ReportOptions& options, const std::string& path) {
    io_detail::write_file_atomically(path, report_html(network, options));
}

}  // namespace verbind
