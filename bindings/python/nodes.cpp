// Node identity (docs/python.md, "Node identity"; DESIGN.md): the one
// converter for every node a Python caller gives, and the labels results
// are read through.
#include "bindings.hpp"

#include "verbind/error.hpp"

#include <unordered_map>

namespace verbind::python {

NodeLabels graph_labels(const Graph& g) {
    NodeLabels out;
    out.n = g.num_nodes();
    out.kind = g.label_kind();
    out.reason = g.label_kind_reason();
    out.find = [&g](std::string_view label) { return g.find(label); };
    out.find_integer = [&g](std::string_view digits) { return g.find_integer(digits); };
    return out;
}

NodeLabels text_labels(std::span<const std::string> labels) {
    NodeLabels out;
    out.n = labels.size();
    const LabelSummary summary = summarise_labels(labels);
    out.kind = summary.kind;
    out.reason = summary.reason;
    auto by_label = std::make_shared<std::unordered_map<std::string_view, NodeId>>();
    auto by_value = std::make_shared<std::unordered_map<std::string_view, NodeId>>();
    by_label->reserve(labels.size());
    for (std::size_t i = 0; i < labels.size(); ++i) {
        by_label->emplace(labels[i], static_cast<NodeId>(i));
        if (out.kind == LabelKind::integers)
            by_value->emplace(integer_label_value(labels[i]), static_cast<NodeId>(i));
    }
    out.find = [by_label](std::string_view label) -> std::optional<NodeId> {
        const auto it = by_label->find(label);
        if (it == by_label->end()) return std::nullopt;
        return it->second;
    };
    out.find_integer = [by_value](std::string_view digits) -> std::optional<NodeId> {
        if (!is_integer_label(digits)) return std::nullopt;
        const auto it = by_value->find(integer_label_value(digits));
        if (it == by_value->end()) return std::nullopt;
        return it->second;
    };
    return out;
}

namespace {

bool is_int(py::handle obj) { return PyIndex_Check(obj.ptr()) && !PyBool_Check(obj.ptr()); }

std::string where(std::string_view function, std::string_view param) {
    return std::string(function) + ": " + std::string(param);
}

// An int as a message shows it: in full up to ~40 digits, else by its size.
std::string shown(const py::int_& value) {
    const auto bits = value.attr("bit_length")().cast<std::size_t>();
    if (bits <= 128) return py::str(static_cast<py::handle>(value));
    return std::string(value < py::int_(0) ? "-" : "") + "an int of " + std::to_string(bits) + " bits";
}

}  // namespace

NodeId node_arg(const NodeLabels& labels, py::handle item, std::string_view function, std::string_view param) {
    if (PyUnicode_Check(item.ptr())) {
        const std::string label = text_arg(item, function, param, where(function, param));
        if (const auto found = labels.find(label)) return *found;
        throw verbind::not_found_error(where(function, param) + ": unknown key '" + label +
                                       "' (no node has this label)");
    }
    if (!is_int(item))
        throw py::type_error(std::string(function) + "(): " + std::string(param) +
                             " must hold nodes: str labels, or int (a label when the labels are integers), not " +
                             type_name(item));
    const auto value = py::reinterpret_steal<py::int_>(PyNumber_Index(item.ptr()));
    if (!value) throw py::error_already_set();
    switch (labels.kind) {
        case LabelKind::integers: {
            if (value >= py::int_(0) && value.attr("bit_length")().cast<std::size_t>() <= 1024) {
                const std::string digits = py::str(static_cast<py::handle>(value));
                if (const auto found = labels.find_integer(digits)) return *found;
            }
            throw verbind::not_found_error(where(function, param) + ": unknown key " + shown(value) +
                                           " (the labels are integers: an int is a label, not a position)");
        }
        case LabelKind::text: {
            int overflow = 0;
            const long long index = PyLong_AsLongLongAndOverflow(value.ptr(), &overflow);
            if (overflow != 0 || index < 0 || static_cast<unsigned long long>(index) >= labels.n)
                throw verbind::input_error(where(function, param) + ": position " + shown(value) +
                                           " is out of range (n = " + std::to_string(labels.n) +
                                           "; the labels are text: an int is a position)");
            return static_cast<NodeId>(index);
        }
        case LabelKind::mixed: break;
    }
    throw verbind::input_error(where(function, param) + ": an int names no node here: " + labels.reason +
                               "; give the node's label as a str");
}

std::vector<NodeId> nodes_arg(const NodeLabels& labels, py::handle obj, std::string_view function,
                              std::string_view param) {
    std::vector<NodeId> out;
    if (obj.is_none()) return out;
    if (PyUnicode_Check(obj.ptr()) || (is_int(obj) && !py::isinstance<py::array>(obj))) {
        out.push_back(node_arg(labels, obj, function, param));
        return out;
    }
    if (PyBytes_Check(obj.ptr()) || !py::isinstance<py::iterable>(obj))
        throw py::type_error(std::string(function) + "(): " + std::string(param) +
                             " must be a node, or an iterable of nodes (str labels or int), not " + type_name(obj));
    for (py::handle item : py::reinterpret_borrow<py::iterable>(obj)) {
        // NumPy arrays iterate as NumPy scalars; a 0-d array is not a node.
        out.push_back(node_arg(labels, item, function, param));
    }
    return out;
}

py::object labels_of(std::span<const std::string> keys, std::size_t n, LabelKind kind) {
    if (keys.empty() && n > 0) {  // a graph from arrays: the labels are the positions
        std::vector<std::int64_t> values(n);
        for (std::size_t i = 0; i < n; ++i) values[i] = static_cast<std::int64_t>(i);
        return to_numpy(std::move(values));
    }
    if (kind != LabelKind::integers) {
        py::list out(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i) out[i] = py::str(keys[i]);
        return out;
    }
    bool fits = true;
    std::vector<std::int64_t> values(keys.size());
    for (std::size_t i = 0; i < keys.size() && fits; ++i) {
        const std::string_view v = integer_label_value(keys[i]);
        if (v.size() > 18) {
            fits = false;
            break;
        }
        std::int64_t x = 0;
        for (char c : v) x = x * 10 + (c - '0');
        values[i] = x;
    }
    if (fits) return to_numpy(std::move(values));
    // Values beyond 64 bits: an object array of Python ints.
    py::list ints(keys.size());
    for (std::size_t i = 0; i < keys.size(); ++i)
        ints[i] = py::reinterpret_steal<py::object>(
            PyLong_FromString(std::string(integer_label_value(keys[i])).c_str(), nullptr, 10));
    return py::module_::import("numpy").attr("array")(ints, py::arg("dtype") = "object");
}

py::object graph_labels_object(const Graph& g) { return labels_of(g.keys(), g.num_nodes(), g.label_kind()); }

py::object labels_at(const py::object& all_labels, const std::vector<NodeId>& positions) {
    if (py::isinstance<py::array>(all_labels)) {
        std::vector<std::int64_t> idx(positions.begin(), positions.end());
        return all_labels[to_numpy(std::move(idx))];
    }
    py::list source = all_labels;
    py::list out(positions.size());
    for (std::size_t i = 0; i < positions.size(); ++i) out[i] = source[positions[i]];
    return out;
}

}  // namespace verbind::python
