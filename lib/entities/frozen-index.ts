/**
 * The entity index in a form that loads without work: written at build time from an index that
 * buildEntityIndex built (so folding, case rules and short forms are the linker's own), read in
 * the background as typed-array views.
 *
 *   alias slots  the slot keys ("donald", "donald trump", …), sorted and stored front-coded
 *                (lib/dataset/frozen-strings.ts: half the bytes) and looked up in that form
 *                (FrontCodedStrings: no plain copy of their bytes made at load), with each slot's
 *                packed hits and its "longer aliases continue" flag in one column (slotInfo:
 *                hit count × 2 + flag; one small number a slot, where two columns took 99 KB
 *                more for the worker to inflate, issue #8); a
 *                packed hit (matcher.ts: entity × 2^16 + case bits) stored as two columns, its
 *                entity and its low 16 bits (small, repetitive numbers: as varints they take
 *                less than the packed uint32s did and gzip better), packed again when a slot is
 *                first looked up
 *   entities     the records positionally (lib/dataset/lazy-records.ts varints, without their
 *                id; codec below): a field mask, small numbers into a shared string table and a
 *                number table, and each record's own strings in record order; an entity object
 *                is made when the linker first reads it. The JSON text this replaces was 5.3 of the
 *                image's 10.6 MB (field names and quotes in every record).
 *   byId         the entity ids (same numbering as entities; the ids' only copy; front-coded, the
 *                entities being in id order), a FrontCodedStrings made when the first entity
 *                record is made or the first id looked up (not at load)
 *   nameKeys     not stored: an entity's name key is the matcher's own aliasForm(name).key, made
 *                when the linker first asks for that entity's (freezeEntityIndex checks that it
 *                is what buildEntityIndex had; a stored slot number per entity was 92 KB of the
 *                gzip that did not compress, issue #8)
 *   lowerFirst   a plain string array in the header (a few hundred)
 *   host table   publisher.ts's host labels → entity (hostTableOf, computed here at build time):
 *                the labels as FrozenStrings and their entity numbers; seeded into publisher.ts
 *                at load, because computing it reads every entity record (issue #8)
 *
 * findMatches and linkEntities see the same EntityIndex interface as for a built index.
 */
import type { Section, Image } from '../dataset/binary-image';
import { FrontCodedStrings, FrozenStrings, StringList, frontEncode, type FrontCodedParts, type FrozenStringsParts } from '../dataset/frozen-strings';
import { dateCode, dateText } from '../dataset/compact-dates';
import { urlCode, urlText } from '../dataset/compact-urls';
import { spelledText, spellingOf } from '../dataset/compact-spellings';
import { lazyList, RecordReader, RecordWriter } from '../dataset/lazy-records';
import type { PackEntity, Role } from '../dataset/schema';
import type { EntityIndex, EntityLookup } from './index';
import { hostTableOf, seedHostTable, type HostTable } from './publisher';
import { aliasForm, type AliasTable, type Slot } from './matcher';
import { BucketLengths } from './bucket-lengths';

export interface FrozenEntityData {
  count: number;
  lowerFirst: string[];
}

/** An entity name's alias key, as buildEntityIndex records it in nameKeys ('' when it has no usable tokens). */
const nameKeyOf = (name: string): string => aliasForm(name)?.key ?? '';

/** A packed hit's split (matcher.ts packHit: entity × 2^16 + low bits). */
const HIT_LOW = 65536;

/**
 * Each entity's slots (those with a hit on it) in key order, as starts/slots columns: the slot of
 * a name or alias is stored as its rank here (a small number; a slot number did not compress).
 * slotInfo as stored (hit count × 2 + flag), the hits' entities in slot order.
 */
