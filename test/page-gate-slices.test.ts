/**
 * Issue #7: the article gate runs in slices. articleGateSteps must decide exactly as articleGate,
 * pause on big pages (so the content script can yield to the page), and the page controller must
 * drive it in slices and stop when the run is cancelled meanwhile.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { articleGate, articleGateSteps, pageFacts } from '../lib/article/gate';
import { PageController, type PageDeps } from '../lib/page/controller';

/** A big page: many paragraphs (short and long), many bare divs, JSON-LD. */
function bigPage(opts: { jsonLd?: boolean; longParas?: number } = {}) {
  const paras = Array.from({ length: 600 }, (_, i) => `<p>${i < (opts.longParas ?? 0) ? 'Long sentence of the article, with commas, and more words. '.repeat(6) : `Teaser ${i}`}</p>`).join('');
  const divs = Array.from({ length: 800 }, (_, i) => `<div>cell ${i}</div>`).join('');
  const ld = opts.jsonLd ? '<script type="application/ld+json">{"@type":"NewsArticle","headline":"x"}</script>' : '';
  const { document } = parseHTML(`<!doctype html><html><head>${ld}<meta property="og:type" content="website"></head><body><main>${paras}</main><nav>${divs}</nav></body></html>`);
  return document as unknown as Document;
}

/** linkedom has no layout: give it checkVisibility so the gate takes the browsers' (query) path. */
function asBrowser(doc: Document): Document {
  (doc.documentElement as unknown as { checkVisibility: () => boolean }).checkVisibility = () => true;
  return doc;
}

function drain<T>(g: Generator<void, T, void>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const r = g.next();
    if (r.done) return { value: r.value, pauses };
    pauses++;
  }
}

describe('article gate in steps', () => {
  for (const [name, opts] of [['listing page', {}], ['article', { jsonLd: true, longParas: 40 }], ['text only', { longParas: 600 }]] as const) {
    it(`decides as articleGate, pausing on a big page (${name})`, () => {
      const doc = asBrowser(bigPage(opts));
      const url = 'https://news.example/2025/06/08/some-long-story-slug';
      const { value, pauses } = drain(articleGateSteps(doc, url));
      expect(value).toEqual(articleGate(doc, url));
      // A listing page reads every paragraph and div; an article stops once its text decides.
      if (name === 'listing page') expect(pauses).toBeGreaterThan(20);
      else expect(pauses).toBeGreaterThan(1);
      // …and the browsers' path still agrees with the walk (linkedom's) on the facts.
      expect(pageFacts(doc, 60, 'query')).toEqual(pageFacts(doc, 60, 'walk'));
    });
  }
});

describe('page controller drives a gate given as steps', () => {
  function deps(steps: () => Generator<void, { likely: boolean; signals: string[] }, void>) {
    const doc = bigPage();
    const extractArticle = vi.fn(() => ({ detected: false as const, signals: ['no body'] }));
    const send = vi.fn(async () => ({ ok: true as const, value: null }));
    const d: PageDeps = {
      doc,
      url: () => 'https://news.example/a',
      articleGate: () => {
        throw new Error('the sync gate must not run when steps are given');
      },
      gateSteps: steps,
      extractArticle,
      send,
      log: () => {},
    };
    return { d, extractArticle, send };
  }

  /** Steps that burn more than a slice each, counting how many ran. */
  function slowGate(count: { taken: number }, likely: boolean, after?: (taken: number) => void) {
    return function* () {
      for (let i = 0; i < 4; i++) {
        const end = Date.now() + 12;
        while (Date.now() < end);
        count.taken++;
        after?.(count.taken);
        yield;
      }
      return { likely, signals: likely ? ['json-ld:NewsArticle'] : ['url:home'] };
    };
  }

  it('runs the steps across tasks (a yield to the page after each used-up slice), then extracts', async () => {
    const g = globalThis as { scheduler?: unknown };
    const before = g.scheduler;
    const yielded = vi.fn(() => new Promise<void>((r) => setTimeout(r, 0)));
    g.scheduler = { yield: yielded };
    try {
      const count = { taken: 0 };
      const { d, extractArticle } = deps(slowGate(count, true));
      await new PageController(d).run();
      expect(count.taken).toBe(4);
      expect(yielded.mock.calls.length).toBeGreaterThanOrEqual(4);
      expect(extractArticle).toHaveBeenCalledTimes(1);
    } finally {
      g.scheduler = before;
    }
  });

  it('a run stopped while the gate is in progress neither extracts nor reports', async () => {
    const count = { taken: 0 };
    let c: PageController | null = null;
    const { d, extractArticle, send } = deps(slowGate(count, true, (taken) => taken === 2 && c!.stop()));
    c = new PageController(d);
    await c.run();
    expect(count.taken).toBe(2);
    expect(extractArticle).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });
});
