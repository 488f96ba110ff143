#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <cstring>
#include <vector>

namespace br {

// The named features of one line, held in one buffer of characters with the end of each name.
// A line has some 150 features, most of them made of two to four pieces ("pe:" + "stop" + "|" +
// "gap:usual"); as a QStringList each was a string of its own, and making and freeing them was a
// third of the split's time. Cleared and refilled, a list keeps its buffers: no allocation a line.
class FeatureList final
{
public:
    // Appends one feature whose name is the pieces run together.
    template <typename... Pieces> void add(const Pieces &...pieces)
    {
        (append(pieces), ...);
        m_ends.push_back(m_used);
    }
    // Appends `prefix` + the list's own feature k (which may move as the buffer grows).
    void addPrefixed(QStringView prefix, qsizetype k)
    {
        const qsizetype from = start(k);
        const qsizetype length = m_ends[static_cast<size_t>(k)] - from;
        append(prefix);
        // Grown first, then copied: the feature's characters may have moved with the growth.
        char16_t *at = grow(length);
        std::memcpy(at, m_chars.data() + from, static_cast<size_t>(length) * sizeof(char16_t));
        m_ends.push_back(m_used);
    }
    // Appends `prefix` + every feature of `other`.
    void addAllPrefixed(QStringView prefix, const FeatureList &other)
    {
        for (qsizetype k = 0; k < other.size(); ++k)
            add(prefix, other[k]);
    }

    qsizetype size() const { return static_cast<qsizetype>(m_ends.size()); }
    QStringView operator[](qsizetype k) const
    {
        const qsizetype from = start(k);
        return QStringView(m_chars.data() + from, m_ends[static_cast<size_t>(k)] - from);
    }
    bool contains(QStringView name) const
    {
        for (qsizetype k = 0; k < size(); ++k) {
            if ((*this)[k] == name)
                return true;
        }
        return false;
    }
    void clear()
    {
        m_used = 0; // the buffer stays
        m_ends.clear();
    }
    QStringList toStringList() const
    {
        QStringList names;
        names.reserve(size());
        for (qsizetype k = 0; k < size(); ++k)
            names.append((*this)[k].toString());
        return names;
    }

    // A 64-bit hash of a feature's name, four UTF-16 code units a step. The model finds its
    // weights by this number alone: among 100,000 names a collision is a chance of one in 10^9.
    static quint64 hashOf(QStringView name)
    {
        const auto *bytes = reinterpret_cast<const unsigned char *>(name.data());
        size_t left = static_cast<size_t>(name.size()) * sizeof(QChar);
        quint64 h = 0x9e3779b97f4a7c15ull ^ left;
        for (; left >= 8; left -= 8, bytes += 8) {
            quint64 chunk;
            std::memcpy(&chunk, bytes, 8);
            h = mix(h ^ chunk, 0xbf58476d1ce4e5b9ull);
        }
        if (left > 0) {
            quint64 chunk = 0;
            std::memcpy(&chunk, bytes, left);
            h = mix(h ^ chunk, 0x94d049bb133111ebull);
        }
        return finish(h);
    }

private:
    // Room for `n` more characters at the end, returned; the buffer only ever grows, so a list
    // refilled line after line allocates nothing. (A vector's insert of a few characters went
    // through memmove, and a literal's length through qustrlen: a tenth of the split's time.)
    char16_t *grow(qsizetype n)
    {
        const auto needed = static_cast<size_t>(m_used + n);
        if (needed > m_chars.size())
            m_chars.resize(std::max(needed + 256, 2 * m_chars.size()));
        char16_t *at = m_chars.data() + m_used;
        m_used += n;
        return at;
    }
    void append(const char16_t *units, qsizetype n)
    {
        char16_t *at = grow(n);
        for (qsizetype i = 0; i < n; ++i)
            at[i] = units[i];
    }
    void append(QStringView piece) { append(piece.utf16(), piece.size()); }
    // A literal: its length known when compiled.
    template <size_t N> void append(const char16_t (&literal)[N]) { append(literal, N - 1); }
    // A multiply and a shift: the high bits the product fills are brought down to the low ones.
    static quint64 mix(quint64 a, quint64 b)
    {
        const quint64 product = a * b;
        return product ^ (product >> 29);
    }
    // splitmix64's finaliser: every bit of the input reaches every bit of the output.
    static quint64 finish(quint64 h)
    {
        h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9ull;
        h = (h ^ (h >> 27)) * 0x94d049bb133111ebull;
        return h ^ (h >> 31);
    }
    qsizetype start(qsizetype k) const { return k == 0 ? 0 : m_ends[static_cast<size_t>(k - 1)]; }

    std::vector<char16_t> m_chars; // the buffer: its first m_used characters hold the names
    qsizetype m_used = 0;
    std::vector<qsizetype> m_ends;
};

} // namespace br
