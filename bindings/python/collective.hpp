// verbind.mpi's way into the bindings: the distributed operations
// (influence_max, spread, betweenness, closeness, harmonic) are the same
// bindings as the one-process ones; verbind.mpi calls them through
// _verbind._with_collective(communicator, function, ...), which installs a
// Collective over the Python communicator for that one call (collective.cpp).
#pragma once

#include "verbind/error.hpp"
#include "verbind/util/collective.hpp"

#include <string>
#include <string_view>
#include <type_traits>

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

// distributed(take_collective()): `distributed` is a generic lambda calling
// the operation's Collective& overload, e.g.
//   [&](auto& c) -> decltype(spread(g, s, o, c)) { return spread(g, s, o, c); }
// While an operation has no such overload yet (issue 18 lands them one by
// one), `local` runs instead, and a communicator of more than one rank is
// refused rather than computed rank by rank.
template <class Distributed, class Local>
auto over_collective(std::string_view function, Distributed&& distributed, Local&& local) {
    verbind::Collective& c = take_collective();
    if constexpr (std::is_invocable_v<Distributed&, verbind::Collective&>) {
        (void)function;
        (void)local;
        return distributed(c);
    } else {
        (void)distributed;
        if (c.size() > 1)
            throw verbind::error(std::string(function) + " is not distributed in this build of verbind");
        return local();
    }
}

}  // namespace verbind::python
