/**
 * The options page: reading settings, installed packs (list, import, remove), the reading history
 * (pause, excluded sites, delete all) and About (data sources with their licences, privacy).
 * Browser and IndexedDB access goes through an OptionsApi so tests can pass a fake one.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  disabledSites,
  enabled,
  entityMarks,
  historyEnabled,
  historyExcludedSites,
  keyboardLinks,
  opinionHighlight,
} from '../../lib/settings';
import type { Result } from '../../lib/messaging';
import { HISTORY_CAP } from '../../lib/store/history';
import { formatCount, t, tn } from '../i18n';
import { safeHref } from '../safe-href';
import { Switch } from '../Switch';
import { useSetting } from '../useSetting';
import { licenceNames, bundledCredits, type Credit } from './credits';
import { SiteList } from './SiteList';

/** One pack as the page lists it. */
export interface PackInfo {
  id: string;
  name: string;
  version: string;
  entities: number;
  coverage: number;
  licenses: Credit[];
}

/** What `ui:get-dataset-info` answers (lib/messaging DatasetInfo), as far as this page needs it. */
export interface DatasetInfoLike {
  packs: PackInfo[];
}

export interface OptionsApi {
  /** The packs the background has loaded (default + imported), or an error. */
  datasetInfo(): Promise<Result<DatasetInfoLike>>;
  /** The packs the reader imported (the ones that can be removed), from lib/store. */
  importedPacks(): Promise<PackInfo[]>;
  /** A refused file's failure says what it is in a sentence; `detail` keeps the parser's words. */
  installPack(text: string, onProgress: (fraction: number) => void): Promise<Result<PackInfo> | { ok: false; error: string; detail: string }>;
  removePack(id: string): Promise<void>;
  historyCount(): Promise<number>;
  clearHistory(): Promise<void>;
  /** Forget the remembered articles of a site just excluded from history; answers how many. */
  forgetSite(host: string): Promise<number>;
  notify(type: 'ui:packs-changed' | 'ui:history-changed'): Promise<void>;
}

/** Largest pack file the page will read (the default pack is a few MB). */
export const MAX_PACK_BYTES = 64 * 1024 * 1024;

const nf = (n: number) => n.toLocaleString();

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

type InfoState = Result<DatasetInfoLike> | null;

export function OptionsApp({ api }: { api: OptionsApi }) {
  // Asked once here and shared: the packs list and the About credits read the same answer.
  const [info, setInfo] = useState<InfoState>(null);
  const loadInfo = async () => setInfo(await api.datasetInfo().catch((e: unknown) => ({ ok: false as const, error: errorText(e) })));
  useEffect(() => {
    void loadInfo();
  }, [api]);
  return (
    <main class="options">
      <header class="options-head">
        <img src="/icon/48.png" alt="" width={32} height={32} />
        <div>
          <h1>{t('optionsTitle')}</h1>
          <p class="muted">{t('optionsSubtitle')}</p>
        </div>
      </header>
      <SettingsSection />
      <PacksSection api={api} info={info} reloadInfo={loadInfo} />
      <HistorySection api={api} />
      <AboutSection info={info} />
    </main>
  );
}

function SettingsSection() {
  const [on, setOn] = useSetting(enabled);
  const [marks, setMarks] = useSetting(entityMarks);
  const [keys, setKeys] = useSetting(keyboardLinks);
  const [highlight, setHighlight] = useSetting(opinionHighlight);
  const [off, setOff] = useSetting(disabledSites);
  return (
    <section class="card" aria-labelledby="h-settings">
      <h2 id="h-settings">{t('settingsHeading')}</h2>
      <div class="switches">
        <Switch id="s-enabled" testId="setting-enabled" checked={on ?? true} onChange={setOn} label={t('settingEnabled')} hint={t('settingEnabledHint')} />
        <Switch id="s-marks" testId="setting-entity-marks" checked={marks ?? true} onChange={setMarks} label={t('settingMarks')} hint={t('settingMarksHint')} />
        <Switch id="s-keys" testId="setting-keyboard-links" checked={keys ?? false} onChange={setKeys} label={t('settingKeys')} hint={t('settingKeysHint')} />
        <Switch
          id="s-highlight"
          testId="setting-opinion-highlight"
          checked={highlight ?? false}
          onChange={setHighlight}
          label={t('settingHighlight')}
          hint={t('settingHighlightHint')}
        />
      </div>
      <h3>{t('disabledSitesHeading')}</h3>
      <SiteList id="disabled-site" testId="disabled-sites" label={t('disabledSitesAdd')} sites={off ?? []} onChange={(v) => void setOff(v)} />
    </section>
  );
}

