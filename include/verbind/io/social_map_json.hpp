// The social map (verbind/socialmap/social_map.hpp) as a JSON document,
// beside io's other writers.
#pragma once

#include "verbind/socialmap/social_map.hpp"

#include <string>

namespace verbind {

// The map's fields as one JSON object (docs/socialmap.md); a suppressed count
// of people is null with "suppressed": true, a number that is not finite is
// null.
std::string to_json(const SocialMap& map);

}  // namespace verbind
