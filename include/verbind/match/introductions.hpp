// Introductions across groups on shared talents (mixed tables at an event:
// verbind/match/tables.hpp). The score and the selection are documented in
// docs/match.md.
#pragma once

#include "verbind/model/network.hpp"
#include "verbind/util/progress.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace verbind {

struct IntroductionOptions {
    std::size_t per_person = 2;         // nobody gets more introductions than this
    std::optional<std::size_t> limit;   // at most this many, spread fairly over groups
    std::string municipality;           // empty: every municipality
    std::optional<Date> start, end;     // ties active in [start, end) count as "already tied"
    std::size_t min_shared = 1;         // shared talents/interests needed, >= 1
    std::optional<std::uint64_t> seed;  // none: verbind::default_seed
    unsigned threads = 0;               // 0: all cores; results do not depend on it
    // Candidates examined per person, drawn from those sharing a talent
    // (rarer talents get more draws); everyone when fewer share one.
    std::size_t candidates_per_person = 50;
    double bridge_bonus = 0.5;  // per bridged dimension (declared groups, communities)
    // Pairs someone can introduce come first: the score is multiplied by
    // (1 + introducer_bonus) when the pair has a mutual contact or a shared
    // organisation, by (1 + introducer_bonus / 2) when only a key figure
    // active in both neighbourhoods can introduce them (docs/match.md,
    // "Who could introduce them"). 0: the score ignores introducers.
    double introducer_bonus = 1.0;
    // A community label per actor (ActorId order), computed once by the
    // caller (for example verbind::communities on build_graph(network, {start,
    // end})). Empty: computed here that way with default options.
    std::vector<std::uint32_t> communities;
    ProgressCallback progress;
    // Ties of sensitive kinds (a member_of tie to an LGBTI+ organisation) are
    // neither "already tied" nor a `via` unless asked for by name.
    bool include_sensitive = false;

    // Throws input_error for min_shared or candidates_per_person of 0, or
    // a bridge_bonus or introducer_bonus that is negative or not finite
    // (communities and municipality are checked against the Network by
    // introductions).
    void validate() const;
};

// Why someone could make an introduction, strongest first.
enum class ViaKind : std::uint8_t {
    mutual_contact,       // a resident tied to both (in the window)
    shared_organisation,  // an organisation both are tied to, or whose events both took part in
    key_figure,           // a key figure active in the neighbourhoods of both
};
// "mutual contact", "shared organisation", "key figure in both neighbourhoods".
std::string_view to_string(ViaKind kind) noexcept;
// "mutual_contact", "shared_organisation", "key_figure".
std::string_view to_identifier(ViaKind kind) noexcept;

struct Introduction {
    std::string a, b;  // actor keys; a is a resident, b a resident or an organisation
    double score = 0.0;
    std::vector<std::string> shared_talents;  // sorted
    // The non-sensitive declared groups one of them has and the other has
    // not, then "community <i>" and "community <j>" when their communities
    // differ. Never empty; never a special-category group.
    std::vector<std::string> bridges;
    // Who could make the introduction: up to three actor keys, best first:
    // mutual contacts (key figures first, then by key), then shared
    // organisations (the one fewest actors share first, then by key), then
    // key figures active in both neighbourhoods (by key). Empty: no one in
    // the data can introduce them (docs/match.md).
    std::vector<std::string> via;
    std::vector<ViaKind> via_kinds;  // why, parallel to via
};

// Suggested introductions, best first (score, then keys). See docs/match.md
// for the candidates, the score, and the selection: a greedy maximum-weight
// b-matching (b = per_person; weight at least half the optimum), then, with
// a limit, a proportional round-robin over declared groups.
std::vector<Introduction> introductions(const Network& network, const IntroductionOptions& options = {});

}  // namespace verbind
