/**
 * The worker's analysis ranks related coverage once, with the reader's history mixed in
 * (issue #8): it used to rank without history, then again with it (withHistory), so every
 * article after the first read paid the costliest step twice. The answer must be what one
 * analysis with the history gives (analyzeArticle, as the CLI runs it). Related coverage and the
 * history read now follow the page's answer: the page gets its part, the popup the whole report.
 */
import { describe, expect, it, vi } from 'vitest';
import { analyzeArticle, analyzeForPage, articleAnalysis } from '../lib/analyze';
import { createMessageHandler, reportForPage, type HistoryPort } from '../lib/background/handlers';
import { createKnowledgeSource } from '../lib/background/knowledge-source';
import { TabReports, popupStatus } from '../lib/background/tab-reports';
import { buildKnowledge } from '../lib/knowledge';
import type { ArticleInput } from '../lib/article/types';
import type { HistoryItem } from '../lib/coverage/index';
import type { CoverageRecord } from '../lib/dataset/schema';
import { ENTITIES } from './entities-fixture';

const PAGE = 'https://news.example/2025/06/talks.html';
const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const cs = { id: 'ext-id', url: PAGE, frameId: 0, tab: { id: 7 } };
const ui = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };

const rec = (id: string, date: string, entities: string[], topics: string[]): CoverageRecord => ({ id, date, source: 'Wire', entities, topics });
const knowledge = buildKnowledge([{
  format: 'backstory-pack', formatVersion: 1, id: 'default', name: 'Test', version: '1', licenses: [], entities: ENTITIES,
  coverage: [
    rec('c1', '2025-05-01', ['Q7747', 'Q212'], ['Talks on Ukraine']),
    rec('c2', '2025-05-20', ['Q22686', 'Q7747'], ['Talks on Ukraine']),
    rec('c3', '2025-04-02', ['Q212'], ['Grain exports']),
    rec('c4', '2024-11-05', ['Q22686'], ['Election']),
  ],
} as never]);

const history: HistoryItem[] = [
  { id: 'h1', origin: 'history', title: 'Earlier talks piece', date: '2025-06-01', source: 'News', url: 'https://news.example/earlier', entities: ['Q7747', 'Q22686'], topics: [] },
  { id: 'h2', origin: 'history', title: 'This page, read before', date: '2025-06-08', source: 'News', url: PAGE, entities: ['Q7747'], topics: [] },
];

const input: ArticleInput = {
  url: PAGE, title: 'Trump and Putin talk about Ukraine', byline: null, date: '2025-06-08', lang: 'en', siteName: 'News', kind: 'news',
  kindSignals: [], kindReasons: [], signals: [],
  blocks: [
    { text: 'Donald Trump spoke with Vladimir Putin on Tuesday about the war in Ukraine.', kind: 'paragraph', section: null },
    { text: 'Putin said talks would go on; Trump called the call productive.', kind: 'paragraph', section: null },
  ],
};

function handlerWith(history: HistoryPort) {
  const analyze = { ...articleAnalysis, related: vi.fn(articleAnalysis.related) };
  const session = { get: async () => ({}), set: async () => {}, remove: async () => {} };
  const handle = createMessageHandler({
    self, knowledge: createKnowledgeSource(async () => [], () => knowledge), reports: new TabReports(session), analyze, history,
  });
  return { handle, analyze };
}

describe('worker analysis with the reading history', () => {
  it('answers what ranking without history and then re-ranking with it gave, in one analysis', async () => {
    const { handle, analyze } = handlerWith({ items: async () => history, record: async () => {} });
    const reply = await handle({ type: 'cs:analyze-article', article: input }, cs);
    expect(reply).toEqual({ ok: true, value: reportForPage(analyzeForPage(input, knowledge)) });
    const status = await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui);
    const oneCall = analyzeArticle(input, knowledge, { history, coverageLimit: 10 });
    // The popup's copy: the hover cards' coverage stays with the page (popupStatus).
    expect(status).toEqual({ ok: true, value: popupStatus({ state: 'ready', report: oneCall }) });
    const value = (status as { value: { report: { coverage: { url: string; origin: string }[] } } }).value.report;
    expect(value.coverage.map((c) => c.origin)).toContain('history');
    expect(value.coverage.map((c) => c.url)).not.toContain(PAGE);
    // One ranking, given the history (not a second ranking afterwards).
    expect(analyze.related).toHaveBeenCalledTimes(1);
    expect(analyze.related.mock.calls[0]![2]).toMatchObject({ history });
  });
  it('analyses without history when the reader has none or it cannot be read', async () => {
    for (const port of [{ items: async () => [], record: async () => {} }, { items: async () => { throw new Error('idb'); }, record: async () => {} }]) {
      const { handle } = handlerWith(port);
      expect(await handle({ type: 'cs:analyze-article', article: input }, cs)).toEqual({ ok: true, value: reportForPage(analyzeForPage(input, knowledge)) });
      expect(await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui)).toEqual({ ok: true, value: popupStatus({ state: 'ready', report: analyzeArticle(input, knowledge) }) });
    }
  });
});
