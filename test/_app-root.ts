/**
 * The mount point the UI component tests render into: a fresh linkedom document with an #app
 * element, installed as the global `document` (Preact creates nodes through it), and its
 * teardown (unmount, so effects clean up, then restore the globals).
 */
import { vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { render } from 'preact';

export function mountAppRoot(): { document: Document; root: Element } {
  const document = parseHTML('<!doctype html><html><body><div id="app"></div></body></html>').document as unknown as Document;
  vi.stubGlobal('document', document);
  return { document, root: document.getElementById('app')! };
}

export function unmountAppRoot(root: Element): void {
  render(null, root);
  vi.unstubAllGlobals();
}
