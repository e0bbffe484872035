// The C ABI's thread cap (verbind.h, "Threads") over the pool's
// verbind::set_max_threads and max_threads (verbind/util/parallel.hpp).
#include "capi_internal.hpp"

#include "verbind/util/parallel.hpp"

extern "C" {

void vb_set_max_threads(unsigned threads) { verbind::set_max_threads(threads); }

unsigned vb_max_threads(void) { return verbind::max_threads(); }

}  // extern "C"
