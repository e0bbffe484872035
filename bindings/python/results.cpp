// Pickling and field-by-field equality for Graph, Network and the C++ result
// classes (docs/python.md, "Results in pandas, pickling, notebooks"). The
// Python side (to_pandas, _repr_html_, records that behave like named
// tuples) is verbind/_results.py.
//
// Every state is a tuple ("verbind.<Class>", <format version>, fields...).
// Unpickling checks each field's type and shape before it builds anything,
// so a corrupt pickle is an InputError naming the class and the field, never
// a crash and never a half-built object.
#include "pickling.hpp"
#include "results.hpp"
#include "text_lists.hpp"

#include "verbind/error.hpp"
#include "verbind/io/io.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/match/tables.hpp"
#include "verbind/model/date.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/reach/spread.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <type_traits>

namespace verbind::python {

namespace {

using namespace pickle_detail;

// --- Graph -------------------------------------------------------------------

bool same_graph(const Graph& a, const Graph& b) {
    if (a.directed() != b.directed() || a.weighted() != b.weighted() || a.num_nodes() != b.num_nodes() ||
        a.num_edges() != b.num_edges())
        return false;
    // Labels: a graph from arrays stores none and is labelled by position,
    // so it equals a graph labelled "0", "1", ... in that order.
    if (a.keys().empty() == b.keys().empty()) {
        if (a.keys() != b.keys()) return false;
    } else {
        for (NodeId u = 0; u < a.num_nodes(); ++u)
            if (a.key(u) != b.key(u)) return false;
    }
    for (NodeId u = 0; u < a.num_nodes(); ++u) {
        const auto x = a.neighbors(u), y = b.neighbors(u);
        if (!std::equal(x.begin(), x.end(), y.begin(), y.end())) return false;
        if (a.weighted())
            for (ArcId k = a.arc_begin(u), l = b.arc_begin(u); k < a.arc_end(u); ++k, ++l)
                if (!same(a.arc_weight(k), b.arc_weight(l))) return false;
    }
    return true;
}

py::object graph_state(const Graph& g) {
    Graph::EdgeArrays e;
    {
        py::gil_scoped_release no_gil;
        e = g.edges();
        if (!g.weighted()) e.weight = {};
    }
    py::object weights = g.weighted() ? py::object(to_numpy(std::move(e.weight))) : py::object(py::none());
    py::object keys = g.keys().empty() ? py::object(py::none()) : py::object(pack_texts(g.keys()));
    return state("Graph", {py::bool_(g.directed()), py::int_(g.num_nodes()), to_numpy(std::move(e.src)),
                           to_numpy(std::move(e.dst)), weights, keys});
}

std::shared_ptr<Graph> graph_from_state(const py::object& obj) {
    State s(obj, "Graph", 6);
    const bool directed = s.flag(0, "directed");
    const std::size_t n = s.count(1, "num_nodes", std::numeric_limits<NodeId>::max() - 1);
    const auto src = s.array<NodeId>(2, "src");
    const auto dst = s.array<NodeId>(3, "dst");
    if (dst.size() != src.size())
        s.fail("dst", "has " + std::to_string(dst.size()) + " entries, src has " + std::to_string(src.size()));
    std::vector<double> weights;
    if (!s.at(4).is_none()) {
        weights = s.array<double>(4, "weights");
        if (weights.size() != src.size())
            s.fail("weights",
                   "has " + std::to_string(weights.size()) + " entries, src has " + std::to_string(src.size()));
    }
    std::vector<std::string> keys;
    const bool keyed = !s.at(5).is_none();
    if (keyed) {
        keys = s.packed_texts(5, "keys");
        if (keys.size() != n)
            s.fail("keys", "has " + std::to_string(keys.size()) + " labels, num_nodes is " + std::to_string(n));
    }
    EdgeListOptions options;
    options.directed = directed;
    return rebuilding("Graph", [&] {
        py::gil_scoped_release no_gil;
        // A weighted graph whose weights are all 1 stays weighted: given
        // weights are kept as given.
        return std::make_shared<Graph>(keyed ? Graph::from_keyed_edges(std::move(keys), src, dst, weights, options)
                                             : Graph::from_edges(n, src, dst, weights, options));
    });
}

// --- the C++ result classes --------------------------------------------------

bool same_spread(const SpreadResult& a, const SpreadResult& b) {
    return same(a.mean, b.mean) && same(a.standard_error, b.standard_error) && same(a.low, b.low) &&
           same(a.high, b.high) && a.runs == b.runs;
}

bool same_influence(const InfluenceResult& a, const InfluenceResult& b) {
    return a.seeds == b.seeds && same(a.spread_lower_bound, b.spread_lower_bound) &&
           same(a.extra_spread_lower_bound, b.extra_spread_lower_bound) && same(a.approximation, b.approximation) &&
           a.rr_sets == b.rr_sets &&
           std::equal(a.group_reach.begin(), a.group_reach.end(), b.group_reach.begin(), b.group_reach.end(), same);
}

py::list via_kind_list(const std::vector<ViaKind>& kinds) {
    py::list out;
    for (ViaKind k : kinds) out.append(py::str(std::string(to_identifier(k))));
    return out;
}

bool same_introduction(const Introduction& a, const Introduction& b) {
    return a.a == b.a && a.b == b.b && same(a.score, b.score) && a.shared_talents == b.shared_talents &&
           a.bridges == b.bridges && a.via == b.via && a.via_kinds == b.via_kinds;
}

bool same_table(const Table& a, const Table& b) {
    return a.members == b.members && a.shared_talents == b.shared_talents && a.unconnected == b.unconnected &&
           a.groups == b.groups && same(a.group_mix, b.group_mix);
}

bool same_suppressed(const SuppressedTable& a, const SuppressedTable& b) {
    return a.rows == b.rows && a.cols == b.cols && a.counts == b.counts && a.suppressed == b.suppressed &&
           a.primary == b.primary;
}

bool same_contacts(const ContactSequence& a, const ContactSequence& b) {
    return a.keys == b.keys && a.times == b.times && a.first == b.first && a.second == b.second &&
           a.groups == b.groups;
}

bool same_temporal(const TemporalResult& a, const TemporalResult& b) {
    return a.keys == b.keys && a.dated == b.dated && a.reach.arrival == b.reach.arrival &&
           a.reach.reached == b.reach.reached && a.reach.curve_times == b.reach.curve_times &&
           a.reach.curve_reached == b.reach.curve_reached;
}

template <class To, class From>
std::vector<To> converted(const std::vector<From>& values) {
    return std::vector<To>(values.begin(), values.end());
}

// Graph and Network: pickling, and Graph's __eq__ and __hash__.
void register_graph_results(py::module_& m) {
    // Graph: its edge arrays (NumPy, so pickle protocol 5 copies them as
    // blocks), labels packed in one bytes object, direction and weights.
    auto graph = py::reinterpret_borrow<py::class_<Graph, std::shared_ptr<Graph>>>(m.attr("Graph"));
    add_pickling(graph, &graph_state, &graph_from_state);
    graph.def(
        "__eq__",
        [](const Graph& a, py::handle other) -> py::object {
            if (!py::isinstance<Graph>(other)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            const Graph& b = other.cast<const Graph&>();
            if (&a == &b) return py::bool_(true);
            return py::bool_(without_gil([&] { return same_graph(a, b); }));
        },
        py::is_operator(),
        "Same direction, labels, edges and weights (an immutable value: equal graphs hash alike).");
    // Immutable, so hashable: by what __eq__ compares first.
    graph.def("__hash__", [](const Graph& g) {
        return py::hash(py::make_tuple(g.directed(), g.weighted(), g.num_nodes(), g.num_edges()));
    });

    // Network: everything in it, sensitive records and the marks included,
    // through the lossless JSON document. Pickling is not an export: the
    // bytes hold special-category data (docs/python.md).
    auto network =
        py::reinterpret_borrow<py::class_<NetworkHandle, std::shared_ptr<NetworkHandle>>>(m.attr("Network"));
    add_pickling(
        network,
        [](const NetworkHandle& self) {
            std::string text = read_network(self, "pickle", [](const Network& net) {
                ExportOptions options;
                options.include_sensitive = true;
                return without_gil([&] { return to_json(net, options); });
            });
            return state("Network", {py::bytes(text)});
        },
        [](const py::object& obj) {
            State s(obj, "Network", 1);
            if (!PyBytes_Check(s.at(0).ptr())) s.fail("json", "must be bytes, got " + type_name(s.at(0)));
            const std::string text = s.at(0).cast<std::string>();
            return rebuilding("Network", [&] {
                py::gil_scoped_release no_gil;
                return std::make_shared<NetworkHandle>(parse_json(text, "<pickle>"));
            });
        });
}

// SpreadResult and InfluenceResult.
void register_reach_results(py::module_& m) {
    auto spread = py::reinterpret_borrow<py::class_<SpreadResult>>(m.attr("SpreadResult"));
    add_pickling(
        spread,
        [](const SpreadResult& r) {
            return state("SpreadResult", {py::float_(r.mean), py::float_(r.standard_error), py::float_(r.low),
                                          py::float_(r.high), py::int_(r.runs)});
        },
        [](const py::object& obj) {
            State s(obj, "SpreadResult", 5);
            SpreadResult r;
            r.mean = s.real(0, "mean");
            r.standard_error = s.real(1, "stderr");
            r.low = s.real(2, "low");
            r.high = s.real(3, "high");
            r.runs = s.count(4, "runs");
            return r;
        });
    add_eq(spread, &same_spread);

    auto influence = py::reinterpret_borrow<py::class_<InfluenceResult>>(m.attr("_InfluenceResult"));
    add_pickling(
        influence,
        [](const InfluenceResult& r) {
            return state("_InfluenceResult",
                         {array_of(r.seeds), py::float_(r.spread_lower_bound), py::float_(r.extra_spread_lower_bound),
                          py::float_(r.approximation), py::int_(r.rr_sets), array_of(r.group_reach)});
        },
        [](const py::object& obj) {
            State s(obj, "_InfluenceResult", 6);
            InfluenceResult r;
            r.seeds = s.array<NodeId>(0, "seeds");
            r.spread_lower_bound = s.real(1, "spread_lower_bound");
            r.extra_spread_lower_bound = s.real(2, "extra_spread_lower_bound");
            r.approximation = s.real(3, "approximation");
            r.rr_sets = s.count(4, "rr_sets");
            r.group_reach = s.array<double>(5, "group_reach");
            return r;
        });
    add_eq(influence, &same_influence);
}

// Introduction and Table.
void register_match_results(py::module_& m) {
    auto introduction = py::reinterpret_borrow<py::class_<Introduction>>(m.attr("Introduction"));
    add_pickling(
        introduction,
        [](const Introduction& x) {
            return state("Introduction", {py::str(x.a), py::str(x.b), py::float_(x.score), str_list(x.shared_talents),
                                          str_list(x.bridges), str_list(x.via), via_kind_list(x.via_kinds)});
        },
        [](const py::object& obj) {
            State s(obj, "Introduction", 7);
            Introduction x;
            x.a = s.text(0, "a");
            x.b = s.text(1, "b");
            x.score = s.real(2, "score");
            x.shared_talents = s.texts(3, "shared_talents");
            x.bridges = s.texts(4, "bridges");
            x.via = s.texts(5, "via");
            for (const auto& kind : s.texts(6, "via_kinds")) {
                const ViaKind all[] = {ViaKind::mutual_contact, ViaKind::shared_organisation, ViaKind::key_figure};
                const auto* found =
                    std::find_if(std::begin(all), std::end(all), [&](ViaKind k) { return to_identifier(k) == kind; });
                if (found == std::end(all))
                    s.fail("via_kinds",
                           "must hold 'mutual_contact', 'shared_organisation' or 'key_figure', got '" + kind + "'");
                x.via_kinds.push_back(*found);
            }
            if (x.via_kinds.size() != x.via.size())
                s.fail("via_kinds", "must have one entry per via (" + std::to_string(x.via.size()) + "), got " +
                                        std::to_string(x.via_kinds.size()));
            return x;
        });
    add_eq(introduction, &same_introduction);

    auto table = py::reinterpret_borrow<py::class_<Table>>(m.attr("Table"));
    add_pickling(
        table,
        [](const Table& t) {
            return state("Table", {str_list(t.members), str_list(t.shared_talents), str_list(t.unconnected),
                                   py::int_(t.groups), py::float_(t.group_mix)});
        },
        [](const py::object& obj) {
            State s(obj, "Table", 5);
            Table t;
            t.members = s.texts(0, "members");
            t.shared_talents = s.texts(1, "shared_talents");
            t.unconnected = s.texts(2, "unconnected");
            t.groups = s.count(3, "groups");
            t.group_mix = s.real(4, "group_mix");
            return t;
        });
    add_eq(table, &same_table);
}

// SuppressedTable, ContactSequence and TemporalReach.
void register_suppression_and_temporal_results(py::module_& m) {
    auto suppressed = py::reinterpret_borrow<py::class_<SuppressedTable>>(m.attr("SuppressedTable"));
    add_pickling(
        suppressed,
        [](const SuppressedTable& t) {
            return state("SuppressedTable", {py::int_(t.rows), py::int_(t.cols), array_of(t.counts),
                                             array_of(t.suppressed), array_of(t.primary)});
        },
        [](const py::object& obj) {
            State s(obj, "SuppressedTable", 5);
            SuppressedTable t;
            t.rows = s.count(0, "rows", std::numeric_limits<std::uint32_t>::max());
            t.cols = s.count(1, "cols", std::numeric_limits<std::uint32_t>::max());
            t.counts = s.array<std::uint64_t>(2, "counts");
            t.suppressed = s.array<std::uint8_t>(3, "suppressed");
            t.primary = s.array<std::uint8_t>(4, "primary");
            const std::size_t cells = t.rows * t.cols;
            if (t.counts.size() != cells)
                s.fail("counts", "has " + std::to_string(t.counts.size()) + " entries, rows x cols is " +
                                     std::to_string(cells));
            if (t.suppressed.size() != cells)
                s.fail("suppressed", "has " + std::to_string(t.suppressed.size()) + " entries, rows x cols is " +
                                         std::to_string(cells));
            if (t.primary.size() != cells)
                s.fail("primary", "has " + std::to_string(t.primary.size()) + " entries, rows x cols is " +
                                      std::to_string(cells));
            if (t.rows == 0 || t.cols == 0) s.fail("rows", "and cols must be at least 1 (the totals)");
            return t;
        });
    add_eq(suppressed, &same_suppressed);

    auto contacts =
        py::reinterpret_borrow<py::class_<ContactSequence, std::shared_ptr<ContactSequence>>>(m.attr("Contacts"));
    add_pickling(
        contacts,
        [](const ContactSequence& c) {
            return state("Contacts", {pack_texts(c.keys), array_of(c.times), array_of(c.first), array_of(c.second),
                                      str_list(c.groups)});
        },
        [](const py::object& obj) {
            State s(obj, "Contacts", 5);
            auto c = std::make_shared<ContactSequence>();
            c->keys = s.packed_texts(0, "keys");
            c->times = s.array<std::int64_t>(1, "times");
            c->first = s.array<NodeId>(2, "first");
            c->second = s.array<NodeId>(3, "second");
            c->groups = s.texts(4, "groups");
            if (c->first.size() != c->times.size() || c->second.size() != c->times.size())
                s.fail("first", "and second must have one entry per time (" + std::to_string(c->times.size()) + ")");
            if (!c->groups.empty() && c->groups.size() != c->keys.size())
                s.fail("groups", "has " + std::to_string(c->groups.size()) + " entries, keys has " +
                                     std::to_string(c->keys.size()));
            for (std::size_t i = 0; i < c->times.size(); ++i) {
                if (c->first[i] >= c->keys.size() || c->second[i] >= c->keys.size())
                    s.fail("first", "or second: contact " + std::to_string(i) + " names a person past the " +
                                        std::to_string(c->keys.size()) + " keys");
                if (i > 0 && c->times[i] < c->times[i - 1])
                    s.fail("times", "are not in order at contact " + std::to_string(i));
            }
            return c;
        });
    add_eq(contacts, &same_contacts);

    auto temporal = py::reinterpret_borrow<py::class_<TemporalResult>>(m.attr("TemporalReach"));
    add_pickling(
        temporal,
        [](const TemporalResult& r) {
            return state("TemporalReach", {pack_texts(r.keys), py::bool_(r.dated), array_of(r.reach.arrival),
                                           array_of(r.reach.reached), array_of(r.reach.curve_times),
                                           to_numpy(converted<std::uint64_t>(r.reach.curve_reached))});
        },
        [](const py::object& obj) {
            State s(obj, "TemporalReach", 6);
            TemporalResult r;
            r.keys = s.packed_texts(0, "keys");
            r.dated = s.flag(1, "dated");
            r.reach.arrival = s.array<std::int64_t>(2, "arrival");
            r.reach.reached = s.array<std::uint8_t>(3, "reached");
            r.reach.curve_times = s.array<std::int64_t>(4, "curve_times");
            r.reach.curve_reached = converted<std::size_t>(s.array<std::uint64_t>(5, "curve_reached"));
            if (r.reach.arrival.size() != r.keys.size() || r.reach.reached.size() != r.keys.size())
                s.fail("arrival", "and reached must have one entry per key (" + std::to_string(r.keys.size()) + ")");
            // count reads the curve's last point: it is never empty.
            if (r.reach.curve_times.empty() || r.reach.curve_times.size() != r.reach.curve_reached.size())
                s.fail("curve_times", "and curve_reached must have the same number of points, at least one");
            if (r.dated) {
                // Day numbers of the dates verbind supports, as arrival and curve_times are read.
                const std::int64_t first = first_supported_date.day_number(), last = last_supported_date.day_number();
                auto outside = [&](std::int64_t day) { return day < first || day > last; };
                for (std::size_t i = 0; i < r.keys.size(); ++i)
                    if (r.reach.reached[i] && outside(r.reach.arrival[i]))
                        s.fail("arrival", "entry " + std::to_string(i) + " is no supported date (" +
                                              std::to_string(r.reach.arrival[i]) + ")");
                for (std::size_t i = 0; i < r.reach.curve_times.size(); ++i)
                    if (outside(r.reach.curve_times[i]))
                        s.fail("curve_times", "entry " + std::to_string(i) + " is no supported date (" +
                                                  std::to_string(r.reach.curve_times[i]) + ")");
            }
            return r;
        });
    add_eq(temporal, &same_temporal);
}

}  // namespace

void register_results(py::module_& m) {
    register_graph_results(m);
    register_reach_results(m);
    register_match_results(m);
    register_suppression_and_temporal_results(m);
}

}  // namespace verbind::python
