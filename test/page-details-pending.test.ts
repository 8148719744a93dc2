/**
 * The split answer as a reader meets it (#8): the highlights come first, the cards' coverage and
 * the opinion flags later (cs:report-details). A card opened in between says it is looking (not an
 * empty list that reads as "no earlier coverage") and shows the items once they arrive; the
 * opinion toggle works before and after; a refused or lost details request ends the wait.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { ArticleView } from '../lib/page/article-view';
import { PageController, type Extraction, type PageDeps } from '../lib/page/controller';
import { MENTION_ATTR } from '../lib/page/keyboard';
import { OPINION_HIGHLIGHT } from '../lib/page/highlights';
import { blockText } from '../lib/article/textmap';
import type { ArticleBlock } from '../lib/article/types';
import type { EntityCoverageHit, PageReport } from '../lib/report';
import type { PageDetails } from '../lib/analyze';

const ARTICLE = `<!doctype html><html><head><title>Story</title></head><body><article>
  <p id="p0">Vladimir Putin spoke for an hour.</p>
  <p id="p1">In my view this is a mistake.</p>
</article></body></html>`;

const EARLIER: EntityCoverageHit = { id: 'wcep-1', title: 'Earlier talks', date: '2025-05-01', source: 'Wire', url: 'https://wire.example/talks', why: 'with Putin' };
const FLAGS: PageDetails['opinion'] = [{ paragraph: 1, label: 'opinion', score: 0.9, reasons: [] }];

/** A highlight registry the view draws into (the test runs outside a browser). */
let registry: Map<string, { ranges: unknown[] }>;
beforeEach(() => {
  registry = new Map();
  class FakeHighlight {
    ranges: unknown[];
    priority = 0;
    constructor(...ranges: unknown[]) {
      this.ranges = ranges;
    }
  }
  vi.stubGlobal('window', { CSS: { highlights: registry }, Highlight: FakeHighlight });
});
afterEach(() => void vi.unstubAllGlobals());

function setup() {
  const { document } = parseHTML(ARTICLE);
  const blocks: ArticleBlock[] = ['p0', 'p1'].map((id) => {
    const element = document.getElementById(id)!;
    return { element, kind: 'paragraph', text: blockText(element), section: null };
  });
  const paragraphs = blocks.map((b) => b.text);
  // The worker's first answer: links only, no card coverage, no opinion flags.
  const links: PageReport = {
    url: 'https://news.example/a',
    article: { detected: true, kind: 'news', title: 'Story', date: '2025-06-08', text: paragraphs.join('\n\n'), paragraphs, signals: [] },
    entities: [{ id: 'Q7747', name: 'Vladimir Putin', type: 'person', description: 'President of Russia', mentions: [{ paragraph: 0, start: 0, end: 14, text: 'Vladimir Putin' }] }],
    coverage: [],
    opinion: [],
  };
  return { document: document as unknown as Document, blocks, links };
}

/** Open the card from the keyboard (Enter on the name's wrapper), as a reader would. */
function openCardOnName(doc: Document): void {
  const span = doc.querySelector(`[${MENTION_ATTR}]`) as HTMLElement;
  expect(span, 'the name is wrapped').toBeTruthy();
  span.getBoundingClientRect = () => ({ left: 10, top: 10, right: 80, bottom: 28, width: 70, height: 18, x: 10, y: 10, toJSON: () => ({}) });
  const e = new (doc.defaultView as unknown as typeof globalThis).Event('keydown', { bubbles: true });
  Object.assign(e, { key: 'Enter' });
  span.dispatchEvent(e);
}

/** The open card (inside its shadow root), or null. */
function openCard(doc: Document): Element | null {
  const host = doc.documentElement.lastElementChild;
  return host?.shadowRoot?.querySelector('[data-testid="card"]') ?? null;
}

