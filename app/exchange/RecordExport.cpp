#include "exchange/RecordExport.h"

#include "exchange/CodedRecord.h"
#include "exchange/OutputFile.h"
#include "exchange/QdpxProject.h"
#include "exchange/Tabular.h"
#include "exchange/W3cAnnotations.h"

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

Result<ExportCount> exportRecord(Library &library, const ArticleFilter &filter, const QString &path,
                                 const QString &format, bool notes)
{
    if (!exportFormats().contains(format))
        return Error{u"the export format is one of %1"_s.arg(exportFormats().join(u", "_s))};
    if (format == u"csv"_s && !notes) {
        qint64 rows = 0;
        if (Status s = OutputFile::write(path,
                                         [&](QIODevice &device) -> Status {
                                             Result<qint64> written =
                                                 writeArticlesCsv(device, library, filter);
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
        Result<Tabular> table =
            notes ? Tables::notes(library, filter) : Tables::articles(library, filter);
        if (!table)
            return table.error();
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
