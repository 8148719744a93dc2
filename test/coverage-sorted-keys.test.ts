/**
 * The coverage index's posting keys are looked up by binary search over an order stored at build
 * time (lib/coverage/sorted-keys.ts), not through a hash table made on the first query (#8).
 */
import { describe, expect, it, vi } from 'vitest';
import { SortedKeys, keyOrder } from '../lib/coverage/sorted-keys';
import { FrozenStrings, StringList } from '../lib/dataset/frozen-strings';
import { decodeImage, encodeImage } from '../lib/dataset/binary-image';
import { buildCoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { freezeCoverageIndex, thawCoverageIndex } from '../lib/coverage/frozen-index';

const KEYS = ['Q10', 'Q1', 'Q100', 'q1', '', 'news:ana-bel', 'Zürich', 'Zurich', 'Z', 'Zu', 'Łódź', 'news:ana', '東京', 'A😀', 'A\uffff', 'Q2'];

describe('SortedKeys', () => {
  const table = new SortedKeys(StringList.encode(KEYS), keyOrder(KEYS));
  it('finds every key at its own number (prefixes, non-ASCII, astral and empty keys)', () => {
    KEYS.forEach((k, i) => expect(table.indexOf(k)).toBe(i));
    expect(table.size).toBe(KEYS.length);
    expect(table.keys()).toEqual(KEYS);
    expect(table.keyAt(6)).toBe('Zürich');
  });
  it('finds nothing else', () => {
    for (const miss of ['Q', 'Q1000', 'Q3', 'news:an', 'news:ana-', 'Zür', 'Zuric', 'zurich', 'A', 'A😁', '東', ' ', 'Q10 ']) expect(table.indexOf(miss)).toBe(-1);
  });
  it('orders keys as Array.prototype.sort compares strings', () => {
    const order = keyOrder(KEYS);
    expect([...order].map((i) => KEYS[i])).toEqual([...KEYS].sort());
  });
  it('refuses an order that does not cover the keys', () => {
    expect(() => new SortedKeys(StringList.encode(KEYS), keyOrder(KEYS.slice(1)))).toThrow(/order/);
  });
});

describe('the frozen coverage index looks its posting keys up without a hash table', () => {
  const items: CoverageItem[] = Array.from({ length: 40 }, (_, i) => ({
    id: `t-${i}`, date: `2024-0${1 + (i % 9)}-1${i % 10}`, source: 'Wire', entities: [`Q${i % 7}`, `Q${10 + (i % 5)}`, i % 4 ? 'Łódź' : 'Q1'], topics: [`Storm ${i % 3}`], origin: 'timeline',
  }));
  const built = buildCoverageIndex(items, (id) => id);
  const frozen = freezeCoverageIndex(buildCoverageIndex(items, (id) => id), 'c');
  const thaw = (data: typeof frozen.data) => thawCoverageIndex(decodeImage(encodeImage('TEST', null, frozen.sections), 'TEST'), data, 'c', (id) => id).index;

  it('stores the keys\' order and answers as the built index does, making no FrozenStrings table', () => {
    expect(frozen.data.sortedKeys).toBe(true);
    const index = thaw(frozen.data);
    const hashed = vi.spyOn(FrozenStrings.prototype, 'indexOf');
    try {
      for (const id of [...built.byEntity.keys(), 'Q99', 'Łód', '']) {
        expect(index.byEntity.get(id)).toEqual(built.byEntity.get(id));
        expect(index.idf.get(id)).toBe(built.idf.get(id));
        expect(index.byEntity.has(id)).toBe(built.byEntity.has(id));
      }
      expect(hashed).not.toHaveBeenCalled();
    } finally {
      hashed.mockRestore();
    }
    expect([...index.byEntity]).toEqual([...built.byEntity]);
  });

  it('still reads an image written before the order was stored (keys hashed on first lookup)', () => {
    const { sortedKeys: _, ...before } = frozen.data;
    const index = thaw(before);
    for (const id of [...built.byEntity.keys(), 'Q99']) expect(index.byEntity.get(id)).toEqual(built.byEntity.get(id));
    expect([...index.idf]).toEqual([...built.idf]);
  });
});
