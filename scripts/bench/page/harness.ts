/**
 * The in-page side of `npm run bench`: picks the targets, revises the page, times anchoring and painting to the
 * second animation frame, and judges every placement against the truth. Node drives it through
 * `window.__bench`; the engine under test is whichever bundle set `window.__benchEngine`.
 */
import {
  EDITABLE_WORD,
  itemRandom,
  median,
  phraseAt,
  pickInterior,
  replacementWord,
  seededRandom,
  sentenceAt,
} from '../sampling';
import type { Span } from '../sampling';
import { judge, locateUnique, tallyBy } from '../truth';
import type { Tally, Truth, Verdict } from '../truth';
import type { BenchEngine } from './engine';
import { buildView, RawOffsets, viewRange } from './text-view';
import type { TextView } from './text-view';

/** A quote as the reader selected it, in the benchmark's own text view; whitespace collapsed. */
export interface SampledQuote {
  exact: string;
  kind: 'sentence' | 'phrase';
}

export interface Prepared {
  viewLength: number;
  sampled: number;
  sentences: number;
  phrases: number;
  quotes: SampledQuote[];
  /** Where each quote was picked, in the view's text (see `viewText`). */
  spans: Span[];
}

export interface Located {
  unique: number;
  absent: number;
  repeated: number;
}

export interface Revised {
  insertedChars: number;
  /** Targets (of the first n) whose passage changed, by how many words changed inside it. */
  editedTargets: Record<string, number>;
}

/** Milliseconds. `total`: to the second frame. `busy`: main-thread work alone (see `measure`). */
export interface Timing {
  total: number;
  busy: number;
  work: number;
}

/** A wrong or orphaned placement: the stored quote, the text it was placed on, and where the passage is now. */
export interface Example {
  verdict: Verdict;
  index: number;
  editedWords: number;
  quote: string;
  placed: string | null;
  truth: string | null;
}

export interface Judged {
  placed: number;
  /** Verdicts grouped by how many words of the passage were edited ('0', '1', '2'). */
  byEdit: Partial<Record<string, Tally>>;
  examples: Example[];
}

export interface Drawn {
  count: number;
  draw: Timing;
  remove: Timing;
  nodesBefore: number;
  nodesAfterDraw: number;
  nodesAfterRemove: number;
  /** Elements alone: wrapping painters add one per text node they cover, and split text nodes besides. */
  elementsAdded: number;
}

const collapse = (text: string): string => text.replace(/[\t\n\f\r \u00a0]+/g, ' ');

interface State {
  view: TextView | null;
  /** Where each target's passage is now: a live Range, so that edits to the page move it with them. */
  truth: (Range | null | 'unknown')[];
  quotes: SampledQuote[];
  /** Each passage's raw text when it was picked: a passage whose text differs now was edited. */
  original: string[];
  editedWords: number[];
  /** The truth and the last placements in raw offsets, taken before painting. */
  truthSpans: Truth[];
  placedSpans: (Span | null)[];
}

const state: State = {
  view: null,
  truth: [],
  quotes: [],
  original: [],
  editedWords: [],
  truthSpans: [],
  placedSpans: [],
};

function engine(): BenchEngine {
  const found = window.__benchEngine;
  if (!found) throw new Error('No engine bundle was injected into the page.');
  return found;
}

/** Resolves in the next animation frame's callbacks, with the time they ran. */
function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
}

/**
 * The next frame, and how long its rendering (style, layout, paint) kept the main thread: a message posted from
 * the frame's callbacks runs only once the task that renders the frame is over.
 */
function frameWithRendering(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const from = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - from);
      channel.port2.postMessage(0);
    }),
  );
}

/**
 * Time `work` from its start to the second animation frame after it (`total`, what a reader waits, but
 * quantised by vsync to 16.7 ms steps), and the main-thread time it caused (`busy`: the work itself plus the
 * rendering of the next frame), which resolves differences under a frame.
 */
async function measure(work: () => unknown): Promise<Timing> {
  await nextFrame();
  const start = performance.now();
  await work();
  const worked = performance.now() - start;
  const rendering = await frameWithRendering();
  const end = await nextFrame();
  return { total: end - start, busy: worked + rendering, work: worked };
}

