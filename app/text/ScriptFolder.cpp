#include "text/ScriptFolder.h"

#include "text/CharFold.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <memory>
#include <vector>

namespace br {

struct ScriptFolder::Private
{
    const icu::Normalizer2 *nfkc = nullptr;
    const std::u16string *simplified = nullptr;
};

ScriptFolder::ScriptFolder() : d(new Private)
{
    UErrorCode status = U_ZERO_ERROR;
    d->nfkc = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status))
        d->nfkc = nullptr;
    d->simplified = &CharFold::hantToHans();
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
    const std::u16string &table = *d->simplified;
    for (QChar &ch : folded) {
        if (const char16_t s = table[ch.unicode()])
            ch = QChar(s);
    }
    return folded;
}

} // namespace br
