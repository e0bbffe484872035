// Internal to the report: text and number formatting that keeps the HTML
// well-formed (it parses as XML, so the tests can check it strictly), and
// the sections made in their own files.
#pragma once

#include "verbind/evaluate/timeline.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/model/network.hpp"
#include "verbind/report/report.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace verbind::report_detail {

// Text for HTML content and attribute values: & < > " ' escaped.
std::string escaped(std::string_view text);

// A finite number with `digits` decimals ("-0.0" printed as "0.0"). A
// non-finite value is a bug upstream: throws std::logic_error rather than
// write NaN into a report.
std::string number(double value, int digits);

// n people as publishable text: the number, or "fewer than <min_cell>" (a
// one-cell table through verbind::suppress_small_cells).
std::string people(std::size_t n, std::uint64_t min_cell);

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
                            const DrawingMarks& marks, const ProgressCallback& progress);

// The over-time section's inner HTML: one SVG line chart per metric, one
// line per area; withheld points are gaps, labelled in a strip below.
std::string timeline_charts(const Timeline& timeline, const ReportOptions& options);

}  // namespace verbind::report_detail
