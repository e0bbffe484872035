// Davis's Southern Women: a real event-attendance network, ready-made
// (docs/sample-programme.md).
#pragma once

#include "verbind/model/network.hpp"

namespace verbind {

// Davis, Gardner & Gardner (1941), Deep South: 18 women and the 14 social
// events they attended in Natchez, Mississippi in the 1930s. Women are
// residents, events are events, attendance is the 89 recorded attendances.
Network davis_southern_women();

}  // namespace verbind
