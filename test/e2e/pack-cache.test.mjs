/**
 * The default pack's decoded-image cache (lib/background/pack-cache.ts, issue #8) in the real
 * browsers whose build is present (E2E_CHROME_DIR / E2E_FIREFOX_DIR, else .output/):
 * `node --test test/e2e/pack-cache.test.mjs (also run by npm run test:e2e)`.
 *  - the first load (fresh profile) takes the shards and writes the inflated image into its own
 *    IndexedDB database under the build's key (a real Blob: the browser's own storage, not
 *    fake-indexeddb);
 *  - a reload takes the cached image and the article gets the same report;
 *  - a corrupt entry under the right key (not an image) and an entry under another key (the pack
 *    of an older build) are replaced by the shards' image, and the article's report is unchanged.
 * In Chromium the worker's own marks (backstory:pack-path) also say which path each load took;
 * Firefox's background is not reachable from the test, so there only the entry and the reports
 * are checked. Uses the acceptance suite's drivers and helpers (test/e2e/lib); run it on its own.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchChromium } from './lib/chromium.mjs';
import { launchFirefox } from './lib/firefox.mjs';
import { startServer } from './lib/server.mjs';
import { OWN_PAGES, extensionDir } from './lib/common.mjs';
import * as S from './lib/scenarios.mjs';

// lib/background/pack-cache.ts: database, store and entry.
const DB = 'backstory-pack-cache';
const STORE = 'images';
const ENTRY = 'default-pack';

/** The cache entry as seen from an extension page: key, size, the Blob's size and first 4 bytes. */
async function entryOf(driver) {
  const p = await S.probe(driver);
  return p.evaluate(async ([db, store, entry]) => {
    const conn = await new Promise((res, rej) => {
      const r = indexedDB.open(db, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(store);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    const value = await new Promise((res, rej) => {
      const r = conn.transaction(store).objectStore(store).get(entry);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    conn.close();
    if (!value) return null;
    const head = value.image instanceof Blob ? new TextDecoder().decode(await value.image.slice(0, 4).arrayBuffer()) : null;
    return { key: value.key, size: value.size, blobSize: value.image instanceof Blob ? value.image.size : -1, head };
  }, [DB, STORE, ENTRY]);
}

/** Replace the entry from an extension page (same origin as the background). */
async function putEntry(driver, key, size, fill) {
  const p = await S.probe(driver);
  await p.evaluate(async ([db, store, entry, k, n, f]) => {
    const conn = await new Promise((res, rej) => {
      const r = indexedDB.open(db, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(store);
      r.onsuccess = () => res(r.result);
      r.onerror = () => rej(r.error);
    });
    await new Promise((res, rej) => {
      const tx = conn.transaction(store, 'readwrite');
      tx.objectStore(store).put({ key: k, size: n, image: new Blob([new Uint8Array(n).fill(f)]) }, entry);
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
    conn.close();
  }, [DB, STORE, ENTRY, key, size, fill]);
}

/** Drop the background's knowledge (the options page does this after a pack import). */
async function reloadKnowledge(driver) {
  const p = await S.probe(driver);
  await p.evaluate(async () => {
    const api = /** @type {any} */ (globalThis).browser ?? /** @type {any} */ (globalThis).chrome;
    await api.runtime.sendMessage({ type: 'ui:packs-changed' });
  });
}

/** The paths the worker's default-pack loads took so far (Chromium only; null elsewhere). */
async function pathsTaken(driver) {
  const sw = driver.context?.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!sw) return null;
  return sw.evaluate(() => performance.getEntriesByName('backstory:pack-path').map((m) => String(m.detail)));
}

// npm run test:e2e says which browsers were asked for (as in hostile.test.mjs)
const wanted = (process.env.E2E_BROWSERS ?? 'chromium,firefox').split(',');
for (const [browser, launch] of /** @type {const} */ ([['chromium', launchChromium], ['firefox', launchFirefox]])) {
  const extDir = wanted.includes(browser) ? extensionDir(browser === 'chromium' ? 'chrome' : 'firefox') : null;
  describe(`default pack image cache [${browser}]`, { skip: extDir ? false : `no ${browser} build (set E2E_${browser === 'chromium' ? 'CHROME' : 'FIREFOX'}_DIR or run npm run build)` }, () => {
    const ctx = /** @type {any} */ ({});
    let key = '';
    let size = 0;
    let reference = '';

    /** The own-seed article's report, entity by entity (id, name, description, mentions). */
    const articleReport = async () => {
      const d = ctx.driver;
      const page = await S.openPage(d, ctx.server.url('own', 'own-seed.html'));
      const tabId = await d.tabIdOf(page);
      const status = await S.waitStatus(d, tabId, 60_000);
      await page.close();
      assert.equal(status.state, 'ready', `background status: ${JSON.stringify(status).slice(0, 200)}`);
      return JSON.stringify(status.report.entities.map((e) => [e.id, e.name, e.description, e.mentions?.length ?? 0]));
    };
    /** The entry once `ok` holds (the write runs a second after a shard load). */
    const waitEntry = async (what, ok) => {
      const end = Date.now() + 20_000;
      let last = null;
      while (Date.now() < end) {
        last = await entryOf(ctx.driver);
        if (ok(last)) return last;
        await new Promise((r) => setTimeout(r, 200));
      }
      assert.fail(`${what}: last entry ${JSON.stringify(last)}`);
    };

    before(async () => {
      ctx.server = await startServer({ own: OWN_PAGES });
      ctx.userDataDir = mkdtempSync(path.join(os.tmpdir(), `backstory-pack-cache-${browser}-`));
      ctx.driver = await launch({ extDir, userDataDir: ctx.userDataDir, proxy: ctx.server.proxy, serverOrigin: ctx.server.origin });
    });
    after(async () => {
      await ctx.driver?.close().catch(() => {});
      await ctx.server?.close();
      if (ctx.userDataDir) rmSync(ctx.userDataDir, { recursive: true, force: true });
    });

    it(`the first load takes the shards and writes the image under the build's key [${browser}]`, async () => {
      reference = await articleReport();
      assert.ok(JSON.parse(reference).length > 5, 'the article links too few entities');
      const entry = await waitEntry('the image written after the first load', (e) => !!e);
      assert.match(entry.key, /^v\d+-[0-9a-f]{64}$/);
      assert.ok(entry.size > 1_000_000, `image of ${entry.size} bytes`);
      assert.equal(entry.blobSize, entry.size);
      assert.equal(entry.head, 'BSRP');
      key = entry.key;
      size = entry.size;
      const paths = await pathsTaken(ctx.driver);
      if (paths) assert.deepEqual(paths, ['shards']);
    });

    it(`a reload takes the cached image; same report [${browser}]`, async () => {
      assert.ok(key, 'needs the first test');
      await reloadKnowledge(ctx.driver);
      assert.equal(await articleReport(), reference);
      const paths = await pathsTaken(ctx.driver);
      if (paths) assert.equal(paths.at(-1), 'cache');
      assert.equal((await entryOf(ctx.driver)).key, key);
    });

    it(`a corrupt entry under the right key is replaced from the shards; same report [${browser}]`, async () => {
      assert.ok(key, 'needs the first test');
      await putEntry(ctx.driver, key, size, 7);
      assert.equal((await entryOf(ctx.driver)).head, '\x07\x07\x07\x07');
      await reloadKnowledge(ctx.driver);
      assert.equal(await articleReport(), reference);
      const paths = await pathsTaken(ctx.driver);
      if (paths) assert.equal(paths.at(-1), 'shards');
      await waitEntry('the image rewritten after a corrupt entry', (e) => e?.key === key && e.head === 'BSRP' && e.blobSize === size);
    });

    it(`an entry of another build (other key) is replaced; same report [${browser}]`, async () => {
      assert.ok(key, 'needs the first test');
      const other = `${key.split('-')[0]}-${'0'.repeat(64)}`;
      await putEntry(ctx.driver, other, 64, 1);
      await reloadKnowledge(ctx.driver);
      assert.equal(await articleReport(), reference);
      const paths = await pathsTaken(ctx.driver);
      if (paths) assert.equal(paths.at(-1), 'shards');
      await waitEntry('the image rewritten under this build\'s key', (e) => e?.key === key && e.head === 'BSRP' && e.blobSize === size);
    });
  });
}
