#include "ui/report/PdfReport.h"

#include "exchange/CoverageTable.h"
#include "exchange/OutputFile.h"
#include "library/Library.h"
#include "ui/report/CoverageCharts.h"

#include <QApplication>
#include <QBuffer>
#include <QChart>
#include <QDateTime>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QPainter>
#include <QPdfWriter>

#include <memory>

namespace br::ui {

namespace {

// Marked with QT_TRANSLATE_NOOP where they are written, so lupdate finds them.
QString translated(const char *text)
{
    return QCoreApplication::translate("br::ui::PdfReport", text);
}

// The dimension's name inside a sentence: "Articles by county".
QString rowsName(const QString &by)
{
    return CoverageTable::dimensionName(by).toLower();
}

// Lays text out down the pages: keeps the vertical position and starts a new page when the next
// piece does not fit.
class PageFlow
{
public:
    PageFlow(QPdfWriter &writer, QPainter &painter) : m_writer(writer), m_painter(painter)
    {
        m_area = QRectF(QPointF(0, 0), painter.viewport().size());
    }
    QRectF area() const { return m_area; }
    qreal y() const { return m_y; }
    void newPage()
    {
        m_writer.newPage();
        m_y = 0;
    }
    void ensure(qreal height)
    {
        if (m_y > 0 && m_y + height > m_area.height())
            newPage();
    }
    // A paragraph of text in `font`, wrapped to the page's width.
    void text(const QString &text, const QFont &font, qreal spaceAfter = 0.4)
    {
        m_painter.setFont(font);
        const QRectF bounds =
            m_painter.boundingRect(QRectF(0, 0, m_area.width(), 1e6), Qt::TextWordWrap, text);
        ensure(bounds.height());
        m_painter.drawText(QRectF(0, m_y, m_area.width(), bounds.height()), Qt::TextWordWrap, text);
        m_y += bounds.height() + spaceAfter * QFontMetricsF(font).height();
    }
    void advance(qreal height) { m_y += height; }

private:
    QPdfWriter &m_writer;
    QPainter &m_painter;
    QRectF m_area;
    qreal m_y = 0;
};

QFont reportFont(qreal points, bool bold = false)
{
    // The CJK face the setup installs; any face with the characters would do.
    QFont font(QStringLiteral("Noto Sans CJK SC"));
    font.setStyleHint(QFont::SansSerif);
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

void drawTable(PageFlow &flow, QPainter &painter, const CoverageTable &table)
{
    const QFont font = reportFont(9);
    const QFont bold = reportFont(9, true);
    const qreal rowHeight = QFontMetricsF(font).height() * 1.6;
    const qreal width = flow.area().width();
    const int columns = static_cast<int>(table.campaigns.size()) + 1;
    const qreal keyWidth = width * 0.34;
    const qreal cellWidth = (width - keyWidth) / columns;
    const auto drawRow = [&](const QString &key, const QStringList &cells, bool header) {
        // A campaign's name longer than its column (创建全国文明城市 beside four others) is
        // wrapped in a taller header, never cut.
        const int cellFlags = Qt::AlignVCenter | Qt::AlignRight | (header ? Qt::TextWordWrap : 0);
        qreal height = rowHeight;
        if (header) {
            // Measured as the painter will draw them: the page's own font metrics.
            painter.setFont(bold);
            const qreal line = painter.fontMetrics().height();
            for (const QString &cell : cells) {
                const QRectF needed =
                    painter.boundingRect(QRectF(0, 0, cellWidth - 6, 100 * rowHeight),
                                         Qt::AlignTop | Qt::AlignRight | Qt::TextWordWrap, cell);
                height = std::max(height, needed.height() + rowHeight - line);
            }
        }
        flow.ensure(height);
        const qreal y = flow.y();
        if (header)
            painter.fillRect(QRectF(0, y, width, height), QColor(0xee, 0xee, 0xee));
        painter.setPen(QColor(0xcc, 0xcc, 0xcc));
        painter.drawLine(QPointF(0, y + height), QPointF(width, y + height));
        painter.setPen(Qt::black);
        painter.setFont(header ? bold : font);
        painter.drawText(
            QRectF(4, y, keyWidth - 8, height), Qt::AlignVCenter | Qt::AlignLeft,
            painter.fontMetrics().elidedText(key, Qt::ElideRight, static_cast<int>(keyWidth - 8)));
        for (qsizetype c = 0; c < cells.size(); ++c) {
            painter.drawText(
                QRectF(keyWidth + cellWidth * static_cast<qreal>(c), y, cellWidth - 6, height),
                cellFlags, cells[c]);
        }
        flow.advance(height);
    };
    QStringList header;
    for (const Campaign &c : table.campaigns)
        header.append(c.nameZh);
    header.append(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "Total")));
    drawRow(CoverageTable::dimensionName(table.by), header, true);
    const auto cellText = [&](int articles, int suggested) {
        if (table.countSuggested || suggested == 0)
            return QString::number(articles);
        return translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "%1 (+%2)"))
            .arg(articles)
            .arg(suggested);
    };
    QList<int> suggestedTotals(table.campaigns.size(), 0);
    for (const CoverageTable::Row &row : table.rows) {
        QStringList cells;
        for (qsizetype c = 0; c < table.campaigns.size(); ++c) {
            cells.append(cellText(row.articles[c], row.suggested[c]));
            suggestedTotals[c] += row.suggested[c];
        }
        cells.append(QString::number(row.total()));
        drawRow(row.key.isEmpty() ? translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "(none)"))
                                  : row.label,
                cells, false);
    }
    QStringList totals;
    int all = 0;
    const QList<int> columnTotals = table.columnTotals();
    for (qsizetype c = 0; c < columnTotals.size(); ++c) {
        totals.append(cellText(columnTotals[c], suggestedTotals[c]));
        all += columnTotals[c];
    }
    totals.append(QString::number(all));
    drawRow(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "Total")), totals, true);
}

