// Python bindings of verbind's store and privacy capability: Network.save,
// verbind.load, verbind.Store, and the sensitive marks on events and tie
// kinds (added to the Network class defined in network.cpp).
#include "bindings.hpp"
#include "options.hpp"

#include "verbind/error.hpp"
#include "verbind/io/graphml.hpp"
#include "verbind/privacy/pseudonymise.hpp"
#include "verbind/privacy/suppress.hpp"
#include "verbind/store/store.hpp"

#include <mutex>
#include <optional>

namespace verbind::python {

namespace {

py::list sorted_list(const std::set<std::string, std::less<>>& items) {
    py::list out;
    for (const auto& item : items) out.append(py::str(item));
    return out;
}

// A Store as Python holds it: closed when `store` is empty. Every call
// takes `mutex` by the rule of the Network lock (bindings.hpp): never
// waiting for it while holding the GIL; the work runs without the GIL (a
// write waits for the disk).
struct StoreHandle {
    std::optional<Store> store;
    std::string path;
    std::mutex mutex;
};

// Runs `body(store)` without the GIL, holding the handle's mutex.
template <class F>
auto with_store(StoreHandle& self, F&& body) {
    std::unique_lock lock(self.mutex, std::defer_lock);
    lock_without_holding_gil(lock);
    if (!self.store) throw io_error("store '" + self.path + "': is closed");
    return without_gil([&] { return body(*self.store); });
}

// body(optional<Store>&) with the mutex and the GIL held: for what does
// not touch the file.
template <class F>
auto with_store_state(StoreHandle& self, F&& body) {
    std::unique_lock lock(self.mutex, std::defer_lock);
    lock_without_holding_gil(lock);
    return body(self.store);
}

void register_sensitive_marks(py::class_<NetworkHandle, std::shared_ptr<NetworkHandle>>& cls) {
    cls.def(
        "mark_sensitive_event",
        [](NetworkHandle& self, Key event) {
            const std::string e = key_arg(event, "mark_sensitive_event", "event", "sensitive event");
            write_network(self, "mark_sensitive_event", [&](Network& net) { net.mark_sensitive_event(e); });
        },
        py::arg("event"),
        R"doc(Marks an event as special-category (for example a Pride breakfast: attending
it can reveal what a declared group would). Exports leave the event, its
organiser entries and its attendance out unless include_sensitive=True.
Raises NotFoundError for an unknown event.)doc");
    cls.def(
        "mark_sensitive_tie_kind",
        [](NetworkHandle& self, Text kind) {
            const std::string k = text_arg(kind, "mark_sensitive_tie_kind", "kind", "sensitive tie kind");
            write_network(self, "mark_sensitive_tie_kind", [&](Network& net) { net.mark_sensitive_tie_kind(k); });
        },
        py::arg("kind"),
        R"doc(Marks a tie kind as special-category (for example 'member_of' when the
organisations include an LGBTI+ association). Exports leave ties of this
kind out unless include_sensitive=True. The kind need not exist yet.)doc");
    cls.def_property_readonly(
        "sensitive_events",
        [](const NetworkHandle& self) -> StrList {
            return read_network(self, "sensitive_events",
                                [](const Network& net) { return sorted_list(net.sensitive_events()); });
        },
        "The event keys marked sensitive, sorted.");
    cls.def_property_readonly(
        "sensitive_tie_kinds",
        [](const NetworkHandle& self) -> StrList {
            return read_network(self, "sensitive_tie_kinds",
                                [](const Network& net) { return sorted_list(net.sensitive_tie_kinds()); });
        },
        "The tie kinds marked sensitive, sorted.");
}

