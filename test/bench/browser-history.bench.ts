/**
 * Issue #8, the first article after a worker start with a big reading history, in real Chromium
 * (the built extension's own worker and IndexedDB). MV3 stops the worker after 30 s idle, so most
 * articles are the first after a start; this one also waits for the reader's history.
 *
 *   1. the own seed page once (the worker opens its database, the pack cache is written);
 *   2. 10,000 history records written into the extension's database from the worker (entity ids
 *      of two random default-pack coverage items each: realistic co-occurrence and frequency;
 *      ~18 % name one of the entities the seed page is ranked by: Russia, Trump, Putin…), then
 *      the page twice (a build that keeps history rows fills them here, as on the reader's first
 *      article after the upgrade);
 *   3. ROUNDS paired loads: worker stopped (CDP ServiceWorker.stopAllWorkers) → the page, document
 *      idle → highlights; then the same page again with the worker warm (the in-run reference).
 *   4. 2–3 again with 10,000 reads of which ~3 % name those entities (a reader of other news).
 * The same rounds with an empty history first (fewer), so the history's share of the cold start
 * reads as the difference of the cold rows' ratios.
 *
 *   BACKSTORY_OUT_DIR=.cache/out-x npx wxt build
 *   E2E_CHROME_DIR=$PWD/.cache/out-x/chrome-mv3 npm run bench -- --only browser-history
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../lib/article/extract';
import { analyzeForPage, historyEntitiesOf } from '../../lib/analyze';
import { buildKnowledge } from '../../lib/knowledge';
import { PACK_PATH_MARK, parsePack } from '../../lib/background/packs';
import { normalizeUrl } from '../../lib/coverage/facts';
import { mulberry32 } from '../../lib/seeded-random';
import type { CoverageRecord } from '../../lib/dataset/schema';
import { browserSkip, copyExtension, launch, rmDirs, skipRow, startServer, type Session } from './_browser';
import { PROBE, waitForHighlight } from './browser-article.bench';
import { defaultPackText } from './_startup';
import { summarize, type BenchRow } from './measure';
import { RELATED_AFTER_MS } from '../../lib/background/handlers';

const ROUNDS = Number(process.env.BENCH_HISTORY_ROUNDS ?? 8);
const EMPTY_ROUNDS = Number(process.env.BENCH_HISTORY_EMPTY_ROUNDS ?? 4);
const RECORDS = 10_000;
/** Alternated in-worker reads per history (0: none; a build without the entity index skips them). */
const PROBES = Number(process.env.BENCH_HISTORY_PROBES ?? 8);

interface StoredRead {
  key: string; url: string; title: string; site: string; date: string | null; entityIds: string[];
  kind: 'news'; opinionShare: number; readAt: number;
}

/**
 * Reads as lib/store keeps them (records of the `history` store), oldest first. `rare`: the
 * seed's query entities; a read naming one is kept with probability `keep` (else drawn again), so
 * the article's entities can be made rare in the history (a reader of other news).
 */
function syntheticReads(items: CoverageRecord[], n: number, rare: ReadonlySet<string> = new Set(), keep = 1): StoredRead[] {
  const rand = mulberry32(8);
  const out: StoredRead[] = [];
  const start = Date.parse('2024-01-01');
  for (let i = 0; i < n; i++) {
    let entityIds: string[];
    do {
      const a = items[Math.floor(rand() * items.length)]!;
      const b = items[Math.floor(rand() * items.length)]!;
      entityIds = [...new Set([...a.entities, ...b.entities.slice(0, 2)])].slice(0, 500);
    } while (keep < 1 && entityIds.some((e) => rare.has(e)) && rand() >= keep);
    const readAt = start + i * 3_600_000;
    const url = `https://site${i % 97}.example/news/${i}`;
    out.push({
      key: normalizeUrl(url), url, title: `Synthetic read ${i}`, site: `site${i % 97}.example`,
      date: new Date(readAt).toISOString().slice(0, 10), entityIds, kind: 'news', opinionShare: 0, readAt,
    });
  }
  return out;
}

/** The entities related coverage weighs for the seed page (what the worker reads history by). */
function seedQueryEntities(root: string, pack: ReturnType<typeof parsePack>): string[] {
  const { document } = parseHTML(readFileSync(path.join(root, 'test/fixtures/pages/own-seed.html'), 'utf8'));
  const got = extractArticle(document as never, 'https://bench.example/own-seed.html');
  if (!got.detected) return [];
  const knowledge = buildKnowledge([pack]);
  return historyEntitiesOf(analyzeForPage(got.input, knowledge), knowledge);
}

