// The social map as JSON (verbind/io/social_map_json.hpp): the fields of
// SocialMap in their declared order, written compactly.
#include "verbind/io/social_map_json.hpp"

#include "verbind/util/text.hpp"

#include <cmath>
#include <optional>
#include <string_view>
#include <type_traits>

namespace verbind {

namespace {

class Json {
public:
    std::string out;
    void string(std::string_view s) { append_json_string(out, s); }
    void number(double x) {
        if (!std::isfinite(x)) {
            out += "null";
            return;
        }
        append_number(out, x, NumberFormat::significant(17));
    }
    void key(std::string_view k) {
        comma();
        string(k);
        out += ':';
        fresh_ = true;
    }
    void open(char c) {
        comma();
        out += c;
        fresh_ = true;
    }
    void close(char c) {
        out += c;
        fresh_ = false;
    }
    void value(std::string_view s) { comma(), string(s); }
    void value(double x) { comma(), number(x); }
    void value(std::size_t x) { comma(), out += std::to_string(x); }
    void value(bool b) { comma(), out += b ? "true" : "false"; }
    void null() { comma(), out += "null"; }

    template <class T>
    void field(std::string_view name, const T& x) {
        key(name);
        if constexpr (std::is_same_v<T, std::string>)
            value(std::string_view(x));
        else if constexpr (std::is_same_v<T, bool> || std::is_same_v<T, double>)
            value(x);
        else
            value(static_cast<std::size_t>(x));
    }
    void field(std::string_view name, const std::optional<double>& x) {
        key(name);
        x ? value(*x) : null();
    }
    // A count of people that may be suppressed: null with "suppressed": true.
    void people(const std::optional<std::size_t>& count) {
        key("people");
        count ? value(*count) : null();
        field("suppressed", !count.has_value());
    }
    // "name": [{...}, ...], one object per item, filled by fields(item).
    template <class Items, class Fields>
    void objects(std::string_view name, const Items& items, Fields&& fields) {
        key(name);
        open('[');
        for (const auto& item : items) {
            open('{');
            fields(item);
            close('}');
        }
        close(']');
    }

private:
    bool fresh_ = true;
    void comma() {
        if (!fresh_) out += ',';
        fresh_ = false;
    }
};

}  // namespace

std::string to_json(const SocialMap& map) {
    Json j;
    j.open('{');
    j.field("people", map.people);
    j.field("ties", map.ties);
    j.field("modularity", map.modularity);
    j.objects("key_figures", map.key_figures, [&](const KeyFigure& k) {
        j.field("actor", k.actor);
        j.field("score", k.score);
        j.field("two_hop_reach", k.two_hop_reach);
        j.field("betweenness", k.betweenness);
        j.field("cross_group_ties", k.cross_group_ties);
        j.field("recognised", k.recognised);
        j.field("trained", k.trained);
        j.field("why", k.why);
    });
    j.objects("brokers", map.brokers, [&](const Broker& b) {
        j.field("actor", b.actor);
        j.field("constraint", b.constraint);
        j.field("betweenness", b.betweenness);
        j.key("communities"), j.open('[');
        for (auto c : b.communities) j.value(static_cast<std::size_t>(c));
        j.close(']');
        j.field("why", b.why);
    });
    j.objects("organisations", map.organisations, [&](const OrganisationRole& o) {
        j.field("actor", o.actor);
        j.field("kind", o.kind);
        j.field("residents_tied", o.residents_tied);
        j.field("disconnected_without", o.disconnected_without);
        j.field("pairs_far_apart_without", o.pairs_far_apart_without);
        j.field("why", o.why);
    });
    j.objects("fragile_points", map.fragile_points, [&](const FragilePoint& p) {
        j.field("actor", p.actor);
        j.field("cut_off", p.cut_off);
        j.field("why", p.why);
    });
    j.objects("fragile_ties", map.fragile_ties, [&](const FragileTie& t) {
        j.field("a", t.a);
        j.field("b", t.b);
        j.field("cut_off", t.cut_off);
        j.field("why", t.why);
    });
    j.objects("communities", map.communities, [&](const CommunitySummary& c) {
        j.field("id", c.id);
        j.field("size", c.size);
        j.field("density", c.density);
        j.field("ei_index", c.ei_index);
        j.field("expected_ei_index", c.expected_ei_index);
        j.objects("groups", c.groups, [&](const GroupCount& gc) {
            j.field("group", gc.group);
            j.people(gc.people);
        });
        j.field("why", c.why);
    });
    j.objects("gaps", map.gaps, [&](const Gap& gap) {
        j.field("kind", gap.kind);
        j.field("name", gap.name);
        j.people(gap.people);
        j.field("share_of_ties_outside", gap.share_of_ties_outside);
        j.field("ei_index", gap.ei_index);
        j.field("why", gap.why);
    });
    j.close('}');
    return j.out;
}

}  // namespace verbind
