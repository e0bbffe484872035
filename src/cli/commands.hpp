// The sub-commands of `verbind`, one file each. A command returns the exit
// status; it throws usage_error for a mistake in how it was called (exit 2,
// with the usage) and any std::exception for a failure (exit 1).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace verbind::cli {

struct usage_error {
    std::string message;
};

using Args = std::vector<std::string_view>;

int map_command(const Args& args);     // src/cli/map.cpp: the social map
int reach_command(const Args& args);   // src/cli/reach.cpp: cascades and whom to train next
int match_command(const Args& args);   // src/cli/match.cpp: introductions
int report_command(const Args& args);  // src/cli/report.cpp: the coordinator's HTML report

}  // namespace verbind::cli
