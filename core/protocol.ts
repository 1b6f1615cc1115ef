/**
 * The one message protocol between Counterpoint's contexts. Each direction is a typed map from a message
 * type to its payload and its answer, and every answer is a `Result`, because thrown errors do not survive
 * the trip between contexts in every browser.
 *
 * - `ContentRequests`: what a content script may ask of the background.
 * - `PageRequests`: what the extension's own pages (popup, notes page) may ask; a superset.
 * - `TabRequests`: what the background or the popup may ask of the content script in a tab.
 *
 * The background trusts nothing: `parseRequest` checks the shape of every payload before a handler runs.
 */
import type { BundleIssue } from './bundle/bundle-issues';
import { MAX_BUNDLE_BYTES, MAX_BUNDLE_RECORDS } from './bundle/limits';
import type { MergeCounts, TouchedPage } from './bundle/merge-bundle';
import type { Claim, ClaimStatus, CommentRef, Rebuttal, RebuttalStance, TextTarget } from './model';
import { CLAIM_STATUSES, REBUTTAL_STANCES } from './model';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** What a reader can change on a claim after creating it. */
export interface ClaimChanges {
  status?: ClaimStatus;
  note?: string;
  tags?: string[];
}

/** A claim as the content script proposes it; the background stamps the times. */
export type NewClaim = Omit<Claim, 'created' | 'modified'>;

/** What a reader can change on a rebuttal after attaching it. */
export interface RebuttalChanges {
  stance?: RebuttalStance;
  note?: string;
}

export type NewRebuttal = Omit<Rebuttal, 'created' | 'modified'>;

/** Claims and the rebuttals attached to them. */
export interface Notes {
  claims: Claim[];
  rebuttals: Rebuttal[];
}

/** Which notes an export holds: the whole library, one page, or the claims the reader has listed. */
export type ExportScope =
  { kind: 'library' } | { kind: 'page'; pageKey: string } | { kind: 'claims'; ids: string[] };

export const EXPORT_FORMATS = ['bundle', 'markdown'] as const;
/** A note bundle (W3C annotations, `.json`) to import elsewhere, or Markdown (`.md`) for people to read. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** An export, ready to be saved by the page that asked for it. */
export type ExportedFile = {
  filename: string;
  mimeType: string;
  claims: number;
  rebuttals: number;
} & (
  | { text: string }
  /**
   * The key under which the file waits in the extension's Cache Storage (`EXPORT_CACHE`), for the page to
   * take once: carrying a 16 MB file in a message costs Chromium about a second.
   */
  | { stored: string }
);

/** The Cache Storage cache that hands large exports from the background to the page. */
export const EXPORT_CACHE = 'counterpoint-exports';

/** What an import would do (preview) or did (report). */
export interface ImportSummary {
  /** The kind of file, in words: "a Counterpoint bundle", "a Hypothesis export"... */
  format: string;
  counts: MergeCounts;
  /** Each problem of each refused record, with its place in the file; at most `MAX_LISTED_PROBLEMS`. */
  problems: BundleIssue[];
  /** How many more problems there were than are listed. */
  moreProblems: number;
  /** The pages whose notes change, for links in the report. */
  pages: TouchedPage[];
}

/** The error of a `bundle.import` whose preview token the background no longer holds. */
export const PREVIEW_EXPIRED = 'The preview of this file has expired; please choose the file again.';

/** How many record problems a summary lists; the rest are counted, so a hostile file cannot flood the page. */
export const MAX_LISTED_PROBLEMS = 100;

export interface ContentRequests {
  /** The page's notes, and a claim to scroll to if the reader asked for it from the popup. */
  'page.open': {
    payload: { pageKey: string; url: string };
    answer: Notes & { reveal: string | null };
  };
  'claim.create': { payload: { claim: NewClaim }; answer: Claim };
  'claim.update': { payload: { id: string; changes: ClaimChanges }; answer: Claim };
  'claim.delete': { payload: { id: string }; answer: null };
  'rebuttal.create': { payload: { rebuttal: NewRebuttal }; answer: Rebuttal };
  'rebuttal.update': { payload: { id: string; changes: RebuttalChanges }; answer: Rebuttal };
  'rebuttal.delete': { payload: { id: string }; answer: null };
  /** Open the notes page on this page's claims. */
  'notes.open': { payload: { pageKey: string }; answer: null };
}

