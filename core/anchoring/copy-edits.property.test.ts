// @vitest-environment jsdom
/**
 * Issue 11's promise as a property: a real passage, copy-edited in up to a fifth of its characters by the
 * kinds of edit editors make, is found where it now is or orphaned, never placed on other text.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import '../../test/fast-check-seed';
import { describeWithShared, sharedPath } from '../../test/shared-data';
import type { TextTarget } from '../model';
import { editDistance } from './fuzzy-match';
import { anchorTargets, describeRange } from './index';

const PAGES = ['aclu', 'bbc-1', 'breitbart', 'ars-1'];
const MAX_EDITED = 0.2;

/** The edits editors make to a word: case, accents, hyphens, quotes, commas, or a word rewritten. */
const EDIT_KINDS: ((word: string, pick: number) => string)[] = [
  (word) =>
    (word[0] === word[0]?.toUpperCase() ? word[0]?.toLowerCase() : word[0]?.toUpperCase()) + word.slice(1),
  (word) => word.replace(/e/, 'é').replace(/a/, 'á'),
  (word) => word.normalize('NFD').replace(/\p{M}/gu, ''),
  (word) => `${word}-`,
  (word) => word.replace(/-/g, ' '),
  (word) => word.replace(/[’‘]/g, "'").replace(/[“”]/g, '"'),
  (word) => `${word},`,
  (word) => word.replace(/[,;:]$/, ''),
  (word, pick) => ['which', 'several', 'recently', 'the', 'however'][pick % 5] ?? word,
];

/** Text nodes long enough to hold a passage of a few words with text on either side. */
function longTexts(body: HTMLElement): Text[] {
  const walker = body.ownerDocument.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  const found: Text[] = [];
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement?.localName ?? '';
    if (['script', 'style', 'noscript', 'template'].includes(parent)) continue;
    if ((node as Text).data.trim().split(/\s+/).length >= 24) found.push(node as Text);
  }
  return found;
}

/** A passage of `wordCount` whole words inside one long text node, with a word of the node on either side. */
function pickPassage(
  body: HTMLElement,
  nodeAt: number,
  wordCount: number,
): { node: Text; start: number; end: number; described: TextTarget } | null {
  const texts = longTexts(body);
  const node = texts[nodeAt % texts.length];
  if (!node) return null;
  const words = [...node.data.matchAll(/\S+/g)];
  const first = 1 + (nodeAt % Math.max(1, words.length - wordCount - 2));
  const last = Math.min(words.length - 2, first + wordCount - 1);
  const [from, to] = [words[first], words[last]];
  if (!from || !to || last < first) return null;
  const start = from.index;
  const end = to.index + to[0].length;
  const range = body.ownerDocument.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const described = describeRange(range, body);
  return described ? { node, start, end, described } : null;
}

describeWithShared(
  'copy-edited real passages',
  { needs: PAGES.map((name) => `corpus/readability/${name}/source.html`) },
  () => {
    // Read in beforeAll: a clone without ../shared/ collects this suite as skipped and must not read it.
    let bodies: HTMLElement[] = [];
    beforeAll(() => {
      bodies = PAGES.map(
        (name) =>
          new DOMParser().parseFromString(
            readFileSync(sharedPath(`corpus/readability/${name}/source.html`), 'utf8'),
            'text/html',
          ).body,
      );
    });

    it('are placed on the edited passage or orphaned, never elsewhere', { timeout: 120_000 }, () => {
      fc.assert(
        fc.property(
          fc.nat(),
          fc.nat(),
          fc.integer({ min: 3, max: 20 }),
          fc.array(fc.tuple(fc.nat(), fc.nat(EDIT_KINDS.length - 1), fc.nat()), {
            minLength: 1,
            maxLength: 4,
          }),
          fc.boolean(),
          fc.boolean(),
          (pageAt, nodeAt, wordCount, edits, withPosition, rewriteAround) => {
            const body = bodies[pageAt % bodies.length]?.cloneNode(true) as HTMLElement;
            const picked = pickPassage(body, nodeAt, wordCount);
            if (!picked) return;
            const { node, start, end, described } = picked;
            const target: TextTarget = withPosition ? described : { quote: described.quote };

            const passage = node.data.slice(start, end).split(' ');
            for (const [wordAt, kind, pick] of edits) {
              const i = wordAt % passage.length;
              passage[i] = EDIT_KINDS[kind]?.(passage[i] ?? '', pick) ?? passage[i] ?? '';
            }
            const edited = passage.join(' ');
            const before = node.data.slice(start, end);
            let changed = 0;
            for (let i = 0; i < Math.max(before.length, edited.length); i++) {
              if (before[i] !== edited[i]) changed++;
            }
            // Edits that shift the rest of the passage count once, not for every character after them.
            if (
              Math.abs(edited.length - before.length) + Math.min(changed, edits.length * 12) >
              MAX_EDITED * before.length
            )
              return;
            // Real revisions also rewrite the sentences around a passage: up to five words either side.
            const around = rewriteAround ? 5 : 0;
            const beforeWords = node.data.slice(0, start).split(' ');
            const afterWords = node.data.slice(end).split(' ');
            for (let i = 1; i <= around; i++) {
              if (beforeWords.length - 1 - i > 0) beforeWords[beforeWords.length - 1 - i] = `other${i}`;
              if (i < afterWords.length - 1) afterWords[i] = `words${i}`;
            }
            const editedStart = beforeWords.join(' ').length;
            node.data = beforeWords.join(' ') + edited + afterWords.join(' ');

            const [result] = anchorTargets(body, [target]);
            if (result?.kind !== 'anchored') return;
            const placed = result.range;
            expect(placed.startContainer).toBe(node);
            expect(placed.endContainer).toBe(node);
            const shared =
              Math.min(placed.endOffset, editedStart + edited.length) -
              Math.max(placed.startOffset, editedStart);
            const union =
              Math.max(placed.endOffset, editedStart + edited.length) -
              Math.min(placed.startOffset, editedStart);
            expect(shared / union).toBeGreaterThanOrEqual(0.5);
          },
        ),
        { numRuns: 100 },
      );
    });

    it(
      'are orphaned once deleted, or placed only on a copy or a rewording of them',
      { timeout: 120_000 },
      () => {
        fc.assert(
          fc.property(
            fc.nat(),
            fc.nat(),
            fc.integer({ min: 3, max: 20 }),
            fc.boolean(),
            (pageAt, nodeAt, wordCount, withPosition) => {
              const body = bodies[pageAt % bodies.length]?.cloneNode(true) as HTMLElement;
              const picked = pickPassage(body, nodeAt, wordCount);
              if (!picked) return;
              const { node, start, end, described } = picked;
              const target: TextTarget = withPosition ? described : { quote: described.quote };
              node.data = node.data.slice(0, start) + node.data.slice(end);

              const [result] = anchorTargets(body, [target]);
              if (result?.kind !== 'anchored') return;
              // Placed on a copy of the passage elsewhere on the page, or on a rewording of it in the same words
              // around (a summary that repeats the lede): not on other text.
              const quote = described.quote.exact;
              const text = result.range.toString();
              expect(1 - editDistance(quote, text) / quote.length).toBeGreaterThanOrEqual(0.6);
            },
          ),
          { numRuns: 100 },
        );
      },
    );
  },
);
