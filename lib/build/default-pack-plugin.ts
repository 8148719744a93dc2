/**
 * `virtual:backstory-default-pack`: the default pack emitted next to the background as its
 * runtime form (lib/dataset/runtime-pack.ts), in shards, their extension-relative paths exported
 * in order (or null when the checkout has no pack yet), and as `key` the image's cache key
 * (runtimePackKey: the background keeps the inflated image in IndexedDB under it).
 *
 * At build time the plugin reads assets/default-pack.json (the source of truth), validates it in
 * full (parsePack), builds its knowledge with the project's own buildKnowledge and freezes it:
 * the background then loads the indexes as typed-array views instead of parsing 8 MB of JSON and
 * building them (issue #8). A rebuilt pack or changed linking code just needs a rebuild.
 *
 * The file is gzipped (~2 MB instead of ~10 MB): measured in Chromium's service worker, fetching
 * an extension file costs roughly per byte (10.5 MB took 2–5× as long as fetching the gzip and
 * inflating it), so shipping it uncompressed would be slower, not faster. Binary, so `web-ext
 * lint` does not parse it. Deterministic: zlib writes no timestamp; same pack and code, same bytes.
 *
 * Shards: the gzip file is cut into SHARDS byte ranges of about equal size, fetched at once by the
 * background (lib/background/packs.ts loadPackagedPack) and joined in order: in Chromium's worker
 * one fetch delivers its body at a fixed pace, several run side by side (issue #8). The cut is
 * in the compressed bytes, so the zip holds the same bytes as one file would.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { parsePack } from '../dataset/pack';
import { encodeRuntimePack, runtimeImageKey } from '../dataset/runtime-pack';

export const DEFAULT_PACK_ASSET = 'assets/default-pack.bin.gz';
/** How many files the gzip is cut into (4: measured 40–50 ms for 2.1 MB, 8 was no faster). */
export const SHARDS = 4;

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
      const gz = gzipSync(image, { level: 9 });
      const names: string[] = [];
      for (let i = 0; i < SHARDS; i++) {
        const fileName = `${DEFAULT_PACK_ASSET}.${i}`;
        this.emitFile({ type: 'asset', fileName, source: gz.subarray(Math.floor((gz.length * i) / SHARDS), Math.floor((gz.length * (i + 1)) / SHARDS)) });
        names.push(`/${fileName}`);
      }
      return `export default ${JSON.stringify(names)}; export const key = ${JSON.stringify(runtimePackKey(image))};`;
    },
  };
}
