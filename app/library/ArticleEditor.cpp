#include "library/ArticleEditor.h"
#include "library/StoreRows.h"

#include "text/CodePoints.h"

#include <QSet>

#include <algorithm>

namespace br {

using namespace Qt::StringLiterals;

namespace {

// The tags of several articles on one: each campaign once, a person's own tag over an accepted
// suggestion, the earliest time.
QList<ArticleTag> unionOfTags(const QList<const StoredArticle *> &articles)
{
    QList<ArticleTag> tags;
    for (const StoredArticle *a : articles) {
        for (const ArticleTag &t : a->tags) {
            auto same = std::find_if(tags.begin(), tags.end(),
                                     [&](const ArticleTag &x) { return x.campaign == t.campaign; });
            if (same == tags.end()) {
                tags.append(t);
                continue;
            }
            if (t.source == TagSource::User)
                same->source = TagSource::User;
            same->setAt = std::min(same->setAt, t.setAt);
        }
    }
    return tags;
}

// What `into` inherits of `from`'s coding: its tags (unionOfTags) and each person's judgments,
// a "yes" of either over a "no".
void inheritCoding(StoredArticle &into, const StoredArticle &from)
{
    into.tags = unionOfTags({&into, &from});
    for (const Coding &c : from.codings) {
        auto same = std::find_if(into.codings.begin(), into.codings.end(), [&](const Coding &x) {
            return x.coder == c.coder && x.campaign == c.campaign;
        });
        if (same == into.codings.end())
            into.codings.append(c);
        else if (c.applies && !same->applies)
            *same = c;
    }
}

// Anchors `n` in the best of `texts` and says which: every text is asked; an exact anchoring
// beats a close one, a higher score a lower, and the text of `home` (the article it was given
// to) wins ties (text that recurs elsewhere, a standing boilerplate line, does not take it away).
qsizetype placeAnnotation(const QList<QString> &texts, qsizetype home, Annotation &n)
{
    qsizetype bestIndex = home;
    Anchoring best = TextAnchor::find(texts[home], n.selector());
    const auto rank = [](const Anchoring &a) {
        return a.state == AnchorState::Exact ? 2 : a.state == AnchorState::Check ? 1 : 0;
    };
    for (qsizetype other = 0; other < texts.size(); ++other) {
        if (other == home)
            continue;
        const Anchoring there = TextAnchor::find(texts[other], n.selector());
        if (rank(there) > rank(best) ||
            (rank(there) == rank(best) && rank(there) > 0 && there.score > best.score)) {
            best = there;
            bestIndex = other;
        }
    }
    n.moveTo(texts[bestIndex], best);
    return bestIndex;
}

// `from`'s county and unit corrections, with who made them, on `into`: each always, or only
// where `into` has none of its own.
void takeCorrections(StoredArticle &into, const StoredArticle &from, bool always)
{
    if (always || !into.countyCorrection) {
        into.countyCorrection = from.countyCorrection;
        into.countyMark = from.countyMark;
    }
    if (always || !into.unitCorrection) {
        into.unitCorrection = from.unitCorrection;
        into.unitMark = from.unitMark;
    }
}

// A new article for text taken out of `from`: the same section, nothing a person added yet.
StoredArticle partOf(const StoredArticle &from)
{
    StoredArticle part;
    part.article.section = from.article.section;
    part.article.startLine = from.article.startLine;
    part.article.endLine = from.article.endLine;
    return part;
}

// Overlapping runs of four characters of an article's text: what two splits of one page share.
QSet<QString> shinglesOf(const QString &text)
{
    constexpr qsizetype kWidth = 4;
    QSet<QString> shingles;
    QString compact = text;
    compact.remove(u'\n');
    for (qsizetype i = 0; i + kWidth <= compact.size(); ++i)
        shingles.insert(compact.mid(i, kWidth));
    if (shingles.isEmpty() && !compact.isEmpty())
        shingles.insert(compact);
    return shingles;
}

} // namespace

bool ArticleRewrite::changesArticles() const
{
    if (before.size() != after.size())
        return true;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const Article &a = before[i].article;
        const Article &b = after[i].article;
        if (a.kicker != b.kicker || a.title != b.title || a.subtitle != b.subtitle ||
            a.byline != b.byline || a.credit != b.credit || a.section != b.section ||
            a.blocks != b.blocks)
            return true;
    }
    return false;
}

