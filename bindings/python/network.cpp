// verbind.Network: its records, counts, views and value semantics
// (network_io.cpp: its files and the functions that make whole Networks).
#include "bindings.hpp"
#include "network.hpp"
#include "options.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/visible.hpp"

#include <cmath>
#include <limits>

namespace verbind::python {

namespace {

py::list text_list(const std::vector<std::string>& items) {
    py::list out;
    for (const auto& item : items) out.append(py::str(item));
    return out;
}

// The records as Python dicts, read through the privacy view (Visible: the
// groups an actor shows; which ties, events and attendance may leave).
py::dict actor_dict(const Visible& visible, const Actor& actor) {
    py::dict d;
    d["key"] = actor.key;
    d["type"] = std::string(to_string(actor.type));
    d["kind"] = text_or_none(actor.kind);
    d["neighbourhood"] = text_or_none(actor.neighbourhood);
    d["municipality"] = text_or_none(actor.municipality);
    d["talents"] = text_list(actor.talents);
    d["groups"] = text_list(visible.groups(actor));
    d["key_figure"] = actor.key_figure;
    d["trained_on"] = to_python(actor.trained_on);
    return d;
}

py::list actor_list(const Visible& visible) {
    py::list out;
    for (const auto& actor : visible.network().actors()) out.append(actor_dict(visible, actor));
    return out;
}

py::list tie_list(const Visible& visible) {
    const Network& net = visible.network();
    py::list out;
    for (const auto& tie : net.ties()) {
        if (!visible.tie(tie)) continue;
        py::dict d;
        d["a"] = net.actor(tie.a).key;
        d["b"] = net.actor(tie.b).key;
        d["kind"] = net.tie_kind(tie);
        d["since"] = to_python(tie.since);
        d["until"] = to_python(tie.until);
        d["weight"] = tie.weight;
        out.append(d);
    }
    return out;
}

py::list event_list(const Visible& visible) {
    const Network& net = visible.network();
    py::list out;
    for (EventId e = 0; e < net.num_events(); ++e) {
        if (!visible.event(e)) continue;
        const Event& event = net.event(e);
        py::list organisers;
        for (ActorId id : event.organisers) organisers.append(py::str(net.actor(id).key));
        py::dict d;
        d["key"] = event.key;
        d["date"] = to_python(event.date);
        d["kind"] = event.kind;
        d["neighbourhood"] = text_or_none(event.neighbourhood);
        d["municipality"] = text_or_none(event.municipality);
        d["organisers"] = organisers;
        out.append(d);
    }
    return out;
}

py::list attendance_list(const Visible& visible) {
    const Network& net = visible.network();
    py::list out;
    for (const auto& record : net.attendance()) {
        if (!visible.attendance(record)) continue;
        py::dict d;
        d["event"] = net.event(record.event).key;
        d["actor"] = net.actor(record.actor).key;
        d["brought_by"] = record.brought_by == no_id ? py::object(py::none())
                                                     : py::object(py::str(net.actor(record.brought_by).key));
        out.append(d);
    }
    return out;
}

std::string count(std::size_t n, std::string_view noun) {
    return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

// Counts only: a repr ends up in logs and notebooks, so no keys, no groups.
std::string repr(const Network& network) {
    return "<verbind.Network: " + count(network.num_actors(), "actor") + " (" +
           count(network.num_residents(), "resident") + ", " + count(network.num_organisations(), "organisation") +
           "), " + count(network.num_ties(), "tie") + ", " + count(network.num_events(), "event") + ", " +
           count(network.num_attendances(), "attendance") + ">";
}


// Column i of a bulk call as strings (None allowed when `optional`: empty).
std::vector<std::string> text_column(py::handle column, std::string_view name, bool optional) {
    std::vector<std::string> out;
    const py::list items = py::reinterpret_borrow<py::list>(column);
    out.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        py::handle item = items[i];
        if (optional && item.is_none()) {
            out.emplace_back();
            continue;
        }
        try {
            out.push_back(text_arg(item, "Network.from_pandas", name, "tie field '" + std::string(name) + "'"));
        } catch (const verbind::error& e) {
            throw verbind::input_error("#" + std::to_string(i) + ": " + e.what());
        } catch (const py::type_error& e) {
            throw verbind::input_error("#" + std::to_string(i) + ": tie field '" + std::string(name) +
                                       "': expected text, got " + type_name(item));
        }
    }
    return out;
}

// The row of a bulk call that failed, as "#<row>: " before the message; the
// Python side turns the row into the frame's index label.
[[noreturn]] void rethrow_at(std::size_t row) {
    const std::string at = "#" + std::to_string(row) + ": ";
    try {
        throw;
    } catch (const verbind::not_found_error& e) {
        throw verbind::not_found_error(at + e.what());
    } catch (const verbind::input_error& e) {
        throw verbind::input_error(at + e.what());
    }
}

// Adding and removing records.
void register_network_records(NetworkClass& cls) {
    // --- adding ----------------------------------------------------------------
    cls.def(
        "add_resident",
        [](NetworkHandle& self, Key key, OptionalText neighbourhood, OptionalText municipality,
           OptionalTextList talents, OptionalTextList groups, bool key_figure, OptionalDate trained_on) {
            const auto r = resident_args(key, neighbourhood, municipality, talents, groups, key_figure, trained_on);
            write_network(self, "add_resident", [&](Network& net) { net.add_resident(r.key, r.info); });
        },
        py::arg("key"), py::kw_only(), py::arg("neighbourhood") = py::none(), py::arg("municipality") = py::none(),
        py::arg("talents") = py::tuple(), py::arg("groups") = py::tuple(),
        py::arg("key_figure") = option_default("ResidentInfo", "key_figure"), py::arg("trained_on") = py::none(),
        R"doc(Adds a resident. talents and groups are iterables of str (groups are declared
groups; see mark_sensitive); trained_on is a datetime.date or 'YYYY-MM-DD'.
Raises InputError for a bad value or an existing key.)doc");

