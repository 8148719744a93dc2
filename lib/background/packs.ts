/**
 * Where the background's packs come from: the default pack shipped inside the extension (its
 * runtime form, lib/dataset/runtime-pack.ts, emitted next to the worker and fetched from the
 * extension's own origin — never inlined into the worker, never from the network) plus the packs
 * the reader installed (lib/store). After its first load the default pack's inflated image is kept
 * in IndexedDB (lib/background/pack-cache.ts) and later worker starts read it from there.
 *
 * The runtime form carries the default pack's knowledge ready-made; knowledgeFor() uses it as is
 * when the default pack is the only pack, and otherwise merges all packs with buildKnowledge.
 */
import type { Pack } from '../dataset/schema';
import { parsePack as parsePackText } from '../dataset/pack';
import { decodeRuntimePack, isRuntimePack, runtimeImageKey, type RuntimePack } from '../dataset/runtime-pack';
import type { ImageBytes } from '../dataset/binary-image';
import { sha256Hex, type PackCache } from './pack-cache';
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
 * Every pack the background uses, in override order: the packaged default pack first, then the
 * installed packs (later packs override earlier ones in knowledgeFor). Both loads start at once,
 * so the file fetch and the IndexedDB read overlap; either may fail without losing the other.
 */
export async function loadAllPacks(
  loadDefault: () => Promise<Pack | null>,
  loadInstalled: () => Promise<Pack[]>,
  log: (...args: unknown[]) => void,
): Promise<Pack[]> {
  const [def, installed] = await Promise.all([
    Promise.resolve().then(loadDefault).catch((err: unknown) => {
      log('default pack failed to load', err);
      return null;
    }),
    Promise.resolve().then(loadInstalled).catch((err: unknown) => {
      log('installed packs failed to load', err);
      return [] as Pack[];
    }),
  ]);
  return def ? [def, ...installed] : installed;
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

/** The decoded-image cache as loadPackagedPack uses it: the build's key and the store. */
export interface PackCacheUse {
  /** The image's key from the build (`v<layout>-<sha256 hex>`, lib/build/default-pack-plugin.ts). */
  key: string;
  cache: PackCache;
  /** How long after a load the image is written (shards) or checked (cache); default CACHE_WRITE_DELAY_MS. */
  writeDelayMs?: number;
  /** Called when a cached image that was handed out fails its SHA-256 check (entry already dropped). */
  onCorrupt?: () => void;
}

/**
 * The write waits this long after the shards were decoded, so it does not compete with the first
 * article (which is waiting for this knowledge) for the worker.
 */
export const CACHE_WRITE_DELAY_MS = 1000;

/**
 * Fetch the packaged default pack. `url` is the extension-relative path Vite emitted, or the
 * paths of its shards in order (or null when the build has no default pack); `resolve` is
 * browser.runtime.getURL. The fetch starts with the worker (entrypoints/background.ts warms the
 * knowledge up at once). The body is inflated while it arrives (streamed into
 * DecompressionStream), so reading the file and inflating it overlap instead of running one
 * after the other.
 *
 * With `cached` (lib/background/pack-cache.ts), the inflated image is read from the cache first;
 * the shards are loaded only when it has none under the build's key (first start after install or
 * update, storage cleared) or the bytes fail their checks (size, magic, decode;
 * the entry is then dropped), and the image they give is written back a little later. Each load
 * leaves a PACK_PATH_MARK whose detail says which path ran ('cache' or 'shards').
 *
 * Shards: the file cut into byte ranges (lib/build/default-pack-plugin.ts), all fetched at once
 * and read in order (a runtime image is decoded from the shard buffers, not joined first). Measured in Chromium's service worker, one extension-file fetch delivers
 * its body at a fixed pace whatever the machine does (2.1 MB took 73–137 ms); four fetches of a
 * quarter each took 40–50 ms together (issue #8). Since session 13 the build ships the image's
 * shards plain (not gzip: no inflate on the worker's thread); gzip shards (one gzip cut into
 * byte ranges) are still read, inflated as one stream.
 */
export async function loadPackagedPack(
  url: string | readonly string[] | null,
  resolve: (path: string) => string,
  fetchFn: typeof fetch = fetch,
  cached: PackCacheUse | null = null,
): Promise<Pack | null> {
  const urls = url === null ? [] : typeof url === 'string' ? [url] : url;
  if (!urls.length) return null;
  const start = performance.now();
  if (cached) {
    const pack = await fromCache(cached, start);
    if (pack) return pack;
    performance.measure?.(PACK_CACHE_MISS_MEASURE, { start, end: performance.now() });
  }
  const abs = (u: string) => (/^[a-z-]+:\/\//i.test(u) ? u : resolve(u.startsWith('/') ? u : `/${u}`));
  let plain: ImageBytes;
  if (urls.length > 1) plain = await loadShards(urls.map(abs), fetchFn, start);
  else {
    const res = await fetchFn(abs(urls[0]!));
    if (!res.ok) throw new Error(`default pack: HTTP ${res.status}`);
    const t0 = performance.now();
    performance.measure?.(PACK_FETCH_MEASURE, { start, end: t0 });
    plain = res.body ? await streamBytes(res.body) : await plainBytes(new Uint8Array(await res.arrayBuffer()));
    performance.measure?.(PACK_INFLATE_MEASURE, { start: t0, end: performance.now() });
  }
  const pack = packFromPlainBytes(plain, 'default pack');
  performance.mark?.(PACK_PATH_MARK, { detail: 'shards' });
  // Only an image that decoded is kept, and only a runtime image (the cache is keyed on one).
  // Plain shards are stored as they are (the cache's Blob joins them).
  if (cached && isRuntimePack(firstChunk(plain))) {
    setTimeout(() => {
      const t = performance.now();
      void cached.cache.write(cached.key, plain).then((ok) => {
        if (ok) performance.measure?.(PACK_CACHE_WRITE_MEASURE, { start: t, end: performance.now() });
      });
    }, cached.writeDelayMs ?? CACHE_WRITE_DELAY_MS);
  }
  return pack;
}

/**
 * The pack from the cached image, or null (none under this key, or bytes that fail the quick
 * checks — size in the cache, magic, decode — the entry is then dropped, so the shard load that
 * follows rewrites it).
 *
 * The SHA-256 check against the key runs after the pack is handed out, a moment later: in the
 * worker it took 33–160 ms for the 6 MB image on this machine (WebCrypto works off the worker's
 * thread, but waiting for it would cost more than the read). An image that fails it (flipped bits
 * the quick checks miss) is dropped and `onCorrupt` called (the background reloads its
 * knowledge), so bad bytes serve at most the analyses of those few seconds.
 */
async function fromCache(cached: PackCacheUse, start: number): Promise<Pack | null> {
  const { key, cache } = cached;
  const bytes = await cache.read(key);
  if (!bytes) return null;
  performance.measure?.(PACK_CACHE_READ_MEASURE, { start, end: performance.now() });
  let pack: Pack;
  try {
    if (!isRuntimePack(bytes)) throw new Error('not a runtime image');
    pack = packFromPlainBytes(bytes, 'default pack (cached)');
  } catch {
    await cache.drop();
    return null;
  }
  performance.mark?.(PACK_PATH_MARK, { detail: 'cache' });
  setTimeout(() => {
    const t = performance.now();
    void sha256Hex(bytes)
      .catch(() => null)
      .then(async (hex) => {
        performance.measure?.(PACK_CACHE_CHECK_MEASURE, { start: t, end: performance.now() });
        if (hex === null || key === runtimeImageKey(hex)) return;
        await cache.drop();
        cached.onCorrupt?.();
      });
  }, cached.writeDelayMs ?? CACHE_WRITE_DELAY_MS);
  return pack;
}

/**
 * Every shard fetched at once and read whole. Plain shards (what the build ships) are handed on
 * as they are, in order: the runtime image is decoded straight from them (decodeRuntimePack over
 * the shard list copies only the sections that span a cut), where joining them first cost a
 * 6.5 MB copy on the first start's path (issue #8). Gzip shards (one gzip cut into byte ranges)
 * are joined in order as one stream and inflated.
 */
async function loadShards(urls: string[], fetchFn: typeof fetch, start: number): Promise<ImageBytes> {
  const bodies = urls.map(async (u) => {
    const res = await fetchFn(u);
    if (!res.ok) throw new Error(`default pack: HTTP ${res.status}`);
    const body = new Uint8Array(await res.arrayBuffer());
    performance.measure?.(PACK_SHARD_MEASURE, { start, end: performance.now() });
    return body;
  });
  // A rejected shard must not go unhandled while an earlier one is still awaited.
  for (const b of bodies) b.catch(() => {});
  const first = await bodies[0]!;
  const t0 = performance.now();
  performance.measure?.(PACK_FETCH_MEASURE, { start, end: t0 });
  let plain: ImageBytes;
  if (!isGzip(first)) plain = await Promise.all(bodies);
  else {
    let next = 0;
    const joined = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (next === bodies.length) return controller.close();
        const part = next === 0 ? first : await bodies[next]!;
        next++;
        controller.enqueue(part);
      },
    });
    plain = await streamBytes(joined);
  }
  performance.measure?.(PACK_INFLATE_MEASURE, { start: t0, end: performance.now() });
  return plain;
}

