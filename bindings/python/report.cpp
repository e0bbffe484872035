// Python bindings of the HTML report (verbind/report.py wraps them:
// argument types are checked there, values here).
#include "bindings.hpp"
#include "options.hpp"

#include "verbind/error.hpp"
#include "verbind/report/report.hpp"

namespace verbind::python {

void register_report(py::module_& m) {
    m.def(
        "_report",
        [](const NetworkHandle& net, OptionalPath path, OptionalText municipality, PeriodName period, Int top,
           Int train, OptionalInt seed, Int max_drawn_nodes, Int min_cell, bool include_sensitive, OptionalText title,
           Int threads, ProgressArg progress, Text lang) -> OptionalTextResult {
            constexpr std::string_view fn = "report";
            ReportOptions o;
            o.municipality = optional_text_arg(municipality, fn, "municipality", "report: field 'municipality'");
            o.period = parse_period(text_arg(period, fn, "period", "report: field 'period'"));
            o.top = size_arg(top, fn, "top", 1);
            o.train = size_arg(train, fn, "train", 1);
            o.seed = seed_arg(seed, fn);
            o.max_drawn_nodes = size_arg(max_drawn_nodes, fn, "max_drawn_nodes", 1);
            o.min_cell = min_cell_arg(min_cell, fn);
            o.include_sensitive = include_sensitive;
            o.title = optional_text_arg(title, fn, "title", "report: field 'title'");
            o.threads = threads_arg(threads, fn);
            o.lang = text_arg(lang, fn, "lang", "report: field 'lang'");
            const std::string target = path.is_none() ? std::string() : path_arg(path, fn, "path");
            std::string html;
            read_network(net, fn, [&](const Network& network) {
                with_progress(std::move(progress), fn, [&](ProgressCallback callback) {
                    o.progress = std::move(callback);
                    if (target.empty())
                        html = report_html(network, o);
                    else
                        write_report(network, o, target);
                });
            });
            if (target.empty()) return py::str(html);
            return py::none();
        },
        py::name("report"), py::arg("net"), py::arg("path"), py::arg("municipality"), py::arg("period"),
        py::arg("top"), py::arg("train"), py::arg("seed"), py::arg("max_drawn_nodes"), py::arg("min_cell"),
        py::arg("include_sensitive"), py::arg("title"), py::arg("threads"), py::arg("progress"), py::arg("lang"));
    m.def("_report_languages", [] {
        py::list out;
        for (const auto& lang : report_languages()) out.append(py::str(lang));
        return out;
    });
}

}  // namespace verbind::python
