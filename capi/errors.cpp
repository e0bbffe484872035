// The C ABI: the thread's last error, the status names and the version.
// Every entry point is noexcept and runs its body through guarded()
// (capi_internal.hpp), which maps verbind's exception classes to vb_status_t
// and records what() here as the thread's last error message.
#include "capi_internal.hpp"

#include "verbind/error.hpp"
#include "verbind/version.hpp"

#include <cstddef>
#include <cstdio>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace verbind::capi {

namespace {

// The message of the last failure on this thread. A std::string, so that
// messages of any length survive; see set_error for the out-of-memory case.
thread_local std::string last_error;
thread_local const char* last_error_fallback = nullptr;

}  // namespace

void set_error(const char* function, std::string_view what) noexcept {
    try {
        last_error.assign(function);
        last_error += ": ";
        last_error += what;
        last_error_fallback = nullptr;
    } catch (...) {
        last_error.clear();
        last_error_fallback = "out of memory while recording an error message";
    }
}

vb_status_t status_from_current_exception(const char* function) noexcept {
    // The most derived classes first: parse_error is an input_error.
    try {
        throw;
    } catch (const argument_error& e) {
        set_error(function, e.message());
        return VB_ERROR_INVALID_ARGUMENT;
    } catch (const verbind::parse_error& e) {
        set_error(function, e.what());
        return VB_ERROR_PARSE;
    } catch (const verbind::input_error& e) {
        set_error(function, e.what());
        return VB_ERROR_INVALID_ARGUMENT;
    } catch (const verbind::not_found_error& e) {
        set_error(function, e.what());
        return VB_ERROR_NOT_FOUND;
    } catch (const verbind::io_error& e) {
        set_error(function, e.what());
        return VB_ERROR_IO;
    } catch (const verbind::cancelled_error& e) {
        set_error(function, e.what());
        return VB_ERROR_CANCELLED;
    } catch (const std::bad_alloc&) {
        set_error(function, "out of memory");
        return VB_ERROR_NO_MEMORY;
    } catch (const std::exception& e) {
        set_error(function, std::string("internal error: ") + e.what());
        return VB_ERROR_INTERNAL;
    } catch (...) {
        set_error(function, "internal error: unknown exception");
        return VB_ERROR_INTERNAL;
    }
}

std::vector<std::string> string_list(const char* const* items, std::size_t count, const char* name) {
    std::vector<std::string> out;
    if (count == 0) return out;
    if (items == nullptr)
        throw argument_error(std::string("argument '") + name + "' is NULL but its count is " +
                             std::to_string(count));
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        if (items[i] == nullptr)
            throw argument_error(std::string("argument '") + name + "[" + std::to_string(i) + "]' is NULL");
        out.emplace_back(items[i]);
    }
    return out;
}

}  // namespace verbind::capi

using namespace verbind::capi;

extern "C" {

// --- version and errors -------------------------------------------------------

const char* vb_version(void) { return verbind::version(); }

int vb_version_number(void) {
    int major = 0, minor = 0, patch = 0;
    if (std::sscanf(verbind::version(), "%d.%d.%d", &major, &minor, &patch) != 3) return 0;
    return major * 1000000 + minor * 1000 + patch;
}

const char* vb_status_string(vb_status_t status) {
    switch (enum_value(status)) {
        case VB_OK: return "ok";
        case VB_ERROR_INVALID_ARGUMENT: return "invalid argument";
        case VB_ERROR_NOT_FOUND: return "not found";
        case VB_ERROR_PARSE: return "parse error";
        case VB_ERROR_IO: return "I/O error";
        case VB_ERROR_NO_MEMORY: return "out of memory";
        case VB_ERROR_CANCELLED: return "cancelled";
        case VB_ERROR_INTERNAL: return "internal error";
    }
    return "unknown status";
}

const char* vb_last_error_message(void) {
    if (last_error_fallback) return last_error_fallback;
    return last_error.c_str();
}

void vb_clear_last_error(void) {
    last_error.clear();
    last_error_fallback = nullptr;
}
}  // extern "C"
