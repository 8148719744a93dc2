/**
 * #8: the late-content wait's cost on a short page that is not an article. isShellText must not
 * query scripts/styles when the body's whole text is already short (same answer as
 * visibleTextLength < SHELL_TEXT), and a timerless waitForContent must schedule no deadline timer
 * (one more task entry into the isolated world per page): it ends on the first change after it.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { SHELL_TEXT, cancellation, isShellText, visibleTextLength, waitForContent } from '../lib/page/wait';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

function page(body: string) {
  const { document, MutationObserver } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
  vi.stubGlobal('MutationObserver', MutationObserver);
  return document as unknown as Document;
}

describe('isShellText', () => {
  it('answers a short body from its text alone, without the script/style query', () => {
    const d = page('<p>Short text.</p><script>var state = 1;</script>');
    const query = vi.spyOn(d.body, 'querySelectorAll');
    expect(isShellText(d)).toBe(true);
    expect(query).not.toHaveBeenCalled();
  });

  it('agrees with visibleTextLength when scripts make up the length', () => {
    const json = `<script>${'x'.repeat(SHELL_TEXT)}</script>`;
    const shell = page(`<div id="app"></div>${json}`);
    expect(isShellText(shell)).toBe(true);
    expect(visibleTextLength(shell) < SHELL_TEXT).toBe(true);
    const full = page(`<p>${'Words of the article. '.repeat(120)}</p>${json}`);
    expect(isShellText(full)).toBe(false);
    expect(visibleTextLength(full) < SHELL_TEXT).toBe(false);
  });
});

describe('waitForContent, timerless', () => {
  const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

  it('schedules no deadline timer; the first change after the deadline ends the wait (false), without a check', async () => {
    const d = page('<div id="app"></div>');
    let now = 1_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const check = vi.fn(() => true);
    let result: boolean | undefined;
    void waitForContent(d, check, cancellation().signal, 6000, 5, true).then((v) => (result = v));
    expect(timers).not.toHaveBeenCalled();
    now += 6001;
    await tick(20);
    expect(result).toBeUndefined(); // nothing changed: still pending, no task at the deadline
    d.body.appendChild(d.createElement('p'));
    await tick(20);
    expect(result).toBe(false);
    expect(check).not.toHaveBeenCalled();
  });

  it('before the deadline, still finds late content', async () => {
    const d = page('<div id="app"></div>');
    let result: boolean | undefined;
    void waitForContent(d, () => true, cancellation().signal, 6000, 5, true).then((v) => (result = v));
    d.body.appendChild(d.createElement('p'));
    await vi.waitFor(() => expect(result).toBe(true), { timeout: 1000, interval: 10 });
  });

  it('with a timer (the reader\'s wait), still ends at the deadline on a still page', async () => {
    const d = page('<div id="app"></div>');
    await expect(waitForContent(d, () => true, cancellation().signal, 20, 5)).resolves.toBe(false);
  });
});
