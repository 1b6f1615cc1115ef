/**
 * Readers for single fields of untrusted input, from a message or from a file. Each takes `unknown`, returns the
 * narrowed value or `undefined`, and records why it refused at the field's path, so that one pass reports every
 * problem of a record. What characters text may hold is decided in `text.ts`.
 */
import type { TextPositionSelector, TextQuoteSelector, TextTarget } from '../model';
import type { IssueList } from './issues';
import { pathTo, quoteValue } from './issues';
import { FIELD_LIMITS } from './limits';
import type { TextRules } from './text';
import { isWebUrl, textProblem } from './text';

/** A plain object from parsed JSON (not an array, not null). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only, so that a key named like an Object.prototype member never reads the prototype. */
export function field(object: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

export function readObject(
  value: unknown,
  path: string,
  issues: IssueList,
): Record<string, unknown> | undefined {
  if (value === undefined) issues.add(path, 'missing');
  else if (!isObject(value)) issues.add(path, 'must be an object');
  else return value;
  return undefined;
}

export function readArray(value: unknown, path: string, issues: IssueList): unknown[] | undefined {
  if (value === undefined) issues.add(path, 'missing');
  else if (!Array.isArray(value)) issues.add(path, 'must be a list');
  else return value;
  return undefined;
}

export function readText(
  value: unknown,
  path: string,
  issues: IssueList,
  rules: TextRules,
): string | undefined {
  if (value === undefined) {
    issues.add(path, 'missing');
    return undefined;
  }
  if (typeof value !== 'string') {
    issues.add(path, `must be text, not ${describe(value)}`);
    return undefined;
  }
  const problem = textProblem(value, rules);
  if (problem) {
    issues.add(path, problem);
    return undefined;
  }
  return value;
}

/**
 * A refused record's id, when it is short plain text that a preview can show; anything else is left out so that
 * a hostile id cannot reach the popup as a megabyte of text or control characters.
 */
export function displayableId(value: unknown): { id?: string } {
  return typeof value === 'string' && !textProblem(value, { max: 200, oneLine: true }) ? { id: value } : {};
}

/** What kind of JSON value this is, for messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${quoteValue(value)}`;
  return `${typeof value} ${String(value)}`;
}

const UUID_URN = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuidUrn(value: string): boolean {
  return UUID_URN.test(value);
}

/** A Counterpoint record id: lowercase `urn:uuid:`, so that the same id cannot be spelled two ways. */
export function readUuidId(value: unknown, path: string, issues: IssueList): string | undefined {
  if (value === undefined) issues.add(path, 'missing');
  else if (typeof value !== 'string') issues.add(path, `must be a urn:uuid: id, not ${describe(value)}`);
  else if (!UUID_URN.test(value))
    issues.add(path, `must be a lowercase urn:uuid: id (got ${quoteValue(value)})`);
  else return value;
  return undefined;
}

/** An http(s) URL (see `isWebUrl`) of at most `max` characters. */
export function readWebUrl(
  value: unknown,
  path: string,
  issues: IssueList,
  max: number = FIELD_LIMITS.url,
): string | undefined {
  const text = readText(value, path, issues, { max, oneLine: true });
  if (text === undefined) return undefined;
  if (!isWebUrl(text)) {
    issues.add(path, `must be an http or https address (got ${quoteValue(text)})`);
    return undefined;
  }
  return text;
}

const UTC_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const ANY_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;
/** What the comment extractor writes when a page gives less: a date, or a local time without a zone. */
const PARTIAL_TIMESTAMP = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether a time is a full RFC 3339 date-time, the only form W3C `created` may hold. */
export function isRfc3339(value: string): boolean {
  return RFC_3339.test(value) && realDate(value);
}

/**
 * Whether a comment's posted time is one a bundle can carry: ISO 8601 as the extractor gives it, possibly only a
 * date or without a zone, on a day that exists.
 */
export function isPostedTime(value: string): boolean {
  return PARTIAL_TIMESTAMP.test(value) && realDate(`${value.slice(0, 10)}T00:00:00Z`);
}

/** A comment's posted time as a file gives it (see `isPostedTime`). */
export function readPartialTimestamp(value: unknown, path: string, issues: IssueList): string | undefined {
  if (typeof value !== 'string' || !isPostedTime(value)) {
    issues.add(path, `must be an ISO 8601 date, with or without a time (got ${describe(value)})`);
    return undefined;
  }
  return value;
}

/** Whether the calendar date written in a timestamp exists (Date.parse accepts 2026-02-30). */
function realDate(value: string): boolean {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return false;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 0));
  return date.getUTCFullYear() === year && date.getUTCMonth() + 1 === month && date.getUTCDate() === day;
}

/** A Counterpoint timestamp: ISO 8601 in UTC, as `Date.prototype.toISOString` writes it. */
export function readUtcTimestamp(value: unknown, path: string, issues: IssueList): string | undefined {
  if (value === undefined) issues.add(path, 'missing');
  else if (typeof value !== 'string' || !UTC_TIMESTAMP.test(value) || !realDate(value)) {
    issues.add(path, `must be a UTC date and time such as 2026-11-26T09:00:00.000Z (got ${describe(value)})`);
  } else return value;
  return undefined;
}

