// The coordinator's report: structure, well-formedness, privacy, the
// layout's determinism and the drawing subset, bad options.
#include "verbind/datasets/sample.hpp"
#include "verbind/error.hpp"
#include "verbind/report/layout.hpp"
#include "verbind/report/report.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace verbind;

namespace {

// &amp; &lt; &gt; &quot; or a decimal character reference.
bool known_entity(const std::string& entity) {
    if (entity == "&amp;" || entity == "&lt;" || entity == "&gt;" || entity == "&quot;") return true;
    if (entity.size() < 4 || entity.compare(0, 2, "&#") != 0 || entity.back() != ';') return false;
    return std::all_of(entity.begin() + 2, entity.end() - 1, [](char c) { return c >= '0' && c <= '9'; });
}

// The first of nan, NaN, inf, Infinity standing as a word of its own
// (not inside "information" or "infinite"), or "".
std::string not_a_number_word(const std::string& text) {
    auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
    for (const std::string word : {"nan", "NaN", "inf", "Infinity"}) {
        for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
            const bool starts = at == 0 || !letter(text[at - 1]);
            const bool ends = at + word.size() == text.size() || !letter(text[at + word.size()]);
            if (starts && ends) return word + " at " + std::to_string(at);
        }
    }
    return {};
}

// A strict well-formedness check of the XML-compatible HTML the report
// writes: every element closed in order, void elements self-closed, no bare
// '<' or '&' in text. Returns "" or what was wrong.
std::string xml_problem(const std::string& doc) {
    std::vector<std::string> open;
    std::size_t i = 0;
    if (doc.rfind("<!DOCTYPE html>", 0) == 0) i = doc.find('>') + 1;
    while (i < doc.size()) {
        if (doc[i] == '&') {
            const std::size_t semi = doc.find(';', i);
            if (semi == std::string::npos || semi - i > 8) return "bare '&' at " + std::to_string(i);
            const std::string entity = doc.substr(i, semi - i + 1);
            if (!known_entity(entity)) return "entity " + entity;
            i = semi + 1;
            continue;
        }
        if (doc[i] != '<') {
            if (doc[i] == '>') return "bare '>' at " + std::to_string(i);
            ++i;
            continue;
        }
        const std::size_t end = doc.find('>', i);
        if (end == std::string::npos) return "unclosed tag at " + std::to_string(i);
        std::string tag = doc.substr(i + 1, end - i - 1);
        if (tag.find('<') != std::string::npos) return "'<' inside a tag at " + std::to_string(i);
        // Attribute values are quoted and hold no raw '<', '>' or '"'.
        if (std::count(tag.begin(), tag.end(), '"') % 2 != 0) return "odd quotes in <" + tag + ">";
        if (tag.front() == '/') {
            const std::string name = tag.substr(1);
            if (open.empty() || open.back() != name)
                return "</" + name + "> closes <" + (open.empty() ? "" : open.back()) + ">";
            open.pop_back();
        } else if (tag.back() != '/') {
            const std::string name = tag.substr(0, tag.find_first_of(" \n\t"));
            if (name == "meta" || name == "br" || name == "img" || name == "link" || name == "input")
                return "void element <" + name + "> not self-closed";
            if (name == "style") {  // CSS is raw text up to its end tag
                const std::size_t close = doc.find("</style>", end);
                if (close == std::string::npos) return "unclosed <style>";
                i = close + 8;
                continue;
            }
            open.push_back(name);
        }
        i = end + 1;
    }
    if (!open.empty()) return "<" + open.back() + "> never closed";
    return "";
}

std::size_t count_of(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The sample programme, small, with a sensitive event and tie kind besides
// its sensitive declared group.
Network sensitive_sample() {
    Network net = sample_programme({.seed = 7, .scale = 0.15});
    net.mark_sensitive_tie_kind("member_of");
    net.mark_sensitive_event(net.events().front().key);
    return net;
}

ReportOptions quick() {
    ReportOptions o;
    o.seed = 11;
    o.top = 5;
    o.train = 3;
    return o;
}

std::size_t drawn_ties(const std::string& html) {
    const std::size_t at = html.find("class=\"ties\"");
    const std::size_t d = html.find(" d=\"", at);
    const std::size_t end = html.find('"', d + 4);
    return count_of(html.substr(d, end - d), "M");
}

}  // namespace

