// The sample programme (sample.cpp): residents, key figures, organisations,
// acquaintance and membership.
#include "sample_parts.hpp"

namespace verbind::sample_detail {

// Residents are numbered municipality by municipality (r0001... live in
// Lelystad), shuffled over the neighbourhoods inside each municipality.
void Generator::place_residents() {
    Rng rng(seed_, stream_residents);
    std::vector<std::uint64_t> weights;
    for (const auto& hood : hoods_)
        weights.push_back(std::uint64_t{plans_[hood.municipality].resident_share} *
                          plans_[hood.municipality].neighbourhoods[index_in_municipality(hood)].weight);
    const auto counts = apportion(people_.size(), weights);
    std::size_t next = 0;
    residents_of_hood_.resize(hoods_.size());
    for (unsigned m = 0; m < plans_.size(); ++m) {
        std::vector<unsigned> slots;
        for (unsigned h = 0; h < hoods_.size(); ++h)
            if (hoods_[h].municipality == m) slots.insert(slots.end(), counts[h], h);
        rng.shuffle(slots);
        for (unsigned h : slots) {
            people_[next].municipality = m;
            people_[next].neighbourhood = h;
            residents_of_hood_[h].push_back(static_cast<std::uint32_t>(next));
            ++next;
        }
    }
    residents_of_municipality_.resize(plans_.size());
    for (std::uint32_t r = 0; r < people_.size(); ++r)
        residents_of_municipality_[people_[r].municipality].push_back(r);
}

unsigned Generator::index_in_municipality(const HoodInfo& hood) const {
    const auto& list = plans_[hood.municipality].neighbourhoods;
    for (unsigned i = 0; i < list.size(); ++i)
        if (list[i].name == hood.name) return i;
    return 0;
}

void Generator::describe_residents() {
    Rng rng(seed_, stream_resident_traits);
    for (auto& person : people_) {
        const auto& plan = plans_[person.municipality];
        person.age = static_cast<unsigned>(rng.weighted(plan.age_share));
        unsigned none = 1000;
        for (unsigned share : plan.language_share) none -= share;
        std::array<unsigned, num_languages + 1> language_weights{};
        std::copy(plan.language_share.begin(), plan.language_share.end(), language_weights.begin());
        language_weights[num_languages] = none;
        const std::size_t language = rng.weighted(language_weights);
        person.language = language == num_languages ? no_language : static_cast<int>(language);
        person.student = person.age == 0 && rng.chance(plan.student_share);
        person.parent = (person.age == 1 && rng.chance(450)) || (person.age == 0 && rng.chance(100));
        const bool refugee_language =
            person.language == static_cast<int>(arabic) || person.language == static_cast<int>(tigrinya);
        person.newcomer = rng.chance(refugee_language ? 250 : 25);
        person.lgbti = rng.chance(person.age == 0 ? plan.lgbti_share * 3 / 2 : plan.lgbti_share);

        static constexpr std::array<unsigned, 4> talent_count_weights = {30, 35, 25, 10};
        const std::size_t wanted = rng.weighted(talent_count_weights) + 1;
        // Speakers of a second language offer it more often.
        if (person.language != no_language && rng.chance(400)) person.talents.push_back(languages);
        if (person.student && rng.chance(300)) person.talents.push_back(digital_skills);
        while (person.talents.size() < wanted) {
            const auto talent = static_cast<unsigned>(rng.weighted(talent_weights));
            if (std::find(person.talents.begin(), person.talents.end(), talent) == person.talents.end())
                person.talents.push_back(talent);
        }
    }
}

// About 40 key figures, in proportion to the municipalities, spread over
// every neighbourhood; half are trained in the spring, half in the autumn.
void Generator::choose_key_figures() {
    Rng rng(seed_, stream_key_figures);
    const std::size_t total = std::max<std::size_t>(8, static_cast<std::size_t>(std::llround(40 * scale_)));
    std::vector<std::uint64_t> weights;
    for (const auto& plan : plans_) weights.push_back(plan.resident_share);
    auto quota = apportion(total, weights);
    key_figures_of_.resize(plans_.size());
    for (unsigned m = 0; m < plans_.size(); ++m) {
        quota[m] = std::clamp<std::size_t>(quota[m], 2, residents_of_municipality_[m].size());
        std::vector<unsigned> hoods;
        for (unsigned h = 0; h < hoods_.size(); ++h)
            if (hoods_[h].municipality == m) hoods.push_back(h);
        for (std::size_t k = 0; key_figures_of_[m].size() < quota[m]; ++k) {
            const auto& candidates = residents_of_hood_[hoods[k % hoods.size()]];
            std::uint32_t chosen = candidates[rng.index(candidates.size())];
            for (int attempt = 0; attempt < 20 && people_[chosen].key_figure; ++attempt)
                chosen = candidates[rng.index(candidates.size())];
            if (people_[chosen].key_figure) continue;
            people_[chosen].key_figure = true;
            key_figures_of_[m].push_back(chosen);
        }
        std::sort(key_figures_of_[m].begin(), key_figures_of_[m].end());
        std::vector<std::uint32_t> order = key_figures_of_[m];
        rng.shuffle(order);
        for (std::size_t i = 0; i < order.size(); ++i) people_[order[i]].cohort = static_cast<unsigned>(i % 2);
    }
}

// Four organisations in every municipality (the municipality itself, the
// library, a welfare organisation, the anti-discrimination bureau) and
// about 14 more, in rotation over the municipalities from the largest.
void Generator::found_organisations() {
    Rng rng(seed_, stream_organisations);
    auto add = [&](OrgKind kind, unsigned m) {
        std::string key = std::string(plans_[m].slug) + "-" + std::string(kind_slug(kind));
        std::size_t same = 0;
        for (const auto& org : organisations_)
            if (org.municipality == m && org.kind == kind) ++same;
        if (same > 0) {
            key += '-';
            key += std::to_string(same + 1);
        }
        Organisation org{key, kind, m, std::nullopt};
        // The municipality and the bureau serve the whole municipality.
        if (kind != OrgKind::municipality && kind != OrgKind::anti_discrimination) {
            std::vector<unsigned> hoods;
            for (unsigned h = 0; h < hoods_.size(); ++h)
                if (hoods_[h].municipality == m) hoods.push_back(h);
            org.neighbourhood = hoods[rng.index(hoods.size())];
        }
        organisations_.push_back(std::move(org));
    };
    for (unsigned m = 0; m < plans_.size(); ++m)
        for (OrgKind kind : {OrgKind::municipality, OrgKind::library, OrgKind::welfare, OrgKind::anti_discrimination})
            add(kind, m);
    const std::size_t extras = static_cast<std::size_t>(std::llround(14 * scale_));
    static constexpr std::array<unsigned, 4> by_size = {3, 1, 2, 0};  // Amsterdam-West, Almere, Groningen, Lelystad
    static constexpr std::array<OrgKind, 4> extra_kinds = {OrgKind::sports_club, OrgKind::faith_community,
                                                           OrgKind::community_centre, OrgKind::welfare};
    for (std::size_t i = 0; i < extras; ++i) add(extra_kinds[(i / 4) % extra_kinds.size()], by_size[i % 4]);
}

// Acquaintance homophily, per mille: how readily two residents who meet
// become acquainted. Same home language and same age group count most;
// key figures reach across languages more readily.
unsigned Generator::affinity(const Person& a, const Person& b) const {
    unsigned language = 800;  // neither declares a home language
    if (a.language != no_language && b.language != no_language)
        language = a.language == b.language ? 1000 : 250;
    else if (a.language != no_language || b.language != no_language)
        language = 450;
    if (a.key_figure || b.key_figure) language = std::max(language, 700u);
    const unsigned gap = a.age > b.age ? a.age - b.age : b.age - a.age;
    const unsigned age = gap == 0 ? 1000 : gap == 1 ? 450 : 200;
    return language * age / 1000;
}

void Generator::add_knows(std::uint32_t a, std::uint32_t b, Date since, std::optional<Date> until) {
    knows_.push_back({a, b, since, until});
    const auto index = static_cast<std::uint32_t>(knows_.size() - 1);
    contacts_[a].push_back(index);
    contacts_[b].push_back(index);
    acquainted_.insert(pair_key(a, b));
}

// Acquaintances before 2022: every resident looks for a number of
// contacts, mostly in their own neighbourhood, accepting a candidate with
// the affinity above. Dates spread over 2008-2021 (from June 2019 when
// one of the two is a newcomer), more recent ones more likely; about one
// in eight has ended. Every knows tie dated 2022 comes from an event.
void Generator::weave_acquaintances() {
    Rng rng(seed_, stream_knows);
    contacts_.resize(people_.size());
    const Date first(2008, 1, 1);
    const int span = static_cast<int>((Date(2021, 12, 31) - first).days()) + 1;
    const Date newcomer_first(2019, 6, 1);
    const int newcomer_span = static_cast<int>((Date(2021, 12, 31) - newcomer_first).days()) + 1;
    for (std::uint32_t r = 0; r < people_.size(); ++r) {
        const Person& person = people_[r];
        int wanted = person.key_figure
                         ? rng.between(18, 37)
                         : 1 + rng.between(0, 3) + rng.between(0, 3) + (rng.chance(200) ? rng.between(0, 7) : 0);
        // Each tie serves two people; ask for half.
        for (int asked = 0; asked < (wanted + 1) / 2; ++asked) {
            const unsigned where = static_cast<unsigned>(rng.below(1000));
            const std::vector<std::uint32_t>& pool = where < 700   ? residents_of_hood_[person.neighbourhood]
                                                     : where < 920 ? residents_of_municipality_[person.municipality]
                                                                   : all_residents();
            for (int attempt = 0; attempt < 6; ++attempt) {
                const std::uint32_t other = pool[rng.index(pool.size())];
                if (other == r || acquainted_.count(pair_key(r, other))) continue;
                if (!rng.chance(affinity(person, people_[other]))) continue;
                const bool new_arrival = person.newcomer || people_[other].newcomer;
                const Date since =
                    new_arrival ? plus_days(newcomer_first, rng.between(0, newcomer_span - 1))
                                : plus_days(first, std::max(rng.between(0, span - 1), rng.between(0, span - 1)));
                std::optional<Date> until;
                if (rng.chance(120)) {
                    const Date end = plus_days(since, rng.between(90, 3 * 365));
                    if (end <= year_end) until = end;
                }
                add_knows(r, other, since, until);
                break;
            }
        }
    }
}

const std::vector<std::uint32_t>& Generator::all_residents() {
    if (all_residents_.empty())
        for (std::uint32_t r = 0; r < people_.size(); ++r) all_residents_.push_back(r);
    return all_residents_;
}

const std::vector<std::uint32_t>& Generator::organisations_in(unsigned m) {
    if (organisations_of_.empty()) {
        organisations_of_.resize(plans_.size());
        for (std::uint32_t o = 0; o < organisations_.size(); ++o)
            organisations_of_[organisations_[o].municipality].push_back(o);
    }
    return organisations_of_[m];
}

// member_of: about a quarter of the residents and most key figures belong
// to an organisation in their municipality (not the municipality itself),
// preferring one nearby that offers their talents. partner: organisations
// in a municipality work with the municipality and with about three
// others each; the pilot (2022) ties the bureau to the library and the
// welfare organisation; the two Flevoland bureaus work together.
void Generator::join_organisations() {
    Rng rng(seed_, stream_membership);
    const Date first(2012, 1, 1);
    const int span = static_cast<int>((Date(2022, 6, 30) - first).days()) + 1;
    for (std::uint32_t r = 0; r < people_.size(); ++r) {
        const Person& person = people_[r];
        if (!rng.chance(person.key_figure ? 850 : 260)) continue;
        std::vector<std::uint32_t> options;
        std::vector<unsigned> weights;
        for (std::uint32_t o : organisations_in(person.municipality)) {
            const Organisation& org = organisations_[o];
            if (org.kind == OrgKind::municipality) continue;
            unsigned weight = 1;
            if (org.neighbourhood && *org.neighbourhood == person.neighbourhood) weight += 3;
            for (unsigned t : offered_talents(org.kind))
                if (std::find(person.talents.begin(), person.talents.end(), t) != person.talents.end()) weight += 3;
            options.push_back(o);
            weights.push_back(weight);
        }
        const int joins = rng.chance(200) ? 2 : 1;
        std::vector<std::uint32_t> joined;
        for (int j = 0; j < joins; ++j) {
            const std::uint32_t o = options[rng.weighted(weights.data(), weights.size())];
            if (std::find(joined.begin(), joined.end(), o) != joined.end()) continue;
            joined.push_back(o);
            memberships_.push_back({r, o, plus_days(first, rng.between(0, span - 1))});
        }
    }

    std::unordered_set<std::uint64_t> partnered;
    auto partner = [&](std::uint32_t a, std::uint32_t b, Date since) {
        if (!partnered.insert(pair_key(a, b)).second) return;
        partnerships_.push_back({a, b, since});
    };
    const Date partner_first(2015, 1, 1);
    const int partner_span = static_cast<int>((Date(2021, 12, 31) - partner_first).days()) + 1;
    for (unsigned m = 0; m < plans_.size(); ++m) {
        const auto& orgs = organisations_in(m);
        // About three partners each besides the municipality, however
        // many organisations there are.
        const unsigned other_partner =
            static_cast<unsigned>(std::min<std::size_t>(450, 3000 / std::max<std::size_t>(orgs.size(), 2)));
        for (std::size_t i = 0; i < orgs.size(); ++i)
            for (std::size_t j = i + 1; j < orgs.size(); ++j) {
                const bool with_municipality = organisations_[orgs[i]].kind == OrgKind::municipality ||
                                               organisations_[orgs[j]].kind == OrgKind::municipality;
                if (with_municipality || rng.chance(other_partner))
                    partner(orgs[i], orgs[j], plus_days(partner_first, rng.between(0, partner_span - 1)));
            }
        const std::uint32_t bureau = find_organisation(m, OrgKind::anti_discrimination);
        for (OrgKind kind : {OrgKind::library, OrgKind::welfare})
            partner(bureau, find_organisation(m, kind), plus_days(year_start, rng.between(0, 59)));
    }
    partner(find_organisation(0, OrgKind::anti_discrimination), find_organisation(1, OrgKind::anti_discrimination),
            Date(2019, 1, 1));
}

// The first organisation of a kind in a municipality, or the welfare
// organisation when there is none of that kind.
std::uint32_t Generator::find_organisation(unsigned m, OrgKind kind) const {
    for (std::uint32_t o = 0; o < organisations_.size(); ++o)
        if (organisations_[o].municipality == m && organisations_[o].kind == kind) return o;
    return find_organisation(m, OrgKind::welfare);
}

}  // namespace verbind::sample_detail
