// The social map's declared groups by community, suppressed as one table
// together with the numbers published beside it, and the two sections that
// publish from it: the communities and the gaps (docs/socialmap.md; the
// suppression rule: docs/privacy.md, "Counts that are linked").
#include "social_map_parts.hpp"

#include <algorithm>
#include <cmath>
#include <set>

namespace verbind::social_map_detail {

namespace {


// A count table (rows x cols, row-major, without margins) suppressed
// together with numbers published beside it (docs/privacy.md, "Counts that
// are linked"), the way suppress_small_cells does one table alone: `row_published[r]`, when given, is published whatever
// happens and differs from row r's total by a count assumed known (a
// community's size and its group memberships: the size counts members
// without a group once and members of two groups once); `grand_published`
// likewise for the grand total (everyone on the map). The result is laid
// out like suppress_small_cells' (rows + 1) x (cols + 1) table.
SuppressedTable suppress_with_published(const std::vector<std::uint64_t>& counts, std::size_t rows, std::size_t cols,
                                        const std::vector<std::uint64_t>& row_published,
                                        std::optional<std::uint64_t> grand_published,
                                        const SuppressionOptions& options) {
    SuppressedTable t;
    t.rows = rows + 1;
    t.cols = cols + 1;
    t.counts.assign(t.rows * t.cols, 0);
    for (std::size_t r = 0; r < rows; ++r)
        for (std::size_t c = 0; c < cols; ++c) {
            const auto v = counts[r * cols + c];
            t.counts[r * t.cols + c] = v;
            t.counts[r * t.cols + cols] += v;
            t.counts[rows * t.cols + c] += v;
            t.counts[rows * t.cols + cols] += v;
        }
    LinkedCells system;
    system.counts = t.counts;
    const std::size_t table = t.counts.size();
    for (std::size_t r = 0; r < t.rows; ++r) {
        std::vector<std::pair<std::size_t, std::int64_t>> line{{r * t.cols + cols, -1}};
        for (std::size_t c = 0; c < cols; ++c) line.emplace_back(r * t.cols + c, 1);
        system.relations.push_back(std::move(line));
    }
    for (std::size_t c = 0; c < t.cols; ++c) {
        std::vector<std::pair<std::size_t, std::int64_t>> line{{rows * t.cols + c, -1}};
        for (std::size_t r = 0; r < rows; ++r) line.emplace_back(r * t.cols + c, 1);
        system.relations.push_back(std::move(line));
    }
    for (std::size_t r = 0; r < row_published.size(); ++r) {
        system.counts.push_back(row_published[r]);
        system.relations.push_back({{system.counts.size() - 1, 1}, {r * t.cols + cols, -1}});
    }
    if (grand_published) {
        system.counts.push_back(*grand_published);
        system.relations.push_back({{system.counts.size() - 1, 1}, {rows * t.cols + cols, -1}});
    }
    system.published_anyway.assign(system.counts.size(), 0);
    for (std::size_t i = table; i < system.counts.size(); ++i) system.published_anyway[i] = 1;
    const LinkedSuppression s = suppress_linked_cells(system, options);
    t.suppressed.assign(s.suppressed.begin(), s.suppressed.begin() + static_cast<std::ptrdiff_t>(table));
    t.primary.assign(s.primary.begin(), s.primary.begin() + static_cast<std::ptrdiff_t>(table));
    return t;
}

// Entry (row, col) of a suppressed table as a GroupCount: no number when
// suppressed.
GroupCount published(const SuppressedTable& table, std::size_t row, std::size_t col, const std::string& group) {
    if (table.is_suppressed(row, col)) return {group, std::nullopt};
    return {group, static_cast<std::size_t>(table.count(row, col))};
}

}  // namespace


GroupMix group_mix(const MapData& d, const SuppressionOptions& suppression) {
    const std::size_t n = d.n;
    GroupMix out;
    {
        std::set<std::string> names;
        for (NodeId u = 0; u < n; ++u) names.insert(d.groups[u].begin(), d.groups[u].end());
        out.declared.assign(names.begin(), names.end());
    }
    const auto& declared = out.declared;
    const std::uint32_t k = *std::max_element(d.community.begin(), d.community.end()) + 1;
    out.k = k;
    if (!declared.empty()) {
        std::vector<std::uint64_t> counts(k * declared.size(), 0);
        for (NodeId u = 0; u < n; ++u)
            for (const auto& x : d.groups[u]) {
                const auto column = std::lower_bound(declared.begin(), declared.end(), x) - declared.begin();
                ++counts[d.community[u] * declared.size() + static_cast<std::size_t>(column)];
            }
        // Each community's size and the number of people on the map are
        // published beside the table: protected with it.
        std::vector<std::uint64_t> community_size(k, 0);
        for (NodeId u = 0; u < n; ++u) ++community_size[d.community[u]];
        out.mix = suppress_with_published(counts, k, declared.size(), community_size, n, suppression);
    }
    return out;
}

// --- communities ---------------------------------------------------------------------
std::vector<CommunitySummary> community_summaries(const MapData& d, const GroupMix& groups) {
    const Graph& g = d.g;
    const std::size_t n = d.n;
    const auto& community = d.community;
    const std::uint32_t k = groups.k;
    const auto& declared = groups.declared;
    const auto& mix = groups.mix;
    std::vector<CommunitySummary> out;
    std::vector<std::size_t> size(k, 0), internal(k, 0), external(k, 0);
    for (NodeId u = 0; u < n; ++u) ++size[community[u]];
    for (NodeId u = 0; u < n; ++u)
        for (NodeId v : g.neighbors(u)) {
            if (u > v) continue;
            if (community[u] == community[v])
                ++internal[community[u]];
            else
                ++external[community[u]], ++external[community[v]];
        }
    const double m = static_cast<double>(g.num_edges());
    const double nn = static_cast<double>(n);
    for (std::uint32_t c = 0; c < k; ++c) {
        if (size[c] < 2) continue;
        CommunitySummary s;
        s.id = c;
        s.size = size[c];
        const double sz = static_cast<double>(size[c]);
        s.density = static_cast<double>(internal[c]) / (sz * (sz - 1) / 2);
        const double e = static_cast<double>(external[c]), i = static_cast<double>(internal[c]);
        s.ei_index = e + i > 0 ? (e - i) / (e + i) : std::nan("");
        // Ratio of expected counts when |c| people are placed at random.
        const double exp_i = m * sz * (sz - 1) / (nn * (nn - 1));
        const double exp_e = m * 2 * sz * (nn - sz) / (nn * (nn - 1));
        s.expected_ei_index = exp_e + exp_i > 0 ? (exp_e - exp_i) / (exp_e + exp_i) : std::nan("");
        std::size_t suppressed = 0;
        if (mix) {
            for (std::size_t x = 0; x < declared.size(); ++x) {
                // An absent group is left out only when its zero is published:
                // leaving out a suppressed zero would publish it.
                if (mix->count(c, x) == 0 && !mix->is_suppressed(c, x)) continue;
                s.groups.push_back(published(*mix, c, x, declared[x]));
                if (!s.groups.back().people) ++suppressed;
            }
        }
        s.why = std::to_string(s.size) + " people, " + fixed(100 * s.density, 1) + "% of possible ties inside; E-I " +
                fixed(s.ei_index) + " against " + fixed(s.expected_ei_index) +
                " under random mixing (lower: more inward-looking)";
        if (suppressed > 0)
            s.why += "; " + count_of(suppressed, "group count", "group counts") + " suppressed (below " +
                     std::to_string(d.options.min_cell) +
                     " people, or needed to keep such a count from being worked out)";
        out.push_back(std::move(s));
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size > b.size; });
    if (out.size() > d.options.top) out.resize(d.options.top);
    return out;
}

