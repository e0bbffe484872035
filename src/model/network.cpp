#include "verbind/model/network.hpp"

#include "verbind/error.hpp"
#include "verbind/model/text.hpp"
#include "verbind/model/visible.hpp"

#include <algorithm>
#include <cmath>

namespace verbind {

std::string_view to_string(ActorType type) noexcept {
    return type == ActorType::resident ? "resident" : "organisation";
}

bool Tie::active_in(const std::optional<Date>& start, const std::optional<Date>& end) const noexcept {
    // [since, until) overlaps [start, end)
    if (end && since && *since >= *end) return false;
    if (start && until && *until <= *start) return false;
    return true;
}

namespace {

std::string quoted(std::string_view text) {
    std::string out = "'";
    out += text;
    out += "'";
    return out;
}

std::string record(std::string_view type, std::string_view key) { return std::string(type) + " " + quoted(key); }

std::string field(const std::string& rec, std::string_view name) {
    return rec + " field '" + std::string(name) + "'";
}

void check_optional_label(const std::string& text, const std::string& what) {
    if (!text.empty()) check_label(text, what);
}

// Validates list items and drops repeats, keeping first occurrences in order.
std::vector<std::string> clean_list(const std::vector<std::string>& items, const std::string& what) {
    std::vector<std::string> out;
    out.reserve(items.size());
    for (const auto& item : items) {
        check_label(item, what, /*list_item=*/true);
        if (std::find(out.begin(), out.end(), item) == out.end()) out.push_back(item);
    }
    return out;
}

constexpr std::int64_t open_since = std::numeric_limits<std::int64_t>::min();

}  // namespace

Network::TieKey Network::tie_key(const Tie& tie) noexcept {
    return {std::min(tie.a, tie.b), std::max(tie.a, tie.b), tie.kind,
            tie.since ? static_cast<std::int64_t>(tie.since->day_number()) : open_since};
}

std::size_t Network::TieKeyHash::operator()(const TieKey& k) const noexcept {
    std::uint64_t h = (std::uint64_t{k.low} << 32 | k.high) * 0x9E3779B97F4A7C15ull;
    h ^= (std::uint64_t{k.kind} + static_cast<std::uint64_t>(k.since) * 0xC2B2AE3D27D4EB4Full);
    h ^= h >> 31;
    return static_cast<std::size_t>(h * 0xBF58476D1CE4E5B9ull);
}

std::size_t Network::TieIndex::count(const TieKey& key) const noexcept {
    if (slots_.empty()) return 0;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = TieKeyHash{}(key)&mask;; i = (i + 1) & mask) {
        if (slots_[i].kind == empty_kind) return 0;
        if (slots_[i] == key) return 1;
    }
}

void Network::TieIndex::reserve(std::size_t n) {
    std::size_t capacity = 16;
    while (capacity < 2 * n) capacity *= 2;
    if (capacity <= slots_.size()) return;
    std::vector<TieKey> old(capacity, TieKey{0, 0, empty_kind, 0});
    old.swap(slots_);
    size_ = 0;
    for (const TieKey& key : old)
        if (key.kind != empty_kind) insert(key);
}

void Network::TieIndex::insert(const TieKey& key) {
    if (2 * (size_ + 1) > slots_.size()) reserve(size_ + 1 > 8 ? 2 * (size_ + 1) : 16);
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = TieKeyHash{}(key)&mask;
    while (slots_[i].kind != empty_kind) i = (i + 1) & mask;
    slots_[i] = key;
    ++size_;
}

std::size_t Network::num_residents() const noexcept {
    return static_cast<std::size_t>(std::count_if(actors_.begin(), actors_.end(),
                                                  [](const Actor& a) { return a.is_resident(); }));
}

void Network::reserve(std::size_t actors, std::size_t ties, std::size_t events, std::size_t attendances) {
    actors_.reserve(actors);
    actor_index_.reserve(actors);
    ties_.reserve(ties);
    tie_index_.reserve(ties);
    events_.reserve(events);
    event_index_.reserve(events);
    attendance_.reserve(attendances);
    attendance_index_.reserve(attendances);
}

// --- adding -------------------------------------------------------------------

ActorId Network::add_resident(std::string_view key, const ResidentInfo& info) {
    check_label(key, "resident key");
    const std::string rec = record("resident", key);
    if (actor_index_.count(key)) throw input_error(rec + ": key already exists");
    if (actor_index_.size() >= no_id) throw input_error(rec + ": too many actors");
    check_optional_label(info.neighbourhood, field(rec, "neighbourhood"));
    check_optional_label(info.municipality, field(rec, "municipality"));
    Actor actor;
    actor.key = std::string(key);
    actor.type = ActorType::resident;
    actor.neighbourhood = info.neighbourhood;
    actor.municipality = info.municipality;
    actor.talents = clean_list(info.talents, field(rec, "talents"));
    actor.groups = clean_list(info.groups, field(rec, "groups"));
    actor.key_figure = info.key_figure;
    actor.trained_on = info.trained_on;
    if (actor.trained_on) check_date(*actor.trained_on, field(rec, "trained_on"));

    const auto id = static_cast<ActorId>(actors_.size());
    actors_.push_back(std::move(actor));
    try {
        actor_index_.emplace(actors_.back().key, id);
    } catch (...) {
        actors_.pop_back();
        throw;
    }
    return id;
}

