// verbind.Network's files (write_csv, import_csv, write_json) and the
// functions that make whole Networks (read_csv, read_json, the datasets).
#include "bindings.hpp"
#include "network.hpp"
#include "options.hpp"

#include "verbind/datasets/davis.hpp"
#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"
#include "verbind/io/io.hpp"

namespace verbind::python {

namespace {

// --- read_csv / import_csv: a municipality's own spreadsheets ----------------

// The keywords of read_csv and Network.import_csv as CsvOptions.
CsvOptions csv_options(py::handle delimiter, py::handle encoding, py::handle columns, py::handle dayfirst,
                       std::string_view fn) {
    CsvOptions options;
    if (!delimiter.is_none()) {
        const std::string d = text_arg(delimiter, fn, "delimiter", "delimiter");
        if (d != "," && d != ";" && d != "\t")
            throw verbind::input_error("delimiter: expected ',', ';' or '\\t' (a tab), got " + quoted(d));
        options.delimiter = d[0];
    }
    options.encoding = parse_csv_encoding(text_arg(encoding, fn, "encoding", "encoding"));
    if (!columns.is_none()) {
        if (!py::isinstance<py::dict>(columns))
            throw py::type_error(std::string(fn) + "(): columns must be a dict, not " + type_name(columns));
        for (const auto& [key, value] : py::reinterpret_borrow<py::dict>(columns)) {
            const std::string name = text_arg(key, fn, "columns", "columns");
            if (py::isinstance<py::dict>(value)) {
                // {"attendance.csv": {"bewoner": "actor"}}: renames in one file.
                for (const auto& [from, to] : py::reinterpret_borrow<py::dict>(value))
                    options.columns.push_back({name, text_arg(from, fn, "columns", "columns"),
                                               text_arg(to, fn, "columns", "columns")});
            } else {
                if (!py::isinstance<py::str>(value))
                    throw py::type_error(std::string(fn) +
                                         "(): columns values must be str (a column of the layout) "
                                         "or dict (renames in one file), not " +
                                         type_name(value));
                options.columns.push_back({"", name, text_arg(value, fn, "columns", "columns")});
            }
        }
    }
    if (!py::isinstance<py::bool_>(dayfirst))
        throw py::type_error(std::string(fn) + "(): dayfirst must be bool, not " + type_name(dayfirst));
    options.dayfirst = dayfirst.cast<bool>();
    return options;
}

// Each warning of a read as a verbind.CsvWarning, from the caller's line.
// Raises (error_already_set) when the warnings filter makes them errors.
void issue_csv_warnings(const std::vector<std::string>& warnings) {
    if (warnings.empty()) return;
    const py::object category = py::module_::import("verbind._errors").attr("CsvWarning");
    for (const auto& warning : warnings)
        if (PyErr_WarnEx(category.ptr(), warning.c_str(), 2) != 0) throw py::error_already_set();
}

constexpr const char* csv_options_doc = R"doc(
delimiter: None (each file's own, found from its header row: ',', ';' or a
tab), or ',', ';' or '\t' for every file. encoding: 'utf-8' (a byte order
mark is skipped), 'cp1252' (Excel on Windows, "CSV (puntkomma-gescheiden)")
or 'latin-1'. columns: your own column names, {"bewoner": "key"} for every
file that has the column, {"attendance.csv": {"bewoner": "actor"}} for one
file. dayfirst: read 05-03-2022 as 5 March (False: as 3 May); ISO dates are
not affected. Booleans may be true/false, 1/0, yes/no, ja/nee or
waar/onwaar in any case; dates yyyy-mm-dd, dd-mm-yyyy, d-m-yyyy or
dd/mm/yyyy, optionally with a time (the date part is taken), one format per
column; weights 1.5 or 1,5. Columns the layout does not know are ignored,
each file's named in a verbind.CsvWarning. See docs/data-formats.md.
progress: True for a progress bar, or a callable taking the fraction of the
folder's bytes read (returning False cancels with CancelledError; nothing is
read). Raises ParseError naming file, line and column, InputError for bad
options, FileError.)doc";


// --- Network._add_ties: the bulk path of Network.from_pandas ------------------

}  // namespace

