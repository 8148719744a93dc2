/**
 * The storyline chooser serves two inputs (#5): a page's entities with its title and lead (the
 * extension) and the linked entities alone (the protocol). The `wordsMatched` evidence
 * column tells the trees which one a query is; the boost trainer fits on both with --mix-inputs;
 * the eval's protocol diff sorts what the words supplied by the shape of the heading's name.
 */
import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { RERANK_DIM, RERANK_FEATURES } from '../lib/coverage/rerank';
import { relatedCoverage } from '../lib/coverage/rank';
import type { LinkedEntity } from '../lib/report';
import { fitProtocols, linearFor, withLinearWeights } from './eval/_coverage-boost';
import { protocolOf, protocolWords } from './eval/_coverage-protocol';
import { headingShape, protocolLosses, type ProtocolPair } from './eval/_coverage-protocol-diff';

// Own fixture: a made-up country with a flood storyline and an election storyline.
const names: Record<string, string> = { v: 'Vessaria', o: 'Orlan Tech' };
let n = 0;
const item = (date: string, entities: string[], topics: string[]): CoverageItem => ({ id: `w-${++n}`, date, source: 'Wire', entities, topics, origin: 'timeline' });
const index = buildCoverageIndex([
  item('2025-02-01', ['v'], ['Vessaria floods']),
  item('2025-02-02', ['v'], ['Vessaria floods']),
  item('2025-02-03', ['v', 'o'], ['2025 Vessarian election']),
  item('2025-02-04', ['v'], ['2025 Vessarian election']),
], (id) => names[id]);
const linked = (id: string): LinkedEntity => ({ id, name: names[id]!, type: 'place', description: '', mentions: [{ paragraph: 0, start: 0, end: 3, text: names[id]! }] });

function wordsMatchedOf(title: string): number[] {
  let col: number[] = [];
  relatedCoverage(index, { entities: [linked('v')], date: '2025-02-10', title, excludeUrl: null, limit: 5, model: [], onFeatures: (_hs, fs) => { col = fs.map((f) => f[RERANK_FEATURES.indexOf('wordsMatched')]!); } });
  return col;
}

describe('the chooser knows which input a query gave', () => {
  it('wordsMatched is 1 on every scored heading when the page\'s words match a heading name, 0 with entities alone', () => {
    const withWords = wordsMatchedOf('Floods cut roads across the country');
    expect(withWords.length).toBeGreaterThan(1);
    expect(withWords.every((v) => v === 1)).toBe(true);
    const alone = wordsMatchedOf('');
    expect(alone.length).toBeGreaterThan(1);
    expect(alone.every((v) => v === 0)).toBe(true);
  });
  it('words that match no heading name count as no words', () => {
    expect(wordsMatchedOf('Quarterly figures released').every((v) => v === 0)).toBe(true);
  });
});

describe('two linear choosers, picked by whether the words matched', () => {
  // Weights that only read a heading's size (log prior items): +5 prefers the larger storyline, −5 the smaller.
  const bySize = (w: number) => Array.from({ length: RERANK_DIM }, (_, i) => (RERANK_FEATURES[i] === 'size' ? w : 0));
  // Floods: 2 prior items; election: 2 as well — add a third flood item so the sizes differ.
  const idx = buildCoverageIndex([
    item('2025-03-01', ['v'], ['Vessaria floods']),
    item('2025-03-02', ['v'], ['Vessaria floods']),
    item('2025-03-03', ['v'], ['Vessaria floods']),
    item('2025-03-04', ['v'], ['2025 Vessarian election']),
  ], (id) => names[id]);
  const first = (title: string) => relatedCoverage(idx, { entities: [linked('v')], date: '2025-03-10', title, excludeUrl: null, limit: 4, model: bySize(5), modelNoWords: bySize(-5) })[0]!.id;
  const floods = idx.items.find((it) => it.record.topics.includes('Vessaria floods') && it.record.date === '2025-03-03')!.record.id;
  const election = idx.items.find((it) => it.record.topics.includes('2025 Vessarian election'))!.record.id;
  it('entities alone use the no-words weights (the smaller storyline first); matching words the others', () => {
    expect(first('')).toBe(election);
    expect(first('Vessaria floods and the election')).toBe(floods);
  });
  it('the trainer scores a query with the weights rank.ts would pick (its rows\' wordsMatched)', () => {
    const row = (flag: number) => { const f = new Float64Array(RERANK_DIM); f[RERANK_FEATURES.indexOf('wordsMatched')] = flag; return f; };
    const pair = { words: [1], noWords: [2] };
    expect(linearFor(pair, [row(1), row(1)])).toBe(pair.words);
    expect(linearFor(pair, [row(0)])).toBe(pair.noWords);
  });
  it('--write-trees writes both weight lines', () => {
    const src = 'export const RERANK_WEIGHTS: readonly number[] = [0];\nexport const RERANK_WEIGHTS_NO_WORDS: readonly number[] = [];\n';
    const out = withLinearWeights(withLinearWeights(src, [0.5]), [0.25], 'RERANK_WEIGHTS_NO_WORDS');
    expect(out).toBe('export const RERANK_WEIGHTS: readonly number[] = [0.5];\nexport const RERANK_WEIGHTS_NO_WORDS: readonly number[] = [0.25];\n');
  });
});

describe('fitting on both protocols', () => {
  it('--mix-inputs fits on both inputs; otherwise on the run\'s own protocol', () => {
    expect(fitProtocols(['--boost', '--mix-inputs'], 'words')).toEqual(['words', 'entities-only']);
    expect(fitProtocols(['--boost'], 'words')).toEqual(['words']);
    expect(fitProtocols(['--boost', '--entities-only'], protocolOf(['--entities-only']))).toEqual(['entities-only']);
  });
  it('each protocol passes its own words', () => {
    const it0 = { title: 'T', summary: 'S' };
    expect(protocolWords('words')(it0)).toEqual({ title: 'T', lead: 'S' });
    expect(protocolWords('entities-only')(it0)).toEqual({ title: '', lead: '' });
  });
});

describe('what entities alone lose', () => {
  it('sorts a heading name by shape: narrowed to a place, dated, naming a query entity, other', () => {
    expect(headingShape('Pandemic in Vessaria', [])).toBe('in-place');
    expect(headingShape('2025 Vessarian election', [])).toBe('year');
    expect(headingShape('Orlan Tech layoffs', ['Orlan Tech'])).toBe('names-entity');
    expect(headingShape('Orlan Tech layoffs', ['Vessaria'])).toBe('other');
  });
  it('counts only queries right with words and wrong without, one shape each', () => {
    const pair = (id: string, withWords: number, entitiesOnly: number, own: string[]): ProtocolPair => ({ id, text: '', own, entities: ['Vessaria'], withWords, entitiesOnly, entitiesOnlyTop: [] });
    const r = protocolLosses([
      pair('a', 1, 0.2, ['Pandemic in Vessaria', '2025 Vessarian election']),
      pair('b', 0.8, 0.4, ['Vessaria floods']),
      pair('c', 0.8, 0.6, ['2025 Vessarian election']), // still right without words
      pair('d', 0.2, 1, ['Orlan Tech layoffs']), // the reverse
    ]);
    expect(r.lost.map((p) => p.id)).toEqual(['a', 'b']);
    expect(r.gained.map((p) => p.id)).toEqual(['d']);
    expect([...r.shapes]).toEqual([['in-place', 1], ['names-entity', 1]]);
  });
});
