// The report's tables from the social map and the introductions: key
// figures, brokers, groups that keep to themselves, introductions to make.
// Every visible word comes from the message table; the explanations are
// written here from the numbers (the social map's own `why` is English).
#include "parts.hpp"

#include "verbind/util/text.hpp"

namespace verbind::report_detail {

namespace {

std::string joined(const std::vector<std::string>& items) { return items.empty() ? "&#8211;" : join(items, ", "); }

std::string percent(const Words& words, double share) { return words.num(100 * share, 1); }

// "community 3" (Introduction::bridges) in the report's language; a group's
// name as it is.
std::string bridge_text(const Words& words, const std::string& bridge) {
    constexpr std::string_view prefix = "community ";
    if (bridge.compare(0, prefix.size(), prefix) == 0)
        return words.fill(M::bridge_community, {escaped(bridge.substr(prefix.size()))});
    return escaped(bridge);
}

M via_message(ViaKind kind) {
    switch (kind) {
        case ViaKind::mutual_contact: return M::via_mutual_contact;
        case ViaKind::shared_organisation: return M::via_shared_organisation;
        case ViaKind::key_figure: return M::via_key_figure;
    }
    return M::via_none;
}

}  // namespace

std::string empty_note(const Words& words, M message) {
    return "<p class=\"empty\">" + std::string(words(message)) + "</p>\n";
}

std::string key_figure_table(const SocialMap& map, const Words& words) {
    // Someone with a score of 0 (nobody within two steps, on no path, no
    // tie across groups) holds nothing together: the social map ranks them
    // only because it ranks everyone.
    std::vector<const KeyFigure*> shown;
    for (const KeyFigure& k : map.key_figures)
        if (k.score > 0) shown.push_back(&k);
    if (shown.empty()) return empty_note(words, M::no_key_figures);
    std::string t = "<table class=\"key-figures\">\n" +
                    header_row(words, {M::th_rank, M::th_person, M::th_score, M::th_two_steps, M::th_links_others,
                                       M::th_cross_ties, M::th_key_figure_now, M::th_why});
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const KeyFigure& k = *shown[i];
        std::string why =
            words.fill(M::why_key_figure, {words.count(k.two_hop_reach, M::n_person), percent(words, k.betweenness),
                                           words.count(k.cross_group_ties, M::n_tie)});
        if (!k.recognised)
            why += words(M::why_not_recognised);
        else if (!k.trained)
            why += words(M::why_not_trained);
        t += "<tr>" + cell(words.whole(i + 1), "num") + cell(escaped(k.actor)) + cell(words.num(k.score, 2), "num") +
             cell(words.whole(k.two_hop_reach), "num") + cell(percent(words, k.betweenness), "num") +
             cell(words.whole(k.cross_group_ties), "num") +
             cell(std::string(words(k.recognised ? (k.trained ? M::yes_trained : M::yes) : M::not_yet))) +
             cell(why, "why") + "</tr>\n";
    }
    return t + "</table>\n" + how_line(words, std::string(words(M::how_key_figures)));
}

std::string broker_table(const SocialMap& map, const Words& words) {
    if (map.brokers.empty()) return empty_note(words, M::no_brokers);
    std::string t =
        "<table class=\"brokers\">\n" + header_row(words, {M::th_rank, M::th_person_or_org, M::th_closed,
                                                           M::th_links_others, M::th_communities_linked, M::th_why});
    for (std::size_t i = 0; i < map.brokers.size(); ++i) {
        const Broker& b = map.brokers[i];
        const std::string why = words.fill(M::why_broker, {words.count(b.communities.size(), M::n_community),
                                                           percent(words, b.betweenness)});
        t += "<tr>" + cell(words.whole(i + 1), "num") + cell(escaped(b.actor)) +
             cell(words.num(b.constraint, 3), "num") + cell(percent(words, b.betweenness), "num") +
             cell(words.whole(b.communities.size()), "num") + cell(why, "why") + "</tr>\n";
    }
    return t + "</table>\n" + how_line(words, std::string(words(M::how_brokers)));
}

std::string gap_table(const SocialMap& map, std::size_t top, std::uint64_t min_cell, const Words& words) {
    if (map.gaps.empty()) return empty_note(words, M::no_gaps);
    std::string t = "<table class=\"gaps\">\n" + header_row(words, {M::th_kind, M::th_name, M::th_people,
                                                                    M::th_share_outside, M::th_mixing, M::th_why});
    for (std::size_t i = 0; i < map.gaps.size() && i < top; ++i) {
        const Gap& g = map.gaps[i];
        std::string why;
        if (!g.people && !g.share_of_ties_outside)
            why = words.fill(M::why_gap_small, {words.count(min_cell, M::n_person)});
        else if (!g.share_of_ties_outside)
            why = std::string(words(M::why_gap_no_ties));
        else
            why = words.fill(M::why_gap, {words.num(100 * *g.share_of_ties_outside, 0)});
        if (!g.people && g.share_of_ties_outside) why += words(M::why_gap_hidden_count);
        t += "<tr>" + cell(std::string(words(g.kind == "group" ? M::gap_group : M::gap_neighbourhood))) +
             cell(escaped(g.name)) +
             cell(g.people ? words.whole(*g.people) : std::string(words(M::gap_suppressed_people)),
                  g.people ? "num" : "num withheld") +
             cell(g.share_of_ties_outside ? words.num(100 * *g.share_of_ties_outside, 0) : "&#8211;", "num") +
             cell(g.ei_index ? words.num(*g.ei_index, 2) : "&#8211;", "num") + cell(why, "why") + "</tr>\n";
    }
    return t + "</table>\n" + how_line(words, std::string(words(M::how_gaps)));
}

std::string introduction_table(const std::vector<Introduction>& intros, const Words& words) {
    if (intros.empty()) return empty_note(words, M::no_introductions);
    std::string t = "<table class=\"introductions\">\n" +
                    header_row(words, {M::th_rank, M::th_introduce, M::th_to, M::th_intro_score, M::th_share,
                                       M::th_bridge, M::th_via});
    for (std::size_t i = 0; i < intros.size(); ++i) {
        const Introduction& x = intros[i];
        std::vector<std::string> talents, bridges, via;
        for (const auto& s : x.shared_talents) talents.push_back(escaped(s));
        for (const auto& b : x.bridges) bridges.push_back(bridge_text(words, b));
        for (std::size_t v = 0; v < x.via.size(); ++v)
            via.push_back("<span class=\"via\">" + escaped(x.via[v]) + "</span> (" +
                          std::string(words(via_message(x.via_kinds.at(v)))) + ")");
        t += "<tr>" + cell(words.whole(i + 1), "num") + cell(escaped(x.a)) + cell(escaped(x.b)) +
             cell(words.num(x.score, 2), "num") + cell(joined(talents)) + cell(joined(bridges)) +
             (via.empty() ? cell(std::string(words(M::via_none)), "no-via") : cell(joined(via), "via")) + "</tr>\n";
    }
    return t + "</table>\n" + how_line(words, std::string(words(M::how_introductions)));
}

}  // namespace verbind::report_detail
