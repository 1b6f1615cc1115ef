// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { runTextCase, TEXT_CASES } from './text-cases';
import { mountPage } from './test-page';

describe('the text view’s tricky cases, in jsdom (the same cases run in both browsers end to end)', () => {
  it.each(TEXT_CASES.map((textCase) => [textCase.name, textCase] as const))('%s', (_name, textCase) => {
    const result = runTextCase(mountPage(document, textCase.html), textCase);
    const { exact } = textCase;
    expect(result).toEqual({ exact, byHint: exact, byView: exact });
  });
});