TEST_CASE("the layout is deterministic for a seed, finite and inside the unit square", "[report]") {
    // Two five-cliques joined by one edge (4-5).
    std::vector<NodeId> src, dst;
    for (NodeId base : {0u, 5u})
        for (NodeId a = 0; a < 5; ++a)
            for (NodeId b = a + 1; b < 5; ++b) {
                src.push_back(base + a);
                dst.push_back(base + b);
            }
    src.push_back(4);
    dst.push_back(5);
    const Graph g = Graph::from_edges(10, src, dst);
    const auto first = force_directed_layout(g, {.seed = 3});
    const auto again = force_directed_layout(g, {.seed = 3});
    const auto other = force_directed_layout(g, {.seed = 4});
    REQUIRE(first.size() == 10);
    bool differs = false;
    for (std::size_t v = 0; v < 10; ++v) {
        CHECK(first[v].x == again[v].x);
        CHECK(first[v].y == again[v].y);
        CHECK(std::isfinite(first[v].x));
        CHECK(std::isfinite(first[v].y));
        CHECK(first[v].x >= 0.0);
        CHECK(first[v].x <= 1.0);
        CHECK(first[v].y >= 0.0);
        CHECK(first[v].y <= 1.0);
        differs = differs || first[v].x != other[v].x || first[v].y != other[v].y;
    }
    CHECK(differs);
    // A force-directed layout puts each clique together: every pair inside
    // a clique is closer than the average pair across them.
    auto distance = [&](NodeId a, NodeId b) { return std::hypot(first[a].x - first[b].x, first[a].y - first[b].y); };
    double across = 0;
    for (NodeId a = 0; a < 5; ++a)
        for (NodeId b = 5; b < 10; ++b) across += distance(a, b) / 25;
    for (NodeId base : {0u, 5u})
        for (NodeId a = 0; a < 5; ++a)
            for (NodeId b = a + 1; b < 5; ++b) CHECK(distance(base + a, base + b) < across);
    // The drawing is scaled to fill the square along its longer side.
    double low_x = 1, high_x = 0, low_y = 1, high_y = 0;
    for (const auto& p : first) {
        low_x = std::min(low_x, p.x);
        high_x = std::max(high_x, p.x);
        low_y = std::min(low_y, p.y);
        high_y = std::max(high_y, p.y);
    }
    CHECK(std::max(high_x - low_x, high_y - low_y) == Approx(1.0));
}

TEST_CASE("the layout of tiny and edgeless graphs, and its bad input", "[report]") {
    CHECK(force_directed_layout(Graph::from_edges(0, {}, {})).empty());
    const auto one = force_directed_layout(Graph::from_edges(1, {}, {}));
    REQUIRE(one.size() == 1);
    CHECK(one[0].x == 0.5);
    CHECK(one[0].y == 0.5);
    const auto apart = force_directed_layout(Graph::from_edges(3, {}, {}), {.seed = 1});
    for (const auto& p : apart) CHECK((std::isfinite(p.x) && std::isfinite(p.y)));
    const std::vector<NodeId> s{0}, d{1};
    CHECK_THROWS_WITH(force_directed_layout(Graph::from_edges(2, s, d, {}, {.directed = true})),
                      "force_directed_layout: the graph must be undirected");
    CHECK_THROWS_AS(force_directed_layout(Graph::from_edges(2, s, d), {.iterations = 0}), input_error);
}

