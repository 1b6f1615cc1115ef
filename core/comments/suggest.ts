/**
 * Rebuttal suggestions: for one claim, every comment of the page ranked by how likely it answers the claim, the
 * best few returned, each with the reasons a reader is shown, the passage of the comment that answers (the excerpt
 * the card proposes) and the stance it likely takes.
 *
 * Offers {@link suggestRebuttals}, {@link Suggestion} and {@link SuggestionReason}.
 *
 * Reasons, as the claim card words them:
 * - `quotes-claim`, "quotes this claim": the comment holds a close quotation of the claim. Found by a local
 *   alignment over words that forgives typos ("oposition"), changed case, dropped or added words.
 * - `disputes`, "disputes it": in the answering passage, words such as "false", "lie", "not true", "wrong" or
 *   "actually", or a "not" before the claim's own words. A dispute word elsewhere in the comment says nothing
 *   about this claim.
 * - `agrees`, "agrees with it": in the answering passage, "I agree", "I can back this up", "spot on" and the like.
 * - `sides-with`, "sides with a commenter who quotes it": a sentence agrees with, and names, the author of a comment
 *   that quotes the claim ("i agree with Stuart the Labour group have taken a policy of non cooperation"). Such a
 *   second answer often shares no rare word with the claim: the first answer already said it.
 * - `shared-words`: the comment reuses words of the claim that are rare among this page's comments (a name everyone
 *   mentions does not count for much). A name the page gives in full counts by either part ("Ken" for
 *   "Livingstone", from the article's "Ken Livingstone"; `./page-names.ts`), and one rare name is enough.
 *
 * The passage is a numbered point or a short paragraph taken whole, else up to three sentences of a paragraph;
 * after a quotation of the claim it runs on into the sentences that answer it. Comments are ranked by their best
 * passage, so that a point-by-point reply is judged by the point that takes this claim, not by its length.
 *
 * The stance is a proposal for the reader to confirm: `rebuts` on dispute words, a "not" before the claim's words
 * or a question; else `supports` on agreement words; else `context` (added facts, a concession).
 *
 * Pure and local: no network, no clock. Each comment is read (words, sentences, paragraphs) once per distinct
 * text, so scoring every claim of a page, and again after comments are re-extracted, reads each comment once.
 */
import type { RebuttalStance } from '../model';

/** Why a comment is suggested for a claim. */
export type SuggestionReason = 'quotes-claim' | 'disputes' | 'agrees' | 'sides-with' | 'shared-words';

/** One suggested comment for a claim. */
export interface Suggestion {
  commentId: string;
  /** Relative strength in [0, 1]; comparable between comments for the same claim, not between claims. */
  score: number;
  /** At least one reason, strongest first. */
  reasons: SuggestionReason[];
  /**
   * Character offsets, in the comment's `text`, of the passage that answers the claim: a sentence or a few, or a
   * numbered point. What the card proposes as the excerpt.
   */
  excerpt: { start: number; end: number };
  /** The stance the passage likely takes towards the claim, for the reader to confirm. */
  stance: RebuttalStance;
}

/**
 * A distinct word, made once and shared by every place it occurs: a comment's words are a list of these and a
 * list of offsets, so that reading 500 comments allocates no object per word (collecting those took longer than
 * reading on a first call).
 */
interface Token {
  /** Lower-cased, accents and apostrophes removed. */
  norm: string;
  /** A light stem, so that "claims" meets "claim" and "budging" meets "budge". */
  stem: string;
  content: boolean;
}

/** A text's words, in order, and where each starts. */
interface Words {
  tokens: Token[];
  starts: number[];
}

const STOPWORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers ' +
    'herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on ' +
    'once only or other our ours ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours yourself yourselves also may might must shall us ' +
    'one two get got say said says like well even still yet ever much many really dont didnt doesnt isnt wasnt ' +
    'arent im ive youre thats theres'
  ).split(' '),
);

/**
 * Everyday words that carry a topic poorly. Sharing "people" or "time" with a claim says little, however rare the
 * word is among a page's few comments, so these count for half and never as rare.
 */
const GENERAL_WORDS = new Set(
  (
    'people person time times year years day days way back part good new first last long great little old right ' +
    'big high different small large next early young important few public bad able make made think know see come ' +
    'take want look use find give tell work call try ask need feel become leave put mean keep let begin seem help ' +
    'show hear play run move live believe bring happen write provide sit stand lose pay meet include continue set ' +
    'learn change lead understand watch follow stop create speak read spend grow open walk win offer remember ' +
    'consider appear buy wait serve die send expect build stay fall cut reach kill remain suggest raise pass sell ' +
    'require report decide pull thing things man men woman women child children world life hand place case week ' +
    'point government company number group problem fact another something anything nothing everything lot kind ' +
    'sure true real whole clear best better least less full around since though although however'
  ).split(' '),
);

function stemOf(word: string): string {
  if (word.length <= 4 || /^\d+$/.test(word)) return word;
  for (const [suffix, replacement] of [
    ['ies', 'y'],
    ['ing', ''],
    ['ed', ''],
    ['es', ''],
    ['ly', ''],
    ['s', ''],
    ['e', ''],
  ] as const) {
    if (
      word.endsWith(suffix) &&
      !(suffix === 's' && word.endsWith('ss')) &&
      word.length - suffix.length >= 3
    ) {
      return word.slice(0, word.length - suffix.length) + replacement;
    }
  }
  return word;
}