function isVisible(node: Text, cache: Map<Element, boolean>): boolean {
  const parent = node.parentElement;
  if (!parent) return false;
  let visible = cache.get(parent);
  if (visible === undefined) {
    visible = parent.checkVisibility();
    cache.set(parent, visible);
  }
  return visible;
}

/** Pick `count` random sentences and phrases of visible text, repeatably for a seed, and keep them as the truth. */
function prepare(seed: number, count: number): Prepared {
  const view = buildView(document.body);
  const random = seededRandom(seed);
  const seen = new Set<string>();
  const visible = new Map<Element, boolean>();
  const truth: Range[] = [];
  const quotes: SampledQuote[] = [];
  const spans: Span[] = [];
  const text = view.text;
  for (let attempt = 0; truth.length < count && attempt < count * 200; attempt++) {
    const at = Math.floor(random() * text.length);
    const kind = random() < 0.5 ? 'sentence' : 'phrase';
    const words = 2 + Math.floor(random() * 5);
    const code = text.charCodeAt(at);
    if (code === 10 || code === 32) continue;
    const from = text.lastIndexOf('\n', at) + 1;
    const to = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
    const paragraph = text.slice(from, to);
    const local =
      kind === 'sentence' ? sentenceAt(paragraph, at - from) : phraseAt(paragraph, at - from, words);
    if (local === null) continue;
    const span: Span = { start: from + local.start, end: from + local.end };
    const key = `${span.start}:${span.end}`;
    if (seen.has(key)) continue;
    const first = view.nodes[view.nodeOf[span.start] ?? 0];
    const last = view.nodes[view.nodeOf[span.end - 1] ?? 0];
    if (!first || !last || !isVisible(first, visible) || !isVisible(last, visible)) continue;
    seen.add(key);
    truth.push(viewRange(view, span));
    quotes.push({ exact: text.slice(span.start, span.end), kind });
    spans.push(span);
  }
  state.view = view;
  state.truth = truth;
  state.quotes = quotes;
  state.original = truth.map((range) => range.toString());
  state.editedWords = quotes.map(() => 0);
  const sentences = quotes.filter((quote) => quote.kind === 'sentence').length;
  return {
    viewLength: text.length,
    sampled: truth.length,
    sentences,
    phrases: truth.length - sentences,
    quotes,
    spans,
  };
}

/**
 * On a page with the same text under another DOM (`expected.html`): find each quote sampled on the original.
 * The truth is known where the quote occurs once; quotes none of whose pieces are there should be orphaned;
 * repeated or partly changed ones are not judged (see `locateUnique`).
 */
function locate(quotes: readonly SampledQuote[]): Located {
  const view = buildView(document.body);
  // Block boundaries differ between the two DOMs; the words do not.
  const flat = view.text.replace(/\n/g, ' ');
  const counts: Located = { unique: 0, absent: 0, repeated: 0 };
  state.view = view;
  state.quotes = [...quotes];
  state.original = [];
  state.editedWords = quotes.map(() => 0);
  state.truth = quotes.map((quote) => {
    const found = locateUnique(flat, collapse(quote.exact));
    if (found === 'unknown') {
      counts.repeated++;
      return 'unknown';
    }
    if (found === null) {
      counts.absent++;
      return null;
    }
    counts.unique++;
    return viewRange(view, found);
  });
  return counts;
}

/** The page's text as the bench's view reads it: the drift set diffs two versions of a page in these terms. */
function viewText(): string {
  return buildView(document.body).text;
}

/**
 * On the new version of a drift-set page: take where each quote's passage is now, found in Node by diffing the
 * two versions' `viewText` (null: gone), and how many of its words changed, for `evaluate`.
 */
function setTruth(
  truth: readonly Truth[],
  quotes: readonly SampledQuote[],
  editedWords: readonly number[],
): void {
  const view = buildView(document.body);
  state.view = view;
  state.quotes = [...quotes];
  state.original = [];
  state.editedWords = [...editedWords];
  state.truth = truth.map((span) => (span === null || span === 'unknown' ? span : viewRange(view, span)));
}

