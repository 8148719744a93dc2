/**
 * EntityIndex: the in-memory form of the installed packs' entities — a byId map plus the token
 * trie over every entity's name, aliases and short forms. Built once (background at startup, CLI
 * per run); the pack already carries cleaned aliases, so this is inserts only.
 */
import type { PackEntity } from '../dataset/schema';
import { insertAlias, type TrieNode } from './matcher';
import { fold } from './normalize';

export interface EntityIndex {
  byId: Map<string, PackEntity>;
  /** Entities by dense number (AliasHit.entity). */
  entities: PackEntity[];
  trie: TrieNode;
  /** Folded short form → how many distinct entities share it (for the standalone rule). */
  shortCount: Map<string, number>;
}

/** Later packs override earlier ones for the same id (an imported pack can fix a default entry). */
export function buildEntityIndex(entities: PackEntity[]): EntityIndex {
  const byId = new Map<string, PackEntity>();
  for (const e of entities) byId.set(e.id, e);
  const list = [...byId.values()];
  const trie: TrieNode = {};
  const shortCount = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const e = list[i]!;
    insertAlias(trie, e.name, { entity: i, short: false });
    for (const a of e.aliases ?? []) insertAlias(trie, a, { entity: i, short: false });
    for (const s of e.shortNames ?? []) {
      if (insertAlias(trie, s, { entity: i, short: true })) {
        const k = fold(s);
        shortCount.set(k, (shortCount.get(k) ?? 0) + 1);
      }
    }
  }
  return { byId, entities: list, trie, shortCount };
}
