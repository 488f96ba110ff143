// The search query parser on any text: what it hands FTS5 is never syntax FTS5 refuses (the
// person's quotes, stars, NEAR and brackets are text to find), and the brute-force match, the
// match ranges and the snippet hold for any query.
#include "library/SearchQuery.h"
#include "library/SqliteDatabase.h"

#include <QString>

#include <cstdint>
#include <cstdlib>

namespace {

br::SqliteDatabase &index()
{
    static std::unique_ptr<br::SqliteDatabase> db = [] {
        auto opened = br::SqliteDatabase::open(QStringLiteral(":memory:"));
        if (!opened ||
            !opened.value()
                 ->execScript(
                     "CREATE VIRTUAL TABLE pairs USING fts5 (head, body, tokenize = "
                     "'br_cjk pairs');"
                     "CREATE VIRTUAL TABLE chars USING fts5 (head, body, tokenize = "
                     "'br_cjk chars', detail = none);"
                     "INSERT INTO pairs VALUES ('聊城市扶贫', '莘县 2018 LED “1+1” 扫黑除恶');"
                     "INSERT INTO chars VALUES ('聊城市扶贫', '莘县 2018 LED “1+1” 扫黑除恶');")
                 .ok())
            std::abort();
        return std::move(opened).value();
    }();
    return *db;
}

void mustRun(const char *sql, const QString &expression)
{
    if (expression.isEmpty())
        return;
    br::PreparedStatement s = index().prepared(sql);
    if (!s || s->bind(1, expression).step() == br::Statement::Step::Error)
        std::abort(); // FTS5 refused what the parser made: a syntax error is a bug
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input =
        QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const br::SearchQuery query = br::SearchQuery::parse(input);
    for (const br::SearchQuery::Expressions &e :
         {query.includedExpressions(), query.excludedExpressions()}) {
        mustRun("SELECT count(*) FROM pairs WHERE pairs MATCH ?1", e.pairs);
        mustRun("SELECT count(*) FROM chars WHERE chars MATCH ?1", e.characters);
    }
    const QString text = QStringLiteral("聊城市扶贫工作 莘县 2018 LED “1+1” 扫黑除恶 ") + input;
    (void)query.matchesFolded(text);
    qsizetype last = 0;
    for (const auto &[start, end] : query.matchRanges(text)) {
        if (start < last || end < start || end > text.size())
            std::abort();
        last = start;
    }
    (void)query.snippet(text, QChar(0x2), QChar(0x3));
    return 0;
}
