/**
 * The default pack's decoded-image cache (lib/background/pack-cache.ts) and the load that uses it
 * (lib/background/packs.ts loadPackagedPack with `cached`): the first load takes the shards and
 * writes the image, later loads read it back without a fetch and give the same knowledge; a new
 * key (pack rebuilt, extension updated) takes the shards and replaces the entry; a corrupt entry
 * is dropped and rewritten; a cache that cannot read or write never fails the load; the reader's
 * own database is left alone. On fake-indexeddb (Blob values, as in Chromium and Firefox).
 */
import { createHash } from 'node:crypto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { idbPackCache, PACK_CACHE_DB, sha256Hex, type PackCache } from '../lib/background/pack-cache';
import { knowledgeFor, loadPackagedPack, PACK_PATH_MARK, type PackCacheUse } from '../lib/background/packs';
import { packShards, runtimePackKey, SHARDS } from '../lib/build/default-pack-plugin';
import { encodeRuntimePack, RUNTIME_PACK_VERSION } from '../lib/dataset/runtime-pack';
import type { Pack } from '../lib/dataset/schema';
import { linkEntities } from '../lib/entities/link';
import { openDatabase } from '../lib/store';
import { ENTITIES } from './entities-fixture';

const pack = (version = '1', extra = ''): Pack => ({
  format: 'backstory-pack', formatVersion: 1, id: 'default', name: `Test pack${extra}`, version, licenses: [],
  entities: ENTITIES.map((e) => ({ ...e })),
  coverage: [
    { id: 'c1', date: '2025-02-01', source: 'Wire', entities: ['Q22686', 'Q7747'], topics: ['Talks'] },
    { id: 'c2', date: '2025-02-03', source: '', entities: ['Q7747', 'Q212'], topics: ['War'] },
  ],
});

/** A build's output: the image, its shards (as the build cuts them) and its key. */
function build(p: Pack) {
  const image = encodeRuntimePack(p);
  const shards = packShards(image);
  return { image, shards, key: runtimePackKey(image), urls: shards.map((_, i) => `/assets/default-pack.bin.${i}`) };
}

function fetcher(shards: Uint8Array[]) {
  return vi.fn(async (u: string) => new Response(shards[Number(u.split('.').at(-1))]! as Uint8Array<ArrayBuffer>, { status: 200 }));
}

const TEXT = [{ text: 'Vladimir Putin met Volodymyr Zelensky in Kyiv, Ukraine.' }];
const links = (p: Pack) => linkEntities(TEXT as never, knowledgeFor([p]).entities, { date: '2025-03-01' }).map((l) => `${l.id} ${l.name}: ${l.description} ×${l.mentions.length}`);

