/**
 * The reader settings the popup shows and switches (on/off, per-site, opinion highlighting), read
 * and written as storage.local holds them, under the keys and with the fallbacks of lib/settings.ts's
 * items (lib/page/activation.ts; test/page-reader-settings.test.ts holds them together), so
 * the popup needs neither WXT storage nor the polyfill (components/popup/ext.ts).
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { READER_SETTING_KEYS, readerSettingsOf, type ReaderSettings } from '../../lib/page/activation';
import type { StorageChanges } from '../../lib/page/ext-api';
import { popupBrowser } from './ext';

/** The settings the popup writes (each is its own storage.local key). */
export type PopupSettingKey = 'disabledSites' | 'opinionHighlight';

/**
 * The settings, live: first from `source.settings()` (the read the popup's first module already
 * started, components/popup/early.ts) or
 * one read here, then read again whenever another page or the keyboard command changes them.
 * Null until the first answer. The setter shows the new value at once and stores it.
 */
export function useReaderSettings(source: { settings?(): Promise<ReaderSettings> }, arrived?: ReaderSettings): [ReaderSettings | null, <K extends PopupSettingKey>(key: K, value: ReaderSettings[K]) => Promise<void>] {
  // `arrived`: that early read's answer, if already in (the first render uses it; not read again).
  const [settings, setSettings] = useState<ReaderSettings | null>(arrived ?? null);
  useLayoutEffect(() => {
    let live = true;
    const storage = popupBrowser().storage;
    const read = (): Promise<ReaderSettings> => storage.local.get(READER_SETTING_KEYS).then(readerSettingsOf);
    const show = (p: Promise<ReaderSettings>): void => void p.then((s) => live && setSettings(s), () => undefined);
    if (!arrived) show(source.settings ? source.settings() : read());
    const onChanged = (changes: StorageChanges, area: string): void => {
      if (area === 'local' && READER_SETTING_KEYS.some((key) => key in changes)) show(read());
    };
    storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      storage.onChanged.removeListener(onChanged);
    };
  }, [source]);
  const set = async <K extends PopupSettingKey>(key: K, value: ReaderSettings[K]): Promise<void> => {
    setSettings((now) => (now ? { ...now, [key]: value } : now));
    await popupBrowser().storage.local.set({ [key]: value });
  };
  return [settings, set];
}
