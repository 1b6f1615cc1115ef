// @vitest-environment jsdom
/** Describing a selection: what the target holds. The text view's tricky cases are in `./text-cases.ts`. */
import { describe, expect, it } from 'vitest';
import { describeRange } from './index';
import { page, rangeOver } from './test-page';

describe('describeRange', () => {
  it('quotes the selection with its context, position and node hint', () => {
    const root = page('<p>The moon is made of <b>green cheese</b>, said nobody.</p>');
    const target = describeRange(rangeOver(root, 'green cheese'), root);
    expect(target).toEqual({
      quote: {
        type: 'TextQuoteSelector',
        exact: 'green cheese',
        prefix: 'The moon is made of ',
        suffix: ', said nobody.',
      },
      position: { type: 'TextPositionSelector', start: 20, end: 32 },
      // The quote starts the second text node; the node text around it is the same as the view's here.
      hint: { node: 1, offset: 0, length: 12, before: 'The moon is made of ', after: ', said nobody.' },
    });
  });

  it('starts a selection at the word after a run of whitespace, not at the space', () => {
    const root = page('<p>one   two  three</p>');
    const text = root.querySelector('p')?.firstChild as Text;
    const range = root.ownerDocument.createRange();
    range.setStart(text, 6);
    range.setEnd(text, 9);
    expect(describeRange(range, root)?.position).toEqual({ type: 'TextPositionSelector', start: 4, end: 7 });
  });
});
