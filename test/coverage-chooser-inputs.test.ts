import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { relatedCoverage, shippedChooser } from '../lib/coverage/rank';
import { RERANK_DIM, RERANK_WEIGHTS, RERANK_WEIGHTS_ENTITIES_ONLY } from '../lib/coverage/rerank';
import { CHOOSER_TREES } from '../lib/coverage/chooser-trees';
import { CHOOSER_TREES_ENTITIES_ONLY } from '../lib/coverage/chooser-trees-entities-only';
import { chooserLogits } from '../lib/coverage/boost';
import type { LinkedEntity } from '../lib/report';

describe('shippedChooser: each query input has its own storyline chooser', () => {
  it('a query with no title and no lead (its heading words are its entities\') gets the entities-only set', () => {
    const c = shippedChooser({ title: '', lead: '' }, { namesAsWords: 2 });
    expect(c.linear).toBe(RERANK_WEIGHTS_ENTITIES_ONLY);
    expect(c.trees).toBe(CHOOSER_TREES_ENTITIES_ONLY);
    expect(shippedChooser({ title: ' ', lead: undefined }, { namesAsWords: 1 }).linear).toBe(RERANK_WEIGHTS_ENTITIES_ONLY);
  });
  it('a page with a title or a lead, or a query reading no names as words, keeps the page-words set', () => {
    for (const q of [{ title: 'Harbour strike', lead: '' }, { title: '', lead: 'Dockers walk out.' }]) {
      expect(shippedChooser(q, { namesAsWords: 2 })).toEqual({ linear: RERANK_WEIGHTS, trees: CHOOSER_TREES });
    }
    expect(shippedChooser({ title: '', lead: '' }, { namesAsWords: 0 }).linear).toBe(RERANK_WEIGHTS);
  });
  it('the two sets are fitted apart (same features, other weights)', () => {
    expect(RERANK_WEIGHTS_ENTITIES_ONLY).toHaveLength(RERANK_DIM);
    expect(RERANK_WEIGHTS_ENTITIES_ONLY).not.toEqual(RERANK_WEIGHTS);
  });
});

// Own fixture: made-up storylines around one port city.
let n = 0;
const item = (date: string, entities: string[], topics: string[]): CoverageItem => ({ id: `c-${++n}`, date, source: 'Wire', entities, topics, origin: 'timeline' });
const index = buildCoverageIndex([
  item('2025-02-01', ['p'], ['Harrowgate port strike']),
  item('2025-02-03', ['p', 'q'], ['Harrowgate port strike']),
  item('2025-02-05', ['p'], ['Vellmark floods']),
  item('2025-02-06', ['q'], ['Vellmark floods']),
], (id) => ({ p: 'Harrowgate', q: 'Vellmark' })[id]);
const port: LinkedEntity = { id: 'p', name: 'Harrowgate', type: 'place', description: 'City in Vellmark', mentions: [{ paragraph: 0, start: 0, end: 10, text: 'Harrowgate' }] };

describe('relatedCoverage picks the chooser by the query\'s input', () => {
  const logitsOf = (title: string) => {
    let seen: { rows: Float64Array[]; z: Float64Array } | null = null;
    relatedCoverage(index, { entities: [port], date: '2025-02-10', title, lead: '', excludeUrl: null, limit: 5, adjustLogits: (_t, rows, z) => { seen = { rows: [...rows], z: z.slice() }; } });
    return seen!;
  };
  it('scores an entities-only query\'s headings with the entities-only weights and trees', () => {
    const { rows, z } = logitsOf('');
    expect(rows.length).toBeGreaterThan(0);
    expect([...z]).toEqual([...chooserLogits(RERANK_WEIGHTS_ENTITIES_ONLY, CHOOSER_TREES_ENTITIES_ONLY, rows)]);
    expect([...z]).not.toEqual([...chooserLogits(RERANK_WEIGHTS, CHOOSER_TREES, rows)]);
  });
  it('scores a page with a title with the page-words chooser', () => {
    const { rows, z } = logitsOf('Harrowgate dockers strike');
    expect([...z]).toEqual([...chooserLogits(RERANK_WEIGHTS, CHOOSER_TREES, rows)]);
  });
});