void drawChart(PageFlow &flow, QPainter &painter, QChart *chart, qreal height)
{
    flow.ensure(height);
    QGraphicsScene scene;
    scene.addItem(chart); // the scene owns the chart now
    const QRectF target(0, flow.y(), flow.area().width(), height);
    // Laid out at screen size, then scaled onto the page: fonts keep their proportions.
    const QSizeF layoutSize(900, 900 * height / flow.area().width());
    chart->setFont(reportFont(9));
    chart->setTitleFont(reportFont(11, true));
    chart->legend()->setFont(reportFont(9));
    for (QAbstractAxis *axis : chart->axes())
        axis->setLabelsFont(reportFont(8));
    chart->setGeometry(QRectF(QPointF(0, 0), layoutSize));
    // Laid out now: no event loop runs between here and the drawing.
    chart->layout()->activate();
    scene.render(&painter, target, QRectF(QPointF(0, 0), layoutSize));
    flow.advance(height);
}

} // namespace

// The highlights and notes of the report's articles (of its campaign, when it has one), article
// by article: the passage quoted, the note, who and when, and whether it still stands on its text.
static Status drawNotes(PageFlow &flow, Library &library, const QString &campaign)
{
    ArticleFilter filter;
    filter.annotated = true;
    filter.campaign = campaign;
    Result<QList<ArticleSummary>> articles = library.articles(filter);
    if (!articles)
        return articles.error();
    if (articles->isEmpty())
        return {};
    flow.newPage();
    flow.text(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "Highlights and notes")),
              reportFont(16, true));
    for (const ArticleSummary &a : articles.value()) {
        Result<QList<Annotation>> notes = library.annotations(a.id);
        if (!notes)
            return notes.error();
        flow.ensure(QFontMetricsF(reportFont(12)).height() * 4);
        flow.text(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "%1 — %2"))
                      .arg(a.title.isEmpty()
                               ? translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "(untitled)"))
                               : a.title,
                           a.pageFile),
                  reportFont(11, true), 0.2);
        for (const Annotation &n : notes.value()) {
            QString line = translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "“%1”")).arg(n.quote);
            if (!n.note.isEmpty())
                line += QLatin1Char('\n') + n.note;
            QString meta = translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "%1, %2"))
                               .arg(n.author, n.updatedAt.left(10));
            if (n.anchor == AnchorState::Check)
                meta +=
                    translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", " · text changed, to check"));
            else if (n.anchor == AnchorState::Orphaned)
                meta += translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", " · its text is gone"));
            flow.text(line, reportFont(9), 0.05);
            flow.text(meta, reportFont(7.5), 0.5);
        }
        flow.advance(QFontMetricsF(reportFont(9)).height() * 0.6);
    }
    return {};
}

Status writePdfReport(Library &library, const ReportRequest &request, const QString &path)
{
    return OutputFile::write(
        path, [&](QIODevice &device) { return writePdfReport(library, request, device); });
}

