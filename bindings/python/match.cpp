// Python bindings of verbind's match capability: assignment, stable
// matching, introductions and tables.
#include "bindings.hpp"
#include "options.hpp"
#include "text_lists.hpp"

#include "verbind/error.hpp"
#include "verbind/match/assignment.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/match/stable.hpp"
#include "verbind/match/tables.hpp"

#include <cstdint>

namespace verbind::python {

namespace {

// A 2-D float64 C-contiguous copy-or-view of `obj`, as scipy accepts it.
py::array_t<double, py::array::c_style | py::array::forcecast> cost_arg(py::handle obj, std::string_view function) {
    py::object np = py::module_::import("numpy");
    py::array raw = np.attr("asarray")(obj);
    if (raw.ndim() != 2)
        throw input_error(std::string(function) + ": expected a matrix (2-D array), got a " +
                          std::to_string(raw.ndim()) + "-D array");
    const char kind = raw.dtype().kind();
    if (kind != 'f' && kind != 'i' && kind != 'u' && kind != 'b')
        throw input_error(std::string(function) + ": cost matrix must be numeric, got dtype " +
                          std::string(py::str(raw.dtype())));
    return py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(raw);
}

CostMatrix view_of(const py::array_t<double, py::array::c_style | py::array::forcecast>& a) {
    const auto rows = static_cast<std::size_t>(a.shape(0)), cols = static_cast<std::size_t>(a.shape(1));
    return {std::span<const double>(a.data(), rows * cols), rows, cols};
}

py::tuple result_arrays(AssignmentResult&& r) {
    return py::make_tuple(to_numpy(std::move(r.rows)), to_numpy(std::move(r.cols)));
}

// An int (for all) or a 1-D sequence of ints.
std::vector<std::int64_t> capacity_arg(py::handle obj, std::string_view param) {
    if (py::isinstance<py::bool_>(obj))
        throw py::type_error("assign(): " + std::string(param) + " must be an int or a sequence of ints, not bool");
    if (py::isinstance<py::int_>(obj))
        return {int_arg(obj, "assign", param, std::numeric_limits<std::int64_t>::min(),
                        std::numeric_limits<std::int64_t>::max())};
    py::object np = py::module_::import("numpy");
    py::array raw = np.attr("asarray")(obj);
    if (raw.ndim() != 1 || (raw.dtype().kind() != 'i' && raw.dtype().kind() != 'u'))
        throw py::type_error("assign(): " + std::string(param) + " must be an int or a 1-D sequence of ints, not " +
                             type_name(obj));
    auto typed = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(raw);
    return std::vector<std::int64_t>(typed.data(), typed.data() + typed.size());
}

// A dict name -> ranked list of names (any iterable of str).
PreferenceLists prefs_arg(py::handle obj, std::string_view function, std::string_view param) {
    if (!py::isinstance<py::dict>(obj))
        throw py::type_error(std::string(function) + "(): " + std::string(param) + " must be a dict, not " +
                             type_name(obj));
    PreferenceLists lists;
    for (auto [key, value] : py::reinterpret_borrow<py::dict>(obj)) {
        const std::string owner = text_arg(key, function, param, std::string(function) + ": " + std::string(param));
        lists.emplace_back(owner,
                           text_list_arg(value, function, param,
                                         std::string(function) + ": " + std::string(param) + "['" + owner + "']"));
    }
    return lists;
}

ReviewerCapacities capacities_arg(py::handle obj, std::string_view function) {
    ReviewerCapacities caps;
    if (obj.is_none()) return caps;
    if (py::isinstance<py::int_>(obj) && !py::isinstance<py::bool_>(obj)) {
        caps.all = int_arg(obj, function, "capacities", std::numeric_limits<std::int64_t>::min(),
                           std::numeric_limits<std::int64_t>::max());
        return caps;
    }
    if (!py::isinstance<py::dict>(obj))
        throw py::type_error(std::string(function) + "(): capacities must be None, an int or a dict, not " +
                             type_name(obj));
    for (auto [key, value] : py::reinterpret_borrow<py::dict>(obj)) {
        const std::string name = text_arg(key, function, "capacities", std::string(function) + ": capacities");
        if (!py::isinstance<py::int_>(value) || py::isinstance<py::bool_>(value))
            throw py::type_error(std::string(function) + "(): capacities['" + name + "'] must be an int, not " +
                                 type_name(value));
        caps.by_reviewer.emplace_back(name, int_arg(value, function, "capacities['" + name + "']",
                                                    std::numeric_limits<std::int64_t>::min(),
                                                    std::numeric_limits<std::int64_t>::max()));
    }
    return caps;
}

// linear_assignment and assign (docs/match.md).
void register_assignment(py::module_& m) {
    m.def(
        "linear_assignment",
        [](ArrayLike cost, bool maximize) {
            auto a = cost_arg(cost, "linear_assignment");
            AssignmentResult r;
            {
                py::gil_scoped_release no_gil;
                r = linear_assignment(view_of(a), maximize);
            }
            return result_arrays(std::move(r));
        },
        py::arg("cost"), py::kw_only(), py::arg("maximize") = option_default("AssignOptions", "maximize"),
        R"doc(Solve the linear sum assignment problem, as scipy.optimize.linear_sum_assignment.

cost: a 2-D array (may be rectangular); +inf marks a forbidden pair (with
maximize=True, -inf). Returns (rows, cols), int64 arrays ordered by row: row
rows[k] is matched to column cols[k]; the smaller side is matched fully.
Raises ValueError for NaN or the other infinity, and "cost matrix is
infeasible" when the forbidden pairs leave no complete matching.)doc");

    m.def(
        "assign",
        [](ArrayLike cost, Capacity row_capacity, Capacity col_capacity, bool maximize) {
            auto a = cost_arg(cost, "assign");
            AssignOptions options;
            options.row_capacity = capacity_arg(row_capacity, "row_capacity");
            options.col_capacity = capacity_arg(col_capacity, "col_capacity");
            options.maximize = maximize;
            AssignmentResult r;
            {
                py::gil_scoped_release no_gil;
                r = assign(view_of(a), options);
            }
            return result_arrays(std::move(r));
        },
        py::arg("cost"), py::kw_only(), py::arg("row_capacity") = option_default("AssignOptions", "row_capacity"),
        py::arg("col_capacity") = option_default("AssignOptions", "col_capacity"),
        py::arg("maximize") = option_default("AssignOptions", "maximize"),
        R"doc(Capacitated assignment as a minimum-cost flow (exact).

Row i takes part in at most row_capacity[i] pairs, column j in at most
col_capacity[j] (an int applies to all); each pair at most once. The side
with the smaller total capacity is used fully, at minimum total cost
(maximize=True: maximum). +inf marks a forbidden pair (maximize: -inf).
Returns (rows, cols), int64 arrays of the chosen pairs ordered by (row, col);
list(zip(rows, cols)) gives the pairs. Raises ValueError for NaN, negative
capacities, or when the forbidden pairs make the assignment infeasible.)doc");
}

// stable_match and blocking_pairs.
void register_stable_matching(py::module_& m) {
    m.def(
        "stable_match",
        [](Preferences proposer_prefs, Preferences reviewer_prefs, CapacitiesArg capacities) {
            const auto p = prefs_arg(proposer_prefs, "stable_match", "proposer_prefs");
            const auto r = prefs_arg(reviewer_prefs, "stable_match", "reviewer_prefs");
            const auto caps = capacities_arg(capacities, "stable_match");
            StableMatching matching;
            {
                py::gil_scoped_release no_gil;
                matching = stable_match(p, r, caps);
            }
            py::dict result;
            for (const auto& [proposer, reviewer] : matching)
                result[py::str(proposer)] = reviewer ? py::object(py::str(*reviewer)) : py::object(py::none());
            return result;
        },
        py::arg("proposer_prefs"), py::arg("reviewer_prefs"), py::kw_only(), py::arg("capacities") = py::none(),
        R"doc(Proposer-optimal stable matching (Gale-Shapley deferred acceptance).

proposer_prefs, reviewer_prefs: dicts name -> list of names, best first. Lists
may leave people out (unacceptable) but must be mutual: if p ranks r, r ranks
p. capacities: None (1 each), an int for every reviewer, or a dict reviewer ->
int (unlisted reviewers: 1); a reviewer holds up to its capacity of
proposers. Returns a dict proposer -> reviewer, None when unmatched.)doc");

    m.def(
        "blocking_pairs",
        [](Preferences proposer_prefs, Preferences reviewer_prefs, Matching matching,
           CapacitiesArg capacities) -> PairList {
            const auto p = prefs_arg(proposer_prefs, "blocking_pairs", "proposer_prefs");
            const auto r = prefs_arg(reviewer_prefs, "blocking_pairs", "reviewer_prefs");
            const auto caps = capacities_arg(capacities, "blocking_pairs");
            if (!py::isinstance<py::dict>(matching))
                throw py::type_error("blocking_pairs(): matching must be a dict, not " + type_name(matching));
            StableMatching m;
            for (auto [key, value] : py::reinterpret_borrow<py::dict>(matching)) {
                const std::string proposer = text_arg(key, "blocking_pairs", "matching", "blocking_pairs: matching");
                if (value.is_none())
                    m.emplace_back(proposer, std::nullopt);
                else
                    m.emplace_back(proposer, text_arg(value, "blocking_pairs", "matching",
                                                      "blocking_pairs: matching['" + proposer + "']"));
            }
            std::vector<std::pair<std::string, std::string>> pairs;
            {
                py::gil_scoped_release no_gil;
                pairs = blocking_pairs(p, r, m, caps);
            }
            py::list result;
            for (const auto& [a, b] : pairs) result.append(py::make_tuple(a, b));
            return result;
        },
        py::arg("proposer_prefs"), py::arg("reviewer_prefs"), py::arg("matching"), py::kw_only(),
        py::arg("capacities") = py::none(),
        R"doc(The (proposer, reviewer) pairs that block a matching (empty: it is stable).

matching: a dict proposer -> reviewer or None, as stable_match returns.)doc");
}

// Introduction and introductions().
void register_introductions(py::module_& m) {
    py::class_<Introduction>(m, "Introduction", "A suggested introduction and why.")
        .def_readonly("a", &Introduction::a, "Key of a resident.")
        .def_readonly("b", &Introduction::b, "Key of a resident or an organisation.")
        .def_readonly("score", &Introduction::score)
        .def_property_readonly("shared_talents",
                               [](const Introduction& x) -> StrList { return str_list(x.shared_talents); })
        .def_property_readonly(
            "bridges", [](const Introduction& x) -> StrList { return str_list(x.bridges); },
            "Non-sensitive declared groups one has and the other not, and 'community i' labels.")
        .def_property_readonly(
            "via", [](const Introduction& x) -> StrList { return str_list(x.via); },
            "Who could make the introduction (up to three actor keys, best first; docs/match.md).")
        .def_property_readonly(
            "via_kinds",
            [](const Introduction& x) -> StrList {
                py::list out;
                for (ViaKind k : x.via_kinds) out.append(py::str(std::string(to_identifier(k))));
                return StrList(std::move(out));
            },
            "Why each of via could: 'mutual_contact', 'shared_organisation' or 'key_figure'.")
        .def_property_readonly(
            "via_reason",
            [](const Introduction& x) -> std::string {
                return x.via_kinds.empty() ? std::string("no introducer found")
                                           : std::string(to_string(x.via_kinds.front()));
            },
            "Why via[0] could introduce them ('mutual contact', 'shared organisation', 'key figure in both "
            "neighbourhoods'), or 'no introducer found'.")
        .def("__repr__", [](const Introduction& i) {
            return "Introduction(a='" + i.a + "', b='" + i.b + "', score=" + std::to_string(i.score) + ")";
        });

    m.def(
        "introductions",
        [](std::shared_ptr<NetworkHandle> net, Int per_person, OptionalInt limit, OptionalText municipality,
           OptionalDate start, OptionalDate end, Int min_shared, OptionalInt seed, Int threads,
           bool include_sensitive, ProgressArg progress) -> IntroductionList {
            constexpr std::string_view fn = "introductions";
            if (!net) throw py::type_error("introductions(): net must be a Network, not None");
            IntroductionOptions options;
            options.per_person = size_arg(per_person, fn, "per_person");
            if (!limit.is_none()) {
                if (!py::isinstance<py::int_>(limit) || py::isinstance<py::bool_>(limit))
                    throw py::type_error("introductions(): limit must be an int or None, not " + type_name(limit));
                options.limit = size_arg(limit, fn, "limit");
            }
            options.municipality = optional_text_arg(municipality, fn, "municipality", "introductions: municipality");
            options.start = optional_date_arg(start, fn, "start", "introductions: start");
            options.end = optional_date_arg(end, fn, "end", "introductions: end");
            options.min_shared = size_arg(min_shared, fn, "min_shared");
            options.seed = seed_arg(seed, fn);
            options.threads = threads_arg(threads, fn);
            options.include_sensitive = include_sensitive;
            std::vector<Introduction> result = read_network(*net, fn, [&](const Network& network) {
                return with_progress(std::move(progress), fn, [&](ProgressCallback callback) {
                    options.progress = std::move(callback);
                    return introductions(network, options);
                });
            });
            py::list out;
            for (auto& intro : result) out.append(py::cast(std::move(intro)));
            return out;
        },
        py::arg("net"), py::kw_only(), py::arg("per_person") = option_default("IntroductionOptions", "per_person"),
        py::arg("limit") = option_default("IntroductionOptions", "limit"),
        py::arg("municipality") = option_default("IntroductionOptions", "municipality"),
        py::arg("start") = option_default("IntroductionOptions", "start"),
        py::arg("end") = option_default("IntroductionOptions", "end"),
        py::arg("min_shared") = option_default("IntroductionOptions", "min_shared"),
        py::arg("seed") = option_default("IntroductionOptions", "seed"),
        py::arg("threads") = option_default("IntroductionOptions", "threads"),
        py::arg("include_sensitive") = option_default("IntroductionOptions", "include_sensitive"),
        py::arg("progress") = option_default("IntroductionOptions", "progress"),
        R"doc(Suggested introductions across groups on shared talents (see docs/match.md).

Pairs of residents (and resident-organisation pairs where the organisation
offers a talent the resident has) in the same municipality, not tied in
[start, end), sharing at least min_shared talents, in different declared
groups or communities. Nobody gets more than per_person; with limit, at most
that many, spread over declared groups. Ties of sensitive kinds
(Network.mark_sensitive_tie_kind) count as "already tied" and as `via` only
with include_sensitive=True. Pairs someone can introduce (a mutual contact,
a shared organisation, a key figure active in both neighbourhoods) score
higher. Best first; each an Introduction with a, b, score, shared_talents,
bridges, via (who could introduce them), via_kinds and via_reason (why).)doc");
}

// Table and tables().
void register_tables(py::module_& m) {
    py::class_<Table>(m, "Table", "One table of an event's seating.")
        .def_property_readonly("members", [](const Table& x) -> StrList { return str_list(x.members); })
        .def_property_readonly(
            "shared_talents", [](const Table& x) -> StrList { return str_list(x.shared_talents); },
            "Talents held by two or more members, most shared first.")
        .def_property_readonly(
            "unconnected", [](const Table& x) -> StrList { return str_list(x.unconnected); },
            "Members who share no talent with anyone at the table.")
        .def_readonly("groups", &Table::groups, "Distinct declared (non-sensitive) groups at the table.")
        .def_readonly("group_mix", &Table::group_mix, "groups / distinct groups in the room.")
        .def("__repr__", [](const Table& t) {
            return "Table(members=" + std::to_string(t.members.size()) + ", groups=" + std::to_string(t.groups) +
                   ", unconnected=" + std::to_string(t.unconnected.size()) + ")";
        });

    m.def(
        "tables",
        [](std::shared_ptr<NetworkHandle> net, Key event, Int size, OptionalInt seed) -> TableList {
            if (!net) throw py::type_error("tables(): net must be a Network, not None");
            const std::string key = key_arg(event, "tables", "event", "tables: event");
            TableOptions options;
            options.size = size_arg(size, "tables", "size");
            options.seed = seed_arg(seed, "tables");
            const std::vector<Table> result = read_network(*net, "tables", [&](const Network& network) {
                return without_gil([&] { return tables(network, key, options); });
            });
            py::list out;
            for (const auto& table : result) out.append(py::cast(table));
            return out;
        },
        py::arg("net"), py::arg("event"), py::kw_only(), py::arg("size") = option_default("TableOptions", "size"),
        py::arg("seed") = option_default("TableOptions", "seed"),
        R"doc(Split an event's attendees into tables of about `size` that mix declared
groups while everyone shares a talent with someone at their table. Returns a
list of Table (members, shared_talents, unconnected, groups, group_mix).)doc");
}

}  // namespace

void register_match(py::module_& m) {
    register_assignment(m);
    register_stable_matching(m);
    register_introductions(m);
    register_tables(m);
}

}  // namespace verbind::python
