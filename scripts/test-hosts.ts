/**
 * Host names that stand for real sites in the end-to-end tests. The browsers from `browsers.ts` resolve them
 * to 127.0.0.1, so a page served there is, to the browser, an ordinary remote site: `http://127.0.0.1` and
 * `http://localhost` count as secure contexts, a plain http site does not.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A site served over plain http, one served over https with the certificate below, and Disqus's own name, over
 * https too: its comment frame is read only at `https://disqus.com/embed/comments/`, so the test browsers take
 * that name for loopback, and the extension under test is the one that ships (issue 12).
 */
export const TEST_HOSTS = { http: 'blog.test', https: 'news.test', widget: 'disqus.com' } as const;

/** A key and certificate in PEM, as `node:https` takes them. */
export interface Certificate {
  key: string;
  cert: string;
}

/**
 * A self-signed certificate for the https test host, made now with the openssl CLI and valid for a day;
 * it is never written into the repository. The browsers are told to accept it.
 */
export async function makeTestCertificate(): Promise<Certificate> {
  const dir = await mkdtemp(join(tmpdir(), 'counterpoint-tls-'));
  const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  try {
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${TEST_HOSTS.https}`,
      '-addext',
      `subjectAltName=DNS:${TEST_HOSTS.https},DNS:${TEST_HOSTS.widget}`,
      '-keyout',
      key,
      '-out',
      cert,
    ]);
    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'openssl not found: the https tests make their certificate with it. Install it with `apt-get install -y openssl`.',
      );
    }
    throw error;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
