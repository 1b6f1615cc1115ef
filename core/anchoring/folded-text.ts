/**
 * A loose form of text in which common copy-edits compare equal: letter case, accents, curly or straight quotes,
 * a hyphen, a dash or a space between words, and the commas, semicolons, colons and brackets a copy-editor adds
 * or drops. Anchoring looks for a quote in it when the exact text is gone.
 */

/** Text folded by `foldText`, and where each of its characters came from. */
export interface FoldedText {
  text: string;
  /** For each character of `text`, the offset in the original of the character it came from. */
  from: Int32Array;
}

/** Hyphens and dashes of every width, and the minus sign, which typesetting swaps for them. */
const DASHES = /[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/;
const DROPPED = /[,;:()]/;
const SPACES = /\s/;
const MARKS = /\p{M}/gu;

/** What one character of the original becomes: a space for breaks between words, '' when dropped. */
function foldChar(char: string): string {
  if (SPACES.test(char) || DASHES.test(char)) return ' ';
  if (DROPPED.test(char)) return '';
  if (SINGLE_QUOTES.test(char)) return "'";
  if (DOUBLE_QUOTES.test(char)) return '"';
  return char.toLowerCase().normalize('NFD').replace(MARKS, '');
}

/** Folds looked up rather than worked out for each character: a page uses a few thousand distinct ones at most. */
const ASCII_FOLDS = Array.from({ length: 0x80 }, (_, code) => foldChar(String.fromCharCode(code)));
const otherFolds = new Map<string, string>();
const SPACE = 32;

/** Fold `text` (see this module's header); runs of spaces, including those that folding makes, become one. */
export function foldText(text: string): FoldedText {
  // Typed arrays rather than strings and lists: folding a long page stays a few milliseconds.
  const folding: Folding = { codes: new Uint16Array(text.length), from: new Int32Array(text.length) };
  const length = foldInto(text, folding);
  const { codes, from } = folding;
  let folded = '';
  for (let i = 0; i < length; i += CHUNK) {
    // Passed as an array-like: spreading a typed array walks its iterator, a hundred times slower on a long page.
    const chunk = codes.subarray(i, Math.min(length, i + CHUNK)) as unknown as number[];
    folded += String.fromCharCode.apply(null, chunk);
  }
  return { text: folded, from: from.slice(0, length) };
}

/** The folded codes and where each came from, replaced by larger arrays when a character folds to several. */
interface Folding {
  codes: Uint16Array;
  from: Int32Array;
}

/**
 * Fold `text` into `folding`; returns how many codes it holds. A function of its own, with nothing after its loop,
 * so that V8, compiling it in the middle of the loop, meets no code it never saw run (see `fillBand`).
 */
function foldInto(text: string, folding: Folding): number {
  let { codes, from } = folding;
  let length = 0;
  for (let at = 0; at < text.length;) {
    const code = text.charCodeAt(at);
    let width = 1;
    let out: string | undefined;
    if (code < 0x80) out = ASCII_FOLDS[code];
    else {
      const char = String.fromCodePoint(text.codePointAt(at) ?? code);
      width = char.length;
      out = otherFolds.get(char);
      if (out === undefined) {
        out = foldChar(char);
        otherFolds.set(char, out);
      }
    }
    for (let i = 0; out !== undefined && i < out.length; i++) {
      const folded = out.charCodeAt(i);
      if (folded === SPACE && length > 0 && codes[length - 1] === SPACE) continue;
      if (length === codes.length) {
        codes = folding.codes = grown(codes, new Uint16Array(length * 2 + 16));
        from = folding.from = grown(from, new Int32Array(length * 2 + 16));
      }
      codes[length] = folded;
      from[length++] = at;
    }
    at += width;
  }
  return length;
}

const ASCII_ONLY = /^[\0-\x7f]*$/;
/** `foldChar`'s classes, for a whole string at once. */
const ALL_DROPPED = new RegExp(DROPPED.source, 'g');
const BREAK_RUNS = new RegExp(`(?:${SPACES.source}|${DASHES.source})+`, 'g');

/**
 * The folded text alone, as `foldText` makes it: for a quote and its context, folded one by one as anchoring
 * reaches them. Most are plain ASCII, folded by the regular expression engine rather than character by character:
 * letters to lower case, `,;:()` dropped, and runs of spaces, line breaks and hyphens made one space.
 */
export function foldString(text: string): string {
  if (!ASCII_ONLY.test(text)) return foldText(text).text;
  return text.toLowerCase().replace(ALL_DROPPED, '').replace(BREAK_RUNS, ' ');
}

/** Characters turned into a string at once: well under the engines' limits on a call's arguments. */
const CHUNK = 4096;

function grown<T extends Uint16Array | Int32Array>(old: T, into: T): T {
  into.set(old);
  return into;
}

/** The offset in the original just past the character that folded character `at` came from. */
export function originalEnd(original: string, folded: FoldedText, at: number): number {
  const start = folded.from[at] ?? original.length;
  return start + ((original.codePointAt(start) ?? 0) > 0xffff ? 2 : 1);
}
