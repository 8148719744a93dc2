#!/usr/bin/env node
/**
 * Real-browser E2E runner: `npm run test:e2e` (or `node test/e2e/run.mjs [--build] [chromium|firefox]`).
 * Runs test/e2e/<browser>.test.mjs, hostile.test.mjs, pack-cache.test.mjs, popup-early-path.test.mjs, page-status.test.mjs and split-navigation.test.mjs with Node's test runner (spec output with its pass/fail counts), then prints
 * one plain line `e2e: N passed, N failed` and exits non-zero on any failure.
 *
 * The extension must be built (.output/chrome-mv3 and .output/firefox-mv3); it is built here when
 * missing, or always with --build / E2E_BUILD=1.
 */
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, extensionDir } from './lib/common.mjs';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  // Answer before anything else: a bare run builds the extension when .output/ is missing.
  console.log(`usage: node test/e2e/run.mjs [--build] [chromium|firefox]
  Runs the real-browser E2E tests on the built extension (.output/chrome-mv3, .output/firefox-mv3),
  building it first when missing (or always with --build / E2E_BUILD=1).
  E2E_CHROME_DIR / E2E_FIREFOX_DIR point it at another build.`);
  process.exit(0);
}
const unknown = args.filter((a) => a.startsWith('--') && a !== '--build');
if (unknown.length) {
  console.error(`e2e: unknown option ${unknown.join(' ')} (try --help)`);
  process.exit(2);
}
const forceBuild = args.includes('--build') || process.env.E2E_BUILD === '1';
const only = args.filter((a) => !a.startsWith('--'));
const browsers = only.length ? only : ['chromium', 'firefox'];

const started = Date.now();
for (const [browser, target] of [['chromium', 'chrome'], ['firefox', 'firefox']]) {
  if (!browsers.includes(browser)) continue;
  if (forceBuild || !extensionDir(target)) {
    console.log(`e2e: building the ${target} extension (wxt build${target === 'firefox' ? ' -b firefox' : ''})`);
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...(target === 'firefox' ? ['-b', 'firefox'] : [])], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
}

// Test a snapshot of the build: in a shared working tree someone may rebuild .output/ mid-run.
const snapshot = mkdtempSync(path.join(os.tmpdir(), 'backstory-e2e-ext-'));
for (const [browser, target] of [['chromium', 'chrome'], ['firefox', 'firefox']]) {
  const key = `E2E_${target.toUpperCase()}_DIR`;
  const dir = extensionDir(target);
  if (!browsers.includes(browser) || !dir || process.env[key]) continue;
  const copy = path.join(snapshot, path.basename(dir));
  cpSync(dir, copy, { recursive: true });
  process.env[key] = copy;
}
process.on('exit', () => rmSync(snapshot, { recursive: true, force: true }));

const files = [...browsers.map((b) => path.join(ROOT, 'test/e2e', `${b}.test.mjs`)), ...['hostile', 'pack-cache', 'popup-early-path', 'page-status', 'split-navigation'].map((f) => path.join(ROOT, 'test/e2e', `${f}.test.mjs`))].filter((f) => existsSync(f));
// hostile, pack-cache and popup-early-path cover both browsers in one file each: tell them which were asked for
process.env.E2E_BROWSERS = browsers.join(',');
let passed = 0;
let failed = 0;
let skipped = 0;
let todo = 0;
const failures = [];

const stream = run({ files, concurrency: Number(process.env.E2E_CONCURRENCY ?? 2), timeout: Number(process.env.E2E_FILE_TIMEOUT_MS ?? 420_000) });
stream.on('test:pass', (d) => {
  if (d.details?.type === 'suite') return;
  if (d.skip) skipped++;
  else if (d.todo) todo++;
  else passed++;
});
const label = (d) => d.name;
stream.on('test:fail', (d) => {
  if (d.details?.type === 'suite') {
    // a suite failing by itself (its before/after hook) counts once
    if (d.details?.error?.failureType === 'hookFailed' || d.details?.error?.failureType === 'suiteTimeout') (failed++, failures.push(label(d)));
    return;
  }
  if (d.todo) todo++;
  else (failed++, failures.push(label(d)));
});
stream.compose(new spec()).pipe(process.stdout);
await new Promise((resolve) => stream.on('close', resolve).on('end', resolve));

const secs = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\ne2e: ${browsers.join(' + ')} in ${secs} s; ${skipped} skipped, ${todo} todo`);
for (const f of failures) console.log(`e2e: FAILED ${f}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
