#include "text/PrefixTrie.h"

#include <algorithm>

namespace br {

void PrefixTrie::insert(QStringView word, std::int32_t value)
{
    if (word.isEmpty() || value < 0)
        return;
    if (m_building.empty()) {
        m_building.emplace_back(); // the root
        m_buildingValues.push_back(-1);
    }
    if (m_buildingRoot.empty())
        m_buildingRoot.assign(0x10000, 0);
    // The root has thousands of children: found by a table, not by a search of them.
    std::uint32_t &first = m_buildingRoot[word.front().unicode()];
    if (first == 0) {
        first = static_cast<std::uint32_t>(m_building.size());
        m_building[0].emplace_back(word.front().unicode(), first);
        m_building.emplace_back();
        m_buildingValues.push_back(-1);
    }
    std::uint32_t node = first;
    for (const QChar c : word.sliced(1)) {
        const char16_t unit = c.unicode();
        auto &children = m_building[node];
        const auto found = std::find_if(children.cbegin(), children.cend(),
                                        [unit](const auto &edge) { return edge.first == unit; });
        if (found != children.cend()) {
            node = found->second;
            continue;
        }
        const auto child = static_cast<std::uint32_t>(m_building.size());
        children.emplace_back(unit, child); // invalidates `children`: not used after
        m_building.emplace_back();
        m_buildingValues.push_back(-1);
        node = child;
    }
    m_buildingValues[node] = value;
}

void PrefixTrie::freeze()
{
    m_nodes.assign(m_building.size(), Node{});
    m_root.assign(0x10000, -1);
    m_edgeUnits.clear();
    m_edgeTargets.clear();
    for (size_t n = 0; n < m_building.size(); ++n) {
        auto &children = m_building[n];
        std::sort(children.begin(), children.end());
        Node &node = m_nodes[n];
        node.value = m_buildingValues[n];
        node.firstEdge = static_cast<std::uint32_t>(m_edgeUnits.size());
        node.edgeCount = static_cast<std::uint32_t>(children.size());
        for (const auto &[unit, child] : children) {
            m_edgeUnits.push_back(unit);
            m_edgeTargets.push_back(child);
            if (n == 0)
                m_root[unit] = static_cast<std::int32_t>(child);
        }
    }
    m_pairs.assign((size_t(1) << kPairBits) / 64, 0);
    m_units.assign(0x10000 / 64, 0);
    const auto set = [](std::vector<std::uint64_t> &bits, size_t bit) {
        bits[bit / 64] |= std::uint64_t(1) << (bit % 64);
    };
    for (const auto &[first, child] : m_building[0]) {
        const Node &node = m_nodes[child];
        if (node.value >= 0)
            set(m_units, first);
        for (std::uint32_t e = node.firstEdge; e < node.firstEdge + node.edgeCount; ++e)
            set(m_pairs, pairBit(first, m_edgeUnits[e]));
    }
    m_building.clear();
    m_building.shrink_to_fit();
    m_buildingValues.clear();
    m_buildingValues.shrink_to_fit();
    m_buildingRoot.clear();
    m_buildingRoot.shrink_to_fit();
}

PrefixTrie::Match PrefixTrie::longestAt(QStringView text, qsizetype at) const
{
    Match match;
    if (m_root.empty() || at < 0 || at >= text.size())
        return match;
    const char16_t unit = text[at].unicode();
    const auto isSet = [](const std::vector<std::uint64_t> &bits, size_t bit) {
        return (bits[bit / 64] >> (bit % 64)) & 1;
    };
    if (at + 1 >= text.size() || !isSet(m_pairs, pairBit(unit, text[at + 1].unicode()))) {
        // No longer word begins here; a word of this one unit may.
        if (isSet(m_units, unit))
            match = {1, m_nodes[static_cast<size_t>(m_root[unit])].value};
        return match;
    }
    std::int32_t node = m_root[unit];
    for (qsizetype i = at + 1; node >= 0; ++i) {
        const Node &n = m_nodes[static_cast<size_t>(node)];
        if (n.value >= 0)
            match = {i - at, n.value};
        if (i >= text.size() || n.edgeCount == 0)
            break;
        const auto first = m_edgeUnits.cbegin() + n.firstEdge;
        const auto last = first + n.edgeCount;
        const auto edge = std::lower_bound(first, last, text[i].unicode());
        node = edge != last && *edge == text[i].unicode()
                   ? static_cast<std::int32_t>(
                         m_edgeTargets[static_cast<size_t>(edge - m_edgeUnits.cbegin())])
                   : -1;
    }
    return match;
}

} // namespace br
