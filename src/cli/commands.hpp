// The sub-commands of `verbind`, one file each. A command returns the exit
// status; it throws usage_error for a mistake in how it was called (exit 2,
// with the command's usage line) and any std::exception for a failure of the
// data or input (exit 1).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace verbind::cli {

struct usage_error {
    std::string message;
    std::string command;  // empty: a mistake before any command
};

using Args = std::vector<std::string_view>;

int demo_command(const Args& args);        // src/cli/stats.cpp: the sample programme's summary
int stats_command(const Args& args);       // src/cli/stats.cpp: what a file or folder holds
int convert_command(const Args& args);     // src/cli/convert.cpp: an edge list to a binary graph file
int map_command(const Args& args);         // src/cli/map.cpp: the social map
int reach_command(const Args& args);       // src/cli/reach.cpp: cascades and whom to train next
int match_command(const Args& args);       // src/cli/match.cpp: introductions
int timeline_command(const Args& args);    // src/cli/timeline.cpp: metrics per period and area
int report_command(const Args& args);      // src/cli/report.cpp: the coordinator's HTML report
int centrality_command(const Args& args);  // src/cli/centrality.cpp: a centrality of every node of a graph

// Every command, in the order `verbind --help` lists them (src/cli/main.cpp).
struct CommandInfo {
    std::string_view name;
    std::string_view synopsis;  // after "verbind NAME"; PATH when it takes one
    std::string_view summary;   // one sentence
    int (*run)(const Args&);
};
const std::vector<CommandInfo>& command_table();

}  // namespace verbind::cli
