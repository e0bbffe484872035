// Python bindings of verbind's store capability.
#include "bindings.hpp"

namespace verbind::python {

void register_store(py::module_&) {}

}  // namespace verbind::python
