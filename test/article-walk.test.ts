/**
 * The machinery that lets the content script read a page in slices (issue #7): steps run to the
 * same end synchronously or in slices, the bounded collapsed length agrees with textContent, and
 * the gate's two ways of gathering page facts agree.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { collapsedLengthUpTo, runSteps } from '../lib/article/walk';
import { extractArticle, extractArticleSteps } from '../lib/article/extract';
import { pageFacts } from '../lib/article/gate';
import { SliceClock, driveSteps } from '../lib/page/yield';

const PAGES = path.resolve(__dirname, 'fixtures/pages');
const SHARED_PAGES = path.resolve(__dirname, '../../shared/data/readability-pages');

/** Deterministic pseudo-random markup: nested elements, whitespace runs, comments, CDATA-free. */
function randomMarkup(seed: number, depth = 0): string {
  let x = seed;
  const rnd = (n: number): number => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return x % n;
  };
  const bits = ['word', ' ', '  \n\t ', 'a b', '', '\u00a0x', 'é', '<!-- note -->'];
  let out = '';
  const k = 1 + rnd(5);
  for (let i = 0; i < k; i++) {
    if (depth < 5 && rnd(3) === 0) out += `<div>${randomMarkup(x + i, depth + 1)}</div>`;
    else if (depth < 5 && rnd(4) === 0) out += `<span>${randomMarkup(x + 7 * i, depth + 1)}</span>`;
    else out += bits[rnd(bits.length)];
  }
  return out;
}

describe('collapsedLengthUpTo', () => {
  it('equals textContent collapsed, up to the limit, on random markup', () => {
    for (let seed = 1; seed < 300; seed++) {
      const { document } = parseHTML(`<html><body><div id="r">${randomMarkup(seed)}</div></body></html>`);
      const el = document.getElementById('r')!;
      const full = (el.textContent ?? '').replace(/\s+/g, ' ').length;
      expect(collapsedLengthUpTo(el, 1e9)).toBe(full);
      for (const limit of [0, 1, 3, Math.max(0, full - 1), full, full + 1]) {
        expect(collapsedLengthUpTo(el, limit)).toBe(Math.min(full, limit + 1));
      }
    }
  });

  it('stops early: a huge subtree costs about the limit', () => {
    const { document } = parseHTML(`<html><body><div id="r">${'<p>some words here</p>'.repeat(20000)}</div></body></html>`);
    const el = document.getElementById('r')!;
    // 2,000 full walks of 40,000 nodes would take minutes; stopping after the first few is instant.
    const t0 = performance.now();
    for (let i = 0; i < 2000; i++) expect(collapsedLengthUpTo(el, 50)).toBe(51);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('extraction as steps', () => {
  it('runs to the same extraction synchronously and in slices', async () => {
    for (const name of ['own-seed.html', 'home.html', 'forum.html']) {
      const html = readFileSync(path.join(PAGES, name), 'utf8');
      const url = 'https://ledger.example/world/2025/06/08/trump-putin-call';
      const sync = extractArticle(parseHTML(html).document, url);
      let pauses = 0;
      // A zero budget pauses at every step: the most interleaved schedule there is.
      const sliced = await driveSteps(extractArticleSteps(parseHTML(html).document, url), new SliceClock(0), undefined, async () => {
        pauses++;
      });
      expect(sliced).not.toBeNull();
      const plain = (e: typeof sync) => JSON.stringify(e.detected ? e.input : e);
      expect(plain(sliced!)).toBe(plain(sync));
      // A vetoed page stops after the gate; an article pauses all through the walk.
      if (name === 'own-seed.html') expect(pauses).toBeGreaterThan(10);
    }
  });

  it('stops between steps when aborted', async () => {
    const html = readFileSync(path.join(PAGES, 'own-seed.html'), 'utf8');
    const ctl = new AbortController();
    let pauses = 0;
    const r = await driveSteps(extractArticleSteps(parseHTML(html).document, 'https://x.example/a'), new SliceClock(0), ctl.signal, async () => {
      if (++pauses === 2) ctl.abort();
    });
    expect(r).toBeNull();
    expect(pauses).toBe(2);
  });

  it('runSteps returns the generator result', () => {
    function* g(): Generator<void, number, void> {
      yield;
      yield;
      return 42;
    }
    expect(runSteps(g())).toBe(42);
  });
});

describe('gate page facts', () => {
  const names = existsSync(SHARED_PAGES) ? readdirSync(SHARED_PAGES).filter((n) => existsSync(path.join(SHARED_PAGES, n, 'source.html'))).slice(0, 40) : [];
  const files = [...readdirSync(PAGES).map((n) => path.join(PAGES, n)), ...names.map((n) => path.join(SHARED_PAGES, n, 'source.html'))];
  it(`agree between the element walk (linkedom) and selector queries (browsers) on ${files.length} pages${names.length ? '' : ' (../shared absent: own fixtures only)'}`, () => {
    for (const f of files) {
      const { document } = parseHTML(readFileSync(f, 'utf8'));
      const walk = pageFacts(document, 60, 'walk');
      const query = pageFacts(document, 60, 'query');
      expect({ f, ...query, density: Math.round(query.density * 1000) }).toEqual({ f, ...walk, density: Math.round(walk.density * 1000) });
    }
  }, 120_000);
});
