/**
 * Rebuttal suggestions: for one claim, the page's comments that most likely answer it, each with the reasons a
 * reader is shown.
 *
 * Offers {@link suggestRebuttals}, {@link Suggestion} and {@link SuggestionReason}.
 *
 * Reasons, as the claim card words them:
 * - `quotes-claim`, "quotes this claim": the comment holds a close quotation of the claim. Found by a local
 *   alignment over words that forgives typos ("oposition"), changed case, dropped or added words.
 * - `disputes`, "disputes it": words such as "false", "lie", "not true", "wrong" or "actually" sit near the part of
 *   the comment that overlaps the claim. A dispute word far from any overlap says nothing about this claim.
 * - `shared-words`: the comment reuses words of the claim that are rare among this page's comments (a name everyone
 *   mentions does not count for much).
 *
 * Pure and local: no network, no clock. Tokens are cached by comment text, so scoring every claim of a page, and
 * again after comments are re-extracted, tokenises each comment once.
 */

/** Why a comment is suggested for a claim. */
export type SuggestionReason = 'quotes-claim' | 'disputes' | 'shared-words';

/** One suggested comment for a claim. */
export interface Suggestion {
  commentId: string;
  /** Relative strength in [0, 1]; comparable between comments for the same claim, not between claims. */
  score: number;
  /** At least one reason, strongest first. */
  reasons: SuggestionReason[];
  /**
   * Character offsets, in the comment's `text`, of the passage that overlaps the claim (the quotation, or the
   * densest run of shared words): what the card can show and offer as the excerpt.
   */
  overlap?: { start: number; end: number };
}

interface Token {
  /** Lower-cased, accents and apostrophes removed. */
  norm: string;
  /** A light stem, so that "claims" meets "claim" and "budging" meets "budge". */
  stem: string;
  start: number;
  end: number;
  content: boolean;
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
const wordCache = new Map<string, { norm: string; stem: string; content: boolean }>();

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

function wordInfo(raw: string): { norm: string; stem: string; content: boolean } {
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

const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;

/** Whether the character at `i` belongs in a word; ASCII is decided without a regular expression. */
function isWordChar(text: string, i: number): boolean {
  const code = text.charCodeAt(i);
  if (code < 128)
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  // Surrogate pairs (rare letters, emoji) are judged as one character.
  const char = code >= 0xd800 && code <= 0xdbff ? text.slice(i, i + 2) : (text[i] ?? '');
  return LETTER_OR_DIGIT.test(char);
}

/** Words with their offsets; an apostrophe inside a word ("doesn't") keeps it whole. A hand-rolled scan: fast. */
function tokenize(text: string): Token[] {
  if (UNSPACED.test(text)) return segmentWords(text);
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!isWordChar(text, i)) {
      i++;
      continue;
    }
    const start = i;
    while (i < length) {
      if (isWordChar(text, i)) i++;
      else if ((text[i] === "'" || text[i] === '’') && i + 1 < length && isWordChar(text, i + 1)) i += 2;
      else break;
    }
    const { norm, stem, content } = wordInfo(text.slice(start, i));
    tokens.push({ norm, stem, start, end: i, content });
  }
  return tokens;
}

let wordSegmenter: Intl.Segmenter | undefined;

/** Words with their offsets, as the browser's word segmenter finds them: for text with unspaced scripts. */
function segmentWords(text: string): Token[] {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  const tokens: Token[] = [];
  for (const { segment, index, isWordLike } of wordSegmenter.segment(text)) {
    if (!isWordLike) continue;
    const { norm, stem, content } = wordInfo(segment);
    tokens.push({ norm, stem, start: index, end: index + segment.length, content });
  }
  return tokens;
}

/**
 * Tokens by comment text. Keyed by the text rather than the comment object, so that the fresh objects of each
 * re-extraction (comments arriving late) still hit. Bounded: the oldest half goes when it is full.
 */
const tokenCache = new Map<string, Token[]>();
const TOKEN_CACHE_SIZE = 4000;

function tokensOf(comment: { text: string }): Token[] {
  const cached = tokenCache.get(comment.text);
  if (cached) return cached;
  const tokens = tokenize(comment.text);
  if (tokenCache.size >= TOKEN_CACHE_SIZE) {
    let drop = TOKEN_CACHE_SIZE / 2;
    for (const key of tokenCache.keys()) {
      if (drop-- <= 0) break;
      tokenCache.delete(key);
    }
  }
  tokenCache.set(comment.text, tokens);
  return tokens;
}

