// The C ABI of the match capability: assignment, introductions, stable
// matching and tables.
#include "capi_internal.hpp"

#include "verbind/match/assignment.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/match/stable.hpp"
#include "verbind/match/tables.hpp"
#include "verbind/model/date.hpp"
#include "verbind/util/random.hpp"

#include <cstddef>
#include <limits>

struct vb_assignment {
    VB_HANDLE_TAG(vb_assignment);
    verbind::AssignmentResult result;
};
VB_HANDLE_LAYOUT(vb_assignment)

struct vb_introduction_list {
    VB_HANDLE_TAG(vb_introduction_list);
    std::vector<verbind::Introduction> items;
};
VB_HANDLE_LAYOUT(vb_introduction_list)

// `items` points into `pairs`, which never changes after construction.
struct vb_match_pair_list {
    VB_HANDLE_TAG(vb_match_pair_list);
    verbind::StableMatching pairs;
    std::vector<vb_match_pair_t> items;

    explicit vb_match_pair_list(verbind::StableMatching p) : pairs(std::move(p)) {
        items.reserve(pairs.size());
        for (const auto& [proposer, reviewer] : pairs)
            items.push_back({proposer.c_str(), reviewer ? reviewer->c_str() : nullptr});
    }
};
VB_HANDLE_LAYOUT(vb_match_pair_list)

struct vb_table_list {
    VB_HANDLE_TAG(vb_table_list);
    std::vector<verbind::Table> tables;
};
VB_HANDLE_LAYOUT(vb_table_list)

using namespace verbind::capi;

namespace {

constexpr std::size_t assign_options_first_size = VB_FIRST_SIZE(vb_assign_options_t, maximize);
constexpr std::size_t introduction_options_first_size = VB_FIRST_SIZE(vb_introduction_options_t, threads);
constexpr std::size_t stable_options_first_size = VB_FIRST_SIZE(vb_stable_options_t, capacity_count);
constexpr std::size_t table_options_first_size = VB_FIRST_SIZE(vb_table_options_t, seed);

// Read from default-constructed C++ options, never restated.
vb_introduction_options_t introduction_defaults() {
    static const verbind::IntroductionOptions core;
    auto o = zeroed_options<vb_introduction_options_t>();
    o.per_person = core.per_person;
    o.limit = core.limit ? static_cast<int64_t>(*core.limit) : -1;  // -1: no limit
    o.min_shared = core.min_shared;
    o.seed = verbind::seed_or_default(core.seed);
    o.threads = core.threads;
    o.include_sensitive = core.include_sensitive ? 1 : 0;
    return o;
}

// Read from a default-constructed AssignOptions: its capacities (one value,
// 1) are what a count of 0 means, so the arrays stay NULL.
vb_assign_options_t assign_defaults() {
    static const verbind::AssignOptions core;
    auto o = zeroed_options<vb_assign_options_t>();
    o.maximize = core.maximize ? 1 : 0;
    return o;
}

// Read from a default-constructed ReviewerCapacities, never restated.
vb_stable_options_t stable_defaults() {
    static const verbind::ReviewerCapacities core;
    auto o = zeroed_options<vb_stable_options_t>();
    o.capacity = core.all;
    return o;
}

vb_table_options_t table_defaults() {
    static const verbind::TableOptions core;
    auto o = zeroed_options<vb_table_options_t>();
    o.size = core.size;
    o.seed = verbind::seed_or_default(core.seed);
    return o;
}

verbind::PreferenceLists preference_lists(const vb_preference_list_t* lists, std::size_t count, const char* name) {
    if (count > 0) require(lists, name);
    verbind::PreferenceLists out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const std::string where = std::string(name) + "[" + std::to_string(i) + "]";
        if (lists[i].owner == nullptr) throw argument_error("argument '" + where + ".owner' is NULL");
        out.emplace_back(lists[i].owner,
                         string_list(lists[i].ranked, lists[i].ranked_count, (where + ".ranked").c_str()));
    }
    return out;
}

verbind::ReviewerCapacities reviewer_capacities(const vb_stable_options_t* options) {
    vb_stable_options_t o = stable_defaults();
    read_options(options, stable_options_first_size, o, "vb_stable_options_t");
    if (o.capacity < 0)
        throw argument_error("field 'options->capacity' is " + std::to_string(o.capacity) + ", must be >= 0");
    verbind::ReviewerCapacities caps;
    caps.all = o.capacity;
    const auto reviewers = string_list(o.capacity_reviewers, o.capacity_count, "options->capacity_reviewers");
    if (o.capacity_count > 0) require(o.capacities, "options->capacities");
    for (std::size_t k = 0; k < reviewers.size(); ++k) caps.by_reviewer.emplace_back(reviewers[k], o.capacities[k]);
    return caps;
}

