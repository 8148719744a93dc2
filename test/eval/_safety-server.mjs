/**
 * Fixture server for the hostile E2E (test/e2e/hostile.test.mjs): like test/e2e/lib/server.mjs
 * (127.0.0.1, random port, doubles as the browsers' recording HTTP proxy that refuses every other
 * host) but serves test/fixtures/hostile/ under /hostile/ and sends a strict
 * `Content-Security-Policy: default-src 'none'; style-src 'none'` with every csp-*.html.
 */
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const STRICT_CSP = "default-src 'none'; style-src 'none'";

export async function startHostileServer(dir) {
  const foreign = [];
  let origin = '';
  const server = http.createServer(async (req, res) => {
    let target;
    try {
      target = new URL(req.url ?? '/', origin);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (target.origin !== origin) {
      foreign.push({ url: target.href, method: req.method ?? 'GET', at: Date.now() });
      res.writeHead(403, { 'content-type': 'text/plain' }).end('blocked by the e2e harness');
      return;
    }
    if (target.pathname === '/favicon.ico') return void res.writeHead(204).end();
    const m = /^\/hostile\/([\w.-]+\.html)$/.exec(target.pathname);
    if (!m) return void res.writeHead(404).end('not found');
    try {
      const body = await readFile(path.join(dir, m[1]));
      const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
      if (m[1].startsWith('csp-')) headers['content-security-policy'] = STRICT_CSP;
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  server.on('connect', (req, socket) => {
    foreign.push({ url: `https://${req.url}`, method: 'CONNECT', at: Date.now() });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('clientError', (_e, socket) => socket.destroy());
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    proxy: `127.0.0.1:${port}`,
    foreign,
    url: (file) => `${origin}/hostile/${file}`,
    close: () => new Promise((resolve) => (server.closeAllConnections?.(), server.close(() => resolve(undefined)))),
  };
}
