#pragma once

#include "library/SqlLibrary.h"

namespace br {

class PgDatabase;
class SearchQuery;

// The library on a PostgreSQL server (schema in PgSchema), for a team: the same store as the
// file's (SqlLibrary), its search index the character pairs of SearchGrams under GIN, each
// connection working as its PostgreSQL role (who its notes are by). The server keeps its own
// copies (pg_dump, its archive): the program makes none.
class PgLibrary final : public SqlLibrary
{
public:
    static Result<std::unique_ptr<Library>> open(const LibraryLocation &location, bool readOnly);

    Result<QString> dailyBackup() override;
    Status backupTo(const QString &file) override;
    Result<QString> restoreFrom(const QString &backup) override;

    Result<QList<qint64>> searchIds(const QString &query,
                                    const QString &campaign = QString()) override;

protected:
    Result<QList<qint64>> rankedIds(const SearchQuery &query, const QString &campaign, int limit,
                                    int *total) override;
    Status indexArticlesAbove(qint64 lastId) override;
    Status indexArticles(const QList<qint64> &ids) override;

private:
    PgLibrary(std::unique_ptr<PgDatabase> db, LibraryLocation location);

    struct Match
    {
        qint64 id = 0;
        double score = 0; // higher is better: how often the terms stand in the headline
    };
    // The articles matching `query` (and tagged `campaign` when given), in id order.
    Result<QList<Match>> matching(const SearchQuery &query, const QString &campaign);
    // Indexes the articles the statement `select` lists (id, head, body), bound with `bind`.
    Status indexSelected(const char *select, qint64 bound);
};

} // namespace br