// --- gaps ------------------------------------------------------------------------------
namespace {

// A gap's people count is the entry (row, col) of a suppressed table: small
// ones say nothing; those suppressed to protect another keep their tie
// figures (ties, not people) and lose only the count.
Gap gap_of(const MapData& d, const char* kind, const std::string& name, const std::vector<char>& member,
           const SuppressedTable& table, std::size_t row, std::size_t col) {
    Gap gap;
    gap.kind = kind;
    gap.name = name;
    const std::size_t cell = row * table.cols + col;
    if (table.primary[cell]) {
        gap.why = "fewer than " + std::to_string(d.options.min_cell) + " people: counts suppressed";
        return gap;
    }
    double e = 0, i = 0;
    for (NodeId u = 0; u < d.n; ++u)
        for (NodeId v : d.g.neighbors(u)) {
            if (u > v || (!member[u] && !member[v])) continue;
            (member[u] && member[v] ? i : e) += 1.0;
        }
    if (e + i > 0) {
        gap.share_of_ties_outside = e / (e + i);
        gap.ei_index = (e - i) / (e + i);
    }
    const std::string ties = fixed(e + i, 0) + " ties, of which " + fixed(e, 0) + " (" +
                             fixed(e + i > 0 ? 100 * e / (e + i) : 0, 0) + "%) reach outside";
    if (table.suppressed[cell]) {
        gap.why = ties + "; the number of people is suppressed so that a smaller count cannot be worked out";
        return gap;
    }
    gap.people = static_cast<std::size_t>(table.counts[cell]);
    gap.why = std::to_string(*gap.people) + " people with " + ties;
    return gap;
}

}  // namespace