/** Normalised form and stem of each distinct word seen, bounded so that a long session cannot grow it forever. */
const wordCache = new Map<string, Token>();

/**
 * Scripts written without spaces between words. Text holding them is split into words by the browser's own
 * word segmenter (`Intl.Segmenter`), whose dictionaries know Chinese, Japanese, Thai and their neighbours.
 */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Kana only: in Japanese, particles, endings and auxiliaries ("は", "です"); content words hold kanji or katakana. */
const ONLY_HIRAGANA = /^[\p{Script=Hiragana}ー]+$/u;
/** Chinese words of one character that carry no topic; other single characters often do ("市", "税"). */
const HAN_STOPWORDS = new Set('的了是在和与也都就而之其这那有及对被把我你他她它们个并或'.split(''));

function isContent(norm: string): boolean {
  if (UNSPACED.test(norm)) return !ONLY_HIRAGANA.test(norm) && !HAN_STOPWORDS.has(norm);
  return !STOPWORDS.has(norm) && (norm.length > 1 || /\d/.test(norm));
}

function wordInfo(raw: string): Token {
  let info = wordCache.get(raw);
  if (info) return info;
  let norm = raw.toLowerCase().replace(/['’]/g, '');
  // Accents only matter when present; checking first keeps the common ASCII case fast. Kana keep their marks
  // (が is not か): those scripts are only folded to one width.
  if (UNSPACED.test(norm)) norm = norm.normalize('NFKC');
  else if (/[\u0080-\uffff]/.test(norm)) norm = norm.normalize('NFKD').replace(/\p{M}/gu, '');
  info = { norm, stem: stemOf(norm), content: isContent(norm) };
  if (wordCache.size > 50_000) wordCache.clear();
  wordCache.set(raw, info);
  return info;
}

/**
 * A word: letters, digits and marks, with an apostrophe inside it ("doesn't") kept whole. Matched by the regular
 * expression engine, which compiles to machine code at once: a scan written in JavaScript runs interpreted on the
 * first call, and the first call is the one a reader waits for (the cold call took 600 ms for 500 comments).
 */
const WORD = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*/gu;

/** Words with their offsets. */
function tokenize(text: string): Words {
  if (UNSPACED.test(text)) return segmentWords(text);
  const tokens: Token[] = [];
  const starts: number[] = [];
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match; match = WORD.exec(text)) {
    tokens.push(wordInfo(match[0]));
    starts.push(match.index);
  }
  return { tokens, starts };
}

let wordSegmenter: Intl.Segmenter | undefined;

/** Words with their offsets, as the browser's word segmenter finds them: for text with unspaced scripts. */
function segmentWords(text: string): Words {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const tokens: Token[] = [];
  const starts: number[] = [];
  for (const { segment, index, isWordLike } of wordSegmenter.segment(text)) {
    if (!isWordLike) continue;
    tokens.push(wordInfo(segment));
    starts.push(index);
  }
  return { tokens, starts };
}

/** A sentence of a comment: its characters, its words (`from` to `to`, exclusive) and its paragraph. */
interface Sentence {
  start: number;
  end: number;
  from: number;
  to: number;
  paragraph: number;
  question: boolean;
}

/** A paragraph, as its first and last sentence; a numbered point ("3, You claim…", "2. The 9 minutes…") is one. */
interface Paragraph {
  first: number;
  last: number;
  numbered: boolean;
}

/**
 * What is read of a comment once, whatever the claim. For every comment, only its distinct words of substance:
 * enough to learn which claim words it uses, and found by the regular expression engine with no JavaScript run per
 * word, which is what a first call pays for. Its words in order (`wordsOf`), and its sentences, paragraphs and cue
 * phrases (`layoutOf`), only for the few comments whose passages are weighed.
 */
interface Reading {
  text: string;
  /** One record per distinct content word. */
  distinct: Token[];
  words?: Words;
  layout?: Layout;
}

interface Layout {
  sentences: Sentence[];
  paragraphs: Paragraph[];
  /** Where dispute, agreement and concession phrases start, whatever the claim. */
  cues: Cue[];
}

/** Where a sentence ends: its stop, with any closing quotation mark or bracket, before a space or the end. */
const SENTENCE_END = /[.!?…]+["”’»)\]]*(?=\s|$)|[。！？]+["”’」』)）]*/g;
const NUMBERED = /^\s*(?:\(?\d{1,2}[.,):]|[•*·-])\s/;
const HAS_LETTER = /\p{L}/u;

function read(text: string): Reading {
  const distinct = new Set<Token>();
  if (UNSPACED.test(text)) {
    const words = tokenize(text);
    for (const token of words.tokens) if (token.content) distinct.add(token);
    return { text, distinct: [...distinct], words };
  }
  for (const word of new Set(text.match(WORD))) {
    const token = wordInfo(word);
    if (token.content) distinct.add(token);
  }
  return { text, distinct: [...distinct] };
}

/** A comment's words in order, with their offsets, worked out on first need. */
function wordsOf(reading: Reading): Words {
  reading.words ??= tokenize(reading.text);
  return reading.words;
}

