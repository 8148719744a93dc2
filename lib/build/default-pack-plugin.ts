/**
 * `virtual:backstory-default-pack`: the default pack emitted next to the background as its
 * runtime form (lib/dataset/runtime-pack.ts), its extension-relative path exported (or null when
 * the checkout has no pack yet).
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
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { parsePack } from '../dataset/pack';
import { encodeRuntimePack } from '../dataset/runtime-pack';

export const DEFAULT_PACK_ASSET = 'assets/default-pack.bin.gz';

export function defaultPackAsset(): Plugin {
  const id = 'virtual:backstory-default-pack';
  const file = fileURLToPath(new URL('../../assets/default-pack.json', import.meta.url));
  return {
    name: 'backstory-default-pack',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(loadId) {
      if (loadId !== `\0${id}`) return null;
      if (!existsSync(file)) return 'export default null;';
      this.addWatchFile(file);
      const parsed = parsePack(readFileSync(file, 'utf8'));
      if (!parsed.ok) this.error(`assets/default-pack.json: ${parsed.error}`);
      this.emitFile({ type: 'asset', fileName: DEFAULT_PACK_ASSET, source: gzipSync(encodeRuntimePack(parsed.value), { level: 9 }) });
      return `export default ${JSON.stringify(`/${DEFAULT_PACK_ASSET}`)};`;
    },
  };
}
