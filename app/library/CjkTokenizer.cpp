#include "library/CjkTokenizer.h"

#include "text/CharFold.h"

#include "library/Fts5Api.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// One folded character of the text and where its source character stands, in bytes.
struct Folded
{
    char32_t c;
    int start;
    int end;
};

void appendUtf8(std::string &out, char32_t c)
{
    if (c < 0x80) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (c >> 6)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (c >> 12)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (c >> 18)));
        out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
}

// Decodes the code point at `i` of UTF-8 that SQLite guarantees well-formed; advances `i`.
char32_t nextCodePoint(const unsigned char *p, int n, int &i)
{
    const unsigned char b = p[i];
    if (b < 0x80) {
        ++i;
        return b;
    }
    int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
    if (i + len > n)
        len = n - i;
    char32_t c = len == 4 ? (b & 0x07u) : len == 3 ? (b & 0x0Fu) : len == 2 ? (b & 0x1Fu) : b;
    for (int k = 1; k < len; ++k)
        c = (c << 6) | (p[i + k] & 0x3Fu);
    i += len;
    return c;
}

using TokenCallback = int (*)(void *, int, const char *, int, int, int);

// What a table built with "br_cjk" gets from it, chosen by its argument.
enum class Mode
{
    PairsAndLast, // no argument: the index of schema versions 3 to 6, kept for their migration
    Pairs,        // "pairs"
    Characters,   // "chars"
};

struct Tokenizer
{
    Mode mode = Mode::PairsAndLast;
};

int createTokenizer(void *, const char **arguments, int count, Fts5Tokenizer **out)
{
    Mode mode = Mode::PairsAndLast;
    if (count > 1)
        return SQLITE_ERROR;
    if (count == 1) {
        const std::string_view argument(arguments[0]);
        if (argument == "pairs")
            mode = Mode::Pairs;
        else if (argument == "chars")
            mode = Mode::Characters;
        else
            return SQLITE_ERROR;
    }
    *out = reinterpret_cast<Fts5Tokenizer *>(new Tokenizer{mode});
    return SQLITE_OK;
}

void deleteTokenizer(Fts5Tokenizer *tokenizer)
{
    delete reinterpret_cast<Tokenizer *>(tokenizer);
}

// Calls `visit(folded)` for every folded character of the UTF-8 `text`, with where its source
// character stands; stops at the first result other than SQLITE_OK and returns it.
template <typename Visit> int forEachFolded(const char *text, int length, Visit visit)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text);
    std::u32string folded;
    int i = 0;
    while (i < length) {
        const int start = i;
        const char32_t c = nextCodePoint(bytes, length, i);
        folded.clear();
        CharFold::append(c, folded);
        for (const char32_t f : folded) {
            if (int rc = visit(Folded{f, start, i}); rc != SQLITE_OK)
                return rc;
        }
    }
    return SQLITE_OK;
}

// A set of characters, for telling the first time each is seen: open addressing, at most half
// full. (A list searched from the start made indexing an article quadratic in its distinct
// characters: a tenth of an import's writing.)
class SeenCharacters final
{
public:
    explicit SeenCharacters(size_t expected)
    {
        size_t size = 64;
        while (size < 2 * expected)
            size *= 2;
        m_slots.assign(size, kEmpty);
    }
    // Whether `c` is new, adding it.
    bool insert(char32_t c)
    {
        const size_t slot = slotOf(c);
        if (m_slots[slot] == c)
            return false;
        m_slots[slot] = c;
        if (++m_count * 2 > m_slots.size())
            grow();
        return true;
    }

private:
    static constexpr char32_t kEmpty = 0xFFFFFFFF; // no code point
    // Where `c` is, or the empty slot where it would go.
    size_t slotOf(char32_t c) const
    {
        const size_t mask = m_slots.size() - 1;
        size_t slot = (c * 0x9E3779B1u) & mask;
        while (m_slots[slot] != kEmpty && m_slots[slot] != c)
            slot = (slot + 1) & mask;
        return slot;
    }
    void grow()
    {
        std::vector<char32_t> old(m_slots.size() * 2, kEmpty);
        old.swap(m_slots);
        for (const char32_t c : old) {
            if (c != kEmpty)
                m_slots[slotOf(c)] = c;
        }
    }

    std::vector<char32_t> m_slots;
    size_t m_count = 0;
};

