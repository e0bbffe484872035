// Writing a Network into the store's tables, with the checksum summed from
// the rows as SQLite writes them.
#include "store_parts.hpp"

#include "verbind/store/store.hpp"

namespace verbind::store_detail {

// Clears the content tables and writes `net`, with its checksum, inside the
// caller's transaction. The checksum is summed from the rows as SQLite
// writes them (the preupdate hook), not from a second pass over the file.
void replace_content(Database& db, const Network& net) {
    clear_tables(db);
    ContentSum sum;
    sum.add_version(store_schema_version);
    {
        ChangeTracker tracker(db);
        write_network(db, net);
        sum.add(tracker.finish());
    }
    store_detail::store_checksum(db, sum);
}


void write_network(Database& db, const Network& net) {
    {
        Statement insert(db, "INSERT INTO actors(seq, key, type, kind, neighbourhood, municipality, talents, groups, "
                             "key_figure, trained_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
        std::int64_t seq = 0;
        for (const auto& actor : net.actors()) {
            insert.bind(1, ++seq)
                .bind_text(2, actor.key)
                .bind_text(3, to_string(actor.type))
                .bind(4, actor.kind)
                .bind(5, actor.neighbourhood)
                .bind(6, actor.municipality)
                .bind(7, join(actor.talents))
                .bind(8, join(actor.groups))
                .bind(9, std::int64_t{actor.key_figure})
                .bind(10, format_date(actor.trained_on));
            insert.run();
        }
    }
    {
        // Only the kinds some tie has: a kind whose last tie went (an erased
        // person's own kind of tie, say) is not written.
        std::vector<char> used(net.tie_kinds().size(), 0);
        for (const auto& tie : net.ties()) used[tie.kind] = 1;
        Statement insert(db, "INSERT INTO tie_kinds(id, name) VALUES (?1, ?2)");
        for (std::size_t k = 0; k < used.size(); ++k)
            if (used[k]) insert.bind(1, static_cast<std::int64_t>(k) + 1).bind_text(2, net.tie_kinds()[k]).run();
    }
    {
        Statement insert(
            db, "INSERT INTO ties(seq, a, b, kind, since, until, weight) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
        std::int64_t seq = 0;
        for (const auto& tie : net.ties()) {
            insert.bind(1, ++seq)
                .bind(2, std::int64_t{tie.a} + 1)
                .bind(3, std::int64_t{tie.b} + 1)
                .bind(4, std::int64_t{tie.kind} + 1)
                .bind(5, format_date(tie.since))
                .bind(6, format_date(tie.until))
                .bind(7, tie.weight);
            insert.run();
        }
    }
    {
        Statement insert(db, "INSERT INTO events(seq, key, date, kind, neighbourhood, municipality) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
        Statement organiser(db, "INSERT INTO organisers(event, actor) VALUES (?1, ?2)");
        std::int64_t seq = 0;
        for (const auto& event : net.events()) {
            insert.bind(1, ++seq)
                .bind_text(2, event.key)
                .bind_text(3, format_date(event.date))
                .bind_text(4, event.kind)
                .bind(5, event.neighbourhood)
                .bind(6, event.municipality);
            insert.run();
            for (ActorId id : event.organisers) organiser.bind(1, seq).bind(2, std::int64_t{id} + 1).run();
        }
    }
    {
        Statement insert(db, "INSERT INTO attendance(seq, event, actor, brought_by) VALUES (?1, ?2, ?3, ?4)");
        std::int64_t seq = 0;
        for (const auto& record : net.attendance()) {
            insert.bind(1, ++seq).bind(2, std::int64_t{record.event} + 1).bind(3, std::int64_t{record.actor} + 1);
            if (record.brought_by == no_id)
                insert.bind_null(4);
            else
                insert.bind(4, std::int64_t{record.brought_by} + 1);
            insert.run();
        }
    }
    {
        Statement insert(db, "INSERT INTO sensitive_groups(name) VALUES (?1)");
        for (const auto& group : net.sensitive_groups()) insert.bind_text(1, group).run();
    }
    {
        Statement insert(db, "INSERT INTO sensitive_events(event) SELECT seq FROM events WHERE key = ?1");
        for (const auto& event : net.sensitive_events()) insert.bind_text(1, event).run();
    }
    {
        Statement insert(db, "INSERT INTO sensitive_tie_kinds(name) VALUES (?1)");
        for (const auto& kind : net.sensitive_tie_kinds()) insert.bind_text(1, kind).run();
    }
}

void clear_tables(Database& db) {
    db.exec("DELETE FROM actors; DELETE FROM tie_kinds; DELETE FROM ties; DELETE FROM events; "
            "DELETE FROM organisers; DELETE FROM attendance; DELETE FROM sensitive_groups; "
            "DELETE FROM sensitive_events; DELETE FROM sensitive_tie_kinds;");
}

}  // namespace verbind::store_detail
