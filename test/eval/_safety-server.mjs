/**
 * Fixture server for the hostile E2E (test/e2e/hostile.test.mjs): the E2E server
 * (test/e2e/lib/server.mjs: 127.0.0.1, random port, doubles as the browsers' recording HTTP proxy
 * that refuses every other host) serving test/fixtures/hostile/ under /hostile/, with a strict
 * `Content-Security-Policy: default-src 'none'; style-src 'none'` on every csp-*.html.
 */
import { startServer } from '../e2e/lib/server.mjs';

export const STRICT_CSP = "default-src 'none'; style-src 'none'";

export async function startHostileServer(dir) {
  const server = await startServer(
    { hostile: dir },
    { headersFor: (_mount, file) => (file.startsWith('csp-') ? { 'content-security-policy': STRICT_CSP } : {}) },
  );
  return { ...server, url: (file) => server.url('hostile', file) };
}
