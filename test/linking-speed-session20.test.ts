/**
 * linkEntities' per-block structure (issue #8, linking speed). Session 19 moved the anchor and
 * selection loops into closures called once per block (anchorsInBlock, selectInBlock), so that the
 * optimiser compiles them apart from the rest of linkEntities. The split is only sound if each
 * block's own state (the cursor past the last match taken, the previous mention, the unknown
 * person's span) starts afresh on every block while the page's state (anchored entities, country
 * support, mentions found) carries across blocks, and the anchors of all blocks are read before any
 * block is selected. These cases fail if a later restructuring moves a per-block variable out to the
 * page, reuses one block's scan for another, or interleaves the two passes.
 *
 * Also session 20's matcher edit: the word after a prefix that longer aliases go on from is hashed
 * from the text, its string made only when the quick no lets the longer key through.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkEntities } from '../lib/entities/link';
import { createTable, findMatches, hitEntity, insertAlias } from '../lib/entities/matcher';
import { FNV_OFFSET, hashMore, tokenize, unmadeWordHash, unmadeWordLength, type Token } from '../lib/entities/normalize';
import { ENTITIES } from './entities-fixture';

const index = buildEntityIndex(ENTITIES);

/** Mentions as "block:start-end:id:text", sorted. */
function mentions(blocks: string[]): string[] {
  return linkEntities(blocks.map((text) => ({ text })), index, { date: '2025-06-08' })
    .flatMap((e) => e.mentions.map((m) => `${m.paragraph}:${m.start}-${m.end}:${e.id}:${m.text}`))
    .sort();
}

/** Mentions of block `b` only, without the block number. */
function ofBlock(all: string[], b: number): string[] {
  return all.filter((m) => m.startsWith(`${b}:`)).map((m) => m.slice(m.indexOf(':') + 1));
}

// Blocks whose names need no evidence from elsewhere on the page. The first ones end on a long
// match far into the block (a cursor left at token 9 or so); the others have their names on
// their first tokens, which a cursor carried over from the block before would pass by.
const LATE = [
  'Leaders met at the White House with Vladimir Putin',
  'Officials in Kyiv said the Russian invasion of Ukraine',
  'Donald Trump met the United Nations',
];
const EARLY = ['Trump and Putin spoke.', 'Ukraine and Russia', 'The Biden administration said so.'];

describe('linkEntities: each block is selected afresh', () => {
  it('links a block on a page as it links the block alone, whatever block comes before', () => {
    for (const late of LATE) {
      for (const early of EARLY) {
        const alone = ofBlock(mentions([early]), 0);
        expect(alone.length, early).toBeGreaterThan(0);
        const page = mentions([late, early]);
        expect(ofBlock(page, 1), `${late} | ${early}`).toEqual(alone);
        // And the block before keeps its own mentions too.
        expect(ofBlock(page, 0), `${late} | ${early}`).toEqual(ofBlock(mentions([late]), 0));
      }
    }
  });

  it('numbers each mention with its own block, on a page of several blocks', () => {
    const page = mentions(['Ukraine and Russia', 'Trump and Putin spoke.', 'Ukraine and Russia']);
    expect(page).toEqual([
      '0:0-7:Q212:Ukraine', '0:12-18:Q159:Russia',
      '1:0-5:Q22686:Trump', '1:10-15:Q7747:Putin',
      '2:0-7:Q212:Ukraine', '2:12-18:Q159:Russia',
    ]);
  });
});

describe('linkEntities: the page state carries across blocks', () => {
  it('links a surname after its full name in an earlier block, and not on its own', () => {
    expect(mentions(['Rutte said.'])).toEqual([]);
    expect(mentions(['Mark Rutte spoke.', 'Rutte said.'])).toEqual(['0:0-10:Q102:Mark Rutte', '1:0-5:Q102:Rutte']);
  });

  it('reads the anchors of every block before selecting any: a full name in a later block vouches for a surname before it', () => {
    expect(mentions(['Rutte said.', 'Mark Rutte spoke.'])).toEqual(['0:0-5:Q102:Rutte', '1:0-10:Q102:Mark Rutte']);
  });

  it('anchors each block afresh: a long name ending one block does not hide the full name that starts the next', () => {
    // The anchor pass's cursor stops at the end of "Vladimir Putin" (token 9) in the first block;
    // carried over, it would pass by "Mark Rutte" (tokens 0-1) in the third, and the second block's
    // "Rutte" would have no full name to stand for.
    expect(ofBlock(mentions(['Leaders met at the White House with Vladimir Putin', 'Rutte said.', 'Mark Rutte spoke.']), 1)).toEqual(['0-5:Q102:Rutte']);
  });
});

