/**
 * Linking bench: linkEntities throughput (MB/s of article text) with the full default pack, against
 * compromise's people/places/organizations on the same text in the same run; plus pack load
 * (parse) and index build time in Node.
 * Text: the readability test pages' expected article text when ../shared exists, else our own
 * generated sentences.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import nlp from 'compromise';
import { parsePack } from '../../lib/dataset/pack';
import { buildEntityIndex } from '../../lib/entities/index';
import { decodeRuntimePack, encodeRuntimePack } from '../../lib/dataset/runtime-pack';
import { linkEntities } from '../../lib/entities/link';
import { findMatches } from '../../lib/entities/matcher';
import { tokenize } from '../../lib/entities/normalize';
import { summarize, timeMs, timePairMs, type BenchRow } from './measure';

function pageTexts(shared: string | null): string[] {
  if (shared) {
    const dir = path.join(shared, 'data/readability-pages');
    if (existsSync(dir)) {
      const out: string[] = [];
      for (const d of readdirSync(dir).sort()) {
        const f = path.join(dir, d, 'expected.html');
        if (!existsSync(f)) continue;
        const html = readFileSync(f, 'utf8');
        for (const b of html.split(/<\/p>|<\/h\d>|<\/li>|<br\s*\/?>/i)) {
          const t = b.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/&[a-z#0-9]+;/g, ' ').replace(/\s+/g, ' ').trim();
          if (t.length > 20) out.push(t);
        }
      }
      if (out.length) return out;
    }
  }
  const names = ['Donald Trump', 'Vladimir Putin', 'Kyiv', 'the Kremlin', 'Iran', 'Ukraine’s', 'the White House', 'Georgia', 'May', 'NATO'];
  const out: string[] = [];
  for (let i = 0; i < 2000; i++) {
    out.push(`On day ${i}, officials said ${names[i % names.length]} and ${names[(i * 7) % names.length]} had discussed the proposal in detail, according to two people familiar with the talks.`);
  }
  return out;
}

/** Blocks totalling about `bytes` characters, cycling through the texts. */
function sample(texts: string[], chars: number): { text: string }[] {
  const out: { text: string }[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const t = texts[i % texts.length]!;
    out.push({ text: t });
    n += t.length;
  }
  return out;
}

/** Group blocks into article-sized pages (~8 KB), as the extension links one article at a time. */
function pages(blocks: { text: string }[], size = 8000): { text: string }[][] {
  const out: { text: string }[][] = [];
  let cur: { text: string }[] = [];
  let n = 0;
  for (const b of blocks) {
    cur.push(b);
    n += b.text.length;
    if (n >= size) { out.push(cur); cur = []; n = 0; }
  }
  if (cur.length) out.push(cur);
  return out;
}

const mb = (blocks: { text: string }[]) => blocks.reduce((n, b) => n + Buffer.byteLength(b.text), 0) / 1e6;

