/** Small helpers shared by both browser drivers and the scenarios. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
export const OWN_PAGES = path.join(ROOT, 'test/fixtures/pages');
export const SHARED_FIXTURES = path.resolve(ROOT, '../shared/fixtures');
export const SCREENSHOTS = path.join(ROOT, 'test/e2e/screenshots');

/** URL schemes and origins the extension may touch. Anything else is a network request to fail on. */
export function isAllowedUrl(url, serverOrigin) {
  if (/^(chrome-extension|moz-extension|data|blob|about|chrome|devtools):/.test(url)) return true;
  try {
    return new URL(url).origin === serverOrigin;
  } catch {
    return false;
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `fn(arg)` in the page until it returns a truthy value (works the same for playwright and
 * puppeteer pages). Returns that value; throws with `what` and the last value on timeout.
 */
export async function waitFor(page, fn, arg, { timeout = 8000, interval = 100, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  let lastErr;
  while (Date.now() < end) {
    try {
      last = await page.evaluate(fn, arg);
      if (last) return last;
    } catch (e) {
      lastErr = e;
    }
    await sleep(interval);
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}; last value ${JSON.stringify(last)}${lastErr ? `; last error ${lastErr}` : ''}`);
}

export function screenshotPath(name) {
  if (!existsSync(SCREENSHOTS)) mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}

/** Which built extension directory to load for a browser (WXT: .output/<browser>-mv3, or -mv2). */
export function extensionDir(browser) {
  const override = process.env[`E2E_${browser.toUpperCase()}_DIR`]; // e.g. E2E_CHROME_DIR, E2E_FIREFOX_DIR
  if (override) return existsSync(path.join(override, 'manifest.json')) ? path.resolve(override) : null;
  for (const v of ['mv3', 'mv2']) {
    const dir = path.join(ROOT, '.output', `${browser}-${v}`);
    if (existsSync(path.join(dir, 'manifest.json'))) return dir;
  }
  return null;
}
