// The network drawn as SVG: the drawing subset laid out by force-directed
// placement, nodes coloured by community, organisations as squares, key
// figures ringed, the reach plan's residents ringed in dashes, the social
// map's top key figures labelled with their (pseudonymous) keys.
#include "parts.hpp"

#include "verbind/report/layout.hpp"
#include "verbind/socialmap/communities.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

namespace verbind::report_detail {

namespace {

constexpr double canvas = 1000;  // the drawing's viewBox is canvas x canvas
constexpr double margin = 24;

// The subgraph on `nodes` (ascending), keys kept.
Graph induced(const Graph& graph, const std::vector<NodeId>& nodes) {
    std::vector<NodeId> new_id(graph.num_nodes(), std::numeric_limits<NodeId>::max());
    std::vector<std::string> keys;
    keys.reserve(nodes.size());
    for (NodeId u : nodes) {
        new_id[u] = static_cast<NodeId>(keys.size());
        keys.push_back(graph.key(u));
    }
    std::vector<NodeId> src, dst;
    for (NodeId u : nodes)
        for (NodeId v : graph.neighbors(u))
            if (u < v && new_id[v] != std::numeric_limits<NodeId>::max()) {
                src.push_back(new_id[u]);
                dst.push_back(new_id[v]);
            }
    return Graph::from_keyed_edges(std::move(keys), src, dst);
}

std::string swatch_circle(const std::string& fill, const std::string& stroke, double stroke_width,
                          const char* dash = nullptr) {
    std::string s =
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" width=\"22\" height=\"22\" viewBox=\"0 0 22 22\"><circle cx=\"11\" cy=\"11\" r=\"";
    s += stroke_width > 0 ? "8" : "6";
    s += "\" fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + number(stroke_width, 1) + "\"";
    if (dash) s += std::string(" stroke-dasharray=\"") + dash + "\"";
    s += "/></svg>";
    return s;
}

// The drawing's caption (the legend and the communities' colours) and the
// numbers behind it: the communities' sizes.
std::string drawing_legend(const Words& words, const ReportOptions& options,
                           const std::vector<std::string>& colour_of, const std::vector<std::uint32_t>& by_size,
                           const std::vector<std::size_t>& size, std::size_t coloured, std::uint32_t k) {
    std::string html = "<figcaption>\n<ul class=\"legend\">\n";
    html +=
        "<li>" + swatch_circle(palette()[0], "#ffffff", 0) + " " + std::string(words(M::legend_resident)) + "</li>\n";
    html +=
        "<li><svg xmlns=\"http://www.w3.org/2000/svg\" class=\"swatch\" width=\"22\" height=\"22\" viewBox=\"0 0 22 22\"><rect x=\"4\" y=\"4\" width=\"14\" "
        "height=\"14\" fill=\"" +
        palette()[0] + "\" stroke=\"#222222\" stroke-width=\"1.2\"/></svg> " +
        std::string(words(M::legend_organisation)) + "</li>\n";
    html +=
        "<li>" + swatch_circle("none", "#111111", 2.2) + " " + std::string(words(M::legend_key_figure)) + "</li>\n";
    html += "<li>" + swatch_circle("none", "#d81b60", 2.4, "4 3") + " " + std::string(words(M::legend_train_next)) +
            "</li>\n";
    html += "<li><span class=\"label-sample\">r0123</span> " + std::string(words(M::legend_labelled)) + "</li>\n";
    html += "</ul>\n<ul class=\"legend communities\">\n";
    for (std::size_t rank = 0; rank < coloured; ++rank)
        html += "<li>" + swatch_circle(colour_of[by_size[rank]], "#ffffff", 0) + " " +
                words.fill(M::legend_community, {words.whole(rank + 1),
                                                 people(words, size[by_size[rank]], options.min_cell, M::n_member)}) +
                "</li>\n";
    if (coloured < k)
        html += "<li>" + swatch_circle(std::string(other_colour), "#ffffff", 0) + " " +
                std::string(words(M::legend_smaller_communities)) + "</li>\n";
    html += "</ul>\n</figcaption>\n</figure>\n";
    // The numbers behind the drawing: the communities' sizes.
    if (coloured > 0) {
        html += "<details>\n<summary>" + std::string(words(M::drawing_table_summary)) +
                "</summary>\n<table class=\"drawing-data\">\n" + header_row(words, {M::th_community, M::th_members});
        for (std::size_t rank = 0; rank < coloured; ++rank)
            html += "<tr>" + cell(words.whole(rank + 1), "num") +
                    cell(people(words, size[by_size[rank]], options.min_cell, M::n_member), "num") + "</tr>\n";
        html += "</table>\n</details>\n";
    }
    return html;
}

}  // namespace

std::string network_drawing(const Network& network, const Graph& graph, const ReportOptions& options,
                            const Words& words, const DrawingMarks& marks, const ProgressCallback& progress) {
    const std::vector<NodeId> subset = drawing_subset(graph, options.max_drawn_nodes);
    if (subset.empty()) return "<p class=\"empty\">" + std::string(words(M::no_drawing)) + "</p>\n";
    const Graph drawn = induced(graph, subset);
    const std::size_t n = drawn.num_nodes();

    CommunityOptions co;
    co.seed = options.seed;
    co.threads = options.threads;
    const std::vector<std::uint32_t> community = communities(drawn, co);
    if (progress) progress(0.3);
    // Colours go to the largest communities first (ties: lower label).
    std::uint32_t k = 0;
    for (auto c : community) k = std::max(k, c + 1);
    std::vector<std::size_t> size(k, 0);
    for (auto c : community) ++size[c];
    std::vector<std::uint32_t> by_size(k);
    std::iota(by_size.begin(), by_size.end(), 0u);
    std::stable_sort(by_size.begin(), by_size.end(), [&](auto a, auto b) { return size[a] > size[b]; });
    const auto& colours = palette();
    std::vector<std::string> colour_of(k, std::string(other_colour));
    std::size_t coloured = 0;
    for (std::size_t rank = 0; rank < by_size.size() && rank < colours.size(); ++rank) {
        if (size[by_size[rank]] < 2) break;  // a community of one gets no colour of its own
        colour_of[by_size[rank]] = colours[rank];
        ++coloured;
    }

    LayoutOptions lo;
    lo.seed = options.seed;
    const std::vector<LayoutPoint> position = force_directed_layout(drawn, lo);
    if (progress) progress(0.9);
    auto x_of = [&](NodeId v) { return number(margin + position[v].x * (canvas - 2 * margin), 1); };
    auto y_of = [&](NodeId v) { return number(margin + position[v].y * (canvas - 2 * margin), 1); };

    const double r = std::clamp(160.0 / std::sqrt(static_cast<double>(n)), 2.5, 9.0);
    const std::set<std::string, std::less<>> labelled(marks.labelled.begin(), marks.labelled.end());
    const std::set<std::string, std::less<>> train(marks.train_next.begin(), marks.train_next.end());

    std::string svg;
    svg.reserve(120 * n + 40 * drawn.num_edges());
    svg +=
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"network-drawing\" class=\"drawing\" viewBox=\"0 0 1000 1000\" "
        "role=\"img\" aria-label=\"" +
        words.fill(M::drawing_aria, {people(words, n, options.min_cell, M::n_actor)}) + "\">\n";
    svg += "<rect width=\"1000\" height=\"1000\" fill=\"#ffffff\"/>\n";
    // Ties as one path: thousands of <line> elements would only add bytes.
    svg += "<path class=\"ties\" fill=\"none\" stroke=\"#8a8a8a\" stroke-opacity=\"0.35\" stroke-width=\"0.8\" d=\"";
    for (NodeId u = 0; u < n; ++u)
        for (NodeId v : drawn.neighbors(u))
            if (u < v) {
                svg += 'M';
                svg += x_of(u);
                svg += ' ';
                svg += y_of(u);
                svg += 'L';
                svg += x_of(v);
                svg += ' ';
                svg += y_of(v);
            }
    svg += "\"/>\n";

    // Nodes grouped by colour; organisations as squares.
    std::vector<NodeId> order(n);
    std::iota(order.begin(), order.end(), NodeId{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](NodeId a, NodeId b) { return colour_of[community[a]] < colour_of[community[b]]; });
    std::string current;
    for (NodeId v : order) {
        const std::string& colour = colour_of[community[v]];
        if (colour != current) {
            if (!current.empty()) svg += "</g>\n";
            svg += "<g class=\"community\" fill=\"" + colour + "\" stroke=\"#ffffff\" stroke-width=\"0.6\">\n";
            current = colour;
        }
        const Actor& actor = network.actor(drawn.key(v));
        const std::string title =
            "<title>" + escaped(actor.key) +
            (actor.is_resident() ? "" : " (" + std::string(words(M::drawing_organisation)) + ")") +
            (actor.key_figure ? " (" + std::string(words(M::drawing_key_figure)) + ")" : "") + "</title>";
        if (actor.is_resident()) {
            svg += "<circle cx=\"" + x_of(v) + "\" cy=\"" + y_of(v) + "\" r=\"" + number(r, 1) + "\">" + title +
                   "</circle>\n";
        } else {
            const double side = 2.6 * r;
            svg += "<rect class=\"organisation\" x=\"" +
                   number(margin + position[v].x * (canvas - 2 * margin) - side / 2, 1) + "\" y=\"" +
                   number(margin + position[v].y * (canvas - 2 * margin) - side / 2, 1) + "\" width=\"" +
                   number(side, 1) + "\" height=\"" + number(side, 1) +
                   "\" stroke=\"#222222\" stroke-width=\"1.2\">" + title + "</rect>\n";
        }
    }
    if (!current.empty()) svg += "</g>\n";

    // Marks on top of every node, so no node hides a ring.
    svg += "<g class=\"key-figures\" fill=\"none\" stroke=\"#111111\" stroke-width=\"2.2\">\n";
    for (NodeId v = 0; v < n; ++v)
        if (network.actor(drawn.key(v)).key_figure)
            svg += "<circle cx=\"" + x_of(v) + "\" cy=\"" + y_of(v) + "\" r=\"" + number(r + 3, 1) + "\"/>\n";
    svg +=
        "</g>\n<g class=\"train-next\" fill=\"none\" stroke=\"#d81b60\" stroke-width=\"2.4\" stroke-dasharray=\"4 3\">\n";
    for (NodeId v = 0; v < n; ++v)
        if (train.count(drawn.key(v)))
            svg += "<circle cx=\"" + x_of(v) + "\" cy=\"" + y_of(v) + "\" r=\"" + number(r + 6, 1) + "\"/>\n";
    svg += "</g>\n<g class=\"labels\" font-size=\"15\" font-weight=\"bold\" fill=\"#111111\" stroke=\"#ffffff\" "
           "stroke-width=\"3\" paint-order=\"stroke\">\n";
    for (NodeId v = 0; v < n; ++v)
        if (labelled.count(drawn.key(v)))
            svg += "<text x=\"" + number(margin + position[v].x * (canvas - 2 * margin) + r + 5, 1) + "\" y=\"" +
                   number(margin + position[v].y * (canvas - 2 * margin) + 5, 1) + "\">" + escaped(drawn.key(v)) +
                   "</text>\n";
    svg += "</g>\n</svg>\n";

    // The legend, and what was drawn.
    std::string html = "<figure class=\"drawing-figure\">\n" + svg +
                       drawing_legend(words, options, colour_of, by_size, size, coloured, k);
    html += "<p class=\"note\">";
    if (subset.size() == graph.num_nodes()) {
        html += words.fill(M::drawn_everyone, {people(words, n, options.min_cell, M::n_actor)});
    } else {
        html += std::string(words(M::drawn_part));
        if (subset.size() == options.max_drawn_nodes)
            html += words.fill(M::drawn_capped, {words.count(options.max_drawn_nodes, M::n_actor)});
        html += words.fill(M::drawn_rest, {people(words, n, options.min_cell, M::n_actor),
                                           people(words, graph.num_nodes(), options.min_cell, M::n_actor)});
    }
    html += std::string(words(M::drawn_how)) + "</p>\n";
    html += how_line(words, std::string(words(M::how_drawing)));
    return html;
}

}  // namespace verbind::report_detail
