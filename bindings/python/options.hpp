// The C++ Options structs' defaults as Python spells them (options.cpp): the
// bindings' keyword defaults read them, e.g.
//     py::arg("runs") = option_default("SpreadOptions", "runs")
// so no default is restated in a binding.
#pragma once

#include <pybind11/pybind11.h>

#include <cstdint>
#include <string_view>

namespace verbind::python {

// {struct name: {field: default}}, built once.
pybind11::dict option_defaults();
// One default; std::logic_error for a name that is not in option_defaults()
// (a typo in a binding fails at import, never silently).
pybind11::object option_default(const char* options, const char* field);

// Every binding's min_cell: an int of at least 1 ("<function>: min_cell must
// be at least 1, got 0"), as std::uint64_t, the type of every C++ min_cell.
std::uint64_t min_cell_arg(pybind11::handle obj, std::string_view function);

}  // namespace verbind::python
