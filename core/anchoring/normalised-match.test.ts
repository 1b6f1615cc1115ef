// @vitest-environment jsdom
/**
 * Copy-edits that leave a passage the same to a reader (case, accents, quotes, dashes, hyphens, light
 * punctuation) must not orphan a note on it: described on a real page, the page edited, then anchored again.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { TextTarget } from '../model';
import { describeWithShared, sharedPath } from '../../test/shared-data';
import { TextIndex, anchorTargets, describeRange } from './index';
import { page, rangeOver } from './test-page';

function corpusPage(name: string): HTMLElement {
  const html = readFileSync(sharedPath(`corpus/readability/${name}/source.html`), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html').body;
}

/** The first occurrence of `passage` in the text view of `root`, across elements. */
function passageRange(root: Element, passage: string): Range {
  const index = new TextIndex(root);
  const start = index.text.indexOf(passage);
  const range = start < 0 ? null : index.toRange(start, start + passage.length);
  if (range === null) throw new Error(`the page does not read "${passage}"`);
  return range;
}

/** Replace `from` with `to` in the first text node under `root` that holds it, as an author editing a passage. */
function editOnce(root: Element, from: string, to: string): void {
  const text = rangeOver(root, from).startContainer as Text;
  text.data = text.data.replace(from, to);
}

/** Rewrite every text node under `root` with `edit`, as a change of house style. */
function editEverywhere(root: Element, edit: (text: string) => string): void {
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const text = node as Text;
    const edited = edit(text.data);
    if (edited !== text.data) text.data = edited;
  }
}

/** The note as stored with its position, and as imported with its quote alone. */
const STORED = [
  ['with its position', (target: TextTarget): TextTarget => target],
  ['by its quote alone', ({ quote }: TextTarget): TextTarget => ({ quote })],
] as const;

interface EditCase {
  name: string;
  page: string;
  passage: string;
  edit: (root: Element) => void;
  /** The passage as the edit leaves it, where the note must land. */
  edited: string;
}

