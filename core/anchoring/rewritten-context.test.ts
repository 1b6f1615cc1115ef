// @vitest-environment jsdom
/**
 * Real revisions rewrite the sentences around a passage, move whole sections, and cut or reword a clause of the
 * passage itself. A note must follow its passage through that when the passage is distinctive by itself, or when
 * what is left of it is backed by its position or its context; never by the quote alone.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../test/shared-data';
import type { TextTarget } from '../model';
import { TextIndex, anchorTargets, describeRange } from './index';
import { rangeOver } from './test-page';

const PAGE = 'corpus/readability/aclu/source.html';

function articleBody(): HTMLElement {
  return new DOMParser().parseFromString(readFileSync(sharedPath(PAGE), 'utf8'), 'text/html').body;
}

/** Describe the first occurrence of `passage` in the text view, as a reader's selection of it would be. */
function describePassage(root: HTMLElement, passage: string): TextTarget {
  const index = new TextIndex(root);
  const start = index.text.indexOf(passage);
  const range = start < 0 ? null : index.toRange(start, start + passage.length);
  const target = range === null ? null : describeRange(range, root, index);
  if (target === null) throw new Error(`the page does not read "${passage}"`);
  return target;
}

/** Replace `from` with `to` in the text node that holds it, as an editor would. */
function rewrite(root: HTMLElement, from: string, to: string): void {
  const text = rangeOver(root, from).startContainer as Text;
  text.data = text.data.replace(from, to);
}

/** The text the note is placed on, or 'orphaned'. */
function placed(root: HTMLElement, target: TextTarget): string {
  const [result] = anchorTargets(root, [target]);
  return result?.kind === 'anchored' ? result.range.toString() : 'orphaned';
}

const byQuoteAlone = ({ quote }: TextTarget): TextTarget => ({ quote });

describeWithShared('a note after its surroundings were rewritten', { needs: [PAGE] }, () => {
  it('stays on a passage whose neighbouring sentences were rewritten, with or without its position', () => {
    const root = articleBody();
    const passage = "I've been using email since the early 1990s";
    const target = describePassage(root, passage);
    rewrite(root, "I'm not technophobic — I'm a geek. ", 'Let me say where I come from. ');
    rewrite(root, ', I have accounts on hundreds of services', ' and keep accounts on many services');
    expect(placed(root, target)).toBe(passage);
    expect(placed(root, byQuoteAlone(target))).toBe(passage);
  });

  it('follows a paragraph moved to the end of the article', () => {
    const root = articleBody();
    const passage = 'Facebook still has a detailed profile that can be used to target me';
    const target = describePassage(root, passage);
    const paragraph = rangeOver(root, passage).startContainer.parentElement;
    if (paragraph === null) throw new Error('the passage is not in an element');
    root.append(paragraph);
    expect(placed(root, target)).toBe(passage);
    expect(placed(root, byQuoteAlone(target))).toBe(passage);
  });

  it('follows a sentence with a clause reworded where its position says, but not by its quote alone', () => {
    const root = articleBody();
    const target = describePassage(
      root,
      'I believe that a globe-spanning communications network like the internet can be a positive social ' +
        'force, and I publish much of my own work on the open web.',
    );
    rewrite(root, 'both for work and for fun.', 'at my job and in my spare time.');
    rewrite(root, 'a globe-spanning communications', 'a worldwide communications');
    rewrite(root, 'can be a positive social force', 'could be a force for good');
    rewrite(root, 'But Facebook and other massive', 'Yet the giant');
    const edited =
      'I believe that a worldwide communications network like the internet could be a force for good, ' +
      'and I publish much of my own work on the open web.';
    expect(placed(root, target)).toBe(edited);
    expect(placed(root, byQuoteAlone(target))).toBe('orphaned');
  });

  it('keeps a one-word note where its position says, and orphans it without one', () => {
    const root = articleBody();
    const target = describePassage(root, 'panopticon');
    rewrite(root, 'lures other people into the digital panopticon.', 'draws others into a panopticon.');
    rewrite(root, "But while I've never", "Still, while I've never");
    expect(placed(root, target)).toBe('panopticon');
    expect(placed(root, byQuoteAlone(target))).toBe('orphaned');
  });

  it('is orphaned when its sentence and the words around it gave way to two rewordings as alike', () => {
    const root = articleBody();
    const target = describePassage(root, "I don't want to submit to these power structures");
    rewrite(
      root,
      'I call the "surveillance economy." I don\'t want to submit to these power structures, and I don’t want my presence',
      "some call surveillance capitalism. We don't want to submit to these power structures; they don't want to " +
        'submit to these power structures. Neither do I want my presence',
    );
    expect(placed(root, target)).toBe('orphaned');
    expect(placed(root, byQuoteAlone(target))).toBe('orphaned');
  });
});
