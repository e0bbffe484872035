// Reading a store: every row of every content table checked for the type
// its column holds and for the model's rules, and hashed before it is read,
// so the content is verified against the file's checksum.
#include "store_parts.hpp"

#include "verbind/error.hpp"
#include "verbind/model/text.hpp"

#include <array>
#include <span>
#include <unordered_map>

namespace verbind::store_detail {

namespace {

// Rows that break the model's rules become a parse_error naming the table
// and row; no message carries a stored text's invalid bytes (printable).
template <class F>
void row(const Database& db, std::string_view table, std::int64_t seq, F&& body) {
    try {
        body();
    } catch (const cancelled_error&) {
        throw;
    } catch (const io_error&) {
        throw;
    } catch (const error& e) {
        throw parse_error(where(db) + ": table '" + std::string(table) + "' row " + std::to_string(seq) + ": " +
                          printable(e.what()));
    }
}

// The cells of the current row of `select`, each checked for the type its
// column holds: SQLite keeps whatever a program wrote (text in a REAL
// column, a blob in a TEXT one), and reading it as the wrong type would
// quietly turn 'abc' into 0.
class Cells {
public:
    explicit Cells(const Statement& select) : s_(select) {}

    std::int64_t integer(int column, std::string_view field) const {
        if (s_.type(column) != SQLITE_INTEGER) wrong(column, field, "an integer");
        return s_.integer(column);
    }
    std::optional<std::int64_t> optional_integer(int column, std::string_view field) const {
        if (s_.type(column) == SQLITE_NULL) return std::nullopt;
        return integer(column, field);
    }
    double number(int column, std::string_view field) const {
        const int type = s_.type(column);
        if (type != SQLITE_FLOAT && type != SQLITE_INTEGER) wrong(column, field, "a number");
        return s_.real(column);
    }
    // Non-empty UTF-8 text.
    std::string_view text(int column, std::string_view field) const {
        if (s_.type(column) != SQLITE_TEXT) wrong(column, field, "text");
        return checked(column, field);
    }
    // NULL (or '') reads as "".
    std::string_view optional_text(int column, std::string_view field) const {
        const int type = s_.type(column);
        if (type == SQLITE_NULL) return {};
        if (type != SQLITE_TEXT) wrong(column, field, "text or NULL");
        return checked(column, field);
    }

private:
    std::string_view checked(int column, std::string_view field) const {
        const std::string_view value = s_.text(column);
        if (!is_valid_utf8(value))
            throw input_error("field '" + std::string(field) + "': is not valid UTF-8 ('" + printable(value) + "')");
        return value;
    }
    [[noreturn]] void wrong(int column, std::string_view field, std::string_view expected) const {
        std::string got;
        switch (s_.type(column)) {
            case SQLITE_NULL: got = "NULL"; break;
            case SQLITE_INTEGER: got = "the integer " + std::to_string(s_.integer(column)); break;
            case SQLITE_FLOAT: got = "the number " + std::to_string(s_.real(column)); break;
            case SQLITE_TEXT: {
                const std::string_view value = s_.text(column);
                got = "the text '" + printable(value.substr(0, 40)) + (value.size() > 40 ? "...'" : "'");
                break;
            }
            default: got = "a blob of " + std::to_string(s_.text(column).size()) + " bytes"; break;
        }
        throw input_error("field '" + std::string(field) + "': expected " + std::string(expected) + ", got " + got);
    }
    const Statement& s_;
};

// Row seq -> dense id. Files written by save() number rows 1..n, so a
// vector serves; a Store's deletions leave gaps, and a hand-edited file may
// hold any seq, so large or negative ones go to a map.
class SeqIndex {
public:
    void add(std::int64_t seq, std::uint32_t id) {
        if (seq >= 0 && static_cast<std::uint64_t>(seq) < 4 * dense_.size() + 1024) {
            if (static_cast<std::size_t>(seq) >= dense_.size())
                dense_.resize(static_cast<std::size_t>(seq) + 1, no_id);
            dense_[static_cast<std::size_t>(seq)] = id;
        } else {
            sparse_.emplace(seq, id);
        }
    }
    std::uint32_t find(std::int64_t seq) const {
        if (seq >= 0 && static_cast<std::uint64_t>(seq) < dense_.size()) return dense_[static_cast<std::size_t>(seq)];
        const auto it = sparse_.find(seq);
        return it == sparse_.end() ? no_id : it->second;
    }

private:
    std::vector<std::uint32_t> dense_;
    std::unordered_map<std::int64_t, std::uint32_t> sparse_;
};

// Reads the rows of every content table into a Network, in the order the
// model needs them (actors, tie kinds and ties, events, organisers,
// attendance, the marks), adding each row to the checksum before any of its
// cells is read. Progress (when given) is the fraction of the rows read,
// against the rows counted before reading; it may cancel (cancelled_error)
// at any row.
class RowReader {
public:
    RowReader(Database& db, int version, ContentSum* sum, Progress* progress)
        : db_(db), version_(version), sum_(sum), progress_(progress) {}

