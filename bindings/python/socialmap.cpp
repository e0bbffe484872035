// Python bindings of verbind's socialmap capability.
#include "bindings.hpp"

namespace verbind::python {

void register_socialmap(py::module_&) {}

}  // namespace verbind::python
