import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allMatches, goldText, looseMatches, placeGold } from './eval/_entities-align';

describe('entity eval: gold text', () => {
  it('puts blocks on their own lines, collapses whitespace, drops scripts', () => {
    const html = '<div><h1>A  title</h1><p>First \t line <b>bold</b></p><script>x()</script><ul><li>one</li><li> two </li></ul></div>';
    expect(goldText(html)).toBe('A title\n\nFirst line bold\n\none\n\ntwo');
    // As in the annotation tool, a raw newline in the source also starts a new line.
    expect(goldText('<p>one\ntwo</p>')).toBe('one\n\ntwo');
  });

  it('counts occurrences as every substring match, inside longer names too', () => {
    const t = 'Ann Lee met Lee. Leeward is not Lee.';
    expect(allMatches(t, 'Lee')).toEqual([4, 12, 17, 32]);
  });

  it('matches across soft hyphens and different whitespace', () => {
    expect(looseMatches('Mr Netan\u00adyahu and New\u00a0York', 'Netanyahu').map((m) => m.start)).toEqual([3]);
    expect(looseMatches('Mr Netanyahu and New\u00a0York', 'New York').map((m) => m.start)).toEqual([17]);
  });
});

describe('entity eval: placing gold mentions in our text', () => {
  const gold = 'Intro about Kim.\n\nKim Yong met Kim Jong.\n\nLater Kim spoke.';
  const mentions = [
    { text: 'Kim', occurrence: 0, id: 'a' },
    { text: 'Kim Yong', occurrence: 0, id: 'b' },
    { text: 'Kim', occurrence: 3, id: 'c' },
  ];

  it('finds the same places when the texts are equal', () => {
    const placed = placeGold(mentions, gold, gold);
    expect(placed.map((p) => p.start)).toEqual([12, 18, 48]);
  });

  it('follows the context when our text has an extra block and lacks another', () => {
    const ours = 'Menu: Kim shop.\n\nKim Yong met Kim Jong.\n\nLater Kim spoke.';
    const placed = placeGold(mentions, gold, ours);
    expect(placed[0]!.start).toBeNull(); // "Intro about Kim." is not in our text
    expect(placed[1]!.start).toBe(ours.indexOf('Kim Yong'));
    expect(placed[2]!.start).toBe(ours.indexOf('Later Kim') + 6);
  });

  it('does not place a stand-alone name inside a longer word', () => {
    const placed = placeGold([{ text: 'Tunisia', occurrence: 0, id: 't' }], 'In Tunisia today.', 'Many Tunisians today.');
    expect(placed[0]!.start).toBeNull();
  });
});

const GOLD_DIR = path.join(__dirname, 'eval/entities-gold');
const PAGES = path.resolve(__dirname, '../../shared/data/readability-pages');

describe.skipIf(!existsSync(PAGES))('entity eval: gold files agree with the pages (needs ../shared)', () => {
  it('every gold occurrence exists in its page text and spans a whole word', () => {
    const bad: string[] = [];
    for (const f of readdirSync(GOLD_DIR).filter((x) => x.endsWith('.json'))) {
      const g = JSON.parse(readFileSync(path.join(GOLD_DIR, f), 'utf8')) as { page: string; mentions: { text: string; occurrence: number; id: string }[] };
      const text = goldText(readFileSync(path.join(PAGES, g.page, 'expected.html'), 'utf8'));
      for (const m of g.mentions) {
        const at = allMatches(text, m.text)[m.occurrence];
        if (at === undefined) bad.push(`${g.page}: ${m.text}#${m.occurrence} missing`);
        if (!/^(Q\d+|unk:.+|[a-z]+:.+)$/.test(m.id)) bad.push(`${g.page}: bad id ${m.id}`);
      }
    }
    expect(bad).toEqual([]);
  });
});