void register_save_load(py::module_& m, py::class_<NetworkHandle, std::shared_ptr<NetworkHandle>>& cls) {
    cls.def(
        "save",
        [](const NetworkHandle& self, PathLike path) {
            const std::string p = path_arg(path, "save", "path");
            read_network(self, "save", [&](const Network& net) { without_gil([&] { verbind::save(net, p); }); });
        },
        py::arg("path"),
        R"doc(Writes the whole Network to the SQLite store at path (created if missing; an
existing verbind store is replaced) in one transaction. Sensitive data are
stored too: the store is verbind's own memory, not an export. Raises
FileError (an OSError) for a read-only place, a full disk, a file that is not
a verbind store or is from a newer verbind; the file is then unchanged.)doc");

    m.def(
        "load",
        [](PathLike path, ProgressArg progress) {
            const std::string p = path_arg(path, "load", "path");
            return with_progress(std::move(progress), "load", [&](ProgressCallback callback) {
                return std::make_shared<NetworkHandle>(verbind::load(p, callback));
            });
        },
        py::arg("path"), py::kw_only(), py::arg("progress") = py::none(),
        R"doc(Reads a Network from a SQLite store written by Network.save or a Store. The
file is not changed. progress: True for a progress bar, or a callable taking
the fraction of the rows read (returning False cancels with CancelledError). The content is checked against the checksum saved with
it (schema version 3 on), so a damaged file is refused, never read as other
data. Raises FileError for a missing, corrupt (damaged, cut short, changed by
another program), truncated or newer file, ParseError for rows of an older
file that break the model's rules. A store in a read-only folder is read.)doc");
    m.attr("store_schema_version") = store_schema_version;
}

// Store's add_* writes (each one transaction).
void register_store_records(py::class_<StoreHandle, std::shared_ptr<StoreHandle>>& cls) {
    cls.def(
        "add_resident",
        [](StoreHandle& self, Key key, OptionalText neighbourhood, OptionalText municipality,
           OptionalTextList talents, OptionalTextList groups, bool key_figure, OptionalDate trained_on) {
            const auto r = resident_args(key, neighbourhood, municipality, talents, groups, key_figure, trained_on);
            with_store(self, [&](Store& s) { s.add_resident(r.key, r.info); });
        },
        py::arg("key"), py::kw_only(), py::arg("neighbourhood") = py::none(), py::arg("municipality") = py::none(),
        py::arg("talents") = py::tuple(), py::arg("groups") = py::tuple(),
        py::arg("key_figure") = option_default("ResidentInfo", "key_figure"), py::arg("trained_on") = py::none(),
        "As Network.add_resident, written through.");

    cls.def(
        "add_organisation",
        [](StoreHandle& self, Key key, Text kind, OptionalText neighbourhood, OptionalText municipality,
           OptionalTextList talents) {
            const auto o = organisation_args(key, kind, neighbourhood, municipality, talents);
            with_store(self, [&](Store& s) { s.add_organisation(o.key, o.info); });
        },
        py::arg("key"), py::kw_only(), py::arg("kind"), py::arg("neighbourhood") = py::none(),
        py::arg("municipality") = py::none(), py::arg("talents") = py::tuple(),
        "As Network.add_organisation, written through.");

    cls.def(
        "add_tie",
        [](StoreHandle& self, Key a, Key b, Text kind, OptionalDate since, OptionalDate until, Float weight) {
            const auto t = tie_args(a, b, kind, since, until, float_arg(weight, "add_tie", "weight"));
            with_store(self, [&](Store& s) { s.add_tie(t.a, t.b, t.kind, t.info); });
        },
        py::arg("a"), py::arg("b"), py::arg("kind") = "knows", py::kw_only(), py::arg("since") = py::none(),
        py::arg("until") = py::none(), py::arg("weight") = option_default("TieInfo", "weight"),
        "As Network.add_tie, written through as one row.");

    cls.def(
        "add_event",
        [](StoreHandle& self, Key key, DateLike date, Text kind, OptionalText neighbourhood,
           OptionalKeyList organisers, OptionalText municipality) {
            const auto e = event_args(key, date, kind, neighbourhood, organisers, municipality);
            with_store(self, [&](Store& s) { s.add_event(e.key, e.info); });
        },
        py::arg("key"), py::kw_only(), py::arg("date"), py::arg("kind"), py::arg("neighbourhood") = py::none(),
        py::arg("organisers") = py::tuple(), py::arg("municipality") = py::none(),
        "As Network.add_event, written through.");

    cls.def(
        "add_organiser",
        [](StoreHandle& self, Key event, Key actor) {
            constexpr std::string_view fn = "add_organiser";
            const std::string e = key_arg(event, fn, "event", "organiser field 'event'");
            const std::string a = key_arg(actor, fn, "actor", "organiser field 'actor'");
            with_store(self, [&](Store& s) { s.add_organiser(e, a); });
        },
        py::arg("event"), py::arg("actor"), "As Network.add_organiser, written through.");

    cls.def(
        "attend",
        [](StoreHandle& self, Key event, Key actor, OptionalKey brought_by) {
            constexpr std::string_view fn = "attend";
            const std::string e = key_arg(event, fn, "event", "attendance field 'event'");
            const std::string a = key_arg(actor, fn, "actor", "attendance field 'actor'");
            const std::string by = optional_key_arg(brought_by, fn, "brought_by", "attendance field 'brought_by'");
            with_store(self, [&](Store& s) { s.attend(e, a, by); });
        },
        py::arg("event"), py::arg("actor"), py::kw_only(), py::arg("brought_by") = py::none(),
        "As Network.attend, written through.");
}

