/**
 * The parts of an http(s) URL that the eager content script needs (issue #8): is it http(s), its
 * host name (the per-site switch), its path and query (the gate's URL shapes). Read by string
 * operations from the URL as the browser serialises it (document.URL): in the script's fresh
 * isolated world the first touch of `location` (a Location) or of `new URL` (a URL) sets up one
 * more Web API interface, a cost paid by every page, articles or not.
 *
 * Exact for serialised URLs, where the scheme and host are lower-case, `/`, `?`, `#` and `@` in the
 * user name or password are percent-encoded, and a default port is dropped. Anything that may not
 * be in that form is null, and callers fall back to `new URL` (CLI input, hand-typed URLs): not
 * http(s), characters URL would percent-encode or drop (spaces, non-ASCII, quotes, `\`, `^`, …),
 * an upper-case letter before the path, or a path with dot segments URL would resolve.
 */
export interface HttpUrlParts {
  /** As URL.hostname: no user info, no port; an IPv6 address keeps its brackets. */
  hostname: string;
  /** As URL.pathname: "/" at least. */
  pathname: string;
  /** As URL.search: "" or "?…" (a lone "?" is ""). */
  search: string;
}

/** Characters a serialised URL never holds as they are (URL percent-encodes them, or reads `\` as `/`). */
const NOT_SERIALISED = `"'<>\\^\`{|}`;

export function httpUrlParts(url: string): HttpUrlParts | null {
  const start = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : 0;
  if (start === 0) return null;
  for (let i = start; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f || NOT_SERIALISED.includes(url[i]!)) return null;
  }
  let end = start; // the authority ends at the first "/", "?" or "#"
  for (; end < url.length && url[end] !== '/' && url[end] !== '?' && url[end] !== '#'; end++) {
    if (url[end]! >= 'A' && url[end]! <= 'Z') return null;
  }
  const at = url.lastIndexOf('@', end - 1); // user info ends at the authority's last "@"
  const host = url.slice(at >= start ? at + 1 : start, end);
  const hostname = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]!;
  const hash = url.indexOf('#', end);
  const stop = hash < 0 ? url.length : hash;
  const query = url.indexOf('?', end);
  const pathEnd = query >= 0 && query < stop ? query : stop;
  const search = pathEnd < stop ? url.slice(pathEnd, stop) : '';
  const pathname = url.slice(end, pathEnd) || '/';
  if (pathname.includes('/.') || pathname.toLowerCase().includes('%2e')) return null;
  return { hostname, pathname, search: search === '?' ? '' : search };
}
