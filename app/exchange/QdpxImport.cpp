#include "exchange/QdpxImport.h"

#include "core/HighlightColors.h"
#include "exchange/QdpxProject.h"
#include "exchange/ZipArchive.h"
#include "library/Library.h"
#include "library/PageReader.h"
#include "text/CodePoints.h"
#include "text/TextAnchor.h"

#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>
#include <QXmlStreamReader>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// A project's archive may hold its sources in full, up to this much.
constexpr qint64 kMaxUnpackedBytes = 1024LL * 1024 * 1024;

// A selection this close to the whole source codes the source, not a passage of it.
constexpr double kWholeSource = 0.9;

QString attribute(const QXmlStreamReader &xml, const char16_t *name)
{
    return xml.attributes().value(QString::fromUtf16(name)).toString();
}

class ProjectParser
{
public:
    ProjectParser(const QByteArray &xml, const QHash<QString, QByteArray> &files)
        : m_xml(xml), m_files(files)
    {
    }

    Result<QdpxProjectData> parse()
    {
        // The root alone: reading on past its end would report a premature end of document.
        if (m_xml.readNextStartElement()) {
            if (m_xml.name() != u"Project" || m_xml.namespaceUri() != u"urn:QDA-XML:project:1.0") {
                return Error{u"project.qde is not a REFI-QDA project (its root is %1)"_s.arg(
                    m_xml.name().toString())};
            }
            project();
        }
        if (m_xml.hasError() || m_xml.name() != u"Project") {
            return Error{u"project.qde is broken at line %1: %2"_s.arg(m_xml.lineNumber())
                             .arg(m_xml.errorString())};
        }
        return std::move(m_data);
    }

private:
    void project()
    {
        while (m_xml.readNextStartElement()) {
            const QStringView name = m_xml.name();
            if (name == u"Users")
                users();
            else if (name == u"CodeBook")
                codeBook();
            else if (name == u"Sources")
                sources();
            else if (name == u"Notes")
                notes();
            else
                m_xml.skipCurrentElement();
        }
    }

    void users()
    {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == u"User")
                m_data.users.insert(attribute(m_xml, u"guid"), attribute(m_xml, u"name"));
            m_xml.skipCurrentElement();
        }
    }

    void codeBook()
    {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == u"Codes")
                codes(QString());
            else
                m_xml.skipCurrentElement();
        }
    }

    void codes(const QString &parent, int depth = 0)
    {
        // Codes nest a few levels in any real codebook; a hostile one must not take the stack.
        constexpr int kMaxDepth = 64;
        if (depth > kMaxDepth) {
            m_xml.raiseError(u"codes nest more than %1 levels deep"_s.arg(kMaxDepth));
            return;
        }
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() != u"Code") {
                m_xml.skipCurrentElement();
                continue;
            }
            QdpxProjectData::Code code{attribute(m_xml, u"guid"), attribute(m_xml, u"name"),
                                       attribute(m_xml, u"color"), parent};
            m_data.codes.insert(code.guid, code);
            codes(code.guid, depth + 1); // its children; Description and NoteRef skipped there
        }
    }

    void sources()
    {
        while (m_xml.readNextStartElement()) {
            const QString kind = m_xml.name().toString();
            if (kind != u"TextSource"_s) {
                m_data.refused.append(u"%1 “%2”: only text sources can be imported"_s.arg(
                    kind, attribute(m_xml, u"name")));
                m_xml.skipCurrentElement();
                continue;
            }
            textSource();
        }
    }

    void textSource()
    {
        QdpxProjectData::Source source;
        source.guid = attribute(m_xml, u"guid");
        source.name = attribute(m_xml, u"name");
        const QString path = attribute(m_xml, u"plainTextPath");
        bool inline_ = false;
        while (m_xml.readNextStartElement()) {
            const QStringView name = m_xml.name();
            if (name == u"PlainTextContent") {
                source.text = m_xml.readElementText();
                inline_ = true;
            } else if (name == u"PlainTextSelection") {
                source.selections.append(selection());
            } else if (name == u"Coding") {
                source.codes += coding();
            } else if (name == u"NoteRef") {
                source.notes.append(attribute(m_xml, u"targetGUID"));
                m_xml.skipCurrentElement();
            } else {
                m_xml.skipCurrentElement();
            }
        }
        if (!inline_) {
            // internal://NAME lives in the archive's sources/; other paths are outside it.
            const QString internal = u"internal://"_s;
            if (!path.startsWith(internal)) {
                m_data.refused.append(
                    u"text source “%1”: its text is outside the project (%2)"_s.arg(source.name,
                                                                                    path));
                return;
            }
            const auto file = m_files.find(u"sources/"_s + path.mid(internal.size()));
            if (file == m_files.end()) {
                m_data.refused.append(
                    u"text source “%1”: %2 is missing from the archive"_s.arg(source.name, path));
                return;
            }
            QStringDecoder utf8(QStringDecoder::Utf8);
            source.text = utf8.decode(file.value());
            if (utf8.hasError()) {
                m_data.refused.append(
                    u"text source “%1”: %2 is not UTF-8 text"_s.arg(source.name, path));
                return;
            }
        }
        m_data.sources.append(std::move(source));
    }

    QdpxProjectData::Selection selection()
    {
        QdpxProjectData::Selection s;
        s.guid = attribute(m_xml, u"guid");
        s.start = attribute(m_xml, u"startPosition").toLongLong();
        s.end = attribute(m_xml, u"endPosition").toLongLong();
        s.user = attribute(m_xml, u"creatingUser");
        s.created = attribute(m_xml, u"creationDateTime");
        while (m_xml.readNextStartElement()) {
            const QStringView name = m_xml.name();
            if (name == u"Coding") {
                s.codes += coding();
            } else if (name == u"NoteRef") {
                s.notes.append(attribute(m_xml, u"targetGUID"));
                m_xml.skipCurrentElement();
            } else if (name == u"Description") {
                s.description = m_xml.readElementText();
            } else {
                m_xml.skipCurrentElement();
            }
        }
        return s;
    }

    QStringList coding()
    {
        QStringList codes;
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == u"CodeRef")
                codes.append(attribute(m_xml, u"targetGUID"));
            m_xml.skipCurrentElement();
        }
        return codes;
    }

    void notes()
    {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() != u"Note") {
                m_xml.skipCurrentElement();
                continue;
            }
            const QString guid = attribute(m_xml, u"guid");
            QString text;
            while (m_xml.readNextStartElement()) {
                if (m_xml.name() == u"PlainTextContent")
                    text = m_xml.readElementText();
                else
                    m_xml.skipCurrentElement();
            }
            m_data.notes.insert(guid, text);
        }
    }

    QXmlStreamReader m_xml;
    const QHash<QString, QByteArray> &m_files;
    QdpxProjectData m_data;
};

