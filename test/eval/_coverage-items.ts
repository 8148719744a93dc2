/**
 * `npm run eval -- coverage --dev-only --items [--train-n 6000] [--item-trees 150 --item-depth 3
 *   --item-rate 0.1 --item-l2 1] [--write-items]`
 *
 * Fits the item stage of relatedCoverage (lib/coverage/item-rank.ts): per TRAIN query (eligible
 * items after the 800-item sample, never dev or held-out) the strongest candidates' item rows,
 * labelled "shares a topic heading with the query" (the eval's relevance). A linear listwise model
 * (fitSoftmax) first, then boosted trees (fitTrees) on its margin. Prints dev P@5 / nDCG@10 with
 * the item stage off, linear, and linear + trees every --report-every trees. Held-out is not
 * touched here. --write-items writes lib/coverage/item-model.ts.
 *
 * Rows are cached in .cache/ keyed by rank.ts, item-rank.ts, rerank.ts and the pack; --fresh-rows
 * rebuilds them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CoverageRecord } from '../../lib/dataset/schema';
import type { RankParams } from '../../lib/coverage/rank';
import { DEFAULT_RANK_PARAMS } from '../../lib/coverage/rank';
import { fitSoftmax } from '../../lib/coverage/rerank';
import { fitTrees, type BoostGroup, type TreeEnsemble } from '../../lib/coverage/boost';
import { ITEM_DIM, ITEM_FEATURES, itemScores, type ItemModel } from '../../lib/coverage/item-rank';
import { hashId } from './coverage';
import { cachedRows } from './_row-cache';
import { rewriteModelExport, treeEnsembleSource } from './_model-source';

/** One query's re-scored candidates: item rows, strongest first, and which are relevant. */
export interface ItemRows { id: string; rows: Float64Array[]; rel: Uint8Array }

export interface ItemsInput {
  args: string[];
  eligible: CoverageRecord[];
  sampleN: number;
  dev: CoverageRecord[];
  params: Partial<RankParams>;
  evaluate: (set: CoverageRecord[], params: Partial<RankParams>, itemModel: ItemModel | null) => { p5: number; ndcg10: number; n: number };
  /** Train queries (entities linked from their text) scored like dev ones, with this item model. */
  evaluateLinked: (set: CoverageRecord[], itemModel: ItemModel | null) => { p5: number; ndcg10: number; n: number };
  /** Item rows per query with the item stage off; `linked`: the eval's own query entities (dev), else link the text. */
  rowsOf: (set: CoverageRecord[], linked: boolean) => ItemRows[];
}

const num = (args: string[], flag: string, d: number) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : d);

function cached(name: string, fresh: boolean, make: () => ItemRows[]): ItemRows[] {
  const code = ['lib/coverage/rank.ts', 'lib/coverage/item-rank.ts', 'lib/coverage/rerank.ts', 'lib/coverage/headings.ts', 'lib/coverage/chooser-trees.ts'].map((f) => readFileSync(f, 'utf8')).join('|');
  return cachedRows(`coverage-items-${name}-${ITEM_DIM}`, code, 'rel', fresh, make);
}

