/**
 * The eager content script (lib/page/eager.ts, issue #8): what it does on every page, with a fake
 * extension API that counts what is touched. A plain non-article page must never take the
 * extension API at all (each API namespace costs Chromium about 1.3 ms per page), short pages
 * included; the on/off settings, the popup's answer (lib/page/status-global.ts), the hand-over to
 * the reader and SPA navigation must behave as before.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { startEagerPage, type EagerApi, type EagerDeps } from '../lib/page/eager';
import { DISABLED_SITES_KEY, ENABLED_KEY, WAKE_MESSAGE } from '../lib/page/activation';
import { PAGE_STATUS_GLOBAL, asPageStatus, readPageStatusGlobal } from '../lib/page/status-global';
import type { MessageListener } from '../lib/page/ext-api';
import type { GateResult } from '../lib/article/gate';
import type { PreVerdict } from '../lib/article/pre-gate';
import { listenerDrivers } from './_fake-page-api';
import { LATE_CONTENT_MS } from '../lib/page/wait';

const EXT = 'chrome-extension://ext';
const popup = { id: 'ext', url: `${EXT}/popup.html` };

function fakeApi(stored: Record<string, unknown> = {}) {
  // The eager script registers no message listener; the set stays empty unless it did.
  const messageListeners = new Set<MessageListener>();
  const storageListeners = new Set<Parameters<EagerApi['storage']['onChanged']['addListener']>[0]>();
  const storage: EagerApi['storage'] = {
    local: { get: async (keys) => Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])) },
    onChanged: { addListener: (l) => storageListeners.add(l), removeListener: (l) => storageListeners.delete(l) },
  };
  const counts = { taken: 0, storage: 0, urls: 0 };
  /** Messages sent (the wake-up), each with how often the reader had been entered by then. */
  const sent: { message: unknown; enteredBefore: number }[] = [];
  let enteredSoFar = (): number => 0;
  const api: EagerApi = {
    runtime: {
      id: 'ext',
      getURL: (p) => (counts.urls++, `${EXT}${p}`),
      sendMessage: async (message) => void sent.push({ message, enteredBefore: enteredSoFar() }),
    },
    get storage() {
      counts.storage++;
      return storage;
    },
  };
  const { set } = listenerDrivers(stored, messageListeners, storageListeners, popup);
  const take = (): EagerApi => (counts.taken++, api);
  return { take, counts, set, messageListeners, storageListeners, sent, countEntries: (f: () => number) => (enteredSoFar = f) };
}

const LONG = 'Text of the page. '.repeat(200);

function setup(opts: { gate: (url: string) => GateResult; stored?: Record<string, unknown>; url?: string; reader?: 'ok' | 'fails'; steps?: { pauses: number; taken: number }; body?: string; preGate?: EagerDeps['preGate']; firstLook?: Pick<EagerDeps, 'navigated' | 'status' | 'preVerdict' | 'lateContentUntil'> }) {
  const { document, MutationObserver } = parseHTML(`<!doctype html><html><head><title>A page</title></head><body>${opts.body ?? `<p>${LONG}</p>`}</body></html>`);
  // The late-content watch is a MutationObserver: this document's own (Node has none).
  vi.stubGlobal('MutationObserver', MutationObserver);
  const fake = fakeApi(opts.stored);
  let url = opts.url ?? 'https://news.example/world/story';
  let urlChanged = (): void => {};
  const global: Record<string, unknown> = {};
  const entry = vi.fn(async (_site: string, _afterNavigation: boolean, _known?: unknown) => {});
  const entered: string[] = [];
  fake.countEntries(() => entered.length);
  const log = vi.fn();
  const deps: EagerDeps = {
    api: fake.take,
    site: new URL(url).hostname,
    doc: document as unknown as Document,
    url: () => url,
    gate: (_doc, u) => opts.gate(u),
    ...(opts.preGate ? { preGate: opts.preGate } : {}),
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
    // The reader comes in the same module as this script: entered directly (each entry counted).
    reader: async (site, afterNavigation, known) => {
      entered.push(site);
      if (opts.reader === 'fails') throw new Error('reader broke');
      return entry(site, afterNavigation, known);
    },
    global,
    watchUrl: (onChange) => {
      urlChanged = onChange;
      return () => (urlChanged = () => {});
    },
    whenIdle: (cb) => setTimeout(cb, 0),
    log,
    ...opts.firstLook,
  };
  const stop = startEagerPage(deps);
  const navigate = (next: string) => {
    url = next;
    urlChanged();
  };
  /** What the popup reads with scripting.executeScript (the same function it injects). */
  const status = () => asPageStatus(readPageStatusGlobal(PAGE_STATUS_GLOBAL, global));
  return { ...fake, entry, entered, log, stop, navigate, fire: () => urlChanged(), global, document, status };
}

