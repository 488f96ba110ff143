#include "library/Library.h"

#include "library/PgLibrary.h"
#include "library/SqliteLibrary.h"

namespace br {

using namespace Qt::StringLiterals;

Library::~Library() = default;

Result<std::unique_ptr<Library>> Library::open(const LibraryLocation &location, bool readOnly)
{
    if (location.isFile())
        return SqliteLibrary::open(location.text(), readOnly);
    return PgLibrary::open(location, readOnly);
}

Result<std::unique_ptr<Library>> Library::open(const QString &location, bool readOnly)
{
    return open(LibraryLocation::fromText(location), readOnly);
}

Result<PageStore::Added> PageStore::addPage(const ReadPage &page)
{
    Result<QList<Added>> added = addPages({&page});
    if (!added)
        return added.error();
    return added->front();
}

Status PageStore::setPageDetails(qint64 pageId, const QString &publication, const QString &date,
                                 const QString &pageNumber)
{
    const auto typed = [](const QString &value) {
        return FoundDetail{value, value.isEmpty() ? DetailOrigin::None : DetailOrigin::Person};
    };
    return setPagesDetails({{pageId, {typed(publication), typed(date), typed(pageNumber)}}});
}

} // namespace br
