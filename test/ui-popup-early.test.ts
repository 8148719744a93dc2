/**
 * The popup's early requests (components/popup/early.ts, issue #8): sent when the popup's first
 * module is evaluated, handed to the first asks of the real PopupApi, never reused for retries.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EARLY_GLOBAL, statusWithoutWorker, startEarly, startPageEarly, takeEarly } from '../components/popup/early';
import { browserPopupApi } from '../components/popup/api';
import { TabReports, type SessionArea } from '../lib/background/tab-reports';
import type { PageReport } from '../lib/report';

function fakeApi() {
  const calls: string[] = [];
  const api = {
    runtime: { sendMessage: vi.fn(async (m: unknown) => (calls.push(`send ${JSON.stringify(m)}`), { ok: true, value: { state: 'unknown' } })) },
    tabs: {
      query: vi.fn(async () => (calls.push('query'), [{ id: 42 }])),
      get: vi.fn(async (id: number) => (calls.push(`get ${id}`), { url: 'https://paper.example/a' })),
    },
    storage: { local: { get: vi.fn(async () => (calls.push('settings'), { enabled: false, disabledSites: ['x.example'] })) } },
  };
  return { api, calls };
}

describe('popup early requests', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for the active tab, its status and URL, and the settings at once', async () => {
    const { api, calls } = fakeApi();
    const early = startEarly(api, '');
    expect(await early.tabId).toBe(42);
    expect(await early.tabStatus).toEqual({ ok: true, value: { state: 'unknown' } });
    expect(await early.tabUrl).toBe('https://paper.example/a');
    expect(await early.settings).toEqual({ enabled: false, disabledSites: ['x.example'], opinionHighlight: false, entityMarks: true, keyboardLinks: false });
    expect(calls).toContain('send {"type":"ui:get-tab-report","tabId":42}');
  });

  it('keeps each answer as a plain value when it arrives, and asks for the shortcut where it can', async () => {
    const { api } = fakeApi();
    const commands = { getAll: vi.fn(async () => [{ name: '_execute_action' }, { name: 'toggle-opinion', shortcut: 'Alt+Shift+O' }]) };
    const early = startEarly({ ...api, commands }, '?tabId=7');
    expect(early.arrived).toEqual({});
    await Promise.all([early.tabId, early.tabUrl, early.tabStatus, early.settings, early.shortcut]);
    expect(early.arrived).toEqual({
      tabId: 7,
      tabUrl: 'https://paper.example/a',
      tabStatus: { ok: true, value: { state: 'unknown' } },
      settings: await early.settings,
      shortcut: 'Alt+Shift+O',
    });
    // The real PopupApi hands them on, and its first shortcut ask takes the early one.
    const popup = browserPopupApi('?tabId=7', early);
    expect(popup.arrived?.()).toBe(early.arrived);
    expect(await popup.shortcut()).toBe('Alt+Shift+O');
    expect(commands.getAll).toHaveBeenCalledTimes(1);
    // A failed request leaves its key out.
    const failing = startEarly({ ...api, tabs: { ...api.tabs, get: vi.fn(async () => { throw new Error('no tab'); }) } }, '?tabId=7');
    await failing.tabUrl.catch(() => undefined);
    await failing.settings;
    expect('tabUrl' in failing.arrived).toBe(false);
    expect(failing.arrived.tabId).toBe(7);
  });

  it('takes ?tabId=N without asking for the active tab', async () => {
    const { api } = fakeApi();
    expect(await startEarly(api, '?tabId=7').tabId).toBe(7);
    expect(api.tabs.query).not.toHaveBeenCalled();
  });

  it('the real PopupApi answers its first asks from them, and asks the browser again after', async () => {
    const { api } = fakeApi();
    const early = startEarly(api, '?tabId=7');
    const again = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, value: { state: 'not-article', url: 'u', title: 't', signals: [] } } as never);
    const popup = browserPopupApi('?tabId=7', early);
    expect(await popup.tabId()).toBe(7);
    expect(await popup.tabStatus(7)).toEqual({ ok: true, value: { state: 'unknown' } });
    expect(again).not.toHaveBeenCalled();
    // A retry (the page was still being read) must not see the first answer again.
    expect(await popup.tabStatus(7)).toMatchObject({ ok: true, value: { state: 'not-article' } });
    expect(again).toHaveBeenCalledTimes(1);
    expect(await popup.settings?.()).toMatchObject({ enabled: false });
  });

  it('the popup module takes the requests the head script parked, once, and starts its own without them', async () => {
    const { api } = fakeApi();
    const page: Record<string, unknown> = { chrome: api, location: { search: '?tabId=9' } };
    // What entrypoints/popup-early.ts does in the popup's <head>.
    page[EARLY_GLOBAL] = startPageEarly(page as never);
    expect(api.runtime.sendMessage).toHaveBeenCalledTimes(0); // waits for the tab id first
    const taken = takeEarly(page);
    expect(EARLY_GLOBAL in page).toBe(false);
    expect(await taken?.tabId).toBe(9);
    expect(await taken?.tabStatus).toEqual({ ok: true, value: { state: 'unknown' } });
    expect(api.runtime.sendMessage).toHaveBeenCalledTimes(1);
    // No parked requests (the head script did not run, or they were taken): the module asks itself.
    const own = takeEarly(page);
    expect(own).not.toBe(taken);
    expect(await own?.tabStatus).toEqual({ ok: true, value: { state: 'unknown' } });
    expect(api.runtime.sendMessage).toHaveBeenCalledTimes(2);
  });

  it('no extension API: nothing parked, nothing started', () => {
    const page: Record<string, unknown> = { location: { search: '' } };
    page[EARLY_GLOBAL] = startPageEarly(page as never);
    expect(page[EARLY_GLOBAL]).toBeNull();
    expect(takeEarly(page)).toBeNull();
  });
});

/** storage.session as the browser keeps it: structured copies in, structured copies out. */
function memorySession(): SessionArea & { gets: number } {
  const data = new Map<string, unknown>();
  const area = {
    gets: 0,
    async get(keys: string | string[]) {
      area.gets++;
      const out: Record<string, unknown> = {};
      for (const k of typeof keys === 'string' ? [keys] : keys) if (data.has(k)) out[k] = structuredClone(data.get(k));
      return out;
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of typeof keys === 'string' ? [keys] : keys) data.delete(k);
    },
  };
  return area;
}

