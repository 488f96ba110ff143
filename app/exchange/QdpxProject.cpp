#include "exchange/QdpxProject.h"

#include "core/HighlightColors.h"
#include "exchange/ZipArchive.h"
#include "text/CodePoints.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QUuid>
#include <QXmlStreamWriter>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// The namespace of every guid derived here (a uuid of its own, so no other tool's v5 names
// collide with them).
const QUuid kNamespace = QUuid::fromString(u"6f1d2a52-0c1e-4f5e-9a57-6d0b7e2f3c41"_s);

QString derived(const QString &base, const QString &what)
{
    return QUuid::createUuidV5(QUuid::fromString(base), what).toString(QUuid::WithoutBraces);
}

QString userGuid(const QString &author)
{
    return QUuid::createUuidV5(kNamespace, u"user:"_s + author).toString(QUuid::WithoutBraces);
}

QString colorName(const QString &hex)
{
    for (const HighlightColor &c : kHighlightColors) {
        if (hex.compare(QLatin1String(c.hex), Qt::CaseInsensitive) == 0)
            return QCoreApplication::translate("br::ui::MainWindow", c.name);
    }
    return hex;
}

// Every highlight colour the record uses, in the order first used.
QStringList colorsOf(const CodedRecord &record)
{
    QStringList colors;
    for (const CodedArticle &a : record.articles) {
        for (const Annotation &n : a.annotations) {
            if (!colors.contains(n.color.toLower()))
                colors.append(n.color.toLower());
        }
    }
    return colors;
}

