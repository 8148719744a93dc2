/** Provided by the `backstory-default-pack` plugin (lib/build/default-pack-plugin.ts). */
declare module 'virtual:backstory-default-pack' {
  /**
   * Extension-relative paths of the default pack's runtime form (its gzip file cut into shards,
   * in order), or null when the build has none.
   */
  const url: readonly string[] | null;
  export default url;
}