QList<qint64> ArticleRewrite::beforeIds() const
{
    QList<qint64> ids;
    for (const StoredArticle &a : before)
        ids.append(a.id);
    return ids;
}

QList<qint64> ArticleRewrite::afterIds() const
{
    QList<qint64> ids;
    for (const StoredArticle &a : after)
        ids.append(a.id);
    return ids;
}

ArticleEditor::ArticleEditor(Library &library, PageFormats formats)
    : m_library(library), m_reader(std::move(formats))
{
}

Result<QList<StoredArticle>> ArticleEditor::neighbours(qint64 id, qint64 nextId)
{
    Result<QList<StoredArticle>> both = m_library.storedArticles({id, nextId});
    if (!both)
        return both.error();
    Result<ArticleDetail> first = m_library.article(id);
    if (!first)
        return first.error();
    Result<QList<qint64>> page = m_library.pageArticleIds(first->pageId);
    if (!page)
        return page.error();
    const qsizetype at = page->indexOf(id);
    if (at < 0 || at + 1 >= page->size() || page->at(at + 1) != nextId) {
        return Error{
            u"article %1 is not the one after article %2 on its page"_s.arg(nextId).arg(id)};
    }
    return both;
}

Result<ArticleRewrite> ArticleEditor::merge(qint64 id, qint64 nextId)
{
    Result<QList<StoredArticle>> both = neighbours(id, nextId);
    if (!both)
        return both.error();
    const StoredArticle &first = both->at(0);
    const StoredArticle &second = both->at(1);
    StoredArticle merged = first;
    Article &text = merged.article;
    // Nothing of either text is lost and the order stays: the merged plain text is the first's
    // and the second's, one after the other.
    if (!text.credit.isEmpty())
        text.blocks.append({Block::Type::Paragraph, text.credit});
    const Article &next = second.article;
    for (const QString *head : {&next.kicker, &next.title, &next.subtitle}) {
        if (!head->isEmpty())
            text.blocks.append({Block::Type::Subhead, *head});
    }
    if (!next.byline.isEmpty())
        text.blocks.append({Block::Type::Paragraph, next.byline});
    text.blocks += next.blocks;
    text.credit = next.credit;
    text.startLine = std::min(first.article.startLine, next.startLine);
    text.endLine = std::max(first.article.endLine, next.endLine);
    inheritCoding(merged, second);
    takeCorrections(merged, second, false);
    merged.annotations = first.annotations + second.annotations;
    Result<ArticleDetail> detail = m_library.article(id);
    if (!detail)
        return detail.error();
    return finish(detail->pageId, both.value(), {merged}, true);
}

Result<ArticleRewrite> ArticleEditor::split(qint64 id, int block, std::optional<int> at)
{
    Result<QList<StoredArticle>> stored = m_library.storedArticles({id});
    if (!stored)
        return stored.error();
    const StoredArticle &whole = stored->front();
    const QList<Block> &blocks = whole.article.blocks;
    if (block < 0 || block >= blocks.size()) {
        return Error{u"article %1 has blocks 0 to %2; there is no block %3"_s.arg(id)
                         .arg(blocks.size() - 1)
                         .arg(block)};
    }
    StoredArticle first = whole;
    StoredArticle second = partOf(whole);
    first.annotations.clear();
    first.article.blocks = blocks.mid(0, block);
    second.article.blocks = blocks.mid(block);
    if (at) {
        const QString &cut = blocks[block].text;
        const qsizetype length = CodePoints::count(cut);
        if (*at <= 0 || *at >= length) {
            return Error{u"block %1 of article %2 has %3 characters: it can be cut after 1 to %4"_s
                             .arg(block)
                             .arg(id)
                             .arg(length)
                             .arg(length - 1)};
        }
        first.article.blocks.append({blocks[block].type, CodePoints::mid(cut, 0, *at)});
        second.article.blocks.front().text = CodePoints::mid(cut, *at, length);
    } else if (block == 0) {
        return Error{u"article %1 would keep no block: split it at block 1 or later, or inside "
                     u"block 0 with --at"_s.arg(id)};
    }
    if (!at && second.article.blocks.front().type == Block::Type::Subhead) {
        second.article.title = second.article.blocks.front().text;
        second.article.blocks.removeFirst();
    }
    // The credit closes an article: it goes with the part that ends it.
    second.article.credit = whole.article.credit;
    first.article.credit.clear();
    second.tags = whole.tags;
    second.codings = whole.codings;
    Result<ArticleDetail> detail = m_library.article(id);
    if (!detail)
        return detail.error();
    first.annotations = whole.annotations; // anchored in either part by finish()
    Result<ArticleRewrite> rewrite = finish(detail->pageId, stored.value(), {first, second}, true);
    if (rewrite)
        rewrite->shown = 1; // the new article
    return rewrite;
}