/** Any RFC 3339 date and time, as foreign files write them; returned as written. */
export function readAnyTimestamp(value: unknown, path: string, issues: IssueList): string | undefined {
  if (typeof value !== 'string' || !ANY_TIMESTAMP.test(value) || !realDate(value)) {
    issues.add(path, `must be a date and time such as 2026-11-26T09:00:00Z (got ${describe(value)})`);
    return undefined;
  }
  return value;
}

export function readOffset(value: unknown, path: string, issues: IssueList): number | undefined {
  if (value === undefined) issues.add(path, 'missing');
  else if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    issues.add(path, `must be a whole number, zero or more (got ${describe(value)})`);
  } else return value;
  return undefined;
}

/** How strict a selector reader is: our own bundles always write prefix and suffix, foreign ones may not. */
export interface SelectorRules {
  contextRequired: boolean;
}

export function readQuoteSelector(
  selector: Record<string, unknown>,
  path: string,
  issues: IssueList,
  rules: SelectorRules,
): TextQuoteSelector | undefined {
  const exact = readText(field(selector, 'exact'), pathTo(path, 'exact'), issues, {
    max: FIELD_LIMITS.quote,
  });
  const context = (key: string): string | undefined => {
    const value = field(selector, key);
    if (value === undefined && !rules.contextRequired) return '';
    return readText(value, pathTo(path, key), issues, { max: FIELD_LIMITS.context, allowEmpty: true });
  };
  const prefix = context('prefix');
  const suffix = context('suffix');
  if (exact === undefined || prefix === undefined || suffix === undefined) return undefined;
  return { type: 'TextQuoteSelector', exact, prefix, suffix };
}

export function readPositionSelector(
  selector: Record<string, unknown>,
  path: string,
  issues: IssueList,
): TextPositionSelector | undefined {
  const start = readOffset(field(selector, 'start'), pathTo(path, 'start'), issues);
  const end = readOffset(field(selector, 'end'), pathTo(path, 'end'), issues);
  if (start === undefined || end === undefined) return undefined;
  if (end < start) {
    issues.add(pathTo(path, 'end'), `comes before start (${end} < ${start})`);
    return undefined;
  }
  return { type: 'TextPositionSelector', start, end };
}

/**
 * Reads a selector list (or a single selector) into a target: one TextQuoteSelector is required, one
 * TextPositionSelector is optional. `strict` refuses any other selector; foreign readers skip them.
 */
export function readTextTarget(
  value: unknown,
  path: string,
  issues: IssueList,
  options: SelectorRules & { strict: boolean },
): TextTarget | undefined {
  const given = Array.isArray(value) ? value : value === undefined ? undefined : [value];
  if (given === undefined) {
    issues.add(path, 'missing');
    return undefined;
  }
  // Foreign clients may scope a quote inside another selector (`refinedBy`); the quote alone still places it.
  const list = given.flatMap((entry, i) => {
    const at = Array.isArray(value) ? pathTo(path, i) : path;
    return [{ entry, at, refined: false }, ...(options.strict ? [] : refinements(entry, at))];
  });
  const before = issues.issues.length;
  let quote: TextQuoteSelector | undefined;
  let position: TextPositionSelector | undefined;
  let quoteSeen = false;
  list.forEach(({ entry, at, refined }) => {
    if (!isObject(entry)) {
      if (options.strict) issues.add(at, 'must be an object');
      return;
    }
    const type = field(entry, 'type');
    if (type === 'TextQuoteSelector') {
      if (quoteSeen) issues.add(at, 'a second TextQuoteSelector; a target has one quote');
      quoteSeen = true;
      quote = readQuoteSelector(entry, at, issues, options);
    } else if (type === 'TextPositionSelector' && !refined) {
      // A position inside a refinement counts from the refined part, not the page, so only top-level ones are kept.
      if (position && options.strict)
        issues.add(at, 'a second TextPositionSelector; a target has one position');
      position = readPositionSelector(entry, at, issues);
    } else if (options.strict) {
      issues.add(
        pathTo(at, 'type'),
        `must be TextQuoteSelector or TextPositionSelector (got ${describe(type)})`,
      );
    }
  });
  if (!quoteSeen) issues.add(path, 'has no TextQuoteSelector, so the note cannot be placed in the text');
  if (issues.issues.length > before || !quote) return undefined;
  return position ? { quote, position } : { quote };
}

/** The selectors a selector is refined by, outermost first. Nesting is bounded by the JSON depth cap. */
function refinements(entry: unknown, path: string): { entry: unknown; at: string; refined: true }[] {
  const found: { entry: unknown; at: string; refined: true }[] = [];
  let at = pathTo(path, 'refinedBy');
  let current = isObject(entry) ? field(entry, 'refinedBy') : undefined;
  while (isObject(current)) {
    found.push({ entry: current, at, refined: true });
    at = pathTo(at, 'refinedBy');
    current = field(current, 'refinedBy');
  }
  return found;
}
