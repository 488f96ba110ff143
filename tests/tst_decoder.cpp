#include "testsupport/TestSupport.h"
#include "text/PageSplitter.h"
#include "text/TextDecoder.h"

#include <QTest>

using namespace br;
using namespace Qt::StringLiterals;

class TestDecoder : public QObject
{
    Q_OBJECT

private:
    const QString simplified =
        u"莘县燕塔街道干部帮包助脱贫\n\n为切实打赢脱贫攻坚战，高度重视贫困户帮包工作，"
        u"燕塔街道为全街道156户贫困户每户都明确了帮包干部。\n\n（王运兰）\n"_s;
    const QString traditional =
        u"莘縣燕塔街道幹部幫包助脫貧\n\n為切實打贏脫貧攻堅戰，高度重視貧困戶幫包工作，"
        u"燕塔街道為全街道156戶貧困戶每戶都明確了幫包幹部。\n\n（王運蘭）\n"_s;

private Q_SLOTS:
    void decodesEachEncoding_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("encoding");
        QTest::addColumn<QString>("text");
        QTest::newRow("utf-8") << u"utf8.txt"_s << u"UTF-8"_s << simplified;
        QTest::newRow("utf-8 bom") << u"utf8_bom.txt"_s << u"UTF-8"_s << simplified;
        QTest::newRow("utf-16le bom") << u"utf16le_bom.txt"_s << u"UTF-16LE"_s << simplified;
        QTest::newRow("utf-16be bom") << u"utf16be_bom.txt"_s << u"UTF-16BE"_s << simplified;
        QTest::newRow("utf-16le no bom") << u"utf16le.txt"_s << u"UTF-16LE"_s << simplified;
        QTest::newRow("utf-16be no bom") << u"utf16be.txt"_s << u"UTF-16BE"_s << simplified;
        QTest::newRow("utf-32le bom") << u"utf32le_bom.txt"_s << u"UTF-32LE"_s << simplified;
        QTest::newRow("utf-32be bom") << u"utf32be_bom.txt"_s << u"UTF-32BE"_s << simplified;
        QTest::newRow("gb18030") << u"gb18030.txt"_s << u"GB18030"_s << simplified;
        QTest::newRow("gbk crlf") << u"gbk_crlf.txt"_s << u"GB18030"_s
                                  << QString(simplified).replace(u"\n"_s, u"\r\n"_s);
        QTest::newRow("big5") << u"big5.txt"_s << u"Big5-HKSCS"_s << traditional;
        QTest::newRow("short gb18030") << u"short_gb18030.txt"_s << u"GB18030"_s << u"扶贫"_s;
        QTest::newRow("short big5") << u"short_big5.txt"_s << u"Big5-HKSCS"_s << u"掃黑除惡"_s;
        QTest::newRow("short utf-16le") << u"short_utf16le.txt"_s << u"UTF-16LE"_s << u"创城\n"_s;
    }

    void decodesEachEncoding()
    {
        QFETCH(QString, file);
        QFETCH(QString, encoding);
        QFETCH(QString, text);
        const Result<DecodedText> decoded =
            TextDecoder::decode(test::readAll(test::dataPath(u"encodings/"_s + file)));
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
        QCOMPARE(decoded->encoding, encoding);
        QCOMPARE(decoded->text, text);
        QVERIFY(!decoded->text.startsWith(QChar(0xFEFF)));
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("png") << u"image.png"_s << u"PNG image"_s;
        QTest::newRow("pdf") << u"document.pdf"_s << u"PDF document"_s;
        QTest::newRow("zip") << u"archive.zip"_s << u"ZIP archive"_s;
        QTest::newRow("empty") << u"empty.txt"_s << u"is empty"_s;
        QTest::newRow("whitespace") << u"whitespace.txt"_s << u"only white space"_s;
        QTest::newRow("nul") << u"nul_bytes.txt"_s << u"NUL bytes"_s;
        QTest::newRow("mixed") << u"mixed_encodings.txt"_s << u"mixes encodings"_s;
        QTest::newRow("html") << u"page.html"_s << u"HTML document"_s;
        QTest::newRow("unknown") << u"not_chinese_bytes.txt"_s << u"first bad sequence at byte 0"_s;
    }

    void refusesBadInput()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const Result<DecodedText> decoded =
            TextDecoder::decode(test::readAll(test::dataPath(u"bad/"_s + file)));
        QVERIFY(!decoded.ok());
        QVERIFY2(decoded.errorMessage().contains(expected), qPrintable(decoded.errorMessage()));
    }

    void reportsOffsetOfFirstBadUtf8Sequence()
    {
        QCOMPARE(TextDecoder::firstInvalidUtf8("abc"), -1);
        QCOMPARE(TextDecoder::firstInvalidUtf8("ab\xC0\x80"), 2);        // overlong NUL
        QCOMPARE(TextDecoder::firstInvalidUtf8("\xED\xA0\x80"), 0);      // surrogate
        QCOMPARE(TextDecoder::firstInvalidUtf8("x\xF4\x90\x80\x80"), 1); // above U+10FFFF
        QCOMPARE(TextDecoder::firstInvalidUtf8("\xE6\x89\xB6\xE8"), 3);  // truncated at the end
    }

    void namesAUtf8FileCutOffInsideItsLastCharacter()
    {
        const QByteArray page = test::readAll(test::seedsPath(u"001_1f928a1e1901fd81.txt"_s));
        // Cut one and two bytes into a three-byte character: a copy that stopped short.
        qsizetype at = 3000;
        while ((static_cast<unsigned char>(page[at]) & 0xF0) != 0xE0)
            ++at;
        for (const qsizetype extra : {1, 2}) {
            Result<DecodedText> cut = TextDecoder::decode(page.left(at + extra));
            QVERIFY(!cut.ok());
            QVERIFY2(cut.errorMessage().contains(u"cut off inside its last character"_s),
                     qPrintable(cut.errorMessage()));
        }
        // Whole, it decodes; a real mix of encodings is still called one.
        QVERIFY(TextDecoder::decode(page.left(at)).ok());
        Result<DecodedText> mixed =
            TextDecoder::decode(test::readAll(test::dataPath(u"bad/mixed_encodings.txt"_s)));
        QVERIFY(!mixed.ok());
        QVERIFY(mixed.errorMessage().contains(u"mixes encodings"_s));
    }

    // Found by fuzz_decoder: a file with its byte order mark written twice (two tools joined it)
    // opened its text with a zero-width no-break space.
    void everyByteOrderMarkAtTheStartIsDropped()
    {
        const QString text = u"扶贫专版"_s;
        for (const bool utf16 : {false, true}) {
            QByteArray bytes;
            for (int i = 0; i < 3; ++i)
                bytes += utf16 ? QByteArray("\xff\xfe", 2) : QByteArray("\xef\xbb\xbf");
            if (utf16)
                bytes += QByteArray(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
            else
                bytes += text.toUtf8();
            const Result<DecodedText> decoded = TextDecoder::decode(bytes);
            QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
            QCOMPARE(decoded->text, text);
        }
    }

    void strictIcuDecodingStopsInsteadOfSubstituting()
    {
        // 0xFF is never valid in GB18030; ICU's default would turn it into U+FFFD silently.
        const TextDecoder::Strict decoded =
            TextDecoder::decodeStrict("GB18030", "\xB7\xF6\xFF\xC6\xB6");
        QVERIFY(!decoded.ok);
        QCOMPARE(decoded.badOffset, 2);
    }

    void scoresCommonChineseHigherThanMisdecodedText()
    {
        const QByteArray big5 = test::readAll(test::dataPath(u"encodings/big5.txt"_s));
        const TextDecoder::Strict asGb = TextDecoder::decodeStrict("GB18030", big5);
        QVERIFY(asGb.ok); // Big5 bytes are valid GB18030: only the score tells them apart
        const TextDecoder::Strict asBig5 = TextDecoder::decodeStrict("Big5-HKSCS", big5);
        QVERIFY(asBig5.ok);
        QVERIFY(TextDecoder::chineseScore(asBig5.text) >
                TextDecoder::chineseScore(asGb.text) + 0.3);
    }

    void splitsHugeOneLinePageQuickly()
    {
        // 30 MB on one line: decoded and split without quadratic work or running out of memory.
        const QByteArray sentence =
            QStringLiteral("扶贫工作扎实推进，贫困群众生活明显改善。").toUtf8();
        QByteArray page;
        page.reserve(30 * 1024 * 1024 + sentence.size());
        while (page.size() < 30 * 1024 * 1024)
            page.append(sentence);
        const Result<DecodedText> decoded = TextDecoder::decode(page);
        QVERIFY(decoded.ok());
        const Page split = PageSplitter().split(decoded->text);
        QCOMPARE(split.articles.size(), 1);
        QCOMPARE(split.articles[0].blocks.size(), 1);
        QCOMPARE(split.articles[0].blocks[0].text.size(), decoded->text.size());
    }
};

QTEST_GUILESS_MAIN(TestDecoder)
#include "tst_decoder.moc"
