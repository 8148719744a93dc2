/**
 * Sentence features for the opinion model, shared by training (lib/opinion/train.ts) and
 * inference (lib/opinion/model.ts) so both see exactly the same numbers.
 *
 * - tokens: words (lower-cased, ’ folded to '), numbers (→ "0"), and the punctuation that matters
 *   (? ! ; : — quotes, brackets); each token knows whether it sits inside quotation marks.
 * - hashed sparse features (FNV-1a into 2^bits buckets): word unigrams, word bigrams (with
 *   sentence-boundary markers), char 3–5-grams inside words, and named "style" features: cue
 *   categories from lexicon.ts (separately inside and outside quotes), attribution, questions,
 *   exclamations, quotation share, number/date/name density, length bins. Each n-gram group is
 *   scaled to unit length so long sentences do not dominate.
 * - the word list for the embedding term (its weights are folded into one score per word by the
 *   trainer, see model.ts).
 */
import { CUES, MAX_CUE_WORDS, type CueCategory } from './lexicon';
import { FNV_PRIME, fnv1a } from '../fnv';

export interface Token {
  /** Normalised form: lower case, ’ → ', digits → 0. */
  t: string;
  kind: 'w' | 'n' | 'p';
  /** Offsets into the sentence. */
  start: number;
  end: number;
  inQuote: boolean;
  /** Starts with a capital letter in the original text. */
  cap: boolean;
}

export interface CueHit {
  cat: CueCategory;
  phrase: string;
  inQuote: boolean;
  /** Index of the first token. */
  at: number;
}

export interface FeatureConfig {
  bits: number;
  words: boolean;
  bigrams: boolean;
  /** Char n-gram sizes inside words, [min, max], or null for none. */
  chars: [number, number] | null;
  /** Cue categories and style features. */
  style: boolean;
  /** Relative weight of the char n-gram group. */
  charScale: number;
  /**
   * Quotation shape as style features (with `style`): a short quoted span (1–3 words, "scare
   * quotes"), with or without attribution outside quotes, and long quoted speech (≥ 6 words). The
   * 2024 annotation (dev/devtest) counts short quotes as opinion far more often than the 2023 one.
   */
  quoteShape?: boolean;
}

export const DEFAULT_FEATURES: FeatureConfig = { bits: 18, words: true, bigrams: true, chars: [3, 5], style: true, charScale: 1 };

const TOKEN_RE = /[\p{L}\p{M}]+(?:['’][\p{L}]+)*|\p{N}+(?:[.,]\p{N}+)*%?|[?!;:—–“”"‘’()[\]%$£€]/gu;
const LETTER_RE = /^[\p{L}\p{M}]/u;
const OPEN_Q = new Set(['“', '‘']);
const CLOSE_Q = new Set(['”', '’']);

// Character classes for the scanner (same classes as TOKEN_RE): 1 = letter, 2 = mark, 3 = number.
const classCache = new Map<number, number>();
const L_RE = /^\p{L}$/u, M_RE = /^\p{M}$/u, N_RE = /^\p{N}$/u;
function charClass(cp: number): number {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) ? 1 : cp >= 48 && cp <= 57 ? 3 : 0;
  let c = classCache.get(cp);
  if (c === undefined) {
    const ch = String.fromCodePoint(cp);
    c = L_RE.test(ch) ? 1 : M_RE.test(ch) ? 2 : N_RE.test(ch) ? 3 : 0;
    if (classCache.size < 4096) classCache.set(cp, c);
  }
  return c;
}
const PUNCT = new Set([...'?!;:—–“”"‘’()[]%$£€'].map((c) => c.charCodeAt(0)));

/**
 * Next token span at or after `pos` as [start, end], or null: a hand-written equivalent of
 * TOKEN_RE (about three times faster). test/opinion-model.test.ts checks they agree.
 */
export function scanToken(s: string, pos: number): [number, number] | null {
  const n = s.length;
  for (let i = pos; i < n; ) {
    const cp = s.codePointAt(i)!;
    const w = cp > 0xffff ? 2 : 1;
    const c = charClass(cp);
    if (c === 1 || c === 2) {
      let j = i + w;
      for (;;) {
        while (j < n) {
          const q = s.codePointAt(j)!;
          const k = charClass(q);
          if (k !== 1 && k !== 2) break;
          j += q > 0xffff ? 2 : 1;
        }
        // (?:['’]\p{L}+)*
        const a = s.charCodeAt(j);
        if ((a === 39 || a === 0x2019) && j + 1 < n && charClass(s.codePointAt(j + 1)!) === 1) {
          j += 1;
          while (j < n) {
            const q = s.codePointAt(j)!;
            if (charClass(q) !== 1) break;
            j += q > 0xffff ? 2 : 1;
          }
          continue;
        }
        return [i, j];
      }
    }
    if (c === 3) {
      let j = i + w;
      const digits = () => {
        while (j < n) {
          const q = s.codePointAt(j)!;
          if (charClass(q) !== 3) break;
          j += q > 0xffff ? 2 : 1;
        }
      };
      digits();
      for (;;) {
        const a = s.charCodeAt(j);
        if ((a === 46 || a === 44) && j + 1 < n && charClass(s.codePointAt(j + 1)!) === 3) {
          j += 1;
          digits();
          continue;
        }
        break;
      }
      if (s.charCodeAt(j) === 37) j++;
      return [i, j];
    }
    if (w === 1 && PUNCT.has(cp)) return [i, i + 1];
    i += w;
  }
  return null;
}

/** Reference tokeniser spans (the regex the scanner mirrors); for tests. */
export function regexSpans(s: string): [number, number][] {
  const out: [number, number][] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(s))) out.push([m.index, m.index + m[0].length]);
  return out;
}

