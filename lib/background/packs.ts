/**
 * Where the background's packs come from: the default pack shipped inside the extension (a JSON
 * file emitted next to the worker, fetched from the extension's own origin — never inlined into
 * the worker, never from the network) plus the packs the reader installed (lib/store).
 */
import { Pack } from '../dataset/schema';

/** Parse and validate a pack's JSON text; the error names what was wrong. */
export function parsePack(text: string, label: string): Pack {
  const parsed = Pack.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${label}: invalid pack at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'bad shape'}`);
  }
  return parsed.data;
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
  return parsePack(await res.text(), 'default pack');
}
