/**
 * heading-tree.ts roles: each topic's place in the whole hierarchy by name (names another / is
 * named by another), stored in the runtime pack, so the first query on freshly loaded knowledge
 * makes name keys only for the scored headings that can pair (issue #8).
 */
import { describe, expect, it } from 'vitest';
import { buildCoverageIndex, type CoverageIndex, type CoverageItem } from '../lib/coverage/index';
import { NAMED_BY_ANOTHER, NAMES_ANOTHER, namedParents, packedHeadingRoles } from '../lib/coverage/heading-tree';
import { decodeRuntimePack, encodeRuntimePack } from '../lib/dataset/runtime-pack';
import type { Pack } from '../lib/dataset/schema';
import { ENTITIES } from './entities-fixture';

// Own fixture: a made-up war, a sub-storyline naming it, a list heading, and headings in no relation.
const TOPICS = [
  'Korvania–Lusk war', // 0: named by 1, 2 and 5
  'International reactions to the 2024 Korvania–Lusk war', // 1: names 0
  'Mira Vell summit, Korvania–Lusk war', // 2: a list naming 0 and 3
  'Mira Vell summit', // 3: named by 2
  'Harbor strike in Pellor', // 4: none
  'Timeline of the Korvania–Lusk war (2024–present)', // 5: names 0
  'Pellor floods', // 6: none
];
const role = (packed: Uint8Array, t: number) => (packed[t >> 2]! >> ((t & 3) * 2)) & 3;

const coverage = TOPICS.map((topic, i) => ({ id: `r${i}`, date: `2025-03-${String(i + 1).padStart(2, '0')}`, source: 'Wire', entities: [ENTITIES[0]!.id], topics: [topic] }));
const items: CoverageItem[] = coverage.map((c) => ({ ...c, origin: 'timeline' }));

describe('heading roles', () => {
  it('marks each topic that names another and each that another names, four topics a byte', () => {
    const packed = packedHeadingRoles(buildCoverageIndex(items, () => undefined));
    expect(packed.length).toBe(2);
    const byName = (name: string) => role(packed, TOPICS.indexOf(name));
    expect(byName('Korvania–Lusk war')).toBe(NAMED_BY_ANOTHER);
    expect(byName('International reactions to the 2024 Korvania–Lusk war')).toBe(NAMES_ANOTHER);
    expect(byName('Mira Vell summit, Korvania–Lusk war')).toBe(NAMES_ANOTHER);
    expect(byName('Mira Vell summit')).toBe(NAMED_BY_ANOTHER);
    expect(byName('Timeline of the Korvania–Lusk war (2024–present)')).toBe(NAMES_ANOTHER);
    expect(byName('Harbor strike in Pellor')).toBe(0);
    expect(byName('Pellor floods')).toBe(0);
  });

  it('the runtime pack stores them: the same pairs, and no name read for a heading in no relation', () => {
    const pack: Pack = { format: 'backstory-pack', formatVersion: 1, id: 'default', name: 'Roles', version: '1', licenses: [], entities: ENTITIES.map((e) => ({ ...e })), coverage };
    const built = buildCoverageIndex(items, () => undefined);
    const thawed = decodeRuntimePack(encodeRuntimePack(pack)).knowledge.coverage;
    const t = (index: CoverageIndex, name: string) => index.topicNames.indexOf(name);
    const heads = (index: CoverageIndex) => TOPICS.map((name) => t(index, name));
    const thawedHeads = heads(thawed), names = thawed.topicNames;
    const at = (name: string) => names.indexOf(name);
    // Count which topic names the hierarchy reads.
    const read = new Set<number>();
    Object.defineProperty(thawed, 'topicNames', {
      value: new Proxy(names, { get: (target, prop, receiver) => { if (typeof prop === 'string' && /^\d+$/.test(prop)) read.add(Number(prop)); return Reflect.get(target, prop, receiver); } }),
    });
    const fromImage = namedParents(thawed, thawedHeads);
    expect(fromImage).toEqual(namedParents(built, heads(built)));
    expect(fromImage[TOPICS.indexOf('Timeline of the Korvania–Lusk war (2024–present)')]).toEqual([TOPICS.indexOf('Korvania–Lusk war')]);
    expect([...fromImage[TOPICS.indexOf('Mira Vell summit, Korvania–Lusk war')]!].sort()).toEqual([0, 3]);
    expect(read.has(at('Korvania–Lusk war'))).toBe(true);
    expect(read.has(at('Harbor strike in Pellor'))).toBe(false);
    expect(read.has(at('Pellor floods'))).toBe(false);
  });
});
