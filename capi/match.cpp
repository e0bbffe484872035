// The C ABI of the match capability: assignment and introductions.
#include "capi_internal.hpp"

#include "verbind/match/assignment.hpp"
#include "verbind/match/introductions.hpp"
#include "verbind/model/date.hpp"
#include "verbind/util/random.hpp"

#include <cstddef>
#include <limits>

struct vb_assignment {
    verbind::AssignmentResult result;
};

struct vb_introduction_list {
    std::vector<verbind::Introduction> items;
};

using namespace verbind::capi;

namespace {

#define VB_FIRST_SIZE(type, last_field) (offsetof(type, last_field) + sizeof(type::last_field))
constexpr std::size_t assign_options_first_size = VB_FIRST_SIZE(vb_assign_options_t, maximize);
constexpr std::size_t introduction_options_first_size = VB_FIRST_SIZE(vb_introduction_options_t, threads);

vb_assign_options_t assign_defaults() {
    vb_assign_options_t o;
    std::memset(&o, 0, sizeof o);
    o.struct_size = sizeof o;
    return o;
}

vb_introduction_options_t introduction_defaults() {
    vb_introduction_options_t o;
    std::memset(&o, 0, sizeof o);
    o.struct_size = sizeof o;
    o.per_person = 2;
    o.limit = -1;
    o.min_shared = 1;
    o.seed = verbind::default_seed;
    return o;
}

verbind::CostMatrix cost_matrix(const double* cost, std::size_t rows, std::size_t cols) {
    if (rows != 0 && cols > std::numeric_limits<std::size_t>::max() / rows)
        throw argument_error("rows * cols overflows");
    if (rows * cols != 0) require(cost, "cost");
    return {std::span<const double>(cost, rows * cols), rows, cols};
}

std::vector<std::int64_t> capacity_list(const std::int64_t* values, std::size_t count, const char* name) {
    if (count == 0) return {1};
    require(values, name);
    return std::vector<std::int64_t>(values, values + count);
}

const verbind::Introduction* item(const vb_introductions_t* intros, std::size_t i) {
    if (intros == nullptr || i >= intros->items.size()) return nullptr;
    return &intros->items[i];
}

const std::vector<std::string>* list_of(const vb_introductions_t* intros, std::size_t i, int what) {
    const auto* intro = item(intros, i);
    if (intro == nullptr) return nullptr;
    switch (what) {
        case VB_INTRODUCTION_SHARED_TALENTS: return &intro->shared_talents;
        case VB_INTRODUCTION_BRIDGES: return &intro->bridges;
        case VB_INTRODUCTION_VIA: return &intro->via;
        default: return nullptr;
    }
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
        cxx.row_capacity = capacity_list(o.row_capacity, o.row_capacity_count, "options->row_capacity");
        cxx.col_capacity = capacity_list(o.col_capacity, o.col_capacity_count, "options->col_capacity");
        cxx.maximize = o.maximize != 0;
        auto result = verbind::assign(cost_matrix(cost, rows, cols), cxx);
        *out = make_handle<vb_assignment>(std::move(result));
    });
}

size_t vb_assignment_count(const vb_assignment_t* assignment) {
    return assignment ? assignment->result.rows.size() : 0;
}
const int64_t* vb_assignment_rows(const vb_assignment_t* assignment) {
    return assignment ? assignment->result.rows.data() : nullptr;
}
const int64_t* vb_assignment_cols(const vb_assignment_t* assignment) {
    return assignment ? assignment->result.cols.data() : nullptr;
}
double vb_assignment_total(const vb_assignment_t* assignment) { return assignment ? assignment->result.total : 0.0; }
void vb_assignment_free(vb_assignment_t* assignment) { delete assignment; }

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
        auto items = verbind::introductions(net->network, cxx);
        *out = new vb_introduction_list{std::move(items)};
    });
}

size_t vb_introductions_count(const vb_introductions_t* intros) { return intros ? intros->items.size() : 0; }
const char* vb_introduction_a(const vb_introductions_t* intros, size_t i) {
    const auto* intro = item(intros, i);
    return intro ? intro->a.c_str() : nullptr;
}
const char* vb_introduction_b(const vb_introductions_t* intros, size_t i) {
    const auto* intro = item(intros, i);
    return intro ? intro->b.c_str() : nullptr;
}
double vb_introduction_score(const vb_introductions_t* intros, size_t i) {
    const auto* intro = item(intros, i);
    return intro ? intro->score : 0.0;
}
size_t vb_introduction_list_count(const vb_introductions_t* intros, size_t i, int what) {
    const auto* list = list_of(intros, i, what);
    return list ? list->size() : 0;
}
const char* vb_introduction_list_item(const vb_introductions_t* intros, size_t i, int what, size_t k) {
    const auto* list = list_of(intros, i, what);
    return list && k < list->size() ? (*list)[k].c_str() : nullptr;
}
void vb_introductions_free(vb_introductions_t* intros) { delete intros; }

}  // extern "C"
