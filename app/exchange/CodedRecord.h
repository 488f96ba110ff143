#pragma once

#include "core/Result.h"
#include "library/Library.h"

namespace br {

// One article as the record exports it: where it stands, its text (what positions count in), its
// tags and its highlights with their notes.
struct CodedArticle
{
    ArticleRecord record;
    QString uuid;
    QString plainText;
    QList<ArticleTag> tags;
    QList<Annotation> annotations;
};

// What a person coded in a library: the campaigns and own tags, and the articles of a filter with
// their tags and annotations. The formats of other tools (W3C Web Annotation, REFI-QDA) are
// written from this.
struct CodedRecord
{
    QString libraryName;
    QString author; // the library's user: who a file library's annotations are by
    QList<Campaign> campaigns;
    QList<CodedArticle> articles;

    // The articles of `filter`; with `codedOnly`, only those with a tag or an annotation.
    static Result<CodedRecord> of(Library &library, const ArticleFilter &filter, bool codedOnly);
};

} // namespace br
