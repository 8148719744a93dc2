import { describe, expect, it, vi } from 'vitest';
import { contentScriptTab, isExtensionPage, type SenderLike } from '../lib/background/senders';
import { createMessageHandler, type BackgroundDeps } from '../lib/background/handlers';
import { createKnowledgeSource } from '../lib/background/knowledge-source';
import { TabReports } from '../lib/background/tab-reports';
import { ArticleInputSchema, clampArticleInput, MAX_ARTICLE_CHARS, MAX_BLOCK_CHARS, UiToCs } from '../lib/messaging';
import type { ArticleInput } from '../lib/article/types';
import type { Knowledge } from '../lib/knowledge';
import type { OpinionFlag, PageReport } from '../lib/report';
import type { PageDetails } from '../lib/analyze';
import type { HistoryItem } from '../lib/coverage/index';

const self = { id: 'ext-id', origin: 'chrome-extension://ext-id/' };
const PAGE = 'https://news.example/2025/06/story.html';

const senders: [string, SenderLike, 'cs' | 'ui' | null][] = [
  ['content script in a tab', { id: 'ext-id', url: PAGE, frameId: 0, tab: { id: 7, url: PAGE } }, 'cs'],
  ['content script, tab url hidden (no tabs permission)', { id: 'ext-id', url: PAGE, frameId: 0, tab: { id: 7 } }, 'cs'],
  ['content script in a sub-frame', { id: 'ext-id', url: PAGE, frameId: 3, tab: { id: 7 } }, null],
  ['another extension', { id: 'other', url: PAGE, tab: { id: 7 } }, null],
  ['popup', { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' }, 'ui'],
  ['popup opened in a tab', { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html?tabId=7', tab: { id: 9, url: 'chrome-extension://ext-id/popup.html?tabId=7' } }, 'ui'],
  ['options page', { id: 'ext-id', url: 'chrome-extension://ext-id/options.html', tab: { id: 4 } }, 'ui'],
  ['a page pretending to be ours', { id: 'ext-id', url: 'https://evil.example/chrome-extension://ext-id/', tab: { id: 7 } }, 'cs'],
  ['another extension page', { id: 'other', url: 'chrome-extension://other/popup.html' }, null],
  ['no id at all', { url: 'chrome-extension://ext-id/popup.html' }, null],
];

describe('sender checks', () => {
  it.each(senders)('%s', (_name, sender, kind) => {
    expect(contentScriptTab(sender, self) !== null).toBe(kind === 'cs');
    expect(isExtensionPage(sender, self)).toBe(kind === 'ui');
  });
});

function article(over: Partial<ArticleInput> = {}): ArticleInput {
  return {
    url: PAGE,
    title: 'A story',
    byline: null,
    date: '2025-06-08',
    lang: 'en',
    siteName: 'News',
    kind: 'news',
    kindSignals: [],
    kindReasons: [],
    signals: ['json-ld:NewsArticle'],
    blocks: [{ text: 'Vladimir Putin spoke.', kind: 'paragraph', section: null }],
    ...over,
  };
}

function reportFor(input: ArticleInput): PageReport {
  return {
    url: input.url,
    article: { detected: true, kind: input.kind, title: input.title, date: input.date, text: input.blocks.map((b) => b.text).join('\n\n'), paragraphs: input.blocks.map((b) => b.text), signals: input.signals },
    entities: [{ id: 'Q7747', name: 'Vladimir Putin', type: 'person', description: 'President of Russia', mentions: [{ paragraph: 0, start: 0, end: 14, text: 'Vladimir Putin' }] }],
    coverage: [],
    opinion: [],
  };
}

const CARD_ITEM = { id: 'wcep-1', title: 'Earlier talks', date: '2025-05-01', source: 'Wire', url: 'https://wire.example/talks', why: 'with Putin' };
const OPINION: OpinionFlag = { paragraph: 0, label: 'opinion', score: 0.9, reasons: [] };

function memorySession() {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(keys: string | string[]) {
      const out: Record<string, unknown> = {};
      for (const k of Array.isArray(keys) ? keys : [keys]) if (data.has(k)) out[k] = structuredClone(data.get(k));
      return out;
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) data.delete(k);
    },
  };
}

function setup(over: Partial<BackgroundDeps> = {}) {
  const loadPacks = vi.fn(async () => []);
  const knowledge = createKnowledgeSource(loadPacks, () => ({}) as Knowledge);
  const session = memorySession();
  const reports = new TabReports(session);
  const links = vi.fn((input: ArticleInput) => reportFor(input));
  const details = vi.fn((): PageDetails => ({ cards: { Q7747: [CARD_ITEM] }, opinion: [OPINION] }));
  const related = vi.fn((report: PageReport, _k: Knowledge, options?: { history?: readonly HistoryItem[] }): PageReport['coverage'] => [
    { url: 'https://other.example/earlier', title: 'Earlier', source: 'Other', date: '2025-06-01', entities: report.entities.map((e) => e.id), origin: options?.history?.length ? 'history' : 'pack' } as PageReport['coverage'][number],
  ]);
  const analyze = { links, details, related, historyEntities: () => [] };
  const handle = createMessageHandler({ self, knowledge, reports, analyze, ...over });
  return { handle, loadPacks, reports, session, analyze: links, details, related };
}

const cs: SenderLike = { id: 'ext-id', url: PAGE, frameId: 0, tab: { id: 7 } };
const ui: SenderLike = { id: 'ext-id', url: 'chrome-extension://ext-id/popup.html' };

describe('background message handler', () => {
  it('analyses an article from a content script and keeps the report for the popup', async () => {
    const { handle, analyze } = setup();
    const reply = await handle({ type: 'cs:analyze-article', article: article() }, cs);
    expect(reply).toMatchObject({ ok: true, value: { entities: [{ id: 'Q7747' }] } });
    expect(analyze).toHaveBeenCalledTimes(1);
    const status = await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui);
    expect(status).toMatchObject({ ok: true, value: { state: 'ready', report: { url: PAGE } } });
    // The page is sent the report without the article's text (it has the page); the popup gets it all.
    const whole = (status as { value: { report: PageReport } }).value.report;
    expect(whole.article.paragraphs).toEqual(article().blocks.map((b) => b.text));
    expect(whole.article.text.length).toBeGreaterThan(0);
    // Related coverage is the popup's: added after the page's answer, which goes without it.
    expect(whole.coverage.map((c) => c.url)).toEqual(['https://other.example/earlier']);
    // …and so do the opinion flags (the page asks for them, and its cards' coverage, after drawing).
    expect(whole.opinion).toEqual([OPINION]);
    expect(reply).toEqual({ ok: true, value: { ...whole, coverage: [], opinion: [], article: { ...whole.article, text: '', paragraphs: [] } } });
    expect((reply as { value: PageReport }).value.entities[0]).not.toHaveProperty('coverage');
  });

  it('answers the page before ranking related coverage, and the popup waits for it', async () => {
    const order: string[] = [];
    const items = vi.fn(async () => {
      order.push('history');
      return [{ url: 'https://news.example/read', title: 'Read', date: '2025-06-01', entities: ['Q7747'], origin: 'history' } as unknown as HistoryItem];
    });
    const { handle, related } = setup({ history: { items, record: async () => {} } });
    const reply = await handle({ type: 'cs:analyze-article', article: article(), reportId: 'r1' }, cs);
    order.push('answered');
    expect(reply).toMatchObject({ ok: true, value: { coverage: [] } });
    expect(related).not.toHaveBeenCalled();
    const status = await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui);
    expect(order).toEqual(['answered', 'history']);
    expect(related).toHaveBeenCalledTimes(1);
    expect(status).toMatchObject({ ok: true, value: { state: 'ready', report: { coverage: [{ origin: 'history' }] } } });
  });

  it('answers the page with its links first, and the cards and opinion flags when it asks after drawing', async () => {
    const { handle, details, related } = setup();
    const reply = await handle({ type: 'cs:analyze-article', article: article(), reportId: 'r1' }, cs);
    expect(reply).toMatchObject({ ok: true, value: { entities: [{ id: 'Q7747' }], opinion: [] } });
    expect(details).not.toHaveBeenCalled(); // not on the highlights' path
    expect(await handle({ type: 'cs:report-details', reportId: 'r1' }, cs)).toEqual({ ok: true, value: { cards: { Q7747: [CARD_ITEM] }, opinion: [OPINION] } });
    // Made once: the popup's report reuses them.
    const status = await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui);
    expect(status).toMatchObject({ ok: true, value: { state: 'ready', report: { entities: [{ id: 'Q7747' }], opinion: [OPINION] } } });
    expect(details).toHaveBeenCalledTimes(1);
    expect(related).toHaveBeenCalledTimes(1);
    // Another report's id, another tab, or a report the tab has replaced: no details.
    expect(await handle({ type: 'cs:report-details', reportId: 'r0' }, cs)).toEqual({ ok: false, error: 'report replaced' });
    expect(await handle({ type: 'cs:report-details', reportId: 'r1' }, { ...cs, tab: { id: 8 } })).toEqual({ ok: false, error: 'report replaced' });
    await handle({ type: 'cs:not-article', url: PAGE, title: 'Home', signals: [] }, cs);
    expect(await handle({ type: 'cs:report-details', reportId: 'r1' }, cs)).toEqual({ ok: false, error: 'report replaced' });
    expect(await handle({ type: 'cs:report-details' }, cs)).toMatchObject({ ok: false });
  });

  it('waits with related coverage until the page has had time to draw, unless the popup asks first', async () => {
    const { handle, related } = setup({ relatedAfterMs: 60_000 });
    await handle({ type: 'cs:analyze-article', article: article(), reportId: 'r1' }, cs);
    // The page draws its highlights now: the worker stays off the CPU meanwhile.
    await new Promise((r) => setTimeout(r, 20));
    expect(related).not.toHaveBeenCalled();
    // The popup's question starts it at once (not after the minute).
    const status = await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui);
    expect(related).toHaveBeenCalledTimes(1);
    expect(status).toMatchObject({ ok: true, value: { state: 'ready', report: { coverage: [{ url: 'https://other.example/earlier' }] } } });
  });

  it('starts related coverage on its own after the wait, and not for a report already replaced', async () => {
    const { handle, related } = setup({ relatedAfterMs: 10 });
    await handle({ type: 'cs:analyze-article', article: article(), reportId: 'r1' }, cs);
    await vi.waitFor(() => expect(related).toHaveBeenCalledTimes(1));
    await handle({ type: 'cs:analyze-article', article: article(), reportId: 'r2' }, cs);
    await handle({ type: 'cs:not-article', url: PAGE, title: 'Home', signals: ['no article markup'] }, cs);
    await new Promise((r) => setTimeout(r, 40));
    expect(related).toHaveBeenCalledTimes(1);
  });

  it('a tab closed while its report is being completed stays closed: no report written back, no details', async () => {
    const { handle, related, session } = setup({ relatedAfterMs: 10 });
    await handle({ type: 'cs:analyze-article', article: article(), reportId: 'r1' }, cs);
    // The tab closes right after drawing, its details request still pending.
    await handle.closeTab(7);
    await new Promise((r) => setTimeout(r, 40));
    expect(related).not.toHaveBeenCalled();
    expect([...session.data.keys()]).toEqual([]);
    expect(await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui)).toEqual({ ok: true, value: { state: 'unknown' } });
    expect(await handle({ type: 'cs:report-details', reportId: 'r1' }, cs)).toEqual({ ok: false, error: 'report replaced' });
  });

  it('never lets a late related-coverage step overwrite a newer report of the tab', async () => {
    const { handle } = setup();
    await handle({ type: 'cs:analyze-article', article: article(), reportId: 'r1' }, cs);
    // The tab moved on to a page that is not an article before the first one was completed.
    await handle({ type: 'cs:not-article', url: PAGE, title: 'Home', signals: ['no article markup'] }, cs);
    await new Promise((r) => setTimeout(r, 5));
    expect(await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui)).toMatchObject({ ok: true, value: { state: 'not-article' } });
  });

  it('records not-articles for the popup', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'cs:not-article', url: PAGE, title: 'Home', signals: ['no article markup'] }, cs)).toEqual({ ok: true, value: null });
    expect(await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui)).toEqual({ ok: true, value: { state: 'not-article', url: PAGE, title: 'Home', signals: ['no article markup'] } });
  });

  it('answers unknown for a tab it never heard of', async () => {
    const { handle } = setup();
    expect(await handle({ type: 'ui:get-tab-report', tabId: 99 }, ui)).toEqual({ ok: true, value: { state: 'unknown' } });
  });

  it.each([
    ['cs message from an extension page', { type: 'cs:analyze-article', article: article() }, ui],
    ['ui message from a content script', { type: 'ui:get-tab-report', tabId: 7 }, cs],
    ['ui message from another extension', { type: 'ui:get-tab-report', tabId: 7 }, { ...ui, id: 'other' }],
    ['not a Backstory message', { hello: 1 }, cs],
    ['unknown direction', { type: 'bg:whatever' }, ui],
  ] as const)('ignores %s', async (_name, message, sender) => {
    const { handle, analyze } = setup();
    expect(await handle(message, sender)).toBeUndefined();
    expect(analyze).not.toHaveBeenCalled();
  });

  it.each([
    ['unknown cs type', { type: 'cs:explode' }, cs],
    ['bad block kind', { type: 'cs:analyze-article', article: article({ blocks: [{ text: 'x', kind: 'table' as never, section: null }] }) }, cs],
    ['too long block', { type: 'cs:analyze-article', article: article({ blocks: [{ text: 'x'.repeat(MAX_BLOCK_CHARS + 1), kind: 'paragraph', section: null }] }) }, cs],
    ['bad date', { type: 'cs:analyze-article', article: article({ date: 'June 8' }) }, cs],
    ['negative tab id', { type: 'ui:get-tab-report', tabId: -1 }, ui],
    ['string tab id', { type: 'ui:get-tab-report', tabId: '7' }, ui],
  ] as const)('rejects %s with a Result error', async (_name, message, sender) => {
    const { handle, analyze } = setup();
    const reply = await handle(message, sender);
    expect(reply).toMatchObject({ ok: false });
    expect(analyze).not.toHaveBeenCalled();
  });

  it('turns a throwing analysis into a Result error', async () => {
    const { handle } = setup({ analyze: { links: () => { throw new Error('boom'); }, details: () => ({ cards: {}, opinion: [] }), related: () => [], historyEntities: () => [] } });
    expect(await handle({ type: 'cs:analyze-article', article: article() }, cs)).toEqual({ ok: false, error: 'boom' });
  });

  it('builds knowledge once, shares it, and rebuilds after ui:packs-changed', async () => {
    const { handle, loadPacks } = setup();
    await Promise.all([handle({ type: 'cs:analyze-article', article: article() }, cs), handle({ type: 'ui:get-dataset-info' }, ui)]);
    expect(loadPacks).toHaveBeenCalledTimes(1);
    expect(await handle({ type: 'ui:packs-changed' }, ui)).toEqual({ ok: true, value: null });
    await handle({ type: 'ui:get-dataset-info' }, ui);
    expect(loadPacks).toHaveBeenCalledTimes(2);
  });

  it('records history and does not fail the page when history fails', async () => {
    const record = vi.fn(async () => { throw new Error('disk full'); });
    const { handle } = setup({ history: { items: async () => [], record } });
    const reply = await handle({ type: 'cs:analyze-article', article: article() }, cs);
    expect(reply?.ok).toBe(true);
    // Recorded with the completed report (after the answer): the popup's question waits for it.
    expect(await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui)).toMatchObject({ ok: true, value: { state: 'ready' } });
    expect(record).toHaveBeenCalledTimes(1);
  });

  it('keeps the report while the page still shows it, drops it once the page moved on', async () => {
    let shown: string | null = 'r1';
    const { handle } = setup({ currentReportId: async () => shown });
    await handle({ type: 'cs:analyze-article', article: article(), reportId: 'r1' }, cs);
    // e.g. an in-page jump to #section: same content script, same report
    expect(await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui)).toMatchObject({ ok: true, value: { state: 'ready' } });
    // a new document (or no content script at all) answers something else
    shown = null;
    expect(await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui)).toEqual({ ok: true, value: { state: 'unknown' } });
    shown = 'r1';
    expect(await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui)).toEqual({ ok: true, value: { state: 'unknown' } });
  });

  it('treats a failing page query as "moved on"', async () => {
    const { handle } = setup({ currentReportId: async () => { throw new Error('Receiving end does not exist'); } });
    await handle({ type: 'cs:not-article', url: PAGE, title: '', signals: [], reportId: 'r2' }, cs);
    expect(await handle({ type: 'ui:get-tab-report', tabId: 7 }, ui)).toEqual({ ok: true, value: { state: 'unknown' } });
  });

  it('answers the eager script\'s wake-up from a content script, starting the knowledge load; ignores it from anyone else', async () => {
    const { handle, loadPacks, analyze } = setup();
    expect(await handle({ type: 'cs:wake' }, ui)).toBeUndefined();
    expect(await handle({ type: 'cs:wake' }, { ...cs, frameId: 2 })).toBeUndefined();
    expect(loadPacks).not.toHaveBeenCalled();
    expect(await handle({ type: 'cs:wake' }, cs)).toEqual({ ok: true, value: null });
    expect(loadPacks).toHaveBeenCalledTimes(1);
    expect(analyze).not.toHaveBeenCalled();
    // the analysis that follows shares the load the wake-up started
    await handle({ type: 'cs:analyze-article', article: article() }, cs);
    expect(loadPacks).toHaveBeenCalledTimes(1);
  });

  it('adds notes from the content script to the report', async () => {
    const { handle } = setup();
    const reply = await handle({ type: 'cs:analyze-article', article: article(), notes: ['Analysis stopped after 5000 paragraphs'] }, cs);
    expect(reply).toMatchObject({ ok: true, value: { notes: ['Analysis stopped after 5000 paragraphs'] } });
  });
});

