// The sample programme: a generated year (2022) of the pilot "Veilige Wijken"
// (programme Regenboogsteden, approach "Alle Kleuren"). The mechanisms and
// parameters are described in docs/sample-programme.md; keep the two in step.
//
// Portability of the output: the same seed must give the same Network with
// every compiler and standard library. So the random stream is our own
// (xoshiro256**), every draw is turned into a range or a probability with
// integer arithmetic only (no std::*_distribution, no floating point except
// the one multiplication by the scale), and nothing iterates over an
// unordered container.
#include "verbind/datasets/sample.hpp"

#include "verbind/error.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace verbind {

namespace {

// --- randomness ---------------------------------------------------------------

// splitmix64 (Steele, Lea & Flood 2014), used only to spread a seed over the
// xoshiro state.
std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// xoshiro256** (Blackman & Vigna 2018). Each phase of the generator draws
// from its own stream, so that changing one phase does not reshuffle the
// others.
class Rng {
public:
    Rng(std::uint64_t seed, std::uint64_t stream) {
        std::uint64_t state = seed ^ (stream * 0xD1342543DE82EF95ull);
        for (auto& word : s_) word = splitmix64(state);
    }

    std::uint64_t next() noexcept {
        const std::uint64_t result = std::rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = std::rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, n), n > 0. Draws below 2^64 mod n are redrawn, so that
    // every value is equally likely.
    std::uint64_t below(std::uint64_t n) noexcept {
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t r = next();
            if (r >= threshold) return r % n;
        }
    }

    std::size_t index(std::size_t n) noexcept { return static_cast<std::size_t>(below(n)); }

    // Uniform in [low, high].
    int between(int low, int high) noexcept {
        return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low) + 1));
    }

    // True with probability per_mille / 1000 (values >= 1000: always).
    bool chance(unsigned per_mille) noexcept { return below(1000) < per_mille; }

    // An index drawn with the given integer weights (not all zero).
    std::size_t weighted(const unsigned* weights, std::size_t count) noexcept {
        std::uint64_t total = 0;
        for (std::size_t i = 0; i < count; ++i) total += weights[i];
        std::uint64_t r = below(total);
        for (std::size_t i = 0; i < count; ++i) {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return count - 1;
    }
    template <std::size_t N>
    std::size_t weighted(const std::array<unsigned, N>& weights) noexcept {
        return weighted(weights.data(), N);
    }

    // Fisher-Yates with our own draws (std::shuffle's use of the engine is
    // not specified).
    template <class T>
    void shuffle(std::vector<T>& items) noexcept {
        for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[index(i)]);
    }

private:
    std::array<std::uint64_t, 4> s_{};
};

// Fixed numbers: renumbering a stream changes every sample.
enum Stream : std::uint64_t {
    stream_residents = 1,
    stream_key_figures = 2,
    stream_organisations = 3,
    stream_knows = 4,
    stream_membership = 5,
    stream_calendar = 6,
    stream_attendance = 7,
    stream_resident_traits = 101,
};

// --- the setting --------------------------------------------------------------

constexpr std::size_t num_languages = 7;
constexpr std::array<std::string_view, num_languages> language_groups = {
    "arabic-speaking", "turkish-speaking",  "sranan-speaking", "papiamento-speaking",
    "polish-speaking", "tigrinya-speaking", "frisian-speaking"};
constexpr std::size_t arabic = 0, turkish = 1, sranan = 2, papiamento = 3, tigrinya = 5;

constexpr std::array<std::string_view, 4> age_groups = {"age 18-29", "age 30-49", "age 50-64", "age 65+"};

constexpr std::string_view sensitive_group = "lgbti+";

constexpr std::array<std::string_view, 14> talent_names = {
    "cooking",     "music", "sports",         "languages",  "gardening", "crafts", "storytelling",
    "photography", "dance", "digital skills", "organising", "sewing",    "poetry", "first aid"};
constexpr std::array<unsigned, 14> talent_weights = {160, 110, 120, 90, 80, 70, 60, 50, 60, 60, 50, 40, 30, 30};
enum Talent : unsigned {
    cooking,
    music,
    sports,
    languages,
    gardening,
    crafts,
    storytelling,
    photography,
    dance,
    digital_skills,
    organising,
    sewing,
    poetry,
    first_aid
};

