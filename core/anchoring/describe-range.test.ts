// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { anchorTargets, describeRange } from './index';
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

  it('collapses whitespace runs and line breaks into single spaces', () => {
    const root = page('<p>one\n\n   two</p><p>three<br>four</p>');
    const range = root.ownerDocument.createRange();
    range.selectNodeContents(root);
    expect(describeRange(range, root)?.quote.exact).toBe('one two three four');
  });

  it('is null for a selection of whitespace only', () => {
    const root = page('<p>one</p>\n   \n<p>two</p>');
    const range = root.ownerDocument.createRange();
    range.setStart(root, 1);
    range.setEnd(root, 2);
    expect(describeRange(range, root)).toBeNull();
  });

  it('takes element boundaries as the text that follows them', () => {
    const root = page('<p>first paragraph</p><p>second paragraph</p><p>third</p>');
    const range = root.ownerDocument.createRange();
    // Triple-click style: from the start of the second paragraph to the start of the third.
    range.setStart(root, 1);
    range.setEnd(root.childNodes[2] as Element, 0);
    expect(describeRange(range, root)?.quote.exact).toBe('second paragraph');
  });

  it('leaves scripts, styles, templates and hidden elements out of quote and context', () => {
    const root = page(
      '<p>alpha <script>var x = 1;</script><style>p{}</style><template>tpl</template><noscript>ns</noscript>' +
        '<span hidden>secret</span><span style="color: red; display: none">gone</span>beta' +
        '<textarea>typed</textarea> gamma</p>',
    );
    const range = root.ownerDocument.createRange();
    range.selectNodeContents(root);
    expect(describeRange(range, root)?.quote.exact).toBe('alpha beta gamma');
  });

  it('keeps hidden="until-found" text, which find-in-page reveals', () => {
    const root = page('<p>alpha <span hidden="until-found">found</span> beta</p>');
    const range = root.ownerDocument.createRange();
    range.selectNodeContents(root);
    expect(describeRange(range, root)?.quote.exact).toBe('alpha found beta');
  });

  it('describes and anchors to the same words when the selection ends inside excluded text', () => {
    const root = page('<p>alpha beta<script>noise</script> gamma</p>');
    const script = root.querySelector('script')?.firstChild as Text;
    const range = root.ownerDocument.createRange();
    range.setStart(root.querySelector('p')?.firstChild as Text, 6);
    range.setEnd(script, 2);
    const target = describeRange(range, root);
    expect(target?.quote.exact).toBe('beta');
    const [result] = anchorTargets(root, target ? [target] : []);
    expect(result?.kind === 'anchored' && result.range.toString()).toBe('beta');
  });

  it('starts a selection at the word after a run of whitespace, not at the space', () => {
    const root = page('<p>one   two  three</p>');
    const text = root.querySelector('p')?.firstChild as Text;
    const range = root.ownerDocument.createRange();
    range.setStart(text, 6);
    range.setEnd(text, 9);
    expect(describeRange(range, root)?.position).toEqual({ type: 'TextPositionSelector', start: 4, end: 7 });
  });

  it("is null for a selection inside a form field, whose text is the reader's input, not the article", () => {
    const root = page('<p>Name: <textarea>my draft reply</textarea></p>');
    const draft = root.querySelector('textarea')?.firstChild as Text;
    const range = root.ownerDocument.createRange();
    range.setStart(draft, 0);
    range.setEnd(draft, 8);
    expect(describeRange(range, root)).toBeNull();
  });
});
