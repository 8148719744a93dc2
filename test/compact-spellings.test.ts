/**
 * Names and aliases stored as their own alias slot key plus case flips
 * (lib/dataset/compact-spellings.ts, lib/entities/frozen-index.ts), and read back unchanged.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FLIPS, spelledText, spellingOf } from '../lib/dataset/compact-spellings';
import { decodeRuntimePack, encodeRuntimePack } from '../lib/dataset/runtime-pack';
import type { Pack, PackEntity } from '../lib/dataset/schema';
import { buildKnowledge } from '../lib/knowledge';
import { freezeEntityIndex, slotsByEntity } from '../lib/entities/frozen-index';
import { FrozenStrings, FrontCodedStrings, frontEncode } from '../lib/dataset/frozen-strings';

describe('spellings', () => {
  it('spells a key with each word capitalised and the listed letters flipped', () => {
    const cases: [string, string, number[]][] = [
      ['Donald Trump', 'donald trump', []],
      ['John McCain', 'john mccain', [7]],
      ['Bank of England', 'bank of england', [5]],
      ['NATO', 'nato', [1, 2, 3]],
      ['iPhone', 'iphone', [0, 1]],
      ['summit', 'summit', [0]],
      ['Zürich', 'zürich', []],
    ];
    for (const [text, key, flips] of cases) {
      expect(spellingOf(text, key), text).toStrictEqual(flips);
      expect(spelledText(key, flips)).toBe(text);
    }
  });
  it('refuses what is not the key with its case changed, or too many flips away', () => {
    const cases: [string, string][] = [
      ['José Mourinho', 'jose mourinho'],
      ['U.S. Army', 'us army'],
      ['Bashar al-Assad', 'bashar al assad'],
      ['the Fed', 'fed'],
      ['Straße', 'strasse'],
      ['UNITED NATIONS', 'united nations'],
    ];
    for (const [text, key] of cases) expect(spellingOf(text, key), text).toBeNull();
    // The first letter is a capital already: MAX_FLIPS + 1 capitals are MAX_FLIPS flips.
    expect(spellingOf('A'.repeat(MAX_FLIPS + 1), 'a'.repeat(MAX_FLIPS + 1))).toHaveLength(MAX_FLIPS);
    expect(spellingOf('A'.repeat(MAX_FLIPS + 2), 'a'.repeat(MAX_FLIPS + 2))).toBeNull();
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
    for (const s of ['John McCain', 'Senator', 'Bank of England', 'BoE', 'McCain Foods', 'Jose Mourinho']) expect(text).not.toContain(s);
    for (const s of ['JOHN S. MCCAIN', 'Juan McCaín', 'the Old Lady', 'José Mourinho']) expect(text).toContain(s);
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