export function slotsByEntity(slotInfo: Uint16Array, hitEntities: ArrayLike<number>, entityCount: number): { starts: Uint32Array; slots: Uint32Array } {
  const starts = new Uint32Array(entityCount + 1);
  for (let k = 0; k < hitEntities.length; k++) starts[hitEntities[k]! + 1]!++;
  for (let e = 0; e < entityCount; e++) starts[e + 1]! += starts[e]!;
  const fill = starts.slice(0, entityCount);
  const slots = new Uint32Array(hitEntities.length);
  for (let i = 0, k = 0; i < slotInfo.length; i++) for (let end = k + (slotInfo[i]! >> 1); k < end; k++) slots[fill[hitEntities[k]!]!++] = i;
  return { starts, slots };
}

/**
 * Each entity's hits in slot order as a chain (its first hit, each hit's next of the same entity):
 * the runtime side of slotsByEntity, made on the first record read in one pass over the hits.
 * slotsByEntity's columns (a count pass, a prefix sum and a pass over every slot) cost the first
 * record ~3 ms (issue #8); a rank is a walk of that many links (an entity has a few slots).
 */
export interface HitChains {
  /** The hit number (into hitEntities) of entity e's slot of that rank, or -1. */
  hitOfRank(entity: number, rank: number): number;
}
export function hitChains(hitEntities: ArrayLike<number>, entityCount: number): HitChains {
  // head[e] / next[k]: hit number + 1 (0 ends the chain); made from the last hit back.
  const head = new Uint32Array(entityCount), next = new Uint32Array(hitEntities.length);
  for (let k = hitEntities.length - 1; k >= 0; k--) {
    const e = hitEntities[k]!;
    next[k] = head[e]!;
    head[e] = k + 1;
  }
  return {
    hitOfRank(entity, rank) {
      let k = entity < entityCount ? head[entity]! : 0;
      for (let r = rank; r > 0 && k !== 0; r--) k = next[k - 1]!;
      return k - 1;
    },
  };
}

/**
 * Entities whose hits lazyHitChains finds by scanning before it makes the chains. A scan is the
 * engine's own indexOf over the 97k hits (native code: ~25 µs for a whole pass even in a cold
 * worker), where hitChains' pass is script that a worker start runs unoptimised: ~3 ms on a quiet
 * machine, 5-6 ms under load, plus 580 KB of fresh arrays (issue #8). The first bench page reads
 * 26 records after a start; past this many entities the chains pay for themselves.
 */
export const SCANS_BEFORE_CHAINS = 32;

/**
 * HitChains without the pass up front: the first `scans` entities asked for have their hits found
 * by indexOf scans (kept for the entity asked last, since a record asks for its strings in a row),
 * later ones through hitChains, made then (`makeChains`, for tests).
 */
export function lazyHitChains(hitEntities: Uint32Array, entityCount: number, scans = SCANS_BEFORE_CHAINS, makeChains = hitChains): HitChains {
  let chains: HitChains | null = null;
  let entity = -1, entities = 0;
  /** `entity`'s hits found so far, and where its scan goes on (-1: none left). */
  const found: number[] = [];
  let from = 0;
  return {
    hitOfRank(e, rank) {
      if (chains) return chains.hitOfRank(e, rank);
      if (e !== entity) {
        if (++entities > scans) return (chains = makeChains(hitEntities, entityCount)).hitOfRank(e, rank);
        entity = e;
        found.length = 0;
        from = 0;
      }
      while (found.length <= rank && from >= 0) {
        const k = hitEntities.indexOf(e, from);
        if (k < 0) from = -1;
        else found.push(k), (from = k + 1);
      }
      return rank < found.length ? found[rank]! : -1;
    },
  };
}

