/**
 * Test seam: the text view's tricky cases as data, so that the same cases run in jsdom with the unit tests and in
 * Chromium and Firefox with the end-to-end tests (`test/e2e/text-cases.test.ts`). Each case is a page, a reader's
 * selection on it, and the quote that selection must give; the runner then anchors that quote back, once by its
 * node hint and once by the text view alone.
 */
import type { TextTarget } from '../model';
import { anchorTargets, describeRange } from './index';
import { rangeOver } from './test-page';

export interface TextCase {
  name: string;
  html: string;
  /** The reader's selection under the page's body; the whole body when absent. */
  select?: (root: Element) => Range;
  /** The quote the selection must give; null when it holds no article text. */
  exact: string | null;
}

/** What a case gave: the quote, and the quote read again where each way of anchoring placed it. */
export interface TextCaseResult {
  exact: string | null;
  byHint: string | null;
  byView: string | null;
}

/** A range between two boundary points. */
function rangeAt(start: Node, startOffset: number, end: Node, endOffset: number): Range {
  const range = (start.ownerDocument ?? (start as Document)).createRange();
  range.setStart(start, startOffset);
  range.setEnd(end, endOffset);
  return range;
}

/** A range from the start of `from` to the end of `to`, each found in one text node. */
function between(root: Element, from: string, to: string): Range {
  const range = rangeOver(root, from);
  const end = rangeOver(root, to);
  range.setEnd(end.endContainer, end.endOffset);
  return range;
}

export const TEXT_CASES: TextCase[] = [
  {
    name: 'separates blocks, table cells and line breaks with one space, and inline elements with none',
    html: '<h2>Title</h2><p>Some <b>bold</b>ly put<br>words.</p><table><tr><td>a</td><td>b</td></tr></table>',
    exact: 'Title Some boldly put words. a b',
  },
  {
    name: 'collapses whitespace runs, tabs and no-break spaces into single spaces',
    html: '<p>one\n\n   two\t\u00a0 three</p><p>ten\u00a0km<br/>away</p>',
    exact: 'one two three ten km away',
  },
  {
    name: 'leaves out scripts, styles, templates, noscript and elements hidden by attribute or inline style',
    html:
      '<p>alpha <script>var x = 1;</script><style>p{}</style><template>tpl</template><noscript>ns</noscript>' +
      '<span hidden>secret</span><span style="color: red; DISPLAY : none">gone</span>beta</p>' +
      '<div hidden><p>hidden block</p></div><p>gamma</p>',
    exact: 'alpha beta gamma',
  },
  {
    name: 'keeps hidden="until-found" text, which find-in-page reveals, and text a stylesheet hides',
    html:
      '<style>.off { display: none }</style><p>alpha <span hidden="until-found">found</span> beta</p>' +
      '<p class="off">styled away</p>',
    exact: 'alpha found beta styled away',
  },
  {
    name: 'leaves out form controls: their text is the reader’s input, not the article',
    html:
      '<p>Name: <input value="typed"><textarea>my draft reply</textarea><select><option>one</option></select>' +
      ' sent</p>',
    exact: 'Name: sent',
  },
  {
    name: 'gives nothing for a selection inside a form field',
    html: '<p>Name: <textarea>my draft reply</textarea></p>',
    select: (root) => between(root, 'my draft', 'my draft'),
    exact: null,
  },
  {
    name: 'gives nothing for a selection of whitespace only',
    html: '<p>one</p>\n   \n<p>two</p>',
    select: (root) => rangeAt(root, 1, root, 2),
    exact: null,
  },
  {
    name: 'takes a selection between element boundaries (a triple click) as the paragraph',
    html: '<p>first paragraph</p><p>second paragraph</p><p>third</p>',
    select: (root) => rangeAt(root, 1, root.childNodes[2] as Element, 0),
    exact: 'second paragraph',
  },
  {
    name: 'starts a selection that starts in a whitespace run at the word after it',
    html: '<p>one   two  three</p>',
    select: (root) => {
      const text = rangeOver(root, 'one   two').startContainer;
      return rangeAt(text, 5, text, 9);
    },
    exact: 'two',
  },
  {
    name: 'ends a selection that ends inside a script at the text before it',
    html: '<p>alpha beta<script>noise</script> gamma</p>',
    select: (root) =>
      rangeAt(rangeOver(root, 'beta').startContainer, 6, rangeOver(root, 'noise').startContainer, 2),
    exact: 'beta',
  },
  {
    name: 'quotes across links, a line break and a hidden footnote mark',
    html: '<p>The <a href="#m">moon</a> pulls<br>the sea.<sup hidden>[1]</sup> Twice a day.</p>',
    select: (root) => between(root, 'moon', ' Twice'),
    exact: 'moon pulls the sea. Twice',
  },
];

/** The quote of the range placed for `target`, described again; null when the target was orphaned. */
function placedQuote(root: Element, target: TextTarget): string | null {
  const [result] = anchorTargets(root, [target]);
  if (result?.kind !== 'anchored') return null;
  return describeRange(result.range, root)?.quote.exact ?? null;
}

/** Describe the case's selection on `root`, which holds its page, and anchor the description back both ways. */
export function runTextCase(root: Element, textCase: TextCase): TextCaseResult {
  let range: Range;
  if (textCase.select) range = textCase.select(root);
  else {
    range = root.ownerDocument.createRange();
    range.selectNodeContents(root);
  }
  const target = describeRange(range, root);
  if (target === null) return { exact: null, byHint: null, byView: null };
  return {
    exact: target.quote.exact,
    byHint: target.hint ? placedQuote(root, target) : null,
    byView: placedQuote(root, { quote: target.quote, position: target.position }),
  };
}
