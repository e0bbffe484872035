// `verbind report [PATH] -o report.html`: the coordinator's HTML report.
#include "commands.hpp"

#include <stdexcept>

namespace verbind::cli {

int report_command(const Args& /*args*/) { throw std::runtime_error("verbind report: not built yet"); }

}  // namespace verbind::cli