Result<ArticleRewrite> ArticleEditor::setHeadline(qint64 id, const HeadlineEdit &edit)
{
    Result<QList<StoredArticle>> stored = m_library.storedArticles({id});
    if (!stored)
        return stored.error();
    StoredArticle edited = stored->front();
    Article &a = edited.article;
    const auto set = [&](QString &field, const std::optional<QString> &value, const QString *seen,
                         const QString &name) -> Status {
        if (!value)
            return {};
        if (seen && field != *seen)
            return Error{u"the %1 of article %2 was changed elsewhere meanwhile to “%3”, so yours "
                         u"was not saved over it"_s.arg(name)
                             .arg(id)
                             .arg(field),
                         Error::Kind::Stale};
        field = value->simplified();
        return {};
    };
    const HeadlineEdit::Seen *seen = edit.seen ? &*edit.seen : nullptr;
    for (const Status &s :
         {set(a.kicker, edit.kicker, seen ? &seen->kicker : nullptr, u"kicker"_s),
          set(a.title, edit.title, seen ? &seen->title : nullptr, u"title"_s),
          set(a.subtitle, edit.subtitle, seen ? &seen->subtitle : nullptr, u"subtitle"_s),
          set(a.byline, edit.byline, seen ? &seen->byline : nullptr, u"byline"_s)}) {
        if (!s)
            return s.error();
    }
    edited.headlineEdited = true;
    edited.headlineMark = {m_library.author(), StoreRows::now()};
    Result<ArticleDetail> detail = m_library.article(id);
    if (!detail)
        return detail.error();
    // A headline edit leaves the split as it was: the page is not marked corrected.
    return finish(detail->pageId, stored.value(), {edited}, false);
}

Result<ArticleRewrite> ArticleEditor::moveBlock(qint64 id, int block, Direction direction)
{
    Result<ArticleDetail> detail = m_library.article(id);
    if (!detail)
        return detail.error();
    Result<QList<qint64>> page = m_library.pageArticleIds(detail->pageId);
    if (!page)
        return page.error();
    const qsizetype at = page->indexOf(id);
    const bool toPrevious = direction == Direction::Previous;
    const qsizetype other = toPrevious ? at - 1 : at + 1;
    if (other < 0 || other >= page->size()) {
        return Error{u"article %1 has no %2 article on its page"_s.arg(id).arg(
            toPrevious ? u"previous"_s : u"next"_s)};
    }
    const int blocks = static_cast<int>(detail->article.blocks.size());
    const int movable = toPrevious ? 0 : blocks - 1;
    if (block != movable || blocks < 2) {
        return Error{u"only the first block of article %1 can go to the previous article and only "
                     u"its last to the next, and one block must stay (it has %2)"_s.arg(id)
                         .arg(blocks)};
    }
    const QList<qint64> run =
        toPrevious ? QList<qint64>{page->at(other), id} : QList<qint64>{id, page->at(other)};
    Result<QList<StoredArticle>> stored = m_library.storedArticles(run);
    if (!stored)
        return stored.error();
    QList<StoredArticle> after = stored.value();
    StoredArticle &from = toPrevious ? after[1] : after[0];
    StoredArticle &to = toPrevious ? after[0] : after[1];
    const Block moved = from.article.blocks.takeAt(block);
    if (toPrevious)
        to.article.blocks.append(moved);
    else
        to.article.blocks.prepend(moved);
    return finish(detail->pageId, stored.value(), after, true);
}

