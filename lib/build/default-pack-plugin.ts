/**
 * `virtual:backstory-default-pack`: the default pack emitted next to the background as its
 * runtime form (lib/dataset/runtime-pack.ts), in shards, their extension-relative paths exported
 * in order (or null when the checkout has no pack yet), and as `key` the image's cache key
 * (runtimePackKey: the background keeps the joined image in IndexedDB under it).
 *
 * At build time the plugin reads assets/default-pack.json (the source of truth), validates it in
 * full (parsePack), builds its knowledge with the project's own buildKnowledge and freezes it:
 * the background then loads the indexes as typed-array views instead of parsing 8 MB of JSON and
 * building them (issue #8). A rebuilt pack or changed linking code just needs a rebuild.
 *
 * Not compressed, in SHARDS files of about equal size (packShards), fetched at once by the background
 * (lib/background/packs.ts loadPackagedPack) and decoded from in order (no joined copy). Why not gzip (sessions 7–12
 * shipped the gzip, ~2.4 MB, in 4 shards): the inflate runs on the worker's own thread, ~30 ms
 * for the 6 MB image, and was most of the first start after an install or update (issue #8:
 * fetch 14 + inflate 32 + decode 7 ms). Chromium reads each extension file on its own side, in
 * parallel with the others and off the worker's thread; measured in its worker on this machine
 * (interleaved, load 14–21), the whole image as 8 plain files was read in a median 60 ms (min 40)
 * where the same image as 4 gzip shards took 188 (min 72) to fetch and inflate (SHARDS). (Session 7's
 * "uncompressed is slower" was one 8 MB file on a slower machine, before shards: one fetch
 * delivers its body at a fixed pace, several run side by side.) The store zip deflates these
 * files itself, so it stays about as small as with the gzip inside. Binary, so `web-ext lint`
 * does not parse it. Deterministic: same pack and code, same bytes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { parsePack } from '../dataset/pack';
import { encodeRuntimePack, runtimeImageKey } from '../dataset/runtime-pack';

export const DEFAULT_PACK_ASSET = 'assets/default-pack.bin';
/**
 * How many files the image is cut into (~0.8 MB each; fetched side by side). Measured in the
 * worker, interleaved, the 6.2 MB image in 4 / 6 / 8 / 12 files (load 21): medians 88 / 76 / 60 /
 * 66 ms (4 gzip shards + inflate: 188); at load 14, 4 / 6 / 12 files: 53 / 63 / 54 (gzip: 118).
 */
export const SHARDS = 8;

/**
 * The image cut into `count` byte ranges of about equal size, in order; fewer when it is too
 * short for each to hold a byte. Joined in order they are the image. Each cut is at a multiple of
 * 8 (so within ±8 bytes of an equal share): the worker decodes the image straight from the shard
 * buffers (lib/dataset/binary-image.ts), and a section inside a shard can then be viewed in
 * place (sections start at multiples of 8 in the image; typed-array views need the alignment).
 */
export function packShards(image: Uint8Array, count: number = SHARDS): Uint8Array[] {
  const shards: Uint8Array[] = [];
  for (let i = 0, from = 0; i < count; i++) {
    const to = i === count - 1 ? image.length : Math.min(image.length, Math.floor((image.length * (i + 1)) / count / 8) * 8);
    if (to > from) shards.push(image.subarray(from, to));
    from = Math.max(from, to);
  }
  return shards;
}

/**
 * The key of the decoded-image cache (lib/background/pack-cache.ts): the layout version and the
 * SHA-256 of the inflated image, so a rebuilt pack or a new layout never reads an old entry, and
 * the worker can check the cached bytes against it.
 */
export function runtimePackKey(image: Uint8Array): string {
  return runtimeImageKey(createHash('sha256').update(image).digest('hex'));
}

export function defaultPackAsset(): Plugin {
  const id = 'virtual:backstory-default-pack';
  const file = fileURLToPath(new URL('../../assets/default-pack.json', import.meta.url));
  return {
    name: 'backstory-default-pack',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loadId) {
      if (loadId !== `\0${id}`) return null;
      if (!existsSync(file)) return 'export default null; export const key = null;';
      this.addWatchFile(file);
      const parsed = parsePack(readFileSync(file, 'utf8'));
      if (!parsed.ok) this.error(`assets/default-pack.json: ${parsed.error}`);
      const image = encodeRuntimePack(parsed.value);
      const names = packShards(image).map((source, i) => {
        const fileName = `${DEFAULT_PACK_ASSET}.${i}`;
        this.emitFile({ type: 'asset', fileName, source });
        return `/${fileName}`;
      });
      return `export default ${JSON.stringify(names)}; export const key = ${JSON.stringify(runtimePackKey(image))};`;
    },
  };
}
