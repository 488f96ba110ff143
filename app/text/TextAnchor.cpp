#include "text/TextAnchor.h"

#include "text/CodePoints.h"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace br {

using namespace Qt::StringLiterals;

namespace {

using Points = std::vector<char32_t>;

Points pointsOf(QStringView text)
{
    Points points;
    points.reserve(static_cast<size_t>(text.size()));
    for (const char32_t c : text.toUcs4())
        points.push_back(c);
    return points;
}

// Levenshtein distance of two short strings (contexts of at most kContext characters).
int distance(std::span<const char32_t> a, std::span<const char32_t> b)
{
    std::vector<int> row(b.size() + 1);
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = static_cast<int>(j);
    for (size_t i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (size_t j = 1; j <= b.size(); ++j) {
            const int above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

// How well `stored` context agrees with the text beside a candidate: 1 - distance / length.
double agreement(std::span<const char32_t> stored, std::span<const char32_t> found)
{
    if (stored.empty())
        return found.empty() ? 1.0 : 0.5; // the quote began (or ended) the text
    const int d = distance(stored, found);
    return std::max(0.0, 1.0 - static_cast<double>(d) / static_cast<double>(stored.size()));
}

// The edit distance of `pattern` to the text ending at `end` with the best start, and that
// start: the alignment is anchored at `end` and read backwards.
std::pair<qsizetype, int> bestStart(std::span<const char32_t> text,
                                    std::span<const char32_t> pattern, qsizetype end, int maxErrors)
{
    const qsizetype m = static_cast<qsizetype>(pattern.size());
    const qsizetype width = std::min<qsizetype>(end, m + maxErrors);
    // row[j]: distance of the pattern's last i characters to the text's last j before `end`.
    std::vector<int> row(static_cast<size_t>(width + 1));
    for (qsizetype j = 0; j <= width; ++j)
        row[static_cast<size_t>(j)] = static_cast<int>(j);
    for (qsizetype i = 1; i <= m; ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        const char32_t p = pattern[static_cast<size_t>(m - i)];
        for (qsizetype j = 1; j <= width; ++j) {
            const size_t uj = static_cast<size_t>(j);
            const int above = row[uj];
            row[uj] = std::min({row[uj] + 1, row[uj - 1] + 1,
                                diagonal + (text[static_cast<size_t>(end - j)] != p)});
            diagonal = above;
        }
    }
    qsizetype bestLength = 0;
    int bestErrors = row[0];
    for (qsizetype j = 1; j <= width; ++j) {
        const int e = row[static_cast<size_t>(j)];
        // Ties go to the length closest to the pattern's.
        if (e < bestErrors || (e == bestErrors && std::abs(j - m) < std::abs(bestLength - m))) {
            bestErrors = e;
            bestLength = j;
        }
    }
    return {end - bestLength, bestErrors};
}

} // namespace

TextQuote TextQuote::of(QStringView text, qsizetype start, qsizetype end)
{
    const qsizetype length = CodePoints::count(text);
    TextQuote q;
    q.start = std::clamp<qsizetype>(start, 0, length);
    q.end = std::clamp<qsizetype>(end, q.start, length);
    q.exact = CodePoints::mid(text, q.start, q.end);
    q.prefix = CodePoints::mid(text, std::max<qsizetype>(0, q.start - kContext), q.start);
    q.suffix = CodePoints::mid(text, q.end, q.end + kContext);
    return q;
}

QString anchorStateName(AnchorState state)
{
    switch (state) {
    case AnchorState::Exact:
        return u"exact"_s;
    case AnchorState::Check:
        return u"check"_s;
    case AnchorState::Orphaned:
        break;
    }
    return u"orphaned"_s;
}

AnchorState anchorStateFromName(QStringView name)
{
    if (name == u"exact")
        return AnchorState::Exact;
    if (name == u"check")
        return AnchorState::Check;
    return AnchorState::Orphaned;
}

QList<ApproximateMatch> approximateMatches(std::span<const char32_t> text,
                                           std::span<const char32_t> pattern, int maxErrors)
{
    const size_t m = pattern.size();
    if (m == 0 || maxErrors < 0)
        return {};
    constexpr size_t kWord = 64;
    const size_t blocks = (m + kWord - 1) / kWord;
    // For each character of the pattern, the rows (bits) where it stands, block by block.
    std::unordered_map<char32_t, std::vector<uint64_t>> equal;
    for (size_t i = 0; i < m; ++i) {
        std::vector<uint64_t> &bits = equal[pattern[i]];
        bits.resize(blocks);
        bits[i / kWord] |= uint64_t{1} << (i % kWord);
    }
    const std::vector<uint64_t> nowhere(blocks, 0);
    std::vector<uint64_t> positive(blocks, ~uint64_t{0}); // vertical deltas +1
    std::vector<uint64_t> negative(blocks, 0);            // vertical deltas -1
    std::vector<uint64_t> lastRow(blocks, uint64_t{1} << (kWord - 1));
    lastRow.back() = uint64_t{1} << ((m - 1) % kWord);
    int score = static_cast<int>(m); // the distance at the pattern's last row

    // Ends with few enough errors; then the best of each run of neighbouring ends.
    QList<std::pair<qsizetype, int>> ends;
    for (size_t j = 0; j < text.size(); ++j) {
        const auto found = equal.find(text[j]);
        const std::vector<uint64_t> &eqs = found == equal.end() ? nowhere : found->second;
        int carry = 0; // the horizontal delta entering the block from above: 0 at row 0
        for (size_t b = 0; b < blocks; ++b) {
            uint64_t pv = positive[b];
            uint64_t mv = negative[b];
            const uint64_t carryNegative = carry < 0 ? 1 : 0;
            const uint64_t eq = eqs[b] | carryNegative;
            const uint64_t xv = eq | mv;
            const uint64_t xh = (((eq & pv) + pv) ^ pv) | eq;
            uint64_t ph = mv | ~(xh | pv);
            uint64_t mh = pv & xh;
            const int out = ((ph & lastRow[b]) != 0 ? 1 : 0) - ((mh & lastRow[b]) != 0 ? 1 : 0);
            ph <<= 1;
            mh <<= 1;
            mh |= carryNegative;
            ph |= carry > 0 ? 1 : 0;
            positive[b] = mh | ~(xv | ph);
            negative[b] = ph & xv;
            carry = out;
        }
        score += carry;
        if (score <= maxErrors)
            ends.append({static_cast<qsizetype>(j + 1), score});
    }
    QList<ApproximateMatch> matches;
    for (qsizetype i = 0; i < ends.size();) {
        qsizetype best = i;
        qsizetype k = i + 1;
        // Of equal errors the latest end: a changed last character is still the passage's.
        for (; k < ends.size() && ends[k].first == ends[k - 1].first + 1; ++k) {
            if (ends[k].second <= ends[best].second)
                best = k;
        }
        const auto [start, errors] = bestStart(text, pattern, ends[best].first, maxErrors);
        matches.append({start, ends[best].first, errors});
        i = k;
    }
    return matches;
}

Anchoring TextAnchor::find(QStringView text, const TextQuote &quote)
{
    const Points points = pointsOf(text);
    const Points exact = pointsOf(quote.exact);
    const Points prefix = pointsOf(quote.prefix);
    const Points suffix = pointsOf(quote.suffix);
    const qsizetype length = static_cast<qsizetype>(points.size());
    const qsizetype m = static_cast<qsizetype>(exact.size());
    Anchoring orphan{AnchorState::Orphaned, quote.start, quote.end, 0};
    if (m == 0)
        return orphan;
    const std::span<const char32_t> all(points);

    struct Scored
    {
        ApproximateMatch match;
        double context = 0;
        double total = 0;
    };
    const auto score = [&](const ApproximateMatch &match) {
        const qsizetype before = std::max<qsizetype>(0, match.start - std::ssize(prefix));
        const qsizetype after = std::min(length, match.end + std::ssize(suffix));
        const double p = agreement(prefix, all.subspan(static_cast<size_t>(before),
                                                       static_cast<size_t>(match.start - before)));
        const double s = agreement(suffix, all.subspan(static_cast<size_t>(match.end),
                                                       static_cast<size_t>(after - match.end)));
        const double q = 1.0 - static_cast<double>(match.errors) / static_cast<double>(m);
        const double moved = static_cast<double>(std::abs(match.start - quote.start)) /
                             static_cast<double>(std::max<qsizetype>(length, 1));
        const double position = 1.0 - std::min(1.0, moved);
        // Hypothesis' weights: the quote counts most, then its context, the position least.
        return Scored{match, (p + s) / 2, (50 * q + 20 * p + 20 * s + 2 * position) / 92};
    };
    // The quote where it was, in context that agrees: nothing moved. Without agreeing context the
    // same characters at the same offset may be another passage (offsets of a merged or edited
    // text are not the old ones), so it is weighed with every other occurrence.
    if (quote.start >= 0 && quote.start + m <= length &&
        std::equal(exact.begin(), exact.end(), points.begin() + quote.start)) {
        const Scored there = score({quote.start, quote.start + m, 0});
        if (there.context >= kExactContext)
            return {AnchorState::Exact, quote.start, quote.start + m, there.total};
    }
    const int maxErrors = static_cast<int>(m / 4);
    std::optional<Scored> bestExact;
    std::optional<Scored> best;
    int errorless = 0;
    for (const ApproximateMatch &match : approximateMatches(all, exact, maxErrors)) {
        const Scored s = score(match);
        if (match.errors == 0 && match.end - match.start == m) {
            ++errorless;
            if (!bestExact || s.total > bestExact->total)
                bestExact = s;
        }
        if (!best || s.total > best->total)
            best = s;
    }
    if (bestExact && bestExact->context >= kExactContext)
        return {AnchorState::Exact, bestExact->match.start, bestExact->match.end, bestExact->total};
    if (best && best->total >= kCheckScore)
        return {AnchorState::Check, best->match.start, best->match.end, best->total};
    // The quote itself, once and only once, whatever changed around it (a rewritten headline
    // beside a highlighted title): kept, for a person to look at. A short quote found once may
    // still be chance, so only one of some length.
    constexpr qsizetype kLongEnoughAlone = 4;
    if (errorless == 1 && m >= kLongEnoughAlone)
        return {AnchorState::Check, bestExact->match.start, bestExact->match.end, bestExact->total};
    if (best)
        orphan.score = best->total;
    return orphan;
}

} // namespace br
