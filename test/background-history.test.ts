import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStore } from '../lib/store/index';
import { createHistoryPort, liveSetting, readRecordOf } from '../lib/background/store-port';
import { relatedForReport } from '../lib/analyze';
import { historyEnabled, historyExcludedSites } from '../lib/settings';
import { buildKnowledge } from '../lib/knowledge';
import type { PageReport } from '../lib/report';
import { buildCoverageIndex } from '../lib/coverage/index';
import { historyIndexOf, lastHistoryIndexBuild } from '../lib/coverage/history-index';

function report(url: string, ids: string[], over: Partial<PageReport['article']> = {}): PageReport {
  return {
    url,
    article: { detected: true, kind: 'news', title: `Story at ${url}`, date: '2025-06-08', text: '', paragraphs: ['p'], signals: [], siteName: 'News', ...over },
    entities: ids.map((id) => ({ id, name: id, type: 'person', description: '', mentions: [{ paragraph: 0, start: 0, end: 1, text: 'p' }] })),
    coverage: [],
    opinion: [
      { paragraph: 0, label: 'opinion', score: 0.9, reasons: [] },
      { paragraph: 1, label: 'reporting', score: 0.1, reasons: [] },
    ],
  };
}

describe('reading history in the background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps facts of the article read (not its text)', () => {
    const r = readRecordOf(report('https://news.example/a', ['Q1', 'Q2']), 1000)!;
    expect(r).toEqual({ url: 'https://news.example/a', title: 'Story at https://news.example/a', site: 'News', date: '2025-06-08', entityIds: ['Q1', 'Q2'], kind: 'news', opinionShare: 0.5, readAt: 1000 });
    expect(readRecordOf(report('file:///x.html', []), 1)).toBeNull();
  });

  it('records reads, offers them as "read earlier" coverage, and respects the settings', async () => {
    const store = createStore(new IDBFactory(), 'test-history');
    const port = createHistoryPort(() => {}, store, () => Date.parse('2025-06-01'));
    await port.record(report('https://news.example/earlier', ['Q7747', 'Q22686'], { date: '2025-05-30' }));
    await historyExcludedSites.setValue(['secret.example']);
    await port.record(report('https://www.secret.example/x', ['Q7747']));
    let items = await port.items();
    expect(items.map((i) => i.url)).toEqual(['https://news.example/earlier']);
    expect(items[0]).toMatchObject({ origin: 'history', entities: ['Q7747', 'Q22686'] });

    // Mixed into a later article's related coverage.
    const knowledge = buildKnowledge([]);
    const later = relatedForReport(report('https://news.example/later', ['Q7747', 'Q22686']), knowledge, { history: items });
    expect(later.map((c) => [c.url, c.origin])).toEqual([['https://news.example/earlier', 'history']]);

    await historyEnabled.setValue(false);
    expect(await port.items()).toEqual([]);
    await port.record(report('https://news.example/third', ['Q7747']));
    await historyEnabled.setValue(true);
    items = await port.items();
    expect(items).toHaveLength(1);
    store.close();
  });
});

describe('commands', () => {
  beforeEach(() => fakeBrowser.reset());
  it('toggle-opinion flips the opinion highlight setting; other commands are not ours', async () => {
    const { handleCommand } = await import('../lib/background/commands');
    const { opinionHighlight } = await import('../lib/settings');
    expect(await opinionHighlight.getValue()).toBe(false);
    expect(await handleCommand('toggle-opinion')).toBe(true);
    expect(await opinionHighlight.getValue()).toBe(true);
    await handleCommand('toggle-opinion');
    expect(await opinionHighlight.getValue()).toBe(false);
    expect(await handleCommand('something-else')).toBe(false);
  });
});

