// Internal to the report: text and number formatting that keeps the HTML
// well-formed (it parses as XML, so the tests can check it strictly), and
// the sections made in their own files.
#pragma once

#include "verbind/evaluate/timeline.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/model/network.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/report/report.hpp"
#include "verbind/socialmap/social_map.hpp"

#include "messages.hpp"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verbind::report_detail {

// Text for HTML content and attribute values: & < > " ' escaped.
std::string escaped(std::string_view text);

// A finite number with `digits` decimals ("-0.0" printed as "0.0"), for
// attributes (coordinates): never for visible text, which is written by
// Words::num in the report's language. A non-finite value is a bug
// upstream: throws std::logic_error rather than write NaN into a report.
std::string number(double value, int digits);

// n people as publishable text in the report's language, with `noun` in
// the right form: "12 people", or "fewer than 10 people" (a one-cell table
// through verbind::suppress_small_cells).
std::string people(const Words& words, std::size_t n, std::uint64_t min_cell, M noun = M::n_person);

// A table cell and a table header cell.
std::string cell(const std::string& text, const char* css = nullptr);
std::string header_row(const Words& words, std::initializer_list<M> headers);

// The small "How this is computed" line: method names appear only here.
std::string how_line(const Words& words, const std::string& text);

// Qualitative colours that stay apart for readers with the common forms of
// colour blindness as far as twelve colours can (after Paul Tol's "muted"
// and "light" schemes), and the grey for everything beyond them.
const std::vector<std::string>& palette();
// Line colours for areas in the charts (Paul Tol's "vibrant"), apart from
// the community colours so neither can be mistaken for the other.
const std::vector<std::string>& area_palette();
inline constexpr std::string_view other_colour = "#b0b0b0";

// What the drawing marks beyond communities.
struct DrawingMarks {
    std::vector<std::string> labelled;    // keys shown as text (the social map's top key figures)
    std::vector<std::string> train_next;  // keys of the reach plan
};

// The network section's inner HTML: the SVG drawing, its legend and a note
// on what was drawn. `graph` is the report's graph (keys = actor keys).
std::string network_drawing(const Network& network, const Graph& graph, const ReportOptions& options,
                            const Words& words, const DrawingMarks& marks, const ProgressCallback& progress);

// The over-time section's inner HTML: one SVG line chart per metric, one
// line per area; withheld points are gaps, labelled in a strip below.
std::string timeline_charts(const Timeline& timeline, const ReportOptions& options, const Words& words);

// A section's "nothing to show" paragraph: why it is empty.
std::string empty_note(const Words& words, M message);

// The tables from the social map and the introductions (tables.cpp).
std::string key_figure_table(const SocialMap& map, const Words& words);
std::string broker_table(const SocialMap& map, const Words& words);
std::string gap_table(const SocialMap& map, std::size_t top, std::uint64_t min_cell, const Words& words);
std::string introduction_table(const std::vector<Introduction>& intros, const Words& words);

// Whom to train next (reach_plan.cpp): the chosen residents' keys and the
// section's inner HTML.
struct ReachPlan {
    std::vector<std::string> chosen;
    std::string html;
};
ReachPlan reach_plan(const Network& network, const Graph& graph, const ReportOptions& options, const Words& words,
                     const ProgressCallback& progress);

// Whom to thank: the residents who carried the most in [start, end)
// (events organised, people brought along, contacts made between two of
// their contacts), as the section's inner HTML. Reads the records through
// `visible`; residents of the municipality only, when one is given.
struct Thanks {
    std::string actor;
    std::size_t organised = 0, brought = 0, introduced = 0;
    bool key_figure = false;
    std::size_t total() const noexcept { return organised + brought + introduced; }
};
std::vector<Thanks> whom_to_thank(const Visible& visible, const ReportOptions& options,
                                  const std::optional<Date>& start, const std::optional<Date>& end);
std::string thanks_table(const std::vector<Thanks>& thanks, const Words& words, const std::optional<Date>& first,
                         const std::optional<Date>& last);

}  // namespace verbind::report_detail
