/**
 * linkEntities' per-block structure (issue #8, linking speed). Session 19 moved the anchor and
 * selection loops into closures called once per block (anchorsInBlock, selectInBlock), so that the
 * optimiser compiles them apart from the rest of linkEntities. The split is only sound if each
 * block's own state (the cursor past the last match taken, the previous mention, the unknown
 * person's span) starts afresh on every block while the page's state (anchored entities, country
 * support, mentions found) carries across blocks, and the anchors of all blocks are read before any
 * block is selected. These cases fail if a later restructuring moves a per-block variable out to the
 * page, reuses one block's scan for another, or interleaves the two passes.
 */
import { describe, expect, it } from 'vitest';
import { buildEntityIndex } from '../lib/entities/index';
import { linkEntities } from '../lib/entities/link';
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
