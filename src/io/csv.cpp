// The CSV layout: a folder of up to seven RFC 4180 files (docs/data-formats.md),
// read through its headers (a municipality's own column names included) and
// written. The dialect below it (Excel's delimiters, encodings, booleans,
// dates and decimal commas) is csv_dialect.hpp.

#include "verbind/io/io.hpp"

#include "csv_dialect.hpp"
#include "files.hpp"
#include "records.hpp"

#include "verbind/error.hpp"
#include "verbind/model/date.hpp"
#include "verbind/model/text.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/util/progress.hpp"
#include "verbind/util/text.hpp"

#include <algorithm>
#include <cstdint>
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

struct ColumnSpec {
    std::string_view name;
    bool required;
};

constexpr ColumnSpec actor_columns[] = {
    {"key", true},      {"type", true},    {"kind", false},       {"neighbourhood", false}, {"municipality", false},
    {"talents", false}, {"groups", false}, {"key_figure", false}, {"trained_on", false}};
constexpr ColumnSpec tie_columns[] = {{"a", true},      {"b", true},      {"kind", false},
                                      {"since", false}, {"until", false}, {"weight", false}};
constexpr ColumnSpec event_columns[] = {{"key", true},           {"date", true},
                                        {"kind", true},          {"neighbourhood", false},
                                        {"municipality", false}, {"organisers", false}};
constexpr ColumnSpec attendance_columns[] = {{"event", true}, {"actor", true}, {"brought_by", false}};
constexpr ColumnSpec sensitive_columns[] = {{"group", true}};
constexpr ColumnSpec sensitive_tie_kind_columns[] = {{"kind", true}};
constexpr ColumnSpec sensitive_event_columns[] = {{"event", true}};

struct FileLayout {
    std::string_view file;
    std::span<const ColumnSpec> columns;
};

// Every file of the layout with its columns, in the order they are read.
constexpr FileLayout layouts[] = {{"sensitive_groups.csv", sensitive_columns},
                                  {"sensitive_tie_kinds.csv", sensitive_tie_kind_columns},
                                  {"actors.csv", actor_columns},
                                  {"ties.csv", tie_columns},
                                  {"events.csv", event_columns},
                                  {"sensitive_events.csv", sensitive_event_columns},
                                  {"attendance.csv", attendance_columns}};

bool has_column(std::span<const ColumnSpec> columns, std::string_view name) {
    for (const auto& column : columns)
        if (column.name == name) return true;
    return false;
}

std::string column_list(std::span<const ColumnSpec> columns) {
    return join(columns, ", ", [](const ColumnSpec& column) { return column.name; });
}

// "actors" and "actors.csv" name the same file; "" is every file.
std::string file_name(std::string_view file) {
    std::string name(file);
    if (!name.empty() && (name.size() < 4 || name.compare(name.size() - 4, 4, ".csv") != 0)) name += ".csv";
    return name;
}

// What one read of a folder shares between its files: the options, the
// warnings so far (handed out only when the whole read succeeds), and which
// renames for every file were used.
//
// Progress is the fraction of the bytes of the folder's files (all that are
// there, sized before reading) that were read: the files already read
// whole, plus the position in the file being read.
struct ReadContext {
    explicit ReadContext(const CsvOptions& o)
        : options(o), rename_used(o.columns.size(), false), progress(o.progress) {}

    const CsvOptions& options;
    std::vector<std::string> warnings;
    std::vector<bool> rename_used;
    Progress progress;
    std::uintmax_t total_bytes = 0;  // of every file of the layout in the folder
    std::uintmax_t done_bytes = 0;   // of the files read whole

    // `position` bytes into the file being read. Throws cancelled_error.
    // The end (1) is reported once, by read_folder, when all is read.
    void report(std::size_t position) {
        if (!progress.active() || done_bytes + position >= total_bytes) return;
        progress.report(static_cast<double>(done_bytes + position) / static_cast<double>(total_bytes));
    }
    // A file of `size` bytes (as on disk) read whole; the next report
    // comes from the next file (or the end of the read).
    void file_done(std::uintmax_t size) { done_bytes += size; }
};

