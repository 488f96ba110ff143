// Learns the line-role model (resources/model/line_roles.tsv) from pages whose structure is known:
// page files with a gold JSON beside each (the format ../shared/tools/make_pages.py writes and
// score_segment.py reads: article headline ranges, broken paragraphs, caption lines).
//
// usage: train_line_roles OUT.tsv [--epochs N] DIR...         learn, write the weights
//        train_line_roles --eval MODEL.tsv DIR...               line-role accuracy per role
//        train_line_roles --features PAGE                       each line's features
//
// scripts/train_line_model.sh builds the pages from the corpus and runs this.
#include "text/LineRoleModel.h"
#include "text/LineShape.h"
#include "text/PageLines.h"
#include "text/TextDecoder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QSet>

#include <cstdio>

using namespace br;

namespace {

struct Example
{
    QString name;
    QList<QStringList> features;
    QList<LineRole> roles;
    QStringList lines; // the text, for showing mistakes
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return file.readAll();
}

// The role of every line, from the gold: headline ranges, lines that continue a broken paragraph,
// caption lines (and lines marked as captions, which hand-made gold does not always list).
QList<LineRole> goldRoles(const QList<PageLine> &lines, const QJsonObject &gold)
{
    QHash<int, LineRole> byNumber;
    int firstArticle = std::numeric_limits<int>::max();
    for (const QJsonValue &a : gold.value(QStringLiteral("articles")).toArray()) {
        const QJsonArray range = a.toObject().value(QStringLiteral("start_lines")).toArray();
        const int lo = range.at(0).toInt();
        const int hi = range.at(1).toInt();
        firstArticle = std::min(firstArticle, lo);
        bool first = true;
        for (const PageLine &line : lines) {
            if (line.number < lo || line.number > hi)
                continue;
            byNumber.insert(line.number, first ? LineRole::HeadStart : LineRole::HeadMore);
            first = false;
        }
    }
    QSet<int> continues;
    for (const QJsonValue &b : gold.value(QStringLiteral("broken_paragraphs")).toArray())
        continues.insert(b.toObject().value(QStringLiteral("continues_at")).toInt());
    QSet<int> captions;
    for (const QJsonValue &c : gold.value(QStringLiteral("caption_lines")).toArray())
        captions.insert(c.toInt());
    QList<LineRole> roles;
    for (const PageLine &line : lines) {
        if (byNumber.contains(line.number))
            roles.append(byNumber.value(line.number));
        else if (line.number < firstArticle)
            roles.append(LineRole::Furniture);
        else if (continues.contains(line.number))
            roles.append(LineRole::BodyMore);
        else if (captions.contains(line.number) || LineShape::startsWithCaptionMarker(line.text))
            roles.append(LineRole::Caption);
        else
            roles.append(LineRole::BodyStart);
    }
    return roles;
}

QList<Example> load(const QStringList &dirs)
{
    QList<Example> examples;
    for (const QString &dir : dirs) {
        const QDir d(dir);
        for (const QString &json :
             d.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const QString page = d.filePath(json.chopped(5) + QStringLiteral(".txt"));
            if (!QFile::exists(page))
                continue;
            Result<DecodedText> text = TextDecoder::decode(readAll(page));
            if (!text)
                qFatal("%s: %s", qPrintable(page), qPrintable(text.errorMessage()));
            const QList<PageLine> lines = splitPageLines(text->text);
            const QJsonObject gold = QJsonDocument::fromJson(readAll(d.filePath(json))).object();
            Example e{page, {}, goldRoles(lines, gold), {}};
            for (const PageLine &line : lines)
                e.lines.append(line.text);
            const LineFeatures features(lines);
            for (qsizetype i = 0; i < lines.size(); ++i)
                e.features.append(features.of(i));
            examples.append(std::move(e));
        }
    }
    return examples;
}

void evaluate(const LineRoleModel &model, const QList<Example> &examples)
{
    int right[kLineRoles] = {};
    int total[kLineRoles] = {};
    int guessed[kLineRoles] = {};
    const bool show = qEnvironmentVariableIsSet("BR_SHOW_ERRORS");
    for (const Example &e : examples) {
        const QList<LineRole> guess = model.decode(e.features);
        for (qsizetype i = 0; i < guess.size(); ++i) {
            if (show && guess[i] != e.roles[i])
                std::printf("%s:%lld gold=%s guess=%s | %s\n", qPrintable(e.name),
                            static_cast<long long>(i), qPrintable(lineRoleName(e.roles[i])),
                            qPrintable(lineRoleName(guess[i])), qPrintable(e.lines[i].left(50)));
            const int g = static_cast<int>(e.roles[i]);
            ++total[g];
            ++guessed[static_cast<int>(guess[i])];
            right[g] += guess[i] == e.roles[i];
        }
    }
    int all = 0, allRight = 0;
    for (int r = 0; r < kLineRoles; ++r) {
        all += total[r];
        allRight += right[r];
        std::printf("%s_recall=%.3f %s_precision=%.3f ", qPrintable(lineRoleName(LineRole(r))),
                    total[r] ? double(right[r]) / total[r] : 1.0,
                    qPrintable(lineRoleName(LineRole(r))),
                    guessed[r] ? double(right[r]) / guessed[r] : 1.0);
    }
    std::printf("lines=%d accuracy=%.4f\n", all, all ? double(allRight) / all : 1.0);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.size() == 2 && args.front() == QLatin1StringView("--features")) {
        // Each line's features, for asking a model why it read a line as it did.
        Result<DecodedText> text = TextDecoder::decode(readAll(args[1]));
        if (!text)
            qFatal("%s: %s", qPrintable(args[1]), qPrintable(text.errorMessage()));
        const QList<PageLine> lines = splitPageLines(text->text);
        const LineFeatures features(lines);
        for (qsizetype i = 0; i < lines.size(); ++i)
            std::printf("%d\t%s\n", lines[i].number, qPrintable(features.of(i).join(u'\t')));
        return 0;
    }
    if (args.size() >= 3 && args.front() == QLatin1StringView("--eval")) {
        const LineRoleModel model = LineRoleModel::fromTsv(readAll(args[1]));
        evaluate(model, load(args.mid(2)));
        return 0;
    }
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: train_line_roles OUT.tsv [--epochs N] DIR...\n"
                             "       train_line_roles --eval MODEL.tsv DIR...\n");
        return 2;
    }
    const QString out = args.takeFirst();
    int epochs = 10;
    if (args.size() >= 2 && args.front() == QLatin1StringView("--epochs")) {
        args.removeFirst();
        epochs = args.takeFirst().toInt();
    }
    QList<Example> examples = load(args);
    std::fprintf(stderr, "%lld pages\n", static_cast<long long>(examples.size()));
    LineRoleModel model;
    QRandomGenerator random(20261201);
    for (int epoch = 0; epoch < epochs; ++epoch) {
        // A new order every epoch, the same every run.
        for (qsizetype i = examples.size() - 1; i > 0; --i)
            examples.swapItemsAt(i, random.bounded(i + 1));
        int wrong = 0;
        for (const Example &e : examples) {
            const QList<LineRole> guess = model.decode(e.features);
            for (qsizetype i = 0; i < guess.size(); ++i)
                wrong += guess[i] != e.roles[i];
            model.update(e.features, e.roles, guess, 1.0f);
            model.tick();
        }
        std::fprintf(stderr, "epoch %d: %d lines wrong\n", epoch + 1, wrong);
    }
    model.average();
    evaluate(model, examples);
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(model.toTsv()) < 0 || !file.flush() ||
        !file.commit())
        qFatal("cannot write %s", qPrintable(out));
    return 0;
}