/** A comment's sentences, paragraphs and cue phrases, worked out on first need. */
function layoutOf(reading: Reading): Layout {
  if (reading.layout) return reading.layout;
  const { text } = reading;
  const { tokens, starts } = wordsOf(reading);
  const sentences: Sentence[] = [];
  const paragraphs: Paragraph[] = [];
  const paragraphBreak = /\n\s*/g;
  let paragraphStart = 0;
  while (paragraphStart <= text.length) {
    paragraphBreak.lastIndex = paragraphStart;
    const found = paragraphBreak.exec(text);
    const paragraphEnd = found ? found.index : text.length;
    const body = text.slice(paragraphStart, paragraphEnd);
    if (body.trim()) {
      const first = sentences.length;
      let start = paragraphStart;
      const close = (end: number) => {
        const lead = text.slice(start, end).search(/\S/);
        if (lead < 0) return;
        const from = start + lead;
        const previous = sentences[sentences.length - 1];
        // A number alone ("1.") opens the sentence after it rather than standing as one.
        if (
          previous &&
          previous.paragraph === paragraphs.length &&
          !HAS_LETTER.test(text.slice(previous.start, previous.end))
        )
          previous.end = end;
        else
          sentences.push({ start: from, end, from: 0, to: 0, paragraph: paragraphs.length, question: false });
        start = end;
      };
      SENTENCE_END.lastIndex = 0;
      for (let end = SENTENCE_END.exec(body); end; end = SENTENCE_END.exec(body))
        close(paragraphStart + end.index + end[0].length);
      close(paragraphEnd);
      if (sentences.length > first)
        paragraphs.push({ first, last: sentences.length - 1, numbered: NUMBERED.test(body) });
    }
    if (!found) break;
    paragraphStart = found.index + found[0].length;
  }
  let at = 0;
  for (const sentence of sentences) {
    while (at < starts.length && (starts[at] as number) < sentence.start) at++;
    sentence.from = at;
    while (at < starts.length && (starts[at] as number) < sentence.end) at++;
    sentence.to = at;
    sentence.question = /[?？]["”’»)\]」』）]*$/.test(text.slice(sentence.start, sentence.end));
  }
  reading.layout = { sentences, paragraphs, cues: cuesIn(tokens) };
  return reading.layout;
}

/**
 * Readings by comment text. Keyed by the text rather than the comment object, so that the fresh objects of each
 * re-extraction (comments arriving late) still hit. Bounded: the oldest half goes when it is full.
 */
const readings = new Map<string, Reading>();
const READING_CACHE_SIZE = 4000;

function readingOf(comment: { text: string }): Reading {
  const cached = readings.get(comment.text);
  if (cached) return cached;
  const reading = read(comment.text);
  if (readings.size >= READING_CACHE_SIZE) {
    let drop = READING_CACHE_SIZE / 2;
    for (const key of readings.keys()) {
      if (drop-- <= 0) break;
      readings.delete(key);
    }
  }
  readings.set(comment.text, reading);
  return reading;
}

/**
 * Read `comments` ahead of any claim, as far as every claim needs them (their distinct words), so that the first
 * claim's suggestions do not wait for it: the card calls this while the reader has not opened a claim yet.
 */
export function readComments(comments: readonly { text: string }[]): void {
  for (const comment of comments) readingOf(comment);
}

/** Edit distance of at most one (substitution, insertion, deletion or swap of neighbours): a typo. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2);
  }
  return la > lb ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

/** Whether `a` from `i` reads as `b` from `j`, compared in place: slicing here made garbage by the megabyte. */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  while (i < a.length) if (a.charCodeAt(i++) !== b.charCodeAt(j++)) return false;
  return true;
}

/**
 * Long words built on the same root: "oversaturated" and "oversaturation", "regulated" and "regulation". The stem
 * rules are kept light, so this catches the derivations they miss.
 */
function sameRoot(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  if (shorter < 7) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  return common >= 7 && common >= shorter * 0.75;
}

/** Phrases that dispute what they sit near. Each is a sequence of normalised words. */
const DISPUTE_PHRASES: readonly (readonly string[])[] = [
  ...'false falsely lie lies lying lied liar untrue wrong wrongly incorrect inaccurate nonsense rubbish misleading myth bogus mistaken actually fabricated debunked disagree dispute disputed garbage baloney hogwash distortion misrepresent misrepresents misrepresentation silly absurd ridiculous'
    .split(' ')
    .map((w) => [w]),
  // Chinese and Japanese, as their word segmenter splits them.
  ...'错误 胡说 谣言 并非 不对 假的 間違い 誤り 嘘 デマ 事実無根'.split(' ').map((w) => [w]),
  ['不是', '真的'],
  ['不', '实'],
  ['not', 'true'],
  ['isnt', 'true'],
  ['not', 'correct'],
  ['not', 'accurate'],
  ['not', 'the', 'case'],
  ['no', 'evidence'],
  ['no', 'proof'],
  ['how', 'did', 'you'],
  ['how', 'do', 'you', 'know'],
  ['check', 'your', 'facts'],
  ['get', 'your', 'facts'],
  ['citation', 'needed'],
  ['far', 'from', 'true'],
  ['simply', 'not'],
  ['quite', 'the', 'opposite'],
  ['on', 'the', 'contrary'],
  ['problem', 'with'],
  ['problems', 'with'],
];

/** Phrases that agree with what they sit near. */
const AGREE_PHRASES: readonly (readonly string[])[] = [
  ...'同意 同感 没错 确实 確かに'.split(' ').map((w) => [w]),
  ['说', '得', '对'],
  ['その', '通り'],
  ['i', 'agree'],
  ['agree', 'with', 'you'],
  ['back', 'this', 'up'],
  ['can', 'confirm'],
  ['i', 'can', 'vouch'],
  ['spot', 'on'],
  ['well', 'said'],
  ['so', 'true'],
  ['quite', 'right'],
  ['exactly', 'right'],
  ['absolutely', 'right'],
  ['really', 'is'],
  ['hear', 'hear'],
  ['this', 'is', 'true'],
  ['thats', 'true'],
];

