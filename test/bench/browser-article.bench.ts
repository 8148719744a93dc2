/**
 * Issue #8, article analysis end to end in real Chromium (built extension, warm worker): from
 * document idle (max of DOMContentLoaded and window load — when Chromium starts document_idle
 * scripts; DCL → highlights is in the note) to the `backstory-entity` highlight being registered — the content
 * script's document_idle start, gate, extraction, the round trip to the background (linking,
 * coverage, opinion) and drawing. The page polls `CSS.highlights` from the main world with a
 * setTimeout(0) loop (resolution ≈ 1–4 ms). Reference in the same page load: Readability.parse
 * (@mozilla/readability) on a clone of the same document.
 */
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { articleHtml } from './_article-gen';
import { browserSkip, copyExtension, launch, rmDirs, skipRow, startServer, type Session } from './_browser';
import { summarize, type BenchRow } from './measure';
import { endTrace, splitLoad, startTrace, type LoadSplit } from './_trace';

const REPEATS = Number(process.env.BENCH_BROWSER_REPEATS ?? 9);
/** Traced loads per page for the time split (tracing slows the page; the split is read as shares). */
const TRACED = Number(process.env.BENCH_TRACED_LOADS ?? 5);

/** Main-world probe, installed before any page script: DCL time and first entity-highlight time. */
export const PROBE = `(() => {
  let found;
  const b = (window.__bench = { dcl: NaN, load: NaN, hl: NaN, size: 0, found: new Promise((r) => { found = r; }) });
  // console.timeStamp: the same moments in a trace (test/bench/_trace.ts), at no cost untraced.
  const stamp = (n) => console.timeStamp && console.timeStamp('bench:' + n);
  document.addEventListener('DOMContentLoaded', () => { b.dcl = performance.now(); stamp('dcl'); }, { once: true });
  addEventListener('load', () => { b.load = performance.now(); stamp('load'); }, { once: true });
  const poll = () => {
    const h = globalThis.CSS && CSS.highlights && CSS.highlights.get('backstory-entity');
    if (h && h.size > 0) { b.hl = performance.now(); b.size = h.size; stamp('hl'); found(); return; }
    if (performance.now() < 120000) setTimeout(poll, 0);
  };
  poll();
})();`;

/**
 * Waits for the probe's first highlight through one CDP Runtime.evaluate (awaiting the probe's
 * promise): Playwright's waitForFunction would inject its utility script and poll the page's main
 * thread during the very window measured.
 */
export async function waitForHighlight(page: Page, timeoutMs: number): Promise<{ dcl: number; load: number; hl: number; size: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const expression = `Promise.race([window.__bench.found, new Promise((r) => setTimeout(r, ${timeoutMs}))]).then(() => { const b = window.__bench; return { dcl: b.dcl, load: b.load, hl: b.hl, size: b.size }; })`;
    const { result } = (await cdp.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })) as { result: { value: { dcl: number; load: number; hl: number; size: number } } };
    const got = result.value;
    if (!Number.isFinite(got.hl)) throw new Error(`no entity highlight within ${timeoutMs} ms`);
    return got;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

