/**
 * EntityIndex: the in-memory form of the installed packs' entities — a byId map plus the alias
 * table (flat token trie) over every entity's name, aliases and short forms. Built once
 * (background at startup, CLI per run); packs already carry cleaned aliases, so this is inserts.
 */
import type { PackEntity } from '../dataset/schema';
import { createTable, insertAlias, type AliasTable } from './matcher';

/** Entity by id (a Map when built here; a read-only table when loaded from the runtime pack). */
export interface EntityLookup {
  get(id: string): PackEntity | undefined;
  has(id: string): boolean;
  readonly size: number;
}

export interface EntityIndex {
  byId: EntityLookup;
  /** Entities by dense number (AliasHit.entity). */
  entities: PackEntity[];
  aliases: AliasTable;
  /** Alias key of each entity's name ("donald trump"); one word = a mononym. */
  nameKeys: string[];
}

/** Later packs override earlier ones for the same id (an imported pack can fix a default entry). */
export function buildEntityIndex(entities: PackEntity[]): EntityIndex {
  const byId = new Map<string, PackEntity>();
  for (const e of entities) byId.set(e.id, e);
  const list = byId.size === entities.length ? entities.slice() : [...byId.values()];
  const aliases = createTable();
  const nameKeys: string[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    nameKeys[i] = insertAlias(aliases, e.name, i, false) ?? '';
    const al = e.aliases;
    if (al) for (let k = 0; k < al.length; k++) insertAlias(aliases, al[k]!, i, false);
    const sn = e.shortNames;
    if (sn) for (let k = 0; k < sn.length; k++) insertAlias(aliases, sn[k]!, i, true);
  }
  return { byId, entities: list, aliases, nameKeys };
}
