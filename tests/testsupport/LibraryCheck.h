#pragma once

// What a test finds in a library file after a crash, a fault or a full disk: SQLite's and the
// search index's own checks, and each page's articles.
#include "library/SqliteDatabase.h"

#include <QMap>
#include <QString>

namespace br::test {

// What SQLite's integrity check and the search index's own checks say of the library file: ""
// when all is well. (A library of an old schema has no index to check.)
inline QString damageOf(const QString &path, bool withIndex = true)
{
    using namespace Qt::StringLiterals;
    Result<std::unique_ptr<SqliteDatabase>> db =
        SqliteDatabase::open(path, SqliteDatabase::OpenMode::ReadOnly);
    if (!db)
        return db.errorMessage();
    PreparedStatement check = db.value()->prepared("PRAGMA integrity_check");
    if (!check || check->step() != Statement::Step::Row || check->text(0) != u"ok"_s)
        return u"integrity_check: "_s + (check ? check->text(0) : db.value()->lastError());
    if (!withIndex)
        return QString();
    for (const char *sql :
         {"INSERT INTO article_fts (article_fts) VALUES ('integrity-check')",
          "INSERT INTO article_chars (article_chars) VALUES ('integrity-check')"}) {
        // The check writes nothing; a read-only connection cannot run an INSERT at all.
        Result<std::unique_ptr<SqliteDatabase>> writer = SqliteDatabase::open(path);
        if (!writer)
            return writer.errorMessage();
        if (Status s = writer.value()->execScript(sql); !s)
            return QString::fromLatin1(sql) + u": "_s + s.errorMessage();
    }
    return QString();
}

// The pages' digests, and their articles' count, of a library file.
inline QMap<QString, int> articlesByPage(const QString &path)
{
    QMap<QString, int> pages;
    Result<std::unique_ptr<SqliteDatabase>> db =
        SqliteDatabase::open(path, SqliteDatabase::OpenMode::ReadOnly);
    if (!db)
        qFatal("cannot read %s: %s", qPrintable(path), qPrintable(db.errorMessage()));
    PreparedStatement s = db.value()->prepared(
        "SELECT p.sha256, count(a.id) FROM page p LEFT JOIN article a ON a.page_id = p.id "
        "GROUP BY p.id");
    while (s && s->step() == Statement::Step::Row)
        pages.insert(s->text(0), static_cast<int>(s->int64(1)));
    return pages;
}

} // namespace br::test
