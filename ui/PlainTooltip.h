#pragma once

#include <QString>

namespace br::ui {

// Tooltips are shown as rich text whenever the text looks like markup (Qt::mightBeRichText), so
// untrusted text — titles, quotes, notes — is escaped and set in a rich-text paragraph that keeps
// its line breaks: what the page says is what the tooltip shows.
inline QString plainTooltip(const QString &text)
{
    if (text.isEmpty())
        return QString(); // no tooltip at all, not an empty box
    return QStringLiteral("<p style=\"white-space: pre-wrap\">") + text.toHtmlEscaped() +
           QStringLiteral("</p>");
}

} // namespace br::ui
