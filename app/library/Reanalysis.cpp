#include "library/Reanalysis.h"

#include "analysis/PlaceRecognizer.h"
#include "analysis/UnitRecognizer.h"
#include "library/Library.h"

namespace br {

Result<qint64> reanalyseLibrary(Library &library,
                                const std::function<void(qint64, qint64)> &progress)
{
    const Result<QList<std::pair<qint64, bool>>> pages = library.pagesForResplit();
    if (!pages)
        return pages.error();
    const Result<qint64> total = library.articleCount();
    if (!total)
        return total.error();
    const PlaceRecognizer recognizer;
    const UnitRecognizer unitRecognizer;
    qint64 done = 0;
    for (const auto &[pageId, corrected] : pages.value()) {
        Q_UNUSED(corrected) // a person's corrections are kept by the store, page or no page
        const Result<QList<qint64>> ids = library.pageArticleIds(pageId);
        if (!ids)
            return ids.error();
        QList<Article> articles;
        for (const qint64 id : ids.value()) {
            Result<ArticleDetail> detail = library.article(id);
            if (!detail)
                return detail.error();
            articles.append(std::move(detail->article));
        }
        const QList<ArticlePlaces> places = recognizer.recognizePage(articles);
        QList<ArticleAnalysis> found;
        for (qsizetype i = 0; i < articles.size(); ++i)
            found.append(ArticleAnalysis{ids->at(i), places[i],
                                         unitRecognizer.suggest(articles[i], places[i])});
        if (Status s = library.storeAnalysis(found); !s)
            return s.error();
        done += articles.size();
        if (progress)
            progress(done, total.value());
    }
    return done;
}

} // namespace br
