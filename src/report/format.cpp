// Formatting shared by the report's sections.
#include "parts.hpp"

#include "verbind/privacy/suppress.hpp"
#include "verbind/util/text.hpp"

#include <cmath>
#include <stdexcept>

namespace verbind::report_detail {

std::string escaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    append_markup_escaped(out, text);
    return out;
}

std::string number(double value, int digits) {
    if (!std::isfinite(value)) throw std::logic_error("report: a value to print is not finite");
    std::string text = number_text(value, NumberFormat::fixed(digits));
    if (text.front() == '-' && text.find_first_not_of("-0.") == std::string::npos) text.erase(0, 1);
    return text;
}

std::string people(const Words& words, std::size_t n, std::uint64_t min_cell, M noun) {
    SuppressionOptions options;
    options.min_cell = min_cell;
    const SuppressedTable table = suppress_small_cells({static_cast<std::uint64_t>(n)}, 1, 1, options);
    if (table.is_suppressed(0, 0))
        return words.fill(M::fewer_than, {words.whole(min_cell)}) + " " + std::string(words.noun(min_cell, noun));
    return words.count(n, noun);
}

std::string cell(const std::string& text, const char* css) {
    return css ? "<td class=\"" + std::string(css) + "\">" + text + "</td>" : "<td>" + text + "</td>";
}

std::string header_row(const Words& words, std::initializer_list<M> headers) {
    std::string row = "<tr>";
    for (M h : headers) row += "<th scope=\"col\">" + std::string(words(h)) + "</th>";
    return row + "</tr>\n";
}

std::string how_line(const Words& words, const std::string& text) {
    return "<p class=\"how\"><small>" + std::string(words(M::how_prefix)) + text + "</small></p>\n";
}

const std::vector<std::string>& palette() {
    static const std::vector<std::string> colours = {
        "#332288", "#88ccee", "#44aa99", "#117733", "#999933", "#ddcc77",
        "#cc6677", "#882255", "#aa4499", "#ee8866", "#77aadd", "#bbcc33",
    };
    return colours;
}

const std::vector<std::string>& area_palette() {
    static const std::vector<std::string> colours = {"#0077bb", "#ee7733", "#009988", "#cc3311",
                                                     "#33bbee", "#ee3377", "#555555"};
    return colours;
}

}  // namespace verbind::report_detail
