// Errors thrown by the C++ API. The C ABI maps each class to a vb_status_t,
// the Python package to a verbind.Error subclass that also derives from the
// matching builtin (ValueError, KeyError, OSError).
#pragma once

#include <stdexcept>
#include <string>

namespace verbind {

// Base of every error verbind throws.
class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Bad input: a malformed date, a negative weight, a duplicate key, a tie to
// oneself, text that is not UTF-8. The message names the record and field.
class input_error : public error {
public:
    using error::error;
};

// A file or text that does not parse: names file, line, field and value.
class parse_error : public input_error {
public:
    using input_error::input_error;
};

// A key that does not exist (actor, event, node).
class not_found_error : public error {
public:
    using error::error;
};

// A file that cannot be opened, read or written.
class io_error : public error {
public:
    using error::error;
};

// Work stopped because a progress callback asked for it.
class cancelled_error : public error {
public:
    using error::error;
};

}  // namespace verbind
