/**
 * The background's startup work in Node, step by step: read the default pack, encode its runtime
 * form (as the build does), decode it (what the worker does), and, for comparison, the pack-JSON
 * path: trusted parse + buildKnowledge, and each index on its own. Used by
 * browser-startup.bench.ts (defaultPackText) and by hand for profiling:
 *   node --cpu-prof --import tsx test/bench/_startup.ts [repeats]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePack } from '../../lib/background/packs';
import { buildKnowledge } from '../../lib/knowledge';
import { buildEntityIndex } from '../../lib/entities/index';
import { buildCoverageIndex } from '../../lib/coverage/index';
import { decodeRuntimePack, encodeRuntimePack } from '../../lib/dataset/runtime-pack';
import type { Pack } from '../../lib/dataset/schema';

export interface StartupSample { decode: number; parse: number; knowledge: number; entities: number; coverage: number; total: number }

export function defaultPackText(root: string): string {
  return readFileSync(path.join(root, 'assets/default-pack.json'), 'utf8');
}

/** One cold-ish startup both ways: runtime form decode; parse + buildKnowledge; each index alone. */
export function startupOnce(text: string, runtime: Uint8Array): StartupSample {
  let t0 = performance.now();
  decodeRuntimePack(runtime);
  const decode = performance.now() - t0;
  t0 = performance.now();
  const pack: Pack = parsePack(text, 'default pack', true);
  const parse = performance.now() - t0;
  t0 = performance.now();
  buildKnowledge([pack]);
  const knowledge = performance.now() - t0;
  t0 = performance.now();
  const ents = buildEntityIndex(pack.entities);
  const entities = performance.now() - t0;
  t0 = performance.now();
  buildCoverageIndex(pack.coverage.map((c) => ({ ...c, origin: 'timeline' as const })), (id) => ents.byId.get(id)?.name);
  const coverage = performance.now() - t0;
  return { decode, parse, knowledge, entities, coverage, total: parse + knowledge };
}

if (process.argv[1] && /_startup\.ts$/.test(process.argv[1])) {
  const text = defaultPackText(process.cwd());
  const runtime = encodeRuntimePack(parsePack(text, 'default pack', true));
  const n = Number(process.argv[2] ?? 5);
  for (let i = 0; i < n; i++) {
    const s = startupOnce(text, runtime);
    console.log(Object.entries(s).map(([k, v]) => `${k} ${v.toFixed(1)}`).join('  '));
  }
}
