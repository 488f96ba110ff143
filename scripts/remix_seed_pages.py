#!/usr/bin/env python3
"""Builds training pages for the line-role model from the project's own seed pages and their gold
(tests/data/gold): the gold articles in shuffled order, with other blank-line rhythms and
full-width indents, each page with its gold JSON (the format ../shared/tools/make_pages.py writes).

usage: remix_seed_pages.py SEEDS_DIR GOLD_DIR OUT_DIR [--pages N] [--seed S]
"""
import argparse, json, os, random


def articles_of(lines, gold):
    """Each gold article's lines (from its first headline line to the next article's) with its
    gold facts as offsets into that chunk."""
    starts = [a['start_lines'][0] for a in gold['articles']]
    chunks = []
    for k, a in enumerate(gold['articles']):
        lo = a['start_lines'][0]
        end = starts[k + 1] - 1 if k + 1 < len(starts) else len(lines)
        chunk = lines[lo - 1:end]
        while chunk and not chunk[-1].strip():
            chunk.pop()
        broken = [(b['line'] - lo, b['continues_at'] - lo) for b in gold['broken_paragraphs']
                  if lo <= b['line'] <= end]
        caps = [c - lo for c in gold.get('caption_lines', []) if lo <= c <= end]
        chunks.append(dict(lines=chunk, head=(0, a['start_lines'][1] - lo), title=a['title'],
                           broken=broken, caps=caps))
    return chunks


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('seeds')
    ap.add_argument('gold')
    ap.add_argument('out')
    ap.add_argument('--pages', type=int, default=40)
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    pool = []
    for name in sorted(os.listdir(args.gold)):
        if not name.endswith('.json'):
            continue
        gold = json.load(open(os.path.join(args.gold, name), encoding='utf-8'))
        text = open(os.path.join(args.seeds, name[:-5] + '.txt'), encoding='utf-8-sig').read()
        pool += articles_of(text.replace('\r\n', '\n').split('\n'), gold)
    os.makedirs(args.out, exist_ok=True)
    for k in range(args.pages):
        pick = rnd.sample(pool, min(len(pool), rnd.randint(3, 9)))
        blank = rnd.choice([1, 1, 2, 3])
        indent = rnd.random() < 0.4
        out, arts, broken, caps = [], [], [], []
        for a in pick:
            if out:
                out += [''] * rnd.choice([blank, blank, blank + 1, blank + 2])
            remap, run = {}, 0
            for idx, ln in enumerate(a['lines']):
                st = ln.strip()
                if not st:
                    run += 1
                    if run > blank:
                        continue
                else:
                    run = 0
                    if indent and len(st) > 40:
                        st = '\u3000\u3000' + st
                remap[idx] = len(out) + 1
                out.append(st)
            arts.append(dict(start_lines=[remap[a['head'][0]], remap[a['head'][1]]],
                             title=a['title'], campaigns=[], ambiguous=True))
            broken += [dict(line=remap[x], continues_at=remap[y], join='') for x, y in a['broken']]
            caps += [remap[c] for c in a['caps']]
        base = os.path.join(args.out, f'seedmix_{k:03d}')
        with open(base + '.txt', 'w', encoding='utf-8') as f:
            f.write('\n'.join(out) + '\n')
        with open(base + '.json', 'w', encoding='utf-8') as f:
            json.dump(dict(articles=arts, broken_paragraphs=broken, caption_lines=caps), f,
                      ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
