/**
 * The article reader (lib/page/reader.ts) on the browser's own API (#8: no polyfill, no WXT
 * storage items, no WXT content-script context): it answers the popup and the background with
 * hand-checked messages, follows the on/off settings straight from storage.onChanged, and lets
 * go of the page for good once the extension is gone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { startReader } from '../lib/page/reader';
import { DISABLED_SITES_KEY, ENABLED_KEY } from '../lib/page/activation';
import type { MessageListener, PageApi, StorageListener } from '../lib/page/ext-api';
import { listenerDrivers } from './_fake-page-api';

const EXT = 'chrome-extension://ext';
const popup = { id: 'ext', url: `${EXT}/popup.html` };
/** A front page: many short teasers, no article (the gate says no without waiting for content). */
const FRONT = `<!doctype html><html><head><title>Front</title></head><body>${Array.from({ length: 40 }, (_, i) => `<article><h2><a href="/story-${i}">Headline number ${i} about the day</a></h2><p>A short teaser line for story ${i}, with a few more words to read.</p></article>`).join('')}</body></html>`;

function fakeApi(stored: Record<string, unknown>) {
  const messageListeners = new Set<MessageListener>();
  const storageListeners = new Set<StorageListener>();
  const runtime = { id: 'ext' as string | undefined };
  const sent: unknown[] = [];
  const api: PageApi = {
    runtime: {
      get id() {
        return runtime.id;
      },
      getURL: (p) => `${EXT}${p}`,
      sendMessage: async (m) => {
        sent.push(m);
        return { ok: true, value: null };
      },
      onMessage: { addListener: (l) => messageListeners.add(l), removeListener: (l) => messageListeners.delete(l) },
    },
    storage: {
      local: { get: async (keys) => Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])) },
      onChanged: { addListener: (l) => storageListeners.add(l), removeListener: (l) => storageListeners.delete(l) },
    },
  };
  const { send, set } = listenerDrivers(stored, messageListeners, storageListeners, popup);
  return { api, runtime, send, set, sent, messageListeners, storageListeners };
}

const g = globalThis as Record<string, unknown>;
const saved = { document: g.document, location: g.location };

function onPage(html: string, href: string) {
  const { document } = parseHTML(html);
  g.document = document;
  g.location = { href };
  let urlChanged = (): void => {};
  const watchUrl = vi.fn((onChange: () => void) => {
    urlChanged = onChange;
    return () => (urlChanged = () => {});
  });
  return { watchUrl, navigate: (next: string) => ((g.location as { href: string }).href = next, urlChanged()) };
}

afterEach(() => {
  g.document = saved.document;
  g.location = saved.location;
});

describe('article reader', () => {
  it('switched off: stays idle, answers only this extension and only valid messages', async () => {
    const page = onPage(FRONT, 'https://news.example/');
    const fake = fakeApi({ [ENABLED_KEY]: false });
    await startReader({ api: fake.api, watchUrl: page.watchUrl }, 'news.example', false, { likely: false, settings: { [ENABLED_KEY]: false } });
    expect(await fake.send({ type: 'ui:get-page-status' })).toEqual({ ok: true, value: { state: 'idle' } });
    expect(await fake.send({ type: 'bg:report-id' }, { id: 'ext' })).toEqual({ ok: true, value: null });
    expect(await fake.send({ type: 'ui:reveal', paragraph: 0 })).toEqual({ ok: false, error: 'no article on this page' });
    expect(await fake.send({ type: 'ui:reveal', paragraph: -1 })).toBeUndefined();
    expect(await fake.send({ type: 'ui:get-page-status' }, { id: 'other' })).toBeUndefined();
    expect(await fake.send({ type: 'ui:get-page-status' }, { id: 'ext', url: 'https://evil.example/' })).toBeUndefined();
    expect(fake.sent).toEqual([]);
  });

  it('follows the on/off settings from storage changes, by the items\' keys', async () => {
    const page = onPage(FRONT, 'https://news.example/');
    const fake = fakeApi({ [DISABLED_SITES_KEY]: ['news.example'] });
    await startReader({ api: fake.api, watchUrl: page.watchUrl }, 'news.example', false, { likely: false, settings: { [DISABLED_SITES_KEY]: ['news.example'] } });
    expect(await fake.send({ type: 'ui:get-page-status' })).toEqual({ ok: true, value: { state: 'idle' } });
    fake.set({ [DISABLED_SITES_KEY]: ['other.example'] }); // on here again: the page is read
    await vi.waitFor(async () => expect(await fake.send({ type: 'ui:get-page-status' })).toMatchObject({ ok: true, value: { state: 'not-article' } }), { timeout: 5000, interval: 20 });
    fake.set({ [ENABLED_KEY]: false }); // off everywhere: everything goes
    expect(await fake.send({ type: 'ui:get-page-status' })).toEqual({ ok: true, value: { state: 'idle' } });
    fake.set({ unrelated: 1 });
    expect(await fake.send({ type: 'ui:get-page-status' })).toEqual({ ok: true, value: { state: 'idle' } });
  });

  it('reads the settings itself when the eager script had none (SPA navigation)', async () => {
    const page = onPage(FRONT, 'https://news.example/');
    const fake = fakeApi({ [ENABLED_KEY]: false });
    await startReader({ api: fake.api, watchUrl: page.watchUrl }, 'news.example', true);
    expect(await fake.send({ type: 'ui:get-page-status' })).toEqual({ ok: true, value: { state: 'idle' } });
    expect(fake.storageListeners.size).toBe(1);
  });

  it('lets go of everything once the extension is gone', async () => {
    const page = onPage(FRONT, 'https://news.example/');
    const fake = fakeApi({ [ENABLED_KEY]: false });
    await startReader({ api: fake.api, watchUrl: page.watchUrl }, 'news.example', false, { likely: false, settings: { [ENABLED_KEY]: false } });
    expect(page.watchUrl).toHaveBeenCalledTimes(1);
    expect(fake.messageListeners.size).toBe(1);
    fake.runtime.id = undefined; // reloaded or removed
    page.navigate('https://news.example/world/story');
    expect(fake.messageListeners.size).toBe(0);
    expect(fake.storageListeners.size).toBe(0);
  });
});
