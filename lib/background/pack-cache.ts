/**
 * The default pack's decoded-image cache (issue #8: default pack loaded in ≤ 50 ms): the inflated
 * runtime image (lib/dataset/runtime-pack.ts, ~6 MB) kept in IndexedDB as one Blob, so a worker
 * start after the first one reads it back instead of fetching the gzip shards and inflating them.
 *
 * Measured in Chromium's extension service worker (same worker, alternating, load 5–11): reading
 * the 6.2 MB image back as one Blob took ~0.4× the fetch + inflate of its shards; an ArrayBuffer
 * value (structured clone) was 2–4× slower than the Blob, the Cache API ~1.5× slower, and
 * several Blobs read side by side no faster than one.
 * Re-measured in session 11 (load 11–17, alternated): Blob 43 ms vs ArrayBuffer value 109 ms for
 * 6.1 MB; an OPFS file read the same as the Blob; a 9.0 MB Blob 66 ms, and a 6.1 + 2.9 MB pair
 * 85 ms, so every extra MB costs ~7–8 ms of reading, which runs on the worker's thread (20 ms
 * of script during the read added its 20 ms). That is why the built alias slot table (its plain
 * key bytes 1.8 MB + hash table 1 MB) is NOT kept here as a second entry: reading it back would
 * cost more than the ~10 ms of CPU it took to rebuild (and since session 12 the keys' plain bytes are
 * not rebuilt at all: lib/dataset/frozen-strings.ts FrontCodedStrings).
 *
 * Its own database (PACK_CACHE_DB), never the reader's history database (lib/store), and one
 * entry: a new key (pack rebuilt, layout changed, extension updated) replaces the old image.
 * Everything here is best-effort: a missing, foreign or unreadable entry reads as null, a failed
 * write (quota, private mode, storage cleared meanwhile) is dropped, and the caller loads the
 * shards. The caller also checks the bytes it gets (packs.ts: size, SHA-256 against the key,
 * decode) and drops the entry when they fail.
 */
import type { ImageBytes } from '../dataset/binary-image';

export const PACK_CACHE_DB = 'backstory-pack-cache';
const STORE = 'images';
/** The one entry's IndexedDB key: only the default pack is cached. */
const ENTRY = 'default-pack';

interface Entry {
  /** The image's cache key (lib/build/default-pack-plugin.ts runtimePackKey). */
  key: string;
  /** The image's byte length, checked before its bytes are read. */
  size: number;
  image: Blob;
}

export interface PackCache {
  /** The image cached under `key`, or null (none, another key, unreadable). Never rejects. */
  read(key: string): Promise<Uint8Array | null>;
  /**
   * Keep `bytes` (the image, or its shards in order: the Blob joins them, so the worker makes no
   * joined copy of its own) under `key`, replacing any other image; whether it was stored. Never rejects.
   */
  write(key: string, bytes: ImageBytes): Promise<boolean>;
  /** Remove the entry (a corrupt image). Never rejects. */
  drop(): Promise<void>;
}

/** The cache over IndexedDB, or null where there is none. Each call opens and closes the database, so nothing holds it open (deleting it, e.g. clearing site data, is never blocked). */
export function idbPackCache(factory: IDBFactory | undefined = globalThis.indexedDB, name = PACK_CACHE_DB): PackCache | null {
  if (!factory) return null;
  const open = (): Promise<IDBDatabase> =>
    new Promise((resolve, reject) => {
      const req = factory.open(name, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('pack cache: open failed'));
      req.onblocked = () => reject(new Error('pack cache: open blocked'));
    });
  const run = async <T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest | null): Promise<T | undefined> => {
    const db = await open();
    try {
      return await new Promise<T | undefined>((resolve, reject) => {
        const tx = db.transaction(STORE, mode);
        const req = act(tx.objectStore(STORE));
        let value: T | undefined;
        if (req) req.onsuccess = () => (value = req.result as T);
        tx.oncomplete = () => resolve(value);
        tx.onerror = () => reject(tx.error ?? new Error('pack cache: transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('pack cache: transaction aborted'));
      });
    } finally {
      db.close();
    }
  };
  return {
    async read(key) {
      try {
        const entry = await run<Entry>('readonly', (s) => s.get(ENTRY));
        if (!entry || entry.key !== key || !(entry.image instanceof Blob) || entry.image.size !== entry.size) return null;
        return new Uint8Array(await entry.image.arrayBuffer());
      } catch {
        return null;
      }
    },
    async write(key, bytes) {
      try {
        const image = new Blob((bytes instanceof Uint8Array ? [bytes] : [...bytes]) as Uint8Array<ArrayBuffer>[]);
        const entry: Entry = { key, size: image.size, image };
        await run('readwrite', (s) => s.put(entry, ENTRY));
        return true;
      } catch {
        return false;
      }
    },
    async drop() {
      try {
        await run('readwrite', (s) => s.delete(ENTRY));
      } catch {
        /* nothing to drop, or storage gone: the next write replaces it anyway */
      }
    },
  };
}

/** The SHA-256 of `bytes` as lowercase hex, or null without WebCrypto. */
export async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}
