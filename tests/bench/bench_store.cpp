// The store on its two engines side by side: the same generated pages (N articles, shuffled seed
// stories) imported in the importer's batches into a new file and into a new database on a
// PostgreSQL server, then the same mix of 1-, 2- and 4-character and two-term queries on each.
// Prints one line per store:
//   store=file articles=… import_seconds=… articles_per_second=… search_p50_ms=… search_p95_ms=…
//   store=server …
// Usage: bench_store [ARTICLES=100000] [SERVER_URL]   SERVER_URL: an empty database on a server
// (postgresql://USER@/DBNAME?host=SOCKETDIR); without it only the file is measured.

#include "BenchSupport.h"
#include "PageGenerator.h"

#include "library/Importer.h"
#include "library/Library.h"
#include "library/PageReader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <vector>

using namespace br;
using bench::percentile;
using namespace Qt::StringLiterals;

namespace {

struct Measured
{
    QString name;
    std::unique_ptr<Library> library;
    double importSeconds = 0;
    std::vector<double> searchMs;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 wanted = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 100000;
    QTemporaryDir dir;
    QList<std::pair<QString, QString>> places{{u"file"_s, dir.filePath(u"store.sqlite3"_s)}};
    if (argc > 2)
        places.append({u"server"_s, QString::fromLocal8Bit(argv[2])});
    std::vector<Measured> stores;
    for (const auto &[name, location] : places) {
        Result<std::unique_ptr<Library>> opened = Library::open(location);
        if (!opened) {
            std::fprintf(stderr, "%s\n", qPrintable(opened.errorMessage()));
            return 1;
        }
        if (opened.value()->pageCount().value() > 0) {
            std::fprintf(stderr, "%s is not empty\n", qPrintable(location));
            return 1;
        }
        stores.push_back(Measured{name, std::move(opened).value(), 0, {}});
    }

    bench::PageGenerator generator(QStringLiteral(BR_SEEDS_DIR), 100000);
    QElapsedTimer timer;
    const qint64 articles =
        generator.inBatches(0, wanted, [&](const QList<const ReadPage *> &pages) {
            for (Measured &store : stores) {
                timer.restart();
                if (!store.library->addPages(pages)) {
                    std::fprintf(stderr, "cannot store the pages in %s\n", qPrintable(store.name));
                    return false;
                }
                store.importSeconds += static_cast<double>(timer.nsecsElapsed()) / 1e9;
            }
            return true;
        });
    if (articles < 0)
        return 1;

    const QStringList mix{u"县"_s,       u"镇"_s,        u"贫"_s,        u"党"_s,
                          u"扶贫"_s,     u"创城"_s,      u"涉黑"_s,      u"莘县"_s,
                          u"医院"_s,     u"扫黑除恶"_s,  u"精准扶贫"_s,  u"文明城市"_s,
                          u"卫生健康"_s, u"扶贫 莘县"_s, u"医院 党建"_s, u"创城 志愿者"_s};
    for (int round = 0; round < 5; ++round) {
        for (const QString &query : mix) {
            for (Measured &store : stores) {
                timer.restart();
                int total = 0;
                if (!store.library->search(query, QString(), 20, &total))
                    return 1;
                store.searchMs.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
                if (qEnvironmentVariableIsSet("BR_BENCH_VERBOSE"))
                    std::fprintf(stderr, "store=%s query=%s total=%d ms=%.1f\n",
                                 qPrintable(store.name), qPrintable(query), total,
                                 store.searchMs.back());
            }
        }
    }
    for (const Measured &store : stores) {
        std::printf("store=%s articles=%lld import_seconds=%.1f articles_per_second=%.0f "
                    "search_p50_ms=%.1f search_p95_ms=%.1f\n",
                    qPrintable(store.name), static_cast<long long>(articles), store.importSeconds,
                    static_cast<double>(articles) / store.importSeconds,
                    percentile(store.searchMs, 0.5), percentile(store.searchMs, 0.95));
    }
    return 0;
}
