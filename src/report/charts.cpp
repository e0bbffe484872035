// Metrics over time as SVG line charts: one chart per metric, one line per
// area. A withheld value (suppressed, or no data) is a gap in its line,
// never a zero, and the strip under the chart says which it was.
#include "parts.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace verbind::report_detail {

namespace {

// Chart geometry (viewBox units).
constexpr double width = 560, plot_left = 58, plot_right = 548, plot_top = 16, plot_bottom = 196;
constexpr double strip_top = 232, strip_row = 13;

// A round step for about four intervals over `span` (1, 2 or 5 x 10^k).
double tick_step(double span) {
    const double raw = span / 4;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (m * power >= raw) return m * power;
    return 10 * power;
}

std::string tick_label(const Words& words, double value, double step) {
    const int digits = step >= 1 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
    return words.num(value, std::min(digits, 4));
}

// A value as the tables and tooltips show it: whole numbers as such, others
// with three decimals.
std::string value_text(const Words& words, double value) {
    return words.num(value, value == std::round(value) && std::abs(value) < 1e15 ? 0 : 3);
}

struct Cell {
    std::optional<double> value;
    ValueStatus status = ValueStatus::no_data;
};

std::string status_words(const Words& words, ValueStatus status, std::uint64_t min_cell) {
    switch (status) {
        case ValueStatus::suppressed: return words.fill(M::status_suppressed, {words.count(min_cell, M::n_person)});
        case ValueStatus::no_data: return std::string(words(M::status_no_data));
        default: return std::string(words(M::status_shown));
    }
}

// Area a's line colour (areas past the palette: the "other" grey).
std::string area_colour(std::size_t a) {
    const auto& colours = area_palette();
    return a < colours.size() ? colours[a] : std::string(other_colour);
}

// The areas' colours and what the strip's marks mean.
std::string chart_legend(const Words& words, const ReportOptions& options,
                         const std::vector<std::string>& area_names) {
    std::string html = "<ul class=\"legend areas\">\n";
    for (std::size_t a = 0; a < area_names.size(); ++a)
        html +=
            "<li><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" width=\"26\" height=\"12\" viewBox=\"0 0 26 12\"><line x1=\"1\" y1=\"6\" x2=\"25\" "
            "y2=\"6\" stroke=\"" +
            area_colour(a) + "\" stroke-width=\"3\"/></svg> " + area_names[a] + "</li>\n";
    html +=
        "<li><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" width=\"12\" height=\"12\" viewBox=\"0 0 12 12\"><rect x=\"1\" y=\"1\" width=\"10\" "
        "height=\"10\" fill=\"#9a9a9a\"/></svg> " +
        words.fill(M::legend_suppressed, {words.count(options.min_cell, M::n_person)}) + "</li>\n";
    html +=
        "<li><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" width=\"12\" height=\"12\" viewBox=\"0 0 12 12\"><rect x=\"1.5\" y=\"1.5\" width=\"9\" "
        "height=\"9\" fill=\"#ffffff\" stroke=\"#9a9a9a\"/></svg> " +
        std::string(words(M::legend_no_data)) + "</li>\n";
    return html;
}

// The strip under a chart: which points are shown, suppressed or without
// data, one row per area.
std::string chart_strip(const Words& words, const ReportOptions& options, const std::vector<std::string>& area_names,
                        const std::vector<std::string>& period_names, const std::vector<std::vector<Cell>>& cells,
                        double slot, const std::string& period_word) {
    const std::size_t periods = period_names.size();
    auto x_at = [&](std::size_t p) { return plot_left + (static_cast<double>(p) + 0.5) * slot; };
    std::string svg;
    svg += "<text x=\"" + number(plot_left, 0) + "\" y=\"" + number(strip_top - 8, 0) +
           "\" font-size=\"10\" fill=\"#555555\">" + words.fill(M::strip_label, {period_word}) + "</text>\n";
    for (std::size_t a = 0; a < area_names.size(); ++a) {
        const double y = strip_top + strip_row * static_cast<double>(a);
        svg += "<rect x=\"" + number(plot_left - 16, 0) + "\" y=\"" + number(y, 0) +
               "\" width=\"10\" height=\"9\" fill=\"" + area_colour(a) + "\"><title>" + area_names[a] +
               "</title></rect>\n";
        for (std::size_t p = 0; p < periods; ++p) {
            const Cell& c = cells[a][p];
            const bool has = c.value && std::isfinite(*c.value);
            const ValueStatus status =
                has ? ValueStatus::ok : (c.status == ValueStatus::ok ? ValueStatus::no_data : c.status);
            const char* look = status == ValueStatus::ok           ? "fill-opacity=\"0.45\""
                               : status == ValueStatus::suppressed ? "class=\"suppressed\""
                                                                   : "class=\"no-data\"";
            const std::string fill = status == ValueStatus::ok           ? area_colour(a)
                                     : status == ValueStatus::suppressed ? "#9a9a9a"
                                                                         : "#ffffff";
            svg += "<rect x=\"" + number(x_at(p) - slot / 2 + 1, 1) + "\" y=\"" + number(y, 0) + "\" width=\"" +
                   number(std::max(slot - 2, 0.5), 1) + "\" height=\"9\" fill=\"" + fill + "\" " + look +
                   (status == ValueStatus::no_data ? " stroke=\"#9a9a9a\" stroke-width=\"0.8\"" : "") + "><title>" +
                   area_names[a] + " " + period_names[p] + ": " + status_words(words, status, options.min_cell) +
                   "</title></rect>\n";
        }
    }
    return svg;
}

// The numbers behind a chart: a period x area table, withheld values as
// words (a gap in the line is a gap in the table too).
std::string chart_table(const Words& words, const std::vector<std::string>& area_names,
                        const std::vector<std::string>& period_names, const std::vector<std::vector<Cell>>& cells) {
    std::string table = "<details>\n<summary>" + std::string(words(M::chart_table_summary)) +
                        "</summary>\n<table class=\"chart-data\">\n<tr><th scope=\"col\">" +
                        std::string(words(M::th_period)) + "</th>";
    for (const auto& name : area_names) table += "<th scope=\"col\">" + name + "</th>";
    table += "</tr>\n";
    for (std::size_t p = 0; p < period_names.size(); ++p) {
        table += "<tr><th scope=\"row\">" + period_names[p] + "</th>";
        for (std::size_t a = 0; a < area_names.size(); ++a) {
            const Cell& c = cells[a][p];
            if (c.value && std::isfinite(*c.value))
                table += cell(value_text(words, *c.value), "num");
            else if (c.status == ValueStatus::suppressed)
                table += cell(std::string(words(M::cell_suppressed)), "withheld");
            else
                table += cell(std::string(words(M::cell_no_data)), "withheld");
        }
        table += "</tr>\n";
    }
    table += "</table>\n</details>\n";
    return table;
}

}  // namespace

