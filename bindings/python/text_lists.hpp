// The bindings' one conversion of a list of strings to Python (the other
// way, Python to C++, is text_list_arg in bindings.hpp). Without
// pybind11/stl.h: including it in some translation units of a module and not
// in others breaks the one-definition rule.
#pragma once

#include <pybind11/pybind11.h>

#include <string>
#include <vector>

namespace verbind::python {

// `items` as a Python list of str.
inline pybind11::list str_list(const std::vector<std::string>& items) {
    pybind11::list out;
    for (const auto& item : items) out.append(pybind11::str(item));
    return out;
}

}  // namespace verbind::python