// Refuses renames that could never apply or contradict each other, before
// any file is read.
void check_renames(const CsvOptions& options) {
    const auto& renames = options.columns;
    for (std::size_t i = 0; i < renames.size(); ++i) {
        const auto& rename = renames[i];
        const std::string what = "columns: '" + shown(rename.from) + "' -> '" + shown(rename.to) + "'";
        if (rename.from.empty()) throw input_error(what + ": the file's column name is empty");
        const std::string file = file_name(rename.file);
        bool known = false;
        for (const auto& layout : layouts) {
            if (!file.empty() && layout.file != file) continue;
            if (!file.empty()) known = true;
            if (has_column(layout.columns, rename.to)) {
                known = true;
                break;
            }
        }
        if (!file.empty()) {
            bool file_known = false;
            for (const auto& layout : layouts) file_known = file_known || layout.file == file;
            if (!file_known) throw input_error(what + ": no file '" + shown(file) + "' in the CSV layout");
            for (const auto& layout : layouts)
                if (layout.file == file && !has_column(layout.columns, rename.to))
                    throw input_error(what + ": " + file + " has no column '" + shown(rename.to) +
                                      "' (its columns: " + column_list(layout.columns) + ")");
        } else if (!known) {
            throw input_error(what + ": no file of the CSV layout has a column '" + shown(rename.to) + "'");
        }
        for (std::size_t j = 0; j < i; ++j)
            if (file_name(renames[j].file) == file && renames[j].from == rename.from)
                throw input_error(what + ": '" + shown(rename.from) + "' is renamed twice" +
                                  (file.empty() ? std::string() : " in " + file));
    }
}

// A CSV file read through its header: columns in any order, optional ones
// may be missing (their cells read as empty), ones the layout does not know
// are ignored with a warning. Cells of the layout's columns are decoded to
// UTF-8 (or checked to be UTF-8).
class CsvTable {
public:
    CsvTable(std::string_view text, std::string source, std::string_view file, std::span<const ColumnSpec> columns,
             ReadContext& context)
        : lexer_(text, source, find_delimiter(text, source, context.options.delimiter)),
          context_(context),
          encoding_(context.options.encoding),
          columns_(columns),
          positions_(columns.size(), absent),
          headers_(columns.size()) {
        std::vector<std::string> header;
        if (!lexer_.next(header, line_))
            fail_at(lexer_.source(), 1, "no header row (expected the columns " + column_list(columns_) + ")");
        std::vector<std::string> ignored;
        for (std::size_t i = 0; i < header.size(); ++i) {
            located(lexer_.source(), line_, "",
                    [&] { header[i] = cell(header[i], "header column " + std::to_string(i + 1)); });
            const std::string target = renamed(header[i], file, context);
            std::size_t spec = 0;
            while (spec < columns_.size() && columns_[spec].name != target) ++spec;
            if (spec == columns_.size()) {
                ignored.push_back("'" + shown(header[i]) + "'");
                continue;
            }
            if (positions_[spec] != absent)
                fail_at(lexer_.source(), line_,
                        "column '" + std::string(columns_[spec].name) + "' appears twice" +
                            (headers_[spec] == columns_[spec].name && header[i] == target
                                 ? std::string()
                                 : " (as '" + shown(headers_[spec]) + "' and '" + shown(header[i]) + "')"));
            positions_[spec] = i;
            headers_[spec] = header[i];
        }
        for (std::size_t spec = 0; spec < columns_.size(); ++spec)
            if (columns_[spec].required && positions_[spec] == absent) {
                std::string message = "missing column '" + std::string(columns_[spec].name) + "'";
                for (const auto& h : header)
                    if (lower_ascii(h) == columns_[spec].name && h != columns_[spec].name)
                        message += " (the header has '" + shown(h) + "': names are case-sensitive)";
                if (header.size() == 1 && context.options.delimiter == 0)
                    message += " (the header row is one column '" + shown(header[0]) +
                               "': is the delimiter ',', ';' or a tab?)";
                fail_at(lexer_.source(), line_, message);
            }
        if (!ignored.empty()) {
            const std::string list = join(ignored, ", ");
            context.warnings.push_back(
                lexer_.source() + ":" + std::to_string(line_) + (ignored.size() == 1 ? ": column " : ": columns ") +
                list + (ignored.size() == 1 ? " is" : " are") +
                " not part of the layout and ignored (its columns: " + column_list(columns_) + ")");
        }
        width_ = header.size();
        lexer_.name_columns(header);
    }

    const std::string& source() const noexcept { return lexer_.source(); }
    std::size_t line() const noexcept { return line_; }

    // "field 'weight'", or "field 'gewicht' (weight)" when the file's header
    // was renamed.
    std::string label(std::string_view column) const {
        for (std::size_t spec = 0; spec < columns_.size(); ++spec)
            if (columns_[spec].name == column && positions_[spec] != absent && headers_[spec] != column)
                return field_label(shown(headers_[spec])) + " (" + std::string(column) + ")";
        return field_label(column);
    }

