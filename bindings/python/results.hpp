// Result types shared between a capability's bindings and results.cpp, which
// adds pickling and equality to every Python class (docs/python.md,
// "Results in pandas, pickling, notebooks").
#pragma once

#include "bindings.hpp"

#include "verbind/reach/temporal.hpp"

#include <string>
#include <vector>

namespace verbind::python {

// What verbind.TemporalReach holds: the reach, the people's labels, and
// whether times are day numbers (a Network) or contact times.
struct TemporalResult {
    TemporalReach reach;
    std::vector<std::string> keys;
    bool dated = false;  // times are day numbers
};

// Pickling (__getstate__/__setstate__) and field-by-field __eq__ for Graph,
// Network and the C++ result classes. Call after every class is registered.
void register_results(py::module_& m);

}  // namespace verbind::python