verbind::StableMatching matching_of(const vb_match_pair_t* pairs, std::size_t count) {
    if (count > 0) require(pairs, "matching");
    verbind::StableMatching out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (pairs[i].proposer == nullptr)
            throw argument_error("argument 'matching[" + std::to_string(i) + "].proposer' is NULL");
        out.emplace_back(pairs[i].proposer,
                         pairs[i].reviewer ? std::optional<std::string>(pairs[i].reviewer) : std::nullopt);
    }
    return out;
}

const verbind::Table* table_at(const vb_tables_t* tables, std::size_t i, const char* function) {
    if (!usable(tables, function, "tables") || i >= tables->tables.size()) return nullptr;
    return &tables->tables[i];
}

// Table i's list `list`; argument_error naming what is wrong.
const std::vector<std::string>& table_list(const vb_tables_t* tables, std::size_t i,
                                           const vb_table_list_kind_t& list) {
    require(tables, "tables");
    if (i >= tables->tables.size())
        throw argument_error("argument 'i' is " + std::to_string(i) + ", but there are " +
                             std::to_string(tables->tables.size()) + " tables");
    const verbind::Table& table = tables->tables[i];
    switch (enum_value(list)) {
        case VB_TABLE_MEMBERS: return table.members;
        case VB_TABLE_SHARED_TALENTS: return table.shared_talents;
        case VB_TABLE_UNCONNECTED: return table.unconnected;
    }
    throw argument_error("argument 'list' is " + std::to_string(enum_value(list)) + ", not a vb_table_list_kind_t");
}

// Item k of `items`, a list of `what`; argument_error when k is out of range.
const char* list_item(const std::vector<std::string>& items, std::size_t k) {
    if (k >= items.size())
        throw argument_error("argument 'k' is " + std::to_string(k) + ", but the list has " +
                             std::to_string(items.size()) + " items");
    return items[k].c_str();
}

verbind::CostMatrix cost_matrix(const double* cost, std::size_t rows, std::size_t cols) {
    if (rows != 0 && cols > std::numeric_limits<std::size_t>::max() / rows)
        throw argument_error("rows * cols overflows");
    if (rows * cols != 0) require(cost, "cost");
    return {std::span<const double>(cost, rows * cols), rows, cols};
}

// A capacity array; a count of 0 is the C++ default (`fallback`).
std::vector<std::int64_t> capacity_list(const std::int64_t* values, std::size_t count, const char* name,
                                        const std::vector<std::int64_t>& fallback) {
    if (count == 0) return fallback;
    require(values, name);
    return std::vector<std::int64_t>(values, values + count);
}

const verbind::Introduction* item(const vb_introductions_t* intros, std::size_t i, const char* function) {
    if (!usable(intros, function, "intros") || i >= intros->items.size()) return nullptr;
    return &intros->items[i];
}

// Suggestion i's list `list`; argument_error naming what is wrong.
const std::vector<std::string>& list_of(const vb_introductions_t* intros, std::size_t i,
                                        const vb_introduction_list_kind_t& list) {
    require(intros, "intros");
    if (i >= intros->items.size())
        throw argument_error("argument 'i' is " + std::to_string(i) + ", but there are " +
                             std::to_string(intros->items.size()) + " suggestions");
    const verbind::Introduction& intro = intros->items[i];
    switch (enum_value(list)) {
        case VB_INTRODUCTION_SHARED_TALENTS: return intro.shared_talents;
        case VB_INTRODUCTION_BRIDGES: return intro.bridges;
        case VB_INTRODUCTION_VIA: return intro.via;
    }
    throw argument_error("argument 'list' is " + std::to_string(enum_value(list)) +
                         ", not a vb_introduction_list_kind_t");
}

}  // namespace

extern "C" {

vb_status_t vb_linear_assignment(const double* cost, size_t rows, size_t cols, int maximize, vb_assignment_t** out) {
    static const char fn[] = "vb_linear_assignment";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        auto result = verbind::linear_assignment(cost_matrix(cost, rows, cols), maximize != 0);
        *out = make_handle<vb_assignment>(std::move(result));
    });
}

void vb_assign_options_init_sized(vb_assign_options_t* options, size_t struct_size) {
    init_options(options, struct_size, assign_options_first_size, assign_defaults());
}