export interface PageRequests extends ContentRequests {
  'library.page': { payload: { pageKey: string }; answer: Notes };
  'library.all': { payload: Record<string, never>; answer: Notes };
  /** Focus the tab showing the claim, or open its page, and scroll to it. */
  'claim.reveal': { payload: { id: string }; answer: null };
  /** Export notes as a file. Bulk: extension pages only. */
  'bundle.export': { payload: { scope: ExportScope; format: ExportFormat }; answer: ExportedFile };
  /**
   * What importing this file would change, without writing. The file's text goes to the background, which
   * decodes and validates it with the bundle core: nothing the page decoded is trusted.
   */
  'bundle.preview': { payload: { text: string }; answer: ImportSummary & { token: string } };
  /**
   * Import the file in one transaction, all or nothing. Bulk and destructive: extension pages only. The
   * preview's token names the file the background has just decoded, so a large file crosses only once; when
   * the background has forgotten it (restarted, another preview since), the answer is `PREVIEW_EXPIRED` and
   * the page sends the text instead.
   */
  'bundle.import': { payload: { token: string } | { text: string }; answer: ImportSummary };
}

export interface TabRequests {
  /** Which article the tab shows, and which of its claims could not be found there. */
  'tab.describe': {
    payload: Record<string, never>;
    answer: { pageKey: string; title: string; orphans: string[] };
  };
  /** Scroll to the claim's highlight; false when this tab does not show it. */
  'tab.reveal': { payload: { id: string }; answer: boolean };
  /** The claims of `pageKey` changed elsewhere (popup, another tab): a tab showing that page loads them again. */
  'tab.refresh': { payload: { pageKey: string }; answer: null };
}

type RequestMap<M> = { [K in keyof M]: { payload: unknown; answer: unknown } };
export type Message<M extends RequestMap<M>, K extends keyof M = keyof M> = K extends keyof M
  ? { type: K; payload: M[K]['payload'] }
  : never;
export type Answer<M extends RequestMap<M>, K extends keyof M> = Result<M[K]['answer']>;

export const CONTENT_REQUEST_TYPES: readonly (keyof ContentRequests)[] = [
  'page.open',
  'claim.create',
  'claim.update',
  'claim.delete',
  'rebuttal.create',
  'rebuttal.update',
  'rebuttal.delete',
  'notes.open',
];

/** Limits on what one message may carry; far above what a reader writes, far below what hurts. */
export const LIMITS = { text: 20_000, quote: 50_000, context: 200, url: 4_096, tags: 50, tag: 100 } as const;

const ID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

class Invalid extends Error {}

function fail(path: string, problem: string): never {
  throw new Invalid(`${path}: ${problem}`);
}

function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'must be an object');
  return value as Record<string, unknown>;
}

function text(value: unknown, path: string, max: number): string {
  if (typeof value !== 'string') fail(path, 'must be text');
  if (value.length > max) fail(path, `is longer than ${max} characters`);
  return value;
}

function webUrl(value: unknown, path: string): string {
  const url = text(value, path, LIMITS.url);
  if (!/^https?:\/\//.test(url) || !URL.canParse(url)) fail(path, 'must be an http(s) URL');
  return url;
}

function id(value: unknown, path: string): string {
  const checked = text(value, path, 64);
  if (!ID.test(checked)) fail(path, 'must be a urn:uuid: id');
  return checked;
}

function offset(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(path, 'must be a whole number, zero or more');
  }
  return value;
}

function status(value: unknown, path: string): ClaimStatus {
  if (!CLAIM_STATUSES.includes(value as ClaimStatus))
    fail(path, `must be one of ${CLAIM_STATUSES.join(', ')}`);
  return value as ClaimStatus;
}

function stance(value: unknown, path: string): RebuttalStance {
  if (!REBUTTAL_STANCES.includes(value as RebuttalStance))
    fail(path, `must be one of ${REBUTTAL_STANCES.join(', ')}`);
  return value as RebuttalStance;
}

