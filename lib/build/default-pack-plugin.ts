/**
 * `virtual:backstory-default-pack`: the default pack (assets/default-pack.json) emitted as a
 * gzip file next to the background, its extension-relative path exported (or null when the
 * checkout has no pack yet). Gzip keeps the package small and keeps `web-ext lint` from choking
 * on an 8 MB JSON file; the background inflates it with DecompressionStream. Deterministic:
 * zlib writes no timestamp, so the same pack gives the same bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

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
      const fileName = 'assets/default-pack.json.gz';
      this.emitFile({ type: 'asset', fileName, source: gzipSync(readFileSync(file), { level: 9 }) });
      return `export default ${JSON.stringify(`/${fileName}`)};`;
    },
  };
}
