// Python bindings of verbind's reach capability: hop reach, cascades,
// spread, influence maximisation, temporal reach.
#include "bindings.hpp"
#include "collective.hpp"
#include "options.hpp"
#include "text_lists.hpp"
#include "results.hpp"

#include "verbind/error.hpp"
#include "verbind/io/contacts.hpp"
#include "verbind/io/edgelist.hpp"
#include "verbind/reach/reach.hpp"
#include "verbind/reach/fair.hpp"

#include <cmath>
#include <limits>

namespace verbind::python {

namespace {

bool is_int(py::handle obj) { return PyIndex_Check(obj.ptr()) && !PyBool_Check(obj.ptr()); }

// Nodes through the one converter (nodes.cpp, docs/python.md "Node identity").
std::vector<NodeId> graph_nodes(const Graph& g, py::handle obj, std::string_view function, std::string_view param) {
    return nodes_arg(graph_labels(g), obj, function, param);
}

DiffusionOptions diffusion_arg(py::handle model, py::handle probability, std::string_view function) {
    DiffusionOptions d;
    const std::string m = text_arg(model, function, "model", "model");
    if (m == "ic")
        d.model = DiffusionModel::independent_cascade;
    else if (m == "lt")
        d.model = DiffusionModel::linear_threshold;
    else
        throw verbind::input_error(std::string(function) + ": model must be 'ic' or 'lt', got " + quoted(m));
    if (probability.is_none()) {
        d.probability = ProbabilityKind::weighted_cascade;
    } else if (py::isinstance<py::str>(probability)) {
        const std::string p = text_arg(probability, function, "probability", std::string(function) + ": probability");
        if (p != "weights")
            throw verbind::input_error(std::string(function) +
                                       ": probability must be None, a number in [0, 1] or 'weights', got " +
                                       quoted(p));
        d.probability = ProbabilityKind::weights;
    } else if (py::isinstance<py::float_>(probability) || is_int(probability)) {
        d.probability = ProbabilityKind::uniform;
        d.uniform_probability = float_arg(probability, function, "probability");
    } else {
        throw py::type_error(std::string(function) + "(): probability must be None, a float or 'weights', not " +
                             type_name(probability));
    }
    return d;
}

py::object key_or_none(const Network& net, ActorId id) {
    if (id == no_id) return py::none();
    return py::str(net.actor(id).key);
}

py::list links_list(const Network& net, const std::vector<CascadeLink>& links) {
    py::list out;
    for (const CascadeLink& l : links) {
        py::dict d;
        d["actor"] = net.actor(l.actor).key;
        d["brought_by"] = key_or_none(net, l.brought_by);
        d["generation"] = l.generation;
        d["newcomer"] = l.newcomer;
        out.append(d);
    }
    return out;
}

py::dict cascades_dict(const Network& net, const CascadeResult& r) {
    py::dict out;
    out["attendances"] = r.attendances;
    out["newcomers"] = r.newcomers;
    out["newcomers_brought"] = r.newcomers_brought;
    out["bring_along_rate"] = r.bring_along_rate;
    out["newcomer_share"] = r.newcomer_share;
    out["generations"] = r.generations;
    py::list events;
    for (const EventCascade& e : r.events) {
        const Event& ev = net.event(e.event);
        py::dict d;
        d["event"] = ev.key;
        d["date"] = to_python(ev.date);
        d["kind"] = ev.kind;
        d["municipality"] = text_or_none(ev.municipality);
        d["attendees"] = e.attendees.size();
        d["brought"] = e.brought;
        d["newcomers"] = e.newcomers;
        d["newcomers_brought"] = e.newcomers_brought;
        d["newcomer_share"] = e.newcomer_share;
        d["bring_along_rate"] = e.bring_along_rate;
        d["generations"] = e.generations;
        d["tree"] = links_list(net, e.attendees);
        events.append(d);
    }
    out["events"] = events;
    py::list series;
    for (const SeriesCascade& s : r.series) {
        py::dict d;
        d["kind"] = s.kind;
        d["municipality"] = text_or_none(s.municipality);
        py::list keys;
        for (EventId e : s.events) keys.append(py::str(net.event(e).key));
        d["events"] = keys;
        d["people"] = s.people.size();
        d["attendances"] = s.attendances;
        d["newcomers"] = s.newcomers;
        d["newcomers_brought"] = s.newcomers_brought;
        d["bring_along_rate"] = s.bring_along_rate;
        d["generations"] = s.generations;
        d["largest_tree"] = s.largest_tree;
        d["tree"] = links_list(net, s.people);
        series.append(d);
    }
    out["series"] = series;
    py::list bringers;
    for (const Bringer& b : r.bringers) {
        py::dict d;
        d["actor"] = net.actor(b.actor).key;
        d["newcomers_brought"] = b.newcomers_brought;
        d["brought"] = b.brought;
        bringers.append(d);
    }
    out["bringers"] = bringers;
    return out;
}

std::optional<std::int64_t> optional_int_arg(py::handle obj, std::string_view function, std::string_view param) {
    if (obj.is_none()) return std::nullopt;
    if (!is_int(obj))
        throw py::type_error(std::string(function) + "(): " + std::string(param) + " must be int or None, not " +
                             type_name(obj));
    return int_arg(obj, function, param, std::numeric_limits<std::int64_t>::min(),
                   std::numeric_limits<std::int64_t>::max());
}

// Days from a number or a datetime.timedelta.
std::optional<std::int64_t> days_arg(py::handle obj, std::string_view function, std::string_view param) {
    if (obj.is_none()) return std::nullopt;
    static py::handle timedelta = py::object(py::module_::import("datetime").attr("timedelta")).release();
    if (py::isinstance(obj, timedelta)) {
        const auto days = obj.attr("days").cast<std::int64_t>();  // |days| < 10**9
        if (obj.attr("seconds").cast<long>() != 0 || obj.attr("microseconds").cast<long>() != 0)
            throw verbind::input_error(std::string(function) + ": " + std::string(param) +
                                       " must be a whole number of days");
        return days;
    }
    return optional_int_arg(obj, function, param);
}

constexpr std::int64_t unix_epoch_day = 2440588;  // Date(1970, 1, 1).day_number()

py::array days_to_datetime64(const std::vector<std::int64_t>& days, const std::vector<std::uint8_t>* reached) {
    std::vector<std::int64_t> values(days.size());
    for (std::size_t i = 0; i < days.size(); ++i)
        values[i] = (reached && !(*reached)[i]) ? std::numeric_limits<std::int64_t>::min() : days[i] - unix_epoch_day;
    return to_numpy(std::move(values)).attr("view")("datetime64[D]");
}

// hop_reach and _cascades.
void register_hops_and_cascades(py::module_& m) {
    m.def(
        "hop_reach",
        [](const Graph& g, Nodes seeds, OptionalInt hops) {
            HopOptions o;
            if (!hops.is_none())  // any count above 2**32-1 is as good as no limit
                o.hops = static_cast<std::uint32_t>(std::min<std::uint64_t>(
                    uint_arg(hops, "hop_reach", "hops", 0, std::numeric_limits<std::int64_t>::max()), UINT32_MAX));
            std::vector<NodeId> s = graph_nodes(g, seeds, "hop_reach", "seeds");
            std::vector<std::int32_t> d;
            {
                py::gil_scoped_release no_gil;
                d = hop_reach(g, s, o);
            }
            return to_numpy(std::move(d));
        },
        py::arg("g"), py::arg("seeds"), py::kw_only(), py::arg("hops") = py::none(), R"doc(
Hop distance from the nearest seed for every node (-1: unreached).

Multi-source breadth-first search along out-arcs (undirected graphs: edges),
direction-optimising on large frontiers (Beamer et al., SC 2012). Seeds are
nodes (docs/python.md, "Node identity": a str is a label, an int a label when
the labels are integers, else a position); ``hops`` stops the search after
that many steps. Read the result through Graph.labels or Graph.to_series.
Returns a NumPy int32 array.
)doc");

    m.def(
        "_cascades",
        [](const NetworkHandle& net, OptionalDate start, OptionalDate end, bool include_sensitive) {
            CascadeOptions o;
            o.include_sensitive = include_sensitive;
            o.start = optional_date_arg(start, "cascades", "start", "start");
            o.end = optional_date_arg(end, "cascades", "end", "end");
            // One read for the work and the result: the ids in r are only
            // meaningful in the Network they were computed from.
            return read_network(net, "cascades", [&](const Network& network) {
                const CascadeResult r = without_gil([&] { return cascades(network, o); });
                return cascades_dict(network, r);
            });
        },
        py::name("cascades"), py::arg("net"), py::kw_only(),
        py::arg("start") = option_default("CascadeOptions", "start"),
        py::arg("end") = option_default("CascadeOptions", "end"),
        py::arg("include_sensitive") = option_default("CascadeOptions", "include_sensitive"));
}

// SpreadResult and spread.
void register_spread(py::module_& m) {
    py::class_<SpreadResult>(m, "SpreadResult", "Expected spread: mean with a 95% interval.")
        .def_readonly("mean", &SpreadResult::mean, "Expected number of people reached, seeds included.")
        .def_readonly("stderr", &SpreadResult::standard_error, "Standard error of the mean.")
        .def_readonly("low", &SpreadResult::low, "Lower end of the 95% interval.")
        .def_readonly("high", &SpreadResult::high, "Upper end of the 95% interval.")
        .def_readonly("runs", &SpreadResult::runs)
        .def("__repr__", [](const SpreadResult& r) {
            return "<verbind.SpreadResult: mean " + std::to_string(r.mean) + ", 95% [" + std::to_string(r.low) +
                   ", " + std::to_string(r.high) + "], " + std::to_string(r.runs) + " runs>";
        });

    m.def(
        "spread",
        [](const Graph& g, Nodes seeds, ModelName model, Probability probability, Int runs, OptionalInt seed,
           Int threads, ProgressArg progress) {
            constexpr std::string_view fn = "spread";
            SpreadOptions o;
            o.diffusion = diffusion_arg(model, probability, fn);
            o.runs = size_arg(runs, fn, "runs", 1);
            o.seed = seed_arg(seed, fn);
            o.threads = threads_arg(threads, fn);
            const std::vector<NodeId> s = graph_nodes(g, seeds, fn, "seeds");
            return with_progress(std::move(progress), fn, [&](ProgressCallback callback) {
                o.progress = std::move(callback);
                return spread(g, s, o, take_collective());
            });
        },
        py::arg("g"), py::arg("seeds"), py::kw_only(), py::arg("model") = option_default("SpreadOptions", "model"),
        py::arg("probability") = option_default("SpreadOptions", "probability"),
        py::arg("runs") = option_default("SpreadOptions", "runs"),
        py::arg("seed") = option_default("SpreadOptions", "seed"),
        py::arg("threads") = option_default("SpreadOptions", "threads"),
        py::arg("progress") = option_default("SpreadOptions", "progress"), R"doc(
Expected number of people the seeds reach, by parallel Monte Carlo.

model: 'ic' (Independent Cascade) or 'lt' (Linear Threshold).
probability: None for the weighted cascade (p(u,v) = 1/in-degree(v); each
undirected edge counts as two arcs), a float for one probability on every
arc, or 'weights' for the graph's edge weights (each in [0, 1]).
Run r draws from its own random stream, so the same seed gives the same
result for any thread count. progress(fraction) may return False to cancel
(CancelledError). Returns a SpreadResult (mean, stderr, low, high).
)doc");
}

// _InfluenceResult and _influence_max.
void register_influence(py::module_& m) {
    py::class_<InfluenceResult>(m, "_InfluenceResult", "Seeds chosen by influence_max, with certified bounds.")
        .def_property_readonly(
            "seeds",
            [](const InfluenceResult& r) {
                std::vector<std::int64_t> s(r.seeds.begin(), r.seeds.end());
                return to_numpy(std::move(s));
            },
            "Node indices in selection order.")
        .def_readonly("spread_lower_bound", &InfluenceResult::spread_lower_bound,
                      "Certified lower bound on the expected reach of seeds and fixed together.")
        .def_readonly("extra_spread_lower_bound", &InfluenceResult::extra_spread_lower_bound,
                      "Certified lower bound on the reach beyond what the fixed seeds reach.")
        .def_readonly("approximation", &InfluenceResult::approximation,
                      "Certified ratio to the best choice of k seeds.")
        .def_readonly("rr_sets", &InfluenceResult::rr_sets, "Reverse-reachable sets drawn.")
        .def_property_readonly("group_reach",
                               [](const InfluenceResult& r) { return to_numpy(std::vector<double>(r.group_reach)); })
        .def("__repr__", [](const InfluenceResult& r) {
            return "<verbind.InfluenceResult: " + std::to_string(r.seeds.size()) +
                   " seeds, spread >= " + std::to_string(r.spread_lower_bound) + ", approximation " +
                   std::to_string(r.approximation) + ">";
        });

    m.def(
        "_influence_max",
        [](const Graph& g, Int k_arg, ModelName model, Probability probability, Float epsilon, OptionalFloat delta,
           OptionalInt seed, Int threads, OptionalNodes candidates, Nodes fixed, GroupLabels groups,
           ProgressArg progress, OptionalInt max_memory_bytes) {
            constexpr std::string_view fn = "influence_max";
            const std::size_t k = size_arg(k_arg, fn, "k", 1);
            InfluenceOptions o;
            o.diffusion = diffusion_arg(model, probability, fn);
            o.epsilon = float_arg(epsilon, fn, "epsilon");
            if (!delta.is_none()) o.delta = float_arg(delta, fn, "delta");
            o.seed = seed_arg(seed, fn);
            o.threads = threads_arg(threads, fn);
            if (!max_memory_bytes.is_none())
                o.max_memory_bytes = size_arg(max_memory_bytes, fn, "max_memory_bytes", 1);
            if (!candidates.is_none()) {
                o.candidates = graph_nodes(g, candidates, fn, "candidates");
                if (o.candidates.empty())
                    throw verbind::input_error("influence_max: candidates is empty (use None for everyone)");
            }
            o.fixed = graph_nodes(g, fixed, fn, "fixed");
            std::vector<std::uint32_t> labels;
            if (!groups.is_none()) {
                py::sequence seq = py::reinterpret_borrow<py::sequence>(groups);
                if (!py::isinstance<py::sequence>(groups) || py::isinstance<py::str>(groups))
                    throw py::type_error("influence_max(): groups must be a sequence with a label per node");
                if (seq.size() != g.num_nodes())
                    throw verbind::input_error("influence_max: groups has " + std::to_string(seq.size()) +
                                               " labels for " + std::to_string(g.num_nodes()) + " nodes");
                py::dict seen;
                for (py::handle label : seq) {
                    py::object key = py::reinterpret_borrow<py::object>(label);
                    if (!seen.contains(key)) seen[key] = py::int_(seen.size());
                    labels.push_back(seen[key].cast<std::uint32_t>());
                }
            }
            return with_progress(std::move(progress), fn, [&](ProgressCallback callback) {
                o.progress = std::move(callback);
                Collective& collective = take_collective();
                return labels.empty() ? influence_max(g, k, o, collective)
                                      : fair_influence_max(g, k, labels, o, collective);
            });
        },
        py::name("influence_max"), py::arg("g"), py::arg("k"), py::kw_only(),
        py::arg("model") = option_default("InfluenceOptions", "model"),
        py::arg("probability") = option_default("InfluenceOptions", "probability"),
        py::arg("epsilon") = option_default("InfluenceOptions", "epsilon"),
        py::arg("delta") = option_default("InfluenceOptions", "delta"),
        py::arg("seed") = option_default("InfluenceOptions", "seed"),
        py::arg("threads") = option_default("InfluenceOptions", "threads"),
        py::arg("candidates") = option_default("InfluenceOptions", "candidates"),
        py::arg("fixed") = option_default("InfluenceOptions", "fixed"), py::arg("groups") = py::none(),
        py::arg("progress") = option_default("InfluenceOptions", "progress"),
        py::arg("max_memory_bytes") = py::none());
}

// Temporal reach: Contacts (a contact sequence) and read_contacts.
void register_contacts(py::module_& m) {
    // --- temporal reach --------------------------------------------------------
    py::class_<ContactSequence, std::shared_ptr<ContactSequence>>(m, "Contacts", R"doc(
Contact records (``t i j``: i and j met at time t), in time order, as read by
read_contacts. People are numbered as read_edgelist numbers nodes: by value
when every label is an integer, else in order of first appearance.
)doc")
        .def_property_readonly(
            "keys", [](const ContactSequence& c) -> StrList { return str_list(c.keys); },
            "The label of every person as a str, in position order.")
        .def_property_readonly(
            "labels",
            [](const ContactSequence& c) -> Labels {
                return labels_of(c.keys, c.keys.size(), summarise_labels(c.keys).kind);
            },
            "The label of every person in position order: an int64 array when every label is an integer, else a list of str.")
        .def(
            "index",
            [](const ContactSequence& c, Node node) {
                return node_arg(text_labels(c.keys), node, "Contacts.index", "node");
            },
            py::arg("node"),
            "The position of a person, given as a str label or an int (docs/python.md, \"Node identity\").")
        .def_property_readonly("times",
                               [](const ContactSequence& c) { return to_numpy(std::vector<std::int64_t>(c.times)); })
        .def_property_readonly("first",
                               [](const ContactSequence& c) { return to_numpy(std::vector<NodeId>(c.first)); })
        .def_property_readonly("second",
                               [](const ContactSequence& c) { return to_numpy(std::vector<NodeId>(c.second)); })
        .def_property_readonly("num_nodes", &ContactSequence::num_nodes)
        .def_property_readonly(
            "groups",
            [](const ContactSequence& c) -> OptionalTextListResult {
                if (c.groups.empty()) return py::none();
                return str_list(c.groups);
            },
            "SocioPatterns `t i j Ci Cj` files: each person's class or role (a list of str in position order), "
            "to pass as groups= to influence_max or as the codes of assortativity with graph(); None for other files.")
        .def(
            "graph",
            [](const ContactSequence& c) {
                py::gil_scoped_release no_gil;
                return std::make_shared<Graph>(c.graph());
            },
            "The contact graph: one undirected, unweighted edge per pair that met, people at the same positions.")
        .def("__len__", &ContactSequence::size)
        .def("__repr__", [](const ContactSequence& c) {
            return "<verbind.Contacts: " + std::to_string(c.size()) + " contacts among " +
                   std::to_string(c.num_nodes()) + " people>";
        });

    m.def(
        "read_contacts",
        [](PathLike path) {
            const std::string p = path_arg(path, "read_contacts", "path");
            py::gil_scoped_release no_gil;
            return std::make_shared<ContactSequence>(read_contacts(p));
        },
        py::arg("path"), R"doc(
Reads contact records, one ``t i j`` per line (the SocioPatterns format:
integer time, two person labels, spaces or tabs; '#' and '%' lines skipped).
Extra columns are allowed (the same number on every line); with exactly
five, ``t i j Ci Cj``, the 4th and 5th are each person's class or role:
Contacts.groups (a person in two groups is a ParseError naming both lines).
The file must be sorted by time: the first line out of order is a
ParseError naming it (``sort -s -n -k1,1`` sorts a file). People are numbered by label value when
every label is an integer ('7' and '07' together: ParseError naming both
lines), else in order of first appearance. Errors name the file and line.
)doc");
}

// Temporal reach: TemporalReach and temporal_reach.
void register_temporal(py::module_& m) {
    py::class_<TemporalResult>(m, "TemporalReach", R"doc(
Earliest arrival per person and the reach curve. For a Network, times are
dates (numpy datetime64[D], NaT when unreached); for contacts, the contact
times (float64, NaN when unreached).
)doc")
        .def_property_readonly(
            "keys", [](const TemporalResult& r) -> StrList { return str_list(r.keys); },
            "The label of every person as a str, in position order.")
        .def_property_readonly(
            "labels",
            [](const TemporalResult& r) -> Labels {
                return labels_of(r.keys, r.keys.size(), summarise_labels(r.keys).kind);
            },
            "The label of every person in position order: an int64 array when every label is an integer, else a list of str.")
        .def_property_readonly("reached",
                               [](const TemporalResult& r) {
                                   std::vector<bool> b(r.reach.reached.begin(), r.reach.reached.end());
                                   py::array_t<bool> out(static_cast<py::ssize_t>(b.size()));
                                   auto view = out.mutable_unchecked<1>();
                                   for (std::size_t i = 0; i < b.size(); ++i)
                                       view(static_cast<py::ssize_t>(i)) = b[i];
                                   return out;
                               })
        .def_property_readonly("arrival",
                               [](const TemporalResult& r) -> ArrivalArray {
                                   if (r.dated) return days_to_datetime64(r.reach.arrival, &r.reach.reached);
                                   std::vector<double> a(r.reach.arrival.size());
                                   for (std::size_t i = 0; i < a.size(); ++i)
                                       a[i] = r.reach.reached[i] ? static_cast<double>(r.reach.arrival[i])
                                                                 : std::nan("");
                                   return to_numpy(std::move(a));
                               })
        .def_property_readonly("curve_times",
                               [](const TemporalResult& r) -> TimesArray {
                                   if (r.dated) return days_to_datetime64(r.reach.curve_times, nullptr);
                                   return to_numpy(std::vector<std::int64_t>(r.reach.curve_times));
                               })
        .def_property_readonly("curve_reached",
                               [](const TemporalResult& r) {
                                   std::vector<std::int64_t> c(r.reach.curve_reached.begin(),
                                                               r.reach.curve_reached.end());
                                   return to_numpy(std::move(c));
                               })
        .def_property_readonly(
            "count", [](const TemporalResult& r) { return r.reach.curve_reached.back(); },
            "People reached at the end of the window, seeds included.")
        .def("__repr__", [](const TemporalResult& r) {
            return "<verbind.TemporalReach: " + std::to_string(r.reach.curve_reached.back()) + " of " +
                   std::to_string(r.keys.size()) + " reached>";
        });

    m.def(
        "temporal_reach",
        [](TemporalSource source, Nodes seeds, TemporalStart start, TemporalEnd end, MaxWait max_wait,
           bool include_sensitive) {
            constexpr std::string_view fn = "temporal_reach";
            TemporalResult out;
            if (py::isinstance<NetworkHandle>(source)) {
                const auto& net = source.cast<const NetworkHandle&>();
                NetworkTemporalOptions o;
                o.start = date_arg(start, fn, "start", "start");
                o.end = optional_date_arg(end, fn, "end", "end");
                o.max_wait = days_arg(max_wait, fn, "max_wait");
                o.include_sensitive = include_sensitive;
                // One read: the seeds' ids, the work and the keys all refer to
                // the same state of the Network.
                read_network(net, fn, [&](const Network& network) {
                    for (const Actor& a : network.actors()) out.keys.push_back(a.key);
                    const std::vector<ActorId> s = nodes_arg(text_labels(out.keys), seeds, fn, "seeds");
                    without_gil([&] { out.reach = temporal_reach(network, s, o); });
                });
                out.dated = true;
                return out;
            }
            if (!py::isinstance<ContactSequence>(source))
                throw py::type_error(
                    "temporal_reach(): source must be a Network or Contacts (from read_contacts), not " +
                    type_name(source));
            const auto& contacts = source.cast<const ContactSequence&>();
            TemporalOptions o;
            if (!is_int(start))
                throw py::type_error("temporal_reach(): start must be int for contacts, not " + type_name(start));
            o.start = int_arg(start, fn, "start", std::numeric_limits<std::int64_t>::min(),
                              std::numeric_limits<std::int64_t>::max());
            o.end = optional_int_arg(end, fn, "end");
            o.max_wait = optional_int_arg(max_wait, fn, "max_wait");
            const std::vector<NodeId> s = nodes_arg(text_labels(contacts.keys), seeds, fn, "seeds");
            {
                py::gil_scoped_release no_gil;
                out.reach = temporal_reach(contacts, s, o);
            }
            out.keys = contacts.keys;
            return out;
        },
        py::arg("source"), py::arg("seeds"), py::kw_only(), py::arg("start"),
        py::arg("end") = option_default("NetworkTemporalOptions", "end"),
        py::arg("max_wait") = option_default("NetworkTemporalOptions", "max_wait"),
        py::arg("include_sensitive") = option_default("NetworkTemporalOptions", "include_sensitive"), R"doc(
Earliest arrival of information over time-respecting paths.

source: a Network (time in days: a tie passes it on every day it is active,
an event among all its attendees and organisers on its date) or Contacts
from read_contacts (time as in the file). Seeds hold it at ``start``; a
contact at time t passes it on from someone who received it before t
(seeds: from start), within ``max_wait`` of the last time they received it
if given (days for a Network: int or datetime.timedelta). Only contacts
with start <= t < end count. For a Network, sensitive events and ties of
sensitive kinds pass nothing on unless include_sensitive=True. Returns a
TemporalReach.
)doc");
}

}  // namespace

void register_reach(py::module_& m) {
    register_hops_and_cascades(m);
    register_spread(m);
    register_influence(m);
    register_contacts(m);
    register_temporal(m);
}

}  // namespace verbind::python
