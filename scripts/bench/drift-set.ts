/**
 * The drift set of `npm run bench` (issue 11): real revisions of real documents. npm's manual and the READMEs
 * of a few packages ship inside their npm tarballs, so two releases give two versions of the same text, edited
 * by their authors between them. Each tarball is fetched from the npm registry once, checked against the
 * integrity the registry published for it, and kept in `node_modules/.cache`; its Markdown is rendered to an old
 * and a new HTML page.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { REPO } from './bundles';

/** A published package version and the `dist.integrity` the registry gives for its tarball. */
interface Release {
  name: string;
  version: string;
  integrity: string;
}

interface Version {
  release: Release;
  /** The file's path inside the tarball, under `package/`. */
  path: string;
}

export interface DriftDocument {
  id: string;
  old: Version;
  new: Version;
}

const release = (name: string, version: string, integrity: string): Release => ({ name, version, integrity });

const NPM_7 = release(
  'npm',
  '7.0.0',
  'sha512-A/zHwhfPOXLwAQhyjiExKjfeJNIWrb7529Jt66OhGmLLOd9J0sFoAcTxKD6uGC+BOYVEN2xCWSoS44vbzyHfrA==',
);
const NPM_10 = release(
  'npm',
  '10.0.0',
  'sha512-15O/VIG6/zuZ8ui2YxHhcJcomoTKNqC8bC6hKlmazJooDbdWCoC5iZsNp9Jm8xqwVab60hiAkhDyAqh8W8yq/g==',
);

/** A page of npm's manual in npm 7.0.0 and in 10.0.0, which moved the commands from `cli-commands/` to `commands/`. */
function npmDoc(id: string, oldPath: string, newPath = oldPath): DriftDocument {
  return {
    id: `npm-${id}`,
    old: { release: NPM_7, path: `docs/content/${oldPath}` },
    new: { release: NPM_10, path: `docs/content/${newPath}` },
  };
}

function command(name: string): DriftDocument {
  return npmDoc(name, `cli-commands/npm-${name}.md`, `commands/npm-${name}.md`);
}

/** A package's README across majors: chosen where it was copy-edited and extended, not rewritten. */
function readme(file: string, before: Release, after: Release): DriftDocument {
  return {
    id: `${before.name}-readme`,
    old: { release: before, path: file },
    new: { release: after, path: file },
  };
}

export const DRIFT_DOCUMENTS: readonly DriftDocument[] = [
  command('install'),
  command('version'),
  command('outdated'),
  command('cache'),
  command('run-script'),
  command('link'),
  npmDoc('package-json', 'configuring-npm/package-json.md'),
  npmDoc('package-lock-json', 'configuring-npm/package-lock-json.md'),
  npmDoc('npmrc', 'configuring-npm/npmrc.md'),
  npmDoc('folders', 'configuring-npm/folders.md'),
  npmDoc('developers', 'using-npm/developers.md'),
  npmDoc('registry', 'using-npm/registry.md'),
  npmDoc('scripts', 'using-npm/scripts.md'),
  readme(
    'Readme.md',
    release(
      'commander',
      '5.0.0',
      'sha512-JrDGPAKjMGSP1G0DUoaceEJ3DZgAfr/q6X7FVk4+U5KxUSKviYGM2k6zWkfyyBHy5rAtzgYJFa1ro2O9PtoxwQ==',
    ),
    release(
      'commander',
      '8.0.0',
      'sha512-Xvf85aAtu6v22+E5hfVoLHqyul/jyxh91zvqk/ioJTQuJR7Z78n7H558vMPKanPSRgIEeZemT92I2g9Y8LPbSQ==',
    ),
  ),
  readme(
    'README.md',
    release(
      'axios',
      '0.21.1',
      'sha512-dKQiRHxGD9PPRIUNIWvZhPTPpl1rf/OxTYKsqKUDjBwYylTvV7SjSHJb9ratfyzM6wCdLCOYLzs73qpg5c4iGA==',
    ),
    release(
      'axios',
      '1.6.0',
      'sha512-EZ1DYihju9pwVB+jg67ogm+Tmqc6JmhamRN6I4Zt8DfZu5lbcQGw3ozH9lFejSJgs/ibaef3A9PMXPLeefFGJg==',
    ),
  ),
  readme(
    'README.md',
    release(
      'node-fetch',
      '2.6.1',
      'sha512-V4aYg89jEoVRxRb2fJdAg8FHvI7cEyYdVAh94HH0UIK8oJxUfkjlDQN9RbMx+bEjP7+ggMiFRprSti032Oipxw==',
    ),
    release(
      'node-fetch',
      '3.0.0',
      'sha512-bKMI+C7/T/SPU1lKnbQbwxptpCrG9ashG+VkytmXCPZyuM9jB6VU+hY0oi4lC8LxTtAeWdckNCTa3nrGsAdA3Q==',
    ),
  ),
  readme(
    'README.md',
    release(
      'dotenv',
      '8.0.0',
      'sha512-30xVGqjLjiUOArT4+M5q9sYdvuR4riM6yK9wMcas9Vbp6zZa+ocC9dp6QoftuhTPhFAiLK/0C5Ni2nou/Bk8lg==',
    ),
    release(
      'dotenv',
      '16.0.0',
      'sha512-qD9WU0MPM4SWLPJy/r2Be+2WgQj8plChsyrCNQzW/0WjvcJQiKQJ9mH3ZgB3fxbUUxgc/11ZJ0Fi5KiimWGz2Q==',
    ),
  ),
  readme(
    'readme.md',
    release(
      'chalk',
      '2.4.2',
      'sha512-Mti+f9lpJNcwF4tWV8/OrTTtF1gZi+f8FqlyAdouralcFWFQWF2+NgCHShjkCb+IFBLq9buZwE1xckQU4peSuQ==',
    ),
    release(
      'chalk',
      '4.1.2',
      'sha512-oKnbhFyRIXpUuez8iBMmyEa4nbj4IOQyuhc/wy9kY7/WVPcwIO9VA668Pu8RkO7+0G76SLROeyw9CpQ061i4mA==',
    ),
  ),
  readme(
    'README.md',
    release(
      'debug',
      '2.6.9',
      'sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA==',
    ),
    release(
      'debug',
      '4.3.4',
      'sha512-PRWFHuSU3eDtQJPvnNY7Jcket1j0t5OuOsFzPPzsekD52Zl8qUfFIPEiswXqIvHWGVHOgX+7G/vCNNhehwxfkQ==',
    ),
  ),
  readme(
    'README.md',
    release(
      'minimatch',
      '3.0.4',
      'sha512-yJHVQEhyqPLUTgt9B83PXu6W3rx4MvvHvSUvToogpwoGDOUQ+yDrR0HRot+yOCdCO7u4hX3pWft6kWBBcqh0UA==',
    ),
    release(
      'minimatch',
      '9.0.0',
      'sha512-0jJj8AvgKqWN05mrwuqi8QYKx1WmYSUoKSxu5Qhs9prezTz10sxAHGNZe9J9cqIJzta8DWsleh2KaVaLl6Ru2w==',
    ),
  ),
  readme(
    'README.md',
    release(
      'ws',
      '7.0.0',
      'sha512-cknCal4k0EAOrh1SHHPPWWh4qm93g1IuGGGwBjWkXmCG7LsDtL8w9w+YVfaF+KSVwiHQKDIMsSLBVftKf9d1pg==',
    ),
    release(
      'ws',
      '8.0.0',
      'sha512-6AcSIXpBlS0QvCVKk+3cWnWElLsA6SzC0lkQ43ciEglgXJXiCWK3/CGFEJ+Ybgp006CMibamAsqOlxE9s4AvYA==',
    ),
  ),
];

