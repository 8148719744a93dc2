/**
 * Issue #9 in the browser, declared once for both browsers (called from suite.mjs inside the
 * own-seed article's describe): every keyboard path to the card, the toggle-opinion shortcut,
 * the card taking the page's colour scheme, and axe-core on the card itself.
 *
 * The shortcut: Firefox gets real key events (nsITextInputProcessor in the browser window, the
 * path native keys take, so the add-on's <key> element fires the command). Chromium cannot: keys
 * sent over CDP go to the page's renderer and never reach the browser's accelerators (checked:
 * Alt+Shift+O via playwright leaves the setting unchanged), so there the test checks what the
 * browser can show — the command registered with Alt+Shift+O, a live onCommand listener in the
 * worker, the popup naming the shortcut — and says so in a diagnostic.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, screenshotPath, sleep, waitFor } from './common.mjs';
import * as S from './scenarios.mjs';

const AXE = readFileSync(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const SHORTCUT = 'Alt+Shift+O';

const cardOpen = () => !!document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="card"]');
const cardClosed = () => !document.querySelector('backstory-card');

/** Where keyboard focus is, as the reader would see it. */
async function focusState(page) {
  return page.evaluate(() => {
    const a = document.activeElement;
    return {
      onMention: !!a?.hasAttribute?.('data-backstory-mention'),
      inCard: a?.localName === 'backstory-card',
      text: (a?.textContent ?? '').trim().slice(0, 40),
      tag: a?.localName ?? '',
      scrollY: window.scrollY,
    };
  });
}

/** Records focus moves, scrolls and the card's comings and goings, for failure messages. */
async function watchEvents(page) {
  await page.evaluate(() => {
    const g = /** @type {any} */ (window);
    if (g.__bsLog) return;
    const log = (g.__bsLog = []);
    const at = () => Math.round(performance.now());
    const name = (t) => `${t?.localName ?? '?'}${t?.hasAttribute?.('data-backstory-mention') ? '[mention]' : ''} "${(t?.textContent ?? '').trim().slice(0, 16)}"`;
    document.addEventListener('focusin', (e) => log.push(`${at()} focusin ${name(e.target)}`), true);
    addEventListener('scroll', () => log.push(`${at()} scroll ${Math.round(scrollY)}`), true);
    document.addEventListener('keydown', (e) => log.push(`${at()} keydown ${e.key}`), true);
    new MutationObserver((ms) => {
      for (const m of ms) {
        for (const n of m.addedNodes) if (n.localName === 'backstory-card') log.push(`${at()} card shown`);
        for (const n of m.removedNodes) if (n.localName === 'backstory-card') log.push(`${at()} card removed`);
      }
    }).observe(document.documentElement, { childList: true });
  });
}

async function eventLog(page) {
  return page.evaluate(() => (/** @type {any} */ (window).__bsLog ?? []).slice(-14).join('; '));
}

/**
 * Focus back to the top of the page, the way a reader does it: a click on the headline (plain
 * text, nothing happens). The click matters: it gives the tab's window system focus, without
 * which Firefox moves activeElement on Tab but fires no focus events (so nothing opens).
 */
async function resetFocus(page) {
  const at = await page.evaluate(() => {
    /** @type {HTMLElement|null} */ (document.activeElement)?.blur?.();
    window.scrollTo(0, 0);
    const h1 = document.querySelector('h1');
    const r = h1?.getBoundingClientRect();
    return r ? { x: r.left + 4, y: r.top + r.height / 2 } : null;
  });
  if (at) await page.mouse.click(at.x, at.y);
  await page.mouse.move(2, 2);
}

/** Presses Tab until a linked name has focus; the number of presses, or -1 after `max`. */
async function tabToMention(page, max) {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if ((await focusState(page)).onMention) return i;
  }
  return -1;
}

/** The keyboard-links switch on the options page, flipped (returns the options page). */
async function flipKeyboardLinks(d, options) {
  if (!options) {
    options = await d.newPage();
    await d.gotoExt(options, 'options.html');
    await waitFor(options, () => !!document.querySelector('[data-testid="setting-keyboard-links"]'), undefined, { what: 'options keyboard-links switch' });
  }
  await options.bringToFront();
  await S.clickTestId(options, 'setting-keyboard-links');
  return options;
}

