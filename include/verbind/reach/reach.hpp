// The reach capability: hop reach, observed bring-along cascades, expected
// spread, influence maximisation and temporal reach.
#pragma once

#include "verbind/reach/cascades.hpp"
#include "verbind/reach/hops.hpp"
#include "verbind/reach/spread.hpp"
#include "verbind/reach/temporal.hpp"