ActorId Network::add_organisation(std::string_view key, const OrganisationInfo& info) {
    check_label(key, "organisation key");
    const std::string rec = record("organisation", key);
    if (actor_index_.count(key)) throw input_error(rec + ": key already exists");
    if (actor_index_.size() >= no_id) throw input_error(rec + ": too many actors");
    check_label(info.kind, field(rec, "kind"));
    check_optional_label(info.neighbourhood, field(rec, "neighbourhood"));
    check_optional_label(info.municipality, field(rec, "municipality"));
    Actor actor;
    actor.key = std::string(key);
    actor.type = ActorType::organisation;
    actor.kind = info.kind;
    actor.neighbourhood = info.neighbourhood;
    actor.municipality = info.municipality;
    actor.talents = clean_list(info.talents, field(rec, "talents"));

    const auto id = static_cast<ActorId>(actors_.size());
    actors_.push_back(std::move(actor));
    try {
        actor_index_.emplace(actors_.back().key, id);
    } catch (...) {
        actors_.pop_back();
        throw;
    }
    return id;
}

std::uint32_t Network::intern_kind(std::string_view kind) {
    for (std::size_t i = 0; i < tie_kinds_.size(); ++i)
        if (tie_kinds_[i] == kind) return static_cast<std::uint32_t>(i);
    tie_kinds_.emplace_back(kind);
    return static_cast<std::uint32_t>(tie_kinds_.size() - 1);
}

void Network::add_tie(std::string_view a, std::string_view b, std::string_view kind, const TieInfo& info) {
    check_label(a, "tie field 'a'");
    check_label(b, "tie field 'b'");
    auto rec = [&] { return "tie " + quoted(a) + " - " + quoted(b); };
    if (!is_valid_label(kind)) check_label(kind, field(rec(), "kind"));
    const auto ia = find_actor(a);
    if (!ia) throw not_found_error(field(rec(), "a") + ": unknown actor " + quoted(a));
    const auto ib = find_actor(b);
    if (!ib) throw not_found_error(field(rec(), "b") + ": unknown actor " + quoted(b));
    add_tie(*ia, *ib, kind, info);
}

void Network::add_tie(ActorId ia_, ActorId ib_, std::string_view kind, const TieInfo& info) {
    // Messages are built only on failure: bulk loads add millions of ties.
    if (ia_ >= actors_.size() || ib_ >= actors_.size())
        throw not_found_error("tie: actor id " + std::to_string(std::max(ia_, ib_)) + " is out of range (" +
                              std::to_string(actors_.size()) + " actors)");
    const std::optional<ActorId> ia = ia_, ib = ib_;
    const std::string_view a = actors_[ia_].key, b = actors_[ib_].key;
    auto rec = [&] { return "tie " + quoted(a) + " - " + quoted(b); };
    if (!is_valid_label(kind)) check_label(kind, field(rec(), "kind"));
    if (*ia == *ib) throw input_error(rec() + ": a tie to oneself is not allowed");
    if (!std::isfinite(info.weight) || info.weight < 0)
        throw input_error(field(rec(), "weight") + ": must be a finite number >= 0, got " +
                          std::to_string(info.weight));
    if (info.since && !is_supported_date(*info.since)) check_date(*info.since, field(rec(), "since"));
    if (info.until && !is_supported_date(*info.until)) check_date(*info.until, field(rec(), "until"));
    if (info.since && info.until && *info.until <= *info.since)
        throw input_error(field(rec(), "until") + ": " + format_date(info.until) + " is not after since " +
                          format_date(info.since));

    const auto existing_kinds = tie_kinds_.size();
    Tie tie;
    tie.a = *ia;
    tie.b = *ib;
    tie.kind = intern_kind(kind);
    tie.since = info.since;
    tie.until = info.until;
    tie.weight = info.weight;
    const TieKey signature = tie_key(tie);
    if (tie_index_.count(signature)) {
        tie_kinds_.resize(existing_kinds);
        throw input_error(rec() + ": a '" + std::string(kind) + "' tie between them since " +
                          (info.since ? format_date(info.since) : std::string("(open)")) + " already exists");
    }
    ties_.push_back(tie);
    try {
        tie_index_.insert(signature);
    } catch (...) {
        ties_.pop_back();
        tie_kinds_.resize(existing_kinds);
        throw;
    }
}