// Store's marks, removals, replace and compact.
void register_store_changes(py::class_<StoreHandle, std::shared_ptr<StoreHandle>>& cls) {
    cls.def(
        "mark_sensitive",
        [](StoreHandle& self, Text group) {
            const std::string g = text_arg(group, "mark_sensitive", "group", "sensitive group");
            with_store(self, [&](Store& s) { s.mark_sensitive(g); });
        },
        py::arg("group"), "As Network.mark_sensitive, written through.");
    cls.def(
        "mark_sensitive_event",
        [](StoreHandle& self, Key event) {
            const std::string e = key_arg(event, "mark_sensitive_event", "event", "sensitive event");
            with_store(self, [&](Store& s) { s.mark_sensitive_event(e); });
        },
        py::arg("event"), "As Network.mark_sensitive_event, written through.");
    cls.def(
        "mark_sensitive_tie_kind",
        [](StoreHandle& self, Text kind) {
            const std::string k = text_arg(kind, "mark_sensitive_tie_kind", "kind", "sensitive tie kind");
            with_store(self, [&](Store& s) { s.mark_sensitive_tie_kind(k); });
        },
        py::arg("kind"), "As Network.mark_sensitive_tie_kind, written through.");

    cls.def(
        "remove",
        [](StoreHandle& self, Key key) {
            const std::string k = key_arg(key, "remove", "key", "actor key");
            with_store(self, [&](Store& s) { s.remove(k); });
        },
        py::arg("key"),
        R"doc(Erasure (GDPR art. 17): removes the actor with their ties, organiser entries
and attendance, then compacts the file so that no byte of them remains in it
or its WAL. Raises FileError if another connection's open read keeps the WAL
from being truncated (the removal is committed; call compact() later).)doc");
    cls.def(
        "remove_event",
        [](StoreHandle& self, Key key) {
            const std::string k = key_arg(key, "remove_event", "key", "event key");
            with_store(self, [&](Store& s) { s.remove_event(k); });
        },
        py::arg("key"), "Removes an event with its attendance, then compacts the file.");
    cls.def(
        "replace",
        [](StoreHandle& self, const NetworkHandle& network) {
            // Lock order: the Network, then the Store.
            read_network(network, "replace",
                         [&](const Network& net) { with_store(self, [&](Store& s) { s.replace(net); }); });
        },
        py::arg("network"), "Replaces the stored Network with a copy of network, in one transaction.");
    cls.def(
        "compact", [](StoreHandle& self) { with_store(self, [](Store& s) { s.compact(); }); },
        "Folds the WAL into the file, truncates it and returns free pages to the file system.");
}

