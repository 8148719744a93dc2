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
 * The file is stored uncompressed: the store zips deflate it anyway, and the worker skips an
 * inflate. It is binary, so `web-ext lint` does not try to parse it as JSON. Deterministic: the
 * same pack and code give the same bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { parsePack } from '../dataset/pack';
import { encodeRuntimePack } from '../dataset/runtime-pack';

export const DEFAULT_PACK_ASSET = 'assets/default-pack.bin';

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
      this.emitFile({ type: 'asset', fileName: DEFAULT_PACK_ASSET, source: encodeRuntimePack(parsed.value) });
      return `export default ${JSON.stringify(`/${DEFAULT_PACK_ASSET}`)};`;
    },
  };
}