/** Phrases that grant a point: the comment adds to the claim rather than taking a side. */
const CONCEDE_PHRASES: readonly (readonly string[])[] = [
  ['fair', 'point'],
  ['to', 'be', 'fair'],
  ['in', 'fairness'],
  ['should', 'have', 'said'],
];

/** Words that deny what follows them: "is not footfall", "not one collision". */
const NEGATIONS = new Set(
  'not no never nothing none nobody neither nor isnt wasnt arent werent doesnt didnt dont cant cannot wont hasnt havent 不 没 没有 ない'.split(
    ' ',
  ),
);
/** How many words after a negation a word of the claim may sit and still be what it denies. */
const NEGATION_REACH = 3;

type CueKind = 'dispute' | 'agree' | 'concede';

/** A phrase found in a comment: where it starts, and its word when it is a single word (the claim may use it). */
interface Cue {
  at: number;
  kind: CueKind;
  word: string | null;
}

/** The phrases by their first word, so that each word of a comment is looked up once. */
const PHRASES_BY_FIRST = new Map<string, { kind: CueKind; words: readonly string[] }[]>();
for (const [kind, phrases] of [
  ['dispute', DISPUTE_PHRASES],
  ['agree', AGREE_PHRASES],
  ['concede', CONCEDE_PHRASES],
] as const) {
  for (const words of phrases) {
    const list = PHRASES_BY_FIRST.get(words[0] as string) ?? [];
    list.push({ kind, words });
    PHRASES_BY_FIRST.set(words[0] as string, list);
  }
}

/** Every dispute, agreement and concession phrase in a comment's words. */
function cuesIn(tokens: readonly Token[]): Cue[] {
  const out: Cue[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const phrases = PHRASES_BY_FIRST.get((tokens[i] as Token).norm);
    if (!phrases) continue;
    for (const { kind, words } of phrases) {
      if (words.some((w, k) => tokens[i + k]?.norm !== w)) continue;
      out.push({ at: i, kind, word: words.length === 1 ? (words[0] as string) : null });
      break;
    }
  }
  return out;
}

/** Local alignment of the claim inside a comment: the best near-verbatim quotation and how much of the claim it covers. */
interface Alignment {
  /** Claim weight matched inside the aligned region, over the claim's whole weight. */
  coverage: number;
  /** Content words of the claim matched inside the region. */
  contentMatched: number;
  /** Comment token range of the region, inclusive. */
  from: number;
  to: number;
}

const NO_ALIGNMENT: Alignment = { coverage: 0, contentMatched: 0, from: 0, to: -1 };

const MATCH_CONTENT = 2;
const MATCH_STOP = 0.6;
const MATCH_FUZZY = 1.5;
const GAP = -0.8;

/** A quotation cannot bridge this many words that match nothing: their gaps cost more than matches earn. */
const BRIDGE = 6;

/**
 * Smith–Waterman over words, one row per comment word. Each cell carries where its alignment began and how much
 * claim weight it matched, so no traceback matrix is needed. Only stretches of the comment near a word of the
 * claim's content are aligned at all; elsewhere no alignment can live, so those rows are skipped.
 */
function align(index: ClaimIndex, comment: readonly Token[]): Alignment {
  const m = index.claim.length;
  const n = comment.length;
  // Columns within BRIDGE words of a content match are worth aligning.
  const near = new Uint8Array(n);
  let lastHit = -Infinity;
  for (let j = 0; j < n; j++) {
    if (index.hitsContent(comment[j] as Token)) lastHit = j;
    if (j - lastHit <= BRIDGE) near[j] = 1;
  }
  lastHit = Infinity;
  for (let j = n - 1; j >= 0; j--) {
    if (index.hitsContent(comment[j] as Token)) lastHit = j;
    if (lastHit - j <= BRIDGE) near[j] = 1;
  }

  const weights = index.weights;
  const contents = index.contents;
  let prevScore = new Float64Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let prevWeight = new Float64Array(m + 1);
  let prevContent = new Int32Array(m + 1);
  let score = new Float64Array(m + 1);
  let start = new Int32Array(m + 1);
  let weight = new Float64Array(m + 1);
  let content = new Int32Array(m + 1);
  const gain = new Float64Array(m).fill(GAP);
  let prevAlive = false;
  let bestScore = 0;
  let bestFrom = 0;
  let bestTo = -1;
  let bestWeight = 0;
  let bestContent = 0;

  for (let j = 1; j <= n; j++) {
    if (!near[j - 1]) {
      prevAlive = false;
      continue;
    }
    const hits = index.hits(comment[j - 1] as Token);
    if (hits.length === 0 && !prevAlive) continue;
    for (const hit of hits) gain[hit.at] = hit.gain;
    let alive = false;
    let leftScore = 0;
    let leftStart = j;
    let leftWeight = 0;
    let leftContent = 0;
    for (let i = 1; i <= m; i++) {
      const g = gain[i - 1] as number;
      const diagonal = prevAlive ? (prevScore[i - 1] as number) : 0;
      const up = prevAlive ? (prevScore[i] as number) + GAP : GAP;
      const left = leftScore + GAP;
      let s = diagonal + g;
      let from = j;
      let w = g > 0 ? (weights[i - 1] as number) : 0;
      let k = g > 0 ? (contents[i - 1] as number) : 0;
      if (diagonal > 0) {
        from = prevStart[i - 1] as number;
        w += prevWeight[i - 1] as number;
        k += prevContent[i - 1] as number;
      }
      if (up > s) {
        s = up;
        from = prevStart[i] as number;
        w = prevWeight[i] as number;
        k = prevContent[i] as number;
      }
      if (left > s) {
        s = left;
        from = leftStart;
        w = leftWeight;
        k = leftContent;
      }
      if (s <= 0) {
        s = 0;
        from = j;
        w = 0;
        k = 0;
      } else {
        alive = true;
        if (s > bestScore) {
          bestScore = s;
          bestFrom = from;
          bestTo = j;
          bestWeight = w;
          bestContent = k;
        }
      }
      score[i] = s;
      start[i] = from;
      weight[i] = w;
      content[i] = k;
      leftScore = s;
      leftStart = from;
      leftWeight = w;
      leftContent = k;
    }
    for (const hit of hits) gain[hit.at] = GAP;
    prevAlive = alive;
    [prevScore, score] = [score, prevScore];
    [prevStart, start] = [start, prevStart];
    [prevWeight, weight] = [weight, prevWeight];
    [prevContent, content] = [content, prevContent];
  }
  if (bestTo < 0) return NO_ALIGNMENT;
  return {
    coverage: index.weight > 0 ? bestWeight / index.weight : 0,
    contentMatched: bestContent,
    from: bestFrom - 1,
    to: bestTo - 1,
  };
}

