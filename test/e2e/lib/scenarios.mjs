/**
 * Browser-independent steps of the issue #2 acceptance scenarios. Each takes a driver from
 * chromium.mjs or firefox.mjs (same surface) and pages from it; page code runs through
 * page.evaluate, which playwright and puppeteer share, so one scenario serves both browsers.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { OWN_PAGES, SHARED_FIXTURES, waitFor, sleep } from './common.mjs';

export const ARTICLES = [
  { name: 'own-seed', mount: 'own', dir: OWN_PAGES, file: 'own-seed.html', required: true },
  { name: 'shared-seed', mount: 'shared', dir: SHARED_FIXTURES, file: 'seed-article.html', required: false },
];
export const NON_ARTICLES = ['home.html', 'search.html', 'login.html', 'forum.html'];

/** Names the popup must list when the article's text mentions them (key → pattern over entity names). */
export const REQUIRED_ENTITIES = [
  { key: /\bTrump\b/, name: /^Donald Trump$/ },
  { key: /\bPutin\b/, name: /^Vladimir Putin$/ },
  { key: /\bZelensk/, name: /^Volodymyr Zelensk(y|yy|iy)$/ },
  { key: /\bUkrain/, name: /^Ukraine$/ },
  { key: /\bRussia/, name: /^Russia$/ },
  { key: /\bIran\b/, name: /^Iran$/ },
  { key: /\bKyiv\b/, name: /^Kyiv$/ },
  { key: /\bKremlin\b/, name: /Kremlin/ },
];
/** Required only where the bundled dataset has them (and the text mentions them). */
export const DATASET_ENTITIES = [
  { key: /\bTruth Social\b/, name: /^Truth Social$/, probe: 'Truth Social' },
  { key: /\bBiden\b/, name: /^(Joe Biden|Biden administration)$/, probe: 'Joe Biden' },
];

/** Does the built extension's data contain this string (i.e. does the dataset have the entity)? */
export function datasetHas(extDir, text) {
  const stack = [extDir];
  while (stack.length) {
    const dir = stack.pop();
    for (const ent of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, ent.name);
      if (ent.isDirectory()) stack.push(p);
      else if (/\.(json|js)$/.test(ent.name) && readFileSync(p, 'utf8').includes(text)) return true;
    }
  }
  return false;
}

export function fixtureAvailable(f) {
  return existsSync(path.join(f.dir, f.file));
}

/** Page-side: keep the document as it was at DOMContentLoaded, before any document_idle content script. */
function capturePristine() {
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      const w = /** @type {any} */ (window);
      w.__e2ePristine = document.documentElement.outerHTML;
      // A log of later DOM changes, to say what changed when the DOM check fails.
      w.__e2eMutations = [];
      const describe = (n) => (n instanceof Element ? `<${n.localName}${n.id ? '#' + n.id : ''}${n.className && typeof n.className === 'string' ? '.' + n.className.split(' ')[0] : ''}>` : n?.nodeName ?? '?');
      new MutationObserver((records) => {
        for (const r of records) {
          if (w.__e2eMutations.length > 200) return;
          w.__e2eMutations.push(
            `${Math.round(performance.now())}ms ${r.type} ${describe(r.target)}${r.attributeName ? ' @' + r.attributeName + '=' + JSON.stringify(r.target.getAttribute?.(r.attributeName)) : ''}` +
              (r.addedNodes.length ? ` +${[...r.addedNodes].map(describe).join(',')}` : '') +
              (r.removedNodes.length ? ` -${[...r.removedNodes].map(describe).join(',')}` : ''),
          );
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    },
    { once: true },
  );
}

export async function openPage(driver, url) {
  const page = await driver.newPage();
  await driver.addInitScript(page, capturePristine);
  await driver.goto(page, url);
  return page;
}

/** An extension page kept open per driver to talk to the background like the popup does. */
export async function probe(driver) {
  if (driver._probe && !driver._probe.isClosed()) return driver._probe;
  const page = await driver.newPage();
  await driver.gotoExt(page, 'popup.html');
  driver._probe = page;
  return page;
}

/** The background's TabStatus for a tab, asked with the popup's own message. */
export async function tabStatus(driver, tabId) {
  const p = await probe(driver);
  return p.evaluate(async (id) => {
    const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
    return api.runtime.sendMessage({ type: 'ui:get-tab-report', tabId: id });
  }, tabId);
}

/** Waits until the background knows the tab (state ≠ unknown); returns the TabStatus. */
export async function waitStatus(driver, tabId, timeout = 15_000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await tabStatus(driver, tabId).catch((e) => ({ ok: false, error: String(e) }));
    if (last?.ok && last.value.state !== 'unknown') return last.value;
    await sleep(150);
  }
  throw new Error(`background never reported tab ${tabId}: last reply ${JSON.stringify(last)?.slice(0, 300)}`);
}