vb_status_t vb_assign(const double* cost, size_t rows, size_t cols, const vb_assign_options_t* options,
                      vb_assignment_t** out) {
    static const char fn[] = "vb_assign";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        vb_assign_options_t o = assign_defaults();
        read_options(options, assign_options_first_size, o, "vb_assign_options_t");
        verbind::AssignOptions cxx;
        const verbind::AssignOptions core;
        cxx.row_capacity =
            capacity_list(o.row_capacity, o.row_capacity_count, "options->row_capacity", core.row_capacity);
        cxx.col_capacity =
            capacity_list(o.col_capacity, o.col_capacity_count, "options->col_capacity", core.col_capacity);
        cxx.maximize = o.maximize != 0;
        auto result = verbind::assign(cost_matrix(cost, rows, cols), cxx);
        *out = make_handle<vb_assignment>(std::move(result));
    });
}

size_t vb_assignment_count(const vb_assignment_t* assignment) {
    return VB_USABLE(assignment) ? assignment->result.rows.size() : 0;
}
vb_status_t vb_assignment_pairs(const vb_assignment_t* assignment, size_t capacity, int64_t* rows, int64_t* cols) {
    return guarded("vb_assignment_pairs", [&] {
        require(assignment, "assignment");
        const auto& r = assignment->result;
        if (capacity < r.rows.size())
            throw argument_error("argument 'capacity' is " + std::to_string(capacity) + ", but the assignment has " +
                                 std::to_string(r.rows.size()) + " pairs (vb_assignment_count)");
        if (rows) std::copy(r.rows.begin(), r.rows.end(), rows);
        if (cols) std::copy(r.cols.begin(), r.cols.end(), cols);
    });
}
double vb_assignment_total(const vb_assignment_t* assignment) {
    return VB_USABLE(assignment) ? assignment->result.total : 0.0;
}
void vb_assignment_free(vb_assignment_t* assignment) {
    if (VB_FREEABLE(assignment)) delete assignment;
}

void vb_introduction_options_init_sized(vb_introduction_options_t* options, size_t struct_size) {
    init_options(options, struct_size, introduction_options_first_size, introduction_defaults());
}

vb_status_t vb_introductions(const vb_network_t* net, const vb_introduction_options_t* options,
                             vb_introductions_t** out) {
    static const char fn[] = "vb_introductions";
    return guarded(fn, [&] {
        require(out, "out");
        *out = nullptr;
        require(net, "net");
        vb_introduction_options_t o = introduction_defaults();
        read_options(options, introduction_options_first_size, o, "vb_introduction_options_t");
        verbind::IntroductionOptions cxx;
        cxx.per_person = o.per_person;
        if (o.limit >= 0) cxx.limit = static_cast<std::size_t>(o.limit);
        cxx.municipality = std::string(optional_text(o.municipality));
        if (o.start && *o.start) cxx.start = verbind::parse_date(o.start, "introductions: start");
        if (o.end && *o.end) cxx.end = verbind::parse_date(o.end, "introductions: end");
        cxx.min_shared = o.min_shared;
        cxx.seed = o.seed;
        cxx.threads = o.threads;
        cxx.include_sensitive = o.include_sensitive != 0;
        auto items = verbind::introductions(net->network, cxx);
        *out = make_handle<vb_introduction_list>(std::move(items));
    });
}

size_t vb_introductions_count(const vb_introductions_t* intros) {
    return VB_USABLE(intros) ? intros->items.size() : 0;
}
const char* vb_introduction_a(const vb_introductions_t* intros, size_t i) {
    const auto* intro = item(intros, i, __func__);
    return intro ? intro->a.c_str() : nullptr;
}
const char* vb_introduction_b(const vb_introductions_t* intros, size_t i) {
    const auto* intro = item(intros, i, __func__);
    return intro ? intro->b.c_str() : nullptr;
}
double vb_introduction_score(const vb_introductions_t* intros, size_t i) {
    const auto* intro = item(intros, i, __func__);
    return intro ? intro->score : 0.0;
}
vb_status_t vb_introduction_list_count(const vb_introductions_t* intros, size_t i, vb_introduction_list_kind_t list,
                                       size_t* count) {
    return guarded("vb_introduction_list_count", [&] {
        require(count, "count");
        *count = 0;
        *count = list_of(intros, i, list).size();
    });
}
vb_status_t vb_introduction_list_item(const vb_introductions_t* intros, size_t i, vb_introduction_list_kind_t list,
                                      size_t k, const char** item) {
    return guarded("vb_introduction_list_item", [&] {
        require(item, "item");
        *item = nullptr;
        *item = list_item(list_of(intros, i, list), k);
    });
}
const char* vb_introduction_via_reason(const vb_introductions_t* intros, size_t i, size_t k) {
    const auto* intro = item(intros, i, __func__);
    if (intro == nullptr || k >= intro->via_kinds.size()) return nullptr;
    return verbind::to_string(intro->via_kinds[k]).data();  // static text, NUL-terminated
}
void vb_introductions_free(vb_introductions_t* intros) {
    if (VB_FREEABLE(intros)) delete intros;
}

