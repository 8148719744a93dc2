/**
 * Sentence-level opinion model: is this sentence the author's opinion (SUBJ) or reporting (OBJ)?
 *
 *   sentenceOpinion("Vague promises offer little hope.")
 *     → { score: 0.8, label: 'SUBJ', reasons: ["evaluative language: 'little hope'"] }
 *
 * The weights (assets/opinion-model.json, built by `npm run train:opinion`) are imported as JSON
 * so the same code runs in the extension bundle and in Node. `score` is the model's probability
 * of opinion; `label` applies the trained threshold (chosen for a news-like mix of about one
 * opinion sentence in four — see lib/opinion/train.ts).
 */
import raw from '../../assets/opinion-model.json';
import {
  bigramBucket,
  dotFeatures,
  sigmoid,
  styleBucket,
  wordBucket,
  type CueHit,
  type FeatureConfig,
  type Token,
  type WordInfo,
} from './features';
import { CUE_LABEL, type CueCategory } from './lexicon';
import type { ModelFile } from './model-file';
import { wordScoreIn } from './word-scores';


export interface SentenceOpinion {
  score: number;
  label: 'SUBJ' | 'OBJ';
  reasons: string[];
}

/**
 * The same reasons as facts, not words (for surfaces that render them in the reader's language —
 * lib/opinion/passages.ts turns them into message keys): a group of lexicon cues, a style feature,
 * or the words that pushed hardest. `reasons` above stays the English form for `classify`.
 */
export type SentenceWhy =
  | { kind: 'cue'; cat: CueCategory; phrases: string[] }
  | { kind: 'style'; name: string }
  | { kind: 'words'; label: 'SUBJ' | 'OBJ'; words: string[] };

export interface SentenceDetail extends SentenceOpinion {
  /** `reasons` as facts (same order). */
  why: SentenceWhy[];
  /** Raw logit. */
  z: number;
  tokens: Token[];
  cues: CueHit[];
  /** Share of words inside quotation marks. */
  quotedShare: number;
  /** An attribution cue (said, wrote, according to…) outside quotation marks. */
  attributed: boolean;
}

const M = raw as unknown as ModelFile;
if (M.format !== 2 || typeof M.wordScores !== 'string') throw new Error(`opinion model: format ${M.format}, this code reads format 2`);

interface Loaded {
  cfg: FeatureConfig;
  weights: Float32Array;
}
let loaded: Loaded | null = null;

function load(): Loaded {
  if (loaded) return loaded;
  const cfg = M.features;
  const weights = new Float32Array(1 << cfg.bits);
  let b = 0;
  for (let i = 0; i < M.idx.length; i++) {
    b += M.idx[i]!;
    weights[b] = M.w[i]! * M.scale;
  }
  loaded = { cfg, weights };
  return loaded;
}

/** The decision threshold on `score` used for `label`. */
export const OPINION_THRESHOLD: number = M.threshold;
/** Cross-validation figures recorded by the trainer (train+dev only). */
export const MODEL_CV = M.cv;


const memo = new Map<string, WordInfo>();
const MEMO_MAX = 50_000;

function logit(sentence: string): { z: number; tokens: Token[]; cues: CueHit[]; style: [string, number][] } {
  const m = load();
  if (memo.size > MEMO_MAX) memo.clear();
  const ex = dotFeatures(sentence, m.cfg, m.weights, memo, M.wordScores ? wordScore : undefined);
  return { z: M.bias + ex.z + ex.extraMean, tokens: ex.tokens, cues: ex.cues, style: ex.style };
}


/**
 * A word's score (the embedding term), 0 for a word without one: looked up in the file's own
 * string, so loading the model makes nothing per word (issue #8, lib/opinion/word-scores.ts).
 */
export function wordScore(word: string): number {
  return wordScoreIn(M.wordScores, word) * M.wordScale;
}

/** Weights as a dense table (for tests and tools). */
export function modelWeights(): { cfg: FeatureConfig; weights: Float32Array; bias: number } {
  const m = load();
  return { ...m, bias: M.bias };
}

/** Probability of opinion only (fast path, no reasons). */
export function sentenceScore(sentence: string): number {
  return sigmoid(logit(sentence).z);
}

const STOP = new Set('the and for with that this from was were are has have had its his her their they them than then but not into over also been which who whom what when where there here our your you she him'.split(' '));

const REPORTING_STYLE: Record<string, string> = {
  attr: 'attributed to a source',
  'attr+quote': 'quotes a source',
  'quote:all': 'quoted speech',
  num: 'figures and numbers',
  caps: 'names people or organisations',
};
const OPINION_STYLE: Record<string, string> = {
  'question:direct': 'rhetorical question',
  exclaim: 'exclamation',
  'eval:unattributed': 'unattributed judgement',
};

