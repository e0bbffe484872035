// The social map through accessors (verbind.h, "The social map through
// accessors"): the verbind::SocialMap that vb_social_map_json writes as
// JSON, held in a handle and read as records (result structs), with the
// community x group table laid out as rows x columns and each cell's
// suppression status.
#include "capi_internal.hpp"

#include "verbind/socialmap/social_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <memory>
#include <set>
#include <string>
#include <vector>

struct vb_social_map {
    VB_HANDLE_TAG(vb_social_map);  // capi_internal.hpp: a handle of another type is refused
    verbind::SocialMap map;
    // The community x group table: columns (sorted group names) and, per
    // community of map.communities, one cell per column (none: suppressed).
    std::vector<std::string> groups;
    std::vector<std::vector<std::optional<std::size_t>>> cells;
};
VB_HANDLE_LAYOUT(vb_social_map)
// The function vb_social_map hides the struct's name in C++.
using social_map_handle = struct vb_social_map;

using namespace verbind::capi;

namespace {

social_map_handle* make_social_map(verbind::SocialMap map) {
    auto m = std::make_unique<social_map_handle>();
    m->map = std::move(map);
    std::set<std::string> names;
    for (const auto& community : m->map.communities)
        for (const auto& cell : community.groups) names.insert(cell.group);
    m->groups.assign(names.begin(), names.end());
    for (const auto& community : m->map.communities) {
        // A group a community does not list has a published zero (the map
        // lists every suppressed cell, zeros included).
        std::vector<std::optional<std::size_t>> row(m->groups.size(), std::size_t{0});
        for (const auto& cell : community.groups) {
            const auto column = std::lower_bound(m->groups.begin(), m->groups.end(), cell.group) - m->groups.begin();
            row[static_cast<std::size_t>(column)] = cell.people;
        }
        m->cells.push_back(std::move(row));
    }
    return m.release();
}

const social_map_handle& map_of(const vb_social_map_t* map) {
    require(map, "map");
    return *map;
}

template <class Items>
const typename Items::value_type& entry(const Items& items, std::size_t i, const char* section) {
    if (i >= items.size())
        throw argument_error("argument 'i' is " + std::to_string(i) + ", but the map has " +
                             std::to_string(items.size()) + " " + section);
    return items[i];
}

std::size_t column_arg(const social_map_handle& m, std::size_t g) {
    if (g >= m.groups.size())
        throw argument_error("argument 'g' is " + std::to_string(g) + ", but the community x group table has " +
                             std::to_string(m.groups.size()) + " groups");
    return g;
}

const std::optional<std::size_t>& cell_of(const social_map_handle& m, std::size_t i, std::size_t g) {
    entry(m.map.communities, i, "communities");
    return m.cells[i][column_arg(m, g)];
}

vb_value_status_t status_of(const std::optional<std::size_t>& people) noexcept {
    return people ? VB_VALUE_OK : VB_VALUE_SUPPRESSED;
}

// The NaN of "not known" for the C ABI.
double or_nan(const std::optional<double>& x) noexcept { return x ? *x : std::nan(""); }

constexpr std::size_t key_figure_first_size = VB_FIRST_SIZE(vb_key_figure_t, why);
constexpr std::size_t broker_first_size = VB_FIRST_SIZE(vb_broker_t, why);
constexpr std::size_t organisation_role_first_size = VB_FIRST_SIZE(vb_organisation_role_t, why);
constexpr std::size_t fragile_first_size = VB_FIRST_SIZE(vb_fragile_t, why);
constexpr std::size_t community_first_size = VB_FIRST_SIZE(vb_community_t, why);
constexpr std::size_t people_count_first_size = VB_FIRST_SIZE(vb_people_count_t, status);
constexpr std::size_t gap_first_size = VB_FIRST_SIZE(vb_gap_t, why);

// Entry i of a section into the caller's struct: the handle, `out` and its
// struct_size checked first (nothing written when refused), then the fields
// that fit. `record(entry)` makes the library's struct of the entry.
template <class Out, class Items, class Record>
vb_status_t entry_of(const char* function, const vb_social_map_t* map, std::size_t i, Out* out,
                     std::size_t first_size, const char* type_name, Items verbind::SocialMap::*items,
                     const char* section, Record&& record) {
    return guarded(function, [&] {
        const social_map_handle& m = map_of(map);
        require(out, "out");
        check_result_size(out, first_size, type_name);
        write_result(out, record(entry(m.map.*items, i, section)));
    });
}

}  // namespace

extern "C" {

vb_status_t vb_social_map(const vb_network_t* net, const vb_social_map_options_t* options, vb_social_map_t** out) {
    return guarded("vb_social_map", [&] {
        require(out, "out");
        *out = nullptr;
        require(net, "net");
        const verbind::SocialMapOptions o = social_map_options(options);
        *out = make_social_map(verbind::social_map(net->network, o));
    });
}

void vb_social_map_free(vb_social_map_t* map) {
    if (VB_FREEABLE(map)) delete map;
}

#define VB_MAP_COUNT(name, section) \
  size_t name(const vb_social_map_t* map) { return VB_USABLE(map) ? map->map.section.size() : 0; }
VB_MAP_COUNT(vb_social_map_key_figure_count, key_figures)
VB_MAP_COUNT(vb_social_map_broker_count, brokers)
VB_MAP_COUNT(vb_social_map_organisation_count, organisations)
VB_MAP_COUNT(vb_social_map_fragile_point_count, fragile_points)
VB_MAP_COUNT(vb_social_map_fragile_tie_count, fragile_ties)
VB_MAP_COUNT(vb_social_map_community_count, communities)
VB_MAP_COUNT(vb_social_map_gap_count, gaps)

}  // extern "C"

