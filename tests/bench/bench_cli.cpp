// The command line on a large library, each command a process of its own as a user runs it,
// against the sqlite3 shell printing the same columns from the same file:
//   list --json         against  sqlite3 -json  (the list's columns, tags and suggestions)
//   export (CSV)        against  sqlite3 -csv   (the export's columns, places and coverage)
//   report --by county, search --limit 0 --json 扶贫, and start-up (--version)
// Each figure is the median of three runs after one to warm the page cache; memory is the peak
// resident set of the process (wait4). Prints one line:
//   articles=… list_seconds=… list_rss_mb=… sqlite3_json_seconds=… list_ratio=… export_seconds=…
//   export_rss_mb=… sqlite3_csv_seconds=… export_ratio=… report_county_seconds=…
//   report_rss_mb=… search_seconds=… search_rss_mb=… startup_ms=…
// Usage: bench_cli LIBRARY_FILE   (made by bench_scale, e.g. `bench_scale 100000 FILE`)

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <vector>

extern char **environ;

namespace {

struct Run
{
    double seconds = 0;
    double rssMb = 0;
};

// One run of `argv` with stdout to /dev/null and stdin from `input` (or /dev/null).
Run runOnce(const std::vector<std::string> &argv, const std::string &input)
{
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, input.empty() ? "/dev/null" : input.c_str(),
                                     O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    std::vector<char *> args;
    for (const std::string &a : argv)
        args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    if (posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ) != 0)
        qFatal("cannot run %s", args[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    posix_spawn_file_actions_destroy(&actions);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        qFatal("%s exited with status %d", argv.back().c_str(), status);
    return {static_cast<double>(timer.nsecsElapsed()) / 1e9,
            static_cast<double>(usage.ru_maxrss) / 1024.0};
}

// The median of three runs after a first that warms the page cache.
Run median(const std::vector<std::string> &argv, const std::string &input = {})
{
    runOnce(argv, input);
    std::vector<Run> runs;
    for (int i = 0; i < 3; ++i)
        runs.push_back(runOnce(argv, input));
    std::sort(runs.begin(), runs.end(),
              [](const Run &a, const Run &b) { return a.seconds < b.seconds; });
    return runs[1];
}

void writeFile(const QString &path, const char *text)
{
    FILE *file = std::fopen(path.toLocal8Bit().constData(), "w");
    if (!file)
        qFatal("cannot write %s", qPrintable(path));
    std::fputs(text, file);
    std::fclose(file);
}

qint64 articleCount(const QString &library)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(library.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *s = nullptr;
    sqlite3_prepare_v2(db, "SELECT count(*) FROM article", -1, &s, nullptr);
    const qint64 count = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    sqlite3_close(db);
    return count;
}

// What `list --json` prints, in its order (pages by date, then by page and place on the page).
constexpr const char *kListSql =
    "SELECT a.id, p.file_name AS page, a.page_id, a.ord AS \"order\", a.start_line, a.section, "
    "a.kicker, a.title, "
    "(SELECT json_group_array(campaign_id) FROM article_campaign c WHERE c.article_id = a.id) "
    "AS campaigns, "
    "(SELECT json_group_array(json_object('campaign', campaign_id, 'score', score, 'evidence', "
    "json(evidence))) FROM suggestion g WHERE g.article_id = a.id) AS suggested_campaigns, "
    "(SELECT count(*) FROM annotation n WHERE n.article_id = a.id) AS annotations "
    "FROM article a JOIN page p ON p.id = a.page_id ORDER BY p.pub_date, p.id, a.ord;\n";

// What `export` writes (county and town by code: the shell has no gazetteer).
constexpr const char *kExportSql =
    "SELECT a.id, a.title, "
    "(SELECT group_concat(k.name_zh, '; ') FROM article_campaign c JOIN campaign k "
    " ON k.id = c.campaign_id WHERE c.article_id = a.id) AS campaigns, "
    "(SELECT group_concat(k.name_zh, '; ') FROM suggestion g JOIN campaign k "
    " ON k.id = g.campaign_id WHERE g.article_id = a.id) AS suggested, "
    "v.county, v.town, v.unit, "
    "(SELECT group_concat(name, '; ') FROM (SELECT name FROM article_place ap "
    " WHERE ap.article_id = a.id GROUP BY name ORDER BY min(start_offset))) AS places, "
    "p.publication, p.pub_date, p.page_number, p.file_name, "
    "(SELECT count(*) FROM annotation n WHERE n.article_id = a.id) AS annotations "
    "FROM article a JOIN page p ON p.id = a.page_id "
    "JOIN article_coverage v ON v.article_id = a.id ORDER BY p.pub_date, p.id, a.ord;\n";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2 || !QFileInfo::exists(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "usage: bench_cli LIBRARY_FILE (made by bench_scale)\n");
        return 2;
    }
    const std::string library = argv[1];
    const std::string program = BR_CLI_PATH;
    QTemporaryDir scratch;
    const QString listSql = scratch.filePath(QStringLiteral("list.sql"));
    const QString exportSql = scratch.filePath(QStringLiteral("export.sql"));
    const std::string exported = scratch.filePath(QStringLiteral("out.csv")).toStdString();
    writeFile(listSql, kListSql);
    writeFile(exportSql, kExportSql);

    const Run list = median({program, "--db", library, "list", "--json"});
    const Run shellJson = median({"sqlite3", "-json", library}, listSql.toStdString());
    const Run exportRun = median({program, "--db", library, "export", "-o", exported});
    const Run shellCsv = median({"sqlite3", "-csv", "-header", library}, exportSql.toStdString());
    const Run report = median({program, "--db", library, "report", "--by", "county"});
    const Run search =
        median({program, "--db", library, "search", "--limit", "0", "--json", "扶贫"});
    const Run startup = median({program, "--version"});

    std::printf("articles=%lld list_seconds=%.2f list_rss_mb=%.0f sqlite3_json_seconds=%.2f "
                "list_ratio=%.2f export_seconds=%.2f export_rss_mb=%.0f sqlite3_csv_seconds=%.2f "
                "export_ratio=%.2f report_county_seconds=%.2f report_rss_mb=%.0f "
                "search_seconds=%.2f search_rss_mb=%.0f startup_ms=%.1f\n",
                static_cast<long long>(articleCount(QString::fromStdString(library))), list.seconds,
                list.rssMb, shellJson.seconds, list.seconds / shellJson.seconds, exportRun.seconds,
                exportRun.rssMb, shellCsv.seconds, exportRun.seconds / shellCsv.seconds,
                report.seconds, report.rssMb, search.seconds, search.rssMb, startup.seconds * 1000);
    return 0;
}