describe('knowledge source', () => {
  it('does not cache a failed build', async () => {
    let n = 0;
    const src = createKnowledgeSource(async () => {
      if (n++ === 0) throw new Error('not yet');
      return [];
    }, () => ({}) as Knowledge);
    await expect(src.get()).rejects.toThrow('not yet');
    await expect(src.get()).resolves.toMatchObject({ packs: [] });
  });
});

describe('tab reports', () => {
  it('survive a worker restart through session storage, and go on drop', async () => {
    const session = memorySession();
    const a = new TabReports(session);
    const plain = reportFor(article());
    const cards = [{ id: 'c1', title: 'Earlier', date: '2025-01-01', source: 'Reuters', url: 'https://example.org/c1', why: '' }];
    const report = { ...plain, entities: plain.entities.map((e) => ({ ...e, coverage: cards })) };
    await a.set(7, { state: 'ready', report }, 'rid');
    const restarted = new TabReports(session);
    expect((await restarted.entry(7))?.reportId).toBe('rid');
    const got = await restarted.get(7);
    expect(got).toMatchObject({ state: 'ready', report: { url: PAGE } });
    // The stored copy skips the joined text; it comes back rebuilt.
    expect(got.state === 'ready' && got.report.article.text).toBe(report.article.text);
    // And the entities' hover-card coverage, which the popup never shows (#8); the rest is kept.
    expect(got.state === 'ready' && got.report.entities).toEqual(report.entities.map(({ coverage: _c, ...e }) => e));
    await restarted.drop(7);
    expect(await new TabReports(session).get(7)).toEqual({ state: 'unknown' });
    expect(session.data.size).toBe(0);
  });

  it('mirrors one task after answering from memory; a drop or newer report in between wins', async () => {
    const session = memorySession();
    const r = new TabReports(session);
    const report = reportFor(article());
    const mirrored = r.set(7, { state: 'ready', report }, 'first');
    // Memory answers at once; the session copy is not made while the caller is still running.
    expect((await r.entry(7))?.reportId).toBe('first');
    expect(session.data.size).toBe(0);
    const dropped = r.drop(7);
    await Promise.all([mirrored, dropped]);
    expect(session.data.size).toBe(0);

    const older = r.set(8, { state: 'ready', report }, 'older');
    const newer = r.set(8, { state: 'ready', report }, 'newer');
    await Promise.all([older, newer]);
    expect((await new TabReports(session).entry(8))?.reportId).toBe('newer');
  });

  it('still answers from memory when session storage fails', async () => {
    const broken = { get: async () => { throw new Error('no'); }, set: async () => { throw new Error('quota'); }, remove: async () => {} };
    const r = new TabReports(broken);
    await r.set(3, { state: 'not-article', url: PAGE, title: '', signals: [] });
    expect(await r.get(3)).toMatchObject({ state: 'not-article' });
    expect(await r.get(4)).toEqual({ state: 'unknown' });
  });
});