void vb_stable_options_init_sized(vb_stable_options_t* options, size_t struct_size) {
    init_options(options, struct_size, stable_options_first_size, stable_defaults());
}

vb_status_t vb_stable_match(const vb_preference_list_t* proposer_prefs, size_t proposer_count,
                            const vb_preference_list_t* reviewer_prefs, size_t reviewer_count,
                            const vb_stable_options_t* options, vb_match_pairs_t** out) {
    return guarded("vb_stable_match", [&] {
        require(out, "out");
        *out = nullptr;
        const auto proposers = preference_lists(proposer_prefs, proposer_count, "proposer_prefs");
        const auto reviewers = preference_lists(reviewer_prefs, reviewer_count, "reviewer_prefs");
        auto matching = verbind::stable_match(proposers, reviewers, reviewer_capacities(options));
        *out = new vb_match_pair_list(std::move(matching));
    });
}

vb_status_t vb_blocking_pairs(const vb_preference_list_t* proposer_prefs, size_t proposer_count,
                              const vb_preference_list_t* reviewer_prefs, size_t reviewer_count,
                              const vb_match_pair_t* matching, size_t matching_count,
                              const vb_stable_options_t* options, vb_match_pairs_t** out) {
    return guarded("vb_blocking_pairs", [&] {
        require(out, "out");
        *out = nullptr;
        const auto proposers = preference_lists(proposer_prefs, proposer_count, "proposer_prefs");
        const auto reviewers = preference_lists(reviewer_prefs, reviewer_count, "reviewer_prefs");
        const auto pairs = verbind::blocking_pairs(proposers, reviewers, matching_of(matching, matching_count),
                                                   reviewer_capacities(options));
        verbind::StableMatching blocking;
        blocking.reserve(pairs.size());
        for (const auto& [proposer, reviewer] : pairs) blocking.emplace_back(proposer, reviewer);
        *out = new vb_match_pair_list(std::move(blocking));
    });
}

size_t vb_match_pairs_count(const vb_match_pairs_t* pairs) { return VB_USABLE(pairs) ? pairs->items.size() : 0; }
const char* vb_match_pairs_proposer(const vb_match_pairs_t* pairs, size_t i) {
    return VB_USABLE(pairs) && i < pairs->items.size() ? pairs->items[i].proposer : nullptr;
}
const char* vb_match_pairs_reviewer(const vb_match_pairs_t* pairs, size_t i) {
    return VB_USABLE(pairs) && i < pairs->items.size() ? pairs->items[i].reviewer : nullptr;
}
void vb_match_pairs_free(vb_match_pairs_t* pairs) {
    if (VB_FREEABLE(pairs)) delete pairs;
}

void vb_table_options_init_sized(vb_table_options_t* options, size_t struct_size) {
    init_options(options, struct_size, table_options_first_size, table_defaults());
}

vb_status_t vb_tables(const vb_network_t* net, const char* event, const vb_table_options_t* options,
                      vb_tables_t** out) {
    return guarded("vb_tables", [&] {
        require(out, "out");
        *out = nullptr;
        require(net, "net");
        require(event, "event");
        vb_table_options_t o = table_defaults();
        read_options(options, table_options_first_size, o, "vb_table_options_t");
        verbind::TableOptions cxx;
        cxx.size = o.size;
        cxx.seed = o.seed;
        *out = make_handle<vb_table_list>(verbind::tables(net->network, event, cxx));
    });
}

size_t vb_tables_count(const vb_tables_t* tables) { return VB_USABLE(tables) ? tables->tables.size() : 0; }
vb_status_t vb_table_list_count(const vb_tables_t* tables, size_t i, vb_table_list_kind_t list, size_t* count) {
    return guarded("vb_table_list_count", [&] {
        require(count, "count");
        *count = 0;
        *count = table_list(tables, i, list).size();
    });
}
vb_status_t vb_table_list_item(const vb_tables_t* tables, size_t i, vb_table_list_kind_t list, size_t k,
                               const char** item) {
    return guarded("vb_table_list_item", [&] {
        require(item, "item");
        *item = nullptr;
        *item = list_item(table_list(tables, i, list), k);
    });
}
size_t vb_table_groups(const vb_tables_t* tables, size_t i) {
    const auto* table = table_at(tables, i, __func__);
    return table ? table->groups : 0;
}
double vb_table_group_mix(const vb_tables_t* tables, size_t i) {
    const auto* table = table_at(tables, i, __func__);
    return table ? table->group_mix : 0.0;
}
void vb_tables_free(vb_tables_t* tables) {
    if (VB_FREEABLE(tables)) delete tables;
}

}  // extern "C"
