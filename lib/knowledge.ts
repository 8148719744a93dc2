/**
 * Knowledge: the in-memory indexes built once from the installed packs (default + imported).
 * The background builds it at startup; the CLI builds it per run.
 */
import type { Pack } from './dataset/schema';
import { buildEntityIndex, type EntityIndex } from './entities/index';
import { buildCoverageIndex, type CoverageIndex, type CoverageItem } from './coverage/index';

export interface Knowledge {
  entities: EntityIndex;
  coverage: CoverageIndex;
}

export function buildKnowledge(packs: Pack[]): Knowledge {
  const entities = buildEntityIndex(packs.length === 1 ? packs[0]!.entities : packs.flatMap((p) => p.entities));
  // Tagged copies of the records (the packs themselves stay as parsed), one array, no flatMap.
  const items: CoverageItem[] = [];
  for (const p of packs) {
    const origin = p.id === 'default' ? ('timeline' as const) : ('pack' as const);
    const list = p.coverage;
    for (let i = 0; i < list.length; i++) items.push({ ...list[i]!, origin });
  }
  const coverage = buildCoverageIndex(items, (id) => entities.byId.get(id)?.name);
  return { entities, coverage };
}
