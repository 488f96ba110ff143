#pragma once

// A library file read with SQLite itself, for the tests that check what a restore, a failed write
// or a killed import left behind.
#include <QFile>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <sqlite3.h>

namespace br::test {

// Every row of every ordinary table of a library file, in order.
inline QStringList dumpOf(const QString &file)
{
    using namespace Qt::StringLiterals;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(file).constData(), &db, SQLITE_OPEN_READONLY, nullptr) !=
        SQLITE_OK)
        qFatal("cannot open %s", qPrintable(file));
    QStringList tables;
    sqlite3_stmt *s = nullptr;
    // The search index's own tables are left out: they hold the tokenizer's output, and the
    // index is checked by searching it.
    sqlite3_prepare_v2(db,
                       "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE "
                       "'CREATE VIRTUAL%' AND name NOT LIKE 'article_fts%' AND name NOT LIKE "
                       "'article_chars%' ORDER BY name",
                       -1, &s, nullptr);
    while (sqlite3_step(s) == SQLITE_ROW)
        tables.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(s, 0))));
    sqlite3_finalize(s);
    QStringList rows;
    for (const QString &table : tables) {
        const QByteArray sql = "SELECT * FROM \"" + table.toUtf8() + "\" ORDER BY 1, 2";
        sqlite3_prepare_v2(db, sql.constData(), -1, &s, nullptr);
        while (sqlite3_step(s) == SQLITE_ROW) {
            QStringList cells{table};
            for (int c = 0; c < sqlite3_column_count(s); ++c) {
                const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, c));
                cells.append(text ? QString::fromUtf8(text) : u"NULL"_s);
            }
            rows.append(cells.join(u'\x1f'));
        }
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return rows;
}

} // namespace br::test
