/**
 * The matcher's quick no (issue #4, speed): findMatches hashes a candidate key (FNV-1a, carried
 * from word to word) and skips the lookup when the table's filter says no key has that hash. A filter may
 * say yes wrongly, never no: so findMatches must find exactly what a table without any filter
 * finds, on the built table (bit filter) and on the runtime pack's frozen one (its own buckets).
 */
import { describe, expect, it } from 'vitest';
import { decodeRuntimePack, encodeRuntimePack } from '../lib/dataset/runtime-pack';
import type { PackEntity } from '../lib/dataset/schema';
import { buildEntityIndex } from '../lib/entities/index';
import { findMatches, type AliasTable, type RawMatch } from '../lib/entities/matcher';
import { FNV_OFFSET, HASH_BITS, hashMore, tokenize } from '../lib/entities/normalize';
import { FrozenStrings } from '../lib/dataset/frozen-strings';
import { ENTITIES } from './entities-fixture';

const E = (e: Partial<PackEntity> & Pick<PackEntity, 'id' | 'name' | 'type'>): PackEntity => ({
  aliases: [], shortNames: [], roles: [], sources: ['test'], ...e,
});

// The fixture plus names that exercise folding: diacritics, Cyrillic, dotted and lower-case starts.
const entities = [
  ...ENTITIES,
  E({ id: 'T1', name: 'São Paulo', type: 'place', subtype: 'city', country: 'BR', aliases: ['Sao Paulo'] }),
  E({ id: 'T2', name: 'Владимир Путин', type: 'person', country: 'RU' }),
  E({ id: 'T3', name: 'Luiz Inácio Lula da Silva', type: 'person', country: 'BR', shortNames: ['da Silva', 'Lula'] }),
  E({ id: 'T4', name: 'Łódź', type: 'place', subtype: 'city', country: 'PL' }),
  E({ id: 'T5', name: 'United Nations', type: 'organization', aliases: ['UN', 'U.N.'] }),
  E({ id: 'T6', name: 'Straße des 17. Juni', type: 'place', country: 'DE' }),
  E({ id: 'T7', name: 'Bosnia and Herzegovina', type: 'place', subtype: 'country', country: 'BA', aliases: ['Bosnia-Herzegovina'] }),
  E({ id: 'T8', name: 'al-Qaeda', type: 'organization', aliases: ['Al-Qaeda', 'al Qaida'] }),
];

const TEXTS = [
  'President Trump met Vladimir Putin on Tuesday. Putin’s aides and Trump\'s said Ukraine would not yield.',
  'Theresa May and Mark Rutte spoke in Jordan. Later, May left. Recep Tayyip Erdoğan visited Turkey, then ERDOGAN and Erdogan.',
  'Volodymyr Zelensky said the Russian Federation attacked. Zelenskyy asked Biden, then Joe Biden replied.',
  'SÃO PAULO — Lula da Silva and Luiz Inácio Lula da Silva met in Sao Paulo and São Paulo; da Silva said.',
  'Владимир Путин встретился; ВЛАДИМИР ПУТИН; Łódź and LODZ and Lodz; the U.N. and the UN, the U.N.-backed plan.',
  'A march on the Straße des 17. Juni and Strasse des 17. Juni; Bosnia-Herzegovina, Bosnia and Herzegovina.',
  'al-Qaeda, Al-Qaeda and al Qaida; Netan\u00adyahu and Pu\u200btin; Russia-Ukraine talks; the Russian Federation’s.',
  'Ｔｒｕｍｐ and 𝐏𝐮𝐭𝐢𝐧 and ΑΘΗΝΑ and 北京: none of them is an alias here, 123 456 and 2024.',
];

/** The same table with no filter: slots and lowerFirst seen only through get/has. */
function unfiltered(table: AliasTable): AliasTable {
  return { slots: { get: (k) => table.slots.get(k) }, lowerFirst: { has: (k) => table.lowerFirst.has(k) } };
}

const plain = (ms: RawMatch[]) => ms.map((m) => [m.from, m.to, [...m.hits]]);

describe('FrozenStrings.mayHold', () => {
  it('never says no to a stored key, and says no to most others', () => {
    const stored = ['donald', 'donald trump', 'são paulo', 'владимир путин', 'łodz', 'u n', '2024', 'the'];
    const table = FrozenStrings.build(stored);
    const utf8 = (s: string) => new TextEncoder().encode(s).length;
    for (const k of stored) {
      expect(table.mayHold(hashMore(FNV_OFFSET, k) & HASH_BITS, utf8(k))).toBe(true);
      expect(table.mayHold(hashMore(FNV_OFFSET, k) & HASH_BITS, -1)).toBe(true);
    }
    let no = 0;
    for (let i = 0; i < 200; i++) if (!table.mayHold(hashMore(FNV_OFFSET, `absent ${i}`) & HASH_BITS, -1)) no++;
    expect(no).toBeGreaterThan(60);
  });
});

describe('findMatches with and without the quick no', () => {
  const built = buildEntityIndex(entities);
  const frozen = decodeRuntimePack(encodeRuntimePack({
    format: 'backstory-pack', formatVersion: 1, id: 'default', name: 'Test pack', version: '1', licenses: [],
    entities: entities.map((e) => ({ ...e })), coverage: [],
  })).knowledge.entities;

  it('finds the same matches on the built table', () => {
    for (const text of TEXTS) {
      const tokens = tokenize(text);
      expect(plain(findMatches(built.aliases, tokens))).toEqual(plain(findMatches(unfiltered(built.aliases), tokens)));
    }
  });

  it('finds the same matches on the frozen table as on the built one', () => {
    for (const text of TEXTS) {
      const tokens = tokenize(text);
      expect(plain(findMatches(frozen.aliases, tokens))).toEqual(plain(findMatches(unfiltered(built.aliases), tokens)));
    }
  });

  it('finds multi-word, diacritic, Cyrillic and lower-case-start names at all', () => {
    const text = TEXTS.join(' ');
    const found = new Set(findMatches(built.aliases, tokenize(text)).flatMap((m) => m.hits.map((h) => built.entities[Math.floor(h / 65536)]!.id)));
    for (const id of ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'Q7747', 'Q39259']) expect(found).toContain(id);
  });

  it('sees a table that grew after its first use', () => {
    const index = buildEntityIndex(ENTITIES);
    // Looked up once while absent: neither the filter nor the first-word cache may keep that answer.
    expect(findMatches(index.aliases, tokenize('Putin spoke. Zyxwv Qrstu spoke.')).length).toBe(1);
    const grown = buildEntityIndex([...ENTITIES, E({ id: 'T9', name: 'Zyxwv Qrstu', type: 'person' })]);
    // The same Map object, grown in place, must not keep a stale filter.
    for (const [k, v] of grown.aliases.slots as Map<string, never>) if (!(index.aliases.slots as Map<string, never>).has(k)) (index.aliases.slots as Map<string, never>).set(k, v);
    expect(findMatches(index.aliases, tokenize('Zyxwv Qrstu spoke.')).length).toBe(1);
  });
});
