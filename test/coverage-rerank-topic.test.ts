import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { nameStems } from '../lib/coverage/headings';
import { RERANK_FEATURES } from '../lib/coverage/rerank';
import { relatedCoverage } from '../lib/coverage/rank';
import type { LinkedEntity } from '../lib/report';

// Own fixture: a made-up country with a war and an epidemic filed under it.
const names: Record<string, string> = { k: 'Korvania', l: 'Lusk' };
let n = 0;
const item = (date: string, entities: string[], topics: string[]): CoverageItem => ({ id: `p-${++n}`, date, source: 'Wire', entities, topics, origin: 'timeline' });
const index = buildCoverageIndex([
  item('2025-03-01', ['k', 'l'], ['Korvania–Lusk war']),
  item('2025-03-02', ['k'], ['Korvania–Lusk war']),
  item('2025-03-03', ['k'], ['Grey fever epidemic in Korvania']),
  item('2025-03-04', ['k'], ['Grey fever epidemic in Korvania']),
], (id) => names[id]);
const linked = (id: string): LinkedEntity => ({ id, name: names[id]!, type: 'place', description: '', mentions: [{ paragraph: 0, start: 0, end: 3, text: names[id]! }] });

describe('what a heading is about beyond the page\'s names', () => {
  it('keeps only the entity-name stems the page itself says', () => {
    expect(nameStems(['Korvania', 'Lusk'], 'Korvania says the war goes on')).toEqual(['korvan']); // stemmed as headings are (Korvania, Korvanian)
  });

  it('a heading matched only through the page\'s place name is nameOnly; one whose topic words the page says is covered', () => {
    let rows = new Map<string, Float64Array>();
    relatedCoverage(index, { entities: [linked('k')], date: '2025-03-10', title: 'Korvania war escalates', excludeUrl: null, limit: 5, model: [], onFeatures: (hs, fs) => { rows = new Map(hs.map((h, i) => [h, fs[i]!])); } });
    const f = (h: string, name: (typeof RERANK_FEATURES)[number]) => rows.get(h)![RERANK_FEATURES.indexOf(name)]!;
    const war = 'Korvania–Lusk war', fever = 'Grey fever epidemic in Korvania';
    expect(f(fever, 'nameOnly')).toBe(1);
    expect(f(fever, 'topicCover')).toBe(0);
    expect(f(war, 'nameOnly')).toBe(0);
    // "war" is covered, "lusk" (not a name the page says) is not.
    expect(f(war, 'topicCover')).toBeGreaterThan(0);
    expect(f(war, 'topicCover')).toBeLessThan(1);
  });
});
