/**
 * test/bench/_trace.ts readerImport: the anatomy of the reader's import that _timeline.ts prints
 * (issue #8), read from a hand-made trace — the request under Chrome's dynamic URL, its redirect to
 * the extension's own URL, the response, the background parse and the module compile — picking the
 * reader's request among others.
 */
import { describe, expect, it } from 'vitest';
import { readerImport, type TraceEvent } from './bench/_trace';

const ev = (name: string, ts: number, data: Record<string, unknown>, dur?: number): TraceEvent =>
  ({ name, cat: 'devtools.timeline', ph: dur === undefined ? 'I' : 'X', ts, ...(dur === undefined ? {} : { dur }), pid: 1, tid: 1, args: { data } }) as TraceEvent;

describe('readerImport (bench trace)', () => {
  it('times request, redirect, response, background parse and module compile on the window clock', () => {
    const from = 1_000_000;
    const events = [
      ev('ResourceSendRequest', from + 500, { requestId: '7.3', url: 'http://127.0.0.1/favicon.ico' }),
      ev('ResourceReceiveResponse', from + 900, { requestId: '7.3' }),
      ev('ResourceSendRequest', from + 1_000, { requestId: '7.2', url: 'chrome-extension://dynamic-guid/article-reader.js' }),
      ev('ResourceSendRequest', from + 6_000, { requestId: '7.2', url: 'chrome-extension://abcdefgh/article-reader.js' }),
      ev('ResourceReceiveResponse', from + 11_000, { requestId: '7.2' }),
      ev('v8.parseOnBackground', from + 12_000, { requestId: '7.2', url: 'chrome-extension://dynamic-guid/article-reader.js' }, 17_500),
      ev('v8.compileModule', from + 30_000, { url: 'chrome-extension://abcdefgh/article-reader.js' }, 100),
    ];
    expect(readerImport(events, from)).toEqual({ request: 1, redirect: 6, response: 11, parseStart: 12, parseMs: 17.5, compiled: 30 });
  });

  it('says null when the reader was never requested, and leaves out steps the trace lacks', () => {
    expect(readerImport([ev('ResourceSendRequest', 10, { requestId: '1', url: 'http://x/a.js' })], 0)).toBeNull();
    // Firefox-like or static URL: no redirect; no parse event recorded.
    const only = readerImport([ev('ResourceSendRequest', 2_000, { requestId: '9', url: 'moz-extension://x/article-reader.js' }), ev('ResourceReceiveResponse', 5_000, { requestId: '9' })], 0);
    expect(only).toEqual({ request: 2, redirect: undefined, response: 5, parseStart: undefined, parseMs: undefined, compiled: undefined });
  });
});