/** No stems: one list for every word that meets none, rather than a new one each time. */
const NONE: readonly string[] = [];
const NONE_AT: readonly number[] = [];

/** Where a comment word meets the claim: the claim position and what the meeting is worth. */
interface Hit {
  at: number;
  gain: number;
}

/** The claim's words, and which comment words meet which of them, worked out once per distinct word. */
class ClaimIndex {
  readonly weight: number;
  /** Per claim position: what matching it is worth towards coverage (content words count more). */
  readonly weights: Float64Array;
  /** Per claim position: 1 for a content word. */
  readonly contents: Int32Array;
  /** By word record: each distinct word is one shared record, so no key need be built. */
  private readonly known = new Map<Token, { hits: readonly Hit[]; stems: readonly string[] }>();

  /** Claim positions by stem, and its long content words by their first letter, for a typo's fuzzy match. */
  private readonly byStem = new Map<string, number[]>();
  private readonly longByInitial = new Map<number, number[]>();

  /**
   * @param aliases Claim positions by the stem of a word that names the same thing: the other part of a full
   *   name whose one part the claim uses.
   */
  constructor(
    readonly claim: readonly Token[],
    private readonly aliases: ReadonlyMap<string, readonly number[]> = new Map(),
  ) {
    this.weights = Float64Array.from(claim, (t) => (t.content ? 1 : 0.25));
    this.contents = Int32Array.from(claim, (t) => (t.content ? 1 : 0));
    this.weight = this.weights.reduce((sum, w) => sum + w, 0);
    claim.forEach((c, at) => {
      const same = this.byStem.get(c.stem);
      if (same) same.push(at);
      else this.byStem.set(c.stem, [at]);
      if (!c.content || c.norm.length < 5) return;
      const initial = c.norm.charCodeAt(0);
      const long = this.longByInitial.get(initial);
      if (long) long.push(at);
      else this.longByInitial.set(initial, [at]);
    });
  }

  /**
   * Each distinct comment word is looked up once per claim, and a page's comments hold thousands: only the claim
   * words that can meet it are compared, those of its stem and, for a typo, long words of its first letter.
   */
  private lookup(token: Token): { hits: readonly Hit[]; stems: readonly string[] } {
    let found = this.known.get(token);
    if (found) return found;
    const hits: Hit[] = [];
    for (const at of this.byStem.get(token.stem) ?? NONE_AT) {
      hits.push({ at, gain: (this.claim[at] as Token).content ? MATCH_CONTENT : MATCH_STOP });
    }
    for (const at of this.aliases.get(token.stem) ?? NONE_AT) hits.push({ at, gain: MATCH_CONTENT });
    if (token.content && token.norm.length >= 5) {
      for (const at of this.longByInitial.get(token.norm.charCodeAt(0)) ?? NONE_AT) {
        const c = this.claim[at] as Token;
        if (c.stem !== token.stem && (withinOneEdit(token.norm, c.norm) || sameRoot(token.norm, c.norm)))
          hits.push({ at, gain: MATCH_FUZZY });
      }
    }
    const stems = [
      ...new Set(hits.filter((h) => this.claim[h.at]?.content).map((h) => (this.claim[h.at] as Token).stem)),
    ];
    found = { hits, stems };
    this.known.set(token, found);
    return found;
  }

  /**
   * The claim positions a comment word meets: the same stem, or for long content words a typo of one
   * ("oposition").
   */
  hits(token: Token): readonly Hit[] {
    return this.lookup(token).hits;
  }

  /** Stems of the claim's content words that a comment word meets. */
  contentStems(token: Token): readonly string[] {
    return token.content ? this.lookup(token).stems : NONE;
  }

  /** Whether a comment word meets a content word of the claim. */
  hitsContent(token: Token): boolean {
    return token.content && this.lookup(token).stems.length > 0;
  }
}

