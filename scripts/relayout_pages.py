#!/usr/bin/env python3
"""Builds training pages in other layouts from pages with gold (the format
../shared/tools/make_pages.py writes), as papers' text exports and OCR print them:
  squeeze   every blank line taken out (a paragraph to a line, an indent or nothing to mark it,
            no space between stories); the gold's line numbers move with the lines
  unindent  every indent taken out (column-set text whose paragraphs only a short last line ends)
Pages are written in UTF-8.

usage: relayout_pages.py squeeze|unindent IN_DIR OUT_DIR [--styles indent,seed]
"""
import argparse, json, os


def squeeze(lines, gold):
    """The page without its blank lines, and the gold with its line numbers moved to match."""
    kept, moved = [], {}
    for number, line in enumerate(lines, start=1):
        if line.strip(' \u3000\u00a0\t'):
            kept.append(line)
            moved[number] = len(kept)

    def at(number):
        # A gold line is never blank; the next kept line stands in for one that was.
        while number not in moved and number <= len(lines):
            number += 1
        return moved.get(number, len(kept))

    out = dict(gold)
    out['articles'] = [dict(a, start_lines=[at(a['start_lines'][0]), at(a['start_lines'][1])])
                       for a in gold['articles']]
    out['broken_paragraphs'] = [dict(b, line=at(b['line']), continues_at=at(b['continues_at']))
                                for b in gold['broken_paragraphs']]
    out['caption_lines'] = [at(c) for c in gold.get('caption_lines', [])]
    out['source'] = dict(gold.get('source') or {}, encoding='utf-8', squeezed=True)
    return kept, out


def unindent(lines, gold):
    """The page without indents: line numbers stay as they are."""
    out = dict(gold)
    out['source'] = dict(gold.get('source') or {}, encoding='utf-8', unindented=True)
    return [line.lstrip(' \u3000\u00a0\t') for line in lines], out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('layout', choices=['squeeze', 'unindent'])
    ap.add_argument('inp')
    ap.add_argument('out')
    ap.add_argument('--styles', default='indent,seed')
    args = ap.parse_args()
    styles = set(args.styles.split(','))
    os.makedirs(args.out, exist_ok=True)
    made = 0
    for name in sorted(os.listdir(args.inp)):
        if not name.endswith('.json'):
            continue
        gold = json.load(open(os.path.join(args.inp, name), encoding='utf-8'))
        source = gold.get('source') if isinstance(gold.get('source'), dict) else {}
        if source.get('style') not in styles:
            continue
        text = open(os.path.join(args.inp, name[:-5] + '.txt'),
                    encoding=source.get('encoding', 'utf-8')).read()
        lines = text.replace('\r\n', '\n').split('\n')
        kept, moved = (squeeze if args.layout == 'squeeze' else unindent)(lines, gold)
        with open(os.path.join(args.out, name[:-5] + '.txt'), 'w', encoding='utf-8') as f:
            f.write('\n'.join(kept) + '\n')
        with open(os.path.join(args.out, name), 'w', encoding='utf-8') as f:
            json.dump(moved, f, ensure_ascii=False)
        made += 1
    print(f'{args.layout}={made}')


if __name__ == '__main__':
    main()
