/**
 * How the build ships the default pack's runtime image (lib/build/default-pack-plugin.ts
 * packShards): as plain files cut from the image, not gzip, so the worker does no inflate on the
 * first start after an install or update (issue #8); the pieces are of equal size, in order, and
 * the background's shard load (lib/background/packs.ts loadPackagedPack) decodes the image from
 * them in order.
 */
import { describe, expect, it } from 'vitest';
import { packShards, SHARDS } from '../lib/build/default-pack-plugin';
import { knowledgeFor, loadPackagedPack, PACK_PATH_MARK } from '../lib/background/packs';
import { encodeRuntimePack, isRuntimePack } from '../lib/dataset/runtime-pack';
import type { Pack } from '../lib/dataset/schema';
import { ENTITIES } from './entities-fixture';

const join = (parts: Uint8Array[]) => {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) all.set(p, at), (at += p.length);
  return all;
};

const pack = (): Pack => ({ format: 'backstory-pack', formatVersion: 1, id: 'default', name: 'Shard test', version: '1', licenses: [], entities: ENTITIES.map((e) => ({ ...e })), coverage: [] });

describe('default pack shards', () => {
  it('are the image itself cut in SHARDS pieces of about equal size at multiples of 8, in order (no gzip: nothing to inflate)', () => {
    const image = encodeRuntimePack(pack());
    const shards = packShards(image);
    expect(shards.length).toBe(SHARDS);
    expect(join(shards)).toEqual(image);
    expect(isRuntimePack(shards[0]!)).toBe(true); // the image's magic, not gzip's 1f 8b
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(8);
    // Every shard starts at a multiple of 8 of the image: the worker views its sections in place.
    for (const s of shards) expect(s.byteOffset % 8).toBe(0);
  });

  it('a file too short for every shard: fewer shards, still the whole file', () => {
    const tiny = Uint8Array.from([1, 2, 3]);
    expect(packShards(tiny).map((s) => [...s])).toEqual([[1, 2, 3]]); // no cut at a multiple of 8 inside
    const small = Uint8Array.from({ length: 20 }, (_, i) => i);
    expect(packShards(small).map((s) => s.length)).toEqual([8, 8, 4]);
    expect(join(packShards(small))).toEqual(small);
    expect(packShards(new Uint8Array(0))).toEqual([]);
  });

  it('the background loads the pack from them, fetched at once and read in order', async () => {
    const p = pack();
    const shards = packShards(encodeRuntimePack(p));
    const urls = shards.map((_, i) => `/assets/default-pack.bin.${i}`);
    // The first shard answers last: order must come from the list, not from arrival.
    const fetchFn = async (u: string) => {
      const i = Number(u.split('.').at(-1));
      await new Promise((r) => setTimeout(r, i === 0 ? 20 : 1));
      return new Response(shards[i]! as Uint8Array<ArrayBuffer>, { status: 200 });
    };
    const loaded = await loadPackagedPack(urls, (u) => u, fetchFn as unknown as typeof fetch);
    expect((performance.getEntriesByName(PACK_PATH_MARK).at(-1) as PerformanceMark).detail).toBe('shards');
    expect(loaded!.entities.map((e) => e.id)).toEqual(p.entities.map((e) => e.id));
    expect(knowledgeFor([loaded!]).entities.byId.size).toBe(p.entities.length);
  });
});