export function sentenceDetail(sentence: string): SentenceDetail {
  const m = load();
  const { z, tokens, cues, style } = logit(sentence);
  const score = sigmoid(z);
  const label: 'SUBJ' | 'OBJ' = score >= M.threshold ? 'SUBJ' : 'OBJ';
  const bits = m.cfg.bits;
  const wOf = (name: string) => m.weights[styleBucket(name, bits)]!;
  const reasons: string[] = [];
  const why: SentenceWhy[] = [];
  const sign = label === 'SUBJ' ? 1 : -1;
  if (label === 'SUBJ') {
    // Lexicon cues outside quotes whose learned weight points to opinion, grouped by kind,
    // strongest kind first: "evaluative language: 'vague', 'little hope'".
    const groups = new Map<string, { phrases: string[]; w: number; first: boolean; cat: CueCategory }>();
    for (const c of cues) {
      if (c.inQuote) continue;
      const name = CUE_LABEL[c.cat as CueCategory];
      if (!name) continue;
      const w = wOf(`cue:${c.cat}`) + (m.weights[wordBucket(c.phrase.split(' ')[0]!, bits)] ?? 0);
      if (w <= 0) continue;
      const g = groups.get(name) ?? { phrases: [], w: 0, first: c.cat === 'first-sg', cat: c.cat as CueCategory };
      if (!g.phrases.includes(c.phrase)) g.phrases.push(c.phrase);
      g.w = Math.max(g.w, w);
      groups.set(name, g);
    }
    const cand: { text: string; w: number; why: SentenceWhy }[] = [];
    for (const [name, g] of groups) {
      const phrases = g.phrases.slice(0, 3).map((p) => (p === 'i' || p.startsWith('i ') || p.startsWith("i'") ? 'I' + p.slice(1) : p));
      const list = phrases.map((p) => `'${p}'`).join(', ');
      cand.push({ text: g.first ? `${name} (${list})` : `${name}: ${list}`, w: g.w, why: { kind: 'cue', cat: g.cat, phrases } });
    }
    for (const [name, value] of style) if (OPINION_STYLE[name] && wOf(name) * value > 0) cand.push({ text: OPINION_STYLE[name]!, w: wOf(name), why: { kind: 'style', name } });
    cand.sort((a, b) => b.w - a.w);
    reasons.push(...cand.slice(0, 3).map((c) => c.text));
    why.push(...cand.slice(0, 3).map((c) => c.why));
  } else {
    for (const [name, value] of style) {
      if (REPORTING_STYLE[name] && wOf(name) * value * sign > 0) {
        reasons.push(REPORTING_STYLE[name]!);
        why.push({ kind: 'style', name });
      }
    }
  }
  if (reasons.length < 2) {
    // Fall back to the words that pushed hardest in the label's direction.
    const contrib: { t: string; w: number }[] = [];
    const named = new Set(cues.flatMap((c) => c.phrase.split(' ')));
    let prev = '<s>';
    for (const tk of tokens) {
      if (tk.kind === 'w' && !tk.inQuote && tk.t.length > 2 && !STOP.has(tk.t) && !(label === 'SUBJ' && named.has(tk.t))) {
        const w = (m.weights[wordBucket(tk.t, bits)]! + m.weights[bigramBucket(prev, tk.t, bits)]!) * sign;
        if (w > 0) contrib.push({ t: prev !== '<s>' && m.weights[bigramBucket(prev, tk.t, bits)]! * sign > m.weights[wordBucket(tk.t, bits)]! * sign ? `${prev} ${tk.t}` : tk.t, w });
      }
      prev = tk.t;
    }
    contrib.sort((a, b) => b.w - a.w);
    const top = contrib.slice(0, 2).map((c) => c.t);
    if (top.length) {
      reasons.push(`${label === 'SUBJ' ? 'wording typical of opinion' : 'wording typical of reporting'}: ${top.map((w) => `'${w}'`).join(', ')}`);
      why.push({ kind: 'words', label, words: top });
    }
  }
  let nw = 0, nq = 0;
  for (const tk of tokens) if (tk.kind === 'w') { nw++; if (tk.inQuote) nq++; }
  const attributed = cues.some((c) => c.cat === 'attribution' && !c.inQuote);
  return { score, label, reasons, why, z, tokens, cues, quotedShare: nw ? nq / nw : 0, attributed };
}

/** Opinion score, label and reader-facing reasons for one sentence. */
export function sentenceOpinion(sentence: string): SentenceOpinion {
  const d = sentenceDetail(sentence);
  return { score: d.score, label: d.label, reasons: d.reasons };
}
