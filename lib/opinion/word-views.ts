/**
 * Training-only per-word views for the dense part of the opinion model (lib/opinion/train.ts).
 * Each gives a few numbers per word; the model sees their mean over a sentence's words, so what it
 * learns folds into the one score per word that ships (assets/opinion-model.json) — no vectors,
 * lexicons or text ship. Tried under CV and not in the shipped configuration (see train.ts's table);
 * kept so `npm run train:opinion -- --search --only x:` reproduces those rows.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { tokenize } from './features';
import type { Embeddings } from './train';
import { mulberry32 } from '../seeded-random';

/**
 * VADER's sentiment lexicon (vader-sentiment, Apache-2.0; lexicon by Hutto & Gilbert, MIT), training
 * only, installed on demand into .cache/lex like the embeddings. Word → mean valence (−4…4).
 * Plain lower-case words only (emoticons dropped).
 */
const LEX_PKG = 'vader-sentiment';
export function loadValence(root: string): Map<string, number> {
  const prefix = path.join(root, '.cache', 'lex');
  const file = path.join(prefix, 'node_modules', LEX_PKG, 'vader_lexicon.txt');
  if (!existsSync(file)) {
    console.error(`installing ${LEX_PKG} into .cache/lex (training only)…`);
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', `${LEX_PKG}@1.1.3`], { stdio: 'inherit' });
  }
  const out = new Map<string, number>();
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    const [w, v] = line.split('\t');
    if (w && v && /^[a-z][a-z'-]*$/.test(w)) out.set(w, Number(v));
  }
  return out;
}

/**
 * A per-word view: a few numbers per word whose sentence mean joins the dense features; being a
 * mean over words, its learned weights fold into the shipped per-word scores like the GloVe term.
 */
export interface WordView { dim: number; vec: Map<string, number[]> }

/** Valence view: |v|, positive part, negative part, strong (|v| ≥ 2), each scaled to ≤ 1. */
export function valenceView(valence: Map<string, number>): WordView {
  const vec = new Map<string, number[]>();
  for (const [w, v] of valence) vec.set(w, [Math.abs(v) / 4, Math.max(0, v) / 4, Math.max(0, -v) / 4, Math.abs(v) >= 2 ? 1 : 0]);
  return { dim: 4, vec };
}

/**
 * Register view from unlabelled text: how much more often a word appears in the Wikipedia
 * Current-events summaries (plain reporting) than in the article and HuffPost prose of
 * lib/opinion/unlabelled.ts (mixed reporting, comment, blogs): smoothed log ratio, clipped to
 * ±3 and scaled to ±1, split into its reporting and its prose side. Words seen < 5 times are left out.
 */
export function registerView(reporting: string[], prose: string[]): WordView {
  const count = (texts: string[]) => {
    const c = new Map<string, number>();
    let n = 0;
    for (const t of texts) for (const tk of tokenize(t)) if (tk.kind === 'w') { c.set(tk.t, (c.get(tk.t) ?? 0) + 1); n++; }
    return { c, n };
  };
  const a = count(reporting), b = count(prose);
  const vocab = new Set([...a.c.keys(), ...b.c.keys()]);
  const V = vocab.size;
  const vec = new Map<string, number[]>();
  for (const w of [...vocab].sort()) {
    const ca = a.c.get(w) ?? 0, cb = b.c.get(w) ?? 0;
    if (ca + cb < 5 || !/^[a-z][a-z'-]*$/.test(w)) continue;
    const r = Math.max(-3, Math.min(3, Math.log((ca + 1) / (a.n + V)) - Math.log((cb + 1) / (b.n + V)))) / 3;
    vec.set(w, [Math.max(0, r), Math.max(0, -r)]);
  }
  return { dim: 2, vec };
}

/**
 * Each word's vector followed by `extra` random ReLU features of it, relu(R·v + b) with a seeded
 * Gaussian R (rows scaled so R·v has unit variance) and b uniform in [−1, 1], rescaled to the RMS of
 * the vector's own components. Still a per-word vector, so the sentence mean and the LR over it
 * fold into one score per word — a non-linear word score at no run-time cost.
 */
export function expandEmbeddings(e: Embeddings, extra: number, seed = 1): Embeddings {
  const rand = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
  const n = e.words.length, d0 = e.dim, d = d0 + extra;
  let ss = 0;
  for (let i = 0; i < n * d0; i++) ss += e.vec[i]! * e.vec[i]!;
  const rms = Math.sqrt(ss / (n * d0));
  const normSq = ss / n;
  const R = Float64Array.from({ length: extra * d0 }, () => gauss() / Math.sqrt(normSq));
  const b = Float64Array.from({ length: extra }, () => 2 * rand() - 1);
  const vec = new Float32Array(n * d);
  const h = new Float64Array(extra);
  let hs = 0;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d0; k++) vec[i * d + k] = e.vec[i * d0 + k]!;
    for (let j = 0; j < extra; j++) {
      let z = b[j]!;
      for (let k = 0; k < d0; k++) z += R[j * d0 + k]! * e.vec[i * d0 + k]!;
      h[j] = Math.max(0, z);
      hs += h[j]! * h[j]!;
      vec[i * d + d0 + j] = h[j]!;
    }
  }
  const hr = Math.sqrt(hs / (n * extra)) || 1;
  for (let i = 0; i < n; i++) for (let j = 0; j < extra; j++) vec[i * d + d0 + j]! *= rms / hr;
  return { ...e, vec, dim: d };
}

