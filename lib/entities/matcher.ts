/**
 * Alias matcher: a token trie stored flat, as one Map from folded token prefixes ("donald",
 * "donald j", "donald j trump") to a slot holding the aliases that end there and whether longer
 * aliases continue. One Map and small number arrays instead of a Map per node: the index over
 * ~100k aliases builds in tens of milliseconds with little garbage, which matters because the
 * background builds it at startup.
 *
 * A hit is packed into one number: entity index, case rule, capitalisation mask, short flag.
 * findMatches walks each token position as far as the prefixes go, so every alias occurrence is
 * visible to the linker, which picks the longest one that survives its rules.
 */
import { fold, FNV_OFFSET, FNV_PRIME, HASH_BITS, hashMore, lowerPairCell, PAIR_CELLS, Shape, tokenNormIs, tokenPairCell, tokenize, unmadeWordHash, unmadeWordLength, type Token } from './normalize';

/** How strictly the text's capitalisation must agree with the alias. */
export const enum CaseMode {
  /** Every capitalised alias token must be capitalised (or all caps) in the text. */
  Proper = 0,
  /** Short all-caps alias (US, UN, EU, IS): the text token must be all caps. */
  Exact = 1,
  /** No case rule (lower-case phrases). */
  Any = 2,
}

export interface AliasHit {
  /** Index into EntityIndex.entities. */
  entity: number;
  mode: CaseMode;
  /** Bit i set = alias token i is capitalised in the alias (Proper mode). */
  caps: number;
  /** Surname-style form: only after a full mention, or for overwhelmingly prominent entities. */
  short: boolean;
}

export interface Slot {
  /** Packed hits (see pack/unpack). */
  hits?: number[];
  /** Some longer alias continues after this prefix. */
  more?: boolean;
}

export interface AliasTable {
  /** Folded prefix → slot. A Map while building; read-only tables may be stored otherwise (lib/entities/frozen-index.ts).
   *  mayHold: false when no key has this FNV-1a hash (normalize.ts hashMore) and UTF-8 length (-1: unknown);
   *  a table without it gets a bit filter over its keys (a Map's, made on first use). */
  slots: { get(key: string): Slot | undefined; mayHold?(hash: number, byteLen: number): boolean };
  /** First tokens of aliases that may start with a lower-case word ("da Silva", "the Guardian"). */
  lowerFirst: { has(key: string): boolean };
}

/** The table as buildEntityIndex fills it. */
export interface MutableAliasTable extends AliasTable {
  slots: Map<string, Slot>;
  lowerFirst: Set<string>;
}

export interface RawMatch {
  /** Token range [from, to) in the block's tokens. */
  from: number;
  to: number;
  /** Packed hits whose case rule holds (decode with hitEntity / hitShort / hitMode). */
  hits: number[];
  /** Decoded hits, filled on first use by decodedHits(). */
  decoded?: AliasHit[];
}

export function decodedHits(m: RawMatch): AliasHit[] {
  return (m.decoded ??= m.hits.map(unpackHit));
}

export const MAX_ALIAS_TOKENS = 12;
const CAPS_BITS = 12;

// packed = entity * 2^16 + caps * 8 + mode * 2 + short   (caps: 12 bits; exact below 2^53)
const LOW = 65536;
function packHit(entity: number, caps: number, mode: CaseMode, short: boolean): number {
  return entity * LOW + (caps & ((1 << CAPS_BITS) - 1)) * 8 + mode * 2 + (short ? 1 : 0);
}
export function hitEntity(p: number): number {
  return Math.floor(p / LOW);
}
export function hitShort(p: number): boolean {
  return (p & 1) === 1;
}
export function hitMode(p: number): CaseMode {
  return ((p & 7) >> 1) as CaseMode;
}
export function unpackHit(p: number): AliasHit {
  const entity = Math.floor(p / LOW);
  const low = p - entity * LOW;
  return { entity, mode: ((low & 7) >> 1) as CaseMode, caps: low >> 3, short: (low & 1) === 1 };
}

export function createTable(): MutableAliasTable {
  return { slots: new Map(), lowerFirst: new Set() };
}

