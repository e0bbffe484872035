// The edge-list reader: researchers' own networks as `a b [weight]` per
// line (SNAP and KONECT files, networkx's write_edgelist). The
// options (EdgeListOptions) are graph's, shared with Graph::from_edges.
#pragma once

#include "verbind/graph/graph.hpp"

#include <string>
#include <string_view>

namespace verbind {

// Reads an edge-list file: one edge per line, `a b [more columns]`, fields
// separated by blanks (spaces, tabs), ',' or ';' (options.delimiter; by
// default from the first line), blank lines and lines starting with a
// comment character skipped (a comment character after a blank also ends the
// line), an optional header line (options.header). Columns after the second
// are ignored unless options names a weight column. An undirected file that
// lists a pair both ways ('u v' and 'v u', as SNAP files do) gives one edge
// (the weights must agree: else a parse_error naming both lines). Node keys
// are the labels as written. When every label is an integer label, nodes are
// numbered in ascending order of value (a file numbered 0..n-1 gives
// position == label), and two labels of the same value ('7' and '07') are a
// parse_error naming both lines; otherwise in order of first appearance.
// Every line must have the same number of fields. Errors name the file, line
// and field.
Graph read_edgelist(const std::string& path, const EdgeListOptions& options = {});

// The same, from text (`source` names it in error messages).
Graph parse_edgelist(std::string_view text, const EdgeListOptions& options = {}, std::string_view source = "<text>");

}  // namespace verbind
