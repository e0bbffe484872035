// Escaping text for XML and HTML (GraphML, the report's HTML and SVG): the
// five characters & < > " ' as entities both languages read.
#pragma once

#include <string>
#include <string_view>

namespace verbind {

inline void append_markup_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

}  // namespace verbind
