import { describe, expect, it } from 'vitest';
import { FrontCodedStrings, FrozenStrings, frontEncode } from '../lib/dataset/frozen-strings';
import { BucketLengths, GATE_CALLS, type BucketTable } from '../lib/entities/bucket-lengths';
import { fnv1a } from '../lib/fnv';

// Keys of many lengths: ASCII alias-like keys, non-ASCII ones (UTF-8 length ≠ code units) and two
// longer than the byte values the quick no keeps (254 and up).
const keys = [
  ...Array.from({ length: 1500 }, (_, i) => `name ${i * 7919}`),
  ...Array.from({ length: 200 }, (_, i) => `łódź ${i}`),
  'x'.repeat(253), 'y'.repeat(254), 'z'.repeat(300),
];

function table() {
  const coded = frontEncode(FrozenStrings.build(keys));
  const strings = new FrontCodedStrings(coded);
  let calls = 0;
  // The table as BucketLengths sees it, counting the questions passed on to its own walk.
  const counted: BucketTable = { buckets: strings.buckets, mayHold: (h, n) => (calls++, strings.mayHold(h, n)) };
  const gate = new BucketLengths(counted, (i) => coded.shared[i]! + coded.suffixLengths[i]!);
  return { strings, gate, calls: () => calls };
}

const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('BucketLengths (runtime alias table quick no)', () => {
  it('gives the table’s own answer before and after its bytes are made', () => {
    const { strings, gate } = table();
    const questions: [number, number][] = [];
    for (const k of keys) {
      const h = fnv1a(k) & 0x3fffffff;
      questions.push([h, utf8(k)], [h, utf8(k) + 1], [h, -1], [h, 3]);
    }
    for (let i = 0; i < 3000; i++) {
      const h = fnv1a(`other ${i}`) & 0x3fffffff;
      questions.push([h, 5 + (i % 12)], [h, -1], [h, 260]);
    }
    expect(questions.length).toBeGreaterThan(GATE_CALLS * 2);
    let yes = 0;
    for (const [h, n] of questions) {
      const want = strings.mayHold(h, n);
      expect(gate.mayHold(h, n)).toBe(want);
      if (want) yes++;
    }
    expect(gate.made).toBe(true);
    // Every key is found at its length; most other questions are a no.
    expect(yes).toBeGreaterThan(keys.length * 2);
    expect(yes).toBeLessThan(questions.length / 2);
  });

  it('answers from its bytes once made, passing on only lengths it does not keep', () => {
    const { strings, gate, calls } = table();
    for (let i = 0; i <= GATE_CALLS; i++) gate.mayHold(i, 4);
    expect(gate.made).toBe(true);
    const before = calls();
    let noes = 0;
    for (let i = 0; i < 2000; i++) {
      const h = fnv1a(`missing ${i}`) & 0x3fffffff;
      if (!gate.mayHold(h, 9)) noes++;
      expect(gate.mayHold(h, 9)).toBe(strings.mayHold(h, 9));
    }
    expect(noes).toBeGreaterThan(1000);
    // None of the 4,000 questions above reached the table's own walk.
    expect(calls()).toBe(before);
    gate.mayHold(fnv1a('z'.repeat(300)) & 0x3fffffff, 300);
    expect(calls()).toBe(before + 1);
  });

  it('leaves a table that is asked little unread', () => {
    const { gate, calls } = table();
    for (let i = 0; i < GATE_CALLS; i++) gate.mayHold(i, 4);
    expect(gate.made).toBe(false);
    expect(calls()).toBe(GATE_CALLS);
  });
});