const EDITS: EditCase[] = [
  {
    name: 'a letter’s case',
    page: 'aclu',
    passage: 'Facebook’s “Share” buttons on other sites',
    edit: (root) => editOnce(root, '“Share” buttons', '“share” buttons'),
    edited: 'Facebook’s “share” buttons on other sites',
  },
  {
    name: 'a hyphen instead of a space',
    page: 'aclu',
    passage: 'try browsing it with a third-party-blocking extension turned on',
    edit: (root) => editOnce(root, 'third-party-blocking', 'third-party blocking'),
    edited: 'try browsing it with a third-party blocking extension turned on',
  },
  {
    name: 'accents dropped',
    page: 'aktualne',
    passage: 'Moyes nicméně nenechává Součka oddechnout',
    edit: (root) => editOnce(root, 'nicméně nenechává Součka', 'nicmene nenechava Soucka'),
    edited: 'Moyes nicmene nenechava Soucka oddechnout',
  },
  {
    name: 'curly quotes and apostrophes straightened all over the page',
    page: 'aclu',
    passage: 'Facebook’s “Share” buttons on other sites',
    edit: (root) => {
      editEverywhere(root, (text) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"'));
    },
    edited: 'Facebook\'s "Share" buttons on other sites',
  },
  {
    name: 'spaced em dashes made closed en dashes all over the page',
    page: 'aclu',
    passage: "I'm not technophobic — I'm a geek.",
    edit: (root) => editEverywhere(root, (text) => text.replace(/ — /g, '–')),
    edited: "I'm not technophobic–I'm a geek.",
  },
  {
    name: 'a comma added',
    page: 'aclu',
    passage: 'This email includes names and email addresses',
    edit: (root) => editOnce(root, 'names and email', 'names, and email'),
    edited: 'This email includes names, and email addresses',
  },
  {
    name: 'a comma dropped',
    page: 'aclu',
    passage: 'my aunt, an old co-worker, a friend from elementary school',
    edit: (root) => editOnce(root, 'co-worker, a friend', 'co-worker a friend'),
    edited: 'my aunt, an old co-worker a friend from elementary school',
  },
  {
    name: 'a passage set in capitals',
    page: 'aclu',
    passage: "I don't use Facebook. I'm not technophobic",
    edit: (root) =>
      editOnce(
        root,
        "I don't use Facebook. I'm not technophobic",
        "I DON'T USE FACEBOOK. I'M NOT TECHNOPHOBIC",
      ),
    edited: "I DON'T USE FACEBOOK. I'M NOT TECHNOPHOBIC",
  },
  {
    name: 'accents stripped all over the page',
    page: 'aktualne',
    passage: 'Ve finální fázi se ale nerozhodoval dobře, příliš často volil špatnou variantu.',
    edit: (root) => editEverywhere(root, (text) => text.normalize('NFD').replace(/\p{M}/gu, '')),
    edited: 'Ve finalni fazi se ale nerozhodoval dobre, prilis casto volil spatnou variantu.',
  },
  {
    name: 'a house-style pass: curly apostrophes, closed dashes, a comma dropped and a letter’s case',
    page: 'aclu',
    passage:
      "I'm not technophobic — I'm a geek. I've been using email since the early 1990s, I have accounts",
    edit: (root) => {
      editEverywhere(root, (text) => text.replace(/'/g, '’').replace(/ — /g, '—'));
      editOnce(root, 'early 1990s, I have', 'Early 1990s I have');
    },
    edited: 'I’m not technophobic—I’m a geek. I’ve been using email since the Early 1990s I have accounts',
  },
  {
    name: 'a mixture: straight quotes and a lower-case letter',
    page: 'aclu',
    passage: 'Facebook’s “Share” buttons on other sites',
    edit: (root) => {
      editOnce(root, 'network. Facebook’s ', "network. facebook's ");
      editOnce(root, '“Share” buttons', '"Share" buttons');
    },
    edited: 'facebook\'s "Share" buttons on other sites',
  },
];

/** Describe `passage` on `root`, apply `edit`, and anchor the note again as `store` keeps it. */
function anchorAfterEdit(
  root: Element,
  passage: string,
  edit: (root: Element) => void,
  store: (target: TextTarget) => TextTarget,
): { text: string; score: number } | 'orphaned' {
  const target = describeRange(passageRange(root, passage), root);
  if (target === null) throw new Error(`"${passage}" gives no quote`);
  edit(root);
  const [result] = anchorTargets(root, [store(target)]);
  if (result === undefined || result.kind === 'orphaned') return 'orphaned';
  return { text: result.range.toString(), score: result.score };
}

describeWithShared(
  'a note on a real page, after a copy-edit of its passage',
  { needs: ['corpus/readability/aclu', 'corpus/readability/aktualne'] },
  () => {
    const cases = EDITS.flatMap((edit) =>
      STORED.map(([how, store]) => [edit.name, how, edit, store] as const),
    );
    it.each(cases)('is placed on the edited passage after %s, stored %s', (_name, _how, edited, store) => {
      const placed = anchorAfterEdit(corpusPage(edited.page), edited.passage, edited.edit, store);
      expect(placed).toEqual({ text: edited.edited, score: expect.any(Number) as number });
      // Below an exact find's score, so that callers can tell the text now differs.
      expect(placed !== 'orphaned' && placed.score).toBeLessThan(0.98);
    });

    it.each(STORED)(
      'is placed on the edited copy of a repeated sentence, never on the copy elsewhere, stored %s',
      (_how, store) => {
        const root = corpusPage('aclu');
        const sentence =
          'Facebook’s “Share” buttons on other sites — along with other tools — work a bit differently';
        const repeat = root.ownerDocument.createElement('p');
        repeat.textContent = `Quoted in a reply: ${sentence}, as a reader put it.`;
        root.append(repeat);
        // The article's copy comes first in the page, so that is the one described and set in capitals.
        const placed = anchorAfterEdit(
          root,
          sentence,
          (page) => {
            editOnce(page, '“Share” buttons', '“SHARE” BUTTONS');
            editOnce(page, ' on other sites — along', ' ON OTHER SITES – ALONG');
          },
          store,
        );
        expect(placed).toEqual({
          text: 'Facebook’s “SHARE” BUTTONS ON OTHER SITES – ALONG with other tools — work a bit differently',
          score: expect.any(Number) as number,
        });
        expect(repeat.textContent).toContain(sentence);
      },
    );
  },
);

describe('a note whose passage is repeated, copy-edited the same way, with the same context', () => {
  it('is orphaned rather than placed on either copy when nothing tells them apart', () => {
    // Context as long as a stored one around each copy, and the same.
    const block =
      '<p>Intro of the chapter.</p><p>The New World was mapped by 1600.</p><p>Outro of the chapter.</p>';
    const root = page(block + '<hr>' + block);
    const placed = anchorAfterEdit(
      root,
      'The New World',
      (edited) => editEverywhere(edited, (text) => text.replace('The New World', 'the New World')),
      ({ quote }) => ({ quote }),
    );
    expect(placed).toBe('orphaned');
  });
});

describe('a note on an unchanged page', () => {
  it('is placed without folding the page', () => {
    const root = page('<p>The cat sat on the mat.</p>');
    const index = new TextIndex(root);
    const target = describeRange(rangeOver(root, 'cat'), root, index);
    const folding = vi.spyOn(index, 'folded', 'get');
    const [result] = anchorTargets(
      root,
      target === null ? [] : [{ quote: target.quote, position: target.position }],
      index,
    );
    expect(result?.kind).toBe('anchored');
    expect(folding).not.toHaveBeenCalled();
  });
});
