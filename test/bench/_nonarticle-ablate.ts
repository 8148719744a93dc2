/**
 * Where the non-article rows' time goes (issue #8): ablation variants of the built eager script,
 * each in its own Chromium, loaded in turn on the same page, paired against an empty script.
 * Usage: npx tsx test/bench/_nonarticle-ablate.ts <chrome-mv3 build> [repeats] [variant,…]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyExtension, emptyExtension, launch, rmDirs, startServer } from './_browser';
import { endTrace } from './_trace';
import { SCRIPT_TASK_CATEGORIES, scriptTaskCpuMs } from './browser-pages.bench';
import { summarize } from './measure';

const root = path.resolve(import.meta.dirname, '../..');
const build = process.argv[2]!;
const REPEATS = Number(process.argv[3] ?? 9);
process.env.E2E_CHROME_DIR = build;
const src = readFileSync(path.join(build, 'content-gate.js'), 'utf8');
/** A variant's text; one whose pattern no longer matches the build throws only when picked. */
const must = (s: string, re: RegExp, to: string): string => (re.test(s) ? s.replace(re, to) : `throw new Error(${JSON.stringify(`no match for ${re}`)});`);
/** name → the eager script's text (null: the empty extension, the pairing reference). */
const VARIANTS: Record<string, string> = {
  dom: 'document.documentElement;',
  listener: 'chrome.runtime.onMessage.addListener(function () {});',
  // The file compiled (the IIFE never called: a pre-parse only).
  parse: must(src, /\}\)\(\);\s*$/, '});'),
  // The module's top level evaluated, the entry never called.
  evaluate: must(src, /return\(\(\)=>\{let (\w+);try\{\1=(\w+)\.main\(\)/, 'return;$&'),
  // startEagerPage with a first look that says "no" without reading anything.
  nogate: must(src, /preGate:\w+,/, 'preGate:()=>({likely:!1,signals:[]}),'),
  // The status without the page's title (setNotArticle reads it at the verdict).
  notitle: must(src, /title:\(\w\.title\?\?``\)\.slice\(0,2e3\)/, 'title:``'),
  // The pre-gate as if the page had no JSON-LD (the fixtures keep their verdicts: other vetoes, or the teaser rule).
  nold: must(src, /script\[type\*="ld\+json" i\]/, 'script[type="none"]'),
  // No SPA-navigation watch.
  nonav: must(src, /watchUrl:\w=>\w+\(\w\)/, 'watchUrl:()=>()=>{}'),
  // The manifest's CSS alone: an empty eager script.
  cssonly: '',
  real: src,
};
/** MICRO=<file.json>: more references, { name: code } run as the empty extension's content script. */
const micro = process.env.MICRO ? (JSON.parse(readFileSync(process.env.MICRO, 'utf8')) as Record<string, string>) : {};
Object.assign(VARIANTS, micro);
const pick = process.argv[4]?.split(',') ?? Object.keys(VARIANTS);
// `build:<dir>`: another build's eager script (a paired A/B in one run, loads alternated).
for (const name of pick) if (VARIANTS[name]?.startsWith('throw new Error("no match')) throw new Error(`${name}: ${VARIANTS[name]}`);
for (const name of pick) if (name.startsWith('build:')) VARIANTS[name] = readFileSync(path.join(name.slice(6), 'content-gate.js'), 'utf8');
const PAGES = (process.env.PAGES ?? 'home.html,search.html,login.html,forum.html').split(',');

const server = await startServer({ own: path.join(root, 'test/fixtures/pages') });
const emptyDir = emptyExtension(root);
const dirs = [emptyDir];
const sessions: { name: string; s: Awaited<ReturnType<typeof launch>> }[] = [{ name: 'empty', s: await launch(emptyDir, server.proxy) }];
for (const name of pick) {
  // The references keep the empty extension's manifest (no CSS, no permissions); the variants the build's.
  const ref = name === 'dom' || name === 'listener' || name in micro;
  const dir = ref ? emptyExtension(root) : copyExtension(root);
  writeFileSync(path.join(dir, ref ? 'content-scripts/content.js' : 'content-gate.js'), VARIANTS[name]!);
  dirs.push(dir);
  sessions.push({ name, s: await launch(dir, server.proxy) });
}
const sample = async (s: (typeof sessions)[number]['s'], url: string): Promise<number> => {
  const page = await s.context.newPage();
  const cdp = await s.context.newCDPSession(page);
  await cdp.send('Tracing.start', { categories: SCRIPT_TASK_CATEGORIES, transferMode: 'ReturnAsStream' } as never);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(700);
  const cpu = scriptTaskCpuMs(await endTrace(cdp));
  await page.close();
  return cpu;
};
try {
  for (const file of PAGES) {
    const url = server.url('own', file);
    for (const v of sessions) await sample(v.s, url);
    const d = new Map<string, number[]>(sessions.slice(1).map((v) => [v.name, []]));
    for (let i = 0; i < REPEATS; i++) {
      const base = await sample(sessions[0]!.s, url);
      // The variants' order turns each round: the first load after the empty one read ~0.05–0.1 ms
      // higher in an A/A run (the same build twice, load ~18).
      const order = sessions.slice(1);
      for (const v of [...order.slice(i % order.length), ...order.slice(0, i % order.length)]) d.get(v.name)!.push((await sample(v.s, url)) - base);
    }
    console.log(`${file}: ` + [...d].map(([n, xs]) => { const s = summarize(xs); return `${n} ${s.median.toFixed(2)} [${s.spread[0].toFixed(2)}–${s.spread[1].toFixed(2)}]`; }).join(' | '));
  }
} finally {
  for (const v of sessions) await v.s.close();
  await server.close();
  rmDirs(...dirs);
}
