import type { TextTarget } from '../model';
import { normalizeText } from './text-index';
import type { TextIndex } from './text-index';

/** Where a target landed: a Range with a score, or orphaned with the best score seen. */
export type AnchorResult =
  { kind: 'anchored'; range: Range; score: number } | { kind: 'orphaned'; score: number };

/** How many recent position shifts to try before searching: edits near the top shift everything after them. */
const SHIFTS_KEPT = 8;

/** Quotes at least this long are trusted when they occur once, even if their context changed. */
const DISTINCTIVE_LENGTH = 32;

interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
  /** The stored start, when there is one. */
  start: number | undefined;
}

interface Context {
  /** Characters of stored context found next to the candidate. */
  chars: number;
  /** Those characters over the stored context's length, 1 when there is none. */
  ratio: number;
}

function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text.charCodeAt(start) === 32) start++;
  while (end > start && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(start, end);
}

/** Compare the stored prefix and suffix with the view around [start, end). */
function contextAt(text: string, start: number, end: number, quote: Quote): Context {
  const { prefix, suffix } = quote;
  let pre = 0;
  while (
    pre < prefix.length &&
    pre < start &&
    prefix.charCodeAt(prefix.length - 1 - pre) === text.charCodeAt(start - 1 - pre)
  )
    pre++;
  let suf = 0;
  while (
    suf < suffix.length &&
    end + suf < text.length &&
    suffix.charCodeAt(suf) === text.charCodeAt(end + suf)
  )
    suf++;
  const total = prefix.length + suffix.length;
  return { chars: pre + suf, ratio: total === 0 ? 1 : (pre + suf) / total };
}

/** A score in (0, 1]: how alike the quote is, weighted by how much of its context agrees. */
function scoreOf(quoteSimilarity: number, context: number, atStoredPosition: boolean): number {
  return quoteSimilarity * (0.7 + 0.3 * context) * (atStoredPosition ? 1 : 0.98);
}

type Placement = { start: number; end: number; score: number } | { start: -1; end: -1; score: number };

function orphan(score: number): Placement {
  return { start: -1, end: -1, score };
}

/** Cheapest first: stored position, then the shifts seen so far on this page, then every exact occurrence. */
function place(text: string, quote: Quote, shifts: number[]): Placement {
  const { exact } = quote;
  if (quote.start !== undefined) {
    for (let i = -1; i < shifts.length; i++) {
      const start = quote.start + (i < 0 ? 0 : (shifts[i] ?? 0));
      if (!text.startsWith(exact, start)) continue;
      const context = contextAt(text, start, start + exact.length, quote);
      // Half the context must agree: the same words at a shifted place are a different passage otherwise.
      if (context.ratio >= 0.5)
        return { start, end: start + exact.length, score: scoreOf(1, context.ratio, i < 0) };
    }
  }
  let best = -1;
  let bestContext: Context = { chars: -1, ratio: 0 };
  let secondChars = -1;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const context = contextAt(text, at, at + exact.length, quote);
    if (context.chars > bestContext.chars) {
      secondChars = bestContext.chars;
      best = at;
      bestContext = context;
    } else if (context.chars > secondChars) {
      secondChars = context.chars;
    }
  }
  if (best >= 0) {
    const score = scoreOf(1, bestContext.ratio, false);
    // Repeats the context cannot tell apart: any choice could be the wrong one.
    if (secondChars === bestContext.chars) return orphan(score);
    const trusted = bestContext.ratio >= 0.25 || exact.length >= DISTINCTIVE_LENGTH;
    return trusted ? { start: best, end: best + exact.length, score } : orphan(score);
  }
  return orphan(0);
}

/** Anchor `targets` against an existing index; see `anchorTargets` in `./index.ts`. */
export function anchorWith(index: TextIndex, targets: readonly TextTarget[]): AnchorResult[] {
  const text = index.text;
  const shifts: number[] = [];
  return targets.map((target): AnchorResult => {
    const exact = trimSpaces(normalizeText(target.quote.exact));
    if (exact === '') return { kind: 'orphaned', score: 0 };
    const quote: Quote = {
      exact,
      prefix: normalizeText(target.quote.prefix),
      suffix: normalizeText(target.quote.suffix),
      start: target.position?.start,
    };
    const placed = place(text, quote, shifts);
    const range = placed.start < 0 ? null : index.toRange(placed.start, placed.end);
    if (range === null) return { kind: 'orphaned', score: placed.score };
    if (quote.start !== undefined && placed.start !== quote.start) {
      const shift = placed.start - quote.start;
      const seen = shifts.indexOf(shift);
      if (seen >= 0) shifts.splice(seen, 1);
      shifts.unshift(shift);
      if (shifts.length > SHIFTS_KEPT) shifts.pop();
    }
    return { kind: 'anchored', range, score: placed.score };
  });
}
