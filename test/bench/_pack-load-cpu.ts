/**
 * Diagnostic (issue #8), not a bench: the worker thread's CPU time for the default pack's load on
 * the cached-image path, for two builds alternated launch by launch (paired A/B on a shared
 * machine, where wall-clock rows are noise). Per launch: one shard load to fill the cache, then
 * `loads` traced reloads (ui:packs-changed from an extension page, as browser-startup.bench.ts),
 * each summed over the worker thread's top-level tasks (thread CPU, `tdur`) from the message to
 * the load's coverage-ready measure; the worker's own measures (cache read, entity thaw…) too, and
 * the thread CPU of the two tasks holding the entity thaw (the image's decode) and the coverage
 * thaw (traced with User Timing).
 * With `cold`, each load is a worker start instead (CDP ServiceWorker.stopAllWorkers, then a
 * message wakes it): cold code, as a later worker start runs it; its CPU includes the script's
 * evaluation (the same for both builds).
 *   npx tsx test/bench/_pack-load-cpu.ts <build A> <build B> [rounds] [loads] [cold]
 * With BENCH_TRACE_JS=1 the worker's sampled profile is kept too, and the top self times of each
 * build printed at the end (function, and the start of its code in the minified background.js).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TraceEvent } from './_trace';
import { copyExtension, launch, rmDirs, startServer } from './_browser';
import { endTrace, threadSpans, topLevelTasks } from './_trace';
import { COVERAGE_MEASURE, KNOWLEDGE_MEASURE } from '../../lib/background/knowledge-source';
import { PACK_CACHE_READ_MEASURE, PACK_CACHE_WRITE_MEASURE, PACK_PATH_MARK } from '../../lib/background/packs';
import { COVERAGE_THAW_MEASURE, ENTITY_THAW_MEASURE } from '../../lib/dataset/runtime-pack';
import { summarize } from './measure';

const [dirA, dirB] = [process.argv[2]!, process.argv[3]!];
const rounds = Number(process.argv[4] ?? 3), loads = Number(process.argv[5] ?? 5);
const cold = process.argv[6] === 'cold';
const server = await startServer({ own: path.join(process.cwd(), 'test/fixtures/pages') });
const got: Record<string, Record<string, number[]>> = { A: {}, B: {} };
const push = (who: string, k: string, v: number) => (got[who]![k] ??= []).push(v);
/**
 * _trace.ts's categories plus User Timing, so the worker's own measures are in the trace and the
 * task that ran the decode (the one holding the entity-thaw measure) can be picked out.
 */
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink', 'blink.user_timing', '__metadata',
  ...(process.env.BENCH_TRACE_JS ? ['disabled-by-default-v8.cpu_profiler'] : [])].join(',');
const startTrace = (cdp: { send(m: string, p?: object): Promise<unknown> }) => cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' });

/** The worker thread's top-level garbage-collection trace events (devtools.timeline). */
const GC_EVENTS = /^(MinorGC|MajorGC)$/;

/** Sampled self time (ms) by function position, per build (BENCH_TRACE_JS=1). */
const selfTime: Record<string, Map<string, number>> = { A: new Map(), B: new Map() };