Status writePdfReport(Library &library, const ReportRequest &request, QIODevice &device)
{
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return Error{QStringLiteral("PDF reports need the program's graphics (QApplication)")};
    Result<CoverageTable> table =
        CoverageTable::build(library, request.by, request.campaign, request.countSuggested);
    if (!table)
        return table.error();
    Result<CoverageTable> byMonth = CoverageTable::build(library, QStringLiteral("month"),
                                                         request.campaign, request.countSuggested);
    if (!byMonth)
        return byMonth.error();

    // Drawn in memory, then written out whole: QPdfWriter does not say when a write fails, and a
    // report is a few megabytes at most.
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout::Millimeter);
        writer.setResolution(150);
        writer.setTitle(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "Coverage report")));
        writer.setCreator(QCoreApplication::applicationName());
        QPainter painter;
        if (!painter.begin(&writer))
            return Error{QStringLiteral("cannot start the PDF")};
        PageFlow flow(writer, painter);

        // The title page.
        flow.advance(flow.area().height() * 0.25);
        flow.text(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "Coverage report")),
                  reportFont(26, true), 1);
        QStringList campaignNames;
        for (const Campaign &c : table->campaigns)
            campaignNames.append(c.nameZh);
        flow.text(
            translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "Articles by %1 and campaign: %2"))
                .arg(rowsName(request.by), campaignNames.join(QStringLiteral("、"))),
            reportFont(13));
        flow.text(
            request.countSuggested
                ? translated(QT_TRANSLATE_NOOP(
                      "br::ui::PdfReport", "Suggested, not yet confirmed articles are counted."))
                : translated(QT_TRANSLATE_NOOP(
                      "br::ui::PdfReport",
                      "Counts are of tagged articles; suggested ones are shown apart (+n).")),
            reportFont(11));
        flow.text(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "Library: %1"))
                      .arg(library.location().name()),
                  reportFont(11));
        flow.text(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "Made on %1"))
                      .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::LongFormat)),
                  reportFont(11), 1.5);
        const QList<int> totals = table->columnTotals();
        for (qsizetype c = 0; c < table->campaigns.size(); ++c) {
            // Marked for lupdate, which does not read a plural form given to translate().
            static const char *const kCount =
                QT_TRANSLATE_N_NOOP("br::ui::PdfReport", "%1: %n article(s)");
            flow.text(QCoreApplication::translate("br::ui::PdfReport", kCount, nullptr, totals[c])
                          .arg(table->campaigns[c].nameZh),
                      reportFont(12, true), 0.2);
        }

        // The table.
        flow.newPage();
        flow.text(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "Coverage by %1"))
                      .arg(rowsName(request.by)),
                  reportFont(16, true));
        drawTable(flow, painter, table.value());

        // The charts.
        flow.newPage();
        const qreal chartHeight = flow.area().height() * 0.46;
        drawChart(flow, painter,
                  CoverageCharts::stackedBars(
                      table.value(),
                      translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "Articles by %1"))
                          .arg(rowsName(request.by)),
                      request.by == QLatin1StringView("month") ? CoverageCharts::Bars::Vertical
                                                               : CoverageCharts::Bars::Horizontal),
                  chartHeight);
        // By month too, unless that was the first chart.
        if (request.by != QLatin1StringView("month")) {
            flow.advance(flow.area().height() * 0.04);
            drawChart(flow, painter,
                      CoverageCharts::stackedBars(
                          byMonth.value(),
                          translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "Articles by month")),
                          CoverageCharts::Bars::Vertical, 24),
                      chartHeight);
        }

        // The articles of every cell.
        flow.newPage();
        flow.text(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "The articles of each cell")),
                  reportFont(16, true));
        for (const CoverageTable::Row &row : table->rows) {
            for (qsizetype c = 0; c < table->campaigns.size(); ++c) {
                const int shown = row.articles[c] + (request.countSuggested ? 0 : row.suggested[c]);
                if (shown == 0)
                    continue;
                ArticleFilter filter;
                filter.coverageBy = request.by;
                filter.coverageKey = row.key;
                filter.campaign = table->campaigns[c].id;
                filter.orSuggested = true;
                Result<QList<ArticleSummary>> articles = library.articles(filter);
                if (!articles)
                    return articles.error();
                flow.ensure(QFontMetricsF(reportFont(12)).height() * 4);
                flow.text(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "%1 · %2 (%3)"))
                              .arg(row.key.isEmpty() ? translated(QT_TRANSLATE_NOOP(
                                                           "br::ui::PdfReport", "(none)"))
                                                     : row.label,
                                   table->campaigns[c].nameZh)
                              .arg(articles->size()),
                          reportFont(12, true), 0.2);
                for (const ArticleSummary &a : articles.value()) {
                    const bool tagged = a.campaigns.contains(table->campaigns[c].id);
                    flow.text(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport", "%1 %2 — %3"))
                                  .arg(tagged ? QStringLiteral("•") : QStringLiteral("○"), a.title,
                                       a.pageFile),
                              reportFont(9), 0.1);
                }
                flow.advance(QFontMetricsF(reportFont(9)).height() * 0.6);
            }
        }
        flow.text(translated(QT_TRANSLATE_NOOP("br::ui::PdfReport",
                                               "• tagged   ○ suggested, not yet confirmed")),
                  reportFont(8));
        if (request.withNotes) {
            if (Status s = drawNotes(flow, library, request.campaign); !s)
                return s;
        }
        if (!painter.end())
            return Error{QStringLiteral("cannot finish the PDF")};
    }
    return OutputFile::writeAll(device, pdf.data());
}

} // namespace br::ui
