// The domain model: a mutable Network of residents and organisations, dated
// ties of named kinds, events and attendance. Single writer; copyable (a copy
// is how imports stay atomic: apply to a copy, swap on success).
//
// Actors and events are addressed by pseudonymous external keys (strings).
// Inside, they are dense ids: ActorId i is the i-th live actor in insertion
// order, EventId likewise. Removing an actor or event shifts the ids of those
// added after it, so hold keys, not ids, across removals.
#pragma once

#include "verbind/model/date.hpp"

#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace verbind {

using ActorId = std::uint32_t;
using EventId = std::uint32_t;
inline constexpr std::uint32_t no_id = std::numeric_limits<std::uint32_t>::max();

enum class ActorType : std::uint8_t { resident, organisation };

// "resident" / "organisation".
std::string_view to_string(ActorType type) noexcept;

// Attributes of a resident as given to add_resident. Empty strings mean
// "not known". Talents are talent/interest tags; groups are declared groups
// (a group can be marked special-category with Network::mark_sensitive).
struct ResidentInfo {
    std::string neighbourhood;
    std::string municipality;
    std::vector<std::string> talents;
    std::vector<std::string> groups;
    bool key_figure = false;
    std::optional<Date> trained_on;
};

// Attributes of an organisation: `kind` (library, welfare, ...) is required.
struct OrganisationInfo {
    std::string kind;
    std::string neighbourhood;
    std::string municipality;
    std::vector<std::string> talents;  // what the organisation offers
};

struct Actor {
    std::string key;
    ActorType type = ActorType::resident;
    std::string kind;  // organisation kind; empty for residents
    std::string neighbourhood;
    std::string municipality;
    std::vector<std::string> talents;
    std::vector<std::string> groups;
    bool key_figure = false;
    std::optional<Date> trained_on;

    bool is_resident() const noexcept { return type == ActorType::resident; }
};

// A tie is active on the days in [since, until); a missing bound is open.
struct TieInfo {
    std::optional<Date> since;
    std::optional<Date> until;
    double weight = 1.0;  // finite, >= 0
};

struct Tie {
    ActorId a = no_id;
    ActorId b = no_id;
    std::uint32_t kind = 0;  // index into Network::tie_kinds()
    std::optional<Date> since;
    std::optional<Date> until;
    double weight = 1.0;

    // True when the tie is active at some day in [start, end) (open bounds
    // allowed on both sides).
    bool active_in(const std::optional<Date>& start, const std::optional<Date>& end) const noexcept;
};

struct EventInfo {
    Date date;
    std::string kind;  // required: "4 May commemoration", "iftar", ...
    std::string neighbourhood;
    std::string municipality;
    std::vector<std::string> organisers;  // actor keys
};

struct Event {
    std::string key;
    Date date;
    std::string kind;
    std::string neighbourhood;
    std::string municipality;
    std::vector<ActorId> organisers;
};

struct Attendance {
    EventId event = no_id;
    ActorId actor = no_id;
    ActorId brought_by = no_id;  // no_id: came on their own (or unknown)
};

class Network {
public:
    Network() = default;

    // Makes room for this many records in all, so a bulk load (a file, a
    // store) does not grow its tables step by step. Changes nothing visible.
    void reserve(std::size_t actors, std::size_t ties, std::size_t events = 0, std::size_t attendances = 0);

    // --- adding -----------------------------------------------------------
    // Every add validates all its input first and changes nothing when it
    // throws (input_error for bad values and duplicates, not_found_error for
    // unknown keys).
    ActorId add_resident(std::string_view key, const ResidentInfo& info = {});
    ActorId add_organisation(std::string_view key, const OrganisationInfo& info);
    void add_tie(std::string_view a, std::string_view b, std::string_view kind = "knows", const TieInfo& info = {});
    // The same by actor ids (bulk loads that already know them).
    void add_tie(ActorId a, ActorId b, std::string_view kind = "knows", const TieInfo& info = {});
    EventId add_event(std::string_view key, const EventInfo& info);
    void add_organiser(std::string_view event, std::string_view actor);
    // `brought_by` empty: came on their own.
    void attend(std::string_view event, std::string_view actor, std::string_view brought_by = {});

    // Marks a declared group as special-category (GDPR art. 9), for example a
    // declared LGBTI+ identity. Exports leave such groups out unless asked.
    void mark_sensitive(std::string_view group);
    bool is_sensitive(std::string_view group) const;
    const std::set<std::string, std::less<>>& sensitive_groups() const noexcept { return sensitive_; }
    // An actor's declared groups as they may leave the library: without the
    // special-category ones unless the caller asked for them by name. The
    // same as Visible(*this, include_sensitive).groups(actor) (model/visible.hpp,
    // the one privacy view every export, analysis and binding reads through).
    std::vector<std::string> declared_groups(const Actor& actor, bool include_sensitive = false) const;