// Every distinct word character of `text` once, in order of first appearance.
int tokenizeCharacters(void *context, const char *text, int length, TokenCallback emit)
{
    // Chinese text has a distinct character in three or four of its characters (of 3 bytes).
    SeenCharacters seen(static_cast<size_t>(length) / 8);
    std::string token;
    return forEachFolded(text, length, [&](const Folded &f) {
        if (!CharFold::isWordChar(f.c) || !seen.insert(f.c))
            return SQLITE_OK;
        token.clear();
        appendUtf8(token, f.c);
        return emit(context, 0, token.data(), static_cast<int>(token.size()), f.start, f.end);
    });
}

// Where one run of word characters ends and another begins, the pairs mode puts a token no query
// holds between them when the next pair begins with the character the last pair ended on: else
// the two stand at neighbouring positions, as the pairs of one run do, and 大学。学生 is found for
// 大学生 (the phrase 大学 + 学生). Elsewhere none is needed: the pairs of a phrase made of one
// run share a character, and two pairs across a break that do not cannot match one; a term with
// punctuation in it (扶贫、莘县) is asked as the pairs stand on either side (cjkPhrasesOf) and
// checked against the text.
class RunBreaks final
{
public:
    static constexpr char kToken = '\x1f'; // no word character: never in a query

    // A character that is no word character was read.
    void textBroke() { m_broken = true; }
    // Before the pair (first, second) is given: whether the break token must come first.
    bool breakBefore(char32_t first, char32_t second)
    {
        const bool needed = m_broken && first == m_lastPairEnd;
        m_broken = false;
        m_lastPairEnd = second;
        return needed;
    }

private:
    bool m_broken = false;
    char32_t m_lastPairEnd = 0; // no word character
};

// The byte length of the UTF-8 sequence `b` leads, as nextCodePoint reads it.
int sequenceLength(unsigned char b)
{
    return b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
}

// What tokenize() emits for `text` in `mode` (Pairs or Characters), read off `folded` (the text
// folded ahead, PrefoldedTexts::fold; `text` itself when folding changes nothing): a token is a
// slice of it, or two slices run together, and nothing is folded again.
int tokenizePrefolded(Mode mode, void *context, const char *text, int length,
                      const QByteArray &folded, TokenCallback emit)
{
    const auto *source = reinterpret_cast<const unsigned char *>(text);
    const char *target = folded.isNull() ? text : folded.constData();
    const auto *bytes = reinterpret_cast<const unsigned char *>(target);
    const int targetLength = folded.isNull() ? length : static_cast<int>(folded.size());
    SeenCharacters seen(mode == Mode::Characters ? static_cast<size_t>(length) / 8 : 0);
    std::string joined; // a pair whose halves are not next to each other in `folded`
    RunBreaks breaks;
    bool havePrevious = false;
    char32_t previousCharacter = 0;
    int previousStart = 0; // the previous word character's source, in the text
    int previousFrom = 0;  // and its folded form, in `target`
    int previousTo = 0;
    // One folded character `c` (target[from, to)) of the source character text[start, end).
    const auto visit = [&](char32_t c, int from, int to, int start, int end) {
        if (!CharFold::isWordChar(c)) {
            havePrevious = false;
            breaks.textBroke();
            return SQLITE_OK;
        }
        int rc = SQLITE_OK;
        if (mode == Mode::Pairs && havePrevious && breaks.breakBefore(previousCharacter, c)) {
            rc = emit(context, 0, &RunBreaks::kToken, 1, previousStart, previousStart);
            if (rc != SQLITE_OK)
                return rc;
        }
        if (mode == Mode::Characters) {
            if (seen.insert(c))
                rc = emit(context, 0, target + from, to - from, start, end);
        } else if (havePrevious && previousTo == from) {
            rc = emit(context, 0, target + previousFrom, to - previousFrom, previousStart, end);
        } else if (havePrevious) {
            joined.assign(target + previousFrom, static_cast<size_t>(previousTo - previousFrom));
            joined.append(target + from, static_cast<size_t>(to - from));
            rc = emit(context, 0, joined.data(), static_cast<int>(joined.size()), previousStart,
                      end);
        }
        havePrevious = true;
        previousCharacter = c;
        previousStart = start;
        previousFrom = from;
        previousTo = to;
        return rc;
    };
    int i = 0;
    int j = 0;
    while (i < length && j < targetLength) {
        const int start = i;
        i = std::min(length, i + sequenceLength(source[i]));
        if (bytes[j] != PrefoldedTexts::kGroupOpen) {
            const int from = j;
            const char32_t c = nextCodePoint(bytes, targetLength, j);
            if (const int rc = visit(c, from, j, start, i); rc != SQLITE_OK)
                return rc;
            continue;
        }
        // A character folded to none or to several: all of them stand where it stood.
        for (++j; j < targetLength && bytes[j] != PrefoldedTexts::kGroupClose;) {
            const int from = j;
            const char32_t c = nextCodePoint(bytes, targetLength, j);
            if (const int rc = visit(c, from, j, start, i); rc != SQLITE_OK)
                return rc;
        }
        ++j;
    }
    return SQLITE_OK;
}

