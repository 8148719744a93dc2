/**
 * `npm run eval -- coverage --boost [--train-n 6000] [--trees 150 --depth 3 --rate 0.1 --lambda 1 --min-hess 1]
 *   [--refit-linear --l2 1] [--drop f1,f2] [--mix-inputs] [--write-trees]`
 *
 * Fits the storyline chooser's trees (lib/coverage/boost.ts) on TRAIN queries: eligible items
 * after the 800-item sample, never dev or held-out. Prints the dev storyline top-1 (linear alone,
 * linear + trees every 25 trees) and dev P@5 / nDCG@10 with the trees. With --mix-inputs each
 * train query counts twice, once per query protocol (entities + the item's words; entities alone),
 * and every dev figure is printed per protocol (session 15: no out-of-sample gain; see coverage.ts). Held-out is not touched
 * here. --write-trees writes lib/coverage/chooser-trees.ts; with --refit-linear also the linear weights
 * the trees were fitted on (RERANK_WEIGHTS in lib/coverage/rerank.ts).
 *
 * Feature rows are cached per split in .cache/, keyed by the feature count and the evidence code
 * of rerank.ts; after changing the first stage (rank.ts, headings.ts) pass --fresh-rows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CoverageRecord } from '../../lib/dataset/schema';
import type { RankParams } from '../../lib/coverage/rank';
import { RERANK_DIM, RERANK_FEATURES, RERANK_WEIGHTS, fitSoftmax } from '../../lib/coverage/rerank';
import { cachedRows } from './_row-cache';
import { rewriteModelExport, treeEnsembleSource } from './_model-source';
import { chooserLogits, fitTrees, withContext, type BoostGroup, type TreeEnsemble } from '../../lib/coverage/boost';
import type { QueryProtocol } from './_coverage-protocol';

interface QueryRows { id: string; rows: Float64Array[]; own: Uint8Array }

export interface BoostInput {
  args: string[];
  eligible: CoverageRecord[];
  sampleN: number;
  dev: CoverageRecord[];
  params: Partial<RankParams>;
  evaluate: (set: CoverageRecord[], params: Partial<RankParams>, model?: readonly number[], trees?: TreeEnsemble | null, protocol?: QueryProtocol) => { p5: number; ndcg10: number; n: number };
  /** The run's query protocol (test/eval/_coverage-protocol.ts). */
  protocol: QueryProtocol;
  /** Feature rows per query under a protocol; `linked`: use the eval's own query entities (dev), else link the text. */
  groupsOf: (set: CoverageRecord[], linked: boolean, protocol: QueryProtocol) => QueryRows[];
}

/**
 * The protocols the chooser is fitted and scored on. `--mix-inputs`: both — the shipped ranker
 * serves the extension (entities + a page's title and lead) and issue #5's protocol (entities
 * alone), so each train query is fitted twice, once per input; else the run's own protocol.
 * (Session 15 also fitted it with a 'wordsMatched' evidence column telling the trees which input
 * a query gave, and with two linear sets picked by it: commit dcb888c, not shipped.)
 */
export function fitProtocols(args: readonly string[], own: QueryProtocol): QueryProtocol[] {
  return args.includes('--mix-inputs') ? ['words', 'entities-only'] : [own];
}

const num = (args: string[], flag: string, d: number) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : d);

function cached(name: string, fresh: boolean, make: () => QueryRows[]): QueryRows[] {
  // The evidence code only (not the shipped weights in rerank.ts, which do not change the rows).
  const evidence = readFileSync('lib/coverage/rerank.ts', 'utf8');
  // The first stage (rank.ts, headings.ts) changes the rows too: --fresh-rows after changing it.
  return cachedRows(`coverage-rows-${name}-${RERANK_DIM}`, evidence.slice(evidence.indexOf('export interface HeadingEvidenceInput')), 'own', fresh, make);
}

/** Share of queries whose highest-scoring heading is one of their own (queries with no row count as wrong). */
function top1(qs: QueryRows[], linear: readonly number[], trees: TreeEnsemble | null): number {
  let right = 0;
  for (const q of qs) {
    let best = -Infinity, ok = false;
    chooserLogits(linear, trees, q.rows).forEach((z, i) => { if (z > best) { best = z; ok = q.own[i] === 1; } });
    if (ok) right++;
  }
  return right / (qs.length || 1);
}

/** rerank.ts's source with its one-line RERANK_WEIGHTS replaced by `weights` (4 decimals, as printed). */
export function withLinearWeights(src: string, weights: readonly number[]): string {
  const line = /^export const RERANK_WEIGHTS: readonly number\[\] = \[[^\]]*\];$/m;
  if (!line.test(src)) throw new Error('rerank.ts: no one-line RERANK_WEIGHTS to replace');
  return src.replace(line, `export const RERANK_WEIGHTS: readonly number[] = [${weights.map((w) => Number(w.toFixed(4))).join(', ')}];`);
}

