/**
 * Firefox driver (puppeteer-core over WebDriver BiDi, Debian firefox-esr). Recipe from
 * ../shared/docs/TOOLCHAIN.md: the extension is installed as a temporary add-on with a fixed
 * moz-extension UUID (extensions.webextensions.uuids), and `page.goto('moz-extension://…')`
 * never resolves, so extension pages are opened without awaiting and then polled.
 */
import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isAllowedUrl, waitFor } from './common.mjs';

const EXECUTABLE = process.env.E2E_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIXED_UUID = '6d3b0f1e-5a2c-4c1b-9e7a-0b5ac4e2d9f1';

/**
 * @param {{ extDir: string, proxy: string, serverOrigin: string }} opts
 */
export async function launchFirefox({ extDir, proxy, serverOrigin }) {
  const manifest = JSON.parse(readFileSync(path.join(extDir, 'manifest.json'), 'utf8'));
  const geckoId = manifest.browser_specific_settings?.gecko?.id ?? manifest.applications?.gecko?.id;
  if (!geckoId) throw new Error(`${extDir}/manifest.json has no gecko id; the fixed moz-extension UUID needs one`);
  const [proxyHost, proxyPort] = proxy.split(':');

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLE,
    headless: true,
    defaultViewport: { width: 1200, height: 900 },
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: FIXED_UUID }),
      // Everything not on localhost goes to the harness, which records and refuses it.
      'network.proxy.type': 1,
      'network.proxy.http': proxyHost,
      'network.proxy.http_port': Number(proxyPort),
      'network.proxy.ssl': proxyHost,
      'network.proxy.ssl_port': Number(proxyPort),
      'network.proxy.no_proxies_on': '127.0.0.1,localhost',
    },
  });

  /** @type {{url: string, from: string}[]} */
  const requests = [];
  /** @type {{from: string, text: string}[]} */
  const errors = [];
  const watched = new WeakSet();
  const watchPage = (page) => {
    if (!page || watched.has(page)) return;
    watched.add(page);
    page.on('pageerror', (err) => errors.push({ from: `page ${page.url()}`, text: String(err?.stack ?? err), where: String(err?.stack ?? '') }));
    page.on('console', (msg) => {
      const type = msg.type();
      if (type === 'error' || (type === 'warn' || type === 'warning') && msg.text().startsWith('[backstory]'))
        errors.push({ from: `console.${type} ${page.url()}`, text: msg.text(), where: msg.location()?.url ?? '' });
    });
    page.on('request', (req) => {
      let from = 'page';
      try {
        from = `frame ${req.frame()?.url() ?? '?'}`;
      } catch {
        /* gone */
      }
      requests.push({ url: req.url(), from });
    });
  };
  for (const p of await browser.pages()) watchPage(p);
  browser.on('targetcreated', async (t) => {
    try {
      watchPage(await t.page());
    } catch {
      /* not a page */
    }
  });

  /**
   * Runs `expression` with system privileges in the browser window (needs --remote-allow-system-access).
   * Used for what BiDi does not offer: the colour-scheme pref, the console service (errors of the
   * background and content scripts) and a network observer that knows which add-on made a request.
   */
  const chromeEval = async (expression) => {
    const tree = await browser.connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const context = tree.result.contexts[0].context;
    const r = await browser.connection.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none' });
    if (r.result.type === 'exception') throw new Error(`chrome eval failed: ${JSON.stringify(r.result.exceptionDetails?.text)}`);
    const v = r.result.result;
    return v?.type === 'string' ? v.value : v?.value;
  };
  // Every HTTP(S) channel with the principal that triggered it, so extension-made requests are known.
  await chromeEval(`(() => {
    const rec = (globalThis.__e2eNet = []);
    globalThis.__e2eObserver = { observe(subject) {
      try {
        const ch = subject.QueryInterface(Ci.nsIChannel);
        const p = ch.loadInfo && ch.loadInfo.triggeringPrincipal;
        rec.push({ url: ch.URI.spec, addonId: (p && p.addonId) || '', origin: (p && !p.isSystemPrincipal && p.origin) || (p && p.isSystemPrincipal ? 'system' : '') });
      } catch (e) { rec.push({ url: 'observer-error ' + e, addonId: '', origin: '' }); }
    } };
    Services.obs.addObserver(globalThis.__e2eObserver, 'http-on-modify-request');
    return 'ok';
  })()`);

  await browser.installExtension(extDir);
  const extBase = `moz-extension://${FIXED_UUID}/`;

  /** An extension page kept open to ask the tabs API (no "tabs" permission needed for ids). */
  let probe = null;
  const getProbe = async () => {
    if (probe && !probe.isClosed()) return probe;
    probe = await browser.newPage();
    watchPage(probe);
    probe.goto(`${extBase}popup.html?tabId=999999`).catch(() => {});
    await waitFor(probe, () => location.protocol === 'moz-extension:' && document.readyState === 'complete' && typeof browser !== 'undefined', undefined, {
      what: 'a moz-extension page (probe)',
      timeout: 15_000,
    });
    return probe;
  };

  const driver = {
    name: 'firefox',
    browser,
    extId: FIXED_UUID,
    extBase,
    requests,
    errors,
    async newPage() {
      const page = await browser.newPage();
      watchPage(page);
      return page;
    },
    async goto(page, url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async gotoExt(page, pathAndQuery) {
      const url = `${extBase}${pathAndQuery}`;
      page.goto(url).catch(() => {});
      await waitFor(page, (u) => location.href === u && document.readyState === 'complete', url, { what: `${url} to load`, timeout: 15_000 });
    },
    async addInitScript(page, fn) {
      await page.evaluateOnNewDocument(fn);
    },
    async screenshot(page, opts) {
      await page.screenshot(opts);
    },
    async setViewport(page, width, height) {
      await page.setViewport({ width, height });
    },
    /** BiDi has no media emulation in Firefox 153: flip the content colour-scheme pref instead. */
    async colorScheme(_page, scheme) {
      await chromeEval(`Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${scheme === 'dark' ? 0 : 1}); 'ok'`);
    },
    async tabIdOf(page) {
      const p = await getProbe();
      await page.bringToFront();
      const tabs = await p.evaluate(() => browser.tabs.query({ active: true, lastFocusedWindow: true }).then((ts) => ts.map((t) => ({ id: t.id, url: t.url }))));
      if (tabs.length !== 1 || typeof tabs[0].id !== 'number') throw new Error(`no single active tab: ${JSON.stringify(tabs)}`);
      return tabs[0].id;
    },
    /** Uncaught errors logged by any script of the extension (background, pages, content scripts). */
    async backgroundErrors() {
      const json = await chromeEval(`JSON.stringify(Services.console.getMessageArray()
        .filter((m) => m instanceof Ci.nsIScriptError && !(m.flags & Ci.nsIScriptError.warningFlag) && !(m.flags & Ci.nsIScriptError.infoFlag)
          && String(m.sourceName).includes(${JSON.stringify(FIXED_UUID)})
          // zod's caught \`new Function('')\` capability probe shows up as a CSP report, not an uncaught error
          && !/^Content-Security-Policy: .*blocked a JavaScript eval/.test(m.errorMessage))
        .map((m) => m.errorMessage + ' @ ' + m.sourceName + ':' + m.lineNumber))`);
      return JSON.parse(json ?? '[]');
    },
    disallowedRequests() {
      return requests.filter((r) => !isAllowedUrl(r.url, serverOrigin));
    },
    /** Requests the extension itself triggered (background, extension pages, content scripts), any destination. */
    async extensionChannels() {
      const json = await chromeEval('JSON.stringify(globalThis.__e2eNet || [])');
      return JSON.parse(json ?? '[]').filter((r) => r.addonId === geckoId || r.origin.startsWith('moz-extension:') || r.origin.includes(FIXED_UUID));
    },
    /**
     * Real key events for a browser shortcut ("Alt+Shift+O"): nsITextInputProcessor in the browser
     * window dispatches them the way native keys go (focused tab first, then the window's <key>
     * elements, where the add-on's command key lives). Returns true once sent.
     */
    async pressShortcut(page, keys) {
      await page.bringToFront();
      const parts = keys.split('+');
      const key = parts.pop();
      const mods = parts.map((m) => ({ Alt: ['Alt', 'AltLeft', 18], Shift: ['Shift', 'ShiftLeft', 16], Ctrl: ['Control', 'ControlLeft', 17] })[m]);
      if (mods.some((m) => !m) || !/^[A-Z0-9]$/.test(key)) throw new Error(`pressShortcut: unsupported ${keys}`);
      const sent = await chromeEval(`(() => {
        const w = Services.wm.getMostRecentWindow('navigator:browser');
        const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
        if (!tip.beginInputTransactionForTests(w)) return 'busy';
        const K = ([key, code, keyCode]) => new w.KeyboardEvent('', { key, code, keyCode });
        const mods = ${JSON.stringify(mods)};
        const main = [${JSON.stringify(key)}, ${JSON.stringify(/\d/.test(key) ? `Digit${key}` : `Key${key}`)}, ${key.charCodeAt(0)}];
        for (const m of mods) tip.keydown(K(m));
        tip.keydown(K(main));
        tip.keyup(K(main));
        for (const m of [...mods].reverse()) tip.keyup(K(m));
        return 'sent';
      })()`);
      if (sent !== 'sent') throw new Error(`pressShortcut: ${sent}`);
      return true;
    },
    async close() {
      await chromeEval(`Services.obs.removeObserver(globalThis.__e2eObserver, 'http-on-modify-request'); 'ok'`).catch(() => {});
      await browser.close();
    },
  };
  return driver;
}
