#include "exchange/CodedRecord.h"

#include <QFileInfo>

namespace br {

Result<CodedRecord> CodedRecord::of(Library &library, const ArticleFilter &filter, bool codedOnly)
{
    CodedRecord record;
    record.libraryName = QFileInfo(library.location().name()).completeBaseName();
    record.author = library.author();
    Result<QList<Campaign>> campaigns = library.campaigns();
    if (!campaigns)
        return campaigns.error();
    record.campaigns = std::move(campaigns).value();
    Result<QList<ArticleRecord>> records = library.articleRecords(filter);
    if (!records)
        return records.error();
    for (ArticleRecord &r : records.value()) {
        if (codedOnly && r.summary.campaigns.isEmpty() && r.summary.annotations == 0)
            continue;
        Result<QList<StoredArticle>> stored = library.storedArticles({r.summary.id});
        if (!stored)
            return stored.error();
        StoredArticle &s = stored->front();
        record.articles.append(CodedArticle{std::move(r), s.uuid, s.article.plainText(),
                                            std::move(s.tags), std::move(s.annotations)});
    }
    return record;
}

} // namespace br