/** The slot a hit belongs to: the last slot whose hits start at or before it (hitStart: per slot). */
export function slotOfHit(hitStart: Uint32Array, hit: number): number {
  let lo = 0, hi = hitStart.length - 1; // hitStart[lo] ≤ hit < hitStart[hi]
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (hitStart[mid]! <= hit) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Every key/slot of a table that buildEntityIndex filled (a Map); throws for a frozen one. */
function slotEntries(table: AliasTable): [string, Slot][] {
  if (!(table.slots instanceof Map) || !(table.lowerFirst instanceof Set)) throw new Error('freezeEntityIndex: expects an index built by buildEntityIndex');
  // Sorted: neighbours share prefixes, so the front-coded keys are half the bytes.
  return [...table.slots.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** Stored parts as front-coded sections `${name}Shared` / `${name}SuffixLengths` / `${name}SuffixBytes`. */
function frontSections(name: string, parts: FrozenStringsParts): Record<string, Section> {
  const c = frontEncode(parts);
  return { [`${name}Shared`]: c.shared, [`${name}SuffixLengths`]: c.suffixLengths, [`${name}SuffixBytes`]: c.suffixBytes };
}

/**
 * The entity record codec. A string is either shared (TABLE: type, subtype, country, party,
 * sources, role titles: a few hundred values and ~5,600 titles, each stored once; 3,600 of the
 * default pack's 9,200 role titles repeat one before, 116 KB of text) or the record's own (INLINE:
 * name, aliases, dates, URLs: nearly all distinct). Inline strings are stored in record order, each
 * record's run after the previous one's, so the text compresses like the JSON did minus its field
 * names, and the varints stay small numbers (a varint of a string number per name did not
 * compress). Layout of one record (varints):
 *   mask                  bit k set: OPTIONAL[k] is present
 *   name, type            string values (below)
 *   OPTIONAL fields       in OPTIONAL's order, those present: a string value, or for a number
 *                         its number-table number
 *   LISTS                 each: count, then (TABLE lists only) each item's table number + 1;
 *                         (shortNames) each item's place from the name's end (1 = its last
 *                         word), or 0 for the record's next inline string
 *   roles                 count, then per role: its mask (bit k: ROLE_OPTIONAL[k] present), the
 *                         title's and the present ones' string values
 * A string value: 0 = null; else a TABLE string's number + 1, or 1 for an INLINE string, which is
 * then the next of the record's run; a DATE (born, died, from, to, a role's dates) that compact-dates.ts
 * codes is its code + 2 (3 varint bytes, not 10 of text), any other is an INLINE string; likewise
 * a URL that compact-urls.ts codes (a GeoNames page, the Wikipedia article of the name). Arrays are always made (parsePack's defaults); absent
 * optional fields stay absent, null stays null. A field this codec does not know makes the build
 * fail rather than vanish.
 */
// A 'flag' (a field that is only ever `true`) is its mask bit alone: no value follows.
type Kind = 'table' | 'inline' | 'number' | 'flag' | 'date' | 'url';
const OPTIONAL = [
  ['subtype', 'table'], ['country', 'table'], ['party', 'table'], ['born', 'date'], ['from', 'date'], ['to', 'date'],
  ['note', 'inline'], ['url', 'url'], ['population', 'number'], ['prominence', 'number'], ['commonWord', 'flag'],
  ['oneCountryName', 'flag'], ['died', 'date'],
] as const satisfies readonly (readonly [keyof PackEntity, Kind])[];
// 'nameWord': an item is one of the name's words (most short names: "Faizullin" of "Irek
// Faizullin"), stored as its place from the name's end, or else the record's next inline string.
// 'spelled': an alias that is its own slot key spelled (compact-spellings.ts), as the name is.
const LISTS = [['aliases', 'spelled'], ['shortNames', 'nameWord'], ['sources', 'table']] as const satisfies readonly (readonly [keyof PackEntity, 'table' | 'inline' | 'nameWord' | 'spelled'])[];
/** A role's optional fields, all dates. */
const ROLE_OPTIONAL = ['from', 'to', 'asOf'] as const satisfies readonly (keyof Role)[];
const KNOWN = new Set<string>(['id', 'name', 'type', 'roles', ...LISTS.map(([k]) => k), ...OPTIONAL.map(([k]) => k)]);
const KNOWN_ROLE = new Set<string>(['title', ...ROLE_OPTIONAL]);

/** Distinct values in first-seen order. */
class Table<T> {
  readonly values: T[] = [];
  private readonly ids = new Map<T, number>();
  id(v: T): number {
    let n = this.ids.get(v);
    if (n === undefined) this.ids.set(v, (n = this.values.length)), this.values.push(v);
    return n;
  }
}

interface EncodedEntities {
  records: { bytes: Uint8Array; lengths: Uint16Array };
  /** TABLE strings. */
  shared: string[];
  /** INLINE strings, record after record, and how many each record has. */
  inline: string[];
  inlineCounts: Uint16Array;
  numbers: number[];
}

/** A string of entity e as its slot's rank among e's slots and its edits (compact-spellings.ts), or null. */
type Speller = (entity: number, text: string) => { rank: number; edits: number[] } | null;

function encodeEntities(entities: readonly PackEntity[], spell: Speller): EncodedEntities {
  const shared = new Table<string>(), numbers = new Table<number>();
  const inline: string[] = [];
  const inlineCounts = new Uint16Array(entities.length);
  const w = new RecordWriter();
  const string = (v: unknown, kind: 'table' | 'inline' | 'date', what: string): number => {
    if (v === null) return 0;
    if (typeof v !== 'string') throw new Error(`freezeEntityIndex: ${what} is not a string`);
    if (kind === 'table') return shared.id(v) + 1;
    const code = kind === 'date' ? dateCode(v) : null;
    if (code !== null) return code + 2;
    inline.push(v);
    return 1;
  };
  // A name or alias: 0 = the record's next inline string, else its slot's rank + 1 and its edits.
  const spelled = (i: number, v: string): void => {
    const sp = spell(i, v);
    if (!sp) {
      w.uint(0);
      inline.push(v);
      return;
    }
    w.uint(sp.rank + 1);
    w.uint(sp.edits.length / 2);
    for (const v of sp.edits) w.uint(v);
  };
  entities.forEach((e, i) => {
    const before = inline.length;
    for (const [k, v] of Object.entries(e)) if (v !== undefined && !KNOWN.has(k)) throw new Error(`freezeEntityIndex: entity field ${k} is not stored by the runtime pack`);
    let mask = 0;
    OPTIONAL.forEach(([k], bit) => { if (e[k] !== undefined) mask |= 1 << bit; });
    w.uint(mask);
    if (typeof e.name !== 'string') throw new Error(`freezeEntityIndex: ${e.id} name is not a string`);
    spelled(i, e.name);
    w.uint(string(e.type, 'table', `${e.id} type`));
    for (const [k, kind] of OPTIONAL) {
      const v = e[k];
      if (v === undefined) continue;
      if (kind === 'flag') {
        if (v !== true) throw new Error(`freezeEntityIndex: ${e.id} ${k} is not true`);
      } else if (kind === 'number') {
        if (typeof v !== 'number') throw new Error(`freezeEntityIndex: ${e.id} ${k} is not a number`);
        w.uint(numbers.id(v));
      } else if (kind === 'url') {
        const code = typeof v === 'string' ? urlCode(v, e.name) : null;
        w.uint(code === null ? string(v, 'inline', `${e.id} ${k}`) : code + 2);
      } else w.uint(string(v, kind, `${e.id} ${k}`));
    }
    for (const [k, kind] of LISTS) {
      const list = e[k] ?? [];
      w.uint(list.length);
      for (const v of list) {
        if (v === null) throw new Error(`freezeEntityIndex: ${e.id} ${k} has a null`);
        if (kind === 'nameWord') {
          if (typeof v !== 'string') throw new Error(`freezeEntityIndex: ${e.id} ${k} is not a string`);
          const words = e.name.split(' ');
          const fromEnd = words.length - words.lastIndexOf(v);
          w.uint(fromEnd <= words.length ? fromEnd : 0);
          if (fromEnd > words.length) inline.push(v);
          continue;
        }
        if (kind === 'spelled') {
          if (typeof v !== 'string') throw new Error(`freezeEntityIndex: ${e.id} ${k} is not a string`);
          spelled(i, v);
          continue;
        }
        const n = string(v, kind, `${e.id} ${k}`);
        if (kind === 'table') w.uint(n);
      }
    }
    const roles = e.roles ?? [];
    w.uint(roles.length);
    for (const r of roles) {
      for (const [k, v] of Object.entries(r)) if (v !== undefined && !KNOWN_ROLE.has(k)) throw new Error(`freezeEntityIndex: role field ${k} is not stored by the runtime pack`);
      let rmask = 0;
      ROLE_OPTIONAL.forEach((k, bit) => { if (r[k] !== undefined) rmask |= 1 << bit; });
      w.uint(rmask);
      w.uint(string(r.title, 'table', `${e.id} role title`));
      for (const k of ROLE_OPTIONAL) if (r[k] !== undefined) w.uint(string(r[k], 'date', `${e.id} role ${k}`));
    }
    w.end();
    if (inline.length - before > 0xffff) throw new Error(`freezeEntityIndex: ${e.id} has too many strings`);
    inlineCounts[i] = inline.length - before;
  });
  return { records: w.finish(), shared: shared.values, inline, inlineCounts, numbers: numbers.values };
}

const badValue = (record: number, v: number): never => {
  throw new Error(`frozen entity index: record ${record} has a value ${v} its field cannot hold`);
};

/** Reads entity records (without their id) back; shared strings are decoded once. */
function entityDecoder(records: RecordReader, shared: StringList, inline: StringList, inlineCounts: Uint16Array, numbers: Float64Array, slotKey: (entity: number, rank: number) => string): (i: number) => Omit<PackEntity, 'id'> {
  const n = inlineCounts.length;
  const inlineStart = new Uint32Array(n + 1);
  for (let i = 0, at = 0; i <= n; i++) {
    inlineStart[i] = at;
    if (i < n) at += inlineCounts[i]!;
  }
  if (inlineStart[n] !== inline.size) throw new Error('frozen entity index: inline string counts disagree');
  const made: (string | undefined)[] = new Array(shared.size);
  const table = (k: number): string => (made[k] ??= shared.keyAt(k));
  let next = 0; // the current record's next inline string
  let i0 = 0; // the record being read (for errors)
  const value = (v: number, kind: 'table' | 'inline' | 'date'): string | null =>
    v === 0 ? null : kind === 'table' ? table(v - 1) : v === 1 ? inline.keyAt(next++) : kind === 'date' ? dateText(v - 2) : badValue(i0, v);
  const edits: number[] = [];
  const spelled = (r: RecordReader, i: number): string => {
    const v = r.uint();
    if (v === 0) return inline.keyAt(next++);
    edits.length = 2 * r.uint();
    for (let k = 0; k < edits.length; k++) edits[k] = r.uint();
    return spelledText(slotKey(i, v - 1), edits);
  };
  return (i) => {
    const r = records.at(i);
    i0 = i;
    next = inlineStart[i]!;
    const mask = r.uint();
    const e: Record<string, unknown> = { name: spelled(r, i), type: value(r.uint(), 'table') };
    for (let bit = 0; bit < OPTIONAL.length; bit++) {
      if (!(mask & (1 << bit))) continue;
      const [k, kind] = OPTIONAL[bit]!;
      if (kind === 'url') {
        const v = r.uint();
        e[k] = v < 2 ? value(v, 'inline') : urlText(v - 2, e.name as string);
      } else e[k] = kind === 'flag' ? true : kind === 'number' ? numbers[r.uint()]! : value(r.uint(), kind);
    }
    for (const [k, kind] of LISTS) {
      const list: string[] = new Array(r.uint());
      for (let j = 0; j < list.length; j++) {
        if (kind === 'nameWord') {
          const fromEnd = r.uint();
          if (fromEnd === 0) list[j] = inline.keyAt(next++);
          else {
            const words = (e.name as string).split(' ');
            if (fromEnd > words.length) badValue(i, fromEnd);
            list[j] = words[words.length - fromEnd]!;
          }
        } else list[j] = kind === 'table' ? table(r.uint() - 1) : kind === 'spelled' ? spelled(r, i) : inline.keyAt(next++);
      }
      e[k] = list;
    }
    const roles: Role[] = new Array(r.uint());
    for (let j = 0; j < roles.length; j++) {
      const rmask = r.uint();
      const role: Role = { title: value(r.uint(), 'table') as string };
      for (let bit = 0; bit < ROLE_OPTIONAL.length; bit++) if (rmask & (1 << bit)) role[ROLE_OPTIONAL[bit]!] = value(r.uint(), 'date');
      roles[j] = role;
    }
    e.roles = roles;
    if (!r.done || next !== inlineStart[i + 1]) throw new Error(`frozen entity index: record ${i} does not add up`);
    return e as Omit<PackEntity, 'id'>;
  };
}

export function freezeEntityIndex(index: EntityIndex, prefix: string): { data: FrozenEntityData; sections: Record<string, Section> } {
  const entries = slotEntries(index.aliases);
  const keys = FrozenStrings.build(entries.map(([k]) => k));
  // Per slot: its hit count × 2 + its "longer aliases continue" flag.
  const slotInfo = new Uint16Array(entries.length);
  const hits: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const s = entries[i]![1];
    const count = s.hits?.length ?? 0;
    if (count > 0x7fff) throw new Error(`freezeEntityIndex: too many entities share ${JSON.stringify(entries[i]![0])}`);
    slotInfo[i] = (count << 1) | (s.more ? 1 : 0);
    if (s.hits) hits.push(...s.hits);
  }
  // The name keys are derived at load (nameKeyOf): they must be what buildEntityIndex made.
  index.entities.forEach((e, i) => {
    if (nameKeyOf(e.name) !== index.nameKeys[i]) throw new Error(`freezeEntityIndex: ${e.id}'s name key is not aliasForm(name).key`);
  });
  const ids = FrozenStrings.build(index.entities.map((e) => e.id));
  const hitEntities = Uint32Array.from(hits, (h) => Math.floor(h / HIT_LOW));
  const bySlot = slotsByEntity(slotInfo, hitEntities, index.entities.length);
  const slotNumber = new Map(entries.map(([k], i) => [k, i]));
  const spell: Speller = (entity, text) => {
    const key = aliasForm(text)?.key;
    const slot = key === undefined ? undefined : slotNumber.get(key);
    if (slot === undefined) return null;
    const edits = spellingOf(text, key!);
    if (!edits) return null;
    const rank = bySlot.slots.subarray(bySlot.starts[entity]!, bySlot.starts[entity + 1]!).indexOf(slot);
    return rank < 0 ? null : { rank, edits };
  };
  const { records, shared, inline, inlineCounts, numbers } = encodeEntities(index.entities, spell);
  const sharedParts = StringList.encode(shared), inlineParts = StringList.encode(inline);
  if (!hits.every((h) => Number.isSafeInteger(h) && h >= 0 && h / HIT_LOW <= 0xffffffff)) throw new Error('freezeEntityIndex: a packed hit out of range');
  const host = hostTableOf(index);
  if (!(host instanceof Map)) throw new Error('freezeEntityIndex: expects an index built by buildEntityIndex');
  const hostForms = FrozenStrings.build([...host.keys()]);
  return {
    data: { count: index.entities.length, lowerFirst: [...(index.aliases.lowerFirst as Set<string>)] },
    sections: {
      ...frontSections(`${prefix}.slot`, keys),
      [`${prefix}.slotInfo`]: slotInfo,
      [`${prefix}.hitEntities`]: hitEntities,
      [`${prefix}.hitLows`]: Uint16Array.from(hits, (h) => h % HIT_LOW),
      ...frontSections(`${prefix}.id`, ids),
      [`${prefix}.records`]: records.bytes,
      [`${prefix}.recordLengths`]: records.lengths,
      [`${prefix}.sharedBytes`]: sharedParts.bytes,
      [`${prefix}.sharedLengths`]: sharedParts.lengths,
      [`${prefix}.inlineBytes`]: inlineParts.bytes,
      [`${prefix}.inlineLengths`]: inlineParts.lengths,
      [`${prefix}.inlineCounts`]: inlineCounts,
      [`${prefix}.numbers`]: Float64Array.from(numbers),
      [`${prefix}.hostBytes`]: hostForms.bytes,
      [`${prefix}.hostLengths`]: hostForms.lengths,
      [`${prefix}.hostEntities`]: Uint32Array.from(host.values()),
    },
  };
}

/** Read-only alias slots over the frozen arrays; a slot's object is made on first lookup and kept. */
class FrozenSlots {
  /** Slots made so far, by slot number (a Map: an array of the 125k slots cost ~4 ms at every load, lazyList). */
  private readonly made = new Map<number, Slot>();
  private readonly hitStart: Uint32Array;
  /** The quick no over one byte per bucket (bucket-lengths.ts), made after a few thousand questions. */
  private readonly quickNo: BucketLengths;
  constructor(
    readonly keys: FrontCodedStrings,
    private readonly slotInfo: Uint16Array,
    private readonly hitEntities: Uint32Array,
    private readonly hitLows: Uint16Array,
    /** The keys' front-coded lengths (key i: shared[i] + suffixLengths[i] UTF-8 bytes). */
    coded: Pick<FrontCodedParts, 'shared' | 'suffixLengths'>,
  ) {
    const n = slotInfo.length;
    const starts = new Uint32Array(n + 1);
    let at = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = at;
      at += slotInfo[i]! >> 1;
    }
    starts[n] = at;
    if (at !== hitEntities.length || at !== hitLows.length || n !== keys.size) throw new Error('frozen alias table: counts disagree');
    this.hitStart = starts;
    const { shared, suffixLengths } = coded;
    this.quickNo = new BucketLengths(keys, (i) => shared[i]! + suffixLengths[i]!);
  }
  private chains: HitChains | null = null;
  /** The key of entity e's slot of that rank (its slots in key order), for a record's spelled strings. */
  keyOfEntitySlot(entity: number, rank: number, entityCount: number): string {
    const hit = (this.chains ??= lazyHitChains(this.hitEntities, entityCount)).hitOfRank(entity, rank);
    if (hit < 0) throw new Error(`frozen entity index: entity ${entity} has no slot ${rank}`);
    return this.keys.keyAt(slotOfHit(this.hitStart, hit));
  }
  /** See AliasTable.slots.mayHold. */
  mayHold(hash: number, byteLen: number): boolean {
    return this.quickNo.mayHold(hash, byteLen);
  }
  get(key: string): Slot | undefined {
    const i = this.keys.indexOf(key);
    if (i < 0) return undefined;
    let slot = this.made.get(i);
    if (!slot) {
      const a = this.hitStart[i]!, b = this.hitStart[i + 1]!;
      let hits: number[] | undefined;
      if (b > a) {
        hits = new Array<number>(b - a);
        for (let k = a; k < b; k++) hits[k - a] = this.hitEntities[k]! * HIT_LOW + this.hitLows[k]!;
      }
      slot = { hits, more: (this.slotInfo[i]! & 1) === 1 };
      this.made.set(i, slot);
    }
    return slot;
  }
}

/** The stored host table; its hash table is made on the first lookup. */
function thawHostTable(image: Image<unknown>, prefix: string, count: number): HostTable {
  const bytes = image.u8(`${prefix}.hostBytes`), lengths = image.u16(`${prefix}.hostLengths`);
  const entities = image.u32(`${prefix}.hostEntities`);
  if (lengths.length !== entities.length || entities.some((i) => i >= count)) throw new Error('frozen entity index: host table disagrees');
  let forms: FrozenStrings | null = null;
  return {
    get(form) {
      const i = (forms ??= new FrozenStrings({ bytes, lengths })).indexOf(form);
      return i < 0 ? undefined : entities[i];
    },
    size: entities.length,
  };
}

export interface ThawedEntityIndex {
  index: EntityIndex;
  /** Every entity record, made now where not made yet (e.g. before merging with other packs). */
  materializeAll(): PackEntity[];
}

export function thawEntityIndex(image: Image<unknown>, data: FrozenEntityData, prefix: string): ThawedEntityIndex {
  const coded = (name: string): FrontCodedParts => ({ shared: image.u8(`${prefix}.${name}Shared`), suffixLengths: image.u16(`${prefix}.${name}SuffixLengths`), suffixBytes: image.u8(`${prefix}.${name}SuffixBytes`) });
  // The ids' table made when the first record is made or the first id looked up (linking does
  // both; loading neither).
  // One table over their front-coded form for both (a record's id and a lookup by id): the
  // first article does both, and one pass made it where a plain copy plus a rehash of it did.
  let ids: FrontCodedStrings | null = null;
  const idList = () => (ids ??= new FrontCodedStrings(coded('id')));
  const idNumber = (id: string) => idList().indexOf(id);
  if (image.length(`${prefix}.idShared`) !== data.count || image.length(`${prefix}.recordLengths`) !== data.count) throw new Error('frozen entity index: counts disagree');
  // The record reader and its string tables (prefix sums over ~140k lengths) on the first record.
  const list = (name: string) => new StringList({ bytes: image.u8(`${prefix}.${name}Bytes`), lengths: image.u16(`${prefix}.${name}Lengths`) });
  let recordOf: ((i: number) => Omit<PackEntity, 'id'>) | null = null;
  const readRecord = (i: number) =>
    (recordOf ??= entityDecoder(new RecordReader({ bytes: image.u8(`${prefix}.records`), lengths: image.u16(`${prefix}.recordLengths`) }), list('shared'), list('inline'), image.u16(`${prefix}.inlineCounts`), image.f64(`${prefix}.numbers`), (e, rank) => slots.keyOfEntitySlot(e, rank, data.count)))(i);
  const lazy = lazyList<PackEntity>(data.count, (i) => ({ id: idList().keyAt(i), ...readRecord(i) }));
  const entities = lazy.list;
  const byId: EntityLookup = {
    get: (id) => {
      const i = idNumber(id);
      return i < 0 ? undefined : entities[i];
    },
    has: (id) => idNumber(id) >= 0,
    size: data.count,
  };
  // The slot keys are looked up over their front-coded form: their plain bytes are never rebuilt.
  const slotParts = coded('slot');
  const slots = new FrozenSlots(new FrontCodedStrings(slotParts), image.u16(`${prefix}.slotInfo`), image.u32(`${prefix}.hitEntities`), image.u16(`${prefix}.hitLows`), slotParts);
  const aliases: AliasTable = { slots, lowerFirst: new Set(data.lowerFirst) };
  const nameKeys = lazyList<string>(data.count, (i) => nameKeyOf(entities[i]!.name)).list;
  const index: EntityIndex = { byId, entities, aliases, nameKeys };
  seedHostTable(index, thawHostTable(image, prefix, data.count));
  return {
    index,
    materializeAll() {
      return entities.slice();
    },
  };
}
