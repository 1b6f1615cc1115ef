/**
 * Test seam: issue 11's copy-edits as data, so that each case is written once and runs in jsdom with the unit tests
 * (`normalised-match.test.ts`) and in Chromium and Firefox with the end-to-end tests (`test/e2e/text-cases.test.ts`).
 * A case is a real page from `../shared/corpus/readability/`, a passage on it that a reader marked, the edits made
 * to the page since, and where the note belongs now: on the passage as the edits left it, or nowhere. The runner
 * takes the page's HTML, so that the browser side needs no file access.
 */
import type { TextTarget } from '../model';
import { TextIndex, anchorTargets, describeRange } from './index';
import { rangeOver } from './test-page';

/** The page as an edit sees it: the whole body, and the block that holds the marked passage. */
export interface EditedPage {
  root: HTMLElement;
  block: Element;
}

export interface EditCase {
  name: string;
  /** The folder of `../shared/corpus/readability/` whose `source.html` is the page. */
  page: string;
  /** The passage the reader marked: its first occurrence in the page's text view. */
  passage: string;
  /** The marked words quoted unedited in a reader's reply at the end of the page, before the note was taken. */
  repeat?: 'reply';
  edit: (page: EditedPage) => void;
  /** The passage as the edits leave it, where the note must land; null where a reader would rather lose it. */
  edited: string | null;
}

/** The note as the extension stores it (quote, position and node hint), and as imported with its quote alone. */
export const STORED_FORMS = ['with its position', 'by its quote alone'] as const;
export type StoredForm = (typeof STORED_FORMS)[number];

/** Text and where it starts in the text view. */
export interface ViewSpan {
  text: string;
  start: number;
}

export interface EditCaseResult {
  /** The quote the reader marked. */
  quote: string;
  /** The case's edited passage as the block that held the original reads it now; null when it does not. */
  passage: ViewSpan | null;
  placed: ViewSpan | 'orphaned';
  score: number;
}

/** Elements whose text runs as one block, so that an edit of a passage stays inside the one that held it. */
const BLOCKS = 'p, li, blockquote, td, th, dd, h1, h2, h3, h4, h5, h6, figcaption, pre, div';

/** Replace `from` with `to` in the first text node of the passage's block that holds it, as an author editing it. */
function inPassage(from: string, to: string): (page: EditedPage) => void {
  return ({ block }) => {
    const text = rangeOver(block, from).startContainer as Text;
    text.data = text.data.replace(from, to);
  };
}

/** Rewrite every text node of the page with `edit`, as a change of house style. */
function everywhere(edit: (text: string) => string): (page: EditedPage) => void {
  return ({ root }) => {
    const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node as Text;
      const edited = edit(text.data);
      if (edited !== text.data) text.data = edited;
    }
  };
}

/** Several edits, in order. */
function all(...edits: ((page: EditedPage) => void)[]): (page: EditedPage) => void {
  return (page) => {
    for (const edit of edits) edit(page);
  };
}