struct Neighbourhood {
    std::string_view name;
    unsigned weight;  // share of the municipality's residents, in percent
};

struct MunicipalityPlan {
    std::string_view name;
    std::string_view slug;    // for event and organisation keys
    unsigned resident_share;  // per mille of all residents
    std::vector<Neighbourhood> neighbourhoods;
    std::array<unsigned, num_languages> language_share;  // per mille; the rest declares none
    std::array<unsigned, 4> age_share;                   // per mille
    unsigned student_share;                              // per mille of age 18-29
    unsigned lgbti_share;                                // per mille
    // "Every city has its own pace": event turnout as per mille of the
    // planned size at the start and at the end of the year.
    unsigned pace_start, pace_end;
};

std::vector<MunicipalityPlan> municipality_plans() {
    return {
        {"Lelystad",
         "lelystad",
         200,
         {{"Atolwijk", 40}, {"Zuiderzeewijk", 35}, {"Boswijk", 25}},
         {60, 40, 90, 70, 50, 20, 10},
         {220, 330, 250, 200},
         150,
         45,
         550,
         1150},
        {"Almere",
         "almere",
         290,
         {{"Stedenwijk", 30}, {"Kruidenwijk", 25}, {"Muziekwijk", 25}, {"Literatuurwijk", 20}},
         {80, 50, 120, 50, 40, 20, 10},
         {210, 360, 250, 180},
         150,
         50,
         750,
         1200},
        {"Groningen",
         "groningen",
         230,
         {{"Beijum", 40}, {"Selwerd", 30}, {"Oosterpark", 30}},
         {60, 30, 20, 15, 40, 40, 60},
         {330, 300, 200, 170},
         450,
         80,
         900,
         1100},
        {"Amsterdam-West",
         "amsterdam-west",
         280,
         {{"Bos en Lommer", 55}, {"De Baarsjes", 45}},
         {200, 130, 60, 20, 30, 20, 10},
         {260, 380, 210, 150},
         150,
         90,
         950,
         1250},
    };
}

enum class OrgKind {
    municipality,
    library,
    welfare,
    anti_discrimination,
    sports_club,
    faith_community,
    community_centre
};

std::string_view kind_name(OrgKind kind) {
    switch (kind) {
        case OrgKind::municipality: return "municipality";
        case OrgKind::library: return "library";
        case OrgKind::welfare: return "welfare";
        case OrgKind::anti_discrimination: return "anti-discrimination bureau";
        case OrgKind::sports_club: return "sports club";
        case OrgKind::faith_community: return "faith community";
        case OrgKind::community_centre: return "community centre";
    }
    return "";
}

std::string_view kind_slug(OrgKind kind) {
    switch (kind) {
        case OrgKind::municipality: return "municipality";
        case OrgKind::library: return "library";
        case OrgKind::welfare: return "welfare";
        case OrgKind::anti_discrimination: return "anti-discrimination-bureau";
        case OrgKind::sports_club: return "sports-club";
        case OrgKind::faith_community: return "faith-community";
        case OrgKind::community_centre: return "community-centre";
    }
    return "";
}

// What each kind of organisation offers, from the residents' talent list.
std::vector<unsigned> offered_talents(OrgKind kind) {
    switch (kind) {
        case OrgKind::municipality: return {organising};
        case OrgKind::library: return {storytelling, languages, digital_skills, poetry};
        case OrgKind::welfare: return {cooking, organising, languages};
        case OrgKind::anti_discrimination: return {storytelling, organising, languages};
        case OrgKind::sports_club: return {sports, first_aid};
        case OrgKind::faith_community: return {cooking, music, languages};
        case OrgKind::community_centre: return {crafts, gardening, cooking, dance};
    }
    return {};
}

enum class EventKind { training, commemoration, breakfast, iftar, keti_koti, pride, dialogue };

std::string_view kind_name(EventKind kind) {
    switch (kind) {
        case EventKind::training: return "key-figure training";
        case EventKind::commemoration: return "4 May commemoration";
        case EventKind::breakfast: return "5 May breakfast";
        case EventKind::iftar: return "iftar";
        case EventKind::keti_koti: return "Keti Koti";
        case EventKind::pride: return "Pride";
        case EventKind::dialogue: return "dialogue evening";
    }
    return "";
}

