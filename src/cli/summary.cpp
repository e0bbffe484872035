#include "summary.hpp"
#include "output.hpp"

#include "verbind/graph/view.hpp"
#include "verbind/model/text.hpp"

#include <algorithm>
#include <set>
#include <string_view>

namespace verbind::cli {

namespace {

constexpr std::string_view no_municipality = "(none)";

std::string municipality_of(std::string_view name) {
    return name.empty() ? std::string(no_municipality) : std::string(name);
}

}  // namespace

Summary summarise(const Input& input) {
    const Network& network = input.network;
    Summary summary;
    auto row = [&](std::string_view municipality) -> AreaCounts& {
        const std::string name = municipality_of(municipality);
        for (auto& area : summary.municipalities)
            if (area.name == name) return area;
        summary.municipalities.push_back({});
        summary.municipalities.back().name = name;
        return summary.municipalities.back();
    };

    // Neighbourhood names may repeat across municipalities; count pairs.
    std::set<std::pair<std::string, std::string>> neighbourhoods;
    auto note_neighbourhood = [&](std::string_view municipality, const std::string& neighbourhood) {
        if (!neighbourhood.empty()) neighbourhoods.emplace(municipality_of(municipality), neighbourhood);
    };

    for (const Actor& actor : network.actors()) {
        AreaCounts& area = row(actor.municipality);
        note_neighbourhood(actor.municipality, actor.neighbourhood);
        if (actor.is_resident()) {
            ++area.residents;
            if (actor.key_figure) ++area.key_figures;
        } else {
            ++area.organisations;
        }
    }
    for (const Event& event : network.events()) {
        ++row(event.municipality).events;
        note_neighbourhood(event.municipality, event.neighbourhood);
        if (!summary.first_event || event.date < *summary.first_event) summary.first_event = event.date;
        if (!summary.last_event || event.date > *summary.last_event) summary.last_event = event.date;
    }
    for (const auto& [municipality, neighbourhood] : neighbourhoods) ++row(municipality).neighbourhoods;

    std::vector<std::size_t> per_kind(network.tie_kinds().size(), 0);
    for (const Tie& tie : network.ties()) {
        ++per_kind[tie.kind];
        const std::string& a = network.actor(tie.a).municipality;
        const std::string& b = network.actor(tie.b).municipality;
        if (a == b)
            ++row(a).ties;
        else
            ++summary.cross_municipality_ties;
    }
    for (std::size_t k = 0; k < per_kind.size(); ++k)
        summary.ties_by_kind.emplace_back(network.tie_kinds()[k], per_kind[k]);

    for (const Attendance& record : network.attendance()) {
        AreaCounts& area = row(network.event(record.event).municipality);
        ++area.attendances;
        if (record.brought_by != no_id) ++area.brought_along;
    }

    AreaCounts& total = summary.total;
    total.name = "total";
    total.neighbourhoods = neighbourhoods.size();
    for (const auto& area : summary.municipalities) {
        total.residents += area.residents;
        total.key_figures += area.key_figures;
        total.organisations += area.organisations;
        total.events += area.events;
        total.ties += area.ties;
        total.attendances += area.attendances;
        total.brought_along += area.brought_along;
    }
    total.ties += summary.cross_municipality_ties;
    summary.sensitive = input.sensitive;
    summary.include_sensitive = input.include_sensitive;

    // `network` is already the visible copy (visible.hpp: without
    // --include-sensitive it carries no marks), so the graphs take all of it.
    ViewOptions all_ties;
    all_ties.include_sensitive = true;
    const Graph ties = build_graph(network, all_ties);
    summary.ties_graph = {ties.num_nodes(), ties.num_edges()};
    ViewOptions co_attendance;
    co_attendance.co_attendance = true;
    co_attendance.include_sensitive = true;
    const Graph projection = build_graph(network, co_attendance);
    summary.co_attendance_graph = {projection.num_nodes(), projection.num_edges()};
    return summary;
}

namespace {

// A table with a left-aligned first column and right-aligned numbers; an
// empty cell stays blank.
class Table {
public:
    explicit Table(std::vector<std::string> header) { rows_.push_back(std::move(header)); }
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    void rule() { rules_.push_back(rows_.size()); }

