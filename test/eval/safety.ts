/**
 * `npm run eval -- safety [--chromium-only|--firefox-only] [--limit N] [--firefox-sample N] [--only|--pages name,name] [--detail]`
 *
 * `--detail` lists, per page, the content script's total sampled time and the four functions that
 * took most of its longest run (Chromium; build unminified for readable names).
 *
 * Issue #7 sweep ("never break a page, never leak"): every page of
 * ../shared/data/readability-pages/<name>/source.html, served from 127.0.0.1, in real Chromium with
 * the built extension (.output/chrome-mv3), and a sample (default 24) in Firefox ESR
 * (.output/firefox-mv3). Pages load one at a time in a tab (the same fixture server + recording
 * proxy as test/e2e). Per page:
 *
 *  - errors:   uncaught errors / console errors / `[backstory]` warnings from extension code
 *              (page context with an extension source, background, extension pages; in Firefox the
 *              console service's script errors from moz-extension://),
 *  - long:     long tasks > 50 ms attributable to the content script — Chromium: the page renderer's
 *              top-level tasks (trace) over 50 ms whose CPU-profile samples are mostly extension code
 *              (test/eval/_safety-cpu.mjs; LoAF does not attribute isolated-world scripts), each with its
 *              thread CPU time (trace tdur): on a loaded shared machine a task's wall time includes the
 *              time its thread waited for a core, so the table also counts long tasks over 50 ms of CPU
 *              and gives the CPU time of each page's costliest content-script task; Firefox: event-loop
 *              stalls > 50 ms seen by a page heartbeat that are absent from a run with the extension
 *              switched off for the site (an upper bound; reported separately as "stalls"),
 *  - net:      requests made by the extension (Chromium: service worker, extension pages, or any
 *              request whose initiator stack is in the extension; Firefox: channels whose triggering
 *              principal is the add-on) to anything but the fixture server / extension URLs,
 *  - dom:      DOM mutations after DOMContentLoaded that are not the page's own: records touching
 *              <backstory-card>/[data-backstory-mention] are ours by construction (none are allowed
 *              before hover with default settings); the rest are compared with a second load of the
 *              page on http://localhost:PORT with the extension switched off for that site —
 *              signatures left over are counted,
 *  - missing:  the report has linked entities but the page has no `backstory-entity` highlight, or
 *              hovering the first highlighted mention shows no card. A page that hides all its
 *              highlighted text itself (seattletimes-1: a flicker-control `body { visibility: hidden }`
 *              whose removing script never runs) has nothing to hover: listed as "hidden", not missing.
 *
 * Targets: all zero. Prints a table per browser and lists the offending pages.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const imp = (rel: string): Promise<any> => import(pathToFileURL(path.join(ROOT, rel)).href);

type Browser = 'chromium' | 'firefox';
interface PageResult {
  name: string;
  state: string;
  entities: number;
  errors: string[];
  long: string[];
  stalls: string[];
  net: string[];
  dom: string[];
  missing: string[];
  /** The page itself hides every highlighted name (e.g. a flicker-control `body { visibility: hidden }`
   * whose removing script never ran): nothing a reader could hover, so no hover is tried. */
  hidden: string[];
  ms: number;
  /** Longest content-script task (Chromium CPU profile), -1 when not measured. */
  extMax: number;
  /** Of the long tasks, those whose thread CPU time alone is over 50 ms; -1 when not measured. */
  longCpu: number;
  /** Most thread CPU time of one content-script task (any wall time); -1 when not measured. */
  cpuMax: number;
  /** Longest run of consecutive content-script samples (spans yields to an idle page: upper bound). */
  runMax: number;
  /** --detail: total content-script time and where its longest run went. */
  detail?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Deterministic spread-out sample of n names. */
function sample<T>(xs: T[], n: number): T[] {
  if (xs.length <= n) return xs;
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(xs[Math.floor((i * xs.length) / n)]!);
  return out;
}

/** Multiset difference a − b. */
function minus(a: string[], b: string[]): string[] {
  const counts = new Map<string, number>();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const c = counts.get(x) ?? 0;
    if (c > 0) counts.set(x, c - 1);
    else out.push(x);
  }
  return out;
}

