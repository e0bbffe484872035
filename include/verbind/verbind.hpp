// The whole C++ API in one include (Boost.Graph adaptors excepted: include
// verbind/graph/bgl.hpp where BGL algorithms are used).
#pragma once

#include "verbind/error.hpp"
#include "verbind/graph/graph.hpp"
#include "verbind/graph/view.hpp"
#include "verbind/io/io.hpp"
#include "verbind/model/date.hpp"
#include "verbind/model/network.hpp"
#include "verbind/model/sample.hpp"
#include "verbind/model/text.hpp"
#include "verbind/version.hpp"
