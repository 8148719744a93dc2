/** Issue #2 acceptance in Chromium (playwright-core, --load-extension=.output/chrome-mv3). */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchChromium } from './lib/chromium.mjs';
import { acceptanceSuite } from './lib/suite.mjs';
import { OWN_PAGES, ROOT, waitFor } from './lib/common.mjs';
import * as S from './lib/scenarios.mjs';

const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

acceptanceSuite({
  browser: 'chromium',
  launch: launchChromium,
  extras(ctx) {
    it(`toggle: the opinion setting survives a browser restart (same profile) [chromium]`, async () => {
      assert.ok(existsSync(path.join(OWN_PAGES, 'own-seed.html')), 'fixture test/fixtures/pages/own-seed.html is missing');
      const url = ctx.server.url('own', 'own-seed.html');
      let page = await S.openPage(ctx.driver, url);
      let tabId = await ctx.driver.tabIdOf(page);
      let popup = await S.openPopup(ctx.driver, tabId);
      await S.clickTestId(popup, 'highlight-toggle');
      await waitFor(page, () => (CSS.highlights?.get('backstory-opinion')?.size ?? 0) > 0, undefined, { what: 'opinion highlight on', timeout: 5000 });

      await ctx.relaunch();
      page = await S.openPage(ctx.driver, url);
      tabId = await ctx.driver.tabIdOf(page);
      const status = await S.waitStatus(ctx.driver, tabId, 30_000);
      assert.equal(status.state, 'ready', 'no report after restart');
      popup = await S.openPopup(ctx.driver, tabId);
      assert.equal((await S.readPopup(popup)).toggle?.checked, true, 'switch off after restart (setting lost)');
      await waitFor(page, () => (CSS.highlights?.get('backstory-opinion')?.size ?? 0) > 0, undefined, { what: 'opinion highlight after restart (setting kept, page not highlighted)', timeout: 10_000 });
      await S.clickTestId(popup, 'highlight-toggle');
      await waitFor(page, () => (CSS.highlights?.get('backstory-opinion')?.size ?? 0) === 0, undefined, { what: 'opinion highlight off', timeout: 5000 });
      await popup.close();
      await page.close();
    });

    it('a11y: axe-core finds no serious or critical violations in the popup and options pages [chromium]', async () => {
      const d = ctx.driver;
      const page = await S.openPage(d, ctx.server.url('own', 'own-seed.html'));
      const tabId = await d.tabIdOf(page);
      const problems = [];
      for (const scheme of ['light', 'dark']) {
        const popup = await S.openPopup(d, tabId);
        await d.colorScheme(popup, scheme);
        const v = await S.runAxe(popup, AXE);
        problems.push(...v.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => ({ page: `popup (${scheme})`, ...x })));
        await popup.close();
      }
      const options = await d.newPage();
      await d.gotoExt(options, 'options.html');
      await waitFor(options, () => !!document.querySelector('[data-testid="about"]'), undefined, { what: 'options page' });
      const v = await S.runAxe(options, AXE);
      problems.push(...v.filter((x) => x.impact === 'serious' || x.impact === 'critical').map((x) => ({ page: 'options', ...x })));
      await options.close();
      await page.close();
      assert.deepEqual(problems, [], JSON.stringify(problems, null, 1));
    });
  },
});
