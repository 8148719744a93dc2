/**
 * Names and aliases stored as their own alias slot key plus case flips
 * (lib/dataset/compact-spellings.ts, lib/entities/frozen-index.ts), and read back unchanged.
 */
import { describe, expect, it } from 'vitest';
import { MAX_EDITS, spelledText, spellingOf } from '../lib/dataset/compact-spellings';
import { decodeRuntimePack, encodeRuntimePack } from '../lib/dataset/runtime-pack';
import type { Pack, PackEntity } from '../lib/dataset/schema';
import { buildKnowledge } from '../lib/knowledge';
import { freezeEntityIndex, slotsByEntity } from '../lib/entities/frozen-index';
import { FrozenStrings, FrontCodedStrings, frontEncode } from '../lib/dataset/frozen-strings';

describe('spellings', () => {
  it('spells a key with each word capitalised, then edited', () => {
    const cases: [string, string, number[]][] = [
      ['Donald Trump', 'donald trump', []],
      ['Zürich', 'zürich', []],
      // Case flips (op 0) after a gap of copied units.
      ['John McCain', 'john mccain', [7, 0]],
      ['Bank of England', 'bank of england', [5, 0]],
      ['iPhone', 'iphone', [0, 0, 0, 0]],
      ['summit', 'summit', [0, 0]],
      // A unit replaced (2 + 2c): the key's folded letter.
      ['José Mourinho', 'jose mourinho', [3, 2 + 2 * 'é'.charCodeAt(0)]],
      // Units put in (3 + 2c).
      ['U.S. Army', 'us army', [1, 3 + 2 * 46, 0, 0, 0, 3 + 2 * 46]],
    ];
    for (const [text, key, edits] of cases) {
      expect(spellingOf(text, key), text).toStrictEqual(edits);
      expect(spelledText(key, edits)).toBe(text);
    }
    // Whatever the edits, they read back as the text.
    for (const [text, key] of [['Bashar al-Assad', 'bashar al assad'], ['Straße', 'strasse'], ['Peterborough United F.C.', 'peterborough united fc'], ['Ngô Đình Diệm', 'ngo dinh diem']]) {
      const edits = spellingOf(text!, key!);
      expect(edits, text).not.toBeNull();
      expect(spelledText(key!, edits!)).toBe(text);
    }
  });
  it('refuses what takes more edits or bytes than the text itself', () => {
    const cases: [string, string][] = [
      ['the Fed', 'fed'],
      // Three flips are 7 stored bytes.
      ['NATO', 'nato'],
      ['UNITED NATIONS', 'united nations'],
      ['Kremlin', 'moscow'],
    ];
    for (const [text, key] of cases) expect(spellingOf(text, key), text).toBeNull();
    // Flips every fourth letter of 40: up to MAX_EDITS of them.
    const flipped = (count: number) => [...'a'.repeat(40)].map((c, i) => (i === 0 || (i % 4 === 0 && i / 4 <= count) ? 'A' : c)).join('');
    expect(spellingOf(flipped(MAX_EDITS), 'a'.repeat(40))).toHaveLength(2 * MAX_EDITS);
    expect(spellingOf(flipped(MAX_EDITS + 1), 'a'.repeat(40))).toBeNull();
  });
});

const pack = (entities: PackEntity[]): Pack => ({ format: 'backstory-pack', formatVersion: 1, id: 'default', name: 'Test pack', version: '1', licenses: [], entities, coverage: [] });

const ENTITIES: PackEntity[] = [
  // Its aliases' slots sort before and after its name's: ranks 0, 1, 2.
  { id: 'Q1', name: 'John McCain', type: 'person', aliases: ['Senator McCain', 'JOHN S. MCCAIN', 'Juan McCaín'], shortNames: ['McCain'], sources: [], roles: [] },
  { id: 'Q2', name: 'Bank of England', type: 'organization', aliases: ['BoE', 'the Old Lady'], shortNames: [], sources: [], roles: [] },
  // Shares the slot "mccain" with Q1's short name.
  { id: 'Q3', name: 'McCain', type: 'organization', aliases: ['McCain Foods'], shortNames: [], sources: [], roles: [] },
  { id: 'Q4', name: 'José Mourinho', type: 'person', aliases: ['Jose Mourinho'], shortNames: [], sources: [], roles: [] },
];

describe('spelled names and aliases in the entity records', () => {
  it('reads every record back as buildKnowledge has it', () => {
    const rt = decodeRuntimePack(encodeRuntimePack(pack(ENTITIES.map((e) => structuredClone(e)))));
    const built = buildKnowledge([pack(ENTITIES.map((e) => structuredClone(e)))]).entities.entities;
    // Read in reverse: a record's slots do not depend on an earlier record having been read.
    for (let i = built.length - 1; i >= 0; i--) expect(rt.knowledge.entities.entities[i]).toStrictEqual(built[i]);
  });
  it('keeps only what is not its key spelled as inline text', () => {
    const index = buildKnowledge([pack(ENTITIES.map((e) => structuredClone(e)))]).entities;
    const { sections } = freezeEntityIndex(index, 'e');
    const text = new TextDecoder().decode(sections['e.inlineBytes'] as Uint8Array);
    for (const s of ['John McCain', 'Senator', 'Bank of England', 'McCain Foods', 'Jose Mourinho', 'José Mourinho', 'Juan McCa']) expect(text).not.toContain(s);
    // Nine edits; two flips, four units put in: more bytes than the text.
    for (const s of ['JOHN S. MCCAIN', 'BoE', 'the Old Lady']) expect(text).toContain(s);
  });
  it('lists each entity its slots in key order', () => {
    // Slots: "a" (hits 0, 1), "b" (no hits), "c" (hit 1), "d" (hits 2, 0).
    const slotInfo = Uint16Array.from([2 << 1, 1, 1 << 1, 2 << 1]);
    const { starts, slots } = slotsByEntity(slotInfo, [0, 1, 1, 2, 0], 3);
    expect([...starts]).toStrictEqual([0, 2, 4, 5]);
    expect([...slots]).toStrictEqual([0, 3, 0, 2, 3]);
  });
});

describe('front-coded slot keys read by number', () => {
  it('gives every key back whatever the order they are first read in (its `from` key found by jumps over keys already read)', () => {
    const keys = ['j', 'ja', 'jab', 'jack', 'jack a', 'jack ab', 'jack b', 'jacks', 'jo', 'joan', 'joan b', 'john', 'john a', 'john ab', 'john b', 'k'];
    const parts = frontEncode(FrozenStrings.build(keys));
    for (const order of [[...keys.keys()], [...keys.keys()].reverse(), [6, 14, 2, 13, 5, 10, 0, 15, 3, 11, 8, 12, 1, 9, 7, 4]]) {
      const coded = new FrontCodedStrings(parts);
      for (const i of order) expect(coded.keyAt(i)).toBe(keys[i]);
    }
  });
});