void writeCodes(QXmlStreamWriter &xml, const CodedRecord &record)
{
    xml.writeStartElement(u"Codes"_s);
    for (const Campaign &c : record.campaigns) {
        xml.writeStartElement(u"Code"_s);
        xml.writeAttribute(u"guid"_s, codeGuid(c.id));
        xml.writeAttribute(u"name"_s, c.nameZh);
        xml.writeAttribute(u"isCodable"_s, u"true"_s);
        xml.writeAttribute(u"color"_s, c.color);
        xml.writeTextElement(u"Description"_s,
                             c.nameEn == c.nameZh ? c.id : u"%1 (%2)"_s.arg(c.nameEn, c.id));
        xml.writeEndElement();
    }
    const QStringList colors = colorsOf(record);
    if (!colors.isEmpty()) {
        xml.writeStartElement(u"Code"_s);
        xml.writeAttribute(u"guid"_s, codeGuid(u"highlight"_s));
        xml.writeAttribute(u"name"_s, QCoreApplication::translate("Export", "Highlights"));
        xml.writeAttribute(u"isCodable"_s, u"false"_s);
        for (const QString &color : colors) {
            xml.writeStartElement(u"Code"_s);
            xml.writeAttribute(u"guid"_s, codeGuid(u"highlight:"_s + color));
            xml.writeAttribute(u"name"_s, colorName(color));
            xml.writeAttribute(u"isCodable"_s, u"true"_s);
            xml.writeAttribute(u"color"_s, color);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

void writeCoding(QXmlStreamWriter &xml, const QString &guid, const QString &code,
                 const QString &user, const QString &when)
{
    xml.writeStartElement(u"Coding"_s);
    xml.writeAttribute(u"guid"_s, guid);
    if (!user.isEmpty())
        xml.writeAttribute(u"creatingUser"_s, user);
    if (!when.isEmpty())
        xml.writeAttribute(u"creationDateTime"_s, when);
    xml.writeEmptyElement(u"CodeRef"_s);
    xml.writeAttribute(u"targetGUID"_s, code);
    xml.writeEndElement();
}

// A note of the project: its guid, who and when, and its text.
struct ProjectNote
{
    QString guid;
    QString name;
    QString user;
    QString when;
    QString text;
};

void writeSource(QXmlStreamWriter &xml, const CodedArticle &a, const QString &user,
                 QList<ProjectNote> &notes)
{
    const QString title = a.record.summary.title.isEmpty()
                              ? u"(untitled) %1"_s.arg(a.record.summary.id)
                              : a.record.summary.title;
    xml.writeStartElement(u"TextSource"_s);
    xml.writeAttribute(u"guid"_s, a.uuid);
    xml.writeAttribute(u"name"_s, title);
    xml.writeAttribute(u"plainTextPath"_s, u"internal://%1.txt"_s.arg(a.uuid));
    QStringList where{a.record.summary.pageFile};
    for (const QString &s : {a.record.publication, a.record.date, a.record.pageNumber}) {
        if (!s.isEmpty())
            where.append(s);
    }
    xml.writeTextElement(u"Description"_s, where.join(u"; "_s));
    const qsizetype length = CodePoints::count(a.plainText);
    for (const ArticleTag &tag : a.tags) {
        xml.writeStartElement(u"PlainTextSelection"_s);
        xml.writeAttribute(u"guid"_s, derived(a.uuid, u"tag:"_s + tag.campaign));
        xml.writeAttribute(u"name"_s, title);
        xml.writeAttribute(u"startPosition"_s, u"0"_s);
        xml.writeAttribute(u"endPosition"_s, QString::number(length));
        if (!tag.setAt.isEmpty())
            xml.writeAttribute(u"creationDateTime"_s, tag.setAt);
        writeCoding(xml, derived(a.uuid, u"coding:"_s + tag.campaign), codeGuid(tag.campaign),
                    tag.setBy.isEmpty() ? QString() : userGuid(tag.setBy), tag.setAt);
        xml.writeEndElement();
    }
    QStringList orphans;
    for (const Annotation &n : a.annotations) {
        const QString by = n.author.isEmpty() ? user : userGuid(n.author);
        if (n.anchor == AnchorState::Orphaned) {
            const QString guid = derived(n.uuid, u"note"_s);
            notes.append(
                {guid, n.quote.left(60), by, n.createdAt,
                 QCoreApplication::translate("Export", "Orphaned highlight (its text is gone): "
                                                       "“%1”\n%2")
                     .arg(n.quote, n.note)
                     .trimmed()});
            orphans.append(guid);
            continue;
        }
        xml.writeStartElement(u"PlainTextSelection"_s);
        xml.writeAttribute(u"guid"_s, n.uuid);
        xml.writeAttribute(u"name"_s, n.quote.left(60));
        xml.writeAttribute(u"startPosition"_s, QString::number(n.start));
        xml.writeAttribute(u"endPosition"_s, QString::number(n.end));
        xml.writeAttribute(u"creatingUser"_s, by);
        xml.writeAttribute(u"creationDateTime"_s, n.createdAt);
        xml.writeAttribute(u"modifiedDateTime"_s, n.updatedAt);
        writeCoding(xml, derived(n.uuid, u"coding"_s),
                    codeGuid(u"highlight:"_s + n.color.toLower()), by, n.createdAt);
        if (!n.note.isEmpty()) {
            const QString guid = derived(n.uuid, u"note"_s);
            notes.append({guid, n.quote.left(60), by, n.updatedAt, n.note});
            xml.writeEmptyElement(u"NoteRef"_s);
            xml.writeAttribute(u"targetGUID"_s, guid);
        }
        xml.writeEndElement();
    }
    for (const QString &guid : orphans) {
        xml.writeEmptyElement(u"NoteRef"_s);
        xml.writeAttribute(u"targetGUID"_s, guid);
    }
    xml.writeEndElement();
}

// Starts a QDA-XML document: its namespace, its root and the program that made it.
void startDocument(QXmlStreamWriter &xml, const QString &ns, const QString &root)
{
    xml.setAutoFormatting(true);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(ns);
    xml.writeStartElement(root);
    xml.writeAttribute(u"origin"_s,
                       u"Bulletin Reader %1"_s.arg(QCoreApplication::applicationVersion()));
}

QByteArray projectXml(const CodedRecord &record)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    startDocument(xml, u"urn:QDA-XML:project:1.0"_s, u"Project"_s);
    const QString user = userGuid(record.author);
    xml.writeAttribute(u"name"_s, record.libraryName);
    xml.writeAttribute(u"creatingUserGUID"_s, user);
    xml.writeAttribute(u"creationDateTime"_s,
                       QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    // Everyone who made an annotation or set a tag, and the library's user.
    QStringList people{record.author};
    const auto addPerson = [&people](const QString &person) {
        if (!person.isEmpty() && !people.contains(person))
            people.append(person);
    };
    for (const CodedArticle &a : record.articles) {
        for (const Annotation &n : a.annotations)
            addPerson(n.author);
        for (const ArticleTag &tag : a.tags)
            addPerson(tag.setBy);
    }
    xml.writeStartElement(u"Users"_s);
    for (const QString &person : people) {
        xml.writeEmptyElement(u"User"_s);
        xml.writeAttribute(u"guid"_s, userGuid(person));
        xml.writeAttribute(u"name"_s, person);
    }
    xml.writeEndElement();
    xml.writeStartElement(u"CodeBook"_s);
    writeCodes(xml, record);
    xml.writeEndElement();
    QList<ProjectNote> notes;
    if (!record.articles.isEmpty()) {
        xml.writeStartElement(u"Sources"_s);
        for (const CodedArticle &a : record.articles)
            writeSource(xml, a, user, notes);
        xml.writeEndElement();
    }
    if (!notes.isEmpty()) {
        xml.writeStartElement(u"Notes"_s);
        for (const ProjectNote &n : notes) {
            xml.writeStartElement(u"Note"_s);
            xml.writeAttribute(u"guid"_s, n.guid);
            xml.writeAttribute(u"name"_s, n.name);
            xml.writeAttribute(u"creatingUser"_s, n.user);
            if (!n.when.isEmpty())
                xml.writeAttribute(u"creationDateTime"_s, n.when);
            xml.writeTextElement(u"PlainTextContent"_s, n.text);
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

} // namespace

QString codeGuid(const QString &key)
{
    return QUuid::createUuidV5(kNamespace, u"code:"_s + key).toString(QUuid::WithoutBraces);
}

Status writeQdpx(QIODevice &device, const CodedRecord &record)
{
    ZipWriter zip;
    if (Status s = zip.add(u"project.qde"_s, projectXml(record)); !s)
        return s;
    for (const CodedArticle &a : record.articles) {
        if (Status s = zip.add(u"sources/%1.txt"_s.arg(a.uuid), a.plainText.toUtf8()); !s)
            return s;
    }
    Result<QByteArray> bytes = zip.finish();
    if (!bytes)
        return bytes.error();
    if (device.write(bytes.value()) != bytes->size())
        return Error{device.errorString()};
    return {};
}

Status writeQdc(QIODevice &device, const CodedRecord &record)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    startDocument(xml, u"urn:QDA-XML:codebook:1.0"_s, u"CodeBook"_s);
    writeCodes(xml, record);
    xml.writeEndElement();
    xml.writeEndDocument();
    if (device.write(bytes) != bytes.size())
        return Error{device.errorString()};
    return {};
}

} // namespace br