const report: PageReport = {
  url: 'https://paper.example/2025/01/02/bridge',
  article: {
    detected: true, kind: 'news', title: 'The bridge opens', date: '2025-01-02', text: 'First paragraph.\n\nSecond paragraph.',
    paragraphs: ['First paragraph.', 'Second paragraph.'], signals: [], kindReasons: [],
  },
  entities: [{ id: 'O9', name: 'Town Council', type: 'organization', description: 'Local council', mentions: [] }],
  coverage: [],
  opinion: [],
};

/** The popup's API with the worker's storage.session mirror and a page that says which report it shows. */
function mirrorApi(pageReportId: string | null | Error) {
  const { api } = fakeApi();
  const session = memorySession();
  const pageAsked: unknown[] = [];
  const withMirror = {
    ...api,
    tabs: {
      ...api.tabs,
      sendMessage: vi.fn(async (tabId: number, message: unknown, options: { frameId: number }) => {
        pageAsked.push({ tabId, message, options });
        if (pageReportId instanceof Error) throw pageReportId;
        return { ok: true, value: pageReportId };
      }),
    },
    storage: { ...api.storage, session },
  };
  return { api: withMirror, session, pageAsked };
}

describe('popup status without the worker: its storage.session mirror and the page\'s report id', () => {
  it('a mirror the page confirms answers without asking the worker (report text rebuilt)', async () => {
    const { api, session, pageAsked } = mirrorApi('rid-1');
    // Written by the worker's own writer, as the worker does after an analysis.
    await new TabReports(session).set(7, { state: 'ready', report }, 'rid-1');
    const early = startEarly(api, '?tabId=7');
    expect(await early.tabStatus).toEqual({ ok: true, value: { state: 'ready', report } });
    expect(api.runtime.sendMessage).not.toHaveBeenCalled();
    expect(pageAsked).toEqual([{ tabId: 7, message: { type: 'bg:report-id' }, options: { frameId: 0 } }]);
  });

  it('the page shows another report: the worker answers (it drops the stale entry), the mirror is not shown', async () => {
    const { api, session } = mirrorApi('rid-2');
    await new TabReports(session).set(7, { state: 'ready', report }, 'rid-1');
    const early = startEarly(api, '?tabId=7');
    expect(await early.tabStatus).toEqual({ ok: true, value: { state: 'unknown' } });
    expect(api.runtime.sendMessage).toHaveBeenCalledWith({ type: 'ui:get-tab-report', tabId: 7 });
  });

  it('a mirror the page cannot confirm (no content script, no report id), or a page report the mirror lacks: the worker answers', async () => {
    const gone = mirrorApi(new Error('Could not establish connection'));
    await new TabReports(gone.session).set(7, { state: 'ready', report }, 'rid-1');
    expect(await statusWithoutWorker(gone.api, 7)).toBeNull();

    const empty = mirrorApi('rid-1');
    expect(await statusWithoutWorker(empty.api, 7)).toBeNull();
    expect(empty.session.gets).toBe(1);

    const unconfirmable = mirrorApi(null);
    await new TabReports(unconfirmable.session).set(7, { state: 'not-article', url: 'u', title: 't', signals: [] });
    expect(await statusWithoutWorker(unconfirmable.api, 7)).toBeNull();
    const early = startEarly(unconfirmable.api, '?tabId=7');
    await early.tabStatus;
    expect(unconfirmable.api.runtime.sendMessage).toHaveBeenCalledTimes(1);
  });

  it('nothing mirrored and no report in the page (never reported, or no content script): unknown, without the worker', async () => {
    for (const page of [null, new Error('Could not establish connection')]) {
      const { api, pageAsked } = mirrorApi(page);
      const early = startEarly(api, '?tabId=7');
      expect(await early.tabStatus).toEqual({ ok: true, value: { state: 'unknown' } });
      expect(api.runtime.sendMessage).not.toHaveBeenCalled();
      expect(pageAsked).toHaveLength(1);
    }
  });

  it('a browser without storage.session (or tabs.sendMessage) goes to the worker', async () => {
    const { api } = fakeApi();
    expect(await statusWithoutWorker(api, 7)).toBeNull();
    expect(await startEarly(api, '?tabId=7').tabStatus).toEqual({ ok: true, value: { state: 'unknown' } });
    expect(api.runtime.sendMessage).toHaveBeenCalledTimes(1);
  });
});
