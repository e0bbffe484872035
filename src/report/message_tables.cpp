// The report's message tables, one switch per language (messages.hpp):
// every message id has its text in each, with no default, so a missing one
// does not compile. Texts are HTML-safe as they stand: an apostrophe is
// &#39;, a dash &#8211;, a minus &#8722;.
#include "messages.hpp"

#include <stdexcept>

namespace verbind::report_detail {

std::string_view english(M id) {
    switch (id) {
        case M::n_resident: return "resident|residents";
        case M::n_organisation: return "organisation|organisations";
        case M::n_tie: return "tie|ties";
        case M::n_point: return "point|points";
        case M::n_person: return "person|people";
        case M::n_event: return "event|events";
        case M::n_member: return "member|members";
        case M::n_actor: return "person or organisation|people and organisations";
        case M::n_community: return "community|communities";
        case M::why_gap_no_ties: return "no ties in this selection";
        case M::fewer_than: return "fewer than {0}";
        case M::default_title: return "Programme report";
        case M::lead_counts: return "{0}, {1} and {2} between them";
        case M::lead_events: return "; events from {0} to {1}";
        case M::lead_keys: return "People appear only by their pseudonymous keys.";
        case M::lead_filter_one:
            return "Everything below is about {0} only: its residents, organisations and events.";
        case M::nav_label: return "Sections";
        case M::nav_network: return "the network";
        case M::nav_over_time: return "over time";
        case M::nav_key_figures: return "key figures";
        case M::nav_brokers: return "brokers";
        case M::nav_gaps: return "groups on their own";
        case M::nav_introductions: return "introductions";
        case M::nav_thanks: return "whom to thank";
        case M::nav_reach_plan: return "whom to train next";
        case M::nav_about: return "about this report";
        case M::h_network: return "The network";
        case M::intro_network:
            return "Who is tied to whom. People close together in the picture share many ties; a colour is a "
                   "community of people more tied to each other than to the rest.";
        case M::drawing_aria:
            return "The network drawn as dots and squares ({0}), coloured by community, key figures ringed";
        case M::drawing_organisation: return "organisation";
        case M::drawing_key_figure: return "key figure";
        case M::legend_resident:
            return "a resident; the colour is their community (people more tied to each other than to the rest)";
        case M::legend_organisation: return "an organisation";
        case M::legend_key_figure: return "a key figure (sleutelfiguur)";
        case M::legend_train_next: return "suggested to train next (see whom to train next)";
        case M::legend_labelled: return "one of the top key figures, by key";
        case M::legend_community: return "community {0}: {1}";
        case M::legend_smaller_communities: return "smaller communities";
        case M::drawn_everyone: return "Everyone in this selection is drawn: {0}.";
        case M::drawn_part: return "Drawn: the largest connected part of the network";
        case M::drawn_capped: return ", capped at the {0} nearest to its best-connected member";
        case M::drawn_rest:
            return " ({0} of {1}). People with no tie to this part are not drawn; the tables below cover everyone.";
        case M::drawn_how:
            return " Ties are drawn without their kind or date. The same data and seed give the same picture.";
        case M::no_drawing: return "There are no people or organisations to draw: the selection has no actors.";
        case M::drawing_table_summary: return "The numbers behind the drawing";
        case M::th_community: return "community";
        case M::th_members: return "members";
        case M::how_drawing:
            return "communities by verbind::communities (Leiden), placed by force-directed layout (Fruchterman "
                   "&amp; Reingold) from seeded random starting points (docs/report.md).";
        case M::h_over_time_all: return "Over time, per municipality";
        case M::h_over_time_one: return "Over time in {0}";
        case M::intro_over_time_all:
            return "Each chart is one measure per {0}, one line per municipality and one for the whole programme, from the "
                   "{0} of the programme&#39;s "
                   "first event to the {0} of its latest activity.";
        case M::intro_over_time_one:
            return "Each chart is one measure per {0} for {1}, from the {0} of the first event in {1} to the {0} of "
                   "its latest activity.";
        case M::intro_over_time_breaks:
            return " A break in a line is a {0} whose value is withheld (too few people) or has no data: it is never "
                   "drawn as zero.";
        case M::period_week: return "week";
        case M::period_month: return "month";
        case M::period_quarter: return "quarter";
        case M::period_year: return "year";
        case M::no_municipality: return "(no municipality)";
        case M::area_programme: return "whole programme";
        case M::legend_suppressed: return "suppressed: fewer than {0}, so no number is shown";
        case M::legend_no_data: return "no data: nothing happened, or the figure cannot be worked out";
        case M::strip_label: return "shown / suppressed / no data, per {0}";
        case M::status_shown: return "value shown";
        case M::status_suppressed: return "suppressed (fewer than {0})";
        case M::status_no_data: return "no data";
        case M::chart_aria: return "{0} per {1}: a line per area; the numbers are in the table below the chart";
        case M::chart_none_shown:
            return "No value can be shown for this measure: every point is suppressed or has no data. ";
        case M::chart_counts: return "{0} shown, {1} suppressed, {2} without data.";
        case M::chart_table_summary: return "The numbers behind this chart";
        case M::th_period: return "period";
        case M::cell_suppressed: return "suppressed";
        case M::cell_no_data: return "no data";
        case M::no_timeline:
            return "No dated ties, events or attendance in this selection: there is nothing over time to show.";
        case M::how_over_time:
            return "verbind::timeline per municipality and {0}; the mixing measures are Krackhardt and Stern&#39;s "
                   "E-I index, the expected one its mean over seeded permutations of the groups "
                   "(docs/evaluate.md).";
        case M::h_key_figures: return "Key figures (sleutelfiguren)";
        case M::intro_key_figures:
            return "People who hold the network together: many people within two steps, often the link between "
                   "others, with ties across groups. Some are key figures already; others could become one.";
        case M::th_rank: return "#";
        case M::th_person: return "person";
        case M::th_score: return "score (0&#8211;1)";
        case M::th_two_steps: return "people within two steps";
        case M::th_links_others: return "links others (%)";
        case M::th_cross_ties: return "ties across groups";
        case M::th_key_figure_now: return "key figure now";
        case M::th_why: return "why";
        case M::yes_trained: return "yes, trained";
        case M::yes: return "yes";
        case M::not_yet: return "not yet";
        case M::why_key_figure:
            return "reaches {0} within two steps, is the link between others on {1}% of the shortest ways through "
                   "the network, has {2} across declared groups";
        case M::why_not_recognised: return "; acts as a key figure but is not marked as one";
        case M::why_not_trained: return "; a key figure, not trained yet";
        case M::no_key_figures: return "No key figures: there are no ties between residents in this selection.";
        case M::how_key_figures:
            return "the score is the mean of reach within two steps, betweenness centrality and ties across "
                   "declared groups, each divided by its maximum (docs/socialmap.md).";
        case M::h_brokers: return "Brokers between communities";
        case M::intro_brokers:
            return "People and organisations whose contacts do not know each other: they link communities that "
                   "would otherwise not meet.";
        case M::th_person_or_org: return "person or organisation";
        case M::th_closed: return "how closed their circle is (0&#8211;1)";
        case M::th_communities_linked: return "communities linked";
        case M::why_broker: return "ties into {0}; the link between others on {1}% of the shortest ways";
        case M::no_brokers: return "No brokers: nobody in this selection links otherwise separate communities.";
        case M::how_brokers:
            return "candidates have Burt&#39;s constraint at or below the median and betweenness above zero; those "
                   "whose ties reach other communities come first (docs/socialmap.md).";
        case M::h_gaps: return "Groups that keep to themselves";
        case M::intro_gaps:
            return "Neighbourhoods and groups whose ties mostly stay inside. Counts of fewer than {0} are "
                   "suppressed, and so are the counts that would give them away.";
        case M::th_kind: return "kind";
        case M::th_name: return "name";
        case M::th_people: return "people";
        case M::th_share_outside: return "ties reaching outside (%)";
        case M::th_mixing: return "mixing (&#8722;1 inward, +1 outward)";
        case M::gap_neighbourhood: return "neighbourhood";
        case M::gap_group: return "group";
        case M::gap_suppressed_people: return "suppressed";
        case M::why_gap_small:
            return "its figures are suppressed (fewer than {0}, or they would give such a count away)";
        case M::why_gap: return "{0}% of the ties of its people reach outside it";
        case M::why_gap_hidden_count:
            return "; the number of people is suppressed so that a smaller count cannot be worked out";
        case M::no_gaps: return "No neighbourhoods or declared groups to compare in this selection.";
        case M::how_gaps:
            return "the mixing column is Krackhardt and Stern&#39;s E-I index of the ties of each neighbourhood or "
                   "group (docs/socialmap.md).";
        case M::h_introductions: return "Introductions to make";
        case M::intro_introductions:
            return "Pairs who share a talent or interest but do not know each other yet, across groups or "
                   "communities: look for what people share, not for what divides them. Pairs someone can "
                   "introduce come first.";
        case M::th_introduce: return "introduce";
        case M::th_to: return "to";
        case M::th_intro_score: return "score";
        case M::th_share: return "what they share";
        case M::th_bridge: return "what they bridge";
        case M::th_via: return "who could introduce them";
        case M::bridge_community: return "community {0}";
        case M::via_mutual_contact: return "knows both";
        case M::via_shared_organisation: return "organisation both are part of";
        case M::via_key_figure: return "key figure active in both neighbourhoods";
        case M::via_none: return "no one in the data: someone from the programme introduces them";
        case M::no_introductions:
            return "No introductions to suggest: nobody in this selection shares a talent with someone they do not "
                   "know yet across a group or community.";
        case M::how_introductions:
            return "candidates share a talent; the score adds bridged groups and communities and doubles for pairs "
                   "with a mutual contact or shared organisation; a greedy b-matching spreads them (docs/match.md).";
        case M::h_thanks: return "Whom to thank";
        case M::intro_thanks:
            return "The residents who carried the most from {0} to {1}: events they organised, people they brought "
                   "along, and new contacts between people they both knew. Volunteers who give a lot should hear "
                   "it.";
        case M::th_organised: return "events organised";
        case M::th_brought: return "people brought along";
        case M::th_introduced: return "contacts made between people they knew";
        case M::th_marked_key_figure: return "marked key figure";
        case M::no_thanks:
            return "Nobody to list: in this selection no resident organised an event, brought someone along or saw "
                   "two of their contacts meet in this time.";
        case M::how_thanks:
            return "a contact counts for someone when it began in this time between two people both already tied "
                   "to them; events and attendance as the rest of the report shows them (docs/report.md).";
        case M::h_reach_plan: return "Whom to train next";
        case M::intro_reach_plan:
            return "If one person comes, and next time brings someone, you reach a lot. These residents would add "
                   "the most expected reach to today&#39;s key figures.";
        case M::plan_text:
            return "If these {0} were trained as key figures next, word passed on from person to person would be "
                   "expected to reach about <strong>{1} more</strong>: {2} (95% interval {3}&#8211;{4}) from "
                   "today&#39;s key figures, {5} ({6}&#8211;{7}) with them. With high probability the gain is at "
                   "least {8}, and the choice reaches at least {9}% of what the best possible {10} would.";
        case M::th_resident: return "resident";
        case M::th_neighbourhood: return "neighbourhood";
        case M::th_municipality: return "municipality";
        case M::th_ties: return "ties";
        case M::th_to_key_figures: return "of them key figures";
        case M::no_plan:
            return "No plan: in this selection there are no residents with ties who are not key figures already.";
        case M::how_reach_plan:
            return "influence maximisation (OPIM-C) among residents who are not key figures, with today&#39;s key "
                   "figures counted as active; Independent Cascade where a person passes word to each contact with "
                   "probability 1 / that contact&#39;s number of ties; expected reach from {0} simulated runs "
                   "(docs/reach.md).";
        case M::h_about: return "About this report";
        case M::intro_about: return "Made by verbind {0} with seed {1}: the same data and seed give the same report.";
        case M::about_privacy:
            return "Privacy: people appear only by pseudonymous key. Special-category groups (such as a declared "
                   "sexual orientation or gender identity), sensitive events and sensitive tie kinds are {0}. "
                   "Counts by group or area below {1} are suppressed, with complementary suppression so they cannot "
                   "be worked out from totals. This file needs no internet connection and runs no script.";
        case M::about_included: return "<strong>included in this report on request</strong>";
        case M::about_left_out: return "left out of every section";
        case M::how_prefix: return "How this is computed: ";
        case M::docs_page: return "verbind&#39;s documentation";
    }
    throw std::logic_error("report: a message id without an English text");
}

std::string_view dutch(M id) {
    switch (id) {
        case M::n_resident: return "bewoner|bewoners";
        case M::n_organisation: return "organisatie|organisaties";
        case M::n_tie: return "contact|contacten";
        case M::n_point: return "punt|punten";
        case M::n_person: return "persoon|personen";
        case M::n_event: return "activiteit|activiteiten";
        case M::n_member: return "lid|leden";
        case M::n_actor: return "persoon of organisatie|personen en organisaties";
        case M::n_community: return "kring|kringen";
        case M::why_gap_no_ties: return "geen contacten in deze selectie";
        case M::fewer_than: return "minder dan {0}";
        case M::default_title: return "Programmaverslag";
        case M::lead_counts: return "{0}, {1} en {2} daartussen";
        case M::lead_events: return "; activiteiten van {0} tot en met {1}";
        case M::lead_keys: return "Mensen staan hier alleen onder hun pseudonieme code.";
        case M::lead_filter_one:
            return "Alles hieronder gaat alleen over {0}: de bewoners, organisaties en activiteiten daar.";
        case M::nav_label: return "Onderdelen";
        case M::nav_network: return "het netwerk";
        case M::nav_over_time: return "in de tijd";
        case M::nav_key_figures: return "sleutelfiguren";
        case M::nav_brokers: return "brugfiguren";
        case M::nav_gaps: return "wie op zichzelf blijft";
        case M::nav_introductions: return "kennismakingen";
        case M::nav_thanks: return "wie bedanken";
        case M::nav_reach_plan: return "wie nu opleiden";
        case M::nav_about: return "over dit verslag";
        case M::h_network: return "Het netwerk";
        case M::intro_network:
            return "Wie met wie verbonden is. Wie dicht bij elkaar staat in de tekening, heeft veel contacten "
                   "gemeen; een kleur is een kring van mensen die onderling meer contact hebben dan met de rest.";
        case M::drawing_aria:
            return "Het netwerk getekend als stippen en vierkantjes ({0}), gekleurd per kring, sleutelfiguren "
                   "omcirkeld";
        case M::drawing_organisation: return "organisatie";
        case M::drawing_key_figure: return "sleutelfiguur";
        case M::legend_resident:
            return "een bewoner; de kleur is de kring (mensen die onderling meer contact hebben dan met de rest)";
        case M::legend_organisation: return "een organisatie";
        case M::legend_key_figure: return "een sleutelfiguur";
        case M::legend_train_next: return "voorgesteld om nu op te leiden (zie wie nu opleiden)";
        case M::legend_labelled: return "een van de belangrijkste sleutelfiguren, met code";
        case M::legend_community: return "kring {0}: {1}";
        case M::legend_smaller_communities: return "kleinere kringen";
        case M::drawn_everyone: return "Iedereen in deze selectie is getekend: {0}.";
        case M::drawn_part: return "Getekend: het grootste samenhangende deel van het netwerk";
        case M::drawn_capped: return ", beperkt tot de {0} die het dichtst bij de best verbonden persoon staan";
        case M::drawn_rest:
            return " ({0} van {1}). Wie geen contact heeft met dit deel, is niet getekend; de tabellen hieronder "
                   "gaan over iedereen.";
        case M::drawn_how:
            return " Contacten zijn getekend zonder soort of datum. Dezelfde gegevens en hetzelfde startgetal geven "
                   "dezelfde tekening.";
        case M::no_drawing:
            return "Er is niemand om te tekenen: in deze selectie zijn geen personen of organisaties.";
        case M::drawing_table_summary: return "De getallen achter de tekening";
        case M::th_community: return "kring";
        case M::th_members: return "leden";
        case M::how_drawing:
            return "kringen met verbind::communities (Leiden), geplaatst met force-directed layout (Fruchterman "
                   "&amp; Reingold) vanuit willekeurige beginpunten uit het startgetal (docs/report.md).";
        case M::h_over_time_all: return "In de tijd, per gemeente";
        case M::h_over_time_one: return "In de tijd in {0}";
        case M::intro_over_time_all:
            return "Elke grafiek toont één maat per {0}, één lijn per gemeente en één voor het hele programma, van de "
                   "eerste activiteit van het "
                   "programma tot en met de laatste.";
        case M::intro_over_time_one:
            return "Elke grafiek toont één maat per {0} voor {1}, van de eerste activiteit in {1} tot en met de "
                   "laatste.";
        case M::intro_over_time_breaks:
            return " Een onderbreking in een lijn is een {0} waarvan de waarde is weggelaten (te weinig mensen) of "
                   "waarover geen gegevens zijn: die wordt nooit als nul getekend.";
        case M::period_week: return "week";
        case M::period_month: return "maand";
        case M::period_quarter: return "kwartaal";
        case M::period_year: return "jaar";
        case M::no_municipality: return "(geen gemeente)";
        case M::area_programme: return "hele programma";
        case M::legend_suppressed: return "weggelaten: minder dan {0}, dus geen getal";
        case M::legend_no_data: return "geen gegevens: er gebeurde niets, of het getal is niet te berekenen";
        case M::strip_label: return "getoond / weggelaten / geen gegevens, per {0}";
        case M::status_shown: return "getoond";
        case M::status_suppressed: return "weggelaten (minder dan {0})";
        case M::status_no_data: return "geen gegevens";
        case M::chart_aria: return "{0} per {1}: een lijn per gebied; de getallen staan in de tabel onder de grafiek";
        case M::chart_none_shown:
            return "Voor deze maat is geen waarde te tonen: elk punt is weggelaten of heeft geen gegevens. ";
        case M::chart_counts: return "{0} getoond, {1} weggelaten, {2} zonder gegevens.";
        case M::chart_table_summary: return "De getallen achter deze grafiek";
        case M::th_period: return "periode";
        case M::cell_suppressed: return "weggelaten";
        case M::cell_no_data: return "geen gegevens";
        case M::no_timeline:
            return "Geen gedateerde contacten, activiteiten of bezoeken in deze selectie: er is niets in de tijd te "
                   "tonen.";
        case M::how_over_time:
            return "verbind::timeline per gemeente en {0}; de mengmaten zijn de E-I index van Krackhardt en Stern, "
                   "de verwachte is het gemiddelde over willekeurige verwisselingen van de groepen "
                   "(docs/evaluate.md).";
        case M::h_key_figures: return "Sleutelfiguren";
        case M::intro_key_figures:
            return "Mensen die het netwerk bij elkaar houden: veel mensen binnen twee stappen, vaak de schakel "
                   "tussen anderen, met contacten buiten hun eigen groep. Sommigen zijn al sleutelfiguur; anderen "
                   "zouden het kunnen worden.";
        case M::th_rank: return "#";
        case M::th_person: return "persoon";
        case M::th_score: return "totaal (0&#8211;1)";
        case M::th_two_steps: return "mensen binnen twee stappen";
        case M::th_links_others: return "schakel tussen anderen (%)";
        case M::th_cross_ties: return "contacten buiten de eigen groep";
        case M::th_key_figure_now: return "nu sleutelfiguur";
        case M::th_why: return "waarom";
        case M::yes_trained: return "ja, opgeleid";
        case M::yes: return "ja";
        case M::not_yet: return "nog niet";
        case M::why_key_figure:
            return "bereikt {0} binnen twee stappen, is de schakel tussen anderen op {1}% van de kortste wegen door "
                   "het netwerk, heeft {2} buiten de eigen groep";
        case M::why_not_recognised: return "; doet het werk van een sleutelfiguur maar staat niet zo te boek";
        case M::why_not_trained: return "; sleutelfiguur, nog niet opgeleid";
        case M::no_key_figures:
            return "Geen sleutelfiguren: in deze selectie hebben bewoners geen contact met elkaar.";
        case M::how_key_figures:
            return "het totaal is het gemiddelde van het bereik binnen twee stappen, de betweenness centrality en "
                   "de contacten buiten de eigen groep, elk gedeeld door het hoogste (docs/socialmap.md).";
        case M::h_brokers: return "Brugfiguren tussen kringen";
        case M::intro_brokers:
            return "Mensen en organisaties van wie de contacten elkaar niet kennen: zij verbinden kringen die elkaar "
                   "anders niet zouden treffen.";
        case M::th_person_or_org: return "persoon of organisatie";
        case M::th_closed: return "hoe gesloten hun kring is (0&#8211;1)";
        case M::th_communities_linked: return "verbonden kringen";
        case M::why_broker: return "contacten in {0}; de schakel tussen anderen op {1}% van de kortste wegen";
        case M::no_brokers:
            return "Geen brugfiguren: in deze selectie verbindt niemand kringen die anders los staan.";
        case M::how_brokers:
            return "kandidaten hebben een constraint (Burt) van hoogstens de mediaan en een betweenness boven nul; "
                   "wie contacten in andere kringen heeft, komt eerst (docs/socialmap.md).";
        case M::h_gaps: return "Wie op zichzelf blijft";
        case M::intro_gaps:
            return "Buurten en groepen van wie de contacten vooral binnen blijven. Aantallen onder de {0} zijn "
                   "weggelaten, en ook de aantallen waaruit ze af te leiden zouden zijn.";
        case M::th_kind: return "soort";
        case M::th_name: return "naam";
        case M::th_people: return "mensen";
        case M::th_share_outside: return "contacten naar buiten (%)";
        case M::th_mixing: return "menging (&#8722;1 naar binnen, +1 naar buiten)";
        case M::gap_neighbourhood: return "buurt";
        case M::gap_group: return "groep";
        case M::gap_suppressed_people: return "weggelaten";
        case M::why_gap_small:
            return "de getallen zijn weggelaten (minder dan {0}, of ze zouden zo&#39;n aantal verraden)";
        case M::why_gap: return "{0}% van de contacten van deze mensen gaat naar buiten";
        case M::why_gap_hidden_count:
            return "; het aantal mensen is weggelaten zodat een kleiner aantal niet te berekenen is";
        case M::no_gaps: return "Geen buurten of opgegeven groepen om te vergelijken in deze selectie.";
        case M::how_gaps:
            return "de kolom menging is de E-I index van Krackhardt en Stern over de contacten van elke buurt of "
                   "groep (docs/socialmap.md).";
        case M::h_introductions: return "Kennismakingen om te regelen";
        case M::intro_introductions:
            return "Tweetallen die een talent of interesse delen maar elkaar nog niet kennen, over groepen of kringen heen: "
                   "zoek wat mensen delen, niet wat hen scheidt. Tweetallen die iemand kan voorstellen, komen eerst.";
        case M::th_introduce: return "stel voor";
        case M::th_to: return "aan";
        case M::th_intro_score: return "score";
        case M::th_share: return "wat ze delen";
        case M::th_bridge: return "wat ze overbruggen";
        case M::th_via: return "wie ze kan voorstellen";
        case M::bridge_community: return "kring {0}";
        case M::via_mutual_contact: return "kent beiden";
        case M::via_shared_organisation: return "organisatie van allebei";
        case M::via_key_figure: return "sleutelfiguur actief in beide buurten";
        case M::via_none: return "niemand in de gegevens: iemand van het programma stelt ze voor";
        case M::no_introductions:
            return "Geen kennismakingen voor te stellen: in deze selectie deelt niemand een talent met iemand die "
                   "hij of zij nog niet kent in een andere groep of kring.";
        case M::how_introductions:
            return "kandidaten delen een talent; de score telt overbrugde groepen en kringen op en verdubbelt voor tweetallen "
                   "met een gemeenschappelijk contact of organisatie; een greedy b-matching verdeelt ze "
                   "(docs/match.md).";
        case M::h_thanks: return "Wie verdient een bedankje";
        case M::intro_thanks:
            return "De bewoners die van {0} tot en met {1} het meest droegen: activiteiten die ze organiseerden, "
                   "mensen die ze meenamen, en nieuwe contacten tussen mensen die ze allebei kenden. Wie veel geeft, "
                   "mag dat horen.";
        case M::th_organised: return "activiteiten georganiseerd";
        case M::th_brought: return "mensen meegenomen";
        case M::th_introduced: return "contacten gelegd tussen mensen die ze kenden";
        case M::th_marked_key_figure: return "te boek als sleutelfiguur";
        case M::no_thanks:
            return "Niemand te noemen: in deze selectie heeft in deze tijd geen bewoner een activiteit "
                   "georganiseerd, iemand meegenomen of twee van zijn of haar contacten elkaar zien leren kennen.";
        case M::how_thanks:
            return "een contact telt voor iemand als het in deze tijd begon tussen twee mensen die allebei al "
                   "contact met hem of haar hadden; activiteiten en bezoeken zoals de rest van het verslag ze toont "
                   "(docs/report.md).";
        case M::h_reach_plan: return "Wie nu opleiden";
        case M::intro_reach_plan:
            return "Als één persoon komt en de volgende keer iemand meeneemt, bereik je veel. Deze bewoners zouden "
                   "het meeste verwachte bereik toevoegen aan dat van de huidige sleutelfiguren.";
        case M::plan_text:
            return "Als deze {0} nu tot sleutelfiguur worden opgeleid, bereikt wat van persoon tot persoon wordt "
                   "doorverteld naar verwachting ongeveer <strong>{1} meer</strong>: {2} (95%-interval "
                   "{3}&#8211;{4}) vanuit de huidige sleutelfiguren, {5} ({6}&#8211;{7}) met hen erbij. Met grote "
                   "waarschijnlijkheid is de winst minstens {8}, en haalt de keuze minstens {9}% van wat de best "
                   "mogelijke {10} zouden halen.";
        case M::th_resident: return "bewoner";
        case M::th_neighbourhood: return "buurt";
        case M::th_municipality: return "gemeente";
        case M::th_ties: return "contacten";
        case M::th_to_key_figures: return "waarvan met sleutelfiguren";
        case M::no_plan:
            return "Geen plan: in deze selectie zijn er geen bewoners met contacten die nog geen sleutelfiguur zijn.";
        case M::how_reach_plan:
            return "influence maximisation (OPIM-C) onder bewoners die geen sleutelfiguur zijn, met de huidige "
                   "sleutelfiguren als actief; Independent Cascade waarin iemand het nieuws aan elk contact "
                   "doorgeeft met kans 1 / het aantal contacten van dat contact; verwacht bereik uit {0} "
                   "gesimuleerde runs (docs/reach.md).";
        case M::h_about: return "Over dit verslag";
        case M::intro_about:
            return "Gemaakt met verbind {0} en startgetal {1}: dezelfde gegevens en hetzelfde startgetal geven "
                   "hetzelfde verslag.";
        case M::about_privacy:
            return "Privacy: mensen staan er alleen in onder een pseudonieme code. Bijzondere persoonsgegevens (zoals "
                   "een opgegeven seksuele oriëntatie of genderidentiteit), gevoelige activiteiten en gevoelige "
                   "soorten contact zijn {0}. Aantallen per groep of gebied onder de {1} zijn weggelaten, en ook "
                   "de aantallen waaruit ze uit totalen af te leiden zouden zijn. Dit bestand heeft geen "
                   "internetverbinding nodig en voert geen script uit.";
        case M::about_included: return "<strong>op verzoek in dit verslag opgenomen</strong>";
        case M::about_left_out: return "overal weggelaten";
        case M::how_prefix: return "Hoe dit berekend is: ";
        case M::docs_page: return "de documentatie van verbind";
    }
    throw std::logic_error("report: a message id without a Dutch text");
}

}  // namespace verbind::report_detail
