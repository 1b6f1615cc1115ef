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

  it('places a moved heading by half its context, though a table of contents repeats it with none', () => {
    // As a README's revision does: a contents list added at the top, the section moved down and the paragraph
    // before it rewritten; the heading keeps its suffix, and the contents list has neither side of the context.
    const before = page(
      '<p>Install it with npm. Then call it once at start-up.</p><h2>Request method aliases</h2>' +
        '<p>For convenience, aliases are provided for every supported method.</p>',
    );
    const quote = 'Request method aliases';
    const stored = describeRange(rangeOver(before, quote), before);
    if (stored === null) throw new Error('the heading did not describe');
    const after = page(
      '<ul><li>Installing</li><li>Request method aliases</li><li>Errors</li></ul>' +
        '<p>A long introduction that the new version adds before anything else, about the library as a whole, ' +
        'its history, its maintainers and the many places where it runs today.</p>' +
        '<p>Installing is one command. Every release is signed.</p><h2>Request method aliases</h2>' +
        '<p>For convenience, aliases are provided for every supported method.</p>',
    );
    const [result] = anchorTargets(after, [stored]);
    expect(placed(after, result)).toMatch(/^Request method aliases@2\d\d$/);
  });

  it('never moves a short quote to a parallel sentence of the same shape where the position points', () => {
    // A field list as manual pages write it: one sentence per kind of source, each "For … sources this is".
    const before = page(
      '<p>integrity: For registry sources this is the integrity the registry gave us. ' +
        'For git sources this is the specific commit hash we cloned from. ' +
        'For tarball sources this is a hash of the file.</p>',
    );
    const quote = 'For git sources this is';
    const stored = describeRange(rangeOver(before, quote), before);
    if (stored === null) throw new Error('the passage did not describe');
    // The revision reworded the git sentence and moved the next field's registry sentence to where it stood.
    const after = page(
      '<p>integrity: For git dependencies, this is the commit sha. resolved: ' +
        'For registry sources this is the path of the tarball relative to the registry URL.</p>',
    );
    const [result] = anchorTargets(after, [stored]);
    expect(placed(after, result)).not.toMatch(/^For registry sources this is@/);
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

    describe('in a block the page repeats, such as a table shown twice', () => {
      const filler = (n: number): string =>
        `<p>${Array.from({ length: n }, (_, i) => `Filler sentence number ${i} says little.`).join(' ')}</p>`;
      const legend = (country: string): string =>
        '<table><tr><td>Special territorial authority</td>' +
        '<td>The outlying islands form part of the southern region</td>' +
        `<td>${country}'s Antarctic territory</td></tr></table><p>Source: the census of the whole country, taken in 2018.</p>`;
      const intro = '<p>An opening line about the regions.</p>';
      const before = `${intro}${filler(8)}${legend('New Zealand')}${filler(30)}${legend('New Zealand')}`;
      // Text inserted at the top, and edits that change lengths between the quote and its neighbour, so that the
      // neighbour's shift predicts the quote's place only to within a few characters.
      const inserted = `<p>${'A paragraph added since the note was taken. '.repeat(12)}</p>`;
      const edited = filler(8).replace('number 3 says little', 'number 3 says very little');
      const after = `${inserted}${intro}${edited}${legend('New Formal')}${filler(30)}${legend('New Zealand')}`;

      it('keeps an unedited quote on its own copy when an edit beside it makes the other copy match better', () => {
        const neighbour = saved(before, 'An opening line about the regions.');
        const quote = saved(before, 'The outlying islands form part of the southern region');
        const root = page(after);
        // Given after the quote: the engine still learns the neighbour's shift first, in page order.
        const [result] = anchorTargets(root, [quote, neighbour]);
        const own = saved(after, 'The outlying islands form part of the southern region');
        expect(placed(root, result)).toBe(
          `The outlying islands form part of the southern region@${own.position?.start}`,
        );
      });

      it('places a quote edited inside its own copy there, not on the untouched copy', () => {
        const neighbour = saved(before, 'An opening line about the regions.');
        const quote = saved(before, "New Zealand's Antarctic territory");
        const root = page(after);
        const [, result] = anchorTargets(root, [neighbour, quote]);
        const own = saved(after, "New Formal's Antarctic territory");
        expect(placed(root, result)).toBe(`New Formal's Antarctic territory@${own.position?.start}`);
      });
    });

    it('does not take a copy that text inserted above moved to the stored position', () => {
      const cite = (who: string, what: string): string =>
        `<li>${who}. "${what}". Te Ara: The Encyclopedia of New Zealand. Retrieved 5 May 2019.</li>`;
      const list = `<ol>${cite('Smith, John', 'Kiwi in the hills')}${cite('Jones, Anne', 'Moa in the hills')}${cite('Jones, Anne', 'Weka in the hills')}</ol>`;
      const intro = '<p>Birds of the islands, and where to read about them.</p>';
      const words = 'Te Ara: The Encyclopedia of New Zealand.';
      const described = (root: HTMLElement, item: number): TextTarget | null =>
        describeRange(rangeOver(root.querySelectorAll('li')[item] as Element, words), root);
      const before = page(intro + list);
      const neighbour = saved(intro + list, 'Birds of the islands');
      const quote = described(before, 1);
      const spacing = (quote?.position?.start ?? 0) - (described(before, 0)?.position?.start ?? 0);
      // Text as long as one citation, inserted above: the stored position now points at the first citation, whose
      // context half agrees.
      const root = page(`<p>${'x'.repeat(spacing - 1)}</p>${intro}${list}`);
      expect(described(root, 0)?.position?.start).toBe(quote?.position?.start);
      if (quote === null) throw new Error('nothing described');
      const [, result] = anchorTargets(root, [neighbour, quote]);
      expect(placed(root, result)).toBe(`${words}@${described(root, 1)?.position?.start}`);
    });

    it('places the exact quote where the position predicts when edits changed both sides of it and nothing else is alike', () => {
      const cite = (who: string, what: string): string =>
        `<li>${who} (4 September 2013). "${what}". Retrieved 4 May 2014.</li>`;
      const other = '<li>Brown, Kate (1 September 2013). "Something else". Retrieved 1 June 2015.</li>';
      const before = `<ol>${other}${cite('Collett, John', 'Kiwis face hurdles in pursuit of lost funds')}</ol>`;
      const root0 = page(before);
      const quote = describeRange(
        rangeOver(root0.querySelectorAll('li')[1] as Element, 'September 2013'),
        root0,
      );
      if (quote === null) throw new Error('nothing described');
      const edited = `<ol>${other}${cite('Collett, Jonathan', 'Kiwis face obstacles in pursuit of lost funds')}</ol>`;
      const root = page(edited);
      const own = root.querySelectorAll('li')[1] as Element;
      const expected = describeRange(rangeOver(own, 'September 2013'), root);
      expect(placed(root, anchorTargets(root, [quote])[0])).toBe(
        `September 2013@${expected?.position?.start}`,
      );
      // Without the position, the same fit is too weak to trust.
      expect(anchorTargets(root, [{ quote: quote.quote }])[0]?.kind).toBe('orphaned');
    });

    it('places a quote found once on the page, with half its context, when another layout moved it far', () => {
      // The same article under another layout: the caption now comes after the text, and the position is far off.
      const caption =
        '<figure><figcaption>Pedestrians on Queen Street in the city centre</figcaption></figure>';
      const text = `<p>${'The city grew along the harbour in the nineteenth century. '.repeat(10)}</p>`;
      const before = `<p>Gallery</p>${caption}${text}`;
      const quote = saved(before, 'Pedestrians on Queen Street');
      const root = page(`${text}<p>Images of the city</p>${caption}`);
      const [result] = anchorTargets(root, [quote]);
      expect(placed(root, result)).toBe(
        `Pedestrians on Queen Street@${saved(`${text}<p>Images of the city</p>${caption}`, 'Pedestrians on Queen Street').position?.start}`,
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