TEST_CASE("the drawing subset is the largest component, capped around its best-connected node", "[report]") {
    // Component A: 0-1, 1-2, 2-3, 3-4, 1-5, 1-6 (7 nodes, node 1 has degree 4);
    // component B: 7-8, 8-9 (3 nodes); 10 alone.
    const std::vector<NodeId> src{0, 1, 2, 3, 1, 1, 7, 8}, dst{1, 2, 3, 4, 5, 6, 8, 9};
    const Graph g = Graph::from_edges(11, src, dst);
    CHECK(drawing_subset(g, 100) == std::vector<NodeId>{0, 1, 2, 3, 4, 5, 6});
    // From node 1: its neighbours in index order 0, 2, 5, 6, then 3 (via 2).
    CHECK(drawing_subset(g, 3) == std::vector<NodeId>{0, 1, 2});
    CHECK(drawing_subset(g, 6) == std::vector<NodeId>{0, 1, 2, 3, 5, 6});
    CHECK(drawing_subset(g, 1) == std::vector<NodeId>{1});
    CHECK(drawing_subset(Graph::from_edges(0, {}, {}), 5).empty());
    CHECK_THROWS_WITH(drawing_subset(g, 0), "drawing_subset: max_nodes must be at least 1");
}

TEST_CASE("the report has every section, parses strictly, and links nothing outside", "[report]") {
    const Network net = sensitive_sample();
    const std::string html = report_html(net, quick());
    CHECK(xml_problem(html).empty());
    INFO(xml_problem(html));
    for (const char* id :
         {"network", "over-time", "key-figures", "brokers", "gaps", "introductions", "thanks", "reach-plan", "about"})
        CHECK(count_of(html, "<section id=\"" + std::string(id) + "\">") == 1);
    CHECK(count_of(html, "<svg xmlns=\"http://www.w3.org/2000/svg\"") == count_of(html, "<svg"));
    CHECK(count_of(html, "id=\"network-drawing\"") == 1);
    CHECK(count_of(html, "class=\"chart\"") >= 5);
    // No address anywhere but the SVG namespace; no script, no external resource.
    CHECK(count_of(html, "http://") == count_of(html, "http://www.w3.org/2000/svg"));
    CHECK(count_of(html, "https://") == 0);
    CHECK(count_of(html, "<script") == 0);
    CHECK(count_of(html, "<link") == 0);
    CHECK(count_of(html, "<img") == 0);
    CHECK(count_of(html, "url(") == 0);
    // No number that is not a number.
    CHECK(not_a_number_word(html).empty());
    // Tables hold the top rows asked for.
    CHECK(count_of(html.substr(html.find("<table class=\"key-figures\">")), "<tr>") >= 2);
    CHECK(count_of(html.substr(html.find("<table class=\"reach-plan\">")), "<tr>") >= 4);
}

TEST_CASE("no sensitive group, event or tie kind appears anywhere in the report", "[report]") {
    const Network net = sensitive_sample();
    REQUIRE_FALSE(net.sensitive_groups().empty());
    const std::string html = report_html(net, quick());
    auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    const std::string text = lower(html);
    for (const auto& group : net.sensitive_groups()) CHECK(count_of(text, lower(group)) == 0);
    for (const auto& kind : net.sensitive_tie_kinds()) CHECK(count_of(text, lower(kind)) == 0);
    for (const auto& key : net.sensitive_events()) {
        CHECK(count_of(text, lower(key)) == 0);
        CHECK(count_of(text, lower(net.event(key).kind)) == 0);  // the report names no event kind at all
    }
    // With include_sensitive the member_of ties are drawn: more ties.
    ReportOptions with = quick();
    with.include_sensitive = true;
    const std::string all = report_html(net, with);
    CHECK(drawn_ties(all) > drawn_ties(html));
}

TEST_CASE("the report is the same for the same seed and thread count", "[report]") {
    const Network net = sample_programme({.seed = 3, .scale = 0.1});
    ReportOptions one = quick();
    one.threads = 1;
    ReportOptions two = quick();
    two.threads = 2;
    const std::string a = report_html(net, one);
    CHECK(a == report_html(net, one));
    CHECK(a == report_html(net, two));
    ReportOptions other = quick();
    other.seed = 12;
    CHECK(a != report_html(net, other));
}

