#include "core/SafeText.h"

#include <QList>

namespace br::SafeText {

using namespace Qt::StringLiterals;

bool isControl(char32_t c)
{
    return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

QString escape(char32_t c)
{
    return c <= 0xFF ? u"\\x%1"_s.arg(static_cast<uint>(c), 2, 16, QChar(u'0'))
                     : u"\\u%1"_s.arg(static_cast<uint>(c), 4, 16, QChar(u'0'));
}

QString escapeControls(const QString &text)
{
    QString shown;
    shown.reserve(text.size());
    for (const char32_t c : text.toUcs4())
        shown += isControl(c) ? escape(c) : QString::fromUcs4(&c, 1);
    return shown;
}

bool isWide(char32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

QString padToColumns(const QString &text, int columns)
{
    int width = 0;
    for (const char32_t c : text.toUcs4())
        width += isWide(c) ? 2 : 1;
    return width >= columns ? text : text + QString(columns - width, u' ');
}

} // namespace br::SafeText
