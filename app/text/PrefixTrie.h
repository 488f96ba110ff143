#pragma once

#include <QStringView>

#include <cstdint>
#include <vector>

namespace br {

// The longest of a fixed set of words that begins at a position of a text, in time bounded by the
// longest word instead of the number of words: a trie over UTF-16 code units, frozen into flat
// arrays after it is built, so that one instance is shared read-only by every thread. The first
// unit of a word is looked up in a table of all 65,536 (names of places and units begin with a
// few thousand different hanzi); deeper units in each node's sorted edges.
class PrefixTrie final
{
public:
    // Adds `word` (not empty) with `value` (>= 0); a word added twice keeps the later value.
    // Only before freeze().
    void insert(QStringView word, std::int32_t value);
    // Ends building: lookups are valid from here on, inserts are not.
    void freeze();

    struct Match
    {
        qsizetype length = 0; // 0: no word begins here
        std::int32_t value = -1;
    };
    Match longestAt(QStringView text, qsizetype at) const;
    bool isEmpty() const { return m_nodes.empty(); }

private:
    struct Node
    {
        std::int32_t value = -1;
        std::uint32_t firstEdge = 0; // into m_edgeUnits / m_edgeTargets, sorted by unit
        std::uint32_t edgeCount = 0;
    };
    // While building: each node's children as (unit, node) pairs in insertion order.
    std::vector<std::vector<std::pair<char16_t, std::uint32_t>>> m_building;
    std::vector<std::int32_t> m_buildingValues;
    std::vector<std::uint32_t> m_buildingRoot; // the root's child of each first unit, or 0

    // Whether some word of two units or more begins with the pair (a, b), by a hash of the pair
    // (a few pairs in a hundred share a bit with another): most places of a text start no word,
    // and this says so from 128 KiB instead of the root's table and a node's edges.
    static size_t pairBit(char16_t a, char16_t b)
    {
        return ((a * 0x9E3779B1u) ^ (b * 0x85EBCA6Bu)) >> (32 - kPairBits);
    }
    static constexpr int kPairBits = 20;
    std::vector<std::uint64_t> m_pairs; // bits by pairBit
    std::vector<std::uint64_t> m_units; // bits by unit: a word of that one unit

    std::vector<std::int32_t> m_root; // node of each first unit, or -1; empty until frozen
    std::vector<Node> m_nodes;
    std::vector<char16_t> m_edgeUnits;
    std::vector<std::uint32_t> m_edgeTargets;
};

} // namespace br