/** Folded tokens of an alias with its case rule, e.g. "the Kremlin" → key "kremlin". */
export interface AliasForm {
  /** Folded tokens joined by single spaces. */
  key: string;
  /** End offsets (in key) of each token, for the prefixes. */
  ends: number[];
  mode: CaseMode;
  caps: number;
}

// ASCII fast path: letters and digits are token characters, everything else separates.
function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;
const DOTTED = /(^|[^A-Za-z0-9])[A-Z]\.[A-Z]/;

export function aliasForm(alias: string): AliasForm | null {
  let words: { norm: string; shape: Shape }[];
  // eslint-disable-next-line no-control-regex
  if (ASCII.test(alias) && !DOTTED.test(alias)) {
    words = [];
    let i = 0;
    const n = alias.length;
    while (i < n) {
      while (i < n && !isAsciiWordChar(alias.charCodeAt(i))) i++;
      if (i >= n) break;
      const s = i;
      let upper = 0, lower = 0, firstUpper = false;
      while (i < n && isAsciiWordChar(alias.charCodeAt(i))) {
        const c = alias.charCodeAt(i);
        if (c >= 65 && c <= 90) { upper++; if (i === s) firstUpper = true; }
        else if (c >= 97 && c <= 122) lower++;
        i++;
      }
      const raw = alias.slice(s, i);
      const shape = upper === 0 ? Shape.Lower : lower === 0 ? Shape.Upper : firstUpper ? Shape.Cap : Shape.Lower;
      words.push({ norm: raw.toLowerCase(), shape });
    }
  } else {
    words = tokenize(alias).map((t) => ({ norm: t.norm, shape: t.shape }));
  }
  // "the Kremlin" is keyed as "Kremlin": the article stays outside the mention. A capital
  // "The" belongs to the name ("The Atlantic") but may be written "the" in running text.
  let freeFirst = false;
  if (words.length > 1 && words[0]!.norm === 'the') {
    if (words[0]!.shape === Shape.Lower) words = words.slice(1);
    else freeFirst = true;
  }
  if (words.length === 0 || words.length > MAX_ALIAS_TOKENS) return null;
  let mode: CaseMode;
  let caps = 0;
  const w0 = words[0]!;
  // Short all-caps aliases (US, UN, IS, NATO, tickers like COUR) only match all-caps text.
  if (words.length === 1 && w0.shape === Shape.Upper && w0.norm.length <= 4 && /\p{L}/u.test(w0.norm)) {
    mode = CaseMode.Exact;
    caps = 1;
  } else {
    for (let i = freeFirst ? 1 : 0; i < words.length && i < CAPS_BITS; i++) if (words[i]!.shape !== Shape.Lower) caps |= 1 << i;
    mode = caps === 0 && !freeFirst ? CaseMode.Any : CaseMode.Proper;
  }
  // join() yields a flat string: hashing and slicing it needs no flattening of a rope.
  const key = words.length === 1 ? w0.norm : words.map((w) => w.norm).join(' ');
  const ends: number[] = [];
  let at = -1;
  for (const w of words) {
    at += w.norm.length + 1;
    ends.push(at);
  }
  return { key, ends, mode, caps };
}

/** Adds one alias; returns its key ("donald trump"), or null when it has no usable tokens. */
export function insertAlias(table: MutableAliasTable, alias: string, entity: number, short: boolean): string | null {
  const form = aliasForm(alias);
  if (!form) return null;
  const { key, ends } = form;
  const slots = table.slots;
  for (let i = 0; i < ends.length - 1; i++) {
    const p = key.slice(0, ends[i]);
    const slot = slots.get(p);
    if (slot) slot.more = true;
    else slots.set(p, { hits: undefined, more: true });
  }
  const packed = packHit(entity, form.caps, form.mode, short);
  if ((form.caps & 1) === 0) table.lowerFirst.add(key.slice(0, ends[0]));
  const slot = slots.get(key);
  if (!slot) {
    slots.set(key, { hits: [packed], more: false });
    return key;
  }
  const hits = (slot.hits ??= []);
  // Same entity, same short flag, different casing of one alias: keep the more permissive rule.
  for (let k = 0; k < hits.length; k++) {
    if (hitEntity(hits[k]!) !== entity || hitShort(hits[k]!) !== short) continue;
    {
      const h = unpackHit(hits[k]!);
      if (h.mode === CaseMode.Exact && form.mode !== CaseMode.Exact) hits[k] = packed;
      else if (h.mode === CaseMode.Proper && form.mode === CaseMode.Proper) hits[k] = packHit(entity, h.caps & form.caps, h.mode, short);
      return key;
    }
  }
  hits.push(packed);
  return key;
}

