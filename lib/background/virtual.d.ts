/** Provided by the `backstory-default-pack` plugin (lib/build/default-pack-plugin.ts). */
declare module 'virtual:backstory-default-pack' {
  /** Extension-relative path of the default pack's runtime form, or null when the build has none. */
  const url: string | null;
  export default url;
}
