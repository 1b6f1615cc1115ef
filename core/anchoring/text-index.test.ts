// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { INDEX_OBSERVER_OPTIONS, TextIndex, anchorTargets } from './index';
import { page } from './test-page';

describe('TextIndex.update', () => {
  function observed(html: string): { root: HTMLElement; index: TextIndex; observer: MutationObserver } {
    const root = page(html);
    const index = new TextIndex(root);
    const observer = new MutationObserver(() => undefined);
    observer.observe(root, INDEX_OBSERVER_OPTIONS);
    return { root, index, observer };
  }

  it('places a note in comments that arrive after the page was indexed', () => {
    const { root, index, observer } = observed(
      '<article><p>The article.</p></article><section id="c"></section>',
    );
    const target = {
      quote: {
        type: 'TextQuoteSelector' as const,
        exact: 'I disagree',
        prefix: 'First comment: ',
        suffix: ' strongly.',
      },
    };
    expect(anchorTargets(root, [target], index)[0]?.kind).toBe('orphaned');
    const comment = root.ownerDocument.createElement('p');
    comment.textContent = 'First comment: I disagree strongly.';
    root.querySelector('#c')?.append(comment);
    const rebuild = vi.spyOn(index, 'rebuild');
    index.update(observer.takeRecords());
    // Only the comment section was walked again.
    expect(rebuild).not.toHaveBeenCalled();
    const [result] = anchorTargets(root, [target], index);
    expect(result?.kind === 'anchored' && result.range.toString()).toBe('I disagree');
  });

  const mutation = fc.record({
    kind: fc.constantFrom('append', 'insert', 'remove', 'text', 'hide', 'show', 'style', 'unwrap'),
    at: fc.nat(),
    words: fc.constantFrom('new words', ' spaced  ', '', 'x', ' lead', 'trail '),
    tag: fc.constantFrom('p', 'span', 'div', 'br', 'b'),
  });

  it('ends with the same view as a fresh index, whatever the changes', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.boolean(), (mutations, batch) => {
        const { root, index, observer } = observed(
          '<div><p>one <b>two</b> three</p>\n<p>four</p></div><ul><li>five</li><li> six </li></ul><p>seven<br>eight</p>',
        );
        const doc = root.ownerDocument;
        for (const { kind, at, words, tag } of mutations) {
          const elements = Array.from(root.querySelectorAll('*'));
          const texts: Text[] = [];
          const walker = doc.createTreeWalker(root, 4);
          for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) texts.push(n as Text);
          const element = elements[at % Math.max(1, elements.length)] ?? root;
          const text = texts[at % Math.max(1, texts.length)];
          const made = doc.createElement(tag);
          if (tag !== 'br') made.textContent = words;
          if (kind === 'append') element.append(made);
          else if (kind === 'insert') element.parentNode?.insertBefore(doc.createTextNode(words), element);
          else if (kind === 'remove' && element !== root) element.remove();
          else if (kind === 'text' && text !== undefined) text.data = words;
          else if (kind === 'hide') element.setAttribute('hidden', '');
          else if (kind === 'show') element.removeAttribute('hidden');
          else if (kind === 'style') element.setAttribute('style', 'display: none');
          else if (kind === 'unwrap' && element !== root)
            element.replaceWith(...Array.from(element.childNodes));
          if (!batch) index.update(observer.takeRecords());
        }
        index.update(observer.takeRecords());
        const fresh = new TextIndex(root);
        expect(index.text).toBe(fresh.text);
        // Offsets agree too: the same DOM point maps to the same place in both.
        for (const node of Array.from(root.querySelectorAll('*'))) {
          expect(index.offsetOf(node, 0)).toBe(fresh.offsetOf(node, 0));
        }
      }),
      { numRuns: 150 },
    );
  }, 30_000);
});