    cls.def(
        "add_organisation",
        [](NetworkHandle& self, Key key, Text kind, OptionalText neighbourhood, OptionalText municipality,
           OptionalTextList talents) {
            const auto o = organisation_args(key, kind, neighbourhood, municipality, talents);
            write_network(self, "add_organisation", [&](Network& net) { net.add_organisation(o.key, o.info); });
        },
        py::arg("key"), py::kw_only(), py::arg("kind"), py::arg("neighbourhood") = py::none(),
        py::arg("municipality") = py::none(), py::arg("talents") = py::tuple(),
        "Adds an organisation; kind (library, welfare, ...) is required.");

    cls.def(
        "add_tie",
        [](NetworkHandle& self, Key a, Key b, Text kind, OptionalDate since, OptionalDate until, Float weight) {
            const auto t = tie_args(a, b, kind, since, until, float_arg(weight, "add_tie", "weight"));
            write_network(self, "add_tie", [&](Network& net) { net.add_tie(t.a, t.b, t.kind, t.info); });
        },
        py::arg("a"), py::arg("b"), py::arg("kind") = "knows", py::kw_only(), py::arg("since") = py::none(),
        py::arg("until") = py::none(), py::arg("weight") = option_default("TieInfo", "weight"),
        R"doc(Adds a tie of the given kind between actors a and b, active on the days in
[since, until) (None: open). Raises NotFoundError for an unknown actor and
InputError for a bad value or a tie of the same kind and since that exists.)doc");

    cls.def(
        "add_event",
        [](NetworkHandle& self, Key key, DateLike date, Text kind, OptionalText neighbourhood,
           OptionalKeyList organisers, OptionalText municipality) {
            const auto e = event_args(key, date, kind, neighbourhood, organisers, municipality);
            write_network(self, "add_event", [&](Network& net) { net.add_event(e.key, e.info); });
        },
        py::arg("key"), py::kw_only(), py::arg("date"), py::arg("kind"), py::arg("neighbourhood") = py::none(),
        py::arg("organisers") = py::tuple(), py::arg("municipality") = py::none(),
        "Adds an event on a date; organisers are actor keys.");

    cls.def(
        "add_organiser",
        [](NetworkHandle& self, Key event, Key actor) {
            constexpr std::string_view fn = "add_organiser";
            const std::string e = key_arg(event, fn, "event", "organiser field 'event'");
            const std::string a = key_arg(actor, fn, "actor", "organiser field 'actor'");
            write_network(self, "add_organiser", [&](Network& net) { net.add_organiser(e, a); });
        },
        py::arg("event"), py::arg("actor"), "Adds an organiser to an existing event.");

