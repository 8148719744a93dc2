/**
 * useSetting(): a WXT storage item as Preact state, kept live (the keyboard command or another
 * page may change it while the popup or options page is open).
 */
import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from 'wxt/utils/storage';

export function useSetting<T, M extends Record<string, unknown>>(item: WxtStorageItem<T, M>): [T | undefined, (value: T) => Promise<void>] {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => {
      if (live) setValue(v);
    });
    const unwatch = item.watch((v) => setValue(v ?? item.fallback));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  const set = async (next: T) => {
    setValue(next);
    await item.setValue(next);
  };
  return [value, set];
}
