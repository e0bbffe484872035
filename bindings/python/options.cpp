// The defaults of the C++ Options structs, as Python spells them: the one
// place the Python face reads its defaults from (verbind/_defaults.py turns
// this into the wrappers' keyword defaults, and tests/python/
// test_options_parity.py checks every face against tests/python/
// options_table.py). Each entry is read from a default-constructed struct;
// nothing here restates a value.
//
// Spelling: an empty optional, string or list is None (Python's "not
// given"); enums are the words the Python functions take; a callback is
// None.
#include "options.hpp"

#include "bindings.hpp"

#include "verbind/datasets/sample.hpp"
#include "verbind/evaluate/timeline.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/io/graph_file.hpp"
#include "verbind/io/io.hpp"
#include "verbind/match/assignment.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/match/tables.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/reach/cascades.hpp"
#include "verbind/reach/spread.hpp"
#include "verbind/reach/temporal.hpp"
#include "verbind/report/report.hpp"
#include "verbind/socialmap/brokerage.hpp"
#include "verbind/socialmap/centrality.hpp"
#include "verbind/socialmap/communities.hpp"
#include "verbind/socialmap/mixing.hpp"
#include "verbind/socialmap/social_map.hpp"

#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace verbind::python {

namespace {

template <class T>
py::object optional_value(const std::optional<T>& value) {
    if (!value) return py::none();
    return py::cast(*value);
}

py::object text_or_none(const std::string& text) { return text.empty() ? py::object(py::none()) : py::str(text); }

template <class T>
py::list to_list(const std::vector<T>& items) {
    py::list out;
    for (const T& item : items) out.append(py::cast(item));
    return out;
}

template <class T>
py::object list_or_none(const std::vector<T>& items) {
    return items.empty() ? py::object(py::none()) : py::object(to_list(items));
}

py::object callback(const ProgressCallback& progress) {
    return progress ? py::object(py::str("<callback>")) : py::object(py::none());
}

py::object date_or_none(const std::optional<Date>& date) {
    return date ? py::object(py::str(format_date(*date))) : py::object(py::none());
}

const char* model_name(DiffusionModel model) { return model == DiffusionModel::linear_threshold ? "lt" : "ic"; }

// Python's probability: None for weighted cascade, the float for uniform,
// "weights" for the edge weights.
py::object probability_value(const DiffusionOptions& d) {
    switch (d.probability) {
        case ProbabilityKind::weighted_cascade: return py::none();
        case ProbabilityKind::uniform: return py::float_(d.uniform_probability);
        case ProbabilityKind::weights: return py::str("weights");
    }
    return py::none();
}

const char* merge_name(Merge merge) {
    switch (merge) {
        case Merge::error: return "error";
        case Merge::sum: return "sum";
        case Merge::max: return "max";
        case Merge::min: return "min";
        case Merge::first: return "first";
    }
    return "max";
}

const char* encoding_name(CsvEncoding encoding) {
    switch (encoding) {
        case CsvEncoding::utf8: return "utf-8";
        case CsvEncoding::cp1252: return "cp1252";
        case CsvEncoding::latin1: return "latin-1";
    }
    return "utf-8";
}

// A delimiter character; 0 (found per file) is None.
py::object delimiter_or_none(char delimiter) {
    return delimiter == 0 ? py::object(py::none()) : py::object(py::str(std::string(1, delimiter)));
}

// A capacity list of one value is that value (Python's int form).
py::object capacity_value(const std::vector<std::int64_t>& capacity) {
    return capacity.size() == 1 ? py::object(py::int_(capacity[0])) : py::object(to_list(capacity));
}

// The social map, the timeline, the report and suppression.
void add_report_defaults(py::dict& d) {
    using namespace pybind11::literals;
    {
        const SocialMapOptions o;
        d["SocialMapOptions"] =
            py::dict("municipality"_a = text_or_none(o.municipality),
                     "neighbourhood"_a = text_or_none(o.neighbourhood), "start"_a = date_or_none(o.start),
                     "end"_a = date_or_none(o.end), "top"_a = o.top, "threads"_a = o.threads,
                     "seed"_a = optional_value(o.seed), "min_cell"_a = o.min_cell,
                     "progress"_a = callback(o.progress), "include_sensitive"_a = o.include_sensitive);
    }
    {
        const TimelineOptions o;
        d["TimelineOptions"] =
            py::dict("period"_a = std::string(to_string(o.period)), "by"_a = std::string(to_string(o.by)),
                     "start"_a = date_or_none(o.start), "end"_a = date_or_none(o.end), "min_cell"_a = o.min_cell,
                     "include_sensitive"_a = o.include_sensitive, "permutations"_a = o.permutations,
                     "seed"_a = optional_value(o.seed), "threads"_a = o.threads, "progress"_a = callback(o.progress),
                     "groups"_a = list_or_none(o.groups), "friending_days"_a = o.friending_days);
    }
    {
        const ReportOptions o;
        d["ReportOptions"] =
            py::dict("municipality"_a = text_or_none(o.municipality), "period"_a = std::string(to_string(o.period)),
                     "top"_a = o.top, "train"_a = o.train, "seed"_a = optional_value(o.seed),
                     "max_drawn_nodes"_a = o.max_drawn_nodes, "min_cell"_a = o.min_cell,
                     "include_sensitive"_a = o.include_sensitive, "title"_a = text_or_none(o.title),
                     "threads"_a = o.threads, "progress"_a = callback(o.progress), "lang"_a = o.lang);
    }
    {
        const SuppressionOptions o;
        d["SuppressionOptions"] = py::dict("min_cell"_a = o.min_cell);
    }
}

// Reach: spread, influence, temporal reach and cascades.
void add_reach_defaults(py::dict& d) {
    using namespace pybind11::literals;
    {
        const SpreadOptions o;
        d["SpreadOptions"] =
            py::dict("model"_a = model_name(o.diffusion.model), "probability"_a = probability_value(o.diffusion),
                     "uniform_probability"_a = o.diffusion.uniform_probability, "runs"_a = o.runs,
                     "seed"_a = optional_value(o.seed), "threads"_a = o.threads, "progress"_a = callback(o.progress));
    }
    {
        const InfluenceOptions o;
        d["InfluenceOptions"] =
            py::dict("model"_a = model_name(o.diffusion.model), "probability"_a = probability_value(o.diffusion),
                     "uniform_probability"_a = o.diffusion.uniform_probability, "epsilon"_a = o.epsilon,
                     "delta"_a = optional_value(o.delta), "seed"_a = optional_value(o.seed), "threads"_a = o.threads,
                     "candidates"_a = list_or_none(o.candidates), "fixed"_a = py::tuple(to_list(o.fixed)),
                     "progress"_a = callback(o.progress), "max_memory_bytes"_a = o.max_memory_bytes);
    }
    {
        const NetworkTemporalOptions o;
        d["NetworkTemporalOptions"] =
            py::dict("end"_a = date_or_none(o.end), "max_wait"_a = optional_value(o.max_wait),
                     "include_sensitive"_a = o.include_sensitive);
    }
    {
        const CascadeOptions o;
        d["CascadeOptions"] = py::dict("start"_a = date_or_none(o.start), "end"_a = date_or_none(o.end),
                                       "include_sensitive"_a = o.include_sensitive);
    }
}

// The social map's measures: centralities, brokerage, communities, mixing.
void add_socialmap_defaults(py::dict& d) {
    using namespace pybind11::literals;
    {
        const BetweennessOptions o;
        d["BetweennessOptions"] = py::dict("normalized"_a = o.normalized, "weighted"_a = o.weighted,
                                           "samples"_a = optional_value(o.samples), "seed"_a = optional_value(o.seed),
                                           "threads"_a = o.threads, "progress"_a = callback(o.progress));
    }
    {
        const DistanceOptions o;
        d["DistanceOptions"] =
            py::dict("weighted"_a = o.weighted, "threads"_a = o.threads, "progress"_a = callback(o.progress));
    }
    {
        const PageRankOptions o;
        d["PageRankOptions"] =
            py::dict("damping"_a = o.damping, "personalization"_a = list_or_none(o.personalization),
                     "weighted"_a = o.weighted, "tol"_a = o.tol, "max_iter"_a = o.max_iter, "threads"_a = o.threads,
                     "progress"_a = callback(o.progress));
    }
    {
        const EigenvectorOptions o;
        d["EigenvectorOptions"] = py::dict("weighted"_a = o.weighted, "tol"_a = o.tol, "max_iter"_a = o.max_iter);
    }
    {
        const BrokerageOptions o;
        d["BrokerageOptions"] = py::dict("weighted"_a = o.weighted, "threads"_a = o.threads);
    }
    {
        const CommunityOptions o;
        d["CommunityOptions"] = py::dict("method"_a = o.method == CommunityMethod::louvain ? "louvain" : "leiden",
                                         "resolution"_a = o.resolution, "seed"_a = optional_value(o.seed),
                                         "threads"_a = o.threads, "progress"_a = callback(o.progress));
    }
    {
        const ExpectedEIOptions o;
        d["ExpectedEIOptions"] = py::dict("permutations"_a = o.permutations, "seed"_a = optional_value(o.seed),
                                          "threads"_a = o.threads, "progress"_a = callback(o.progress));
    }
}

// Matching: introductions and tables.
void add_match_defaults(py::dict& d) {
    using namespace pybind11::literals;
    {
        const IntroductionOptions o;
        d["IntroductionOptions"] =
            py::dict("per_person"_a = o.per_person, "limit"_a = optional_value(o.limit),
                     "municipality"_a = text_or_none(o.municipality), "start"_a = date_or_none(o.start),
                     "end"_a = date_or_none(o.end), "min_shared"_a = o.min_shared, "seed"_a = optional_value(o.seed),
                     "threads"_a = o.threads, "candidates_per_person"_a = o.candidates_per_person,
                     "bridge_bonus"_a = o.bridge_bonus, "introducer_bonus"_a = o.introducer_bonus,
                     "communities"_a = list_or_none(o.communities), "progress"_a = callback(o.progress),
                     "include_sensitive"_a = o.include_sensitive);
    }
    {
        const TableOptions o;
        d["TableOptions"] = py::dict("size"_a = o.size, "seed"_a = optional_value(o.seed));
    }
}

// Views, files, records, the sample programme and assignment.
void add_io_defaults(py::dict& d) {
    using namespace pybind11::literals;
    {
        const ViewOptions o;
        d["ViewOptions"] =
            py::dict("kinds"_a = list_or_none(o.kinds), "start"_a = date_or_none(o.start),
                     "end"_a = date_or_none(o.end), "neighbourhoods"_a = list_or_none(o.neighbourhoods),
                     "residents_only"_a = o.residents_only, "co_attendance"_a = o.co_attendance,
                     "directed"_a = o.directed, "merge"_a = merge_name(o.merge),
                     "include_sensitive"_a = o.include_sensitive);
    }
    {
        const CsvOptions o;
        d["CsvOptions"] = py::dict("delimiter"_a = delimiter_or_none(o.delimiter),
                                   "encoding"_a = encoding_name(o.encoding), "columns"_a = list_or_none(o.columns),
                                   "dayfirst"_a = o.dayfirst, "progress"_a = callback(o.progress));
    }
    {
        const EdgeListOptions o;
        d["EdgeListOptions"] = py::dict(
            "directed"_a = o.directed, "duplicates"_a = merge_name(o.duplicates),
            "self_loops"_a = o.self_loops == SelfLoops::drop ? "drop" : "error", "comments"_a = o.comments,
            "delimiter"_a = delimiter_or_none(o.delimiter),
            "header"_a = o.header == EdgeListHeader::detect ? py::object(py::none())
                                                            : py::object(py::bool_(o.header == EdgeListHeader::yes)),
            "weight_column"_a = o.weight_column < 0 ? py::object(py::none()) : py::object(py::int_(o.weight_column)),
            "progress"_a = callback(o.progress));
    }
    {
        const LoadGraphOptions o;
        d["LoadGraphOptions"] = py::dict("verify_checksum"_a = o.verify_checksum);
    }
    {
        const ExportOptions o;
        d["ExportOptions"] = py::dict("include_sensitive"_a = o.include_sensitive);
    }
    {
        const ResidentInfo o;
        d["ResidentInfo"] = py::dict("key_figure"_a = o.key_figure);
    }
    {
        const TieInfo o;
        d["TieInfo"] = py::dict("weight"_a = o.weight);
    }
    {
        const SampleOptions o;
        d["SampleOptions"] = py::dict("seed"_a = o.seed, "scale"_a = o.scale);
    }
    {
        const AssignOptions o;
        d["AssignOptions"] = py::dict("row_capacity"_a = capacity_value(o.row_capacity),
                                      "col_capacity"_a = capacity_value(o.col_capacity), "maximize"_a = o.maximize);
    }
}

py::dict build_defaults() {
    py::dict d;
    add_report_defaults(d);
    add_reach_defaults(d);
    add_socialmap_defaults(d);
    add_match_defaults(d);
    add_io_defaults(d);
    return d;
}

}  // namespace

py::dict option_defaults() {
    // Built on first use (under the GIL) and kept: the structs' defaults are
    // constants. Leaked on purpose, like the module's other cached objects,
    // so nothing is released after the interpreter is gone.
    static py::dict* cached = new py::dict(build_defaults());
    return py::dict(py::module_::import("copy").attr("deepcopy")(*cached));
}

py::object option_default(const char* options, const char* field) {
    static py::dict* cached = new py::dict(build_defaults());
    if (!cached->contains(options)) throw std::logic_error(std::string("option_default: no options ") + options);
    py::dict fields = (*cached)[options];
    if (!fields.contains(field))
        throw std::logic_error(std::string("option_default: ") + options + " has no field " + field);
    return fields[field];
}

std::uint64_t min_cell_arg(py::handle obj, std::string_view function) {
    return uint_arg(obj, function, "min_cell", 1, std::numeric_limits<std::int64_t>::max());
}

void register_options(py::module_& m) {
    m.def("_option_defaults", &option_defaults,
          "The C++ Options structs' defaults as Python spells them: {struct name: {field: default}}, each read "
          "from a default-constructed struct (verbind/_defaults.py; tests/python/test_options_parity.py).");
}

}  // namespace verbind::python
