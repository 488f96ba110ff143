#include "exchange/RecordExport.h"

#include "exchange/CodedRecord.h"
#include "exchange/OutputFile.h"
#include "exchange/QdpxProject.h"
#include "exchange/Tabular.h"
#include "exchange/W3cAnnotations.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace br {

using namespace Qt::StringLiterals;

const QStringList &exportFormats()
{
    static const QStringList formats{u"csv"_s, u"xlsx"_s, u"w3c"_s, u"qdpx"_s, u"qdc"_s};
    return formats;
}

QString exportFormatFromSuffix(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == u"xlsx"_s)
        return u"xlsx"_s;
    if (suffix == u"jsonld"_s || suffix == u"json"_s)
        return u"w3c"_s;
    if (suffix == u"qdpx"_s || suffix == u"qdc"_s)
        return suffix;
    return u"csv"_s;
}

namespace {

Error cancelled()
{
    return Error{QCoreApplication::translate("Export", "the export was cancelled")};
}

bool isCancelled(const ExportWatch &watch)
{
    return watch.cancel && watch.cancel->load();
}

} // namespace

Result<ExportCount> exportRecord(Library &library, const ArticleFilter &filter, const QString &path,
                                 const QString &format, bool notes, const ExportWatch &watch)
{
    if (!exportFormats().contains(format))
        return Error{u"the export format is one of %1"_s.arg(exportFormats().join(u", "_s))};
    if ((format == u"csv"_s || format == u"xlsx"_s) && !notes) {
        // The whole list's size, for the progress; a filtered list's is known only at its end.
        const Result<qint64> all = library.articleCount();
        const bool whole = filter.campaign.isEmpty() && filter.text.isEmpty() && !filter.untagged &&
                           !filter.withSuggestions && !filter.annotated && filter.onlyId == 0 &&
                           filter.coverageBy.isEmpty();
        const qint64 total = whole && all ? all.value() : 0;
        const auto eachRow = [&](qint64 rows) -> Status {
            if (isCancelled(watch))
                return cancelled();
            if (watch.progress && rows % 500 == 0)
                watch.progress(rows, total);
            return {};
        };
        qint64 rows = 0;
        if (Status s =
                OutputFile::write(path,
                                  [&](QIODevice &device) -> Status {
                                      Result<qint64> written =
                                          format == u"xlsx"_s
                                              ? writeArticlesXlsx(device, library, filter, eachRow)
                                              : writeArticlesCsv(device, library, filter, eachRow);
                                      if (!written)
                                          return written.error();
                                      rows = written.value();
                                      return {};
                                  });
            !s)
            return s.error();
        ExportCount count;
        count.articles = rows;
        return count;
    }
    if (format == u"csv"_s || format == u"xlsx"_s) {
        // Read whole, then written: the watch can stop it only between the two.
        Result<Tabular> table =
            notes ? Tables::notes(library, filter) : Tables::articles(library, filter);
        if (!table)
            return table.error();
        if (isCancelled(watch))
            return cancelled();
        if (Status s = OutputFile::write(path,
                                         [&](QIODevice &device) {
                                             return format == u"xlsx"_s
                                                        ? writeXlsx(device, {table.value()})
                                                        : writeCsv(device, table.value());
                                         });
            !s)
            return s.error();
        ExportCount count;
        (notes ? count.highlights : count.articles) = table->rows.size();
        return count;
    }
    // W3C carries what was coded; a REFI-QDA project every article of the filter, as sources.
    Result<CodedRecord> record = CodedRecord::of(library, filter, format == u"w3c"_s);
    if (!record)
        return record.error();
    if (isCancelled(watch))
        return cancelled();
    if (Status s = OutputFile::write(path,
                                     [&](QIODevice &device) {
                                         if (format == u"w3c"_s)
                                             return writeW3cAnnotations(device, record.value());
                                         return format == u"qdc"_s
                                                    ? writeQdc(device, record.value())
                                                    : writeQdpx(device, record.value());
                                     });
        !s)
        return s.error();
    ExportCount count;
    count.codes = record->campaigns.size();
    if (format == u"qdc"_s)
        return count;
    count.articles = record->articles.size();
    for (const CodedArticle &a : record->articles)
        count.highlights += a.annotations.size();
    return count;
}

} // namespace br
