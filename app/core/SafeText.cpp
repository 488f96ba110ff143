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

} // namespace br::SafeText
