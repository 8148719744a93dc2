/**
 * Diagnostic (issue #8), not a bench: one traced load of the generated 2,000-word article with a
 * warm worker, printed as a timeline from document idle to the first highlight — every task of
 * the page's main thread and of the extension's worker that overlaps the window (start offset,
 * wall and CPU ms, the notable events inside it), and every gap in which neither thread ran.
 * `E2E_CHROME_DIR=… npx tsx test/bench/_timeline.ts [words] [loads]`.
 *
 * `… _timeline.ts seed [loads] cold`: the own seed page, the worker stopped (CDP
 * ServiceWorker.stopAllWorkers) before each traced load — the first article after a worker start,
 * as the browser-history bench's cold rows. The worker's own performance entries (knowledge load,
 * thaws, coverage-ready…) are then printed on the window's clock, and with BENCH_TRACE_JS=1 the
 * worker's sampled profile covers its start: script compile and evaluation, first-use work.
 *
 * Each load also prints the reader's import (readerImport below): its request, Chrome's internal
 * redirect from the per-session dynamic URL to the real one, the response, the whole-file compile
 * on a background thread and the module's compile on the page's thread, on the window's clock.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articleHtml } from './_article-gen';
import { copyExtension, launch, rmDirs, startServer } from './_browser';
import { PROBE, waitForHighlight } from './browser-article.bench';
import { endTrace, readerImport, startTrace, threadSpans, topLevelTasks, type TraceEvent } from './_trace';

const seed = process.argv[2] === 'seed';
const words = seed ? 0 : Number(process.argv[2] ?? 2000);
const loads = Number(process.argv[3] ?? 1);
const cold = process.argv[4] === 'cold';
const gen = mkdtempSync(path.join(os.tmpdir(), 'backstory-timeline-'));
if (!seed) writeFileSync(path.join(gen, 'a.html'), articleHtml(words));
const server = await startServer({ gen, own: path.join(process.cwd(), 'test/fixtures/pages') });
const extDir = copyExtension(process.cwd());
const s = await launch(extDir, server.proxy, undefined, { debugPort: true });
const NOTABLE = /^(TimerFire|FireAnimationFrame|FireIdleCallback|RunMicrotasks|EvaluateScript|v8\.compileModule|v8\.evaluateModule|FunctionCall|Layout|UpdateLayoutTree|Paint|ParseHTML|v8\.callFunction|RunYieldContinuation|MajorGC|MinorGC|V8\.GC.*|HandlePostMessage|EventDispatch|ScheduleStyleRecalculation|BeginMainThreadFrame|ResourceSendRequest|ResourceReceivedData|v8\.deserialize.*|.*Serialize.*|.*IPC.*|.*Mojo.*|ScriptStreamer.*)$/i;
try {
  await s.context.addInitScript({ content: PROBE });
  const { chromium } = await import('playwright-core');
  const remote = await chromium.connectOverCDP(s.cdpUrl!);
  const tracer = await remote.newBrowserCDPSession();
  const url = seed ? server.url('own', 'own-seed.html') : server.url('gen', 'a.html');
  for (let i = 0; i < 3; i++) { const p = await s.context.newPage(); await p.goto(url); await waitForHighlight(p, 60000); await p.close(); }
  // Cold mode: a page of its own for the CDP session that stops the worker (as browser-history.bench.ts).
  const controller = cold ? await s.context.newPage() : null;
  const swCdp = controller ? await s.context.newCDPSession(controller) : null;
  if (swCdp) {
    await swCdp.send('ServiceWorker.enable' as never);
    await new Promise((r) => setTimeout(r, 2500)); // the pack cache's write-back lands (see browser-history.bench.ts)
  }
  for (let n = 0; n < loads; n++) {
    if (swCdp) {
      await swCdp.send('ServiceWorker.stopAllWorkers' as never);
      await new Promise((r) => setTimeout(r, 300));
    }
    const page = await s.context.newPage();
    await startTrace(tracer);
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const got = await waitForHighlight(page, 60000);
    const ev = await endTrace(tracer);
    // BENCH_TRACE_OUT=dir: keep each load's trace (chrome://tracing / Perfetto) for a closer look.
    if (process.env.BENCH_TRACE_OUT) writeFileSync(path.join(process.env.BENCH_TRACE_OUT, `timeline-${n}.json`), JSON.stringify({ traceEvents: ev }));
    const pageOrigin = await page.evaluate(() => performance.timeOrigin);
    await page.close();
    const names = new Map<string, string>();
    for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    const stamps = new Map<string, TraceEvent>();
    for (const e of ev) { const m = (e.args?.data as { message?: string } | undefined)?.message; if (e.name === 'TimeStamp' && m?.startsWith('bench:')) stamps.set(m.slice(6), e); }
    const hl = stamps.get('hl')!, dcl = stamps.get('dcl')!, ld = stamps.get('load');
    const from = ld && ld.ts < hl.ts ? Math.max(dcl.ts, ld.ts) : dcl.ts, to = hl.ts;
    const pageK = `${hl.pid}:${hl.tid}`;
    const workerK = [...names].filter(([, v]) => /ServiceWorker/i.test(v)).map(([k]) => k);
    console.log(`load ${n}: window ${((to - from) / 1000).toFixed(1)} ms (bench e2e ${(got.hl - Math.max(got.dcl, got.load)).toFixed(1)})`);
    const tasks: { k: string; e: TraceEvent; inner: string[] }[] = [];
    for (const k of [pageK, ...workerK]) {
      const list = threadSpans(ev, k);
      for (const e of topLevelTasks(list)) {
        const end = e.ts + e.dur!;
        if (end < from - 2000 || e.ts > to) continue;
        const inner = list.filter((x) => x !== e && x.ts >= e.ts && x.ts < end && NOTABLE.test(x.name)).map((x) => {
          const d = x.args?.data as { url?: string; functionName?: string; scriptName?: string } | undefined;
          const u = (d?.url ?? d?.scriptName ?? '').replace(/^chrome-extension:\/\/[a-z]+/, 'ext:').replace(/^http:\/\/[^/]+/, '');
          return `${x.name}${d?.functionName ? ':' + d.functionName : ''}${u ? '@' + u.slice(0, 40) : ''}(${(x.dur! / 1000).toFixed(1)})`;
        });
        tasks.push({ k, e, inner: [...new Set(inner)].slice(0, 8) });
      }
    }
    tasks.sort((a, b) => a.e.ts - b.e.ts);
    let cur = from;
    for (const t of tasks) {
      const start = t.e.ts, end = start + t.e.dur!;
      if (start - cur > 500) console.log(`  ${((cur - from) / 1000).toFixed(1).padStart(7)}  -- idle ${((start - cur) / 1000).toFixed(1)} ms`);
      if (t.e.dur! >= 300 || t.inner.length) console.log(`  ${((start - from) / 1000).toFixed(1).padStart(7)}  ${t.k === pageK ? 'PAGE  ' : 'WORKER'} ${(t.e.dur! / 1000).toFixed(1)}w/${((t.e.tdur ?? 0) / 1000).toFixed(1)}c  ${t.inner.join(' ')}`);
      cur = Math.max(cur, end);
    }
    if (to - cur > 500) console.log(`  ${((cur - from) / 1000).toFixed(1).padStart(7)}  -- idle ${((to - cur) / 1000).toFixed(1)} ms`);
    const imp = readerImport(ev, from);
    const ms = (x: number | undefined): string => (x === undefined ? '–' : x.toFixed(1));
    console.log(imp ? `  reader import: request ${ms(imp.request)}, redirect ${ms(imp.redirect)}, response ${ms(imp.response)}, background parse ${ms(imp.parseStart)} + ${ms(imp.parseMs)} ms, module compiled ${ms(imp.compiled)}` : '  reader import: no request in the trace');
    if (cold) await printWorkerEntries((to - from) / 1000, pageOrigin + got.hl);
    if (process.env.BENCH_TRACE_JS) for (const k of [pageK, ...workerK]) printProfile(ev, k, from, to, k === pageK ? 'PAGE' : 'WORKER');
  }
  await remote.close();
} finally {
  await s.close(); await server.close(); rmDirs(extDir, gen);
}

/**
 * The worker's performance entries (marks and measures: knowledge load, thaws, coverage-ready…),
 * on the window's clock: both clocks meet at the first highlight (`hlEpoch`, epoch ms, at window
 * offset `windowMs`).
 */