export async function run(args: string[], shared: string): Promise<void> {
  const pagesDir = path.join(shared, 'data/readability-pages');
  if (!existsSync(pagesDir)) {
    console.log(`eval safety: skipped — ${pagesDir} is not present`);
    return;
  }
  let names = readdirSync(pagesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(pagesDir, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
  const only = arg(args, '--only') ?? arg(args, '--pages');
  if (only) names = names.filter((n) => only.split(',').includes(n));
  const limit = Number(arg(args, '--limit') ?? 0);
  if (limit > 0) names = names.slice(0, limit);
  const ffN = Number(arg(args, '--firefox-sample') ?? 24);
  const browsers: Browser[] = args.includes('--chromium-only') ? ['chromium'] : args.includes('--firefox-only') ? ['firefox'] : ['chromium', 'firefox'];

  const { startServer } = await imp('test/e2e/lib/server.mjs');
  const { extensionDir } = await imp('test/e2e/lib/common.mjs');
  const probe = await imp('test/eval/_safety-probe.mjs');
  const cpu = await imp('test/eval/_safety-cpu.mjs');

  const tables: { browser: Browser; results: PageResult[]; secs: number }[] = [];
  for (const browser of browsers) {
    const target = browser === 'chromium' ? 'chrome' : 'firefox';
    if (!extensionDir(target)) {
      console.log(`safety: building the ${target} extension`);
      execFileSync(process.execPath, [path.join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...(target === 'firefox' ? ['-b', 'firefox'] : [])], { cwd: ROOT, stdio: 'inherit' });
    }
    // a private copy: the working tree is shared and someone may rebuild .output/ mid-run
    const snap = mkdtempSync(path.join(os.tmpdir(), 'backstory-safety-ext-'));
    const extDir = path.join(snap, 'ext');
    cpSync(extensionDir(target), extDir, { recursive: true });
    const list = browser === 'chromium' ? names : sample(names, ffN);
    const t0 = Date.now();
    try {
      const results = await sweep(browser, extDir, pagesDir, list, { startServer, probe, cpu }, args.includes('--detail'));
      tables.push({ browser, results, secs: (Date.now() - t0) / 1000 });
    } finally {
      rmSync(snap, { recursive: true, force: true });
    }
  }

  for (const { browser, results, secs } of tables) {
    const sum = (k: keyof PageResult): number => results.reduce((n, r) => n + ((r[k] as string[]).length ? 1 : 0), 0);
    const states = new Map<string, number>();
    for (const r of results) states.set(r.state, (states.get(r.state) ?? 0) + 1);
    console.log(`\n## safety sweep — ${browser}: ${results.length} pages in ${secs.toFixed(0)} s (${[...states].map(([s, n]) => `${n} ${s}`).join(', ')})`);
    console.log('| check | pages with a problem | target |');
    console.log('| --- | ---: | ---: |');
    console.log(`| uncaught errors from extension code | ${sum('errors')} | 0 |`);
    console.log(`| long tasks > 50 ms from the content script | ${sum('long')} | 0 |`);
    if (browser === 'chromium') {
      const seen = results.filter((r) => r.extMax >= 0);
      const max = Math.max(-1, ...seen.map((r) => r.extMax));
      console.log(`| (content-script tasks: CPU profile + task trace on ${seen.length} pages; longest ${max} ms) | | |`);
      console.log(`| (of those, pages whose long task used > 50 ms of thread CPU time: the rest waited for a core) | ${seen.filter((r) => r.longCpu > 0).length} | 0 |`);
      const cpus = seen.map((r) => r.cpuMax).filter((ms) => ms >= 0).sort((a, b) => a - b);
      if (cpus.length) console.log(`| (thread CPU time of each page's costliest content-script task: median ${cpus[cpus.length >> 1]} ms, p90 ${cpus[Math.floor(cpus.length * 0.9)]} ms, max ${cpus[cpus.length - 1]} ms; pages over 50 ms) | ${cpus.filter((ms) => ms > 50).length} | 0 |`);
      const runMax = Math.max(-1, ...seen.map((r) => r.runMax));
      console.log(`| (upper bound: pages with a run of content-script samples > 50 ms, across yields; longest ${runMax} ms) | ${seen.filter((r) => r.runMax > 50).length} | — |`);
    }
    if (browser === 'firefox') console.log(`| (unattributed stalls > 50 ms not in the run without analysis) | ${sum('stalls')} | — |`);
    console.log(`| network requests by the extension (not fixture/extension) | ${sum('net')} | 0 |`);
    console.log(`| DOM mutations not the page's own (highlighting off) | ${sum('dom')} | 0 |`);
    console.log(`| linked names but no highlight / no card on hover | ${sum('missing')} | 0 |`);
    console.log(`| (pages that hide their own text, so no hover was tried) | ${sum('hidden')} | — |`);
    const bad = results.filter((r) => r.errors.length || r.long.length || r.net.length || r.dom.length || r.missing.length || r.stalls.length || r.hidden.length);
    if (bad.length) console.log(`\noffending pages (${browser}):`);
    for (const r of bad) {
      const parts = (['errors', 'long', 'stalls', 'net', 'dom', 'missing', 'hidden'] as const).filter((k) => r[k].length).map((k) => `${k}: ${r[k].slice(0, 3).join(' | ').slice(0, 400)}`);
      console.log(`- ${r.name} [${r.state}, ${r.entities} entities]: ${parts.join('; ')}`);
    }
  }
}

async function sweep(browser: Browser, extDir: string, pagesDir: string, names: string[], libs: { startServer: any; probe: any; cpu: any }, detail = false): Promise<PageResult[]> {
  const server = await libs.startServer({ rp: pagesDir });
  const baseOrigin = `http://localhost:${server.port}`;
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), `backstory-safety-${browser}-`));
  const drv =
    browser === 'chromium'
      ? await (await imp('test/e2e/lib/chromium.mjs')).launchChromium({ extDir, userDataDir, proxy: server.proxy, serverOrigin: server.origin })
      : await (await imp('test/e2e/lib/firefox.mjs')).launchFirefox({ extDir, userDataDir, proxy: server.proxy, serverOrigin: server.origin });
  const S = await imp('test/e2e/lib/scenarios.mjs');
  const { waitFor } = await imp('test/e2e/lib/common.mjs');
  const allowed = (u: string): boolean => /^(chrome-extension|moz-extension|data|blob|about):/.test(u) || u.startsWith(server.origin + '/') || u.startsWith(baseOrigin + '/');
  const results: PageResult[] = [];
  try {
    // Switch the extension off for `localhost`: the comparison runs load the same pages there.
    const p = await S.probe(drv);
    await p.evaluate(async () => {
      const api = (globalThis as any).browser ?? (globalThis as any).chrome;
      await api.storage.local.set({ disabledSites: ['localhost'] });
    });
    let first = true;
    for (const name of names) {
      const t0 = Date.now();
      const r: PageResult = { name, state: '?', entities: 0, errors: [], long: [], stalls: [], net: [], dom: [], missing: [], hidden: [], ms: 0, extMax: -1, longCpu: -1, cpuMax: -1, runMax: -1 };
      const errBefore = drv.errors.length;
      const reqBefore = drv.requests.length;
      const bgBefore = (await drv.backgroundErrors()).length;
      const netBefore = browser === 'firefox' ? (await drv.extensionChannels()).length : 0;
      const url = `${server.origin}/rp/${name}/source.html`;
      let page: any = null;
      let cdp: any = null;
      const cdpExt: string[] = [];
      try {
        page = await drv.newPage();
        await drv.addInitScript(page, libs.probe.installProbe);
        if (browser === 'chromium') {
          // same-origin first, so the profiled renderer is the one the article loads in
          await drv.goto(page, `${server.origin}/rp/`).catch(() => {});
          cdp = await drv.context.newCDPSession(page);
          await libs.cpu.startCpu(cdp);
          await cdp.send('Network.enable');
          cdp.on('Network.requestWillBeSent', (e: any) => {
            const frames: any[] = [];
            for (let s = e.initiator?.stack; s; s = s.parent) frames.push(...(s.callFrames ?? []));
            if (frames.some((f) => String(f.url).startsWith('chrome-extension://')) || String(e.initiator?.url ?? '').startsWith('chrome-extension://')) cdpExt.push(e.request.url);
          });
        }
        await Promise.race([drv.goto(page, url), sleep(20_000)]).catch(() => {});
        const tabId = await drv.tabIdOf(page);
        // first page: the background loads the default pack
        const status = await waitStatusQuiet(S, drv, tabId, first ? 40_000 : 9000);
        first = false;
        r.state = status?.state ?? 'unknown';
        const entities: number = status?.state === 'ready' ? status.report.entities.length : 0;
        r.entities = entities;
        if (status?.state === 'ready' && entities > 0) {
          const size = await waitFor(page, () => (globalThis as any).CSS?.highlights?.get('backstory-entity')?.size ?? 0, undefined, { timeout: 4000, what: 'entity highlight' }).catch(() => 0);
          if (!size) r.missing.push(`${entities} entities but no backstory-entity highlight`);
        } else await sleep(600); // let a late analysis (if any) show itself in the probe
        const pr = await page.evaluate(libs.probe.readProbe, drv.extBase);
        if (pr) {
          if (pr.ours.length) r.dom.push(...pr.ours.map((s: string) => `ours: ${s}`));
          if (pr.notOurs.length) {
            const base = await baseline(drv, libs.probe, `${baseOrigin}/rp/${name}/source.html`, Date.now() - t0);
            const left = minus(pr.notOurs, base?.notOurs ?? []);
            // timing-dependent page activity: only count what never shows in the comparison run
            const seen = new Set(base?.notOurs ?? []);
            r.dom.push(...left.filter((s) => !seen.has(s)));
            if (browser === 'firefox' && pr.gaps.length) {
              const baseGaps = base?.gaps.length ?? 0;
              if (pr.gaps.length > baseGaps) r.stalls.push(...pr.gaps.map((g: any) => `${g.dur} ms at ${g.start}`));
            }
          } else if (browser === 'firefox' && pr.gaps.length) {
            const base = await baseline(drv, libs.probe, `${baseOrigin}/rp/${name}/source.html`, Date.now() - t0);
            if (pr.gaps.length > (base?.gaps.length ?? 0)) r.stalls.push(...pr.gaps.map((g: any) => `${g.dur} ms at ${g.start}`));
          }
          if (cdp) {
            const c = await libs.cpu.stopCpu(cdp, drv.extBase);
            // Tasks (trace boundaries) when the trace worked; else runs of samples (an upper bound).
            const long: number[] = c.tasks ?? c.runs;
            r.extMax = long[0] ?? 0;
            r.runMax = c.runs[0] ?? 0;
            // Thread CPU time of each task (trace `tdur`): on a loaded shared machine the wall time
            // of a task includes the time its thread waited for a core; CPU time does not.
            const cpuOf = (i: number): number | null => (c.tasks ? c.taskCpu?.[i] ?? null : null);
            r.long.push(...long.map((ms: number, i: number) => `${ms} ms${cpuOf(i) === null ? '' : ` (cpu ${cpuOf(i)})`}`));
            r.longCpu = c.tasks ? (c.taskCpu as (number | null)[]).filter((ms) => ms !== null && ms > 50).length : -1;
            if (long.length) r.long.push(`(in ${(c.tasks ? c.taskTop : c.worst).slice(0, 3).join(', ')})`);
            r.cpuMax = c.cpuMax?.cpuMs ?? -1;
            if (detail) r.detail = `cs total ${c.extMs} ms; most CPU in one task ${c.cpuMax ? `${c.cpuMax.cpuMs} ms (wall ${c.cpuMax.ms}) in ${c.cpuMax.top.join(', ')}` : '?'}; long tasks ${c.tasks ? c.tasks.join(', ') || 'none' : 'no trace'}${c.taskTop?.length ? ` (longest in ${c.taskTop.join(', ')})` : ''}; longest run of samples ${r.runMax} ms in ${c.worst.join(', ')}`;
          }
        }
        const hiddenText =
          status?.state === 'ready' && entities > 0 && !r.missing.length
            ? await page.evaluate(() => {
                const hl = (globalThis as any).CSS?.highlights?.get('backstory-entity');
                const els = hl ? [...hl].map((x: Range) => x.startContainer.parentElement).filter((x) => x?.isConnected) : [];
                return els.length > 0 && els.every((x) => getComputedStyle(x!).visibility !== 'visible');
              })
            : false;
        if (hiddenText) r.hidden.push('the page hides all its highlighted text (visibility: hidden): nothing to hover');
        else if (status?.state === 'ready' && entities > 0 && !r.missing.length) {
          const pt = await page.evaluate(libs.probe.firstMentionPoint);
          if (!pt) r.missing.push('no visible mention to hover');
          else {
            await page.mouse.move(Math.max(1, pt.x - 40), pt.y + 30);
            await page.mouse.move(pt.x, pt.y, { steps: 4 });
            const card = await waitFor(page, () => !!document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="card"]'), undefined, { timeout: 3000, what: 'card' }).catch(() => false);
            if (!card) r.missing.push(`no card on hovering "${pt.text}"`);
          }
        }
      } catch (err) {
        r.errors.push(`harness: ${String((err as Error)?.message ?? err).slice(0, 200)}`);
      }
      // errors: from the extension only
      const ext = drv.extBase as string;
      for (const e of drv.errors.slice(errBefore) as { from: string; text: string; where?: string }[]) {
        const mine = e.text.startsWith('[backstory]') || (e.where ?? '').startsWith(ext) || e.text.includes(ext) || e.from.includes(ext);
        if (mine) r.errors.push(`${e.from}: ${e.text.slice(0, 200)}`);
      }
      const bg: string[] = await drv.backgroundErrors();
      r.errors.push(...bg.slice(bgBefore).map((s) => `background: ${s.slice(0, 200)}`));
      // network
      if (browser === 'chromium') {
        const reqs = drv.requests.slice(reqBefore) as { url: string; from: string }[];
        r.net.push(...reqs.filter((q) => (q.from === 'service-worker' || q.from.includes('chrome-extension://')) && !allowed(q.url)).map((q) => `${q.from}: ${q.url}`));
        r.net.push(...cdpExt.filter((u) => !allowed(u)).map((u) => `content script: ${u}`));
      } else {
        const ch = ((await drv.extensionChannels()) as { url: string }[]).slice(netBefore);
        r.net.push(...ch.filter((c) => !allowed(c.url)).map((c) => c.url));
      }
      await page?.close().catch(() => {});
      r.ms = Date.now() - t0;
      results.push(r);
      const flag = r.errors.length || r.long.length || r.net.length || r.dom.length || r.missing.length ? ' !' : '';
      console.log(`${browser} ${String(results.length).padStart(3)}/${names.length} ${name}: ${r.state} ${r.entities} ent, ${r.ms} ms${r.extMax >= 0 ? `, cs ${r.extMax} ms` : ''}${flag}`);
      if (r.detail) console.log(`    ${r.detail}`);
    }
  } finally {
    await drv.close().catch(() => {});
    await server.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
  return results;
}

async function waitStatusQuiet(S: any, drv: any, tabId: number, timeout: number): Promise<any> {
  const end = Date.now() + timeout;
  let last: any = null;
  while (Date.now() < end) {
    last = await S.tabStatus(drv, tabId).catch(() => null);
    if (last?.ok && last.value.state !== 'unknown') return last.value;
    await sleep(150);
  }
  return last?.ok ? last.value : null;
}

/** The same page on localhost (extension switched off for that site), kept open about as long. */
async function baseline(drv: any, probe: any, url: string, ms: number): Promise<{ notOurs: string[]; gaps: unknown[] } | null> {
  let page: any = null;
  try {
    page = await drv.newPage();
    await drv.addInitScript(page, probe.installProbe);
    await Promise.race([drv.goto(page, url), sleep(20_000)]).catch(() => {});
    await sleep(Math.min(Math.max(ms - 500, 800), 8000));
    const pr = await page.evaluate(probe.readProbe, drv.extBase);
    return pr ? { notOurs: pr.notOurs, gaps: pr.gaps } : null;
  } catch {
    return null;
  } finally {
    await page?.close().catch(() => {});
  }
}
