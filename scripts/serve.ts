/**
 * A static file server on loopback for the demo article and the end-to-end fixtures. Each root is mounted
 * under its own prefix, and nothing outside a root is served.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Serve HTML through this edit from now on, as a site revising an article between two visits would. */
  reviseHtml: ((html: string) => string) | null;
  close(): Promise<void>;
}

/** Serve each `{ '/prefix': '/abs/dir' }` mount; `port` 0 picks a free one. */
export async function serveStatic(mounts: Record<string, string>, port = 0): Promise<StaticServer> {
  const roots = Object.entries(mounts).map(
    ([prefix, dir]) => [prefix.replace(/\/$/, ''), resolve(dir)] as const,
  );
  const served: StaticServer = {
    origin: '',
    reviseHtml: null,
    close: () => new Promise((done) => server.close(() => done())),
  };
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    for (const [prefix, root] of roots) {
      if (!path.startsWith(`${prefix}/`)) continue;
      const file = normalize(join(root, path.slice(prefix.length)));
      if (!file.startsWith(root + sep)) break;
      try {
        if ((await stat(file)).isFile()) {
          response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
          if (served.reviseHtml && extname(file) === '.html') {
            response.end(served.reviseHtml(await readFile(file, 'utf8')));
          } else {
            createReadStream(file).pipe(response);
          }
          return;
        }
      } catch {
        // Not there: fall through to 404.
      }
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const { port: bound } = server.address() as AddressInfo;
  served.origin = `http://127.0.0.1:${bound}`;
  return served;
}
