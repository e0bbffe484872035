// The languages' ways of writing numbers, dates and counts, the timeline
// metrics' words, and Words over the message tables (message_tables.cpp).
// Texts are HTML-safe as they stand: an apostrophe is &#39;, a dash &#8211;,
// a minus &#8722;.
#include "messages.hpp"
#include "parts.hpp"

#include "verbind/error.hpp"

#include <stdexcept>

namespace verbind::report_detail {

namespace {

struct MetricWords {
    std::string_view name, en_title, en_unit, en_text, nl_title, nl_unit, nl_text;
};

// One row per timeline metric (timeline_metrics(); a test checks that each
// has one).
constexpr MetricWords metric_words[] = {
    {"active_residents", "Active residents", "people",
     "Residents who came to an event or made a new contact in the period.", "Actieve bewoners", "mensen",
     "Bewoners die in de periode naar een activiteit kwamen of een nieuw contact kregen."},
    {"newcomers", "Newcomers", "people", "Residents who came to an event for the first time ever.", "Nieuwkomers",
     "mensen", "Bewoners die voor het eerst naar een activiteit kwamen."},
    {"newly_reached", "Newly reached", "people",
     "Residents reached for the first time: their first event, or their first new contact in the charts&#39; "
     "time.",
     "Nieuw bereikt", "mensen",
     "Bewoners die voor het eerst bereikt zijn: hun eerste activiteit, of hun eerste nieuwe contact in de tijd van "
     "de grafieken."},
    {"reach_growth", "Growth in reach", "ratio",
     "Residents newly reached in the period per resident reached before it (0.1: a tenth more).",
     "Groei van het bereik", "verhouding",
     "Nieuw bereikte bewoners in de periode per bewoner die al eerder bereikt was (0,1: een tiende meer)."},
    {"new_ties", "New contacts", "ties", "Contacts that began in the period.", "Nieuwe contacten", "contacten",
     "Contacten die in de periode begonnen."},
    {"lost_ties", "Contacts ended", "ties", "Contacts that ended in the period.", "Beëindigde contacten", "contacten",
     "Contacten die in de periode eindigden."},
    {"bridging_share", "New contacts across groups", "share, 0&#8211;1",
     "Of the new contacts between residents who declared a group, the share between different groups.",
     "Nieuwe contacten tussen groepen", "aandeel, 0&#8211;1",
     "Van de nieuwe contacten tussen bewoners die een groep opgaven, het aandeel tussen verschillende groepen."},
    {"ei_index", "Mixing of contacts", "&#8722;1 to +1",
     "Contacts of residents active in the period: from &#8722;1 (all within their own group) to +1 (all with "
     "other groups).",
     "Menging van contacten", "&#8722;1 tot +1",
     "Contacten van bewoners die in de periode actief waren: van &#8722;1 (alle binnen de eigen groep) tot +1 "
     "(alle met andere groepen)."},
    {"expected_ei_index", "Mixing expected by chance", "&#8722;1 to +1",
     "The same measure if groups mixed at random: the line above, when higher, means more mixing than chance.",
     "Menging bij toeval", "&#8722;1 tot +1",
     "Dezelfde maat als groepen willekeurig zouden mengen: ligt de lijn hierboven hoger, dan mengen mensen meer "
     "dan bij toeval."},
    {"exposure", "Meetings across groups", "pairs",
     "Pairs of residents from different groups who were at the same event in the period.",
     "Ontmoetingen tussen groepen", "tweetallen",
     "Tweetallen bewoners uit verschillende groepen die in de periode bij dezelfde activiteit waren."},
    {"friending", "New contacts after meeting", "share, 0&#8211;1",
     "Of the pairs from different groups who first met at an event in the period, the share who became contacts "
     "soon after.",
     "Nieuwe contacten na een ontmoeting", "aandeel, 0&#8211;1",
     "Van de tweetallen uit verschillende groepen die elkaar in de periode voor het eerst bij een activiteit "
     "zagen, het aandeel dat kort daarna contact kreeg."},
    {"retention", "Coming back", "share, 0&#8211;1",
     "Of the residents who came to an event in the period, the share who came again in a later period.",
     "Terugkomers", "aandeel, 0&#8211;1",
     "Van de bewoners die in de periode naar een activiteit kwamen, het aandeel dat in een latere periode "
     "terugkwam."},
    {"bring_along_rate", "Brought along", "share, 0&#8211;1",
     "Share of the period&#39;s visits where someone brought the visitor along.", "Meegenomen", "aandeel, 0&#8211;1",
     "Aandeel van de bezoeken in de periode waarbij iemand de bezoeker meenam."},
    {"active_key_figures", "Active key figures", "people",
     "Key figures who came, organised, brought someone or made a new contact in the period.",
     "Actieve sleutelfiguren", "mensen",
     "Sleutelfiguren die in de periode kwamen, iets organiseerden, iemand meenamen of een nieuw contact kregen."},
    {"events_per_key_figure", "Events per key figure", "events per person",
     "Events organised by the area&#39;s key figures, per active key figure.", "Activiteiten per sleutelfiguur",
     "activiteiten per persoon",
     "Activiteiten georganiseerd door de sleutelfiguren van het gebied, per actieve "
     "sleutelfiguur."},
    {"brought_per_key_figure", "People brought per key figure", "people per person",
     "Visits of people the area&#39;s key figures brought along, per active key figure.",
     "Meegenomen per sleutelfiguur", "mensen per persoon",
     "Bezoeken van mensen die de sleutelfiguren van het gebied meenamen, per actieve sleutelfiguur."},
};

const MetricWords* find_metric(std::string_view metric) {
    for (const MetricWords& m : metric_words)
        if (m.name == metric) return &m;
    return nullptr;
}

constexpr std::string_view months_nl[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                          "juli",    "augustus", "september", "oktober", "november", "december"};

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

// "1234567" -> "1.234.567" (nl) or unchanged (en).
std::string grouped(std::string digits, char separator) {
    std::size_t start = digits.front() == '-' ? 1 : 0;
    for (std::size_t i = digits.size(); i > start + 3; i -= 3) digits.insert(i - 3, 1, separator);
    return digits;
}

}  // namespace

Lang parse_lang(std::string_view lang, std::string_view function) {
    if (lang == "en") return Lang::en;
    if (lang == "nl") return Lang::nl;
    throw input_error(std::string(function) + ": field 'lang': must be one of en, nl, got '" + std::string(lang) +
                      "'");
}

std::string_view Words::operator()(M id) const { return lang_ == Lang::nl ? dutch(id) : english(id); }

std::string Words::fill(M id, std::initializer_list<std::string> args) const {
    const std::string_view text = (*this)(id);
    std::string out;
    out.reserve(text.size() + 16 * args.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') {
            std::size_t close = text.find('}', i);
            if (close != std::string_view::npos && all_digits(text.substr(i + 1, close - i - 1))) {
                const std::size_t k = std::stoul(std::string(text.substr(i + 1, close - i - 1)));
                if (k >= args.size())
                    throw std::logic_error("report: a message lacks argument {" + std::to_string(k) + "}");
                out += *(args.begin() + k);
                i = close;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::string Words::num(double value, int digits) const {
    std::string text = number(value, digits);  // the one number-to-text, checked finite
    if (lang_ == Lang::en) return text;
    const std::size_t point = text.find('.');
    std::string whole_part = grouped(text.substr(0, point), '.');
    return point == std::string::npos ? whole_part : whole_part + "," + text.substr(point + 1);
}

std::string Words::whole(std::uint64_t n) const {
    return lang_ == Lang::nl ? grouped(std::to_string(n), '.') : std::to_string(n);
}

std::string_view Words::noun(std::uint64_t n, M id) const {
    const std::string_view forms = (*this)(id);
    const std::size_t bar = forms.find('|');
    if (bar == std::string_view::npos) throw std::logic_error("report: a noun message without its two forms");
    return n == 1 ? forms.substr(0, bar) : forms.substr(bar + 1);
}

std::string Words::count(std::uint64_t n, M id) const { return whole(n) + " " + std::string(noun(n, id)); }

std::string Words::date(const Date& date) const {
    if (lang_ == Lang::en) return format_date(date);
    return std::to_string(static_cast<int>(date.day())) + " " + std::string(months_nl[date.month() - 1]) + " " +
           std::to_string(static_cast<int>(date.year()));
}

std::string Words::period_label(std::string_view label) const {
    if (lang_ == Lang::en) return std::string(label);  // as verbind always wrote them
    if (label.size() == 4 && all_digits(label)) return std::string(label);
    if (label.size() < 6 || label[4] != '-' || !all_digits(label.substr(0, 4))) return std::string(label);
    const std::string year(label.substr(0, 4));
    const std::string_view rest = label.substr(5);
    if (rest.size() == 2 && all_digits(rest)) {
        const int month = std::stoi(std::string(rest));
        if (month >= 1 && month <= 12) return std::string(months_nl[month - 1]) + " " + year;
    }
    if (rest.size() == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4')
        return std::string("K") + rest[1] + " " + year;
    if (rest.size() == 3 && rest[0] == 'W' && all_digits(rest.substr(1)))
        return "week " + std::to_string(std::stoi(std::string(rest.substr(1)))) + " van " + year;
    return std::string(label);
}

std::string_view Words::period_name(Period period) const {
    switch (period) {
        case Period::week: return (*this)(M::period_week);
        case Period::month: return (*this)(M::period_month);
        case Period::quarter: return (*this)(M::period_quarter);
        case Period::year: return (*this)(M::period_year);
    }
    return (*this)(M::period_month);
}

std::string_view Words::metric_title(std::string_view metric) const {
    const MetricWords* m = find_metric(metric);
    if (!m) throw std::logic_error("report: the timeline measure '" + std::string(metric) + "' has no title");
    return lang_ == Lang::nl ? m->nl_title : m->en_title;
}

std::string_view Words::metric_text(std::string_view metric) const {
    const MetricWords* m = find_metric(metric);
    if (!m) throw std::logic_error("report: the timeline measure '" + std::string(metric) + "' has no text");
    return lang_ == Lang::nl ? m->nl_text : m->en_text;
}

std::string_view Words::metric_unit(std::string_view metric) const {
    const MetricWords* m = find_metric(metric);
    if (!m) throw std::logic_error("report: the timeline measure '" + std::string(metric) + "' has no unit");
    return lang_ == Lang::nl ? m->nl_unit : m->en_unit;
}

}  // namespace verbind::report_detail
