/**
 * Where the background's packs come from: the default pack shipped inside the extension (a JSON
 * file emitted next to the worker, fetched from the extension's own origin — never inlined into
 * the worker, never from the network) plus the packs the reader installed (lib/store).
 */
import type { Pack } from '../dataset/schema';
import { parsePack as parsePackText } from '../dataset/pack';

/**
 * Parse a pack's JSON text. The packaged default pack is trusted (validated when it was built,
 * and re-validating ~100k records would stall the worker's first answer); imported packs are not.
 */
export function parsePack(text: string, label: string, trusted = false): Pack {
  const parsed = parsePackText(text, { trusted });
  if (!parsed.ok) throw new Error(`${label}: ${parsed.error}`);
  return parsed.value;
}

/**
 * Fetch the packaged default pack. `url` is the extension-relative path Vite emitted (or null
 * when the build has no default pack); `resolve` is browser.runtime.getURL.
 */
export async function loadPackagedPack(url: string | null, resolve: (path: string) => string, fetchFn: typeof fetch = fetch): Promise<Pack | null> {
  if (!url) return null;
  const abs = /^[a-z-]+:\/\//i.test(url) ? url : resolve(url.startsWith('/') ? url : `/${url}`);
  const res = await fetchFn(abs);
  if (!res.ok) throw new Error(`default pack: HTTP ${res.status}`);
  return parsePack(await res.text(), 'default pack', true);
}