describe('clampArticleInput', () => {
  it('keeps paragraph indexes, cuts at the limits, says so, and passes validation', () => {
    const big = 'word '.repeat(4000); // 20,000 chars
    const blocks = Array.from({ length: 40 }, () => ({ text: big + 'x'.repeat(500), kind: 'paragraph' as const, section: null }));
    const { article: out, notes } = clampArticleInput(article({ blocks, signals: Array.from({ length: 80 }, (_, i) => `s${i}`) }));
    expect(out.blocks.every((b) => b.text.length <= MAX_BLOCK_CHARS)).toBe(true);
    expect(out.blocks.reduce((n, b) => n + b.text.length, 0)).toBeLessThanOrEqual(MAX_ARTICLE_CHARS);
    expect(out.blocks[0]!.text).toBe(blocks[0]!.text.slice(0, MAX_BLOCK_CHARS));
    expect(out.signals).toHaveLength(50);
    expect(notes[0]).toMatch(/stopped after 20 paragraphs/);
    expect(ArticleInputSchema.safeParse(out).success).toBe(true);
  });

  it('drops a malformed date instead of failing the article', () => {
    expect(clampArticleInput(article({ date: '2025-06' })).article.date).toBeNull();
  });
});

describe('ui:reveal validation', () => {
  it.each([
    [{ type: 'ui:reveal', paragraph: 3 }, true],
    [{ type: 'ui:reveal', paragraph: 3, start: 4, end: 9 }, true],
    [{ type: 'ui:reveal', paragraph: -1 }, false],
    [{ type: 'ui:reveal', paragraph: 1.5 }, false],
    [{ type: 'ui:reveal' }, false],
    [{ type: 'ui:other', paragraph: 1 }, false],
  ])('%j → %s', (msg, valid) => {
    expect(UiToCs.safeParse(msg).success).toBe(valid);
  });
});

describe('packaged default pack', () => {
  it('reads gzip and plain bytes alike, and is absent when the build has none', async () => {
    const { gzipSync } = await import('node:zlib');
    const { packText, loadPackagedPack } = await import('../lib/background/packs');
    const text = JSON.stringify({ format: 'backstory-pack', formatVersion: 1, id: 'default', name: 'T', version: '1', licenses: [], entities: [{ id: 'Q1', name: 'A', type: 'person' }] });
    expect(await packText(new Uint8Array(gzipSync(text)))).toBe(text);
    expect(await packText(new TextEncoder().encode(text))).toBe(text);
    const fetchFn = vi.fn(async (url: string) => new Response(gzipSync(text), { status: url.endsWith('.gz') ? 200 : 404 }));
    const pack = await loadPackagedPack('/assets/default-pack.json.gz', (p) => `chrome-extension://ext-id${p}`, fetchFn as unknown as typeof fetch);
    expect(fetchFn).toHaveBeenCalledWith('chrome-extension://ext-id/assets/default-pack.json.gz');
    expect(pack?.entities[0]).toMatchObject({ id: 'Q1', aliases: [] });
    expect(await loadPackagedPack(null, (p) => p)).toBeNull();
  });
});
