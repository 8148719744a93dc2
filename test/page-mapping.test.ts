import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { mapBlock, mapMentions, mentionsByParagraph, opinionParagraphs } from '../lib/page/mentions';
import { unwrapMentions, wrapMentions, MENTION_ATTR } from '../lib/page/keyboard';
import { cardModel, placeCard, renderCard, safeUrl } from '../lib/page/card';
import { PageController, type Extraction, type PageDeps } from '../lib/page/controller';
import { blockText } from '../lib/article/textmap';
import type { LinkedEntity, PageReport } from '../lib/report';
import type { ArticleBlock } from '../lib/article/types';

const ARTICLE = `<!doctype html><html><head><title>Story</title></head><body><article>
  <p id="p0">President <a href="/t">Donald Trump</a> said he spoke with <b>Vladimir</b> Putin for an hour.</p>
  <p id="p1">Putin   promised retaliation against Ukraine; Ukraine said nothing.</p>
  <p id="p2">In my view this is a mistake.</p>
</article></body></html>`;

function page() {
  const { document } = parseHTML(ARTICLE);
  const blocks = ['p0', 'p1', 'p2'].map((id) => ({ element: document.getElementById(id)! }));
  return { document, blocks };
}

function entity(id: string, name: string, mentions: [number, number, number, string][], extra: Partial<LinkedEntity> = {}): LinkedEntity {
  return { id, name, type: 'person', description: `${name} (test)`, mentions: mentions.map(([paragraph, start, end, text]) => ({ paragraph, start, end, text })), ...extra };
}

function reportFor(blocks: { element: Element }[], entities: LinkedEntity[]): PageReport {
  const paragraphs = blocks.map((b) => blockText(b.element));
  return {
    url: 'https://news.example/a',
    article: { detected: true, kind: 'news', title: 'Story', date: '2025-06-08', text: paragraphs.join('\n\n'), paragraphs, signals: [] },
    entities,
    coverage: [],
    opinion: [
      { paragraph: 1, label: 'reporting', score: 0.1, reasons: [] },
      { paragraph: 2, label: 'opinion', score: 0.9, reasons: [{ key: 'becauseCueFirstPerson', subs: ["'I think'"] }] },
    ],
  };
}

/** The text a target covers, read from the live nodes. */
function covered(p: { startNode: Text; startOffset: number; endNode: Text; endOffset: number }): string {
  if (p.startNode === p.endNode) return p.startNode.data.slice(p.startOffset, p.endOffset);
  let s = p.startNode.data.slice(p.startOffset);
  // walk text nodes in document order until the end node
  const all: Text[] = [];
  const walk = (x: Node): void => {
    if (x.nodeType === 3) all.push(x as Text);
    x.childNodes.forEach(walk);
  };
  walk(p.startNode.ownerDocument!.body);
  for (let i = all.indexOf(p.startNode) + 1; all[i] !== p.endNode; i++) s += all[i]!.data;
  return s + p.endNode.data.slice(0, p.endOffset);
}

