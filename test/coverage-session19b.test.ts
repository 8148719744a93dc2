import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { RERANK_FEATURES } from '../lib/coverage/rerank';
import { relatedCoverage } from '../lib/coverage/rank';
import type { LinkedEntity } from '../lib/report';

// Own fixture: a made-up fever outbreak with two place sub-storylines.
const names: Record<string, string> = { l: 'Lusk', p: 'Pellor', v: 'Vell fever outbreak' };
let n = 0;
const item = (date: string, entities: string[], topics: string[]): CoverageItem => ({ id: `s19b-${++n}`, date, source: 'Wire', entities, topics, origin: 'timeline' });
const PARENT = 'Vell fever outbreak', LUSK = 'Vell fever outbreak in Lusk', PELLOR = 'Vell fever outbreak in Pellor';
const items: CoverageItem[] = [
  item('2025-01-02', ['v'], [PARENT]),
  item('2025-01-03', ['v', 'p'], [PARENT]),
  item('2025-01-04', ['v', 'l'], [LUSK]),
  item('2025-01-05', ['v', 'l'], [LUSK]),
  item('2025-01-06', ['v', 'p'], [PELLOR]),
  item('2025-01-07', ['v', 'p'], [PELLOR]),
];
const index = buildCoverageIndex(items, (id) => names[id]);
const linked = (id: string): LinkedEntity => ({ id, name: names[id]!, type: id === 'v' ? 'event' : 'place', description: '', mentions: [{ paragraph: 0, start: 0, end: 3, text: names[id]! }] });

function rowsFor(entities: LinkedEntity[], title: string): Map<string, Float64Array> {
  let rows = new Map<string, Float64Array>();
  relatedCoverage(index, { entities, date: '2025-01-10', title, excludeUrl: null, limit: 5, model: [], onFeatures: (hs, fs) => { rows = new Map(hs.map((h, i) => [h, fs[i]!])); } });
  return rows;
}

describe('the sibling choice: what a sub-storyline says of the page beyond its broad storyline', () => {
  it('a page naming the outbreak and Lusk: the Lusk sub-storyline says more than the outbreak, the Pellor one does not', () => {
    const rows = rowsFor([linked('v'), linked('l')], 'Vell fever outbreak reaches Lusk');
    const f = (h: string, name: (typeof RERANK_FEATURES)[number]) => rows.get(h)![RERANK_FEATURES.indexOf(name)]!;
    expect(rows.has(PARENT) && rows.has(LUSK) && rows.has(PELLOR)).toBe(true);
    expect(f(LUSK, 'namedUnder')).toBe(1);
    expect(f(LUSK, 'subWords')).toBeGreaterThan(0);
    expect(f(LUSK, 'subWords')).toBeLessThanOrEqual(1);
    expect(f(PELLOR, 'subWords')).toBe(0); // "Pellor" is not on the page
    expect(f(PARENT, 'subWords')).toBe(0); // names no scored heading
    expect(f(PARENT, 'kidWords')).toBeCloseTo(f(LUSK, 'subWords'));
    expect(f(LUSK, 'kidWords')).toBe(0);
  });

  it('a page naming only the outbreak: no sub-storyline says more than it', () => {
    const rows = rowsFor([linked('v')], 'Vell fever outbreak spreads');
    const f = (h: string, name: (typeof RERANK_FEATURES)[number]) => rows.get(h)?.[RERANK_FEATURES.indexOf(name)];
    for (const h of [PARENT, LUSK, PELLOR]) if (rows.has(h)) expect(f(h, 'subWords')).toBe(0);
    expect(f(PARENT, 'kidWords') ?? 0).toBe(0);
  });
});