    Network read() {
        count_rows();
        actors();
        tie_kinds_and_ties();
        events();
        organisers_and_attendance();
        marks();
        if (progress_ != nullptr) progress_->report(1.0);
        return std::move(net_);
    }

private:
    void tick() {
        if (progress_ != nullptr && (++rows_read_ & 1023u) == 0 && rows_total_ > 0)
            progress_->report(static_cast<double>(rows_read_) / static_cast<double>(rows_total_));
    }
    // Adds the current row of `select` (columns from `first` on, in the
    // table's schema order) to the checksum; before any cell is read as a
    // type, which could convert it. Every row of every table passes here
    // first: it counts the row for progress too.
    void hash(const Statement& select, const char* table, int first = 0) {
        tick();
        if (sum_ == nullptr) return;
        const auto* spec = store_detail::find_content_table(table);
        std::array<sqlite3_value*, 16> values{};
        for (std::size_t i = 0; i < spec->columns.size(); ++i)
            values[i] = sqlite3_column_value(select.handle(), first + static_cast<int>(i));
        sum_->add_row(*spec, std::span<sqlite3_value* const>(values.data(), spec->columns.size()));
    }
    ActorId actor_at(std::int64_t seq, std::string_view field) const {
        const ActorId id = actor_of_.find(seq);
        if (id == no_id)
            throw input_error("field '" + std::string(field) + "': no actor with seq " + std::to_string(seq));
        return id;
    }
    const std::string& actor_key(std::int64_t seq, std::string_view field) const {
        return net_.actor(actor_at(seq, field)).key;
    }
    const std::string& event_key(std::int64_t seq) const {
        const EventId id = event_of_.find(seq);
        if (id == no_id) throw input_error("field 'event': no event with seq " + std::to_string(seq));
        return net_.event(id).key;
    }

    void count_rows() {
        Database& db = db_;
        Network& net = net_;
        const int version = version_;
        Progress* progress = progress_;
        auto rows = [&](const char* table) -> std::size_t {
            Statement count(db, (std::string("SELECT COUNT(*) FROM ") + table).c_str());
            return count.step() ? static_cast<std::size_t>(count.integer(0)) : 0;
        };
        const std::size_t actors = rows("actors"), ties = rows("ties"), events = rows("events"),
                          attendance = rows("attendance");
        net.reserve(actors, ties, events, attendance);
        if (progress != nullptr) {
            // Every row that passes `hash` below, so that 1 is the end.
            rows_total_ = actors + ties + events + attendance + rows("organisers") + rows("tie_kinds") +
                          rows("sensitive_groups") +
                          (version >= 2 ? rows("sensitive_events") + rows("sensitive_tie_kinds") : 0);
            progress->report(0.0);
        }
    }