Result<ArticleRewrite> ArticleEditor::resplit(qint64 pageId)
{
    Result<PageDetail> page = m_library.page(pageId);
    if (!page)
        return page.error();
    Result<QList<qint64>> ids = m_library.pageArticleIds(pageId);
    if (!ids)
        return ids.error();
    Result<QList<StoredArticle>> before = m_library.storedArticles(ids.value());
    if (!before)
        return before.error();
    const Result<Page> split = m_reader.split(page->rawText);
    if (!split)
        return Error{u"page %1 (%2): %3"_s.arg(pageId).arg(page->fileName, split.errorMessage())};
    QList<StoredArticle> after;
    for (const Article &a : split->articles) {
        StoredArticle s;
        s.article = a;
        after.append(std::move(s));
    }
    // A split that finds no article would take every tag and note with the old ones.
    if (after.isEmpty()) {
        return Error{
            u"page %1 (%2): the engine finds no article on it; it was left as it is"_s.arg(pageId)
                .arg(page->fileName)};
    }
    if (before->isEmpty())
        return finish(pageId, before.value(), after, false);

    // How much of each old article's text each new one holds.
    QList<QSet<QString>> oldShingles;
    QList<QSet<QString>> newShingles;
    for (const StoredArticle &a : before.value())
        oldShingles.append(shinglesOf(a.article.plainText()));
    for (const StoredArticle &a : after)
        newShingles.append(shinglesOf(a.article.plainText()));
    struct Overlap
    {
        qsizetype oldIndex;
        qsizetype newIndex;
        qsizetype shared;
    };
    QList<Overlap> overlaps;
    for (qsizetype o = 0; o < oldShingles.size(); ++o) {
        for (qsizetype n = 0; n < newShingles.size(); ++n) {
            const qsizetype shared = QSet<QString>(oldShingles[o]).intersect(newShingles[n]).size();
            if (shared > 0)
                overlaps.append({o, n, shared});
        }
    }
    std::stable_sort(overlaps.begin(), overlaps.end(),
                     [](const Overlap &a, const Overlap &b) { return a.shared > b.shared; });
    // Each old article lives on in the new one holding most of it: its id, uuid, corrections and
    // a headline a person set go there, one old article per new one.
    QList<qsizetype> heir(before->size(), -1);
    QList<bool> taken(after.size(), false);
    for (const Overlap &o : overlaps) {
        if (heir[o.oldIndex] >= 0 || taken[o.newIndex])
            continue;
        heir[o.oldIndex] = o.newIndex;
        taken[o.newIndex] = true;
        const StoredArticle &old = before->at(o.oldIndex);
        StoredArticle &into = after[o.newIndex];
        into.id = old.id;
        into.uuid = old.uuid;
        takeCorrections(into, old, true);
        if (old.headlineEdited) {
            into.headlineEdited = true;
            into.headlineMark = old.headlineMark;
            into.article.kicker = old.article.kicker;
            into.article.title = old.article.title;
            into.article.subtitle = old.article.subtitle;
            into.article.byline = old.article.byline;
        }
    }
    // Tags go to every new article that holds most of an old one's text, or that is mostly made
    // of it: a story the old split cut in two keeps its tag whole, two stories it ran together
    // both keep theirs.
    // And always to the new article most like the old one, so no tag is lost to a text spread
    // thinly over several.
    QList<bool> tagged(before->size(), false);
    for (const Overlap &o : overlaps) {
        const bool mostOfOld = 2 * o.shared >= oldShingles[o.oldIndex].size();
        const bool mostOfNew = 2 * o.shared >= newShingles[o.newIndex].size();
        const bool firstForOld = !tagged[o.oldIndex];
        if (!mostOfOld && !mostOfNew && !firstForOld)
            continue;
        tagged[o.oldIndex] = true;
        StoredArticle &into = after[o.newIndex];
        inheritCoding(into, before->at(o.oldIndex));
    }
    // An old article that found no heir of its own (its text went to one that another old article
    // lives on in) hands its corrections to that article where it has none.
    for (const Overlap &o : overlaps) {
        if (heir[o.oldIndex] >= 0)
            continue;
        const StoredArticle &old = before->at(o.oldIndex);
        StoredArticle &into = after[o.newIndex];
        takeCorrections(into, old, false);
        heir[o.oldIndex] = o.newIndex; // its annotations are looked for there first
    }
    // Annotations are anchored by finish() first in the new article most like their old one.
    for (qsizetype o = 0; o < before->size(); ++o) {
        qsizetype target = heir[o];
        for (const Overlap &x : overlaps) {
            if (target >= 0)
                break;
            if (x.oldIndex == o)
                target = x.newIndex;
        }
        after[std::max<qsizetype>(target, 0)].annotations += before->at(o).annotations;
    }
    return finish(pageId, before.value(), after, false);
}