void register_store_class(py::module_& m) {
    py::class_<StoreHandle, std::shared_ptr<StoreHandle>> cls(m, "Store", R"doc(
A Network kept in a SQLite file that a long-running app holds open. Every
add_*, mark_* and remove writes through at once as one small transaction (a
new tie is one row, not a rewrite). On any error, neither the Network nor the
file changes. Use as a context manager, or call close().

store.network is a copy (a snapshot) of the stored Network; what another
connection committed (a second Store, a save, another process) is read in
first, as it is before every change.)doc");
    cls.attr("__module__") = "verbind";

    cls.def(py::init([](PathLike path, ProgressArg progress) {
                const std::string p = path_arg(path, "Store", "path");
                auto handle = std::make_shared<StoreHandle>();
                handle->path = p;
                with_progress(std::move(progress), "Store",
                              [&](ProgressCallback callback) { handle->store.emplace(Store::open(p, callback)); });
                return handle;
            }),
            py::arg("path"), py::kw_only(), py::arg("progress") = py::none(),
            "Opens (or creates) the store at path; an older schema is migrated forward. A file or folder that "
            "cannot be written is refused here (FileError), not at the first change. progress: True for a "
            "progress bar, or a callable taking the fraction of the rows read (returning False cancels with "
            "CancelledError; the file is left as it was).");

    auto close = [](StoreHandle& self) {
        with_store_state(self, [](std::optional<Store>& store) { without_gil([&] { store.reset(); }); });
    };
    cls.def("close", close, "Closes the file. Further calls raise FileError.");
    cls.def("__enter__", [](std::shared_ptr<StoreHandle> self) { return self; });
    cls.def("__exit__", [close](StoreHandle& self, py::handle, py::handle, py::handle) { close(self); });
    cls.def_property_readonly("path", [](const StoreHandle& self) { return self.path; });
    cls.def_property_readonly("closed", [](StoreHandle& self) {
        return with_store_state(self, [](std::optional<Store>& store) { return !store.has_value(); });
    });
    cls.def_property_readonly(
        "network",
        [](StoreHandle& self) {
            return with_store(self, [](Store& s) { return std::make_shared<NetworkHandle>(Network(s.network())); });
        },
        "A copy of the stored Network (changing it does not change the store).");
    cls.def("__repr__", [](StoreHandle& self) {
        return with_store_state(self, [](std::optional<Store>& store) {
            if (!store) return std::string("<verbind.Store (closed)>");
            const Network& n = store->network();
            return "<verbind.Store: " + std::to_string(n.num_actors()) + " actors, " + std::to_string(n.num_ties()) +
                   " ties, " + std::to_string(n.num_events()) + " events>";
        });
    });

    register_store_records(cls);
    register_store_changes(cls);
}

// The secret as bytes (bytes, bytearray, or a contiguous buffer such as a
// memoryview); a str is refused (its encoding would be a guess). Messages
// name the type only, never the value.
std::string secret_arg(py::handle obj, std::string_view function) {
    const std::string refused = std::string(function) +
                                "(): secret must be bytes (for example secrets.token_bytes(32)), not " +
                                type_name(obj);
    if (PyBytes_Check(obj.ptr()))
        return std::string(PyBytes_AS_STRING(obj.ptr()), static_cast<std::size_t>(PyBytes_GET_SIZE(obj.ptr())));
    if (!PyByteArray_Check(obj.ptr()) && !PyMemoryView_Check(obj.ptr())) throw py::type_error(refused);
    Py_buffer view;
    if (PyObject_GetBuffer(obj.ptr(), &view, PyBUF_C_CONTIGUOUS) != 0) {
        PyErr_Clear();  // its message could describe the value
        throw py::type_error(refused + " that is not one contiguous block of bytes");
    }
    std::string bytes(static_cast<const char*>(view.buf), static_cast<std::size_t>(view.len));
    PyBuffer_Release(&view);
    return bytes;
}

