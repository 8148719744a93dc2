/**
 * #8: extraction waits for a frame (fresh style for its layout queries, #7) unless the document
 * has not changed since the eager gate passed at document idle. watchForChanges is the watch; the
 * controller skips the wait only on its "unchanged" answer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { watchForChanges } from '../lib/page/wait';
import { PageController, type PageDeps } from '../lib/page/controller';

afterEach(() => void vi.unstubAllGlobals());

describe('watchForChanges', () => {
  function doc() {
    const { document, MutationObserver } = parseHTML('<!doctype html><html><body><p id="p">Text.</p></body></html>');
    vi.stubGlobal('MutationObserver', MutationObserver);
    return document;
  }

  it('unchanged when nothing happened; asked again it says false', () => {
    const d = doc();
    const unchanged = watchForChanges(d.documentElement);
    expect(unchanged()).toBe(true);
    expect(unchanged()).toBe(false);
  });

  it.each([
    ['a node added', (d: Document) => d.body.appendChild(d.createElement('div'))],
    ['an attribute set', (d: Document) => d.getElementById('p')!.setAttribute('class', 'x')],
    ['text changed', (d: Document) => void ((d.getElementById('p')!.firstChild as Text).data = 'Other.')],
  ])('changed after %s (asked at once, or after the observer ran)', async (_name, change) => {
    const d = doc() as unknown as Document;
    const now = watchForChanges(d.documentElement);
    change(d);
    expect(now()).toBe(false);
    const later = watchForChanges(d.documentElement);
    change(d);
    await new Promise((r) => setTimeout(r, 0));
    expect(later()).toBe(false);
  });

  it('false where there is no MutationObserver', () => {
    vi.stubGlobal('MutationObserver', undefined);
    expect(watchForChanges({} as Node)()).toBe(false);
  });
});

describe('the frame wait before extraction', () => {
  async function run(unchanged: (() => boolean) | undefined, gatePassed = true) {
    const { document } = parseHTML('<!doctype html><html><body><article><p>Story.</p></article></body></html>');
    const frames = vi.fn((cb: () => void) => setTimeout(cb, 0));
    vi.stubGlobal('requestAnimationFrame', frames);
    const extractArticle = vi.fn(() => ({ detected: false as const, signals: ['stop'] }));
    const d: PageDeps = {
      doc: document as unknown as Document,
      url: () => 'https://news.example/a',
      articleGate: () => ({ likely: true, signals: [] }),
      extractArticle,
      send: async () => ({ ok: true as const, value: null }),
      log: () => {},
    };
    await new PageController(d).run(false, gatePassed, { likely: true, signals: ['json-ld:NewsArticle'] }, unchanged);
    expect(extractArticle).toHaveBeenCalledTimes(1);
    return frames.mock.calls.length;
  }

  it('skipped when the document is as the eager gate saw it', async () => {
    expect(await run(() => true)).toBe(0);
  });

  it('kept when it changed, when nobody watched, or when the gate was not the eager one', async () => {
    expect(await run(() => false)).toBe(1);
    expect(await run(undefined)).toBe(1);
    const unchanged = vi.fn(() => true);
    expect(await run(unchanged, false)).toBe(1);
  });
});
