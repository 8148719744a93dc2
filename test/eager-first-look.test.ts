/**
 * The content script's first look (lib/page/first-look.ts, issue #8): what the manifest injects on
 * every page. A page the pre-gate settles must load nothing more and keep its verdict for the popup;
 * an inconclusive pre-gate, a text-based "no" on an app shell, or a URL that moves hands the page
 * to the rest of the eager script (imported), which takes over the popup's answer and the URL watch.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { CONTENT_REST_GLOBAL, CONTENT_REST_PATH, startFirstLook, type FirstLookDeps, type FirstLookFindings } from '../lib/page/first-look';
import { PAGE_STATUS_GLOBAL, asPageStatus, readPageStatusGlobal } from '../lib/page/status-global';
import type { PreVerdict } from '../lib/article/pre-gate';
import { LATE_CONTENT_MS } from '../lib/page/wait';

const LONG = 'Text of the page. '.repeat(200);
const settle = () => new Promise((r) => setTimeout(r, 10));

function setup(opts: { verdict: PreVerdict | null; url?: string; body?: string; rest?: 'ok' | 'orphaned' | 'fails' | 'unregistered' }) {
  const { document, MutationObserver } = parseHTML(`<!doctype html><html><head><title>Home</title></head><body>${opts.body ?? `<p>${LONG}</p>`}</body></html>`);
  // The late-content watch is a MutationObserver: this document's own (Node has none).
  vi.stubGlobal('MutationObserver', MutationObserver);
  let url = opts.url ?? 'https://news.example/';
  let urlChanged: (() => void) | null = null;
  const global: Record<string, unknown> = {};
  const started: FirstLookFindings[] = [];
  const restStopped = vi.fn();
  const loads = vi.fn(async (): Promise<boolean> => {
    if (opts.rest === 'fails') throw new Error('blocked');
    if (opts.rest === 'orphaned') return false;
    if (opts.rest !== 'unregistered') {
      global[CONTENT_REST_GLOBAL] = (known: FirstLookFindings) => {
        started.push(known);
        return restStopped;
      };
    }
    return true;
  });
  const preGate = vi.fn(() => opts.verdict);
  const log = vi.fn();
  const deps: FirstLookDeps = {
    doc: document as unknown as Document,
    url: () => url,
    preGate,
    isShellText: (doc) => (doc.body?.textContent?.length ?? 0) < 2000,
    loadRest: loads,
    global,
    watchUrl: (onChange) => {
      urlChanged = onChange;
      return () => (urlChanged = null);
    },
    log,
  };
  const stop = startFirstLook(deps);
  const status = () => asPageStatus(readPageStatusGlobal(PAGE_STATUS_GLOBAL, global));
  const navigate = (next: string) => {
    url = next;
    urlChanged?.();
  };
  return { stop, status, navigate, loads, started, restStopped, preGate, log, global, document, watching: () => urlChanged !== null };
}

const home: PreVerdict = { likely: false, signals: ['veto:url:home', 'veto:form:search-in-main'] };
const teasers: PreVerdict = { likely: false, signals: ['veto:html:many-articles'], textBased: true };

describe('first look (the eagerly injected content script)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('settles a page the pre-gate says no to: its verdict for the popup at once, nothing imported, the URL watched', async () => {
    const p = setup({ verdict: home });
    expect(p.status()).toEqual({ state: 'not-article', signals: home.signals, url: 'https://news.example/', title: 'Home' });
    // A copy each time: whoever reads it cannot change the verdict.
    (p.status() as { signals: string[] }).signals.push('forged');
    expect(p.status()).toMatchObject({ signals: home.signals });
    await settle();
    expect(p.loads).not.toHaveBeenCalled();
    expect(p.watching()).toBe(true);
    // A text-based "no" on a page with text is settled too.
    const q = setup({ verdict: teasers });
    await settle();
    expect(q.loads).not.toHaveBeenCalled();
    p.stop();
    expect(p.global[PAGE_STATUS_GLOBAL]).toBeUndefined();
    expect(p.watching()).toBe(false);
  });

  it('hands the page to the rest when the URL moves (not on a forged event or a hash change), with the verdict so far', async () => {
    const p = setup({ verdict: home });
    p.navigate('https://news.example/');
    p.navigate('https://news.example/#latest');
    await settle();
    expect(p.loads).not.toHaveBeenCalled();
    p.navigate('https://news.example/world/story');
    await settle();
    expect(p.loads).toHaveBeenCalledTimes(1);
    expect(p.started).toEqual([{ verdict: null, navigated: true, status: { state: 'not-article', signals: home.signals, url: 'https://news.example/', title: 'Home' } }]);
    // The rest watches the URL from now on; the first look no longer does.
    expect(p.watching()).toBe(false);
    p.stop();
    expect(p.restStopped).toHaveBeenCalledTimes(1);
  });

  it('hands over at once where the pre-gate cannot tell', async () => {
    const p = setup({ verdict: null, url: 'https://news.example/world/story' });
    expect(p.status()).toEqual({ state: 'idle' });
    await settle();
    expect(p.started).toEqual([{ verdict: null, navigated: false, status: { state: 'idle' } }]);
    expect(p.watching()).toBe(false);
  });

  it('on a text-based "no" on an app shell, watches for late content itself and hands over only once some came and settled', async () => {
    const before = Date.now();
    const q = setup({ verdict: teasers, body: '<div id="app"></div>' });
    await new Promise((r) => setTimeout(r, 450));
    expect(q.loads).not.toHaveBeenCalled(); // a still page imports nothing
    expect(q.status()).toMatchObject({ state: 'not-article', signals: teasers.signals });
    q.document.getElementById('app')!.appendChild(q.document.createElement('p')).textContent = LONG;
    await settle();
    expect(q.loads).not.toHaveBeenCalled(); // not before the DOM has been quiet for a while
    await vi.waitFor(() => expect(q.started).toHaveLength(1), { timeout: 2000, interval: 20 });
    const [known] = q.started;
    expect(known).toMatchObject({ verdict: null, navigated: false, status: { state: 'not-article', signals: teasers.signals } });
    expect(known!.lateContentUntil).toBeGreaterThanOrEqual(before + LATE_CONTENT_MS);
    expect(known!.lateContentUntil).toBeLessThanOrEqual(Date.now() + LATE_CONTENT_MS);
    // Stopped while watching: late content no longer loads anything.
    const r = setup({ verdict: teasers, body: '<div id="app"></div>' });
    r.stop();
    r.document.getElementById('app')!.appendChild(r.document.createElement('p')).textContent = LONG;
    await new Promise((res) => setTimeout(res, 500));
    expect(r.loads).not.toHaveBeenCalled();
  });

  it('lets go quietly where the extension is gone, logs a rest that fails to load or to register', async () => {
    const p = setup({ verdict: null, rest: 'orphaned' });
    await settle();
    expect(p.global[PAGE_STATUS_GLOBAL]).toBeUndefined();
    expect(p.log).not.toHaveBeenCalled();
    for (const rest of ['fails', 'unregistered'] as const) {
      const q = setup({ verdict: null, rest });
      await settle();
      expect(q.log).toHaveBeenCalledWith('content script failed to load', expect.any(Error));
      expect(q.global[PAGE_STATUS_GLOBAL]).toBeUndefined();
    }
  });

  it('starts no rest once stopped while it was loading', async () => {
    const p = setup({ verdict: null });
    p.stop();
    await settle();
    expect(p.loads).toHaveBeenCalledTimes(1);
    expect(p.started).toEqual([]);
  });

  it('never throws into the page: a failing pre-gate is logged', () => {
    const { document } = parseHTML('<html><body></body></html>');
    const log = vi.fn();
    expect(() =>
      startFirstLook({
        doc: document as unknown as Document,
        url: () => 'https://news.example/',
        preGate: () => {
          throw new Error('boom');
        },
        isShellText: () => false,
        loadRest: async () => true,
        global: {},
        watchUrl: () => () => {},
        log,
      }),
    ).not.toThrow();
    expect(log).toHaveBeenCalledWith('content script failed', expect.any(Error));
  });
});

describe('first look: the build', () => {
  it('makes the rest web-accessible to http(s) pages, behind a per-session URL in Chrome', async () => {
    type Manifest = { web_accessible_resources: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[] };
    const config = (await import('../wxt.config')).default as unknown as { manifest(env: { browser: string }): Manifest };
    const rest = CONTENT_REST_PATH.slice(1);
    for (const browser of ['chrome', 'firefox']) {
      const entry = config.manifest({ browser }).web_accessible_resources.find((w) => w.resources.includes(rest));
      expect(entry?.matches).toEqual(['http://*/*', 'https://*/*']);
      expect(entry?.use_dynamic_url).toBe(browser === 'chrome' ? true : undefined);
    }
  }, 30_000);
});
