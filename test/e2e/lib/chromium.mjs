/**
 * Chromium driver (playwright-core, Debian /usr/bin/chromium, new headless which loads unpacked
 * extensions). Recipe from ../shared/docs/TOOLCHAIN.md. Records every request and every uncaught
 * error/console error of pages, the extension's service worker and extension pages.
 */
import { chromium } from 'playwright-core';
import { isAllowedUrl } from './common.mjs';

const EXECUTABLE = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/**
 * @param {{ extDir: string, userDataDir: string, proxy: string, serverOrigin: string }} opts
 */
export async function launchChromium({ extDir, userDataDir, proxy, serverOrigin }) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: EXECUTABLE,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Everything not on 127.0.0.1 goes to the harness, which records and refuses it.
      `--proxy-server=http://${proxy}`,
    ],
  });

  /** @type {{url: string, from: string}[]} */
  const requests = [];
  /** @type {{from: string, text: string}[]} */
  const errors = [];

  const watchPage = (page) => {
    page.on('pageerror', (err) => errors.push({ from: `page ${safeUrl(page)}`, text: String(err?.stack ?? err), where: String(err?.stack ?? '') }));
    page.on('console', (msg) => {
      const type = msg.type();
      if (type === 'error' || (type === 'warn' || type === 'warning') && msg.text().startsWith('[backstory]'))
        errors.push({ from: `console.${type} ${safeUrl(page)}`, text: msg.text(), where: msg.location()?.url ?? '' });
    });
  };
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  context.on('request', (req) => {
    let from = 'page';
    try {
      if (req.serviceWorker()) from = 'service-worker';
      else from = `frame ${req.frame().url()}`;
    } catch {
      /* frame may be gone */
    }
    requests.push({ url: req.url(), from });
  });

  let sw = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!sw) sw = await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extId = new URL(sw.url()).host;
  // Uncaught errors in the background from now on (startup errors surface as a missing worker or a failing test).
  await sw
    .evaluate(() => {
      const g = /** @type {any} */ (globalThis);
      g.__e2eErrors = [];
      g.addEventListener('error', (e) => g.__e2eErrors.push(`error: ${e.message} @ ${e.filename}:${e.lineno}`));
      g.addEventListener('unhandledrejection', (e) => g.__e2eErrors.push(`unhandledrejection: ${e.reason?.stack ?? e.reason}`));
    })
    .catch(() => {});
  try {
    sw.on('console', (msg) => {
      if (msg.type() === 'error') errors.push({ from: 'service-worker console', text: msg.text() });
    });
  } catch {
    /* older playwright: no worker console events */
  }

  return {
    name: 'chromium',
    context,
    extId,
    extBase: `chrome-extension://${extId}/`,
    requests,
    errors,
    async newPage() {
      return context.newPage();
    },
    async goto(page, url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    /** Opens an extension page (popup.html?tabId=N, options.html) in a tab. */
    async gotoExt(page, pathAndQuery) {
      await page.goto(`chrome-extension://${extId}/${pathAndQuery}`, { waitUntil: 'load' });
    },
    async addInitScript(page, fn) {
      await page.addInitScript(fn);
    },
    /** caret: 'initial' — playwright's default caret hiding writes a style attribute into the page's DOM. */
    async screenshot(page, opts) {
      await page.screenshot({ caret: 'initial', ...opts });
    },
    async setViewport(page, width, height) {
      await page.setViewportSize({ width, height });
    },
    async colorScheme(page, scheme) {
      await page.emulateMedia({ colorScheme: scheme });
    },
    /** Tab id of a page: make it the active tab, then ask the extension. */
    async tabIdOf(page) {
      await page.bringToFront();
      const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extId}/`)) ?? sw;
      const tabs = await worker.evaluate(() => chrome.tabs.query({ active: true, lastFocusedWindow: true }));
      if (tabs.length !== 1 || typeof tabs[0].id !== 'number') throw new Error(`no single active tab: ${JSON.stringify(tabs)}`);
      return tabs[0].id;
    },
    async backgroundErrors() {
      const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extId}/`));
      if (!worker) return [];
      return worker.evaluate(() => /** @type {any} */ (globalThis).__e2eErrors ?? []).catch(() => []);
    },
    disallowedRequests() {
      return requests.filter((r) => !isAllowedUrl(r.url, serverOrigin));
    },
    /** Requests the extension itself made (its service worker and pages); content-script requests count as the page's. */
    async extensionChannels() {
      return requests.filter((r) => r.from === 'service-worker' || r.from.includes('chrome-extension://'));
    },
    /**
     * Keys sent over CDP reach the page's renderer, never the browser's accelerators, so an
     * extension command cannot be pressed in headless Chromium (tried: the setting stays put).
     * Returns false: the caller checks the registration with commandInfo() instead.
     */
    async pressShortcut(_page, _keys) {
      return false;
    },
    /** A manifest command as the browser registered it, and whether the worker listens for commands. */
    async commandInfo(name) {
      const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extId}/`)) ?? sw;
      return worker.evaluate(async (n) => {
        const all = await chrome.commands.getAll();
        const c = all.find((x) => x.name === n);
        return c ? { shortcut: c.shortcut ?? '', listening: chrome.commands.onCommand.hasListeners() } : null;
      }, name);
    },
    async close() {
      await context.close();
    },
  };
}

function safeUrl(page) {
  try {
    return page.url();
  } catch {
    return '?';
  }
}