const firstChunk = (bytes: ImageBytes): Uint8Array => (bytes instanceof Uint8Array ? bytes : (bytes[0] ?? new Uint8Array(0)));

/** The image as one buffer (shards joined in order; one buffer as it is). */
function joinChunks(bytes: ImageBytes): Uint8Array {
  if (bytes instanceof Uint8Array) return bytes;
  if (bytes.length === 1) return bytes[0]!;
  let length = 0;
  for (const c of bytes) length += c.length;
  const all = new Uint8Array(length);
  let at = 0;
  for (const c of bytes) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

/**
 * Performance measures of the default pack's load steps (read by test/bench/browser-startup.bench.ts):
 * fetch = until the response (headers) is there; inflate = reading the body and inflating it
 * (overlapped, streamed); decode = the runtime form to knowledge.
 */
export const PACK_FETCH_MEASURE = 'backstory:pack-fetch';
export const PACK_INFLATE_MEASURE = 'backstory:pack-inflate';
export const PACK_DECODE_MEASURE = 'backstory:pack-decode';
/** Cache path: from the load's start until the cached image's bytes are read (lib/background/pack-cache.ts). */
export const PACK_CACHE_READ_MEASURE = 'backstory:pack-cache-read';
/** One per shard, from the load's start until that shard's whole body is read (in the order they arrive). */
export const PACK_SHARD_MEASURE = 'backstory:pack-shard';
/** Shards path with a cache: from the load's start until the cache said it has no image (the shards are fetched after). */
export const PACK_CACHE_MISS_MEASURE = 'backstory:pack-cache-miss';
/** The image written to the cache after a shard load (its duration: the write). */
export const PACK_CACHE_WRITE_MEASURE = 'backstory:pack-cache-write';
/** The cached image's SHA-256 check, run a moment after a cache-path load. */
export const PACK_CACHE_CHECK_MEASURE = 'backstory:pack-cache-check';
/** One mark per default-pack load; its detail is the path that ran: 'cache' or 'shards'. */
export const PACK_PATH_MARK = 'backstory:pack-path';

/**
 * A trusted pack from its file bytes: the runtime form (magic BSRP) or pack JSON, either gzipped
 * or not. Only for packs shipped inside the extension.
 */
export async function packFromBytes(bytes: Uint8Array, label: string): Promise<Pack> {
  return packFromPlainBytes(await plainBytes(bytes), label);
}

function packFromPlainBytes(plain: ImageBytes, label: string): Pack {
  if (isRuntimePack(firstChunk(plain))) {
    const t1 = performance.now();
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
  return parsePack(new TextDecoder().decode(joinChunks(plain)), label, true);
}

const plainBytes = async (bytes: Uint8Array): Promise<Uint8Array> => (isGzip(bytes) ? inflate(bytes) : bytes);

/**
 * A response body's bytes, inflated on the way when it is gzip (sniffed from its first chunk):
 * each chunk is handed to the DecompressionStream as it arrives while its output is collected.
 */
export async function streamBytes(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const reader = body.getReader();
  const first = await reader.read();
  if (first.done) return new Uint8Array(0);
  if (first.value.length < 2) return plainBytes(await collect(reader, [first.value])); // too short to sniff
  if (!isGzip(first.value)) return collect(reader, [first.value]);
  const ds = new DecompressionStream('gzip');
  const writer = ds.writable.getWriter();
  const pumped = (async () => {
    try {
      await writer.write(first.value as Uint8Array<ArrayBuffer>);
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        await writer.write(value as Uint8Array<ArrayBuffer>);
      }
      await writer.close();
    } catch (err) {
      // A failed read (e.g. a shard's fetch) must end the inflate too, or its reader waits forever.
      await writer.abort(err).catch(() => {});
      throw err;
    }
  })();
  // A failed pump (read error, corrupt gzip) also fails the readable side; keep its error to rethrow.
  const pumpError = pumped.then(() => null, (err: unknown) => err ?? new Error('default pack: read failed'));
  let out: Uint8Array;
  try {
    out = await collect(ds.readable.getReader());
  } catch (err) {
    void reader.cancel().catch(() => {});
    throw (await pumpError) ?? err;
  }
  const err = await pumpError;
  if (err) throw err;
  return out;
}

/** Every chunk a reader gives, after `chunks`, as one buffer (the only copy of the bytes). */
async function collect(reader: ReadableStreamDefaultReader<Uint8Array>, chunks: Uint8Array[] = []): Promise<Uint8Array> {
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return joinChunks(chunks);
}

const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * Inflate gzip bytes held in memory: write them once and collect the chunks (measured in
 * Chromium's worker ~1.4–2× faster than Blob stream → DecompressionStream → Response).
 */
export async function inflate(bytes: Uint8Array): Promise<Uint8Array> {
  const ds = new DecompressionStream('gzip');
  const writer = ds.writable.getWriter();
  const written = writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const all = await collect(ds.readable.getReader());
  await written; // surfaces a write error (corrupt data also rejects the read above)
  return all;
}

/** The pack's text from its file bytes: gzip (magic 1f 8b) is inflated, anything else read as UTF-8. */
export async function packText(bytes: Uint8Array): Promise<string> {
  return new TextDecoder().decode(isGzip(bytes) ? await inflate(bytes) : bytes);
}
