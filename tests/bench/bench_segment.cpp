// How fast pages are read: decoded, split and analysed as `segment` and the importer do it, on one
// thread. Five figures, each measured in a process of its own so that its peak memory is its own:
//   throughput  generated pages (the seed articles reshuffled, some in GB18030 and Big5): MB/s
//   oneline     30 MB of real page text on ONE line (the seed text with its line breaks removed)
//   concat      30 MB holding some 16,000 articles (the seed pages one after another, 470 times)
//   lines       600,000 distinct lines (about 45 MB): pieces of the seed text, each numbered
//   hanzi       30 MB of random Chinese characters (drawn from the seeds' own) in lines of 20–200
// Each large file is also imported into a new library: seconds and peak memory. The split is
// linear in the length: `lines` at 600,000 lines takes ten times what 60,000 take.
//
// usage: bench_segment [PAGES]      (every figure; default 2000 generated pages), or one of them:
//        bench_segment throughput PAGES | oneline | concat | lines [LINES] | hanzi
#include "BenchSupport.h"
#include "PageGenerator.h"

#include "library/Importer.h"
#include "library/Library.h"
#include "library/PageReader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <cstdio>

using namespace br;

namespace {

constexpr qsizetype kLargeBytes = 30 * 1024 * 1024;

QByteArray seedText(bool keepLineBreaks)
{
    QByteArray all;
    const QDir seeds(QStringLiteral(BR_SEEDS_DIR));
    for (const QString &name :
         seeds.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        QFile file(seeds.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(name));
        QByteArray bytes = file.readAll();
        if (!keepLineBreaks) {
            bytes.replace('\r', QByteArray());
            bytes.replace('\n', QByteArray());
        } else {
            bytes.append("\n\n");
        }
        all += bytes;
    }
    return all;
}

int throughput(int pages)
{
    bench::PageGenerator generator(QStringLiteral(BR_SEEDS_DIR), 20261201);
    std::vector<QByteArray> texts;
    qint64 bytes = 0;
    for (int i = 0; i < pages; ++i) {
        texts.push_back(generator.page(i));
        bytes += texts.back().size();
    }
    const PageReader reader;
    QElapsedTimer timer;
    timer.start();
    qsizetype articles = 0;
    for (const QByteArray &text : texts) {
        Result<ReadPage> read = reader.readBytes(QStringLiteral("page.txt"), text);
        if (!read)
            qFatal("a generated page was refused: %s", qPrintable(read.errorMessage()));
        articles += read->page.articles.size();
    }
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
    std::printf("pages=%d articles=%lld mb=%.1f segment_seconds=%.2f segment_mb_per_s=%.2f\n",
                pages, static_cast<long long>(articles), mb, seconds, mb / seconds);
    return 0;
}

QByteArray repeated(const QByteArray &unit)
{
    QByteArray text;
    text.reserve(kLargeBytes + unit.size());
    while (text.size() < kLargeBytes)
        text += unit;
    return text;
}

// Distinct lines, as a hostile page of a million lines has them: no two alike.
QByteArray distinctLines(int count)
{
    const QString seeds = QString::fromUtf8(seedText(false));
    QRandomGenerator random(20261201);
    QString text;
    for (int i = 0; i < count; ++i) {
        const int length = 8 + random.bounded(32);
        text += seeds.mid(random.bounded(static_cast<int>(seeds.size()) - length), length) +
                QString::number(i) + u'\n';
    }
    return text.toUtf8();
}

QByteArray randomHanzi()
{
    const QString seeds = QString::fromUtf8(seedText(false));
    QList<QChar> hanzi;
    for (const QChar c : seeds) {
        if (c.script() == QChar::Script_Han)
            hanzi.append(c);
    }
    QRandomGenerator random(20261201);
    QByteArray text;
    while (text.size() < kLargeBytes) {
        QString line;
        for (int n = 20 + random.bounded(181); n > 0; --n)
            line += hanzi[random.bounded(static_cast<int>(hanzi.size()))];
        text += line.toUtf8() + '\n';
    }
    return text;
}

int large(const char *name, QByteArray text)
{
    const qsizetype bytes = text.size();
    const PageReader reader;
    QElapsedTimer timer;
    timer.start();
    Result<ReadPage> read = reader.readBytes(QStringLiteral("large.txt"), text);
    if (!read)
        qFatal("the large page was refused: %s", qPrintable(read.errorMessage()));
    const double splitSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const qsizetype articles = read->page.articles.size();
    const double splitRss = bench::peakRssMb();
    read = Error{};

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("large.txt"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        qFatal("cannot write the large page");
    file.close();
    text = QByteArray();
    Result<std::unique_ptr<Library>> library =
        Library::open(dir.filePath(QStringLiteral("large.sqlite3")));
    if (!library)
        qFatal("%s", qPrintable(library.errorMessage()));
    timer.restart();
    const ImportReport report = Importer(*library.value()).importPaths({path});
    const double importSeconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (report.pagesImported != 1)
        qFatal("the large page was not imported");
    std::printf("%s_mb=%.1f %s_articles=%lld %s_split_seconds=%.2f %s_split_peak_rss_mb=%.0f "
                "%s_import_seconds=%.2f %s_peak_rss_mb=%.0f\n",
                name, static_cast<double>(bytes) / (1024.0 * 1024.0), name,
                static_cast<long long>(articles), name, splitSeconds, name, splitRss, name,
                importSeconds, name, bench::peakRssMb());
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString mode = args.value(1);
    if (mode == QLatin1StringView("throughput"))
        return throughput(args.value(2, QStringLiteral("2000")).toInt());
    if (mode == QLatin1StringView("oneline"))
        return large("oneline", repeated(seedText(false)));
    if (mode == QLatin1StringView("concat"))
        return large("concat", repeated(seedText(true)));
    if (mode == QLatin1StringView("lines"))
        return large("lines", distinctLines(args.value(2, QStringLiteral("600000")).toInt()));
    if (mode == QLatin1StringView("hanzi"))
        return large("hanzi", randomHanzi());

    // Each figure in a process of its own; their lines joined into one.
    const QString pages = mode.isEmpty() ? QStringLiteral("2000") : mode;
    QStringList figures;
    for (const QStringList &child :
         {QStringList{QStringLiteral("throughput"), pages}, QStringList{QStringLiteral("oneline")},
          QStringList{QStringLiteral("concat")}, QStringList{QStringLiteral("lines")},
          QStringList{QStringLiteral("hanzi")}}) {
        QProcess process;
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(QCoreApplication::applicationFilePath(), child);
        if (!process.waitForFinished(-1) || process.exitCode() != 0)
            qFatal("bench_segment %s failed", qPrintable(child.front()));
        figures.append(QString::fromUtf8(process.readAllStandardOutput()).trimmed());
    }
    std::printf("%s\n", qPrintable(figures.join(QLatin1Char(' '))));
    return 0;
}
