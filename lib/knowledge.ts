/**
 * Knowledge: the in-memory indexes built once from the installed packs (default + imported).
 * The background builds it at startup; the CLI builds it per run.
 */
import type { Pack } from './dataset/schema';
import { buildEntityIndex, type EntityIndex } from './entities/index';
import { buildCoverageIndex, type CoverageIndex } from './coverage/index';

export interface Knowledge {
  entities: EntityIndex;
  coverage: CoverageIndex;
}

export function buildKnowledge(packs: Pack[]): Knowledge {
  const entities = buildEntityIndex(packs.flatMap((p) => p.entities));
  const coverage = buildCoverageIndex(
    packs.flatMap((p) => p.coverage.map((item) => ({ ...item, origin: p.id === 'default' ? ('timeline' as const) : ('pack' as const) }))),
    (id) => entities.byId.get(id)?.name,
  );
  return { entities, coverage };
}