    void actors() {
        Database& db = db_;
        Network& net = net_;
        auto& actor_of = actor_of_;
        Statement select(db, "SELECT seq, key, type, kind, neighbourhood, municipality, talents, groups, key_figure, "
                             "trained_on FROM actors ORDER BY seq");
        while (select.step()) {
            hash(select, "actors");
            const auto seq = select.integer(0);
            row(db, "actors", seq, [&] {
                const Cells cell(select);
                const auto key = cell.text(1, "key");
                const auto type = cell.text(2, "type");
                const auto key_figure = cell.integer(8, "key_figure");
                if (key_figure != 0 && key_figure != 1)
                    throw input_error("field 'key_figure': expected 0 or 1, got " + std::to_string(key_figure));
                ActorId id;
                if (type == "resident") {
                    if (!cell.optional_text(3, "kind").empty())
                        throw input_error("resident '" + std::string(key) + "' field 'kind': a resident has no kind");
                    ResidentInfo info;
                    info.neighbourhood = cell.optional_text(4, "neighbourhood");
                    info.municipality = cell.optional_text(5, "municipality");
                    info.talents = split(cell.optional_text(6, "talents"));
                    info.groups = split(cell.optional_text(7, "groups"));
                    info.key_figure = key_figure == 1;
                    info.trained_on = parse_optional_date(cell.optional_text(9, "trained_on"), "field 'trained_on'");
                    id = net.add_resident(key, info);
                } else if (type == "organisation") {
                    // What only a resident has is refused, as Network::add_organisation
                    // would (it has no such fields), rather than dropped.
                    auto resident_only = [&](std::string_view field, std::string_view what) {
                        throw input_error("organisation '" + std::string(key) + "' field '" + std::string(field) +
                                          "': " + std::string(what));
                    };
                    if (key_figure != 0)
                        resident_only("key_figure", "an organisation cannot be a key figure (got 1)");
                    if (!cell.optional_text(7, "groups").empty())
                        resident_only("groups", "an organisation has no declared groups");
                    if (!cell.optional_text(9, "trained_on").empty())
                        resident_only("trained_on", "an organisation has no training date");
                    OrganisationInfo info;
                    info.kind = cell.optional_text(3, "kind");
                    info.neighbourhood = cell.optional_text(4, "neighbourhood");
                    info.municipality = cell.optional_text(5, "municipality");
                    info.talents = split(cell.optional_text(6, "talents"));
                    id = net.add_organisation(key, info);
                } else {
                    throw input_error("field 'type': expected 'resident' or 'organisation', got '" + printable(type) +
                                      "'");
                }
                actor_of.add(seq, id);
            });
        }
    }

    void tie_kinds_and_ties() {
        Database& db = db_;
        Network& net = net_;
        auto& kinds = kinds_;
        {
            Statement select(db, "SELECT id, name FROM tie_kinds");
            while (select.step()) {
                hash(select, "tie_kinds");
                const auto id = select.integer(0);
                row(db, "tie_kinds", id, [&] { kinds.emplace(id, std::string(Cells(select).text(1, "name"))); });
            }
        }
        {
            Statement select(db, "SELECT seq, a, b, kind, since, until, weight FROM ties ORDER BY seq");
            while (select.step()) {
                hash(select, "ties");
                const auto seq = select.integer(0);
                row(db, "ties", seq, [&] {
                    const Cells cell(select);
                    const auto kind_id = cell.integer(3, "kind");
                    const auto kind = kinds.find(kind_id);
                    if (kind == kinds.end())
                        throw input_error("field 'kind': no tie kind " + std::to_string(kind_id));
                    TieInfo info;
                    info.since = parse_optional_date(cell.optional_text(4, "since"), "field 'since'");
                    info.until = parse_optional_date(cell.optional_text(5, "until"), "field 'until'");
                    info.weight = cell.number(6, "weight");
                    net.add_tie(actor_at(cell.integer(1, "a"), "a"), actor_at(cell.integer(2, "b"), "b"),
                                kind->second, info);
                });
            }
        }
    }

