/**
 * The runtime pack's entity records store, instead of inline text: dates as numbers
 * (lib/dataset/compact-dates.ts), short names that are words of the name as that word's place,
 * role titles once each in the shared table (lib/entities/frozen-index.ts), and URLs of two shapes
 * as numbers (lib/dataset/compact-urls.ts) (issue #8: 734 KB fewer image bytes, 158 KB fewer zip
 * bytes); and read every record back as it was.
 */
import { describe, expect, it } from 'vitest';
import { dateCode, dateText } from '../lib/dataset/compact-dates';
import { urlCode, urlText } from '../lib/dataset/compact-urls';
import { decodeRuntimePack, encodeRuntimePack } from '../lib/dataset/runtime-pack';
import type { Pack, PackEntity } from '../lib/dataset/schema';
import { buildKnowledge } from '../lib/knowledge';
import { freezeEntityIndex, hitChains, lazyHitChains, slotOfHit, slotsByEntity } from '../lib/entities/frozen-index';

describe('compact dates', () => {
  it('codes a day, a month or a year and reads back the same text, in under 3 varint bytes for years to 2100', () => {
    for (const d of ['1962-12-08', '2025-01', '1970', '1000-01-01', '2099-12-31', '2025-02-30', '1800-07']) {
      const code = dateCode(d);
      expect(code, d).not.toBeNull();
      expect(dateText(code!)).toBe(d);
    }
    expect(dateCode('2100-12-31')!).toBeLessThan(2 ** 21);
    // Distinct dates, distinct codes; order kept within a shape.
    expect(dateCode('1962-12-08')).toBeLessThan(dateCode('1962-12-09')!);
    expect(dateCode('1962')).not.toBe(dateCode('1962-01'));
  });
  it('refuses what it would not read back unchanged', () => {
    for (const d of ['999', '0999-01-01', '-0044', '1962-13-01', '1962-00', '1962-01-00', '1962-12-32', '1962-1-01', '1962-12-08T00:00', ' 1962', '', 'circa 1900']) expect(dateCode(d), d).toBeNull();
  });
});

describe('compact URLs', () => {
  it('codes a GeoNames page and the Wikipedia article of the name, and reads back the same text', () => {
    const cases: [string, string][] = [['https://www.geonames.org/6948711', 'Somewhere'], ['https://www.geonames.org/0', 'X'], ['https://en.wikipedia.org/wiki/New_York_City', 'New York City'], ['https://en.wikipedia.org/wiki/Tokyo', 'Tokyo']];
    for (const [url, name] of cases) {
      const code = urlCode(url, name);
      expect(code, url).not.toBeNull();
      expect(urlText(code!, name)).toBe(url);
    }
  });
  it('leaves any other URL as text', () => {
    const cases: [string, string][] = [['https://www.geonames.org/06948711', 'A'], ['https://www.geonames.org/69487x', 'A'], ['https://www.geonames.org/', 'A'], ['https://www.geonames.org/1.5', 'A'], ['https://www.geonames.org/-1', 'A'], ['https://en.wikipedia.org/wiki/New_York', 'New York City'], ['https://en.wikipedia.org/wiki/S%C3%A3o_Paulo', 'São Paulo'], ['https://example.org/Tokyo', 'Tokyo']];
    for (const [url, name] of cases) expect(urlCode(url, name), url).toBeNull();
  });
});

const pack = (entities: PackEntity[]): Pack => ({ format: 'backstory-pack', formatVersion: 1, id: 'default', name: 'Test pack', version: '1', licenses: [], entities, coverage: [] });

const ENTITIES: PackEntity[] = [
  { id: 'Q1', name: 'Irek Faizullin', type: 'person', aliases: [], shortNames: ['Faizullin'], sources: [], roles: [{ title: 'Minister of Construction', from: '2020-11-10', asOf: '2022-08' }], born: '1962-12-08' },
  // A middle word, a repeated word, and a short name that is not a word of the name.
  { id: 'Q2', name: 'Juan Carlos Carlos Ruiz', type: 'person', aliases: ['J. C. Ruiz'], shortNames: ['Carlos', 'Ruiz', 'JCR'], sources: [], roles: [{ title: 'Mayor', from: '999', to: '1962-13-01' }, { title: 'Mayor', from: null }], born: '1970' },
  { id: 'Q3', name: 'Summit', type: 'event', aliases: [], shortNames: ['Summit', 'summit'], sources: [], roles: [], from: '2025-01', to: null, url: 'https://en.wikipedia.org/wiki/Summit' },
  { id: 'Q4', name: 'Gabon', type: 'place', aliases: [], shortNames: [], sources: [], roles: [], url: 'https://www.geonames.org/2400553' },
  { id: 'Q5', name: 'Vienna', type: 'place', aliases: [], shortNames: [], sources: [], roles: [], url: 'https://en.wikipedia.org/wiki/Vienna_(city)' },
];