export function tokenize(sentence: string): Token[] {
  const out: Token[] = [];
  let inQuote = false;
  let straightOpen = false;
  let span: [number, number] | null;
  let pos = 0;
  while ((span = scanToken(sentence, pos))) {
    const start = span[0];
    pos = span[1];
    const raw = sentence.slice(start, pos);
    const c0 = raw.charCodeAt(0);
    if (raw.length === 1 && (raw === '"' || OPEN_Q.has(raw) || CLOSE_Q.has(raw))) {
      // Quotation marks: “ ‘ open, ” ’ close, " toggles. A ’ glued to a letter on its left and
      // followed by a letter is an apostrophe the word regex missed; ignore it.
      let opens: boolean;
      if (raw === '"') opens = !straightOpen;
      else if (OPEN_Q.has(raw)) opens = true;
      else {
        const prev = sentence[start - 1] ?? ' ';
        const next = sentence[start + 1] ?? ' ';
        if (raw === '’' && L_RE.test(prev) && L_RE.test(next)) continue;
        if (raw === '’' && /\s/.test(prev) && L_RE.test(next)) opens = true; // ’ used as opener
        else opens = false;
      }
      if (raw === '"') straightOpen = opens;
      inQuote = opens;
      out.push({ t: '"', kind: 'p', start, end: start + 1, inQuote: true, cap: false });
      continue;
    }
    let kind: Token['kind'];
    let t: string;
    let cap = false;
    if (c0 >= 48 && c0 <= 57) {
      kind = 'n';
      t = '0';
    } else if ((c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || (c0 > 127 && LETTER_RE.test(raw))) {
      kind = 'w';
      t = raw.toLowerCase();
      if (t.includes('’')) t = t.replace(/’/g, "'");
      cap = t.charCodeAt(0) !== c0;
    } else {
      kind = 'p';
      t = raw === '–' ? '—' : raw;
    }
    out.push({ t, kind, start, end: start + raw.length, inQuote, cap });
  }
  return out;
}

/** First words of multi-word cue phrases (only these need the longer look-ahead). */
const CUE_STARTS = new Set([...CUES.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0]!));

/** Lexicon cues in the token list (longest phrase first; a token is used by one phrase at most). */
export function findCues(tokens: Token[]): CueHit[] {
  const hits: CueHit[] = [];
  const nt = tokens.length;
  for (let i = 0; i < nt; i++) {
    const tok = tokens[i]!;
    if (tok.kind !== 'w') continue;
    const first = tok.t;
    const at = i;
    let cats: CueCategory[] | undefined;
    let phrase = first;
    if (CUE_STARTS.has(first)) {
      // Longest phrase first over the following word tokens (punctuation in between is skipped,
      // as the phrase is matched on words only).
      const next: number[] = [i];
      for (let j = i + 1; j < nt && next.length < MAX_CUE_WORDS; j++) if (tokens[j]!.kind === 'w') next.push(j);
      for (let len = next.length; len >= 1 && !cats; len--) {
        let p = first;
        for (let k = 1; k < len; k++) p += ' ' + tokens[next[k]!]!.t;
        cats = CUES.get(p);
        if (cats) {
          phrase = p;
          i = next[len - 1]!;
        }
      }
    } else cats = CUES.get(first);
    if (!cats) continue;
    for (const cat of cats) hits.push({ cat, phrase, inQuote: tok.inQuote, at });
  }
  return hits;
}

