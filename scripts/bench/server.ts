/**
 * The bench's loopback server: the corpus read in place, each page sent with a Content-Security-Policy that
 * forbids every script, so that no page script, inline handler or `javascript:` URL runs. The bench's own code
 * is evaluated through the DevTools protocol, which the page's policy does not govern.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, sep } from 'node:path';

/** Sent with every page: the page's own scripts must not run, and only this server may be reached. */
export const PAGE_POLICY = "script-src 'none'; object-src 'none'";

/** A page whose scripts set a flag if they run, to prove that the policy holds before anything is timed. */
const SENTINEL = `<!doctype html><title>sentinel</title><body><p>sentinel</p>
<script>window.__pageScriptRan = true</script><img src="x.png" onerror="window.__pageScriptRan = true"></body>`;

export interface BenchServer {
  origin: string;
  close(): Promise<void>;
}

export async function serveCorpus(corpus: string): Promise<BenchServer> {
  const root = normalize(corpus);
  const server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const headers = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': PAGE_POLICY };
      if (path === '/sentinel.html') {
        response.writeHead(200, headers).end(SENTINEL);
        return;
      }
      const file = normalize(join(root, path.replace(/^\/corpus\//, '/')));
      if (path.startsWith('/corpus/') && file.startsWith(root + sep) && file.endsWith('.html')) {
        // Read before the head is written: a missing page must still get its 404.
        const page = await readFile(file).catch(() => null);
        if (page !== null) {
          response.writeHead(200, headers).end(page);
          return;
        }
      }
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    })();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