/** Edit distance of at most one (substitution, insertion, deletion or swap of neighbours): a typo. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
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
  ...'false falsely lie lies lying lied liar untrue wrong wrongly incorrect inaccurate nonsense rubbish misleading myth bogus mistaken actually fabricated debunked disagree dispute disputed garbage baloney hogwash distortion misrepresent misrepresents misrepresentation'
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
];

const DISPUTE_FIRST = new Set(DISPUTE_PHRASES.map((p) => p[0]));

/** Token positions in `tokens` where a dispute phrase starts, leaving out words the claim itself uses. */
function disputePositions(tokens: readonly Token[], claimWords: ReadonlySet<string>): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]?.norm ?? '';
    if (!DISPUTE_FIRST.has(first)) continue;
    for (const phrase of DISPUTE_PHRASES) {
      if (phrase[0] !== first || phrase.some((w, k) => tokens[i + k]?.norm !== w)) continue;
      // "…are not, actually, likely…" in the claim is the claim's own word, not the commenter's objection.
      if (phrase.length === 1 && claimWords.has(first)) continue;
      out.push(i);
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
  private readonly known = new Map<string, { hits: readonly Hit[]; stems: readonly string[] }>();

  constructor(readonly claim: readonly Token[]) {
    this.weights = Float64Array.from(claim, (t) => (t.content ? 1 : 0.25));
    this.contents = Int32Array.from(claim, (t) => (t.content ? 1 : 0));
    this.weight = this.weights.reduce((sum, w) => sum + w, 0);
  }

  private lookup(token: Token): { hits: readonly Hit[]; stems: readonly string[] } {
    const key = token.content ? token.norm : `\u0000${token.stem}`;
    let found = this.known.get(key);
    if (found) return found;
    const hits: Hit[] = [];
    this.claim.forEach((c, at) => {
      if (c.stem === token.stem) hits.push({ at, gain: c.content ? MATCH_CONTENT : MATCH_STOP });
      else if (c.content && token.content && token.norm.length >= 5 && c.norm.length >= 5) {
        if (withinOneEdit(token.norm, c.norm) || sameRoot(token.norm, c.norm))
          hits.push({ at, gain: MATCH_FUZZY });
      }
    });
    const stems = [
      ...new Set(hits.filter((h) => this.claim[h.at]?.content).map((h) => (this.claim[h.at] as Token).stem)),
    ];
    found = { hits, stems };
    this.known.set(key, found);
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
    return token.content ? this.lookup(token).stems : [];
  }

  /** Whether a comment word meets a content word of the claim. */
  hitsContent(token: Token): boolean {
    return token.content && this.lookup(token).stems.length > 0;
  }
}

/** At most this many comments are aligned with the claim word by word; the rest cannot be quoting it anyway. */
const MAX_ALIGNED = 60;

/** How far, in words, a dispute word may sit from the overlap and still be about it. */
const DISPUTE_REACH = 25;

/** Below this, an alignment is a few words in common, not a quotation. */
function isQuotation(a: Alignment, claimContent: number): boolean {
  if (a.contentMatched >= Math.min(4, claimContent) && a.coverage >= 0.45) return true;
  // A long verbatim run quotes part of a long claim.
  return a.contentMatched >= 6;
}

/**
 * Ranks the comments that most likely answer a claim, best first, at most `limit` of them.
 * Comments that share nothing meaningful with the claim are left out, so the list may be shorter than `limit`.
 */