// ---------------------------------------------------------------------------------------------
// Hashing

/** The logistic function: a model's logit as a probability. */
export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The feature hash (lib/fnv.ts), under the name the trainer and evals import. */
export const fnv = fnv1a;

function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEED_W = fnv('w:');
const SEED_C = fnv('c:');
const SEED_S = fnv('s:');
const H_BOS = fnv('<s>', SEED_W);
const H_EOS = fnv('</s>', SEED_W);

/** Bucket of a word unigram (normalised token text). */
export function wordBucket(t: string, bits: number): number {
  return finish(fnv(t, SEED_W)) & ((1 << bits) - 1);
}

/** Bucket of a word bigram (normalised token texts; '<s>' / '</s>' for the sentence boundaries). */
export function bigramBucket(a: string, b: string, bits: number): number {
  const ha = a === '<s>' ? H_BOS : fnv(a, SEED_W);
  const hb = b === '</s>' ? H_EOS : fnv(b, SEED_W);
  return finish(Math.imul(ha ^ 0x9e3779b9, 0x85ebca6b) ^ hb) & ((1 << bits) - 1);
}

const styleHashes = new Map<string, number>();
function styleHash(name: string): number {
  let h = styleHashes.get(name);
  if (h === undefined) styleHashes.set(name, (h = finish(fnv(name, SEED_S))));
  return h;
}

/** Bucket of a named style feature, e.g. styleBucket('cue:hedge', 18). */
export function styleBucket(name: string, bits: number): number {
  return finish(fnv(name, SEED_S)) & ((1 << bits) - 1);
}

/** Reusable output buffer for sparse features. */
export class FeatureSink {
  idx: Int32Array;
  val: Float32Array;
  n = 0;
  constructor(cap = 4096) {
    this.idx = new Int32Array(cap);
    this.val = new Float32Array(cap);
  }
  reset(): void {
    this.n = 0;
  }
  /** Make room for `extra` more entries. */
  reserve(extra: number): void {
    if (this.n + extra <= this.idx.length) return;
    let cap = this.idx.length * 2;
    while (cap < this.n + extra) cap *= 2;
    const idx = new Int32Array(cap);
    idx.set(this.idx);
    const val = new Float32Array(cap);
    val.set(this.val);
    this.idx = idx;
    this.val = val;
  }
  push(i: number, v: number): void {
    if (this.n === this.idx.length) this.reserve(1);
    this.idx[this.n] = i;
    this.val[this.n++] = v;
  }
  scale(from: number, factor: number): void {
    for (let k = from; k < this.n; k++) this.val[k]! *= factor;
  }
}

const WH = new Set(['why', 'how', 'what', 'who', 'where', 'when', 'is', 'are', 'do', 'does', 'did', 'can', 'could', 'should', 'would', 'will', 'isn\'t', 'aren\'t', 'don\'t', 'doesn\'t', 'shouldn\'t', 'wouldn\'t', 'won\'t']);

export interface Extracted {
  tokens: Token[];
  cues: CueHit[];
  /** Named style features that fired, with values (for reasons and debugging). */
  style: [string, number][];
}

