/**
 * Token trie over folded aliases. One walk per token position finds every alias that starts
 * there (so all overlapping candidates are visible to the linker, which picks the longest that
 * survives its rules). Case rules are checked here, on the tokens as written.
 */
import { Shape, tokenize, type Token } from './normalize';

/** How strictly the text's capitalisation must agree with the alias. */
export const enum CaseMode {
  /** Every capitalised alias token must be capitalised (or all caps) in the text. */
  Proper = 0,
  /** Short all-caps alias (US, UN, EU, IS): every text token must be all caps. */
  Exact = 1,
  /** No case rule (curated lower-case phrases). */
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

export interface TrieNode {
  next?: Map<string, TrieNode>;
  hits?: AliasHit[];
}

export interface RawMatch {
  /** Token range [from, to) in the block's tokens. */
  from: number;
  to: number;
  hits: AliasHit[];
}

export const MAX_ALIAS_TOKENS = 12;

/** Describe an alias's case rule from how it is written. */
export function caseRule(alias: string, tokens: Token[]): { mode: CaseMode; caps: number } {
  const letters = alias.replace(/[^\p{L}]/gu, '');
  if (tokens.length === 1 && letters.length <= 3 && letters.length >= 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return { mode: CaseMode.Exact, caps: 1 };
  }
  let caps = 0;
  for (let i = 0; i < tokens.length && i < 31; i++) if (tokens[i]!.shape !== Shape.Lower) caps |= 1 << i;
  return { mode: caps === 0 ? CaseMode.Any : CaseMode.Proper, caps };
}

export function insertAlias(root: TrieNode, alias: string, hit: Omit<AliasHit, 'mode' | 'caps'>): boolean {
  let tokens = tokenize(alias);
  // "the Kremlin" is keyed as "Kremlin": the article stays outside the mention.
  if (tokens.length > 1 && tokens[0]!.norm === 'the') tokens = tokens.slice(1);
  if (tokens.length === 0 || tokens.length > MAX_ALIAS_TOKENS) return false;
  const { mode, caps } = caseRule(alias, tokens);
  let node = root;
  for (const t of tokens) {
    node.next ??= new Map();
    let child = node.next.get(t.norm);
    if (!child) {
      child = {};
      node.next.set(t.norm, child);
    }
    node = child;
  }
  node.hits ??= [];
  // One hit per (entity, short) per node; keep the most permissive case rule of a duplicate.
  const same = node.hits.find((h) => h.entity === hit.entity && h.short === hit.short);
  if (same) {
    if (same.mode === CaseMode.Exact && mode !== CaseMode.Exact) { same.mode = mode; same.caps = caps; }
    else if (same.mode === CaseMode.Proper && mode === CaseMode.Proper) same.caps &= caps;
    return true;
  }
  node.hits.push({ ...hit, mode, caps });
  return true;
}

export function caseOk(hit: AliasHit, tokens: Token[], from: number): boolean {
  if (hit.mode === CaseMode.Any) return true;
  if (hit.mode === CaseMode.Exact) return tokens[from]!.shape === Shape.Upper;
  let caps = hit.caps;
  for (let i = from; caps !== 0; i++, caps >>>= 1) {
    if (caps & 1 && tokens[i]!.shape === Shape.Lower) return false;
  }
  return true;
}

/**
 * Every alias occurrence in `tokens` whose case rule holds, as [from, to) token ranges with the
 * surviving hits. Ordered by `from`, then longer first.
 */
export function findMatches(root: TrieNode, tokens: Token[]): RawMatch[] {
  const out: RawMatch[] = [];
  const rootNext = root.next;
  if (!rootNext) return out;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    let node = rootNext.get(tokens[i]!.norm);
    if (!node) continue;
    const startAt = out.length;
    let j = i + 1;
    for (;;) {
      if (node.hits) {
        let kept: AliasHit[] | undefined;
        for (const h of node.hits) if (caseOk(h, tokens, i)) (kept ??= []).push(h);
        if (kept) out.push({ from: i, to: j, hits: kept });
      }
      if (j >= n || !node.next) break;
      const child: TrieNode | undefined = node.next.get(tokens[j]!.norm);
      if (!child) break;
      node = child;
      j++;
    }
    // longest first for this start
    if (out.length - startAt > 1) {
      const slice = out.splice(startAt).reverse();
      out.push(...slice);
    }
  }
  return out;
}