TEST_CASE("withheld points are gaps labelled as such, never zeros", "[report]") {
    // Four residents in one municipality: every count is below min_cell.
    Network net;
    for (const char* key : {"a", "b", "c", "d"})
        net.add_resident(key, {.neighbourhood = "Noord", .municipality = "Stad"});
    net.add_tie("a", "b", "knows", {.since = parse_date("2022-01-03")});
    net.add_tie("b", "c", "knows", {.since = parse_date("2022-02-03")});
    net.add_event("e1", {.date = parse_date("2022-01-10"), .kind = "iftar", .municipality = "Stad"});
    net.add_event("e2", {.date = parse_date("2022-03-10"), .kind = "Keti Koti", .municipality = "Stad"});
    net.attend("e1", "a");
    net.attend("e1", "b", "a");
    net.attend("e2", "c");
    const std::string html = report_html(net, quick());
    CHECK(xml_problem(html).empty());
    // Some charts have nothing to show, which is said, and no line is drawn for them.
    CHECK(count_of(html, "every point is suppressed or has no data") >= 1);
    CHECK(count_of(html, "class=\"suppressed\"") >= 1);
    CHECK(count_of(html, ": suppressed (fewer than 10 people)</title>") >= 1);
    // The header's count of people is suppressed too.
    CHECK(count_of(html, "fewer than 10 residents") == 1);
}

TEST_CASE("a tie's far-away end does not stretch the charts: they end with the latest activity", "[report]") {
    Network net;
    for (const char* key : {"a", "b", "c", "d"})
        net.add_resident(key, {.neighbourhood = "Noord", .municipality = "Stad"});
    // "Until forever" as spreadsheets write it, within the supported range.
    net.add_tie("a", "b", "knows", {.since = parse_date("2022-01-03"), .until = parse_date("9899-12-31")});
    net.add_tie("b", "c", "knows", {.since = parse_date("2022-04-20")});  // the latest activity
    net.add_event("e1", {.date = parse_date("2022-01-10"), .kind = "iftar", .municipality = "Stad"});
    net.add_event("e2", {.date = parse_date("2022-03-10"), .kind = "Keti Koti", .municipality = "Stad"});
    net.attend("e1", "a");
    net.attend("e2", "c");
    const std::string html = report_html(net, quick());  // a weekly timeline to 9899 would be refused
    CHECK(xml_problem(html).empty());
    CHECK(count_of(html, "2022-04") >= 1);  // the month of the last new tie is charted
    CHECK(count_of(html, "2022-05") == 0);  // and nothing after it
    CHECK(count_of(html, "9899") == 0);
}

TEST_CASE("a network without ties, dates or people still makes an honest report", "[report]") {
    Network empty;
    const std::string html = report_html(empty, quick());
    CHECK(xml_problem(html).empty());
    CHECK(count_of(html, "There are no people or organisations to draw: the selection has no actors.") == 1);
    CHECK(count_of(html, "there is nothing over time to show.") == 1);
    // Every section but "about" has nothing to show and says why, in either
    // language: network, over-time, key-figures, brokers, gaps, introductions,
    // thanks, reach-plan.
    CHECK(count_of(html, "<p class=\"empty\">") == 8);
    ReportOptions dutch = quick();
    dutch.lang = "nl";
    const std::string nl = report_html(empty, dutch);
    CHECK(xml_problem(nl).empty());
    CHECK(count_of(nl, "<p class=\"empty\">") == 8);
    CHECK(count_of(nl, "Er is niemand om te tekenen") == 1);
}

