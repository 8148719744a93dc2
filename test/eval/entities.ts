/**
 * `npm run eval -- entities [--set pages|news] [--split dev|held-out|all] [--pack FILE] [--pages] [--only PAGE[,PAGE…] [--dump]] [--links] [--top N] [--summary]`
 *   --set news: the news-event items of ../shared/data/coverage/coverage.jsonl annotated in
 *     test/eval/entities-gold-news/*.json (each file's "split" field gives its split), linked as the
 *     analysis links an article's blocks (linkEntities with the item's date and address).
 *   --summary: summary lines only. Held-out error tables print only with --split held-out --errors.
 *   --links: one line per scored prediction (✓ correct, ✗ wrong id, + no gold), to review a rule's effect on dev.
 *
 * Entity linking (issue #4 "Measure") against hand annotations of English news pages from
 * ../shared/data/readability-pages (test/eval/entities-gold/*.json: name as written, occurrence
 * index in Readability's article text, id; see the README there).
 *
 * Each page runs through the real analysis — analyze(document, url, knowledge) on a linkedom
 * document of source.html with the default pack's knowledge. If the gate says "not an article",
 * the page is run again with forced extraction (so the linker is still measured) and listed.
 *
 * Gold mentions are placed in OUR joined paragraph text by matching the string and its surrounding
 * text (see _entities-align.ts). Gold strings missing from our text are extraction misses, kept
 * apart from linking misses. Predicted mentions in paragraphs that are not part of Readability's
 * text (navigation, related links our extractor kept) are out of scope and not scored.
 *
 * A predicted mention and a gold mention match when their spans overlap:
 *   correct   = overlap and same id         wrong id = overlap, different id
 *   false pos = predicted, no gold overlap  miss     = located gold, no predicted overlap
 * (a gold mention's `alt` ids — duplicate records of the same referent — also count as its id).
 * precision = correct / scored predictions; recall(pack) = correct / located gold whose id is in the
 * pack; recall(all) = correct / all located gold (the `unk:` ids cap it below 1).
 * Tuning decisions are made on --split dev only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { analyze, analyzeArticle } from '../../lib/analyze';
import { extractArticle } from '../../lib/article/extract';
import { parsePack } from '../../lib/dataset/pack';
import { newsGoldReserve, readNewsCorpus } from '../../lib/dataset/news-salience';
import type { Pack } from '../../lib/dataset/schema';
import { buildKnowledge, type Knowledge } from '../../lib/knowledge';
import { linkEntities } from '../../lib/entities/link';
import type { LinkedEntity, PageReport } from '../../lib/report';
import { goldText, newsItemText, placeGold, shingles, type GoldMention, type NewsItem, type PlacedGold } from './_entities-align';

const here = path.dirname(fileURLToPath(import.meta.url));
const GOLD_DIR = path.join(here, 'entities-gold');
/** News-event items (coverage.jsonl), annotated by split: see entities-gold-news/README.md. */
const NEWS_GOLD_DIR = path.join(here, 'entities-gold-news');
const DEFAULT_PACK = path.resolve(here, '../../assets/default-pack.json');
/** The Readability test pages were saved from this address. */
const FALLBACK_URL = 'http://fakehost/test/page.html';

type Split = 'dev' | 'held-out';
export const splitOf = (name: string): Split => (createHash('sha256').update(name).digest()[0]! < 128 ? 'dev' : 'held-out');

interface Pred {
  start: number;
  end: number;
  text: string;
  id: string;
  name: string;
  inScope: boolean;
}

interface PageScore {
  page: string;
  split: Split;
  forced: boolean;
  gold: number;
  located: number;
  extractionMiss: PlacedGold[];
  badOccurrence: PlacedGold[];
  goldInPack: number;
  predicted: number;
  outOfScope: number;
  correct: number;
  correctInPack: number;
  exactSpan: number;
  wrongId: { gold: PlacedGold; pred: Pred }[];
  /** Located gold with an id in the pack, by the pack entity's type: [gold, correct]. */
  byType: Record<string, [number, number]>;
  falsePos: Pred[];
  misses: PlacedGold[];
  /** Every scored prediction with its verdict (for --links). */
  verdicts: string[];
  ms: number;
}

