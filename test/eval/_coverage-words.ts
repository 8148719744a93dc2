/**
 * `npm run eval -- coverage --dev-only --words-spike [--quick] [--words-unused] [--train-n 3000] [--recent 20]`
 *
 * Spike (#5, session 10): would the storyline chooser gain from the words of the items filed under
 * each heading (not only the heading's own words)? The pack carries no item words, so this
 * measures the information before anyone builds it. For each scored heading of a query, from the
 * `--recent` most recent items filed under it STRICTLY BEFORE the query's date (the query item and
 * everything after it never count), with the query's and the items' content stems
 * (headings.ts contentStems) weighted by idf over all items:
 *   textMax   best single item: Σ idf of shared stems / Σ idf of the query's stems
 *   textMean  the same, averaged over the recent items
 *   textVocab share of the query's idf mass found anywhere in those items
 * Fitted by the listwise softmax (rerank.ts fitSoftmax) on TRAIN queries only (eligible items after
 * the 800-item sample) and scored on dev as storyline top-1: the shipped chooser alone, stacked
 * with the new features (its logit as one input), and the linear chooser refitted with and
 * without them. Held-out is never touched.
 *
 * What a compact form would keep: `--item-stems k` keeps each item's k rarest stems only (a pack
 * could carry those, hashed: `--hash-bits b` folds stems onto b-bit numbers, collisions included);
 * `--quick` skips the two slow full-width refits.
 */
import type { CoverageRecord } from '../../lib/dataset/schema';
import type { CoverageIndex } from '../../lib/coverage/index';
import { contentStems, headingIndexOf, priorEnd } from '../../lib/coverage/headings';
import { fitSoftmax, RERANK_WEIGHTS, type RerankGroup } from '../../lib/coverage/rerank';
import { chooserLogits } from '../../lib/coverage/boost';
import { CHOOSER_TREES } from '../../lib/coverage/chooser-trees';

/** One query's scored headings (topic numbers), their feature rows, which are its own, and its entity count. */
export interface HeadingRows { id: string; date: string; text: string; heads: number[]; rows: Float64Array[]; own: Uint8Array; nEntities: number }

export interface WordsSpikeInput {
  args: string[];
  index: CoverageIndex;
  /** The corpus text of an item (its summary, else its title), by id. */
  textOf: (id: string) => string;
  train: HeadingRows[];
  dev: HeadingRows[];
}

const NEW_FEATURES = ['textMax', 'textMean', 'textVocab'] as const;

const num = (args: string[], flag: string, d: number) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : d);

function top1(groups: { rows: Float64Array[]; own: Uint8Array }[], w: readonly number[], total: number): number {
  let right = 0;
  for (const g of groups) {
    let best = -Infinity, ok = false;
    g.rows.forEach((r, i) => { let z = 0; for (let j = 0; j < w.length; j++) z += w[j]! * r[j]!; if (z > best) { best = z; ok = g.own[i] === 1; } });
    if (ok) right++;
  }
  return right / (total || 1);
}

/** What the spike fitted: the new features of a query's headings, and the stacked weights [bias, shipped logit, NEW_FEATURES…]. */
export interface WordsSpikeFit {
  features: (q: Pick<HeadingRows, 'date' | 'text' | 'heads' | 'rows'>) => Float64Array[];
  stacked: number[];
}