EventId Network::add_event(std::string_view key, const EventInfo& info) {
    check_label(key, "event key");
    const std::string rec = record("event", key);
    if (event_index_.count(key)) throw input_error(rec + ": key already exists");
    if (event_index_.size() >= no_id) throw input_error(rec + ": too many events");
    check_date(info.date, field(rec, "date"));
    check_label(info.kind, field(rec, "kind"));
    check_optional_label(info.neighbourhood, field(rec, "neighbourhood"));
    check_optional_label(info.municipality, field(rec, "municipality"));
    Event event;
    event.key = std::string(key);
    event.date = info.date;
    event.kind = info.kind;
    event.neighbourhood = info.neighbourhood;
    event.municipality = info.municipality;
    for (const auto& organiser : info.organisers) {
        check_label(organiser, field(rec, "organisers"), true);
        const auto id = find_actor(organiser);
        if (!id) throw not_found_error(field(rec, "organisers") + ": unknown actor " + quoted(organiser));
        if (std::find(event.organisers.begin(), event.organisers.end(), *id) == event.organisers.end())
            event.organisers.push_back(*id);
    }
    const auto id = static_cast<EventId>(events_.size());
    events_.push_back(std::move(event));
    try {
        event_index_.emplace(events_.back().key, id);
    } catch (...) {
        events_.pop_back();
        throw;
    }
    return id;
}

void Network::add_organiser(std::string_view event, std::string_view actor) {
    const EventId e = event_id(event);
    const std::string rec = record("event", event);
    const auto a = find_actor(actor);
    if (!a) throw not_found_error(field(rec, "organisers") + ": unknown actor " + quoted(actor));
    auto& organisers = events_[e].organisers;
    if (std::find(organisers.begin(), organisers.end(), *a) != organisers.end())
        throw input_error(rec + ": " + quoted(actor) + " is already an organiser");
    organisers.push_back(*a);
}

void Network::attend(std::string_view event, std::string_view actor, std::string_view brought_by) {
    auto rec = [&] { return "attendance of " + quoted(actor) + " at event " + quoted(event); };
    const auto e = find_event(event);
    if (!e) throw not_found_error(field(rec(), "event") + ": unknown event " + quoted(event));
    const auto a = find_actor(actor);
    if (!a) throw not_found_error(field(rec(), "actor") + ": unknown actor " + quoted(actor));
    ActorId by = no_id;
    if (!brought_by.empty()) {
        const auto b = find_actor(brought_by);
        if (!b) throw not_found_error(field(rec(), "brought_by") + ": unknown actor " + quoted(brought_by));
        if (*b == *a) throw input_error(field(rec(), "brought_by") + ": a person cannot bring themselves");
        by = *b;
    }
    const std::uint64_t signature = std::uint64_t{*e} << 32 | *a;
    if (attendance_index_.count(signature)) throw input_error(rec() + ": already recorded");
    attendance_.push_back({*e, *a, by});
    try {
        attendance_index_.insert(signature);
    } catch (...) {
        attendance_.pop_back();
        throw;
    }
}

void Network::mark_sensitive(std::string_view group) {
    check_label(group, "sensitive group", true);
    sensitive_.emplace(group);
}

bool Network::is_sensitive(std::string_view group) const { return sensitive_.count(group) > 0; }

std::vector<std::string> Network::declared_groups(const Actor& actor, bool include_sensitive) const {
    return Visible(*this, include_sensitive).groups(actor);
}

void Network::mark_sensitive_event(std::string_view event) {
    const EventId id = event_id(event);
    sensitive_events_.emplace(events_[id].key);
}

bool Network::is_sensitive_event(EventId event) const {
    return !sensitive_events_.empty() && sensitive_events_.count(events_.at(event).key) > 0;
}

void Network::mark_sensitive_tie_kind(std::string_view kind) {
    check_label(kind, "sensitive tie kind");
    sensitive_tie_kinds_.emplace(kind);
}

// --- removing -----------------------------------------------------------------