/** axe-core violations inside the hover card's shadow root (page's own problems are not ours). */
async function axeOnCard(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const res = await /** @type {any} */ (window).axe.run({ include: [['backstory-card', '[data-testid="card"]']] }, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
}

/**
 * @param {{ ctx: any, st: any, fx: any, TF: (t: string) => string, browser: 'chromium'|'firefox' }} o
 */
export function readerUiTests({ ctx, st, fx, TF, browser }) {
  const ownOnly = fx.name !== 'own-seed' && 'own fixture only (time)';

  it(TF('keyboard paths: Tab skips names while keyboard links are off and reaches them when on; focus, Enter and Space open the card; Esc closes and keeps focus on the name'), { skip: ownOnly }, async () => {
    assert.ok(st.report, 'no report (detect failed)');
    const d = ctx.driver;
    const page = st.page;
    await page.bringToFront();
    await page.mouse.move(5, 5);
    // Off (the default): Tab walks the page's own links and never stops on a name.
    await resetFocus(page);
    assert.equal(await page.evaluate(() => document.querySelectorAll('[data-backstory-mention]').length), 0, 'focusable wrappers while keyboard links are off');
    assert.equal(await tabToMention(page, 45), -1, 'Tab stopped on a linked name while keyboard links are off');
    assert.ok(await page.evaluate(cardClosed), 'a card opened from Tab while keyboard links are off');

    // On: Tab reaches a linked name, and focusing it opens its card.
    const options = await flipKeyboardLinks(d, null);
    await waitFor(page, () => document.querySelectorAll('[data-backstory-mention]').length > 0, undefined, { what: 'focusable mention wrappers', timeout: 5000 });
    await page.bringToFront();
    await resetFocus(page);
    await watchEvents(page);
    const presses = await tabToMention(page, 60);
    assert.ok(presses > 0, 'Tab never reached a linked name with keyboard links on');
    const first = await focusState(page);
    const opened = await waitFor(page, cardOpen, undefined, { what: 'card', timeout: 3000 }).catch(() => false);
    assert.ok(opened, `no card when Tab focused "${first.text}"; events: ${await eventLog(page)}`);
    const focusedCard = await S.visibleCard(page);
    assert.ok(focusedCard?.name, 'card without a name');

    // Esc closes; focus stays on the name.
    await page.keyboard.press('Escape');
    await waitFor(page, cardClosed, undefined, { what: 'Esc to close the card', timeout: 2000 });
    assert.ok((await focusState(page)).onMention, 'focus left the name after Esc');

    // Enter opens the card and moves focus into it; Esc closes and gives focus back to the name.
    await page.keyboard.press('Enter');
    await waitFor(page, cardOpen, undefined, { what: 'Enter to open the card', timeout: 2000 });
    assert.equal((await S.readCard(page))?.name, focusedCard.name, 'Enter opened a different card');
    assert.ok((await focusState(page)).inCard, 'Enter did not move focus into the card');
    await page.keyboard.press('Escape');
    await waitFor(page, cardClosed, undefined, { what: 'Esc to close the card opened by Enter', timeout: 2000 });
    assert.ok((await focusState(page)).onMention, 'focus did not return to the name after Esc');

    // Space opens it too, without scrolling the page.
    const before = await focusState(page);
    await page.keyboard.press(' '); // the space bar (' ' works in both playwright and puppeteer)
    await waitFor(page, cardOpen, undefined, { what: 'Space to open the card', timeout: 2000 });
    const after = await focusState(page);
    assert.ok(Math.abs(after.scrollY - before.scrollY) < 2, `Space scrolled the page (${before.scrollY} → ${after.scrollY})`);
    await page.keyboard.press('Escape');
    await waitFor(page, cardClosed, undefined, { what: 'Esc to close the card opened by Space', timeout: 2000 });

    // Off again: the wrappers go and the page is exactly as it was.
    await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.blur());
    await flipKeyboardLinks(d, options);
    await waitFor(page, () => !document.querySelector('[data-backstory-mention]'), undefined, { what: 'wrappers removed', timeout: 5000 });
    assert.equal(S.firstDiff(await S.domPristine(page), await S.domNow(page)), null, 'keyboard links off did not restore the DOM exactly');
    await options.close();
  });

  it(TF(`shortcut: ${SHORTCUT} (toggle-opinion command) turns opinion highlighting on and off`), { skip: ownOnly }, async (t) => {
    assert.ok(st.report, 'no report (detect failed)');
    const d = ctx.driver;
    const page = st.page;
    await page.bringToFront();
    const size = () => page.evaluate(() => CSS.highlights?.get('backstory-opinion')?.size ?? 0);
    const was = await size();
    const sent = await d.pressShortcut(page, SHORTCUT);
    if (sent) {
      await waitFor(page, (on) => ((CSS.highlights?.get('backstory-opinion')?.size ?? 0) > 0) === on, was === 0, { what: `${SHORTCUT} to flip opinion highlighting`, timeout: 5000 });
      await page.bringToFront();
      await d.pressShortcut(page, SHORTCUT);
      await waitFor(page, (on) => ((CSS.highlights?.get('backstory-opinion')?.size ?? 0) > 0) === on, was > 0, { what: `${SHORTCUT} again to flip it back`, timeout: 5000 });
    } else {
      t.diagnostic(`${browser}: keys sent over CDP do not reach browser commands in headless mode; checked the registration and the worker's listener instead`);
      const cmd = await d.commandInfo('toggle-opinion');
      assert.equal(cmd?.shortcut, SHORTCUT, `toggle-opinion shortcut: ${JSON.stringify(cmd)}`);
      assert.equal(cmd?.listening, true, 'the background has no commands.onCommand listener');
    }
    // The popup tells the reader the shortcut.
    const popup = await S.openPopup(d, st.tabId);
    const shown = await popup.evaluate(() => document.querySelector('kbd')?.textContent?.trim() ?? document.body.textContent ?? '');
    assert.ok(shown.replace(/\s+/g, '').includes(SHORTCUT), `popup does not show ${SHORTCUT}: "${shown.slice(0, 80)}"`);
    await popup.close();
  });

  it(TF('card theme: the page\'s colour scheme, not the system\'s; axe-core finds no serious issue inside the card'), { skip: ownOnly }, async () => {
    const d = ctx.driver;
    const page = await S.openPage(d, ctx.server.url(fx.mount, fx.file));
    const problems = [];
    const hoverPutin = async () => {
      await page.mouse.move(5, 5);
      await waitFor(page, cardClosed, undefined, { what: 'no card before hovering', timeout: 3000 });
      const pt = await S.wordPoint(page, 'Putin');
      assert.ok(pt, 'no "Putin" in the article');
      await S.moveMouse(page, pt);
      await waitFor(page, cardOpen, undefined, { what: 'the hover card', timeout: 8000 });
      return page.evaluate(() => document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="card"]')?.getAttribute('data-theme'));
    };
    try {
      await waitFor(page, () => (CSS.highlights?.get('backstory-entity')?.size ?? 0) > 0, undefined, { what: 'linked names', timeout: 30_000 });
      // A light page with the system in dark mode: a light card.
      await d.colorScheme(page, 'dark');
      await sleep(100);
      assert.equal(await hoverPutin(), 'light', 'card on a light page (system dark) is not light');
      problems.push(...(await axeOnCard(page)).map((v) => ({ card: 'light', ...v })));
      // The same page turned dark by its own styles: a dark card.
      await d.colorScheme(page, 'light');
      await page.evaluate(() => {
        const s = document.createElement('style');
        s.textContent = 'html { background: #121316 !important; color: #e6e6e6 !important; } body, body * { background-color: transparent !important; color: inherit !important; }';
        document.head.append(s);
      });
      assert.equal(await hoverPutin(), 'dark', 'card on a dark page (system light) is not dark');
      await sleep(250); // past the fade-in
      await d.screenshot(page, { path: screenshotPath(`${browser}-card-dark-page`) });
      problems.push(...(await axeOnCard(page)).map((v) => ({ card: 'dark', ...v })));
    } finally {
      await d.colorScheme(page, 'light').catch(() => {});
      await page.close();
    }
    const serious = problems.filter((p) => p.impact === 'serious' || p.impact === 'critical');
    assert.deepEqual(serious, [], JSON.stringify(serious, null, 1));
  });

  it(TF('popup coverage: earlier items grouped under the page\'s names, each once, best match first; Tab and Enter on "Show all" list every item'), { skip: ownOnly }, async () => {
    assert.ok(st.report, 'no report (detect failed)');
    const report = st.report;
    assert.ok(report.coverage.length > 0, 'the report has no earlier coverage');
    const popup = await S.openPopup(ctx.driver, st.tabId);
    try {
      const named = new Set(report.entities.filter((e) => e.mentions.length > 0).map((e) => e.name));
      const check = (view, when) => {
        const other = 'Other earlier coverage';
        for (const c of view.coverage) assert.ok(named.has(c.group) || c.group === other, `${when}: item under "${c.group}", not a name on the page: ${c.text}`);
        // Groups are contiguous: a name heads one group only.
        const runs = view.coverage.map((c) => c.group).filter((g, i, a) => i === 0 || a[i - 1] !== g);
        assert.equal(new Set(runs).size, runs.length, `${when}: a name heads two groups: ${runs.join(', ')}`);
        assert.ok(view.coverage[0].text.includes(report.coverage[0].why.replace(/\s+/g, ' ').trim()), `${when}: the best match does not lead: ${view.coverage[0].text}`);
      };
      const before = await S.readPopup(popup);
      check(before, 'collapsed');
      const total = report.coverage.length;
      if (total > before.coverage.length) {
        await popup.bringToFront();
        let focused = false;
        for (let i = 0; i < 80 && !focused; i++) {
          await popup.keyboard.press('Tab');
          focused = await popup.evaluate(() => document.activeElement?.getAttribute('aria-controls') === 'coverage-groups');
        }
        assert.ok(focused, 'Tab never reached the coverage "Show all" button');
        await popup.keyboard.press('Enter');
        await waitFor(popup, (n) => document.querySelectorAll('[data-testid="coverage-item"]').length === n, total, { what: `all ${total} coverage items`, timeout: 5000 });
        assert.equal(await popup.evaluate(() => document.activeElement?.getAttribute('aria-expanded')), 'true', '"Show all" does not say it is expanded');
        const after = await S.readPopup(popup);
        check(after, 'expanded');
        await ctx.driver.screenshot(popup, { path: screenshotPath(`${ctx.driver.name}-popup-coverage-all`), fullPage: true });
        // Each of the report's items is listed once (its why-line and outlet).
        for (const c of report.coverage) {
          const n = after.coverage.filter((v) => v.text.includes(c.why.replace(/\s+/g, ' ').trim()) && v.text.includes(c.title)).length;
          assert.equal(n, 1, `coverage ${c.id} listed ${n} times`);
        }
      }
    } finally {
      await popup.close();
    }
  });

  firefoxPageA11y({ ctx, st, fx, TF, browser });
}

