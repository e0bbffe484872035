// The social map through typed accessors (verbind.h, "The social map through
// accessors"): the verbind::SocialMap that vb_social_map_json writes as
// JSON, held in a handle and read field by field, with the community x group
// table laid out as rows x columns and each cell's suppression status.
#include "capi_internal.hpp"

#include "verbind/model/date.hpp"
#include "verbind/socialmap/social_map.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace {

// The first member of every vb_social_map: a handle of another type (cast
// by mistake) does not carry it and is refused instead of read.
constexpr std::uint32_t social_map_tag = 0x5642534d;  // "VBSM"

}  // namespace

struct vb_social_map {
    std::uint32_t tag = social_map_tag;
    verbind::SocialMap map;
    // The community x group table: columns (sorted group names) and, per
    // community of map.communities, one cell per column (none: suppressed).
    std::vector<std::string> groups;
    std::vector<std::vector<std::optional<std::size_t>>> cells;
};
// The function vb_social_map hides the struct's name in C++.
using social_map_handle = struct vb_social_map;

using namespace verbind::capi;

namespace {

// The caller's options as the core's (NULL: vb_social_map_options_init's
// defaults, which come from the C++ SocialMapOptions).
verbind::SocialMapOptions social_map_options_of(const vb_social_map_options_t* given) {
    vb_social_map_options_t c;
    (vb_social_map_options_init_sized)(&c, sizeof c);
    read_options(given, VB_FIRST_SIZE(vb_social_map_options_t, include_sensitive), c, "vb_social_map_options_t");
    verbind::SocialMapOptions o;
    o.municipality = std::string(optional_text(c.municipality));
    o.neighbourhood = std::string(optional_text(c.neighbourhood));
    if (c.start && *c.start) o.start = verbind::parse_date(c.start, "argument 'options' field 'start'");
    if (c.end && *c.end) o.end = verbind::parse_date(c.end, "argument 'options' field 'end'");
    o.top = c.top;
    o.seed = c.seed;
    o.threads = c.threads;
    o.min_cell = c.min_cell;
    o.include_sensitive = c.include_sensitive != 0;
    o.progress = progress_of(c.progress, c.progress_data);
    return o;
}

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
    if (map->tag != social_map_tag)
        throw argument_error("argument 'map' is not a vb_social_map_t (a handle of another type?)");
    return *map;
}

template <class T>
T& out_arg(T* out) {
    require(out, "out");
    return *out;
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

// The number of a count of people that may be suppressed; refused when it is.
std::size_t people_of(const std::optional<std::size_t>& people, const std::string& what) {
    if (!people)
        throw argument_error(what + ": the count is suppressed (fewer than min_cell people, or withheld so that "
                                    "such a count cannot be worked out); there is no number to give");
    return *people;
}

}  // namespace

extern "C" {

vb_status_t vb_social_map(const vb_network_t* net, const vb_social_map_options_t* options, vb_social_map_t** out) {
    return guarded("vb_social_map", [&] {
        require(out, "out");
        *out = nullptr;
        require(net, "net");
        const verbind::SocialMapOptions o = social_map_options_of(options);
        *out = make_social_map(verbind::social_map(net->network, o));
    });
}

void vb_social_map_free(vb_social_map_t* map) {
    if (map == nullptr) return;
    if (map->tag != social_map_tag) {
        set_error("vb_social_map_free",
                  "argument 'map' is not a vb_social_map_t (a handle of another type?); not freed");
        return;
    }
    delete map;
}

#define VB_MAP_COUNT(name, section) \
  size_t name(const vb_social_map_t* map) { return map && map->tag == social_map_tag ? map->map.section.size() : 0; }
VB_MAP_COUNT(vb_social_map_key_figure_count, key_figures)
VB_MAP_COUNT(vb_social_map_broker_count, brokers)
VB_MAP_COUNT(vb_social_map_organisation_count, organisations)
VB_MAP_COUNT(vb_social_map_fragile_point_count, fragile_points)
VB_MAP_COUNT(vb_social_map_fragile_tie_count, fragile_ties)
VB_MAP_COUNT(vb_social_map_community_count, communities)
VB_MAP_COUNT(vb_social_map_gap_count, gaps)

size_t vb_social_map_group_count(const vb_social_map_t* map) {
    return map && map->tag == social_map_tag ? map->groups.size() : 0;
}

}  // extern "C"

