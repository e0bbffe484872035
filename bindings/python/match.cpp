// Python bindings of verbind's match capability.
#include "bindings.hpp"

namespace verbind::python {

void register_match(py::module_&) {}

}  // namespace verbind::python
