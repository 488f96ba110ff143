#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace br {

// Where one of a page's details (publication, date, page number) came from: the page itself (its
// date line or masthead), its file's name, a folder it sits in, or a person.
enum class DetailOrigin
{
    None,
    Page,
    FileName,
    Folder,
    Person
};

// As the library keeps it: "", "page", "file", "folder", "person"; unknown codes read as None.
QString detailOriginCode(DetailOrigin origin);
DetailOrigin detailOriginFromCode(QStringView code);

struct FoundDetail
{
    QString value; // empty when nothing was found
    DetailOrigin origin = DetailOrigin::None;
};

// A page's publication, date and page number, each with where it came from.
struct PageDetails
{
    FoundDetail publication;
    FoundDetail date; // YYYY-MM-DD
    FoundDetail pageNumber;
};

// What a page says of itself, read as a person would: a date line at its head (2019年5月28日
// 星期二, 二〇一九年五月二十八日, 2019-05-28) or foot, the paper's name in its masthead (聊城日报;
// 承办：大众日报聊城新闻), a page number (第3版), and what its file's name and folders add
// (…/聊城日报/2019-05-28/03.txt, rmrb_20190226-06.txt). The page wins over its file name, the file
// name over its folders: the nearer the evidence, the likelier it is the page's own. A guess, shown
// with its origin, that a person corrects.
namespace PageDetailsFinder {

// `path`: the file as given (folders count); `masthead`: the splitter's masthead lines; `text`:
// the page's text (only its first and last lines are read).
PageDetails find(const QString &path, const QStringList &masthead, const QString &text);

// A date as pages and people write it — 2019-05-28, 2019/5/28, 2019.5.28, 20190528, 2019年5月28日,
// 二〇一九年五月二十八日, full-width digits — as YYYY-MM-DD; nothing when it is no real day. An
// empty text is the empty date.
std::optional<QString> normalizeDate(const QString &text);

} // namespace PageDetailsFinder
} // namespace br
