#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace br {

// The reason a fallible operation did not succeed, in words a user can read.
struct Error
{
    // NotText: the bytes are no text at all (a binary file, an unknown encoding); importers walking
    // a folder skip such files quietly instead of reporting each one. Stale: an edit of something
    // someone else changed since it was read; nothing was written, and the fresh state is to be
    // shown.
    enum class Kind
    {
        Other,
        NotText,
        Stale,
        Busy,   // another writer holds the library's write lock: worth waiting for
        Damaged // the library's file is damaged or cut short (not the disk's or a lock's doing)
    };
    QString message;
    Kind kind = Kind::Other;
};

// A small std::expected for C++20: either a value or an Error. Fallible I/O returns this instead of
// throwing, so every caller has to look at the failure.
template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_state); }
    T &value() & { return std::get<T>(m_state); }
    // By value from a temporary: `for (auto &x : f().value())` must not dangle.
    T value() && { return std::get<T>(std::move(m_state)); }
    const T *operator->() const { return &std::get<T>(m_state); }
    T *operator->() { return &std::get<T>(m_state); }

    const Error &error() const { return std::get<Error>(m_state); }
    QString errorMessage() const { return ok() ? QString() : error().message; }

private:
    std::variant<T, Error> m_state;
};

// Result of an operation with no value.
class [[nodiscard]] Status
{
public:
    Status() = default;
    Status(Error error) : m_error(std::move(error)) {}
    static Status success() { return {}; }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }
    QString errorMessage() const { return ok() ? QString() : m_error->message; }

private:
    std::optional<Error> m_error;
};

} // namespace br