extern "C" {

size_t vb_social_map_people(const vb_social_map_t* map) { return VB_USABLE(map) ? map->map.people : 0; }
size_t vb_social_map_ties(const vb_social_map_t* map) { return VB_USABLE(map) ? map->map.ties : 0; }
double vb_social_map_modularity(const vb_social_map_t* map) {
    return VB_USABLE(map) ? map->map.modularity : std::nan("");
}
size_t vb_social_map_group_count(const vb_social_map_t* map) { return VB_USABLE(map) ? map->groups.size() : 0; }
const char* vb_social_map_group(const vb_social_map_t* map, size_t g) {
    return VB_USABLE(map) && g < map->groups.size() ? map->groups[g].c_str() : nullptr;
}

vb_status_t vb_social_map_key_figure(const vb_social_map_t* map, size_t i, vb_key_figure_t* out) {
    return entry_of("vb_social_map_key_figure", map, i, out, key_figure_first_size, "vb_key_figure_t",
                    &verbind::SocialMap::key_figures, "key figures", [](const verbind::KeyFigure& k) {
                        return vb_key_figure_t{0,
                                               k.actor.c_str(),
                                               k.score,
                                               k.two_hop_reach,
                                               k.betweenness,
                                               k.cross_group_ties,
                                               k.recognised ? 1 : 0,
                                               k.trained ? 1 : 0,
                                               k.why.c_str()};
                    });
}

vb_status_t vb_social_map_broker(const vb_social_map_t* map, size_t i, vb_broker_t* out) {
    return entry_of("vb_social_map_broker", map, i, out, broker_first_size, "vb_broker_t",
                    &verbind::SocialMap::brokers, "brokers", [](const verbind::Broker& b) {
                        return vb_broker_t{
                            0, b.actor.c_str(), b.constraint, b.betweenness, b.communities.size(), b.why.c_str()};
                    });
}

vb_status_t vb_social_map_organisation(const vb_social_map_t* map, size_t i, vb_organisation_role_t* out) {
    return entry_of("vb_social_map_organisation", map, i, out, organisation_role_first_size, "vb_organisation_role_t",
                    &verbind::SocialMap::organisations, "organisations", [](const verbind::OrganisationRole& o) {
                        return vb_organisation_role_t{0,
                                                      o.actor.c_str(),
                                                      o.kind.c_str(),
                                                      o.residents_tied,
                                                      o.disconnected_without,
                                                      o.pairs_far_apart_without,
                                                      o.why.c_str()};
                    });
}

vb_status_t vb_social_map_fragile_point(const vb_social_map_t* map, size_t i, vb_fragile_t* out) {
    return entry_of("vb_social_map_fragile_point", map, i, out, fragile_first_size, "vb_fragile_t",
                    &verbind::SocialMap::fragile_points, "fragile points", [](const verbind::FragilePoint& p) {
                        return vb_fragile_t{0, p.actor.c_str(), nullptr, p.cut_off, p.why.c_str()};
                    });
}

vb_status_t vb_social_map_fragile_tie(const vb_social_map_t* map, size_t i, vb_fragile_t* out) {
    return entry_of("vb_social_map_fragile_tie", map, i, out, fragile_first_size, "vb_fragile_t",
                    &verbind::SocialMap::fragile_ties, "fragile ties", [](const verbind::FragileTie& t) {
                        return vb_fragile_t{0, t.a.c_str(), t.b.c_str(), t.cut_off, t.why.c_str()};
                    });
}

vb_status_t vb_social_map_community(const vb_social_map_t* map, size_t i, vb_community_t* out) {
    return entry_of("vb_social_map_community", map, i, out, community_first_size, "vb_community_t",
                    &verbind::SocialMap::communities, "communities", [](const verbind::CommunitySummary& c) {
                        return vb_community_t{
                            0, c.id, c.size, c.density, c.ei_index, c.expected_ei_index, c.why.c_str()};
                    });
}

vb_status_t vb_social_map_gap(const vb_social_map_t* map, size_t i, vb_gap_t* out) {
    return entry_of("vb_social_map_gap", map, i, out, gap_first_size, "vb_gap_t", &verbind::SocialMap::gaps, "gaps",
                    [](const verbind::Gap& g) {
                        return vb_gap_t{0,
                                        g.kind.c_str(),
                                        g.name.c_str(),
                                        g.people.value_or(0),
                                        status_of(g.people),
                                        or_nan(g.share_of_ties_outside),
                                        or_nan(g.ei_index),
                                        g.why.c_str()};
                    });
}

vb_status_t vb_social_map_broker_community(const vb_social_map_t* map, size_t i, size_t k, uint32_t* out) {
    return guarded("vb_social_map_broker_community", [&] {
        const social_map_handle& m = map_of(map);
        require(out, "out");
        const auto& b = entry(m.map.brokers, i, "brokers");
        if (k >= b.communities.size())
            throw argument_error("argument 'k' is " + std::to_string(k) + ", but broker " + std::to_string(i) +
                                 " has " + std::to_string(b.communities.size()) + " communities");
        *out = b.communities[k];
    });
}

vb_status_t vb_social_map_cell(const vb_social_map_t* map, size_t i, size_t g, vb_people_count_t* out) {
    return guarded("vb_social_map_cell", [&] {
        const social_map_handle& m = map_of(map);
        require(out, "out");
        check_result_size(out, people_count_first_size, "vb_people_count_t");
        const auto& cell = cell_of(m, i, g);
        write_result(out, vb_people_count_t{0, cell.value_or(0), status_of(cell)});
    });
}

}  // extern "C"
