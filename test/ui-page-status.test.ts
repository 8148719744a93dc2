/**
 * ui:get-page-status: the popup asks the page itself why it is not an article (pages that fail the
 * cheap gate send nothing to the background). Validation of the message and the controller's answer.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { UiToCs } from '../lib/messaging';
import { PageController, type Extraction, type PageDeps } from '../lib/page/controller';

describe('ui:get-page-status message', () => {
  it.each([
    [{ type: 'ui:get-page-status' }, true],
    [{ type: 'ui:get-page-status', extra: 1 }, true], // zod objects strip unknown keys
    [{ type: 'ui:get-page-status ' }, false],
    [{ type: 'ui:page-status' }, false],
    ['ui:get-page-status', false],
    [null, false],
  ])('%j → %s', (msg, valid) => {
    expect(UiToCs.safeParse(msg).success).toBe(valid);
  });
});

describe('PageController.pageStatus', () => {
  function deps(over: Partial<PageDeps> & { extraction?: Extraction } = {}) {
    const { document } = parseHTML('<!doctype html><html><head><title>T</title></head><body><p>x</p></body></html>');
    // A long page, so the controller does not wait for late content.
    document.body.append(document.createTextNode('x'.repeat(5000)));
    const send = vi.fn(async (_m: unknown) => ({ ok: false as const, error: 'stop here' }));
    const d: PageDeps = {
      doc: document as unknown as Document,
      url: () => 'https://news.example/',
      articleGate: () => ({ likely: true, signals: ['json-ld:NewsArticle'] }),
      extractArticle: () => over.extraction ?? { detected: false, signals: ['json-ld:NewsArticle', 'text:score=3'] },
      send,
      log: () => {},
      ...over,
    };
    return { d, send };
  }

  it('is idle before any run', () => {
    expect(new PageController(deps().d).pageStatus()).toEqual({ state: 'idle' });
  });

  it('remembers the gate signals of a rejected page without sending anything', async () => {
    const { d, send } = deps({ articleGate: () => ({ likely: false, signals: ['url:home', 'veto:html:many-articles'] }) });
    const c = new PageController(d);
    await c.run();
    expect(send).not.toHaveBeenCalled();
    expect(c.pageStatus()).toEqual({ state: 'not-article', signals: ['url:home', 'veto:html:many-articles'], url: 'https://news.example/', title: 'T' });
    // A copy: the caller cannot change what the controller remembers.
    const s = c.pageStatus();
    if (s.state === 'not-article') s.signals.push('x');
    expect(c.pageStatus()).toMatchObject({ signals: ['url:home', 'veto:html:many-articles'] });
  });

  it('remembers the extraction signals when the extractor says no', async () => {
    const c = new PageController(deps().d);
    await c.run();
    expect(c.pageStatus()).toMatchObject({ state: 'not-article', signals: ['json-ld:NewsArticle', 'text:score=3'] });
  });

  it('says article once an article was extracted, and idle after stop (turned off)', async () => {
    const input = {
      url: 'https://news.example/a', title: 'Story', byline: null, date: null, lang: 'en', siteName: null, kind: 'news' as const,
      kindSignals: [], kindReasons: [], signals: [], blocks: [{ text: 'Some text.', kind: 'paragraph' as const, section: null }],
    };
    const { d } = deps({ extraction: { detected: true, input, blocks: [] } });
    const c = new PageController(d);
    await c.run();
    expect(c.pageStatus()).toEqual({ state: 'article' });
    c.stop();
    expect(c.pageStatus()).toEqual({ state: 'idle' });
  });
});