export async function run(ctx: { root: string; shared: string | null }): Promise<BenchRow[]> {
  const why = browserSkip(ctx.root);
  if (why) return [skipRow('article end to end', why)];
  const readability = readFileSync(createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js'), 'utf8');
  const gen = mkdtempSync(path.join(os.tmpdir(), 'backstory-bench-gen-'));
  writeFileSync(path.join(gen, 'article-2k.html'), articleHtml(2000));
  writeFileSync(path.join(gen, 'article-20k.html'), articleHtml(20000));
  const mounts: Record<string, string> = { own: path.join(ctx.root, 'test/fixtures/pages'), gen };
  const pages: [string, string, string][] = [['own-seed', 'own', 'own-seed.html']];
  const notes: string[] = [];
  const sharedSeed = ctx.shared && path.join(ctx.shared, 'fixtures/seed-article.html');
  if (sharedSeed && existsSync(sharedSeed)) {
    mounts.shared = path.join(ctx.shared!, 'fixtures');
    pages.push(['shared seed', 'shared', 'seed-article.html']);
  } else notes.push('../shared/fixtures/seed-article.html absent: shared seed row skipped');
  pages.push(['generated 2,000 words', 'gen', 'article-2k.html'], ['generated 20,000 words', 'gen', 'article-20k.html']);

  const server = await startServer(mounts);
  const extDir = copyExtension(ctx.root);
  let s: Session | null = null;
  let closeRemote = async (): Promise<void> => {};
  const rows: BenchRow[] = [];
  try {
    s = await launch(extDir, server.proxy, undefined, { debugPort: TRACED > 0 });
    await s.context.addInitScript({ content: PROBE });
    // A browser-level CDP client: only it traces the extension's service worker too.
    const { chromium } = await import('playwright-core');
    const remote = TRACED > 0 && s.cdpUrl ? await chromium.connectOverCDP(s.cdpUrl) : null;
    const tracer = remote ? await remote.newBrowserCDPSession() : null;
    closeRemote = async () => { await remote?.close().catch(() => {}); };
    let split: LoadSplit | null = null;
    const once = async (url: string, timeoutMs: number, traced = false) => {
      const page = await s!.context.newPage();
      if (traced && tracer) await startTrace(tracer);
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const got = await waitForHighlight(page, timeoutMs);
      if (traced && tracer) split = splitLoad(await endTrace(tracer), `chrome-extension://${s!.extId}/`);
      await page.addScriptTag({ content: readability });
      const readMs = await page.evaluate(() => {
        const clone = document.cloneNode(true) as Document;
        const R = (window as unknown as { Readability: new (d: Document) => { parse(): unknown } }).Readability;
        const t0 = performance.now();
        new R(clone).parse();
        return performance.now() - t0;
      });
      await page.close();
      // Chromium runs document_idle scripts once the page has loaded (window load, observed): the
      // content script's clock starts at max(DCL, load); DCL → highlights is kept in the note.
      const idle = Number.isFinite(got.load) && got.load < got.hl ? Math.max(got.dcl, got.load) : got.dcl;
      return { e2e: got.hl - idle, fromDcl: got.hl - got.dcl, readMs, size: got.size };
    };
    // Warm the worker (first analysis builds the knowledge) and each page's caches.
    await once(server.url('own', 'own-seed.html'), 120_000);
    for (const [label, mount, file] of pages) {
      const url = server.url(mount, file);
      await once(url, 60_000);
      const e2e: number[] = [], ref: number[] = [], fromDcl: number[] = [];
      let size = 0;
      for (let i = 0; i < REPEATS; i++) {
        const r = await once(url, 60_000);
        e2e.push(r.e2e); ref.push(r.readMs); fromDcl.push(r.fromDcl); size = r.size;
      }
      const splits: LoadSplit[] = [];
      for (let i = 0; i < TRACED; i++) {
        split = null;
        await once(url, 60_000, true);
        if (split) splits.push(split);
      }
      const a = summarize(e2e), b = summarize(ref);
      const ratio = a.median / b.median;
      rows.push({
        name: `article ${label}: document idle → highlights (warm worker)`, ...a, unit: 'ms',
        reference: { name: 'Readability.parse', median: b.median, ratio },
        target: '≤ 25 ms and ≤ 0.25×', met: a.median <= 25 && ratio <= 0.25,
        note: `${size} highlight ranges; DOMContentLoaded → highlights ${summarize(fromDcl).median.toFixed(0)} ms; Readability p10–p90 ${b.spread[0].toFixed(1)}–${b.spread[1].toFixed(1)} ms; ${REPEATS} loads`,
      });
      if (splits.length) rows.push(splitRow(label, splits));
    }
  } finally {
    await closeRemote();
    await s?.close(); await server.close();
    rmDirs(extDir, gen);
  }
  if (notes.length && rows[0]) rows[0].note = `${rows[0].note}; ${notes.join('; ')}`;
  return rows;
}

/**
 * The traced loads of one page, split (test/bench/_trace.ts): the row is the content script's own
 * main-thread CPU from document idle to the first highlight; the note gives every part's median.
 */
function splitRow(label: string, splits: LoadSplit[]): BenchRow {
  const med = (f: (x: LoadSplit) => number): number => summarize(splits.map(f)).median;
  const cs = summarize(splits.map((x) => x.contentScript));
  const window = med((x) => x.window);
  const part = (name: string, f: (x: LoadSplit) => number): string => `${name} ${med(f).toFixed(1)}`;
  return {
    name: `article ${label}: content script main-thread CPU, idle → highlights (traced)`, ...cs, unit: 'ms',
    reference: { name: 'traced window', median: window, ratio: cs.median / window },
    note: `medians of ${splits.length} traced loads (tracing slows every thread; read as shares), ms: window ${window.toFixed(1)} = ` +
      [part('content script CPU', (x) => x.contentScript), part('background worker CPU', (x) => x.background), part('page rendering CPU', (x) => x.rendering),
        part('bench probe', (x) => x.probe), part('other main-thread', (x) => x.other), part('neither thread busy (waiting)', (x) => x.waiting)].join(', ') +
      ` (+ thread time lost to other processes); content-script tasks ${med((x) => x.tasks).toFixed(0)}, longest ${med((x) => x.longestTask).toFixed(1)} ms wall (${med((x) => x.longestTaskCpu).toFixed(1)} ms CPU)`,
  };
}
