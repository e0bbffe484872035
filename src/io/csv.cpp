// The CSV layout: a folder of five RFC 4180 files (docs/data-formats.md).

#include "verbind/io/io.hpp"

#include "files.hpp"
#include "records.hpp"

#include "verbind/error.hpp"
#include "verbind/model/date.hpp"
#include "verbind/model/text.hpp"

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace verbind {

namespace {

using namespace io_detail;

std::string field_label(std::string_view column) { return "field '" + std::string(column) + "'"; }

// Splits an RFC 4180 text into records, one at a time. Quoted fields may hold
// commas, doubled quotes and line breaks; records end in LF or CRLF. Lines
// are counted so that every message can name the one it is about.
class CsvLexer {
public:
    CsvLexer(std::string_view text, std::string source) : text_(strip_bom(text)), source_(std::move(source)) {}

    const std::string& source() const noexcept { return source_; }

    // Column names from the header, so that later messages name the column.
    void name_columns(const std::vector<std::string>& columns) { columns_ = columns; }

    // Reads the next record into `fields`; false at the end of the text.
    // Blank lines between records are skipped.
    bool next(std::vector<std::string>& fields, std::size_t& line) {
        fields.clear();
        while (at_line_end()) skip_line_end();
        if (pos_ >= text_.size()) return false;
        line = line_;
        for (;;) {
            fields.emplace_back();
            std::string& field = fields.back();
            if (pos_ < text_.size() && text_[pos_] == '"')
                read_quoted(field, fields.size() - 1);
            else
                read_plain(field, fields.size() - 1);
            if (pos_ >= text_.size()) return true;
            if (text_[pos_] == ',') {
                ++pos_;
                continue;
            }
            skip_line_end();
            return true;
        }
    }

private:
    bool at_line_end() const noexcept {
        if (pos_ >= text_.size()) return false;
        return text_[pos_] == '\n' || (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n');
    }

    void skip_line_end() noexcept {
        pos_ += text_[pos_] == '\r' ? 2 : 1;
        ++line_;
    }

    std::string name(std::size_t index) const {
        if (index < columns_.size()) return field_label(shown(columns_[index]));
        return "field " + std::to_string(index + 1);
    }

    void read_plain(std::string& field, std::size_t index) {
        const std::size_t start = pos_;
        while (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end()) {
            if (text_[pos_] == '"')
                fail_at(source_, line_, name(index) + ": a quote inside an unquoted field (quote the whole field "
                                                      "and double the quote: \"a \"\"b\"\"\")");
            if (text_[pos_] == '\r')
                fail_at(source_, line_, name(index) + ": a carriage return that does not end a line");
            ++pos_;
        }
        field.assign(text_.substr(start, pos_ - start));
    }

    void read_quoted(std::string& field, std::size_t index) {
        const std::size_t opened = line_;
        ++pos_;
        for (;;) {
            if (pos_ >= text_.size())
                fail_at(source_, opened, name(index) + ": unterminated quoted field (the file ends inside it)");
            const char c = text_[pos_];
            if (c == '"') {
                if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
                    field += '"';
                    pos_ += 2;
                    continue;
                }
                ++pos_;
                break;
            }
            if (c == '\n') ++line_;
            field += c;
            ++pos_;
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && !at_line_end())
            fail_at(source_, line_, name(index) + ": text after the closing quote");
    }

    std::string_view text_;
    std::string source_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::vector<std::string> columns_;
};

struct ColumnSpec {
    std::string_view name;
    bool required;
};

constexpr ColumnSpec actor_columns[] = {{"key", true},           {"type", true},         {"kind", false},
                                        {"neighbourhood", false}, {"municipality", false}, {"talents", false},
                                        {"groups", false},        {"key_figure", false},  {"trained_on", false}};
constexpr ColumnSpec tie_columns[] = {{"a", true},      {"b", true},      {"kind", false},
                                      {"since", false}, {"until", false}, {"weight", false}};
constexpr ColumnSpec event_columns[] = {{"key", true},           {"date", true},          {"kind", true},
                                        {"neighbourhood", false}, {"municipality", false}, {"organisers", false}};
constexpr ColumnSpec attendance_columns[] = {{"event", true}, {"actor", true}, {"brought_by", false}};
constexpr ColumnSpec sensitive_columns[] = {{"group", true}};
constexpr ColumnSpec sensitive_tie_kind_columns[] = {{"kind", true}};
constexpr ColumnSpec sensitive_event_columns[] = {{"event", true}};

std::string column_list(std::span<const ColumnSpec> columns) {
    std::string list;
    for (const auto& column : columns) {
        if (!list.empty()) list += ", ";
        list += column.name;
    }
    return list;
}

// A CSV file read through its header: columns in any order, optional ones
// may be missing (their cells read as empty), unknown ones are refused.
class CsvTable {
public:
    CsvTable(std::string_view text, std::string source, std::span<const ColumnSpec> columns)
        : lexer_(text, std::move(source)), columns_(columns), positions_(columns.size(), absent) {
        std::vector<std::string> header;
        if (!lexer_.next(header, line_))
            fail_at(lexer_.source(), 1, "no header row (expected the columns " + column_list(columns_) + ")");
        for (std::size_t i = 0; i < header.size(); ++i) {
            std::size_t spec = 0;
            while (spec < columns_.size() && columns_[spec].name != header[i]) ++spec;
            if (spec == columns_.size())
                fail_at(lexer_.source(), line_,
                        "unknown column '" + shown(header[i]) + "' (expected " + column_list(columns_) + ")");
            if (positions_[spec] != absent)
                fail_at(lexer_.source(), line_, "column '" + header[i] + "' appears twice");
            positions_[spec] = i;
        }
        for (std::size_t spec = 0; spec < columns_.size(); ++spec)
            if (columns_[spec].required && positions_[spec] == absent)
                fail_at(lexer_.source(), line_, "missing column '" + std::string(columns_[spec].name) + "'");
        width_ = header.size();
        lexer_.name_columns(header);
    }

    const std::string& source() const noexcept { return lexer_.source(); }
    std::size_t line() const noexcept { return line_; }

    // Moves to the next row; false at the end of the file.
    bool next() {
        if (!lexer_.next(row_, line_)) return false;
        if (row_.size() != width_)
            fail_at(source(), line_,
                    std::to_string(row_.size()) + (row_.size() == 1 ? " field" : " fields") + ", but the header has " +
                        std::to_string(width_) + " columns");
        for (std::size_t spec = 0; spec < columns_.size(); ++spec) {
            const std::size_t at = positions_[spec];
            if (at != absent && !is_valid_utf8(row_[at]))
                fail_at(source(), line_,
                        field_label(columns_[spec].name) + ": is not valid UTF-8 '" + shown(row_[at]) + "'");
        }
        return true;
    }

    // The current row's cell in `column`; empty when the file has no such column.
    std::string_view operator[](std::string_view column) const {
        for (std::size_t spec = 0; spec < columns_.size(); ++spec)
            if (columns_[spec].name == column) {
                if (positions_[spec] == absent) return {};
                return row_[positions_[spec]];
            }
        return "";
    }

private:
    static constexpr std::size_t absent = static_cast<std::size_t>(-1);
    CsvLexer lexer_;
    std::span<const ColumnSpec> columns_;
    std::vector<std::size_t> positions_;
    std::size_t width_ = 0;
    std::vector<std::string> row_;
    std::size_t line_ = 1;
};

// "a;b;c" -> {a, b, c}; "" -> {}. Empty items are kept so that the model
// refuses them ("a;;b" is a mistake, not two items).
std::vector<std::string> split_list(std::string_view text) {
    std::vector<std::string> items;
    if (text.empty()) return items;
    for (;;) {
        const auto semicolon = text.find(';');
        items.emplace_back(text.substr(0, semicolon));
        if (semicolon == std::string_view::npos) return items;
        text.remove_prefix(semicolon + 1);
    }
}

bool parse_bool(std::string_view text, std::string_view column) {
    if (text == "true") return true;
    if (text == "false" || text.empty()) return false;
    throw input_error(field_label(column) + ": expected 'true' or 'false', got '" + std::string(text) + "'");
}

// Every file a CSV export can hold: an existing folder with anything else in
// it is not replaced.
constexpr std::string_view csv_files[] = {"actors.csv",           "ties.csv",
                                          "events.csv",           "attendance.csv",
                                          "sensitive_groups.csv", "sensitive_tie_kinds.csv",
                                          "sensitive_events.csv"};

std::string path_in(const std::string& folder, std::string_view file) {
    return (std::filesystem::path(folder) / file).string();
}

// The file's text, or nothing when an optional file is not there.
std::optional<std::string> read_optional(const std::string& path) { return files::read_file_if_exists(path); }

// A one-column table of special-category marks, each applied by `mark`.
template <std::size_t N, class Mark>
void read_marks(std::string_view text, const std::string& source, const ColumnSpec (&columns)[N], Mark&& mark) {
    CsvTable table(text, source, columns);
    while (table.next()) located(source, table.line(), "", [&] { mark(table[columns[0].name]); });
}

void read_actors(Network& network, std::string_view text, const std::string& source) {
    CsvTable table(text, source, actor_columns);
    while (table.next()) {
        located(source, table.line(), "", [&] {
            ActorRecord record;
            record.key = table["key"];
            record.type = parse_actor_type(table["type"], field_label("type"));
            record.kind = table["kind"];
            record.neighbourhood = table["neighbourhood"];
            record.municipality = table["municipality"];
            record.talents = split_list(table["talents"]);
            record.groups = split_list(table["groups"]);
            record.key_figure = parse_bool(table["key_figure"], "key_figure");
            record.trained_on = parse_optional_date(table["trained_on"], field_label("trained_on"));
            check_actor_record(record, field_label);
            add_actor(network, record);
        });
    }
}

void read_ties(Network& network, std::string_view text, const std::string& source) {
    CsvTable table(text, source, tie_columns);
    while (table.next()) {
        located(source, table.line(), "", [&] {
            TieInfo info;
            info.since = parse_optional_date(table["since"], field_label("since"));
            info.until = parse_optional_date(table["until"], field_label("until"));
            // + 0.0: a zero weight has no sign (-0 reads as 0).
            if (!table["weight"].empty()) info.weight = parse_number(table["weight"], field_label("weight")) + 0.0;
            const std::string_view kind = table["kind"].empty() ? std::string_view("knows") : table["kind"];
            network.add_tie(table["a"], table["b"], kind, info);
        });
    }
}

void read_events(Network& network, std::string_view text, const std::string& source) {
    CsvTable table(text, source, event_columns);
    while (table.next()) {
        located(source, table.line(), "", [&] {
            EventInfo info;
            info.date = parse_date(table["date"], field_label("date"));
            info.kind = table["kind"];
            info.neighbourhood = table["neighbourhood"];
            info.municipality = table["municipality"];
            info.organisers = split_list(table["organisers"]);
            network.add_event(table["key"], info);
        });
    }
}

void read_attendance(Network& network, std::string_view text, const std::string& source) {
    CsvTable table(text, source, attendance_columns);
    while (table.next())
        located(source, table.line(), "", [&] { network.attend(table["event"], table["actor"], table["brought_by"]); });
}

// Reads the folder into `network`, which the caller throws away on error.
void read_folder(Network& network, const std::string& folder) {
    files::check_path(folder, "folder");
    // Dependencies first: actors before the ties, events and attendance
    // that name them.
    const std::string sensitive_path = path_in(folder, "sensitive_groups.csv");
    if (const auto text = read_optional(sensitive_path))
        read_marks(*text, sensitive_path, sensitive_columns, [&](std::string_view g) { network.mark_sensitive(g); });
    const std::string kinds_path = path_in(folder, "sensitive_tie_kinds.csv");
    if (const auto text = read_optional(kinds_path))
        read_marks(*text, kinds_path, sensitive_tie_kind_columns,
                   [&](std::string_view kind) { network.mark_sensitive_tie_kind(kind); });
    const std::string actors_path = path_in(folder, "actors.csv");
    read_actors(network, read_file(actors_path), actors_path);
    const std::string ties_path = path_in(folder, "ties.csv");
    if (const auto text = read_optional(ties_path)) read_ties(network, *text, ties_path);
    const std::string events_path = path_in(folder, "events.csv");
    if (const auto text = read_optional(events_path)) read_events(network, *text, events_path);
    const std::string sensitive_events_path = path_in(folder, "sensitive_events.csv");
    if (const auto text = read_optional(sensitive_events_path))
        read_marks(*text, sensitive_events_path, sensitive_event_columns,
                   [&](std::string_view event) { network.mark_sensitive_event(event); });
    const std::string attendance_path = path_in(folder, "attendance.csv");
    if (const auto text = read_optional(attendance_path)) read_attendance(network, *text, attendance_path);
}

// --- writing ------------------------------------------------------------------

void append_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

void append_row(std::string& out, std::initializer_list<std::string_view> fields) {
    bool first = true;
    for (auto field : fields) {
        if (!first) out += ',';
        first = false;
        append_field(out, field);
    }
    out += '\n';
}

std::string join_list(const std::vector<std::string>& items) {
    std::string joined;
    for (const auto& item : items) {
        if (!joined.empty()) joined += ';';
        joined += item;
    }
    return joined;
}

}  // namespace

void write_csv(const Network& network, const std::string& folder, const ExportOptions& options) {
    // Every file is built in memory first, so a model that cannot be written
    // fails before anything on disk changes.
    std::string sensitive = "group\n";
    for (const auto& group : network.sensitive_groups()) append_row(sensitive, {group});

    std::string actors = "key,type,kind,neighbourhood,municipality,talents,groups,key_figure,trained_on\n";
    for (const auto& actor : network.actors())
        append_row(actors, {actor.key, to_string(actor.type), actor.kind, actor.neighbourhood, actor.municipality,
                            join_list(actor.talents), join_list(network.declared_groups(actor, options.include_sensitive)),
                            actor.key_figure ? "true" : "false", format_date(actor.trained_on)});

    std::string ties = "a,b,kind,since,until,weight\n";
    for (const auto& tie : network.ties()) {
        if (!options.include_sensitive && network.is_sensitive(tie)) continue;
        append_row(ties, {network.actor(tie.a).key, network.actor(tie.b).key, network.tie_kind(tie),
                          format_date(tie.since), format_date(tie.until), format_number(tie.weight + 0.0)});
    }

    std::string events = "key,date,kind,neighbourhood,municipality,organisers\n";
    for (const auto& event : network.events()) {
        if (!options.include_sensitive && network.is_sensitive_event(network.event_id(event.key))) continue;
        std::vector<std::string> organisers;
        for (ActorId id : event.organisers) organisers.push_back(network.actor(id).key);
        append_row(events, {event.key, format_date(event.date), event.kind, event.neighbourhood, event.municipality,
                            join_list(organisers)});
    }

    std::string attendance = "event,actor,brought_by\n";
    for (const auto& record : network.attendance()) {
        if (!options.include_sensitive && network.is_sensitive_event(record.event)) continue;
        append_row(attendance, {network.event(record.event).key, network.actor(record.actor).key,
                                record.brought_by == no_id ? std::string_view() : network.actor(record.brought_by).key});
    }

    std::string sensitive_kinds = "kind\n";
    for (const auto& kind : network.sensitive_tie_kinds()) append_row(sensitive_kinds, {kind});
    std::string sensitive_events = "event\n";
    for (const auto& event : network.sensitive_events()) append_row(sensitive_events, {event});

    // The marks name special-category data, so they are written only when
    // sensitive data are, and only when there are any: a default export
    // holds no trace of what is marked (docs/privacy.md).
    std::vector<files::FolderFile> out;
    out.reserve(7);
    const bool marks = options.include_sensitive;
    if (marks && !network.sensitive_groups().empty()) out.push_back({"sensitive_groups.csv", std::move(sensitive)});
    out.push_back({"actors.csv", std::move(actors)});
    out.push_back({"ties.csv", std::move(ties)});
    out.push_back({"events.csv", std::move(events)});
    out.push_back({"attendance.csv", std::move(attendance)});
    if (marks && !network.sensitive_tie_kinds().empty())
        out.push_back({"sensitive_tie_kinds.csv", std::move(sensitive_kinds)});
    if (marks && !network.sensitive_events().empty())
        out.push_back({"sensitive_events.csv", std::move(sensitive_events)});
    // The folder is replaced as a whole: a reader sees the old export or the
    // new one, never some files of each (and never stale marks).
    files::atomic_write_folder(folder, out, csv_files, "folder");
}

Network read_csv(const std::string& folder) {
    Network network;
    read_folder(network, folder);
    return network;
}

void import_csv(Network& network, const std::string& folder) {
    Network next = network;
    read_folder(next, folder);
    network = std::move(next);
}

}  // namespace verbind
