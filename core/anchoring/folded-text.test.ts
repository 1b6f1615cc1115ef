// @vitest-environment jsdom
/** The loose form of text in which copy-edits compare equal, and the TextIndex's cache of the view in it. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldString, foldText, originalEnd } from './folded-text';
import { INDEX_OBSERVER_OPTIONS, TextIndex } from './index';
import { page } from './test-page';

describe('foldText', () => {
  it('makes case, accents, quotes, dashes, hyphens and light punctuation equal', () => {
    const edits = [
      ['The New World', 'the new world'],
      ['million-person strong', 'million-person-strong'],
      ['Cortes', 'Cortés'],
      ['it’s “fine”', 'it\'s "fine"'],
      ['a — b', 'a–b'],
      ['red, green; blue: (all)', 'red green blue all'],
    ];
    for (const [before, after] of edits) {
      expect(foldText(before ?? '').text).toBe(foldText(after ?? '').text);
    }
  });

  it('folds a quote alone to the same text, plain ASCII or not', () => {
    const characters = fc.constantFrom(
      'a',
      'B',
      ' ',
      '\n',
      '\t',
      '-',
      ',',
      ';',
      ':',
      '(',
      ')',
      "'",
      '"',
      'É',
      '\u2019',
      '—',
    );
    fc.assert(
      fc.property(fc.string({ unit: characters, maxLength: 40 }), (text) => {
        expect(foldString(text)).toBe(foldText(text).text);
      }),
      { numRuns: 1000 },
    );
    expect(foldString('Red, green - (blue)\n  and  TEAL')).toBe('red green blue and teal');
  });

  it('maps each folded character back to the character it came from', () => {
    const original = 'Cortés, the — 𝒳 man';
    const folded = foldText(original);
    expect(folded.text).toBe('cortes the 𝒳 man');
    const at = folded.text.indexOf('𝒳');
    expect(original.slice(folded.from[0], originalEnd(original, folded, 5))).toBe('Cortés');
    expect(original.slice(folded.from[at], originalEnd(original, folded, at + 1))).toBe('𝒳');
  });
});

describe('the folded view of a TextIndex', () => {
  it('is built again after a rebuild', () => {
    const root = page('<p>The cat sat.</p>');
    const index = new TextIndex(root);
    expect(index.folded.text).toBe('the cat sat.');
    (root.querySelector('p')?.firstChild as Text).data = 'The dog sat.';
    index.rebuild();
    expect(index.folded.text).toBe('the dog sat.');
  });

  it('is built again after an update that re-walks part of the page', () => {
    const root = page('<p>The cat sat.</p><p>It purred.</p>');
    const index = new TextIndex(root);
    const observer = new MutationObserver(() => undefined);
    observer.observe(root, INDEX_OBSERVER_OPTIONS);
    expect(index.folded.text).toBe('the cat sat. it purred.');
    (root.querySelector('p')?.firstChild as Text).data = 'The dog sat.';
    index.update(observer.takeRecords());
    observer.disconnect();
    expect(index.folded.text).toBe('the dog sat. it purred.');
  });
});