export async function run(ctx: { shared: string | null; root: string }): Promise<BenchRow[]> {
  const packPath = path.join(ctx.root, 'assets/default-pack.json');
  if (!existsSync(packPath)) throw new Error('assets/default-pack.json not found (build it with `backstory pack build`)');
  const text = readFileSync(packPath, 'utf8');
  const rows: BenchRow[] = [];

  // Pack load + index
  const parseMs = timeMs(() => parsePack(text, { trusted: true }), 7, 1);
  const parsed = parsePack(text, { trusted: true });
  if (!parsed.ok) throw new Error(parsed.error);
  const entities = parsed.value.entities;
  const indexMs = timeMs(() => buildEntityIndex(entities), 7, 1);
  const bothMs = timeMs(() => buildEntityIndex((parsePack(text, { trusted: true }) as { ok: true; value: { entities: typeof entities } }).value.entities), 7, 1);
  const index = buildEntityIndex(entities);
  const p = summarize(parseMs), ix = summarize(indexMs), both = summarize(bothMs);
  rows.push({ name: `linking: pack parse (trusted, ${(text.length / 1e6).toFixed(1)} MB)`, ...p, unit: 'ms' });
  rows.push({ name: `linking: entity index build (${entities.length} entities)`, ...ix, unit: 'ms', target: '≤ 50 ms', met: ix.median <= 50 });
  rows.push({ name: 'linking: pack load + index', ...both, unit: 'ms', target: '≤ 50 ms', met: both.median <= 50 });
  // The extension loads the index from the runtime pack (built at build time): decode vs build.
  const runtime = encodeRuntimePack(parsed.value);
  const [decodeMs, buildMs] = timePairMs(() => decodeRuntimePack(runtime), () => buildEntityIndex(entities), 7, 1);
  const dm = summarize(decodeMs), bm = summarize(buildMs);
  rows.push({
    name: 'linking: runtime pack decode (entity + coverage index ready)', ...dm, unit: 'ms',
    reference: { name: 'buildEntityIndex alone', median: bm.median, ratio: dm.median / bm.median },
    target: '≤ 50 ms', met: dm.median <= 50,
  });
  const frozen = decodeRuntimePack(runtime).knowledge.entities;

  // Throughput vs compromise on the same text, page by page (an article is one linkEntities call).
  const texts = pageTexts(ctx.shared);
  const small = pages(sample(texts, 150_000));
  const smallMb = mb(small.flat());
  // CPU time of each run too: on a loaded shared machine wall-clock waits for a core, CPU time does not.
  const oursCpu: number[] = [], theirsCpu: number[] = [];
  const cpuOf = (fn: () => void, into: number[]) => () => {
    const c0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(c0);
    into.push((d.user + d.system) / 1000);
  };
  // One pass of ours over the 154 KB takes ~10 ms, too close to the granularity of CPU-time
  // accounting (the CPU figure swung 65–100× on that): each sample of ours is SMALL_PASSES passes
  // over the same pages, and its MB/s counts every pass. Compromise's one pass takes ~1 s.
  const SMALL_PASSES = 10;
  const linkSmall = (ix: typeof index) => () => {
    for (let r = 0; r < SMALL_PASSES; r++) for (const page of small) linkEntities(page, ix, { date: '2025-06-08' });
  };
  const oursMb = smallMb * SMALL_PASSES;
  const [ours, theirs] = timePairMs(
    cpuOf(linkSmall(index), oursCpu),
    cpuOf(() => {
      for (const page of small) {
        for (const b of page) {
          const doc = nlp(b.text);
          doc.people().out('array');
          doc.places().out('array');
          doc.organizations().out('array');
        }
      }
    }, theirsCpu),
    5,
    1,
  );
  const o = summarize(ours.map((ms) => oursMb / (ms / 1000)));
  const c = summarize(theirs.map((ms) => smallMb / (ms / 1000)));
  const ratio = o.median / c.median;
  // The warm-up run is the first of each list.
  const oc = summarize(oursCpu.slice(1).map((ms) => oursMb / (ms / 1000)));
  const cc = summarize(theirsCpu.slice(1).map((ms) => smallMb / (ms / 1000)));
  rows.push({
    name: `linking: linkEntities throughput (${(smallMb * 1000).toFixed(0)} KB in ${small.length} pages, same text as compromise; ours ${SMALL_PASSES} passes per sample)`,
    ...o,
    unit: 'MB/s',
    reference: { name: 'compromise people/places/orgs', median: c.median, ratio },
    target: '≥ 100×',
    met: ratio >= 100,
    note: `by CPU time: ${oc.median.toFixed(2)} MB/s (${oc.spread[0].toFixed(2)}–${oc.spread[1].toFixed(2)}) vs compromise ${cc.median.toFixed(3)} MB/s: ${(oc.median / cc.median).toFixed(0)}×`,
  });

  // The same text on the runtime pack's frozen alias table (what the extension uses) vs the built Map.
  const frozenCpu: number[] = [];
  const [onFrozen, onBuilt] = timePairMs(cpuOf(linkSmall(frozen), frozenCpu), linkSmall(index), 5, 1);
  const fc = summarize(frozenCpu.slice(1).map((ms) => oursMb / (ms / 1000)));
  const fz = summarize(onFrozen.map((ms) => oursMb / (ms / 1000)));
  const bt = summarize(onBuilt.map((ms) => oursMb / (ms / 1000)));
  rows.push({
    name: `linking: linkEntities throughput on the runtime pack index (as in the extension; same 154 KB, ${SMALL_PASSES} passes per sample)`, ...fz, unit: 'MB/s',
    reference: { name: 'same on the built index (Map)', median: bt.median, ratio: fz.median / bt.median },
    target: '≥ 20 MB/s', met: fz.median >= 20,
    note: `vs compromise: ${(fz.median / c.median).toFixed(0)}×; by CPU time ${fc.median.toFixed(2)} MB/s (${fc.spread[0].toFixed(2)}–${fc.spread[1].toFixed(2)}): ${(fc.median / cc.median).toFixed(0)}× compromise's CPU figure`,
  });

  const large = pages(sample(texts, 5_000_000));
  const largeMb = mb(large.flat());
  const cpus: number[] = [];
  const wall = timeMs(() => {
    const c0 = process.cpuUsage();
    for (const page of large) linkEntities(page, index, { date: '2025-06-08' });
    const d = process.cpuUsage(c0);
    cpus.push((d.user + d.system) / 1000);
  }, 5, 1);
  const big = summarize(wall.map((ms) => largeMb / (ms / 1000)));
  const bigCpu = summarize(cpus.slice(1).map((ms) => largeMb / (ms / 1000)));
  const load = os.loadavg()[0]!.toFixed(1);
  rows.push({
    name: `linking: linkEntities throughput (${largeMb.toFixed(1)} MB in ${large.length} pages)`,
    ...big,
    unit: 'MB/s',
    target: '≥ 20 MB/s',
    met: big.median >= 20,
    note: `${ctx.shared ? 'text: readability test pages (expected article text), cycled' : 'text: generated sentences (../shared absent)'}; by CPU time ${bigCpu.median.toFixed(1)} MB/s (${bigCpu.spread[0].toFixed(1)}–${bigCpu.spread[1].toFixed(1)}); load average ${load} on ${os.cpus().length} cores`,
  });
  const tokens = summarize(timeMs(() => { for (const page of large) for (const b of page) findMatches(index.aliases, tokenize(b.text)); }, 5, 1).map((ms) => largeMb / (ms / 1000)));
  rows.push({ name: `linking: tokenize + alias matching only (${largeMb.toFixed(1)} MB)`, ...tokens, unit: 'MB/s', target: '≥ 20 MB/s', met: tokens.median >= 20 });
  return rows;
}