    // Moves to the next row; false at the end of the file. Reports
    // progress every 256 rows (throws cancelled_error).
    bool next() {
        if ((++rows_ & 255u) == 0) context_.report(lexer_.position());
        if (!lexer_.next(row_, line_)) return false;
        if (row_.size() != width_)
            fail_at(source(), line_,
                    std::to_string(row_.size()) + (row_.size() == 1 ? " field" : " fields") +
                        ", but the header has " + std::to_string(width_) + " columns");
        for (std::size_t spec = 0; spec < columns_.size(); ++spec) {
            const std::size_t at = positions_[spec];
            if (at != absent)
                located(source(), line_, "", [&] { row_[at] = cell(row_[at], label(columns_[spec].name)); });
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
    // A cell's bytes as UTF-8 text; throws input_error naming `what`.
    std::string cell(std::string& bytes, const std::string& what) const {
        if (encoding_ != CsvEncoding::utf8) return decode_single_byte(bytes, encoding_, what);
        if (!is_valid_utf8(bytes))
            throw input_error(what + ": is not valid UTF-8 '" + shown(bytes) + "'" + std::string(cp1252_hint));
        return std::move(bytes);
    }

    // The layout's name for a header of `file`: a rename for this file,
    // else one for every file whose target this file has, else the header.
    std::string renamed(const std::string& header, std::string_view file, ReadContext& context) const {
        const auto& renames = context.options.columns;
        for (const auto& rename : renames)
            if (!rename.file.empty() && file_name(rename.file) == file && rename.from == header) return rename.to;
        for (std::size_t i = 0; i < renames.size(); ++i)
            if (renames[i].file.empty() && renames[i].from == header && has_column(columns_, renames[i].to)) {
                context.rename_used[i] = true;
                return renames[i].to;
            }
        return header;
    }

    static constexpr std::size_t absent = static_cast<std::size_t>(-1);
    CsvLexer lexer_;
    ReadContext& context_;
    std::size_t rows_ = 0;
    CsvEncoding encoding_;
    std::span<const ColumnSpec> columns_;
    std::vector<std::size_t> positions_;
    std::vector<std::string> headers_;
    std::size_t width_ = 0;
    std::vector<std::string> row_;
    std::size_t line_ = 1;
};

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
void read_marks(std::string_view text, const std::string& source, std::string_view file,
                const ColumnSpec (&columns)[N], ReadContext& context, Mark&& mark) {
    CsvTable table(text, source, file, columns, context);
    while (table.next()) located(source, table.line(), "", [&] { mark(table[columns[0].name]); });
}

void read_actors(Network& network, std::string_view text, const std::string& source, ReadContext& context) {
    CsvTable table(text, source, "actors.csv", actor_columns, context);
    DateColumn trained_on;
    const auto label = [&](std::string_view column) { return table.label(column); };
    while (table.next()) {
        located(source, table.line(), "", [&] {
            ActorRecord record;
            record.key = table["key"];
            record.type = parse_actor_type(table["type"], table.label("type"));
            record.kind = table["kind"];
            record.neighbourhood = table["neighbourhood"];
            record.municipality = table["municipality"];
            record.talents = split_list(table["talents"]);
            record.groups = split_list(table["groups"]);
            record.key_figure = parse_bool(table["key_figure"], table.label("key_figure"));
            record.trained_on = parse_cell_date(table["trained_on"], table.label("trained_on"),
                                                context.options.dayfirst, trained_on, table.line());
            check_actor_record(record, label);
            add_actor(network, record);
        });
    }
}

void read_ties(Network& network, std::string_view text, const std::string& source, ReadContext& context) {
    CsvTable table(text, source, "ties.csv", tie_columns, context);
    DateColumn since, until;
    NumberColumn weight;
    const bool dayfirst = context.options.dayfirst;
    while (table.next()) {
        located(source, table.line(), "", [&] {
            TieInfo info;
            info.since = parse_cell_date(table["since"], table.label("since"), dayfirst, since, table.line());
            info.until = parse_cell_date(table["until"], table.label("until"), dayfirst, until, table.line());
            // + 0.0: a zero weight has no sign (-0 reads as 0).
            if (!table["weight"].empty())
                info.weight = parse_cell_number(table["weight"], table.label("weight"), weight, table.line()) + 0.0;
            const std::string_view kind = table["kind"].empty() ? std::string_view("knows") : table["kind"];
            network.add_tie(table["a"], table["b"], kind, info);
        });
    }
}

void read_events(Network& network, std::string_view text, const std::string& source, ReadContext& context) {
    CsvTable table(text, source, "events.csv", event_columns, context);
    DateColumn dates;
    while (table.next()) {
        located(source, table.line(), "", [&] {
            EventInfo info;
            const auto date =
                parse_cell_date(table["date"], table.label("date"), context.options.dayfirst, dates, table.line());
            info.date = date ? *date : parse_date("", table.label("date"));
            info.kind = table["kind"];
            info.neighbourhood = table["neighbourhood"];
            info.municipality = table["municipality"];
            info.organisers = split_list(table["organisers"]);
            network.add_event(table["key"], info);
        });
    }
}

void read_attendance(Network& network, std::string_view text, const std::string& source, ReadContext& context) {
    CsvTable table(text, source, "attendance.csv", attendance_columns, context);
    while (table.next())
        located(source, table.line(), "",
                [&] { network.attend(table["event"], table["actor"], table["brought_by"]); });
}

// Reads the folder into `network`, which the caller throws away on error.
void read_folder(Network& network, const std::string& folder, ReadContext& context) {
    files::check_path(folder, "folder");
    context.options.validate();
    const CsvEncoding encoding = context.options.encoding;
    // Progress: every file of the layout there is, sized before any is read.
    auto size_of = [&](std::string_view name) -> std::uintmax_t {
        std::error_code error;
        const auto size = std::filesystem::file_size(path_in(folder, name), error);
        return error ? 0 : size;
    };
    if (context.progress.active()) {
        for (const auto name : csv_files) context.total_bytes += size_of(name);
        context.report(0);
    }
    auto optional_file = [&](std::string_view name) -> std::optional<std::string> {
        const std::string path = path_in(folder, name);
        if (auto text = read_optional(path)) return file_text(std::move(*text), path, encoding);
        return std::nullopt;
    };
    auto done = [&](std::string_view name) {
        if (context.progress.active()) context.file_done(size_of(name));
    };
    // Dependencies first: actors before the ties, events and attendance
    // that name them.
    const std::string sensitive_path = path_in(folder, "sensitive_groups.csv");
    if (const auto text = optional_file("sensitive_groups.csv"))
        read_marks(*text, sensitive_path, "sensitive_groups.csv", sensitive_columns, context,
                   [&](std::string_view g) { network.mark_sensitive(g); });
    done("sensitive_groups.csv");
    const std::string kinds_path = path_in(folder, "sensitive_tie_kinds.csv");
    if (const auto text = optional_file("sensitive_tie_kinds.csv"))
        read_marks(*text, kinds_path, "sensitive_tie_kinds.csv", sensitive_tie_kind_columns, context,
                   [&](std::string_view kind) { network.mark_sensitive_tie_kind(kind); });
    done("sensitive_tie_kinds.csv");
    const std::string actors_path = path_in(folder, "actors.csv");
    read_actors(network, file_text(read_file(actors_path), actors_path, encoding), actors_path, context);
    done("actors.csv");
    const std::string ties_path = path_in(folder, "ties.csv");
    if (const auto text = optional_file("ties.csv")) read_ties(network, *text, ties_path, context);
    done("ties.csv");
    const std::string events_path = path_in(folder, "events.csv");
    if (const auto text = optional_file("events.csv")) read_events(network, *text, events_path, context);
    done("events.csv");
    const std::string sensitive_events_path = path_in(folder, "sensitive_events.csv");
    if (const auto text = optional_file("sensitive_events.csv"))
        read_marks(*text, sensitive_events_path, "sensitive_events.csv", sensitive_event_columns, context,
                   [&](std::string_view event) { network.mark_sensitive_event(event); });
    done("sensitive_events.csv");
    const std::string attendance_path = path_in(folder, "attendance.csv");
    if (const auto text = optional_file("attendance.csv")) read_attendance(network, *text, attendance_path, context);
    done("attendance.csv");
    const auto& renames = context.options.columns;
    for (std::size_t i = 0; i < renames.size(); ++i)
        if (renames[i].file.empty() && !context.rename_used[i])
            context.warnings.push_back("columns: '" + shown(renames[i].from) + "' -> '" + shown(renames[i].to) +
                                       "' matched no header of the files read");
    context.progress.report(1.0);
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

std::string join_list(const std::vector<std::string>& items) { return join(items, ";"); }

}  // namespace

void CsvOptions::validate() const {
    check_renames(*this);
    if (delimiter != 0 && delimiter != ',' && delimiter != ';' && delimiter != '\t')
        throw input_error("delimiter: expected ',', ';' or a tab, got " +
                          (delimiter > ' ' && delimiter < 0x7F
                               ? "'" + std::string(1, delimiter) + "'"
                               : "byte " + hex_byte(static_cast<unsigned char>(delimiter))));
}

void write_csv(const Network& network, const std::string& folder, const ExportOptions& options) {
    options.validate();
    // Every file is built in memory first, so a model that cannot be written
    // fails before anything on disk changes. What is written: the records
    // the privacy view shows, and the marks only when it names them.
    const Visible visible(network, options.include_sensitive);
    std::string sensitive = "group\n";
    for (const auto& group : visible.sensitive_groups()) append_row(sensitive, {group});

    std::string actors = "key,type,kind,neighbourhood,municipality,talents,groups,key_figure,trained_on\n";
    for (const auto& actor : network.actors())
        append_row(actors, {actor.key, to_string(actor.type), actor.kind, actor.neighbourhood, actor.municipality,
                            join_list(actor.talents), join_list(visible.groups(actor)),
                            actor.key_figure ? "true" : "false", format_date(actor.trained_on)});

    std::string ties = "a,b,kind,since,until,weight\n";
    for (const auto& tie : network.ties()) {
        if (!visible.tie(tie)) continue;
        append_row(ties, {network.actor(tie.a).key, network.actor(tie.b).key, network.tie_kind(tie),
                          format_date(tie.since), format_date(tie.until), number_text(tie.weight + 0.0)});
    }

    std::string events = "key,date,kind,neighbourhood,municipality,organisers\n";
    for (EventId e = 0; e < network.num_events(); ++e) {
        if (!visible.event(e)) continue;
        const Event& event = network.event(e);
        std::vector<std::string> organisers;
        for (ActorId id : event.organisers) organisers.push_back(network.actor(id).key);
        append_row(events, {event.key, format_date(event.date), event.kind, event.neighbourhood, event.municipality,
                            join_list(organisers)});
    }

    std::string attendance = "event,actor,brought_by\n";
    for (const auto& record : network.attendance()) {
        if (!visible.attendance(record)) continue;
        append_row(attendance,
                   {network.event(record.event).key, network.actor(record.actor).key,
                    record.brought_by == no_id ? std::string_view() : network.actor(record.brought_by).key});
    }

    std::string sensitive_kinds = "kind\n";
    for (const auto& kind : visible.sensitive_tie_kinds()) append_row(sensitive_kinds, {kind});
    std::string sensitive_events = "event\n";
    for (const auto& event : visible.sensitive_events()) append_row(sensitive_events, {event});

    // The marks name special-category data, so they are written only when
    // sensitive data are, and only when there are any: a default export
    // holds no trace of what is marked (docs/privacy.md).
    std::vector<files::FolderFile> out;
    out.reserve(7);
    if (!visible.sensitive_groups().empty()) out.push_back({"sensitive_groups.csv", std::move(sensitive)});
    out.push_back({"actors.csv", std::move(actors)});
    out.push_back({"ties.csv", std::move(ties)});
    out.push_back({"events.csv", std::move(events)});
    out.push_back({"attendance.csv", std::move(attendance)});
    if (!visible.sensitive_tie_kinds().empty())
        out.push_back({"sensitive_tie_kinds.csv", std::move(sensitive_kinds)});
    if (!visible.sensitive_events().empty()) out.push_back({"sensitive_events.csv", std::move(sensitive_events)});
    // The folder is replaced as a whole: a reader sees the old export or the
    // new one, never some files of each (and never stale marks).
    files::atomic_write_folder(folder, out, csv_files, "folder");
}


Network read_csv(const std::string& folder, const CsvOptions& options, std::vector<std::string>* warnings) {
    options.validate();
    Network network;
    ReadContext context(options);
    read_folder(network, folder, context);
    if (warnings) warnings->insert(warnings->end(), context.warnings.begin(), context.warnings.end());
    return network;
}

void import_csv(Network& network, const std::string& folder, const CsvOptions& options,
                std::vector<std::string>* warnings) {
    options.validate();
    Network next = network;
    ReadContext context(options);
    read_folder(next, folder, context);
    if (warnings) warnings->reserve(warnings->size() + context.warnings.size());
    network = std::move(next);
    if (warnings) warnings->insert(warnings->end(), context.warnings.begin(), context.warnings.end());
}

}  // namespace verbind