function commentRef(value: unknown, path: string): CommentRef {
  const raw = record(value, path);
  const checked: CommentRef = {
    author: text(raw.author, `${path}.author`, LIMITS.tag),
    permalink: text(raw.permalink, `${path}.permalink`, LIMITS.url),
  };
  if (raw.posted !== undefined) checked.posted = text(raw.posted, `${path}.posted`, LIMITS.tag);
  return checked;
}

function tags(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) fail(path, 'must be a list');
  if (value.length > LIMITS.tags) fail(path, `holds more than ${LIMITS.tags} tags`);
  return value.map((tag, i) => {
    const trimmed = text(tag, `${path}[${i}]`, LIMITS.tag).trim();
    if (!trimmed) fail(`${path}[${i}]`, 'is empty');
    return trimmed;
  });
}

function target(value: unknown, path: string): TextTarget {
  const raw = record(value, path);
  const quote = record(raw.quote, `${path}.quote`);
  const exact = text(quote.exact, `${path}.quote.exact`, LIMITS.quote);
  if (!exact.trim()) fail(`${path}.quote.exact`, 'is empty');
  const checked: TextTarget = {
    quote: {
      type: 'TextQuoteSelector',
      exact,
      prefix: text(quote.prefix, `${path}.quote.prefix`, LIMITS.context),
      suffix: text(quote.suffix, `${path}.quote.suffix`, LIMITS.context),
    },
  };
  if (raw.position !== undefined) {
    const position = record(raw.position, `${path}.position`);
    const start = offset(position.start, `${path}.position.start`);
    const end = offset(position.end, `${path}.position.end`);
    if (end < start) fail(`${path}.position.end`, 'is before start');
    checked.position = { type: 'TextPositionSelector', start, end };
  }
  if (raw.hint !== undefined) {
    const hint = record(raw.hint, `${path}.hint`);
    checked.hint = {
      node: offset(hint.node, `${path}.hint.node`),
      offset: offset(hint.offset, `${path}.hint.offset`),
      length: offset(hint.length, `${path}.hint.length`),
      before: text(hint.before, `${path}.hint.before`, LIMITS.context),
      after: text(hint.after, `${path}.hint.after`, LIMITS.context),
    };
    if (hint.text !== undefined) {
      checked.hint.text = text(hint.text, `${path}.hint.text`, 2 * LIMITS.quote + LIMITS.context);
    }
  }
  return checked;
}

function changes(value: unknown, path: string): ClaimChanges {
  const raw = record(value, path);
  const checked: ClaimChanges = {};
  if (raw.status !== undefined) checked.status = status(raw.status, `${path}.status`);
  if (raw.note !== undefined) checked.note = text(raw.note, `${path}.note`, LIMITS.text);
  if (raw.tags !== undefined) checked.tags = tags(raw.tags, `${path}.tags`);
  return checked;
}

function newClaim(value: unknown, path: string): NewClaim {
  const raw = record(value, path);
  return {
    id: id(raw.id, `${path}.id`),
    pageKey: webUrl(raw.pageKey, `${path}.pageKey`),
    url: webUrl(raw.url, `${path}.url`),
    title: text(raw.title, `${path}.title`, LIMITS.text),
    target: target(raw.target, `${path}.target`),
    status: status(raw.status, `${path}.status`),
    note: text(raw.note, `${path}.note`, LIMITS.text),
    tags: tags(raw.tags, `${path}.tags`),
  };
}

function newRebuttal(value: unknown, path: string): NewRebuttal {
  const raw = record(value, path);
  return {
    id: id(raw.id, `${path}.id`),
    claimId: id(raw.claimId, `${path}.claimId`),
    comment: commentRef(raw.comment, `${path}.comment`),
    target: target(raw.target, `${path}.target`),
    stance: stance(raw.stance, `${path}.stance`),
    note: text(raw.note, `${path}.note`, LIMITS.text),
  };
}

function rebuttalChanges(value: unknown, path: string): RebuttalChanges {
  const raw = record(value, path);
  const checked: RebuttalChanges = {};
  if (raw.stance !== undefined) checked.stance = stance(raw.stance, `${path}.stance`);
  if (raw.note !== undefined) checked.note = text(raw.note, `${path}.note`, LIMITS.text);
  return checked;
}