    void print(std::ostream& out) const {
        std::vector<std::size_t> width(rows_.front().size(), 0);
        for (const auto& row : rows_)
            for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], display_width(row[c]));
        std::size_t line_width = 0;
        for (std::size_t c = 0; c < width.size(); ++c) line_width += width[c] + (c ? 2 : 0);
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            if (std::find(rules_.begin(), rules_.end(), r) != rules_.end())
                out << std::string(line_width, '-') << '\n';
            std::string line;
            for (std::size_t c = 0; c < rows_[r].size(); ++c) {
                const std::string& cell = rows_[r][c];
                const std::string pad(width[c] - display_width(cell), ' ');
                if (c == 0)
                    line += cell + pad;
                else
                    line += "  " + pad + cell;
            }
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out << line << '\n';
        }
    }

private:
    std::vector<std::vector<std::string>> rows_;
    std::vector<std::size_t> rules_;
};

std::vector<std::string> cells(const AreaCounts& area) {
    auto n = [](std::size_t value) { return std::to_string(value); };
    return {area.name,      n(area.neighbourhoods), n(area.residents),   n(area.key_figures),  n(area.organisations),
            n(area.events), n(area.ties),           n(area.attendances), n(area.brought_along)};
}

}  // namespace

void print_summary(std::ostream& out, const std::string& title, const Summary& summary) {
    out << title << "\n\n";
    Table table({"municipality", "neighbourhoods", "residents", "key figures", "organisations", "events", "ties",
                 "attendances", "brought along"});
    table.rule();
    for (const auto& area : summary.municipalities) table.add(cells(area));
    table.add({"cross-municipality", "", "", "", "", "", std::to_string(summary.cross_municipality_ties), "", ""});
    table.rule();
    table.add(cells(summary.total));
    table.print(out);

    out << '\n';
    if (!summary.ties_by_kind.empty()) {
        out << "ties by kind:";
        for (std::size_t k = 0; k < summary.ties_by_kind.size(); ++k)
            out << (k ? ", " : " ") << summary.ties_by_kind[k].first << ' ' << summary.ties_by_kind[k].second;
        out << '\n';
    }
    if (summary.first_event)
        out << "events from " << format_date(summary.first_event) << " to " << format_date(summary.last_event)
            << '\n';
    print_sensitive_note(out, summary.sensitive, summary.include_sensitive);
    out << '\n';

    Table graphs({"graph", "nodes", "edges"});
    graphs.rule();
    graphs.add({"all ties", std::to_string(summary.ties_graph.nodes), std::to_string(summary.ties_graph.edges)});
    graphs.add({"co-attendance projection", std::to_string(summary.co_attendance_graph.nodes),
                std::to_string(summary.co_attendance_graph.edges)});
    graphs.print(out);
}

namespace {

void area_json(Json& j, const AreaCounts& area) {
    j.open_object();
    j.field("name", area.name).field("neighbourhoods", area.neighbourhoods).field("residents", area.residents);
    j.field("key_figures", area.key_figures).field("organisations", area.organisations).field("events", area.events);
    j.field("ties", area.ties).field("attendances", area.attendances).field("brought_along", area.brought_along);
    j.close_object();
}

}  // namespace

std::string summary_json(const std::string& title, const Summary& summary) {
    Json j;
    j.open_object().field("title", printable(title));
    j.key("municipalities").open_array();
    for (const auto& area : summary.municipalities) area_json(j, area);
    j.close_array();
    j.field("cross_municipality_ties", summary.cross_municipality_ties);
    j.key("total");
    area_json(j, summary.total);
    j.key("ties_by_kind").open_object();
    for (const auto& [kind, ties] : summary.ties_by_kind) j.field(kind, ties);
    j.close_object();
    j.key("first_event"), summary.first_event ? j.value(format_date(summary.first_event)) : j.null();
    j.key("last_event"), summary.last_event ? j.value(format_date(summary.last_event)) : j.null();
    j.key("special_category").open_object();
    j.field("groups", summary.sensitive.groups).field("tie_kinds", summary.sensitive.tie_kinds);
    j.field("events", summary.sensitive.events).field("included", summary.include_sensitive).close_object();
    j.key("graphs").open_object();
    j.key("ties").open_object().field("nodes", summary.ties_graph.nodes).field("edges", summary.ties_graph.edges);
    j.close_object();
    j.key("co_attendance").open_object().field("nodes", summary.co_attendance_graph.nodes);
    j.field("edges", summary.co_attendance_graph.edges).close_object();
    j.close_object().close_object();
    return j.str();
}

}  // namespace verbind::cli