function caseOkPacked(p: number, tokens: Token[], from: number): boolean {
  const low = p % LOW;
  const mode = (low & 7) >> 1;
  if (mode === CaseMode.Any) return true;
  if (mode === CaseMode.Exact) return tokens[from]!.shape === Shape.Upper;
  let caps = low >> 3;
  for (let i = from; caps !== 0; i++, caps >>>= 1) {
    if (caps & 1 && tokens[i]!.shape === Shape.Lower) return false;
  }
  return true;
}

export function caseOk(hit: AliasHit, tokens: Token[], from: number): boolean {
  return caseOkPacked(packHit(hit.entity, hit.caps, hit.mode, hit.short), tokens, from);
}

/**
 * A quick no before a lookup: many capitalised words start no alias, and most that do go on with
 * a word that continues none. Looking those up made a key string ("Russian said"), hashed it and
 * missed in a table of ~100k keys, the matcher's biggest cost. Instead the key's FNV-1a hash,
 * carried along from word to word, is tested against two bits per key (2^21 bits: about 1% false
 * yes for the default pack's keys). Never a false no: every key sets its bits.
 */
const FILTER_BITS = 21;
class KeyBits {
  readonly bits: Uint32Array;
  constructor(keys: Iterable<string>, readonly size: number, bitCount = FILTER_BITS) {
    this.bits = new Uint32Array(1 << (bitCount - 5));
    for (const k of keys) this.add(hashMore(FNV_OFFSET, k) & HASH_BITS);
  }
  private add(h: number): void {
    const mask = (this.bits.length << 5) - 1;
    const a = h & mask, b = (Math.imul(h, 0x9e3779b1) >>> 7) & mask;
    this.bits[a >>> 5]! |= 1 << (a & 31);
    this.bits[b >>> 5]! |= 1 << (b & 31);
  }
  mayHold(h: number, byteLen: number): boolean {
    void byteLen;
    const mask = (this.bits.length << 5) - 1;
    const a = h & mask;
    if ((this.bits[a >>> 5]! & (1 << (a & 31))) === 0) return false;
    const b = (Math.imul(h, 0x9e3779b1) >>> 7) & mask;
    return (this.bits[b >>> 5]! & (1 << (b & 31))) !== 0;
  }
}

/** FNV-1a over `s` continued from `h` (normalize.ts hashMore) that also notes, in `keyUnits`, the
 *  OR of the code units: below 128 means ASCII, so the key's UTF-8 length is its length. */
