// What the CSV and JSON layouts have in common: the rules for an actor
// record (residents and organisations share one table), the privacy filter
// on declared groups, and re-throwing the Network's own errors with the
// file and line in front.
#pragma once

#include "files.hpp"

#include "verbind/error.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/network.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace verbind::io_detail {

// One row of the actor table, whatever the actor's type: an Actor as read.
using ActorRecord = Actor;

// "resident" / "organisation"; anything else is refused with `field`'s name.
inline ActorType parse_actor_type(std::string_view text, const std::string& field) {
    if (text == "resident") return ActorType::resident;
    if (text == "organisation") return ActorType::organisation;
    throw input_error(field + ": expected 'resident' or 'organisation', got '" + shown(text) + "'");
}

// The actor table has columns that only one type of actor can fill; a value
// in the wrong one is refused rather than dropped. `field` names a field for
// a message ("field 'kind'" in CSV, "actors[3].kind" in JSON).
inline void check_actor_record(const ActorRecord& record, const std::function<std::string(std::string_view)>& field) {
    if (record.type == ActorType::organisation) {
        if (!record.groups.empty())
            throw input_error(field("groups") + ": an organisation has no declared groups (only residents do)");
        if (record.key_figure) throw input_error(field("key_figure") + ": only a resident can be a key figure");
        if (record.trained_on) throw input_error(field("trained_on") + ": only a resident can be trained");
    } else if (!record.kind.empty()) {
        throw input_error(field("kind") + ": only an organisation has a kind, got '" + record.kind +
                          "' for a resident");
    }
}

// Adds a checked record through the Network's own validation.
inline void add_actor(Network& network, const ActorRecord& record) {
    if (record.type == ActorType::organisation)
        network.add_organisation(record.key,
                                 {record.kind, record.neighbourhood, record.municipality, record.talents});
    else
        network.add_resident(record.key, {record.neighbourhood, record.municipality, record.talents, record.groups,
                                          record.key_figure, record.trained_on});
}

// Runs `step` (a check or a Network::add_*); a verbind::error it throws comes
// back as a parse_error with "<source>:<line>: <context>" in front and the
// original wording after it.
template <class Step>
void located(std::string_view source, std::size_t line, std::string_view context, Step&& step) {
    try {
        step();
    } catch (const parse_error&) {
        throw;
    } catch (const io_error&) {
        throw;
    } catch (const error& e) {
        std::string message(context);
        if (!message.empty()) message += ": ";
        message += e.what();
        fail_at(source, line, message);
    }
}

}  // namespace verbind::io_detail
