/** Provided by the `backstory-default-pack` plugin in wxt.config.ts. */
declare module 'virtual:backstory-default-pack' {
  /** Extension-relative path of the gzipped default pack, or null when the build has none. */
  const url: string | null;
  export default url;
}
