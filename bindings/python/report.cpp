// Python bindings of the HTML report (verbind/report.py).
#include "bindings.hpp"

namespace verbind::python {

void register_report(py::module_& /*m*/) {}

}  // namespace verbind::python