void register_privacy(py::module_& m, py::class_<NetworkHandle, std::shared_ptr<NetworkHandle>>& cls) {
    auto graphml = [](const NetworkHandle& self, PathLike path, bool include_sensitive) {
        const std::string p = path_arg(path, "write_graphml", "path");
        ExportOptions options;
        options.include_sensitive = include_sensitive;
        read_network(self, "write_graphml",
                     [&](const Network& net) { without_gil([&] { write_graphml(net, p, options); }); });
    };
    cls.def("write_graphml", graphml, py::arg("path"), py::kw_only(),
            py::arg("include_sensitive") = option_default("ExportOptions", "include_sensitive"),
            R"doc(Writes the actors and ties as GraphML (Gephi, Cytoscape, networkx.read_graphml).
Sensitive groups and ties of a sensitive kind are left out unless
include_sensitive=True.)doc");
    m.def("write_graphml", graphml, py::arg("network"), py::arg("path"), py::kw_only(),
          py::arg("include_sensitive") = option_default("ExportOptions", "include_sensitive"),
          "verbind.write_graphml(net, path) is net.write_graphml(path).");

    // The two functions that take the secret parse their arguments by hand
    // from *args: pybind11 would answer a call it cannot match with
    // "incompatible function arguments ... Invoked with: <every argument>",
    // the secret included, into a traceback or a log. The public
    // verbind.pseudonymise and verbind.pseudonym (verbind/store.py) give the
    // signatures; no message here shows the secret or any part of it.
    m.def("_pseudonymise", [](const py::args& args, const py::kwargs& kwargs) {
        constexpr std::string_view fn = "pseudonymise";
        if (args.size() != 2 || !kwargs.empty())
            throw py::type_error("pseudonymise() takes 2 positional arguments (network, secret), got " +
                                 std::to_string(args.size()) + " and " + std::to_string(kwargs.size()) +
                                 " by keyword");
        const py::handle network = args[0];
        if (!py::isinstance<NetworkHandle>(network))
            throw py::type_error("pseudonymise(): network must be a verbind.Network, not " + type_name(network));
        const std::string s = secret_arg(args[1], fn);
        const auto& handle = network.cast<const NetworkHandle&>();
        return read_network(handle, fn, [&](const Network& net) {
            return without_gil([&] { return std::make_shared<NetworkHandle>(verbind::pseudonymise(net, s)); });
        });
    });

    m.def("_pseudonym", [](const py::args& args, const py::kwargs& kwargs) {
        constexpr std::string_view fn = "pseudonym";
        if (args.size() != 3 || !kwargs.empty())
            throw py::type_error("pseudonym() takes 3 positional arguments (key, secret, kind), got " +
                                 std::to_string(args.size()) + " and " + std::to_string(kwargs.size()) +
                                 " by keyword");
        const std::string k = text_arg(args[0], fn, "key", "pseudonym: key");
        const std::string s = secret_arg(args[1], fn);
        const std::string kind = text_arg(args[2], fn, "kind", "pseudonym: kind");
        if (kind != "actor" && kind != "event")
            throw input_error("pseudonym: kind must be 'actor' or 'event', got " + quoted(kind));
        return verbind::pseudonym(s, k, kind == "actor" ? KeyDomain::actor : KeyDomain::event);
    });

    py::class_<SuppressedTable> table(m, "SuppressedTable", R"doc(
A table of counts with its margins after small-cell suppression. Arrays have
shape (rows + 1, cols + 1): the last column holds row totals, the last row
column totals, the corner the grand total.)doc");
    table.attr("__module__") = "verbind";
    table.def_property_readonly(
        "counts",
        [](const SuppressedTable& t) {
            py::array_t<std::uint64_t> a({t.rows, t.cols});
            std::copy(t.counts.begin(), t.counts.end(), a.mutable_data());
            return a;
        },
        "Every count with its totals (uint64), suppressed ones included: never publish this array as it is.");
    table.def_property_readonly(
        "suppressed",
        [](const SuppressedTable& t) {
            py::array_t<bool> a({t.rows, t.cols});
            std::transform(t.suppressed.begin(), t.suppressed.end(), a.mutable_data(), [](auto v) { return v != 0; });
            return a;
        },
        "True where an entry must not be published.");
    table.def_property_readonly(
        "primary",
        [](const SuppressedTable& t) {
            py::array_t<bool> a({t.rows, t.cols});
            std::transform(t.primary.begin(), t.primary.end(), a.mutable_data(), [](auto v) { return v != 0; });
            return a;
        },
        "True where the entry itself is below min_cell (suppressed minus primary is complementary).");
    table.def(
        "published",
        [](const SuppressedTable& t) -> PublishedRows {
            py::list rows;
            for (std::size_t r = 0; r < t.rows; ++r) {
                py::list row;
                for (std::size_t c = 0; c < t.cols; ++c)
                    row.append(t.is_suppressed(r, c) ? py::object(py::none()) : py::object(py::int_(t.count(r, c))));
                rows.append(row);
            }
            return rows;
        },
        "The table as it may be published: a list of rows (totals last), None where suppressed.");
    table.def("__repr__", [](const SuppressedTable& t) {
        std::size_t hidden = 0;
        for (auto v : t.suppressed) hidden += v;
        return "<verbind.SuppressedTable: " + std::to_string(t.rows - 1) + " x " + std::to_string(t.cols - 1) +
               " with totals, " + std::to_string(hidden) + " entries suppressed>";
    });

    m.def(
        "suppress_small_cells",
        [](ArrayLike counts, Int min_cell_value) {
            const std::uint64_t min_cell = min_cell_arg(min_cell_value, "suppress_small_cells");
            py::object numpy = py::module_::import("numpy");
            py::array array;
            try {
                array = numpy.attr("asarray")(counts);
            } catch (py::error_already_set&) {
                throw py::type_error("suppress_small_cells(): counts must be a 2-D array of non-negative integers");
            }
            if (array.ndim() != 2)
                throw input_error("suppress_small_cells: counts must be 2-D (rows x columns), got " +
                                  std::to_string(array.ndim()) + " dimension(s)");
            const py::object kind = array.dtype().attr("kind");
            const std::string k = py::str(kind);
            if (k != "i" && k != "u" && !(k == "b"))
                throw py::type_error("suppress_small_cells(): counts must hold integers, not " +
                                     std::string(py::str(array.dtype())));
            auto values = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>::ensure(array);
            const auto rows = static_cast<std::size_t>(values.shape(0)),
                       cols = static_cast<std::size_t>(values.shape(1));
            std::vector<std::uint64_t> cells(rows * cols);
            for (std::size_t i = 0; i < cells.size(); ++i) {
                const auto v = values.data()[i];
                if (v < 0)
                    throw input_error("suppress_small_cells: counts[" + std::to_string(i / cols) + "][" +
                                      std::to_string(i % cols) + "] is negative (" + std::to_string(v) + ")");
                cells[i] = static_cast<std::uint64_t>(v);
            }
            SuppressionOptions options;
            options.min_cell = static_cast<std::uint64_t>(min_cell);
            py::gil_scoped_release no_gil;
            return suppress_small_cells(cells, rows, cols, options);
        },
        py::arg("counts"), py::kw_only(), py::arg("min_cell") = option_default("SuppressionOptions", "min_cell"),
        R"doc(Small-cell suppression for a table counting people (rows x columns, without
totals). Entries below min_cell (margins included) are suppressed, and enough
others (complementary suppression) that none of them can be recovered from
the row, column and grand totals. Returns a SuppressedTable. The rule and its
limits: docs/privacy.md.)doc");
}

}  // namespace

void register_store(py::module_& m) {
    py::class_<NetworkHandle, std::shared_ptr<NetworkHandle>> network_class(m.attr("Network"));
    register_sensitive_marks(network_class);
    register_save_load(m, network_class);
    register_store_class(m);
    register_privacy(m, network_class);
}

}  // namespace verbind::python
