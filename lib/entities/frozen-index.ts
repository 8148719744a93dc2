/**
 * The entity index in a form that loads without work: written at build time from an index that
 * buildEntityIndex built (so folding, case rules and short forms are the linker's own), read in
 * the background as typed-array views.
 *
 *   alias slots  FrozenStrings over the slot keys ("donald", "donald trump", …), with each slot's
 *                packed hits (hitStart/hits) and its "longer aliases continue" flag (more); hits
 *                as uint32 while every packed hit fits (entities < 65,536), else float64
 *   entities     the records as JSON bytes (without their id), parsed one by one when the linker
 *                reads them
 *   byId         FrozenStrings over the entity ids (same numbering as entities; the ids' only copy)
 *   nameKeys     each entity's name key as a slot number (the key strings are the slots')
 *   lowerFirst   a plain string array in the header (a few hundred)
 *
 * findMatches and linkEntities see the same EntityIndex interface as for a built index.
 */
import type { Section, Image } from '../dataset/binary-image';
import { FrozenStrings } from '../dataset/frozen-strings';
import { encodeRecords, lazyList, parseAllRecords, parseRecord, recordBytes } from '../dataset/lazy-records';
import { encodeEntity } from '../dataset/pack';
import type { PackEntity } from '../dataset/schema';
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
  const records = encodeRecords(index.entities.map((e) => encodeEntity({ ...e, id: undefined as unknown as string })));
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
      [`${prefix}.json`]: records.json,
      [`${prefix}.jsonLengths`]: records.lengths,
    },
  };
}

/** Same defaults as a trusted parsePack: absent lists are empty lists. */
function withDefaults(e: PackEntity): PackEntity {
  e.aliases ??= [];
  e.shortNames ??= [];
  e.roles ??= [];
  e.sources ??= [];
  return e;
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
  /** Parse every entity record now (one JSON.parse), e.g. before merging with other packs. */
  materializeAll(): PackEntity[];
}

export function thawEntityIndex(image: Image<unknown>, data: FrozenEntityData, prefix: string): ThawedEntityIndex {
  const strings = (name: string) => new FrozenStrings({ bytes: image.u8(`${prefix}.${name}Bytes`), lengths: image.u16(`${prefix}.${name}Lengths`) });
  const records = recordBytes({ json: image.u8(`${prefix}.json`), lengths: image.u32(`${prefix}.jsonLengths`) });
  const ids = strings('id');
  const nameSlots = image.i32(`${prefix}.nameSlots`);
  if (ids.size !== data.count || records.starts.length !== data.count + 1 || nameSlots.length !== data.count) throw new Error('frozen entity index: counts disagree');
  const lazy = lazyList<PackEntity>(data.count, (i) => withDefaults({ id: ids.keyAt(i), ...parseRecord<Omit<PackEntity, 'id'>>(records, i) }));
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
      lazy.fill(parseAllRecords<Omit<PackEntity, 'id'>>(records).map((e, i) => withDefaults({ id: ids.keyAt(i), ...e })));
      return entities.slice();
    },
  };
}