async function printWorkerEntries(windowMs: number, hlEpoch: number): Promise<void> {
  const w = s.context.serviceWorkers().find((x) => x.url().startsWith(`chrome-extension://${s.extId}/`));
  if (!w) return console.log('  worker: gone');
  const got = (await w.evaluate(`({ origin: performance.timeOrigin, e: performance.getEntries().filter((x) => x.entryType !== 'resource').map((x) => [x.name, x.startTime, x.duration]) })`)) as { origin: number; e: [string, number, number][] };
  const at = (t: number) => windowMs - (hlEpoch - (got.origin + t));
  console.log(`  worker time origin at window ${at(0).toFixed(1)} ms; its entries:`);
  for (const [name, start, dur] of got.e) console.log(`  ${at(start).toFixed(1).padStart(7)}  ${name}${dur ? ` (${dur.toFixed(1)} ms)` : ''}`);
}

/** Self time by function (sampled, BENCH_TRACE_JS=1) of one thread inside the window, top 25. */
function printProfile(ev: TraceEvent[], k: string, from: number, to: number, label: string): void {
  type Node = { id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber?: number } };
  type Ev = TraceEvent & { id?: string };
  // A Profile event names the profiled thread; its chunks come from the sampler thread, same pid and id.
  const profile = (ev as Ev[]).find((e) => e.name === 'Profile' && `${e.pid}:${e.tid}` === k);
  if (!profile) return console.log(`  ${label}: no profile`);
  const nodes = new Map<number, Node>();
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  const parentOf = new Map<number, number>();
  let total = 0;
  let t = (profile.args as { data?: { startTime?: number } }).data?.startTime ?? 0;
  for (const e of ev as Ev[]) {
    if (e.name !== 'ProfileChunk' || e.pid !== profile.pid || e.id !== profile.id) continue;
    const d = (e.args as { data?: { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] } }).data;
    for (const n of d?.cpuProfile?.nodes ?? []) {
      nodes.set(n.id, n);
      if (n.parent !== undefined) parentOf.set(n.id, n.parent);
    }
    const samples = d?.cpuProfile?.samples ?? [], deltas = d?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i] ?? 0;
      if (t < from || t > to) continue;
      const n = nodes.get(samples[i]!);
      if (!n) continue;
      const f = n.callFrame;
      if (f.functionName === '(idle)' || f.functionName === '(root)') continue;
      const key = `${f.functionName || '(anon)'} ${(f.url ?? '').replace(/^.*\//, '')}:${f.lineNumber ?? ''}`;
      const w = Math.max(0, Math.min(deltas[i + 1] ?? 200, 5000)) / 1000;
      self.set(key, (self.get(key) ?? 0) + w);
      total += w;
      const seen = new Set<string>();
      for (let id: number | undefined = n.id; id !== undefined; id = parentOf.get(id)) {
        const f2 = nodes.get(id)?.callFrame;
        if (!f2 || !f2.url) continue;
        const k2 = `${f2.functionName || '(anon)'} ${f2.url.replace(/^.*\//, '')}:${f2.lineNumber ?? ''}`;
        if (seen.has(k2)) continue;
        seen.add(k2);
        incl.set(k2, (incl.get(k2) ?? 0) + w);
      }
    }
  }
  console.log(`  ${label} sampled ${total.toFixed(1)} ms; top self:`);
  for (const [kk, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`     ${v.toFixed(1).padStart(6)}  ${kk}`);
  console.log(`  ${label} inclusive (extension functions):`);
  for (const [kk, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`     ${v.toFixed(1).padStart(6)}  ${kk}`);
}
