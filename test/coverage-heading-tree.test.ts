import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { bareHeading, namedParents } from '../lib/coverage/heading-tree';
import { RERANK_FEATURES } from '../lib/coverage/rerank';
import { relatedCoverage } from '../lib/coverage/rank';
import type { LinkedEntity } from '../lib/report';

// Own fixture: a made-up war with a reactions sub-storyline and a list heading.
const names: Record<string, string> = { k: 'Korvania', l: 'Lusk', m: 'Mira Vell', p: 'Pellor' };
let n = 0;
const item = (date: string, entities: string[], topics: string[]): CoverageItem => ({ id: `t-${++n}`, date, source: 'Wire', entities, topics, origin: 'timeline' });
const items: CoverageItem[] = [
  item('2025-01-02', ['k', 'l'], ['Korvania–Lusk war']),
  item('2025-01-03', ['k', 'l'], ['Korvania–Lusk war']),
  item('2025-01-04', ['k', 'p'], ['International reactions to the 2024 Korvania–Lusk war']),
  item('2025-01-05', ['k', 'p'], ['International reactions to the 2024 Korvania–Lusk war', 'Korvania–Lusk war']),
  item('2025-01-06', ['k', 'm'], ['Mira Vell summit, Korvania–Lusk war']),
  item('2025-01-07', ['m'], ['Mira Vell summit']),
];
const index = buildCoverageIndex(items, (id) => names[id]);
const topic = (name: string) => index.topicNames.indexOf(name);

describe('heading hierarchy by name', () => {
  it('folds years, brackets and "the" out of a heading name', () => {
    expect(bareHeading('Israel–Hezbollah conflict (2023–present)')).toBe('israel–hezbollah conflict');
    expect(bareHeading('International reactions to the 2024 Korvania–Lusk war')).toBe('international reactions to korvania–lusk war');
  });

  it('a heading that names another sits under it; a list heading sits under each part; nothing sits under itself', () => {
    const war = topic('Korvania–Lusk war'), reactions = topic('International reactions to the 2024 Korvania–Lusk war');
    const list = topic('Mira Vell summit, Korvania–Lusk war'), summit = topic('Mira Vell summit');
    const heads = [war, reactions, list, summit];
    const parents = namedParents(index, heads);
    expect(parents[0]).toEqual([]); // the war names none of the others
    expect(parents[1]).toEqual([0]); // reactions → war
    expect([...parents[2]!].sort()).toEqual([0, 3]); // the list → war and summit
    expect(parents[3]).toEqual([]);
    // A list heading is nobody's parent, and a heading outside `heads` is not looked at.
    expect(namedParents(index, [list, reactions])).toEqual([[], []]);
  });

  it('the chooser sees the hierarchy: the sub-storyline is under the war, the war has sub-storylines, co-listed items are counted', () => {
    const linked = (id: string): LinkedEntity => ({ id, name: names[id]!, type: 'place', description: '', mentions: [{ paragraph: 0, start: 0, end: 3, text: names[id]! }] });
    let rows = new Map<string, Float64Array>();
    relatedCoverage(index, { entities: [linked('k'), linked('p')], date: '2025-01-10', title: 'Pellor condemns the war', excludeUrl: null, limit: 5, model: [], onFeatures: (hs, fs) => { rows = new Map(hs.map((h, i) => [h, fs[i]!])); } });
    const f = (h: string, name: (typeof RERANK_FEATURES)[number]) => rows.get(h)![RERANK_FEATURES.indexOf(name)]!;
    const war = 'Korvania–Lusk war', reactions = 'International reactions to the 2024 Korvania–Lusk war';
    expect(f(reactions, 'namedUnder')).toBe(1);
    expect(f(war, 'namedUnder')).toBe(0);
    expect(f(reactions, 'parentAll')).toBeCloseTo(f(war, 'allVote'));
    expect(f(war, 'namedKids')).toBeCloseTo(Math.log1p(2)); // reactions and the list heading
    expect(f(war, 'kidAll')).toBeCloseTo(f(reactions, 'allVote') + f('Mira Vell summit, Korvania–Lusk war', 'allVote'));
    // Reactions: 1 of its 2 prior items carries another heading (the war); the war: 2 of 3 (reactions and the list), 2 distinct.
    expect(f(reactions, 'coListed')).toBeCloseTo(1 / 2);
    expect(f(war, 'coListed')).toBeCloseTo(1 / 3);
    expect(f(war, 'breadth')).toBeCloseTo(Math.log1p(1));
  });
});

describe('heading variants', () => {
  it('a sub-storyline sits under every variant of the name it says, and variants do not sit under each other', () => {
    const idx = buildCoverageIndex([
      item('2025-02-01', ['k'], ['Korvania–Lusk war']),
      item('2025-02-02', ['k'], ['2024 Korvania–Lusk war']),
      item('2025-02-03', ['k'], ['Timeline of the Korvania–Lusk war']),
    ], (id) => names[id]);
    const t = (name: string) => idx.topicNames.indexOf(name);
    expect(namedParents(idx, [t('Korvania–Lusk war'), t('2024 Korvania–Lusk war'), t('Timeline of the Korvania–Lusk war')]).map((p) => [...p].sort())).toEqual([[], [], [0, 1]]);
  });
});