export type ImportStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string; progress: number | null }
  | { kind: 'ok'; text: string }
  | { kind: 'error'; text: string; detail?: string };

/**
 * Import one pack file: size check, read, install (validation happens in lib/store: its sentence
 * is shown, with the file's name and the reassurance that nothing changed; the parser's technical
 * words stay available as `detail`), then tell the background. Returns true when a pack was
 * installed.
 */
export async function importPackFile(
  file: { name: string; size: number; text(): Promise<string> },
  api: Pick<OptionsApi, 'installPack' | 'notify'>,
  setStatus: (s: ImportStatus) => void,
): Promise<boolean> {
  try {
    if (file.size > MAX_PACK_BYTES) {
      setStatus({ kind: 'error', text: t('importTooBig', [file.name, Math.ceil(file.size / 1048576), MAX_PACK_BYTES / 1048576]) });
      return false;
    }
    setStatus({ kind: 'busy', text: t('importReading', file.name), progress: null });
    const text = await file.text();
    setStatus({ kind: 'busy', text: t('importInstalling', file.name), progress: 0 });
    const res = await api.installPack(text, (fraction) =>
      setStatus({ kind: 'busy', text: t('importInstalling', file.name), progress: Math.max(0, Math.min(1, fraction)) }),
    );
    if (!res.ok) {
      const text = t('importFailed', [file.name, res.error]);
      setStatus('detail' in res ? { kind: 'error', text, detail: res.detail } : { kind: 'error', text });
      return false;
    }
    await api.notify('ui:packs-changed').catch(() => undefined);
    const v = res.value;
    setStatus({ kind: 'ok', text: t('importDone', [v.name, v.version]) });
    return true;
  } catch (err) {
    setStatus({ kind: 'error', text: errorText(err) });
    return false;
  }
}

