// Internal to the report: every visible text, in one message table per
// language (message_tables.cpp), and the language's way of writing numbers, dates,
// periods and counts. The report writes no visible word that does not come
// from here (or from the data: keys, places, talents, groups).
#pragma once

#include "verbind/evaluate/timeline.hpp"
#include "verbind/model/date.hpp"

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace verbind::report_detail {

enum class Lang : std::uint8_t { en, nl };

// "en" or "nl"; anything else throws input_error naming the field and the
// valid languages.
Lang parse_lang(std::string_view lang, std::string_view function);

// The message ids. A noun is "one|other" (see Words::count); a template
// takes {0}, {1}, ... (see Words::fill). Every id has a text in every
// language: message_tables.cpp switches over all of them without a default, so a
// missing one does not compile (-Wswitch -Werror).
enum class M : std::uint16_t {
    // nouns (one|other)
    n_resident,
    n_organisation,
    n_tie,
    n_point,
    n_person,
    n_event,
    n_member,
    n_actor,
    n_community,
    why_gap_no_ties,
    fewer_than,
    // header
    default_title,
    lead_counts,
    lead_events,
    lead_keys,
    lead_filter_one,
    nav_label,
    nav_network,
    nav_over_time,
    nav_key_figures,
    nav_brokers,
    nav_gaps,
    nav_introductions,
    nav_thanks,
    nav_reach_plan,
    nav_about,
    // the network
    h_network,
    intro_network,
    drawing_aria,
    drawing_organisation,
    drawing_key_figure,
    legend_resident,
    legend_organisation,
    legend_key_figure,
    legend_train_next,
    legend_labelled,
    legend_community,
    legend_smaller_communities,
    drawn_everyone,
    drawn_part,
    drawn_capped,
    drawn_rest,
    drawn_how,
    no_drawing,
    drawing_table_summary,
    th_community,
    th_members,
    how_drawing,
    // over time
    h_over_time_all,
    h_over_time_one,
    intro_over_time_all,
    intro_over_time_one,
    intro_over_time_breaks,
    period_week,
    period_month,
    period_quarter,
    period_year,
    no_municipality,
    area_programme,
    legend_suppressed,
    legend_no_data,
    strip_label,
    status_shown,
    status_suppressed,
    status_no_data,
    chart_aria,
    chart_none_shown,
    chart_counts,
    chart_table_summary,
    th_period,
    cell_suppressed,
    cell_no_data,
    no_timeline,
    how_over_time,
    // key figures
    h_key_figures,
    intro_key_figures,
    th_rank,
    th_person,
    th_score,
    th_two_steps,
    th_links_others,
    th_cross_ties,
    th_key_figure_now,
    th_why,
    yes_trained,
    yes,
    not_yet,
    why_key_figure,
    why_not_recognised,
    why_not_trained,
    no_key_figures,
    how_key_figures,
    // brokers
    h_brokers,
    intro_brokers,
    th_person_or_org,
    th_closed,
    th_communities_linked,
    why_broker,
    no_brokers,
    how_brokers,
    // gaps
    h_gaps,
    intro_gaps,
    th_kind,
    th_name,
    th_people,
    th_share_outside,
    th_mixing,
    gap_neighbourhood,
    gap_group,
    gap_suppressed_people,
    why_gap_small,
    why_gap,
    why_gap_hidden_count,
    no_gaps,
    how_gaps,
    // introductions
    h_introductions,
    intro_introductions,
    th_introduce,
    th_to,
    th_intro_score,
    th_share,
    th_bridge,
    th_via,
    bridge_community,
    via_mutual_contact,
    via_shared_organisation,
    via_key_figure,
    via_none,
    no_introductions,
    how_introductions,
    // whom to thank
    h_thanks,
    intro_thanks,
    th_organised,
    th_brought,
    th_introduced,
    th_marked_key_figure,
    no_thanks,
    how_thanks,
    // whom to train next
    h_reach_plan,
    intro_reach_plan,
    plan_text,
    th_resident,
    th_neighbourhood,
    th_municipality,
    th_ties,
    th_to_key_figures,
    no_plan,
    how_reach_plan,
    // about
    h_about,
    intro_about,
    about_privacy,
    about_included,
    about_left_out,
    how_prefix,
    docs_page,
};

// The message tables (message_tables.cpp): id's text in English, in Dutch.
std::string_view english(M id);
std::string_view dutch(M id);

class Words {
public:
    explicit Words(Lang lang) : lang_(lang) {}
    Lang lang() const noexcept { return lang_; }
    std::string_view code() const noexcept { return lang_ == Lang::nl ? "nl" : "en"; }

    // The message as it stands in the table (HTML-safe: the table holds
    // entities where needed, never markup from the data).
    std::string_view operator()(M id) const;
    // The message with {0}, {1}, ... replaced by `args` (already escaped).
    std::string fill(M id, std::initializer_list<std::string> args) const;

    // A number with `digits` decimals as the language writes it: en
    // "1234.5" (as verbind always has), nl "1.234,5". -0 prints as 0.
    std::string num(double value, int digits) const;
    // A whole number: en "1234", nl "1.234".
    std::string whole(std::uint64_t n) const;
    // n and the noun in the right form: "1 point", "2 points", "1 punt",
    // "2 punten" (`noun` is an "one|other" message).
    std::string count(std::uint64_t n, M noun) const;
    // The noun alone in the form for n.
    std::string_view noun(std::uint64_t n, M noun) const;
    // en as format_date ("2022-05-05"); nl "5 mei 2022".
    std::string date(const Date& date) const;
    // A timeline period label ("2022-05", "2022-Q2", "2022-W18", "2022") as
    // the reader says it: en as the timeline writes it (as verbind always
    // has); nl "mei 2022", "K2 2022", "week 18 van 2022", "2022". An unknown
    // label is returned as it is.
    std::string period_label(std::string_view label) const;
    // The period's name ("month", "maand").
    std::string_view period_name(Period period) const;
    // A timeline measure's title and explanation for a coordinator
    // ("Active residents", "Actieve bewoners"); the metric's name otherwise
    // never appears as visible text.
    std::string_view metric_title(std::string_view metric) const;
    std::string_view metric_text(std::string_view metric) const;
    // "people", "ties", ... as the unit under a chart title.
    std::string_view metric_unit(std::string_view metric) const;

private:
    Lang lang_;
};

}  // namespace verbind::report_detail