describe('unmadeWordLength / unmadeWordHash: a plain lower-case word hashed from the text', () => {
  const TEXT = 'the talks in Kyiv went on; da Silva, 2024 and x1; Erdoğan, erdoğan, straße; U.S. NATO’s mid-1990s';
  it('hash as hashMore does over the folded form, for the words whose form is not made', () => {
    const fresh = tokenize(TEXT), folded = tokenize(TEXT).map((t) => t.norm);
    let unmade = 0;
    for (let i = 0; i < fresh.length; i++) {
      const t = fresh[i]!, h = hashMore(FNV_OFFSET, 'bank');
      const length = unmadeWordLength(t); // before norm is read
      if (length < 0) continue;
      unmade++;
      expect(length, folded[i]).toBe(folded[i]!.length);
      expect(unmadeWordHash(h, t), folded[i]).toBe(hashMore(h, folded[i]!));
      expect(/^[a-z0-9]+$/.test(folded[i]!), folded[i]).toBe(true);
    }
    // "the", "talks", "in", "went", "on", "da", "2024", "and", "x1", the "s" of "NATO’s", "mid", "1990s".
    expect(unmade).toBe(12);
  });
  it('answer -1 for a word carrying its form (capitalised, non-ASCII, made since) and for a plain token object', () => {
    const tokens = tokenize(TEXT);
    const at = (word: string) => tokens.find((t) => TEXT.slice(t.start, t.end) === word)!;
    for (const word of ['Kyiv', 'Erdoğan', 'erdoğan', 'straße', 'NATO']) expect(unmadeWordLength(at(word)), word).toBe(-1);
    const talks = at('talks');
    expect(unmadeWordLength(talks)).toBe(5);
    void talks.norm;
    expect(unmadeWordLength(talks)).toBe(-1);
    const plain: Token = { norm: 'talks', start: 0, end: 5, shape: talks.shape };
    expect(unmadeWordLength(plain)).toBe(-1);
  });
});

describe('findMatches: the word after a prefix', () => {
  const table = createTable();
  insertAlias(table, 'The Guardian', 1, false);
  insertAlias(table, 'Bank of England', 2, false);
  insertAlias(table, 'Banco de España', 3, false);
  /** tokenize()'s tokens, counting the reads of each one's `norm`. */
  function counted(text: string): { tokens: Token[]; reads: Map<string, number> } {
    const reads = new Map<string, number>();
    const tokens = tokenize(text).map((t) => new Proxy(t, {
      get(target, key, receiver) {
        if (key === 'norm') reads.set(text.slice(target.start, target.end), (reads.get(text.slice(target.start, target.end)) ?? 0) + 1);
        return Reflect.get(target, key, receiver) as unknown;
      },
    }));
    return { tokens, reads };
  }
  const found = (tokens: Token[]) => findMatches(table, tokens).map((m) => [m.from, m.to, hitEntity(m.hits[0]!)]);

  it('does not make the string of a lower-case word that continues no alias', () => {
    const { tokens, reads } = counted('The government and the bank said so');
    expect(found(tokens)).toEqual([]);
    // The prefixes "the" and "bank" are looked up; the words after them are hashed, never read.
    expect(reads.get('government')).toBeUndefined();
    expect(reads.get('said')).toBeUndefined();
  });

  it('still finds the aliases that go on through a lower-case or a non-ASCII word', () => {
    const { tokens, reads } = counted('The Guardian said the Bank of England and the Banco de España agreed');
    expect(found(tokens)).toEqual([[0, 2, 1], [4, 7, 2], [9, 12, 3]]);
    // "of" continues an alias: its string is made for the key "bank of".
    expect(reads.get('of')).toBeGreaterThan(0);
  });
});
