#pragma once

#include "library/HitReaders.h"
#include "library/SearchFunctions.h"
#include "library/SqlLibrary.h"

#include <array>

namespace br {

class SearchQuery;
class SqliteDatabase;

// The library as one SQLite file (schema in Migrations): FTS5 tables for the search, views for
// coverage, every write one BEGIN IMMEDIATE transaction waiting for another writer up to a timeout;
// checked on open, copied day by day, restored from a copy.
class SqliteLibrary final : public SqlLibrary
{
public:
    static Result<std::unique_ptr<Library>> open(const QString &path, bool readOnly);

    Result<QString> dailyBackup() override;
    Status backupTo(const QString &file) override;
    Result<QString> restoreFrom(const QString &backup) override;
    // Goes on with a read-only connection to the file.
    Status foundDamaged(const QString &damage) override;
    // A batch's statement journals (every row checked against a foreign key keeps one) stay in
    // memory rather than spill into a temporary file: a batch is bounded
    // (Importer::kBatchCharacters), so only here.
    Result<QList<Added>> addPages(const QList<const ReadPage *> &pages) override;

    Result<QList<qint64>> searchIds(const QString &query,
                                    const QString &campaign = QString()) override;

protected:
    Result<QList<qint64>> rankedIds(const SearchQuery &query, const QString &campaign, int limit,
                                    int *total) override;
    Status indexArticlesAbove(qint64 lastId) override;
    Status indexArticles(const QList<qint64> &ids) override;

private:
    explicit SqliteLibrary(std::unique_ptr<SqliteDatabase> db);
    SqliteDatabase &file() const;
    // Runs each of the two statements (one per FTS5 table) once for each of `values` (?1).
    Status indexInBothTables(const std::array<const char *, 2> &statements,
                             const QList<qint64> &values);
    const QString &path() const { return location().text(); }

    // The articles matching `query` (and tagged `campaign` when given), in id order: the sets
    // each index table, the campaign and the text check give, intersected. With `scored`, the
    // hits of the pairs table are scored in the same pass, for ranking.
    Result<IdList> matchingIds(const SearchQuery &query, const QString &campaign,
                               ScoredIds *scored = nullptr);

    DocumentLengths m_lengths; // for ranking; read again whenever the library changed
    HitReaders m_hitReaders{&m_lengths};
    // What a search reads from the two index tables, and the scores; kept from search to search
    // for their memory.
    PhraseHits m_pairHits;
    PhraseHits m_characterHits;
    ScoredIds m_scored;
};

} // namespace br
