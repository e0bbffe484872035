// GraphML export, for Gephi, Cytoscape, yEd and networkx.read_graphml.
//
// One undirected graph: a node per actor (id = actor key) with attributes
// type, kind, neighbourhood, municipality, talents and groups (';'-joined),
// key_figure (boolean), trained_on (YYYY-MM-DD); an edge per tie with kind,
// since, until and weight (double). Unknown values are left out. Several
// ties between one pair (different kinds or start dates) are parallel edges.
// Events and attendance are not part of this export (use CSV or JSON).
//
// Privacy: declared groups marked sensitive and ties of a sensitive kind are
// left out unless options.include_sensitive is set.
//
// Text is escaped for XML 1.0 (markup characters as entities, tab and line
// breaks as character references); a character XML 1.0 cannot hold at all
// (C0 controls, U+FFFE, U+FFFF) is refused with an input_error naming the
// record and field, so the output is always a well-formed document.
#pragma once

#include "verbind/io/io.hpp"
#include "verbind/model/network.hpp"

#include <string>

namespace verbind {

std::string to_graphml(const Network& network, const ExportOptions& options = {});

// Written atomically (verbind/util/files.hpp): a temporary file beside
// `path`, fsync'ed and renamed into place; throws io_error naming the path.
void write_graphml(const Network& network, const std::string& path, const ExportOptions& options = {});

}  // namespace verbind