/** Add the worker thread's sampled self times of one trace to `into`. */
function addProfile(ev: TraceEvent[], thread: string, into: Map<string, number>): void {
  type Node = { id: number; callFrame: { functionName: string; url?: string; lineNumber?: number; columnNumber?: number } };
  const profile = (ev as (TraceEvent & { id?: string })[]).find((e) => e.name === 'Profile' && `${e.pid}:${e.tid}` === thread);
  if (!profile) return;
  const nodes = new Map<number, Node>();
  for (const e of ev as (TraceEvent & { id?: string })[]) {
    if (e.name !== 'ProfileChunk' || e.pid !== profile.pid || e.id !== profile.id) continue;
    const d = (e.args as { data?: { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] } }).data;
    for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = d?.cpuProfile?.samples ?? [], deltas = d?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      const f = nodes.get(samples[i]!)?.callFrame;
      if (!f || f.functionName === '(idle)' || f.functionName === '(root)') continue;
      const key = `${f.functionName || '(anon)'}|${(f.url ?? '').replace(/^.*\//, '')}|${f.lineNumber ?? -1}|${f.columnNumber ?? -1}`;
      into.set(key, (into.get(key) ?? 0) + Math.max(0, Math.min(deltas[i + 1] ?? 200, 5000)) / 1000);
    }
  }
}
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
        const control = cold ? await s.context.newCDPSession(ext) : null;
        await control?.send('ServiceWorker.enable' as never);
        let worker = s.worker;
        const count = (n: string) => worker.evaluate((name) => performance.getEntriesByName(name).length, n);
        const reload = () => ext.evaluate(async () => {
          const rt = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime;
          await rt.sendMessage({ type: 'ui:packs-changed' });
          await rt.sendMessage({ type: 'ui:get-dataset-info' });
        });
        // The first load (at worker start) took the shard path: wait for its image to be cached.
        for (let k = 0; k < 100 && (await count(PACK_CACHE_WRITE_MEASURE)) === 0; k++) await new Promise((res) => setTimeout(res, 100));
        for (let i = 0; i < loads + 1; i++) {
          if (control) {
            await control.send('ServiceWorker.stopAllWorkers' as never);
            await new Promise((res) => setTimeout(res, 300));
          }
          const before = control ? 0 : await count(COVERAGE_MEASURE);
          await startTrace(tracer);
          if (control) {
            // Wake the worker (its start warms the knowledge up) and wait for its coverage-ready.
            await ext.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'ui:get-dataset-info' }));
            worker = s.context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${s.extId}/`)).at(-1) ?? worker;
          } else await reload();
          for (let k = 0; k < 400 && (await count(COVERAGE_MEASURE)) === before; k++) await new Promise((res) => setTimeout(res, 5));
          const ev = await endTrace(tracer);
          const m = await worker.evaluate((names) => names.map((n) => performance.getEntriesByName(n).at(-1)).map((e) => [e?.startTime ?? NaN, e?.duration ?? NaN, (e as PerformanceMark | undefined)?.detail ?? null]), [KNOWLEDGE_MEASURE, COVERAGE_MEASURE, PACK_CACHE_READ_MEASURE, ENTITY_THAW_MEASURE, COVERAGE_THAW_MEASURE, PACK_PATH_MARK]);
          if (i === 0) continue; // the first reload warms the message path
          if (m[5]![2] !== 'cache') throw new Error(`load took the ${String(m[5]![2])} path`);
          const names = new Map<string, string>();
          for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
          let cpu = 0, decodeTask = NaN, coverageTask = NaN, decodeWall = NaN, gc = 0, decodeGc = 0;
          const measured = (name: string) => ev.find((e) => e.name === name && (e.ph === 'b' || e.ph === 'X' || e.ph === 'R' || e.ph === 'I'));
          const thaw = measured(ENTITY_THAW_MEASURE), cthaw = measured(COVERAGE_THAW_MEASURE);
          for (const [k, n] of names) {
            if (!/ServiceWorker/i.test(n)) continue;
            for (const t of topLevelTasks(threadSpans(ev, k))) {
              cpu += (t.tdur ?? 0) / 1000;
              const holds = (m: TraceEvent | undefined) => !!m && `${m.pid}:${m.tid}` === k && m.ts >= t.ts && m.ts <= t.ts + t.dur!;
              if (holds(thaw)) decodeTask = (t.tdur ?? NaN) / 1000, decodeWall = t.dur! / 1000;
              if (holds(cthaw)) coverageTask = (t.tdur ?? NaN) / 1000;
            }
            // The worker thread's garbage collections (wall): a GC inside the decode task is time
            // the task's thread CPU may not show (the thread waits for GC helper threads).
            const decoding = topLevelTasks(threadSpans(ev, k)).find((t) => !!thaw && t.ts <= thaw.ts && thaw.ts <= t.ts + t.dur!);
            for (const e of ev) {
              if (`${e.pid}:${e.tid}` !== k || e.ph !== 'X' || !GC_EVENTS.test(e.name)) continue;
              gc += (e.dur ?? 0) / 1000;
              if (decoding && e.ts >= decoding.ts && e.ts <= decoding.ts + decoding.dur!) decodeGc += (e.dur ?? 0) / 1000;
            }
            if (process.env.BENCH_TRACE_JS) addProfile(ev, k, selfTime[who]!);
          }
          push(who, 'workerCpu', cpu);
          push(who, 'decodeTaskCpu', decodeTask);
          push(who, 'coverageTaskCpu', coverageTask);
          push(who, 'decodeTaskWall', decodeWall);
          push(who, 'gcWall', gc);
          push(who, 'decodeGcWall', decodeGc);
          push(who, 'linkReady', m[0]![1] as number); push(who, 'allReady', m[1]![1] as number);
          push(who, 'cacheRead', m[2]![1] as number); push(who, 'entityThaw', m[3]![1] as number); push(who, 'coverageThaw', m[4]![1] as number);
        }
        await remote.close();
      } finally {
        await s.close();
        rmDirs(extDir);
      }
    }
    // Median and p10–p90 over every load so far.
    const line = (who: string) => Object.entries(got[who]!).map(([k, v]) => {
      const { median, spread } = summarize(v);
      return `${k} ${median.toFixed(1)} (${spread[0].toFixed(1)}–${spread[1].toFixed(1)})`;
    }).join('  ');
    console.log(`after round ${r + 1}:\n  A ${line('A')}\n  B ${line('B')}`);
  }
  if (process.env.BENCH_TRACE_JS) {
    for (const [who, dir] of [['A', dirA], ['B', dirB]] as const) {
      const code = readFileSync(path.join(dir, 'background.js'), 'utf8').split('\n');
      const total = [...selfTime[who]!.values()].reduce((a, b) => a + b, 0);
      console.log(`${who}: sampled ${total.toFixed(1)} ms over all loads; top self:`);
      for (const [k, v] of [...selfTime[who]!].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
        const [fn, file, line, col] = k.split('|');
        const at = file === 'background.js' ? (code[Number(line)] ?? '').slice(Number(col), Number(col) + 70) : '';
        console.log(`  ${v.toFixed(1).padStart(6)}  ${fn} ${file}  ${at}`);
      }
    }
  }
} finally {
  await server.close();
}
