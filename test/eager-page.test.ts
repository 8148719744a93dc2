/**
 * The eager content script (lib/page/eager.ts, issue #8): what it does on every page, with a fake
 * extension API that counts what is touched. A plain non-article page must never read storage
 * (each API namespace costs Chromium about a millisecond per page); the on/off settings, the
 * popup's answers, the hand-over to the reader and SPA navigation must behave as before.
 */
import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { startEagerPage, READER_PATH, type EagerApi, type EagerDeps } from '../lib/page/eager';
import { DISABLED_SITES_KEY, ENABLED_KEY, READER_GLOBAL } from '../lib/page/activation';
import type { GateResult } from '../lib/article/gate';
import { listenerDrivers } from './_fake-page-api';

const EXT = 'chrome-extension://ext';
const popup = { id: 'ext', url: `${EXT}/popup.html` };

function fakeApi(stored: Record<string, unknown> = {}) {
  const messageListeners = new Set<Parameters<EagerApi['runtime']['onMessage']['addListener']>[0]>();
  const storageListeners = new Set<Parameters<EagerApi['storage']['onChanged']['addListener']>[0]>();
  const storage: EagerApi['storage'] = {
    local: { get: async (keys) => Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])) },
    onChanged: { addListener: (l) => storageListeners.add(l), removeListener: (l) => storageListeners.delete(l) },
  };
  const counts = { storage: 0 };
  const api: EagerApi = {
    runtime: {
      id: 'ext',
      getURL: (p) => `${EXT}${p}`,
      onMessage: { addListener: (l) => messageListeners.add(l), removeListener: (l) => messageListeners.delete(l) },
    },
    get storage() {
      counts.storage++;
      return storage;
    },
  };
  const { send, set } = listenerDrivers(stored, messageListeners, storageListeners, popup);
  return { api, counts, send, set, messageListeners, storageListeners };
}

const LONG = 'Text of the page. '.repeat(200);

function setup(opts: { gate: (url: string) => GateResult; stored?: Record<string, unknown>; url?: string; reader?: 'ok' | 'fails'; steps?: { pauses: number; taken: number } }) {
  const { document } = parseHTML(`<!doctype html><html><head><title>A page</title></head><body><p>${LONG}</p></body></html>`);
  const fake = fakeApi(opts.stored);
  let url = opts.url ?? 'https://news.example/world/story';
  let urlChanged = (): void => {};
  const global: Record<string, unknown> = {};
  const entry = vi.fn(async (_site: string, _afterNavigation: boolean) => {});
  const imported: string[] = [];
  const log = vi.fn();
  const deps: EagerDeps = {
    api: fake.api,
    site: new URL(url).hostname,
    doc: document as unknown as Document,
    url: () => url,
    gate: (_doc, u) => opts.gate(u),
    ...(opts.steps
      ? {
          // A gate in steps that takes its time: each step burns more than a slice (10 ms).
          *gateSteps(_doc: Document, u: string) {
            for (let i = 0; i < opts.steps!.pauses; i++) {
              const end = Date.now() + 12;
              while (Date.now() < end);
              opts.steps!.taken++;
              yield;
            }
            return opts.gate(u);
          },
        }
      : {}),
    importScript: async (u) => {
      imported.push(u);
      if (opts.reader === 'fails') throw new Error('blocked');
      global[READER_GLOBAL] = entry;
    },
    global,
    watchUrl: (onChange) => {
      urlChanged = onChange;
      return () => (urlChanged = () => {});
    },
    whenIdle: (cb) => setTimeout(cb, 0),
    log,
  };
  const stop = startEagerPage(deps);
  const navigate = (next: string) => {
    url = next;
    urlChanged();
  };
  return { ...fake, entry, imported, log, stop, navigate, fire: () => urlChanged() };
}

const settle = () => new Promise((r) => setTimeout(r, 30));
const notArticle: GateResult = { likely: false, signals: ['url:home', 'veto:html:many-articles'] };
const article: GateResult = { likely: true, signals: ['json-ld:NewsArticle'] };

