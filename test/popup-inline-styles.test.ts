/**
 * The build step that inlines the popup's stylesheets into popup.html (wxt.config.ts, issue #8):
 * run on a bundle shaped like Vite's for the options + popup pages.
 */
import { describe, expect, it } from 'vitest';
import { inlinePopupStyles } from '../wxt.config';

type Asset = { type: 'asset'; fileName: string; source: string };
const asset = (fileName: string, source: string): Asset => ({ type: 'asset', fileName, source });

function bundle(): Record<string, Asset | { type: 'chunk'; fileName: string }> {
  return {
    'assets/Switch-a.css': asset('assets/Switch-a.css', '.switch{display:inline-flex}\n'),
    'assets/popup-b.css': asset('assets/popup-b.css', 'body{width:380px}\n'),
    'assets/options-c.css': asset('assets/options-c.css', '.options{margin:0}'),
    'chunks/popup-d.js': { type: 'chunk', fileName: 'chunks/popup-d.js' },
    'entrypoints/popup/index.html': asset(
      'entrypoints/popup/index.html',
      '<head><script src="/popup-early.js"></script><script type="module" crossorigin src="/chunks/popup-d.js"></script>' +
        '<link rel="stylesheet" crossorigin href="/assets/Switch-a.css"><link rel="stylesheet" crossorigin href="/assets/popup-b.css"></head>',
    ),
    'entrypoints/options/index.html': asset(
      'entrypoints/options/index.html',
      '<head><link rel="stylesheet" crossorigin href="/assets/Switch-a.css"><link rel="stylesheet" crossorigin href="/assets/options-c.css"></head>',
    ),
  };
}

function run(b: ReturnType<typeof bundle>): void {
  const hook = inlinePopupStyles().generateBundle as (this: unknown, o: unknown, b: unknown) => void;
  hook.call({}, {}, b);
}

describe('popup stylesheets inlined at build', () => {
  it('puts each stylesheet the popup links in its place, in order, and leaves its scripts linked', () => {
    const b = bundle();
    run(b);
    const html = (b['entrypoints/popup/index.html'] as Asset).source;
    expect(html).not.toContain('rel="stylesheet"');
    expect(html).toContain('<script src="/popup-early.js"></script><script type="module" crossorigin src="/chunks/popup-d.js"></script>');
    expect(html.indexOf('<style>.switch{display:inline-flex}</style>')).toBeLessThan(html.indexOf('<style>body{width:380px}</style>'));
  });

  it('drops a stylesheet only the popup linked, keeps one the options page still links, leaves the options page alone', () => {
    const b = bundle();
    const options = (b['entrypoints/options/index.html'] as Asset).source;
    run(b);
    expect(b['assets/popup-b.css']).toBeUndefined();
    expect(b['assets/Switch-a.css']).toBeDefined();
    expect(b['assets/options-c.css']).toBeDefined();
    expect((b['entrypoints/options/index.html'] as Asset).source).toBe(options);
  });

  it('does nothing in builds without the popup page', () => {
    const b = bundle();
    delete b['entrypoints/popup/index.html'];
    run(b);
    expect(Object.keys(b)).toContain('assets/popup-b.css');
  });
});
