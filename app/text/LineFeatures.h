#pragma once

#include "text/FeatureList.h"
#include "text/PageLines.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <vector>

namespace br {

// What the line-role model sees of each line of a page: named evidence from the line's shape
// (length against the page's own column width, first and last characters, indent, blank lines
// around it), the marks of bylines, captions, credits and page furniture, whether the break before
// it falls inside a word or a clause, how much its words recur in the text under it and in the text
// above it — and the same of the lines next to it. Names, not numbers: the model's weights file
// stays readable, and a feature the model does not know weighs nothing.
class LineFeatures final
{
public:
    explicit LineFeatures(const QList<PageLine> &lines);

    // The features of line `i`, into `features` (cleared first). Asked line after line, in order,
    // it reuses the work of the line before.
    void of(qsizetype i, FeatureList &features) const;
    QStringList of(qsizetype i) const;

private:
    const FeatureList &own(qsizetype i) const;
    QStringView lengthClass(qsizetype i) const;
    QStringView hanOf(qsizetype i) const;
    void linkRepeatedPairs();
    // How much a headline-sized line shares with the text around it, as shares of distinct
    // pairs of adjacent hanzi: the line's found below it, the line's found above it, and the
    // text below's found above the line (whether the subject goes on across it).
    struct Shares
    {
        double down = 0;
        double up = 0;
        double continuity = 0;
    };
    Shares sharesOf(qsizetype i) const;
    QStringView gapClass(qsizetype i) const;
    // How `length` sits in a column `width` characters wide (full, most of it, part, over).
    static QStringView fitClass(qsizetype length, qsizetype width);
    // The column width the lines [from, to) are set to, or 0 when they are not set in a column.
    qsizetype columnWidthOf(qsizetype from, qsizetype to) const;

    const QList<PageLine> &m_lines;
    QList<bool> m_headlineShaped; // LineShape::isHeadlineShaped of each line
    QString m_allHan;             // each line's hanzi (of its first 600 characters), run together
    QList<qsizetype> m_hanStart;  // where each line's hanzi begin in m_allHan, and the end
    // For each position of m_allHan, the last one before it starting the same pair of hanzi
    // (-1: none near enough to matter).
    std::vector<qint32> m_previousSame;
    qsizetype m_columnWidth = 0; // the length most long lines of the page have
    // The column widths of the few lines above and below each line (0: not column-set there).
    // Stories on one page are set to columns of their own widths; a subhead keeps its story's.
    QList<qsizetype> m_widthAbove;
    QList<qsizetype> m_widthBelow;
    int m_rhythm = 1;           // the usual number of blank lines between paragraphs (0: none)
    bool m_pageIndents = false; // the page marks paragraphs with an indent
    QString m_layout;           // a name for the page's columns, blank lines and indents
    // How many headline-shaped lines of the page open or close the same way: subheads come in
    // series (实施…, …（记者手记）, …代表：), titles seldom do.
    QHash<QString, int> m_openings;
    QHash<QString, int> m_closings;
    // The own features of the last few lines asked for (line -1: none yet).
    struct OwnCache
    {
        qsizetype line = -1;
        FeatureList features;
    };
    mutable std::array<OwnCache, 4> m_own;
};

} // namespace br