std::string timeline_charts(const Timeline& timeline, const ReportOptions& options, const Words& words) {
    std::vector<std::string> areas;
    for (const auto& a : timeline.areas)
        if (options.municipality.empty() || a == options.municipality) areas.push_back(a);
    if (timeline.periods.empty() || areas.empty())
        return "<p class=\"empty\">" + std::string(words(M::no_timeline)) + "</p>\n";
    // What the reader sees: the area's name (the timeline's "(no
    // municipality)" and "programme", the whole, in the report's language)
    // and the period as said.
    std::vector<std::string> area_names, period_names;
    for (const auto& a : areas)
        area_names.push_back(a == "(no municipality)" ? std::string(words(M::no_municipality))
                             : a == "programme"       ? std::string(words(M::area_programme))
                                                      : escaped(a));
    for (const auto& p : timeline.periods) period_names.push_back(escaped(words.period_label(p)));
    const std::string period_word(words.period_name(options.period));

    const std::size_t periods = timeline.periods.size();
    std::map<std::string, std::size_t> period_index, area_index;
    for (std::size_t i = 0; i < periods; ++i) period_index[timeline.periods[i]] = i;
    for (std::size_t i = 0; i < areas.size(); ++i) area_index[areas[i]] = i;

    std::string html = chart_legend(words, options, area_names);
    html += "</ul>\n<div class=\"charts\">\n";

    const double height = strip_top + strip_row * static_cast<double>(areas.size()) + 8;
    const double slot = (plot_right - plot_left) / static_cast<double>(periods);
    auto x_at = [&](std::size_t p) { return plot_left + (static_cast<double>(p) + 0.5) * slot; };
    // As many period labels as fit side by side (about 6.5 units a character at font size 11).
    std::size_t longest = 1;
    for (const auto& p : period_names) longest = std::max(longest, p.size());
    const auto fitting = std::max<std::size_t>(
        1, static_cast<std::size_t>((plot_right - plot_left) / (6.5 * static_cast<double>(longest) + 12)));
    const std::size_t label_every = (periods + fitting - 1) / fitting;

    std::size_t chart_number = 0;
    for (const MetricInfo& metric : timeline_metrics()) {
        std::vector<std::vector<Cell>> cells(areas.size(), std::vector<Cell>(periods));
        for (const TimelineRecord& rec : timeline.records) {
            if (rec.metric != metric.name) continue;
            const auto a = area_index.find(rec.area);
            const auto p = period_index.find(rec.period);
            if (a == area_index.end() || p == period_index.end()) continue;
            cells[a->second][p->second] = Cell{rec.status == ValueStatus::ok ? rec.value : std::nullopt, rec.status};
        }
        double low = 0, high = 0;
        std::size_t shown = 0, suppressed = 0, no_data = 0;
        for (const auto& row : cells)
            for (const Cell& c : row) {
                if (c.value && std::isfinite(*c.value)) {
                    low = std::min(low, *c.value);
                    high = std::max(high, *c.value);
                    ++shown;
                } else if (c.status == ValueStatus::suppressed) {
                    ++suppressed;
                } else {
                    ++no_data;
                }
            }
        if (high - low <= 0) high = low + 1;
        const double step = tick_step(high - low);
        low = std::floor(low / step) * step;
        high = std::ceil(high / step) * step;
        auto y_at = [&](double v) { return plot_bottom - (v - low) / (high - low) * (plot_bottom - plot_top); };

        const std::string id = "chart-" + std::to_string(++chart_number);
        std::string svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"" + id + "\" viewBox=\"0 0 " +
            number(width, 0) + " " + number(height, 0) + "\" role=\"img\" aria-label=\"" +
            words.fill(M::chart_aria, {std::string(words.metric_title(metric.name)), period_word}) + "\">\n";
        // Grid and axis labels.
        svg += "<g class=\"grid\" stroke=\"#e2e2e2\" stroke-width=\"1\">\n";
        for (double t = low; t <= high + step / 2; t += step)
            svg += "<line x1=\"" + number(plot_left, 0) + "\" x2=\"" + number(plot_right, 0) + "\" y1=\"" +
                   number(y_at(t), 1) + "\" y2=\"" + number(y_at(t), 1) + "\"/>\n";
        svg += "</g>\n<g class=\"axis\" font-size=\"11\" fill=\"#444444\">\n";
        for (double t = low; t <= high + step / 2; t += step)
            svg += "<text x=\"" + number(plot_left - 6, 0) + "\" y=\"" + number(y_at(t) + 4, 1) +
                   "\" text-anchor=\"end\">" + tick_label(words, t, step) + "</text>\n";
        for (std::size_t p = 0; p < periods; p += label_every) {
            // A label that would run past the chart's edge (long Dutch month
            // names) ends at the edge instead.
            const double half = 3.25 * static_cast<double>(period_names[p].size());
            const bool at_end = x_at(p) + half > width - 2;
            svg += "<text x=\"" + number(at_end ? width - 2 : x_at(p), 1) + "\" y=\"" + number(plot_bottom + 16, 0) +
                   "\" text-anchor=\"" + (at_end ? "end" : "middle") + "\">" + period_names[p] + "</text>\n";
        }
        svg += "</g>\n<line x1=\"" + number(plot_left, 0) + "\" x2=\"" + number(plot_right, 0) + "\" y1=\"" +
               number(plot_bottom, 0) + "\" y2=\"" + number(plot_bottom, 0) + "\" stroke=\"#666666\"/>\n";

        // Lines: a run of consecutive shown values is one polyline; a
        // withheld value ends the run, so it is a gap.
        for (std::size_t a = 0; a < areas.size(); ++a) {
            svg += "<g class=\"series\" stroke=\"" + area_colour(a) + "\" fill=\"" + area_colour(a) + "\">\n";
            std::string run;
            std::size_t run_points = 0;
            auto flush = [&] {
                if (run_points >= 2)
                    svg += "<polyline fill=\"none\" stroke-width=\"2.5\" stroke-linejoin=\"round\" points=\"" + run +
                           "\"/>\n";
                run.clear();
                run_points = 0;
            };
            for (std::size_t p = 0; p < periods; ++p) {
                const Cell& c = cells[a][p];
                if (!c.value || !std::isfinite(*c.value)) {
                    flush();
                    continue;
                }
                if (!run.empty()) run += ' ';
                run += number(x_at(p), 1) + "," + number(y_at(*c.value), 1);
                ++run_points;
                svg += "<circle cx=\"" + number(x_at(p), 1) + "\" cy=\"" + number(y_at(*c.value), 1) +
                       "\" r=\"2.8\" stroke=\"none\"><title>" + area_names[a] + " " + period_names[p] + ": " +
                       value_text(words, *c.value) + "</title></circle>\n";
            }
            flush();
            svg += "</g>\n";
        }

        // The strip: which points are shown, suppressed or without data.
        svg += chart_strip(words, options, area_names, period_names, cells, slot, period_word);
        svg += "</svg>\n";

        // The numbers behind the chart: a period x area table, withheld
        // values as words (a gap in the line is a gap in the table too).
        const std::string table = chart_table(words, area_names, period_names, cells);

        html += "<figure class=\"chart-figure\" data-metric=\"" + escaped(metric.name) + "\">\n<figcaption><strong>" +
                std::string(words.metric_title(metric.name)) + "</strong> <span class=\"unit\">(" +
                std::string(words.metric_unit(metric.name)) + ")</span><br/>" +
                std::string(words.metric_text(metric.name)) + "</figcaption>\n" + svg + "<p class=\"gaps\">";
        if (shown == 0) html += std::string(words(M::chart_none_shown));
        html += words.fill(M::chart_counts,
                           {words.count(shown, M::n_point), words.whole(suppressed), words.whole(no_data)}) +
                "</p>\n" + table + "</figure>\n";
    }
    html += "</div>\n";
    return html;
}

}  // namespace verbind::report_detail