const settle = () => new Promise((r) => setTimeout(r, 30));
const notArticle: GateResult = { likely: false, signals: ['url:home', 'veto:html:many-articles'] };
const article: GateResult = { likely: true, signals: ['json-ld:NewsArticle'] };

describe('eager content script', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
  it('on a non-article page: takes no extension API, listens to no messages, and keeps its verdict for the popup', async () => {
    const p = setup({ gate: () => notArticle, url: 'https://news.example/' });
    expect(p.status()).toEqual({ state: 'idle' }); // the gate has not answered yet
    await settle();
    expect(p.counts.taken).toBe(0);
    expect(p.counts.storage).toBe(0);
    expect(p.messageListeners.size).toBe(0);
    expect(p.entered).toEqual([]);
    expect(p.sent).toEqual([]);
    expect(p.status()).toEqual({ state: 'not-article', signals: notArticle.signals, url: 'https://news.example/', title: 'A page' });
    // A copy each time: whoever reads it cannot change the verdict.
    (p.status() as { signals: string[] }).signals.push('forged');
    expect(p.status()).toMatchObject({ signals: notArticle.signals });
    p.stop();
    expect(p.global[PAGE_STATUS_GLOBAL]).toBeUndefined();
  });

  it('watches a near-empty page (app shell) for late content without taking the API; reads the settings only when an article arrives', async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const pendingDeadline = () => timers.mock.calls.some((c) => c[1] === LATE_CONTENT_MS);
    let arrived = false;
    const p = setup({ gate: () => (arrived ? article : notArticle), body: '<div id="app"></div>' });
    await settle();
    expect(p.counts.taken).toBe(0);
    // The verdict so far is public at once, while the watch goes on; no deadline timer is pending.
    expect(p.status()).toMatchObject({ state: 'not-article', signals: notArticle.signals });
    expect(pendingDeadline()).toBe(false);
    arrived = true;
    p.document.getElementById('app')!.appendChild(p.document.createElement('p')).textContent = LONG;
    // the watch runs the gate once the DOM has been quiet for 400 ms
    await vi.waitFor(() => expect(p.entry).toHaveBeenCalledTimes(1), { timeout: 5000, interval: 20 });
    expect(p.counts.storage).toBeGreaterThan(0);
    expect(p.entry).toHaveBeenCalledWith('news.example', false, { likely: true, gate: article, settings: {}, unchanged: expect.any(Function) });
    // …and stays put where Backstory is off.
    let later = false;
    const q = setup({ gate: () => (later ? article : notArticle), body: '<div id="app"></div>', stored: { [ENABLED_KEY]: false } });
    await settle();
    later = true;
    q.document.getElementById('app')!.appendChild(q.document.createElement('p')).textContent = LONG;
    await vi.waitFor(() => expect(q.counts.storage).toBeGreaterThan(0), { timeout: 5000, interval: 20 });
    await settle();
    expect(q.entered).toEqual([]);
    q.stop();
  });

  it('takes a pre-gate verdict as final: no full gate, no late-content wait; null asks the gate', async () => {
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const gate = vi.fn(() => notArticle);
    const pre: PreVerdict = { likely: false, signals: ['veto:url:account'] };
    const p = setup({ gate, body: '<div id="app"></div>', preGate: () => pre });
    await settle();
    expect(gate).not.toHaveBeenCalled();
    expect(p.status()).toMatchObject({ state: 'not-article', signals: pre.signals });
    timers.mockClear();
    p.document.getElementById('app')!.appendChild(p.document.createElement('p')).textContent = LONG;
    await new Promise((r) => setTimeout(r, 450));
    expect(gate).not.toHaveBeenCalled(); // nobody watches: no settle timer, no gate run
    const q = setup({ gate: () => article, preGate: () => null });
    await settle();
    expect(q.entry).toHaveBeenCalledTimes(1);
    q.stop();
  });

  it('waits for late content after a text-based pre-gate "no" on a shell page, as after the gate\'s', async () => {
    let later = false;
    const gate = vi.fn(() => (later ? article : notArticle));
    const pre: PreVerdict = { likely: false, signals: ['veto:html:many-articles'], textBased: true };
    const p = setup({ gate, body: '<div id="app"></div>', preGate: () => pre });
    await settle();
    expect(p.status()).toMatchObject({ state: 'not-article', signals: pre.signals });
    later = true;
    p.document.getElementById('app')!.appendChild(p.document.createElement('p')).textContent = LONG;
    await vi.waitFor(() => expect(p.entry).toHaveBeenCalledTimes(1), { timeout: 5000, interval: 20 });
    p.stop();
  });

  it('hands the reader a one-time question: has the document changed since the gate passed?', async () => {
    const p = setup({ gate: () => article });
    await settle();
    const known = (p.entry.mock.calls[0] as unknown[])[2] as { unchanged: () => boolean };
    expect(known.unchanged()).toBe(true); // nothing touched the page
    expect(known.unchanged()).toBe(false); // asked once: the watch is over
    const q = setup({ gate: () => article });
    await settle();
    q.document.body.appendChild(q.document.createElement('p')).textContent = 'A late paragraph.';
    await settle();
    expect(((q.entry.mock.calls[0] as unknown[])[2] as { unchanged: () => boolean }).unchanged()).toBe(false);
    q.stop();
  });

  it('hands a likely article to the reader once, and stops answering itself', async () => {
    const p = setup({ gate: () => article });
    await settle();
    expect(p.entered).toEqual(['news.example']);
    expect(p.counts.urls).toBe(0); // the reader came with this script: no second import to find
    expect(p.entry).toHaveBeenCalledTimes(1);
    // The gate's verdict (with its signals) and the settings just read go with it: the reader
    // repeats neither, and its extraction reuses the verdict instead of running the gate again.
    expect(p.entry).toHaveBeenCalledWith('news.example', false, { likely: true, gate: article, settings: {}, unchanged: expect.any(Function) });
    expect(p.storageListeners.size).toBe(0);
    // The worker is woken once, before the reader starts (#8: its start overlaps the page's work).
    expect(p.sent).toEqual([{ message: WAKE_MESSAGE, enteredBefore: 0 }]);
    expect(p.global[PAGE_STATUS_GLOBAL]).toBeUndefined(); // the reader answers the popup from here on
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
    await vi.waitFor(() => expect(q.status()).toMatchObject({ state: 'not-article', signals: notArticle.signals }), { timeout: 10_000, interval: 20 });
    expect(qSteps.taken).toBe(3);
    expect(q.entered).toEqual([]);
    q.stop();
  });

  it('leaves a likely article alone while off for the site, and loads the reader when switched on', async () => {
    const p = setup({ gate: () => article, stored: { [DISABLED_SITES_KEY]: ['news.example', 'other.example'] } });
    await settle();
    expect(p.entered).toEqual([]);
    expect(p.sent).toEqual([]); // where it is off the worker is left asleep
    p.set({ [DISABLED_SITES_KEY]: ['other.example'] });
    await settle();
    expect(p.sent).toEqual([{ message: WAKE_MESSAGE, enteredBefore: 0 }]);
    expect(p.entry).toHaveBeenCalledWith('news.example', false, { likely: true, gate: article, settings: { [DISABLED_SITES_KEY]: ['other.example'] }, unchanged: expect.any(Function) });
  });

  it('after an SPA navigation loads the reader (told it came by navigation); forged URL events do nothing', async () => {
    const p = setup({ gate: () => notArticle, url: 'https://news.example/' });
    await settle();
    p.fire(); // an event, but the URL did not change
    p.navigate('https://news.example/#comments'); // same page, only the hash
    await settle();
    expect(p.entered).toEqual([]);
    p.navigate('https://news.example/world/story');
    await settle();
    // After navigation the new content may still be arriving: the reader runs its own gate.
    expect(p.entry).toHaveBeenCalledWith('news.example', true, { likely: false, settings: {} });
    expect(p.sent).toEqual([]); // the reader decides after the new content settles; no wake-up on a guess
  });

  it('after an SPA navigation on a switched-off site loads nothing', async () => {
    const p = setup({ gate: () => notArticle, url: 'https://news.example/', stored: { [ENABLED_KEY]: false } });
    await settle();
    p.navigate('https://news.example/world/story');
    await settle();
    expect(p.entered).toEqual([]);
    p.stop();
  });

  it('logs a reader that fails, and lets go of the page', async () => {
    const p = setup({ gate: () => article, reader: 'fails' });
    await settle();
    expect(p.log).toHaveBeenCalledWith('article reader failed', expect.any(Error));
    expect(p.global[PAGE_STATUS_GLOBAL]).toBeUndefined();
  });

  describe('started by the first look (lib/page/first-look.ts)', () => {
    const pre: PreVerdict = { likely: false, signals: ['veto:url:home', 'veto:html:many-articles'], textBased: true };
    const firstStatus = { state: 'not-article' as const, signals: pre.signals, url: 'https://news.example/', title: 'A page' };

    it('after the URL moved: runs no gate, keeps the first look\'s verdict, reads the settings and loads the reader as after a navigation', async () => {
      const gate = vi.fn(() => article);
      const preGate = vi.fn(() => null);
      const p = setup({ gate, preGate, url: 'https://news.example/world/story', firstLook: { navigated: true, status: firstStatus } });
      expect(p.status()).toEqual(firstStatus);
      await settle();
      expect(gate).not.toHaveBeenCalled();
      expect(preGate).not.toHaveBeenCalled();
      expect(p.entry).toHaveBeenCalledWith('news.example', true, { likely: false, settings: {} });
      expect(p.sent).toEqual([]);
      const q = setup({ gate, url: 'https://news.example/world/story', stored: { [ENABLED_KEY]: false }, firstLook: { navigated: true, status: firstStatus } });
      await settle();
      expect(q.entered).toEqual([]);
      expect(q.counts.storage).toBeGreaterThan(0);
      q.stop();
    });

    it('takes the first look\'s pre-gate verdict for its first run only; a later run asks the pre-gate again', async () => {
      // Inconclusive first look: the gate runs at once, the pre-gate is not asked again.
      const preGate = vi.fn((): PreVerdict | null => ({ likely: false, signals: ['veto:url:account'] }));
      const p = setup({ gate: () => article, preGate, firstLook: { preVerdict: null } });
      await settle();
      expect(preGate).not.toHaveBeenCalled();
      expect(p.entry).toHaveBeenCalledTimes(1);
      // A text-based "no" on a shell page: its verdict is public and late content is watched for.
      let later = false;
      const shellPre = vi.fn((): PreVerdict | null => null);
      const q = setup({ gate: () => (later ? article : notArticle), preGate: shellPre, body: '<div id="app"></div>', stored: { [ENABLED_KEY]: false }, firstLook: { preVerdict: pre, status: firstStatus } });
      await settle();
      expect(shellPre).not.toHaveBeenCalled();
      expect(q.status()).toMatchObject({ state: 'not-article', signals: pre.signals });
      later = true;
      q.document.getElementById('app')!.appendChild(q.document.createElement('p')).textContent = LONG;
      await vi.waitFor(() => expect(q.counts.storage).toBeGreaterThan(0), { timeout: 5000, interval: 20 });
      // Switched on: a new run, which asks the pre-gate afresh.
      q.set({ [ENABLED_KEY]: true });
      await vi.waitFor(() => expect(shellPre).toHaveBeenCalledTimes(1), { timeout: 2000, interval: 10 });
      await vi.waitFor(() => expect(q.entry).toHaveBeenCalledTimes(1), { timeout: 2000, interval: 10 });
      q.stop();
    });

    it('after late content on a shell the first look watched: gates now and, while the gate says no, watches on until the first look\'s deadline', async () => {
      let arrived = false;
      const gate = vi.fn(() => (arrived ? article : notArticle));
      // Long text already (not a shell by now), yet still watched: more content may be coming.
      const p = setup({ gate, firstLook: { preVerdict: null, status: firstStatus, lateContentUntil: Date.now() + LATE_CONTENT_MS } });
      await settle();
      expect(gate).toHaveBeenCalled();
      expect(p.entry).not.toHaveBeenCalled();
      arrived = true;
      p.document.body.appendChild(p.document.createElement('p')).textContent = LONG;
      await vi.waitFor(() => expect(p.entry).toHaveBeenCalledTimes(1), { timeout: 5000, interval: 20 });
      // Past the deadline: the gate's "no" is final.
      let later = false;
      const q = setup({ gate: () => (later ? article : notArticle), firstLook: { preVerdict: null, lateContentUntil: Date.now() - 1 } });
      await settle();
      later = true;
      q.document.body.appendChild(q.document.createElement('p')).textContent = LONG;
      await new Promise((r) => setTimeout(r, 500));
      expect(q.entry).not.toHaveBeenCalled();
      q.stop();
    });
  });
});
