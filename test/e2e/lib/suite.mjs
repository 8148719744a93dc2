/**
 * The issue #2 acceptance suite, declared once and run per browser (chromium.test.mjs,
 * firefox.test.mjs). Tests in one describe run in order and share one browser.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer } from './server.mjs';
import { OWN_PAGES, SHARED_FIXTURES, extensionDir, screenshotPath, waitFor, sleep } from './common.mjs';
import * as S from './scenarios.mjs';
import { readerUiTests } from './reader-ui.mjs';

/**
 * @param {{ browser: 'chromium'|'firefox', launch: (o: {extDir: string, userDataDir: string, proxy: string, serverOrigin: string}) => Promise<any>, extras?: (ctx: any) => void }} cfg
 */
export function acceptanceSuite(cfg) {
  const extDir = extensionDir(cfg.browser === 'chromium' ? 'chrome' : 'firefox');
  const skipAll = extDir ? false : `no built extension in .output/ for ${cfg.browser} (run npm run build)`;

  /** Test titles carry the browser, so the runner's failure list says where. */
  const T = (title) => `${title} [${cfg.browser}]`;
  cfg.T = T;

  describe(`${cfg.browser}`, { skip: skipAll }, () => {
    /** Shared state of this browser's run. */
    const ctx = { driver: null, server: null, userDataDir: '', extDir, browser: cfg.browser, relaunch: null };

    before(async () => {
      ctx.server = await startServer({ own: OWN_PAGES, shared: SHARED_FIXTURES });
      ctx.userDataDir = mkdtempSync(path.join(os.tmpdir(), `backstory-e2e-${cfg.browser}-`));
      const opts = () => ({ extDir, userDataDir: ctx.userDataDir, proxy: ctx.server.proxy, serverOrigin: ctx.server.origin });
      ctx.driver = await cfg.launch(opts());
      ctx.allRequests = [];
      ctx.allErrors = [];
      ctx.allChannels = [];
      /** Close and start the browser again on the same profile (settings must survive). */
      ctx.relaunch = async () => {
        await collect(ctx);
        await ctx.driver.close();
        ctx.driver = await cfg.launch(opts());
      };
    });

    after(async () => {
      if (ctx.driver) {
        await collect(ctx).catch(() => {});
        await ctx.driver.close().catch(() => {});
      }
      await ctx.server?.close();
      if (ctx.userDataDir) rmSync(ctx.userDataDir, { recursive: true, force: true });
    });

    for (const fx of S.ARTICLES) {
      const available = S.fixtureAvailable(fx);
      const skip = available
        ? false
        : fx.required
          ? false // a missing own fixture must fail, not skip
          : `${path.join(fx.dir, fx.file)} is absent (../shared not here): skipped`;
      describe(`article ${fx.name}`, { skip }, () => {
        const TF = (title) => T(`${fx.name}: ${title}`);
        const st = { page: null, tabId: 0, status: null, report: null, sections: null, popup: null };
        after(async () => {
          // fewer live tabs for the rest of the run (2 shared cores)
          await st.popup?.close().catch(() => {});
          await st.page?.close().catch(() => {});
        });

        it(TF('detect: the page is recognised as an article (popup shows title, kind, entities)'), async (t) => {
          assert.ok(available, `fixture ${path.join(fx.dir, fx.file)} is missing`);
          const d = ctx.driver;
          st.page = await S.openPage(d, ctx.server.url(fx.mount, fx.file));
          st.tabId = await d.tabIdOf(st.page);
          const t0 = Date.now();
          // generous: the first article of a browser run loads the default pack (slow on a busy 2-core box)
          st.status = await S.waitStatus(d, st.tabId, 45_000);
          t.diagnostic(`report ready ${Date.now() - t0} ms after load`);
          assert.equal(st.status.state, 'ready', `background status: ${JSON.stringify(st.status).slice(0, 300)}`);
          st.report = st.status.report;
          assert.equal(st.report.article.detected, true);
          st.sections = await S.articleSections(st.page);
          st.popup = await S.openPopup(d, st.tabId);
          const view = await S.readPopup(st.popup);
          assert.equal(view.empty, null, `popup shows an empty state on an article: ${view.empty}`);
          assert.ok(view.title.length > 10, `popup title: ${view.title}`);
          assert.ok(view.kind.length > 0, 'kind badge missing');
          assert.ok(view.toggle, 'article view without the highlight switch');
          const pageTitle = await st.page.evaluate(() => document.querySelector('h1')?.textContent?.trim() ?? '');
          assert.ok(view.title.includes(pageTitle.slice(0, 30)) || pageTitle.includes(view.title.slice(0, 30)), `popup title "${view.title}" vs page h1 "${pageTitle}"`);
        });

        it(TF('link: the popup lists the expected entities and no false links'), async (t) => {
          assert.ok(st.report, 'no report (detect failed)');
          const view = await S.readPopup(st.popup);
          const names = view.entities.map((e) => e.name);
          const text = st.sections.text;
          const missing = [];
          for (const req of S.REQUIRED_ENTITIES) {
            if (req.key.test(text) && !names.some((n) => req.name.test(n))) missing.push(String(req.name));
          }
          for (const opt of S.DATASET_ENTITIES) {
            if (opt.key.test(text) && S.datasetHas(extDir, opt.probe) && !names.some((n) => opt.name.test(n))) missing.push(String(opt.name));
          }
          assert.deepEqual(missing, [], `missing from the popup: ${missing.join(', ')}; listed: ${names.join(', ')}`);
          // Every mention is the text it claims to be, and no entity rests only on lowercase words.
          const paragraphs = st.report.article.paragraphs;
          const bad = [];
          for (const e of st.report.entities) {
            for (const m of e.mentions) {
              if ((paragraphs[m.paragraph] ?? '').slice(m.start, m.end) !== m.text) bad.push(`${e.name}: mention ${JSON.stringify(m)} ≠ paragraph text`);
            }
            if (e.mentions.length === 0) bad.push(`${e.name}: no mentions`);
            // "war in Ukraine" names something; "full-scale invasion" alone would be ordinary words
            else if (e.mentions.every((m) => !/\p{Lu}|\d/u.test(m.text))) bad.push(`${e.name}: only ordinary lowercase words (${e.mentions.map((m) => m.text).join(', ')})`);
          }
          assert.deepEqual(bad, [], bad.join('\n'));
          const lower = st.report.entities.flatMap((e) => e.mentions.filter((m) => !/\p{Lu}|\d/u.test(m.text)).map((m) => `${e.name} ← "${m.text}"`));
          if (lower.length) t.diagnostic(`lowercase mentions (entity also named properly elsewhere): ${lower.join('; ')}`);
          // The page marks exactly the linked mentions (backstory-entity highlight), nothing else.
          const marks = await st.page.evaluate(() => [...(CSS.highlights?.get('backstory-entity') ?? [])].map((r) => {
            const rr = document.createRange();
            rr.setStart(r.startContainer, r.startOffset);
            rr.setEnd(r.endContainer, r.endOffset);
            return rr.toString();
          }));
          const mentionTexts = new Set(st.report.entities.flatMap((e) => e.mentions.map((m) => m.text)));
          assert.ok(marks.length > 0, 'no backstory-entity highlight on the page');
          assert.deepEqual(marks.filter((m) => !mentionTexts.has(m)), [], 'highlighted names that are not linked mentions');
          assert.ok(marks.includes('Putin') || marks.includes('Vladimir Putin'), `Putin not marked; marks: ${marks.join(', ')}`);
          // The popup shows the report's entities, no others.
          const reportNames = new Set(st.report.entities.map((e) => e.name));
          assert.deepEqual(names.filter((n) => !reportNames.has(n)), [], 'popup lists entities the report does not have');
        });

        it(TF('popup: entities grouped by type, each with its mention count'), async () => {
          assert.ok(st.report, 'no report (detect failed)');
          const view = await S.readPopup(st.popup);
          assert.ok(view.entities.length > 0, 'no entities listed');
          assert.ok(view.groups.length >= 2, `expected entity groups (people, places…), got ${JSON.stringify(view.groups)}`);
          for (const e of view.entities) assert.ok(e.group, `entity ${e.name} outside a group`);
          const byName = new Map(st.report.entities.map((e) => [e.name, e]));
          for (const e of view.entities) assert.equal(e.count, String(byName.get(e.name)?.mentions.length), `count shown for ${e.name}`);
        });

        it(TF('popup: earlier coverage, each item dated before the article with a why-line'), async () => {
          assert.ok(st.report, 'no report (detect failed)');
          const view = await S.readPopup(st.popup);
          const date = st.report.article.date;
          assert.match(String(date), /^\d{4}-\d{2}-\d{2}$/, 'article date');
          assert.ok(st.report.coverage.length > 0 && view.coverage.length > 0, 'no earlier coverage listed');
          for (const c of st.report.coverage) {
            // Timeline items are strictly earlier; a page the reader read before this one may share
            // its date (lib/coverage/rank.ts: "you read this earlier" counts from the same day on).
            const prior = c.id.startsWith('history:') ? c.date <= date : c.date < date;
            assert.ok(c.date && prior, `coverage ${c.id} dated ${c.date}, not before ${date}`);
            assert.ok(c.why && c.why.trim().length > 0, `coverage ${c.id} has no why-line`);
          }
          for (const item of view.coverage) {
            assert.ok(st.report.coverage.some((c) => item.text.includes(c.why.replace(/\s+/g, ' ').trim())), `coverage item without its why-line: ${item.text}`);
          }
        });

        it(TF('popup: opinion passages with reasons, including the "What The Author Thinks" paragraph'), async () => {
          assert.ok(st.report, 'no report (detect failed)');
          const view = await S.readPopup(st.popup);
          assert.ok(view.opinion.length > 0, 'no opinion passages listed');
          for (const o of view.opinion) assert.ok(o.reasons.length > 0, `opinion passage without reasons: ${o.text.slice(0, 80)}`);
          if (st.sections.hasAuthorHeading) {
            const idx = st.report.article.paragraphs.findIndex((p) => p.replace(/\s+/g, ' ').trim() === st.sections.opinion[0]);
            assert.ok(idx >= 0, 'the author paragraph is not among the report paragraphs');
            const flag = st.report.opinion.find((f) => f.paragraph === idx);
            assert.equal(flag?.label, 'opinion', `author paragraph flagged ${JSON.stringify(flag)}`);
            const words = st.sections.opinion[0].split(' ').slice(0, 4).join(' ');
            assert.ok(view.opinion.some((o) => o.text.includes(words)), `popup opinion list lacks the author paragraph ("${words}…")`);
            const reportingIdx = st.sections.reporting.map((r) => st.report.article.paragraphs.findIndex((p) => p.replace(/\s+/g, ' ').trim() === r)).filter((i) => i >= 0);
            const wrong = st.report.opinion.filter((f) => f.label === 'opinion' && reportingIdx.includes(f.paragraph));
            assert.deepEqual(wrong, [], 'reporting paragraphs flagged as opinion');
          }
          await shots(ctx, st.popup, `popup-${fx.name}`);
        });

        it(TF('hover: a "Putin" mention opens the card; Esc and moving away close it'), async () => {
          assert.ok(st.report, 'no report (detect failed)');
          const page = st.page;
          await page.bringToFront();
          await page.mouse.move(5, 5);
          const pt = await S.wordPoint(page, 'Putin');
          assert.ok(pt, 'no "Putin" in the article paragraphs');
          await S.moveMouse(page, pt);
          const card = await waitFor(page, () => {
            const host = document.querySelector('backstory-card');
            return !!host?.shadowRoot?.querySelector('[data-testid="card"]');
          }, undefined, { what: 'the hover card', timeout: 6000 }).then(() => S.visibleCard(page));
          assert.ok(card, 'card not visible');
          assert.equal(card.role, 'dialog');
          assert.match(card.name, /Vladimir Putin/);
          assert.ok(card.type.length > 0, 'card type empty');
          assert.ok(card.description.length > 10, `card description: "${card.description}"`);
          assert.ok(card.coverageItems > 0, `card shows no earlier items: "${card.coverageText}"`);
          await sleep(250); // past the card's 120 ms fade-in, so the screenshot shows it as a reader does
          await ctx.driver.screenshot(page, { path: screenshotPath(`${cfg.browser}-card-${fx.name}`) });
          // the card stays while the pointer is on it
          await S.moveMouse(page, { x: card.rect.x + Math.min(40, card.rect.w / 2), y: card.rect.y + Math.min(30, card.rect.h / 2) });
          await sleep(700);
          assert.ok(await S.readCard(page), 'card closed while the pointer was on it');
          // Esc closes
          await page.keyboard.press('Escape');
          await waitFor(page, () => !document.querySelector('backstory-card'), undefined, { what: 'Esc to close the card (and remove <backstory-card>)', timeout: 2000 });
          // reopen, then move away
          await page.mouse.move(5, 5);
          await sleep(400);
          await S.moveMouse(page, pt);
          await waitFor(page, () => !!document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="card"]'), undefined, { what: 'the card to reopen', timeout: 6000 });
          await S.moveMouse(page, { x: 5, y: 5 });
          await waitFor(page, () => !document.querySelector('backstory-card'), undefined, { what: 'the card to close after the pointer left', timeout: 4000 });
        });

        it(TF('toggle: "Highlight opinion" marks the author section only, leaves the DOM untouched, persists across reload'), async () => {
          assert.ok(st.report, 'no report (detect failed)');
          const page = st.page;
          const pristine = await S.domPristine(page);
          assert.ok(pristine, 'no DOMContentLoaded snapshot');
          const before = await S.domNow(page);
          assert.equal(S.firstDiff(pristine, before), null, `the page DOM changed since DOMContentLoaded (highlights off); mutations: ${(await S.mutationLog(page)).join(' | ')}`);
          assert.equal(await S.highlightSize(page, 'backstory-opinion'), 0, 'opinion highlighted before the toggle');

          let view = await S.readPopup(st.popup);
          assert.ok(view.toggle, 'no [data-testid="highlight-toggle"] checkbox');
          assert.equal(view.toggle.checked, false);
          assert.equal(view.toggle.role, 'switch');
          await st.popup.bringToFront();
          await S.clickTestId(st.popup, 'highlight-toggle');
          await waitFor(st.popup, () => document.querySelector('[data-testid="highlight-toggle"]')?.checked === true, undefined, { what: 'the switch to turn on' });
          await waitFor(page, () => (CSS.highlights?.get('backstory-opinion')?.size ?? 0) > 0, undefined, { what: 'backstory-opinion highlight', timeout: 5000 });
          const cov = await S.highlightCoverage(page, 'backstory-opinion');
          if (st.sections.hasAuthorHeading) {
            assert.ok(cov.opinion.length > 0);
            for (const p of cov.opinion) assert.ok(p.covered >= 0.9, `author paragraph only ${(p.covered * 100).toFixed(0)}% highlighted: ${p.text}`);
          }
          const leaks = cov.reporting.filter((p) => p.covered > 0);
          assert.deepEqual(leaks, [], `reporting paragraphs highlighted as opinion; ranges: ${JSON.stringify(cov.texts).slice(0, 400)}`);
          assert.equal(S.firstDiff(before, await S.domNow(page)), null, 'highlighting changed the page DOM');
          await page.bringToFront();
          await page.evaluate(() => [...document.querySelectorAll('h2, h3')].find((h) => /what the author thinks/i.test(h.textContent ?? ''))?.scrollIntoView({ block: 'start' }));
          await ctx.driver.screenshot(page, { path: screenshotPath(`${cfg.browser}-opinion-${fx.name}`) });

          // persists across a reload
          await page.reload({ waitUntil: 'load' });
          await waitFor(page, () => (CSS.highlights?.get('backstory-opinion')?.size ?? 0) > 0, undefined, { what: 'the highlight after reload', timeout: 8000 });
          await st.popup.close();
          st.popup = await S.openPopup(ctx.driver, st.tabId);
          view = await S.readPopup(st.popup);
          assert.equal(view.toggle?.checked, true, 'switch not on after reload');

          // off: highlights gone, DOM exactly as before
          const reloaded = await S.domNow(page);
          await st.popup.bringToFront();
          await S.clickTestId(st.popup, 'highlight-toggle');
          await waitFor(page, () => (CSS.highlights?.get('backstory-opinion')?.size ?? 0) === 0, undefined, { what: 'the opinion highlight to clear', timeout: 5000 });
          assert.equal(S.firstDiff(reloaded, await S.domNow(page)), null, 'turning highlighting off changed the page DOM');
          assert.equal(S.firstDiff(await S.domPristine(page), await S.domNow(page)), null, 'page DOM differs from the DOMContentLoaded snapshot');
          await st.popup.close();
          st.popup = null;
        });

        it(TF('keyboard: with keyboard links on (options), focusing a name opens the card, Esc closes it; off restores the DOM exactly'), { skip: fx.name !== 'own-seed' && 'own fixture only (time)' }, async () => {
          assert.ok(st.report, 'no report (detect failed)');
          const d = ctx.driver;
          const page = st.page;
          const options = await d.newPage();
          await d.gotoExt(options, 'options.html');
          await waitFor(options, () => !!document.querySelector('[data-testid="setting-keyboard-links"]'), undefined, { what: 'options keyboard-links switch' });
          const flip = async () => {
            await options.bringToFront();
            await S.clickTestId(options, 'setting-keyboard-links');
          };
          await flip();
          // A failure below must not leave keyboard links on for the tests after this one.
          let on = true;
          try {
            const spans = await waitFor(page, () => {
              const els = [...document.querySelectorAll('span[data-backstory-mention]')];
              return els.length ? els.map((e) => ({ text: e.textContent, tabindex: e.getAttribute('tabindex') })) : null;
            }, undefined, { what: 'focusable mention wrappers', timeout: 5000 });
            const mentionTexts = new Set(st.report.entities.flatMap((e) => e.mentions.map((m) => m.text)));
            assert.deepEqual(spans.filter((x) => !mentionTexts.has(x.text) || x.tabindex !== '0'), [], 'wrappers that are not focusable linked mentions');
            await page.bringToFront();
            await page.mouse.move(5, 5);
            await page.evaluate(() => /** @type {HTMLElement} */ ([...document.querySelectorAll('span[data-backstory-mention]')].find((e) => /Putin/.test(e.textContent ?? '')))?.focus());
            let open = await waitFor(page, () => !!document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="card"]'), undefined, { what: 'card on focus', timeout: 2000 }).catch(() => false);
            if (!open) {
              await page.keyboard.press('Enter');
              open = await waitFor(page, () => !!document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="card"]'), undefined, { what: 'the card on focus or Enter', timeout: 3000 });
            }
            // The card exists before it is placed and shown: wait until it is visible.
            assert.match((await S.visibleCard(page))?.name ?? '', /Vladimir Putin/);
            await page.keyboard.press('Escape');
            await waitFor(page, () => !document.querySelector('backstory-card'), undefined, { what: 'Esc to close the card', timeout: 2000 });
            assert.ok(await page.evaluate(() => document.activeElement?.hasAttribute('data-backstory-mention')), 'focus did not return to the name after Esc');
            await page.evaluate(() => /** @type {HTMLElement} */ (document.activeElement)?.blur());
            await flip();
            on = false;
            await waitFor(page, () => !document.querySelector('span[data-backstory-mention]'), undefined, { what: 'wrappers removed', timeout: 5000 });
            assert.equal(S.firstDiff(await S.domPristine(page), await S.domNow(page)), null, 'keyboard links off did not restore the DOM exactly');
          } finally {
            if (on) await flip().catch(() => {});
            await options.close();
          }
        });

        // Issue #9: every keyboard path, the shortcut, the card's theme and its accessibility.
        readerUiTests({ ctx, st, fx, TF, browser: cfg.browser });

        it(TF('site toggle: turning Backstory off for the site removes every mark; on brings them back'), { skip: fx.name !== 'own-seed' && 'own fixture only (time)' }, async () => {
          assert.ok(st.report, 'no report (detect failed)');
          const d = ctx.driver;
          const page = st.page;
          assert.ok((await S.highlightSize(page, 'backstory-entity')) > 0, 'no entity marks to start with');
          const popup = await S.openPopup(d, st.tabId);
          await S.clickTestId(popup, 'site-toggle');
          await waitFor(page, () => (CSS.highlights?.get('backstory-entity')?.size ?? 0) === 0, undefined, { what: 'marks removed when the site is off', timeout: 5000 });
          assert.equal(S.firstDiff(await S.domPristine(page), await S.domNow(page)), null, 'DOM changed with the site off');
          await S.clickTestId(popup, 'site-toggle');
          await waitFor(page, () => (CSS.highlights?.get('backstory-entity')?.size ?? 0) > 0, undefined, { what: 'marks back when the site is on again', timeout: 15_000 });
          await popup.close();
        });
      });
    }

    describe('non-articles', () => {
      /** file → page; all four load at once so the quiet period the gate needs is waited once. */
      const pages = new Map();
      before(async () => {
        const d = ctx.driver;
        await Promise.all(
          S.NON_ARTICLES.filter((f) => existsSync(path.join(OWN_PAGES, f))).map(async (f) => pages.set(f, await S.openPage(d, ctx.server.url('own', f)))),
        );
        await sleep(2500); // a page that fails the cheap gate may stay silent (state "unknown"): give it time to speak
      });
      after(async () => {
        for (const p of pages.values()) await p.close().catch(() => {});
      });
      for (const file of S.NON_ARTICLES) {
        it(T(`detect: ${file} shows the popup's empty state and no highlights`), async () => {
          assert.ok(existsSync(path.join(OWN_PAGES, file)), `fixture test/fixtures/pages/${file} is missing`);
          const d = ctx.driver;
          const page = pages.get(file);
          const tabId = await d.tabIdOf(page);
          const reply = await S.tabStatus(d, tabId);
          assert.ok(reply?.ok, `background reply: ${JSON.stringify(reply)}`);
          const status = reply.value;
          assert.notEqual(status.state, 'ready', `${file} analysed as an article: ${JSON.stringify(status).slice(0, 300)}`);
          const popup = await S.openPopup(d, tabId);
          const view = await S.readPopup(popup);
          assert.ok(view.empty, `${file}: popup shows no empty state`);
          assert.equal(view.entities.length, 0);
          assert.equal(await S.highlightSize(page, 'backstory-entity'), 0);
          assert.equal(await S.highlightSize(page, 'backstory-opinion'), 0);
          assert.equal(S.firstDiff(await S.domPristine(page), await S.domNow(page)), null, `${file}: DOM changed`);
          if (file === 'home.html') await shots(ctx, popup, 'popup-empty', { dark: false });
          await popup.close();
        });
      }
    });

    it(T('options page renders its sections'), async () => {
      const d = ctx.driver;
      const page = await d.newPage();
      await d.setViewport(page, 900, 900);
      await d.gotoExt(page, 'options.html');
      await waitFor(page, () => !!document.querySelector('[data-testid="packs"]') && !!document.querySelector('[data-testid="about"]'), undefined, { what: 'options hooks packs/about' });
      const has = await page.evaluate(() => ['packs', 'pack-import', 'history-clear', 'about'].filter((id) => !document.querySelector(`[data-testid="${id}"]`)));
      assert.deepEqual(has, [], 'options hooks missing');
      await ctx.driver.screenshot(page, { path: screenshotPath(`${cfg.browser}-options`), fullPage: true });
      await page.close();
    });

    it(T('options: a file that is not a pack is refused in a plain sentence, the packs untouched'), async () => {
      const d = ctx.driver;
      const page = await d.newPage();
      await d.setViewport(page, 900, 900);
      await d.gotoExt(page, 'options.html');
      await waitFor(page, () => document.querySelectorAll('[data-testid="pack"]').length > 0, undefined, { what: 'the pack list' });
      const packsBefore = await page.evaluate(() => [...document.querySelectorAll('[data-testid="pack"]')].map((el) => el.getAttribute('data-pack-id')));
      const dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-e2e-import-'));
      try {
        const file = path.join(dir, 'notes.json');
        writeFileSync(file, '{"hello": "world"}');
        const input = await page.$('[data-testid="pack-import"]');
        // Playwright and Puppeteer name the file chooser's call differently.
        await (input.setInputFiles ? input.setInputFiles(file) : input.uploadFile(file));
        await waitFor(page, () => document.querySelector('[data-testid="import-status"]')?.classList.contains('status-error'), undefined, { what: 'the import error' });
        const seen = await page.evaluate(() => {
          const detail = document.querySelector('details[data-testid="import-detail"]');
          return {
            status: document.querySelector('[data-testid="import-status"]')?.textContent ?? '',
            detailOpen: detail ? detail.open : null,
            detail: detail?.querySelector('code')?.textContent ?? '',
            packs: [...document.querySelectorAll('[data-testid="pack"]')].map((el) => el.getAttribute('data-pack-id')),
          };
        });
        assert.equal(seen.status, 'Could not import “notes.json”. This file is not a Backstory pack. Your installed packs are unchanged.');
        assert.equal(seen.detailOpen, false, 'the technical detail starts folded');
        assert.match(seen.detail, /^format: expected "backstory-pack"/);
        assert.deepEqual(seen.packs, packsBefore);
        await ctx.driver.screenshot(page, { path: screenshotPath(`${cfg.browser}-options-import-refused`), fullPage: true });
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await page.close();
      }
    });

    it(T('options: in forced colours (high contrast) a switch shows whether it is on'), { skip: cfg.browser !== 'chromium' && 'no forced-colours emulation in Firefox under BiDi' }, async () => {
      const d = ctx.driver;
      const page = await d.newPage();
      await d.setViewport(page, 900, 900);
      await page.emulateMedia({ forcedColors: 'active' });
      try {
        await d.gotoExt(page, 'options.html');
        await waitFor(page, () => document.querySelectorAll('input.switch').length >= 2, undefined, { what: 'the switches' });
        // The painted colours of a switch's track and knob, for one that is on and one that is off.
        const look = await page.evaluate(() => {
          const paint = (el) => ({ track: getComputedStyle(el).backgroundColor, knob: getComputedStyle(el, '::after').backgroundColor });
          const all = [...document.querySelectorAll('input.switch')];
          const on = all.find((el) => el.checked);
          const off = all.find((el) => !el.checked);
          return { forced: matchMedia('(forced-colors: active)').matches, on: on && paint(on), off: off && paint(off) };
        });
        assert.ok(look.forced, 'forced colours not emulated');
        assert.ok(look.on && look.off, `need a switch on and one off: ${JSON.stringify(look)}`);
        assert.notEqual(look.off.knob, look.off.track, `the knob of a switch that is off is invisible: ${JSON.stringify(look.off)}`);
        assert.notEqual(look.on.knob, look.on.track, `the knob of a switch that is on is invisible: ${JSON.stringify(look.on)}`);
        assert.notEqual(look.on.track, look.off.track, 'on and off look the same');
        await d.screenshot(page, { path: screenshotPath(`${cfg.browser}-options-forced-colours`), fullPage: true });
      } finally {
        await page.close();
      }
    });

    cfg.extras?.(ctx);

    it(T('network: the extension made no request beyond the fixture server'), async () => {
      await collect(ctx);
      const pageReqs = ctx.allRequests.filter((r) => !isAllowed(r.url, ctx.server.origin));
      const ext = ctx.allChannels.filter((r) => !isAllowed(r.url, ctx.server.origin));
      const foreign = ctx.server.foreign.filter((r) => !S.isBrowserNoise(r.url));
      assert.deepEqual(ext, [], 'requests made by the extension');
      assert.deepEqual(pageReqs, [], 'requests to other hosts from pages (content script or popup)');
      assert.deepEqual(foreign, [], 'requests that reached the proxy (not browser noise)');
    });

    it(T('errors: no uncaught errors in extension contexts'), async (t) => {
      await collect(ctx);
      for (const w of ctx.warnings ?? []) t.diagnostic(`extension warning: ${w.slice(0, 300)}`);
      for (const w of ctx.pageNoise ?? []) t.diagnostic(`page (not extension) error: ${w.slice(0, 300)}`);
      assert.deepEqual(ctx.allErrors, []);
    });
  });
}

