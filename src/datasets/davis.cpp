// Davis, A., Gardner, B. B. & Gardner, M. R. (1941). Deep South: A Social
// Anthropological Study of Caste and Class. University of Chicago Press,
// p. 148: which of 18 women attended which of 14 social events. Names and
// event labels as in networkx's davis_southern_women_graph(), which the
// Python tests compare against.
#include "verbind/datasets/davis.hpp"

#include <array>
#include <string>
#include <string_view>

namespace verbind {

namespace {

// The table gives month and day only. The Gardners' fieldwork in Natchez ran
// 1933-1935 and the events fall within one season (February to November), so
// they are dated in 1935; see docs/sample-programme.md.
constexpr unsigned short davis_year = 1935;

struct DavisEvent {
    std::string_view key;
    unsigned short month, day;
};

constexpr std::array<DavisEvent, 14> davis_events = {{
    {"E1", 6, 27},
    {"E2", 3, 2},
    {"E3", 4, 12},
    {"E4", 9, 26},
    {"E5", 2, 25},
    {"E6", 5, 19},
    {"E7", 3, 15},
    {"E8", 9, 16},
    {"E9", 4, 8},
    {"E10", 6, 10},
    {"E11", 2, 23},
    {"E12", 4, 7},
    {"E13", 11, 21},
    {"E14", 8, 3},
}};

struct DavisWoman {
    std::string_view name;
    // Row of the table: character i is '1' when she attended E(i+1).
    std::string_view attended;
};

constexpr std::array<DavisWoman, 18> davis_women = {{
    {"Evelyn Jefferson", "11111101100000"},
    {"Laura Mandeville", "11101111000000"},
    {"Theresa Anderson", "01111111100000"},
    {"Brenda Rogers", "10111111000000"},
    {"Charlotte McDowd", "00111010000000"},
    {"Frances Anderson", "00101101000000"},
    {"Eleanor Nye", "00001111000000"},
    {"Pearl Oglethorpe", "00000101100000"},
    {"Ruth DeSand", "00001011100000"},
    {"Verne Sanderson", "00000011100100"},
    {"Myra Liddel", "00000001110100"},
    {"Katherina Rogers", "00000001110111"},
    {"Sylvia Avondale", "00000011110111"},
    {"Nora Fayette", "00000110111111"},
    {"Helen Lloyd", "00000011011100"},
    {"Dorothy Murchison", "00000001100000"},
    {"Olivia Carleton", "00000000101000"},
    {"Flora Price", "00000000101000"},
}};

}  // namespace

Network davis_southern_women() {
    Network net;
    ResidentInfo woman_info;
    woman_info.municipality = "Natchez";
    for (const auto& woman : davis_women) net.add_resident(woman.name, woman_info);
    for (const auto& event : davis_events) {
        EventInfo info;
        info.date = Date(davis_year, event.month, event.day);
        info.kind = "social event";
        info.municipality = "Natchez";
        net.add_event(event.key, info);
    }
    for (const auto& woman : davis_women)
        for (std::size_t e = 0; e < davis_events.size(); ++e)
            if (woman.attended[e] == '1') net.attend(davis_events[e].key, woman.name);
    return net;
}

}  // namespace verbind
