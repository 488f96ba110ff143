#include "text/WordJunction.h"

#include "text/CjkCharsets.h"

#include <QHash>
#include <QString>

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <array>
#include <memory>

namespace br {
namespace {

// ICU's break iterators are not thread-safe; each thread keeps its own.
icu::BreakIterator *wordIterator()
{
    thread_local std::unique_ptr<icu::BreakIterator> iterator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> it(
            icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
        return U_SUCCESS(status) ? std::move(it) : nullptr;
    }();
    return iterator.get();
}

} // namespace

bool junctionSplitsWord(QStringView left, QStringView right)
{
    if (left.isEmpty() || right.isEmpty() || !cjk::isHan(left.back().unicode()) ||
        !cjk::isHan(right.front().unicode()))
        return false;
    icu::BreakIterator *it = wordIterator();
    if (!it)
        return false;
    // A few characters either side are context enough for the dictionary's choice.
    constexpr qsizetype kContext = 6;
    const QStringView before = left.last(std::min(left.size(), kContext));
    const QStringView after = right.first(std::min(right.size(), kContext));
    const QString joined = before.toString() + after.toString();
    // The splitter asks of the same junction several times (a line's features, then its
    // paragraph): the answers of this thread's last few hundred are kept, by text and place.
    struct Answer
    {
        QString joined;
        qsizetype at = -1;
        bool splits = false;
    };
    thread_local std::array<Answer, 512> answers;
    Answer &kept = answers[qHash(joined, static_cast<size_t>(before.size())) % answers.size()];
    if (kept.at == before.size() && kept.joined == joined)
        return kept.splits;
    const icu::UnicodeString text(reinterpret_cast<const UChar *>(joined.utf16()),
                                  static_cast<int32_t>(joined.size()));
    it->setText(text);
    kept = {joined, before.size(), !it->isBoundary(static_cast<int32_t>(before.size()))};
    return kept.splits;
}

bool isInsideWord(QStringView text, qsizetype pos)
{
    if (pos <= 0 || pos >= text.size())
        return false;
    constexpr qsizetype kContext = 6;
    const qsizetype from = std::max<qsizetype>(0, pos - kContext);
    return junctionSplitsWord(text.sliced(from, pos - from),
                              text.sliced(pos, std::min(kContext, text.size() - pos)));
}

} // namespace br