/** Named style features of a sentence (no hashing). One pass over the tokens. */
export function styleFeatures(sentence: string, tokens: Token[], cues: CueHit[], quoteShape = false): [string, number][] {
  const out: [string, number][] = [];
  let nw = 0, nq = 0, nnum = 0, ncap = 0;
  let firstWord = -1;
  let anyQuote = false, dash = false, semi = false, bracket = false;
  for (let i = 0; i < tokens.length; i++) {
    const tk = tokens[i]!;
    if (tk.kind === 'w') {
      if (firstWord < 0) firstWord = i;
      nw++;
      if (tk.inQuote) nq++;
      else if (tk.cap && i !== firstWord) ncap++;
    } else if (tk.kind === 'n') nnum++;
    else {
      const t = tk.t;
      if (t === '"') anyQuote = true;
      else if (t === '—') dash = true;
      else if (t === ';') semi = true;
      else if (t === '(' || t === '[') bracket = true;
    }
  }
  const n = Math.max(1, nw);
  let seen = '';
  let attrOut = false, evalOut = false;
  for (const c of cues) {
    const name = (c.inQuote ? 'qcue:' : 'cue:') + c.cat;
    if (!seen.includes(`|${name}|`)) {
      seen += `|${name}|`;
      out.push([name, 1]);
    }
    if (!c.inQuote && c.cat === 'attribution') attrOut = true;
    if (!c.inQuote && (c.cat === 'eval-pos' || c.cat === 'eval-neg')) evalOut = true;
  }
  // Last character that is not space or a closing quote/bracket.
  let e = sentence.length - 1;
  while (e >= 0 && (sentence.charCodeAt(e) <= 32 || CLOSERS_END.includes(sentence[e]!))) e--;
  const last = e >= 0 ? sentence[e]! : '';
  if (last === '?') {
    out.push(['question', 1]);
    const fw = firstWord >= 0 ? tokens[firstWord]!.t : '';
    if (WH.has(fw) && !tokens[firstWord]!.inQuote) out.push(['question:direct', 1]);
  } else if (sentence.includes('?')) out.push(['question:inner', 1]);
  if (last === '!' || sentence.includes('!')) out.push(['exclaim', 1]);
  if (anyQuote) out.push(['quote', 1]);
  if (nq / n > 0.8) out.push(['quote:all', 1]);
  else if (nq > 0) out.push(['quote:share', nq / n]);
  if (attrOut) out.push(['attr', 1]);
  if (attrOut && anyQuote) out.push(['attr+quote', 1]);
  if (attrOut && evalOut) out.push(['attr+eval', 1]);
  if (evalOut && !attrOut && !anyQuote) out.push(['eval:unattributed', 1]);
  if (quoteShape && anyQuote) {
    // Runs of quoted words, broken by quotation marks and by anything outside quotes.
    let run = 0, short = false, long = false;
    for (let i = 0; i <= tokens.length; i++) {
      const tk = tokens[i];
      if (tk && tk.inQuote && tk.t !== '"') { if (tk.kind === 'w') run++; continue; }
      if (run > 0 && run <= 3) short = true;
      else if (run >= 6) long = true;
      run = 0;
    }
    if (short) out.push([attrOut ? 'quote:short+attr' : 'quote:short', 1]);
    if (long) out.push(['quote:long', 1]);
  }
  if (nnum > 0) out.push(['num', Math.min(1, (nnum / n) * 5)]);
  if (ncap > 0) out.push(['caps', Math.min(1, (ncap / n) * 3)]);
  out.push([nw < 8 ? 'len:short' : nw < 16 ? 'len:mid' : nw < 31 ? 'len:long' : 'len:vlong', 1]);
  if (dash) out.push(['dash', 1]);
  if (semi) out.push(['semicolon', 1]);
  if (bracket) out.push(['bracket', 1]);
  if (firstWord >= 0 && (tokens[firstWord]!.t === 'but' || tokens[firstWord]!.t === 'and' || tokens[firstWord]!.t === 'yet'))
    out.push(['start:conj', 1]);
  return out;
}

const CLOSERS_END = '"\'”’)]';

/**
 * Features of one sentence into `sink` (cleared first). Returns tokens, cues and style features
 * so callers can explain the score.
 */
export function extractFeatures(sentence: string, cfg: FeatureConfig, sink: FeatureSink): Extracted {
  sink.reset();
  const mask = (1 << cfg.bits) - 1;
  const tokens = tokenize(sentence);
  // Word unigrams and bigrams.
  let from = sink.n;
  let prev = H_BOS;
  let count = 0;
  for (const tk of tokens) {
    const h = fnv(tk.t, SEED_W);
    if (cfg.words) {
      sink.push(finish(h) & mask, 1);
      count++;
    }
    if (cfg.bigrams) {
      sink.push(finish(Math.imul(prev ^ 0x9e3779b9, 0x85ebca6b) ^ h) & mask, 1);
      count++;
    }
    prev = h;
  }
  if (cfg.bigrams && tokens.length > 0) {
    sink.push(finish(Math.imul(prev ^ 0x9e3779b9, 0x85ebca6b) ^ H_EOS) & mask, 1);
    count++;
  }
  if (count > 0) sink.scale(from, 1 / Math.sqrt(count));
  // Char n-grams inside words, with word-boundary padding.
  if (cfg.chars) {
    from = sink.n;
    count = 0;
    const [lo, hi] = cfg.chars;
    sink.reserve(sentence.length * (hi - lo + 1) + 2 * tokens.length * (hi - lo + 1));
    const idx = sink.idx;
    const val = sink.val;
    let n = sink.n;
    for (const tk of tokens) {
      if (tk.kind !== 'w') continue;
      const t = tk.t;
      const L = t.length + 2;
      // Padded word " t " without building the string: position q → code.
      for (let p = 0; p + lo <= L; p++) {
        let h = SEED_C;
        for (let k = 0; k < hi && p + k < L; k++) {
          const q = p + k;
          h = Math.imul(h ^ (q === 0 || q === L - 1 ? 32 : t.charCodeAt(q - 1)), FNV_PRIME);
          if (k + 1 >= lo) {
            idx[n] = finish(h) & mask;
            val[n++] = 1;
          }
        }
      }
    }
    count = n - sink.n;
    sink.n = n;
    if (count > 0) sink.scale(from, cfg.charScale / Math.sqrt(count));
  }
  const cues = cfg.style ? findCues(tokens) : [];
  const style = cfg.style ? styleFeatures(sentence, tokens, cues, cfg.quoteShape) : [];
  for (const [name, v] of style) sink.push(styleHash(name) & mask, v);
  return { tokens, cues, style };
}

