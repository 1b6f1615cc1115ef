// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { TextTarget } from '../model';
import { anchorTargets, describeRange } from './index';
import type { AnchorResult } from './index';
import { page, rangeOver } from './test-page';

function target(exact: string, prefix = '', suffix = '', start?: number): TextTarget {
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix, suffix },
    ...(start === undefined
      ? {}
      : { position: { type: 'TextPositionSelector', start, end: start + exact.length } }),
  };
}

/** The placed text and where it starts in the text view, or 'orphaned'. */
function placed(root: Element, result: AnchorResult | undefined): string {
  if (result === undefined || result.kind === 'orphaned') return 'orphaned';
  const described = describeRange(result.range, root);
  return `${result.range.toString()}@${described?.position?.start ?? 'nowhere'}`;
}

describe('anchorTargets', () => {
  it('places a target at its stored position with score 1', () => {
    const root = page('<p>The cat sat on the mat.</p>');
    const [result] = anchorTargets(root, [target('cat', 'The ', ' sat', 4)]);
    expect(placed(root, result)).toBe('cat@4');
    expect(result?.score).toBe(1);
  });

  it('finds a quote whose position moved, by exact search', () => {
    const root = page('<p>A new opening sentence. The cat sat on the mat.</p>');
    const [result] = anchorTargets(root, [target('cat sat', 'The ', ' on the mat.', 4)]);
    expect(placed(root, result)).toBe('cat sat@28');
    expect(result?.score).toBeLessThan(1);
  });

  it('uses prefix and suffix to choose between repeats', () => {
    const root = page('<p>red apple, green apple, blue apple</p>');
    const results = anchorTargets(root, [target('apple', 'green ', ', blue'), target('apple', 'blue ', '')]);
    expect(results.map((r) => placed(root, r))).toEqual(['apple@17', 'apple@29']);
  });

  it('orphans a repeat that the context cannot tell apart', () => {
    const root = page('<p>same words here.</p><p>same words here.</p>');
    const [result] = anchorTargets(root, [target('words', 'same ', ' here.')]);
    expect(result?.kind).toBe('orphaned');
  });

  it('keeps a repeat at its stored position when the page is unchanged', () => {
    const root = page('<p>same words here.</p><p>same words here.</p>');
    const [result] = anchorTargets(root, [target('words', 'same ', ' here.', 22)]);
    expect(placed(root, result)).toBe('words@22');
  });

  it('does not trust a stored position whose context changed', () => {
    // The quote "cat" is still at offset 4, but it is now a different sentence; the real one moved.
    const root = page('<p>The cat ran away. Then the cat sat on the mat.</p>');
    const [result] = anchorTargets(root, [target('cat', 'Then the ', ' sat on the mat.', 4)]);
    expect(placed(root, result)).toBe('cat@27');
  });

  it('orphans a quote that is no longer on the page', () => {
    const root = page('<p>Nothing to see here.</p>');
    const [result] = anchorTargets(root, [target('the moon landing', 'about ', ' in 1969')]);
    expect(result).toEqual({ kind: 'orphaned', score: 0 });
  });

  it('orphans a short quote found once but with none of its context', () => {
    const root = page('<p>Paris is far from everything else mentioned.</p>');
    const [result] = anchorTargets(root, [
      target('Paris', 'the capital city of France, ', ' has many bridges'),
    ]);
    expect(result?.kind).toBe('orphaned');
  });

  it('answers in the order of the targets', () => {
    const root = page('<p>one two three</p>');
    const results = anchorTargets(root, [target('three'), target('missing'), target('one')]);
    expect(results.map((r) => placed(root, r))).toEqual(['three@8', 'orphaned', 'one@0']);
  });

  it('reads whitespace in imported quotes the way the view does', () => {
    const root = page('<p>line one</p>\n<p>line   two</p>');
    const [result] = anchorTargets(root, [target('one\n\nline two')]);
    expect(result?.kind === 'anchored' && result.range.toString()).toBe('one\nline   two');
  });

  describe('when the quote was edited', () => {
    const before =
      '<p>Opening remarks about nothing much.</p>' +
      '<p>The committee approved the budget for the new library on Tuesday evening.</p>' +
      '<p>Closing remarks about something else.</p>';
    const quote = target(
      'approved the budget for the new library',
      'The committee ',
      ' on Tuesday evening. Closing rem',
      50,
    );

    it('places it on the edited words, with a lower score', () => {
      const root = page(before.replace('approved', 'rejected'));
      const [result] = anchorTargets(root, [quote]);
      expect(placed(root, result)).toBe('rejected the budget for the new library@50');
      expect(result?.score).toBeLessThan(0.95);
      expect(result?.score).toBeGreaterThan(0.5);
    });

    it('finds the edited words even after text was inserted above them', () => {
      const root = page(
        '<p>A new paragraph, added since.</p>' + before.replace('new library', 'public library'),
      );
      const [result] = anchorTargets(root, [quote]);
      expect(placed(root, result)).toBe('approved the budget for the public library@80');
    });

    it('prefers the edited passage to an exact copy of the quote with other context', () => {
      const root = page(
        before.replace('approved', 'rejected') +
          '<p>Elsewhere, the mayor approved the budget for the new library without debate.</p>',
      );
      const [result] = anchorTargets(root, [quote]);
      expect(placed(root, result)).toBe('rejected the budget for the new library@50');
    });

    it('orphans it when the passage was rewritten', () => {
      const root = page(
        before.replace('approved the budget for the new library', 'postponed every decision'),
      );
      const [result] = anchorTargets(root, [quote]);
      expect(result?.kind).toBe('orphaned');
    });

    it('orphans it rather than choose between two equally edited copies', () => {
      const copy = '<p>The committee rejected the budget for the new library on Tuesday evening.</p>';
      const root = page(copy + copy);
      const [result] = anchorTargets(root, [
        target('approved the budget for the new library', 'The committee ', ' on Tuesday evening.'),
      ]);
      expect(result?.kind).toBe('orphaned');
    });

    it('orphans a short phrase whose one word changed and whose context is gone', () => {
      const root = page('<p>Completely different text, and then: new public library, more text.</p>');
      const [result] = anchorTargets(root, [quote]);
      expect(result?.kind).toBe('orphaned');
    });
  });

  describe('when the same words are elsewhere on the page', () => {
    /** The description of the first occurrence of `words` on the page `html`, as a reader would have saved it. */
    function saved(html: string, words: string): TextTarget {
      const root = page(html);
      const described = describeRange(rangeOver(root, words), root);
      if (described === null) throw new Error(`nothing to describe for "${words}"`);
      return described;
    }

    it('places a quote edited in place by a word there, not on a copy whose context half agrees', () => {
      // As on wikipedia-2: a citation edited in place, and another citation with the same words, the same
      // suffix and a different prefix.
      const cite = (who: string, what: string, where = 'New Zealand'): string =>
        `<li>${who}. "${what}". Te Ara: The Encyclopedia of ${where}. Retrieved 5 May 2019. Archived from the original.</li>`;
      const before = `<p>Birds of the islands, and where to read about them.</p><ol>${cite('Smith, John', 'Kiwi')}${cite('Jones, Ann', 'Moa')}</ol>`;
      const quote = saved(before, 'Te Ara: The Encyclopedia of New Zealand.');
      const root = page(
        `<p>Birds of the islands, and where to read about them.</p><ol>${cite('Smith, John', 'Kiwi', 'Notable Zealand')}${cite('Jones, Ann', 'Moa')}</ol>`,
      );
      const [result] = anchorTargets(root, [quote]);
      expect(placed(root, result)).toBe(
        `Te Ara: The Encyclopedia of Notable Zealand.@${quote.position?.start}`,
      );
    });

    it('keeps an unedited quote on its own copy when an edit beside it changed its context', () => {
      const filler = (n: number): string =>
        `<p>${Array.from({ length: n }, (_, i) => `Filler sentence number ${i} says little.`).join(' ')}</p>`;
      const story = (note: string, after: string): string =>
        `<p>Local ${note}. The river floods every spring. Farmers ${after} inland. Rain falls on the hills.</p>`;
      const copy =
        '<p>Visitor notes. The river floods every spring. Farmers move inland. Rain falls on the hills.</p>';
      const before = `<p>An opening line about the valley.</p>${filler(8)}${story('notes', 'move')}${filler(20)}${copy}`;
      const neighbour = saved(before, 'An opening line about the valley.');
      const quote = saved(before, 'The river floods every spring.');
      // Text inserted at the top moves everything; the words either side of the quote were edited.
      const inserted = `<p>${'A paragraph added since the note was taken. '.repeat(12)}</p>`;
      const root = page(
        `${inserted}<p>An opening line about the valley.</p>${filler(8)}${story('remarks', 'stay')}${filler(20)}${copy}`,
      );
      const [, result] = anchorTargets(root, [neighbour, quote]);
      const shift = 'A paragraph added since the note was taken. '.repeat(12).length;
      expect(placed(root, result)).toBe(
        `The river floods every spring.@${(quote.position?.start ?? 0) + shift + 'remarks'.length - 'notes'.length}`,
      );
    });

    it('still orphans copies that neither the context nor the position tells apart', () => {
      const copy = '<p>Visitor notes. The river floods every spring. Farmers move inland.</p>';
      const root = page(`<p>Something else entirely.</p>${copy}<p>Between.</p>${copy}`);
      const [result] = anchorTargets(root, [
        target('The river floods every spring.', 'Local notes. ', ' Farmers move inland.', 400),
      ]);
      expect(result?.kind).toBe('orphaned');
    });
  });
});
