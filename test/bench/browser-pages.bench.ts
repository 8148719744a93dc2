/**
 * Issue #8, non-article pages in real Chromium: what the content script costs a page that is not
 * an article (home, search, login, forum, about fixtures). Four browsers run side by side — the built
 * extension; one whose content script is empty; one whose content script only registers a
 * runtime.onMessage listener (what the eager script did until session 11: the first touch of
 * `chrome.runtime` costs a page ~1.3 ms); one whose content script only reads
 * `document.documentElement` (the least any script that reads the page can cost: a fresh isolated
 * world sets up the Document and Element bindings on first touch) — and load the same page in turn.
 * The row is the paired difference to the empty script of the thread CPU of the page's main-thread
 * tasks that ran script (scriptTaskCpuMs, from a light trace of each load, read after load + a
 * settle pause): the entry into the isolated world with everything it ran, microtasks included.
 * Until session 14 the row was CDP Performance.getMetrics ScriptDuration (thread ticks), which
 * leaves out the microtasks run after a script's own evaluation — where the eager gate runs, after
 * an `await` — so it read ~0.8 ms for what costs ~2.5–3 ms; it stays in the note for comparison.
 * The listener-only script is the in-run reference (the ratio); the DOM-only script's figure is in the note.
 * Also: the gzip size of what the manifest injects eagerly, and the cheap gate's own time on the
 * fixtures and on the non-readerable real pages of ../shared/data/readability-pages (when present).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { browserSkip, builtExtension, copyExtension, emptyExtension, launch, mainThreadMs, rmDirs, skipRow, startServer } from './_browser';
import { endTrace, threadSpans, topLevelTasks, type TraceEvent } from './_trace';
import { summarize, type BenchRow } from './measure';

/**
 * home, search, login, forum: the first look (lib/page/first-look.ts) settles each with its pre-gate.
 * about: a short page that is no article, which the pre-gate cannot settle — it imports the rest of
 * the content script (full gate and reader) and runs the full gate. BENCH_PAGES=a.html,b.html picks.
 */
const PAGES = process.env.BENCH_PAGES?.split(',') ?? ['home.html', 'search.html', 'login.html', 'forum.html', 'about.html'];
const REPEATS = Number(process.env.BENCH_BROWSER_REPEATS ?? 9);
/** After `load`: document_idle has passed and the gate has answered (the late-content watch stays cheap). */
const SETTLE_MS = 700;