// What a code of the project is here: a campaign or own tag, or a highlight colour.
struct CodeMeaning
{
    QString campaign; // a campaign's or own tag's id; empty for a colour
    QString color;
};

} // namespace

Result<QdpxProjectData> QdpxProjectData::read(const QByteArray &zipBytes)
{
    Result<QList<ZipEntry>> entries = readZip(zipBytes, kMaxUnpackedBytes);
    if (!entries)
        return entries.error();
    QHash<QString, QByteArray> files;
    for (ZipEntry &e : entries.value())
        files.insert(e.name, std::move(e.bytes));
    const auto project = files.find(u"project.qde"_s);
    if (project == files.end())
        return Error{u"is a zip archive but no REFI-QDA project: it has no project.qde"_s};
    return ProjectParser(project.value(), files).parse();
}

Result<QdpxImportReport> importQdpx(Library &library, const QString &path)
{
    Result<QByteArray> bytes =
        PageReader::readPageBytes(QFile::encodeName(path), PageReader::kMaxArchiveBytes);
    if (!bytes)
        return Error{u"%1: %2"_s.arg(path, bytes.errorMessage())};
    Result<QdpxProjectData> project = QdpxProjectData::read(bytes.value());
    if (!project)
        return Error{u"%1: %2"_s.arg(path, project.errorMessage())};
    QdpxImportReport report;
    report.refused = project->refused;

    // The codes: a campaign or own tag by its guid (this program's exports) or by its name,
    // a highlight colour, or a new own tag.
    Result<QList<Campaign>> campaigns = library.campaigns();
    if (!campaigns)
        return campaigns.error();
    QHash<QString, CodeMeaning> meaning;
    for (const QdpxProjectData::Code &code : project->codes) {
        for (const Campaign &c : campaigns.value()) {
            if (code.guid == codeGuid(c.id) || code.name == c.nameZh || code.name == c.nameEn ||
                code.name == c.id)
                meaning.insert(code.guid, {c.id, QString()});
        }
        if (meaning.contains(code.guid))
            continue;
        const bool isColor =
            code.guid == codeGuid(u"highlight:"_s + code.color.toLower()) ||
            (!code.parentGuid.isEmpty() && code.parentGuid == codeGuid(u"highlight"_s));
        if (isColor)
            meaning.insert(code.guid, {QString(), code.color.toLower()});
    }
    const auto tagOf = [&](const QString &guid) -> Result<QString> {
        if (const auto it = meaning.find(guid); it != meaning.end())
            return it->campaign;
        const auto code = project->codes.find(guid);
        if (code == project->codes.end())
            return QString(); // a coding of a code the project does not have: nothing to tag
        const QString color = highlightColorNamed(code->color).value_or(u"#8e44ad"_s);
        Result<QString> added = library.addTag(code->name, color);
        if (!added)
            return Error{u"code “%1”: %2"_s.arg(code->name, added.errorMessage())};
        meaning.insert(guid, {added.value(), QString()});
        ++report.tags;
        return added.value();
    };

    const PageReader reader;
    const QString base = QFileInfo(path).fileName();
    for (const QdpxProjectData::Source &source : project->sources) {
        const QString pagePath = u"%1#%2"_s.arg(base, source.name);
        Result<ReadPage> read = reader.readBytes(pagePath, source.text.toUtf8());
        if (!read) {
            report.refused.append(u"text source “%1”: %2"_s.arg(source.name, read.errorMessage()));
            continue;
        }
        read->fileName = source.name;
        Result<PageStore::Added> added = library.addPage(read.value());
        if (!added)
            return Error{u"%1: %2"_s.arg(path, added.errorMessage())};
        if (added->duplicate) {
            ++report.duplicates;
            continue;
        }
        ++report.pages;
        report.articles += added->articles;
        Result<QList<qint64>> ids = library.pageArticleIds(added->pageId);
        if (!ids)
            return ids.error();
        QList<QString> texts;
        for (const qint64 id : ids.value()) {
            Result<ArticleDetail> detail = library.article(id);
            if (!detail)
                return detail.error();
            texts.append(detail->article.plainText());
        }
        const auto tagArticle = [&](qint64 articleId, const QStringList &codes) -> Status {
            for (const QString &guid : codes) {
                Result<QString> tag = tagOf(guid);
                if (!tag)
                    return tag.error();
                if (!tag->isEmpty()) {
                    if (Status s = library.setCampaign(articleId, tag.value(), true); !s)
                        return s;
                }
            }
            return {};
        };
        for (const qint64 id : ids.value()) {
            if (Status s = tagArticle(id, source.codes); !s)
                return s.error();
        }
        const qsizetype length = CodePoints::count(source.text);
        for (const QdpxProjectData::Selection &sel : source.selections) {
            if (sel.start < 0 || sel.end <= sel.start || sel.end > length) {
                report.refused.append(u"selection %1 of “%2”: positions %3–%4 are outside its "
                                      u"%5 characters"_s.arg(sel.guid, source.name)
                                          .arg(sel.start)
                                          .arg(sel.end)
                                          .arg(length));
                continue;
            }
            if (static_cast<double>(sel.end - sel.start) >=
                kWholeSource * static_cast<double>(length)) {
                for (const qint64 id : ids.value()) {
                    if (Status s = tagArticle(id, sel.codes); !s)
                        return s.error();
                }
                continue;
            }
            // The passage in the article of the split that holds it.
            const TextQuote quote = TextQuote::of(source.text, sel.start, sel.end);
            qsizetype best = -1;
            Anchoring found;
            for (qsizetype i = 0; i < texts.size(); ++i) {
                const Anchoring a = TextAnchor::find(texts[i], quote);
                if (a.state == AnchorState::Orphaned || (best >= 0 && a.score <= found.score))
                    continue;
                best = i;
                found = a;
                if (a.state == AnchorState::Exact)
                    break;
            }
            if (best < 0) {
                report.refused.append(
                    u"selection “%1” of “%2”: not found in the articles the "
                    u"page was split into"_s.arg(quote.exact.left(30), source.name));
                continue;
            }
            Annotation n;
            n.articleId = ids->at(best);
            n.quote = quote.exact;
            n.moveTo(texts[best], found);
            n.author = project->users.value(sel.user);
            n.createdAt = sel.created;
            n.color = u"#ffe066"_s;
            QStringList tagCodes;
            for (const QString &guid : sel.codes) {
                const auto it = meaning.find(guid);
                if (it != meaning.end() && !it->color.isEmpty())
                    n.color = it->color;
                else
                    tagCodes.append(guid);
            }
            QStringList noteTexts;
            for (const QString &guid : sel.notes)
                noteTexts.append(project->notes.value(guid));
            if (!sel.description.isEmpty())
                noteTexts.append(sel.description);
            noteTexts.removeAll(QString());
            n.note = noteTexts.join(u"\n"_s);
            Result<qint64> stored = library.addAnnotation(n);
            if (!stored)
                return Error{u"%1: %2"_s.arg(path, stored.errorMessage())};
            ++report.annotations;
            if (Status s = tagArticle(n.articleId, tagCodes); !s)
                return s.error();
        }
    }
    return report;
}

} // namespace br
