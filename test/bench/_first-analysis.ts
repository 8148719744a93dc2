/**
 * CPU time (process.cpuUsage, user + system: the machine is shared, so wall-clock is noise) of
 * the background's first work on the default pack's runtime form, in a fresh process:
 *   decode          decodeRuntimePack (= linking ready)
 *   first analysis  analyzeArticle on the own-seed page, first time on that knowledge (includes
 *                   the coverage index's thaw, done on first read)
 *   again           the same analysis repeated (its difference to the first is the records and
 *                   tables made on first use)
 *   coverage thaw   the coverage index thawed on knowledge decoded afresh, and prepared for its
 *                   first query (prepareCoverageIndex), as the background does (decode + thaw = all
 *                   ready)
 *   first query     relatedCoverage alone on that knowledge (entities linked first, not timed),
 *                   and the same query repeated
 * By hand, alternating two builds (issue #8):
 *   node --expose-gc --single-threaded --import tsx test/bench/_first-analysis.ts [repeats] [--image .cache/rt.bin]
 * --single-threaded keeps V8's concurrent compiler and GC threads from adding their CPU to the
 * step being timed; with --expose-gc each step starts after a full GC, so none pays for the
 * garbage of the one before.
 * --image keeps the encoded runtime form between runs (delete it after changing the encoder).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { parsePack } from '../../lib/background/packs';
import { decodeRuntimePack, encodeRuntimePack } from '../../lib/dataset/runtime-pack';
import { extractArticle } from '../../lib/article/extract';
import type { ArticleInput } from '../../lib/article/types';
import { analyzeArticle } from '../../lib/analyze';
import { linkEntities } from '../../lib/entities/link';
import { pageLead, prepareCoverageIndex, relatedCoverage } from '../../lib/coverage/rank';
import { defaultPackText } from './_startup';

const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function imageBytes(root: string, file: string | undefined): Uint8Array {
  if (file && existsSync(file)) return new Uint8Array(readFileSync(file));
  const bytes = encodeRuntimePack(parsePack(defaultPackText(root), 'default pack', true));
  if (file) writeFileSync(file, bytes);
  return bytes;
}

type Knowledge = ReturnType<typeof decodeRuntimePack>['knowledge'];

/**
 * The own-seed page (test/fixtures/pages/own-seed.html) as the background sees it: its extracted
 * input, its entities linked on some knowledge, and its coverage query (title, lead, own URL,
 * limit 10) on that knowledge — also the coverage bench's real-page row (coverage.bench.ts).
 */
export function ownSeedQuery(root: string): {
  input: ArticleInput;
  entitiesOf: (k: Knowledge) => ReturnType<typeof linkEntities>;
  query: (k: Knowledge, entities: ReturnType<typeof linkEntities>) => ReturnType<typeof relatedCoverage>;
} {
  const html = readFileSync(path.join(root, 'test/fixtures/pages/own-seed.html'), 'utf8');
  const extraction = extractArticle(parseHTML(html).document as unknown as Document, 'https://example.org/own-seed', { force: true });
  if (!extraction.detected) throw new Error('own-seed: not detected');
  const input = extraction.input;
  const lead = pageLead(input.blocks.map((b) => b.text));
  return {
    input,
    entitiesOf: (k) => linkEntities(input.blocks, k.entities, { date: input.date, publisher: input.siteName, url: input.url }),
    query: (k, entities) => relatedCoverage(k.coverage, { entities, date: input.date, title: input.title, lead, excludeUrl: input.url, limit: 10 }),
  };
}

if (process.argv[1] && /_first-analysis\.ts$/.test(process.argv[1])) {
  const root = process.cwd();
  const at = process.argv.indexOf('--image');
  const file = at > 0 ? process.argv[at + 1] : undefined;
  const repeats = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 1);
  const bytes = imageBytes(root, file);
  const { input, entitiesOf, query } = ownSeedQuery(root);
  // One timed step: a full GC first, so no step pays for the garbage of the one before.
  const timed = (step: () => unknown): number => {
    collect();
    const t = cpu();
    step();
    return cpu() - t;
  };
  for (let i = 0; i < repeats; i++) {
    let k!: Knowledge;
    const decode = timed(() => (k = decodeRuntimePack(bytes).knowledge));
    const first = timed(() => analyzeArticle(input, k));
    const again = timed(() => analyzeArticle(input, k));
    k = decodeRuntimePack(bytes).knowledge;
    const entities = entitiesOf(k);
    // The coverage index is thawed on first read (the background does it right after the load).
    const thaw = timed(() => { prepareCoverageIndex(k.coverage); return k.coverage.items.length; });
    const fq = timed(() => query(k, entities));
    const aq = timed(() => query(k, entities));
    console.log(`run ${i}  decode ${decode.toFixed(1)}  first-analysis ${first.toFixed(1)}  again ${again.toFixed(1)}  coverage-thaw ${thaw.toFixed(1)}  first-query ${fq.toFixed(1)}  query-again ${aq.toFixed(1)}  (CPU ms)`);
  }
}