function exportScope(value: unknown, path: string): ExportScope {
  const raw = record(value, path);
  switch (raw.kind) {
    case 'library':
      return { kind: 'library' };
    case 'page':
      return { kind: 'page', pageKey: webUrl(raw.pageKey, `${path}.pageKey`) };
    case 'claims': {
      if (!Array.isArray(raw.ids)) fail(`${path}.ids`, 'must be a list');
      if (raw.ids.length > MAX_BUNDLE_RECORDS)
        fail(`${path}.ids`, `holds more than ${MAX_BUNDLE_RECORDS} ids`);
      return { kind: 'claims', ids: raw.ids.map((each, i) => id(each, `${path}.ids[${i}]`)) };
    }
    default:
      fail(`${path}.kind`, 'must be library, page or claims');
  }
}

function exportFormat(value: unknown, path: string): ExportFormat {
  if (!EXPORT_FORMATS.includes(value as ExportFormat))
    fail(path, `must be one of ${EXPORT_FORMATS.join(', ')}`);
  return value as ExportFormat;
}

/** A file's text; UTF-16 length never exceeds UTF-8 size, so the byte cap bounds it and the decoder checks bytes. */
function fileText(value: unknown, path: string): string {
  return text(value, path, MAX_BUNDLE_BYTES);
}

const empty = (value: unknown, path: string): Record<string, never> => {
  record(value, path);
  return {};
};

/** One checker per message type: it returns a clean copy of the payload, holding only known fields. */
const payloadCheckers: { [K in keyof PageRequests]: (payload: unknown) => PageRequests[K]['payload'] } = {
  'page.open': (p) => {
    const raw = record(p, 'payload');
    return { pageKey: webUrl(raw.pageKey, 'payload.pageKey'), url: webUrl(raw.url, 'payload.url') };
  },
  'claim.create': (p) => ({ claim: newClaim(record(p, 'payload').claim, 'payload.claim') }),
  'claim.update': (p) => {
    const raw = record(p, 'payload');
    return { id: id(raw.id, 'payload.id'), changes: changes(raw.changes, 'payload.changes') };
  },
  'claim.delete': (p) => ({ id: id(record(p, 'payload').id, 'payload.id') }),
  'rebuttal.create': (p) => ({ rebuttal: newRebuttal(record(p, 'payload').rebuttal, 'payload.rebuttal') }),
  'rebuttal.update': (p) => {
    const raw = record(p, 'payload');
    return { id: id(raw.id, 'payload.id'), changes: rebuttalChanges(raw.changes, 'payload.changes') };
  },
  'rebuttal.delete': (p) => ({ id: id(record(p, 'payload').id, 'payload.id') }),
  'notes.open': (p) => ({ pageKey: webUrl(record(p, 'payload').pageKey, 'payload.pageKey') }),
  'library.page': (p) => ({ pageKey: webUrl(record(p, 'payload').pageKey, 'payload.pageKey') }),
  'library.all': (p) => empty(p, 'payload'),
  'claim.reveal': (p) => ({ id: id(record(p, 'payload').id, 'payload.id') }),
  'bundle.export': (p) => {
    const raw = record(p, 'payload');
    return {
      scope: exportScope(raw.scope, 'payload.scope'),
      format: exportFormat(raw.format, 'payload.format'),
    };
  },
  'bundle.preview': (p) => ({ text: fileText(record(p, 'payload').text, 'payload.text') }),
  'bundle.import': (p) => {
    const raw = record(p, 'payload');
    return raw.token !== undefined
      ? { token: id(raw.token, 'payload.token') }
      : { text: fileText(raw.text, 'payload.text') };
  },
};

/** Check an incoming message: a known type with a well-formed payload, or an error that says what is wrong. */
export function parseRequest(message: unknown): Result<Message<PageRequests>> {
  try {
    const raw = record(message, 'message');
    const type = raw.type;
    if (typeof type !== 'string' || !Object.hasOwn(payloadCheckers, type)) {
      return { ok: false, error: `Unknown message type: ${String(type).slice(0, 40)}` };
    }
    const key = type as keyof PageRequests;
    return {
      ok: true,
      value: { type: key, payload: payloadCheckers[key](raw.payload) } as Message<PageRequests>,
    };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, error: `Malformed message: ${error.message}` };
    throw error;
  }
}
