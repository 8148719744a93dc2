/**
 * The article code in a real engine (Chromium): extraction on the live DOM, CSS-hidden text,
 * and Range round trips (linkedom's Range cannot setStart, so this is where rangeForOffsets is
 * really checked). Skips when /usr/bin/chromium or esbuild is unavailable.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const PAGES = path.resolve(__dirname, 'fixtures/pages');

type Esbuild = typeof import('esbuild');
let esbuild: Esbuild | null = null;
try {
  esbuild = (await import('esbuild')) as Esbuild;
} catch {
  esbuild = null;
}

describe.skipIf(!existsSync(CHROMIUM) || !esbuild)('article code in Chromium (skipped without /usr/bin/chromium or esbuild)', () => {
  let browser: import('playwright-core').Browser;
  let bundle = '';

  beforeAll(async () => {
    const out = await esbuild!.build({
      stdin: {
        contents: `import { extractArticle } from './lib/article/extract'; import * as tm from './lib/article/textmap';
          (globalThis as any).__article = { extractArticle, ...tm };`,
        resolveDir: path.resolve(__dirname, '..'), loader: 'ts',
      },
      bundle: true, format: 'iife', write: false, target: 'es2022',
    });
    bundle = out.outputFiles[0]!.text;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('extracts own-seed.html and maps every word of every block to a Range and back', async () => {
    const page = await browser.newPage();
    const html = readFileSync(path.join(PAGES, 'own-seed.html'), 'utf8')
      // A CSS-hidden span inside a paragraph: invisible to readers, so not block text.
      .replace('The Kremlin confirmed', '<span class="sr-hide">SCREENREADERONLY </span>The Kremlin confirmed')
      .replace('</style>', '.sr-hide { display: none; }</style>');
    await page.setContent(html);
    await page.addScriptTag({ content: bundle });
    const res = await page.evaluate(() => {
      const A = (globalThis as any).__article;
      const r = A.extractArticle(document, 'https://ledger.example/world/2025/06/08/trump-putin-call');
      if (!r.detected) return { detected: false, signals: r.signals };
      const bad: string[] = [];
      let checked = 0;
      for (const b of r.blocks) {
        const map = A.buildTextMap(b.element);
        if (map.text !== b.text) bad.push(`map text differs: ${b.text.slice(0, 30)}`);
        for (const m of b.text.matchAll(/\S+/g)) {
          const start = m.index, end = m.index + m[0].length;
          const range = A.rangeForOffsets(b.element, start, end, document, map);
          checked++;
          if (!range || range.toString().replace(/\s+/g, ' ') !== m[0]) { bad.push(`range ${m[0]} -> ${range?.toString()}`); continue; }
          const back = A.blockOffsetOf(b.element, range.startContainer, range.startOffset, map);
          if (back !== start) bad.push(`caret ${m[0]}: ${back} != ${start}`);
        }
      }
      return { detected: true, kinds: r.blocks.map((b: any) => b.kind), sections: r.input.blocks.map((b: any) => b.section), texts: r.input.blocks.map((b: any) => b.text), bad, checked };
    });
    expect(res.detected).toBe(true);
    expect(res.bad).toEqual([]);
    expect(res.checked).toBeGreaterThan(300);
    expect(res.kinds).toEqual(['paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph', 'heading', 'paragraph']);
    expect(res.sections!.at(-1)).toBe('What The Author Thinks');
    expect(res.texts!.join(' ')).not.toContain('SCREENREADERONLY');
    await page.close();
  }, 60_000);

  it('block text drops what the computed style hides, keeps display:contents, and a closed <details> shows its summary', async () => {
    const page = await browser.newPage();
    await page.setContent(`<html><body><style>.gone{display:none}.flat{display:contents}.cv{content-visibility:hidden}</style>
      <div id="b">One <span class="gone">HIDDEN1</span><span class="flat">two</span> <span class="cv">HIDDEN2</span>
      <details><summary>Three</summary>HIDDEN3<p>HIDDEN4</p></details> <details open><summary>four</summary> five</details></div></body></html>`);
    await page.addScriptTag({ content: bundle });
    const text = await page.evaluate(() => (globalThis as any).__article.blockText(document.getElementById('b')));
    expect(text).toBe('One two Three four five');
    await page.close();
  }, 60_000);

  it('home, search, login and forum pages are not articles in Chromium either', async () => {
    const page = await browser.newPage();
    const got: Record<string, boolean> = {};
    for (const name of ['home.html', 'search.html', 'login.html', 'forum.html']) {
      await page.setContent(readFileSync(path.join(PAGES, name), 'utf8'));
      await page.addScriptTag({ content: bundle });
      got[name] = await page.evaluate(() => (globalThis as any).__article.extractArticle(document, 'https://example.org/p/1').detected);
    }
    expect(got).toEqual({ 'home.html': false, 'search.html': false, 'login.html': false, 'forum.html': false });
    await page.close();
  }, 60_000);
});
