#include "text/ScriptFolder.h"

#include <QLoggingCategory>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <bitset>
#include <memory>

namespace br {

Q_LOGGING_CATEGORY(lcFold, "br.text.fold")

struct ScriptFolder::Private
{
    std::unique_ptr<icu::Transliterator> toSimplified;
    const icu::Normalizer2 *nfkc = nullptr;
    std::bitset<0x10000> traditional; // BMP characters the transliterator rewrites

    bool hasTraditional(const icu::UnicodeString &s) const
    {
        for (int32_t i = 0; i < s.length(); ++i) {
            if (traditional.test(s.charAt(i)))
                return true;
        }
        return false;
    }
};

ScriptFolder::ScriptFolder() : d(new Private)
{
    UErrorCode status = U_ZERO_ERROR;
    d->toSimplified.reset(
        icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) {
        qCWarning(lcFold) << "ICU has no Hant-Hans transliterator:" << u_errorName(status);
        d->toSimplified.reset();
    } else {
        // Which characters are traditional, asked of the transliterator itself once, so that the
        // (slow, rule-based) transliteration runs only on text that needs it.
        for (UChar32 ch = 0x3400; ch <= 0x9FFF; ++ch) {
            icu::UnicodeString one(ch);
            d->toSimplified->transliterate(one);
            if (one.length() != 1 || one.charAt(0) != ch)
                d->traditional.set(static_cast<size_t>(ch));
        }
    }
    status = U_ZERO_ERROR;
    d->nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status))
        d->nfkc = nullptr;
}

ScriptFolder::~ScriptFolder()
{
    delete d;
}

QString ScriptFolder::fold(QStringView text) const
{
    icu::UnicodeString s(reinterpret_cast<const UChar *>(text.utf16()),
                         static_cast<int32_t>(text.size()));
    UErrorCode status = U_ZERO_ERROR;
    if (d->nfkc) {
        icu::UnicodeString normalized = d->nfkc->normalize(s, status);
        if (U_SUCCESS(status))
            s = std::move(normalized);
    }
    if (d->toSimplified && d->hasTraditional(s))
        d->toSimplified->transliterate(s);
    return QString(reinterpret_cast<const QChar *>(s.getBuffer()), s.length());
}

} // namespace br
