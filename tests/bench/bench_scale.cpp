// An archive of a million articles: a library of N articles made by the page generator (as
// bench_search makes them; an existing LIBRARY_FILE is reused and topped up), then, on a connection
// opened afresh: how long the open takes, search (a fixed mix of 1-, 2- and 4-character terms and
// two-term queries, first 20 hits, five rounds), terms with punctuation (their own mix, checked
// against the texts, three rounds), the report by county, and a walk over the whole list (what
// `list` and `export` read). Prints one line:
//   articles=… db_mb=… open_seconds=… search_p50_ms=… search_p95_ms=… slowest_query=…
//   slowest_query_p50_ms=… punctuated_p50_ms=… punctuated_max_ms=… report_county_seconds=…
//   report_rows=… list_walk_seconds=… peak_rss_mb=…
// (the slowest query: the one whose median of the five rounds is highest). With BENCH_SCALE_EACH
// set, a line before it for every query: query=… p50_ms=… max_ms=… (query=… ms=… found=… for
// those with punctuation). BENCH_SCALE_QUERIES (queries split on commas), to profile them:
// searches those instead of the mix, in 40 rounds, and prints their lines alone.
// Usage: bench_scale [ARTICLES=1000000] [LIBRARY_FILE]

#include "BenchSupport.h"
#include "PageGenerator.h"

#include "exchange/CoverageTable.h"
#include "library/Library.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <map>
#include <vector>

using namespace br;
using bench::peakRssMb;
using bench::percentile;
using namespace Qt::StringLiterals;

namespace {

double secondsOf(const QElapsedTimer &timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const qint64 wanted = argc > 1 ? QString::fromLocal8Bit(argv[1]).toLongLong() : 1000000;
    QTemporaryDir dir;
    const QString path =
        argc > 2 ? QString::fromLocal8Bit(argv[2]) : dir.filePath(u"scale.sqlite3"_s);
    {
        Result<std::unique_ptr<Library>> made = Library::open(path);
        if (!made) {
            std::fprintf(stderr, "%s\n", qPrintable(made.errorMessage()));
            return 1;
        }
        if (!bench::fillLibrary(*made.value(), QStringLiteral(BR_SEEDS_DIR), wanted)) {
            std::fprintf(stderr, "cannot store the generated pages\n");
            return 1;
        }
    }

    QElapsedTimer timer;
    timer.start();
    Result<std::unique_ptr<Library>> opened = Library::open(path);
    if (!opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.errorMessage()));
        return 1;
    }
    Library &library = *opened.value();
    const qint64 articles = library.articleCount().value();
    const double openSeconds = secondsOf(timer);

    QStringList mix{u"县"_s,       u"镇"_s,        u"贫"_s,        u"党"_s,
                    u"扶贫"_s,     u"创城"_s,      u"涉黑"_s,      u"莘县"_s,
                    u"医院"_s,     u"扫黑除恶"_s,  u"精准扶贫"_s,  u"文明城市"_s,
                    u"卫生健康"_s, u"扶贫 莘县"_s, u"医院 党建"_s, u"创城 志愿者"_s};
    const QString only = qEnvironmentVariable("BENCH_SCALE_QUERIES");
    if (!only.isEmpty())
        mix = only.split(u',');
    const int rounds = only.isEmpty() ? 5 : 40;
    // One search for the first 20 hits, its milliseconds added to `into`; `total` its hits.
    const auto timedSearch = [&](const QString &query, std::vector<double> &into, int &total) {
        timer.restart();
        if (!library.search(query, QString(), 20, &total))
            return false;
        into.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        return true;
    };
    std::vector<double> searchMs;
    std::map<QString, std::vector<double>> msByQuery;
    for (int round = 0; round < rounds; ++round) {
        for (const QString &query : mix) {
            int total = 0;
            if (!timedSearch(query, searchMs, total))
                return 1;
            msByQuery[query].push_back(searchMs.back());
        }
    }
    QString slowest;
    double slowestMs = 0;
    const bool eachQuery = qEnvironmentVariableIsSet("BENCH_SCALE_EACH") || !only.isEmpty();
    for (const auto &[query, ms] : msByQuery) {
        const double median = percentile(ms, 0.5);
        if (eachQuery)
            std::printf("query=%s p50_ms=%.1f max_ms=%.1f\n",
                        qPrintable(QString(query).replace(u' ', u'+')), median,
                        *std::max_element(ms.begin(), ms.end()));
        if (median > slowestMs) {
            slowest = query;
            slowestMs = median;
        }
    }

    if (!only.isEmpty())
        return 0;

    // Terms with punctuation or spaces, which the text of each article the index finds decides:
    // timed apart from the mix (three rounds), the longest as well.
    const QStringList punctuated{u"扶贫，"_s, u"扫黑除恶，"_s, u"扶贫、莘县"_s, u"\"扶贫 工作\""_s,
                                 u"大学。学生"_s};
    std::vector<double> punctuatedMs;
    for (int round = 0; round < 3; ++round) {
        for (const QString &query : punctuated) {
            int total = 0;
            if (!timedSearch(query, punctuatedMs, total))
                return 1;
            if (eachQuery && round == 2)
                std::printf("query=%s ms=%.1f found=%d\n",
                            qPrintable(QString(query).replace(u' ', u'+')), punctuatedMs.back(),
                            total);
        }
    }

    timer.restart();
    const Result<CoverageTable> byCounty = CoverageTable::build(library, u"county"_s);
    if (!byCounty)
        return 1;
    const double reportSeconds = secondsOf(timer);

    timer.restart();
    qint64 walked = 0;
    if (!library
             .forEachArticle({},
                             [&](ArticleSummary &) {
                                 ++walked;
                                 return true;
                             })
             .ok() ||
        walked != articles)
        return 1;
    const double walkSeconds = secondsOf(timer);

    const double dbMb =
        static_cast<double>(QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size()) /
        1048576.0;
    std::printf("articles=%lld db_mb=%.0f open_seconds=%.2f search_p50_ms=%.1f "
                "search_p95_ms=%.1f slowest_query=%s slowest_query_p50_ms=%.1f "
                "punctuated_p50_ms=%.1f punctuated_max_ms=%.1f "
                "report_county_seconds=%.2f report_rows=%lld list_walk_seconds=%.2f "
                "peak_rss_mb=%.0f\n",
                static_cast<long long>(articles), dbMb, openSeconds, percentile(searchMs, 0.5),
                percentile(searchMs, 0.95), qPrintable(QString(slowest).replace(u' ', u'+')),
                slowestMs, percentile(punctuatedMs, 0.5),
                *std::max_element(punctuatedMs.begin(), punctuatedMs.end()), reportSeconds,
                static_cast<long long>(byCounty->rows.size()), walkSeconds, peakRssMb());
    return 0;
}
