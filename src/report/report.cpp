// The coordinator's report: the sections in order, as one HTML document
// that is also well-formed XML (void elements closed, every text escaped),
// so that it can be checked strictly and opened anywhere without a network.
#include "verbind/report/report.hpp"

#include "parts.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/reach/spread.hpp"
#include "verbind/socialmap/social_map.hpp"
#include "verbind/util/files.hpp"
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
    report_detail::parse_lang(lang, "write_report");
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
td.withheld, td.no-via { color: #666; font-style: italic; }
.how { font-size: 12px; color: #666; margin: 4px 0 0 0; }
details { font-size: 13px; margin: 4px 0 8px 0; }
summary { cursor: pointer; color: #1b4f8a; }
table.chart-data th[scope="row"] { font-weight: normal; white-space: nowrap; }
footer { font-size: 12px; color: #666; padding-bottom: 30px; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  body { background: #ffffff; font-size: 10pt; line-height: 1.3; }
  header, main, footer { max-width: none; padding: 0; }
  nav, summary { display: none; }
  section { border: none; border-radius: 0; padding: 0; margin: 0 0 6mm 0; }
  h2 { font-size: 15pt; margin-top: 4mm; break-after: avoid; }
  .drawing-figure { display: block; }
  .drawing { width: 150mm; }
  .charts { grid-template-columns: 1fr 1fr; gap: 3mm 6mm; }
  .chart-figure, tr, .legend li { break-inside: avoid; }
  table { font-size: 8.5pt; }
  th, td { padding: 2px 4px; }
}
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

// The last event that may be shown (in the municipality, when one is given).
std::optional<Date> last_event(const Visible& visible, const ReportOptions& options) {
    const Network& network = visible.network();
    std::optional<Date> last;
    for (EventId e = 0; e < network.num_events(); ++e) {
        const Event& event = network.event(e);
        if (!visible.event(e)) continue;
        if (!options.municipality.empty() && event.municipality != options.municipality) continue;
        if (!last || event.date > *last) last = event.date;
    }
    return last;
}

// The day after the programme's latest activity: its latest event or the
// latest date a tie began. A tie's end ("until", maybe years ahead, maybe a
// placeholder) does not stretch the charts into the future.
std::optional<Date> after_last_activity(const Visible& visible, const ReportOptions& options) {
    const Network& network = visible.network();
    std::optional<Date> last = last_event(visible, options);
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

std::string section(const char* id, const std::string& heading, const std::string& intro, const std::string& body) {
    return "<section id=\"" + std::string(id) + "\">\n<h2>" + heading + "</h2>\n" +
           (intro.empty() ? std::string() : "<p class=\"lead\">" + intro + "</p>\n") + body + "</section>\n";
}

std::string header(const Network& network, const Graph& graph, const Visible& visible, const ReportOptions& options,
                   const Words& words, const std::string& title) {
    std::size_t residents = 0, organisations = 0;
    for (NodeId v = 0; v < graph.num_nodes(); ++v)
        (network.actor(graph.key(v)).is_resident() ? residents : organisations)++;
    const std::optional<Date> first = first_event(visible, options), last = last_event(visible, options);
    std::string h = "<header>\n<h1>" + escaped(title) + "</h1>\n<p class=\"lead\">" +
                    words.fill(M::lead_counts, {people(words, residents, options.min_cell, M::n_resident),
                                                words.count(organisations, M::n_organisation),
                                                words.count(graph.num_edges(), M::n_tie)});
    if (first) h += words.fill(M::lead_events, {words.date(*first), words.date(*last)});
    // Appended piece by piece: GCC 12 warns (-Wrestrict, falsely) on
    // "literal" + std::string&& here.
    h += ". ";
    h += words(M::lead_keys);
    if (!options.municipality.empty()) {
        h += ' ';
        h += words.fill(M::lead_filter_one, {escaped(options.municipality)});
    }
    h += "</p>\n<nav aria-label=\"";
    h += words(M::nav_label);
    h += "\">";
    const std::pair<const char*, M> links[] = {{"network", M::nav_network},
                                               {"over-time", M::nav_over_time},
                                               {"key-figures", M::nav_key_figures},
                                               {"brokers", M::nav_brokers},
                                               {"gaps", M::nav_gaps},
                                               {"introductions", M::nav_introductions},
                                               {"thanks", M::nav_thanks},
                                               {"reach-plan", M::nav_reach_plan},
                                               {"about", M::nav_about}};
    for (const auto& [id, text] : links) {
        h += "<a href=\"#";
        h += id;
        h += "\">";
        h += words(text);
        h += "</a>";
    }
    return h + "</nav>\n</header>\n";
}

std::string over_time(const Timeline& timeline, const ReportOptions& options, const Words& words) {
    const std::string period(words.period_name(options.period));
    const bool one = !options.municipality.empty();
    const std::string municipality = escaped(options.municipality);
    const std::string heading =
        one ? words.fill(M::h_over_time_one, {municipality}) : std::string(words(M::h_over_time_all));
    // Without periods there are no charts: the section's note says why.
    const std::string intro = timeline.periods.empty()
                                  ? std::string()
                                  : (one ? words.fill(M::intro_over_time_one, {period, municipality})
                                         : words.fill(M::intro_over_time_all, {period})) +
                                        words.fill(M::intro_over_time_breaks, {period});
    return section("over-time", heading, intro,
                   timeline_charts(timeline, options, words) +
                       how_line(words, words.fill(M::how_over_time, {period})));
}

}  // namespace

const std::vector<std::string>& report_languages() {
    static const std::vector<std::string> languages = {"en", "nl"};
    return languages;
}

void write_report(const Network& network, const ReportOptions& options, std::ostream& out) {
    validate(network, options);
    const Words words(parse_lang(options.lang, "write_report"));
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

    // Whom to thank over the charts' time: from the first event to the
    // latest activity.
    std::vector<Thanks> thanks = whom_to_thank(visible, options, to.start, to.end);
    if (thanks.size() > options.top) thanks.resize(options.top);

    const ReachPlan plan = reach_plan(network, graph, options, words, stages.stage(0.6, 0.8));

    DrawingMarks marks;
    for (std::size_t i = 0; i < map.key_figures.size() && i < 5; ++i)
        if (map.key_figures[i].score > 0) marks.labelled.push_back(map.key_figures[i].actor);
    marks.train_next = plan.chosen;
    const std::string drawing = network_drawing(network, graph, options, words, marks, stages.stage(0.8, 0.98));

    const std::string title = !options.title.empty()
                                  ? options.title
                                  : std::string(words(M::default_title)) +
                                        (options.municipality.empty() ? std::string() : ": " + options.municipality);
    const std::optional<Date> last_day =
        to.end ? std::optional<Date>(*to.end - boost::gregorian::date_duration(1)) : std::nullopt;

    out << "<!DOCTYPE html>\n<html lang=\"" << words.code() << "\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>" << escaped(title)
        << "</title>\n<style>" << style << "</style>\n</head>\n<body>\n"
        << header(network, graph, visible, options, words, title) << "<main>\n";
    out << section("network", std::string(words(M::h_network)), std::string(words(M::intro_network)), drawing);
    out << over_time(timeline, options, words);
    out << section("key-figures", std::string(words(M::h_key_figures)), std::string(words(M::intro_key_figures)),
                   key_figure_table(map, words));
    out << section("brokers", std::string(words(M::h_brokers)), std::string(words(M::intro_brokers)),
                   broker_table(map, words));
    out << section("gaps", std::string(words(M::h_gaps)),
                   words.fill(M::intro_gaps, {words.count(options.min_cell, M::n_person)}),
                   gap_table(map, options.top, options.min_cell, words));
    out << section("introductions", std::string(words(M::h_introductions)),
                   std::string(words(M::intro_introductions)), introduction_table(intros, words));
    out << section("thanks", std::string(words(M::h_thanks)), std::string(),
                   thanks_table(thanks, words, to.start, last_day));
    out << section("reach-plan", std::string(words(M::h_reach_plan)), std::string(words(M::intro_reach_plan)),
                   plan.html);
    out << section(
        "about", std::string(words(M::h_about)),
        words.fill(M::intro_about, {escaped(version()), std::to_string(seed_or_default(options.seed))}),
        "<p>" +
            words.fill(M::about_privacy,
                       {std::string(words(options.include_sensitive ? M::about_included : M::about_left_out)),
                        words.count(options.min_cell, M::n_person)}) +
            "</p>\n");
    out << "</main>\n<footer><p>verbind " << escaped(version()) << "</p></footer>\n</body>\n</html>\n";
    stages.reach(1.0);
}

std::string report_html(const Network& network, const ReportOptions& options) {
    std::ostringstream out;
    write_report(network, options, out);
    return std::move(out).str();
}

void write_report(const Network& network, const ReportOptions& options, const std::string& path) {
    files::atomic_write_file(path, report_html(network, options));
}

}  // namespace verbind
