/**
 * The entity index in a form that loads without work: written at build time from an index that
 * buildEntityIndex built (so folding, case rules and short forms are the linker's own), read in
 * the background as typed-array views.
 *
 *   alias slots  FrozenStrings over the slot keys ("donald", "donald trump", …), with each slot's
 *                packed hits (hitStart/hits) and its "longer aliases continue" flag (more); hits
 *                as uint32 while every packed hit fits (entities < 65,536), else float64
 *   entities     the records positionally (lib/dataset/lazy-records.ts varints, without their
 *                id): a field mask, then numbers into one string table (every distinct name,
 *                alias, title, country, … once) and one number table; an entity object is made
 *                when the linker first reads it. The JSON text this replaces was 5.3 of the
 *                image's 10.6 MB (field names and quotes in every record).
 *   byId         FrozenStrings over the entity ids (same numbering as entities; the ids' only copy)
 *   nameKeys     each entity's name key as a slot number (the key strings are the slots')
 *   lowerFirst   a plain string array in the header (a few hundred)
 *
 * findMatches and linkEntities see the same EntityIndex interface as for a built index.
 */
import type { Section, Image } from '../dataset/binary-image';
import { FrozenStrings, StringList } from '../dataset/frozen-strings';
import { lazyList, RecordReader, RecordWriter } from '../dataset/lazy-records';
import type { PackEntity, Role } from '../dataset/schema';
import type { EntityIndex, EntityLookup } from './index';
import type { AliasTable, Slot } from './matcher';

export interface FrozenEntityData {
  count: number;
  lowerFirst: string[];
  /** Packed hits stored as uint32 (half the bytes of float64; true while they all fit). */
  hits32?: boolean;
}

/** Every key/slot of a table that buildEntityIndex filled (a Map); throws for a frozen one. */
function slotEntries(table: AliasTable): [string, Slot][] {
  if (!(table.slots instanceof Map) || !(table.lowerFirst instanceof Set)) throw new Error('freezeEntityIndex: expects an index built by buildEntityIndex');
  return [...table.slots.entries()];
}

/**
 * The entity record codec. Layout of one record (varints):
 *   mask                  bit k set: OPTIONAL[k] is present
 *   name, type            string numbers
 *   OPTIONAL fields       in OPTIONAL's order, those present: a string field as 0 = null, else
 *                         string number + 1; a number field as its number-table number
 *   aliases, shortNames,  each: count, then string numbers
 *   sources
 *   roles                 count, then per role: its mask (bit k: ROLE_OPTIONAL[k] present),
 *                         title's string number, the present ones as 0 = null / string number + 1
 * Arrays are always made (parsePack's defaults); absent optional fields stay absent, null stays
 * null. A field this codec does not know makes the build fail rather than vanish.
 */
const OPTIONAL = [
  ['subtype', 's'], ['country', 's'], ['party', 's'], ['born', 's'], ['from', 's'], ['to', 's'],
  ['note', 's'], ['url', 's'], ['population', 'n'], ['prominence', 'n'],
] as const satisfies readonly (readonly [keyof PackEntity, 's' | 'n'])[];
const LISTS = ['aliases', 'shortNames', 'sources'] as const satisfies readonly (keyof PackEntity)[];
const ROLE_OPTIONAL = ['from', 'to', 'asOf'] as const satisfies readonly (keyof Role)[];
const KNOWN = new Set<string>(['id', 'name', 'type', 'roles', ...LISTS, ...OPTIONAL.map(([k]) => k)]);
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