    // Events and tie kinds can be special-category too: attending a Pride
    // breakfast, or a member_of tie to an LGBTI+ organisation, can reveal
    // what a declared group would. A sensitive event is left out of exports
    // with its organiser entries and attendance; a sensitive tie kind with
    // every tie of that kind; unless the caller sets include_sensitive.
    // mark_sensitive_event throws not_found_error for an unknown event; a
    // tie kind may be marked before any tie of it exists. Removing an event
    // drops its mark.
    void mark_sensitive_event(std::string_view event);
    bool is_sensitive_event(EventId event) const;
    const std::set<std::string, std::less<>>& sensitive_events() const noexcept { return sensitive_events_; }
    void mark_sensitive_tie_kind(std::string_view kind);
    bool is_sensitive_tie_kind(std::string_view kind) const { return sensitive_tie_kinds_.count(kind) > 0; }
    bool is_sensitive(const Tie& tie) const { return is_sensitive_tie_kind(tie_kind(tie)); }
    const std::set<std::string, std::less<>>& sensitive_tie_kinds() const noexcept { return sensitive_tie_kinds_; }

    // --- removing ---------------------------------------------------------
    // Removes an actor and every tie, organiser entry and attendance of
    // theirs (attendances they brought others to keep the other person's
    // attendance, without brought_by). Throws not_found_error.
    void remove(std::string_view key);
    // Removes an event with its attendance. Throws not_found_error.
    void remove_event(std::string_view key);

    // --- looking up -------------------------------------------------------
    std::optional<ActorId> find_actor(std::string_view key) const noexcept;
    ActorId actor_id(std::string_view key) const;  // throws not_found_error
    std::optional<EventId> find_event(std::string_view key) const noexcept;
    EventId event_id(std::string_view key) const;  // throws not_found_error

    const Actor& actor(ActorId id) const { return actors_.at(id); }
    const Actor& actor(std::string_view key) const { return actors_[actor_id(key)]; }
    const Event& event(EventId id) const { return events_.at(id); }
    const Event& event(std::string_view key) const { return events_[event_id(key)]; }

    const std::vector<Actor>& actors() const noexcept { return actors_; }
    const std::vector<Tie>& ties() const noexcept { return ties_; }
    const std::vector<Event>& events() const noexcept { return events_; }
    const std::vector<Attendance>& attendance() const noexcept { return attendance_; }

    // Names of tie kinds in first-use order; Tie::kind indexes this.
    const std::vector<std::string>& tie_kinds() const noexcept { return tie_kinds_; }
    const std::string& tie_kind(const Tie& tie) const { return tie_kinds_.at(tie.kind); }

    std::size_t num_actors() const noexcept { return actors_.size(); }
    std::size_t num_residents() const noexcept;
    std::size_t num_organisations() const noexcept { return actors_.size() - num_residents(); }
    std::size_t num_ties() const noexcept { return ties_.size(); }
    std::size_t num_events() const noexcept { return events_.size(); }
    std::size_t num_attendances() const noexcept { return attendance_.size(); }

    bool operator==(const Network& other) const;

private:
    std::uint32_t intern_kind(std::string_view kind);
    void rebuild_indexes();

    std::vector<Actor> actors_;
    std::vector<Tie> ties_;
    std::vector<Event> events_;
    std::vector<Attendance> attendance_;
    std::vector<std::string> tie_kinds_;
    std::set<std::string, std::less<>> sensitive_;
    std::set<std::string, std::less<>> sensitive_events_;     // event keys
    std::set<std::string, std::less<>> sensitive_tie_kinds_;  // tie kind names

    struct string_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, ActorId, string_hash, std::equal_to<>> actor_index_;
    std::unordered_map<std::string, EventId, string_hash, std::equal_to<>> event_index_;
    std::unordered_set<std::uint64_t> attendance_index_;  // event << 32 | actor
    // A tie is a duplicate when the same pair (either order) has a tie of the
    // same kind starting on the same day.
    struct TieKey {
        ActorId low, high;
        std::uint32_t kind;
        std::int64_t since;  // day number, or a sentinel for "open"
        bool operator==(const TieKey&) const = default;
    };
    struct TieKeyHash {
        std::size_t operator()(const TieKey& k) const noexcept;
    };
    static TieKey tie_key(const Tie& tie) noexcept;
    // An open-addressing set of TieKeys (linear probing, at most half full):
    // one cache line per lookup, no allocation per tie, which is what bulk
    // loads of millions of ties spend their time on otherwise.
    class TieIndex {
    public:
        std::size_t count(const TieKey& key) const noexcept;
        void insert(const TieKey& key);  // key must not be present
        void reserve(std::size_t n);
        void clear() noexcept {
            slots_.clear();
            size_ = 0;
        }

    private:
        static constexpr std::uint32_t empty_kind = std::numeric_limits<std::uint32_t>::max();
        std::vector<TieKey> slots_;  // kind == empty_kind: free
        std::size_t size_ = 0;
    };
    TieIndex tie_index_;
};

}  // namespace verbind
