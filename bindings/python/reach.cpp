// Python bindings of verbind's reach capability.
#include "bindings.hpp"

namespace verbind::python {

void register_reach(py::module_&) {}

}  // namespace verbind::python
