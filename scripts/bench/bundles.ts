/**
 * esbuild bundles: one IIFE for the in-page harness and one for each engine under test, injected as strings
 * (functions passed to `page.evaluate` would carry tsx's `__name` helper, which the page does not have); and
 * the minified anchoring + highlighter code whose gzip size the issue sets a budget for.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const HERE = import.meta.dirname;
export const REPO = resolve(HERE, '../..');

export const ENGINES = ['counterpoint', 'hypothesis', 'apache-annotator', 'dom-anchor-text-quote'] as const;
export type EngineName = (typeof ENGINES)[number];

const ENGINE_ENTRIES: Record<EngineName, string> = {
  counterpoint: 'page/engine-counterpoint.ts',
  hypothesis: 'page/engine-hypothesis.ts',
  'apache-annotator': 'page/engine-apache-annotator.ts',
  'dom-anchor-text-quote': 'page/engine-text-quote.ts',
};

async function iife(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [resolve(HERE, entry)],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

export interface PageBundles {
  harness: string;
  engines: Record<EngineName, string>;
}

export async function buildPageBundles(): Promise<PageBundles> {
  const [harness, ...engines] = await Promise.all([
    iife('page/harness.ts'),
    ...ENGINES.map((name) => iife(ENGINE_ENTRIES[name])),
  ]);
  if (harness === undefined) throw new Error('esbuild produced no harness');
  const byName = Object.fromEntries(ENGINES.map((name, i) => [name, engines[i] ?? ''])) as Record<
    EngineName,
    string
  >;
  return { harness, engines: byName };
}

export interface CodeSize {
  minified: number;
  gzip: number;
}

export function sizeOf(text: string | Uint8Array): CodeSize {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  return { minified: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The engine and highlighter as the content script ships them: every public export kept, minified, gzip -9. */
export async function engineCodeSize(): Promise<CodeSize> {
  const result = await build({
    stdin: {
      contents: [
        "export { anchorTargets, describeRange, TextIndex } from './core/anchoring';",
        "export { Highlighter } from './core/highlighter';",
      ].join('\n'),
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error('esbuild produced no engine bundle');
  return sizeOf(file.contents);
}
