/**
 * The background's startup work in Node, step by step: read the default pack, parse it (trusted,
 * as the worker does), build the entity index and the coverage index. Used by startup.bench.ts
 * and by hand for profiling:  node --cpu-prof --import tsx test/bench/_startup.ts [repeats]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePack } from '../../lib/background/packs';
import { buildKnowledge } from '../../lib/knowledge';
import { buildEntityIndex } from '../../lib/entities/index';
import { buildCoverageIndex } from '../../lib/coverage/index';
import type { Pack } from '../../lib/dataset/schema';

export interface StartupSample { parse: number; knowledge: number; entities: number; coverage: number; total: number }

export function defaultPackText(root: string): string {
  return readFileSync(path.join(root, 'assets/default-pack.json'), 'utf8');
}

/** One cold-ish startup: parse + buildKnowledge (what the worker does), plus each index on its own. */
export function startupOnce(text: string): StartupSample {
  let t0 = performance.now();
  const pack: Pack = parsePack(text, 'default pack', true);
  const parse = performance.now() - t0;
  t0 = performance.now();
  const k = buildKnowledge([pack]);
  const knowledge = performance.now() - t0;
  // First coverage query would force a lazy coverage index: touch it so "knowledge" is the full cost.
  t0 = performance.now();
  void k.coverage.items.length;
  const forced = performance.now() - t0;
  t0 = performance.now();
  const ents = buildEntityIndex(pack.entities);
  const entities = performance.now() - t0;
  t0 = performance.now();
  buildCoverageIndex(pack.coverage.map((c) => ({ ...c, origin: 'timeline' as const })), (id) => ents.byId.get(id)?.name);
  const coverage = performance.now() - t0;
  return { parse, knowledge: knowledge + forced, entities, coverage, total: parse + knowledge };
}

if (process.argv[1] && /_startup\.ts$/.test(process.argv[1])) {
  const text = defaultPackText(process.cwd());
  const n = Number(process.argv[2] ?? 5);
  for (let i = 0; i < n; i++) {
    const s = startupOnce(text);
    console.log(Object.entries(s).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('  '));
  }
}
