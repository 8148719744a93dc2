/**
 * Issue #8, non-article pages in real Chromium: what the content script costs a page that is not
 * an article (home, search, login, forum fixtures). Two browsers run side by side — one with the
 * built extension, one with an extension whose content script is empty — and load the same page
 * alternately; the row is the paired difference of the page's main-thread script time (CDP
 * Performance.getMetrics ScriptDuration, which includes the content script's isolated world),
 * read after load + a settle pause. Plus the gzip size of what the manifest injects eagerly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { browserSkip, builtExtension, copyExtension, emptyExtension, launch, mainThreadMs, rmDirs, skipRow, startServer } from './_browser';
import { summarize, type BenchRow } from './measure';

const PAGES = ['home.html', 'search.html', 'login.html', 'forum.html'];
const REPEATS = Number(process.env.BENCH_BROWSER_REPEATS ?? 9);
/** After `load`: document_idle has passed and the gate has answered (the late-content watch stays cheap). */
const SETTLE_MS = 700;

export async function run(ctx: { root: string }): Promise<BenchRow[]> {
  const rows: BenchRow[] = [bundleRow(ctx.root)];
  const why = browserSkip(ctx.root);
  if (why) return [...rows, skipRow('non-article pages', why)];

  const server = await startServer({ own: path.join(ctx.root, 'test/fixtures/pages') });
  const realDir = copyExtension(ctx.root);
  const emptyDir = emptyExtension(ctx.root);
  const real = await launch(realDir, server.proxy);
  const empty = await launch(emptyDir, server.proxy);
  try {
    const sample = async (s: typeof real, url: string) => {
      const page = await s.context.newPage();
      const cdp = await s.context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(SETTLE_MS);
      const m = await mainThreadMs(page, cdp);
      await page.close();
      return m;
    };
    for (const file of PAGES) {
      const url = server.url('own', file);
      await sample(real, url); await sample(empty, url); // warm caches in both
      const deltas: number[] = [], withExt: number[] = [], without: number[] = [], taskDeltas: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        const a = await sample(real, url);
        const b = await sample(empty, url);
        withExt.push(a.script); without.push(b.script);
        deltas.push(a.script - b.script); taskDeltas.push(a.task - b.task);
      }
      const d = summarize(deltas), w = summarize(withExt), o = summarize(without), t = summarize(taskDeltas);
      rows.push({
        name: `non-article ${file.replace('.html', '')}: main-thread script added by content script`,
        ...d, unit: 'ms',
        reference: { name: 'empty content script', median: o.median, ratio: w.median / o.median },
        target: '≤ 1 ms', met: d.median <= 1,
        note: `ScriptDuration with extension ${w.median.toFixed(2)} ms vs empty ${o.median.toFixed(2)} ms (paired, ${REPEATS} loads each); all main-thread tasks added ${t.median.toFixed(2)} ms`,
      });
    }
  } finally {
    await real.close(); await empty.close(); await server.close();
    rmDirs(realDir, emptyDir);
  }
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