/** Describe targets [from, to) with the engine's own describe function, in chunks so that Node can budget it. */
function describe(from: number, to: number): Promise<unknown[]> {
  const ranges = state.truth.slice(from, to).filter((range): range is Range => range instanceof Range);
  return engine().describeAll(document.body, ranges);
}

const FILLER = [
  'update',
  'editor',
  'note',
  'article',
  'revised',
  'version',
  'readers',
  'corrected',
  'earlier',
  'since',
];

/** A paragraph of exactly `length` characters that repeats no passage of the page. */
function fillerText(length: number, random: () => number): string {
  let text = 'Editor’s note:';
  while (text.length < length) text += ` ${FILLER[Math.floor(random() * FILLER.length)] ?? 'note'}`;
  return `${text.slice(0, length - 1)}.`;
}

/** The words of `range` that an edit may replace: letters only, each inside one text node. */
function wordsIn(range: Range): { node: Text; start: number; end: number }[] {
  const words: { node: Text; start: number; end: number }[] = [];
  const common = range.commonAncestorContainer;
  const walker = document.createTreeWalker(
    common.nodeType === 3 ? (common.parentNode ?? common) : common,
    NodeFilter.SHOW_TEXT,
  );
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const text = node as Text;
    const from = text === range.startContainer ? range.startOffset : 0;
    const to = text === range.endContainer ? range.endOffset : text.data.length;
    for (const match of text.data.slice(from, to).matchAll(EDITABLE_WORD)) {
      words.push({ node: text, start: from + match.index, end: from + match.index + match[0].length });
    }
  }
  return words;
}

/**
 * Revise the page as an editor would between two visits: a 500-character paragraph near the top, and one or two
 * words changed inside about `fraction` of the first `count` passages (those with at least three words). The
 * truth Ranges are live, so they follow every change; a passage counts as edited if its text changed.
 */
function revise(seed: number, count: number, fraction: number): Revised {
  const random = seededRandom(seed);
  const anchor = [...document.body.querySelectorAll('p')].find(
    (p) => p.checkVisibility() && (p.textContent ?? '').trim().length >= 80,
  );
  const inserted = document.createElement('p');
  inserted.textContent = fillerText(500, random);
  if (anchor?.parentNode) anchor.parentNode.insertBefore(inserted, anchor);
  else document.body.prepend(inserted);

  const edits: Range[] = [];
  let owed = 0;
  for (let i = 0; i < count; i++) {
    if (itemRandom(seed, i) < fraction) owed++;
    const range = state.truth[i];
    if (owed === 0 || !(range instanceof Range)) continue;
    const words = wordsIn(range);
    // A passage too short to change inside passes its edit to the next one, to keep the share near `fraction`.
    if (words.length < 3) continue;
    owed--;
    const wordRandom = seededRandom(seed + i + 1);
    const picked = pickInterior(words.length, wordRandom() < 2 / 3 ? 1 : 2, wordRandom);
    for (const index of picked.reverse()) {
      const word = words[index];
      if (!word) continue;
      const original = word.node.data.slice(word.start, word.end);
      word.node.replaceData(word.start, word.end - word.start, replacementWord(original, wordRandom));
      const point = document.createRange();
      point.setStart(word.node, word.start + 1);
      edits.push(point);
    }
  }
  const editedTargets: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const range = state.truth[i];
    if (!(range instanceof Range) || range.toString() === state.original[i]) continue;
    // Edit points sit one character into the new word, so a point inside the range is a word inside the passage.
    const words = edits.filter(
      (point) => range.comparePoint(point.startContainer, point.startOffset) === 0,
    ).length;
    state.editedWords[i] = Math.max(1, Math.min(2, words));
    const key = String(state.editedWords[i]);
    editedTargets[key] = (editedTargets[key] ?? 0) + 1;
  }
  return { insertedChars: inserted.textContent.length, editedTargets };
}

async function idle(times: number): Promise<{ total: number; busy: number }> {
  const runs: Timing[] = [];
  for (let i = 0; i < times; i++) runs.push(await measure(() => undefined));
  return { total: median(runs.map((run) => run.total)), busy: median(runs.map((run) => run.busy)) };
}

