/**
 * Diagnostic (issue #8), not a bench: the default pack's load on the FIRST worker start after an
 * install or update (the shards path: the image cache deleted first), for two builds loaded side
 * by side in ONE browser and alternated load by load, so each pair of loads runs seconds apart on
 * the same machine (on a shared machine, separate bench runs minutes apart are noise). Each load
 * is browser-startup.bench.ts's: the cache database deleted, then ui:packs-changed from the
 * build's own extension page; read are its knowledge-ready (linking) and coverage-ready (all
 * ready) measures and the fetch / inflate / decode steps. Prints each build's medians and the
 * median of the per-pair differences (B − A), with how many pairs B was faster.
 *   npx tsx test/bench/_first-start-ab.ts <build A> <build B> [pairs]
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, rmDirs, startServer } from './_browser';
import { COVERAGE_MEASURE, KNOWLEDGE_MEASURE } from '../../lib/background/knowledge-source';
import { PACK_CACHE_MISS_MEASURE, PACK_SHARD_MEASURE, PACK_DECODE_MEASURE, PACK_FETCH_MEASURE, PACK_INFLATE_MEASURE, PACK_PATH_MARK } from '../../lib/background/packs';
import { PACK_CACHE_DB } from '../../lib/background/pack-cache';
import { summarize } from './measure';

const [dirA, dirB] = [process.argv[2]!, process.argv[3]!];
const pairs = Number(process.argv[4] ?? 12);
const copies = [dirA, dirB].map((d) => {
  const to = mkdtempSync(path.join(os.tmpdir(), 'backstory-ab-ext-'));
  cpSync(d, to, { recursive: true });
  return to;
});
const server = await startServer({ own: path.join(process.cwd(), 'test/fixtures/pages') });
// Both extensions in one browser (comma-separated: Chromium's --load-extension takes a list).
const s = await launch(copies.join(','), server.proxy);
for (let i = 0; i < 50 && s.context.serviceWorkers().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
const sws = s.context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'));
// An unpacked extension's id is derived from its absolute path: the first 128 bits of its
// SHA-256, each hex digit written as a letter a–p.
const idOf = (dir: string) => createHash('sha256').update(path.resolve(dir)).digest('hex').slice(0, 32).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 16)));
const byBuild = copies.map((c) => {
  const id = idOf(c);
  const worker = sws.find((w) => new URL(w.url()).host === id);
  if (!worker) throw new Error(`no worker for ${c} (${id}); workers: ${sws.map((w) => w.url()).join(' ')}`);
  return { id, worker };
});
const pages = await Promise.all(byBuild.map(async (b) => {
  const p = await s.context.newPage();
  await p.goto(`chrome-extension://${b.id}/popup.html`, { waitUntil: 'domcontentloaded' });
  return p;
}));
const names = [KNOWLEDGE_MEASURE, COVERAGE_MEASURE, PACK_FETCH_MEASURE, PACK_INFLATE_MEASURE, PACK_DECODE_MEASURE, PACK_CACHE_MISS_MEASURE, PACK_PATH_MARK];
const KEYS = ['linking', 'all', 'fetch', 'inflate', 'decode', 'miss'] as const;
type Sample = Record<(typeof KEYS)[number], number> & { path: string };

async function loadOnce(k: number): Promise<Sample> {
  const { worker } = byBuild[k]!;
  await worker.evaluate(async (db) => {
    await new Promise((res) => { const r = indexedDB.deleteDatabase(db); r.onsuccess = r.onerror = r.onblocked = () => res(null); });
  }, PACK_CACHE_DB);
  const before = await worker.evaluate((n) => performance.getEntriesByName(n).length, COVERAGE_MEASURE);
  await pages[k]!.evaluate(async () => {
    const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime;
    await rt.sendMessage({ type: 'ui:packs-changed' });
    await rt.sendMessage({ type: 'ui:get-dataset-info' });
  });
  for (let i = 0; i < 400 && (await worker.evaluate((n) => performance.getEntriesByName(n).length, COVERAGE_MEASURE)) === before; i++) await new Promise((r) => setTimeout(r, 10));
  const shards = await worker.evaluate((n) => performance.getEntriesByName(n).slice(-8).map((e) => e.duration), PACK_SHARD_MEASURE);
  const r = await worker.evaluate((ns) => ({
    t: ns.slice(0, 6).map((n) => performance.getEntriesByName(n).at(-1)?.duration ?? NaN),
    path: ((performance.getEntriesByName(ns[6]!).at(-1) as PerformanceMark | undefined)?.detail as string | undefined) ?? 'none',
  }), names);
  // Let the cache write (1 s after a shard load) pass before the next load of either build.
  await new Promise((res) => setTimeout(res, 1300));
  if (shards.length) console.log(`  ${k === 0 ? 'A' : 'B'} shards arrive at ${shards.map((x) => x.toFixed(0)).join(' ')} ms; joined at ${(r.t[2]! + r.t[3]!).toFixed(0)}, linking ${r.t[0]!.toFixed(0)}, all ${r.t[1]!.toFixed(0)}`);
  return { linking: r.t[0]!, all: r.t[1]!, fetch: r.t[2]!, inflate: r.t[3]!, decode: r.t[4]!, miss: r.t[5]!, path: r.path };
}

const got: Sample[][] = [[], []];
for (let i = 0; i < pairs + 1; i++) {
  const order = i % 2 === 0 ? [0, 1] : [1, 0];
  const pair: Sample[] = [];
  for (const k of order) pair[k] = await loadOnce(k);
  if (i === 0) continue; // the first pair warms both workers up
  got[0]!.push(pair[0]!); got[1]!.push(pair[1]!);
  console.log(`pair ${i}: A all ${pair[0]!.all.toFixed(1)} (${pair[0]!.path}), B all ${pair[1]!.all.toFixed(1)} (${pair[1]!.path})`);
}
// NaN where a build leaves no such measure (an older build's missing step): reported as NaN.
const med = (xs: number[]) => { const ok = xs.filter(Number.isFinite); return ok.length ? summarize(ok).median : NaN; };
for (const [k, label] of [[0, 'A'], [1, 'B']] as const) {
  console.log(`${label} ${k === 0 ? dirA : dirB}: ` + KEYS.map((key) => `${key} ${med(got[k]!.map((x) => x[key])).toFixed(1)}`).join(', ') + ` · paths ${[...new Set(got[k]!.map((x) => x.path))].join('/')}`);
}
for (const key of ['linking', 'all'] as const) {
  const d = got[0]!.map((a, i) => got[1]![i]![key] - a[key]);
  const sorted = [...d].sort((x, y) => x - y);
  console.log(`B − A ${key}: median ${med(d).toFixed(1)} ms (p25 ${sorted[Math.floor(d.length / 4)]!.toFixed(1)}, p75 ${sorted[Math.floor((3 * d.length) / 4)]!.toFixed(1)}), B faster in ${d.filter((x) => x < 0).length} of ${d.length}`);
}
console.log(`load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
await s.close(); await server.close(); rmDirs(...copies);
