#pragma once

#include <QByteArray>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <functional>

namespace br {
class Library;
struct ReadPage;
} // namespace br

namespace br::bench {

// Makes new bulletin pages out of the seed pages' articles: shuffled stories, other blank-line
// rhythms and indents, some pages in GB18030 and traditional Big5, so that every figure is measured
// on text that looks like the real thing.
class PageGenerator
{
public:
    PageGenerator(const QString &seedsDir, quint32 seed);

    // The bytes of page number `index` (distinct for every index) and the encoding used.
    QByteArray page(int index, QString *encoding = nullptr);

    // Reads generated pages from number `first` on and hands them to `store` in the importer's
    // batches (Importer::kBatchCharacters of text each) until they hold `articles` articles;
    // false when `store` fails. Returns the number of articles made.
    qint64 inBatches(int first, qint64 articles,
                     const std::function<bool(const QList<const ReadPage *> &)> &store);

private:
    QList<QStringList> m_articles; // the seed articles, as their printed lines
    QRandomGenerator m_random;
};

// Tops `library` up to `wanted` articles with pages made from `seedsDir` (generator seed 100000,
// as every benchmark's large library is made, so that one file serves them all), in the
// importer's batches. False when a batch could not be stored.
bool fillLibrary(Library &library, const QString &seedsDir, qint64 wanted);

} // namespace br::bench
