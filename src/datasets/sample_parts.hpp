// Internal to src/datasets/: the sample programme's random stream, setting,
// records and Generator, shared by sample.cpp (entry point, assembly),
// sample_people.cpp (residents, organisations, acquaintance) and
// sample_events.cpp (calendar, attendance). See sample.cpp for the
// portability rules every part follows.
#pragma once

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

namespace verbind::sample_detail {

// --- randomness ---------------------------------------------------------------

// splitmix64 (Steele, Lea & Flood 2014), used only to spread a seed over the
// xoshiro state.
inline std::uint64_t splitmix64(std::uint64_t& state) {
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

inline std::vector<MunicipalityPlan> municipality_plans() {
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

inline std::string_view kind_name(OrgKind kind) {
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

inline std::string_view kind_slug(OrgKind kind) {
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
inline std::vector<unsigned> offered_talents(OrgKind kind) {
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

inline std::string_view kind_name(EventKind kind) {
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
inline unsigned planned_turnout(EventKind kind) {
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
inline std::vector<unsigned> event_talents(EventKind kind) {
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

inline Date plus_days(Date day, int n) { return day + boost::gregorian::date_duration(n); }

// The first day on or after `day` that falls on `weekday` (0 = Sunday).
inline Date next_weekday(Date day, int weekday) {
    const int today = day.day_of_week().as_number();
    return plus_days(day, (weekday - today + 7) % 7);
}

inline std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
    if (a > b) std::swap(a, b);
    return std::uint64_t{a} << 32 | b;
}

inline bool shares_talent(const std::vector<unsigned>& a, const std::vector<unsigned>& b) {
    for (unsigned t : a)
        if (std::find(b.begin(), b.end(), t) != b.end()) return true;
    return false;
}

// Largest-remainder split of `total` over integer weights.
inline std::vector<std::size_t> apportion(std::size_t total, const std::vector<std::uint64_t>& weights) {
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
    // residents, organisations and acquaintance: sample_people.cpp
    void place_residents();
    unsigned index_in_municipality(const HoodInfo& hood) const;
    void describe_residents();
    void choose_key_figures();
    void found_organisations();
    unsigned affinity(const Person& a, const Person& b) const;
    void add_knows(std::uint32_t a, std::uint32_t b, Date since, std::optional<Date> until);
    void weave_acquaintances();
    const std::vector<std::uint32_t>& all_residents();
    const std::vector<std::uint32_t>& organisations_in(unsigned m);
    void join_organisations();
    std::uint32_t find_organisation(unsigned m, OrgKind kind) const;

    // the calendar and attendance: sample_events.cpp
    void plan_calendar();
    void assign_organisers(Rng& rng);
    unsigned hood_index(unsigned m, unsigned local) const;
    static bool theme_fits(EventKind kind, const Person& person);
    unsigned attraction(const PlannedEvent& event, const Person& person) const;
    void hold_events();
    void befriend(Rng& rng, const PlannedEvent& event, const std::vector<Visit>& record);

    // the Network: sample.cpp
    std::string resident_key(std::uint32_t r) const;
    std::vector<std::string> group_labels(const Person& person) const;
    Network assemble() const;

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

}  // namespace verbind::sample_detail