// Network.write_csv, import_csv and write_json.
void register_network_export(NetworkClass& cls) {
    // --- export ----------------------------------------------------------------
    cls.def(
        "write_csv",
        [](const NetworkHandle& self, PathLike folder, bool include_sensitive) {
            const std::string path = path_arg(folder, "write_csv", "folder");
            ExportOptions options;
            options.include_sensitive = include_sensitive;
            read_network(self, "write_csv",
                         [&](const Network& net) { without_gil([&] { write_csv(net, path, options); }); });
        },
        py::arg("folder"), py::kw_only(),
        py::arg("include_sensitive") = option_default("ExportOptions", "include_sensitive"),
        "Writes actors.csv, ties.csv, events.csv and attendance.csv (with include_sensitive also the\n"
        "sensitive_*.csv lists of marks) into folder, replacing it as a whole; a folder holding other\n"
        "files is refused with FileError.");

    cls.def(
        "import_csv",
        [](NetworkHandle& self, PathLike folder, OptionalText delimiter, Text encoding, CsvColumns columns,
           Bool dayfirst, ProgressArg progress) {
            constexpr std::string_view fn = "import_csv";
            const std::string path = path_arg(folder, fn, "folder");
            CsvOptions options = csv_options(delimiter, encoding, columns, dayfirst, fn);
            write_network(self, fn, [&](Network& net) {
                std::vector<std::string> warnings;
                Network next = with_progress(std::move(progress), fn, [&](ProgressCallback callback) {
                    options.progress = std::move(callback);
                    Network copy = net;
                    verbind::import_csv(copy, path, options, &warnings);
                    return copy;
                });
                // Warnings made errors by the warnings filter leave the Network as it was too.
                issue_csv_warnings(warnings);
                net = std::move(next);
            });
        },
        py::arg("folder"), py::kw_only(), py::arg("delimiter") = option_default("CsvOptions", "delimiter"),
        py::arg("encoding") = option_default("CsvOptions", "encoding"), py::arg("columns") = py::none(),
        py::arg("dayfirst") = option_default("CsvOptions", "dayfirst"), py::arg("progress") = py::none(),
        (std::string("Adds a CSV folder's records to this Network, all or nothing: on any error the\n"
                     "Network is exactly as before. Options as for verbind.read_csv:\n") +
         csv_options_doc)
            .c_str());

    cls.def(
        "write_json",
        [](const NetworkHandle& self, PathLike path, bool include_sensitive) {
            const std::string p = path_arg(path, "write_json", "path");
            ExportOptions options;
            options.include_sensitive = include_sensitive;
            read_network(self, "write_json",
                         [&](const Network& net) { without_gil([&] { write_json(net, p, options); }); });
        },
        py::arg("path"), py::kw_only(),
        py::arg("include_sensitive") = option_default("ExportOptions", "include_sensitive"),
        "Writes the Network as one JSON document.");
}

// read_csv, read_json, sample_programme and davis_southern_women.
void register_network_readers(py::module_& m) {
    // --- whole Networks ----------------------------------------------------------
    m.def(
        "read_csv",
        [](PathLike folder, OptionalText delimiter, Text encoding, CsvColumns columns, Bool dayfirst,
           ProgressArg progress) {
            constexpr std::string_view fn = "read_csv";
            const std::string path = path_arg(folder, fn, "folder");
            CsvOptions options = csv_options(delimiter, encoding, columns, dayfirst, fn);
            std::vector<std::string> warnings;
            auto network = with_progress(std::move(progress), fn, [&](ProgressCallback callback) {
                options.progress = std::move(callback);
                return wrap(verbind::read_csv(path, options, &warnings));
            });
            issue_csv_warnings(warnings);
            return network;
        },
        py::arg("folder"), py::kw_only(), py::arg("delimiter") = option_default("CsvOptions", "delimiter"),
        py::arg("encoding") = option_default("CsvOptions", "encoding"), py::arg("columns") = py::none(),
        py::arg("dayfirst") = option_default("CsvOptions", "dayfirst"), py::arg("progress") = py::none(),
        (std::string("Reads a Network from a folder of CSV files: one written by Network.write_csv, or a\n"
                     "municipality's own spreadsheets saved from Excel.\n") +
         csv_options_doc)
            .c_str());

    m.def(
        "read_json",
        [](PathLike path, ProgressArg progress) {
            const std::string p = path_arg(path, "read_json", "path");
            return with_progress(std::move(progress), "read_json",
                                 [&](ProgressCallback callback) { return wrap(verbind::read_json(p, callback)); });
        },
        py::arg("path"), py::kw_only(), py::arg("progress") = py::none(),
        "Reads a Network from a JSON document written by Network.write_json. progress: True for a progress bar, "
        "or a callable taking the fraction done (the first half: the text parsed; the second: the records "
        "added); returning False cancels with CancelledError, and nothing is read.");

    m.def(
        "sample_programme",
        [](Int seed, Float scale_arg) {
            const auto value = seed_arg(seed, "sample_programme");
            if (!value) throw py::type_error("sample_programme(): seed must be int, not NoneType");
            SampleOptions options;
            options.seed = *value;
            options.scale = float_arg(scale_arg, "sample_programme", "scale");
            options.validate();  // the one check of scale, C++'s
            py::gil_scoped_release no_gil;
            return wrap(verbind::sample_programme(options));
        },
        py::arg("seed") = option_default("SampleOptions", "seed"), py::kw_only(),
        py::arg("scale") = option_default("SampleOptions", "scale"),
        R"doc(The pilot "Veilige Wijken" as a generated year (2022): Lelystad, Almere,
Groningen and Amsterdam-West, about 2,000 residents (times scale). The same
seed gives the same Network on every platform.)doc");

    m.def(
        "davis_southern_women",
        [] {
            py::gil_scoped_release no_gil;
            return wrap(verbind::davis_southern_women());
        },
        "Davis, Gardner & Gardner (1941): 18 women, 14 events, 89 attendances.");
}

}  // namespace verbind::python