function arg(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

async function loadPack(args: string[], shared: string): Promise<{ pack: Pack; from: string }> {
  const file = arg(args, '--pack') ?? (existsSync(DEFAULT_PACK) ? DEFAULT_PACK : undefined);
  if (file) {
    const r = parsePack(readFileSync(file, 'utf8'), { trusted: true });
    if (!r.ok) throw new Error(`${file}: ${r.error}`);
    return { pack: r.value, from: path.relative(process.cwd(), file) };
  }
  // No default pack built yet: compile the entities part (coverage does not affect linking), cached
  // in the OS temp folder until the compiler's sources change.
  const srcDir = path.resolve(here, '../../lib');
  const stamp = ['dataset', 'dataset/curated', 'entities']
    .flatMap((d) => readdirSync(path.join(srcDir, d)).map((f) => path.join(srcDir, d, f)))
    .filter((f) => statSync(f).isFile())
    .reduce((m, f) => Math.max(m, statSync(f).mtimeMs), 0);
  const cache = path.join(tmpdir(), `backstory-eval-entities-pack-${Math.round(stamp)}.json`);
  if (existsSync(cache)) {
    const r = parsePack(readFileSync(cache, 'utf8'), { trusted: true });
    if (r.ok) return { pack: r.value, from: `entities compiled from ../shared/data/entities (assets/default-pack.json is absent; cached ${cache})` };
  }
  const { buildPack } = await import('../../lib/dataset/build-pack');
  const { encodePack } = await import('../../lib/dataset/pack');
  const { pack } = await buildPack({ entitiesDir: path.join(shared, 'data/entities') });
  writeFileSync(cache, encodePack(pack));
  return { pack, from: 'entities compiled in memory from ../shared/data/entities (assets/default-pack.json is absent)' };
}

function pageUrl(dir: string): string {
  try {
    const meta = JSON.parse(readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8')) as { url?: string };
    if (typeof meta.url === 'string' && meta.url) return meta.url;
  } catch {
    /* no metadata */
  }
  // The page's own address (canonical link or og:url), as the browser would know it: the linker
  // reads the publisher from the host.
  const html = readFileSync(path.join(dir, 'source.html'), 'utf8');
  const canonical = /<link\b[^>]*rel=["']canonical["'][^>]*href=["'](https?:\/\/[^"']+)["']/i.exec(html)?.[1]
    ?? /<meta\b[^>]*property=["']og:url["'][^>]*content=["'](https?:\/\/[^"']+)["']/i.exec(html)?.[1];
  if (canonical) return canonical;
  return FALLBACK_URL;
}

function runPage(dir: string, knowledge: Knowledge): { report: PageReport; forced: boolean } {
  const url = pageUrl(dir);
  const html = readFileSync(path.join(dir, 'source.html'), 'utf8');
  const report = analyze(parseHTML(html).document, url, knowledge);
  if (report.article.detected) return { report, forced: false };
  const ex = extractArticle(parseHTML(html).document, url, { force: true });
  if (!ex.detected) return { report, forced: true };
  return { report: analyzeArticle(ex.input, knowledge), forced: true };
}

function scorePage(page: string, dir: string, gold: GoldMention[], knowledge: Knowledge, dump = false): PageScore {
  const t0 = performance.now();
  const { report, forced } = runPage(dir, knowledge);
  const ms = performance.now() - t0;
  const paragraphs = report.article.paragraphs;
  const gText = goldText(readFileSync(path.join(dir, 'expected.html'), 'utf8'));
  // A paragraph is in scope when most of its word 4-grams are in Readability's text.
  const goldShingles = new Set(shingles(gText));
  const squashedGold = gText.toLowerCase().replace(/\s+/g, ' ');
  const inScope = paragraphs.map((p) => {
    const sh = shingles(p);
    if (sh.length <= 1) return squashedGold.includes(p.toLowerCase().replace(/\s+/g, ' ').trim());
    return sh.filter((s) => goldShingles.has(s)).length / sh.length >= 0.5;
  });
  return scoreLinks({ page, split: splitOf(page), forced, ms, paragraphs, inScope, gText, gold, entities: report.entities, knowledge, dump });
}

/**
 * One news item of ../shared/data/coverage/coverage.jsonl run through the linker exactly as the
 * analysis runs it (analyzeArticle → linkEntities on the article's blocks, with the article's date
 * and address); the item text's paragraphs are the blocks, all in scope.
 */
function scoreNewsItem(item: NewsItem, split: Split, gold: GoldMention[], knowledge: Knowledge, dump = false): PageScore {
  const text = newsItemText(item);
  const paragraphs = text.split('\n\n');
  const t0 = performance.now();
  const entities = linkEntities(paragraphs.map((p) => ({ text: p })), knowledge.entities, { date: item.date, url: item.url });
  const ms = performance.now() - t0;
  return scoreLinks({ page: item.id, split, forced: false, ms, paragraphs, inScope: paragraphs.map(() => true), gText: text, gold, entities, knowledge, dump });
}

interface ScoreInput {
  page: string;
  split: Split;
  forced: boolean;
  ms: number;
  /** Our article text's blocks (joined by blank lines, as the report's text). */
  paragraphs: string[];
  inScope: boolean[];
  /** The text the gold occurrences count in. */
  gText: string;
  gold: GoldMention[];
  entities: LinkedEntity[];
  knowledge: Knowledge;
  dump: boolean;
}

function scoreLinks({ page, split, forced, ms, paragraphs, inScope, gText, gold, entities, knowledge, dump }: ScoreInput): PageScore {
  const ours = paragraphs.join('\n\n');
  const offsets: number[] = [];
  let at = 0;
  for (const p of paragraphs) {
    offsets.push(at);
    at += p.length + 2;
  }

  const preds: Pred[] = [];
  for (const e of entities) {
    for (const m of e.mentions) {
      const base = offsets[m.paragraph];
      if (base === undefined) continue;
      preds.push({ start: base + m.start, end: base + m.end, text: m.text, id: e.id, name: e.name, inScope: inScope[m.paragraph] ?? false });
    }
  }
  const placed = placeGold(gold, gText, ours);
  const located = placed.filter((g) => g.start !== null);
  const scored = preds.filter((p) => p.inScope);
  const inPack = (g: GoldMention) => knowledge.entities.byId.has(g.id) || !!g.alt?.some((id) => knowledge.entities.byId.has(id));
  const same = (g: GoldMention, p: Pred) => p.id === g.id || !!g.alt?.includes(p.id);

  // Pair predictions with gold by largest overlap, one-to-one.
  const pairs: { g: PlacedGold; p: Pred; ov: number }[] = [];
  for (const g of located) {
    for (const p of preds) {
      const ov = Math.min(g.end!, p.end) - Math.max(g.start!, p.start);
      if (ov > 0) pairs.push({ g, p, ov });
    }
  }
  pairs.sort((a, b) => b.ov - a.ov || Number(same(b.g, b.p)) - Number(same(a.g, a.p)));
  const gUsed = new Set<PlacedGold>(), pUsed = new Set<Pred>();
  let correct = 0, correctInPack = 0, exactSpan = 0;
  const wrongId: PageScore['wrongId'] = [];
  const byType: PageScore['byType'] = {};
  const typeOf = (g: GoldMention) => [g.id, ...(g.alt ?? [])].map((id) => knowledge.entities.byId.get(id)?.type).find(Boolean);
  for (const g of located) {
    const t = typeOf(g);
    if (t) (byType[t] ??= [0, 0])[0]++;
  }
  for (const { g, p } of pairs) {
    if (gUsed.has(g) || pUsed.has(p)) continue;
    gUsed.add(g);
    pUsed.add(p);
    if (same(g, p)) {
      const t = typeOf(g);
      if (t) byType[t]![1]++;
      correct++;
      if (inPack(g)) correctInPack++;
      if (p.start === g.start && p.end === g.end) exactSpan++;
    } else wrongId.push({ gold: g, pred: p });
  }
  // A prediction overlapping an already-matched gold span (e.g. split spans) counts as a false positive.
  const falsePos = scored.filter((p) => !pUsed.has(p));
  const misses = located.filter((g) => !gUsed.has(g));
  const extraMatched = [...pUsed].filter((p) => !p.inScope).length; // out-of-scope preds that still hit gold
  if (dump) {
    // Per paragraph: predicted "text=id" (✓ correct, ✗ wrong id, + no gold) and gold "text=id" missed (−).
    const goldOf = new Map<Pred, PlacedGold>();
    for (const { g, p } of pairs) if (pUsed.has(p) && gUsed.has(g) && !goldOf.has(p) && [...goldOf.values()].indexOf(g) < 0) goldOf.set(p, g);
    paragraphs.forEach((text, i) => {
      const lo = offsets[i]!, hi = lo + text.length;
      const ps = preds.filter((p) => p.start >= lo && p.start < hi).map((p) => {
        const g = goldOf.get(p);
        return `${g ? (same(g, p) ? '✓' : `✗(gold ${g.id})`) : '+'}${p.text}=${p.id}`;
      });
      const ms = misses.filter((g) => g.start! >= lo && g.start! < hi).map((g) => `−${g.text}=${g.id}`);
      console.log(`[${i}]${inScope[i] ? '' : ' (out of scope)'} ${text.slice(0, 100)}${text.length > 100 ? '…' : ''}`);
      if (ps.length || ms.length) console.log(`      ${[...ps, ...ms].join('  ')}`);
    });
  }
  const verdicts = scored.map((p) => {
    const g = pairs.find((x) => x.p === p && gUsed.has(x.g) && pUsed.has(p))?.g;
    return `${g ? (same(g, p) ? '✓' : `✗(gold ${g.id})`) : '+'} "${p.text}" = ${p.id} (${p.name})`;
  });
  return {
    page,
    split,
    verdicts,
    forced,
    gold: gold.length,
    located: located.length,
    extractionMiss: placed.filter((g) => g.start === null && !g.badOccurrence),
    badOccurrence: placed.filter((g) => g.badOccurrence),
    goldInPack: located.filter((g) => inPack(g)).length,
    predicted: scored.length + extraMatched,
    outOfScope: preds.length - scored.length - extraMatched,
    correct,
    correctInPack,
    exactSpan,
    wrongId,
    byType,
    falsePos,
    misses,
    ms,
  };
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

function summarise(label: string, rows: PageScore[], unit = 'pages') {
  const sum = (f: (r: PageScore) => number) => rows.reduce((s, r) => s + f(r), 0);
  const gold = sum((r) => r.gold), located = sum((r) => r.located), inPack = sum((r) => r.goldInPack);
  const predicted = sum((r) => r.predicted), correct = sum((r) => r.correct), correctInPack = sum((r) => r.correctInPack);
  const wrong = sum((r) => r.wrongId.length), fp = sum((r) => r.falsePos.length), miss = sum((r) => r.misses.length);
  const exMiss = sum((r) => r.extractionMiss.length), outOfScope = sum((r) => r.outOfScope), exact = sum((r) => r.exactSpan);
  const P = predicted ? correct / predicted : 0, Rp = inPack ? correctInPack / inPack : 0, Ra = located ? correct / located : 0;
  console.log(`\n== ${label}: ${rows.length} ${unit}, ${gold} gold mentions (${located} found in our text, ${inPack} with an id in the pack)`);
  console.log(`  precision          ${pct(correct, predicted)}  (${correct} correct of ${predicted} predicted; ${wrong} wrong id, ${fp} with no gold name)`);
  console.log(`  recall, in pack    ${pct(correctInPack, inPack)}  (${correctInPack} of ${inPack})   F1 ${(100 * f1(P, Rp)).toFixed(1)}`);
  console.log(`  recall, all names  ${pct(correct, located)}  (${correct} of ${located}; ${miss} not linked at all)   F1 ${(100 * f1(P, Ra)).toFixed(1)}`);
  console.log(`  exact spans        ${pct(exact, correct)} of correct links`);
  const types: Record<string, [number, number]> = {};
  for (const r of rows) for (const [t, [n, c]] of Object.entries(r.byType)) { const x = (types[t] ??= [0, 0]); x[0] += n; x[1] += c; }
  console.log(`  recall in pack by type  ${Object.entries(types).sort().map(([t, [n, c]]) => `${t} ${pct(c, n)} (${c}/${n})`).join(' · ')}`);
  console.log(`  extraction misses  ${exMiss} gold mentions not in our text;  ${outOfScope} predicted mentions outside Readability's text (not scored)`);
  const forced = rows.filter((r) => r.forced).map((r) => r.page);
  if (forced.length) console.log(`  gate said "not an article" (run with forced extraction): ${forced.join(', ')}`);
  const bad = rows.flatMap((r) => r.badOccurrence.map((g) => `${r.page}:${g.text}#${g.occurrence}`));
  if (bad.length) console.log(`  gold occurrence not found in gold text (fix the annotation): ${bad.join(', ')}`);
}

function table(title: string, entries: string[], top: number) {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e, (counts.get(e) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  console.log(`\n-- ${title} (${entries.length} in all, ${counts.size} distinct; top ${Math.min(top, counts.size)})`);
  for (const [k, n] of sorted.slice(0, top)) console.log(`  ${String(n).padStart(4)}  ${k}`);
}

function errors(rows: PageScore[], knowledge: Knowledge, top: number) {
  const name = (id: string) => knowledge.entities.byId.get(id)?.name;
  const packId = (g: GoldMention) => [g.id, ...(g.alt ?? [])].find((id) => knowledge.entities.byId.has(id));
  const idText = (id: string) => (name(id) ? `${id} (${name(id)})` : id);
  table(
    'false positives: predicted text → id [pages]',
    rows.flatMap((r) => r.falsePos.map((p) => `"${p.text}" → ${idText(p.id)}`)),
    top,
  );
  table(
    'wrong ids: gold text: gold id → predicted id',
    rows.flatMap((r) => r.wrongId.map(({ gold, pred }) => `"${gold.text}": ${idText(packId(gold) ?? gold.id)}${packId(gold) || gold.id.startsWith('unk:') ? '' : ' [not in pack]'} → ${idText(pred.id)}`)),
    top,
  );
  table(
    'misses, id in the pack: gold text → gold id',
    rows.flatMap((r) => r.misses.filter((g) => packId(g)).map((g) => `"${g.text}" → ${idText(packId(g)!)}`)),
    top,
  );
  table(
    'misses, known id not in the pack (dropped or never compiled): gold text → gold id',
    rows.flatMap((r) => r.misses.filter((g) => !packId(g) && !g.id.startsWith('unk:')).map((g) => `"${g.text}" → ${g.id}`)),
    top,
  );
  table(
    'misses, no reference record (unk:): gold text',
    rows.flatMap((r) => r.misses.filter((g) => g.id.startsWith('unk:')).map((g) => `"${g.text}" → ${g.id}`)),
    Math.min(top, 15),
  );
  table(
    'extraction misses: gold text absent from our text [page]',
    rows.flatMap((r) => r.extractionMiss.map((g) => `[${r.page}] "${g.text}"`)),
    Math.min(top, 15),
  );
}

export async function run(args: string[], shared: string): Promise<void> {
  const split = (arg(args, '--split') ?? 'dev') as Split | 'all';
  if (!['dev', 'held-out', 'all'].includes(split)) {
    console.error('eval entities: --split must be dev, held-out or all');
    process.exitCode = 2;
    return;
  }
  if (arg(args, '--set') === 'news') return runNews(args, shared, split);
  const only = arg(args, '--only');
  // --only takes one page or a comma-separated list (e.g. the pages annotated in one session).
  const onlyPages = only ? new Set(only.split(',')) : undefined;
  const pagesDir = path.join(shared, 'data/readability-pages');
  const files = readdirSync(GOLD_DIR).filter((f) => f.endsWith('.json')).sort();
  const golds = files
    .map((f) => JSON.parse(readFileSync(path.join(GOLD_DIR, f), 'utf8')) as { page: string; mentions: GoldMention[] })
    .filter((g) => (onlyPages ? onlyPages.has(g.page) : split === 'all' || splitOf(g.page) === split));
  if (!golds.length) {
    console.log(`eval entities: no gold pages for split ${split}${only ? ` / page ${only}` : ''}`);
    return;
  }

  const t0 = performance.now();
  const { pack, from } = await loadPack(args, shared);
  const knowledge = buildKnowledge([pack]);
  console.log(`eval entities — split ${only ? `page ${only}` : split}; knowledge: ${from} (${pack.entities.length} entities), built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const rows: PageScore[] = [];
  for (const g of golds) {
    const dir = path.join(pagesDir, g.page);
    if (!existsSync(path.join(dir, 'source.html'))) {
      console.log(`  ${g.page}: missing from ../shared, skipped`);
      continue;
    }
    rows.push(scorePage(g.page, dir, g.mentions, knowledge, onlyPages?.size === 1 && args.includes('--dump')));
  }

  report(rows, args, split, only, knowledge);
}

/** Per-page lines, summaries and error tables (shared by the page set and the news set). */
function report(rows: PageScore[], args: string[], split: Split | 'all', only: string | undefined, knowledge: Knowledge, unit = 'pages') {
  const top = Number(arg(args, '--top') ?? 25);
  // Same rule as the error tables: with --split all, the per-prediction lines are for dev pages only.
  if (args.includes('--links') && split !== 'held-out') for (const r of rows) if (split !== 'all' || only || r.split === 'dev') for (const v of r.verdicts) console.log(`  [${r.page}] ${v}`);
  if ((args.includes('--pages') || only) && split !== 'held-out') {
    console.log('\n  page                          gold  found inPack  pred  corr  wrong   FP  miss   P      R(pack) R(all)   ms');
    for (const r of rows) {
      if (split === 'all' && !only && r.split !== 'dev') continue;
      console.log(
        `  ${(r.page + (r.forced ? '*' : '')).padEnd(28)} ${String(r.gold).padStart(5)} ${String(r.located).padStart(6)} ${String(r.goldInPack).padStart(6)} ${String(r.predicted).padStart(5)} ${String(r.correct).padStart(5)} ${String(r.wrongId.length).padStart(6)} ${String(r.falsePos.length).padStart(4)} ${String(r.misses.length).padStart(5)}   ${pct(r.correct, r.predicted).padStart(6)} ${pct(r.correctInPack, r.goldInPack).padStart(7)} ${pct(r.correct, r.located).padStart(6)} ${r.ms.toFixed(0).padStart(5)}`,
      );
    }
  }
  const splits: Split[] = split === 'all' && !only ? ['dev', 'held-out'] : [];
  for (const s of splits) summarise(s, rows.filter((r) => r.split === s), unit);
  summarise(only ? only : split === 'all' ? 'all' : split, rows, unit);
  // Held-out is reported, never studied: its error tables print only when asked for by name
  // (--split held-out --errors); --split all lists dev pages only, --summary prints none.
  if (args.includes('--summary')) return;
  if (split === 'held-out' && !args.includes('--errors')) {
    console.log('\n(held-out: summary only; its error tables print with --errors, which nobody tuning should read)');
    return;
  }
  if (split === 'all' && !only) console.log('\n(error tables below: dev pages only; held-out errors print only with --split held-out --errors)');
  errors(split === 'all' && !only ? rows.filter((r) => r.split === 'dev') : rows, knowledge, top);
}

interface NewsGoldFile {
  split: Split;
  items: { item: string; mentions: GoldMention[] }[];
}

/** Items by id from the news-event corpus (one pass over the file; only the wanted ids kept). */
export function readNewsItems(shared: string, wanted: Set<string>): Map<string, NewsItem> | null {
  const file = path.join(shared, 'data/coverage/coverage.jsonl');
  if (!existsSync(file)) return null;
  const out = new Map<string, NewsItem>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const id = /^\{"id": ?"([^"]+)"/.exec(line)?.[1];
    if (id && wanted.has(id)) out.set(id, JSON.parse(line) as NewsItem);
  }
  return out;
}

/** `--set news`: the news-event items annotated in entities-gold-news/*.json. */
async function runNews(args: string[], shared: string, split: Split | 'all'): Promise<void> {
  const only = arg(args, '--only');
  const onlyItems = only ? new Set(only.split(',')) : undefined;
  const files = existsSync(NEWS_GOLD_DIR) ? readdirSync(NEWS_GOLD_DIR).filter((f) => f.endsWith('.json')).sort() : [];
  const entries = files.flatMap((f) => {
    const g = JSON.parse(readFileSync(path.join(NEWS_GOLD_DIR, f), 'utf8')) as NewsGoldFile;
    if (g.split !== 'dev' && g.split !== 'held-out') throw new Error(`${f}: "split" must be dev or held-out`);
    return g.items.map((it) => ({ ...it, split: g.split, file: f }));
  }).filter((e) => (onlyItems ? onlyItems.has(e.item) : split === 'all' || e.split === split));
  if (!entries.length) {
    console.log(`eval entities --set news: no annotated items for split ${split}${only ? ` / item ${only}` : ''}`);
    return;
  }
  const items = readNewsItems(shared, new Set(entries.map((e) => e.item)));
  if (!items) {
    console.log('eval entities --set news: skipped — ../shared/data/coverage/coverage.jsonl is not present');
    return;
  }
  // The pack compiler counts names over this corpus but never the items it reserves for this eval
  // (lib/dataset/news-salience.ts, the gold's own draw order): a gold item outside it was counted.
  const reserve = newsGoldReserve(readNewsCorpus(path.join(shared, 'data/coverage/coverage.jsonl')));
  const unreserved = entries.filter((e) => !reserve.has(e.item));
  if (unreserved.length) console.log(`WARNING: ${unreserved.length} gold items are outside the compiler's eval reserve (news-salience.ts), so the pack's selection counted their names: ${unreserved.slice(0, 5).map((e) => e.item).join(', ')}`);
  const t0 = performance.now();
  const { pack, from } = await loadPack(args, shared);
  const knowledge = buildKnowledge([pack]);
  console.log(`eval entities — news items, split ${only ? `item ${only}` : split}; knowledge: ${from} (${pack.entities.length} entities), built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const rows: PageScore[] = [];
  for (const e of entries) {
    const item = items.get(e.item);
    if (!item) {
      console.log(`  ${e.item} (${e.file}): not in coverage.jsonl, skipped`);
      continue;
    }
    rows.push(scoreNewsItem(item, e.split, e.mentions, knowledge, onlyItems?.size === 1 && args.includes('--dump')));
  }
  report(rows, args, split, only, knowledge, 'items');
}