describe('mapping a report back onto the page', () => {
  it('finds every mention on the live text nodes, across inline markup and collapsed spaces', async () => {
    const { document, blocks } = page();
    const t0 = blockText(blocks[0]!.element);
    const t1 = blockText(blocks[1]!.element);
    const trump = t0.indexOf('Donald Trump');
    const putin0 = t0.indexOf('Vladimir Putin');
    const ukr = t1.indexOf('Ukraine');
    const ukr2 = t1.lastIndexOf('Ukraine');
    const report = reportFor(blocks, [
      entity('Q22686', 'Donald Trump', [[0, trump, trump + 12, 'Donald Trump']]),
      entity('Q7747', 'Vladimir Putin', [[0, putin0, putin0 + 14, 'Vladimir Putin'], [1, 0, 5, 'Putin']]),
      entity('Q212', 'Ukraine', [[1, ukr, ukr + 7, 'Ukraine'], [1, ukr2, ukr2 + 7, 'Ukraine']], { type: 'place' }),
    ]);
    const pause = vi.fn(async () => {});
    const { targets } = await mapMentions(document as unknown as Document, report, blocks, pause);
    expect(targets.map((t) => covered(t.points).replace(/\s+/g, ' '))).toEqual(['Donald Trump', 'Vladimir Putin', 'Putin', 'Ukraine', 'Ukraine']);
    expect(targets.map((t) => t.paragraph)).toEqual([0, 0, 1, 1, 1]);
  });

  it('skips mentions whose text no longer matches the page, and overlapping ones', () => {
    const { document, blocks } = page();
    const el = blocks[1]!.element;
    const e = entity('Q7747', 'Vladimir Putin', []);
    const out = mapBlock(document as unknown as Document, 1, el, [
      { entity: e, start: 0, end: 5, text: 'Putin' },
      { entity: e, start: 2, end: 7, text: 'tin p' }, // overlaps the first
      { entity: e, start: 6, end: 14, text: 'Kremlin!' }, // page changed since analysis
      { entity: e, start: 500, end: 505, text: 'Putin' }, // out of range
    ]);
    expect(out.map((t) => [t.start, t.end])).toEqual([[0, 5]]);
  });

  it('groups mentions by paragraph in order and lists opinion paragraphs', () => {
    const { blocks } = page();
    const report = reportFor(blocks, [entity('a', 'A', [[1, 10, 12, 'xx'], [0, 5, 6, 'y'], [1, 2, 4, 'zz']])]);
    expect([...mentionsByParagraph(report)].map(([p, ms]) => [p, ms.map((m) => m.start)])).toEqual([[1, [2, 10]], [0, [5]]]);
    expect(opinionParagraphs(report)).toEqual([2]);
  });
});

describe('keyboard wrappers', () => {
  it('wrap mentions in focusable spans and unwrap to the exact original DOM', async () => {
    const { document, blocks } = page();
    const before = document.body.innerHTML;
    const t1 = blockText(blocks[1]!.element);
    const ukr = t1.indexOf('Ukraine');
    const ukr2 = t1.lastIndexOf('Ukraine');
    const report = reportFor(blocks, [
      entity('Q7747', 'Vladimir Putin', [[1, 0, 5, 'Putin']]),
      entity('Q212', 'Ukraine', [[1, ukr, ukr + 7, 'Ukraine'], [1, ukr2, ukr2 + 7, 'Ukraine']]),
      // crosses an element boundary (<b>Vladimir</b> Putin): left unwrapped
      entity('x', 'Vladimir Putin', [[0, blockText(blocks[0]!.element).indexOf('Vladimir'), blockText(blocks[0]!.element).indexOf('Vladimir') + 14, 'Vladimir Putin']]),
    ]);
    const { targets } = await mapMentions(document as unknown as Document, report, blocks);
    const wraps = wrapMentions(document as unknown as Document, targets);
    const spans = [...document.querySelectorAll(`[${MENTION_ATTR}]`)];
    expect(spans.map((s) => s.textContent)).toEqual(['Putin', 'Ukraine', 'Ukraine']);
    expect(spans.every((s) => s.getAttribute('tabindex') === '0')).toBe(true);
    // Block text is unchanged by the wrappers, so offsets stay valid.
    expect(blockText(blocks[1]!.element)).toBe(t1);
    unwrapMentions(wraps);
    expect(document.body.innerHTML).toBe(before);
    expect(blocks[1]!.element.childNodes.length).toBe(1);
  });
});

