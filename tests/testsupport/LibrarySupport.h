#pragma once

// For the tests of the record: a real library file, and highlights made the way the window
// makes them.
#include "library/Library.h"

#include <QString>
#include <QtGlobal>

#include <memory>

namespace br::test {

inline std::unique_ptr<Library> openLibrary(const QString &path)
{
    Result<std::unique_ptr<Library>> lib = Library::open(path);
    if (!lib)
        qFatal("cannot open %s: %s", qPrintable(path), qPrintable(lib.errorMessage()));
    return std::move(lib).value();
}

// Highlights the first occurrence of `quote` in the article, with a note.
inline qint64 highlight(Library &lib, qint64 articleId, const QString &quote,
                        const QString &note = QString(),
                        const QString &color = QStringLiteral("#ffe066"))
{
    const QString text = lib.article(articleId)->article.plainText();
    const qsizetype at = text.indexOf(quote);
    if (at < 0)
        qFatal("quote not in article %lld", articleId);
    Annotation a = Annotation::forSelection(articleId, text, static_cast<int>(at),
                                            static_cast<int>(at + quote.size()), color);
    a.note = note;
    return lib.addAnnotation(a).value();
}

} // namespace br::test
