// The JSON layout: one document {"format": "verbind", "version": 1, ...}
// (docs/data-formats.md).

#include "verbind/io/io.hpp"

#include "files.hpp"
#include "json_value.hpp"
#include "records.hpp"

#include "verbind/error.hpp"
#include "verbind/model/date.hpp"
#include "verbind/model/visible.hpp"
#include "verbind/util/text.hpp"

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace verbind {

namespace {

using namespace io_detail;
using Type = JsonValue::Type;

constexpr std::string_view format_name = "verbind";
constexpr std::string_view format_version = "1";

// --- reading ------------------------------------------------------------------

// The members of one JSON object, looked up by name. A member the layout
// does not know is refused: a misspelt field must not vanish silently.
class Record {
public:
    Record(const JsonValue& object, std::string path, std::string_view source,
           std::initializer_list<std::string_view> names)
        : object_(object), path_(std::move(path)), source_(source) {
        if (object.type != Type::object)
            fail_at(source_, object.line, path_ + ": expected an object, got " + std::string(type_name(object.type)));
        for (const auto& member : object.members) {
            bool known = false;
            for (auto name : names) known = known || name == member.key;
            if (!known) {
                const std::string expected = join(names, ", ");
                fail_at(source_, member.line,
                        path_ + ": unknown field '" + member.key + "' (expected " + expected + ")");
            }
        }
    }

    const std::string& path() const noexcept { return path_; }
    std::size_t line() const noexcept { return object_.line; }
    std::string field_path(std::string_view name) const { return path_ + "." + std::string(name); }

    // The member's value; null when the member is missing or null.
    const JsonValue* find(std::string_view name) const {
        for (const auto& member : object_.members)
            if (member.key == name) return member.value.type == Type::null ? nullptr : &member.value;
        return nullptr;
    }

    const JsonValue& required(std::string_view name) const {
        for (const auto& member : object_.members)
            if (member.key == name) return member.value;
        fail_at(source_, object_.line, path_ + ": missing field '" + std::string(name) + "'");
    }

    void expect_type(const JsonValue& value, Type type, const std::string& path) const {
        if (value.type != type)
            fail_at(source_, value.line,
                    path + ": expected " + std::string(type_name(type)) + ", got " +
                        std::string(type_name(value.type)));
    }

    std::string required_string(std::string_view name) const {
        const JsonValue& value = required(name);
        expect_type(value, Type::string, field_path(name));
        return value.text;
    }

    std::string optional_string(std::string_view name) const {
        const JsonValue* value = find(name);
        if (!value) return {};
        expect_type(*value, Type::string, field_path(name));
        return value->text;
    }

    std::vector<std::string> string_list(std::string_view name) const {
        std::vector<std::string> items;
        const JsonValue* value = find(name);
        if (!value) return items;
        const std::string path = field_path(name);
        expect_type(*value, Type::array, path);
        for (std::size_t i = 0; i < value->items.size(); ++i) {
            expect_type(value->items[i], Type::string, path + "[" + std::to_string(i) + "]");
            items.push_back(value->items[i].text);
        }
        return items;
    }

    bool optional_bool(std::string_view name) const {
        const JsonValue* value = find(name);
        if (!value) return false;
        expect_type(*value, Type::boolean, field_path(name));
        return value->boolean;
    }

    std::optional<Date> optional_date(std::string_view name) const {
        const JsonValue* value = find(name);
        if (!value) return std::nullopt;
        return date(*value, name);
    }

    Date required_date(std::string_view name) const { return date(required(name), name); }

    std::optional<double> optional_number(std::string_view name) const {
        const JsonValue* value = find(name);
        if (!value) return std::nullopt;
        const std::string path = field_path(name);
        expect_type(*value, Type::number, path);
        double number = 0;
        located(source_, value->line, "", [&] { number = parse_number(value->text, path); });
        return number;
    }

private:
    Date date(const JsonValue& value, std::string_view name) const {
        const std::string path = field_path(name);
        expect_type(value, Type::string, path);
        Date parsed;
        located(source_, value.line, "", [&] { parsed = parse_date(value.text, path); });
        return parsed;
    }

    const JsonValue& object_;
    std::string path_;
    std::string_view source_;
};

// Each element of the top-level array `name` (absent or null: none).
template <class Read>
void for_each_record(const Record& document, std::string_view name, std::string_view source, Read&& read) {
    const JsonValue* list = document.find(name);
    if (!list) return;
    document.expect_type(*list, Type::array, std::string(name));
    for (std::size_t i = 0; i < list->items.size(); ++i)
        read(list->items[i], std::string(name) + "[" + std::to_string(i) + "]", source);
}

// Progress of a read (optional): the first half is the text parsed, the
// second the records of the four lists added to the Network.
struct JsonProgress {
    Progress* progress = nullptr;
    std::size_t total = 0, done = 0;
    void record() {
        if (progress != nullptr && (++done & 1023u) == 0 && done < total)
            progress->report(0.5 + 0.5 * static_cast<double>(done) / static_cast<double>(total));
    }
};

void read_document(Network& network, std::string_view text, std::string_view source, Progress* progress = nullptr) {
    JsonParser parser(text, source);
    if (progress != nullptr) {
        progress->report(0.0);
        parser.report_to(progress, 0.5);
    }
    const JsonValue root = parser.parse_document();
    if (root.type != Type::object)
        fail_at(source, root.line, "expected an object at the top level, got " + std::string(type_name(root.type)));
    // Check what the document is before complaining about what is inside it.
    for (const auto& member : root.members) {
        if (member.key == "format" && (member.value.type != Type::string || member.value.text != format_name))
            fail_at(source, member.value.line, "format: expected \"verbind\" (is this a verbind document?)");
        if (member.key == "version" && member.value.type != Type::number)
            fail_at(source, member.value.line,
                    "version: expected the number " + std::string(format_version) + ", got " +
                        std::string(type_name(member.value.type)));
        if (member.key == "version" && member.value.text != format_version)
            fail_at(source, member.value.line,
                    "version: unsupported version " + member.value.text + " (this library reads version " +
                        std::string(format_version) + ")");
    }
    const Record document(root, "document", source,
                          {"format", "version", "sensitive_groups", "sensitive_tie_kinds", "actors", "ties", "events",
                           "attendance", "sensitive_events"});
    document.required("format");
    document.required("version");
    JsonProgress records;
    records.progress = progress;
    if (progress != nullptr) {
        for (const char* name : {"actors", "ties", "events", "attendance"})
            if (const JsonValue* list = document.find(name); list && list->type == Type::array)
                records.total += list->items.size();
        progress->report(0.5);
    }

    // The special-category marks: lists of names, each applied by `mark`.
    auto read_marks = [&](std::string_view name, auto&& mark) {
        const JsonValue* names = document.find(name);
        if (!names) return;
        document.expect_type(*names, Type::array, std::string(name));
        for (std::size_t i = 0; i < names->items.size(); ++i) {
            const std::string path = std::string(name) + "[" + std::to_string(i) + "]";
            document.expect_type(names->items[i], Type::string, path);
            located(source, names->items[i].line, path, [&] { mark(names->items[i].text); });
        }
    };
    read_marks("sensitive_groups", [&](const std::string& group) { network.mark_sensitive(group); });
    read_marks("sensitive_tie_kinds", [&](const std::string& kind) { network.mark_sensitive_tie_kind(kind); });

    for_each_record(document, "actors", source, [&](const JsonValue& value, std::string path, std::string_view src) {
        const Record actor(value, std::move(path), src,
                           {"key", "type", "kind", "neighbourhood", "municipality", "talents", "groups", "key_figure",
                            "trained_on"});
        ActorRecord record;
        record.key = actor.required_string("key");
        const JsonValue& type = actor.required("type");
        actor.expect_type(type, Type::string, actor.field_path("type"));
        located(src, type.line, "", [&] { record.type = parse_actor_type(type.text, actor.field_path("type")); });
        record.kind = actor.optional_string("kind");
        record.neighbourhood = actor.optional_string("neighbourhood");
        record.municipality = actor.optional_string("municipality");
        record.talents = actor.string_list("talents");
        record.groups = actor.string_list("groups");
        record.key_figure = actor.optional_bool("key_figure");
        record.trained_on = actor.optional_date("trained_on");
        located(src, actor.line(), "",
                [&] { check_actor_record(record, [&](std::string_view name) { return actor.field_path(name); }); });
        located(src, actor.line(), actor.path(), [&] { add_actor(network, record); });
        records.record();
    });

    for_each_record(document, "ties", source, [&](const JsonValue& value, std::string path, std::string_view src) {
        const Record tie(value, std::move(path), src, {"a", "b", "kind", "since", "until", "weight"});
        const std::string a = tie.required_string("a");
        const std::string b = tie.required_string("b");
        std::string kind = "knows";
        if (tie.find("kind")) kind = tie.optional_string("kind");
        TieInfo info;
        info.since = tie.optional_date("since");
        info.until = tie.optional_date("until");
        if (const auto weight = tie.optional_number("weight")) info.weight = *weight + 0.0;  // -0 is 0
        located(src, tie.line(), tie.path(), [&] { network.add_tie(a, b, kind, info); });
        records.record();
    });

    for_each_record(document, "events", source, [&](const JsonValue& value, std::string path, std::string_view src) {
        const Record event(value, std::move(path), src,
                           {"key", "date", "kind", "neighbourhood", "municipality", "organisers"});
        const std::string key = event.required_string("key");
        EventInfo info;
        info.date = event.required_date("date");
        info.kind = event.required_string("kind");
        info.neighbourhood = event.optional_string("neighbourhood");
        info.municipality = event.optional_string("municipality");
        info.organisers = event.string_list("organisers");
        located(src, event.line(), event.path(), [&] { network.add_event(key, info); });
        records.record();
    });
    // Events exist now, so their marks can be applied.
    read_marks("sensitive_events", [&](const std::string& event) { network.mark_sensitive_event(event); });

    for_each_record(
        document, "attendance", source, [&](const JsonValue& value, std::string path, std::string_view src) {
            const Record attendance(value, std::move(path), src, {"event", "actor", "brought_by"});
            const std::string event = attendance.required_string("event");
            const std::string actor = attendance.required_string("actor");
            const std::string brought_by = attendance.optional_string("brought_by");
            located(src, attendance.line(), attendance.path(), [&] { network.attend(event, actor, brought_by); });
            records.record();
        });
    if (progress != nullptr) progress->report(1.0);
}

// --- writing ------------------------------------------------------------------

// One record as a one-line object, members in a fixed order.
class ObjectLine {
public:
    explicit ObjectLine(std::string& out) : out_(out) { out_ += '{'; }
    void close() { out_ += '}'; }

    void string(std::string_view name, std::string_view value) {
        key(name);
        append_json_string(out_, value);
    }
    // Empty text is "not known" in the model: left out.
    void string_if(std::string_view name, std::string_view value) {
        if (!value.empty()) string(name, value);
    }
    void list_if(std::string_view name, const std::vector<std::string>& items) {
        if (items.empty()) return;
        key(name);
        out_ += '[';
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0) out_ += ", ";
            append_json_string(out_, items[i]);
        }
        out_ += ']';
    }
    void boolean(std::string_view name, bool value) {
        key(name);
        out_ += value ? "true" : "false";
    }
    void number(std::string_view name, double value) {
        key(name);
        append_number(out_, value);
    }
    void date_if(std::string_view name, const std::optional<Date>& value) {
        if (value) string(name, format_date(*value));
    }

private:
    void key(std::string_view name) {
        if (!first_) out_ += ", ";
        first_ = false;
        append_json_string(out_, name);
        out_ += ": ";
    }

    std::string& out_;
    bool first_ = true;
};

