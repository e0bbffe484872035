#include "verbind/reach/temporal.hpp"

#include "verbind/error.hpp"
#include "verbind/model/text.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/util/files.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <numeric>
#include <sstream>
#include <tuple>
#include <unordered_map>

namespace verbind {

NodeId ContactSequence::index(std::string_view key) const {
    for (NodeId i = 0; i < keys.size(); ++i)
        if (keys[i] == key) return i;
    throw not_found_error("no person '" + std::string(key) + "' in the contacts");
}

Graph ContactSequence::graph() const {
    std::vector<NodeId> a(first.begin(), first.end()), b(second.begin(), second.end());
    EdgeListOptions options;
    options.duplicates = Merge::first;  // one edge per pair that met
    return Graph::from_keyed_edges(keys, a, b, {}, options);
}

namespace {

// Contacts as groups of people meeting at one time, sorted by time.
struct Meeting {
    std::int64_t time;
    std::size_t begin, end;  // into the member list
};

// The sweep over time: feed the meetings of each time stamp, in increasing
// time, to step(); each is decided on the state before that time.
class Sweep {
public:
    Sweep(std::size_t n, std::span<const NodeId> seeds, std::int64_t start, std::optional<std::int64_t> max_wait)
        : max_wait_(max_wait), ready_(n, 0), last_(n, 0) {
        result_.arrival.assign(n, 0);
        result_.reached.assign(n, 0);
        for (NodeId s : seeds)
            if (!result_.reached[s]) {
                result_.reached[s] = 1;
                result_.arrival[s] = last_[s] = ready_[s] = start;
                ++count_;
            }
        result_.curve_times.push_back(start);
        result_.curve_reached.push_back(count_);
    }

    void step(std::int64_t t, std::span<const Meeting> meetings, const std::vector<NodeId>& members) {
        receivers_.clear();
        for (const Meeting& m : meetings) {
            std::size_t passers = 0;
            for (std::size_t j = m.begin; j < m.end && passers < 2; ++j) passers += can_pass(members[j], t);
            if (passers == 0) continue;
            // Everyone hears it from someone else (which renews it for
            // those who already held it), except a lone passer.
            for (std::size_t j = m.begin; j < m.end; ++j)
                if (passers >= 2 || !can_pass(members[j], t)) receivers_.push_back(members[j]);
        }
        const std::size_t before = count_;
        for (NodeId v : receivers_) {
            if (!result_.reached[v]) {
                result_.reached[v] = 1;
                result_.arrival[v] = t;
                ready_[v] = t + 1;
                ++count_;
            }
            last_[v] = std::max(last_[v], t);
        }
        if (count_ != before) {
            if (result_.curve_times.back() == t) {
                result_.curve_reached.back() = count_;  // contacts at `start` itself
            } else {
                result_.curve_times.push_back(t);
                result_.curve_reached.push_back(count_);
            }
        }
    }

    TemporalReach take() { return std::move(result_); }

private:
    bool can_pass(NodeId u, std::int64_t t) const {
        return result_.reached[u] && t >= ready_[u] && (!max_wait_ || t - last_[u] <= *max_wait_);
    }

