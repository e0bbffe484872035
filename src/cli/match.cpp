// `verbind match`: placeholder until its capability lands.
#include "commands.hpp"

#include <stdexcept>

namespace verbind::cli {

int match_command(const Args&) { throw std::runtime_error("'match' is not available in this build yet"); }

}  // namespace verbind::cli
