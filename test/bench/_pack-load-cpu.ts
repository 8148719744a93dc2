/**
 * Diagnostic (issue #8), not a bench: the worker thread's CPU time for the default pack's load on
 * the cached-image path, for two builds alternated launch by launch (paired A/B on a shared
 * machine, where wall-clock rows are noise). Per launch: one shard load to fill the cache, then
 * `loads` traced reloads (ui:packs-changed from an extension page, as browser-startup.bench.ts),
 * each summed over the worker thread's top-level tasks (thread CPU, `tdur`) from the message to
 * the load's coverage-ready measure; the worker's own measures (cache read, entity thaw…) too.
 *   npx tsx test/bench/_pack-load-cpu.ts <build A> <build B> [rounds] [loads]
 */
import path from 'node:path';
import { copyExtension, launch, rmDirs, startServer } from './_browser';
import { endTrace, startTrace, threadSpans, topLevelTasks } from './_trace';
import { COVERAGE_MEASURE, KNOWLEDGE_MEASURE } from '../../lib/background/knowledge-source';
import { PACK_CACHE_READ_MEASURE, PACK_CACHE_WRITE_MEASURE, PACK_PATH_MARK } from '../../lib/background/packs';
import { COVERAGE_THAW_MEASURE, ENTITY_THAW_MEASURE } from '../../lib/dataset/runtime-pack';
import { summarize } from './measure';

const [dirA, dirB] = [process.argv[2]!, process.argv[3]!];
const rounds = Number(process.argv[4] ?? 3), loads = Number(process.argv[5] ?? 5);
const server = await startServer({ own: path.join(process.cwd(), 'test/fixtures/pages') });
const got: Record<string, Record<string, number[]>> = { A: {}, B: {} };
const push = (who: string, k: string, v: number) => (got[who]![k] ??= []).push(v);
try {
  for (let r = 0; r < rounds; r++) {
    for (const [who, dir] of [['A', dirA], ['B', dirB]] as const) {
      process.env.E2E_CHROME_DIR = dir;
      const extDir = copyExtension(process.cwd());
      const s = await launch(extDir, server.proxy, undefined, { debugPort: true });
      try {
        const { chromium } = await import('playwright-core');
        const remote = await chromium.connectOverCDP(s.cdpUrl!);
        const tracer = await remote.newBrowserCDPSession();
        const ext = await s.context.newPage();
        await ext.goto(`chrome-extension://${s.extId}/popup.html`, { waitUntil: 'domcontentloaded' });
        const count = (n: string) => s.worker.evaluate((name) => performance.getEntriesByName(name).length, n);
        const reload = () => ext.evaluate(async () => {
          const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime;
          await rt.sendMessage({ type: 'ui:packs-changed' });
          await rt.sendMessage({ type: 'ui:get-dataset-info' });
        });
        // The first load (at worker start) took the shard path: wait for its image to be cached.
        for (let k = 0; k < 100 && (await count(PACK_CACHE_WRITE_MEASURE)) === 0; k++) await new Promise((res) => setTimeout(res, 100));
        for (let i = 0; i < loads + 1; i++) {
          const before = await count(COVERAGE_MEASURE);
          await startTrace(tracer);
          await reload();
          for (let k = 0; k < 400 && (await count(COVERAGE_MEASURE)) === before; k++) await new Promise((res) => setTimeout(res, 5));
          const ev = await endTrace(tracer);
          const m = await s.worker.evaluate((names) => names.map((n) => performance.getEntriesByName(n).at(-1)).map((e) => [e?.startTime ?? NaN, e?.duration ?? NaN, (e as PerformanceMark | undefined)?.detail ?? null]), [KNOWLEDGE_MEASURE, COVERAGE_MEASURE, PACK_CACHE_READ_MEASURE, ENTITY_THAW_MEASURE, COVERAGE_THAW_MEASURE, PACK_PATH_MARK]);
          if (i === 0) continue; // the first reload warms the message path
          if (m[5]![2] !== 'cache') throw new Error(`load took the ${String(m[5]![2])} path`);
          const names = new Map<string, string>();
          for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
          let cpu = 0;
          for (const [k, n] of names) if (/ServiceWorker/i.test(n)) for (const t of topLevelTasks(threadSpans(ev, k))) cpu += (t.tdur ?? 0) / 1000;
          push(who, 'workerCpu', cpu);
          push(who, 'linkReady', m[0]![1] as number); push(who, 'allReady', m[1]![1] as number);
          push(who, 'cacheRead', m[2]![1] as number); push(who, 'entityThaw', m[3]![1] as number); push(who, 'coverageThaw', m[4]![1] as number);
        }
        await remote.close();
      } finally {
        await s.close();
        rmDirs(extDir);
      }
    }
    const line = (who: string) => Object.entries(got[who]!).map(([k, v]) => `${k} ${summarize(v).median.toFixed(1)}`).join('  ');
    console.log(`after round ${r + 1}:\n  A ${line('A')}\n  B ${line('B')}`);
  }
} finally {
  await server.close();
}
