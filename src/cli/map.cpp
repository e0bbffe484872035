// `verbind map`: placeholder until its capability lands.
#include "commands.hpp"

#include <stdexcept>

namespace verbind::cli {

int map_command(const Args&) { throw std::runtime_error("'map' is not available in this build yet"); }

}  // namespace verbind::cli