int tokenize(Fts5Tokenizer *tokenizer, void *context, int flags, const char *text, int length,
             TokenCallback emit)
{
    if (flags & (FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX)) {
        // A token SearchQuery built: handed over unchanged.
        return length > 0 ? emit(context, 0, text, length, 0, length) : SQLITE_OK;
    }
    const Mode mode = reinterpret_cast<Tokenizer *>(tokenizer)->mode;
    if (const PrefoldedTexts *prefolded = PrefoldedTexts::current();
        prefolded && mode != Mode::PairsAndLast) {
        if (const QByteArray *folded = prefolded->find(text, length))
            return tokenizePrefolded(mode, context, text, length, *folded, emit);
    }
    if (mode == Mode::Characters)
        return tokenizeCharacters(context, text, length, emit);
    std::string token;
    bool havePrevious = false;
    Folded previous{0, 0, 0};
    RunBreaks breaks;
    const auto endRun = [&]() -> int {
        breaks.textBroke();
        if (!havePrevious)
            return SQLITE_OK;
        havePrevious = false;
        if (mode == Mode::Pairs)
            return SQLITE_OK;
        token.clear();
        appendUtf8(token, previous.c);
        return emit(context, 0, token.data(), static_cast<int>(token.size()), previous.start,
                    previous.end);
    };
    const int rc = forEachFolded(text, length, [&](const Folded &current) {
        if (!CharFold::isWordChar(current.c))
            return endRun();
        int result = SQLITE_OK;
        if (mode == Mode::Pairs && havePrevious && breaks.breakBefore(previous.c, current.c))
            result = emit(context, 0, &RunBreaks::kToken, 1, previous.start, previous.start);
        if (havePrevious && result == SQLITE_OK) {
            token.clear();
            appendUtf8(token, previous.c);
            appendUtf8(token, current.c);
            result = emit(context, 0, token.data(), static_cast<int>(token.size()), previous.start,
                          current.end);
        }
        previous = current;
        havePrevious = true;
        return result;
    });
    return rc != SQLITE_OK ? rc : endRun();
}

} // namespace

Status registerCjkTokenizer(sqlite3 *db)
{
    fts5_api *api = fts5ApiOf(db);
    if (!api)
        return Error{u"this SQLite has no FTS5"_s};
    static fts5_tokenizer tokenizer{createTokenizer, deleteTokenizer, tokenize};
    if (api->xCreateTokenizer(api, "br_cjk", nullptr, &tokenizer, nullptr) != SQLITE_OK)
        return Error{u"cannot register the search tokenizer: %1"_s.arg(
            QString::fromUtf8(sqlite3_errmsg(db)))};
    return {};
}

namespace {
thread_local const PrefoldedTexts *t_prefolded = nullptr;
} // namespace

QByteArray PrefoldedTexts::fold(const QByteArray &utf8)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(utf8.constData());
    const int length = static_cast<int>(utf8.size());
    std::string out;
    out.reserve(static_cast<size_t>(length));
    std::u32string folded;
    for (int i = 0; i < length;) {
        const char32_t c = nextCodePoint(bytes, length, i);
        folded.clear();
        CharFold::append(c, folded);
        if (folded.size() == 1) {
            appendUtf8(out, folded.front());
            continue;
        }
        out.push_back(static_cast<char>(kGroupOpen));
        for (const char32_t f : folded)
            appendUtf8(out, f);
        out.push_back(static_cast<char>(kGroupClose));
    }
    // Most of a simplified Chinese page folds to itself: then the text is its own folded form,
    // shared rather than kept twice.
    if (out.size() == static_cast<size_t>(length) &&
        std::memcmp(out.data(), utf8.constData(), out.size()) == 0)
        return utf8;
    return QByteArray(out.data(), static_cast<qsizetype>(out.size()));
}