std::vector<Gap> gaps(const MapData& d, const GroupMix& groups, const SuppressionOptions& suppression) {
    const std::size_t n = d.n;
    const auto& actor = d.actor;
    std::vector<Gap> out;
    std::set<std::string> place_names;
    for (NodeId u = 0; u < n; ++u)
        if (!actor[u]->neighbourhood.empty()) place_names.insert(actor[u]->neighbourhood);
    const std::vector<std::string> places(place_names.begin(), place_names.end());
    std::vector<char> member(n);
    if (places.size() > 1) {
        std::vector<std::uint64_t> residents_of(places.size(), 0);
        for (NodeId u = 0; u < n; ++u)
            if (!actor[u]->neighbourhood.empty())
                ++residents_of[static_cast<std::size_t>(
                    std::lower_bound(places.begin(), places.end(), actor[u]->neighbourhood) - places.begin())];
        // The places' counts add up to everyone on the map but those
        // without a neighbourhood: protected with the published total.
        const SuppressedTable by_place = suppress_with_published(residents_of, 1, places.size(), {}, n, suppression);
        for (std::size_t x = 0; x < places.size(); ++x) {
            for (NodeId u = 0; u < n; ++u) member[u] = actor[u]->neighbourhood == places[x];
            out.push_back(gap_of(d, "neighbourhood", places[x], member, by_place, 0, x));
        }
    }
    for (std::size_t x = 0; x < groups.declared.size(); ++x) {
        for (NodeId u = 0; u < n; ++u)
            member[u] = std::binary_search(d.groups[u].begin(), d.groups[u].end(), groups.declared[x]);
        out.push_back(gap_of(d, "group", groups.declared[x], member, *groups.mix, groups.k,
                             x));  // row k: the column totals
    }
    // Fewest ties outside first; entries without tie figures last.
    std::stable_sort(out.begin(), out.end(), [](const Gap& a, const Gap& b) {
        const double x = a.share_of_ties_outside.value_or(2.0), y = b.share_of_ties_outside.value_or(2.0);
        return x < y;
    });
    if (out.size() > d.options.top) out.resize(d.options.top);
    return out;
}


}  // namespace verbind::social_map_detail