/** The in-worker probe (see probe() in run): plain JS, evaluated in the extension's worker. */
const PROBE_READS = `async ({ ids, entityFirst }) => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('backstory');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const value = (req) => new Promise((resolve, reject) => { req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
  const order = (a, b) => b.readAt - a.readAt || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0);
  const readAll = async () => {
    const t0 = performance.now();
    const tx = db.transaction(['history', 'historyChunks'], 'readonly');
    const [, chunks] = await Promise.all([value(tx.objectStore('history').count()), value(tx.objectStore('historyChunks').getAll())]);
    const reads = chunks.flatMap((c) => c.reads).sort(order);
    return { ms: performance.now() - t0, n: reads.length };
  };
  const readByEntity = async () => {
    const t0 = performance.now();
    const store = db.transaction('history', 'readonly').objectStore('history');
    const index = store.index('entity');
    const [, ...counts] = await Promise.all([value(store.count()), ...ids.map((id) => value(index.count(id)))]);
    const lists = await Promise.all(ids.map((id, k) => (counts[k] ? value(index.getAll(id)) : Promise.resolve([]))));
    const byKey = new Map();
    for (const l of lists) for (const r of l) if (!byKey.has(r.key)) byKey.set(r.key, r);
    const reads = [...byKey.values()].sort(order);
    return { ms: performance.now() - t0, n: reads.length };
  };
  const a = entityFirst ? await readByEntity() : await readAll();
  const b = entityFirst ? await readAll() : await readByEntity();
  db.close();
  return entityFirst ? { entity: a, all: b } : { all: a, entity: b };
}`;

