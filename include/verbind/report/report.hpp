// The coordinator's report: one self-contained HTML file (inline CSS and
// SVG; no script, font, image or style sheet from anywhere else) that shows
// a programme at a glance: the network drawn and coloured by community,
// metrics over time per municipality, the social map's key figures, brokers
// and gaps, the top introductions, whom to thank and whom to train next, in
// English or Dutch. See docs/report.md.
//
// Privacy: actors appear by their pseudonymous keys only. Declared groups
// appear only as the social map and introductions give them (never a
// special-category group); sensitive tie kinds are left out of the drawing
// and the reach plan and sensitive events out of the metrics, unless
// include_sensitive. Counts by group or area come suppressed from the
// functions that make them (social_map, timeline).
#pragma once

#include "verbind/evaluate/timeline.hpp"
#include "verbind/model/network.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/util/progress.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace verbind {

struct ReportOptions {
    std::string municipality;                   // empty: the whole programme
    Period period = Period::month;              // of the charts over time
    std::size_t top = 10;                       // rows per table (key figures, brokers, gaps, introductions)
    std::size_t train = 5;                      // residents in the reach plan, >= 1
    std::optional<std::uint64_t> seed;          // none: verbind::default_seed
    std::size_t max_drawn_nodes = 2500;         // the drawing's cap, >= 1 (see drawing_subset)
    std::uint64_t min_cell = default_min_cell;  // small-cell suppression of the charts, >= 1
    bool include_sensitive = false;
    std::string title;  // empty: "Programme report" / "Programmaverslag" (+ municipality)
    // The language of every text: "en" (English, the library's default) or
    // "nl" (Dutch: numbers as 1.234,5, dates as 5 mei 2022). The CLI's
    // `verbind report` defaults to "nl".
    std::string lang = "en";
    unsigned threads = 0;  // 0: all cores; the report does not depend on it
    ProgressCallback progress;

    // Throws input_error naming the field: top, train, max_drawn_nodes or
    // min_cell 0, or a lang not in report_languages() (the message lists
    // them). write_report and report_html call it.
    void validate() const;
};

// The languages the report is written in: "en", "nl".
const std::vector<std::string>& report_languages();

// Writes the report to `out`. Throws input_error for bad options (top 0,
// train 0, max_drawn_nodes 0, min_cell 0), not_found_error for a
// municipality no actor lives in, cancelled_error when progress cancels.
void write_report(const Network& network, const ReportOptions& options, std::ostream& out);

// The same to a file, atomically (io_error naming the path on failure).
void write_report(const Network& network, const ReportOptions& options, const std::string& path);

// The same as a string.
std::string report_html(const Network& network, const ReportOptions& options = {});

}  // namespace verbind