describe('compact entity records', () => {
  it('reads every record back as buildKnowledge has it', () => {
    const p = pack(ENTITIES.map((e) => structuredClone(e)));
    const rt = decodeRuntimePack(encodeRuntimePack(p));
    const built = buildKnowledge([pack(ENTITIES.map((e) => structuredClone(e)))]).entities.entities;
    expect(rt.knowledge.entities.entities.length).toBe(built.length);
    built.forEach((e, i) => expect(rt.knowledge.entities.entities[i]).toStrictEqual(e));
  });
  it('stores coded dates and name-word short names outside the inline strings', () => {
    const index = buildKnowledge([pack(ENTITIES.map((e) => structuredClone(e)))]).entities;
    const { sections } = freezeEntityIndex(index, 'e');
    const text = new TextDecoder().decode(sections['e.inlineBytes'] as Uint8Array);
    for (const d of ['1962-12-08', '2020-11-10', '2022-08', '1970', '2025-01']) expect(text).not.toContain(d);
    // The dates it cannot code stay text.
    expect(text).toContain('999');
    expect(text).toContain('1962-13-01');
    const counts = [...(sections['e.inlineCounts'] as Uint16Array)];
    const byId = new Map(index.entities.map((e, i) => [e.id, counts[i]]));
    // Names and aliases are spelled from their slot keys (compact-spellings.test.ts). Q1: none;
    // Q2: "JCR", two uncoded dates; Q3: "summit".
    expect(byId.get('Q1')).toBe(0);
    expect(byId.get('Q2')).toBe(3);
    expect(byId.get('Q3')).toBe(1);
    // Coded URLs are no inline string; another stays one.
    expect(byId.get('Q4')).toBe(0);
    expect(byId.get('Q5')).toBe(1);
    expect(text).not.toContain('geonames');
    expect(text).not.toContain('wiki/Summit');
    expect(text).toContain('https://en.wikipedia.org/wiki/Vienna_(city)');
  });
  it('stores each role title once, in the shared table', () => {
    const { sections } = freezeEntityIndex(buildKnowledge([pack(ENTITIES.map((e) => structuredClone(e)))]).entities, 'e');
    const shared = new TextDecoder().decode(sections['e.sharedBytes'] as Uint8Array);
    expect(shared.split('Mayor').length - 1).toBe(1);
    expect(shared).toContain('Minister of Construction');
    expect(new TextDecoder().decode(sections['e.inlineBytes'] as Uint8Array)).not.toContain('Mayor');
  });
});

describe('each entity\'s slots at run time', () => {
  it('finds the slot of every rank as the build\'s slotsByEntity lists them, and no slot past the last', () => {
    // Slots with no hits, one entity twice in a row of slots, an entity with no slots at all.
    let seed = 3;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const entityCount = 40;
    const counts = Array.from({ length: 300 }, () => (rand(3) === 0 ? 0 : 1 + rand(4)));
    const slotInfo = Uint16Array.from(counts, (c, i) => (c << 1) | (i & 1));
    const hitEntities = Uint32Array.from({ length: counts.reduce((a, b) => a + b, 0) }, () => 1 + rand(entityCount - 1));
    const hitStart = new Uint32Array(counts.length + 1);
    counts.forEach((c, i) => (hitStart[i + 1] = hitStart[i]! + c));
    const { starts, slots } = slotsByEntity(slotInfo, hitEntities, entityCount);
    const chains = hitChains(hitEntities, entityCount);
    expect(chains.hitOfRank(0, 0)).toBe(-1);
    for (let e = 0; e < entityCount; e++) {
      const n = starts[e + 1]! - starts[e]!;
      for (let r = 0; r < n; r++) expect(slotOfHit(hitStart, chains.hitOfRank(e, r))).toBe(slots[starts[e]! + r]);
      expect(chains.hitOfRank(e, n)).toBe(-1);
    }
  });
  it('answers the first entities by scanning and makes the chains only when more are asked for, with the same hits', () => {
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 8) % n;
    const entityCount = 30;
    const hitEntities = Uint32Array.from({ length: 400 }, () => rand(entityCount));
    const chains = hitChains(hitEntities, entityCount);
    let made = 0;
    const lazy = lazyHitChains(hitEntities, entityCount, 7, (h, n) => (made++, hitChains(h, n)));
    // A record asks for its strings' ranks in any order, a later record may ask for an entity again:
    // 7 times a new entity.
    const asks: [number, number][] = [[3, 2], [3, 0], [3, 5], [7, 0], [3, 1], [11, 40], [entityCount + 4, 0], [0, 1], [0, 0], [5, 3]];
    for (const [e, r] of asks) expect(lazy.hitOfRank(e, r)).toBe(chains.hitOfRank(e, r));
    expect(made).toBe(0);
    for (let e = 0; e < entityCount; e++) for (let r = 0; r < 30; r++) expect(lazy.hitOfRank(e, r)).toBe(chains.hitOfRank(e, r));
    expect(made).toBe(1);
  });
});
