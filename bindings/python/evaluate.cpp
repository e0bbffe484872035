// Python bindings of the evaluation capability (verbind/evaluate.py wraps
// them: argument types are checked there, values here).
#include "bindings.hpp"
#include "options.hpp"

#include "verbind/error.hpp"
#include "verbind/evaluate/timeline.hpp"

#include <memory>

namespace verbind::python {

namespace {

py::object record_value(const TimelineRecord& r) {
    if (r.value) return py::float_(*r.value);
    return py::none();
}

}  // namespace

void register_evaluate(py::module_& m) {
    m.def(
        "_timeline",
        [](const NetworkHandle& net, PeriodName period, AreaLevelName by, OptionalDate start, OptionalDate end,
           Int min_cell, bool include_sensitive, Int permutations, OptionalInt seed, Int threads,
           ProgressArg progress, OptionalTextList groups, Int friending_days) {
            constexpr std::string_view fn = "timeline";
            TimelineOptions o;
            o.period = parse_period(text_arg(period, fn, "period", "timeline: field 'period'"));
            o.by = parse_area_level(text_arg(by, fn, "by", "timeline: field 'by'"));
            o.start = optional_date_arg(start, fn, "start", "timeline: field 'start'");
            o.end = optional_date_arg(end, fn, "end", "timeline: field 'end'");
            o.min_cell = min_cell_arg(min_cell, fn);
            o.include_sensitive = include_sensitive;
            o.permutations = uint_arg(permutations, fn, "permutations", 1, std::numeric_limits<std::int64_t>::max());
            o.seed = seed_arg(seed, fn);
            o.threads = threads_arg(threads, fn);
            o.groups = optional_text_list_arg(groups, fn, "groups", "timeline: field 'groups'");
            o.friending_days = static_cast<unsigned>(uint_arg(friending_days, fn, "friending_days", 1,
                                                              std::numeric_limits<unsigned>::max()));
            const Timeline t = read_network(net, fn, [&](const Network& network) {
                return with_progress(std::move(progress), fn, [&](ProgressCallback callback) {
                    o.progress = std::move(callback);
                    return timeline(network, o);
                });
            });
            // Tidy records as dicts, built here: one Python call per record would be slower.
            py::list records;
            const py::str k_period("period"), k_area("area"), k_metric("metric"), k_value("value"),
                k_status("status");
            for (const TimelineRecord& r : t.records) {
                py::dict d;
                d[k_period] = r.period;
                d[k_area] = r.area;
                d[k_metric] = r.metric;
                d[k_value] = record_value(r);
                d[k_status] = std::string(to_string(r.status));
                records.append(std::move(d));
            }
            py::list starts;
            if (!t.periods.empty()) {
                // The first day of every period, for plotting against dates.
                const std::size_t per_period = t.records.size() / t.periods.size();
                for (std::size_t p = 0; p < t.periods.size(); ++p)
                    starts.append(to_python(t.records[p * per_period].period_start));
            }
            py::list periods, areas;
            for (const auto& p : t.periods) periods.append(py::str(p));
            for (const auto& a : t.areas) areas.append(py::str(a));
            return py::make_tuple(records, periods, areas, t.note, starts);
        },
        py::name("timeline"), py::arg("net"), py::arg("period"), py::arg("by"), py::arg("start"), py::arg("end"),
        py::arg("min_cell"), py::arg("include_sensitive"), py::arg("permutations"), py::arg("seed"),
        py::arg("threads"), py::arg("progress"), py::arg("groups"), py::arg("friending_days"));

    m.def(
        "_timeline_metrics",
        [] {
            py::list out;
            for (const MetricInfo& info : timeline_metrics()) {
                py::dict d;
                d["name"] = info.name;
                d["unit"] = info.unit;
                d["description"] = info.description;
                out.append(std::move(d));
            }
            return out;
        },
        py::name("timeline_metrics"));
}

}  // namespace verbind::python