export function wordsSpike(x: WordsSpikeInput): WordsSpikeFit {
  const { index } = x;
  const recent = num(x.args, '--recent', 20);
  const hx = headingIndexOf(index);
  // Stems of every indexed item, as stem numbers; idf over items.
  const stemId = new Map<string, number>();
  const df: number[] = [];
  const itemStems: Int32Array[] = [];
  for (let n = 0; n < index.items.length; n++) {
    const ids = contentStems(x.textOf(index.items[n]!.record.id)).map((s) => {
      let k = stemId.get(s);
      if (k === undefined) { k = df.length; stemId.set(s, k); df.push(0); }
      df[k]!++;
      return k;
    });
    itemStems.push(Int32Array.from(ids));
  }
  const N = index.items.length;
  const idf = Float64Array.from(df, (d) => Math.log((N + 1) / (d + 0.5)));
  const keep = num(x.args, '--item-stems', Infinity);
  if (Number.isFinite(keep)) for (let n = 0; n < N; n++) itemStems[n] = Int32Array.from([...itemStems[n]!].sort((a, b) => idf[b]! - idf[a]! || a - b).slice(0, keep));
  const bits = num(x.args, '--hash-bits', 0);
  if (bits > 0) {
    // Stems folded onto b-bit numbers (FNV-1a of the stem): a hashed stem matches every stem with its hash.
    const fold = new Map<number, number>(); // stem number → the first stem number with the same hash
    const byHash = new Map<number, number>();
    for (const [st, k] of stemId) {
      let h = 0x811c9dc5;
      for (let i = 0; i < st.length; i++) { h ^= st.charCodeAt(i); h = Math.imul(h, 0x01000193); }
      h = (h >>> 0) & ((1 << bits) - 1);
      const first = byHash.get(h);
      if (first === undefined) byHash.set(h, k);
      fold.set(k, first ?? k);
    }
    for (let n = 0; n < N; n++) itemStems[n] = Int32Array.from(itemStems[n]!, (k) => fold.get(k)!);
    for (const [st, k] of stemId) stemId.set(st, fold.get(k)!);
    console.log(`  words spike: stems hashed to ${bits} bits: ${df.length} stems onto ${byHash.size} numbers`);
  }
  const qIdf = new Float64Array(df.length);
  const seen = new Uint8Array(df.length);

  const extend = (q: Pick<HeadingRows, 'date' | 'text' | 'heads' | 'rows'>): Float64Array[] => {
    const stems = contentStems(q.text).map((s) => stemId.get(s)).filter((k): k is number => k !== undefined);
    let qMass = 0;
    for (const k of stems) { qIdf[k] = idf[k]!; qMass += idf[k]!; }
    const day = Date.parse(q.date) / 86_400_000;
    const out = q.heads.map((t, i) => {
      const list = hx.items[t] ?? [];
      const end = priorEnd(index.days, list, day);
      let max = 0, sum = 0, m = 0, vocab = 0;
      const touchedStems: number[] = [];
      for (let j = end - 1; j >= Math.max(0, end - recent); j--, m++) {
        let s = 0;
        for (const k of itemStems[list[j]!]!) {
          const v = qIdf[k]!;
          if (v > 0) { s += v; if (!seen[k]) { seen[k] = 1; vocab += v; touchedStems.push(k); } }
        }
        s /= qMass || 1;
        sum += s;
        if (s > max) max = s;
      }
      for (const k of touchedStems) seen[k] = 0;
      const row = new Float64Array(q.rows[i]!.length + NEW_FEATURES.length);
      row.set(q.rows[i]!);
      row.set([max, m ? sum / m : 0, vocab / (qMass || 1)], q.rows[i]!.length);
      return row;
    });
    for (const k of stems) qIdf[k] = 0;
    return out;
  };
  const t0 = performance.now();
  const shipped = (q: HeadingRows) => chooserLogits(RERANK_WEIGHTS, q.nEntities < 5 ? CHOOSER_TREES : null, q.rows);
  const build = (qs: HeadingRows[]) => qs.map((q) => {
    const ext = extend(q);
    const z = shipped(q);
    const d = q.rows[0]?.length ?? 0;
    // Stacked rows: [bias, shipped logit, new features]; full rows: [chooser features, new features].
    const stacked = ext.map((r, i) => Float64Array.from([1, z[i]!, ...r.subarray(d)]));
    return { own: q.own, full: ext, base: q.rows, stacked, shippedOnly: ext.map((_, i) => Float64Array.from([1, z[i]!])) };
  });
  const train = build(x.train), dev = build(x.dev);
  console.log(`  words spike: features for ${train.length} train and ${dev.length} dev queries in ${((performance.now() - t0) / 1000).toFixed(1)} s (recent ${recent})`);
  const withOwn = <T extends { own: Uint8Array }>(qs: T[]) => qs.filter((q) => q.own.includes(1));
  const fit = (key: 'full' | 'base' | 'stacked' | 'shippedOnly', l2: number) => fitSoftmax(withOwn(train).map((q) => ({ rows: q[key], own: q.own }) as RerankGroup), l2);
  const l2 = num(x.args, '--l2', 1);
  const devOf = (key: 'full' | 'base' | 'stacked' | 'shippedOnly') => dev.map((q) => ({ rows: q[key], own: q.own }));
  const trOf = (key: 'full' | 'base' | 'stacked' | 'shippedOnly') => train.map((q) => ({ rows: q[key], own: q.own }));
  const shippedTop1 = top1(devOf('shippedOnly'), [0, 1], dev.length);
  console.log(`  words spike: dev top-1, shipped chooser (linear + trees) ${shippedTop1.toFixed(3)}`);
  let stackedW: number[] = [];
  for (const key of x.args.includes('--quick') ? (['shippedOnly', 'stacked'] as const) : (['shippedOnly', 'stacked', 'base', 'full'] as const)) {
    const w = fit(key, l2);
    if (key === 'stacked') stackedW = w;
    console.log(`  words spike: ${key.padEnd(11)} dev top-1 ${top1(devOf(key), w, dev.length).toFixed(3)} (train ${top1(trOf(key), w, train.length).toFixed(3)}); new-feature weights ${w.slice(w.length - (key === 'shippedOnly' || key === 'base' ? 0 : NEW_FEATURES.length)).map((v, i) => `${NEW_FEATURES[i]} ${v.toFixed(3)}`).join(', ') || '—'}${key === 'stacked' || key === 'shippedOnly' ? `; shipped logit ${w[1]!.toFixed(3)}` : ''}`);
  }
  // Per feature alone on top of the shipped logit.
  for (let f = 0; f < NEW_FEATURES.length; f++) {
    const pick = (qs: typeof train) => qs.map((q) => ({ rows: q.stacked.map((r) => Float64Array.from([1, r[1]!, r[2 + f]!])), own: q.own }));
    const w = fitSoftmax(pick(train).filter((q) => q.own.includes(1)), l2);
    console.log(`  words spike: shipped + ${NEW_FEATURES[f]} alone: dev top-1 ${top1(pick(dev), w, dev.length).toFixed(3)} (weight ${w[2]!.toFixed(3)})`);
  }
  const width = NEW_FEATURES.length;
  return { features: (q) => extend(q).map((r) => r.subarray(r.length - width)), stacked: stackedW };
}

/** The scored-heading rows of one query, as relatedCoverage's onFeatures gives them, with topic numbers. */
export function headingRowsOf(index: CoverageIndex, it: CoverageRecord, text: string, own: Set<string>, nEntities: number, names: string[], rows: Float64Array[]): HeadingRows {
  const byName = topicNumbers(index);
  return { id: it.id, date: it.date!, text, heads: names.map((h) => byName.get(h)!), rows, own: Uint8Array.from(names, (h) => (own.has(h) ? 1 : 0)), nEntities };
}

const numbersOf = new WeakMap<CoverageIndex, Map<string, number>>();
function topicNumbers(index: CoverageIndex): Map<string, number> {
  let m = numbersOf.get(index);
  if (!m) numbersOf.set(index, (m = new Map(index.topicNames.map((n, t) => [n, t] as const))));
  return m;
}