describe('eager content script', () => {
  it('on a non-article page: answers the popup with the gate reasons and never touches storage until asked', async () => {
    const p = setup({ gate: () => notArticle, url: 'https://news.example/' });
    await settle();
    expect(p.counts.storage).toBe(0);
    expect(p.imported).toEqual([]);
    expect(await p.send({ type: 'bg:report-id' })).toEqual({ ok: true, value: null });
    expect(p.counts.storage).toBe(0);
    const answer = await p.send({ type: 'ui:get-page-status' });
    expect(answer).toEqual({ ok: true, value: { state: 'not-article', signals: notArticle.signals, url: 'https://news.example/', title: 'A page' } });
    // Other extensions' messages, web pages and unknown types get no answer.
    expect(await p.send({ type: 'ui:get-page-status' }, { id: 'other' })).toBeUndefined();
    expect(await p.send({ type: 'ui:get-page-status' }, { id: 'ext', url: 'https://evil.example/' })).toBeUndefined();
    expect(await p.send({ type: 'ui:reveal', paragraph: 0 })).toBeUndefined();
    p.stop();
  });

  it('says idle to the popup where Backstory is off (globally or for this site)', async () => {
    for (const stored of [{ [ENABLED_KEY]: false }, { [DISABLED_SITES_KEY]: ['news.example'] }]) {
      const p = setup({ gate: () => notArticle, stored });
      await settle();
      expect(await p.send({ type: 'ui:get-page-status' })).toEqual({ ok: true, value: { state: 'idle' } });
      p.stop();
    }
  });

  it('hands a likely article to the reader once, and stops answering itself', async () => {
    const p = setup({ gate: () => article });
    await settle();
    expect(p.imported).toEqual([`${EXT}${READER_PATH}`]);
    expect(p.entry).toHaveBeenCalledTimes(1);
    // The gate's verdict (with its signals) and the settings just read go with it: the reader
    // repeats neither, and its extraction reuses the verdict instead of running the gate again.
    expect(p.entry).toHaveBeenCalledWith('news.example', false, { likely: true, gate: article, settings: {} });
    expect(p.messageListeners.size).toBe(0);
    expect(p.storageListeners.size).toBe(0);
    p.navigate('https://news.example/world/other-story');
    await settle();
    expect(p.entry).toHaveBeenCalledTimes(1);
  });

  it('runs a gate given as steps in slices, yielding to the page between them, with the same decision', async () => {
    const g = globalThis as { scheduler?: unknown };
    const before = g.scheduler;
    const yielded = vi.fn(() => new Promise<void>((r) => setTimeout(r, 0)));
    g.scheduler = { yield: yielded };
    const steps = { pauses: 4, taken: 0 };
    try {
      const p = setup({ gate: () => article, steps });
      // Until the hand-over (each step burns 12 ms: on a loaded machine a fixed wait was too short).
      await vi.waitFor(() => expect(p.entry).toHaveBeenCalledTimes(1), { timeout: 10_000, interval: 20 });
      expect(steps.taken).toBe(4);
      // each step used up its slice: the page had its turn after every one
      expect(yielded.mock.calls.length).toBeGreaterThanOrEqual(4);
      expect(p.entry).toHaveBeenCalledTimes(1);
    } finally {
      g.scheduler = before;
    }
    // …and a rejected page stays idle, with the gate's reasons for the popup.
    const qSteps = { pauses: 3, taken: 0 };
    const q = setup({ gate: () => notArticle, url: 'https://news.example/', steps: qSteps });
    await vi.waitFor(async () => expect(await q.send({ type: 'ui:get-page-status' })).toMatchObject({ ok: true, value: { state: 'not-article', signals: notArticle.signals } }), { timeout: 10_000, interval: 20 });
    expect(qSteps.taken).toBe(3);
    expect(q.imported).toEqual([]);
    q.stop();
  });

  it('leaves a likely article alone while off for the site, and loads the reader when switched on', async () => {
    const p = setup({ gate: () => article, stored: { [DISABLED_SITES_KEY]: ['news.example', 'other.example'] } });
    await settle();
    expect(p.imported).toEqual([]);
    p.set({ [DISABLED_SITES_KEY]: ['other.example'] });
    await settle();
    expect(p.entry).toHaveBeenCalledWith('news.example', false, { likely: true, gate: article, settings: { [DISABLED_SITES_KEY]: ['other.example'] } });
  });

  it('after an SPA navigation loads the reader (told it came by navigation); forged URL events do nothing', async () => {
    const p = setup({ gate: () => notArticle, url: 'https://news.example/' });
    await settle();
    p.fire(); // an event, but the URL did not change
    p.navigate('https://news.example/#comments'); // same page, only the hash
    await settle();
    expect(p.imported).toEqual([]);
    p.navigate('https://news.example/world/story');
    await settle();
    // After navigation the new content may still be arriving: the reader runs its own gate.
    expect(p.entry).toHaveBeenCalledWith('news.example', true, { likely: false, settings: {} });
  });

  it('after an SPA navigation on a switched-off site loads nothing', async () => {
    const p = setup({ gate: () => notArticle, url: 'https://news.example/', stored: { [ENABLED_KEY]: false } });
    await settle();
    p.navigate('https://news.example/world/story');
    await settle();
    expect(p.imported).toEqual([]);
    p.stop();
  });

  it('logs a reader that fails to load, and lets go of the page', async () => {
    const p = setup({ gate: () => article, reader: 'fails' });
    await settle();
    expect(p.log).toHaveBeenCalledWith('article reader failed to load', expect.any(Error));
    expect(p.messageListeners.size).toBe(0);
  });
});