void Network::remove(std::string_view key) {
    const ActorId gone = actor_id(key);
    auto shift = [gone](ActorId id) { return id > gone && id != no_id ? id - 1 : id; };

    std::vector<Actor> actors = actors_;
    actors.erase(actors.begin() + gone);
    std::vector<Tie> ties;
    ties.reserve(ties_.size());
    for (Tie tie : ties_) {
        if (tie.a == gone || tie.b == gone) continue;
        tie.a = shift(tie.a);
        tie.b = shift(tie.b);
        ties.push_back(tie);
    }
    std::vector<Event> events = events_;
    for (auto& event : events) {
        std::erase(event.organisers, gone);
        for (auto& id : event.organisers) id = shift(id);
    }
    std::vector<Attendance> attendance;
    attendance.reserve(attendance_.size());
    for (Attendance record : attendance_) {
        if (record.actor == gone) continue;
        if (record.brought_by == gone) record.brought_by = no_id;
        record.actor = shift(record.actor);
        record.brought_by = shift(record.brought_by);
        attendance.push_back(record);
    }
    // Everything that can throw (allocation) is done; commit.
    Network next;
    next.actors_ = std::move(actors);
    next.ties_ = std::move(ties);
    next.events_ = std::move(events);
    next.attendance_ = std::move(attendance);
    next.tie_kinds_ = tie_kinds_;
    next.sensitive_ = sensitive_;
    next.sensitive_events_ = sensitive_events_;
    next.sensitive_tie_kinds_ = sensitive_tie_kinds_;
    next.rebuild_indexes();
    *this = std::move(next);
}

void Network::remove_event(std::string_view key) {
    const EventId gone = event_id(key);
    Network next = *this;
    next.events_.erase(next.events_.begin() + gone);
    std::erase_if(next.attendance_, [gone](const Attendance& a) { return a.event == gone; });
    for (auto& record : next.attendance_)
        if (record.event > gone) --record.event;
    next.sensitive_events_.erase(std::string(key));
    next.rebuild_indexes();
    *this = std::move(next);
}

void Network::rebuild_indexes() {
    actor_index_.clear();
    actor_index_.reserve(actors_.size());
    for (std::size_t i = 0; i < actors_.size(); ++i) actor_index_.emplace(actors_[i].key, static_cast<ActorId>(i));
    event_index_.clear();
    event_index_.reserve(events_.size());
    for (std::size_t i = 0; i < events_.size(); ++i) event_index_.emplace(events_[i].key, static_cast<EventId>(i));
    tie_index_.clear();
    tie_index_.reserve(ties_.size());
    for (const auto& tie : ties_) tie_index_.insert(tie_key(tie));
    attendance_index_.clear();
    attendance_index_.reserve(attendance_.size());
    for (const auto& record : attendance_) attendance_index_.insert(std::uint64_t{record.event} << 32 | record.actor);
}

// --- looking up ---------------------------------------------------------------

std::optional<ActorId> Network::find_actor(std::string_view key) const noexcept {
    const auto it = actor_index_.find(key);
    if (it == actor_index_.end()) return std::nullopt;
    return it->second;
}

ActorId Network::actor_id(std::string_view key) const {
    if (const auto id = find_actor(key)) return *id;
    throw not_found_error("unknown actor " + quoted(key));
}

std::optional<EventId> Network::find_event(std::string_view key) const noexcept {
    const auto it = event_index_.find(key);
    if (it == event_index_.end()) return std::nullopt;
    return it->second;
}

EventId Network::event_id(std::string_view key) const {
    if (const auto id = find_event(key)) return *id;
    throw not_found_error("unknown event " + quoted(key));
}

bool Network::operator==(const Network& other) const {
    auto same_actor = [](const Actor& x, const Actor& y) {
        return x.key == y.key && x.type == y.type && x.kind == y.kind && x.neighbourhood == y.neighbourhood &&
               x.municipality == y.municipality && x.talents == y.talents && x.groups == y.groups &&
               x.key_figure == y.key_figure && x.trained_on == y.trained_on;
    };
    if (!std::equal(actors_.begin(), actors_.end(), other.actors_.begin(), other.actors_.end(), same_actor))
        return false;
    auto same_tie = [&](const Tie& x, const Tie& y) {
        return x.a == y.a && x.b == y.b && tie_kind(x) == other.tie_kind(y) && x.since == y.since &&
               x.until == y.until && x.weight == y.weight;
    };
    if (!std::equal(ties_.begin(), ties_.end(), other.ties_.begin(), other.ties_.end(), same_tie)) return false;
    auto same_event = [](const Event& x, const Event& y) {
        return x.key == y.key && x.date == y.date && x.kind == y.kind && x.neighbourhood == y.neighbourhood &&
               x.municipality == y.municipality && x.organisers == y.organisers;
    };
    if (!std::equal(events_.begin(), events_.end(), other.events_.begin(), other.events_.end(), same_event))
        return false;
    auto same_attendance = [](const Attendance& x, const Attendance& y) {
        return x.event == y.event && x.actor == y.actor && x.brought_by == y.brought_by;
    };
    if (!std::equal(attendance_.begin(), attendance_.end(), other.attendance_.begin(), other.attendance_.end(),
                    same_attendance))
        return false;
    return sensitive_ == other.sensitive_ && sensitive_events_ == other.sensitive_events_ &&
           sensitive_tie_kinds_ == other.sensitive_tie_kinds_;
}

}  // namespace verbind