/**
 * The claim's name parts (stems of words that are part of a full name on the page), and the claim positions each
 * other part stands for: "ken" for "Livingstone" when the page says "Ken Livingstone". A part of two names says
 * nothing of which one is meant, on either side, and a claim that uses both parts needs no alias.
 */
function nameParts(
  claimText: string,
  claim: readonly Token[],
  names: readonly (readonly string[])[],
): { named: Set<string>; aliases: Map<string, number[]> } {
  if (names.length === 0) return { named: new Set(), aliases: new Map() };
  const partners = new Map<string, string | null>();
  for (const name of names) {
    const [first, second] = name.map((part) => wordInfo(part).stem);
    if (first === undefined || second === undefined || first === second) continue;
    partners.set(first, partners.has(first) ? null : second);
    partners.set(second, partners.has(second) ? null : first);
  }
  const inClaim = new Set(claim.map((t) => t.stem));
  // Only words the claim itself writes as a name: "campaign" is no name where a page also says "Campaigns Officer".
  const capitalised = new Set((claimText.match(CAPITALISED) ?? []).map((word) => wordInfo(word).stem));
  const named = new Set<string>();
  const aliases = new Map<string, number[]>();
  claim.forEach((token, at) => {
    if (!token.content || !partners.has(token.stem) || !capitalised.has(token.stem)) return;
    named.add(token.stem);
    const partner = partners.get(token.stem);
    // "Martin" for "Hale" only when no other Martin is named: the partner too must belong to one name.
    if (!partner || inClaim.has(partner) || partners.get(partner) === null) return;
    const list = aliases.get(partner);
    if (list) list.push(at);
    else aliases.set(partner, [at]);
  });
  return { named, aliases };
}