Result<ArticleRewrite> ArticleEditor::finish(qint64 pageId, QList<StoredArticle> before,
                                             QList<StoredArticle> after, bool byHand)
{
    ArticleRewrite rewrite;
    rewrite.pageId = pageId;
    rewrite.byHand = byHand;
    Result<bool> corrected = m_library.isPageCorrected(pageId);
    if (!corrected)
        return corrected.error();
    rewrite.pageWasCorrected = corrected.value();
    // Every annotation is looked for first in the article it was given to, then in the others:
    // the first exact anchoring wins, else the best close one; an orphan stays where it was put.
    QList<QString> texts;
    for (const StoredArticle &a : after)
        texts.append(a.article.plainText());
    QList<QList<Annotation>> placed(after.size());
    for (qsizetype home = 0; home < after.size(); ++home) {
        for (Annotation n : after[home].annotations) {
            const qsizetype bestIndex = placeAnnotation(texts, home, n);
            switch (n.anchor) {
            case AnchorState::Exact:
                ++rewrite.exact;
                break;
            case AnchorState::Check:
                ++rewrite.check;
                break;
            case AnchorState::Orphaned:
                ++rewrite.orphaned;
                break;
            }
            placed[bestIndex].append(std::move(n));
        }
    }
    for (qsizetype i = 0; i < after.size(); ++i)
        after[i].annotations = std::move(placed[i]);
    QList<qint64> replaced;
    for (const StoredArticle &a : before)
        replaced.append(a.id);
    if (Status s = analyse(pageId, replaced, after); !s)
        return s.error();
    rewrite.before = std::move(before);
    rewrite.after = std::move(after);
    return rewrite;
}

Status ArticleEditor::analyse(qint64 pageId, const QList<qint64> &replaced,
                              QList<StoredArticle> &after)
{
    // The page as it will be, so places are resolved with its other articles around them.
    Result<QList<qint64>> ids = m_library.pageArticleIds(pageId);
    if (!ids)
        return ids.error();
    const qsizetype at = replaced.isEmpty() ? ids->size() : ids->indexOf(replaced.front());
    QList<qint64> others = ids.value();
    for (const qint64 id : replaced)
        others.removeOne(id);
    Result<QList<StoredArticle>> context = m_library.storedArticles(others);
    if (!context)
        return context.error();
    QList<Article> page;
    for (qsizetype i = 0; i < context->size() && i < at; ++i)
        page.append(context->at(i).article);
    const qsizetype first = page.size();
    for (const StoredArticle &a : after)
        page.append(a.article);
    for (qsizetype i = first; i < context->size(); ++i)
        page.append(context->at(i).article);
    const PageReader::PageAnalysis analysis = m_reader.analyse(page);
    for (qsizetype i = 0; i < after.size(); ++i) {
        after[i].article.suggestions = page[first + i].suggestions;
        after[i].places = analysis.places[first + i];
        after[i].unit = analysis.units[first + i];
    }
    return {};
}

namespace {

// The highlights and notes made, changed or removed on an article since the step left it as
// `was` (it is `is` now), on the articles `into` about to replace it: a new one anchored in the
// best of them, a changed one's note and colour where that highlight now is, a removed one
// removed.
void carryLaterNotes(const StoredArticle &was, const StoredArticle &is, QList<StoredArticle> &into)
{
    const auto byUuid = [](const QList<Annotation> &in, const QString &uuid) -> const Annotation * {
        for (const Annotation &n : in) {
            if (n.uuid == uuid)
                return &n;
        }
        return nullptr;
    };
    QList<QString> texts;
    qsizetype home = 0;
    for (qsizetype k = 0; k < into.size(); ++k) {
        texts.append(into[k].article.plainText());
        if (into[k].uuid == is.uuid)
            home = k;
    }
    for (const Annotation &n : is.annotations) {
        const Annotation *before = byUuid(was.annotations, n.uuid);
        if (!before) {
            Annotation moved = n;
            into[placeAnnotation(texts, home, moved)].annotations.append(moved);
            continue;
        }
        if (before->note == n.note && before->color == n.color)
            continue;
        for (StoredArticle &a : into) {
            for (Annotation &there : a.annotations) {
                if (there.uuid == n.uuid) {
                    there.note = n.note;
                    there.color = n.color;
                    there.updatedAt = n.updatedAt;
                }
            }
        }
    }
    for (const Annotation &n : was.annotations) {
        if (byUuid(is.annotations, n.uuid))
            continue;
        for (StoredArticle &a : into)
            a.annotations.removeIf([&](const Annotation &x) { return x.uuid == n.uuid; });
    }
}

} // namespace