export const EDIT_CASES: EditCase[] = [
  {
    name: 'a letter’s case',
    page: 'aclu',
    passage: 'Facebook’s “Share” buttons on other sites',
    edit: inPassage('“Share” buttons', '“share” buttons'),
    edited: 'Facebook’s “share” buttons on other sites',
  },
  {
    name: 'a hyphen replaced by a space',
    page: 'aclu',
    passage: 'try browsing it with a third-party-blocking extension turned on',
    edit: inPassage('third-party-blocking', 'third-party blocking'),
    edited: 'try browsing it with a third-party blocking extension turned on',
  },
  {
    name: 'accents dropped',
    page: 'aktualne',
    passage: 'Moyes nicméně nenechává Součka oddechnout',
    edit: inPassage('nicméně nenechává Součka', 'nicmene nenechava Soucka'),
    edited: 'Moyes nicmene nenechava Soucka oddechnout',
  },
  {
    name: 'curly quotes and apostrophes straightened all over the page',
    page: 'aclu',
    passage: 'Facebook’s “Share” buttons on other sites',
    edit: everywhere((text) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"')),
    edited: 'Facebook\'s "Share" buttons on other sites',
  },
  {
    name: 'spaced em dashes made closed en dashes all over the page',
    page: 'aclu',
    passage: "I'm not technophobic — I'm a geek.",
    edit: everywhere((text) => text.replace(/ — /g, '–')),
    edited: "I'm not technophobic–I'm a geek.",
  },
  {
    name: 'a comma added',
    page: 'aclu',
    passage: 'This email includes names and email addresses',
    edit: inPassage('names and email', 'names, and email'),
    edited: 'This email includes names, and email addresses',
  },
  {
    name: 'a comma dropped',
    page: 'aclu',
    passage: 'my aunt, an old co-worker, a friend from elementary school',
    edit: inPassage('co-worker, a friend', 'co-worker a friend'),
    edited: 'my aunt, an old co-worker a friend from elementary school',
  },
  {
    name: 'a passage set in capitals',
    page: 'aclu',
    passage: "I don't use Facebook. I'm not technophobic",
    edit: inPassage(
      "I don't use Facebook. I'm not technophobic",
      "I DON'T USE FACEBOOK. I'M NOT TECHNOPHOBIC",
    ),
    edited: "I DON'T USE FACEBOOK. I'M NOT TECHNOPHOBIC",
  },
  {
    name: 'accents stripped all over the page',
    page: 'aktualne',
    passage: 'Ve finální fázi se ale nerozhodoval dobře, příliš často volil špatnou variantu.',
    edit: everywhere((text) => text.normalize('NFD').replace(/\p{M}/gu, '')),
    edited: 'Ve finalni fazi se ale nerozhodoval dobre, prilis casto volil spatnou variantu.',
  },
  {
    name: 'a reply quoting the passage as it was, and the passage set in capitals with a closed dash',
    page: 'aclu',
    passage: 'Facebook’s “Share” buttons on other sites — along with other tools — work a bit differently',
    repeat: 'reply',
    edit: all(
      inPassage('“Share” buttons', '“SHARE” BUTTONS'),
      inPassage(' on other sites — along', ' ON OTHER SITES – ALONG'),
    ),
    edited: 'Facebook’s “SHARE” BUTTONS ON OTHER SITES – ALONG with other tools — work a bit differently',
  },
  {
    name: 'a house-style pass: curly apostrophes, closed dashes, a comma dropped and a letter’s case',
    page: 'aclu',
    passage:
      "I'm not technophobic — I'm a geek. I've been using email since the early 1990s, I have accounts",
    edit: all(
      everywhere((text) => text.replace(/'/g, '’').replace(/ — /g, '—')),
      inPassage('early 1990s, I have', 'Early 1990s I have'),
    ),
    edited: 'I’m not technophobic—I’m a geek. I’ve been using email since the Early 1990s I have accounts',
  },
  {
    name: 'a mixture: straight quotes and a lower-case letter',
    page: 'aclu',
    passage: 'Facebook’s “Share” buttons on other sites',
    edit: all(
      inPassage('network. Facebook’s ', "network. facebook's "),
      inPassage('“Share” buttons', '"Share" buttons'),
    ),
    edited: 'facebook\'s "Share" buttons on other sites',
  },
];

/** Every case with each way of storing its note, in a fixed order for both test sides. */
export const EDIT_RUNS: { editCase: EditCase; stored: StoredForm }[] = EDIT_CASES.flatMap((editCase) =>
  STORED_FORMS.map((stored) => ({ editCase, stored })),
);

/** The corpus pages the cases read. */
export const EDIT_CASE_PAGES: string[] = [...new Set(EDIT_CASES.map((editCase) => editCase.page))];

/** Where `text` reads in the view of `index` inside `block`, from the start of the block; null when it does not. */
function spanIn(index: TextIndex, block: Element, text: string): ViewSpan | null {
  const from = index.offsetOf(block, 0);
  const to = index.offsetOf(block, block.childNodes.length);
  const start = index.text.indexOf(text, from);
  return start < 0 || start + text.length > to ? null : { text, start };
}

/** A reader's reply at the end of the page that quotes `passage`. */
function addReply(root: HTMLElement, passage: string): void {
  const reply = root.ownerDocument.createElement('p');
  reply.textContent = `Quoted in a reply: ${passage}, as a reader put it.`;
  root.append(reply);
}

/**
 * Parse `html`, the case's page, describe its passage, make the case's edits and anchor the note again as `stored`
 * keeps it. The page is parsed by DOMParser, into a document that runs no script and loads nothing, in jsdom as in
 * a browser.
 */
export function runEditCase(html: string, editCase: EditCase, stored: StoredForm): EditCaseResult {
  const root = new DOMParser().parseFromString(html, 'text/html').body;
  const first = new TextIndex(root);
  const at = first.text.indexOf(editCase.passage);
  const found = at < 0 ? null : first.toRange(at, at + editCase.passage.length);
  const container = found?.commonAncestorContainer;
  const element = container?.nodeType === 1 ? (container as Element) : container?.parentElement;
  const block = element?.closest(BLOCKS);
  if (!block) throw new Error(`the page does not read "${editCase.passage}" inside a block`);
  if (editCase.repeat) addReply(root, editCase.passage);

  const before = new TextIndex(root);
  const marked = spanIn(before, block, editCase.passage);
  const range = marked && before.toRange(marked.start, marked.start + marked.text.length);
  const target = range && describeRange(range, root, before);
  if (!target) throw new Error(`"${editCase.passage}" gives no quote`);
  editCase.edit({ root, block });

  const note: TextTarget = stored === 'with its position' ? target : { quote: target.quote };
  const after = new TextIndex(root);
  const [result] = anchorTargets(root, [note], after);
  const placed = result?.kind === 'anchored' ? describeRange(result.range, root, after) : null;
  return {
    quote: target.quote.exact,
    passage: editCase.edited === null ? null : spanIn(after, block, editCase.edited),
    placed: placed ? { text: placed.quote.exact, start: placed.position?.start ?? -1 } : 'orphaned',
    score: result?.score ?? 0,
  };
}
