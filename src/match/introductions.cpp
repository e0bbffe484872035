// Introductions: candidates that share talents and bridge groups or
// communities, scored (docs/match.md), then a greedy b-matching and a fair
// spread over declared groups (introductions_explain.cpp: the spread, and
// each suggestion's reasons and introducers).
#include "verbind/match/introductions.hpp"

#include "introductions_parts.hpp"

#include "verbind/error.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/socialmap/communities.hpp"
#include "verbind/util/parallel.hpp"
#include "verbind/util/random.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>
#include <unordered_set>

namespace verbind {

void IntroductionOptions::validate() const {
    if (min_shared < 1) throw input_error("introductions: min_shared must be >= 1");
    if (candidates_per_person < 1) throw input_error("introductions: candidates_per_person must be >= 1");
    if (!(bridge_bonus >= 0.0) || !std::isfinite(bridge_bonus))
        throw input_error("introductions: bridge_bonus must be finite and >= 0");
    if (!(introducer_bonus >= 0.0) || !std::isfinite(introducer_bonus))
        throw input_error("introductions: introducer_bonus must be finite and >= 0");
}

namespace {

using namespace match_detail;

void validate(const Network& network, const IntroductionOptions& options) {
    options.validate();
    if (!options.communities.empty() && options.communities.size() != network.num_actors())
        throw input_error("introductions: communities has " + std::to_string(options.communities.size()) +
                          " labels, the network has " + std::to_string(network.num_actors()) + " actors");
    if (!options.municipality.empty()) {
        const bool known = std::any_of(network.actors().begin(), network.actors().end(),
                                       [&](const Actor& a) { return a.municipality == options.municipality; });
        if (!known)
            throw not_found_error("introductions: no actor lives in municipality '" + options.municipality + "'");
    }
}

// Who could introduce whom: each actor's organisations (tied to in the
// window, or organising an event of the window that the actor attended or
// co-organised), and the places (municipality, neighbourhood) where each key
// figure is active (lives, or attended or organised an event of the window).
// Sensitive tie kinds (left out of c.ties already) and sensitive events take
// no part unless include_sensitive.
void prepare_introducers(Context& c) {
    const Network& net = c.network;
    const std::size_t n = net.num_actors();
    const Visible visible(net, c.options.include_sensitive);
    Interner places;
    auto place_of = [&](const std::string& municipality, const std::string& neighbourhood) -> std::uint32_t {
        if (neighbourhood.empty()) return no_id;
        std::string key = municipality;
        key += '\0';
        key += neighbourhood;
        return places.id(key);
    };
    c.orgs.assign(n, {});
    c.place.assign(n, no_id);
    std::vector<std::vector<std::uint32_t>> active(n);
    for (ActorId u = 0; u < n; ++u) {
        const Actor& actor = net.actor(u);
        c.place[u] = place_of(actor.municipality, actor.neighbourhood);
        if (actor.key_figure && c.place[u] != no_id) active[u].push_back(c.place[u]);
        for (ActorId w : c.ties.neighbors(u))
            if (!net.actor(w).is_resident()) c.orgs[u].push_back(w);
    }
    const auto in_window = [&](const Date& d) {
        return (!c.options.start || d >= *c.options.start) && (!c.options.end || d < *c.options.end);
    };
    std::vector<char> event_in_view(net.num_events(), 0);
    std::vector<std::uint32_t> event_place(net.num_events(), no_id);
    for (EventId e = 0; e < net.num_events(); ++e) {
        const Event& event = net.events()[e];
        if (!visible.event(e) || !in_window(event.date)) continue;
        event_in_view[e] = 1;
        event_place[e] = place_of(event.municipality, event.neighbourhood);
    }
    auto took_part = [&](ActorId u, EventId e) {
        for (ActorId o : net.events()[e].organisers)
            if (o != u && !net.actor(o).is_resident()) c.orgs[u].push_back(o);
        if (event_place[e] != no_id && net.actor(u).key_figure) active[u].push_back(event_place[e]);
    };
    for (EventId e = 0; e < net.num_events(); ++e)
        if (event_in_view[e])
            for (ActorId u : net.events()[e].organisers) took_part(u, e);
    for (const Attendance& record : net.attendance())
        if (event_in_view[record.event]) took_part(record.actor, record.event);
    c.circle.assign(n, 0);
    for (auto& list : c.orgs) {
        list = sorted_unique(std::move(list));
        for (ActorId o : list) ++c.circle[o];
    }
    std::vector<ActorId> figures;
    for (ActorId u = 0; u < n; ++u)
        if (net.actor(u).is_resident() && net.actor(u).key_figure) figures.push_back(u);
    std::sort(figures.begin(), figures.end(),
              [&](ActorId x, ActorId y) { return net.actor(x).key < net.actor(y).key; });
    for (ActorId k : figures) {
        const auto p = sorted_unique(std::move(active[k]));
        for (std::size_t i = 0; i < p.size(); ++i)
            for (std::size_t j = i; j < p.size(); ++j) {
                auto& list = c.key_figures[std::uint64_t{p[i]} << 32 | p[j]];
                if (list.size() < 5) list.push_back(k);
            }
    }
}

void prepare(Context& c) {
    const Network& net = c.network;
    const std::size_t n = net.num_actors();
    ViewOptions view;
    view.start = c.options.start;
    view.end = c.options.end;
    view.include_sensitive = c.options.include_sensitive;
    c.ties = build_graph(net, view);
    if (!c.options.communities.empty()) {
        c.community = c.options.communities;
    } else {
        CommunityOptions co;
        co.seed = c.options.seed;
        co.threads = c.options.threads;
        c.community = communities(c.ties, co);
    }
    c.in_scope.assign(n, 0);
    c.tags.resize(n);
    c.groups.resize(n);
    c.municipality.resize(n);
    std::vector<std::size_t> holders;
    std::size_t in_scope = 0;
    const Visible public_records(net, /*include_sensitive=*/false);  // groups: never the sensitive ones
    for (ActorId u = 0; u < n; ++u) {
        const Actor& actor = net.actor(u);
        c.municipality[u] = c.municipality_names.id(actor.municipality);
        if (!c.options.municipality.empty() && actor.municipality != c.options.municipality) continue;
        c.in_scope[u] = 1;
        ++in_scope;
        std::vector<std::uint32_t> t;
        for (const auto& talent : actor.talents) t.push_back(c.tag_names.id(talent));
        c.tags[u] = sorted_unique(std::move(t));
        std::vector<std::uint32_t> g;
        // Special-category groups are left out of the bridging decision too:
        // a suggestion whose only bridge was a sensitive group would reveal
        // it by its empty `bridges`.
        for (const auto& group : public_records.groups(actor)) g.push_back(c.group_names.id(group));
        c.groups[u] = sorted_unique(std::move(g));
        holders.resize(c.tag_names.size(), 0);
        for (TagId tag : c.tags[u]) {
            ++holders[tag];
            c.buckets[Context::bucket_key(c.municipality[u], tag)].push_back(u);
        }
    }
    // An organisation declares no groups (the empty set): it bridges to a
    // resident's groups.
    std::map<std::vector<std::uint32_t>, std::uint32_t> group_sets;
    c.compact.resize(n);
    for (ActorId u = 0; u < n; ++u) {
        auto& k = c.compact[u];
        k.in_scope = c.in_scope[u] != 0;
        k.resident = net.actor(u).is_resident();
        k.community = c.community[u];
        k.group_set = group_sets.emplace(c.groups[u], static_cast<std::uint32_t>(group_sets.size())).first->second;
        k.tag_begin = static_cast<std::uint32_t>(c.flat_tags.size());
        c.flat_tags.insert(c.flat_tags.end(), c.tags[u].begin(), c.tags[u].end());
        for (TagId t : c.tags[u]) c.flat_buckets.push_back(&c.buckets.at(Context::bucket_key(c.municipality[u], t)));
        k.tag_end = static_cast<std::uint32_t>(c.flat_tags.size());
    }
    prepare_introducers(c);
    c.idf.resize(c.tag_names.size());
    for (TagId t = 0; t < c.idf.size(); ++t)
        c.idf[t] =
            std::log(1.0 + static_cast<double>(in_scope) / static_cast<double>(std::max<std::size_t>(holders[t], 1)));
}

// The order of suggestions: higher score first, then lower ids. Scores are
// finite and > 0, and the bits of such doubles order as the doubles do, so
// the whole order is one comparison of 128-bit keys: no branches for the
// sort to mispredict.
unsigned __int128 order_key(const Candidate& x) {
    const auto score_bits = std::bit_cast<std::uint64_t>(x.score);
    return static_cast<unsigned __int128>(~score_bits) << 64 | (std::uint64_t{x.a} << 32 | x.b);
}

bool better(const Candidate& x, const Candidate& y) { return order_key(x) < order_key(y); }

// True when x and y share an element other than u and v.
bool share_other(const std::vector<ActorId>& x, const std::vector<ActorId>& y, ActorId u, ActorId v) {
    auto i = x.begin(), j = y.begin();
    while (i != x.end() && j != y.end()) {
        if (*i < *j)
            ++i;
        else if (*j < *i)
            ++j;
        else {
            if (*i != u && *i != v) return true;
            ++i;
            ++j;
        }
    }
    return false;
}

// The introducer term of the score: 1 + introducer_bonus when someone knows
// both or an organisation connects them, 1 + introducer_bonus / 2 when only
// a key figure active in both neighbourhoods can, else 1.
double introducer_factor(const Context& c, ActorId u, ActorId v, bool contact) {
    const double bonus = c.options.introducer_bonus;
    if (bonus == 0.0) return 1.0;
    if (contact || share_other(c.orgs[u], c.orgs[v], u, v)) return 1.0 + bonus;
    if (const auto* figures = c.key_figures_of(u, v))
        for (ActorId k : *figures)
            if (k != u && k != v) return 1.0 + bonus / 2.0;
    return 1.0;
}

// Scores the pair, or returns a negative value when it is not a candidate.
// Cheap tests first: scope and kind, bridging, shared tags, then the graph.
double score_pair(const Context& c, ActorId u, ActorId v) {
    if (u == v) return -1.0;
    const auto& ku = c.compact[u];
    const auto& kv = c.compact[v];
    if (!kv.in_scope || (!ku.resident && !kv.resident)) return -1.0;
    const int bridged = (ku.group_set != kv.group_set ? 1 : 0) + (ku.community != kv.community ? 1 : 0);
    if (bridged == 0) return -1.0;
    std::size_t shared = 0;
    double rarity = 0.0;
    {
        const TagId* i = c.flat_tags.data() + ku.tag_begin;
        const TagId* i_end = c.flat_tags.data() + ku.tag_end;
        const TagId* j = c.flat_tags.data() + kv.tag_begin;
        const TagId* j_end = c.flat_tags.data() + kv.tag_end;
        while (i != i_end && j != j_end) {
            if (*i < *j)
                ++i;
            else if (*j < *i)
                ++j;
            else {
                ++shared;
                rarity += c.idf[*i];
                ++i;
                ++j;
            }
        }
    }
    if (shared < c.options.min_shared) return -1.0;
    if (c.ties.has_edge(u, v)) return -1.0;
    const auto nu = c.ties.neighbors(u), nv = c.ties.neighbors(v);
    std::size_t common = 0;
    bool contact = false;  // a resident among the common contacts
    {
        auto i = nu.begin(), j = nv.begin();
        while (i != nu.end() && j != nv.end()) {
            if (*i < *j)
                ++i;
            else if (*j < *i)
                ++j;
            else {
                ++common;
                contact = contact || c.compact[*i].resident;
                ++i;
                ++j;
            }
        }
    }
    const double score =
        rarity * (1.0 + c.options.bridge_bonus * bridged) / std::sqrt(1.0 + static_cast<double>(common));
    return score * introducer_factor(c, u, v, contact);
}

// Candidates of one actor: everyone sharing a talent when that is at most
// candidates_per_person people, else draws from each talent's holders with
// rarer talents drawing more (from the actor's own random stream, so the
// result does not depend on the thread count).
void candidates_of(const Context& c, ActorId u, std::uint64_t seed, std::vector<ActorId>& scratch,
                   std::vector<Candidate>& mine, std::vector<Candidate>& out) {
    const auto& k = c.compact[u];
    if (k.tag_begin == k.tag_end) return;
    const std::size_t cap = c.options.candidates_per_person;
    const std::size_t num_tags = k.tag_end - k.tag_begin;
    std::size_t total = 0;
    double idf_sum = 0.0;
    for (std::uint32_t x = k.tag_begin; x < k.tag_end; ++x) {
        total += c.flat_buckets[x]->size();
        idf_sum += c.idf[c.flat_tags[x]];
    }
    scratch.clear();
    if (total <= cap + num_tags) {
        for (std::uint32_t x = k.tag_begin; x < k.tag_end; ++x)
            scratch.insert(scratch.end(), c.flat_buckets[x]->begin(), c.flat_buckets[x]->end());
    } else {
        Rng rng(seed, u);
        for (std::uint32_t x = k.tag_begin; x < k.tag_end; ++x) {
            const auto& bucket = *c.flat_buckets[x];
            const auto quota =
                static_cast<std::size_t>(std::ceil(static_cast<double>(cap) * c.idf[c.flat_tags[x]] / idf_sum));
            if (bucket.size() <= quota) {
                scratch.insert(scratch.end(), bucket.begin(), bucket.end());
            } else {
                for (std::size_t q = 0; q < quota; ++q) scratch.push_back(bucket[rng.below(bucket.size())]);
            }
        }
    }
    std::sort(scratch.begin(), scratch.end());
    scratch.erase(std::unique(scratch.begin(), scratch.end()), scratch.end());
    // The people drawn are scattered over memory: ask for what scoring reads
    // about each of them first, so that the cache misses overlap instead of
    // coming one after the other.
    for (ActorId v : scratch) __builtin_prefetch(&c.compact[v]);
    for (ActorId v : scratch) {
        __builtin_prefetch(c.flat_tags.data() + c.compact[v].tag_begin);
        __builtin_prefetch(c.ties.neighbors(v).data());
    }
    mine.clear();
    for (ActorId v : scratch) {
        const double s = score_pair(c, u, v);
        if (s > 0.0) mine.push_back({std::min(u, v), std::max(u, v), s});
    }
    out.insert(out.end(), mine.begin(), mine.end());
}

}  // namespace

std::vector<Introduction> introductions(const Network& network, const IntroductionOptions& options) {
    validate(network, options);
    std::vector<Introduction> result;
    if (options.per_person == 0 || (options.limit && *options.limit == 0)) return result;
    Progress progress(options.progress);
    Context c(network, options);
    prepare(c);
    progress.report(0.1);

    std::vector<ActorId> scope;
    for (ActorId u = 0; u < c.in_scope.size(); ++u)
        if (c.in_scope[u] && !c.tags[u].empty()) scope.push_back(u);
    const std::uint64_t seed = seed_or_default(options.seed);
    const unsigned threads = resolve_threads(options.threads);
    // Chunks are sorted separately and merged; the merged order is total,
    // so the chunk size may follow the thread count without changing the
    // result. Fewer, larger chunks mean fewer merge rounds.
    const std::size_t chunk = std::max<std::size_t>(256, (scope.size() + threads * 16 - 1) / (threads * 16));
    const std::size_t num_chunks = (scope.size() + chunk - 1) / chunk;
    std::vector<std::vector<Candidate>> found(num_chunks);
    std::vector<std::vector<ActorId>> scratch(threads);
    std::vector<std::vector<Candidate>> mine(threads);
    // Blocks of chunks, so that progress is reported from this thread.
    const std::size_t block = std::max<std::size_t>(threads * 4, 1);
    for (std::size_t first = 0; first < num_chunks; first += block) {
        const std::size_t last = std::min(num_chunks, first + block);
        parallel_for(last - first, threads, 1, [&](std::size_t begin, std::size_t end, unsigned worker) {
            for (std::size_t k = first + begin; k < first + end; ++k) {
                const std::size_t lo = k * chunk, hi = std::min(scope.size(), lo + chunk);
                for (std::size_t s = lo; s < hi; ++s)
                    candidates_of(c, scope[s], seed, scratch[worker], mine[worker], found[k]);
                std::sort(found[k].begin(), found[k].end(), better);
            }
        });
        progress.report(0.1 + 0.7 * static_cast<double>(last) / static_cast<double>(num_chunks));
    }
    progress.report(0.9);

    // Greedy b-matching: heaviest first, while both still have room. Its
    // weight is at least half the maximum (Avis, Networks 13, 1983, for
    // matchings; the same exchange argument holds for b-matchings). The
    // sorted chunks are merged on the fly by a heap of their heads: the
    // order is total (score, then ids), so this is the order of one sorted
    // list, whatever the chunks, without building that list.
    std::vector<std::size_t> load(network.num_actors(), 0);
    std::vector<Candidate> chosen;
    {
        struct Head {
            const Candidate* next;
            const Candidate* end;
        };
        const auto worse = [](const Head& x, const Head& y) { return better(*y.next, *x.next); };
        std::vector<Head> heads;
        for (const auto& chunk_found : found)
            if (!chunk_found.empty()) heads.push_back({chunk_found.data(), chunk_found.data() + chunk_found.size()});
        std::make_heap(heads.begin(), heads.end(), worse);
        // Both ends may have drawn the same pair: it has the same score, so
        // the copies come out one after the other.
        const Candidate* previous = nullptr;
        while (!heads.empty()) {
            std::pop_heap(heads.begin(), heads.end(), worse);
            Head& head = heads.back();
            const Candidate& cand = *head.next;
            if (previous == nullptr || previous->a != cand.a || previous->b != cand.b) {
                if (load[cand.a] < options.per_person && load[cand.b] < options.per_person) {
                    ++load[cand.a];
                    ++load[cand.b];
                    chosen.push_back(cand);
                }
            }
            previous = &cand;
            if (++head.next == head.end)
                heads.pop_back();
            else
                std::push_heap(heads.begin(), heads.end(), worse);
        }
    }
    if (options.limit) chosen = spread_over_groups(c, chosen, *options.limit);
    result.resize(chosen.size());
    parallel_for(chosen.size(), threads, 1024, [&](std::size_t begin, std::size_t end, unsigned) {
        for (std::size_t k = begin; k < end; ++k) result[k] = explain(c, chosen[k]);
    });
    progress.report(1.0);
    return result;
}

}  // namespace verbind