describe('hover card', () => {
  it('shows page and dataset text as text, never as markup', () => {
    const { document } = parseHTML('<!doctype html><html><body></body></html>');
    const e = entity('evil', '<img src=x onerror=alert(1)>', [[0, 0, 1, 'x'], [1, 0, 1, 'x']], {
      description: '<b>bold</b>',
      url: 'javascript:alert(1)',
      coverage: [
        { id: 'c1', title: '<script>x</script>', date: '2025-05-19', source: 'Reuters', url: 'https://example.org/a', why: 'Putin · 3 weeks earlier' },
        { id: 'c2', title: '', date: null, source: 'BBC', url: 'data:text/html,hi', why: '', origin: 'history' },
        { id: 'c3', title: 'third', date: null, source: '', url: '', why: '' },
        { id: 'c4', title: 'fourth (not shown)', date: null, source: '', url: '', why: '' },
      ],
    });
    const model = cardModel(e);
    expect(model.url).toBeNull();
    expect(model.coverage).toHaveLength(3);
    const card = renderCard(document as unknown as Document, model);
    expect(card.querySelector('img, b, script')).toBeNull();
    expect(card.querySelector('[data-testid="card-name"]')!.textContent).toBe('<img src=x onerror=alert(1)>');
    expect(card.querySelector('[data-testid="card-description"]')!.textContent).toBe('<b>bold</b>');
    expect(card.getAttribute('role')).toBe('dialog');
    expect(card.textContent).toContain('Mentioned 2 times here');
    const links = [...card.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://example.org/a']);
    expect(card.querySelectorAll('[data-testid="card-coverage"] li')).toHaveLength(3);
    expect(card.textContent).toContain('you read this earlier');
  });

  it.each([
    ['https://www.wikidata.org/wiki/Q7747', 'https://www.wikidata.org/wiki/Q7747'],
    ['http://example.org/', 'http://example.org/'],
    ['javascript:alert(1)', null],
    ['chrome-extension://abc/popup.html', null],
    ['not a url', null],
  ])('safeUrl(%s)', (input, want) => {
    expect(safeUrl(input)).toBe(want);
  });

  it.each([
    ['room below', { left: 100, top: 100, right: 150, bottom: 120 }, { left: 100, top: 126 }],
    ['no room below → above', { left: 100, top: 600, right: 150, bottom: 620 }, { left: 100, top: 394 }],
    ['near the right edge → pulled inside', { left: 900, top: 100, right: 950, bottom: 120 }, { left: 696, top: 126 }],
  ])('placeCard: %s', (_name, anchor, want) => {
    expect(placeCard(anchor, 320, 200, 1024, 768)).toEqual(want);
  });

  it('never covers the name when it can go above or below', () => {
    for (let top = 0; top < 740; top += 37) {
      const anchor = { left: 10, top, right: 60, bottom: top + 20 };
      const pos = placeCard(anchor, 320, 200, 1024, 768);
      const overlaps = pos.top < anchor.bottom && pos.top + 200 > anchor.top;
      const fits = anchor.top - 206 >= 8 || anchor.bottom + 206 <= 760;
      if (fits) expect(overlaps, `anchor at ${top}`).toBe(false);
    }
  });
});

describe('page controller', () => {
  function deps(over: Partial<PageDeps> & { extraction?: Extraction } = {}) {
    const { document } = parseHTML(ARTICLE);
    const send = vi.fn(async (_message: unknown) => ({ ok: false as const, error: 'stop here' }));
    const extractArticle = vi.fn((): Extraction => over.extraction ?? { detected: false, signals: ['no body'] });
    const d: PageDeps = {
      doc: document as unknown as Document,
      url: () => 'https://news.example/a',
      articleGate: () => ({ likely: true, signals: ['json-ld:NewsArticle'] }),
      extractArticle,
      send,
      log: () => {},
      ...over,
    };
    return { d, send, extractArticle, document };
  }

  it('stays idle on a page the gate rejects: no extraction, no message', async () => {
    // A long page (not a loading shell), so there is no wait for late content either.
    const { d, send, extractArticle } = deps({ articleGate: () => ({ likely: false, signals: ['home page'] }) });
    (d.doc.body as HTMLElement).append(d.doc.createTextNode('x'.repeat(5000)));
    await new PageController(d).run();
    expect(extractArticle).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it('tells the background when extraction finds no article', async () => {
    const { d, send } = deps();
    const c = new PageController(d);
    await c.run();
    expect(send).toHaveBeenCalledWith({ type: 'cs:not-article', url: 'https://news.example/a', title: 'Story', signals: ['no body'], reportId: expect.any(String) });
    expect(c.reportId).toBe((send.mock.calls[0]![0] as { reportId: string }).reportId);
    c.stop();
    expect(c.reportId).toBeNull();
  });

  it('draws from the links answer, then asks for the report details and applies them to the cards and opinion flags', async () => {
    const { document } = parseHTML(ARTICLE);
    const blocks: ArticleBlock[] = ['p0', 'p1', 'p2'].map((id) => {
      const element = document.getElementById(id)!;
      return { element, kind: 'paragraph', text: blockText(element), section: null };
    });
    const input = {
      url: 'https://news.example/a', title: 'Story', byline: null, date: '2025-06-08', lang: 'en', siteName: null, kind: 'news' as const,
      kindSignals: [], kindReasons: [], signals: ['json-ld:NewsArticle'], blocks: blocks.map((b) => ({ text: b.text, kind: b.kind, section: null })),
    };
    const links = { ...reportFor(blocks, [entity('Q7747', 'Vladimir Putin', [[1, 0, 5, 'Putin']])]), opinion: [] };
    const card = { id: 'wcep-1', title: 'Earlier talks', date: '2025-05-01', source: 'Wire', url: 'https://wire.example/talks', why: 'with Putin' };
    const flags = reportFor(blocks, []).opinion;
    const asked: string[] = [];
    let c: PageController | null = null;
    const send = vi.fn(async (message: { type: string; reportId?: string }) => {
      asked.push(message.type);
      if (message.type === 'cs:analyze-article') return { ok: true as const, value: links };
      // Asked once the highlights are drawn: the view is up, without cards' coverage yet.
      expect(c!.current?.mentionCount).toBe(1);
      expect(c!.current?.report.entities[0]!.coverage).toBeUndefined();
      expect(message.reportId).toBe(c!.reportId);
      return { ok: true as const, value: { cards: { Q7747: [card] }, opinion: flags } };
    });
    const log = vi.fn();
    const { d } = deps({ doc: document as unknown as Document, extraction: { detected: true, input, blocks }, send: send as PageDeps['send'], log });
    c = new PageController(d);
    vi.stubGlobal('window', {}); // no highlight registry here (drawing is a no-op)
    try {
      await c.run();
    } finally {
      vi.unstubAllGlobals();
    }
    expect(log).not.toHaveBeenCalled();
    expect(asked).toEqual(['cs:analyze-article', 'cs:report-details']);
    expect(c.current!.report.entities[0]!.coverage).toEqual([card]);
    expect(c.current!.report.opinion).toEqual(flags);
    expect(cardModel(c.current!.report.entities[0]!).coverage).toHaveLength(1);
  });

  it('sends the clamped article and logs (not throws) a failed analysis', async () => {
    const { document } = parseHTML(ARTICLE);
    const blocks: ArticleBlock[] = ['p0', 'p1'].map((id) => {
      const element = document.getElementById(id)!;
      return { element, kind: 'paragraph', text: blockText(element), section: null };
    });
    const input = {
      url: 'https://news.example/a', title: 'Story', byline: null, date: '2025-06-08', lang: 'en', siteName: null, kind: 'news' as const,
      kindSignals: [], kindReasons: [], signals: ['json-ld:NewsArticle'], blocks: blocks.map((b) => ({ text: b.text, kind: b.kind, section: null })),
    };
    const log = vi.fn();
    const { d, send } = deps({ extraction: { detected: true, input, blocks }, log });
    const c = new PageController(d);
    await expect(c.run()).resolves.toBeUndefined();
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]![0]).toMatchObject({ type: 'cs:analyze-article', article: { title: 'Story', blocks: [{ text: blocks[0]!.text }, { text: blocks[1]!.text }] } });
    expect(log).toHaveBeenCalledWith('analysis failed:', 'stop here');
    expect(c.reveal(0)).toEqual({ ok: false, error: 'no article on this page' });
  });
});