export async function openPopup(driver, tabId, { width = 400, height = 600 } = {}) {
  const page = await driver.newPage();
  await driver.setViewport(page, width, height);
  await driver.gotoExt(page, `popup.html?tabId=${tabId}`);
  await waitFor(
    page,
    () => !document.querySelector('[data-testid="loading"]') && !!document.querySelector('[data-testid="entities"], [data-testid="empty"]'),
    undefined,
    { what: 'the popup to show a report or its empty state', timeout: 15_000 },
  );
  return page;
}

/** What the popup shows, read through the stable hooks. */
export async function readPopup(page) {
  return page.evaluate(() => {
    const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const q = (s) => document.querySelector(s);
    const entitiesRoot = q('[data-testid="entities"]');
    const entities = [...document.querySelectorAll('[data-testid="entity"]')].map((li) => ({
      id: li.getAttribute('data-entity-id'),
      name: text(li.querySelector('.entity-name')) || text(li),
      count: text(li.querySelector('[data-testid="entity-count"]')),
      text: text(li),
      group: text(li.closest('.entity-group')?.querySelector('h3, h4')),
    }));
    const groups = entitiesRoot ? [...entitiesRoot.querySelectorAll('h3, h4, [role="heading"]')].map(text) : [];
    // Coverage items sit in groups headed by the page name they concern (h3; "Other earlier coverage" for none).
    const coverage = [...document.querySelectorAll('[data-testid="coverage-item"]')].map((li) => ({
      text: text(li),
      group: text(li.closest('.coverage-group')?.querySelector('h3')),
    }));
    const opinion = [...document.querySelectorAll('[data-testid="opinion-item"]')].map((li) => ({
      text: text(li),
      reasons: [...li.querySelectorAll('li')].map(text).filter(Boolean),
    }));
    const toggle = /** @type {HTMLInputElement|null} */ (q('[data-testid="highlight-toggle"]'));
    const toggleInput = toggle && toggle.tagName === 'INPUT' ? toggle : toggle?.querySelector('input');
    return {
      kind: text(q('[data-testid="kind"]')),
      title: text(q('h1')),
      entities,
      groups,
      coverage,
      opinion,
      empty: text(q('[data-testid="empty"]')) || null,
      toggle: toggleInput ? { checked: toggleInput.checked, role: toggleInput.getAttribute('role'), type: toggleInput.type } : null,
    };
  });
}

/** Clicks an element of a page with the real mouse (scrolled into view first). */
export async function clickTestId(page, testId) {
  const box = await page.evaluate((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    if (!el) return null;
    el.scrollIntoView({ block: 'center' });
    const r = el.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width, h: r.height };
  }, testId);
  if (!box || box.w === 0) throw new Error(`[data-testid="${testId}"] not found or not visible`);
  await page.mouse.click(box.x, box.y);
}

/**
 * Page-side: the article's own paragraphs, split into the "What The Author Thinks" section (opinion)
 * and the reporting paragraphs before it. Short lines (byline, credit) are left out.
 */
export async function articleSections(page) {
  return page.evaluate(() => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const headings = [...document.querySelectorAll('h2, h3, h4')];
    const author = headings.find((h) => /what the author thinks/i.test(h.textContent ?? ''));
    const body = author?.closest('article, main') ?? document.querySelector('article') ?? document.body;
    const ps = [...body.querySelectorAll('p')].filter((p) => norm(p.textContent ?? '').length > 60);
    const opinion = [];
    const reporting = [];
    for (const p of ps) {
      if (!author) reporting.push(p);
      else if (author.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING) {
        // after the heading: opinion until the next heading
        const next = headings.find((h) => h !== author && author.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
        if (!next || next.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_PRECEDING) opinion.push(p);
        else reporting.push(p);
      } else reporting.push(p);
    }
    return {
      hasAuthorHeading: !!author,
      opinion: opinion.map((p) => norm(p.textContent ?? '')),
      reporting: reporting.map((p) => norm(p.textContent ?? '')),
      text: norm(body.textContent ?? ''),
    };
  });
}

/**
 * Page-side: how a named highlight covers the article's paragraphs: for each opinion / reporting
 * paragraph, the share of its characters inside the highlight's ranges, and the ranges' text.
 */