/** Resolves once the cache holds an image under `key` (the write runs after a delay). */
async function written(cache: PackCache, key: string): Promise<Uint8Array> {
  for (let i = 0; i < 200; i++) {
    const got = await cache.read(key);
    if (got) return got;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('never written');
}

const lastPath = () => (performance.getEntriesByName(PACK_PATH_MARK).at(-1) as PerformanceMark | undefined)?.detail;

describe('the decoded-image cache', () => {
  it('keys a build on the layout version and the SHA-256 of its image, as the worker checks it', async () => {
    const { image, key } = build(pack());
    expect(key).toBe(`v${RUNTIME_PACK_VERSION}-${createHash('sha256').update(image).digest('hex')}`);
    expect(await sha256Hex(image)).toBe(key.split('-')[1]);
    expect(runtimePackKey(build(pack('2')).image)).not.toBe(key);
  });

  it('stores one image under one key: another key reads null, a new write replaces it, drop empties it', async () => {
    const cache = idbPackCache(new IDBFactory())!;
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    expect(await cache.read('a')).toBeNull();
    expect(await cache.write('a', bytes)).toBe(true);
    expect([...(await cache.read('a'))!]).toEqual([1, 2, 3, 4, 5]);
    expect(await cache.read('b')).toBeNull();
    expect(await cache.write('b', new Uint8Array([9]))).toBe(true);
    expect(await cache.read('a')).toBeNull();
    expect([...(await cache.read('b'))!]).toEqual([9]);
    // An image given as its shards, in order, is stored and read back as the one image.
    expect(await cache.write('c', [new Uint8Array([1, 2]), new Uint8Array(0), new Uint8Array([3])])).toBe(true);
    expect([...(await cache.read('c'))!]).toEqual([1, 2, 3]);
    await cache.drop();
    expect(await cache.read('c')).toBeNull();
    expect(idbPackCache(undefined)).toBeNull();
  });

  it('keeps to its own database: the reader\'s history database is neither opened nor changed', async () => {
    const factory = new IDBFactory();
    const db = await openDatabase(factory);
    const storesBefore = [...db.objectStoreNames];
    db.close();
    const cache = idbPackCache(factory)!;
    await cache.write('k', new Uint8Array(8));
    const names = (await factory.databases()).map((d) => d.name).sort();
    expect(names).toContain(PACK_CACHE_DB);
    expect(PACK_CACHE_DB).not.toBe('backstory');
    const again = await openDatabase(factory);
    expect([...again.objectStoreNames]).toEqual(storesBefore);
    again.close();
  });

  it('never rejects: a failing database reads as null and fails writes quietly', async () => {
    const broken = { open: () => { throw new Error('QuotaExceededError'); } } as unknown as IDBFactory;
    const cache = idbPackCache(broken)!;
    expect(await cache.read('k')).toBeNull();
    expect(await cache.write('k', new Uint8Array(4))).toBe(false);
    await expect(cache.drop()).resolves.toBeUndefined();
  });
});

describe('loadPackagedPack with the cache', () => {
  const resolve = (p: string) => `chrome-extension://ext-id${p}`;

  it('first load: shards, then the image is written; later loads: no fetch, same knowledge', async () => {
    const b = build(pack());
    const cache = idbPackCache(new IDBFactory())!;
    const use: PackCacheUse = { key: b.key, cache, writeDelayMs: 0 };
    const fetch1 = fetcher(b.shards);
    const first = await loadPackagedPack(b.urls, resolve, fetch1 as unknown as typeof fetch, use);
    expect(lastPath()).toBe('shards');
    expect(fetch1).toHaveBeenCalledTimes(SHARDS);
    expect([...(await written(cache, b.key))]).toEqual([...b.image]);

    const fetch2 = fetcher(b.shards);
    const second = await loadPackagedPack(b.urls, resolve, fetch2 as unknown as typeof fetch, use);
    expect(lastPath()).toBe('cache');
    expect(fetch2).not.toHaveBeenCalled();
    // Same links as the pack JSON's own knowledge (knowledgeFor builds it for a plain pack).
    expect(links(first!)).toEqual(links(pack()));
    expect(links(second!)).toEqual(links(pack()));
    expect(links(second!).length).toBeGreaterThan(0);
    expect(knowledgeFor([second!]).coverage.items.length).toBe(2);
  });

  it('an upgraded pack (new key) takes the shards and replaces the entry', async () => {
    const old = build(pack('1')), next = build(pack('2', ' updated'));
    const cache = idbPackCache(new IDBFactory())!;
    await cache.write(old.key, old.image);
    const f = fetcher(next.shards);
    const got = await loadPackagedPack(next.urls, resolve, f as unknown as typeof fetch, { key: next.key, cache, writeDelayMs: 0 });
    expect(f).toHaveBeenCalledTimes(SHARDS);
    expect(got!.name).toBe('Test pack updated');
    expect([...(await written(cache, next.key))]).toEqual([...next.image]);
    expect(await cache.read(old.key)).toBeNull();
  });

  it('a corrupt entry under the right key (truncated, or not an image) is dropped, the shards load, and it is rewritten', async () => {
    const b = build(pack());
    for (const bad of [b.image.subarray(0, b.image.length >> 1), new Uint8Array(b.image.length).fill(7)]) {
      const cache = idbPackCache(new IDBFactory())!;
      await cache.write(b.key, bad);
      const drop = vi.spyOn(cache, 'drop');
      const f = fetcher(b.shards);
      const got = await loadPackagedPack(b.urls, resolve, f as unknown as typeof fetch, { key: b.key, cache, writeDelayMs: 0 });
      expect(drop).toHaveBeenCalled();
      expect(f).toHaveBeenCalledTimes(SHARDS);
      expect(lastPath()).toBe('shards');
      expect(links(got!)).toEqual(links(pack()));
      expect([...(await written(cache, b.key))]).toEqual([...b.image]);
    }
  });

  it('an image that decodes but fails its SHA-256 check is dropped after the load and reported', async () => {
    const b = build(pack());
    const cache = idbPackCache(new IDBFactory())!;
    const flipped = b.image.slice();
    flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 0x01; // the last section's last byte: the quick checks pass
    await cache.write(b.key, flipped);
    const corrupt = new Promise<void>((resolveCorrupt) => {
      void loadPackagedPack(b.urls, resolve, fetcher(b.shards) as unknown as typeof fetch, { key: b.key, cache, writeDelayMs: 0, onCorrupt: resolveCorrupt }).then((p) => {
        expect(p).not.toBeNull();
        expect(lastPath()).toBe('cache');
      });
    });
    await corrupt;
    expect(await cache.read(b.key)).toBeNull();
    // The reload the background then does takes the shards and writes the right image.
    const f = fetcher(b.shards);
    await loadPackagedPack(b.urls, resolve, f as unknown as typeof fetch, { key: b.key, cache, writeDelayMs: 0 });
    expect(f).toHaveBeenCalledTimes(SHARDS);
    expect([...(await written(cache, b.key))]).toEqual([...b.image]);
  });

  it('a good cached image is not reported', async () => {
    const b = build(pack());
    const cache = idbPackCache(new IDBFactory())!;
    await cache.write(b.key, b.image);
    const onCorrupt = vi.fn();
    await loadPackagedPack(b.urls, resolve, fetcher(b.shards) as unknown as typeof fetch, { key: b.key, cache, writeDelayMs: 0, onCorrupt });
    await new Promise((r) => setTimeout(r, 100));
    expect(onCorrupt).not.toHaveBeenCalled();
    expect(await cache.read(b.key)).not.toBeNull();
  });

  it('a cache that cannot be read or written (quota, storage gone) leaves the shard load as it was', async () => {
    const b = build(pack());
    const broken: PackCache = { read: async () => null, write: async () => false, drop: async () => {} };
    const write = vi.spyOn(broken, 'write');
    const f = fetcher(b.shards);
    const got = await loadPackagedPack(b.urls, resolve, f as unknown as typeof fetch, { key: b.key, cache: broken, writeDelayMs: 0 });
    expect(links(got!)).toEqual(links(pack()));
    await new Promise((r) => setTimeout(r, 20));
    expect(write).toHaveBeenCalledTimes(1);
    // Storage cleared between two starts: the next load finds nothing and takes the shards again.
    const cache = idbPackCache(new IDBFactory())!;
    await loadPackagedPack(b.urls, resolve, fetcher(b.shards) as unknown as typeof fetch, { key: b.key, cache, writeDelayMs: 0 });
    await written(cache, b.key);
    await cache.drop();
    const again = fetcher(b.shards);
    await loadPackagedPack(b.urls, resolve, again as unknown as typeof fetch, { key: b.key, cache, writeDelayMs: 0 });
    expect(again).toHaveBeenCalledTimes(SHARDS);
  });
});