/**
 * axe-core on the popup (light and dark) and the options page in Firefox. Chromium runs the same
 * check in chromium.test.mjs; Firefox draws its own form controls and focus rings, so its pages
 * are checked too.
 * @param {{ ctx: any, st: any, fx: any, TF: (t: string) => string, browser: 'chromium'|'firefox' }} o
 */
export function firefoxPageA11y({ ctx, st, fx, TF, browser }) {
  const skip = browser !== 'firefox' ? 'Chromium: chromium.test.mjs runs it' : fx.name !== 'own-seed' && 'own fixture only (time)';
  it(TF('a11y: axe-core finds no serious or critical violations in the popup (light, dark) and options pages'), { skip }, async (t) => {
    assert.ok(st.report, 'no report (detect failed)');
    const d = ctx.driver;
    const problems = [];
    let checked = 0;
    for (const scheme of ['light', 'dark']) {
      const popup = await S.openPopup(d, st.tabId);
      await d.colorScheme(popup, scheme);
      await sleep(150);
      assert.ok(await popup.evaluate(() => !!document.querySelector('[data-testid="kind"]')), `popup (${scheme}) shows no report`);
      const v = await S.runAxe(popup, AXE);
      checked++;
      problems.push(...v.map((x) => ({ page: `popup (${scheme})`, ...x })));
      await d.colorScheme(popup, 'light');
      await popup.close();
    }
    const options = await d.newPage();
    await d.gotoExt(options, 'options.html');
    await waitFor(options, () => !!document.querySelector('[data-testid="about"]'), undefined, { what: 'options page' });
    problems.push(...(await S.runAxe(options, AXE)).map((x) => ({ page: 'options', ...x })));
    checked++;
    await options.close();
    t.diagnostic(`axe ran on ${checked} pages; minor/moderate: ${problems.filter((p) => p.impact !== 'serious' && p.impact !== 'critical').map((p) => `${p.page} ${p.id}`).join(', ') || 'none'}`);
    const serious = problems.filter((p) => p.impact === 'serious' || p.impact === 'critical');
    assert.deepEqual(serious, [], JSON.stringify(serious, null, 1));
  });
}