// A whole-map value: `value` is an expression of m.
#define VB_MAP_VALUE(name, type, value) \
  vb_status_t name(const vb_social_map_t* map, type* out) { \
    return guarded(#name, [&] { \
  const social_map_handle& m = map_of(map); \
  type& result = out_arg(out); \
  result = value; \
    }); \
  }
// A field of entry i of a section: `value` is an expression of e (the entry)
// and m.
#define VB_MAP_FIELD(name, section, label, type, value) \
  vb_status_t name(const vb_social_map_t* map, size_t i, type* out) { \
    return guarded(#name, [&] { \
  const social_map_handle& m = map_of(map); \
  type& result = out_arg(out); \
  const auto& e = entry(m.map.section, i, label); \
  (void)e; \
  result = value; \
    }); \
  }

extern "C" {

VB_MAP_VALUE(vb_social_map_people, size_t, m.map.people)
VB_MAP_VALUE(vb_social_map_ties, size_t, m.map.ties)
VB_MAP_VALUE(vb_social_map_modularity, double, m.map.modularity)

VB_MAP_FIELD(vb_social_map_key_figure_actor, key_figures, "key figures", const char*, e.actor.c_str())
VB_MAP_FIELD(vb_social_map_key_figure_score, key_figures, "key figures", double, e.score)
VB_MAP_FIELD(vb_social_map_key_figure_two_hop_reach, key_figures, "key figures", size_t, e.two_hop_reach)
VB_MAP_FIELD(vb_social_map_key_figure_betweenness, key_figures, "key figures", double, e.betweenness)
VB_MAP_FIELD(vb_social_map_key_figure_cross_group_ties, key_figures, "key figures", size_t, e.cross_group_ties)
VB_MAP_FIELD(vb_social_map_key_figure_recognised, key_figures, "key figures", int, e.recognised ? 1 : 0)
VB_MAP_FIELD(vb_social_map_key_figure_trained, key_figures, "key figures", int, e.trained ? 1 : 0)
VB_MAP_FIELD(vb_social_map_key_figure_why, key_figures, "key figures", const char*, e.why.c_str())

VB_MAP_FIELD(vb_social_map_broker_actor, brokers, "brokers", const char*, e.actor.c_str())
VB_MAP_FIELD(vb_social_map_broker_constraint, brokers, "brokers", double, e.constraint)
VB_MAP_FIELD(vb_social_map_broker_betweenness, brokers, "brokers", double, e.betweenness)
VB_MAP_FIELD(vb_social_map_broker_community_count, brokers, "brokers", size_t, e.communities.size())
VB_MAP_FIELD(vb_social_map_broker_why, brokers, "brokers", const char*, e.why.c_str())

VB_MAP_FIELD(vb_social_map_organisation_actor, organisations, "organisations", const char*, e.actor.c_str())
VB_MAP_FIELD(vb_social_map_organisation_kind, organisations, "organisations", const char*, e.kind.c_str())
VB_MAP_FIELD(vb_social_map_organisation_residents_tied, organisations, "organisations", size_t, e.residents_tied)
VB_MAP_FIELD(vb_social_map_organisation_disconnected_without, organisations, "organisations", size_t,
             e.disconnected_without)
VB_MAP_FIELD(vb_social_map_organisation_pairs_far_apart_without, organisations, "organisations", size_t,
             e.pairs_far_apart_without)
VB_MAP_FIELD(vb_social_map_organisation_why, organisations, "organisations", const char*, e.why.c_str())

VB_MAP_FIELD(vb_social_map_fragile_point_actor, fragile_points, "fragile points", const char*, e.actor.c_str())
VB_MAP_FIELD(vb_social_map_fragile_point_cut_off, fragile_points, "fragile points", size_t, e.cut_off)
VB_MAP_FIELD(vb_social_map_fragile_point_why, fragile_points, "fragile points", const char*, e.why.c_str())
VB_MAP_FIELD(vb_social_map_fragile_tie_a, fragile_ties, "fragile ties", const char*, e.a.c_str())
VB_MAP_FIELD(vb_social_map_fragile_tie_b, fragile_ties, "fragile ties", const char*, e.b.c_str())
VB_MAP_FIELD(vb_social_map_fragile_tie_cut_off, fragile_ties, "fragile ties", size_t, e.cut_off)
VB_MAP_FIELD(vb_social_map_fragile_tie_why, fragile_ties, "fragile ties", const char*, e.why.c_str())

VB_MAP_FIELD(vb_social_map_community_id, communities, "communities", uint32_t, e.id)
VB_MAP_FIELD(vb_social_map_community_size, communities, "communities", size_t, e.size)
VB_MAP_FIELD(vb_social_map_community_density, communities, "communities", double, e.density)
VB_MAP_FIELD(vb_social_map_community_ei_index, communities, "communities", double, e.ei_index)
VB_MAP_FIELD(vb_social_map_community_expected_ei_index, communities, "communities", double, e.expected_ei_index)
VB_MAP_FIELD(vb_social_map_community_why, communities, "communities", const char*, e.why.c_str())

VB_MAP_FIELD(vb_social_map_gap_kind, gaps, "gaps", const char*, e.kind.c_str())
VB_MAP_FIELD(vb_social_map_gap_name, gaps, "gaps", const char*, e.name.c_str())
VB_MAP_FIELD(vb_social_map_gap_people_status, gaps, "gaps", vb_value_status_t, status_of(e.people))
VB_MAP_FIELD(vb_social_map_gap_people, gaps, "gaps", size_t,
             people_of(e.people, "gap " + std::to_string(i) + " ('" + e.name + "')"))
VB_MAP_FIELD(vb_social_map_gap_share_of_ties_outside, gaps, "gaps", double, or_nan(e.share_of_ties_outside))
VB_MAP_FIELD(vb_social_map_gap_ei_index, gaps, "gaps", double, or_nan(e.ei_index))
VB_MAP_FIELD(vb_social_map_gap_why, gaps, "gaps", const char*, e.why.c_str())


vb_status_t vb_social_map_broker_community(const vb_social_map_t* map, size_t i, size_t k, uint32_t* out) {
    return guarded("vb_social_map_broker_community", [&] {
        const social_map_handle& m = map_of(map);
        uint32_t& result = out_arg(out);
        const auto& b = entry(m.map.brokers, i, "brokers");
        if (k >= b.communities.size())
            throw argument_error("argument 'k' is " + std::to_string(k) + ", but broker " + std::to_string(i) +
                                 " has " + std::to_string(b.communities.size()) + " communities");
        result = b.communities[k];
    });
}

vb_status_t vb_social_map_group(const vb_social_map_t* map, size_t g, const char** out) {
    return guarded("vb_social_map_group", [&] {
        const social_map_handle& m = map_of(map);
        const char*& result = out_arg(out);
        result = m.groups[column_arg(m, g)].c_str();
    });
}

vb_status_t vb_social_map_cell_status(const vb_social_map_t* map, size_t i, size_t g, vb_value_status_t* out) {
    return guarded("vb_social_map_cell_status", [&] {
        const social_map_handle& m = map_of(map);
        vb_value_status_t& result = out_arg(out);
        result = status_of(cell_of(m, i, g));
    });
}

vb_status_t vb_social_map_cell_people(const vb_social_map_t* map, size_t i, size_t g, size_t* out) {
    return guarded("vb_social_map_cell_people", [&] {
        const social_map_handle& m = map_of(map);
        size_t& result = out_arg(out);
        const auto& cell = cell_of(m, i, g);
        result = people_of(cell, "community " + std::to_string(i) + ", group '" + m.groups[g] + "'");
    });
}

}  // extern "C"
