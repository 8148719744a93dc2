/**
 * Why a page is not an article, as the popup learns it (issue #8), in each browser whose build is
 * present (E2E_CHROME_DIR / E2E_FIREFOX_DIR, else .output/): `node --test test/e2e/page-status.test.mjs`.
 *
 * On a page that is not an article the eager content script touches no extension API (no message
 * listener): it keeps its verdict in its isolated world, and the popup reads it with
 * scripting.executeScript (lib/page/status-global.ts, components/popup/api.ts). That needs
 * `activeTab`, which the browser grants when the user opens the popup on the tab — a click on the
 * toolbar a headless browser cannot make. So here the extension is given host access to the
 * fixture server instead (a copy of the build with host_permissions for 127.0.0.1: the same
 * executeScript call, granted another way), and the popup must list the gate's reasons.
 * The build as shipped, opened as a plain tab (no grant), must still show an empty state and
 * log no error: test/e2e/lib/suite.mjs "non-articles".
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { startServer } from './lib/server.mjs';
import { OWN_PAGES, extensionDir, sleep, waitFor } from './lib/common.mjs';
import * as S from './lib/scenarios.mjs';

/** A copy of the build with host access to the fixture server (standing in for activeTab's grant). */
function withHostAccess(extDir) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-page-status-ext-'));
  cpSync(extDir, dir, { recursive: true });
  const file = path.join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  assert.ok(manifest.permissions?.includes('scripting') && manifest.permissions.includes('activeTab'), 'the build lacks the activeTab/scripting permissions the popup needs');
  manifest.host_permissions = ['http://127.0.0.1/*'];
  writeFileSync(file, JSON.stringify(manifest));
  return dir;
}

const wanted = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',');
for (const [browser, launch] of /** @type {const} */ ([['chromium', launchChromium], ['firefox', launchFirefox]])) {
  const built = wanted.includes(browser) ? extensionDir(browser === 'chromium' ? 'chrome' : 'firefox') : null;
  describe(`popup: why a page is not an article [${browser}]`, { skip: built ? false : `no ${browser} build (set E2E_${browser === 'chromium' ? 'CHROME' : 'FIREFOX'}_DIR or run npm run build)` }, () => {
    const ctx = { driver: null, server: null, userDataDir: '', extDir: '' };
    before(async () => {
      ctx.server = await startServer({ own: OWN_PAGES });
      ctx.extDir = withHostAccess(built);
      ctx.userDataDir = mkdtempSync(path.join(os.tmpdir(), `backstory-page-status-${browser}-`));
      ctx.driver = await launch({ extDir: ctx.extDir, userDataDir: ctx.userDataDir, proxy: ctx.server.proxy, serverOrigin: ctx.server.origin });
    });
    after(async () => {
      await ctx.driver?.close().catch(() => {});
      await ctx.server?.close();
      for (const dir of [ctx.userDataDir, ctx.extDir]) if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it(`lists the cheap gate's reasons on each page that is not an article, and the page stays untouched [${browser}]`, async () => {
      const d = ctx.driver;
      const pages = new Map();
      await Promise.all(S.NON_ARTICLES.map(async (f) => pages.set(f, await S.openPage(d, ctx.server.url('own', f)))));
      await sleep(1000);
      for (const file of S.NON_ARTICLES) {
        const page = pages.get(file);
        const tabId = await d.tabIdOf(page);
        const popup = await d.newPage();
        await d.gotoExt(popup, `popup.html?tabId=${tabId}`);
        // Short pages (home, login) are watched for late content for 6 s before the verdict.
        await waitFor(popup, () => document.querySelectorAll('[data-testid="why"] li').length > 0, undefined, { what: `${file}: the popup to list why the page is not an article`, timeout: 15_000 });
        const why = await popup.evaluate(() => [...document.querySelectorAll('[data-testid="why"] li')].map((li) => (li.textContent ?? '').trim()));
        assert.ok(why.every((w) => w.length > 0), `${file}: empty reasons ${JSON.stringify(why)}`);
        await popup.close();
        assert.equal(await S.highlightSize(page, 'backstory-entity'), 0);
        assert.equal(S.firstDiff(await S.domPristine(page), await S.domNow(page)), null, `${file}: DOM changed`);
        await page.close();
      }
      const errors = d.errors.filter((e) => /(chrome|moz)-extension:\/\/|service-worker/.test(`${e.from} ${e.where ?? ''} ${e.text}`));
      assert.deepEqual(errors, [], 'errors in extension contexts');
    });
  });
}
