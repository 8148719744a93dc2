/**
 * The module the first look imports (entrypoints/article-reader.ts, issue #8): the full gate and
 * the reader in one piece. An article must pay one import: once this module's gate passes, the
 * reader starts from the same module — it takes over the page (its message listener) without
 * asking the extension for another script's URL. Where Backstory is off the reader never starts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { CONTENT_REST_GLOBAL, type ContentRestEntry } from '../lib/page/first-look';
import { ENABLED_KEY, WAKE_MESSAGE } from '../lib/page/activation';
import { PAGE_STATUS_GLOBAL } from '../lib/page/status-global';
import type { MessageListener, StorageListener } from '../lib/page/ext-api';

const PARAGRAPH =
  'The city council voted on Tuesday to extend the harbour tram line by four stops, after a debate that ran late into the evening. ' +
  'Supporters said the extension would cut commuting times for thousands of residents in the eastern districts, while opponents questioned the cost. ';

/** An article page of the writer's own: JSON-LD NewsArticle, an <article> of long paragraphs. */
const ARTICLE = `<!doctype html><html><head><title>Council extends harbour tram line</title>
<meta property="og:type" content="article">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council extends harbour tram line","datePublished":"2026-11-30"}</script>
</head><body><main><article><h1>Council extends harbour tram line</h1>
${Array.from({ length: 12 }, () => `<p>${PARAGRAPH}</p>`).join('\n')}
</article></main></body></html>`;

function fakeChrome(stored: Record<string, unknown>) {
  const messageListeners = new Set<MessageListener>();
  const storageListeners = new Set<StorageListener>();
  const sent: unknown[] = [];
  const urls: string[] = [];
  const reads: string[][] = [];
  const chrome = {
    runtime: {
      id: 'ext',
      getURL: (p: string) => (urls.push(p), `chrome-extension://ext${p}`),
      sendMessage: async (message: unknown) => void sent.push(message),
      onMessage: { addListener: (l: MessageListener) => messageListeners.add(l), removeListener: (l: MessageListener) => messageListeners.delete(l) },
    },
    storage: {
      local: { get: async (keys: string[]) => (reads.push(keys), Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]]))) },
      onChanged: { addListener: (l: StorageListener) => storageListeners.add(l), removeListener: (l: StorageListener) => storageListeners.delete(l) },
    },
  };
  return { chrome, messageListeners, sent, urls, reads };
}

async function loadRest(stored: Record<string, unknown> = {}) {
  const { document, MutationObserver } = parseHTML(ARTICLE);
  const url = 'https://news.example/city/2026/11/30/council-extends-harbour-tram-line';
  vi.stubGlobal('document', document);
  vi.stubGlobal('MutationObserver', MutationObserver);
  vi.stubGlobal('location', { href: url, hostname: 'news.example', protocol: 'https:' });
  // URL changes come from the Navigation API where there is one (lib/page/url-watch.ts).
  vi.stubGlobal('navigation', new EventTarget());
  const fake = fakeChrome(stored);
  vi.stubGlobal('browser', undefined);
  vi.stubGlobal('chrome', fake.chrome);
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'debug').mockImplementation(() => {});
  const g = globalThis as Record<string, unknown>;
  delete g[CONTENT_REST_GLOBAL];
  const entry = (await import('../entrypoints/article-reader')).default as { main(): void };
  entry.main();
  const start = g[CONTENT_REST_GLOBAL] as ContentRestEntry;
  return { ...fake, start, global: g };
}

describe('the rest of the content script: full gate and reader in one module', () => {
  let stop = (): void => {};
  afterEach(() => {
    stop();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('registers its start, gates the page and hands a likely article to the reader it carries: no second import', async () => {
    const p = await loadRest();
    expect(typeof p.start).toBe('function');
    stop = p.start({ verdict: null, navigated: false, status: { state: 'idle' } });
    // The reader registers its message listener as it takes over.
    await vi.waitFor(() => expect(p.messageListeners.size).toBe(1), { timeout: 5000, interval: 10 });
    expect(p.sent[0]).toEqual(WAKE_MESSAGE); // the worker woken before the reader started
    expect(p.urls).toEqual([]); // no script URL asked for: nothing more to import
    expect(p.global[PAGE_STATUS_GLOBAL]).toBeUndefined(); // the reader answers the popup now
  });

  it('where Backstory is off: gates, reads the settings, and the reader never starts', async () => {
    const p = await loadRest({ [ENABLED_KEY]: false });
    stop = p.start({ verdict: null, navigated: false, status: { state: 'idle' } });
    // The gate passed: the settings are read (and say off).
    await vi.waitFor(() => expect(p.reads.length).toBeGreaterThan(0), { timeout: 5000, interval: 10 });
    await new Promise((r) => setTimeout(r, 100));
    expect(p.messageListeners.size).toBe(0);
    expect(p.sent).toEqual([]);
    expect(p.urls).toEqual([]);
  });
});