    cls.def(
        "attend",
        [](NetworkHandle& self, Key event, Key actor, OptionalKey brought_by) {
            constexpr std::string_view fn = "attend";
            const std::string e = key_arg(event, fn, "event", "attendance field 'event'");
            const std::string a = key_arg(actor, fn, "actor", "attendance field 'actor'");
            const std::string by = optional_key_arg(brought_by, fn, "brought_by", "attendance field 'brought_by'");
            write_network(self, "attend", [&](Network& net) { net.attend(e, a, by); });
        },
        py::arg("event"), py::arg("actor"), py::kw_only(), py::arg("brought_by") = py::none(),
        "Records that actor came to event, brought by another actor (None: on their own).");

    cls.def(
        "mark_sensitive",
        [](NetworkHandle& self, Text group) {
            const std::string g = text_arg(group, "mark_sensitive", "group", "sensitive group");
            write_network(self, "mark_sensitive", [&](Network& net) { net.mark_sensitive(g); });
        },
        py::arg("group"),
        R"doc(Marks a declared group as special-category data (GDPR art. 9), for example a
declared LGBTI+ identity. Such groups are left out of actor(), actors() and
the exports unless include_sensitive=True is passed.)doc");

    cls.def_property_readonly(
        "sensitive_groups",
        [](const NetworkHandle& self) -> StrList {
            return read_network(self, "sensitive_groups", [](const Network& net) {
                return text_list({net.sensitive_groups().begin(), net.sensitive_groups().end()});
            });
        },
        "The groups marked sensitive, sorted.");

    // --- removing --------------------------------------------------------------
    cls.def(
        "remove",
        [](NetworkHandle& self, Key key) {
            const std::string k = key_arg(key, "remove", "key", "actor key");
            write_network(self, "remove", [&](Network& net) { net.remove(k); });
        },
        py::arg("key"),
        R"doc(Removes an actor and every trace of them: their ties, organiser entries and
attendance. People they brought keep their attendance, without brought_by.)doc");

