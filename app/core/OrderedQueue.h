#pragma once

#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>

namespace br {

// Results made by several threads, taken by one consumer in the order of their numbers (0, 1,
// 2, …) whatever order they were finished in. A producer whose number is `window` or more ahead
// of the next one to be taken waits, so memory stays bounded however fast the producers are;
// numbers must be handed out in order (an atomic counter), so the one being waited for is always
// being made. close() ends it: push() then refuses, and pop() returns nothing once the next
// number is missing.
template <typename T> class OrderedQueue
{
public:
    explicit OrderedQueue(size_t window) : m_window(window) {}

    // False when the queue was closed and `item` was not taken.
    bool push(size_t number, T item)
    {
        std::unique_lock lock(m_mutex);
        m_roomFor.wait(lock, [&] { return m_closed || number < m_next + m_window; });
        if (m_closed)
            return false;
        m_items.emplace(number, std::move(item));
        if (number == m_next)
            m_nextReady.notify_one();
        return true;
    }

    // The item numbered next, waiting for it; nothing once the queue is closed without it.
    std::optional<T> pop()
    {
        std::unique_lock lock(m_mutex);
        m_nextReady.wait(lock, [&] { return m_closed || m_items.count(m_next) > 0; });
        const auto it = m_items.find(m_next);
        if (it == m_items.end())
            return std::nullopt;
        T item = std::move(it->second);
        m_items.erase(it);
        ++m_next;
        m_roomFor.notify_all();
        return item;
    }

    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_nextReady.notify_all();
        m_roomFor.notify_all();
    }

private:
    const size_t m_window;
    std::mutex m_mutex;
    std::condition_variable m_nextReady;
    std::condition_variable m_roomFor;
    std::map<size_t, T> m_items;
    size_t m_next = 0;
    bool m_closed = false;
};

} // namespace br