export async function run(ctx: { root: string; shared?: string | null }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [bundleRow(ctx.root)];
  const why = browserSkip(ctx.root);
  if (why) return [...rows, skipRow('non-article pages', why)];

  const readability = ctx.shared ? path.join(ctx.shared, 'data/readability-pages') : null;
  const server = await startServer({ own: path.join(ctx.root, 'test/fixtures/pages'), ...(readability && existsSync(readability) ? { rd: readability } : {}) });
  const realDir = copyExtension(ctx.root);
  const emptyDir = emptyExtension(ctx.root);
  const floorDir = emptyExtension(ctx.root);
  writeFileSync(path.join(floorDir, 'content-scripts/content.js'), LISTENER_ONLY);
  const domDir = emptyExtension(ctx.root);
  writeFileSync(path.join(domDir, 'content-scripts/content.js'), DOM_ONLY);
  const real = await launch(realDir, server.proxy);
  const empty = await launch(emptyDir, server.proxy);
  const floor = await launch(floorDir, server.proxy);
  const dom = await launch(domDir, server.proxy);
  try {
    /** One load: the traced CPU of the tasks that ran script, and CDP's ScriptDuration (the old row, which misses microtasks). */
    const sample = async (s: typeof real, url: string) => {
      const page = await s.context.newPage();
      const cdp = await s.context.newCDPSession(page);
      await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
      await cdp.send('Tracing.start', { categories: SCRIPT_TASK_CATEGORIES, transferMode: 'ReturnAsStream' } as never);
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(SETTLE_MS);
      const m = await mainThreadMs(page, cdp);
      const cpu = scriptTaskCpuMs(await endTrace(cdp));
      await page.close();
      return { ...m, cpu };
    };
    for (const file of PAGES) {
      const url = server.url('own', file);
      await sample(real, url); await sample(empty, url); await sample(floor, url); await sample(dom, url); // warm caches in all
      const deltas: number[] = [], floorDeltas: number[] = [], domDeltas: number[] = [], scriptDeltas: number[] = [], taskDeltas: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        const a = await sample(real, url);
        const b = await sample(empty, url);
        const c = await sample(floor, url);
        const e = await sample(dom, url);
        deltas.push(a.cpu - b.cpu); floorDeltas.push(c.cpu - b.cpu); domDeltas.push(e.cpu - b.cpu);
        scriptDeltas.push(a.script - b.script); taskDeltas.push(a.task - b.task);
      }
      const d = summarize(deltas), f = summarize(floorDeltas), m = summarize(domDeltas), sd = summarize(scriptDeltas), t = summarize(taskDeltas);
      rows.push({
        name: `non-article ${file.replace('.html', '')}: main-thread CPU added by content script`,
        ...d, unit: 'ms',
        reference: { name: 'listener-only content script', median: f.median, ratio: d.median / f.median },
        target: '≤ 1 ms', met: d.median <= 1,
        note: `thread CPU of the main-thread tasks that ran script, traced, paired with the empty script (${REPEATS} loads each); a script that only registers runtime.onMessage adds ${f.median.toFixed(2)} ms (p10–p90 ${f.spread[0].toFixed(2)}–${f.spread[1].toFixed(2)}); one that only reads document.documentElement ${m.median.toFixed(2)} ms (p10–p90 ${m.spread[0].toFixed(2)}–${m.spread[1].toFixed(2)}); CDP ScriptDuration added (the row until session 14, no microtasks) ${sd.median.toFixed(2)} ms; all main-thread tasks added ${t.median.toFixed(2)} ms`,
      });
    }
    rows.push(...(await gateRows(empty, server, readability)));
  } finally {
    await real.close(); await empty.close(); await floor.close(); await dom.close(); await server.close();
    rmDirs(realDir, emptyDir, floorDir, domDir);
  }
  return rows;
}

/**
 * Events that mean a task ran script. The fixtures run no script of their own (their only <script>
 * elements are JSON-LD), so on them every such task is a content script's.
 */
const RAN_SCRIPT = new Set(['EvaluateScript', 'FunctionCall', 'TimerFire', 'FireIdleCallback', 'RunMicrotasks', 'v8.callFunction']);
/** Light categories: top-level tasks, script entry points and microtask runs; no V8 internals (they stretch every call). */
export const SCRIPT_TASK_CATEGORIES = 'toplevel,devtools.timeline,v8.execute,__metadata';

/**
 * Thread CPU (ms) of the page renderer's main-thread tasks that ran script, from a trace of the
 * load. Why not CDP's ScriptDuration alone: it leaves out microtasks that run after the script's
 * own evaluation (the eager gate runs after an `await`), measured in session 14: the same gate
 * called synchronously read 2.5 ms, called from a promise callback 0.4 ms. The task's CPU counts
 * everything the entry into the isolated world cost, microtasks, bindings and style included.
 */
export function scriptTaskCpuMs(events: TraceEvent[]): number {
  const main = new Set<string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') main.add(`${e.pid}:${e.tid}`);
  let ms = 0;
  for (const thread of main) {
    const spans = threadSpans(events, thread);
    let j = 0;
    for (const task of topLevelTasks(spans)) {
      const end = task.ts + task.dur!;
      while (j < spans.length && spans[j]!.ts < task.ts) j++;
      let ran = false;
      for (let i = j; i < spans.length && spans[i]!.ts < end && !ran; i++) ran = spans[i] !== task && RAN_SCRIPT.has(spans[i]!.name);
      if (ran) ms += (task.tdur ?? task.dur!) / 1000;
    }
  }
  return ms;
}

/** The reference for "the least a content script that answers the popup by message can cost". */
const LISTENER_ONLY = 'chrome.runtime.onMessage.addListener(function () {});';
/** The reference for "the least a content script that reads the page can cost". */
const DOM_ONLY = 'document.documentElement;';

