#include "testsupport/CliProcess.h"
#include "testsupport/TestSupport.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
namespace test = br::test;

using Run = br::test::CliRun;
using br::test::runCli;

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString db() const { return m_dir.filePath(u"cli.sqlite3"_s); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void helpAndVersion()
    {
        const Run help = runCli({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(u"segment"_s));
        QVERIFY(help.out.contains(u"import"_s));
        const Run version = runCli({u"--version"_s});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(version.out.startsWith(u"bulletin-reader "_s));
        const Run importHelp = runCli({u"import"_s, u"--help"_s});
        QCOMPARE(importHelp.exitCode, 0);
        QVERIFY(importHelp.out.contains(u"Re-importing"_s));
    }

    // The window is a module the program loads to open it; a command never loads it, and a
    // program without it says which file it looked for instead of opening nothing.
    void theWindowsModuleIsLoadedOnlyForTheWindow()
    {
        const QString lone = m_dir.filePath(u"lone"_s);
        QVERIFY(QDir().mkpath(lone));
        const QString program = lone + u"/bulletin-reader"_s;
        QFile::remove(program);
        QVERIFY(QFile::copy(QStringLiteral(BR_CLI_PATH), program));
        QProcess version;
        version.start(program, {u"--version"_s});
        QVERIFY(version.waitForFinished(30000));
        QCOMPARE(version.exitCode(), 0);
        QProcess window;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"BULLETIN_READER_DB"_s, db());
        window.setProcessEnvironment(env);
        window.start(program, {});
        QVERIFY(window.waitForFinished(30000));
        QCOMPARE(window.exitCode(), 1);
        const QString said = QString::fromUtf8(window.readAllStandardError());
        QVERIFY2(said.contains(u"cannot load the window"_s), qPrintable(said));
        QVERIFY2(said.contains(lone + u"/bulletin-reader-desktop.so"_s), qPrintable(said));
    }

    void usageErrorsExitWithTwo()
    {
        QCOMPARE(runCli({u"frobnicate"_s}).exitCode, 2);
        QCOMPARE(runCli({u"import"_s, u"--db"_s, db()}).exitCode, 2);
        QCOMPARE(runCli({u"segment"_s}).exitCode, 2);
        QCOMPARE(runCli({u"segment"_s, u"--no-such-option"_s}).exitCode, 2);
    }

    void segmentPrintsSpecJson()
    {
        const Run run =
            runCli({u"segment"_s, u"--json"_s, test::seedsPath(u"001_1f928a1e1901fd81.txt"_s)});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject page = doc.object().value(u"pages"_s).toArray().first().toObject();
        QCOMPARE(page.value(u"encoding"_s).toString(), u"UTF-8"_s);
        QCOMPARE(page.value(u"masthead"_s).toArray().size(), 4);
        const QJsonObject first = page.value(u"articles"_s).toArray().first().toObject();
        QCOMPARE(first.value(u"start_line"_s).toInt(), 11);
        QCOMPARE(first.value(u"kicker"_s).toString(), u"以6大项31条共性问题为靶心——"_s);
        QCOMPARE(first.value(u"title"_s).toString(), u"聊城扫黑除恶百日会战全面打响"_s);
        QCOMPARE(first.value(u"suggested_campaigns"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"campaign"_s)
                     .toString(),
                 u"anti-crime"_s);
        QVERIFY(!QFile::exists(db())); // segment touches no library
    }

    void segmentNamesRefusedFile()
    {
        const Run run = runCli({u"segment"_s, u"--json"_s, test::dataPath(u"bad/page.html"_s),
                                test::seedsPath(u"000_d0625b9e1a2b4771.txt"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"page.html: is an HTML document"_s));
        QCOMPARE(
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"pages"_s).toArray().size(),
            1);
    }

    void importTwiceAndList()
    {
        const Run first = runCli({u"--db"_s, db(), u"import"_s, test::seedsPath()});
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains(u"Imported 5 pages"_s), qPrintable(first.out));
        const Run second = runCli({u"--db"_s, db(), u"import"_s, test::seedsPath()});
        QCOMPARE(second.exitCode, 0);
        QVERIFY2(second.out.contains(u"Imported 0 pages"_s), qPrintable(second.out));
        QVERIFY(second.out.contains(u"5 duplicates skipped"_s));

        const Run list = runCli({u"--db"_s, db(), u"list"_s, u"--json"_s});
        QCOMPARE(list.exitCode, 0);
        const QJsonArray articles =
            QJsonDocument::fromJson(list.out.toUtf8()).object().value(u"articles"_s).toArray();
        QVERIFY(articles.size() >= 30);
        const QJsonObject a = articles.first().toObject();
        for (const QString &key : {u"id"_s, u"page"_s, u"title"_s, u"campaigns"_s})
            QVERIFY2(a.contains(key), qPrintable(key));
    }

    // The day's backup is written by the first command of the day that may change the library;
    // one that only reads it copies nothing (a million articles take a minute to copy).
    void onlyAWritingCommandWritesTheDaysBackup()
    {
        const QString path = m_dir.filePath(u"backed.sqlite3"_s);
        QCOMPARE(runCli({u"--db"_s, path, u"import"_s, test::seedsPath()}).exitCode, 0);
        const QString folder = m_dir.filePath(u"backed.backups"_s); // beside the library
        // A new library's import finds nothing to keep yet; a second command of the day would.
        QVERIFY(QDir(folder).removeRecursively());
        const QString csv = m_dir.filePath(u"backed.csv"_s);
        for (const QStringList &reading :
             {QStringList{u"list"_s}, QStringList{u"search"_s, u"扶贫"_s},
              QStringList{u"report"_s, u"--by"_s, u"county"_s},
              QStringList{u"export"_s, u"-o"_s, csv}}) {
            const Run run = runCli(QStringList{u"--db"_s, path} + reading);
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(!QDir(folder).exists(), qPrintable(reading.join(u' ')));
        }
        const Run tag = runCli({u"--db"_s, path, u"tag"_s, u"1"_s, u"anti-crime"_s});
        QCOMPARE(tag.exitCode, 0);
        QVERIFY(!QDir(folder).entryList({u"*.sqlite3"_s}, QDir::Files).isEmpty());
    }

    void searchPrintsHitsAsJson()
    {
        const Run run =
            runCli({u"--db"_s, db(), u"search"_s, u"--json"_s, u"--"_s, u"扫黑除恶"_s, u"-卫计"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject doc = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(doc.value(u"total"_s).toInt() >= 2);
        const QJsonObject hit = doc.value(u"hits"_s).toArray().first().toObject();
        for (const QString &key : {u"article"_s, u"title"_s, u"page"_s, u"snippet"_s})
            QVERIFY2(hit.contains(key), qPrintable(key));
        QVERIFY(hit.value(u"snippet"_s).toString().contains(u"«扫黑除恶»"_s));
        QCOMPARE(runCli({u"--db"_s, db(), u"search"_s}).exitCode, 2);
        const Run none = runCli({u"--db"_s, db(), u"search"_s, u"--json"_s, u"NEAR(\"龘\""_s});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(none.out.toUtf8()).object().value(u"total"_s).toInt(), 0);
    }

    void reportCountsByCountyAsJsonAndCsv()
    {
        const Run run = runCli({u"--db"_s, db(), u"report"_s, u"--by"_s, u"county"_s,
                                u"--suggested"_s, u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows =
            QJsonDocument::fromJson(run.out.toUtf8()).object().value(u"rows"_s).toArray();
        bool found = false;
        for (const QJsonValue &v : rows) {
            const QJsonObject row = v.toObject();
            if (row.value(u"code"_s).toString() == u"371522"_s &&
                row.value(u"campaign"_s).toString() == u"poverty-relief"_s) {
                found = true;
                QCOMPARE(row.value(u"key"_s).toString(), u"莘县"_s);
                QVERIFY(row.value(u"articles"_s).toInt() >= 5);
            }
        }
        QVERIFY(found);
        const QString csv = m_dir.filePath(u"report.csv"_s);
        QCOMPARE(
            runCli({u"--db"_s, db(), u"report"_s, u"--format"_s, u"csv"_s, u"-o"_s, csv}).exitCode,
            0);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readLine().startsWith("key,code,campaign,articles,suggested"));
        QCOMPARE(runCli({u"--db"_s, db(), u"report"_s, u"--by"_s, u"weather"_s}).exitCode, 2);
        const Run again = runCli({u"--db"_s, db(), u"reanalyze"_s});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(u"Places and units found again for"_s), qPrintable(again.out));
        QCOMPARE(runCli({u"--db"_s, db(), u"report"_s, u"--format"_s, u"pdf"_s}).exitCode, 2);
    }

    void reportByTownAndUnitAndAsXlsxAndPdf()
    {
        const Run towns = runCli({u"--db"_s, db(), u"report"_s, u"--by"_s, u"town"_s,
                                  u"--suggested"_s, u"--campaign"_s, u"poverty-relief"_s});
        QCOMPARE(towns.exitCode, 0);
        int yanta = 0;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(towns.out.toUtf8()).object().value(u"rows"_s).toArray()) {
            const QJsonObject row = v.toObject();
            QCOMPARE(row.value(u"campaign"_s).toString(), u"poverty-relief"_s);
            if (row.value(u"code"_s).toString() == u"371522001"_s) {
                QCOMPARE(row.value(u"key"_s).toString(), u"莘县燕塔街道"_s);
                yanta = row.value(u"articles"_s).toInt();
            }
        }
        QCOMPARE(yanta, 3); // 干部帮包, 重在“造血”, 文化精准扶贫
        const Run units = runCli({u"--db"_s, db(), u"report"_s, u"--by"_s, u"unit"_s,
                                  u"--suggested"_s, u"--format"_s, u"csv"_s});
        QCOMPARE(units.exitCode, 0);
        QVERIFY2(units.out.contains(u"聊城市第四人民医院,,anti-crime,1,1"_s),
                 qPrintable(units.out));

        const QString xlsx = m_dir.filePath(u"coverage.xlsx"_s);
        QCOMPARE(runCli({u"--db"_s, db(), u"report"_s, u"--by"_s, u"county"_s, u"--format"_s,
                         u"xlsx"_s, u"-o"_s, xlsx})
                     .exitCode,
                 0);
        QProcess unzip;
        unzip.start(u"unzip"_s, {u"-p"_s, xlsx, u"xl/worksheets/sheet1.xml"_s});
        QVERIFY(unzip.waitForFinished());
        QCOMPARE(unzip.exitCode(), 0);
        const QString sheet = QString::fromUtf8(unzip.readAllStandardOutput());
        QVERIFY(sheet.contains(u"<sheetData>"_s));
        // Every column its own width, from what it holds: one <col> a column, not one for all.
        const qsizetype columns = sheet.count(u"<col "_s);
        QVERIFY2(columns >= 4, qPrintable(sheet.left(600)));
        QVERIFY2(sheet.contains(u"min=\"2\" max=\"2\""_s), qPrintable(sheet.left(600)));
        unzip.start(u"unzip"_s, {u"-p"_s, xlsx, u"xl/sharedStrings.xml"_s});
        QVERIFY(unzip.waitForFinished());
        QVERIFY(QString::fromUtf8(unzip.readAllStandardOutput()).contains(u"莘县"_s));

        const QString pdf = m_dir.filePath(u"coverage.pdf"_s);
        const Run report = runCli({u"--db"_s, db(), u"report"_s, u"--by"_s, u"county"_s,
                                   u"--suggested"_s, u"--format"_s, u"pdf"_s, u"-o"_s, pdf});
        QCOMPARE(report.exitCode, 0);
        const QByteArray bytes = test::readAll(pdf);
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.contains("/Type /Page"));
        QVERIFY(bytes.contains("NotoSansCJK")); // Chinese set in a CJK face, not boxes

        // A failed export leaves what was there.
        const QString missingFolder = m_dir.filePath(u"no/such/folder/report.pdf"_s);
        QCOMPARE(
            runCli({u"--db"_s, db(), u"report"_s, u"--format"_s, u"pdf"_s, u"-o"_s, missingFolder})
                .exitCode,
            1);
        QVERIFY(!QFile::exists(missingFolder));
    }

    void exportWritesTheArticleList()
    {
        const QString csv = m_dir.filePath(u"articles.csv"_s);
        const Run run = runCli(
            {u"--db"_s, db(), u"export"_s, u"--campaign"_s, u"no-such-campaign"_s, u"-o"_s, csv});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(QString::fromUtf8(test::readAll(csv)).count(u"\r\n"_s), 1); // the header only
        const QString xlsx = m_dir.filePath(u"articles.xlsx"_s);
        const Run exported = runCli({u"--db"_s, db(), u"export"_s, u"-o"_s, xlsx});
        QCOMPARE(exported.exitCode, 0);
        QVERIFY(test::readAll(xlsx).startsWith("PK"));
        // Every article a row under the header, the columns sized and the header kept in view.
        QProcess unzip;
        unzip.start(u"unzip"_s, {u"-p"_s, xlsx, u"xl/worksheets/sheet1.xml"_s});
        QVERIFY(unzip.waitForFinished());
        QCOMPARE(unzip.exitCode(), 0);
        const QString sheet = QString::fromUtf8(unzip.readAllStandardOutput());
        const int articles = QRegularExpression(u"(\\d+) articles written"_s)
                                 .match(exported.out + exported.err)
                                 .captured(1)
                                 .toInt();
        QVERIFY(articles > 0);
        QCOMPARE(sheet.count(u"<row "_s), articles + 1);
        QVERIFY(sheet.contains(u"<cols>"_s));
        QVERIFY(sheet.contains(u"<pane "_s));
        QCOMPARE(runCli({u"--db"_s, db(), u"export"_s}).exitCode, 2);
    }

    void scriptedCodingAndHandCorrections()
    {
        const QString lib = m_dir.filePath(u"coding.sqlite3"_s);
        QCOMPARE(runCli({u"--db"_s, lib, u"import"_s, test::seedsPath()}).exitCode, 0);
        const auto show = [&](const QString &id) {
            const Run run = runCli({u"--db"_s, lib, u"article"_s, u"show"_s, id, u"--json"_s});
            if (run.exitCode != 0)
                qFatal("article show %s: %s", qPrintable(id), qPrintable(run.err));
            return QJsonDocument::fromJson(run.out.toUtf8()).object();
        };
        const QJsonObject before = show(u"1"_s);
        QCOMPARE(before.value(u"title"_s).toString(), u"聊城市卫计系统挤压黑恶势力滋生空间"_s);
        QCOMPARE(before.value(u"uuid"_s).toString().size(), 36);

        // Refused with a message, and nothing changes.
        Run run = runCli({u"--db"_s, lib, u"tag"_s, u"1"_s, u"no-such-campaign"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"no campaign or tag 'no-such-campaign'"_s));
        run = runCli({u"--db"_s, lib, u"tag"_s, u"9999"_s, u"anti-crime"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"no article 9999"_s));
        run = runCli({u"--db"_s, lib, u"annotate"_s, u"1"_s, u"--quote"_s, u"不在文中的话"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"does not contain"_s));
        run = runCli({u"--db"_s, lib, u"annotate"_s, u"1"_s, u"--quote"_s, u"黑恶"_s,
                      u"--occurrence"_s, u"999"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"not 999"_s));
        QCOMPARE(show(u"1"_s), before);

        QCOMPARE(runCli({u"--db"_s, lib, u"tag"_s, u"1"_s, u"扫黑除恶"_s}).exitCode, 0);
        QCOMPARE(runCli({u"--db"_s, lib, u"tag"_s, u"2"_s, u"anti-crime CAMPAIGN"_s}).exitCode, 0);
        run = runCli({u"--db"_s, lib, u"annotate"_s, u"2"_s, u"--quote"_s, u"主题党日"_s,
                      u"--note"_s, u"共建活动"_s, u"--colour"_s, u"green"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(runCli({u"--db"_s, lib, u"annotate"_s, u"1"_s, u"--quote"_s, u"黑恶"_s,
                         u"--occurrence"_s, u"2"_s})
                     .exitCode,
                 0);

        run = runCli({u"--db"_s, lib, u"article"_s, u"merge"_s, u"1"_s, u"2"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"annotations 2 exact, 0 to check, 0 orphaned"_s));
        QJsonObject merged = show(u"1"_s);
        QCOMPARE(merged.value(u"uuid"_s), before.value(u"uuid"_s));
        QCOMPARE(merged.value(u"annotations"_s).toArray().size(), 2);
        const QJsonObject note = merged.value(u"annotations"_s).toArray().at(1).toObject();
        QCOMPARE(note.value(u"quote"_s).toString(), u"主题党日"_s);
        QCOMPARE(note.value(u"text"_s).toString(), u"主题党日"_s);
        QCOMPARE(note.value(u"note"_s).toString(), u"共建活动"_s);
        QCOMPARE(note.value(u"color"_s).toString(), u"#b8f2a6"_s);
        QCOMPARE(note.value(u"anchor"_s).toString(), u"exact"_s);
        QCOMPARE(runCli({u"--db"_s, lib, u"article"_s, u"show"_s, u"2"_s}).exitCode, 1);

        // The second story's title is a subhead of the merged article: split it off there.
        const QJsonArray blocks = merged.value(u"blocks"_s).toArray();
        qsizetype at = -1;
        for (qsizetype i = 0; i < blocks.size(); ++i) {
            if (blocks[i].toObject().value(u"text"_s).toString().startsWith(
                    u"聊城市第四人民医院"_s))
                at = i;
        }
        QVERIFY(at > 0);
        run = runCli(
            {u"--db"_s, lib, u"article"_s, u"split"_s, u"1"_s, u"--block"_s, QString::number(at)});
        QCOMPARE(run.exitCode, 0);
        const QString newId = run.out.section(u", "_s, 1, 1).section(u';', 0, 0);
        const QJsonObject split = show(newId);
        QVERIFY(split.value(u"title"_s).toString().startsWith(u"聊城市第四人民医院"_s));
        QCOMPARE(split.value(u"annotations"_s).toArray().size(), 1);
        QCOMPARE(split.value(u"campaigns"_s).toArray().size(), 1);

        run = runCli(
            {u"--db"_s, lib, u"article"_s, u"set"_s, newId, u"--title"_s, u"好支部共建主题党日"_s});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(show(newId).value(u"title"_s).toString(), u"好支部共建主题党日"_s);
        QVERIFY(show(newId).value(u"headline_edited"_s).toBool());
        QCOMPARE(runCli({u"--db"_s, lib, u"article"_s, u"split"_s, newId, u"--block"_s, u"99"_s})
                     .exitCode,
                 1);

        // Its page was corrected by hand: a re-split leaves it, unless asked.
        run = runCli({u"--db"_s, lib, u"reanalyze"_s, u"--split"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"1 pages corrected by hand left as they were"_s),
                 qPrintable(run.out));
        QCOMPARE(show(newId).value(u"title"_s).toString(), u"好支部共建主题党日"_s);
    }

    // Two people code on one computer account ($BULLETIN_READER_USER names each); agreement
    // gives their figures per campaign, as text and as JSON.
    void agreementOfTwoCoders()
    {
        const QString lib = m_dir.filePath(u"agreement.sqlite3"_s);
        QCOMPARE(runCli({u"--db"_s, lib, u"import"_s, test::seedsPath()}).exitCode, 0);
        Run run = runCli({u"--db"_s, lib, u"agreement"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"coded by two people"_s), qPrintable(run.out));
        const auto as = [&](const QString &coder, const QStringList &args) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"BULLETIN_READER_USER"_s, coder);
            const Run r = runCli(QStringList{u"--db"_s, lib} + args, env);
            if (r.exitCode != 0)
                qFatal("%s: %s", qPrintable(args.join(u' ')), qPrintable(r.err));
            return r;
        };
        // li: 1, 2, 3 poverty relief, 4 coded with none; wang: 1 and 4 agree, 2 untagged,
        // 3 anti-crime as well.
        for (const QString &id : {u"1"_s, u"2"_s, u"3"_s})
            as(u"li"_s, {u"tag"_s, id, u"脱贫攻坚"_s});
        QVERIFY(as(u"li"_s, {u"tag"_s, u"4"_s, u"--coded"_s}).out.contains(u"coded by li"_s));
        as(u"wang"_s, {u"tag"_s, u"1"_s, u"--coded"_s});
        as(u"wang"_s, {u"tag"_s, u"4"_s, u"--coded"_s});
        as(u"wang"_s, {u"tag"_s, u"2"_s, u"poverty-relief"_s, u"--remove"_s});
        as(u"wang"_s, {u"tag"_s, u"3"_s, u"anti-crime"_s});
        as(u"wang"_s, {u"tag"_s, u"3"_s, u"--coded"_s});

        run = runCli({u"--db"_s, lib, u"agreement"_s, u"--json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject all = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(all.value(u"coders"_s).toArray(), (QJsonArray{u"li"_s, u"wang"_s}));
        QCOMPARE(all.value(u"articles"_s).toInt(), 4);
        const QJsonArray campaigns = all.value(u"campaigns"_s).toArray();
        QCOMPARE(campaigns.size(), 3);
        // Poverty relief: yes/yes 2 (1, 3), yes/no 1 (2), no/no 1 (4): po 0.75, pe 0.75 * 0.5 +
        // 0.25 * 0.5 = 0.5, kappa 0.5.
        const QJsonObject poverty = campaigns[0].toObject();
        QCOMPARE(poverty.value(u"campaign"_s).toString(), u"poverty-relief"_s);
        QCOMPARE(poverty.value(u"articles"_s).toInt(), 4);
        QCOMPARE(poverty.value(u"kappa"_s).toDouble(), 0.5);
        QCOMPARE(
            poverty.value(u"confusion"_s).toObject(),
            (QJsonObject{{u"yes_yes"_s, 2}, {u"yes_no"_s, 1}, {u"no_yes"_s, 0}, {u"no_no"_s, 1}}));
        QCOMPARE(poverty.value(u"disagreements"_s).toArray(), QJsonArray{2});
        // Anti-crime: only wang, on 3 (and the analysis suggests it on 1 and 2: a suggestion is
        // nobody's judgment).
        const QJsonObject crime = campaigns[1].toObject();
        QCOMPARE(crime.value(u"confusion"_s).toObject().value(u"no_yes"_s).toInt(), 1);
        QCOMPARE(crime.value(u"disagreements"_s).toArray(), QJsonArray{3});
        QCOMPARE(crime.value(u"kappa"_s).toDouble(), 0.0);
        // No variation: no kappa.
        QVERIFY(campaigns[2].toObject().value(u"kappa"_s).isNull());

        run = runCli({u"--db"_s, lib, u"agreement"_s, u"--campaign"_s, u"扫黑除恶"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"Coders: li, wang; 4 articles coded by both."_s),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"anti-crime 扫黑除恶"_s), qPrintable(run.out));
        QVERIFY(!run.out.contains(u"poverty-relief"_s));
        run = runCli({u"--db"_s, lib, u"agreement"_s, u"--campaign"_s, u"nothing"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(run.err.contains(u"no campaign or tag 'nothing'"_s));
    }

    void recordGoesOutAndComesBack()
    {
        const QString lib = m_dir.filePath(u"record-out.sqlite3"_s);
        QCOMPARE(runCli({u"--db"_s, lib, u"import"_s, test::seedsPath()}).exitCode, 0);
        QCOMPARE(runCli({u"--db"_s, lib, u"tag"_s, u"1"_s, u"anti-crime"_s}).exitCode, 0);
        QCOMPARE(runCli({u"--db"_s, lib, u"annotate"_s, u"1"_s, u"--quote"_s, u"医闹线索6条"_s,
                         u"--note"_s, u"=HYPERLINK(\"x\")"_s})
                     .exitCode,
                 0);
        const QString csv = m_dir.filePath(u"notes.csv"_s);
        Run run = runCli({u"--db"_s, lib, u"export"_s, u"--notes"_s, u"-o"_s, csv});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(u"1 highlights written"_s));
        const QString notes = QString::fromUtf8(test::readAll(csv));
        QVERIFY(notes.contains(u"医闹线索6条"_s));
        QVERIFY(notes.contains(u"'=HYPERLINK"_s)); // a note is text, never a formula
        run = runCli(
            {u"--db"_s, lib, u"export"_s, u"--notes"_s, u"-o"_s, m_dir.filePath(u"x.qdpx"_s)});
        QCOMPARE(run.exitCode, 2);
        const QString jsonld = m_dir.filePath(u"record.jsonld"_s);
        QCOMPARE(runCli({u"--db"_s, lib, u"export"_s, u"-o"_s, jsonld}).exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(test::readAll(jsonld)).object().value(u"total"_s).toInt(),
                 2);
        // The PDF report lists the notes on a page of their own, unless asked not to.
        const auto pages = [&](const QStringList &extra) {
            const QString pdf = m_dir.filePath(u"notes-report.pdf"_s);
            const Run made = runCli(
                QStringList{u"--db"_s, lib, u"report"_s, u"--format"_s, u"pdf"_s, u"-o"_s, pdf} +
                extra);
            if (made.exitCode != 0)
                qFatal("report: %s", qPrintable(made.err));
            return QString::fromLatin1(test::readAll(pdf))
                .count(QRegularExpression(u"/Type /Page[^s]"_s));
        };
        QCOMPARE(pages({}), pages({u"--no-notes"_s}) + 1);
        const QString qdpx = m_dir.filePath(u"record.qdpx"_s);
        QCOMPARE(runCli({u"--db"_s, lib, u"export"_s, u"-o"_s, qdpx}).exitCode, 0);
        const QString back = m_dir.filePath(u"record-back.sqlite3"_s);
        run = runCli({u"--db"_s, back, u"import"_s, qdpx});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"1 highlights, 0 new tags"_s), qPrintable(run.out));
        run = runCli({u"--db"_s, back, u"import"_s, test::seedsPath(u"000_d0625b9e1a2b4771.txt"_s),
                      m_dir.filePath(u"notes.csv"_s).replace(u".csv"_s, u".qdpx"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"notes.qdpx"_s), qPrintable(run.err));
    }

    void libraryFromEnvironment()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString file = m_dir.filePath(u"env.sqlite3"_s);
        env.insert(u"BULLETIN_READER_DB"_s, file);
        const Run run = runCli({u"import"_s, test::seedsPath(u"003_87001ad0ac9e6170.txt"_s)}, env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(QFile::exists(file));
        QVERIFY(run.out.contains(file));
    }

    void libraryIsPrivateAndNeedsAHome()
    {
        // Created under the usual umask 022, a library is still its owner's alone.
        const mode_t before = ::umask(022);
        const QString file = m_dir.filePath(u"private/notes.sqlite3"_s);
        QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
        const Run made =
            runCli({u"--db"_s, file, u"import"_s, test::seedsPath(u"003_87001ad0ac9e6170.txt"_s)});
        ::umask(before);
        QCOMPARE(made.exitCode, 0);
        QCOMPARE(QFile::permissions(file), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ReadUser | QFileDevice::WriteUser);
        // Without HOME there is no default place: said, and nothing is made in "//.local".
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &name : {u"HOME"_s, u"XDG_DATA_HOME"_s, u"BULLETIN_READER_DB"_s})
            env.remove(name);
        const Run homeless = runCli({u"list"_s}, env);
        QCOMPARE(homeless.exitCode, 1);
        QVERIFY2(homeless.err.contains(u"HOME is not set"_s), qPrintable(homeless.err));
    }

    void importReportsEachRefusalAndExitsWithOne()
    {
        const QString file = m_dir.filePath(u"bad.sqlite3"_s);
        const Run run = runCli({u"--db"_s, file, u"import"_s, test::dataPath(u"bad"_s),
                                test::seedsPath(u"004_a1b20d376ccfc04f.txt"_s)});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.out.contains(u"Imported 1 page with"_s), qPrintable(run.out));
        QVERIFY(run.err.contains(u"empty.txt: is empty"_s));
        QVERIFY(run.err.contains(u"mixed_encodings.txt: mixes encodings"_s));
        QVERIFY(run.err.contains(u"nul_bytes.txt: contains NUL bytes"_s));
        QVERIFY(run.err.contains(u"page.html: is an HTML document"_s));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
