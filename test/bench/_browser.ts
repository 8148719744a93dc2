/**
 * Real-Chromium plumbing for the browser benches: a copy of the built extension (.output/chrome-mv3,
 * copied so a rebuild in the shared tree cannot pull files from under the browser), a reference
 * extension whose content script is empty (same manifest slot, same run_at), the E2E fixture
 * server (test/e2e/lib/server.mjs, which also refuses any network) and Debian's Chromium launched
 * the TOOLCHAIN.md way. Benches call browserSkip() first and return a note row when it says why not.
 */
import { cpSync, existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { BenchRow } from './measure';

export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

export function builtExtension(root: string): string {
  return process.env.E2E_CHROME_DIR ?? path.join(root, '.output/chrome-mv3');
}

/** Why the browser benches cannot run here, or null when they can. */
export function browserSkip(root: string): string | null {
  if (!existsSync(path.join(builtExtension(root), 'manifest.json'))) return 'no build at .output/chrome-mv3 (run `npm run build`)';
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium, or set E2E_CHROMIUM)`;
  return null;
}

export function skipRow(name: string, why: string): BenchRow {
  return { name: `${name}: skipped`, median: NaN, spread: [NaN, NaN], unit: '', note: why };
}

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extId: string;
  extDir: string;
  /** Browser-level CDP endpoint (http://127.0.0.1:port), when launched with `debugPort` (tracing every process). */
  cdpUrl?: string;
  close(): Promise<void>;
}

/** Temp copy of the built extension. */
export function copyExtension(root: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-bench-ext-'));
  cpSync(builtExtension(root), dir, { recursive: true });
  return dir;
}

/** The same manifest with an empty content script (and no CSS): what any extension costs. */
export function emptyExtension(root: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'backstory-bench-empty-'));
  const manifest = JSON.parse(readFileSync(path.join(builtExtension(root), 'manifest.json'), 'utf8')) as Record<string, unknown>;
  mkdirSync(path.join(dir, 'content-scripts'));
  writeFileSync(path.join(dir, 'content-scripts/content.js'), '');
  writeFileSync(path.join(dir, 'background.js'), '');
  const out = {
    manifest_version: 3,
    name: 'Backstory bench reference',
    version: '0.0.1',
    background: { service_worker: 'background.js' },
    content_scripts: [{ matches: ['http://*/*', 'https://*/*'], run_at: (manifest.content_scripts as { run_at: string }[])[0]?.run_at ?? 'document_idle', js: ['content-scripts/content.js'] }],
  };
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(out));
  return dir;
}

/** Launch Chromium with one unpacked extension; `userDataDir` reused = a browser restart. */
export async function launch(extDir: string, proxy: string, userDataDir?: string, opts: { debugPort?: boolean } = {}): Promise<Session> {
  const { chromium } = await import('playwright-core');
  const profile = userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'backstory-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1200, height: 900 },
    args: [
      `--disable-extensions-except=${extDir}`,
      `--load-extension=${extDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--proxy-server=http://${proxy}`,
      // A second, browser-level CDP client (test/bench/_trace.ts): a page's own session does not
      // trace the extension's service worker.
      ...(opts.debugPort ? ['--remote-debugging-port=0', '--remote-debugging-address=127.0.0.1'] : []),
    ],
  });
  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!worker) worker = await context.waitForEvent('serviceworker', { timeout: 20_000 });
  const extId = new URL(worker.url()).host;
  let cdpUrl: string | undefined;
  if (opts.debugPort) {
    const portFile = path.join(profile, 'DevToolsActivePort');
    for (let i = 0; i < 100 && !existsSync(portFile); i++) await new Promise((r) => setTimeout(r, 50));
    const port = readFileSync(portFile, 'utf8').split('\n')[0]!.trim();
    cdpUrl = `http://127.0.0.1:${port}`;
  }
  return {
    context, worker, extId, extDir, cdpUrl,
    async close() {
      await context.close().catch(() => {});
      if (!userDataDir) rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface Server { origin: string; proxy: string; url(mount: string, file: string): string; close(): Promise<void> }

export async function startServer(mounts: Record<string, string>): Promise<Server> {
  const spec = '../e2e/lib/server.mjs'; // plain JS module without types
  const mod = (await import(/* @vite-ignore */ spec)) as { startServer(m: Record<string, string>): Promise<Server> };
  return mod.startServer(mounts);
}

/** The page's main-thread script and task time so far (CDP Performance metrics), in ms. */
export async function mainThreadMs(page: Page, cdp: Awaited<ReturnType<BrowserContext['newCDPSession']>>): Promise<{ script: number; task: number }> {
  void page;
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (n: string): number => (metrics.find((m) => m.name === n)?.value ?? NaN) * 1000;
  return { script: get('ScriptDuration'), task: get('TaskDuration') };
}

export function rmDirs(...dirs: string[]): void {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
}