Status ArticleEditor::carryLaterWork(QList<StoredArticle> &left, QList<StoredArticle> &into)
{
    if (into.isEmpty())
        return {};
    QList<qint64> ids;
    for (const StoredArticle &a : left)
        ids.append(a.id);
    Result<QList<StoredArticle>> now = m_library.storedArticles(ids);
    if (!now)
        return now.error();
    for (qsizetype i = 0; i < left.size() && i < now->size(); ++i) {
        const StoredArticle &was = left[i];
        const StoredArticle &is = now->at(i);
        auto target = std::find_if(into.begin(), into.end(),
                                   [&](const StoredArticle &a) { return a.uuid == is.uuid; });
        if (target == into.end())
            target = into.begin();
        const auto hasTag = [](const QList<ArticleTag> &tags, const QString &campaign) {
            return std::any_of(tags.cbegin(), tags.cend(),
                               [&](const ArticleTag &t) { return t.campaign == campaign; });
        };
        for (const ArticleTag &t : is.tags) {
            if (!hasTag(was.tags, t.campaign) && !hasTag(target->tags, t.campaign))
                target->tags.append(t);
        }
        for (const ArticleTag &t : was.tags) {
            if (!hasTag(is.tags, t.campaign))
                target->tags.removeIf(
                    [&](const ArticleTag &x) { return x.campaign == t.campaign; });
        }
        const auto sameJudgment = [](const Coding &a, const Coding &b) {
            return a.coder == b.coder && a.campaign == b.campaign;
        };
        for (const Coding &c : is.codings) {
            if (was.codings.contains(c))
                continue; // as the step left it
            target->codings.removeIf([&](const Coding &x) { return sameJudgment(x, c); });
            target->codings.append(c);
        }
        for (const Coding &c : was.codings) {
            if (std::none_of(is.codings.cbegin(), is.codings.cend(),
                             [&](const Coding &x) { return sameJudgment(x, c); }))
                target->codings.removeIf([&](const Coding &x) { return sameJudgment(x, c); });
        }
        carryLaterNotes(was, is, into);
        // What the other side of the step starts from next time (the redo after this undo):
        // the coding as it was when it was replaced.
        left[i].tags = is.tags;
        left[i].codings = is.codings;
        left[i].annotations = is.annotations;
    }
    return {};
}

Status ArticleEditor::apply(ArticleRewrite &rewrite)
{
    if (Status s = carryLaterWork(rewrite.before, rewrite.after); !s)
        return s;
    Result<QList<qint64>> ids =
        m_library.replaceArticles(rewrite.pageId, rewrite.beforeIds(), rewrite.after,
                                  rewrite.byHand ? std::optional<bool>(true) : std::nullopt);
    if (!ids)
        return ids.error();
    for (qsizetype i = 0; i < rewrite.after.size(); ++i)
        rewrite.after[i].id = ids->at(i);
    // Once stored, a new article keeps its uuid and its annotations their ids, so a redo after
    // an undo stores the very same record.
    Result<QList<StoredArticle>> stored = m_library.storedArticles(ids.value());
    if (!stored)
        return stored.error();
    rewrite.after = std::move(stored).value();
    return {};
}

Status ArticleEditor::undo(ArticleRewrite &rewrite)
{
    if (Status s = carryLaterWork(rewrite.after, rewrite.before); !s)
        return s;
    Result<QList<qint64>> ids = m_library.replaceArticles(
        rewrite.pageId, rewrite.afterIds(), rewrite.before,
        rewrite.byHand ? std::optional<bool>(rewrite.pageWasCorrected) : std::nullopt);
    if (!ids)
        return ids.error();
    // Ids given anew (taken by another writer since) or annotation ids: what is stored now.
    Result<QList<StoredArticle>> stored = m_library.storedArticles(ids.value());
    if (!stored)
        return stored.error();
    rewrite.before = std::move(stored).value();
    return {};
}

} // namespace br