export function suggestRebuttals(
  claimText: string,
  comments: readonly { id: string; text: string }[],
  limit = 5,
): Suggestion[] {
  const claim = tokenize(claimText);
  const claimStems = [...new Set(claim.filter((t) => t.content).map((t) => t.stem))];
  if (claimStems.length === 0 || comments.length === 0 || limit <= 0) return [];
  const claimWords = new Set(claim.map((t) => t.norm));
  const claimIndex = new ClaimIndex(claim);

  // Which claim words each comment uses, and in how many comments each appears (for rarity on this page).
  const usesByComment: Set<string>[] = [];
  const documentFrequency = new Map<string, number>();
  for (const comment of comments) {
    const uses = new Set<string>();
    for (const token of tokensOf(comment)) for (const stem of claimIndex.contentStems(token)) uses.add(stem);
    usesByComment.push(uses);
    for (const stem of uses) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
  }
  const n = comments.length;
  const general = new Set(claim.filter((t) => GENERAL_WORDS.has(t.norm)).map((t) => t.stem));
  const idf = (stem: string): number =>
    Math.log((n + 1) / ((documentFrequency.get(stem) ?? 0) + 0.5)) * (general.has(stem) ? 0.5 : 1);
  const claimIdf = claimStems.reduce((sum, stem) => sum + idf(stem), 0);
  // A word is rare on this page when at most a third of the comments use it (one comment, on a page of few).
  const rareLimit = Math.max(1, Math.floor(n / 3));

  // A quotation shares many of the claim's words, so only the comments sharing the most are aligned word by word:
  // this bounds the costly step however many comments the page has.
  const gate = Math.min(3, claimStems.length);
  const aligned = new Set(
    usesByComment
      .map((uses, index) => ({ index, size: uses.size }))
      .filter((c) => c.size >= gate)
      .sort((a, b) => b.size - a.size)
      .slice(0, MAX_ALIGNED)
      .map((c) => c.index),
  );

  const suggestions: Suggestion[] = [];
  comments.forEach((comment, index) => {
    const uses = usesByComment[index] as Set<string>;
    if (uses.size === 0) return;
    const tokens = tokensOf(comment);
    const shared = [...uses].reduce((sum, stem) => sum + idf(stem), 0) / (claimIdf || 1);
    const rare = [...uses].filter(
      (stem) => !general.has(stem) && (documentFrequency.get(stem) ?? 0) <= rareLimit,
    );

    const alignment = aligned.has(index) ? align(claimIndex, tokens) : NO_ALIGNMENT;
    const quotes = isQuotation(alignment, claimStems.length);

    // The overlap a dispute must be near: the quotation, else the densest cluster of the claim's words. Without a
    // quotation, the comment must share at least two rare words for its objection to be about this claim: "how did
    // you…" near a common word such as "party" is about something else.
    const overlap = quotes ? { from: alignment.from, to: alignment.to } : densestOverlap(tokens, claimIndex);
    const disputes =
      overlap !== undefined &&
      (quotes || rare.length >= 2) &&
      disputePositions(tokens, claimWords).some(
        (p) => p >= overlap.from - DISPUTE_REACH && p <= overlap.to + DISPUTE_REACH,
      );

    const reasons: SuggestionReason[] = [];
    if (quotes) reasons.push('quotes-claim');
    if (disputes) reasons.push('disputes');
    // Two rare words in common, or one that carries much of a short claim.
    if (rare.length >= 2 || (rare.length === 1 && shared >= 0.35)) reasons.push('shared-words');
    if (reasons.length === 0) return;

    // A quotation counts by how much of the claim it covers; a partial run of words short of one counts a little.
    const quoteStrength = quotes
      ? Math.min(1, 0.5 + alignment.coverage / 2)
      : Math.min(0.4, alignment.coverage);
    const score = Math.min(1, 0.55 * quoteStrength + 0.35 * Math.min(1, shared) + (disputes ? 0.2 : 0));
    const first = overlap ? tokens[overlap.from] : undefined;
    const last = overlap ? tokens[overlap.to] : undefined;
    suggestions.push({
      commentId: comment.id,
      score: Math.round(score * 1000) / 1000,
      reasons,
      overlap: first && last ? { start: first.start, end: last.end } : undefined,
    });
  });

  return suggestions.sort((a, b) => b.score - a.score).slice(0, limit);
}

/**
 * The span of comment tokens, about a sentence long, holding the most distinct claim words: where a comment that
 * paraphrases rather than quotes the claim talks about it.
 */
function densestOverlap(
  tokens: readonly Token[],
  index: ClaimIndex,
): { from: number; to: number } | undefined {
  const hits: { at: number; stem: string }[] = [];
  tokens.forEach((token, at) => {
    const stem = index.contentStems(token)[0];
    if (stem !== undefined) hits.push({ at, stem });
  });
  if (hits.length === 0) return undefined;
  const WINDOW = 30;
  const counts = new Map<string, number>();
  let best = { from: 0, to: 0, distinct: 0 };
  let left = 0;
  for (let right = 0; right < hits.length; right++) {
    const entering = hits[right] as { at: number; stem: string };
    counts.set(entering.stem, (counts.get(entering.stem) ?? 0) + 1);
    while (entering.at - (hits[left]?.at ?? 0) > WINDOW) {
      const leaving = (hits[left] as { stem: string }).stem;
      const count = (counts.get(leaving) ?? 1) - 1;
      if (count === 0) counts.delete(leaving);
      else counts.set(leaving, count);
      left++;
    }
    if (counts.size > best.distinct)
      best = { from: hits[left]?.at ?? 0, to: entering.at, distinct: counts.size };
  }
  return { from: best.from, to: best.to };
}
