// What the library allocates for the caller outside a handle: strings (the
// social map's JSON, the report's HTML), freed by the one vb_free. Every
// such pointer is recorded when it is handed out, so vb_free refuses a
// pointer it did not hand out, or has freed already, instead of corrupting
// the heap (docs/abi-policy.md, "Results and freeing").
#include "capi_internal.hpp"

#include <cstring>
#include <mutex>
#include <unordered_set>

namespace {

std::mutex registry_mutex;

// Leaked on purpose: outlives every static destructor that might still free.
std::unordered_set<const void*>& registry() {
    static auto* live = new std::unordered_set<const void*>;
    return *live;
}

}  // namespace

char* verbind::capi::library_string(std::string_view text) {
    auto* copy = new char[text.size() + 1];
    std::memcpy(copy, text.data(), text.size());
    copy[text.size()] = '\0';
    try {
        const std::lock_guard<std::mutex> lock(registry_mutex);
        registry().insert(copy);
    } catch (...) {
        delete[] copy;
        throw;
    }
    return copy;
}

using namespace verbind::capi;

extern "C" {

vb_status_t vb_free(void* pointer) {
    return guarded("vb_free", [&] {
        if (pointer == nullptr) return;
        {
            const std::lock_guard<std::mutex> lock(registry_mutex);
            if (registry().erase(pointer) == 0)
                throw argument_error(
                    "argument 'pointer' was not allocated by verbind for the caller, or was freed already "
                    "(a handle is freed by its own vb_<type>_free)");
        }
        delete[] static_cast<char*>(pointer);
    });
}

}  // extern "C"
