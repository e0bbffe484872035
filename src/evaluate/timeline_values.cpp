// The published values of a timeline: every count a value rests on is a cell
// of one linked system, suppressed together (docs/privacy.md, "Counts that
// are linked"); a count is published when its cell is, a share, rate or
// growth only when every cell it is computed from is.
#include "timeline_parts.hpp"

#include "verbind/privacy/suppress.hpp"

#include <tuple>
#include <utility>

namespace verbind::timeline_detail {

namespace {

// Per family of counts, one cell per period and area, the programme last.
enum Family : std::size_t {
    f_active,
    f_newcomers,
    f_reached,
    f_new_ties,
    f_lost_ties,
    f_exposure,
    f_key_figures,
    f_reached_before,
    f_bridging,
    f_bridging_of,
    f_friending,
    f_friending_of,
    f_retention,
    f_retention_of,
    f_brought,
    f_brought_of,
    f_organised_by_key,
    f_brought_by_key,
    family_count
};

// The linked system of every family's cells and what became of them.
struct Suppressed {
    std::size_t P = 0, A = 0;
    LinkedCells system;
    LinkedSuppression hidden;
    std::size_t at(std::size_t f, std::size_t p, std::size_t a) const { return (f * P + p) * (A + 1) + a; }
    bool shown(std::size_t f, std::size_t p, std::size_t a) const { return !hidden.suppressed[at(f, p, a)]; }
};

// Whether metric m has data in period p at all (else its cells stay "no
// data"): what a status gives away is public.
bool defined(const Records& records, const Frame& frame, const Counts& counts, std::size_t p, std::size_t m) {
    bool d = counts.period_has_data[p] != 0;
    if (m == new_ties || m == bridging_share) d = d && records.any_since;
    if (m == lost_ties) d = d && records.any_until;
    if (m == newcomers || m == retention || m == bring_along_rate || m == exposure || m == friending ||
        m == brought_per_key_figure)
        d = d && !records.attendance.empty();
    if (m == retention && p + 1 == frame.P()) d = false;  // no later period to come back in
    return d;
}

// The cells and their relations: in each period the programme is the sum of
// its areas (for things between two people up to the pairs across areas,
// which the system treats as known), and the cumulative reach chains the
// periods: reached_before(p + 1) = reached_before(p) + newly_reached(p).
void link_cells(const Records& records, const Frame& frame, const Counts& counts, const TimelineOptions& options,
                Suppressed& s) {
    const std::size_t P = s.P, A = s.A;
    const auto& count = counts.count;
    const auto& denominator = counts.denominator;
    const Tally* family_tally[family_count] = {&count[active_residents],
                                               &count[newcomers],
                                               &count[newly_reached],
                                               &count[new_ties],
                                               &count[lost_ties],
                                               &count[exposure],
                                               &count[active_key_figures],
                                               &denominator[reach_growth],
                                               &count[bridging_share],
                                               &denominator[bridging_share],
                                               &count[friending],
                                               &denominator[friending],
                                               &count[retention],
                                               &denominator[retention],
                                               &count[bring_along_rate],
                                               &denominator[bring_along_rate],
                                               &count[events_per_key_figure],
                                               &count[brought_per_key_figure]};
    auto at = [&s](std::size_t f, std::size_t p, std::size_t a) { return s.at(f, p, a); };
    LinkedCells& system = s.system;
    system.counts.resize(family_count * P * (A + 1));
    system.withheld.assign(system.counts.size(), 0);
    for (std::size_t f = 0; f < family_count; ++f)
        for (std::size_t p = 0; p < P; ++p)
            for (std::size_t a = 0; a <= A; ++a)
                system.counts[at(f, p, a)] = a < A ? family_tally[f]->at(p, a) : family_tally[f]->programme[p];
    if (!frame.programme_only)
        for (std::size_t f = 0; f < family_count; ++f)
            for (std::size_t p = 0; p < P; ++p) {
                std::vector<std::pair<std::size_t, std::int64_t>> sum{{at(f, p, A), 1}};
                for (std::size_t a = 0; a < A; ++a) sum.emplace_back(at(f, p, a), -1);
                system.relations.push_back(std::move(sum));
            }
    for (std::size_t p = 0; p + 1 < P; ++p)
        for (std::size_t a = 0; a <= A; ++a)
            system.relations.push_back(
                {{at(f_reached_before, p + 1, a), 1}, {at(f_reached_before, p, a), -1}, {at(f_reached, p, a), -1}});
    // A share resting on fewer than min_cell distinct people is withheld,
    // and so are the counts it is computed from.
    for (std::size_t p = 0; p < P; ++p)
        for (std::size_t a = 0; a <= A; ++a)
            for (auto [m, num, den] : {std::tuple{bridging_share, f_bridging, f_bridging_of},
                                       std::tuple{friending, f_friending, f_friending_of},
                                       std::tuple{bring_along_rate, f_brought, f_brought_of}}) {
                if (system.counts[at(den, p, a)] > 0 && counts.denominator_people[m].count(p, a) < options.min_cell)
                    system.withheld[at(num, p, a)] = system.withheld[at(den, p, a)] = 1;
            }
    // What a status gives away is public: a count labelled "no data" is 0
    // (nothing of the kind happened then), and so is a denominator whose
    // share is "no data".
    system.published_anyway.assign(system.counts.size(), 0);
    for (std::size_t p = 0; p < P; ++p)
        for (std::size_t a = 0; a <= A; ++a) {
            for (auto [m, f] : {std::pair{active_residents, f_active}, std::pair{newcomers, f_newcomers},
                                std::pair{newly_reached, f_reached}, std::pair{new_ties, f_new_ties},
                                std::pair{lost_ties, f_lost_ties}, std::pair{exposure, f_exposure},
                                std::pair{active_key_figures, f_key_figures}})
                if (!defined(records, frame, counts, p, m)) system.published_anyway[at(f, p, a)] = 1;
            for (std::size_t f :
                 {f_reached_before, f_bridging_of, f_friending_of, f_retention_of, f_brought_of, f_key_figures})
                if (system.counts[at(f, p, a)] == 0) system.published_anyway[at(f, p, a)] = 1;
        }
    // Complementary cells come from what only a ratio shows (the cumulative
    // reach, the parts of shares) before the counts published themselves.
    system.priority.assign(system.counts.size(), 0);
    for (std::size_t f = 0; f <= f_key_figures; ++f)
        for (std::size_t p = 0; p < P; ++p)
            for (std::size_t a = 0; a <= A; ++a) system.priority[at(f, p, a)] = 1;
}

// Suppresses the system; a share withheld while its numerator is shown as 0
// would still be known (0 of a few is 0; a non-zero numerator over an
// undetermined denominator is not): such a numerator is hidden too, and the
// system protected again until no share is left like that.
void suppress(const TimelineOptions& options, Suppressed& s, Progress& progress) {
    LinkedCells& system = s.system;
    system.checkpoint = [&progress] { progress.report(0.96); };  // may cancel
    SuppressionOptions so;
    so.min_cell = options.min_cell;
    const std::pair<std::size_t, std::size_t> shares[] = {
        {f_reached, f_reached_before},    {f_bridging, f_bridging_of}, {f_friending, f_friending_of},
        {f_retention, f_retention_of},    {f_brought, f_brought_of},   {f_organised_by_key, f_key_figures},
        {f_brought_by_key, f_key_figures}};
    s.hidden = suppress_linked_cells(system, so);
    for (bool again = true; again;) {
        again = false;
        for (const auto& [num, den] : shares)
            for (std::size_t p = 0; p < s.P; ++p)
                for (std::size_t a = 0; a <= s.A; ++a)
                    if (s.hidden.suppressed[s.at(den, p, a)] && !s.hidden.suppressed[s.at(num, p, a)] &&
                        system.counts[s.at(num, p, a)] == 0 && !system.published_anyway[s.at(num, p, a)]) {
                        system.withheld[s.at(num, p, a)] = 1;
                        again = true;
                    }
        if (again) s.hidden = suppress_linked_cells(system, so);
    }
}

// The family of metric m's count (or numerator) and of its denominator
// (family_count: none, a count).
std::pair<std::size_t, std::size_t> families_of(std::size_t m) {
    switch (m) {
        case active_residents: return {f_active, family_count};
        case newcomers: return {f_newcomers, family_count};
        case newly_reached: return {f_reached, family_count};
        case new_ties: return {f_new_ties, family_count};
        case lost_ties: return {f_lost_ties, family_count};
        case exposure: return {f_exposure, family_count};
        case active_key_figures: return {f_key_figures, family_count};
        case reach_growth: return {f_reached, f_reached_before};
        case bridging_share: return {f_bridging, f_bridging_of};
        case friending: return {f_friending, f_friending_of};
        case retention: return {f_retention, f_retention_of};
        case bring_along_rate: return {f_brought, f_brought_of};
        case events_per_key_figure: return {f_organised_by_key, f_key_figures};
        case brought_per_key_figure: return {f_brought_by_key, f_key_figures};
        default: return {family_count, family_count};
    }
}

}  // namespace

std::vector<Cell> published_values(const Records& records, const Frame& frame, const Counts& counts,
                                   const TimelineOptions& options, Progress& progress) {
    Suppressed s;
    s.P = frame.P();
    s.A = frame.A();
    const std::size_t P = s.P, A = s.A;
    link_cells(records, frame, counts, options, s);
    suppress(options, s, progress);

    std::vector<Cell> cells(P * (A + 1) * metric_count);
    auto cell = [&](std::size_t p, std::size_t a, std::size_t m) -> Cell& {
        return cells[(p * (A + 1) + a) * metric_count + m];
    };
    for (std::size_t p = 0; p < P; ++p) {
        for (std::size_t m = 0; m < metric_count; ++m) {
            if (!defined(records, frame, counts, p, m)) continue;  // cells stay "no data"
            if (m == ei_index_metric || m == expected_ei_index_metric) {
                for (std::size_t a = 0; a <= A; ++a)
                    cell(p, a, m) = (m == ei_index_metric ? counts.ei : counts.expected)[p * (A + 1) + a];
                continue;
            }
            // The count itself, or numerator / denominator.
            const auto [num, den] = families_of(m);
            for (std::size_t a = 0; a <= A; ++a) {
                Cell& c = cell(p, a, m);
                const std::uint64_t n = s.system.counts[s.at(num, p, a)];
                if (den == family_count) {
                    c = s.shown(num, p, a) ? Cell{static_cast<double>(n), ValueStatus::ok}
                                           : Cell{std::nullopt, ValueStatus::suppressed};
                    continue;
                }
                const std::uint64_t d = s.system.counts[s.at(den, p, a)];
                if (d == 0) continue;  // nothing to divide by: no data
                c = s.shown(num, p, a) && s.shown(den, p, a)
                        ? Cell{static_cast<double>(n) / static_cast<double>(d), ValueStatus::ok}
                        : Cell{std::nullopt, ValueStatus::suppressed};
            }
        }
    }
    return cells;
}

}  // namespace verbind::timeline_detail