    cls.def(
        "remove_event",
        [](NetworkHandle& self, Key key) {
            const std::string k = key_arg(key, "remove_event", "key", "event key");
            write_network(self, "remove_event", [&](Network& net) { net.remove_event(k); });
        },
        py::arg("key"), "Removes an event and its attendance.");
}

// Counts and the records as Python objects.
void register_network_reading(NetworkClass& cls) {
    // --- counts ----------------------------------------------------------------
    auto count_property = [&cls](const char* name, std::size_t (Network::*count)() const noexcept) {
        cls.def_property_readonly(name, [name, count](const NetworkHandle& self) {
            return read_network(self, name, [count](const Network& net) { return (net.*count)(); });
        });
    };
    count_property("num_actors", &Network::num_actors);
    count_property("num_residents", &Network::num_residents);
    count_property("num_organisations", &Network::num_organisations);
    count_property("num_ties", &Network::num_ties);
    count_property("num_events", &Network::num_events);
    count_property("num_attendances", &Network::num_attendances);
    cls.def("__len__", [](const NetworkHandle& self) {
        return read_network(self, "len", [](const Network& net) { return net.num_actors(); });
    });
    cls.def("__contains__", [](const NetworkHandle& self, py::handle key) {
        // What key_arg takes (7 in net is "7" in net); anything else, or a
        // str that is not UTF-8, is no key.
        std::string k;
        try {
            k = key_arg(key, "in", "key", "actor key");
        } catch (const py::type_error&) {
            return false;
        } catch (const verbind::error&) {
            return false;
        }
        return read_network(self, "in", [&k](const Network& net) { return net.find_actor(k).has_value(); });
    });

    // --- reading ---------------------------------------------------------------
    cls.def(
        "actor",
        [](const NetworkHandle& self, Key key, bool include_sensitive) -> Record {
            const std::string k = key_arg(key, "actor", "key", "actor key");
            return read_network(self, "actor", [&](const Network& net) {
                return actor_dict(Visible(net, include_sensitive), net.actor(k));
            });
        },
        py::arg("key"), py::kw_only(),
        py::arg("include_sensitive") = option_default("ExportOptions", "include_sensitive"),
        R"doc(The actor as a dict: key, type ('resident' or 'organisation'), kind,
neighbourhood, municipality, talents, groups, key_figure, trained_on (a
datetime.date). Unknown values are None. Raises NotFoundError.)doc");

    cls.def(
        "actors",
        [](const NetworkHandle& self, bool include_sensitive) -> RecordList {
            return read_network(self, "actors",
                                [&](const Network& net) { return actor_list(Visible(net, include_sensitive)); });
        },
        py::kw_only(), py::arg("include_sensitive") = option_default("ExportOptions", "include_sensitive"),
        "Every actor as a dict (see actor()), in order.");

    cls.def(
        "ties",
        [](const NetworkHandle& self) -> RecordList {
            // The owner's records as held: every tie (the view with everything).
            return read_network(self, "ties", [](const Network& net) { return tie_list(Visible(net, true)); });
        },
        "Every tie as a dict: a, b, kind, since, until (datetime.date or None), weight.");

    cls.def(
        "events",
        [](const NetworkHandle& self) -> RecordList {
            return read_network(self, "events", [](const Network& net) { return event_list(Visible(net, true)); });
        },
        "Every event as a dict: key, date, kind, neighbourhood, municipality, organisers.");

    cls.def(
        "attendance",
        [](const NetworkHandle& self) -> RecordList {
            return read_network(self, "attendance",
                                [](const Network& net) { return attendance_list(Visible(net, true)); });
        },
        "Every attendance as a dict: event, actor, brought_by (None: came on their own).");

    // For Network.to_pandas (verbind/_pandas.py) and what builds on it: the
    // records the privacy view shows, read under one lock (one snapshot).
    cls.def(
        "_visible_records",
        [](const NetworkHandle& self, bool include_sensitive) {
            return read_network(self, "to_pandas", [&](const Network& net) {
                const Visible visible(net, include_sensitive);
                py::dict out;
                out["actors"] = actor_list(visible);
                out["ties"] = tie_list(visible);
                out["events"] = event_list(visible);
                out["attendance"] = attendance_list(visible);
                auto names = [](const std::set<std::string, std::less<>>& marks) {
                    return text_list({marks.begin(), marks.end()});
                };
                out["sensitive_groups"] = names(visible.sensitive_groups());
                out["sensitive_tie_kinds"] = names(visible.sensitive_tie_kinds());
                out["sensitive_events"] = names(visible.sensitive_events());
                return out;
            });
        },
        py::arg("include_sensitive"),
        "The records as they may leave (include_sensitive as to_pandas): actors, ties, events, attendance and\n"
        "the sensitive_* marks (empty lists unless include_sensitive).");
}

// Graphs of the Network, and the bulk path of Network.from_pandas.
void register_network_views(NetworkClass& cls) {
    // --- views -----------------------------------------------------------------
    cls.def(
        "graph",
        [](const NetworkHandle& self, OptionalTextList kinds, OptionalDate start, OptionalDate end,
           OptionalTextList neighbourhoods, bool residents_only, bool co_attendance, bool directed, MergeName merge,
           bool include_sensitive) {
            constexpr std::string_view fn = "graph";
            ViewOptions options;
            options.kinds = optional_text_list_arg(kinds, fn, "kinds", "view field 'kinds'");
            options.start = optional_date_arg(start, fn, "start", "view field 'start'");
            options.end = optional_date_arg(end, fn, "end", "view field 'end'");
            options.neighbourhoods =
                optional_text_list_arg(neighbourhoods, fn, "neighbourhoods", "view field 'neighbourhoods'");
            options.residents_only = residents_only;
            options.co_attendance = co_attendance;
            options.directed = directed;
            options.merge = merge_arg(merge, fn, "merge");
            options.include_sensitive = include_sensitive;
            return read_network(self, fn, [&](const Network& net) {
                return without_gil([&] { return std::make_shared<Graph>(build_graph(net, options)); });
            });
        },
        py::kw_only(), py::arg("kinds") = py::none(), py::arg("start") = py::none(), py::arg("end") = py::none(),
        py::arg("neighbourhoods") = py::none(),
        py::arg("residents_only") = option_default("ViewOptions", "residents_only"),
        py::arg("co_attendance") = option_default("ViewOptions", "co_attendance"),
        py::arg("directed") = option_default("ViewOptions", "directed"),
        py::arg("merge") = option_default("ViewOptions", "merge"),
        py::arg("include_sensitive") = option_default("ViewOptions", "include_sensitive"),
        R"doc(An immutable Graph snapshot of one view of the Network. Nodes are the actors
that pass the filters, in order, keyed by actor key.

kinds: tie kinds to include (None: all; with co_attendance, event kinds).
start, end: the window [start, end); ties active on some day in it (with
co_attendance, events dated in it). neighbourhoods: keep actors in these.
residents_only: drop organisations. co_attendance: tie actors who attended
the same events, weight = number of shared events. directed: tie a->b gives
the arc a->b only. merge: 'max', 'min', 'sum', 'first' or 'error', how
several ties between one pair combine. include_sensitive: False (the
default) leaves out ties of sensitive kinds (and, with co_attendance,
sensitive events), as every other reader of a Network does; True keeps
them.)doc");


    cls.def(
        "_add_ties",
        [](NetworkHandle& self, const py::list& a, const py::list& b, const py::list& kind,
           const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& since,
           const py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>& until,
           const py::array_t<double, py::array::c_style | py::array::forcecast>& weight) {
            const std::size_t n = a.size();
            if (b.size() != n || kind.size() != n || static_cast<std::size_t>(since.size()) != n ||
                static_cast<std::size_t>(until.size()) != n || static_cast<std::size_t>(weight.size()) != n)
                throw verbind::input_error("Network.from_pandas: the tie columns differ in length");
            const auto as = text_column(a, "a", false);
            const auto bs = text_column(b, "b", false);
            const auto ks = text_column(kind, "kind", false);
            const std::int64_t* s = since.data();
            const std::int64_t* u = until.data();
            const double* w = weight.data();
            write_network(self, "Network.from_pandas", [&](Network& net) {
                without_gil([&] {
                    // Dates as yyyymmdd, 0: none.
                    auto date = [](std::int64_t v, std::string_view what) -> std::optional<Date> {
                        if (v == 0) return std::nullopt;
                        return make_date(static_cast<int>(v / 10000), static_cast<int>(v / 100 % 100),
                                         static_cast<int>(v % 100), what);
                    };
                    for (std::size_t i = 0; i < n; ++i) {
                        try {
                            TieInfo info;
                            info.since = date(s[i], "tie field 'since'");
                            info.until = date(u[i], "tie field 'until'");
                            info.weight = w[i];
                            net.add_tie(as[i], bs[i], ks[i], info);
                        } catch (const verbind::error&) {
                            rethrow_at(i);
                        }
                    }
                });
            });
        },
        py::arg("a"), py::arg("b"), py::arg("kind"), py::arg("since"), py::arg("until"), py::arg("weight"),
        "Internal: the bulk tie import of Network.from_pandas (dates as yyyymmdd, 0 for none). A failure\n"
        "starts its message with '#<row>: '; the Network may then hold the rows before it.");
}

// Copies, equality and repr.
void register_network_values(NetworkClass& cls) {
    // --- value semantics ---------------------------------------------------------
    auto copy = [](const NetworkHandle& self) {
        return read_network(self, "copy",
                            [](const Network& net) { return without_gil([&] { return wrap(Network(net)); }); });
    };
    cls.def("copy", copy, "An independent copy.");
    cls.def("__copy__", copy);
    cls.def(
        "__deepcopy__", [copy](const NetworkHandle& self, py::handle) { return copy(self); }, py::arg("memo"));
    cls.def(
        "__eq__",
        [](const NetworkHandle& self, const NetworkHandle& other) {
            return read_network(self, "==", [&](const Network& a) {
                return read_network(other,
                                    "==", [&](const Network& b) { return without_gil([&] { return a == b; }); });
            });
        },
        py::is_operator());
    cls.attr("__hash__") = py::none();  // mutable
    cls.def("__repr__", [](const NetworkHandle& self) {
        return read_network(self, "repr", [](const Network& net) { return repr(net); });
    });
}

}  // namespace

void register_network(py::module_& m) {
    NetworkClass cls(m, "Network", R"doc(
A neighbourhood connection programme: residents and organisations (actors),
dated ties of named kinds between them, events and who attended them (and who
brought whom). Actors and events are addressed by pseudonymous string keys.

Every method that adds or removes checks all its input first and leaves the
Network unchanged when it raises.)doc");
    cls.attr("__module__") = "verbind";

    cls.def(py::init<>());

    register_network_records(cls);
    register_network_reading(cls);
    register_network_views(cls);
    register_network_export(cls);  // network_io.cpp
    register_network_values(cls);
    register_network_readers(m);  // network_io.cpp
}

}  // namespace verbind::python
