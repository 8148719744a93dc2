/**
 * Where the background's packs come from: the default pack shipped inside the extension (its
 * runtime form, lib/dataset/runtime-pack.ts, emitted next to the worker and fetched from the
 * extension's own origin — never inlined into the worker, never from the network) plus the packs
 * the reader installed (lib/store).
 *
 * The runtime form carries the default pack's knowledge ready-made; knowledgeFor() uses it as is
 * when the default pack is the only pack, and otherwise merges all packs with buildKnowledge.
 */
import type { Pack } from '../dataset/schema';
import { parsePack as parsePackText } from '../dataset/pack';
import { decodeRuntimePack, isRuntimePack, type RuntimePack } from '../dataset/runtime-pack';
import { buildKnowledge, type Knowledge } from '../knowledge';

/** Packs that came from a runtime form, with their ready-made knowledge. */
const prebuilt = new WeakMap<Pack, RuntimePack>();

/**
 * The knowledge of these packs: the ready-made one when a runtime-form pack is alone; else
 * buildKnowledge over all of them (runtime-form packs parsed in full first: later packs may
 * override their entities, and the merged alias table must be built anyway).
 */
export function knowledgeFor(packs: Pack[]): Knowledge {
  if (packs.length === 1) {
    const rt = prebuilt.get(packs[0]!);
    if (rt) return rt.knowledge;
  }
  return buildKnowledge(packs.map((p) => prebuilt.get(p)?.materialize() ?? p));
}

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
 * when the build has no default pack); `resolve` is browser.runtime.getURL. The fetch starts
 * with the worker (entrypoints/background.ts warms the knowledge up at once).
 */
export async function loadPackagedPack(url: string | null, resolve: (path: string) => string, fetchFn: typeof fetch = fetch): Promise<Pack | null> {
  if (!url) return null;
  const abs = /^[a-z-]+:\/\//i.test(url) ? url : resolve(url.startsWith('/') ? url : `/${url}`);
  const start = performance.now();
  const res = await fetchFn(abs);
  if (!res.ok) throw new Error(`default pack: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  performance.measure?.(PACK_FETCH_MEASURE, { start, end: performance.now() });
  return packFromBytes(bytes, 'default pack');
}

/** Performance measures of the default pack's load steps (read by test/bench/browser-startup.bench.ts). */
export const PACK_FETCH_MEASURE = 'backstory:pack-fetch';
export const PACK_INFLATE_MEASURE = 'backstory:pack-inflate';
export const PACK_DECODE_MEASURE = 'backstory:pack-decode';

/**
 * A trusted pack from its file bytes: the runtime form (magic BSRP) or pack JSON, either gzipped
 * or not. Only for packs shipped inside the extension.
 */
export async function packFromBytes(bytes: Uint8Array, label: string): Promise<Pack> {
  const t0 = performance.now();
  const plain = isGzip(bytes) ? await inflate(bytes) : bytes;
  const t1 = performance.now();
  performance.measure?.(PACK_INFLATE_MEASURE, { start: t0, end: t1 });
  if (isRuntimePack(plain)) {
    let rt: RuntimePack;
    try {
      rt = decodeRuntimePack(plain);
    } catch (err) {
      throw new Error(`${label}: ${(err as Error).message}`);
    }
    performance.measure?.(PACK_DECODE_MEASURE, { start: t1, end: performance.now() });
    prebuilt.set(rt.pack, rt);
    return rt.pack;
  }
  return parsePack(new TextDecoder().decode(plain), label, true);
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Inflate gzip bytes: write them once and collect the chunks (measured in Chromium's worker
 * ~1.4–2× faster than Blob stream → DecompressionStream → Response).
 */
export async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const ds = new DecompressionStream('gzip');
  const writer = ds.writable.getWriter();
  const written = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const reader = ds.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
  }
  await written; // surfaces a write error (corrupt data also rejects the read above)
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

/** The pack's text from its file bytes: gzip (magic 1f 8b) is inflated, anything else read as UTF-8. */
export async function packText(bytes: Uint8Array): Promise<string> {
  return new TextDecoder().decode(isGzip(bytes) ? await inflate(bytes) : bytes);
}