function isAllowed(url, origin) {
  if (/^(chrome-extension|moz-extension|data|blob|about):/.test(url)) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Moves what the driver recorded into ctx (before a relaunch or at the end). */
async function collect(ctx) {
  const d = ctx.driver;
  if (!d) return;
  ctx.allRequests.push(...d.requests.splice(0));
  for (const e of d.errors.splice(0)) {
    const line = `${e.from}: ${e.text}`;
    const fromExtension = /(chrome|moz)-extension:\/\/|service-worker/.test(`${e.from} ${e.where ?? ''} ${e.text}`);
    if (e.from.startsWith('console.warn')) (ctx.warnings ??= []).push(line); // caught and logged by the extension
    else if (fromExtension) ctx.allErrors.push(line);
    else (ctx.pageNoise ??= []).push(line); // the fixture page's own (e.g. a 404), not the extension's
  }
  // These two are cumulative per browser run: keep each entry once.
  const seen = (ctx.seen ??= new Set());
  for (const e of await d.backgroundErrors()) {
    const line = `extension: ${e}`;
    if (seen.has(line)) continue;
    seen.add(line);
    // Firefox reports an API call still in flight when the test closes a popup tab: rejected when
    // the message channel (Conduits actor) is torn down, "resolved" when the answer arrives after
    // the page is gone (ExtensionCommon's wrapPromise). Both are the test's teardown racing a
    // request, not an error thrown by extension code, so they are shown as diagnostics.
    if (isTeardownRace(e)) (ctx.warnings ??= []).push(line);
    else ctx.allErrors.push(line);
  }
  for (const r of await d.extensionChannels()) {
    const key = `channel ${JSON.stringify(r)}`;
    if (!seen.has(key)) (seen.add(key), ctx.allChannels.push(r));
  }
}

/** Firefox's own report of a promise settling after the popup page unloaded (see collect). */
export function isTeardownRace(message) {
  // Only the exact teardown wording, from Firefox's ExtensionCommon: anything else still fails.
  return /^Promise (rejected|resolved) after context unloaded(:|\s|$)/.test(message);
}

/** Popup screenshots, light and dark. */
async function shots(ctx, page, name, { dark = true } = {}) {
  const d = ctx.driver;
  await page.bringToFront();
  await d.colorScheme(page, 'light');
  await sleep(100);
  await d.screenshot(page, { path: screenshotPath(`${d.name}-${name}-light`), fullPage: true });
  if (dark) {
    await d.colorScheme(page, 'dark');
    await sleep(150);
    await d.screenshot(page, { path: screenshotPath(`${d.name}-${name}-dark`), fullPage: true });
    await d.colorScheme(page, 'light');
  }
}