/** A placement's boundary points, copied before painting: a painter that wraps text moves live Ranges. */
type Snapshot = [Node, number, Node, number] | null;

/**
 * Time anchoring and painting the stored targets together, to the second frame. The truth and the placements
 * are turned into raw offsets against an index taken before painting, outside the timed part.
 */
async function anchorAndPaint(stored: readonly unknown[]): Promise<Timing & { placed: number }> {
  const raw = new RawOffsets(document.body);
  state.truthSpans = state.truth
    .slice(0, stored.length)
    .map((truth) => (truth instanceof Range ? raw.span(truth) : truth));
  let snapshots: Snapshot[] = [];
  const timing = await measure(async () => {
    const placements = await engine().anchor(document.body, stored);
    snapshots = placements.map((range): Snapshot =>
      range === null ? null : [range.startContainer, range.startOffset, range.endContainer, range.endOffset],
    );
    engine().paint(placements);
  });
  state.placedSpans = snapshots.map((point) =>
    point === null ? null : { start: raw.at(point[0], point[1]), end: raw.at(point[2], point[3]) },
  );
  return { ...timing, placed: snapshots.filter((point) => point !== null).length };
}

/** How many wrong and orphaned placements to keep as examples, for whoever works on the engine next. */
const EXAMPLES = 5;

/** Judge the last placements against the truth. */
function evaluate(): Judged {
  const verdicts: Verdict[] = state.placedSpans.map((placed, i) =>
    judge(placed, state.truthSpans[i] ?? null),
  );
  // Raw offsets count `textContent`, which wrapping painters leave as it was.
  const text = document.body.textContent;
  const show = (span: Span | null): string | null =>
    span === null ? null : collapse(text.slice(span.start, span.end)).trim();
  const examples: Example[] = [];
  verdicts.forEach((verdict, i) => {
    if ((verdict !== 'wrong' && verdict !== 'orphaned') || examples.length >= EXAMPLES * 2) return;
    if (examples.filter((example) => example.verdict === verdict).length >= EXAMPLES) return;
    const truth = state.truthSpans[i];
    examples.push({
      verdict,
      index: i,
      editedWords: state.editedWords[i] ?? 0,
      quote: state.quotes[i]?.exact ?? '',
      placed: show(state.placedSpans[i] ?? null),
      truth: truth === 'unknown' || truth === undefined ? null : show(truth),
    });
  });
  return {
    placed: state.placedSpans.filter((span) => span !== null).length,
    byEdit: tallyBy(verdicts, (i) => String(state.editedWords[i] ?? 0)),
    examples,
  };
}

function countNodes(): number {
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ALL);
  let count = 1;
  while (walker.nextNode()) count++;
  return count;
}

/** Draw the first `count` truth ranges with the engine's painter, then remove them, counting nodes around each. */
async function drawAndRemove(count: number): Promise<Drawn> {
  const ranges = state.truth.slice(0, count).filter((range): range is Range => range instanceof Range);
  const nodesBefore = countNodes();
  const elementsBefore = document.getElementsByTagName('*').length;
  const draw = await measure(() => engine().paint(ranges));
  const nodesAfterDraw = countNodes();
  const elementsAdded = document.getElementsByTagName('*').length - elementsBefore;
  const remove = await measure(() => engine().clear());
  return {
    count: ranges.length,
    draw,
    remove,
    nodesBefore,
    nodesAfterDraw,
    nodesAfterRemove: countNodes(),
    elementsAdded,
  };
}

/** Drop the highlights so that the next figure starts from an unpainted page. */
function clear(): void {
  engine().clear();
}

/**
 * Add the colours of the wrapping painters' elements, which the page does not style: without them the browser
 * has less to paint, and the figure would leave painting out. A constructed sheet, because
 * the page's policy does not govern the DevTools protocol but would refuse a `<style>` added by script.
 */
function style(css: string): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

const harness = {
  style,
  prepare,
  locate,
  viewText,
  setTruth,
  describe,
  revise,
  idle,
  anchorAndPaint,
  evaluate,
  drawAndRemove,
  clear,
};
export type Harness = typeof harness;

declare global {
  interface Window {
    __bench?: Harness;
  }
}

window.__bench = harness;
