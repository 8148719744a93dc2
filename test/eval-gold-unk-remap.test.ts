import { describe, expect, it } from 'vitest';
import { remapUnk, sameReferentSlug } from './eval/_gold-unk-remap';

describe('gold unk: remap (test/eval/_gold-unk-remap.ts)', () => {
  it('a record takes an unk id when its slug words are the unk slug\'s, up to one letter', () => {
    expect(sameReferentSlug('news:mary-trump', 'unk:mary-l-trump')).toBe(true);
    expect(sameReferentSlug('news:qassem-soleimani', 'unk:qasem-soleimani')).toBe(true);
    expect(sameReferentSlug('news:saravan', 'unk:saravan-iran')).toBe(true);
    expect(sameReferentSlug('news:blida', 'unk:gilgit-baltistan')).toBe(false);
    expect(sameReferentSlug('news:port-vardo', 'unk:vardo')).toBe(false);
  });
  it('needs a mention written as the record\'s name, and one record only; every mention of the id moves', () => {
    const gold = { split: 'dev', items: [
      { item: 'a', mentions: [{ text: 'Zorvan Quillet', occurrence: 0, id: 'unk:zorvan-quillet' }, { text: 'Vardo', occurrence: 0, id: 'unk:vardo-town' }] },
      { item: 'b', mentions: [{ text: 'Quillet', occurrence: 0, id: 'unk:zorvan-quillet' }] },
    ] };
    const byKey = new Map([['zorvan quillet', ['news:zorvan-quillet']], ['vardo', ['news:vardo', 'curated:vardo']]]);
    expect([...remapUnk(gold, byKey)]).toEqual([['unk:zorvan-quillet', 'news:zorvan-quillet']]);
  });
});