export async function run(ctx: { root: string; shared: string | null }): Promise<BenchRow[]> {
  const why = browserSkip(ctx.root);
  if (why) return [skipRow('first article after a worker start, 10,000 history records', why)];
  const pack = parsePack(defaultPackText(ctx.root), 'default pack', true);
  const corpus = pack.coverage.filter((c) => c.entities.length > 0);
  const query = new Set(seedQueryEntities(ctx.root, pack));
  const share = (reads: StoredRead[]) => reads.filter((r) => r.entityIds.some((e) => query.has(e))).length / reads.length;
  const common = syntheticReads(corpus, RECORDS);
  const rare = syntheticReads(corpus, RECORDS, query, 0.15);
  const server = await startServer({ own: path.join(ctx.root, 'test/fixtures/pages') });
  const extDir = copyExtension(ctx.root);
  let s: Session | null = null;
  try {
    s = await launch(extDir, server.proxy);
    await s.context.addInitScript({ content: PROBE });
    const url = server.url('own', 'own-seed.html');
    const once = async (): Promise<number> => {
      const page = await s!.context.newPage();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const got = await waitForHighlight(page, 120_000);
      // Keep the tab as a reader would for a moment: the worker reads the history for related
      // coverage RELATED_AFTER_MS after its answer and drops that step for a tab already closed
      // (lib/background/handlers.ts), and that read is what fills the history rows probed below.
      await new Promise((r) => setTimeout(r, RELATED_AFTER_MS + 300));
      await page.close();
      const idle = Number.isFinite(got.load) && got.load < got.hl ? Math.max(got.dcl, got.load) : got.dcl;
      return got.hl - idle;
    };
    // A page of its own for the CDP session that stops the worker (not one of the measured pages).
    const controller = await s.context.newPage();
    const cdp = await s.context.newCDPSession(controller);
    await cdp.send('ServiceWorker.enable' as never);
    const stopWorker = async () => {
      await cdp.send('ServiceWorker.stopAllWorkers' as never);
      await new Promise((r) => setTimeout(r, 300));
    };
    const worker = async () => s!.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${s!.extId}/`)) ?? s!.context.waitForEvent('serviceworker', { timeout: 20_000 });
    /** Which pack path the worker's last load took (its PACK_PATH_MARK): 'cache' or 'shards'. */
    const lastPackPath = async (): Promise<string> =>
      String(await (await worker()).evaluate(`performance.getEntriesByName(${JSON.stringify(PACK_PATH_MARK)}).at(-1)?.detail ?? 'none'`));
    const rounds = async (n: number) => {
      const cold: number[] = [], warm: number[] = [], paths: string[] = [];
      for (let i = 0; i < n; i++) {
        await stopWorker();
        cold.push(await once());
        paths.push(await lastPackPath());
        warm.push(await once());
      }
      return { cold, warm, paths };
    };

    await once();
    await once();
    // The first load read the shards and writes the image cache back 1 s later (lib/background/packs.ts);
    // a reader's worker lives ≥ 30 s, so later starts read the cache. Let the write land before
    // stopping the worker, or every cold load here would take the shards path.
    await new Promise((r) => setTimeout(r, 2500));
    const empty = await rounds(EMPTY_ROUNDS);

    // Write the records from the worker, into the database at the version the build opened,
    // replacing the history (records and any rows kept beside them).
    const fill = async (reads: StoredRead[]): Promise<number> => {
      const w = await worker();
      const n = await w.evaluate(async (batch: StoredRead[]) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('backstory');
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const stores = [...db.objectStoreNames].filter((x) => x.startsWith('history'));
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(stores, 'readwrite');
          for (const x of stores) tx.objectStore(x).clear();
          for (const r of batch) tx.objectStore('history').put(r);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        const count = await new Promise<number>((resolve) => {
          const req = db.transaction('history').objectStore('history').count();
          req.onsuccess = () => resolve(req.result);
        });
        db.close();
        return count;
      }, reads);
      // The extension's view of the history changed behind its back: restart the worker, then
      // one article (a build with history rows fills them now, as after its upgrade).
      await stopWorker();
      await once();
      await once();
      return n;
    };
    /**
     * The two ways of reading, alone, in the worker (warm, same database, alternated): all reads
     * from the 64 rows, mapped and sorted (the base's first read), vs the seed's query entities
     * from the entity index (counts, then the matching records), de-duplicated and sorted.
     * Milliseconds of performance.now() in the worker, from the first request to the sorted array.
     */
    const probe = async (n: number) => {
      const ids = [...query];
      const all: number[] = [], byEntity: number[] = [];
      let matched = 0, rowsHeld = 0;
      for (let i = 0; i < n; i++) {
        const w = await worker();
        // Source text, not a function: the bench runs under tsx, whose helpers (__name) do not exist in the worker.
        const got = (await w.evaluate(`(${PROBE_READS})(${JSON.stringify({ ids, entityFirst: i % 2 === 1 })})`)) as { all: { ms: number; n: number }; entity: { ms: number; n: number } };
        all.push(got.all.ms); byEntity.push(got.entity.ms); matched = got.entity.n; rowsHeld = got.all.n;
      }
      return { all, byEntity, matched, rowsHeld };
    };
    const probeRow = (label: string, r: { all: number[]; byEntity: number[]; matched: number; rowsHeld: number }): BenchRow => {
      const e = summarize(r.byEntity), a = summarize(r.all);
      const paired = r.byEntity.map((x, i) => x / r.all[i]!);
      return {
        name: `history read in the worker, ${label}: the page's entities from the index`, ...e, unit: 'ms',
        reference: { name: 'all reads from the 64 rows', median: a.median, ratio: e.median / a.median },
        note: `${r.matched} reads matched; the rows held ${r.rowsHeld} reads; ${r.all.length} alternated pairs, warm worker; paired ratio median ${summarize(paired).median.toFixed(2)}; index ${r.byEntity.map((x) => x.toFixed(0)).join(' ')}; rows ${r.all.map((x) => x.toFixed(0)).join(' ')}`,
      };
    };
    const commonCount = await fill(common);
    const hasEntityIndex = PROBES > 0 && (await (await worker()).evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => { const req = indexedDB.open('backstory'); req.onsuccess = () => resolve(req.result); req.onerror = () => reject(req.error); });
      const has = db.transaction('history').objectStore('history').indexNames.contains('entity');
      db.close();
      return has;
    }));
    if (hasEntityIndex) await new Promise((r) => setTimeout(r, 9000)); // the rows: see below
    const commonProbe = hasEntityIndex ? await probe(PROBES) : null;
    const full = await rounds(ROUNDS);
    const rareCount = await fill(rare);
    // The rows are filled by the whole read a build with the entity index makes 5 s after its
    // last article read by entity (lib/background/store-port.ts HOLD_AFTER_MS): wait for it.
    if (hasEntityIndex) await new Promise((r) => setTimeout(r, 9000));
    const rareProbe = hasEntityIndex ? await probe(PROBES) : null;
    const few = await rounds(ROUNDS);

    const row = (label: string, r: { cold: number[]; warm: number[]; paths: string[] }, records: number): BenchRow => {
      const c = summarize(r.cold), wm = summarize(r.warm);
      const paired = r.cold.map((x, i) => x / r.warm[i]!);
      return {
        name: `first article after a worker start, ${label}: document idle → highlights`, ...c, unit: 'ms',
        reference: { name: 'same page, warm worker', median: wm.median, ratio: c.median / wm.median },
        note: `own seed page; ${records} history records; worker stopped (CDP ServiceWorker.stopAllWorkers) before each cold load; pack path of the cold loads: ${r.paths.join(' ')}; ${r.cold.length} paired rounds; ` +
          `paired cold/warm ratio median ${summarize(paired).median.toFixed(2)}; warm p10–p90 ${wm.spread[0].toFixed(0)}–${wm.spread[1].toFixed(0)} ms; ` +
          `cold ${r.cold.map((x) => x.toFixed(0)).join(' ')}; warm ${r.warm.map((x) => x.toFixed(0)).join(' ')}`,
      };
    };
    const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
    return [
      row('empty history', empty, 0),
      row(`${commonCount.toLocaleString('en')} history records, ${pct(share(common))} naming the page's entities`, full, commonCount),
      row(`${rareCount.toLocaleString('en')} history records, ${pct(share(rare))} naming the page's entities`, few, rareCount),
      ...(hasEntityIndex ? [probeRow(`${pct(share(common))} matching`, commonProbe!), probeRow(`${pct(share(rare))} matching`, rareProbe!)] : []),
    ];
  } finally {
    await s?.close();
    await server.close();
    rmDirs(extDir);
  }
}
