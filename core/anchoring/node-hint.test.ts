// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import type { TextTarget } from '../model';
import { anchorTargets, describeRange, TextIndex } from './index';
import type { AnchorResult } from './index';
import { page, rangeOver } from './test-page';

const ARTICLE =
  '<h1>Tides</h1>\n  <p>The <a href="#moon">moon</a> pulls the sea twice a day.<sup hidden>[update]</sup> ' +
  'Spring tides come at new and full moon.</p>\n  <p>Neap   tides\n come in between, when the pull is weakest.</p>' +
  '<script>var tracking = 1;</script><p>Coasts see the <b>largest</b> range in spring.</p>';

const QUOTES = [
  'moon pulls the sea',
  'twice a day.',
  'Neap   tides\n come',
  'the pull is weakest.',
  'largest',
];

/** Describe each quote as a reader's selection on `root`. */
function describeAll(root: Element, quotes: readonly string[]): TextTarget[] {
  const index = new TextIndex(root);
  return quotes.map((quote) => {
    const range = quote === 'moon pulls the sea' ? spanning(root) : rangeOver(root, quote);
    const target = describeRange(range, root, index);
    if (!target) throw new Error(`nothing described for ${quote}`);
    return target;
  });
}

/** From "moon" inside the link to "the sea" after it. */
function spanning(root: Element): Range {
  const range = root.ownerDocument.createRange();
  const link = root.querySelector('a')?.firstChild as Text;
  range.setStart(link, 0);
  range.setEnd(link.parentNode?.nextSibling as Text, ' pulls the sea'.length);
  return range;
}

function texts(results: readonly AnchorResult[]): string[] {
  return results.map((result) => (result.kind === 'anchored' ? result.range.toString() : 'orphaned'));
}

describe('node hints', () => {
  it('place every note of an unchanged page without building the text view', () => {
    const targets = describeAll(page(ARTICLE), QUOTES);
    // The reader comes back: the same page, parsed again.
    const root = page(ARTICLE);
    const index = new TextIndex(root);
    const walk = vi.spyOn(index, 'rebuild');
    const results = anchorTargets(root, targets, index);
    expect(texts(results)).toEqual([
      'moon pulls the sea',
      'twice a day.',
      'Neap   tides\n come',
      ...QUOTES.slice(3),
    ]);
    expect(results.map((result) => result.score)).toEqual(QUOTES.map(() => 1));
    expect(walk).not.toHaveBeenCalled();
  });

  /** "day. Spring" selected across the hidden footnote of `article`; described on a fresh parse of it. */
  function acrossHidden(article: string): TextTarget {
    const root = page(article);
    const range = rangeOver(root, 'day.');
    const spring = rangeOver(root, ' Spring');
    range.setEnd(spring.endContainer, spring.endOffset);
    const target = describeRange(range, root);
    if (!target) throw new Error('nothing described');
    return target;
  }

  /** The text each target lands on in `article`, and whether the view had to be built for it. */
  function placeIn(article: string, targets: TextTarget[]): { texts: string[]; walked: boolean } {
    const root = page(article);
    const index = new TextIndex(root);
    const walk = vi.spyOn(index, 'rebuild');
    return { texts: texts(anchorTargets(root, targets, index)), walked: walk.mock.calls.length > 0 };
  }

  it('place a quote that spans text the view leaves out by its hint, however long that text', () => {
    const footnote = `[update: ${'the almanac was revised. '.repeat(200)}]`;
    const article = ARTICLE.replace('[update]', footnote);
    const target = acrossHidden(article);
    expect(target.quote.exact).toBe('day. Spring');
    // The record keeps a digest of the hidden text, not the 5 KB of it.
    expect(JSON.stringify(target.hint).length).toBeLessThan(400);
    expect(placeIn(article, [target])).toEqual({ texts: [`day.${footnote} Spring`], walked: false });
  });

  it('leave a quote to the view once the hidden text inside it changed', () => {
    const target = acrossHidden(ARTICLE);
    const changed = placeIn(ARTICLE.replace('[update]', '[updated]'), [target]);
    expect(changed).toEqual({ texts: ['day.[updated] Spring'], walked: true });
  });

  it('still place by hints stored with the node text itself, as older notes were', () => {
    const target = acrossHidden(ARTICLE);
    const { digest, ...older } = target.hint ?? { digest: undefined };
    expect(digest).toBeTypeOf('number');
    const stored = { ...target, hint: { ...older, text: 'day.[update] Spring' } } as TextTarget;
    expect(placeIn(ARTICLE, [stored])).toEqual({ texts: ['day.[update] Spring'], walked: false });
  });

  it('leave a page with one edited passage to the view, which still places every note right', () => {
    const targets = describeAll(page(ARTICLE), QUOTES);
    const edited = page(ARTICLE.replace('when the pull is weakest', 'when the pull is at its weakest'));
    const results = anchorTargets(edited, targets);
    expect(texts(results)).toEqual([
      'moon pulls the sea',
      'twice a day.',
      'Neap   tides\n come',
      'the pull is at its weakest.',
      'largest',
    ]);
    expect(results[3]?.score).toBeLessThan(1);
  });

  it('place the notes whose hints hold by them, and a note with none (imported, or older) by the view', () => {
    const [first, ...rest] = describeAll(page(ARTICLE), QUOTES);
    if (!first) throw new Error('nothing described');
    const root = page(ARTICLE);
    const index = new TextIndex(root);
    const walk = vi.spyOn(index, 'rebuild');
    const results = anchorTargets(root, [{ quote: first.quote, position: first.position }, ...rest], index);
    expect(texts(results)).toEqual([
      'moon pulls the sea',
      'twice a day.',
      'Neap   tides\n come',
      ...QUOTES.slice(3),
    ]);
    expect(walk).toHaveBeenCalledTimes(1);
  });

  it('never take a repeated quote where the hint now points when its context there differs', () => {
    const before = '<p>Alfa said the cat sat.</p><p>Beta said the cat sat.</p>';
    const root = page(before);
    const range = rangeOver(root, 'Beta said the cat sat.');
    range.setStart(range.startContainer, 'Beta said '.length);
    const target = describeRange(range, root);
    if (!target) throw new Error('nothing described');
    // A paragraph added on top: the hint's node is now the first paragraph, with the same words at the same offset.
    const after = page(`<p>Gamma.</p>${before}`);
    const [result] = anchorTargets(after, [target]);
    expect(result?.kind === 'anchored' && result.range.startContainer.textContent).toBe(
      'Beta said the cat sat.',
    );
  });
});
