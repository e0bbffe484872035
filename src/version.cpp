#include "verbind/version.hpp"

namespace verbind {

const char* version() noexcept { return VERBIND_VERSION_STRING; }

}  // namespace verbind
