// Mixed tables at an event: seeded local search over swaps.
#include "verbind/match/tables.hpp"

#include "verbind/error.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

namespace verbind {

namespace {

// The cost of one table: members who share no talent with anyone there
// weigh most; then how far each declared group's count is from its share of
// the room (squared).
struct Seating {
    std::vector<std::vector<std::uint32_t>> tags;    // per attendee, sorted
    std::vector<std::vector<std::uint32_t>> groups;  // per attendee, sorted
    std::vector<double> group_share;                 // per group: fraction of the room
    static constexpr double unconnected_weight = 100.0;

    bool shares(std::size_t x, std::size_t y) const {
        auto i = tags[x].begin(), j = tags[y].begin();
        while (i != tags[x].end() && j != tags[y].end()) {
            if (*i < *j)
                ++i;
            else if (*j < *i)
                ++j;
            else
                return true;
        }
        return false;
    }

    double cost(const std::vector<std::size_t>& table) const {
        double total = 0.0;
        for (std::size_t x : table) {
            bool connected = false;
            for (std::size_t y : table)
                if (y != x && shares(x, y)) {
                    connected = true;
                    break;
                }
            if (!connected) total += unconnected_weight;
        }
        std::vector<double> count(group_share.size(), 0.0);
        for (std::size_t x : table)
            for (auto g : groups[x]) count[g] += 1.0;
        for (std::size_t g = 0; g < count.size(); ++g) {
            const double d = count[g] - group_share[g] * static_cast<double>(table.size());
            total += d * d;
        }
        return total;
    }
};

}  // namespace

void TableOptions::validate() const {
    if (size < 2) throw input_error("tables: size must be >= 2, got " + std::to_string(size));
}

std::vector<Table> tables(const Network& network, std::string_view event, const TableOptions& options) {
    const EventId e = network.event_id(event);
    options.validate();
    std::vector<ActorId> people;
    for (const Attendance& a : network.attendance())
        if (a.event == e) people.push_back(a.actor);
    std::vector<Table> result;
    if (people.empty()) return result;

    Seating s;
    std::unordered_map<std::string, std::uint32_t> tag_index, group_index;
    std::vector<std::string> tag_names, group_names;
    auto intern = [](auto& index, auto& names, const std::string& name) {
        const auto [it, added] = index.emplace(name, static_cast<std::uint32_t>(names.size()));
        if (added) names.push_back(name);
        return it->second;
    };
    const Visible public_records(network, /*include_sensitive=*/false);
    for (ActorId u : people) {
        const Actor& actor = network.actor(u);
        std::vector<std::uint32_t> t, g;
        for (const auto& talent : actor.talents) t.push_back(intern(tag_index, tag_names, talent));
        // Special-category groups take no part: the seating would reveal them.
        for (const auto& group : public_records.groups(actor)) g.push_back(intern(group_index, group_names, group));
        std::sort(t.begin(), t.end());
        t.erase(std::unique(t.begin(), t.end()), t.end());
        std::sort(g.begin(), g.end());
        g.erase(std::unique(g.begin(), g.end()), g.end());
        s.tags.push_back(std::move(t));
        s.groups.push_back(std::move(g));
    }
    const std::size_t n = people.size();
    s.group_share.assign(group_names.size(), 0.0);
    for (const auto& g : s.groups)
        for (auto id : g) s.group_share[id] += 1.0 / static_cast<double>(n);

    const std::size_t k = std::max<std::size_t>(
        1, static_cast<std::size_t>(static_cast<double>(n) / static_cast<double>(options.size) + 0.5));
    Rng rng(seed_or_default(options.seed));
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    rng.shuffle(order.begin(), order.end());
    std::vector<std::vector<std::size_t>> seats(k);
    for (std::size_t i = 0; i < n; ++i) seats[i % k].push_back(order[i]);

    // Swaps between two tables keep the sizes; accept those that lower the
    // cost, for a fixed budget of attempts (the seed decides which).
    if (k > 1) {
        std::vector<double> cost(k);
        for (std::size_t t = 0; t < k; ++t) cost[t] = s.cost(seats[t]);
        const std::size_t attempts = std::min<std::size_t>(200 * n, 400000);
        for (std::size_t it = 0; it < attempts; ++it) {
            const std::size_t t1 = rng.below(k);
            std::size_t t2 = rng.below(k - 1);
            if (t2 >= t1) ++t2;
            const std::size_t i1 = rng.below(seats[t1].size()), i2 = rng.below(seats[t2].size());
            std::swap(seats[t1][i1], seats[t2][i2]);
            const double c1 = s.cost(seats[t1]), c2 = s.cost(seats[t2]);
            if (c1 + c2 < cost[t1] + cost[t2] - 1e-12) {
                cost[t1] = c1;
                cost[t2] = c2;
            } else {
                std::swap(seats[t1][i1], seats[t2][i2]);
            }
        }
    }

    std::size_t room_groups = group_names.size();
    for (auto& table : seats) {
        std::sort(table.begin(), table.end());
        Table out;
        std::map<std::uint32_t, std::size_t> holders;
        std::vector<std::uint32_t> present;
        for (std::size_t x : table) {
            out.members.push_back(network.actor(people[x]).key);
            for (auto t : s.tags[x]) ++holders[t];
            present.insert(present.end(), s.groups[x].begin(), s.groups[x].end());
            bool connected = false;
            for (std::size_t y : table)
                if (y != x && s.shares(x, y)) connected = true;
            if (!connected) out.unconnected.push_back(network.actor(people[x]).key);
        }
        std::vector<std::pair<std::size_t, std::string>> shared;
        for (const auto& [t, count] : holders)
            if (count >= 2) shared.emplace_back(count, tag_names[t]);
        std::sort(shared.begin(), shared.end(), [](const auto& x, const auto& y) {
            return x.first != y.first ? x.first > y.first : x.second < y.second;
        });
        for (auto& [count, name] : shared) out.shared_talents.push_back(std::move(name));
        std::sort(present.begin(), present.end());
        present.erase(std::unique(present.begin(), present.end()), present.end());
        out.groups = present.size();
        out.group_mix =
            room_groups == 0 ? 1.0 : static_cast<double>(present.size()) / static_cast<double>(room_groups);
        result.push_back(std::move(out));
    }
    return result;
}

}  // namespace verbind