describe('a card opened before the report details arrive', () => {
  it('says it is looking for earlier coverage, then shows the items when they come', async () => {
    const { document, blocks, links } = setup();
    const view = new ArticleView(document, links, blocks);
    await view.init({ opinionHighlight: false, entityMarks: true, keyboardLinks: true });
    openCardOnName(document);
    const before = openCard(document);
    expect(before, 'card open').toBeTruthy();
    expect(before!.querySelector('[data-testid="card-coverage-pending"]')?.textContent).toBe('Looking for earlier coverage…');
    expect(before!.querySelectorAll('[data-testid="card-coverage"] li')).toHaveLength(0);

    view.addDetails({ cards: { Q7747: [EARLIER] }, opinion: FLAGS });
    const after = openCard(document);
    expect(after, 'still open').toBeTruthy();
    expect(after!.querySelector('[data-testid="card-coverage-pending"]')).toBeNull();
    expect(after!.querySelector('[data-testid="card-coverage"] li')?.textContent).toContain('Earlier talks');
    view.destroy();
  });

  it('stops looking when the details will not come (no earlier items shown, no pending line)', async () => {
    const { document, blocks, links } = setup();
    const view = new ArticleView(document, links, blocks);
    await view.init({ opinionHighlight: false, entityMarks: true, keyboardLinks: true });
    openCardOnName(document);
    expect(openCard(document)!.querySelector('[data-testid="card-coverage-pending"]')).toBeTruthy();
    view.detailsUnavailable();
    expect(openCard(document)!.querySelector('[data-testid="card-coverage-pending"]')).toBeNull();
    view.destroy();
  });

  it('the opinion toggle before the details: nothing to draw yet, drawn when they come; off stays off', async () => {
    const { document, blocks, links } = setup();
    const view = new ArticleView(document, links, blocks);
    await view.init({ opinionHighlight: false, entityMarks: true, keyboardLinks: false });
    view.update({ opinionHighlight: true });
    expect(registry.has(OPINION_HIGHLIGHT)).toBe(false);
    view.addDetails({ cards: {}, opinion: FLAGS });
    expect(registry.get(OPINION_HIGHLIGHT)?.ranges).toHaveLength(1);
    view.update({ opinionHighlight: false });
    expect(registry.has(OPINION_HIGHLIGHT)).toBe(false);
    view.destroy();

    // Switched on and off again before the details: they arrive and draw nothing.
    const second = setup();
    const other = new ArticleView(second.document, second.links, second.blocks);
    await other.init({ opinionHighlight: false, entityMarks: true, keyboardLinks: false });
    other.update({ opinionHighlight: true });
    other.update({ opinionHighlight: false });
    other.addDetails({ cards: {}, opinion: FLAGS });
    expect(registry.has(OPINION_HIGHLIGHT)).toBe(false);
    other.destroy();
  });
});

describe('the details request after drawing fails quietly', () => {
  it('a closed tab (the request rejects) logs nothing, throws nothing, and cards stop looking', async () => {
    const { document, blocks, links } = setup();
    const input = {
      url: 'https://news.example/a', title: 'Story', byline: null, date: '2025-06-08', lang: 'en', siteName: null, kind: 'news' as const,
      kindSignals: [], kindReasons: [], signals: ['json-ld:NewsArticle'], blocks: blocks.map((b) => ({ text: b.text, kind: b.kind, section: null })),
    };
    const send = vi.fn(async (message: { type: string }) => {
      if (message.type === 'cs:analyze-article') return { ok: true as const, value: links };
      throw new Error("Actor 'Conduits' destroyed");
    });
    const log = vi.fn();
    const extraction: Extraction = { detected: true, input, blocks };
    const d: PageDeps = {
      doc: document,
      url: () => 'https://news.example/a',
      articleGate: () => ({ likely: true, signals: ['json-ld:NewsArticle'] }),
      extractArticle: () => extraction,
      send: send as PageDeps['send'],
      log,
    };
    const c = new PageController(d);
    await expect(c.run()).resolves.toBeUndefined();
    expect(send.mock.calls.map(([m]) => m.type)).toEqual(['cs:analyze-article', 'cs:report-details']);
    expect(log).not.toHaveBeenCalled();
    expect(c.current!.report.entities[0]!.coverage).toEqual([]);
    c.stop();
  });
});