/** Word tokens as the embedding term sees them (lower case, outside nothing: quotes included). */
export function embeddingWords(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const tk of tokens) if (tk.kind === 'w') out.push(tk.t);
  return out;
}

/** Per-word parts of the score, memoised by the fast path (they depend on the word only). */
export interface WordInfo {
  h: number;
  uni: number;
  charSum: number;
  charCount: number;
  /** Extra per-word score (the embedding term), 0 when none. */
  extra: number;
}

function wordInfo(t: string, kind: Token['kind'], cfg: FeatureConfig, weights: Float32Array, extra?: (t: string) => number): WordInfo {
  const mask = (1 << cfg.bits) - 1;
  const h = fnv(t, SEED_W);
  let charSum = 0, charCount = 0;
  if (cfg.chars && kind === 'w') {
    const lo = cfg.chars[0], hi = cfg.chars[1];
    const L = t.length + 2;
    for (let p = 0; p + lo <= L; p++) {
      let hc = SEED_C;
      const end = Math.min(hi, L - p);
      for (let k = 0; k < end; k++) {
        const q = p + k;
        hc = Math.imul(hc ^ (q === 0 || q === L - 1 ? 32 : t.charCodeAt(q - 1)), FNV_PRIME);
        if (k + 1 >= lo) {
          charSum += weights[finish(hc) & mask]!;
          charCount++;
        }
      }
    }
  }
  return { h, uni: weights[finish(h) & mask]!, charSum, charCount, extra: kind === 'w' && extra ? extra(t) : 0 };
}

/**
 * The same features as extractFeatures, dotted straight into `weights` (a dense 2^bits table)
 * without materialising them — the inference fast path. Per-word parts (hash, unigram weight,
 * char n-gram sum, `extra` score) are memoised in `memo`, keyed by token text (the caller owns
 * the memo and clears it when it grows). Returns the weighted sum (no bias), and the mean of
 * `extra` over word tokens. test/opinion-model.test.ts checks it against extractFeatures.
 */
export function dotFeatures(
  sentence: string,
  cfg: FeatureConfig,
  weights: Float32Array,
  memo: Map<string, WordInfo> = new Map(),
  extra?: (t: string) => number,
): Extracted & { z: number; extraMean: number } {
  const mask = (1 << cfg.bits) - 1;
  const tokens = tokenize(sentence);
  let z = 0;
  let sum = 0, count = 0, charSum = 0, charCount = 0, extraSum = 0, nw = 0;
  let prev = H_BOS;
  const nt = tokens.length;
  for (let i = 0; i < nt; i++) {
    const tk = tokens[i]!;
    let info = memo.get(tk.t);
    if (!info) memo.set(tk.t, (info = wordInfo(tk.t, tk.kind, cfg, weights, extra)));
    const h = info.h;
    if (cfg.words) {
      sum += info.uni;
      count++;
    }
    if (cfg.bigrams) {
      sum += weights[finish(Math.imul(prev ^ 0x9e3779b9, 0x85ebca6b) ^ h) & mask]!;
      count++;
    }
    if (tk.kind === 'w') {
      charSum += info.charSum;
      charCount += info.charCount;
      extraSum += info.extra;
      nw++;
    }
    prev = h;
  }
  if (cfg.bigrams && nt > 0) {
    sum += weights[finish(Math.imul(prev ^ 0x9e3779b9, 0x85ebca6b) ^ H_EOS) & mask]!;
    count++;
  }
  if (count > 0) z += sum * Math.fround(1 / Math.sqrt(count));
  if (cfg.chars && charCount > 0) z += charSum * Math.fround(cfg.charScale / Math.sqrt(charCount));
  const cues = cfg.style ? findCues(tokens) : [];
  const style = cfg.style ? styleFeatures(sentence, tokens, cues, cfg.quoteShape) : [];
  for (const [name, v] of style) z += weights[styleHash(name) & mask]! * Math.fround(v);
  return { tokens, cues, style, z, extraMean: nw ? extraSum / nw : 0 };
}