    void events() {
        Database& db = db_;
        Network& net = net_;
        auto& event_of = event_of_;
        Statement select(db, "SELECT seq, key, date, kind, neighbourhood, municipality FROM events ORDER BY seq");
        while (select.step()) {
            hash(select, "events");
            const auto seq = select.integer(0);
            row(db, "events", seq, [&] {
                const Cells cell(select);
                EventInfo info;
                info.date = parse_date(cell.text(2, "date"), "field 'date'");
                info.kind = cell.text(3, "kind");
                info.neighbourhood = cell.optional_text(4, "neighbourhood");
                info.municipality = cell.optional_text(5, "municipality");
                event_of.add(seq, net.add_event(cell.text(1, "key"), info));
            });
        }
    }

    void organisers_and_attendance() {
        Database& db = db_;
        Network& net = net_;
        {
            Statement select(db, "SELECT seq, event, actor FROM organisers ORDER BY seq");
            while (select.step()) {
                hash(select, "organisers");
                const auto seq = select.integer(0);
                row(db, "organisers", seq, [&] {
                    const Cells cell(select);
                    net.add_organiser(event_key(cell.integer(1, "event")),
                                      actor_key(cell.integer(2, "actor"), "actor"));
                });
            }
        }
        {
            Statement select(db, "SELECT seq, event, actor, brought_by FROM attendance ORDER BY seq");
            while (select.step()) {
                hash(select, "attendance");
                const auto seq = select.integer(0);
                row(db, "attendance", seq, [&] {
                    const Cells cell(select);
                    const auto by_seq = cell.optional_integer(3, "brought_by");
                    const std::string_view by =
                        by_seq ? std::string_view(actor_key(*by_seq, "brought_by")) : std::string_view();
                    net.attend(event_key(cell.integer(1, "event")), actor_key(cell.integer(2, "actor"), "actor"), by);
                });
            }
        }
    }

    void marks() {
        Database& db = db_;
        Network& net = net_;
        const int version = version_;
        Statement select(db, "SELECT rowid, name FROM sensitive_groups ORDER BY rowid");
        while (select.step()) {
            hash(select, "sensitive_groups", 1);
            row(db, "sensitive_groups", select.integer(0),
                [&] { net.mark_sensitive(Cells(select).text(1, "name")); });
        }
        if (version >= 2) {
            Statement events(db, "SELECT event FROM sensitive_events ORDER BY event");
            while (events.step()) {
                hash(events, "sensitive_events");
                row(db, "sensitive_events", events.integer(0),
                    [&] { net.mark_sensitive_event(event_key(events.integer(0))); });
            }
            Statement kinds_marked(db, "SELECT rowid, name FROM sensitive_tie_kinds ORDER BY rowid");
            while (kinds_marked.step()) {
                hash(kinds_marked, "sensitive_tie_kinds", 1);
                row(db, "sensitive_tie_kinds", kinds_marked.integer(0),
                    [&] { net.mark_sensitive_tie_kind(Cells(kinds_marked).text(1, "name")); });
            }
        }
    }

    Database& db_;
    int version_;
    ContentSum* sum_;
    Progress* progress_;
    std::size_t rows_total_ = 0, rows_read_ = 0;
    Network net_;
    SeqIndex actor_of_, event_of_;
    std::unordered_map<std::int64_t, std::string> kinds_;
};

}  // namespace

Network read_network_rows(Database& db, int version, ContentSum* sum, Progress* progress) {
    return RowReader(db, version, sum, progress).read();
}

// Reads the Network, checking the content against the checksum when the
// file has one. Every row is hashed as it is read, before it is
// interpreted; when a row breaks the model's rules, the checksum of the
// whole content is computed first, so damage is reported as damage (a
// "corrupt" io_error), not as the misleading complaint of a damaged row.
Network read_network(Database& db, int version, Progress* progress) {
    const auto expected = expected_checksum(db, version);
    if (!expected) return read_network_rows(db, version, nullptr, progress);
    ContentSum sum;
    sum.add_version(version);
    Network net;
    try {
        net = read_network_rows(db, version, &sum, progress);
    } catch (const parse_error&) {
        if (store_detail::content_sum(db, version) != *expected) mismatch(db);
        throw;
    }
    if (sum != *expected) mismatch(db);
    return net;
}

}  // namespace verbind::store_detail
