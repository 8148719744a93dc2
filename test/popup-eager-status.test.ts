/**
 * The popup's way to the verdict of a page that is not an article (issue #8): such a page's eager
 * content script listens to no messages, so when `ui:get-page-status` finds no listener the popup
 * reads the verdict from the script's isolated world with scripting.executeScript
 * (components/popup/api.ts, lib/page/status-global.ts). Pages that listen still answer by message.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browserPopupApi } from '../components/popup/api';
import { PAGE_STATUS_GLOBAL, asPageStatus, readPageStatusGlobal } from '../lib/page/status-global';

const verdict = { state: 'not-article', signals: ['url:home', 'veto:html:many-articles'], url: 'https://paper.example/', title: 'Paper' };

describe('popup: a page that is not an article', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('asks by message first; without a listener reads the eager script\'s verdict in its isolated world', async () => {
    const noListener = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    // The page's isolated world, as the browser runs the injected function in it.
    const world: Record<string, unknown> = { [PAGE_STATUS_GLOBAL]: () => ({ ...verdict, signals: [...verdict.signals] }) };
    const executeScript = vi.fn(async (injection: { target: { tabId: number }; func: (name: string, g?: Record<string, unknown>) => unknown; args: [string] }) => [
      { result: injection.func(injection.args[0], world) },
    ]);
    (fakeBrowser as unknown as Record<string, unknown>).scripting = { executeScript };
    const popup = browserPopupApi('?tabId=7');
    expect(await popup.pageStatus(7)).toEqual(verdict);
    expect(noListener).toHaveBeenCalledWith(7, { type: 'ui:get-page-status' });
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7 }, args: [PAGE_STATUS_GLOBAL] }));
  });

  it('a page that answers by message is not injected into; a refused injection (no activeTab grant) is "unreachable" (null)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: { state: 'article' } } as never);
    const executeScript = vi.fn(async () => {
      throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
    });
    (fakeBrowser as unknown as Record<string, unknown>).scripting = { executeScript };
    const popup = browserPopupApi('?tabId=7');
    expect(await popup.pageStatus(7)).toEqual({ state: 'article' });
    expect(executeScript).not.toHaveBeenCalled();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    expect(await popup.pageStatus(7)).toBeNull();
    expect(executeScript).toHaveBeenCalledTimes(1);
  });

  it('takes only a well-formed status from the page\'s world; no eager script there is null', () => {
    expect(readPageStatusGlobal(PAGE_STATUS_GLOBAL, {})).toBeNull();
    expect(asPageStatus(null)).toBeNull();
    expect(asPageStatus({ state: 'ready' })).toBeNull();
    expect(asPageStatus({ state: 'not-article', signals: 'url:home' })).toBeNull();
    expect(asPageStatus({ state: 'idle', extra: 1 })).toEqual({ state: 'idle' });
    expect(asPageStatus({ state: 'not-article', signals: ['a', 3, 'b'], url: 5, title: 'T' })).toEqual({ state: 'not-article', signals: ['a', 'b'], title: 'T' });
  });
});
