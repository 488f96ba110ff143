// A page's publication, date and page number as the page and its file say them
// (PageDetailsFinder), and a date as a person types it.

#include "text/PageDetailsFinder.h"

#include <QTest>

using namespace br;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(br::DetailOrigin)

namespace {

// A page's first lines, then a body paragraph long enough to be no date line.
QString pageText(const QString &head)
{
    return head +
           u"\n\n聊城日报讯 2019年3月1日，记者从市扶贫办获悉，全市上下扎实推进脱贫攻坚各项工作，"
           u"截至2018年底，累计减少贫困人口十二万余人，贫困发生率降至百分之零点三以下。\n"_s;
}

// A row for a page and file that tell none of the three.
void nothingFound(const char *name, const QString &path, const QString &head)
{
    QTest::newRow(name) << path << QStringList() << head << QString() << DetailOrigin::None
                        << QString() << DetailOrigin::None << QString() << DetailOrigin::None;
}

} // namespace

class TestPageDetails : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsWhatThePageAndItsFileSay_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("masthead");
        QTest::addColumn<QString>("head");
        QTest::addColumn<QString>("publication");
        QTest::addColumn<DetailOrigin>("publicationFrom");
        QTest::addColumn<QString>("date");
        QTest::addColumn<DetailOrigin>("dateFrom");
        QTest::addColumn<QString>("pageNumber");
        QTest::addColumn<DetailOrigin>("pageNumberFrom");
        const QStringList none;
        QTest::newRow("date line with paper and page")
            << u"x.txt"_s << none << u"聊城日报\n2019年5月28日  星期二  第3版"_s << u"聊城日报"_s
            << DetailOrigin::Page << u"2019-05-28"_s << DetailOrigin::Page << u"3"_s
            << DetailOrigin::Page;
        QTest::newRow("hanzi numerals, full-width digits")
            << u"a.txt"_s << none << u"二〇一九年五月二十八日　星期二\n第１２版"_s << QString()
            << DetailOrigin::None << u"2019-05-28"_s << DetailOrigin::Page << QString()
            << DetailOrigin::None;
        QTest::newRow("masthead organiser's paper")
            << u"a.txt"_s
            << QStringList{u"法治山东 平安聊城"_s, u"主办：中共聊城市委政法委员会"_s,
                           u"承办：大众日报聊城新闻"_s}
            << u"聊城扫黑除恶百日会战全面打响"_s << u"大众日报"_s << DetailOrigin::Page << QString()
            << DetailOrigin::None << QString() << DetailOrigin::None;
        nothingFound("a date in a sentence is no date line", u"a.txt"_s,
                     u"2019年5月28日，聊城市召开扫黑除恶推进会。"_s);
        nothingFound("a headline naming a paper is no masthead", u"a.txt"_s,
                     u"聊城日报记者走进田间地头"_s);
        QTest::newRow("file name: date and page after it")
            << u"pages/rmrb_20190226-06_asprinted.txt"_s << none << u"以刀为笔 琢砚生花"_s
            << QString() << DetailOrigin::None << u"2019-02-26"_s << DetailOrigin::FileName
            << u"6"_s << DetailOrigin::FileName;
        QTest::newRow("folders: paper, year, month, day; page as the name")
            << u"/archive/聊城日报/2019/05/28/03.txt"_s << none << u"标题"_s << u"聊城日报"_s
            << DetailOrigin::Folder << u"2019-05-28"_s << DetailOrigin::Folder << u"3"_s
            << DetailOrigin::FileName;
        QTest::newRow("the page wins over its file")
            << u"/archive/2020-01-01/page_p02.txt"_s << none << u"2019年5月28日 星期二"_s
            << QString() << DetailOrigin::None << u"2019-05-28"_s << DetailOrigin::Page << u"2"_s
            << DetailOrigin::FileName;
        nothingFound("no real day", u"scan_20190231.txt"_s, u"2019年2月30日"_s);
        nothingFound("a report's dated subtitle is no date line", u"a.txt"_s,
                     u"——2019年5月27日聊城市扫黑除恶推进会侧记"_s);
        nothingFound("a uuid's b204 is no page", u"3f2a9c1e-7d41-4e2b-b204-1f2e3d4c5b6a.txt"_s,
                     u"标题"_s);
        QTest::newRow("a folder of reports (举报) is no paper")
            << u"/archive/群众举报/2019-05-28/a.txt"_s << none << u"标题"_s << QString()
            << DetailOrigin::None << u"2019-05-28"_s << DetailOrigin::Folder << QString()
            << DetailOrigin::None;
        nothingFound("a hash is no date", u"000_d0625b9e1a2b4771.txt"_s, u"标题"_s);
    }

    void findsWhatThePageAndItsFileSay()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, masthead);
        QFETCH(QString, head);
        const PageDetails found = PageDetailsFinder::find(path, masthead, pageText(head));
        QTEST(found.publication.value, "publication");
        QTEST(found.publication.origin, "publicationFrom");
        QTEST(found.date.value, "date");
        QTEST(found.date.origin, "dateFrom");
        QTEST(found.pageNumber.value, "pageNumber");
        QTEST(found.pageNumber.origin, "pageNumberFrom");
    }

    void aDateLineAtThePagesFoot()
    {
        // With the page's furniture beside it, a date line at the foot is the page's.
        const PageDetails found = PageDetailsFinder::find(
            QString(), {}, pageText(u"标题"_s) + u"\n2019.05.28  星期二  第3版\n"_s);
        QCOMPARE(found.date.value, u"2019-05-28"_s);
        // A date alone there is a notice's signing date: the file's date stands.
        const PageDetails signed_ = PageDetailsFinder::find(
            u"rmrb_20190528-03.txt"_s, {}, pageText(u"标题"_s) + u"\n2019年5月20日\n"_s);
        QCOMPARE(signed_.date.value, u"2019-05-28"_s);
        QCOMPARE(signed_.date.origin, DetailOrigin::FileName);
    }

    void aLongOneLinePageIsReadOnlyAtItsEdges()
    {
        // 30 MB on one line: only its edges are looked at, so this is quick and finds nothing.
        const QString text = pageText(u"标题"_s).repeated(100000);
        const PageDetails found = PageDetailsFinder::find(u"a.txt"_s, {}, text);
        QVERIFY(found.date.value.isEmpty());
    }

    void datesAsPeopleTypeThem_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("kept"); // "!" when refused
        QTest::newRow("iso") << u"2019-05-28"_s << u"2019-05-28"_s;
        QTest::newRow("short") << u"2019/5/8"_s << u"2019-05-08"_s;
        QTest::newRow("dots") << u"2019.5.28"_s << u"2019-05-28"_s;
        QTest::newRow("compact") << u"20190528"_s << u"2019-05-28"_s;
        QTest::newRow("chinese") << u"2019年5月28日"_s << u"2019-05-28"_s;
        QTest::newRow("chinese with weekday") << u"2019年5月28日 星期二"_s << u"2019-05-28"_s;
        QTest::newRow("hanzi") << u"二〇一九年五月二十八日"_s << u"2019-05-28"_s;
        QTest::newRow("full-width") << u"２０１９－０５－２８"_s << u"2019-05-28"_s;
        QTest::newRow("month") << u"2019-05"_s << u"2019-05"_s;
        QTest::newRow("chinese month") << u"2019年5月"_s << u"2019-05"_s;
        QTest::newRow("empty") << u"  "_s << QString();
        QTest::newRow("no day") << u"2019-02-30"_s << u"!"_s;
        QTest::newRow("words") << u"last Tuesday"_s << u"!"_s;
        QTest::newRow("date in a sentence") << u"2019年5月28日召开"_s << u"!"_s;
    }

    void datesAsPeopleTypeThem()
    {
        QFETCH(QString, typed);
        QFETCH(QString, kept);
        const std::optional<QString> date = PageDetailsFinder::normalizeDate(typed);
        if (kept == u"!"_s)
            QVERIFY2(!date, qPrintable(date.value_or(QString())));
        else
            QCOMPARE(date.value_or(u"!"_s), kept);
    }

    void originsRoundTripAsCodes()
    {
        for (const DetailOrigin origin :
             {DetailOrigin::None, DetailOrigin::Page, DetailOrigin::FileName, DetailOrigin::Folder,
              DetailOrigin::Person})
            QCOMPARE(detailOriginFromCode(detailOriginCode(origin)), origin);
        QCOMPARE(detailOriginFromCode(u"telepathy"_s), DetailOrigin::None);
    }
};

QTEST_GUILESS_MAIN(TestPageDetails)
#include "tst_pagedetails.moc"