function PacksSection({ api, info, reloadInfo }: { api: OptionsApi; info: InfoState; reloadInfo(): Promise<void> }) {
  const [imported, setImported] = useState<PackInfo[]>([]);
  const [status, setStatus] = useState<ImportStatus>({ kind: 'idle' });

  const loadImported = async () => setImported(await api.importedPacks().catch(() => [] as PackInfo[]));
  const refresh = () => Promise.all([reloadInfo(), loadImported()]);
  useEffect(() => {
    void loadImported();
  }, [api]);

  const loadError = info && !info.ok ? info.error : '';
  // Imported packs the background has not loaded yet still show (and can be removed).
  const loaded = new Set(info?.ok ? info.value.packs.map((p) => p.id) : []);
  const packs = info === null ? null : [...(info.ok ? info.value.packs : []), ...imported.filter((p) => !loaded.has(p.id))];

  const onFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (await importPackFile(file, api, setStatus)) await refresh();
    } finally {
      input.value = '';
    }
  };

  const remove = async (pack: PackInfo) => {
    try {
      await api.removePack(pack.id);
      await api.notify('ui:packs-changed').catch(() => undefined);
      setStatus({ kind: 'ok', text: t('packRemoved', pack.name) });
      await refresh();
    } catch (err) {
      setStatus({ kind: 'error', text: errorText(err) });
    }
  };

  return (
    <section class="card" aria-labelledby="h-packs">
      <h2 id="h-packs">{t('packsHeading')}</h2>
      <p class="muted">{t('packsIntro')}</p>
      <ul class="packs" data-testid="packs" aria-busy={packs === null}>
        {packs === null ? <li class="muted">{t('loadingShort')}</li> : null}
        {loadError ? <li class="field-error">{t('packsLoadError', loadError)}</li> : null}
        {packs !== null && packs.length === 0 && !loadError ? <li class="muted">{t('packsNone')}</li> : null}
        {(packs ?? []).map((p) => {
          const removable = imported.some((i) => i.id === p.id);
          return (
            <li class="pack" key={p.id} data-testid="pack" data-pack-id={p.id}>
              <div class="pack-main">
                <p class="pack-name">
                  {p.name} <span class="pack-version">{t('packVersion', p.version)}</span>
                  {removable ? <span class="tag">{t('packImported')}</span> : <span class="tag">{t('packBuiltIn')}</span>}
                </p>
                <p class="pack-counts">{t('packCounts', [nf(p.entities), nf(p.coverage)])}</p>
                {p.licenses.length ? <p class="pack-licenses">{t('packLicenses', licenceNames(p.licenses).join(', '))}</p> : null}
              </div>
              {removable ? (
                <button type="button" class="button danger" aria-label={t('packRemoveLabel', p.name)} onClick={() => void remove(p)}>
                  {t('remove')}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div class="import">
        <label for="pack-import" class="import-label">
          {t('importLabel')}
        </label>
        <p class="muted" id="pack-import-hint">
          {t('importHint', MAX_PACK_BYTES / 1048576)}
        </p>
        <input
          id="pack-import"
          type="file"
          accept=".json,application/json"
          data-testid="pack-import"
          aria-describedby="pack-import-hint"
          disabled={status.kind === 'busy'}
          onChange={(e) => void onFile(e)}
        />
        {status.kind === 'busy' ? (
          <progress class="import-progress" max={1} value={status.progress ?? undefined} aria-label={t('importProgress')} />
        ) : null}
        <p class={`import-status status-${status.kind}`} data-testid="import-status" role="status" aria-live="polite">
          {status.kind === 'idle' ? '' : status.text}
        </p>
        {status.kind === 'error' && status.detail ? (
          <details class="import-detail" data-testid="import-detail">
            <summary>{t('importDetail')}</summary>
            <code>{status.detail}</code>
          </details>
        ) : null}
      </div>
    </section>
  );
}

function HistorySection({ api }: { api: OptionsApi }) {
  const [on, setOn] = useSetting(historyEnabled);
  const [excluded, setExcluded] = useSetting(historyExcludedSites);
  const [count, setCount] = useState<number | null>(null);
  const [status, setStatus] = useState('');
  // Deleting every remembered article cannot be undone: the first click asks, in place.
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const clearRef = useRef<HTMLButtonElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const asked = useRef(false);
  const deleting = useRef(false);
  useEffect(() => {
    // Focus to Cancel when asking, and back to the button when the question goes (else it falls to
    // the page). After a deletion clear() moves it: the button is about to be disabled.
    if (confirming) cancelRef.current?.focus();
    else if (asked.current && !deleting.current) clearRef.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  const refresh = () =>
    api.historyCount().then(
      (n) => setCount(n),
      () => setCount(null),
    );
  useEffect(() => {
    void refresh();
  }, [api]);
  const clear = async () => {
    deleting.current = true;
    setConfirming(false);
    try {
      await api.clearHistory();
      await api.notify('ui:history-changed').catch(() => undefined);
      setStatus(t('historyCleared'));
    } catch (err) {
      setStatus(errorText(err));
    }
    await refresh();
    // The result line takes the focus: the emptied history disables the button, and a disabled
    // button's focus falls to the top of the page, away from where the keyboard user was.
    deleting.current = false;
    statusRef.current?.focus();
  };
  // "Never remember" a site also forgets what was already remembered from it: otherwise its
  // articles went on showing as "You read this" on later pages, against the reader's choice.
  const exclude = async (sites: string[]) => {
    const added = sites.filter((s) => !(excluded ?? []).includes(s));
    await setExcluded(sites);
    try {
      for (const host of added) {
        const n = await api.forgetSite(host);
        if (n > 0) {
          await api.notify('ui:history-changed').catch(() => undefined);
          setStatus(tn('historyForgotSite', n, [host]));
        }
      }
    } catch (err) {
      setStatus(errorText(err));
    }
    await refresh();
  };
  return (
    <section class="card" aria-labelledby="h-history">
      <h2 id="h-history">{t('historyHeading')}</h2>
      <p class="muted">
        {t('historyIntro')} {t('historyKeepsNewest', formatCount(HISTORY_CAP))}
      </p>
      <div class="switches">
        <Switch id="s-history" testId="history-enabled" checked={on ?? true} onChange={setOn} label={t('historyEnabled')} hint={t('historyEnabledHint')} />
      </div>
      <div class="history-count">
        <span data-testid="history-count">{count === null ? t('historyCountUnknown') : tn('historyCount', count)}</span>
        {confirming ? null : (
          <button type="button" class="button danger" ref={clearRef} data-testid="history-clear" disabled={count === 0} onClick={() => setConfirming(true)}>
            {t('historyClear')}
          </button>
        )}
      </div>
      {confirming ? (
        <div
          class="history-confirm"
          role="group"
          aria-labelledby="history-confirm-q"
          data-testid="history-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape') setConfirming(false);
          }}
        >
          <p id="history-confirm-q">{count === null ? t('historyClearAskUnknown') : tn('historyClearAsk', count)}</p>
          <div class="history-confirm-buttons">
            <button type="button" class="button" ref={cancelRef} data-testid="history-clear-cancel" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
            <button type="button" class="button danger" data-testid="history-clear-confirm" onClick={() => void clear()}>
              {t('historyClearYes')}
            </button>
          </div>
        </div>
      ) : null}
      <p class="history-status" role="status" aria-live="polite" tabIndex={-1} ref={statusRef} data-testid="history-status">
        {status}
      </p>
      <h3>{t('historyExcludedHeading')}</h3>
      <SiteList id="history-site" testId="history-excluded" label={t('historyExcludedAdd')} sites={excluded ?? []} onChange={(v) => void exclude(v)} />
    </section>
  );
}

/** Notices longer than this show their opening words, with the whole text one click away. */
const NOTICE_PREVIEW = 280;

/** A licence notice: short ones whole; long ones (full MIT/BSD texts) as a preview plus a "Full notice" disclosure. */
function Attribution({ text }: { text: string }) {
  if (text.length <= NOTICE_PREVIEW * 1.3) return <p class="credit-attribution">{text}</p>;
  const cut = text.slice(0, NOTICE_PREVIEW);
  const preview = `${cut.slice(0, Math.max(cut.lastIndexOf(' '), NOTICE_PREVIEW / 2)).replace(/[\s,;:.]+$/, '')}…`;
  return (
    <details class="credit-attribution" data-testid="license-notice">
      <summary>
        <span class="credit-preview">{preview}</span> <span class="credit-more">{t('creditFullNotice')}</span>
      </summary>
      <p class="credit-full">{text}</p>
    </details>
  );
}

function AboutSection({ info }: { info: InfoState }) {
  const seen = new Map<string, Credit>();
  if (info?.ok) for (const p of info.value.packs) for (const l of p.licenses) if (!seen.has(`${l.id}|${l.covers}`)) seen.set(`${l.id}|${l.covers}`, l);
  const licenses = [...seen.values()];
  const credits = [...licenses, ...bundledCredits()];
  return (
    <section class="card" aria-labelledby="h-about" data-testid="about">
      <h2 id="h-about">{t('aboutHeading')}</h2>
      <p>{t('aboutWhat')}</p>
      <h3>{t('privacyHeading')}</h3>
      <ul class="privacy">
        <li>{t('privacyNoNetwork')}</li>
        <li>{t('privacyNoAnalytics')}</li>
        <li>{t('privacyLocal')}</li>
        <li>{t('privacyErase')}</li>
      </ul>
      <h3>{t('creditsHeading')}</h3>
      <p class="muted">{t('creditsIntro')}</p>
      <ul class="credits" data-testid="licenses">
        {credits.map((c) => {
          const href = c.url ? safeHref(c.url) : undefined;
          return (
            <li key={`${c.id}|${c.covers}`} data-testid="license">
              <p class="credit-covers">{c.covers}</p>
              <p class="credit-license">
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    {c.license}
                  </a>
                ) : (
                  c.license
                )}
              </p>
              <Attribution text={c.attribution} />
            </li>
          );
        })}
      </ul>
      <p class="muted">{t('creditsCode')}</p>
    </section>
  );
}