TEST_CASE("the report's language: en or nl, anything else is refused naming the valid ones", "[report]") {
    const Network net = sample_programme({.seed = 1, .scale = 0.05});
    ReportOptions o = quick();
    CHECK(ReportOptions().lang == "en");
    CHECK(report_languages() == std::vector<std::string>{"en", "nl"});
    for (const char* bad : {"de", "", "NL", "nl-NL"}) {
        o.lang = bad;
        CHECK_THROWS_WITH(o.validate(),
                          "write_report: field 'lang': must be one of en, nl, got '" + std::string(bad) + "'");
        CHECK_THROWS_AS(report_html(net, o), input_error);
    }
    o.lang = "nl";
    const std::string nl = report_html(net, o);
    CHECK(xml_problem(nl).empty());
    CHECK(count_of(nl, "<html lang=\"nl\">") == 1);
    CHECK(count_of(nl, "<title>Programmaverslag</title>") == 1);
    CHECK(count_of(nl, "<h2>Sleutelfiguren</h2>") == 1);
    CHECK(count_of(nl, "<strong>Actieve bewoners</strong>") == 1);
    CHECK(count_of(nl, "<strong>Nieuwe contacten</strong>") == 1);
    CHECK(count_of(nl, "<h2>Brugfiguren tussen kringen</h2>") == 1);
    o.lang = "en";
    CHECK(count_of(report_html(net, o), "<html lang=\"en\">") == 1);
}

TEST_CASE("report options are checked, and nothing is written on failure", "[report]") {
    const Network net = sample_programme({.seed = 1, .scale = 0.05});
    ReportOptions o = quick();
    o.top = 0;
    CHECK_THROWS_WITH(report_html(net, o), "write_report: top must be at least 1");
    o = quick();
    o.train = 0;
    CHECK_THROWS_WITH(report_html(net, o), "write_report: train must be at least 1");
    o = quick();
    o.min_cell = 0;
    CHECK_THROWS_AS(report_html(net, o), input_error);
    o = quick();
    o.municipality = "Atlantis";
    CHECK_THROWS_WITH(report_html(net, o), "write_report: no actor lives in municipality 'Atlantis'");
    CHECK_THROWS_AS(report_html(net, o), not_found_error);

    const auto dir = std::filesystem::temp_directory_path() / "verbind-report-test";
    std::filesystem::create_directories(dir);
    const std::string path = (dir / "report.html").string();
    std::filesystem::remove(path);
    CHECK_THROWS_AS(write_report(net, o, path), not_found_error);
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK_THROWS_AS(write_report(net, quick(), (dir / "no-such-folder" / "r.html").string()), io_error);
    write_report(net, quick(), path);
    std::ifstream in(path);
    std::stringstream written;
    written << in.rdbuf();
    CHECK(written.str() == report_html(net, quick()));
    std::filesystem::remove_all(dir);
}

TEST_CASE("the report reports progress and can be cancelled", "[report]") {
    const Network net = sample_programme({.seed = 2, .scale = 0.1});
    ReportOptions o = quick();
    std::vector<double> seen;
    o.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    report_html(net, o);
    REQUIRE_FALSE(seen.empty());
    CHECK(seen.back() == 1.0);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    o.progress = [](double) { return false; };
    CHECK_THROWS_AS(report_html(net, o), cancelled_error);
}

TEST_CASE("a municipality's report keeps to its municipality", "[report]") {
    const Network net = sample_programme({.seed = 5, .scale = 0.15});
    ReportOptions o = quick();
    o.municipality = "Groningen";
    const std::string html = report_html(net, o);
    CHECK(xml_problem(html).empty());
    CHECK(count_of(html, "<title>Programme report: Groningen</title>") == 1);
    // The reach plan's residents all live there.
    const std::string plan = html.substr(html.find("<table class=\"reach-plan\">"));
    const std::string rows = plan.substr(0, plan.find("</table>"));
    CHECK(count_of(rows, "<td>Groningen</td>") == count_of(rows, "<tr>") - 1);
    for (const char* other : {"<td>Almere</td>", "<td>Lelystad</td>", "<td>Amsterdam-West</td>"})
        CHECK(count_of(rows, other) == 0);
    // Its charts have a Groningen line and no other municipality's.
    CHECK(count_of(html, "Almere 2022") == 0);
    CHECK(count_of(html, "Groningen 2022") > 0);
}
