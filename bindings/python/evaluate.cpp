// Python bindings of the evaluation capability (verbind/evaluate.py).
#include "bindings.hpp"

namespace verbind::python {

void register_evaluate(py::module_& /*m*/) {}

}  // namespace verbind::python