export async function highlightCoverage(page, name) {
  return page.evaluate((hlName) => {
    const norm = (s) => s.replace(/\s+/g, ' ').trim();
    const hl = CSS.highlights?.get(hlName);
    const ranges = hl
      ? [...hl].map((r) => {
          const rr = document.createRange();
          rr.setStart(r.startContainer, r.startOffset);
          rr.setEnd(r.endContainer, r.endOffset);
          return rr;
        })
      : [];
    const headings = [...document.querySelectorAll('h2, h3, h4')];
    const author = headings.find((h) => /what the author thinks/i.test(h.textContent ?? ''));
    const body = author?.closest('article, main') ?? document.querySelector('article') ?? document.body;
    const ps = [...body.querySelectorAll('p')].filter((p) => norm(p.textContent ?? '').length > 60);
    const overlap = (p) => {
      const pr = document.createRange();
      pr.selectNodeContents(p);
      let chars = 0;
      for (const r of ranges) {
        if (r.compareBoundaryPoints(Range.END_TO_START, pr) >= 0 || r.compareBoundaryPoints(Range.START_TO_END, pr) <= 0) continue; // disjoint
        const o = document.createRange();
        if (r.compareBoundaryPoints(Range.START_TO_START, pr) >= 0) o.setStart(r.startContainer, r.startOffset);
        else o.setStart(pr.startContainer, pr.startOffset);
        if (r.compareBoundaryPoints(Range.END_TO_END, pr) <= 0) o.setEnd(r.endContainer, r.endOffset);
        else o.setEnd(pr.endContainer, pr.endOffset);
        chars += o.toString().replace(/\s+/g, '').length;
      }
      return chars / Math.max(1, (p.textContent ?? '').replace(/\s+/g, '').length);
    };
    const isOpinion = (p) => {
      if (!author || !(author.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING)) return false;
      const next = headings.find((h) => h !== author && author.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING);
      return !next || !!(next.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_PRECEDING);
    };
    return {
      size: ranges.length,
      texts: ranges.map((r) => norm(r.toString())),
      opinion: ps.filter(isOpinion).map((p) => ({ text: norm(p.textContent ?? '').slice(0, 80), covered: overlap(p) })),
      reporting: ps.filter((p) => !isOpinion(p)).map((p) => ({ text: norm(p.textContent ?? '').slice(0, 80), covered: overlap(p) })),
    };
  }, name);
}

export async function highlightSize(page, name) {
  return page.evaluate((n) => CSS.highlights?.get(n)?.size ?? 0, name);
}

export async function domNow(page) {
  return page.evaluate(() => document.documentElement.outerHTML);
}
export async function mutationLog(page) {
  return page.evaluate(() => /** @type {any} */ (window).__e2eMutations ?? []);
}
export async function domPristine(page) {
  return page.evaluate(() => /** @type {any} */ (window).__e2ePristine ?? null);
}

/** First difference between two HTML strings, for a readable assertion message. */
export function firstDiff(a, b) {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `differs at char ${i}: before …${JSON.stringify(a.slice(Math.max(0, i - 60), i + 100))}… after …${JSON.stringify(b.slice(Math.max(0, i - 60), i + 100))}…`;
}

/** Viewport point of the first whole-word `word` inside an article paragraph (scrolled to the middle). */
export async function wordPoint(page, word) {
  return page.evaluate((w) => {
    const root = document.querySelector('article') ?? document.body;
    const re = new RegExp(`\\b${w}\\b`);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = /** @type {Text} */ (n);
      if (!t.parentElement?.closest('p')) continue;
      const i = t.data.search(re);
      if (i < 0) continue;
      t.parentElement.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + w.length);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2, w: b.width, h: b.height };
    }
    return null;
  }, word);
}

/** The hover card as the page sees it (open shadow root), or null when none is shown. */
export async function readCard(page) {
  return page.evaluate(() => {
    const host = document.querySelector('backstory-card');
    const card = host?.shadowRoot?.querySelector('[data-testid="card"]');
    if (!host || !card) return null;
    const r = card.getBoundingClientRect();
    const style = getComputedStyle(card);
    if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') return null;
    const t = (s) => (card.querySelector(`[data-testid="${s}"]`)?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const cov = card.querySelector('[data-testid="card-coverage"]');
    const items = cov ? cov.querySelectorAll('li').length || cov.children.length : 0;
    return {
      role: card.getAttribute('role'),
      name: t('card-name'),
      type: t('card-type'),
      description: t('card-description'),
      coverageItems: items,
      coverageText: t('card-coverage').slice(0, 300),
      rect: { x: r.x, y: r.y, w: r.width, h: r.height },
    };
  });
}

/** readCard once the card is placed and visible (null after `timeout` ms). */
export async function visibleCard(page, timeout = 3000) {
  const until = Date.now() + timeout;
  for (;;) {
    const card = await readCard(page);
    if (card || Date.now() > until) return card;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function cardGone(page) {
  return page.evaluate(() => !document.querySelector('backstory-card'));
}

/** Moves the real mouse in steps from `from` to `to`. */
export async function moveMouse(page, to, steps = 6) {
  await page.mouse.move(to.x, to.y, { steps });
}

/** axe-core on a page (string evaluation: extension CSP forbids inline scripts and eval). */
export async function runAxe(page, axeSource) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const res = await /** @type {any} */ (window).axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1] ?? ''}`),
    }));
  });
}

/** Hosts browsers contact by themselves (updates, settings, accounts): not the extension's doing. */
export function isBrowserNoise(url) {
  try {
    const h = new URL(url).hostname;
    return /(^|\.)(mozilla\.(com|org|net)|firefox\.com|mozaws\.net|google\.com|googleapis\.com|gstatic\.com|gvt1\.com|googleusercontent\.com|chromium\.org)$/.test(h);
  } catch {
    return false;
  }
}