function encodeEntities(entities: readonly PackEntity[]): { records: { bytes: Uint8Array; lengths: Uint16Array }; strings: string[]; numbers: number[] } {
  const strings = new Table<string>(), numbers = new Table<number>();
  const w = new RecordWriter();
  const str = (v: unknown, what: string): number => {
    if (typeof v !== 'string') throw new Error(`freezeEntityIndex: ${what} is not a string`);
    return strings.id(v);
  };
  const nullableStr = (v: unknown, what: string): number => (v === null ? 0 : str(v, what) + 1);
  for (const e of entities) {
    for (const [k, v] of Object.entries(e)) if (v !== undefined && !KNOWN.has(k)) throw new Error(`freezeEntityIndex: entity field ${k} is not stored by the runtime pack`);
    let mask = 0;
    OPTIONAL.forEach(([k], bit) => { if (e[k] !== undefined) mask |= 1 << bit; });
    w.uint(mask);
    w.uint(str(e.name, `${e.id} name`));
    w.uint(str(e.type, `${e.id} type`));
    for (const [k, kind] of OPTIONAL) {
      const v = e[k];
      if (v === undefined) continue;
      if (kind === 'n') {
        if (typeof v !== 'number') throw new Error(`freezeEntityIndex: ${e.id} ${k} is not a number`);
        w.uint(numbers.id(v));
      } else w.uint(nullableStr(v, `${e.id} ${k}`));
    }
    for (const k of LISTS) {
      const list = e[k] ?? [];
      w.uint(list.length);
      for (const v of list) w.uint(str(v, `${e.id} ${k}`));
    }
    const roles = e.roles ?? [];
    w.uint(roles.length);
    for (const r of roles) {
      for (const [k, v] of Object.entries(r)) if (v !== undefined && !KNOWN_ROLE.has(k)) throw new Error(`freezeEntityIndex: role field ${k} is not stored by the runtime pack`);
      let rmask = 0;
      ROLE_OPTIONAL.forEach((k, bit) => { if (r[k] !== undefined) rmask |= 1 << bit; });
      w.uint(rmask);
      w.uint(str(r.title, `${e.id} role title`));
      for (const k of ROLE_OPTIONAL) if (r[k] !== undefined) w.uint(nullableStr(r[k], `${e.id} role ${k}`));
    }
    w.end();
  }
  return { records: w.finish(), strings: strings.values, numbers: numbers.values };
}

/** Reads entity records (without their id) back; strings are decoded once and shared. */
function entityDecoder(records: RecordReader, strings: StringList, numbers: Float64Array): (i: number) => Omit<PackEntity, 'id'> {
  const made: (string | undefined)[] = new Array(strings.size);
  const str = (n: number): string => (made[n] ??= strings.keyAt(n));
  const nullable = (n: number): string | null => (n === 0 ? null : str(n - 1));
  return (i) => {
    const r = records.at(i);
    const mask = r.uint();
    const e: Record<string, unknown> = { name: str(r.uint()), type: str(r.uint()) };
    for (let bit = 0; bit < OPTIONAL.length; bit++) {
      if (!(mask & (1 << bit))) continue;
      const [k, kind] = OPTIONAL[bit]!;
      e[k] = kind === 'n' ? numbers[r.uint()]! : nullable(r.uint());
    }
    for (const k of LISTS) {
      const list: string[] = new Array(r.uint());
      for (let j = 0; j < list.length; j++) list[j] = str(r.uint());
      e[k] = list;
    }
    const roles: Role[] = new Array(r.uint());
    for (let j = 0; j < roles.length; j++) {
      const rmask = r.uint();
      const role: Role = { title: str(r.uint()) };
      for (let bit = 0; bit < ROLE_OPTIONAL.length; bit++) if (rmask & (1 << bit)) role[ROLE_OPTIONAL[bit]!] = nullable(r.uint());
      roles[j] = role;
    }
    e.roles = roles;
    if (!r.done) throw new Error(`frozen entity index: record ${i} has bytes left over`);
    return e as Omit<PackEntity, 'id'>;
  };
}

export function freezeEntityIndex(index: EntityIndex, prefix: string): { data: FrozenEntityData; sections: Record<string, Section> } {
  const entries = slotEntries(index.aliases);
  const keys = FrozenStrings.build(entries.map(([k]) => k));
  const hitCounts = new Uint16Array(entries.length);
  const more = new Uint8Array(entries.length);
  const hits: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const s = entries[i]![1];
    if ((s.hits?.length ?? 0) > 0xffff) throw new Error(`freezeEntityIndex: too many entities share ${JSON.stringify(entries[i]![0])}`);
    hitCounts[i] = s.hits?.length ?? 0;
    if (s.hits) hits.push(...s.hits);
    more[i] = s.more ? 1 : 0;
  }
  // A name key is always a slot key (or '' when the name had no usable tokens: -1).
  const nameSlots = Int32Array.from(index.nameKeys, (k) => (k === '' ? -1 : keys.indexOf(k)));
  if (nameSlots.some((n, i) => n < 0 && index.nameKeys[i] !== '')) throw new Error('freezeEntityIndex: a name key is not in the alias table');
  const ids = FrozenStrings.build(index.entities.map((e) => e.id));
  const { records, strings, numbers } = encodeEntities(index.entities);
  const stringParts = StringList.encode(strings);
  const hits32 = hits.every((h) => Number.isInteger(h) && h >= 0 && h <= 0xffffffff);
  return {
    data: { count: index.entities.length, lowerFirst: [...(index.aliases.lowerFirst as Set<string>)], hits32 },
    sections: {
      [`${prefix}.slotBytes`]: keys.bytes,
      [`${prefix}.slotLengths`]: keys.lengths,
      [`${prefix}.hitCounts`]: hitCounts,
      [`${prefix}.hits`]: hits32 ? Uint32Array.from(hits) : Float64Array.from(hits),
      [`${prefix}.more`]: more,
      [`${prefix}.nameSlots`]: nameSlots,
      [`${prefix}.idBytes`]: ids.bytes,
      [`${prefix}.idLengths`]: ids.lengths,
      [`${prefix}.records`]: records.bytes,
      [`${prefix}.recordLengths`]: records.lengths,
      [`${prefix}.stringBytes`]: stringParts.bytes,
      [`${prefix}.stringLengths`]: stringParts.lengths,
      [`${prefix}.numbers`]: Float64Array.from(numbers),
    },
  };
}