/** Where tarballs and rendered pages are kept between runs; `npm ci` clears it with the rest of `node_modules`. */
const DRIFT_CACHE = join(REPO, 'node_modules/.cache/counterpoint-drift');

function integrityOf(bytes: Uint8Array): string {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

/** The tarball's path in the cache, fetched from the registry if missing; refused unless its hash is the one published. */
async function tarball(release: Release): Promise<string> {
  const file = join(DRIFT_CACHE, `${release.name}-${release.version}.tgz`);
  const label = `${release.name}@${release.version}`;
  if (existsSync(file)) {
    if (integrityOf(await readFile(file)) === release.integrity) return file;
    throw new Error(`${file} does not match the integrity the registry published for ${label}: delete it.`);
  }
  const url = `https://registry.npmjs.org/${release.name}/-/${release.name}-${release.version}.tgz`;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The drift set needs ${label}: ${url} answered ${response.status}.`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (integrityOf(bytes) !== release.integrity) {
    throw new Error(`${url} does not match the integrity the registry published for ${label}.`);
  }
  await mkdir(DRIFT_CACHE, { recursive: true });
  await writeFile(file, bytes);
  return file;
}

async function readVersion(version: Version): Promise<string> {
  const file = await tarball(version.release);
  // To stdout: nothing is written to disk from the archive.
  return execFileSync('tar', ['-xzOf', file, `package/${version.path}`], {
    encoding: 'utf8',
    maxBuffer: 16 * 2 ** 20,
  });
}

const markdown = new MarkdownIt({ html: true });

/**
 * One version as a page: the Markdown without its front matter, rendered as a documentation site would. Raw HTML
 * is kept, so that comments stay invisible as on the site; the bench serves pages with every script forbidden.
 */
function page(title: string, source: string): string {
  const body = markdown.render(source.replace(/^---\n[\s\S]*?\n---\n/, ''));
  return `<!doctype html>\n<html lang="en">\n<meta charset="utf-8">\n<title>${title}</title>\n<body><main>\n${body}</main></body>\n</html>\n`;
}

export interface DriftPages {
  id: string;
  /** Page paths under `root`. */
  old: string;
  new: string;
  /** What each page was rendered from, as `name@version path`. */
  sources: { old: string; new: string };
}

/** Fetch and render every document of `documents`; the pages are written under the returned `root`. */
export async function renderDriftSet(
  documents: readonly DriftDocument[],
): Promise<{ root: string; pages: DriftPages[] }> {
  const root = join(DRIFT_CACHE, 'pages');
  const pages: DriftPages[] = [];
  for (const document of documents) {
    await mkdir(join(root, document.id), { recursive: true });
    const paths = { old: `${document.id}/old.html`, new: `${document.id}/new.html` };
    const sources = { old: '', new: '' };
    for (const side of ['old', 'new'] as const) {
      const version = document[side];
      sources[side] = `${version.release.name}@${version.release.version} ${version.path}`;
      await writeFile(join(root, paths[side]), page(document.id, await readVersion(version)));
    }
    pages.push({ id: document.id, ...paths, sources });
  }
  return { root, pages };
}
