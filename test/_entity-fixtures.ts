/**
 * The linker tests' own tiny packs: an entity record with the empty defaults the compiler writes,
 * and a block's or a page's links as "id:text" in page order (what each rule test compares).
 */
import { linkEntities } from '../lib/entities/link';
import type { EntityIndex } from '../lib/entities/index';
import type { PackEntity } from '../lib/dataset/schema';

export const testEntity = (e: Partial<PackEntity> & Pick<PackEntity, 'id' | 'name' | 'type'>): PackEntity => ({
  aliases: [], shortNames: [], roles: [], sources: ['test'], ...e,
});

export function linkKeys(index: EntityIndex, text: string, date: string | null): string[] {
  return linkEntities([{ text }], index, { date })
    .flatMap((e) => e.mentions.map((m) => ({ k: `${e.id}:${m.text}`, s: m.start })))
    .sort((a, b) => a.s - b.s)
    .map((x) => x.k);
}

/** A page of blocks linked together (page-wide rules see every block), as "id:text" in page order. */
export function pageLinkKeys(index: EntityIndex, blocks: string[], date: string | null = null): string[] {
  return linkEntities(blocks.map((text) => ({ text })), index, { date })
    .flatMap((e) => e.mentions.map((m) => ({ k: `${e.id}:${m.text}`, at: m.paragraph * 10_000 + m.start })))
    .sort((a, b) => a.at - b.at)
    .map((x) => x.k);
}