// "  "name": [\n    record,\n    record\n  ]" with each record written by `write`.
// As append_records, leaving out the items for which keep(item) is false
// (sensitive events, their attendance, ties of a sensitive kind).
template <class Items, class Keep, class Write>
void append_records_if(std::string& out, std::string_view name, const Items& items, Keep&& keep, Write&& write) {
    out += ",\n  ";
    append_json_string(out, name);
    out += ": [";
    bool first = true;
    for (const auto& item : items) {
        if (!keep(item)) continue;
        out += first ? "\n    " : ",\n    ";
        first = false;
        ObjectLine line(out);
        write(line, item);
        line.close();
    }
    out += first ? "]" : "\n  ]";
}

template <class Items, class Write>
void append_records(std::string& out, std::string_view name, const Items& items, Write&& write) {
    append_records_if(
        out, name, items, [](const auto&) { return true; }, std::forward<Write>(write));
}

}  // namespace

std::string to_json(const Network& network, const ExportOptions& options) {
    options.validate();
    std::string out = "{\n  \"format\": ";
    append_json_string(out, format_name);
    out += ",\n  \"version\": ";
    out += format_version;
    // Mark lists are written only when they hold something.
    auto append_marks = [&out](std::string_view name, const auto& names) {
        if (names.empty()) return;
        out += ",\n  ";
        append_json_string(out, name);
        out += ": [";
        bool first_name = true;
        for (const auto& mark : names) {
            if (!first_name) out += ", ";
            first_name = false;
            append_json_string(out, mark);
        }
        out += ']';
    };
    // What is written: the records the privacy view shows. Sensitive groups,
    // tie kinds and events are named only when sensitive data are written at
    // all: without them no trace of what is marked leaves the library
    // (docs/privacy.md).
    const Visible visible(network, options.include_sensitive);
    append_marks("sensitive_groups", visible.sensitive_groups());
    append_marks("sensitive_tie_kinds", visible.sensitive_tie_kinds());

    append_records(out, "actors", network.actors(), [&](ObjectLine& line, const Actor& actor) {
        line.string("key", actor.key);
        line.string("type", to_string(actor.type));
        line.string_if("kind", actor.kind);
        line.string_if("neighbourhood", actor.neighbourhood);
        line.string_if("municipality", actor.municipality);
        line.list_if("talents", actor.talents);
        if (actor.is_resident()) {
            line.list_if("groups", visible.groups(actor));
            line.boolean("key_figure", actor.key_figure);
            line.date_if("trained_on", actor.trained_on);
        }
    });
    append_records_if(
        out, "ties", network.ties(), [&](const Tie& tie) { return visible.tie(tie); },
        [&](ObjectLine& line, const Tie& tie) {
            line.string("a", network.actor(tie.a).key);
            line.string("b", network.actor(tie.b).key);
            line.string("kind", network.tie_kind(tie));
            line.date_if("since", tie.since);
            line.date_if("until", tie.until);
            line.number("weight", tie.weight + 0.0);  // never "-0"
        });
    append_records_if(
        out, "events", network.events(),
        [&](const Event& event) { return visible.event(static_cast<EventId>(&event - network.events().data())); },
        [&](ObjectLine& line, const Event& event) {
            line.string("key", event.key);
            line.string("date", format_date(event.date));
            line.string("kind", event.kind);
            line.string_if("neighbourhood", event.neighbourhood);
            line.string_if("municipality", event.municipality);
            std::vector<std::string> organisers;
            for (ActorId id : event.organisers) organisers.push_back(network.actor(id).key);
            line.list_if("organisers", organisers);
        });
    append_records_if(
        out, "attendance", network.attendance(), [&](const Attendance& record) { return visible.attendance(record); },
        [&](ObjectLine& line, const Attendance& record) {
            line.string("event", network.event(record.event).key);
            line.string("actor", network.actor(record.actor).key);
            if (record.brought_by != no_id) line.string("brought_by", network.actor(record.brought_by).key);
        });
    append_marks("sensitive_events", visible.sensitive_events());
    out += "\n}\n";
    return out;
}

void write_json(const Network& network, const std::string& path, const ExportOptions& options) {
    files::check_path(path);
    files::atomic_write_file(path, to_json(network, options));
}

Network parse_json(std::string_view text, std::string_view source) {
    Network network;
    read_document(network, text, source);
    return network;
}

Network read_json(const std::string& path, const ProgressCallback& progress_callback) {
    Progress progress(progress_callback);
    const std::string text = read_file(path);
    Network network;
    read_document(network, text, path, progress.active() ? &progress : nullptr);
    return network;
}

void import_json(Network& network, const std::string& path, const ProgressCallback& progress_callback) {
    Progress progress(progress_callback);
    const std::string text = read_file(path);
    Network next = network;
    read_document(next, text, path, progress.active() ? &progress : nullptr);
    network = std::move(next);
}

Network read_network(const std::string& path) {
    files::check_path(path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return read_csv(path);
    return read_json(path);
}

}  // namespace verbind