// Planned turnout of an event for a municipality of 500 residents.
unsigned planned_turnout(EventKind kind) {
    switch (kind) {
        case EventKind::training: return 0;  // the cohort
        case EventKind::commemoration: return 70;
        case EventKind::breakfast: return 45;
        case EventKind::iftar: return 60;
        case EventKind::keti_koti: return 80;
        case EventKind::pride: return 140;
        case EventKind::dialogue: return 18;
    }
    return 0;
}

// Talents that make an invitation to this kind of event more attractive.
std::vector<unsigned> event_talents(EventKind kind) {
    switch (kind) {
        case EventKind::training: return {};
        case EventKind::commemoration: return {storytelling, poetry, music};
        case EventKind::breakfast: return {cooking, storytelling};
        case EventKind::iftar: return {cooking, languages};
        case EventKind::keti_koti: return {music, dance, cooking};
        case EventKind::pride: return {music, dance, photography};
        case EventKind::dialogue: return {storytelling, languages};
    }
    return {};
}

// --- the generated people and plans ----------------------------------------------

constexpr int no_language = -1;

struct Person {
    unsigned municipality = 0;
    unsigned neighbourhood = 0;  // index into Sample::neighbourhoods
    int language = no_language;
    unsigned age = 0;
    bool student = false, parent = false, newcomer = false, lgbti = false;
    std::vector<unsigned> talents;
    bool key_figure = false;
    unsigned cohort = 0;  // key figures: first (0) or second (1) training
    std::optional<Date> trained_on;
};

struct Organisation {
    std::string key;
    OrgKind kind;
    unsigned municipality;
    std::optional<unsigned> neighbourhood;
};

struct Knows {
    std::uint32_t a, b;
    Date since;
    std::optional<Date> until;
    bool active_on(Date day) const { return since <= day && (!until || day < *until); }
};

struct Membership {
    std::uint32_t resident, organisation;
    Date since;
};

struct Partnership {
    std::uint32_t a, b;  // organisations
    Date since;
};

struct PlannedEvent {
    std::string key;
    Date date;
    EventKind kind;
    unsigned municipality;
    unsigned neighbourhood = 0;
    std::vector<std::uint32_t> organisations;
    std::vector<std::uint32_t> key_figures;
    unsigned turnout = 0;
    unsigned cohort = 0;  // trainings
    unsigned sequence = 0;
};

struct Visit {
    std::uint32_t resident;
    std::int64_t brought_by;  // resident index, or -1
};

struct HoodInfo {
    std::string_view name;
    unsigned municipality;
};

const Date year_start(2022, 1, 1);
const Date year_end(2022, 12, 31);

Date plus_days(Date day, int n) { return day + boost::gregorian::date_duration(n); }

// The first day on or after `day` that falls on `weekday` (0 = Sunday).
Date next_weekday(Date day, int weekday) {
    const int today = day.day_of_week().as_number();
    return plus_days(day, (weekday - today + 7) % 7);
}

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
    if (a > b) std::swap(a, b);
    return std::uint64_t{a} << 32 | b;
}

bool shares_talent(const std::vector<unsigned>& a, const std::vector<unsigned>& b) {
    for (unsigned t : a)
        if (std::find(b.begin(), b.end(), t) != b.end()) return true;
    return false;
}

// Largest-remainder split of `total` over integer weights.
std::vector<std::size_t> apportion(std::size_t total, const std::vector<std::uint64_t>& weights) {
    std::uint64_t sum = 0;
    for (auto w : weights) sum += w;
    std::vector<std::size_t> counts(weights.size());
    std::vector<std::pair<std::uint64_t, std::size_t>> remainders;
    std::size_t given = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        const std::uint64_t scaled = total * weights[i];
        counts[i] = static_cast<std::size_t>(scaled / sum);
        given += counts[i];
        remainders.emplace_back(scaled % sum, i);
    }
    std::sort(remainders.begin(), remainders.end(), [](const auto& x, const auto& y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
    });
    for (std::size_t i = 0; given < total; ++i, ++given) counts[remainders[i % remainders.size()].second] += 1;
    return counts;
}

