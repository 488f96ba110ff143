#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>
#include <QStringView>

// JSON written as text, a value at a time, for output streamed row by row: QJsonDocument builds
// a tree first and costs several times the writing itself on lists of 100,000 rows. The same
// text as QJsonDocument's compact form: strings escaped per RFC 8259 (quote, backslash and
// control characters, unpaired surrogates), everything else as it is, in UTF-8 once the stream
// encodes it.
namespace br::JsonText {

inline void appendString(QString &out, QStringView text)
{
    out += u'"';
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            ++i; // a pair: one character, written as it is
            continue;
        }
        // An unpaired surrogate has no UTF-8: escaped, as QJsonDocument does, so that it reads
        // back as it was.
        if (c >= 0x20 && c != u'"' && c != u'\\' && !QChar::isSurrogate(c))
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

// One JSON object written field by field onto `out`: Object(out).number(u"id", 7).text(u"title",
// t).close() writes {"id":7,"title":"…"}.
class Object
{
public:
    explicit Object(QString &out) : m_out(out) { m_out += u'{'; }

    Object &text(QStringView key, QStringView value)
    {
        appendString(next(key), value);
        return *this;
    }
    Object &number(QStringView key, qint64 value)
    {
        next(key) += QString::number(value);
        return *this;
    }
    Object &number(QStringView key, double value)
    {
        appendNumber(next(key), value);
        return *this;
    }
    Object &texts(QStringView key, const QStringList &values)
    {
        appendStrings(next(key), values);
        return *this;
    }
    // A value already written as JSON (an array of objects).
    Object &json(QStringView key, QStringView value)
    {
        next(key) += value;
        return *this;
    }
    void close() { m_out += u'}'; }

private:
    QString &next(QStringView key)
    {
        if (m_fields++ > 0)
            m_out += u',';
        appendKey(m_out, key);
        return m_out;
    }

    QString &m_out;
    int m_fields = 0;
};

} // namespace br::JsonText