const CAPITALISED = /\p{Lu}[\p{L}'’]*/gu;

/** A name of the page in the claim says more of what it is about than its other words. */
const NAME_WEIGHT = 2;

/** A comment siding with an answer counts for this much of that answer's score: it says less on its own. */
const SIDING = 0.5;

/** At most this many comments are aligned with the claim word by word; the rest cannot be quoting it anyway. */
const MAX_ALIGNED = 8;

/** At most this many comments, those sharing the most of the claim's rare words, are read passage by passage. */
const MAX_READ = 20;

/** A passage runs over at most this many sentences of a paragraph that is neither short nor a numbered point. */
const PASSAGE_SENTENCES = 3;

/**
 * Choosing a passage: each sentence it takes beyond its first must bring this much of what the comment shares
 * with the claim, and a dispute or an agreement in it counts as this much.
 */
const LONGER_PASSAGE = 0.05;
const CUE = 0.15;

/** Below this, an alignment is a few words in common, not a quotation. */
function isQuotation(a: Alignment, claimContent: number): boolean {
  if (a.contentMatched >= Math.min(4, claimContent) && a.coverage >= 0.45) return true;
  // A long verbatim run quotes part of a long claim.
  return a.contentMatched >= 6;
}

/** What a passage holds: how much of the claim, and the cues for reasons and stance. */
interface PassageCues {
  share: number;
  dispute: boolean;
  agree: boolean;
  concede: boolean;
  question: boolean;
}

/** One claim's view of one comment, for choosing its passage. */
class CommentView {
  /** Per word: the claim's content stems it meets. */
  private readonly stems: (readonly string[])[];

  private readonly layout: Layout;
  private readonly tokens: readonly Token[];

  constructor(
    private readonly reading: Reading,
    private readonly index: ClaimIndex,
    private readonly idf: (stem: string) => number,
    private readonly claimIdf: number,
    private readonly claimWords: ReadonlySet<string>,
    /** What the whole comment shares with the claim, as `PassageCues.share` counts it. */
    private readonly shared: number,
    /** The quotation's words, inclusive; none when `to` < `from`. */
    private readonly quote: { from: number; to: number },
  ) {
    this.tokens = wordsOf(reading).tokens;
    this.stems = this.tokens.map((token) => index.contentStems(token));
    this.layout = layoutOf(reading);
  }

  private inQuote(at: number): boolean {
    return at >= this.quote.from && at <= this.quote.to;
  }

  /** Whether sentence `i` is mostly the quotation. */
  quotes(i: number): boolean {
    const sentence = this.layout.sentences[i] as Sentence;
    const inside = Math.min(sentence.to - 1, this.quote.to) - Math.max(sentence.from, this.quote.from) + 1;
    return inside > 0 && inside >= (sentence.to - sentence.from) / 2;
  }

  cues(first: number, last: number): PassageCues {
    const sentences = this.layout.sentences;
    const tokens = this.tokens;
    const from = (sentences[first] as Sentence).from;
    const to = (sentences[last] as Sentence).to;
    const met = new Set<string>();
    for (let i = from; i < to; i++) for (const stem of this.stems[i] as readonly string[]) met.add(stem);
    let share = 0;
    for (const stem of met) share += this.idf(stem);
    const denies = (at: number) => {
      const word = (tokens[at] as Token).norm;
      if (!NEGATIONS.has(word) || this.claimWords.has(word) || this.inQuote(at)) return false;
      for (let k = at + 1; k <= at + NEGATION_REACH && k < to; k++)
        if ((this.stems[k] as readonly string[]).length > 0) return true;
      return false;
    };
    let dispute = false;
    for (let i = from; i < to && !dispute; i++) dispute = denies(i);
    let agree = false;
    let concede = false;
    for (const cue of this.layout.cues) {
      if (cue.at < from || cue.at >= to) continue;
      if (cue.kind === 'concede') concede = true;
      // "…are not, actually, likely…" in the claim is the claim's own word, not the commenter's objection; and a
      // quotation's words are the claim's, not the commenter's.
      else if (this.inQuote(cue.at) || (cue.word !== null && this.claimWords.has(cue.word))) continue;
      else if (cue.kind === 'dispute') dispute = true;
      else agree = true;
    }
    let question = false;
    for (let i = first; i <= last; i++) question ||= (sentences[i] as Sentence).question && !this.quotes(i);
    return { share: share / (this.claimIdf || 1), dispute, agree, concede, question };
  }

  /**
   * The passage that answers the claim, as first and last sentence: among the numbered points and short
   * paragraphs taken whole, and the runs of up to three sentences of longer paragraphs, the one that holds the
   * quotation, else the most of the claim's words, with a dispute or agreement as a tie-breaker.
   */
  passage(): { first: number; last: number; cues: PassageCues } {
    const candidates: { first: number; last: number }[] = [];
    for (const paragraph of this.layout.paragraphs) {
      if (paragraph.numbered || paragraph.last - paragraph.first < 2) {
        candidates.push({ first: paragraph.first, last: paragraph.last });
        continue;
      }
      for (let first = paragraph.first; first <= paragraph.last; first++) {
        // After a quotation, the answer: the two sentences that follow it.
        const longest = Math.min(paragraph.last, first + PASSAGE_SENTENCES - 1);
        if (this.quotes(first)) candidates.push({ first, last: longest });
        // A quotation opens its passage: what comes before it is about something else.
        else
          for (let last = first; last <= longest && !this.quotes(last); last++)
            candidates.push({ first, last });
      }
    }
    let best = { first: 0, last: 0, cues: this.cues(0, 0), value: -Infinity };
    for (const { first, last } of candidates) {
      const cues = this.cues(first, last);
      let quoting = false;
      for (let i = first; i <= last; i++) quoting ||= this.quotes(i);
      // The share of what the comment has in common with the claim that lies here; a cue counts only beside it.
      const here = cues.share / (this.shared || 1);
      const value =
        here +
        (quoting ? 1 : 0) +
        (here > 0 && (cues.dispute || cues.agree) ? CUE : 0) -
        LONGER_PASSAGE * (last - first);
      if (value > best.value) best = { first, last, cues, value };
    }
    // A paragraph that only quotes the claim is answered by the sentence after it, in the next paragraph.
    const sentences = this.layout.sentences;
    const next = sentences[best.last + 1];
    let onlyQuotes = true;
    for (let i = best.first; i <= best.last; i++) onlyQuotes &&= this.quotes(i);
    if (onlyQuotes && next) {
      return { first: best.first, last: best.last + 1, cues: this.cues(best.first, best.last + 1) };
    }
    return best;
  }
}

/** The stance a passage's cues propose. */
function stanceOf(cues: PassageCues): RebuttalStance {
  if (cues.dispute || cues.question) return 'rebuts';
  if (cues.agree && !cues.concede) return 'supports';
  return 'context';
}

/**
 * Ranks the comments that most likely answer a claim, best first, at most `limit` of them. Every comment that
 * shares a rare word with the claim, quotes it or disputes it is ranked, however far behind the best; comments
 * that share nothing meaningful with the claim are left out, so the list may be shorter than `limit`.
 */
export function suggestRebuttals(
  claimText: string,
  comments: readonly { id: string; text: string; author?: string }[],
  limit = 5,
  names: readonly (readonly string[])[] = [],
): Suggestion[] {
  const claim = tokenize(claimText).tokens;
  const claimStems = [...new Set(claim.filter((t) => t.content).map((t) => t.stem))];
  if (claimStems.length === 0 || comments.length === 0 || limit <= 0) return [];
  const claimWords = new Set(claim.map((t) => t.norm));
  const { named, aliases } = nameParts(claimText, claim, names);
  const claimIndex = new ClaimIndex(claim, aliases);

  // Which claim words each comment uses, and in how many comments each appears (for rarity on this page).
  const readingsOf = comments.map(readingOf);
  const usesByComment: Set<string>[] = [];
  const documentFrequency = new Map<string, number>();
  for (const reading of readingsOf) {
    const uses = new Set<string>();
    for (const token of reading.distinct) for (const stem of claimIndex.contentStems(token)) uses.add(stem);
    usesByComment.push(uses);
    for (const stem of uses) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  }
  const n = comments.length;
  const general = new Set(claim.filter((t) => GENERAL_WORDS.has(t.norm)).map((t) => t.stem));
  const idf = (stem: string): number =>
    Math.log((n + 1) / ((documentFrequency.get(stem) ?? 0) + 0.5)) *
    (general.has(stem) ? 0.5 : named.has(stem) ? NAME_WEIGHT : 1);
  const claimIdf = claimStems.reduce((sum, stem) => sum + idf(stem), 0);
  // A word is rare on this page when at most a third of the comments use it (one comment, on a page of few).
  const rareLimit = Math.max(1, Math.floor(n / 3));
  const sharedOf = (uses: Set<string>) =>
    [...uses].reduce((sum, stem) => sum + idf(stem), 0) / (claimIdf || 1);

  // Only the comments sharing the most of the claim are read passage by passage, and fewer still aligned word by
  // word (a quotation shares many of the claim's words): this bounds the costly steps however long the thread.
  const byShare = usesByComment
    .map((uses, index) => ({ index, uses, shared: sharedOf(uses) }))
    .filter((c) => c.uses.size > 0)
    .sort((a, b) => b.shared - a.shared || a.index - b.index);
  const gate = Math.min(3, claimStems.length);
  const aligned = new Set(
    [...byShare]
      .filter((c) => c.uses.size >= gate)
      .sort((a, b) => b.uses.size - a.uses.size || a.index - b.index)
      .slice(0, MAX_ALIGNED)
      .map((c) => c.index),
  );
  const weighed = new Set([...byShare.slice(0, MAX_READ).map((c) => c.index), ...aligned]);

  const suggestions: Suggestion[] = [];
  for (const index of weighed) {
    const comment = comments[index] as { id: string; text: string };
    const reading = readingsOf[index] as Reading;
    const uses = usesByComment[index] as Set<string>;
    const shared = sharedOf(uses);
    const rare = [...uses].filter(
      (stem) => !general.has(stem) && (documentFrequency.get(stem) ?? 0) <= rareLimit,
    );

    const alignment = aligned.has(index) ? align(claimIndex, wordsOf(reading).tokens) : NO_ALIGNMENT;
    const quotes = isQuotation(alignment, claimStems.length);
    const view = new CommentView(
      reading,
      claimIndex,
      idf,
      claimIdf,
      claimWords,
      shared,
      quotes ? alignment : NO_ALIGNMENT,
    );
    const { first, last, cues } = view.passage();
    // Without a quotation, the comment must share at least two rare words for its objection or agreement to be
    // about this claim: "how did you…" near a common word such as "party" is about something else.
    const onTopic = quotes || rare.length >= 2;
    const disputes = onTopic && cues.dispute;
    const agrees = onTopic && cues.agree && !cues.dispute;

    const reasons: SuggestionReason[] = [];
    if (quotes) reasons.push('quotes-claim');
    if (disputes) reasons.push('disputes');
    if (agrees) reasons.push('agrees');
    // Two rare words in common; or one, beside two more of the claim's words of substance or carrying much of a
    // short claim. A comment answering the claim after another did ("every Labour councillor has been offered a
    // cabinet position") repeats words the first answer made common.
    const substantial = [...uses].filter((stem) => !general.has(stem)).length;
    if (
      rare.length >= 2 ||
      (rare.length === 1 && (shared >= 0.35 || substantial >= 3 || named.has(rare[0] as string)))
    )
      reasons.push('shared-words');
    if (reasons.length === 0) continue;

    // A quotation counts by how much of the claim it covers; a partial run of words short of one counts a little.
    // Words in common count mostly within the passage, so that a long comment is judged by its best part.
    const quoteStrength = quotes
      ? Math.min(1, 0.5 + alignment.coverage / 2)
      : Math.min(0.4, alignment.coverage);
    const words = Math.min(1, 0.7 * cues.share + 0.3 * shared);
    const score = Math.min(1, 0.55 * quoteStrength + 0.35 * words + (disputes ? 0.2 : agrees ? 0.1 : 0));
    const { sentences } = layoutOf(reading);
    suggestions.push({
      commentId: comment.id,
      score: Math.round(score * 1000) / 1000,
      reasons,
      excerpt: { start: (sentences[first] as Sentence).start, end: (sentences[last] as Sentence).end },
      stance: stanceOf(cues),
    });
  }

  suggestions.push(...sidingWith(suggestions, comments, readingsOf));
  return suggestions.sort((a, b) => b.score - a.score).slice(0, limit);
}

/**
 * The comments, not suggested otherwise, with a sentence that agrees with the author of a comment quoting the claim
 * and names them (by a name of theirs of three letters or more): suggested after that answer, with that sentence as
 * the passage and that answer's stance.
 */
function sidingWith(
  suggested: readonly Suggestion[],
  comments: readonly { id: string; text: string; author?: string }[],
  readingsOf: readonly Reading[],
): Suggestion[] {
  const byId = new Map(comments.map((comment, index) => [comment.id, index]));
  const answers = suggested.flatMap((suggestion) => {
    const author = comments[byId.get(suggestion.commentId) ?? -1]?.author;
    if (!suggestion.reasons.includes('quotes-claim') || !author) return [];
    const names = new Set(
      tokenize(author)
        .tokens.filter((t) => t.norm.length >= 3)
        .map((t) => t.norm),
    );
    return names.size > 0 ? [{ suggestion, names, author }] : [];
  });
  if (answers.length === 0) return [];
  const taken = new Set(suggested.map((suggestion) => suggestion.commentId));
  const out: Suggestion[] = [];
  comments.forEach((comment, index) => {
    if (taken.has(comment.id)) return;
    const reading = readingsOf[index] as Reading;
    const answer = answers.find(
      ({ names, author }) => author !== comment.author && reading.distinct.some((t) => names.has(t.norm)),
    );
    if (!answer) return;
    const { tokens } = wordsOf(reading);
    const { sentences, cues } = layoutOf(reading);
    const sentence = sentences.find(
      (s) =>
        tokens.slice(s.from, s.to).some((t) => answer.names.has(t.norm)) &&
        cues.some((cue) => cue.kind === 'agree' && cue.at >= s.from && cue.at < s.to),
    );
    if (!sentence) return;
    out.push({
      commentId: comment.id,
      score: Math.round(answer.suggestion.score * SIDING * 1000) / 1000,
      reasons: ['sides-with'],
      excerpt: { start: sentence.start, end: sentence.end },
      stance: answer.suggestion.stance,
    });
  });
  return out;
}