export async function fitItemStage(x: ItemsInput): Promise<void> {
  const { args } = x;
  const trainN = num(args, '--train-n', 6000);
  const train = x.eligible.slice(x.sampleN, x.sampleN + trainN);
  const t0 = performance.now();
  const trainRows = cached(`train${x.sampleN}-${trainN}`, args.includes('--fresh-rows'), () => x.rowsOf(train, false));
  console.log(`  items: rows for ${trainRows.length} train queries in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  // The stage acts on pages linking fewer than itemEntities entities: learn from those only.
  const limit = Math.log1p(x.params.itemEntities ?? DEFAULT_RANK_PARAMS.itemEntities);
  const qCol = ITEM_FEATURES.indexOf('queryEntities');
  // Queries with both relevant and irrelevant candidates (the others carry no ranking signal).
  const groups = trainRows.filter((q) => q.rows.length > 1 && q.rows[0]![qCol]! < limit && q.rel.includes(1) && q.rel.includes(0));
  const nRows = groups.reduce((a, q) => a + q.rows.length, 0);
  console.log(`  items: ${groups.length} train queries with mixed candidates (${nRows} rows, ${groups.reduce((a, q) => a + q.rel.reduce((s, v) => s + v, 0), 0)} relevant)`);
  const top = num(args, '--item-top', 60);
  const treeOptions = (onTree?: (t: number, m: TreeEnsemble) => void) => ({
    trees: num(args, '--item-trees', 150),
    depth: num(args, '--item-depth', 3),
    rate: num(args, '--item-rate', 0.1),
    lambda: num(args, '--item-lambda', 1),
    minHessian: num(args, '--item-min-hess', 1),
    bins: 32,
    objective: args.includes('--item-softmax') ? ('softmax' as const) : ('lambda' as const),
    lambdaCut: num(args, '--lambda-cut', 10),
    onTree,
  });
  if (args.includes('--items-cv')) {
    // Two-fold check on the train queries alone (no dev, no held-out): fit on one half, score the
    // other half with and without the item stage, then swap. ~4,400 queries per half, so a gain
    // far smaller than dev's noise (408 queries) shows.
    const half = (id: string) => hashId(`cv:${id}`) % 2;
    for (const fold of [0, 1]) {
      const fitOn = groups.filter((q) => half(q.id) === fold);
      const lin = fitSoftmax(fitOn.map((q) => ({ rows: q.rows, own: q.rel })), num(args, '--item-l2', 1));
      const tr = fitTrees(fitOn.map((q) => ({ rows: q.rows, own: q.rel, margin: itemScores({ linear: lin, trees: null, top }, q.rows) })), treeOptions());
      const scoreOn = train.filter((it) => half(it.id) !== fold);
      const a = x.evaluateLinked(scoreOn, null), b = x.evaluateLinked(scoreOn, { linear: lin, trees: tr, top });
      console.log(`  items cv: fitted on ${fitOn.length} train queries, scored on the other ${scoreOn.length}: stage off P@5 ${a.p5.toFixed(3)} nDCG@10 ${a.ndcg10.toFixed(3)}; on P@5 ${b.p5.toFixed(3)} nDCG@10 ${b.ndcg10.toFixed(3)}`);
    }
    return;
  }
  const linear = fitSoftmax(groups.map((q) => ({ rows: q.rows, own: q.rel })), num(args, '--item-l2', 1));
  console.log(`  items: linear ${ITEM_FEATURES.map((f, i) => `${f} ${linear[i]!.toFixed(3)}`).join(', ')}`);
  const off = x.evaluate(x.dev, x.params, null);
  const lin = x.evaluate(x.dev, x.params, { linear, trees: null, top });
  console.log(`  items: dev item stage off P@5 ${off.p5.toFixed(3)} nDCG@10 ${off.ndcg10.toFixed(3)}; linear P@5 ${lin.p5.toFixed(3)} nDCG@10 ${lin.ndcg10.toFixed(3)}`);
  const nTrees = num(args, '--item-trees', 150);
  let trees: TreeEnsemble | null = null;
  if (nTrees > 0) {
    const boostGroups: BoostGroup[] = groups.map((q) => ({ rows: q.rows, own: q.rel, margin: itemScores({ linear, trees: null, top }, q.rows) }));
    const every = num(args, '--report-every', 50);
    const t1 = performance.now();
    trees = fitTrees(boostGroups, {
      trees: nTrees,
      depth: num(args, '--item-depth', 3),
      rate: num(args, '--item-rate', 0.1),
      lambda: num(args, '--item-lambda', 1),
      minHessian: num(args, '--item-min-hess', 1),
      bins: 32,
      objective: args.includes('--item-softmax') ? 'softmax' : 'lambda',
      lambdaCut: num(args, '--lambda-cut', 10),
      onTree: (t, m) => {
        if ((t + 1) % every) return;
        const d = x.evaluate(x.dev, x.params, { linear, trees: m, top });
        console.log(`  items: ${t + 1} trees: dev P@5 ${d.p5.toFixed(3)} nDCG@10 ${d.ndcg10.toFixed(3)} (${((performance.now() - t1) / 1000).toFixed(0)} s)`);
      },
    });
  }
  if (args.includes('--write-items')) {
    const file = path.resolve('lib/coverage/item-model.ts');
    const treeSrc = trees ? treeEnsembleSource(trees, '    ') : 'null';
    const bytes = rewriteModelExport(file, 'ITEM_MODEL', `export const ITEM_MODEL: ItemModel = {\n  linear: [${linear.map((w) => Number(w.toFixed(5))).join(', ')}],\n  trees: ${treeSrc},\n  top: ${top},\n};\n`);
    console.log(`  items: wrote ${file} (${bytes} B)`);
  }
}
