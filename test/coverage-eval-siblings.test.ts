import { describe, expect, it } from 'vitest';
import { headingStats, isParent, relationOf, variantKeys, variantPrecision } from './eval/_coverage-siblings';

// Own fixture: heading lists of made-up items.
const lists = [
  ['Korvania–Lusk war', 'Siege of Pellor'],
  ['Korvania–Lusk war', 'Siege of Pellor'],
  ['Korvania–Lusk war', 'Lusk refugee crisis'],
  ['Korvania–Lusk war', 'Lusk refugee crisis'],
  ['Korvania–Lusk war'],
  ['International reactions to the Korvania–Lusk war'],
  ['Mira Vell summit', 'Korvania trade talks'],
  ['Mira Vell summit'],
  ['Mira Vell summit'],
  ['Korvania trade talks'],
  ['Korvania trade talks'],
  ['Korvania trade talks'],
  ['Lusk elections'],
];
const s = headingStats(lists);
const parentsOf = (h: string) => [...s.size.keys()].filter((p) => isParent(s, p, h));

describe('coverage eval: how a wrong hit\'s headings relate to the query\'s', () => {
  it('a broader heading co-listed on most of a heading\'s items is its parent', () => {
    expect(isParent(s, 'Korvania–Lusk war', 'Siege of Pellor')).toBe(true);
    expect(isParent(s, 'Siege of Pellor', 'Korvania–Lusk war')).toBe(false);
    expect(isParent(s, 'Korvania trade talks', 'Mira Vell summit')).toBe(false); // co-listed on 1 of its 3 items only
  });
  it('names each relation', () => {
    expect(relationOf(s, parentsOf, ['Korvania–Lusk war'], ['Siege of Pellor'])).toBe('child');
    expect(relationOf(s, parentsOf, ['Siege of Pellor'], ['Korvania–Lusk war'])).toBe('parent');
    expect(relationOf(s, parentsOf, ['Siege of Pellor'], ['Lusk refugee crisis'])).toBe('sibling');
    expect(relationOf(s, parentsOf, ['International reactions to the Korvania–Lusk war'], ['Korvania–Lusk war'])).toBe('named broader');
    expect(relationOf(s, parentsOf, ['Korvania–Lusk war'], ['International reactions to the Korvania–Lusk war'])).toBe('named narrower');
    expect(relationOf(s, parentsOf, ['Korvania trade talks'], ['Mira Vell summit'])).toBe('co-listed');
    expect(relationOf(s, parentsOf, ['Lusk elections'], ['Mira Vell summit'])).toBe('unrelated');
    expect(relationOf(s, parentsOf, ['Lusk elections'], [])).toBe('no heading');
  });
});

describe('heading variants (label noise)', () => {
  it('list parts, case, years and brackets fold to shared keys; other storylines do not', () => {
    expect(variantKeys('2024 Korvania–Lusk conflict, Pellor–Lusk conflict')).toEqual(['korvania–lusk conflict', 'pellor–lusk conflict']);
    expect(variantKeys('Pellor–Lusk conflict (2023–present)')).toEqual(['pellor–lusk conflict']);
    const own = ['Pellor–Lusk conflict (2023–present)'];
    const top = [['Pellor–Lusk Conflict'], ['2024 Korvania–Lusk conflict, Pellor–Lusk conflict'], ['Pellor–Lusk conflict (2023–present)'], ['International reactions to the Pellor–Lusk conflict'], []];
    // Exact relevance: 1 of 5; with variants, the case variant and the list heading count too.
    expect(variantPrecision(own, top)).toBeCloseTo(3 / 5);
  });
});
