/**
 * The page's highlight layers, drawn with the CSS Custom Highlight API only: registering a
 * Highlight changes no DOM, and deleting it leaves the page exactly as it was. Names are stable
 * hooks (PLAN.md): `backstory-entity`, `backstory-opinion`, plus `backstory-flash` for reveal.
 * Styles live in the content-script CSS (entrypoints/content/index.css).
 */

export const ENTITY_HIGHLIGHT = 'backstory-entity';
export const OPINION_HIGHLIGHT = 'backstory-opinion';
export const FLASH_HIGHLIGHT = 'backstory-flash';

interface HighlightApi {
  registry: HighlightRegistry;
  make: (ranges: Range[]) => Highlight;
}

/** The document's highlight registry, or null where the API is missing (older browsers). */
export function highlightApi(win: Window & typeof globalThis = globalThis.window): HighlightApi | null {
  const css = (win as { CSS?: typeof CSS }).CSS;
  const Ctor = (win as { Highlight?: typeof Highlight }).Highlight;
  if (!css || !('highlights' in css) || !css.highlights || typeof Ctor !== 'function') return null;
  return { registry: css.highlights, make: (ranges) => new Ctor(...ranges) };
}

/** Show `ranges` under `name` (replacing what was there); an empty list removes the layer. */
export function setHighlight(name: string, ranges: Range[], api: HighlightApi | null = highlightApi()): boolean {
  if (!api) return false;
  if (ranges.length === 0) {
    api.registry.delete(name);
    return true;
  }
  const h = api.make(ranges);
  if (name === FLASH_HIGHLIGHT) h.priority = 2;
  else if (name === ENTITY_HIGHLIGHT) h.priority = 1;
  api.registry.set(name, h);
  return true;
}

export function clearHighlight(name: string, api: HighlightApi | null = highlightApi()): void {
  api?.registry.delete(name);
}
