/**
 * Entity URLs as small numbers, for the runtime pack's entity records (lib/entities/frozen-index.ts).
 * Most of the default pack's 7.6k entity URLs are one of two shapes: a GeoNames page by number
 * (3.9k) or the English Wikipedia article named exactly as the entity (2.0k), 30–50 bytes of text
 * each that the number below replaces (issue #8: the image's bytes). A URL is coded only when it
 * reads back as the very same text; any other stays a string.
 *
 *   code 0        WIKIPEDIA + the name with its spaces as underscores
 *   code 1 + n    GEONAMES + n (n written without leading zeros)
 */
const WIKIPEDIA = 'https://en.wikipedia.org/wiki/';
const GEONAMES = 'https://www.geonames.org/';

const wikipediaOf = (name: string): string => WIKIPEDIA + name.replaceAll(' ', '_');

/** The URL for a code made by urlCode with the same entity name. */
export function urlText(code: number, name: string): string {
  return code === 0 ? wikipediaOf(name) : GEONAMES + String(code - 1);
}

/** The code of an entity's URL, or null when urlText would not give it back unchanged. */
export function urlCode(url: string, name: string): number | null {
  if (url === wikipediaOf(name)) return 0;
  if (url.startsWith(GEONAMES)) {
    const n = Number(url.slice(GEONAMES.length));
    if (Number.isSafeInteger(n) && n >= 0 && urlText(n + 1, name) === url) return n + 1;
  }
  return null;
}
