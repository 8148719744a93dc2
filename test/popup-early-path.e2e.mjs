/**
 * The popup's fast start (issue #8), in each browser whose build is present (E2E_CHROME_DIR /
 * E2E_FIREFOX_DIR, else .output/): `node --test test/popup-early-path.e2e.mjs`.
 *  - the head script (entrypoints/popup-early.ts) ran and sent the popup's requests (its
 *    `popup:early` mark), and the tab's status came from the worker's storage.session mirror,
 *    confirmed by the page (`popup:mirror`, components/popup/early.ts) — the paths the popup bench
 *    times in Chromium, checked here in Firefox too;
 *  - the popup's styles, inline in popup.html (wxt.config.ts), apply (no CSP blocks them);
 *  - a mirror the page does not confirm (the tab moved on to another document) is never shown:
 *    the worker answers, drops it, and the popup shows what the page says; after that (nothing
 *    mirrored, no report in the page) the popup knows `unknown` without the worker (`popup:no-report`).
 * Uses the acceptance suite's drivers and helpers (test/e2e/lib); run it on its own, not with them.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './e2e/lib/chromium.mjs';
import { launchFirefox } from './e2e/lib/firefox.mjs';
import { startServer } from './e2e/lib/server.mjs';
import { OWN_PAGES, extensionDir, waitFor } from './e2e/lib/common.mjs';
import * as S from './e2e/lib/scenarios.mjs';

/** The worker's storage.session key for a tab (lib/background/tab-reports.ts). */
const mirrorKey = (tabId) => `tab:${tabId}`;

/** The mirror entry for a tab, read from an extension page (storage.session is not for content scripts). */
async function mirrorOf(driver, tabId) {
  const p = await S.probe(driver);
  return p.evaluate(async (key) => {
    const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
    return (await api.storage.session.get(key))[key] ?? null;
  }, mirrorKey(tabId));
}

/** Which of the popup's fast paths ran, and what it shows. */
async function popupPaths(popup) {
  return popup.evaluate(() => ({
    early: performance.getEntriesByName('popup:early').length,
    mirror: performance.getEntriesByName('popup:mirror').length,
    noReport: performance.getEntriesByName('popup:no-report').length,
    entityIds: [...document.querySelectorAll('[data-testid="entity"]')].map((li) => li.getAttribute('data-entity-id')),
    empty: !!document.querySelector('[data-testid="empty"]'),
    // popup.css (inlined into popup.html by wxt.config.ts) sets the body's width.
    bodyWidth: getComputedStyle(document.body).width,
  }));
}

for (const [browser, launch] of /** @type {const} */ ([['chromium', launchChromium], ['firefox', launchFirefox]])) {
  const extDir = extensionDir(browser === 'chromium' ? 'chrome' : 'firefox');
  describe(`popup fast start [${browser}]`, { skip: extDir ? false : `no ${browser} build (set E2E_${browser === 'chromium' ? 'CHROME' : 'FIREFOX'}_DIR or run npm run build)` }, () => {
    const ctx = { driver: null, server: null, userDataDir: '' };
    let page = null;
    let tabId = 0;
    let report = null;

    before(async () => {
      ctx.server = await startServer({ own: OWN_PAGES });
      ctx.userDataDir = mkdtempSync(path.join(os.tmpdir(), `backstory-popup-early-${browser}-`));
      ctx.driver = await launch({ extDir, userDataDir: ctx.userDataDir, proxy: ctx.server.proxy, serverOrigin: ctx.server.origin });
    });
    after(async () => {
      await ctx.driver?.close().catch(() => {});
      await ctx.server?.close();
      if (ctx.userDataDir) rmSync(ctx.userDataDir, { recursive: true, force: true });
    });

    it(`the head script sends the requests and the confirmed storage.session mirror answers [${browser}]`, async () => {
      const d = ctx.driver;
      page = await S.openPage(d, ctx.server.url('own', 'own-seed.html'));
      tabId = await d.tabIdOf(page);
      const status = await S.waitStatus(d, tabId, 60_000);
      assert.equal(status.state, 'ready', `background status: ${JSON.stringify(status).slice(0, 200)}`);
      report = status.report;
      // The worker mirrors a task after answering; wait for the copy before opening the popup.
      await waitFor(await S.probe(d), async (key) => {
        const api = globalThis.browser ?? globalThis.chrome;
        return !!(await api.storage.session.get(key))[key];
      }, mirrorKey(tabId), { what: 'the worker to mirror the report into storage.session', timeout: 15_000 });
      const popup = await S.openPopup(d, tabId);
      const seen = await popupPaths(popup);
      await popup.close();
      assert.equal(seen.early, 1, 'the popup head script did not run (no popup:early mark)');
      assert.equal(seen.mirror, 1, 'the tab status did not come from the storage.session mirror (no popup:mirror mark)');
      assert.equal(seen.bodyWidth, '380px', "the popup's styles (inline in popup.html) do not apply");
      const reportIds = new Set(report.entities.map((e) => e.id));
      assert.ok(seen.entityIds.length > 0, 'the popup lists no entities');
      assert.deepEqual(seen.entityIds.filter((id) => !reportIds.has(id)), [], 'the popup lists entities the report does not have');
    });

    it(`a mirror the page does not confirm is never shown; the worker answers [${browser}]`, async () => {
      const d = ctx.driver;
      assert.ok(page && report, 'needs the first test');
      // The tab moves on to a page that is not an article (and fails the cheap gate, so it never
      // reports): the worker keeps the article's entry, in memory and in the mirror, until someone
      // asks (it has no tabs permission to see navigations) — the real stale mirror.
      await d.goto(page, ctx.server.url('own', 'home.html'));
      assert.equal((await mirrorOf(d, tabId))?.state, 'ready', 'the old report should still be mirrored (nothing dropped it)');
      const popup = await S.openPopup(d, tabId);
      const seen = await popupPaths(popup);
      await popup.close();
      assert.equal(seen.mirror, 0, 'the popup took an unconfirmed mirror');
      assert.deepEqual(seen.entityIds, [], 'the popup shows the old article');
      assert.ok(seen.empty, 'the popup does not show the empty state of a page that is not an article');
      // The worker's own check dropped the stale entry, mirror included.
      assert.equal(await mirrorOf(d, tabId), null, 'the stale mirror was not dropped');
      // Now nothing is mirrored and the page has no report: the popup knows without the worker.
      const again = await S.openPopup(d, tabId);
      const next = await popupPaths(again);
      await again.close();
      assert.equal(next.noReport, 1, 'the popup asked the worker about a page with no report and nothing mirrored (no popup:no-report mark)');
      assert.ok(next.empty && next.entityIds.length === 0, 'the popup does not show the empty state');
    });
  });
}
