// `verbind reach`: placeholder until its capability lands.
#include "commands.hpp"

#include <stdexcept>

namespace verbind::cli {

int reach_command(const Args&) { throw std::runtime_error("'reach' is not available in this build yet"); }

}  // namespace verbind::cli
