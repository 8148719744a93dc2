/**
 * PopupApp, the popup's container: asks again while the page is still being read, shows errors,
 * and writes the switches to the real settings items (WXT's fake browser storage).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { h, render } from 'preact';
import { PopupApp, firstState, type PopupApi } from '../components/popup/PopupApp';
import { disabledSites, opinionHighlight } from '../lib/settings';
import type { PageReport } from '../lib/report';
import type { PageStatus, Result, TabStatus } from '../lib/messaging';
import { mountAppRoot, unmountAppRoot } from './_app-root';

const report: PageReport = {
  url: 'https://paper.example/2025/01/02/bridge',
  article: {
    detected: true, kind: 'opinion', title: 'The bridge can wait', date: '2025-01-02', text: '',
    paragraphs: ['The council should stop pretending the bridge is urgent.'], signals: ['json-ld:OpinionNewsArticle'],
    kindReasons: ['The publisher marks this page as opinion'],
  },
  entities: [{ id: 'O9', name: 'Town Council', type: 'organization', description: 'Local council', mentions: [{ paragraph: 0, start: 4, end: 11, text: 'council' }] }],
  coverage: [],
  opinion: [{ paragraph: 0, label: 'opinion', score: 0.8, reasons: [{ key: 'becauseCueObligation', subs: ["'should'"] }] }],
};

let document: Document;
let root: Element;

beforeEach(() => {
  fakeBrowser.reset();
  // The popup takes the browser's own API object (components/popup/ext.ts); the unmount's
  // unstubAllGlobals removes the setup's stub, so put it back for every test.
  vi.stubGlobal('browser', fakeBrowser);
  ({ document, root } = mountAppRoot());
});

afterEach(() => {
  unmountAppRoot(root);
});

function api(statuses: Result<TabStatus>[], pages: (PageStatus | null)[] = [{ state: 'idle' }]): PopupApi & { reveal: ReturnType<typeof vi.fn>; pageStatus: ReturnType<typeof vi.fn>; tabStatus: ReturnType<typeof vi.fn> } {
  let i = 0;
  let j = 0;
  return {
    tabId: async () => 7,
    tabUrl: async () => null,
    tabStatus: vi.fn(async () => statuses[Math.min(i++, statuses.length - 1)]!),
    pageStatus: vi.fn(async () => pages[Math.min(j++, pages.length - 1)]!),
    reveal: vi.fn(async () => undefined),
    shortcut: async () => 'Alt+Shift+O',
    openOptions: vi.fn(async () => undefined),
  };
}

const change = (el: Element, checked: boolean) => {
  (el as HTMLInputElement).checked = checked;
  el.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('change', { bubbles: true }));
};

describe('PopupApp', () => {
  it('asks again while the page is being read, then shows the report', async () => {
    const a = api([{ ok: true, value: { state: 'unknown' } }, { ok: true, value: { state: 'ready', report } }]);
    render(h(PopupApp, { api: a }), root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=kind]')).not.toBeNull(), { timeout: 3000 });
    expect(root.querySelector('[data-testid=kind]')?.textContent).toContain('Opinion');
    expect(a.tabStatus).toHaveBeenCalledTimes(2);
  });

  it('while the background knows nothing, asks the page: loading, then its reasons in plain words', async () => {
    const unknown: Result<TabStatus> = { ok: true, value: { state: 'unknown' } };
    const a = api([unknown], [{ state: 'idle' }, { state: 'not-article', signals: ['url:home', 'veto:html:many-articles'], url: 'https://paper.example/', title: 'Front page' }]);
    render(h(PopupApp, { api: a }), root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=loading]')).not.toBeNull());
    await vi.waitFor(() => expect(root.querySelector('[data-testid=empty]')).not.toBeNull(), { timeout: 3000 });
    const why = root.querySelector('[data-testid=why]')?.textContent ?? '';
    expect(why).toContain('list of articles');
    expect(why).not.toContain('veto');
    // The page's URL and title (the popup cannot read the tab's without the tabs permission).
    expect(root.querySelector('[data-testid=empty]')?.textContent).toContain('Front page');
    expect(root.querySelector('[data-testid=site-toggle]')).not.toBeNull();
    expect(a.pageStatus).toHaveBeenCalledWith(7);
    // Not an article is final: no more asking.
    const calls = a.tabStatus.mock.calls.length;
    await new Promise((r) => setTimeout(r, 800));
    expect(a.tabStatus.mock.calls.length).toBe(calls);
  });

  it('a page that does not answer: says Backstory cannot read it (reload)', async () => {
    render(h(PopupApp, { api: api([{ ok: true, value: { state: 'unknown' } }], [null]) }), root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=empty]')?.textContent).toContain("can't read this page"), { timeout: 4000 });
    expect(root.querySelector('[data-testid=empty]')?.textContent).toContain('Reload the page');
  });

  it('shows a background error as it came', async () => {
    render(h(PopupApp, { api: api([{ ok: false, error: 'knowledge not loaded' }]) }), root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=empty]')?.textContent).toContain('knowledge not loaded'));
  });

  it('the highlight switch writes the opinionHighlight setting; the site switch writes disabledSites', async () => {
    render(h(PopupApp, { api: api([{ ok: true, value: { state: 'ready', report } }]) }), root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=highlight-toggle]')).not.toBeNull());
    change(root.querySelector('[data-testid=highlight-toggle]')!, true);
    await vi.waitFor(async () => expect(await opinionHighlight.getValue()).toBe(true));
    change(root.querySelector('[data-testid=site-toggle]')!, false);
    await vi.waitFor(async () => expect(await disabledSites.getValue()).toEqual(['paper.example']));
    await vi.waitFor(() => expect(root.querySelector('[data-testid=empty]')?.textContent).toContain('off on paper.example'));
  });

  it('follows a setting changed elsewhere (the keyboard command)', async () => {
    render(h(PopupApp, { api: api([{ ok: true, value: { state: 'ready', report } }]) }), root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=highlight-toggle]')).not.toBeNull());
    await opinionHighlight.setValue(true);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=highlight-toggle]')?.getAttribute('aria-checked')).toBe('true'));
  });

  it('renders with data in its first render when the early answers are already in: nothing asked again, no loading', async () => {
    const a = api([{ ok: false, error: 'must not be asked' }]);
    const shortcut = vi.fn(async () => 'never');
    const settings = { enabled: true, disabledSites: [], opinionHighlight: true, entityMarks: true, keyboardLinks: false };
    const early = { ...a, shortcut, arrived: () => ({ tabId: 7, tabUrl: null, tabStatus: { ok: true as const, value: { state: 'ready' as const, report } }, settings, shortcut: 'Alt+Shift+O' }) };
    render(h(PopupApp, { api: early }), root);
    // Synchronously: render() has run the first render and its layout effects, no promise settled.
    expect(root.querySelector('[data-testid=loading]')).toBeNull();
    expect(root.querySelectorAll('[data-testid=entity]')).toHaveLength(1);
    expect(root.querySelector('[data-testid=kind]')?.textContent).toContain('Opinion');
    expect(root.querySelector('[data-testid=highlight-toggle]')?.getAttribute('aria-checked')).toBe('true');
    expect(root.querySelector('kbd')?.textContent).toBe('Alt+Shift+O');
    await new Promise((r) => setTimeout(r, 50));
    expect(a.tabStatus).not.toHaveBeenCalled();
    expect(shortcut).not.toHaveBeenCalled();
    // And it still acts on the tab it was told.
    root.querySelector('[data-testid=entity] button')!.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('click', { bubbles: true }));
    expect(a.reveal).toHaveBeenCalledWith(7, { paragraph: 0, start: 4, end: 11 });
  });

  it('with only part of the early answers in, or an unknown status, asks as before', async () => {
    const a = api([{ ok: true, value: { state: 'ready', report } }]);
    render(h(PopupApp, { api: { ...a, arrived: () => ({ tabId: 7 }) } }), root);
    expect(root.querySelector('[data-testid=loading]')).not.toBeNull();
    await vi.waitFor(() => expect(root.querySelector('[data-testid=entity]')).not.toBeNull());
    expect(a.tabStatus).toHaveBeenCalledTimes(1);
  });

  it('firstState: what the early answers already decide', () => {
    const ready = { ok: true as const, value: { state: 'ready' as const, report } };
    expect(firstState({})).toBeNull();
    expect(firstState({ tabId: null })).toEqual({ state: { phase: 'ready', status: { state: 'unknown' }, url: null }, tabId: null });
    expect(firstState({ tabId: 7, tabStatus: ready })).toBeNull(); // the URL is not in yet
    expect(firstState({ tabId: 7, tabUrl: 'https://tab.example/', tabStatus: ready })).toEqual({ state: { phase: 'ready', status: ready.value, url: report.url }, tabId: 7 });
    expect(firstState({ tabId: 7, tabUrl: 'https://tab.example/', tabStatus: { ok: true, value: { state: 'not-article', url: 'https://p.example/', title: '', signals: [] } } })?.state).toMatchObject({ url: 'https://p.example/' });
    expect(firstState({ tabId: 7, tabUrl: null, tabStatus: { ok: false, error: 'boom' } })).toEqual({ state: { phase: 'error', message: 'boom' }, tabId: 7 });
    // Unknown needs the page asked (with retries), and no answer at all is the effect's error to word.
    expect(firstState({ tabId: 7, tabUrl: null, tabStatus: { ok: true, value: { state: 'unknown' } } })).toBeNull();
    expect(firstState({ tabId: 7, tabUrl: null, tabStatus: undefined })).toBeNull();
  });

  it('an entity click asks the tab to reveal its first mention', async () => {
    const a = api([{ ok: true, value: { state: 'ready', report } }]);
    render(h(PopupApp, { api: a }), root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=entity] button')).not.toBeNull());
    root.querySelector('[data-testid=entity] button')!.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('click', { bubbles: true }));
    expect(a.reveal).toHaveBeenCalledWith(7, { paragraph: 0, start: 4, end: 11 });
  });
});