quint64 PrefoldedTexts::keyOf(const char *text, int length)
{
    // The length and the first and last eight bytes: enough to tell apart the texts of a batch,
    // and the whole text is compared anyway.
    quint64 head = 0;
    quint64 tail = 0;
    const size_t n = std::min<size_t>(8, static_cast<size_t>(length));
    std::memcpy(&head, text, n);
    std::memcpy(&tail, text + length - static_cast<int>(n), n);
    quint64 h = static_cast<quint64>(length) * 0x9e3779b97f4a7c15ull;
    h ^= head * 0xbf58476d1ce4e5b9ull;
    h ^= (tail ^ (h >> 29)) * 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

void PrefoldedTexts::add(const QByteArray &source, const QByteArray &folded)
{
    if (source.isEmpty())
        return;
    // Open addressing, at most half full.
    if (2 * (m_entries.size() + 1) > m_slots.size()) {
        size_t size = 1024; // a power of two: slots are found by a mask
        while (size < 4 * (m_entries.size() + 1))
            size *= 2;
        m_slots.assign(size, -1);
        for (size_t e = 0; e < m_entries.size(); ++e)
            m_slots[freeSlot(m_entries[e].key)] = static_cast<qint32>(e);
    }
    const quint64 key = keyOf(source.constData(), static_cast<int>(source.size()));
    m_slots[freeSlot(key)] = static_cast<qint32>(m_entries.size());
    // The text itself when it folds to itself: the tokenizer reads it from what SQLite hands it.
    m_entries.push_back({key, source, folded.isSharedWith(source) ? QByteArray() : folded});
}

size_t PrefoldedTexts::freeSlot(quint64 key) const
{
    const size_t mask = m_slots.size() - 1;
    size_t slot = static_cast<size_t>(key) & mask;
    while (m_slots[slot] >= 0)
        slot = (slot + 1) & mask;
    return slot;
}

const QByteArray *PrefoldedTexts::find(const char *text, int length) const
{
    if (length <= 0 || m_slots.empty())
        return nullptr;
    const quint64 key = keyOf(text, length);
    const size_t mask = m_slots.size() - 1;
    for (size_t slot = static_cast<size_t>(key) & mask; m_slots[slot] >= 0;
         slot = (slot + 1) & mask) {
        const Entry &entry = m_entries[static_cast<size_t>(m_slots[slot])];
        if (entry.key == key && entry.source.size() == length &&
            std::memcmp(entry.source.constData(), text, static_cast<size_t>(length)) == 0)
            return &entry.folded;
    }
    return nullptr;
}

PrefoldedTexts::Scope::Scope(const PrefoldedTexts &texts) : m_previous(t_prefolded)
{
    t_prefolded = &texts;
}

PrefoldedTexts::Scope::~Scope()
{
    t_prefolded = m_previous;
}

const PrefoldedTexts *PrefoldedTexts::current()
{
    return t_prefolded;
}

QList<QStringList> cjkPhrasesOf(const QString &folded)
{
    QList<QStringList> phrases;
    QStringList phrase; // pairs the index holds at consecutive positions
    // The tokenizer's own account of breaks, kept as it keeps it: a term is tokenized here as the
    // text is, so its pairs stand in the index as they stand here.
    RunBreaks breaks;
    QString previous; // the run's last character, empty between runs
    char32_t previousCode = 0;
    qsizetype runLength = 0;
    const auto endRun = [&] {
        if (runLength == 1)
            phrases.append(QStringList{previous}); // a run of one character: the character alone
        runLength = 0;
        previous.clear();
    };
    for (qsizetype i = 0; i < folded.size();) {
        char32_t c = folded[i].unicode();
        qsizetype width = 1;
        if (QChar::isHighSurrogate(c) && i + 1 < folded.size()) {
            c = QChar::surrogateToUcs4(folded[i], folded[i + 1]);
            width = 2;
        }
        const QString current = folded.mid(i, width);
        i += width;
        if (!CharFold::isWordChar(c)) {
            endRun();
            breaks.textBroke();
            continue;
        }
        if (!previous.isEmpty()) {
            if (breaks.breakBefore(previousCode, c) && !phrase.isEmpty()) {
                phrases.append(phrase); // the break token stands between: two phrases
                phrase.clear();
            }
            phrase.append(previous + current);
        }
        previous = current;
        previousCode = c;
        ++runLength;
    }
    endRun();
    if (!phrase.isEmpty())
        phrases.append(phrase);
    return phrases;
}

} // namespace br
