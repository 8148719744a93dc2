/**
 * Diagnostic (issue #8), not a bench: two builds' popups compared in ONE browser, opens
 * interleaved (A, B, A, B…), so both see the same machine load minute by minute — on a shared
 * 2-core machine separate bench runs of each build differ more by the hour's load than by the
 * code. Both builds are loaded side by side (two extension ids); the own seed page, analysed by
 * both, is the front tab; each popup.html?tabId=N opens in a popup window as the popup bench does
 * (test/bench/browser-popup.bench.ts, its probe). Prints, per build, the medians of navigation
 * start → entity list, its DOMContentLoaded and the popup's own marks, and the median of the
 * per-pair differences (B − A) with how many pairs B was faster. An A/A run (one build twice, load
 * ~12) put the second-loaded build 2–7 ms behind on medians (+0.4 and +3.2 ms per pair): run both
 * orders and read the two together.
 * `npx tsx test/bench/_popup-ab.ts <buildA/chrome-mv3> <buildB/chrome-mv3> [pairs]`; AB_OUT=file.json
 * writes every open's readings (to pool several runs).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, rmDirs, startServer } from './_browser';
import { POPUP_PROBE, analysedSeedTab, openInPopupWindow } from './browser-popup.bench';

const [dirA, dirB] = [process.argv[2], process.argv[3]];
if (!dirA || !dirB) throw new Error('usage: _popup-ab.ts <buildA> <buildB> [pairs]');
const pairs = Number(process.argv[4] ?? 20);
const root = process.cwd();
const copies = [dirA, dirB].map((d) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-ab-ext-'));
  cpSync(d, dir, { recursive: true });
  return dir;
});
const server = await startServer({ own: path.join(root, 'test/fixtures/pages') });
// launch() puts its one directory into --load-extension, which takes a comma-separated list.
const s = await launch(copies.join(','), server.proxy);
const context = s.context;
type Row = { entities: number; dcl: number; early: number; start: number; status: number };
const rows: Row[][] = [[], []];
try {
  // One worker per build (two extension ids); which is which is told below by their popup.html.
  for (let i = 0; i < 100 && context.serviceWorkers().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
  const workers = context.serviceWorkers();
  if (workers.length < 2) throw new Error(`${workers.length} service workers, wanted 2`);
  // Waits for build `s.worker`'s highlights; the other build analyses the same page alongside.
  const tabId = await analysedSeedTab(s, server.url('own', 'own-seed.html'));
  // Each build's mirror must be written before its popups open.
  await new Promise((r) => setTimeout(r, 1500));
  await context.addInitScript({ content: POPUP_PROBE });
  const openOnce = async (w: (typeof workers)[number]): Promise<Row> => {
    const id = new URL(w.url()).host;
    const p = await openInPopupWindow(context, w, `chrome-extension://${id}/popup.html?tabId=${tabId}`);
    await p.waitForSelector('[data-testid="entities"]', { timeout: 30_000, state: 'attached' });
    // No named inner functions: tsx would wrap them in a __name() helper the page lacks.
    const got = await p.evaluate((names) => {
      const probe = (window as unknown as { __popup?: { dcl: number; entities: number; late: boolean } }).__popup ?? { dcl: NaN, entities: NaN, late: true };
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const [entities, early, start, status] = names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN);
      return { entities: probe.late ? entities! : probe.entities, dcl: nav?.domContentLoadedEventEnd ?? NaN, early: Number.isFinite(early) ? early! : start!, start: start!, status: status! };
    }, ['popup:entities', 'popup:early', 'popup:start', 'popup:status']);
    await p.close();
    return got;
  };
  // Which worker is build A: the one whose extension serves build A's popup.html.
  const htmlOf = (dir: string) => readFileSync(path.join(dir, 'popup.html'), 'utf8');
  const order = await Promise.all(workers.slice(0, 2).map(async (w) => {
    const id = new URL(w.url()).host;
    const html = await w.evaluate(async (u) => (await fetch(u)).text(), `chrome-extension://${id}/popup.html`);
    return copies.findIndex((dir) => html === htmlOf(dir));
  }));
  if (order[0] === order[1] || order.includes(-1)) throw new Error('the two builds have the same popup.html: nothing to compare');
  const byBuild = [workers[order.indexOf(0)]!, workers[order.indexOf(1)]!];
  for (let i = 0; i < 2; i++) { await openOnce(byBuild[0]!); await openOnce(byBuild[1]!); } // warm both
  for (let i = 0; i < pairs; i++) {
    const first = i % 2; // alternate which build opens first in a pair
    const a = await openOnce(byBuild[first]!);
    const b = await openOnce(byBuild[1 - first]!);
    rows[first]!.push(a);
    rows[1 - first]!.push(b);
  }
} finally {
  await s.close();
  await server.close();
  rmDirs(...copies);
}
if (process.env.AB_OUT) writeFileSync(process.env.AB_OUT, JSON.stringify({ a: rows[0], b: rows[1] }));
const med = (xs: number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)]! : NaN;
};
for (const [k, label] of [[0, 'A'], [1, 'B']] as const) {
  const r = rows[k]!;
  console.log(`${label}: list ${med(r.map((x) => x.entities)).toFixed(1)}  dcl ${med(r.map((x) => x.dcl)).toFixed(1)}  requests sent ${med(r.map((x) => x.early)).toFixed(1)}  module start ${med(r.map((x) => x.start)).toFixed(1)}  status ${med(r.map((x) => x.status)).toFixed(1)}  (n ${r.length})`);
}
const diffs = rows[0]!.map((a, i) => rows[1]![i]!.entities - a.entities).filter(Number.isFinite);
console.log(`B − A, entity list, per pair: median ${med(diffs).toFixed(1)} ms; B faster in ${diffs.filter((d) => d < 0).length} of ${diffs.length}`);
const sd = rows[0]!.map((a, i) => (rows[1]![i]!.status - rows[1]![i]!.early) - (a.status - a.early)).filter(Number.isFinite);
console.log(`B − A, requests sent → status in, per pair: median ${med(sd).toFixed(1)} ms`);