class Generator {
public:
    Generator(const SampleOptions& options, std::size_t num_residents)
        : seed_(options.seed), scale_(options.scale), plans_(municipality_plans()), people_(num_residents) {
        for (unsigned m = 0; m < plans_.size(); ++m)
            for (const auto& hood : plans_[m].neighbourhoods) hoods_.push_back({hood.name, m});
    }

    Network run() {
        place_residents();
        describe_residents();
        choose_key_figures();
        found_organisations();
        weave_acquaintances();
        join_organisations();
        plan_calendar();
        hold_events();
        return assemble();
    }

private:
    // Residents are numbered municipality by municipality (r0001... live in
    // Lelystad), shuffled over the neighbourhoods inside each municipality.
    void place_residents() {
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

    unsigned index_in_municipality(const HoodInfo& hood) const {
        const auto& list = plans_[hood.municipality].neighbourhoods;
        for (unsigned i = 0; i < list.size(); ++i)
            if (list[i].name == hood.name) return i;
        return 0;
    }

    void describe_residents() {
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
    void choose_key_figures() {
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
    void found_organisations() {
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
            for (OrgKind kind :
                 {OrgKind::municipality, OrgKind::library, OrgKind::welfare, OrgKind::anti_discrimination})
                add(kind, m);
        const std::size_t extras = static_cast<std::size_t>(std::llround(14 * scale_));
        static constexpr std::array<unsigned, 4> by_size = {3, 1, 2,
                                                            0};  // Amsterdam-West, Almere, Groningen, Lelystad
        static constexpr std::array<OrgKind, 4> extra_kinds = {OrgKind::sports_club, OrgKind::faith_community,
                                                               OrgKind::community_centre, OrgKind::welfare};
        for (std::size_t i = 0; i < extras; ++i) add(extra_kinds[(i / 4) % extra_kinds.size()], by_size[i % 4]);
    }

    // Acquaintance homophily, per mille: how readily two residents who meet
    // become acquainted. Same home language and same age group count most;
    // key figures reach across languages more readily.
    unsigned affinity(const Person& a, const Person& b) const {
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

    void add_knows(std::uint32_t a, std::uint32_t b, Date since, std::optional<Date> until) {
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
    void weave_acquaintances() {
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
                const std::vector<std::uint32_t>& pool = where < 700 ? residents_of_hood_[person.neighbourhood]
                                                         : where < 920
                                                             ? residents_of_municipality_[person.municipality]
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

    const std::vector<std::uint32_t>& all_residents() {
        if (all_residents_.empty())
            for (std::uint32_t r = 0; r < people_.size(); ++r) all_residents_.push_back(r);
        return all_residents_;
    }

    const std::vector<std::uint32_t>& organisations_in(unsigned m) {
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
    void join_organisations() {
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
                    if (std::find(person.talents.begin(), person.talents.end(), t) != person.talents.end())
                        weight += 3;
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
        partner(find_organisation(0, OrgKind::anti_discrimination),
                find_organisation(1, OrgKind::anti_discrimination), Date(2019, 1, 1));
    }

    // The first organisation of a kind in a municipality, or the welfare
    // organisation when there is none of that kind.
    std::uint32_t find_organisation(unsigned m, OrgKind kind) const {
        for (std::uint32_t o = 0; o < organisations_.size(); ++o)
            if (organisations_[o].municipality == m && organisations_[o].kind == kind) return o;
        return find_organisation(m, OrgKind::welfare);
    }

    // The year's calendar in every municipality: two key-figure trainings
    // (a Saturday in February-March, one in September-October), the 4 May
    // commemoration, the 5 May breakfast with the library, an iftar during
    // Ramadan (2 April - 1 May 2022), Keti Koti (1 July), Pride (a Saturday
    // in June-August; Amsterdam-West during Pride Amsterdam, 30 July -
    // 7 August) and dialogue evenings (a Tuesday to Thursday, spread over
    // February-December).
    void plan_calendar() {
        Rng rng(seed_, stream_calendar);
        const unsigned dialogues = static_cast<unsigned>(std::clamp<long long>(std::llround(4 * scale_), 2, 24));
        for (unsigned m = 0; m < plans_.size(); ++m) {
            const std::string slug(plans_[m].slug);
            auto plan = [&](const std::string& suffix, Date date, EventKind kind) -> PlannedEvent& {
                PlannedEvent event;
                event.key = slug + "-" + suffix;
                event.date = date;
                event.kind = kind;
                event.municipality = m;
                event.sequence = static_cast<unsigned>(events_.size());
                events_.push_back(std::move(event));
                return events_.back();
            };
            const Date spring = plus_days(next_weekday(Date(2022, 2, 1), 6), 7 * rng.between(0, 7));
            const Date autumn = plus_days(next_weekday(Date(2022, 9, 1), 6), 7 * rng.between(0, 6));
            plan("training-1", spring, EventKind::training).cohort = 0;
            plan("training-2", autumn, EventKind::training).cohort = 1;
            plan("4-may-commemoration", Date(2022, 5, 4), EventKind::commemoration);
            plan("5-may-breakfast", Date(2022, 5, 5), EventKind::breakfast);
            plan("iftar", plus_days(Date(2022, 4, 2), rng.between(0, 29)), EventKind::iftar);
            plan("keti-koti", Date(2022, 7, 1), EventKind::keti_koti);
            const Date pride = plans_[m].slug == "amsterdam-west"
                                   ? plus_days(Date(2022, 7, 30), rng.between(0, 8))
                                   : plus_days(next_weekday(Date(2022, 6, 1), 6), 7 * rng.between(0, 12));
            plan("pride", pride, EventKind::pride);
            const Date first(2022, 2, 1);
            const int window = static_cast<int>((Date(2022, 12, 10) - first).days()) / static_cast<int>(dialogues);
            for (unsigned k = 0; k < dialogues; ++k) {
                Date day = plus_days(first, static_cast<int>(k) * window + rng.between(0, std::max(0, window - 3)));
                while (day.day_of_week().as_number() < 2 || day.day_of_week().as_number() > 4)
                    day = plus_days(day, 1);
                char suffix[32];
                std::snprintf(suffix, sizeof suffix, "dialogue-%02u", k + 1);
                plan(suffix, day, EventKind::dialogue);
            }
        }
        std::sort(events_.begin(), events_.end(), [](const PlannedEvent& x, const PlannedEvent& y) {
            if (x.date != y.date) return x.date < y.date;
            return x.sequence < y.sequence;
        });
        for (const auto& event : events_)
            if (event.kind == EventKind::training)
                for (std::uint32_t k : key_figures_of_[event.municipality])
                    if (people_[k].cohort == event.cohort) people_[k].trained_on = event.date;
        assign_organisers(rng);
    }

    // Organisations by kind of event; key figures already trained by then,
    // the least busy first ("volunteers' time is scarce").
    void assign_organisers(Rng& rng) {
        std::vector<unsigned> load(people_.size(), 0);
        unsigned dialogue_turn = 0;
        for (auto& event : events_) {
            const unsigned m = event.municipality;
            auto org = [&](OrgKind kind) {
                const std::uint32_t o = find_organisation(m, kind);
                if (std::find(event.organisations.begin(), event.organisations.end(), o) == event.organisations.end())
                    event.organisations.push_back(o);
                return o;
            };
            unsigned key_figures = 2;
            std::optional<unsigned> hood;
            switch (event.kind) {
                case EventKind::training:
                    org(OrgKind::anti_discrimination);
                    org(OrgKind::municipality);
                    key_figures = 0;
                    break;
                case EventKind::commemoration:
                    org(OrgKind::municipality);
                    key_figures = 1;
                    break;
                case EventKind::breakfast: hood = organisations_[org(OrgKind::library)].neighbourhood; break;
                case EventKind::iftar: hood = organisations_[org(OrgKind::faith_community)].neighbourhood; break;
                case EventKind::keti_koti: hood = organisations_[org(OrgKind::community_centre)].neighbourhood; break;
                case EventKind::pride:
                    org(OrgKind::anti_discrimination);
                    org(OrgKind::municipality);
                    break;
                case EventKind::dialogue:
                    org(dialogue_turn++ % 2 == 0 ? OrgKind::anti_discrimination : OrgKind::welfare);
                    key_figures = 1;
                    break;
            }
            std::vector<std::uint32_t> candidates;
            for (std::uint32_t k : key_figures_of_[m])
                if (people_[k].trained_on && *people_[k].trained_on < event.date) candidates.push_back(k);
            if (candidates.empty()) candidates = key_figures_of_[m];
            rng.shuffle(candidates);
            std::stable_sort(candidates.begin(), candidates.end(),
                             [&](std::uint32_t x, std::uint32_t y) { return load[x] < load[y]; });
            for (unsigned i = 0; i < key_figures && i < candidates.size(); ++i) {
                event.key_figures.push_back(candidates[i]);
                ++load[candidates[i]];
            }
            if (!hood) {
                if (event.kind == EventKind::training) {
                    const auto& hoods = plans_[m].neighbourhoods;
                    hood = hood_index(m, static_cast<unsigned>(rng.index(hoods.size())));
                } else {
                    hood = people_[event.key_figures.front()].neighbourhood;
                }
            }
            event.neighbourhood = *hood;

            const unsigned day = static_cast<unsigned>((event.date - year_start).days());
            const auto& plan = plans_[m];
            const unsigned pace = plan.pace_start + (plan.pace_end - plan.pace_start) * day / 365;
            const unsigned jitter = static_cast<unsigned>(rng.between(800, 1200));
            const std::uint64_t turnout = std::uint64_t{planned_turnout(event.kind)} *
                                          residents_of_municipality_[m].size() * pace / 1000 * jitter / 1000 / 500;
            event.turnout = static_cast<unsigned>(std::max<std::uint64_t>(turnout, 4));
        }
    }

    unsigned hood_index(unsigned m, unsigned local) const {
        unsigned seen = 0;
        for (unsigned h = 0; h < hoods_.size(); ++h)
            if (hoods_[h].municipality == m && seen++ == local) return h;
        return 0;
    }

    // Does this resident belong to the communities an event speaks to most?
    static bool theme_fits(EventKind kind, const Person& person) {
        switch (kind) {
            case EventKind::iftar:
                return person.language == static_cast<int>(arabic) || person.language == static_cast<int>(turkish);
            case EventKind::keti_koti:
                return person.language == static_cast<int>(sranan) || person.language == static_cast<int>(papiamento);
            case EventKind::pride: return person.lgbti;
            case EventKind::commemoration: return person.age == 3;
            case EventKind::breakfast: return person.parent;
            case EventKind::dialogue: return person.newcomer;
            case EventKind::training: return false;
        }
        return false;
    }

    unsigned attraction(const PlannedEvent& event, const Person& person) const {
        unsigned p = 0;
        if (person.neighbourhood == event.neighbourhood) p += 150;
        if (theme_fits(event.kind, person)) p += 200;
        for (unsigned t : event_talents(event.kind))
            if (std::find(person.talents.begin(), person.talents.end(), t) != person.talents.end()) {
                p += 150;
                break;
            }
        return p;
    }

    // Attendance, event by event in date order:
    //  - organising key figures come, and invite 3-8 people they know;
    //  - people who came to an earlier event this year come back on their own;
    //  - a few newcomers walk in from the neighbourhood;
    //  - whoever has been before brings someone they know (sometimes two),
    //    and a first-timer now and then brings a friend; the brought person
    //    may bring someone in turn, which makes chains of generations.
    // Afterwards some attendees befriend another attendee: new knows ties
    // dated 1-21 days after the event.
    void hold_events() {
        Rng rng(seed_, stream_attendance);
        std::vector<std::uint32_t> stamp(people_.size(), 0);
        std::vector<unsigned> visits(people_.size(), 0);
        std::vector<std::vector<std::uint32_t>> regulars(plans_.size());
        visits_.resize(events_.size());
        for (std::size_t e = 0; e < events_.size(); ++e) {
            const PlannedEvent& event = events_[e];
            const auto mark = static_cast<std::uint32_t>(e + 1);
            std::vector<Visit>& record = visits_[e];
            auto come = [&](std::uint32_t r, std::int64_t by) {
                if (stamp[r] == mark) return false;
                stamp[r] = mark;
                record.push_back({r, by});
                return true;
            };
            if (event.kind == EventKind::training) {
                for (std::uint32_t k : key_figures_of_[event.municipality])
                    if (people_[k].cohort == event.cohort) come(k, -1);
            } else {
                const unsigned turnout = event.turnout;
                for (std::uint32_t k : event.key_figures) come(k, -1);

                std::vector<std::uint32_t> returning = regulars[event.municipality];
                rng.shuffle(returning);
                const std::size_t returning_budget = record.size() + turnout * 3 / 10;
                for (std::uint32_t r : returning) {
                    if (record.size() >= returning_budget) break;
                    const unsigned p = (event.kind == EventKind::dialogue ? 200u : 300u) +
                                       (people_[r].key_figure ? 300u : 0u) + attraction(event, people_[r]) / 2;
                    if (rng.chance(p)) come(r, -1);
                }

                const std::size_t walk_in_budget = record.size() + std::max(1u, turnout / 8);
                const auto& nearby = residents_of_hood_[event.neighbourhood];
                const auto& town = residents_of_municipality_[event.municipality];
                for (unsigned tries = 0; tries < 8 * turnout && record.size() < walk_in_budget; ++tries) {
                    const auto& pool = rng.chance(700) ? nearby : town;
                    const std::uint32_t r = pool[rng.index(pool.size())];
                    if (rng.chance(250 + attraction(event, people_[r]))) come(r, -1);
                }

                for (std::size_t i = 0; i < record.size() && record.size() < turnout; ++i) {
                    const std::uint32_t host = record[i].resident;
                    const bool organiser = std::find(event.key_figures.begin(), event.key_figures.end(), host) !=
                                           event.key_figures.end();
                    int bring = 0;
                    unsigned base = 550;
                    if (organiser) {
                        bring = rng.between(3, 8);
                        base = 400;
                    } else if (visits[host] > 0 || people_[host].key_figure) {
                        bring = rng.chance(500) ? (rng.chance(250) ? 2 : 1) : 0;
                    } else {
                        bring = rng.chance(150) ? 1 : 0;
                    }
                    if (bring == 0) continue;
                    std::vector<std::uint32_t> friends;
                    for (std::uint32_t t : contacts_[host]) {
                        const Knows& tie = knows_[t];
                        const std::uint32_t other = tie.a == host ? tie.b : tie.a;
                        if (tie.active_on(event.date) && stamp[other] != mark) friends.push_back(other);
                    }
                    rng.shuffle(friends);
                    for (std::uint32_t f : friends) {
                        if (bring == 0 || record.size() >= turnout) break;
                        if (rng.chance(base + attraction(event, people_[f]))) {
                            come(f, host);
                            --bring;
                        }
                    }
                }
            }

            for (const Visit& v : record)
                if (visits[v.resident]++ == 0) regulars[event.municipality].push_back(v.resident);

            befriend(rng, event, record);
        }
    }

    void befriend(Rng& rng, const PlannedEvent& event, const std::vector<Visit>& record) {
        if (record.size() < 2) return;
        const bool training = event.kind == EventKind::training;
        for (const Visit& v : record) {
            const Person& person = people_[v.resident];
            if (!rng.chance(training ? 700 : 300)) continue;
            const std::uint32_t other = record[rng.index(record.size())].resident;
            if (other == v.resident || acquainted_.count(pair_key(v.resident, other))) continue;
            unsigned p = training ? 800 : 350;
            if (shares_talent(person.talents, people_[other].talents)) p += 250;
            if (person.neighbourhood == people_[other].neighbourhood) p += 150;
            if (!rng.chance(p)) continue;
            const Date since = std::min(plus_days(event.date, rng.between(1, 21)), year_end);
            if (since <= event.date) continue;
            add_knows(v.resident, other, since, std::nullopt);
        }
    }

    std::string resident_key(std::uint32_t r) const {
        std::string digits = std::to_string(r + 1);
        const std::size_t width = std::max<std::size_t>(4, std::to_string(people_.size()).size());
        std::string key = "r";
        key.append(width - digits.size(), '0');
        key += digits;
        return key;
    }

    std::vector<std::string> group_labels(const Person& person) const {
        std::vector<std::string> groups;
        groups.emplace_back(age_groups[person.age]);
        if (person.language != no_language)
            groups.emplace_back(language_groups[static_cast<std::size_t>(person.language)]);
        if (person.student) groups.emplace_back("students");
        if (person.parent) groups.emplace_back("parents");
        if (person.newcomer) groups.emplace_back("newcomers");
        if (person.lgbti) groups.emplace_back(sensitive_group);
        return groups;
    }

    Network assemble() const {
        Network net;
        std::vector<std::string> keys;
        keys.reserve(people_.size());
        for (std::uint32_t r = 0; r < people_.size(); ++r) {
            const Person& person = people_[r];
            keys.push_back(resident_key(r));
            ResidentInfo info;
            info.neighbourhood = std::string(hoods_[person.neighbourhood].name);
            info.municipality = std::string(plans_[person.municipality].name);
            for (unsigned t : person.talents) info.talents.emplace_back(talent_names[t]);
            info.groups = group_labels(person);
            info.key_figure = person.key_figure;
            info.trained_on = person.trained_on;
            net.add_resident(keys.back(), info);
        }
        for (const auto& org : organisations_) {
            OrganisationInfo info;
            info.kind = std::string(kind_name(org.kind));
            if (org.neighbourhood) info.neighbourhood = std::string(hoods_[*org.neighbourhood].name);
            info.municipality = std::string(plans_[org.municipality].name);
            for (unsigned t : offered_talents(org.kind)) info.talents.emplace_back(talent_names[t]);
            net.add_organisation(org.key, info);
        }
        net.mark_sensitive(sensitive_group);

        auto dated = [](Date since, std::optional<Date> until = std::nullopt) {
            TieInfo info;
            info.since = since;
            info.until = until;
            return info;
        };
        for (const auto& tie : knows_) net.add_tie(keys[tie.a], keys[tie.b], "knows", dated(tie.since, tie.until));
        for (const auto& m : memberships_)
            net.add_tie(keys[m.resident], organisations_[m.organisation].key, "member_of", dated(m.since));
        for (const auto& p : partnerships_)
            net.add_tie(organisations_[p.a].key, organisations_[p.b].key, "partner", dated(p.since));

        for (std::size_t e = 0; e < events_.size(); ++e) {
            const PlannedEvent& event = events_[e];
            EventInfo info;
            info.date = event.date;
            info.kind = std::string(kind_name(event.kind));
            info.neighbourhood = std::string(hoods_[event.neighbourhood].name);
            info.municipality = std::string(plans_[event.municipality].name);
            for (std::uint32_t o : event.organisations) info.organisers.push_back(organisations_[o].key);
            for (std::uint32_t k : event.key_figures) info.organisers.push_back(keys[k]);
            net.add_event(event.key, info);
            for (const Visit& v : visits_[e])
                net.attend(event.key, keys[v.resident],
                           v.brought_by < 0 ? std::string_view{}
                                            : std::string_view(keys[static_cast<std::size_t>(v.brought_by)]));
        }
        return net;
    }

    std::uint64_t seed_;
    double scale_;
    std::vector<MunicipalityPlan> plans_;
    std::vector<HoodInfo> hoods_;
    std::vector<Person> people_;
    std::vector<std::vector<std::uint32_t>> residents_of_hood_;
    std::vector<std::vector<std::uint32_t>> residents_of_municipality_;
    std::vector<std::uint32_t> all_residents_;
    std::vector<std::vector<std::uint32_t>> key_figures_of_;
    std::vector<Organisation> organisations_;
    std::vector<std::vector<std::uint32_t>> organisations_of_;
    std::vector<Knows> knows_;
    std::vector<std::vector<std::uint32_t>> contacts_;  // resident -> indices into knows_
    std::unordered_set<std::uint64_t> acquainted_;      // lookups only, never iterated
    std::vector<Membership> memberships_;
    std::vector<Partnership> partnerships_;
    std::vector<PlannedEvent> events_;
    std::vector<std::vector<Visit>> visits_;
};

}  // namespace

void SampleOptions::validate() const {
    if (!std::isfinite(scale) || scale <= 0 || scale > 1000) {
        std::ostringstream message;
        message << "sample options field 'scale': must be a number in (0, 1000], got " << scale;
        throw input_error(message.str());
    }
}

Network sample_programme(const SampleOptions& options) {
    options.validate();
    // Below 60 residents some neighbourhoods would stay empty.
    const auto residents = std::max<long long>(60, std::llround(2000 * options.scale));
    Generator generator(options, static_cast<std::size_t>(residents));
    return generator.run();
}

}  // namespace verbind
