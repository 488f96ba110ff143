#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace br {

class Library;

// A REFI-QDA project (.qdpx) as read: its codes, notes, users and text sources with their
// selections and codings. Positions count code points, end exclusive.
struct QdpxProjectData
{
    struct Code
    {
        QString guid;
        QString name;
        QString color;
        QString parentGuid;
    };
    struct Selection
    {
        QString guid;
        qsizetype start = 0;
        qsizetype end = 0;
        QStringList codes; // guids
        QStringList notes; // guids
        QString description;
        QString user; // guid
        QString created;
    };
    struct Source
    {
        QString guid;
        QString name;
        QString text;
        QStringList codes; // codings of the whole source
        QStringList notes;
        QList<Selection> selections;
    };
    QHash<QString, Code> codes;
    QHash<QString, QString> notes; // guid → text
    QHash<QString, QString> users; // guid → name
    QList<Source> sources;
    QStringList refused; // what the project holds that cannot be brought in, in words

    // Reads the archive's project.qde and the text sources it names. An archive that is no
    // REFI-QDA project, or whose XML is broken, is refused whole.
    static Result<QdpxProjectData> read(const QByteArray &zipBytes);
};

// What a REFI-QDA import brought in.
struct QdpxImportReport
{
    int pages = 0;
    int articles = 0;
    int tags = 0;
    int annotations = 0;
    int duplicates = 0;
    QStringList refused;
};

// Brings a REFI-QDA project's text sources in as new pages (split and analysed like any page),
// its codes as campaigns (matched by name or by the guids this program gives them) or own tags,
// codings of a whole source as tags of its articles, and every other coded selection as a
// highlight on the article it falls in (found with the same anchoring that survives re-splits),
// with its notes; a selection's codes tag its article too. Nothing is written when the project
// cannot be read.
Result<QdpxImportReport> importQdpx(Library &library, const QString &path);

} // namespace br