describe('the worker keeps the history in memory (#8)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('after each record, analyses see exactly what the store gives (same items, same order), without re-reading it', async () => {
    const store = createStore(new IDBFactory(), 'test-history-cache', { historyCap: 5 });
    let clock = 1000;
    const port = createHistoryPort(() => {}, store, () => clock);
    const reads = vi.spyOn(store, 'historyItems');
    // Reads already in the store when the worker starts.
    for (const [i, path] of ['a', 'b', 'c'].entries()) {
      clock = 1000 + i;
      await port.record(report(`https://news.example/${path}`, [`Q${i}`]));
    }
    expect(await port.items()).toEqual(await store.historyItems());
    reads.mockClear();
    const steps: [string, number][] = [
      ['https://news.example/d', 2000],
      ['https://news.example/e', 2000], // same readAt: the store orders ties by key
      ['https://news.example/a?utm_source=x#top', 2001], // a re-read under another spelling of the URL
      ['https://news.example/f', 2002], // over the cap: the oldest read is evicted
      ['https://news.example/g', 1500], // an older readAt than some kept reads
      ['https://news.example/b', 500], // a re-read carrying the oldest readAt is never the one evicted
      ['https://news.example/h', 3000],
    ];
    for (const [url, at] of steps) {
      clock = at;
      await port.record(report(url, ['Q7747']));
      const cached = await port.items();
      expect(reads, url).not.toHaveBeenCalled(); // kept current by the record, not re-read
      expect(cached, url).toEqual(await store.historyItems());
      reads.mockClear();
    }
    expect((await port.items()).length).toBe(5);
    store.close();
  });

  it('edits its one array in place, so the ranking applies the record instead of rebuilding its lists', async () => {
    const store = createStore(new IDBFactory(), 'test-history-in-place', { historyCap: 3 });
    let clock = 1000;
    const port = createHistoryPort(() => {}, store, () => clock);
    for (const path of ['a', 'b', 'c']) {
      clock += 10;
      await port.record(report(`https://news.example/${path}`, ['Q7747']));
    }
    const kept = await port.items();
    const index = buildCoverageIndex([], () => undefined);
    historyIndexOf(index, kept);
    clock += 10;
    await port.record(report('https://news.example/d', ['Q7747', 'Q22686'])); // over the cap: a evicted
    expect(await port.items()).toBe(kept);
    expect(kept).toEqual(await store.historyItems());
    historyIndexOf(index, kept);
    expect(lastHistoryIndexBuild).toBe('applied');
    store.close();
  });

  it('reads the store again after the options page changed the history, and after a failed record', async () => {
    const store = createStore(new IDBFactory(), 'test-history-changed');
    const port = createHistoryPort(() => {}, store, () => 1000);
    await port.record(report('https://news.example/a', ['Q1']));
    await port.record(report('https://news.example/b', ['Q2']));
    expect((await port.items()).map((i) => i.url)).toEqual(['https://news.example/b', 'https://news.example/a']);
    await store.clearHistory('News');
    expect(await port.items()).toHaveLength(2); // not told yet
    port.changed!();
    expect(await port.items()).toEqual([]);

    await port.record(report('https://news.example/c', ['Q3']));
    expect(await port.items()).toHaveLength(1);
    vi.spyOn(store, 'recordRead').mockResolvedValueOnce({ ok: false, error: 'quota' });
    const reads = vi.spyOn(store, 'historyItems');
    await port.record(report('https://news.example/d', ['Q4']));
    expect((await port.items()).map((i) => i.url)).toEqual(['https://news.example/c']);
    expect(reads).toHaveBeenCalledTimes(1);
    store.close();
  });

  it('a read under way when a record lands is not kept (it may or may not include the write)', async () => {
    const store = createStore(new IDBFactory(), 'test-history-race');
    const port = createHistoryPort(() => {}, store, () => 1000);
    await port.record(report('https://news.example/a', ['Q1']));
    const first = port.items();
    await port.record(report('https://news.example/b', ['Q2']));
    await first;
    expect(await port.items()).toEqual(await store.historyItems());
    expect(await port.items()).toHaveLength(2);
    store.close();
  });

  it('reads a setting once and follows its changes', async () => {
    let value = true;
    let listener: ((v: boolean) => void) | undefined;
    const item = { getValue: vi.fn(async () => value), watch: vi.fn((cb: (v: boolean) => void) => ((listener = cb), () => {})) };
    const setting = liveSetting(item);
    expect(await setting()).toBe(true);
    expect(await setting()).toBe(true);
    expect(item.getValue).toHaveBeenCalledTimes(1);
    listener!(false);
    expect(setting()).toBe(false);
    expect(item.getValue).toHaveBeenCalledTimes(1);

    // A change seen while the first read is under way wins over that read's (older) value.
    value = true;
    const late = liveSetting(item);
    const reading = late();
    listener!(false);
    expect(await reading).toBe(false);
    expect(late()).toBe(false);
  });

  it('follows the real settings items through storage change events', async () => {
    const store = createStore(new IDBFactory(), 'test-history-settings');
    const port = createHistoryPort(() => {}, store, () => 1000);
    await port.record(report('https://news.example/a', ['Q1']));
    expect(await port.items()).toHaveLength(1);
    await historyEnabled.setValue(false);
    await vi.waitFor(async () => expect(await port.items()).toEqual([]));
    await historyEnabled.setValue(true);
    await vi.waitFor(async () => expect(await port.items()).toHaveLength(1));
    await historyExcludedSites.setValue(['news.example']);
    await vi.waitFor(async () => {
      await port.record(report('https://news.example/b', ['Q2']));
      expect(await store.historyCount()).toBe(1);
    });
    store.close();
  });
});