let keyUnits = 0;
function hashNoting(h: number, s: string): number {
  let u = 0;
  // Through String.prototype (normalize.ts, CHAR_CODE_NOTE): keys are strings of many kinds.
  const charCode = String.prototype.charCodeAt;
  for (let i = 0; i < s.length; i++) {
    const c = charCode.call(s, i);
    u |= c;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  keyUnits |= u;
  return h;
}

/** Filters made for tables that have none of their own, keyed by the table's key collection;
 *  remade when it has grown (tables only grow). */
const keyBits = new WeakMap<object, KeyBits>();
function bitsFor(keys: Map<string, unknown> | Set<string>, bitCount: number): KeyBits {
  let f = keyBits.get(keys);
  if (!f || f.size !== keys.size) {
    f = new KeyBits(keys.keys(), keys.size, bitCount);
    keyBits.set(keys, f);
  }
  return f;
}
interface KeyFilter { mayHold(hash: number, byteLen: number): boolean }
const NO_FILTER: KeyFilter = { mayHold: () => true };
function slotFilter(table: AliasTable): KeyFilter {
  const slots = table.slots;
  if (slots.mayHold) return slots as KeyFilter;
  return slots instanceof Map ? bitsFor(slots, FILTER_BITS) : NO_FILTER;
}
/**
 * The few hundred words that may start an alias in lower case ("da", "the", "2024"), as a bit per
 * (length up to 15, first two code units mod 128; normalize.ts lowerPairCell): most lower-case
 * words are dismissed on a few numbers, without a string or a hash of the word. A bit, not a byte,
 * per cell: 32 KB stays in the processor's nearest cache, where the 256 KB of a byte per cell
 * missed on most of a text's ~700k lower-case words per 5 MB (issue #4, speed).
 * A word whose bit is set is compared with the few words of its cell, without making its string;
 * each of those carries its key's FNV-1a state, the OR of its code units and its slot, worked out
 * once: "the" and "a" alone are ~50k words per 5 MB, and each made a string, hashed it for the set,
 * hashed it again and looked it up (issue #4, speed). Keyed by the set; remade when it or the
 * slots have grown (a slot looked up before could be stale).
 */
interface LowerStart { word: string; hash: number; units: number; slot: Slot | undefined }
interface LowerStarts { size: number; slotsSize: number; cells: Uint32Array; byCell: Map<number, LowerStart[]> }
const lowerStarts = new WeakMap<object, LowerStarts>();
function lowerStartsFor(table: AliasTable): LowerStarts | undefined {
  const lf = table.lowerFirst;
  if (!(lf instanceof Set)) return undefined;
  const slotsSize = table.slots instanceof Map ? table.slots.size : -1;
  let c = lowerStarts.get(lf);
  if (!c || c.size !== lf.size || c.slotsSize !== slotsSize) {
    const cells = new Uint32Array(PAIR_CELLS >>> 5);
    const byCell = new Map<number, LowerStart[]>();
    for (const word of lf as Set<string>) {
      const cell = lowerPairCell(word);
      cells[cell >>> 5]! |= 1 << (cell & 31);
      keyUnits = 0;
      const hash = hashNoting(FNV_OFFSET, word);
      const start: LowerStart = { word, hash, units: keyUnits, slot: table.slots.get(word) };
      const list = byCell.get(cell);
      if (list) list.push(start);
      else byCell.set(cell, [start]);
    }
    c = { size: lf.size, slotsSize, cells, byCell };
    lowerStarts.set(lf, c);
  }
  return c;
}

/** Most capitalised words of a text recur ("The", "He", "Trump"): their answers are kept in a
 *  small direct-mapped cache, which stays in the processor's cache where the whole table (~100k
 *  keys, or the runtime pack's hashed byte arrays) does not. It is indexed by the key's FNV-1a hash,
 *  which the quick no has already worked out, so a lookup costs one string comparison, not a
 *  Map's own hashing of a fresh string and a probe in a large table (issue #4, speed). A clash
 *  evicts: the cache only ever holds exact answers. The answers for longer keys ("vladimir putin")
 *  are kept here too. Each cell is two neighbouring entries, key then slot (null: no such key), so a
 *  hit reads one place in memory. Cleared when a built table has grown since (a remembered miss
 *  could have become a key). */
const ANSWER_BITS = 15;
const ANSWER_MASK = (1 << ANSWER_BITS) - 1;
interface Answers { size: number; cells: (string | Slot | null)[] }
const answerCache = new WeakMap<object, Answers>();
function answersFor(table: AliasTable): Answers {
  const slots = table.slots;
  const size = slots instanceof Map ? slots.size : -1;
  let c = answerCache.get(slots);
  if (!c || c.size !== size) {
    c = { size, cells: new Array<string | Slot | null>(2 << ANSWER_BITS).fill(null) };
    answerCache.set(slots, c);
  }
  return c;
}
/** The table's slot for `key` (whose FNV-1a state is `hash`), through the answer cache. */
function cachedSlot(table: AliasTable, answers: Answers, key: string, hash: number): Slot | undefined {
  const at = ((hash ^ (hash >>> ANSWER_BITS)) & ANSWER_MASK) << 1;
  const cells = answers.cells;
  if (cells[at] === key) return (cells[at + 1] as Slot | null) ?? undefined;
  const slot = table.slots.get(key);
  cells[at] = key;
  cells[at + 1] = slot ?? null;
  return slot;
}

/**
 * Every alias occurrence in `tokens` whose case rule holds, as [from, to) token ranges with the
 * surviving hits. Ordered by `from`, longer first.
 */
export function findMatches(table: AliasTable, tokens: Token[]): RawMatch[] {
  const out: RawMatch[] = [];
  const lowerFirst = table.lowerFirst;
  const answers = answersFor(table);
  const keys = slotFilter(table);
  const starts = lowerStartsFor(table);
  const cells = starts?.cells;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i]!;
    let key: string;
    let keyHash: number;
    let found: Slot | undefined;
    if (t.shape === Shape.Lower) {
      // Most words are lower case and no alias starts with them: skip the lookup (and, for a
      // word from tokenize(), making its string: tokenPairCell reads the text).
      if (cells !== undefined) {
        const cell = tokenPairCell(t);
        if ((cells[cell >>> 5]! & (1 << (cell & 31))) === 0) continue;
        let start: LowerStart | undefined;
        for (const s of starts!.byCell.get(cell)!) if (tokenNormIs(t, s.word)) { start = s; break; }
        if (start === undefined) continue;
        key = start.word;
        keyHash = start.hash;
        keyUnits = start.units;
        found = start.slot;
      } else {
        if (!lowerFirst.has(t.norm)) continue;
        key = t.norm;
        keyUnits = 0;
        keyHash = hashNoting(FNV_OFFSET, key);
        found = keys.mayHold(keyHash & HASH_BITS, keyUnits < 128 ? key.length : -1) ? cachedSlot(table, answers, key, keyHash) : undefined;
      }
    } else {
      key = t.norm;
      // The key's FNV-1a state, carried on to longer keys, and its length in UTF-8 while ASCII.
      keyUnits = 0;
      keyHash = hashNoting(FNV_OFFSET, key);
      if (!keys.mayHold(keyHash & HASH_BITS, keyUnits < 128 ? key.length : -1)) continue;
      found = cachedSlot(table, answers, key, keyHash);
    }
    if (!found) continue;
    let slot: Slot = found;
    const startAt = out.length;
    let j = i + 1;
    for (;;) {
      const hits = slot.hits;
      if (hits) {
        // Usually every hit passes: share the slot's array, allocate only when some fail.
        let failed = -1;
        for (let h = 0; h < hits.length; h++) if (!caseOkPacked(hits[h]!, tokens, i)) { failed = h; break; }
        // `decoded` written now (undefined until decodedHits fills it), as the linker's own matches
        // write it: one shape for every match the rules read, not one with it added and one without.
        if (failed < 0) out.push({ from: i, to: j, hits, decoded: undefined });
        else {
          // A loop, not hits.filter(p => …): a closure over `i` would make the engine allocate a
          // fresh scope for the loop variable on every token (~40 bytes × every word of the text).
          const kept: number[] = [];
          for (let h = 0; h < hits.length; h++) if (h !== failed && (h < failed || caseOkPacked(hits[h]!, tokens, i))) kept.push(hits[h]!);
          if (kept.length) out.push({ from: i, to: j, hits: kept, decoded: undefined });
        }
      }
      if (!slot.more || j >= n) break;
      // The next word's string is made only when the quick no lets the longer key through: a plain
      // lower-case word is hashed from the text (its code units are ASCII: keyUnits stays as it is).
      const nextWord = tokens[j]!;
      let wordLength = unmadeWordLength(nextWord);
      if (wordLength >= 0) keyHash = unmadeWordHash(Math.imul(keyHash ^ 32, FNV_PRIME), nextWord);
      else {
        const word = nextWord.norm;
        wordLength = word.length;
        keyHash = hashNoting(Math.imul(keyHash ^ 32, FNV_PRIME), word);
      }
      if (!keys.mayHold(keyHash & HASH_BITS, keyUnits < 128 ? key.length + 1 + wordLength : -1)) break;
      key = `${key} ${nextWord.norm}`;
      const next: Slot | undefined = cachedSlot(table, answers, key, keyHash);
      if (!next) break;
      slot = next;
      j++;
    }
    if (out.length - startAt > 1) {
      const longestFirst = out.splice(startAt).reverse();
      for (const m of longestFirst) out.push(m);
    }
  }
  return out;
}

export { fold };