    std::optional<std::int64_t> max_wait_;
    std::vector<std::int64_t> ready_, last_;
    std::vector<NodeId> receivers_;
    std::size_t count_ = 0;
    TemporalReach result_;
};

// The window's and max_wait's checks of both TemporalOptions.
void check_window(std::int64_t start, std::optional<std::int64_t> end, std::optional<std::int64_t> max_wait,
                  std::string_view unit) {
    if (end && *end <= start)
        throw input_error("temporal_reach: end must be after start (start " + std::to_string(start) + ", end " +
                          std::to_string(*end) + std::string(unit) + ")");
    if (max_wait && *max_wait < 0)
        throw input_error("temporal_reach: max_wait must be >= 0, got " + std::to_string(*max_wait));
}

}  // namespace

void TemporalOptions::validate() const { check_window(start, end, max_wait, ""); }

void NetworkTemporalOptions::validate() const {
    // start is only compared with a given end (a default-constructed start
    // is not a date yet).
    std::optional<std::int64_t> end_day;
    if (end) end_day = end->day_number();
    check_window(end ? start.day_number() : 0, end_day, max_wait, " as day numbers");
}

TemporalReach temporal_reach(const ContactSequence& contacts, std::span<const NodeId> seeds,
                             const TemporalOptions& options) {
    for (std::size_t i = 0; i < seeds.size(); ++i)
        if (seeds[i] >= contacts.num_nodes())
            throw input_error("seed " + std::to_string(i) + ": node " + std::to_string(seeds[i]) +
                              " is out of range (n = " + std::to_string(contacts.num_nodes()) + ")");
    options.validate();
    for (std::size_t c = 1; c < contacts.size(); ++c)
        if (contacts.times[c] < contacts.times[c - 1])
            throw input_error("temporal_reach: contact " + std::to_string(c) + " (time " +
                              std::to_string(contacts.times[c]) + ") is before the one before it (time " +
                              std::to_string(contacts.times[c - 1]) + "); contacts must be sorted by time");
    Sweep sweep(contacts.num_nodes(), seeds, options.start, options.max_wait);
    std::vector<Meeting> meetings;
    std::vector<NodeId> members;
    for (std::size_t c = 0; c < contacts.size();) {
        const std::int64_t t = contacts.times[c];
        meetings.clear();
        members.clear();
        for (; c < contacts.size() && contacts.times[c] == t; ++c) {
            meetings.push_back({t, members.size(), members.size() + 2});
            members.push_back(contacts.first[c]);
            members.push_back(contacts.second[c]);
        }
        if (t < options.start || (options.end && t >= *options.end)) continue;
        sweep.step(t, meetings, members);
    }
    return sweep.take();
}

TemporalReach temporal_reach(const Network& network, std::span<const ActorId> seeds,
                             const NetworkTemporalOptions& options) {
    const std::size_t n = network.num_actors();
    for (std::size_t i = 0; i < seeds.size(); ++i)
        if (seeds[i] >= n)
            throw input_error("seed " + std::to_string(i) + ": actor " + std::to_string(seeds[i]) +
                              " is out of range (" + std::to_string(n) + " actors)");
    options.validate();
    const Visible visible(network, options.include_sensitive);
    const std::int64_t start = options.start.day_number();
    std::int64_t end = start + 1;
    if (options.end) {
        end = options.end->day_number();
    } else {
        for (EventId e = 0; e < network.num_events(); ++e)
            if (visible.event(e)) end = std::max<std::int64_t>(end, network.event(e).date.day_number() + 1);
        for (const Tie& t : network.ties()) {
            if (!visible.tie(t)) continue;
            if (t.since) end = std::max<std::int64_t>(end, t.since->day_number() + 1);
            if (t.until) end = std::max<std::int64_t>(end, t.until->day_number());
        }
    }
    // Meetings generated day by day, so they come out in time order.
    std::vector<std::vector<EventId>> events_on(static_cast<std::size_t>(end - start));
    for (EventId e = 0; e < network.num_events(); ++e) {
        if (!visible.event(e)) continue;
        const std::int64_t day = network.event(e).date.day_number();
        if (day >= start && day < end) events_on[static_cast<std::size_t>(day - start)].push_back(e);
    }
    std::vector<std::vector<ActorId>> present(network.num_events());
    for (const Attendance& a : network.attendance()) present[a.event].push_back(a.actor);
    struct Span {
        std::int64_t from, to;
        ActorId a, b;
    };
    std::vector<Span> spans;
    for (const Tie& tie : network.ties()) {
        if (!visible.tie(tie)) continue;
        const std::int64_t from = std::max<std::int64_t>(start, tie.since ? tie.since->day_number() : start);
        const std::int64_t to = std::min<std::int64_t>(end, tie.until ? tie.until->day_number() : end);
        if (from < to) spans.push_back({from, to, tie.a, tie.b});
    }
    Sweep sweep(n, seeds, start, options.max_wait);
    std::vector<Meeting> meetings;
    std::vector<NodeId> members;
    std::vector<ActorId> people;
    for (std::int64_t day = start; day < end; ++day) {
        meetings.clear();
        members.clear();
        for (const Span& span : spans)
            if (span.from <= day && day < span.to) {
                meetings.push_back({day, members.size(), members.size() + 2});
                members.push_back(span.a);
                members.push_back(span.b);
            }
        for (EventId e : events_on[static_cast<std::size_t>(day - start)]) {
            people = present[e];
            const Event& event = network.event(e);
            people.insert(people.end(), event.organisers.begin(), event.organisers.end());
            std::sort(people.begin(), people.end());
            people.erase(std::unique(people.begin(), people.end()), people.end());
            if (people.size() < 2) continue;
            meetings.push_back({day, members.size(), members.size() + people.size()});
            members.insert(members.end(), people.begin(), people.end());
        }
        sweep.step(day, meetings, members);
    }
    return sweep.take();
}

}  // namespace verbind
