#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

namespace br::test {

inline QString dataPath(const QString &relative)
{
    return QStringLiteral(BR_TEST_DATA_DIR "/") + relative;
}

inline QString seedsPath(const QString &relative = QString())
{
    return relative.isEmpty() ? QStringLiteral(BR_SEEDS_DIR)
                              : QStringLiteral(BR_SEEDS_DIR "/") + relative;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test file %s", qPrintable(path));
    return file.readAll();
}

} // namespace br::test
