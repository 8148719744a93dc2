import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStore } from '../lib/store/index';
import { createHistoryPort, readRecordOf } from '../lib/background/store-port';
import { withHistory } from '../lib/background/handlers';
import { historyEnabled, historyExcludedSites } from '../lib/settings';
import { buildKnowledge } from '../lib/knowledge';
import type { PageReport } from '../lib/report';

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
    const later = withHistory(report('https://news.example/later', ['Q7747', 'Q22686']), knowledge, items);
    expect(later.coverage.map((c) => [c.url, c.origin])).toEqual([['https://news.example/earlier', 'history']]);

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