/** Read-only alias slots over the frozen arrays; a slot's object is made on first lookup and kept. */
class FrozenSlots {
  private readonly made: (Slot | undefined)[];
  private readonly hitStart: Uint32Array;
  constructor(
    readonly keys: FrozenStrings,
    hitCounts: Uint16Array,
    private readonly hits: Float64Array | Uint32Array,
    private readonly more: Uint8Array,
  ) {
    this.made = new Array<Slot | undefined>(keys.size);
    const starts = new Uint32Array(hitCounts.length + 1);
    let at = 0;
    for (let i = 0; i < hitCounts.length; i++) {
      starts[i] = at;
      at += hitCounts[i]!;
    }
    starts[hitCounts.length] = at;
    if (at !== hits.length || more.length !== keys.size || hitCounts.length !== keys.size) throw new Error('frozen alias table: counts disagree');
    this.hitStart = starts;
  }
  get(key: string): Slot | undefined {
    const i = this.keys.indexOf(key);
    if (i < 0) return undefined;
    let slot = this.made[i];
    if (!slot) {
      const a = this.hitStart[i]!, b = this.hitStart[i + 1]!;
      slot = { hits: b > a ? Array.from(this.hits.subarray(a, b)) : undefined, more: this.more[i] === 1 };
      this.made[i] = slot;
    }
    return slot;
  }
}

export interface ThawedEntityIndex {
  index: EntityIndex;
  /** Every entity record, made now where not made yet (e.g. before merging with other packs). */
  materializeAll(): PackEntity[];
}

export function thawEntityIndex(image: Image<unknown>, data: FrozenEntityData, prefix: string): ThawedEntityIndex {
  const strings = (name: string) => new FrozenStrings({ bytes: image.u8(`${prefix}.${name}Bytes`), lengths: image.u16(`${prefix}.${name}Lengths`) });
  const records = new RecordReader({ bytes: image.u8(`${prefix}.records`), lengths: image.u16(`${prefix}.recordLengths`) });
  const ids = strings('id');
  const nameSlots = image.i32(`${prefix}.nameSlots`);
  if (ids.size !== data.count || records.count !== data.count || nameSlots.length !== data.count) throw new Error('frozen entity index: counts disagree');
  const recordOf = entityDecoder(records, new StringList({ bytes: image.u8(`${prefix}.stringBytes`), lengths: image.u16(`${prefix}.stringLengths`) }), image.f64(`${prefix}.numbers`));
  const lazy = lazyList<PackEntity>(data.count, (i) => ({ id: ids.keyAt(i), ...recordOf(i) }));
  const entities = lazy.list;
  const byId: EntityLookup = {
    get: (id) => {
      const i = ids.indexOf(id);
      return i < 0 ? undefined : entities[i];
    },
    has: (id) => ids.indexOf(id) >= 0,
    size: data.count,
  };
  const slots = new FrozenSlots(strings('slot'), image.u16(`${prefix}.hitCounts`), data.hits32 ? image.u32(`${prefix}.hits`) : image.f64(`${prefix}.hits`), image.u8(`${prefix}.more`));
  const aliases: AliasTable = { slots, lowerFirst: new Set(data.lowerFirst) };
  const nameKeys = lazyList<string>(data.count, (i) => (nameSlots[i]! < 0 ? '' : slots.keys.keyAt(nameSlots[i]!))).list;
  return {
    index: { byId, entities, aliases, nameKeys },
    materializeAll() {
      return entities.slice();
    },
  };
}
