// Python bindings of the HTML report (verbind/report.py wraps them:
// argument types are checked there, values here).
#include "bindings.hpp"

#include "verbind/error.hpp"
#include "verbind/report/report.hpp"

namespace verbind::python {

void register_report(py::module_& m) {
    m.def(
        "_report",
        [](const NetworkHandle& net, py::handle path, py::handle municipality, py::handle period, std::size_t top,
           std::size_t train, py::handle seed, std::size_t max_drawn_nodes, std::uint64_t min_cell,
           bool include_sensitive, py::handle title, unsigned threads, py::object progress) -> py::object {
            constexpr std::string_view fn = "report";
            ReportOptions o;
            o.municipality = optional_text_arg(municipality, fn, "municipality", "report: field 'municipality'");
            o.period = parse_period(text_arg(period, fn, "period", "report: field 'period'"));
            o.top = top;
            o.train = train;
            if (!seed.is_none()) o.seed = seed.cast<std::uint64_t>();
            o.max_drawn_nodes = max_drawn_nodes;
            o.min_cell = min_cell;
            o.include_sensitive = include_sensitive;
            o.title = optional_text_arg(title, fn, "title", "report: field 'title'");
            o.threads = threads;
            const std::string target = path.is_none() ? std::string() : path_arg(path, fn, "path");
            std::string html;
            with_progress(std::move(progress), [&](ProgressCallback callback) {
                o.progress = std::move(callback);
                std::shared_lock lock(net.mutex);
                if (target.empty()) {
                    html = report_html(net.network, o);
                } else {
                    write_report(net.network, o, target);
                }
                return 0;
            });
            if (target.empty()) return py::str(html);
            return py::none();
        },
        py::arg("net"), py::arg("path"), py::arg("municipality"), py::arg("period"), py::arg("top"),
        py::arg("train"), py::arg("seed"), py::arg("max_drawn_nodes"), py::arg("min_cell"),
        py::arg("include_sensitive"), py::arg("title"), py::arg("threads"), py::arg("progress"));
}

}  // namespace verbind::python
