#pragma once

#include "core/Result.h"
#include "text/Page.h"

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace br {

class Database;
struct ReadPage;

// One article as lists show it.
struct ArticleSummary
{
    qint64 id = 0;
    qint64 pageId = 0;
    QString pageFile;
    int order = 0; // position on its page, from 0
    int startLine = 0;
    QString section;
    QString kicker;
    QString title;
    QStringList campaigns; // confirmed: set by a person or by accepting a suggestion
    QList<CampaignSuggestion> suggestions;
    int annotations = 0;
};

// The library file: pages, their articles and everything people add to them. The only place
// with SQL. Every write is one transaction; nothing is written half.
class Library final
{
public:
    ~Library();
    Library(const Library &) = delete;
    Library &operator=(const Library &) = delete;

    // Opens or creates the library at `path` and brings its schema up to date.
    static Result<std::unique_ptr<Library>> open(const QString &path);

    const QString &path() const;

    struct Added
    {
        qint64 pageId = 0;
        int articles = 0;
        bool duplicate = false; // the same bytes were imported before; nothing was added
    };
    // Adds the page, its articles and their suggestions in one transaction.
    Result<Added> addPage(const ReadPage &page);

    bool hasPage(const QByteArray &sha256);
    // The digests of every page in the library.
    QSet<QByteArray> pageDigests();
    Result<qint64> pageCount();
    Result<qint64> articleCount();
    Result<QList<ArticleSummary>> articles();

private:
    explicit Library(std::unique_ptr<Database> db);
    Result<qint64> count(const char *sql);

    std::unique_ptr<Database> m_db;
};

} // namespace br
