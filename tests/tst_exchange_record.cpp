// The record leaving the program and coming back: notes as CSV, W3C Web Annotation parsed back
// field by field, a REFI-QDA project checked against the REFI-QDA schemas by two validators and
// imported again with the same codings, and projects that must be refused.

#include "exchange/CodedRecord.h"
#include "exchange/QdpxImport.h"
#include "exchange/QdpxProject.h"
#include "exchange/Tabular.h"
#include "exchange/W3cAnnotations.h"
#include "exchange/ZipArchive.h"
#include "library/ArticleEditor.h"
#include "library/Importer.h"
#include "library/Library.h"
#include "library/PageReader.h"
#include "testsupport/LibrarySupport.h"
#include "testsupport/TestSupport.h"
#include "text/CodePoints.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace br;
using br::test::highlight;
using br::test::openLibrary;
using namespace Qt::StringLiterals;

namespace {

const QString kAstralPage = u"扶贫攻坚专版\n\n\n"
                            u"𠀀村电商扶贫走出新路\n\n"
                            u"□ 本报记者 李强\n\n"
                            u"在𠀀村，合作社把农产品搬上网店，贫困户足不出户就能把土鸡蛋卖到全国"
                            u"各地，电商扶贫让山里的好东西走出了大山。\n\n"
                            u"如今，全村已有三十多户开起了网店。\n"_s;

QByteArray written(const std::function<Status(QIODevice &)> &write)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (Status s = write(buffer); !s)
        qFatal("writing failed: %s", qPrintable(s.errorMessage()));
    return bytes;
}

// Runs a validator; its exit status and what it said.
std::pair<int, QString> run(const QString &program, const QStringList &arguments)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(60000))
        return {-1, u"did not finish"_s};
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError() + p.readAllStandardOutput())};
}

QString schema(const QString &name)
{
    return test::dataPath(u"refi-qda/"_s + name);
}

// Both validators the REFI-QDA files must pass: libxml2 and python3-xmlschema (Debian's Python).
void validate(const QString &file, const QString &xsd, bool expectValid = true)
{
    const auto [lint, lintSaid] =
        run(u"xmllint"_s, {u"--noout"_s, u"--schema"_s, schema(xsd), file});
    const auto [py, pySaid] =
        run(u"/usr/bin/python3"_s,
            {u"-c"_s,
             u"import sys, xmlschema; xmlschema.XMLSchema(sys.argv[1]).validate(sys.argv[2])"_s,
             schema(xsd), file});
    if (expectValid) {
        QVERIFY2(lint == 0, qPrintable(lintSaid));
        QVERIFY2(py == 0, qPrintable(pySaid));
    } else {
        QVERIFY2(lint != 0, "xmllint accepted an invalid file");
        QVERIFY2(py != 0, "xmlschema accepted an invalid file");
    }
}

} // namespace

class TestExchangeRecord : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Library> m_lib;
    qint64 m_first = 0;
    qint64 m_astral = 0;

