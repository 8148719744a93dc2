/**
 * Extraction speed: our extractArticle vs Mozilla Readability's parse() on the same linkedom
 * documents, interleaved in one run (Readability mutates its input, so it gets a fresh clone
 * each time; cloning is timed separately and subtracted out by timing it alone too).
 * Pages: the readability test pages (../shared) or, without them, our own fixtures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../lib/article/extract';
import { summarize, timeMs, type BenchRow } from './measure';

const URL = 'http://fakehost/test/page.html';

function pages(ctx: { shared: string | null; root: string }): { name: string; html: string }[] {
  if (ctx.shared) {
    const dir = path.join(ctx.shared, 'data', 'readability-pages');
    const names = readdirSync(dir).filter((n) => existsSync(path.join(dir, n, 'source.html'))).sort();
    // Every 4th page: a fixed sample of ~33 pages keeps the run short on a shared machine.
    return names.filter((_, i) => i % 4 === 0).map((n) => ({ name: n, html: readFileSync(path.join(dir, n, 'source.html'), 'utf8') }));
  }
  const dir = path.join(ctx.root, 'test', 'fixtures', 'pages');
  return readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => ({ name: f, html: readFileSync(path.join(dir, f), 'utf8') }));
}

export async function run(ctx: { shared: string | null; root: string }): Promise<BenchRow[]> {
  const list = pages(ctx);
  const runs = 5;
  let ours = 0, readability = 0, clone = 0;
  const ratios: number[] = [];
  for (const p of list) {
    const doc = parseHTML(p.html).document as unknown as Document;
    const tClone = timeMs(() => doc.cloneNode(true), runs, 1);
    const tOurs = timeMs(() => extractArticle(doc, URL, { force: true }), runs, 1);
    const tRead = timeMs(() => new Readability(doc.cloneNode(true) as Document).parse(), runs, 1);
    const c = summarize(tClone).median, o = summarize(tOurs).median, r = Math.max(1e-6, summarize(tRead).median - c);
    ours += o;
    readability += r;
    clone += c;
    ratios.push(o / r);
  }
  const s = summarize(ratios);
  const total = ours / readability;
  return [
    {
      name: `extraction: total time over ${list.length} pages`,
      median: ours, spread: [ours, ours], unit: 'ms',
      reference: { name: 'Readability.parse', median: readability, ratio: total },
      target: '≤ 0.25× Readability', met: total <= 0.25,
      note: `per-page ratio median ${s.median.toFixed(3)} (p10 ${s.spread[0].toFixed(3)}, p90 ${s.spread[1].toFixed(3)}); Readability time excludes the ${clone.toFixed(0)} ms of cloning its input`,
    },
  ];
}