/**
 * The cheap gate (lib/article/gate.ts) alone, in the page: its first call (cold: compiling it, first
 * touch of the DOM) and the median of warm calls, on each non-article page — the fixtures and the
 * real pages Readability's suite marks not readerable.
 */
async function gateRows(s: Awaited<ReturnType<typeof launch>>, server: Awaited<ReturnType<typeof startServer>>, readability: string | null): Promise<BenchRow[]> {
  const { build } = await import('vite');
  const out = (await build({
    configFile: false, logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry: path.resolve(import.meta.dirname, '../../lib/article/gate.ts'), formats: ['iife'], name: '__benchGate' } },
  })) as { output: { code?: string }[] }[] | { output: { code?: string }[] };
  const code = (Array.isArray(out) ? out[0]! : out).output[0]!.code!;
  const pages = PAGES.map((f) => ({ name: f.replace('.html', ''), url: server.url('own', f) }));
  if (readability && existsSync(readability)) {
    for (const dir of readdirSync(readability).sort()) {
      const meta = path.join(readability, dir, 'expected-metadata.json');
      if (!existsSync(meta) || (JSON.parse(readFileSync(meta, 'utf8')) as { readerable?: boolean }).readerable !== false) continue;
      pages.push({ name: `readability ${dir}`, url: server.url('rd', `${dir}/source.html`) });
    }
  }
  const rows: BenchRow[] = [];
  const cold: number[] = [], warm: number[] = [];
  const perPage: string[] = [];
  for (const p of pages) {
    const pageCold: number[] = [], pageWarm: number[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await s.context.newPage();
      await page.goto(p.url, { waitUntil: 'load' });
      await page.addScriptTag({ content: code });
      const r = await page.evaluate(() => {
        const gate = (globalThis as unknown as { __benchGate: { articleGate(d: Document, u: string): { likely: boolean } } }).__benchGate.articleGate;
        let t0 = performance.now();
        const first = gate(document, location.href);
        const coldMs = performance.now() - t0;
        const times: number[] = [];
        for (let k = 0; k < 15; k++) {
          t0 = performance.now();
          gate(document, location.href);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        return { coldMs, warmMs: times[7]!, likely: first.likely };
      });
      await page.close();
      pageCold.push(r.coldMs); pageWarm.push(r.warmMs);
      if (i === 0 && r.likely) perPage.push(`${p.name} says likely!`);
    }
    const c = summarize(pageCold).median, w = summarize(pageWarm).median;
    cold.push(c); warm.push(w);
    perPage.push(`${p.name} ${c.toFixed(2)}/${w.toFixed(3)}`);
  }
  const c = summarize(cold), w = summarize(warm);
  rows.push({
    name: `cheap gate alone on ${pages.length} non-article pages (warm call, per page)`, ...w, unit: 'ms',
    reference: { name: 'first call', median: c.median, ratio: w.median / c.median },
    note: `per page, first call / warm median in ms, main world, wall clock (3 loads each; the first call includes compiling the gate and is stretched by a loaded machine; performance.now is coarse): ${perPage.join('; ')}`,
  });
  return rows;
}

/** Gzip bytes of every file the manifest injects into every http(s) page. */
function bundleRow(root: string): BenchRow {
  const dir = builtExtension(root);
  let manifest: { content_scripts?: { js?: string[]; css?: string[] }[] };
  try {
    manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  } catch {
    return skipRow('content script gzip bytes', 'no build at .output/chrome-mv3 (run `npm run build`)');
  }
  const files = (manifest.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]);
  let raw = 0, gz = 0;
  for (const f of files) {
    const bytes = readFileSync(path.join(dir, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  const kb = gz / 1024;
  const emptyKb = gzipSync(Buffer.alloc(0), { level: 9 }).length / 1024;
  return {
    name: 'content script: eagerly injected, gzip', median: kb, spread: [kb, kb], unit: 'KB',
    reference: { name: 'empty script', median: emptyKb, ratio: kb / emptyKb },
    target: '≤ 15 KB', met: kb <= 15,
    note: `${files.join(', ')}: ${(raw / 1024).toFixed(1)} KB raw, ${kb.toFixed(1)} KB gzip -9`,
  };
}