private Q_SLOTS:
    // One library for every test: the seeds and a page with U+20000, tagged and annotated, with
    // one highlight orphaned by a headline edit.
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_lib = openLibrary(m_dir.filePath(u"record.sqlite3"_s));
        QCOMPARE(Importer(*m_lib).importPaths({test::seedsPath()}).pagesImported, 5);
        Result<ReadPage> astral = PageReader().readBytes(u"astral.txt"_s, kAstralPage.toUtf8());
        QVERIFY(astral.ok());
        QVERIFY(m_lib->addPage(astral.value()).ok());
        m_first = m_lib->pageArticleIds(1)->front();
        m_astral = m_lib->pageArticleIds(6)->front();
        QVERIFY(m_lib->setCampaign(m_first, u"anti-crime"_s, true).ok());
        QVERIFY(m_lib->setCampaign(m_astral, u"poverty-relief"_s, true).ok());
        QVERIFY(m_lib->addTag(u"典型经验"_s, u"#2e86c1"_s).ok());
        QVERIFY(m_lib->setCampaign(m_astral, u"tag-1"_s, true).ok());
        highlight(*m_lib, m_first, u"挤压黑恶势力滋生空间,净化"_s, u"五大战役的说法"_s);
        highlight(*m_lib, m_first, u"医闹线索6条"_s, QString(), u"#ffc2d9"_s);
        highlight(*m_lib, m_astral, u"合作社"_s, u"合作社带动"_s, u"#b8f2a6"_s);
        const QString title = m_lib->article(m_first)->article.title;
        highlight(*m_lib, m_first, title.left(6), u"标题"_s);
        ArticleEditor editor(*m_lib);
        HeadlineEdit edit;
        edit.title = u"五大战役净化行业环境"_s;
        Result<ArticleRewrite> set = editor.setHeadline(m_first, edit);
        QVERIFY(set.ok());
        QCOMPARE(set->orphaned, 1);
        QVERIFY(editor.apply(set.value()).ok());
    }

    void notesAsCsvOneRowPerHighlight()
    {
        Result<Tabular> table = Tables::notes(*m_lib, {});
        QVERIFY(table.ok());
        QCOMPARE(table->rows.size(), 4);
        const int quote = static_cast<int>(table->header.indexOf(u"Quote"_s));
        const int note = static_cast<int>(table->header.indexOf(u"Note"_s));
        const int start = static_cast<int>(table->header.indexOf(u"Start"_s));
        const int author = static_cast<int>(table->header.indexOf(u"Author"_s));
        QVERIFY(quote >= 0 && note >= 0 && start >= 0 && author >= 0);
        const auto row = std::find_if(table->rows.begin(), table->rows.end(), [&](const auto &r) {
            return r[quote].toString() == u"合作社"_s;
        });
        QVERIFY(row != table->rows.end());
        QCOMPARE((*row)[note].toString(), u"合作社带动"_s);
        const QString text = m_lib->article(m_astral)->article.plainText();
        QCOMPARE((*row)[start].toInt(), CodePoints::fromUtf16(text, text.indexOf(u"合作社"_s)));
        QCOMPARE((*row)[author].toString(), m_lib->author());
        QVERIFY(!m_lib->author().isEmpty());
    }

    void w3cParsedBackFieldByField()
    {
        Result<CodedRecord> record = CodedRecord::of(*m_lib, {}, true);
        QVERIFY(record.ok());
        QCOMPARE(record->articles.size(), 2);
        const QByteArray bytes =
            written([&](QIODevice &d) { return writeW3cAnnotations(d, record.value()); });
        QJsonParseError error;
        const QJsonObject collection = QJsonDocument::fromJson(bytes, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(collection[u"@context"_s].toString(), u"http://www.w3.org/ns/anno.jsonld"_s);
        QCOMPARE(collection[u"type"_s].toString(), u"AnnotationCollection"_s);
        const QJsonArray items = collection[u"first"_s][u"items"_s].toArray();
        QCOMPARE(collection[u"total"_s].toInt(), items.size());
        QCOMPARE(items.size(), 3 + 4); // three tags, four highlights

        int tags = 0;
        for (const CodedArticle &article : record->articles) {
            const QString source = u"urn:uuid:"_s + article.uuid;
            for (const Annotation &a : article.annotations) {
                const auto it = std::find_if(items.begin(), items.end(), [&](const auto &v) {
                    return v[u"id"_s].toString() == u"urn:uuid:"_s + a.uuid;
                });
                QVERIFY2(it != items.end(), qPrintable(a.quote));
                const QJsonObject o = it->toObject();
                QCOMPARE(o[u"type"_s].toString(), u"Annotation"_s);
                QCOMPARE(o[u"motivation"_s].toString(),
                         a.note.isEmpty() ? u"highlighting"_s : u"commenting"_s);
                QCOMPARE(o[u"created"_s].toString(), a.createdAt);
                QCOMPARE(o[u"creator"_s][u"nickname"_s].toString(), a.author);
                if (!a.note.isEmpty()) {
                    const QJsonObject body = o[u"body"_s].toObject();
                    QCOMPARE(body[u"type"_s].toString(), u"TextualBody"_s);
                    QCOMPARE(body[u"value"_s].toString(), a.note);
                    QCOMPARE(body[u"format"_s].toString(), u"text/plain"_s);
                    QCOMPARE(body[u"language"_s].toString(), u"zh"_s);
                }
                const QJsonObject target = o[u"target"_s].toObject();
                QCOMPARE(target[u"source"_s].toString(), source);
                const QJsonArray selectors = target[u"selector"_s].toArray();
                const QJsonObject quote = selectors[0].toObject();
                QCOMPARE(quote[u"type"_s].toString(), u"TextQuoteSelector"_s);
                QCOMPARE(quote[u"exact"_s].toString(), a.quote);
                QCOMPARE(quote[u"prefix"_s].toString(), a.prefix);
                QCOMPARE(quote[u"suffix"_s].toString(), a.suffix);
                if (a.anchor == AnchorState::Orphaned) {
                    QCOMPARE(selectors.size(), 1); // its old position is no place in the text
                    continue;
                }
                const QJsonObject position = selectors[1].toObject();
                QCOMPARE(position[u"type"_s].toString(), u"TextPositionSelector"_s);
                // Code points, end exclusive: the text there is the quote, 𠀀 counted once.
                QCOMPARE(CodePoints::mid(article.plainText, position[u"start"_s].toInt(),
                                         position[u"end"_s].toInt()),
                         a.quote);
            }
            for (const ArticleTag &tag : article.tags) {
                const auto it = std::find_if(items.begin(), items.end(), [&](const auto &v) {
                    return v[u"motivation"_s].toString() == u"tagging"_s &&
                           v[u"target"_s].toString() == source &&
                           v[u"created"_s].toString() == tag.setAt;
                });
                QVERIFY(it != items.end());
                QCOMPARE((*it)[u"body"_s][u"purpose"_s].toString(), u"tagging"_s);
                QVERIFY(!tag.setBy.isEmpty());
                QCOMPARE((*it)[u"creator"_s][u"nickname"_s].toString(), tag.setBy); // who
                ++tags;
            }
        }
        QCOMPARE(tags, 3);
        // A second export names everything the same.
        const QByteArray again =
            written([&](QIODevice &d) { return writeW3cAnnotations(d, record.value()); });
        const QJsonArray second =
            QJsonDocument::fromJson(again).object()[u"first"_s][u"items"_s].toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            QCOMPARE(second[i][u"id"_s], items[i][u"id"_s]);
    }

    void qdpxValidatesAndComesBackWithTheSameCodings()
    {
        Result<CodedRecord> record = CodedRecord::of(*m_lib, {}, false);
        QVERIFY(record.ok());
        const QString qdpx = m_dir.filePath(u"record.qdpx"_s);
        {
            QFile out(qdpx);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(written([&](QIODevice &d) { return writeQdpx(d, record.value()); }));
        }
        Result<QList<ZipEntry>> entries = readZip(test::readAll(qdpx), 1 << 30);
        QVERIFY(entries.ok());
        QCOMPARE(entries->size(), 1 + record->articles.size());
        QCOMPARE(entries->front().name, u"project.qde"_s);
        for (qsizetype i = 1; i < entries->size(); ++i)
            QVERIFY(entries->at(i).name.startsWith(u"sources/"_s));
        const QString qde = m_dir.filePath(u"project.qde"_s);
        {
            QFile out(qde);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(entries->front().bytes);
        }
        validate(qde, u"Project-mrt2019.xsd"_s);
        // The validators do look: a colour out of its pattern is refused by both.
        const QString broken = m_dir.filePath(u"broken.qde"_s);
        {
            QFile out(broken);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QByteArray(entries->front().bytes)
                          .replace("color=\"#c0392b\"", "color=\"#c0392bzz\""));
        }
        validate(broken, u"Project-mrt2019.xsd"_s, false);
        const QString qdc = m_dir.filePath(u"record.qdc"_s);
        {
            QFile out(qdc);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(written([&](QIODevice &d) { return writeQdc(d, record.value()); }));
        }
        validate(qdc, u"Codebook.xsd"_s);

        // Imported into a new library: the same tags, and every placed highlight with its quote,
        // note and colour.
        const std::unique_ptr<Library> back = openLibrary(m_dir.filePath(u"back.sqlite3"_s));
        Result<QdpxImportReport> report = importQdpx(*back, qdpx);
        QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
        QVERIFY2(report->refused.isEmpty(), qPrintable(report->refused.join(u'\n')));
        QCOMPARE(report->pages, record->articles.size());
        QCOMPARE(report->annotations, 3); // the orphan came as a note on its source, not placed
        QCOMPARE(report->tags, 1);        // 典型经验, the own tag
        QStringList before;
        QStringList after;
        const auto codings = [](Library &lib, QStringList &into) {
            for (const ArticleSummary &s : lib.articles().value()) {
                for (const Annotation &a : lib.annotations(s.id).value()) {
                    if (a.anchor != AnchorState::Orphaned)
                        into.append(a.quote + u'|' + a.note + u'|' + a.color + u'|' + a.author);
                }
                for (const QString &c : s.campaigns) {
                    const QList<Campaign> all = lib.campaigns().value();
                    const auto named = std::find_if(all.begin(), all.end(),
                                                    [&](const Campaign &x) { return x.id == c; });
                    into.append(u"tag:"_s + named->nameZh);
                }
            }
            into.sort();
        };
        codings(*m_lib, before);
        codings(*back, after);
        QCOMPARE(after, before);
        // The same project again: every source is there already.
        Result<QdpxImportReport> twice = importQdpx(*back, qdpx);
        QVERIFY(twice.ok());
        QCOMPARE(twice->pages, 0);
        QCOMPARE(twice->duplicates, record->articles.size());
    }

    void projectsThatCannotBeReadAreRefusedWhole()
    {
        const std::unique_ptr<Library> lib = openLibrary(m_dir.filePath(u"refused.sqlite3"_s));
        const auto file = [&](const QString &name, const QByteArray &bytes) {
            const QString path = m_dir.filePath(name);
            QFile out(path);
            if (!out.open(QIODevice::WriteOnly))
                qFatal("cannot write %s", qPrintable(path));
            out.write(bytes);
            return path;
        };
        const auto zipOf = [](const QList<std::pair<QString, QByteArray>> &entries) {
            ZipWriter zip;
            for (const auto &[name, bytes] : entries) {
                if (!zip.add(name, bytes))
                    qFatal("zip");
            }
            return zip.finish().value();
        };
        Result<QdpxImportReport> notZip =
            importQdpx(*lib, file(u"text.qdpx"_s, "扶贫攻坚，这不是压缩包。"_ba));
        QVERIFY(!notZip.ok());
        QVERIFY2(notZip.errorMessage().contains(u"text.qdpx: is not a zip archive"_s),
                 qPrintable(notZip.errorMessage()));
        Result<QdpxImportReport> noProject =
            importQdpx(*lib, file(u"other.qdpx"_s, zipOf({{u"readme.txt"_s, "x"_ba}})));
        QVERIFY(!noProject.ok());
        QVERIFY(noProject.errorMessage().contains(u"no project.qde"_s));
        Result<QdpxImportReport> brokenXml = importQdpx(
            *lib, file(u"broken.qdpx"_s,
                       zipOf({{u"project.qde"_s,
                               "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" "
                               "name=\"x\"><Sources>"_ba}})));
        QVERIFY(!brokenXml.ok());
        QVERIFY2(brokenXml.errorMessage().contains(u"project.qde is broken"_s),
                 qPrintable(brokenXml.errorMessage()));
        QCOMPARE(lib->pageCount().value(), 0);

        // A picture source and a selection outside its text are named; the text comes in.
        const QByteArray project =
            "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
            "<Sources><PictureSource guid=\"11111111-1111-1111-1111-111111111111\" "
            "name=\"照片\" path=\"internal://a.jpg\"/>"
            "<TextSource guid=\"22222222-2222-2222-2222-222222222222\" name=\"简讯\">"
            "<PlainTextContent>驻村工作队帮助贫困户发展产业。</PlainTextContent>"
            "<PlainTextSelection guid=\"33333333-3333-3333-3333-333333333333\" "
            "startPosition=\"5\" endPosition=\"999\"/></TextSource></Sources></Project>"_ba;
        Result<QdpxImportReport> partly =
            importQdpx(*lib, file(u"partly.qdpx"_s, zipOf({{u"project.qde"_s, project}})));
        QVERIFY(partly.ok());
        QCOMPARE(partly->pages, 1);
        QCOMPARE(partly->refused.size(), 2);
        QVERIFY(partly->refused[0].contains(u"PictureSource “照片”"_s));
        QVERIFY(partly->refused[1].contains(u"outside its 15 characters"_s));
    }

    void zipThatWouldUnpackTooMuchIsRefused()
    {
        ZipWriter zip;
        QVERIFY(zip.add(u"project.qde"_s, QByteArray(4 << 20, ' ')).ok());
        Result<QList<ZipEntry>> entries = readZip(zip.finish().value(), 1 << 20);
        QVERIFY(!entries.ok());
        QVERIFY(entries.errorMessage().contains(u"more than 1 MB"_s));
    }
};

QTEST_GUILESS_MAIN(TestExchangeRecord)
#include "tst_exchange_record.moc"
