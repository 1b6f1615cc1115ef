// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { commentParagraphs } from './comment-text';

/** Builds a comment body from [tag, text] pairs with DOM calls; `br` inserts a line break. */
function body(...parts: (string | [string, string])[]): Element {
  const root = document.createElement('div');
  for (const part of parts) {
    if (part === 'br') root.append(document.createElement('br'));
    else if (typeof part === 'string') root.append(document.createTextNode(part));
    else {
      const element = document.createElement(part[0]);
      element.textContent = part[1];
      root.append(element);
    }
  }
  return root;
}

describe('commentParagraphs', () => {
  it('makes a paragraph of each block and collapses whitespace as a browser renders it', () => {
    expect(commentParagraphs(body(['p', '  First   point.\n '], ['p', 'Second.']))).toEqual([
      'First point.',
      'Second.',
    ]);
  });

  it('breaks where the page breaks the line: a folded summary and what it hides do not run together', () => {
    // Discourse's hidden details render so, with no space after the summary in the markup.
    expect(commentParagraphs(body(['summary', 'Why'], 'Because the figures say so.'))).toEqual([
      'Why',
      'Because the figures say so.',
    ]);
  });

  it('keeps lines of one paragraph together, but starts a paragraph at each numbered line', () => {
    const element = body(
      'I disagree.',
      'br',
      'Here is why:',
      'br',
      '1, it flooded.',
      'br',
      '2) nobody paid.',
      'br',
      'so there.',
    );
    expect(commentParagraphs(element)).toEqual([
      'I disagree.\nHere is why:',
      '1, it flooded.',
      '2) nobody paid.\nso there.',
    ]);
  });

  it('splits in-line numbering only when it counts up from one', () => {
    expect(commentParagraphs(body(['p', 'Three things: 1. cost 2. time 3. risk']))).toEqual([
      'Three things:',
      '1. cost',
      '2. time',
      '3. risk',
    ]);
    expect(commentParagraphs(body(['p', 'Version 2. was better than 3. in my view.']))).toEqual([
      'Version 2. was better than 3. in my view.',
    ]);
  });

  it('leaves out controls, scripts, hidden parts and nested replies', () => {
    const root = body(['p', 'What I wrote.']);
    const reply = document.createElement('a');
    reply.className = 'comment-reply-link';
    reply.textContent = 'Reply';
    const script = document.createElement('script');
    script.textContent = 'track()';
    const hidden = document.createElement('span');
    hidden.hidden = true;
    hidden.textContent = 'secret';
    const nested = document.createElement('div');
    nested.className = 'nested';
    nested.textContent = 'Someone else’s reply.';
    root.append(reply, script, hidden, nested);
    expect(commentParagraphs(root, { isOtherComment: (e) => e.classList.contains('nested') })).toEqual([
      'What I wrote.',
    ]);
  });
});
