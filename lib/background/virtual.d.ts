/** Provided by the `backstory-default-pack` plugin (lib/build/default-pack-plugin.ts). */
declare module 'virtual:backstory-default-pack' {
  /**
   * Extension-relative paths of the default pack's runtime form (its gzip file cut into shards,
   * in order), or null when the build has none.
   */
  const url: readonly string[] | null;
  export default url;
  /**
   * The inflated image's cache key (`v<layout version>-<SHA-256 hex of the image>`), or null when
   * the build has none: lib/background/pack-cache.ts keeps the image under it.
   */
  export const key: string | null;
}
