/**
 * The popup's early requests (components/popup/early.ts, issue #8): sent when the popup's first
 * module is evaluated, handed to the first asks of the real PopupApi, never reused for retries.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EARLY_GLOBAL, startEarly, startPageEarly, takeEarly } from '../components/popup/early';
import { browserPopupApi } from '../components/popup/api';

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
