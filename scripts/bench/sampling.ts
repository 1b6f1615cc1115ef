/**
 * Pure helpers of the benchmark: a seeded PRNG, picking sentences and phrases out of a paragraph, and the word
 * edits of the revised page. No DOM here, so that they run in Node's unit tests and inside the page bundle alike.
 */

/** A seeded PRNG in [0, 1) (mulberry32): the same seed picks the same targets on every run and machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A number in [0, 1) for item `index` alone, so that the items chosen at N = 100 stay chosen at N = 500. */
export function itemRandom(seed: number, index: number): number {
  return seededRandom((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0)();
}

/** A half-open span [start, end) of a string. */
export interface Span {
  start: number;
  end: number;
}

const SENTENCE_END = /[.!?]/;
const MIN_SENTENCE = 20;
const MAX_SENTENCE = 400;

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === undefined;
}

/**
 * The sentence of `paragraph` that holds character `at`, trimmed, or null when it is shorter or longer than a
 * reader would select. A sentence ends at `.`, `!` or `?` followed by a space or the paragraph's end.
 */
export function sentenceAt(paragraph: string, at: number): Span | null {
  let start = at;
  while (start > 0 && !(SENTENCE_END.test(paragraph[start - 2] ?? '') && paragraph[start - 1] === ' ')) {
    start--;
  }
  let end = at;
  while (
    end < paragraph.length &&
    !(SENTENCE_END.test(paragraph[end] ?? '') && isSpace(paragraph[end + 1]))
  ) {
    end++;
  }
  end = Math.min(paragraph.length, end + 1);
  while (start < end && paragraph[start] === ' ') start++;
  while (end > start && paragraph[end - 1] === ' ') end--;
  const length = end - start;
  return length >= MIN_SENTENCE && length <= MAX_SENTENCE ? { start, end } : null;
}

const TRAILING_PUNCTUATION = /[\s,;:.!?)"'\]]+$/;

/**
 * `words` words of `paragraph` from the word that holds character `at`, without trailing punctuation, or null
 * when the paragraph runs out of words or the phrase is too short to mean anything (under 8 characters).
 */
export function phraseAt(paragraph: string, at: number, words: number): Span | null {
  let start = Math.min(at, paragraph.length - 1);
  while (start > 0 && paragraph[start - 1] !== ' ') start--;
  while (start < paragraph.length && paragraph[start] === ' ') start++;
  let end = start;
  for (let seen = 0; seen < words; seen++) {
    if (end >= paragraph.length) return null;
    while (end < paragraph.length && paragraph[end] === ' ') end++;
    while (end < paragraph.length && paragraph[end] !== ' ') end++;
  }
  const trimmed = paragraph.slice(start, end).replace(TRAILING_PUNCTUATION, '');
  return trimmed.length >= 8 ? { start, end: start + trimmed.length } : null;
}

/** Words an editor might swap in; none is rare enough to be a quote's only anchor. */
const REPLACEMENTS = [
  'several',
  'notable',
  'early',
  'broad',
  'recent',
  'major',
  'modest',
  'formal',
  'common',
  'rapid',
];

/** Another word for `word`, keeping its leading capital: what a copy editor's one-word change looks like. */
export function replacementWord(word: string, random: () => number): string {
  const choices = REPLACEMENTS.filter((choice) => choice !== word.toLowerCase());
  const choice = choices[Math.floor(random() * choices.length)] ?? 'other';
  const first = word[0] ?? '';
  return first !== first.toLowerCase() ? choice[0]?.toUpperCase() + choice.slice(1) : choice;
}

/** Letters-only words of at least three letters: the ones an edit may replace without touching punctuation. */
export const EDITABLE_WORD = /\p{L}{3,}/gu;

/**
 * Pick `count` distinct indices among `total` candidates, never the first or the last: the quote's edges stay
 * as they were, so that an edit changes a word inside the passage and not where it starts or ends.
 */
export function pickInterior(total: number, count: number, random: () => number): number[] {
  const inner = Array.from({ length: Math.max(0, total - 2) }, (_, i) => i + 1);
  const picked: number[] = [];
  while (picked.length < count && inner.length > 0) {
    const [index] = inner.splice(Math.floor(random() * inner.length), 1);
    if (index !== undefined) picked.push(index);
  }
  return picked.sort((a, b) => a - b);
}

/**
 * The first of `values` apart (cold: the code not yet optimised, nothing cached, as a reader's first use) and
 * the median of the rest (warm); NaN where there is none.
 */
export function coldWarm(values: readonly number[]): { cold: number; warm: number } {
  return { cold: values[0] ?? Number.NaN, warm: median(values.slice(1)) };
}

/** One run of an anchoring figure, in ms. */
export interface RunTime {
  /** Wall ms to the second frame. */
  paintedMs: number;
  /** Main-thread ms: the anchoring and painting work plus the extra rendering of the next frame. */
  busyMs: number;
  /** Ms of the anchoring and painting call alone. */
  workMs: number;
}

/**
 * An anchoring figure's times: the warm medians, over the runs after the first, and the first run's (cold: an
 * engine's first use on a page, as a reader meets it).
 */
export interface RunTimes {
  paintedMs: number;
  busyMs: number;
  workMs: number;
  coldMs: number;
  coldBusyMs: number;
  coldWorkMs: number;
}

/** The warm and cold times of `runs`, as `coldWarm` takes them apart. */
export function runTimes(runs: readonly RunTime[]): RunTimes {
  const painted = coldWarm(runs.map((run) => run.paintedMs));
  const busy = coldWarm(runs.map((run) => run.busyMs));
  const work = coldWarm(runs.map((run) => run.workMs));
  return {
    paintedMs: painted.warm,
    busyMs: busy.warm,
    workMs: work.warm,
    coldMs: painted.cold,
    coldBusyMs: busy.cold,
    coldWorkMs: work.cold,
  };
}

/** The median of `values`, NaN for none. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? Number.NaN)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The names among `figures` that are below `workMs` or not a number: a time to a painted frame, or of
 * main-thread work, holds the timed call itself, so a smaller one measured something else.
 */
export function belowWork(workMs: number, figures: Readonly<Record<string, number>>): string[] {
  return Object.entries(figures)
    .filter(([, value]) => !(value >= workMs) || !Number.isFinite(workMs))
    .map(([name]) => name);
}
