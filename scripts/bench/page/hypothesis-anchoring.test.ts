// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { anchorTarget, describeRange, matchQuote } from './hypothesis-anchoring';

/** A body parsed from markup, in a document of its own. */
function page(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html').body;
}

/** A Range over the first occurrence of `text` inside one text node under `root`. */
function select(root: HTMLElement, text: string): Range {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(text);
    if (at === -1) continue;
    const range = root.ownerDocument.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    return range;
  }
  throw new Error(`no text node holds “${text}”`);
}

/** Edit distance by the textbook dynamic program: the oracle for the fuzzy search's error counts. */
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (row[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      next.push(Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, substitution));
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

const SENTENCE = 'The committee approved the budget on Tuesday after a long debate.';
const ARTICLE =
  `<h1>Council notes</h1><p>Members arrived late because of the storm. ${SENTENCE} ` +
  'Nobody spoke against it.</p>';

describe('describeRange', () => {
  it('stores the quote, 32 characters on each side and the offsets in the text of every node', () => {
    const root = page(
      '<p>Zero one two three four five six seven Alpha <b>beta</b> gamma</p>' +
        '<p>delta epsilon zeta eta theta iota kappa lambda</p>',
    );
    const text = root.textContent ?? '';
    const range = select(root, 'beta');
    range.setEnd(select(root, 'delta').endContainer, 'delta'.length);

    const target = describeRange(root, range);

    const start = text.indexOf('beta');
    const end = text.indexOf('delta') + 'delta'.length;
    expect(target.position).toEqual({ start, end });
    expect(target.quote).toEqual({
      exact: 'beta gammadelta',
      prefix: 'one two three four five six seven Alpha '.slice(-32),
      suffix: ' epsilon zeta eta theta iota kappa lambda'.slice(0, 32),
    });
  });
});

describe('anchorTarget', () => {
  it('finds unchanged text at its stored position, not at an earlier copy', () => {
    const root = page('<p>The river rose. <em>The river</em> rose again.</p>');
    const second = root.ownerDocument.createRange();
    second.selectNodeContents(root.querySelector('em') as HTMLElement);
    const target = describeRange(root, second);

    const placed = anchorTarget(root, target);

    expect(placed?.toString()).toBe('The river');
    expect(placed?.startContainer.parentElement?.localName).toBe('em');
    expect(placed?.endContainer.parentElement?.localName).toBe('em');
    expect(placed && describeRange(root, placed).position).toEqual(target.position);
  });

  it('keeps the stored position while it still reads the quote, where the quote search would go elsewhere', () => {
    const root = page('<p>red: cat one. blue: cat two.</p>');
    const second = select(root, 'cat two');
    second.setEnd(second.startContainer, second.startOffset + 'cat'.length);
    const target = describeRange(root, second);
    // The same length, so the stored offsets still read “cat”; but the other copy now has the stored suffix.
    (second.startContainer as Text).data = 'red: cat two. gold: cat one.';
    const text = root.textContent ?? '';
    expect(
      matchQuote(text, 'cat', {
        prefix: target.quote.prefix,
        suffix: target.quote.suffix,
        hint: target.position.start,
      })?.start,
    ).toBe(5);

    const placed = anchorTarget(root, target);

    expect(placed && describeRange(root, placed).position).toEqual(target.position);
  });

  it('does not trust a position whose text changed: text inserted before the quote moves it', () => {
    const root = page(ARTICLE);
    const target = describeRange(root, select(root, SENTENCE));
    root.querySelector('h1')?.append(' and a longer title');

    const placed = anchorTarget(root, target);

    expect(placed?.toString()).toBe(SENTENCE);
    expect(placed && describeRange(root, placed).position.start).toBe(target.position.start + 19);
  });

  it('follows the stored context on either side over the stored offset when the text moved', () => {
    // Text put in or taken out before both copies leaves the other copy nearer the stored offset.
    const byPrefix = page('<p>A red fox ran. A blue fox ran.</p>');
    const blue = select(byPrefix, 'blue fox');
    blue.setStart(blue.startContainer, blue.startOffset + 'blue '.length);
    const blueTarget = describeRange(byPrefix, blue);
    byPrefix.prepend('Breaking: ');
    const blueNow = (byPrefix.textContent ?? '').indexOf('blue fox') + 'blue '.length;
    expect(Math.abs(blueNow - blueTarget.position.start)).toBeGreaterThan(
      Math.abs((byPrefix.textContent ?? '').indexOf('red fox') + 'red '.length - blueTarget.position.start),
    );
    const bluePlaced = anchorTarget(byPrefix, blueTarget);
    expect(bluePlaced && describeRange(byPrefix, bluePlaced).position.start).toBe(blueNow);

    const bySuffix = page('<p>Headline text. </p><p>The fox ran. The fox sat.</p>');
    const ranTarget = describeRange(bySuffix, select(bySuffix, 'fox'));
    bySuffix.querySelector('p')?.remove();
    const ranPlaced = anchorTarget(bySuffix, ranTarget);
    expect(ranPlaced && describeRange(bySuffix, ranPlaced).position.start).toBe('The '.length);
  });

  it('takes the copy nearest the stored offset among copies in the same context when the text moved', () => {
    const unit = 'Lorem ipsum dolor sit amet, the cat sat. ';
    const root = page(`<p>Title</p><p>${unit.repeat(3)}</p>`);
    const text = root.textContent ?? '';
    const second = select(root, 'cat');
    second.setStart(second.startContainer, second.startOffset + unit.length);
    second.setEnd(second.startContainer, second.startOffset + 'cat'.length);
    const target = describeRange(root, second);
    expect(target.position.start).toBe(text.indexOf('cat', text.indexOf('cat') + 1));
    root.querySelector('p')?.remove();

    const placed = anchorTarget(root, target);

    expect(placed && describeRange(root, placed).position.start).toBe(target.position.start - 'Title'.length);
  });

  it('finds a passage with one word rewritten by the fuzzy search', () => {
    const root = page(ARTICLE);
    const target = describeRange(root, select(root, SENTENCE));
    const edited = SENTENCE.replace('Tuesday', 'Monday');
    const node = select(root, SENTENCE).startContainer as Text;
    node.data = node.data.replace(SENTENCE, edited);

    expect(anchorTarget(root, target)?.toString()).toBe(edited);
  });

  it('does not place an empty quote, even where its offsets still lie in the text', () => {
    const root = page(ARTICLE);
    expect(
      anchorTarget(root, {
        quote: { exact: '', prefix: 'Members', suffix: ' arrived' },
        position: { start: 20, end: 20 },
      }),
    ).toBeNull();
  });
});

describe('matchQuote', () => {
  it('scores a candidate by its quote (50), prefix (20), suffix (20) and position (2) resemblance', () => {
    const text = `Members arrived late. ${SENTENCE.replace('Tuesday', 'Monday')} Nobody spoke.`;
    const prefix = 'Members arrived late. ';
    const suffix = ' Nobody spoke.';
    const hint = 10;

    const match = matchQuote(text, SENTENCE, { prefix, suffix, hint });

    expect(match).not.toBeNull();
    if (!match) return;
    expect(match.start).toBe(prefix.length);
    expect(match.end).toBe(text.length - suffix.length);
    const errors = levenshtein(SENTENCE, text.slice(match.start, match.end));
    expect(errors).toBe(4);
    const expected =
      (50 * (1 - errors / SENTENCE.length) + 20 + 20 + 2 * (1 - Math.abs(match.start - hint) / text.length)) /
      92;
    expect(match.score).toBeCloseTo(expected, 12);
  });

  it('gives no credit for a stored prefix where no text precedes, and full credit where none was stored', () => {
    expect(matchQuote('cat', 'cat', { prefix: 'The ', suffix: '' })?.score).toBeCloseTo(
      (50 + 0 + 20 + 2) / 92,
      12,
    );
  });

  it('allows up to half the quote’s length in errors, and finds nothing beyond', () => {
    // None of f to j occurs in either text, so each costs an error: five in the first, six in the second.
    expect(matchQuote('0123 abcdeVWXYZ 4567', 'abcdefghij')?.start).toBe(5);
    expect(matchQuote('0123 abcdUVWXYZ 4567', 'abcdefghij')).toBeNull();
  });

  it('lets the context choose between two copies of a quote, over the position', () => {
    const text = 'A red fox ran. A blue fox ran.';
    const first = text.indexOf('fox');
    const second = text.lastIndexOf('fox');
    expect(matchQuote(text, 'fox', { prefix: 'A blue ', suffix: ' ran.', hint: first })?.start).toBe(second);
    expect(matchQuote(text, 'fox', { prefix: 'A red ', suffix: ' ran.', hint: second })?.start).toBe(first);
  });

  it('takes the copy nearest the stored position among copies in the same context', () => {
    const text = 'the cat sat. the cat sat. the cat sat.';
    const starts = [4, 17, 30];
    expect(starts.map((at) => text.indexOf('cat', at))).toEqual(starts);
    const context = { prefix: 'the ', suffix: ' sat.' };
    expect(matchQuote(text, 'cat', { ...context, hint: 28 })?.start).toBe(30);
    expect(matchQuote(text, 'cat', { ...context, hint: 18 })?.start).toBe(17);
    expect(matchQuote(text, 'cat', context)?.start).toBe(4);
  });

  it('does not place an empty quote', () => {
    expect(matchQuote('some text', '')).toBeNull();
  });
});
