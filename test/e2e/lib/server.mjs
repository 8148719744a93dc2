/**
 * The E2E web server: serves fixture directories on 127.0.0.1 (random port) and doubles as the
 * browsers' HTTP proxy, so every request a browser makes to any other host — from a page, a
 * content script, the popup or the background — reaches this process, is recorded and is refused.
 *
 *   http://127.0.0.1:PORT/own/<file>     → test/fixtures/pages/<file>
 *   http://127.0.0.1:PORT/shared/<file>  → ../shared/fixtures/<file> (read in place, never copied)
 */
import http from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml' };

/**
 * @param {Record<string, string>} mounts  url prefix (no slashes) → absolute directory
 * @param {{ headersFor?: (mount: string, file: string) => Record<string, string> }} [options]  extra response headers per file (e.g. a strict CSP)
 * @returns {Promise<{ origin: string, port: number, proxy: string, foreign: {url: string, method: string, at: number}[], served: string[], url(mount: string, file: string): string, close(): Promise<void> }>}
 */
export async function startServer(mounts, { headersFor } = {}) {
  /** Requests for hosts other than this server (arrived as proxy requests). */
  const foreign = [];
  /** Paths served, for debugging. */
  const served = [];
  let origin = '';

  const server = http.createServer(async (req, res) => {
    let target;
    try {
      target = new URL(req.url ?? '/', origin);
    } catch {
      res.writeHead(400).end();
      return;
    }
    // An absolute URL for another host is a proxied request: record and refuse it.
    if (target.origin !== origin) {
      foreign.push({ url: target.href, method: req.method ?? 'GET', at: Date.now() });
      res.writeHead(403, { 'content-type': 'text/plain' }).end('blocked by the e2e harness');
      return;
    }
    if (target.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const [, mount, ...rest] = target.pathname.split('/');
    const dir = mounts[mount ?? ''];
    const rel = decodeURIComponent(rest.join('/'));
    const file = dir ? path.resolve(dir, rel) : '';
    if (!dir || !file.startsWith(path.resolve(dir) + path.sep)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    try {
      const body = await readFile(file);
      served.push(target.pathname);
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...headersFor?.(mount ?? '', path.basename(file)),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  // HTTPS through the proxy arrives as CONNECT host:443: record and refuse.
  server.on('connect', (req, socket) => {
    foreign.push({ url: `https://${req.url}`, method: 'CONNECT', at: Date.now() });
    socket.on('error', () => {});
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('clientError', (_err, socket) => socket.destroy());

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    proxy: `127.0.0.1:${port}`,
    foreign,
    served,
    url: (mount, file) => `${origin}/${mount}/${file}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
