/**
 * The coverage eval for both query inputs (#5): a page's entities with its title and lead (the
 * extension) and the linked entities alone (the protocol). The boost trainer fits on both
 * with --mix-inputs; the eval's protocol diff sorts what the words supplied by the shape of the
 * heading's name.
 */
import { describe, expect, it } from 'vitest';
import { fitProtocols } from './eval/_coverage-boost';
import { protocolOf, protocolWords } from './eval/_coverage-protocol';
import { headingShape, protocolLosses, type ProtocolPair } from './eval/_coverage-protocol-diff';

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
