// verbind.mpi's way into the bindings: the distributed operations
// (influence_max, spread, betweenness, closeness, harmonic) are the same
// bindings as the one-process ones; verbind.mpi calls them through
// _verbind._with_collective(communicator, function, ...), which installs a
// Collective over the Python communicator for that one call (collective.cpp).
#pragma once

#include "verbind/util/collective.hpp"

namespace verbind::python {

// The collective the calling binding computes over: the one
// _with_collective installed for this call on this thread (taken once: a
// verbind call made from inside the computation, e.g. by a progress
// callback, runs on one process), else single_process(). Call it after
// every argument is converted and before the computation: with a
// communicator of more than one rank it agrees with the other ranks that
// the arguments converted everywhere (so a bad argument on one rank is the
// same error on every rank, never a deadlock). May be called without the GIL.
verbind::Collective& take_collective();

}  // namespace verbind::python
