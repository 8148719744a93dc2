/**
 * The popup's container: finds the tab (`?tabId=N` or the active tab), asks the background for its
 * status, binds the settings, and hands everything to PopupView. Browser access goes through a
 * PopupApi so tests can pass a fake one.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { PageStatus, Result, TabStatus } from '../../lib/messaging';
import { siteOf, type ReaderSettings } from '../../lib/page/activation';
import { useReaderSettings } from './settings';
import { PopupView, type PopupState, type RevealTarget } from './PopupView';
import type { EarlyArrivals } from './early';

export interface PopupApi {
  /** The tab the popup is about, or null when there is none. */
  tabId(): Promise<number | null>;
  tabUrl(tabId: number): Promise<string | null>;
  tabStatus(tabId: number): Promise<Result<TabStatus>>;
  /** The content script's own view (ui:get-page-status); null when nothing answers there. */
  pageStatus(tabId: number): Promise<PageStatus | null>;
  reveal(tabId: number, target: RevealTarget): Promise<void>;
  /** The toggle-opinion shortcut: '' when unassigned, null when unknown. */
  shortcut(): Promise<string | null>;
  /**
   * The settings as already read (components/popup/early.ts), for the first render: the live
   * items answer only after the first paint. Optional; without it the items alone decide.
   */
  settings?(): Promise<ReaderSettings>;
  /**
   * The early requests' answers already in (components/popup/early.ts), read synchronously for
   * the first render (firstState). Optional; without it everything is asked for.
   */
  arrived?(): EarlyArrivals;
  openOptions(): Promise<void>;
}

/** The view for a status the background (or its mirror) gave; `unknown` needs the page asked first. */
function shown(status: TabStatus, tabUrl: string | null): PopupState {
  const url = status.state === 'ready' ? (status.report.url ?? tabUrl) : status.state === 'not-article' ? status.url : tabUrl;
  return { phase: 'ready', status, url };
}

/**
 * The popup's first state from answers already in, or null when something is still to be asked:
 * the tab, its URL and a status other than `unknown` (which needs the page asked, with retries).
 * The effect in PopupApp reaches the same state from the same answers, a render later.
 */
export function firstState(arrived: EarlyArrivals): { state: PopupState; tabId: number | null } | null {
  if (!('tabId' in arrived)) return null;
  const tabId = arrived.tabId ?? null;
  if (tabId === null) return { state: { phase: 'ready', status: { state: 'unknown' }, url: null }, tabId };
  const res = arrived.tabStatus;
  if (!('tabUrl' in arrived) || !res) return null;
  if (!res.ok) return { state: { phase: 'error', message: res.error }, tabId };
  if (res.value.state === 'unknown') return null;
  return { state: shown(res.value, arrived.tabUrl ?? null), tabId };
}

/** How often to ask again while the page is still being analysed (the popup may open first). */
const RETRY_MS = 600;
/** Enough to outlast the content script's wait for late content on app shells (6 s). */
const RETRIES = 12;
/** A page that doesn't answer at all: give a loading tab's content script a moment to start. */
const RETRIES_UNREACHABLE = 2;

export function PopupApp({ api }: { api: PopupApi }) {
  // What the early requests already answered (their snapshot at mount), so the first render can
  // be the one with data.
  const [arrived] = useState(() => api.arrived?.() ?? {});
  const [first] = useState(() => firstState(arrived));
  const [state, setState] = useState<PopupState>(first?.state ?? { phase: 'loading' });
  const [tabId, setTabId] = useState<number | null>(first?.tabId ?? null);
  const [shortcut, setShortcut] = useState<string | null>(arrived.shortcut ?? null);
  // The early read (components/popup/early.ts) first, then live: storage.local straight from
  // the browser (components/popup/settings.ts).
  const [settings, setSetting] = useReaderSettings(api, arrived.settings);
  // Layout effects: they run right after the first render, not after the next frame plus a
  // timer (Preact's useEffect), and the answers they wait for are usually in flight already
  // (components/popup/early.ts), so the render with data follows as soon as they arrive.

  useLayoutEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (!('shortcut' in arrived)) void api.shortcut().then((s) => live && setShortcut(s), () => undefined);
    if (first) {
      // Rendered with data already; the bench's mark for when the status was in.
      performance.mark?.('popup:status');
      return;
    }
    (async () => {
      const id = await api.tabId();
      if (!live) return;
      if (id == null) {
        setState({ phase: 'ready', status: { state: 'unknown' }, url: null });
        return;
      }
      setTabId(id);
      // The tab's URL and its status are asked for at once: each is a round trip to the browser
      // (the status one goes on to the page), and the first render waits for both.
      const tabUrlAsked = api.tabUrl(id).catch(() => null);
      const statusOf = () => api.tabStatus(id).catch((e: unknown) => ({ ok: false as const, error: String(e) }));
      let firstStatus: ReturnType<typeof statusOf> | null = statusOf();
      const tabUrl = await tabUrlAsked;
      let tries = 0;
      const ask = async () => {
        const res = await (firstStatus ?? statusOf());
        firstStatus = null;
        if (!live) return;
        if (tries === 0) performance.mark?.('popup:status');
        if (!res.ok) {
          setState({ phase: 'error', message: res.error });
          return;
        }
        const status = res.value;
        if (status.state !== 'unknown') {
          setState(shown(status, tabUrl));
          return;
        }
        const url = tabUrl;
        // The background knows nothing: pages that fail the cheap gate never tell it. Ask the page.
        const page = await api.pageStatus(id).catch(() => null);
        if (!live) return;
        const again = page?.state !== 'not-article' && tries++ < (page ? RETRIES : RETRIES_UNREACHABLE);
        // While asking again the view shows loading; after the last try, what is known.
        // Without the tabs permission the tab's URL is unknown; the page says where it is.
        const pageUrl = url ?? (page?.state === 'not-article' ? (page.url ?? null) : null);
        setState({ phase: 'ready', status, url: pageUrl, page: page ?? 'unreachable', final: !again });
        if (again) timer = setTimeout(() => void ask(), RETRY_MS);
      };
      await ask();
    })().catch((e: unknown) => live && setState({ phase: 'error', message: String(e) }));
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
    };
  }, [api]);

  const onNow = settings?.enabled;
  const sitesNow = settings?.disabledSites;
  const highlightNow = settings?.opinionHighlight;
  const url = state.phase === 'ready' ? state.url : null;
  const site = url ? siteOf(url) : null;
  const siteEnabled = !site || !(sitesNow ?? []).includes(site);
  const settingsReady = onNow !== undefined && sitesNow !== undefined && highlightNow !== undefined;

  return (
    <PopupView
      state={settingsReady ? state : { phase: 'loading' }}
      enabled={onNow ?? true}
      site={site}
      siteEnabled={siteEnabled}
      opinionHighlight={highlightNow ?? false}
      shortcut={shortcut}
      onReveal={(target) => {
        if (tabId != null) void api.reveal(tabId, target).catch(() => undefined);
      }}
      onHighlightChange={(v) => void setSetting('opinionHighlight', v)}
      onSiteChange={(v) => {
        if (!site) return;
        const rest = (sitesNow ?? []).filter((s) => s !== site);
        void setSetting('disabledSites', v ? rest : [...rest, site]);
      }}
      onOpenOptions={() => void api.openOptions()}
    />
  );
}
