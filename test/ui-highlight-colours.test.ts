/**
 * The page marks (entrypoints/content/index.css) must read on light and dark pages alike: they
 * cannot follow the page (a ::highlight() rule sees no page colours) and must not follow the
 * system scheme (it says nothing about the page). So the rules themselves are checked against a
 * white page and near-black ones, with WCAG's 3:1 for non-text marks, and the popup's legend must
 * show the same colours.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const pageCss = readFileSync(new URL('../entrypoints/content/index.css', import.meta.url), 'utf8');
const popupCss = readFileSync(new URL('../components/popup/popup.css', import.meta.url), 'utf8');

/** The declarations of the first rule whose selector is exactly `selector`. */
function rule(css: string, selector: string): Record<string, string> {
  const at = css.indexOf(`${selector} {`);
  if (at < 0) throw new Error(`no rule ${selector}`);
  const body = css.slice(css.indexOf('{', at) + 1, css.indexOf('}', at));
  return Object.fromEntries(body.split(';').map((d) => d.split(':').map((x) => x.trim())).filter((d) => d.length === 2 && d[0]) as [string, string][]);
}

type Rgba = [number, number, number, number];
function rgba(value: string): Rgba {
  const m = /^rgb\(\s*(\d+)\s+(\d+)\s+(\d+)\s*(?:\/\s*([\d.]+))?\s*\)$/.exec(value);
  if (!m) throw new Error(`not an rgb() colour: ${value}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
}
/** `top` painted over the opaque `under`. */
const over = (top: Rgba, under: Rgba): Rgba => [0, 1, 2].map((i) => top[i]! * top[3] + under[i]! * (1 - top[3])).concat(1) as Rgba;
const luminance = ([r, g, b]: Rgba) =>
  [r, g, b].map((c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)).reduce((s, c, i) => s + c * [0.2126, 0.7152, 0.0722][i]!, 0);
const contrast = (a: Rgba, b: Rgba) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const PAGES: Record<string, Rgba> = {
  white: [255, 255, 255, 1],
  paper: [250, 247, 240, 1],
  black: [0, 0, 0, 1],
  'dark grey (#121212)': [18, 18, 18, 1],
  'dark slate (#1e2430)': [30, 36, 48, 1],
};

describe('page marks read on light and dark pages', () => {
  const entity = rule(pageCss, '::highlight(backstory-entity)');
  const opinion = rule(pageCss, '::highlight(backstory-opinion)');

  it('does not switch colours on the system scheme', () => {
    expect(pageCss).not.toMatch(/@media\s*\(prefers-color-scheme/);
  });

  for (const [name, page] of Object.entries(PAGES)) {
    it(`linked-name underline has at least 3:1 against a ${name} page`, () => {
      const line = over(rgba(entity['text-decoration-color']!), page);
      expect(contrast(line, page)).toBeGreaterThanOrEqual(3);
    });
    it(`opinion fill is visible on a ${name} page and keeps the page's text readable`, () => {
      const fill = over(rgba(opinion['background-color']!), page);
      expect(contrast(fill, page)).toBeGreaterThan(1.1); // a tint, not a block of colour
      const text: Rgba = luminance(page) > 0.5 ? [20, 20, 20, 1] : [230, 230, 230, 1];
      expect(contrast(text, fill)).toBeGreaterThanOrEqual(4.5);
    });
  }

  it('keeps opinion visibly different from linked names (a fill, not an underline)', () => {
    expect(opinion['text-decoration-line']).toBeUndefined();
    expect(entity['background-color']).toBeUndefined();
    expect(entity['text-decoration-style']).toBe('dotted');
  });

  it('shows the same colours in the popup legend', () => {
    expect(rule(popupCss, '.swatch-entity')['text-decoration-color']).toBe(entity['text-decoration-color']);
    expect(rule(popupCss, '.swatch-opinion')['background-color']).toBe(opinion['background-color']);
  });
});
