#pragma once

namespace verbind {

// The library's version, "MAJOR.MINOR.PATCH".
const char* version() noexcept;

}  // namespace verbind
