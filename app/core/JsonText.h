#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QStringView>

// JSON written as text, a value at a time, for output streamed row by row: QJsonDocument builds
// a tree first and costs several times the writing itself on lists of 100,000 rows. The same
// text as QJsonDocument's compact form: strings escaped per RFC 8259 (quote, backslash and
// control characters), everything else as it is, in UTF-8 once the stream encodes it.
namespace br::JsonText {

inline void appendString(QString &out, QStringView text)
{
    out += u'"';
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (c >= 0x20 && c != u'"' && c != u'\\')
            continue;
        out += text.sliced(plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case u'"':
            out += u"\\\"";
            break;
        case u'\\':
            out += u"\\\\";
            break;
        case u'\n':
            out += u"\\n";
            break;
        case u'\r':
            out += u"\\r";
            break;
        case u'\t':
            out += u"\\t";
            break;
        case u'\b':
            out += u"\\b";
            break;
        case u'\f':
            out += u"\\f";
            break;
        default:
            out += QStringLiteral("\\u%1").arg(static_cast<int>(c), 4, 16, QChar(u'0'));
            break;
        }
    }
    out += text.sliced(plainFrom);
    out += u'"';
}

inline void appendStrings(QString &out, const QStringList &texts)
{
    out += u'[';
    for (qsizetype i = 0; i < texts.size(); ++i) {
        if (i > 0)
            out += u',';
        appendString(out, texts[i]);
    }
    out += u']';
}

// A number as JavaScript would print it: the shortest form that reads back the same.
inline void appendNumber(QString &out, double value)
{
    out += QString::number(value, 'g', QLocale::FloatingPointShortest);
}

inline void appendKey(QString &out, QStringView key)
{
    appendString(out, key);
    out += u':';
}

} // namespace br::JsonText
