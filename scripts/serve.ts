/**
 * A static file server on loopback for the demo article and the end-to-end fixtures. Each root is mounted
 * under its own prefix, and nothing outside a root is served.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { makeTestCertificate, TEST_HOSTS, type Certificate } from './test-hosts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  /** `http://127.0.0.1:<port>`, or `https://…` when served with a certificate. */
  origin: string;
  /** Serve HTML through this edit from now on, as a site revising an article between two visits would. */
  reviseHtml: ((html: string) => string) | null;
  close(): Promise<void>;
}

/** Serve each `{ '/prefix': '/abs/dir' }` mount on a free port; over https when given a certificate. */
export async function serveStatic(
  mounts: Record<string, string>,
  certificate?: Certificate,
): Promise<StaticServer> {
  const roots = Object.entries(mounts).map(
    ([prefix, dir]) => [prefix.replace(/\/$/, ''), resolve(dir)] as const,
  );
  const served: StaticServer = {
    origin: '',
    reviseHtml: null,
    close: () => new Promise((done) => server.close(() => done())),
  };
  const serve: RequestListener = async (request, response) => {
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
  };
  const server = certificate ? createHttpsServer(certificate, serve) : createServer(serve);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  served.origin = `${certificate ? 'https' : 'http'}://127.0.0.1:${port}`;
  return served;
}

/**
 * Where the same files can be reached: on loopback, on a plain http site, on an https site, and at the comment
 * widget's own https address.
 */
export interface TestSites {
  origins: { loopback: string; http: string; https: string; widget: string };
  close(): Promise<void>;
}

/** Serve the mounts on loopback and on the test hosts of `test-hosts.ts`, https with a certificate made now. */
export async function serveTestSites(mounts: Record<string, string>): Promise<TestSites> {
  const [plain, secure] = await Promise.all([
    serveStatic(mounts),
    makeTestCertificate().then((certificate) => serveStatic(mounts, certificate)),
  ]);
  const on = (server: StaticServer, host: string) => server.origin.replace('127.0.0.1', host);
  return {
    origins: {
      loopback: plain.origin,
      http: on(plain, TEST_HOSTS.http),
      https: on(secure, TEST_HOSTS.https),
      widget: on(secure, TEST_HOSTS.widget),
    },
    close: async () => void (await Promise.all([plain.close(), secure.close()])),
  };
}
