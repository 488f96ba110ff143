#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <utility>

namespace br {

// Results made by several threads, taken by one consumer in the order of their numbers (0, 1,
// 2, …) whatever order they were finished in. A producer waits while its number is `window` or
// more ahead of the next one to be taken, or while what the queue holds already costs `budget`
// (a size the producer gives, such as characters), so memory stays bounded however fast the
// producers are and however large an item. The item numbered next never waits: numbers must be
// handed out in order (an atomic counter), so the one being waited for is always being made and
// always taken. close() ends it: push() then refuses, and pop() returns nothing once the next
// number is missing.
template <typename T> class OrderedQueue
{
public:
    explicit OrderedQueue(size_t window, size_t budget = SIZE_MAX)
        : m_window(window), m_budget(budget)
    {
    }

    // False when the queue was closed and `item` was not taken.
    bool push(size_t number, T item, size_t cost = 0)
    {
        std::unique_lock lock(m_mutex);
        m_roomFor.wait(lock, [&] {
            return m_closed || number == m_next ||
                   (number < m_next + m_window && m_cost + cost <= m_budget);
        });
        if (m_closed)
            return false;
        m_items.emplace(number, std::pair<T, size_t>(std::move(item), cost));
        m_cost += cost;
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
        T item = std::move(it->second.first);
        m_cost -= it->second.second;
        m_items.erase(it);
        ++m_next;
        m_roomFor.notify_all();
        return item;
    }

    // Whether pop() would return at once (with an item, or with nothing after close()).
    bool nextIsReady()
    {
        std::lock_guard lock(m_mutex);
        return m_closed || m_items.count(m_next) > 0;
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
    const size_t m_budget;
    std::mutex m_mutex;
    std::condition_variable m_nextReady;
    std::condition_variable m_roomFor;
    std::map<size_t, std::pair<T, size_t>> m_items; // item and its cost
    size_t m_cost = 0;                              // of the items held
    size_t m_next = 0;
    bool m_closed = false;
};

} // namespace br
