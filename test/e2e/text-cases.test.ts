/**
 * The text view's tricky cases (`core/anchoring/text-cases.ts`) in a real DOM: each browser parses the page,
 * describes the selection and anchors it back, by node hint and by the view, exactly as the unit tests do in jsdom.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_CASES } from '../../core/anchoring/text-cases';
import type { TextCaseResult } from '../../core/anchoring/text-cases';
import { chromiumHarness, firefoxHarness, type Harness } from './driver';

/** The cases and the engine as one script for the page, which leaves `window.__textCases` behind. */
async function casesScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: [
        "import { runTextCase, TEXT_CASES } from './text-cases';",
        "import { mountPage } from './test-page';",
        'window.__textCases = () => TEXT_CASES.map((c) => runTextCase(mountPage(document, c.html), c));',
      ].join('\n'),
      resolveDir: resolve(import.meta.dirname, '../../core/anchoring'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

describe.each([
  ['chromium', chromiumHarness],
  ['firefox', firefoxHarness],
] as const)('the text view’s tricky cases in %s', (_name, launch) => {
  let harness: Harness;
  let results: TextCaseResult[] = [];

  beforeAll(async () => {
    const script = await casesScript();
    harness = await launch();
    const tab = await harness.newTab();
    await tab.goto('about:blank');
    results = await tab.page.evaluate((code: string) => {
      (0, eval)(code);
      return (window as unknown as { __textCases(): TextCaseResult[] }).__textCases();
    }, script);
  });

  afterAll(async () => {
    await harness?.close();
  });

  it.each(TEXT_CASES.map((textCase, i) => [textCase.name, i] as const))('%s', (_case, i) => {
    const { exact } = TEXT_CASES[i] ?? { exact: 'no such case' };
    expect(results[i]).toEqual({ exact, byHint: exact, byView: exact });
  });
});
