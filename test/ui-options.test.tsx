/**
 * The options page: packs with counts and licences (remove only for imported ones), import errors
 * as a plain sentence (the parser's words folded away), the size limit, deleting history, and the
 * About section's credits. Renders the real OptionsApp into a linkedom document with a fake
 * OptionsApi.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h, render } from 'preact';
import { importPackFile, MAX_PACK_BYTES, OptionsApp, type ImportStatus, type OptionsApi } from '../components/options/OptionsApp';
import { hostnameOf } from '../components/options/SiteList';
import { licenceNames, bundledCredits } from '../components/options/credits';
import { packInfoOf } from '../components/options/api';
import { mountAppRoot, unmountAppRoot } from './_app-root';
import { HISTORY_CAP } from '../lib/store/history';
import { formatCount } from '../components/i18n';

let document: Document;
let root: Element;

beforeEach(() => {
  ({ document, root } = mountAppRoot());
});

afterEach(() => {
  unmountAppRoot(root);
});

const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const settle = () => new Promise((r) => setTimeout(r, 30));

function fakeApi(over: Partial<OptionsApi> = {}): OptionsApi {
  return {
    datasetInfo: vi.fn(async () => ({
      ok: true as const,
      value: {
        packs: [
          {
            id: 'default',
            name: 'Backstory default pack',
            version: '2026.12.06',
            entities: 2253,
            coverage: 30112,
            licenses: [{ id: 'geo', covers: 'Places and capitals', license: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/', attribution: 'Example Gazetteer contributors' }],
          },
          { id: 'mine', name: 'My local pack', version: '1', entities: 12, coverage: 40, licenses: [] },
        ],
      },
    })),
    importedPacks: vi.fn(async () => [{ id: 'mine', name: 'My local pack', version: '1', entities: 12, coverage: 40, licenses: [] }]),
    installPack: vi.fn(async () => ({ ok: true as const, value: { id: 'new', name: 'New', version: '2', entities: 1, coverage: 0, licenses: [] } })),
    removePack: vi.fn(async () => undefined),
    historyCount: vi.fn(async () => 7),
    clearHistory: vi.fn(async () => undefined),
    forgetSite: vi.fn(async () => 0),
    notify: vi.fn(async () => undefined),
    ...over,
  };
}

describe('OptionsApp', () => {
  it('lists packs with counts, versions and licences; only imported packs can be removed', async () => {
    const api = fakeApi();
    render(h(OptionsApp, { api }), root);
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid=pack]').length).toBe(2));
    const packs = [...root.querySelectorAll('[data-testid=packs] [data-testid=pack]')];
    expect(packs).toHaveLength(2);
    expect(text(packs[0])).toContain('Backstory default pack');
    expect(text(packs[0])).toContain('2026.12.06');
    expect(text(packs[0])).toMatch(/2,?253 names/);
    expect(text(packs[0])).toContain('CC BY 4.0');
    expect(packs[0]!.querySelector('button')).toBeNull();
    expect(packs[1]!.querySelector('button')).not.toBeNull();
    expect(root.querySelector('input[type=file][data-testid=pack-import]')).not.toBeNull();
    expect(root.querySelector('[data-testid=import-status]')).not.toBeNull();
    expect(api.datasetInfo).toHaveBeenCalledTimes(1);
  });

  it('a refused file shows a plain sentence, with the parser detail folded in a disclosure', async () => {
    const detail = 'entities[3] (id "Q1").type: expected one of "person", "organization"';
    const api = fakeApi({ installPack: vi.fn(async () => ({ ok: false as const, error: 'This pack is damaged: the entity “Q1” (no. 4) is not valid, so the pack cannot be installed.', detail })) });
    render(h(OptionsApp, { api }), root);
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid=pack]').length).toBe(2));
    expect(root.querySelector('[data-testid=import-detail]')).toBeNull();
    const input = root.querySelector('[data-testid=pack-import]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [{ name: 'broken.json', size: 10, text: async () => '{}' }], configurable: true });
    input.dispatchEvent(new document.defaultView!.Event('change'));
    await vi.waitFor(() => expect(text(root.querySelector('[data-testid=import-status]'))).toContain('Could not import “broken.json”'));
    const status = text(root.querySelector('[data-testid=import-status]'));
    expect(status).toContain('the entity “Q1” (no. 4) is not valid');
    expect(status).not.toContain('expected one of');
    const disclosure = root.querySelector('details[data-testid=import-detail]');
    expect(disclosure).not.toBeNull();
    expect(disclosure!.hasAttribute('open')).toBe(false);
    expect(text(disclosure!.querySelector('summary'))).toBe('Technical detail');
    expect(text(disclosure!.querySelector('code'))).toBe(detail);
    // Still the same pack list: nothing was removed or added.
    expect(root.querySelectorAll('[data-testid=pack]')).toHaveLength(2);
  });

  it('removing an imported pack tells the background', async () => {
    const api = fakeApi();
    render(h(OptionsApp, { api }), root);
    await vi.waitFor(() => expect(root.querySelector('[data-pack-id=mine] button')).not.toBeNull());
    const button = root.querySelector('[data-pack-id=mine] button')!;
    button.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('click', { bubbles: true }));
    await settle();
    expect(api.removePack).toHaveBeenCalledWith('mine');
    expect(api.notify).toHaveBeenCalledWith('ui:packs-changed');
  });

  it('says how many articles the history keeps before the oldest are forgotten', async () => {
    render(h(OptionsApp, { api: fakeApi() }), root);
    await settle();
    const section = text(root.querySelector('[aria-labelledby=h-history]'));
    // The number is the store's own cap, formatted for the reader, not a copy of it in the message.
    expect(section).toContain(`newest ${formatCount(HISTORY_CAP)} are kept`);
    expect(section).toMatch(/newest 10,000 are kept/);
  });

  it('deletes all history and tells the background', async () => {
    let n = 7;
    const api = fakeApi({ historyCount: vi.fn(async () => n), clearHistory: vi.fn(async () => void (n = 0)) });
    render(h(OptionsApp, { api }), root);
    await vi.waitFor(() => expect(text(root.querySelector('[data-testid=history-count]'))).toContain('7'));
    const press = async (id: string) => {
      root.querySelector(`[data-testid=${id}]`)!.dispatchEvent(new (document.defaultView as unknown as typeof globalThis).Event('click', { bubbles: true }));
      await settle();
    };
    // One click only asks (it cannot be undone), with the focus on Cancel; Cancel takes it back.
    const focused: (string | null)[] = [];
    const HTMLElementOfPage = (root.ownerDocument.defaultView as unknown as typeof globalThis).HTMLElement;
    vi.spyOn(HTMLElementOfPage.prototype, 'focus').mockImplementation(function (this: HTMLElement) {
      focused.push(this.getAttribute('data-testid'));
    });
    await press('history-clear');
    expect(api.clearHistory).not.toHaveBeenCalled();
    expect(text(root.querySelector('[data-testid=history-confirm]'))).toContain('Delete all 7 remembered articles?');
    await vi.waitFor(() => expect(focused).toEqual(['history-clear-cancel']));
    await press('history-clear-cancel');
    expect(root.querySelector('[data-testid=history-confirm]')).toBeNull();
    await vi.waitFor(() => expect(focused).toEqual(['history-clear-cancel', 'history-clear']));
    expect(api.clearHistory).not.toHaveBeenCalled();
    await press('history-clear');
    await press('history-clear-confirm');
    expect(api.clearHistory).toHaveBeenCalledTimes(1);
    expect(api.notify).toHaveBeenCalledWith('ui:history-changed');
    expect(text(root.querySelector('[data-testid=history-count]'))).toContain('0');
    // Nothing left to delete: the button says so by being off.
    expect((root.querySelector('[data-testid=history-clear]') as HTMLButtonElement).disabled).toBe(true);
    // The focus goes to the result line, not to the disabled button (it would fall to the page's top).
    await vi.waitFor(() => expect(focused.slice(2)).toEqual(['history-clear-cancel', 'history-status']));
    expect(text(root.querySelector('[data-testid=history-status]'))).toBe('Reading history deleted.');
  });

  it('excluding a site forgets what was remembered from it and says how much', async () => {
    let n = 7;
    const api = fakeApi({ historyCount: vi.fn(async () => n), forgetSite: vi.fn(async () => ((n -= 2), 2)) });
    render(h(OptionsApp, { api }), root);
    await vi.waitFor(() => expect(text(root.querySelector('[data-testid=history-count]'))).toContain('7'));
    const input = root.querySelector('#history-site') as HTMLInputElement;
    const win = document.defaultView as unknown as typeof globalThis;
    input.value = 'https://www.ledger.example/world/story';
    input.dispatchEvent(new win.Event('input', { bubbles: true }));
    await settle();
    input.closest('form')!.dispatchEvent(new win.Event('submit', { bubbles: true, cancelable: true }));
    await vi.waitFor(() => expect(text(root.querySelector('[data-testid=history-status]'))).toBe('Forgot the 2 articles already remembered from www.ledger.example.'));
    expect(api.forgetSite).toHaveBeenCalledWith('www.ledger.example');
    expect(api.notify).toHaveBeenCalledWith('ui:history-changed');
    expect(text(root.querySelector('[data-testid=history-count]'))).toContain('5');
  });

  it('About lists the packs’ licences, the opinion data credit and the privacy statement', async () => {
    render(h(OptionsApp, { api: fakeApi() }), root);
    await vi.waitFor(() => expect(text(root.querySelector('[data-testid=about]'))).toContain('Example Gazetteer'));
    const about = root.querySelector('[data-testid=about]');
    expect(text(about)).toContain('Example Gazetteer contributors');
    expect(text(about)).toContain('NewsSD-ENG');
    expect(text(about)).toContain('CC BY 4.0');
    expect(text(about)).toMatch(/no network/i);
    expect(text(about)).toMatch(/no analytics/i);
  });
});

describe('About: long licence notices', () => {
  it('a full licence text shows its opening words and the whole under "Full notice"; short ones stay whole', async () => {
    const notice = `Copyright (c) 2024 Example Authors. ${'Permission is hereby granted, free of charge, to any person obtaining a copy of this data. '.repeat(8)}THE END.`;
    const api = fakeApi({
      datasetInfo: vi.fn(async () => ({
        ok: true as const,
        value: { packs: [{ id: 'p', name: 'Pack', version: '1', entities: 1, coverage: 0, licenses: [
          { id: 'mit', covers: 'MIT notices', license: 'MIT', attribution: notice },
          { id: 'geo', covers: 'Places', license: 'CC BY 4.0', attribution: 'Example Gazetteer contributors' },
        ] }] },
      })),
    });
    render(h(OptionsApp, { api }), root);
    await vi.waitFor(() => expect(root.querySelector('[data-testid=license-notice]')).not.toBeNull());
    const details = root.querySelector('[data-testid=license-notice]')!;
    expect(details.localName).toBe('details');
    const summary = text(details.querySelector('summary'));
    expect(summary.startsWith('Copyright (c) 2024 Example Authors.')).toBe(true);
    expect(summary).toContain('Full notice');
    expect(summary.length).toBeLessThan(320);
    expect(text(details.querySelector('.credit-full'))).toBe(notice.replace(/\s+/g, ' ').trim());
    expect(root.querySelectorAll('[data-testid=license-notice]')).toHaveLength(1);
    expect(text(root.querySelector('[data-testid=about]'))).toContain('Example Gazetteer contributors');
  });
});

describe('importPackFile', () => {
  const file = (body: string, size = body.length) => ({ name: 'pack.json', size, text: async () => body });

  it('says which file failed and that nothing changed, keeping the technical detail apart', async () => {
    const statuses: ImportStatus[] = [];
    const reply = { ok: false as const, error: 'This file is not a Backstory pack.', detail: 'format: expected "backstory-pack", got undefined' };
    const api = { installPack: vi.fn(async () => reply), notify: vi.fn(async () => undefined) };
    expect(await importPackFile(file('{}'), api, (s) => statuses.push(s))).toBe(false);
    expect(statuses.at(-1)).toEqual({
      kind: 'error',
      text: 'Could not import “pack.json”. This file is not a Backstory pack. Your installed packs are unchanged.',
      detail: reply.detail,
    });
    expect(api.notify).not.toHaveBeenCalled();
  });

  it('a refusal without detail (storage full) has none', async () => {
    const statuses: ImportStatus[] = [];
    const api = { installPack: vi.fn(async () => ({ ok: false as const, error: 'Not enough storage space.' })), notify: vi.fn(async () => undefined) };
    await importPackFile(file('{}'), api, (s) => statuses.push(s));
    expect(statuses.at(-1)).toEqual({ kind: 'error', text: 'Could not import “pack.json”. Not enough storage space. Your installed packs are unchanged.' });
  });

  it('a thrown error is shown as its message', async () => {
    const statuses: ImportStatus[] = [];
    const api = { installPack: vi.fn(async () => Promise.reject(new Error('Unexpected token } in JSON'))), notify: vi.fn(async () => undefined) };
    await importPackFile(file('}'), api, (s) => statuses.push(s));
    expect(statuses.at(-1)).toEqual({ kind: 'error', text: 'Unexpected token } in JSON' });
  });

  it('refuses files over the size limit without reading them', async () => {
    const statuses: ImportStatus[] = [];
    const api = { installPack: vi.fn(), notify: vi.fn() };
    await importPackFile(file('{}', MAX_PACK_BYTES + 1), api, (s) => statuses.push(s));
    expect(statuses.at(-1)?.kind).toBe('error');
    expect(api.installPack).not.toHaveBeenCalled();
  });

  it('reports progress and success, then notifies packs-changed', async () => {
    const statuses: ImportStatus[] = [];
    const api = {
      installPack: vi.fn(async (_t: string, onProgress: (f: number) => void) => {
        onProgress(0.5);
        return { ok: true as const, value: { id: 'p', name: 'My pack', version: '3', entities: 1, coverage: 0, licenses: [] } };
      }),
      notify: vi.fn(async () => undefined),
    };
    expect(await importPackFile(file('{}'), api, (s) => statuses.push(s))).toBe(true);
    expect(statuses.some((s) => s.kind === 'busy' && s.progress === 0.5)).toBe(true);
    expect(statuses.at(-1)).toEqual({ kind: 'ok', text: 'Installed “My pack” (version 3).' });
    expect(api.notify).toHaveBeenCalledWith('ui:packs-changed');
  });
});

describe('helpers', () => {
  it.each([
    ['example.com', 'example.com'],
    ['https://www.Example.com/path?q=1', 'www.example.com'],
    ['  news.example.org ', 'news.example.org'],
    ['localhost', 'localhost'],
    ['not a site', null],
    ['', null],
  ])('hostnameOf(%j) = %j', (input, host) => {
    expect(hostnameOf(input)).toBe(host);
  });

  it('packInfoOf reads lib/store pack summaries', () => {
    const summary = { id: 'p', name: 'P', version: '1.2', counts: { entities: 3, coverage: 4, coverageWithProse: 0 }, licenses: [], installedAt: 0, chars: 10 };
    expect(packInfoOf(summary)).toEqual({ id: 'p', name: 'P', version: '1.2', entities: 3, coverage: 4, licenses: [] });
  });

  it('credits GloVe only when the model says it uses it, and always the CLDR region names the cards use', () => {
    expect(bundledCredits('trained on NewsSD-ENG').map((c) => c.id)).toEqual(['newssd-eng', 'unicode-cldr']);
    expect(bundledCredits('with GloVe vectors').map((c) => c.id)).toEqual(['newssd-eng', 'unicode-cldr', 'glove']);
    expect(bundledCredits('').find((c) => c.id === 'unicode-cldr')?.attribution).toMatch(/Unicode License v3/);
  });
});

describe('a pack’s licence summary', () => {
  it('names each licence once, without the per-source notes', () => {
    const licenses = [
      { license: 'CC0 1.0 (Wikidata, unitedstates/congress-legislators) · MIT (OpenSanctions rigour, annexare/Countries) · CC BY 4.0 (GeoNames)' },
      { license: 'CC BY-SA 4.0' },
      { license: 'CC0 1.0 · MIT · PDDL 1.0' },
    ];
    expect(licenceNames(licenses)).toEqual(['CC0 1.0', 'MIT', 'CC BY 4.0', 'CC BY-SA 4.0', 'PDDL 1.0']);
  });
});
