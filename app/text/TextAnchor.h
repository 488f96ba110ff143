#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <span>

namespace br {

// A passage of a text as the record keeps it: W3C Web Annotation's TextQuoteSelector (the exact
// text with some context on each side) and TextPositionSelector (code points, end exclusive).
// Both are kept so the passage can be found again after the text around it changed.
struct TextQuote
{
    // As much context as W3C's and Hypothesis' examples keep: enough to tell a short quote's
    // place from its other occurrences.
    static constexpr qsizetype kContext = 32;

    QString exact;
    QString prefix;
    QString suffix;
    qsizetype start = 0; // code points
    qsizetype end = 0;

    // The quote of the code points [start, end) of `text` (clamped to it).
    static TextQuote of(QStringView text, qsizetype start, qsizetype end);
};

// How a passage was found again in a changed text.
enum class AnchorState
{
    Exact,   // the quote, in its context: the annotation holds
    Check,   // a close match (the passage was edited, or the quote stands in another context):
             // kept, but a person should look at it
    Orphaned // not found: never moved to a look-alike passage
};
QString anchorStateName(AnchorState state); // "exact", "check", "orphaned"
AnchorState anchorStateFromName(QStringView name);

struct Anchoring
{
    AnchorState state = AnchorState::Orphaned;
    qsizetype start = 0; // code points in the new text; the old position when orphaned
    qsizetype end = 0;
    double score = 0; // 0..1: how well quote, context and position agree
};

// Finds a quote again in a text that may have changed, the way Hypothesis re-anchors: the stored
// position if the quote is still there, else the best of the quote's approximate occurrences
// (bit-parallel matching with up to a quarter of its characters wrong), each scored on the quote's
// errors, how well the text around it agrees with the stored context, and its distance from the
// stored position. An exact quote in a context that agrees is kept; a close enough match is kept
// for checking; anything else is orphaned.
class TextAnchor final
{
public:
    static Anchoring find(QStringView text, const TextQuote &quote);

    // Below this score a candidate is not the passage.
    static constexpr double kCheckScore = 0.7;
    // An exact quote needs at least this much agreement of its context to be kept unchecked.
    static constexpr double kExactContext = 0.5;
};

// One approximate occurrence of a pattern in a text: code points [start, end), with `errors`
// insertions, deletions and substitutions.
struct ApproximateMatch
{
    qsizetype start = 0;
    qsizetype end = 0;
    int errors = 0;
};

// Every place `pattern` occurs in `text` with at most `maxErrors` errors, best per stretch of
// overlapping ends (Myers' bit-vector algorithm in 64-bit blocks, as Hyyrö extended it to
// patterns of any length; O(text × pattern / 64)).
QList<ApproximateMatch> approximateMatches(std::span<const char32_t> text,
                                           std::span<const char32_t> pattern, int maxErrors);

} // namespace br
