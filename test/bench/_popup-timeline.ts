/**
 * Diagnostic (issue #8), not a bench: where a popup open's time goes. One own-seed tab analysed on
 * a warm worker, then N traced opens of popup.html?tabId=N in a popup window (as the popup bench),
 * each printed as a timeline from the popup's navigation start to its entity list in the DOM:
 * every task of the popup's main thread, of the worker and of the article tab's main thread (the
 * page answers the popup's report-id check), the popup's own performance marks, its resource
 * fetches and its paints. Then a split over all traced opens (medians).
 * `E2E_CHROME_DIR=… npx tsx test/bench/_popup-timeline.ts [opens]`; BENCH_TRACE_DUMP=/tmp/x writes
 * each open's raw trace to /tmp/x-<n>.json (resource fetches, IPC, the browser's API dispatch).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyExtension, launch, rmDirs, startServer } from './_browser';
import { analysedSeedTab, openInPopupWindow } from './browser-popup.bench';
import { endTrace, threadSpans, topLevelTasks, type TraceEvent } from './_trace';
import type { CDPSession } from 'playwright-core';

const CATEGORIES = [...(process.env.BENCH_TRACE_JS ? ['disabled-by-default-v8.cpu_profiler'] : []), 'toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink', 'blink.user_timing', 'loading', 'navigation', 'v8', '__metadata'].join(',');
const startTrace = (cdp: CDPSession) => cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReturnAsStream' } as never);

const opens = Number(process.argv[2] ?? 3);
/** `blank`: the bench's reference instead, a blank page of the extension, to its DOMContentLoaded. */
const blank = process.argv[3] === 'blank';
const PAGE = blank ? 'bench-blank.html' : 'popup.html';
const root = process.cwd();
const server = await startServer({ own: path.join(root, 'test/fixtures/pages') });
const extDir = copyExtension(root);
writeFileSync(path.join(extDir, 'bench-blank.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
const s = await launch(extDir, server.proxy, undefined, { debugPort: true });
const NOTABLE = /^(TimerFire|FireAnimationFrame|RunMicrotasks|EvaluateScript|v8\.compile|v8\.compileModule|v8\.evaluateModule|v8\.produceModuleCache|v8\.produceCache|FunctionCall|Layout|UpdateLayoutTree|Paint|ParseHTML|ParseAuthorStyleSheet|v8\.callFunction|MajorGC|MinorGC|EventDispatch|ResourceSendRequest|ResourceReceiveResponse|ResourceFinish|CommitLoad|v8\.run|V8\.ScriptCompiler|CompileCode|CompileScript)$/i;
/** Probe in the popup: the entity list's insertion, stamped into the trace. */
const POPUP_STAMP = `(() => {
  if (location.pathname.endsWith('/bench-blank.html')) {
    const b = (window.__popup = { entities: NaN });
    // Playwright may add this script after a fast page's DOMContentLoaded: then navigation timing says when.
    const done = () => { b.entities = performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd; console.debug('popup:entities'); };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => setTimeout(done), { once: true }); else done();
    return;
  }
  if (!location.pathname.endsWith('/popup.html')) return;
  const b = (window.__popup = { entities: NaN });
  const seen = () => { if (!Number.isFinite(b.entities) && document.querySelector('[data-testid="entities"]')) { b.entities = performance.now(); console.timeStamp('popup:entities'); console.debug('popup:entities'); mo.disconnect(); } };
  const mo = new MutationObserver(seen);
  mo.observe(document, { childList: true, subtree: true });
})();`;
const splits: Record<string, number[]> = {};
let viaConsole = 0;
const add = (k: string, v: number) => (splits[k] ??= []).push(v);
try {
  const tabId = await analysedSeedTab(s, server.url('own', 'own-seed.html'));
  await s.context.addInitScript({ content: POPUP_STAMP });
  const { chromium } = await import('playwright-core');
  const remote = await chromium.connectOverCDP(s.cdpUrl!);
  const tracer = await remote.newBrowserCDPSession();
  const openPopup = async () => {
    const p = await openInPopupWindow(s.context, s.worker, `chrome-extension://${s.extId}/${PAGE}?tabId=${tabId}`);
    // Told by a console message, not by a Playwright wait: that injects Playwright's script into
    // the popup while it loads. (Polled as a fallback if the message came before the listener.)
    await p.waitForEvent('console', { predicate: (m) => m.text() === 'popup:entities', timeout: 3000 }).then(() => { viaConsole++; }, async () => {
      for (let i = 0; i < 50; i++) {
        if (await p.evaluate(() => Number.isFinite((window as unknown as { __popup?: { entities: number } }).__popup?.entities) || performance.getEntriesByName('popup:entities').length > 0)) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`${PAGE}: no entity list in 30 s: ${JSON.stringify(await p.evaluate(() => [location.href, document.readyState, (window as unknown as { __popup?: unknown }).__popup ?? null]))}`);
    });
    return p;
  };
  // Warm the renderer and the code cache, as the bench's first round.
  for (let i = 0; i < 2; i++) await (await openPopup()).close();
  for (let n = 0; n < opens; n++) {
    await startTrace(tracer);
    const p = await openPopup();
    const inPage = await p.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime] as const),
        paints: performance.getEntriesByType('paint').map((m) => [m.name, m.startTime] as const),
        res: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => [r.name.replace(/^.*\//, ''), r.startTime, r.responseEnd] as const),
        nav: { responseEnd: nav.responseEnd, domInteractive: nav.domInteractive, dcl: nav.domContentLoadedEventEnd },
        // The probe's reading, or the popup's own mark where Playwright added the probe too late.
        entities: [(window as unknown as { __popup?: { entities: number } }).__popup?.entities ?? NaN, performance.getEntriesByName('popup:entities')[0]?.startTime ?? NaN].find(Number.isFinite) ?? NaN,
      };
    });
    await new Promise((r) => setTimeout(r, 300));
    const ev = await endTrace(tracer);
    await p.close();
    if (process.env.BENCH_TRACE_DUMP) writeFileSync(`${process.env.BENCH_TRACE_DUMP}-${n}.json`, JSON.stringify(ev));
    const names = new Map<string, string>();
    for (const e of ev) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    const stamp = ev.find((e) => e.name === 'TimeStamp' && (e.args?.data as { message?: string } | undefined)?.message === 'popup:entities');
    const navStart = ev.find((e) => e.name === 'navigationStart' && String((e.args?.data as { documentLoaderURL?: string } | undefined)?.documentLoaderURL ?? '').includes(PAGE));
    if (!navStart) { console.log(`open ${n}: no stamp/navigationStart in the trace`, !!stamp, [...new Set(ev.filter((e) => /navigation/i.test(e.name)).map((e) => e.name))].join(',')); continue; }
    const from = navStart.ts, to = stamp?.ts ?? navStart.ts + inPage.entities * 1000;
    const popupK = `${navStart.pid}:${navStart.tid}`;
    const workerK = [...names].filter(([, v]) => /ServiceWorker/i.test(v)).map(([k]) => k);
    console.log(`open ${n}: navigation start → entity list ${((to - from) / 1000).toFixed(1)} ms (in page ${inPage.entities.toFixed(1)})`);
    console.log(`  nav: responseEnd ${inPage.nav.responseEnd.toFixed(1)} domInteractive ${inPage.nav.domInteractive.toFixed(1)} DCL ${inPage.nav.dcl.toFixed(1)}`);
    console.log(`  marks: ${inPage.marks.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    console.log(`  paints: ${inPage.paints.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
    console.log(`  resources: ${inPage.res.map(([k, a, b]) => `${k} ${a.toFixed(1)}→${b.toFixed(1)}`).join(', ')}`);
    add('responseEnd', inPage.nav.responseEnd);
    for (const [k, v] of inPage.marks) add(k, v);
    const mark = (n: string) => inPage.marks.find(([k]) => k === n)?.[1] ?? NaN;
    const data = [mark('popup:mirror'), mark('popup:no-report')].find((x) => !Number.isNaN(x)) ?? NaN;
    add('early → module start', mark('popup:start') - mark('popup:early'));
    add('early → data in (mirror)', data - mark('popup:early'));
    add('later of both → list', inPage.entities - Math.max(mark('popup:start'), data));
    add('dcl', inPage.nav.dcl);
    add('entities', inPage.entities);
    const tasks: { k: string; e: TraceEvent; inner: string[] }[] = [];
    let popupCpu = 0, workerCpu = 0, pageCpu = 0;
    // Other renderers' main threads (the article tab answers the report-id check) and the browser's.
    const articleK = new Set([...names].filter(([k, v]) => k !== popupK && /^(CrRendererMain|CrBrowserMain)$/.test(v)).map(([k]) => k));
    const threads = [...new Set([popupK, ...workerK, ...articleK])];
    for (const k of threads) {
      const list = threadSpans(ev, k);
      for (const e of topLevelTasks(list)) {
        const end = e.ts + e.dur!;
        if (end < from || e.ts > to) continue;
        if (k !== popupK && !workerK.includes(k) && (e.tdur ?? e.dur!) < 300) continue;
        const cpu = (e.tdur ?? e.dur!) / 1000;
        if (k === popupK) popupCpu += cpu; else if (workerK.includes(k)) workerCpu += cpu; else pageCpu += cpu;
        const inner = list.filter((x) => x !== e && x.ts >= e.ts && x.ts < end && NOTABLE.test(x.name)).map((x) => {
          const d = x.args?.data as { url?: string; functionName?: string; scriptName?: string } | undefined;
          const u = (d?.url ?? d?.scriptName ?? '').replace(/^chrome-extension:\/\/[a-z]+/, 'ext:').replace(/^http:\/\/[^/]+/, '');
          return `${x.name}${d?.functionName ? ':' + d.functionName : ''}${u ? '@' + u.slice(0, 40) : ''}(${(x.dur! / 1000).toFixed(1)})`;
        });
        tasks.push({ k, e, inner: [...new Set(inner)].slice(0, 10) });
      }
    }
    add('popup main-thread CPU', popupCpu);
    add('worker CPU', workerCpu);
    add('other main threads CPU', pageCpu);
    console.log(`  CPU in window: popup ${popupCpu.toFixed(1)} worker ${workerCpu.toFixed(1)} other main threads ${pageCpu.toFixed(1)} ms`);
    tasks.sort((a, b) => a.e.ts - b.e.ts);
    for (const t of tasks) {
      if (t.e.dur! < 300 && !t.inner.length) continue;
      const who = t.k === popupK ? 'POPUP ' : workerK.includes(t.k) ? 'WORKER' : names.get(t.k) === 'CrBrowserMain' ? 'BROWSR' : 'RENDR ';
      console.log(`  ${((t.e.ts - from) / 1000).toFixed(1).padStart(7)}  ${who} ${(t.e.dur! / 1000).toFixed(1)}w/${((t.e.tdur ?? 0) / 1000).toFixed(1)}c  ${t.inner.join(' ')}`);
    }
    if (process.env.BENCH_TRACE_JS) printProfile(ev, popupK, from, to);
  }
  console.log(`told by the console message in ${viaConsole} of ${opens + 2} opens`);
  console.log('medians over the traced opens (ms from the popup\'s navigation start; CPU in the window):');
  for (const [k, xs] of Object.entries(splits)) {
    const sorted = [...xs].filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
    if (!sorted.length) continue;
    console.log(`  ${k.padEnd(24)} ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)}  (${sorted.map((x) => x.toFixed(0)).join(' ')})`);
  }
  await remote.close();
} finally {
  await s.close();
  await server.close();
  rmDirs(extDir);
}

/** Self and inclusive time by function (sampled, BENCH_TRACE_JS=1) of the popup's main thread inside the window. */
function printProfile(ev: TraceEvent[], k: string, from: number, to: number): void {
  type Node = { id: number; parent?: number; callFrame: { functionName: string; url?: string; lineNumber?: number } };
  type Ev = TraceEvent & { id?: string };
  const profile = (ev as Ev[]).find((e) => e.name === 'Profile' && `${e.pid}:${e.tid}` === k);
  if (!profile) return console.log('  no profile');
  const nodes = new Map<number, Node>();
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let t = (profile.args as { data?: { startTime?: number } }).data?.startTime ?? 0;
  const keyOf = (f: Node['callFrame']) => `${f.functionName || '(anon)'} ${(f.url ?? '').replace(/^.*\//, '')}:${f.lineNumber ?? ''}`;
  for (const e of ev as Ev[]) {
    if (e.name !== 'ProfileChunk' || e.pid !== profile.pid || e.id !== profile.id) continue;
    const d = (e.args as { data?: { cpuProfile?: { nodes?: Node[]; samples?: number[] }; timeDeltas?: number[] } }).data;
    for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    const samples = d?.cpuProfile?.samples ?? [], deltas = d?.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      t += deltas[i] ?? 0;
      if (t < from || t > to) continue;
      const n = nodes.get(samples[i]!);
      if (!n || n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(root)') continue;
      const w = Math.max(0, Math.min(deltas[i + 1] ?? 200, 5000)) / 1000;
      self.set(keyOf(n.callFrame), (self.get(keyOf(n.callFrame)) ?? 0) + w);
      const seen = new Set<string>();
      for (let id: number | undefined = n.id; id !== undefined; id = nodes.get(id)?.parent) {
        const f = nodes.get(id)?.callFrame;
        if (!f || !f.url) continue;
        const kk = keyOf(f);
        if (seen.has(kk)) continue;
        seen.add(kk);
        incl.set(kk, (incl.get(kk) ?? 0) + w);
      }
    }
  }
  console.log('  top self:');
  for (const [kk, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`     ${v.toFixed(1).padStart(6)}  ${kk}`);
  console.log('  inclusive (extension functions):');
  for (const [kk, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`     ${v.toFixed(1).padStart(6)}  ${kk}`);
}
