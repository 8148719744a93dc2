/**
 * SPA navigation through the content script's split (issue #8), in each browser whose build is
 * present (E2E_CHROME_DIR / E2E_FIREFOX_DIR, else .output/): `node --test test/e2e/split-navigation.test.mjs`
 * (also run by npm run test:e2e).
 *
 * On a page the first look settles (lib/page/first-look.ts: the pre-gate says no, nothing more is
 * loaded), the page then moves to an article without a reload — history.pushState and new content,
 * as a single-page app does. The first look must notice the URL move and import the rest of the
 * content script (entrypoints/article-reader.ts: full gate and reader, web-accessible), which reads
 * the settings and hands the new content to the reader: the background gets a report for the tab and
 * the article's names are highlighted. The fixture pages are the project's own (test/fixtures/pages).
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { startServer } from './lib/server.mjs';
import { OWN_PAGES, extensionDir, sleep, waitFor } from './lib/common.mjs';
import * as S from './lib/scenarios.mjs';

/** Page-side: become the article at `from` (its head and body), under a new URL, without a reload. */
async function becomeArticle([from, to]) {
  const html = await (await fetch(from)).text();
  const next = new DOMParser().parseFromString(html, 'text/html');
  document.title = next.title;
  document.head.replaceChildren(...[...next.head.childNodes].map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...[...next.body.childNodes].map((n) => document.importNode(n, true)));
  history.pushState({}, '', to);
}

const wanted = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',');
for (const [browser, launch] of /** @type {const} */ ([['chromium', launchChromium], ['firefox', launchFirefox]])) {
  const extDir = wanted.includes(browser) ? extensionDir(browser === 'chromium' ? 'chrome' : 'firefox') : null;
  describe(`SPA navigation through the content script's split [${browser}]`, { skip: extDir ? false : `no ${browser} build (set E2E_${browser === 'chromium' ? 'CHROME' : 'FIREFOX'}_DIR or run npm run build)` }, () => {
    const ctx = { driver: null, server: null, userDataDir: '' };
    before(async () => {
      ctx.server = await startServer({ own: OWN_PAGES });
      ctx.userDataDir = mkdtempSync(path.join(os.tmpdir(), `backstory-split-nav-${browser}-`));
      ctx.driver = await launch({ extDir, userDataDir: ctx.userDataDir, proxy: ctx.server.proxy, serverOrigin: ctx.server.origin });
    });
    after(async () => {
      await ctx.driver?.close().catch(() => {});
      await ctx.server?.close();
      if (ctx.userDataDir) rmSync(ctx.userDataDir, { recursive: true, force: true });
    });

    it(`a page the first look settles, then pushState to an article: report and highlights [${browser}]`, async () => {
      const d = ctx.driver;
      // login.html: settled by the pre-gate (an account URL), so nothing but the first look runs.
      const page = await S.openPage(d, ctx.server.url('own', 'login.html'));
      const tabId = await d.tabIdOf(page);
      await sleep(1000);
      const before = await S.tabStatus(d, tabId);
      assert.ok(before?.ok && before.value.state !== 'ready', `a report on the login page: ${JSON.stringify(before).slice(0, 200)}`);
      assert.equal(await S.highlightSize(page, 'backstory-entity'), 0);

      const article = new URL(ctx.server.url('own', 'own-seed.html'));
      await page.evaluate(becomeArticle, [article.pathname, article.pathname.replace(/own-seed\.html$/, 'world/2025/06/08/trump-putin-call')]);
      // The first look notices the move (Navigation API, or the URL poll: ≤ 1 s), imports the rest,
      // which hands the new content to the reader once it has settled.
      await waitFor(page, () => (CSS.highlights?.get('backstory-entity')?.size ?? 0) > 0, undefined, { what: 'highlights on the article reached by pushState', timeout: 30_000 });
      const status = await S.waitStatus(d, tabId, 30_000);
      assert.equal(status.state, 'ready', `background status: ${JSON.stringify(status).slice(0, 200)}`);
      assert.match((status.report.article?.paragraphs ?? []).join(' '), /Putin/);
      await page.close();
      const errors = d.errors.filter((e) => /(chrome|moz)-extension:\/\/|service-worker/.test(`${e.from} ${e.where ?? ''} ${e.text}`));
      assert.deepEqual(errors, [], 'errors in extension contexts');
    });
  });
}