export async function boostChooser(x: BoostInput): Promise<void> {
  const { args } = x;
  const trainN = num(args, '--train-n', 6000);
  const train = x.eligible.slice(x.sampleN, x.sampleN + trainN);
  const t0 = performance.now();
  const protocols = fitProtocols(args, x.protocol);
  // Cached per protocol (the rows differ: the word features), named so that the words rows keep their old name.
  const tag = (p: QueryProtocol) => (p === 'words' ? '' : `-${p}`) + (args.includes('--dated-links') ? '-dated' : '');
  const devBy = protocols.map((p) => cached(`dev${x.sampleN}${tag(p)}`, args.includes('--fresh-rows'), () => x.groupsOf(x.dev, true, p)));
  const trainRows = protocols.flatMap((p) => cached(`train${x.sampleN}-${trainN}${tag(p)}`, args.includes('--fresh-rows'), () => x.groupsOf(train, false, p)));
  const devRows = devBy.flat();
  console.log(`  boost: rows for ${trainRows.length} train and ${devRows.length} dev queries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // --drop f1,f2: fit without those features (their columns zeroed in train and dev rows, so the
  // linear weights stay 0 and no tree splits on them): the control for a new feature.
  const drop = args.includes('--drop') ? args[args.indexOf('--drop') + 1]!.split(',').map((f) => RERANK_FEATURES.indexOf(f as (typeof RERANK_FEATURES)[number])) : [];
  if (drop.includes(-1)) throw new Error(`--drop: unknown feature; known: ${RERANK_FEATURES.join(', ')}`);
  for (const q of [...trainRows, ...devRows]) for (const r of q.rows) for (const j of drop) r[j] = 0;
  const withOwn = trainRows.filter((q) => q.own.includes(1));
  if (!args.includes('--refit-linear') && RERANK_WEIGHTS.length !== RERANK_DIM) throw new Error('--boost: the shipped linear weights do not match the features; add --refit-linear');
  const linear = args.includes('--refit-linear') ? fitSoftmax(withOwn, num(args, '--l2', 1)) : [...RERANK_WEIGHTS];
  if (args.includes('--refit-linear')) console.log(`  boost: linear weights refitted on train: [${linear.map((w) => Number(w.toFixed(4))).join(', ')}]`);
  const perProtocol = (m: TreeEnsemble | null) => protocols.map((p, i) => `${p} ${top1(devBy[i]!, linear, m).toFixed(3)}`).join(', ');
  console.log(`  boost: dev top-1, linear alone ${perProtocol(null)} (train ${top1(trainRows, linear, null).toFixed(3)})`);
  // Trees learn among each query's strongest rivals only: the top --top-k headings by the linear
  // logit (the rest hardly change the choice, and ~190 rows per query make fitting slow).
  const topK = num(args, '--top-k', 40);
  const groups: BoostGroup[] = [];
  for (const q of withOwn) {
    const margin = chooserLogits(linear, null, q.rows);
    const ext = withContext(q.rows, margin);
    const order = [...margin.keys()].sort((a, b) => margin[b]! - margin[a]!).slice(0, topK);
    if (!order.some((i) => q.own[i])) continue;
    groups.push({ rows: order.map((i) => ext[i]!), own: Uint8Array.from(order, (i) => q.own[i]!), margin: Float64Array.from(order, (i) => margin[i]!) });
  }
  const every = num(args, '--report-every', 25);
  const t1 = performance.now();
  const trees = fitTrees(groups, {
    trees: num(args, '--trees', 150),
    depth: num(args, '--depth', 3),
    rate: num(args, '--rate', 0.1),
    lambda: num(args, '--lambda', 1),
    minHessian: num(args, '--min-hess', 1),
    bins: num(args, '--bins', 32),
    onTree: (t, m) => {
      if ((t + 1) % every) return;
      console.log(`  boost: ${t + 1} trees: dev top-1 ${perProtocol(m)}`);
    },
  });
  const nTrees = trees.leaf.length / (1 << trees.depth);
  console.log(`  boost: ${nTrees} trees of depth ${trees.depth} fitted in ${((performance.now() - t1) / 1000).toFixed(1)} s on ${groups.length} train queries (${groups.reduce((a, g) => a + g.rows.length, 0)} rows)`);
  for (const p of protocols) {
    const d0 = x.evaluate(x.dev, x.params, linear, null, p), d1 = x.evaluate(x.dev, x.params, linear, trees, p);
    console.log(`  boost: dev (${p}) linear alone P@5 ${d0.p5.toFixed(3)} nDCG@10 ${d0.ndcg10.toFixed(3)}; with the trees P@5 ${d1.p5.toFixed(3)} nDCG@10 ${d1.ndcg10.toFixed(3)}`);
  }
  if (args.includes('--write-trees')) {
    const file = path.resolve('lib/coverage/chooser-trees.ts');
    const bytes = rewriteModelExport(file, 'CHOOSER_TREES', `export const CHOOSER_TREES: TreeEnsemble = ${treeEnsembleSource(trees, '  ')};\n`);
    console.log(`  boost: wrote ${file} (${nTrees} trees, ${bytes} B)`);
    // The trees were fitted on top of these linear weights: a refit writes both, so the committed
    // command reproduces the shipped chooser whole.
    if (args.includes('--refit-linear')) {
      const rerank = path.resolve('lib/coverage/rerank.ts');
      writeFileSync(rerank, withLinearWeights(readFileSync(rerank, 'utf8'), linear));
      console.log(`  boost: wrote the refitted linear weights into ${rerank}`);
    }
  }
}
