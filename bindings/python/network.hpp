// Internal to the Python bindings: what network.cpp (verbind.Network) and
// network_io.cpp (its files, and the functions that make whole Networks)
// share.
#pragma once

#include "bindings.hpp"

#include <memory>

namespace verbind::python {

using NetworkClass = py::class_<NetworkHandle, std::shared_ptr<NetworkHandle>>;

// A new Network as the Python object.
inline std::shared_ptr<NetworkHandle> wrap(Network&& network) {
    return std::make_shared<NetworkHandle>(std::move(network));
}

// network_io.cpp: Network.write_csv, import_csv and write_json.
void register_network_export(NetworkClass& cls);
// network_io.cpp: read_csv, read_json, sample_programme, davis_southern_women.
void register_network_readers(py::module_& m);

}  // namespace verbind::python
