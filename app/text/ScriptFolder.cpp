#include "text/ScriptFolder.h"

#include <QLoggingCategory>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace br {

Q_LOGGING_CATEGORY(lcFold, "br.text.fold")

namespace {

// Traditional -> simplified, one character to one character, as ICU's Hant-Hans transliterator
// maps each character of the ideograph blocks. Asked of the transliterator once per process and
// then applied as a table: the rule-based transliterator itself is far too slow to run over every
// imported page.
const std::vector<char16_t> &simplifiedTable()
{
    static const std::vector<char16_t> table = [] {
        std::vector<char16_t> t(0x10000, 0);
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> toSimplified(
            icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
        if (U_FAILURE(status)) {
            qCWarning(lcFold) << "ICU has no Hant-Hans transliterator:" << u_errorName(status);
            return t;
        }
        for (UChar32 ch = 0x3400; ch <= 0x9FFF; ++ch) {
            icu::UnicodeString one(ch);
            toSimplified->transliterate(one);
            if (one.length() == 1 && one.charAt(0) != ch)
                t[static_cast<size_t>(ch)] = one.charAt(0);
        }
        return t;
    }();
    return table;
}

} // namespace

struct ScriptFolder::Private
{
    const icu::Normalizer2 *nfkc = nullptr;
    const std::vector<char16_t> *simplified = nullptr;
};

ScriptFolder::ScriptFolder() : d(new Private)
{
    UErrorCode status = U_ZERO_ERROR;
    d->nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status))
        d->nfkc = nullptr;
    d->simplified = &simplifiedTable();
}

ScriptFolder::~ScriptFolder()
{
    delete d;
}

QString ScriptFolder::fold(QStringView text) const
{
    QString folded;
    if (d->nfkc) {
        const icu::UnicodeString source(false, reinterpret_cast<const UChar *>(text.utf16()),
                                        static_cast<int32_t>(text.size()));
        UErrorCode status = U_ZERO_ERROR;
        const icu::UnicodeString normalized = d->nfkc->normalize(source, status);
        if (U_SUCCESS(status))
            folded = QString(reinterpret_cast<const QChar *>(normalized.getBuffer()),
                             normalized.length());
    }
    if (folded.isNull())
        folded = text.toString();
    const std::vector<char16_t> &table = *d->simplified;
    for (QChar &ch : folded) {
        if (const char16_t s = table[ch.unicode()])
            ch = QChar(s);
    }
    return folded;
}

} // namespace br
