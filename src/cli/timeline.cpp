// `verbind timeline [PATH]`: the tidy timeline (one row per period x area x
// metric: period, area, metric, value, status), the table Python's
// verbind.timeline(...).to_pandas() holds. As an aligned table, as JSON, as
// CSV (--csv: comma, decimal point, UTF-8) or as the CSV Dutch Excel opens
// by double-click (--excel: semicolon, decimal comma, UTF-8 with a byte order
// mark, CRLF line ends).
#include "command_line.hpp"
#include "commands.hpp"
#include "output.hpp"
#include "visible.hpp"

#include "verbind/error.hpp"
#include "verbind/evaluate/timeline.hpp"
#include "verbind/model/date.hpp"
#include "verbind/model/text.hpp"
#include "verbind/util/text.hpp"

#include <algorithm>
#include <charconv>
#include <iostream>
#include <string>
#include <vector>

namespace verbind::cli {

namespace {

// The shortest text that reads back to the same double ("12", "0.4375").
std::string number(double x, char decimal_separator) {
    std::string text = number_text(x);
    if (decimal_separator != '.') std::replace(text.begin(), text.end(), '.', decimal_separator);
    return text;
}

// A CSV field, quoted (and its quotes doubled) when it holds the separator,
// a quote or a line break.
std::string field(const std::string& text, char separator) {
    if (text.find_first_of(std::string{separator, '"', '\n', '\r'}) == std::string::npos) return text;
    std::string out = "\"";
    for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + '"';
}

void write_csv(std::ostream& out, const Timeline& t, bool excel) {
    const char separator = excel ? ';' : ',';
    const char* end_of_line = excel ? "\r\n" : "\n";
    if (excel) out << "\xEF\xBB\xBF";
    out << "period" << separator << "area" << separator << "metric" << separator << "value" << separator << "status"
        << end_of_line;
    for (const TimelineRecord& r : t.records) {
        out << field(r.period, separator) << separator << field(r.area, separator) << separator
            << field(r.metric, separator) << separator << (r.value ? number(*r.value, excel ? ',' : '.') : "")
            << separator << field(std::string(to_string(r.status)), separator) << end_of_line;
    }
}

void write_json(std::ostream& out, const Timeline& t, const std::string& source, const TimelineOptions& options) {
    Json j;
    j.open_object().field("source", printable(source)).field("period", to_string(options.period));
    j.field("by", to_string(options.by)).field("min_cell", options.min_cell);
    j.strings("periods", t.periods).strings("areas", t.areas).field("note", t.note);
    j.key("metrics").open_array();
    for (const MetricInfo& m : timeline_metrics())
        j.open_object()
            .field("name", m.name)
            .field("unit", m.unit)
            .field("description", m.description)
            .close_object();
    j.close_array().key("records").open_array();
    for (const TimelineRecord& r : t.records) {
        j.open_object().field("period", r.period).field("period_start", format_date(r.period_start));
        j.field("period_end", format_date(r.period_end)).field("area", r.area).field("metric", r.metric);
        j.field("value", r.value).field("status", to_string(r.status)).close_object();
    }
    j.close_array().close_object();
    out << j.str() << '\n';
}

std::string shown(double x) {
    if (x == static_cast<double>(static_cast<long long>(x)) && std::abs(x) < 1e15)
        return std::to_string(static_cast<long long>(x));
    return number_text(x, NumberFormat::fixed(3));
}

void write_table(std::ostream& out, const Timeline& t, const std::string& source, const TimelineOptions& options) {
    out << "timeline of " << source << ": " << t.periods.size() << (t.periods.size() == 1 ? " period" : " periods")
        << " by " << to_string(options.period);
    if (!t.periods.empty()) out << " (" << t.periods.front() << " to " << t.periods.back() << ")";
    out << ", " << t.areas.size() << (t.areas.size() == 1 ? " area" : " areas") << ", " << timeline_metrics().size()
        << " metrics; values resting on fewer than " << options.min_cell << " people are withheld\n";
    if (!t.note.empty()) out << t.note << '\n';
    if (t.records.empty()) return;
    std::vector<std::size_t> width = {6, 4, 6, 5};
    for (const TimelineRecord& r : t.records) {
        width[0] = std::max(width[0], display_width(r.period));
        width[1] = std::max(width[1], display_width(r.area));
        width[2] = std::max(width[2], display_width(r.metric));
        if (r.value) width[3] = std::max(width[3], shown(*r.value).size());
    }
    auto row = [&](const std::string& period, const std::string& area, const std::string& metric,
                   const std::string& value, std::string_view status) {
        out << '\n'
            << pad(period, width[0] + 2) << pad(area, width[1] + 2) << pad(metric, width[2] + 2)
            << pad(value, width[3], true) << "  " << status;
    };
    row("period", "area", "metric", "value", "status");
    out << '\n' << std::string(width[0] + width[1] + width[2] + width[3] + 8 + 10, '-');
    for (const TimelineRecord& r : t.records)
        row(r.period, r.area, r.metric, r.value ? shown(*r.value) : "", to_string(r.status));
    out << '\n';
}

}  // namespace

int timeline_command(const Args& args) {
    CommandLine line("timeline");
    line.add()("period", CommandLine::value("P"), "one row per week, month, quarter or year (default month)")(
        "by", CommandLine::value("A"),
        "areas: municipality, neighbourhood or programme (default municipality; "
        "every level adds the whole programme)")(
        "start", CommandLine::value("DATE"),
        "the first period holds DATE, YYYY-MM-DD (default: the first dated record)")(
        "end", CommandLine::value("DATE"), "up to DATE, exclusive (default: the day after the last dated record)")(
        "min-cell", CommandLine::value("N"), "withhold values resting on fewer than N people, N >= 1 (default 10)")(
        "seed", CommandLine::value("N"), "the seed of the E-I baseline's permutations, a whole number")(
        "csv", CommandLine::flag(), "write CSV: comma separated, decimal point, UTF-8 (pandas.read_csv reads it)")(
        "excel", CommandLine::flag(),
        "write CSV for Dutch Excel: semicolon separated, decimal comma, UTF-8 with a byte order mark");
    line.add_output_options();
    line.note("Without PATH: the sample programme. Columns: period, area, metric, value (empty when withheld), "
              "status (ok, suppressed or no data). The metrics and the suppression rules: docs/evaluate.md.");
    if (!line.parse(args)) return 0;
    const int formats = int{line.flag("csv")} + int{line.flag("excel")} + int{line.flag("json")};
    if (formats > 1) line.fail("--csv, --excel and --json exclude each other: give one");
    TimelineOptions options;
    if (const auto p = line.get("period")) {
        line.check_choice("--period", *p, {"week", "month", "quarter", "year"});
        options.period = parse_period(*p);
    }
    if (const auto by = line.get("by")) {
        line.check_choice("--by", *by, {"municipality", "neighbourhood", "programme"});
        options.by = parse_area_level(*by);
    }
    for (const char* name : {"start", "end"}) {
        const auto text = line.get(name);
        if (!text) continue;
        std::optional<Date> date;
        try {
            date = parse_date(*text, std::string("--") + name);
        } catch (const input_error& e) {
            line.fail(e.what());
        }
        (std::string_view(name) == "start" ? options.start : options.end) = date;
    }
    if (options.start && options.end && *options.start >= *options.end)
        line.fail("--start must be before --end, got " + format_date(*options.start) + " and " +
                  format_date(*options.end));
    if (const auto v = line.get("min-cell")) options.min_cell = parse_whole(line, "--min-cell", *v, 1, UINT64_MAX);
    if (const auto v = line.get("seed")) options.seed = parse_whole(line, "--seed", *v, 0, UINT64_MAX);
    options.include_sensitive = line.flag("include-sensitive");
    validate_options(line, options);
    const std::optional<std::string> path = line.path();
    Output output(line);
    const Input input = load_network(path, options.include_sensitive);
    const Timeline t = timeline(input.network, options);
    const std::string source = path ? *path : std::string("the sample programme \"Veilige Wijken\" 2022");
    if (line.flag("csv") || line.flag("excel"))
        write_csv(output.stream(), t, line.flag("excel"));
    else if (line.flag("json"))
        write_json(output.stream(), t, source, options);
    else
        write_table(output.stream(), t, source, options);
    output.finish();
    return 0;
}

}  // namespace verbind::cli
