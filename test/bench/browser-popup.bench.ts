/**
 * Issue #8 / #9, popup first render with data, in real Chromium (skipped without build/browser).
 * One analysed own-seed tab on a warm worker; then, interleaved, N times each:
 *  - popup.html?tabId=N: navigation start → entity list in the DOM (the popup's "first render
 *    with data"), with its DOMContentLoaded, when its script started, and when the tab's status
 *    arrived (performance marks the popup sets: popup:start, popup:status);
 *  - the reference: a blank HTML page of the same extension (added to the temp copy), navigation
 *    start → DOMContentLoaded — what any extension page costs before its own script does anything.
 * Also reports the bytes the popup loads (its HTML's scripts and styles, raw and gzip).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { browserSkip, copyExtension, launch, rmDirs, skipRow, startServer, type Session } from './_browser';
import { PROBE, waitForHighlight } from './browser-article.bench';
import { summarize, type BenchRow } from './measure';

const REPEATS = Number(process.env.BENCH_BROWSER_REPEATS ?? 9);

/** Marks the popup's DOMContentLoaded and the moment its entity list appears (window.__popup). */
export const POPUP_PROBE = `(() => {
  const b = (window.__popup = { dcl: NaN, entities: NaN });
  document.addEventListener('DOMContentLoaded', () => { b.dcl = performance.now(); }, { once: true });
  const seen = () => { if (!Number.isFinite(b.entities) && document.querySelector('[data-testid="entities"]')) { b.entities = performance.now(); mo.disconnect(); } };
  const mo = new MutationObserver(seen);
  mo.observe(document, { childList: true, subtree: true });
})();`;

/** Scripts and styles popup.html pulls in (module script, preloads, stylesheets). */
function popupBytes(extDir: string): { raw: number; gzip: number; files: string[] } {
  const html = readFileSync(path.join(extDir, 'popup.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  let raw = 0, gzip = 0;
  for (const f of files) {
    const buf = readFileSync(path.join(extDir, f));
    raw += buf.length;
    gzip += gzipSync(buf, { level: 9 }).length;
  }
  return { raw, gzip, files };
}

export async function run(ctx: { root: string }): Promise<BenchRow[]> {
  const why = browserSkip(ctx.root);
  if (why) return [skipRow('popup (browser)', why)];
  const server = await startServer({ own: path.join(ctx.root, 'test/fixtures/pages') });
  const extDir = copyExtension(ctx.root);
  writeFileSync(path.join(extDir, 'bench-blank.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>blank</title></head><body></body></html>');
  const bytes = popupBytes(extDir);
  let s: Session | null = null;
  try {
    s = await launch(extDir, server.proxy);
    await s.context.addInitScript({ content: PROBE });
    const page = await s.context.newPage();
    await page.goto(server.url('own', 'own-seed.html'), { waitUntil: 'domcontentloaded' });
    await waitForHighlight(page, 120_000);
    await page.bringToFront();
    const tabId = await s.worker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
      const tabs = await api.tabs.query({ active: true, lastFocusedWindow: true });
      return tabs[0]?.id ?? -1;
    });
    const sess = s;
    await sess.context.addInitScript({ content: POPUP_PROBE });
    /**
     * The popup page in a popup window of its own, opened by the extension (chrome.windows.create,
     * no permission needed): the article tab stays the visible tab of its window, as under the
     * real toolbar popup. (A new tab would hide the article, and a hidden tab's content script
     * answers the background's report-id check more slowly.)
     */
    const openPopupPage = async (url: string) => {
      const next = sess.context.waitForEvent('page');
      await sess.worker.evaluate(async (u) => {
        const api = (globalThis as unknown as { chrome: { windows: { create(o: object): Promise<unknown> } } }).chrome;
        await api.windows.create({ url: u, type: 'popup', width: 400, height: 600 });
      }, url);
      const p = await next;
      await p.waitForLoadState('domcontentloaded');
      return p;
    };
    const toList: number[] = [], dcl: number[] = [], start: number[] = [], status: number[] = [], early: number[] = [], blank: number[] = [];
    let missed = 0;
    for (let i = 0; i < REPEATS + 1; i++) {
      const popup = await openPopupPage(`chrome-extension://${s.extId}/popup.html?tabId=${tabId}`);
      await popup.waitForSelector('[data-testid="entities"]', { timeout: 30_000, state: 'attached' });
      const got = await popup.evaluate(() => {
        // No named inner functions: tsx would wrap them in a __name() helper the page lacks.
        const p = (window as unknown as { __popup: { dcl: number; entities: number } }).__popup;
        const start = performance.getEntriesByName('popup:start')[0]?.startTime ?? NaN;
        const status = performance.getEntriesByName('popup:status')[0]?.startTime ?? NaN;
        const early = performance.getEntriesByName('popup:early')[0]?.startTime ?? NaN;
        return { ...p, start, status, early };
      });
      await popup.close();
      const ref = await openPopupPage(`chrome-extension://${s.extId}/bench-blank.html`);
      const refDcl = await ref.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventEnd);
      await ref.close();
      if (i === 0) continue; // first round warms the renderer and the extension's code cache
      if (!Number.isFinite(got.entities)) { missed++; continue; } // the probe missed the list (rare race)
      toList.push(got.entities); dcl.push(got.dcl); start.push(got.start); status.push(got.status); early.push(got.early); blank.push(refDcl);
    }
    const pl = summarize(toList), pd = summarize(dcl), pb = summarize(blank);
    const fmt = (xs: number[]) => (xs.every(Number.isFinite) ? `${summarize(xs).median.toFixed(0)} ms` : 'n/a (build without marks)');
    return [
      {
        name: 'popup only: navigation start → entity list rendered', ...pl, unit: 'ms',
        reference: { name: 'blank extension page DOMContentLoaded', median: pb.median, ratio: pl.median / pb.median },
        target: '≤ 100 ms', met: pl.median <= 100,
        note: `popup and blank page each in a popup window (chrome.windows.create; the article tab stays visible); popup DOMContentLoaded ${pd.median.toFixed(0)} ms, head script's requests sent ${fmt(early)}, module script start ${fmt(start)}, tab status in ${fmt(status)}; ${missed ? `${missed} runs without a probe reading dropped; ` : ''}popup loads ${bytes.files.length} files, ${(bytes.raw / 1024).toFixed(1)} KB raw / ${(bytes.gzip / 1024).toFixed(1)} KB gzip`,
      },
      {
        name: 'popup only: scripts + styles loaded', median: bytes.gzip / 1024, spread: [bytes.gzip / 1024, bytes.gzip / 1024], unit: 'KB gzip',
        note: `${bytes.files.join(', ')} (${(bytes.raw / 1024).toFixed(1)} KB raw)`,
      },
    ];
  } finally {
    await s?.close();
    await server.close();
    rmDirs(extDir);
  }
}
