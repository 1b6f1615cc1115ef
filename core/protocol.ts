/**
 * The one message protocol between Counterpoint's contexts. Each direction is a typed map from a message
 * type to its payload and its answer, and every answer is a `Result`, because thrown errors do not survive
 * the trip between contexts in every browser.
 *
 * - `ContentRequests`: what a content script may ask of the background.
 * - `PageRequests`: what the extension's own pages (popup, notes page) may ask; a superset.
 * - `TabRequests`: what the background or the popup may ask of the content script in a tab.
 * - `FrameRequests`: what the content script in a comment widget's frame may ask of the background, and
 *   `FrameTabRequests`: what the background asks of it on behalf of the page interface of its tab (issue 12).
 *
 * The background trusts nothing: `parseRequest` checks every payload with the record rules of `core/records/`,
 * the same rules the bundle reader applies to a file, before a handler runs.
 */
import { MAX_BUNDLE_BYTES, MAX_BUNDLE_RECORDS } from './bundle/limits';
import type { MergeCounts, TouchedPage } from './bundle/merge-bundle';
import type { ExtractedComment } from './comments/extract';
import type {
  Claim,
  ClaimStatus,
  CommentRef,
  NodeHint,
  Placement,
  PlacementOutcome,
  PlacementReport,
  Rebuttal,
  RebuttalStance,
  TextTarget,
} from './model';
import { PLACEMENT_OUTCOMES } from './model';
import {
  describe,
  field,
  isPostedTime,
  readArray,
  readObject,
  readOffset,
  readPositionSelector,
  readQuoteSelector,
  readUuidId,
  readWebUrl,
} from './records/field-readers';
import type { BundleIssue } from './records/issues';
import { formatIssue, IssueList, pathTo } from './records/issues';
import { FIELD_LIMITS } from './records/limits';
import {
  readAuthor,
  readCommentFrame,
  readNote,
  readPageKey,
  readPageUrl,
  readPermalink,
  readPlacedText,
  readStance,
  readStatus,
  readTags,
  readTitle,
} from './records/record-fields';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** What a reader can change on a claim after creating it. */
export interface ClaimChanges {
  status?: ClaimStatus;
  note?: string;
  tags?: string[];
  /** The passage described again where it reads now, when the reader takes a copy-edited text as the claim's. */
  target?: TextTarget;
}

/** A claim as the content script proposes it; the background stamps the times. */
export type NewClaim = Omit<Claim, 'created' | 'modified'>;

/** What a reader can change on a rebuttal after attaching it. */
export interface RebuttalChanges {
  stance?: RebuttalStance;
  note?: string;
}

export type NewRebuttal = Omit<Rebuttal, 'created' | 'modified'>;

/** Claims, the rebuttals attached to them, and how the last visit to their page placed them. */
export interface Notes {
  claims: Claim[];
  rebuttals: Rebuttal[];
  placements: Placement[];
}

/** A slice of the library: `limit` claims from the `offset`th; the whole library when absent. */
export interface LibraryRange {
  offset?: number;
  limit?: number;
}

/** The most claims one slice of the library may hold. */
export const MAX_LIBRARY_SLICE = 5_000;

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

/** What an import did, and the id of its batch, which `bundle.undo` takes; null when it changed nothing. */
export interface ImportReport extends ImportSummary {
  batch: string | null;
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
  /**
   * How this visit placed the page's claims, once the page has settled. The background stores the outcomes
   * that changed; a report may speak only of claims of `pageKey`, on the site the tab shows.
   */
  'placement.report': { payload: { pageKey: string; reports: PlacementReport[] }; answer: null };
  /** The reader keeps the claim's stored quote against `text`, the text it is placed on now. */
  'placement.keep': { payload: { id: string; text: string }; answer: null };
  /** Ask every comment widget frame of the caller's tab to send its comments now, and their changes later. */
  'frames.read': { payload: Record<string, never>; answer: null };
  /** A comment of a widget frame of the caller's tab, described whole as a rebuttal's target there. */
  'frame.target': { payload: { frameId: number; commentId: string }; answer: TextTarget | null };
  /** Show these rebuttals in a widget frame of the caller's tab; the answer names those it placed. */
  'frame.show': { payload: { frameId: number; rebuttals: FrameRebuttal[] }; answer: string[] };
  /**
   * Scroll a widget frame to a rebuttal's excerpt and flash it; the answer is where the excerpt now is in the
   * frame's viewport, for the page to bring that part of the frame into view, or null when it is not there.
   */
  'frame.reveal': { payload: { frameId: number; id: string }; answer: FrameBox | null };
}

/**
 * A comment read in a widget's frame, as it crosses to the page interface: all but its element, its paragraphs
 * and its markup, its text cut to `FRAME_LIMITS.text`.
 */
export type FrameComment = Omit<ExtractedComment, 'root' | 'paragraphs' | 'markup'>;

/** What a widget frame needs of a rebuttal to place it: never the claim, the note or anything the reader typed. */
export interface FrameRebuttal {
  id: string;
  comment: CommentRef;
  target: TextTarget;
}

/** Where an excerpt is in its frame's viewport, in CSS pixels. */
export interface FrameBox {
  top: number;
  bottom: number;
}

/** How much of a thread a widget frame sends: a frame is a third party's page, so its word is bounded too. */
export const FRAME_LIMITS = { comments: 1_000, text: 10_000, rebuttals: 1_000, depth: 64 } as const;

export interface FrameRequests {
  /**
   * The comments of the widget frame that sends it, read now. The answer says whether the page interface of its
   * tab listens: a frame whose page has no notes stops sending until it is asked (`frame.read`).
   */
  'frame.comments': { payload: { comments: FrameComment[] }; answer: boolean };
}

/** Every message the background answers, each checked against the caller's rights before it runs. */
export interface BackgroundRequests extends PageRequests, FrameRequests {}

/** What the background asks of the content script in a widget frame, for the page interface of its tab. */
export interface FrameTabRequests {
  /** Send the frame's comments now (`frame.comments`), and again whenever they change. */
  'frame.read': { payload: Record<string, never>; answer: null };
  'frame.target': { payload: { commentId: string }; answer: TextTarget | null };
  'frame.show': { payload: { rebuttals: FrameRebuttal[] }; answer: string[] };
  'frame.reveal': { payload: { id: string }; answer: FrameBox | null };
}

export const FRAME_TAB_REQUEST_TYPES: readonly (keyof FrameTabRequests)[] = [
  'frame.read',
  'frame.target',
  'frame.show',
  'frame.reveal',
];

/**
 * How many days a replaced or deleted version is kept in the history (issue 13): a deleted claim can be restored
 * for as long, and the background prunes older versions.
 */
export const HISTORY_DAYS = 90;

/** A claim the reader deleted that can still be restored, as the Recently deleted view lists it. */
export interface DeletedClaim {
  /** The claim as it was when deleted: its page's title and address, quote, status and note. */
  claim: Claim;
  deleted: string;
  /** How many rebuttals come back with it. */
  rebuttals: number;
}

export interface PageRequests extends ContentRequests {
  'library.page': { payload: { pageKey: string }; answer: Notes };
  /**
   * The library's claims, newest change first, with their rebuttals and placements, and how many claims it
   * holds: all of them, or `limit` of them from the `offset`th, so that a large library comes in slices.
   */
  'library.all': { payload: LibraryRange; answer: Notes & { total: number } };
  /** The deleted claims that can still be restored, newest deletion first (issue 13). */
  'library.deleted': { payload: Record<string, never>; answer: DeletedClaim[] };
  /** Undo a claim's deletion: it comes back with the rebuttals deleted with it. */
  'claim.restore': { payload: { id: string }; answer: { claim: Claim; rebuttals: Rebuttal[] } };
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
  'bundle.import': { payload: { token: string } | { text: string }; answer: ImportReport };
  /**
   * Undo the last import, named by its report's batch, in one transaction (issue 13). Refused, changing
   * nothing, when a later import was made or a note it touched has changed since. Extension pages only.
   */
  'bundle.undo': { payload: { batch: string }; answer: null };
}

/**
 * What the reader can ask of the page interface through the browser (issue 13): a keyboard shortcut of the
 * `commands` manifest key or an entry of the selection's context menu. Only the browser raises these, so a
 * page cannot forge them.
 */
export const READER_COMMANDS = [
  'mark-contested',
  'mark-supported',
  'mark-needs-source',
  'mark-highlight',
  'focus-bar',
] as const;
export type ReaderCommand = (typeof READER_COMMANDS)[number];

export function isReaderCommand(value: unknown): value is ReaderCommand {
  return (READER_COMMANDS as readonly unknown[]).includes(value);
}

/**
 * Where the background's global holds its handler of reader commands: a driver can neither press the browser's
 * shortcut keys nor open its context menu, so the end-to-end tests call the handler both use from the
 * extension's own pages (`runtime.getBackgroundPage()`) or its worker, which alone can reach that global; no
 * web page and no content script can.
 */
export const READER_COMMAND_HOOK = '__counterpointReaderCommand';

export interface TabRequests {
  /** Which article the tab shows, and which of its claims could not be found there. */
  'tab.describe': {
    payload: Record<string, never>;
    /** `orphans`: claims the page does not show; `changed`: claims placed on text a copy-edit changed. */
    answer: { pageKey: string; title: string; orphans: string[]; changed: string[] };
  };
  /** Scroll to the claim's highlight; false when this tab does not show it. */
  'tab.reveal': { payload: { id: string }; answer: boolean };
  /** The claims of `pageKey` changed elsewhere (popup, another tab): a tab showing that page loads them again. */
  'tab.refresh': { payload: { pageKey: string }; answer: null };
  /**
   * A widget frame of this tab read its comments. `frameId`, `url` (the frame's address) and `frame` (its
   * widget's origin) come from the browser's word about the sender, never from the frame; the answer says
   * whether the page interface listens.
   */
  'tab.frame-comments': {
    payload: { frameId: number; frame: string; url: string; comments: FrameComment[] };
    answer: boolean;
  };
  /** Carry out a reader command in this tab; the answer says whether there was anything to act on. */
  'tab.command': { payload: { command: ReaderCommand }; answer: boolean };
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
  'placement.report',
  'placement.keep',
  'frames.read',
  'frame.target',
  'frame.show',
  'frame.reveal',
];

export const FRAME_REQUEST_TYPES: readonly (keyof FrameRequests)[] = ['frame.comments'];

/** Thrown when a field was refused; the reader that refused it has already said why in the issue list. */
class Refused extends Error {}

/** The value a field reader gave, or a stop: each field of a message is needed to act on it. */
function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Refused();
  return value;
}

/** Text that is only carried, never shown or exported (a file's text, a node hint): its type and size alone. */
function carriedText(value: unknown, path: string, issues: IssueList, max: number): string | undefined {
  if (typeof value !== 'string') issues.add(path, `must be text, not ${describe(value)}`);
  else if (value.length > max) issues.add(path, `is ${value.length} characters long; the limit is ${max}`);
  else return value;
  return undefined;
}

function objectAt(value: unknown, path: string, issues: IssueList): Record<string, unknown> {
  return need(readObject(value, path, issues));
}

function tagList(value: unknown, path: string, issues: IssueList): string[] {
  const list = need(readArray(value, path, issues));
  return need(
    readTags(
      list.map((tag, i) => ({ value: tag, path: pathTo(path, i) })),
      path,
      issues,
    ),
  );
}

function nodeHint(value: unknown, path: string, issues: IssueList): NodeHint {
  const raw = objectAt(value, path, issues);
  const at = (key: string) => pathTo(path, key);
  const hint: NodeHint = {
    node: need(readOffset(field(raw, 'node'), at('node'), issues)),
    offset: need(readOffset(field(raw, 'offset'), at('offset'), issues)),
    length: need(readOffset(field(raw, 'length'), at('length'), issues)),
    before: need(carriedText(field(raw, 'before'), at('before'), issues, FIELD_LIMITS.context)),
    after: need(carriedText(field(raw, 'after'), at('after'), issues, FIELD_LIMITS.context)),
  };
  const text = field(raw, 'text');
  if (text !== undefined) hint.text = need(carriedText(text, at('text'), issues, FIELD_LIMITS.hintText));
  const digest = field(raw, 'digest');
  if (digest !== undefined) hint.digest = need(readOffset(digest, at('digest'), issues));
  return hint;
}

/** A target in the model's shape; the quote and the position follow the bundle's selector rules. */
function target(value: unknown, path: string, issues: IssueList): TextTarget {
  const raw = objectAt(value, path, issues);
  const quotePath = pathTo(path, 'quote');
  const quote = objectAt(field(raw, 'quote'), quotePath, issues);
  const checked: TextTarget = {
    quote: need(readQuoteSelector(quote, quotePath, issues, { contextRequired: true })),
  };
  const position = field(raw, 'position');
  if (position !== undefined) {
    const positionPath = pathTo(path, 'position');
    checked.position = need(
      readPositionSelector(objectAt(position, positionPath, issues), positionPath, issues),
    );
  }
  const hint = field(raw, 'hint');
  if (hint !== undefined) checked.hint = nodeHint(hint, pathTo(path, 'hint'), issues);
  return checked;
}

function commentRef(value: unknown, path: string, issues: IssueList): CommentRef {
  const raw = objectAt(value, path, issues);
  const ref: CommentRef = {
    author: need(readAuthor(field(raw, 'author'), pathTo(path, 'author'), issues)),
    permalink: need(readPermalink(field(raw, 'permalink'), pathTo(path, 'permalink'), issues)),
  };
  // Page-written: a time no bundle could carry ("yesterday") is dropped, not refused.
  const posted = field(raw, 'posted');
  if (typeof posted === 'string' && isPostedTime(posted)) ref.posted = posted;
  const frame = field(raw, 'frame');
  if (frame !== undefined) ref.frame = need(readCommentFrame(frame, pathTo(path, 'frame'), issues));
  return ref;
}

/** A frame's id as the browser numbers it: a widget frame is never the top frame, 0. */
function frameIdOf(raw: Record<string, unknown>, issues: IssueList): number {
  const frameId = need(readOffset(field(raw, 'frameId'), 'payload.frameId', issues));
  if (frameId === 0) {
    issues.add('payload.frameId', 'must name a frame, not the top of the tab');
    throw new Refused();
  }
  return frameId;
}

/** One comment a widget frame read. The frame shows a third party's page: odd optional fields are dropped. */
function frameComment(value: unknown, path: string, issues: IssueList): FrameComment {
  const raw = objectAt(value, path, issues);
  const at = (key: string) => pathTo(path, key);
  const depth = need(readOffset(field(raw, 'depth'), at('depth'), issues));
  const comment: FrameComment = {
    id: need(carriedText(field(raw, 'id'), at('id'), issues, FIELD_LIMITS.commentId)),
    author: need(readAuthor(field(raw, 'author'), at('author'), issues)),
    depth: Math.min(depth, FRAME_LIMITS.depth),
    text: need(carriedText(field(raw, 'text'), at('text'), issues, FRAME_LIMITS.text)),
  };
  const posted = field(raw, 'posted');
  if (typeof posted === 'string' && isPostedTime(posted)) comment.posted = posted;
  const permalink = field(raw, 'permalink');
  if (permalink !== undefined) {
    const checked = readPermalink(permalink, at('permalink'), new IssueList());
    if (checked !== undefined) comment.permalink = checked;
  }
  const parentId = field(raw, 'parentId');
  if (typeof parentId === 'string' && parentId.length <= FIELD_LIMITS.commentId) comment.parentId = parentId;
  return comment;
}

function frameComments(value: unknown, path: string, issues: IssueList): FrameComment[] {
  const list = need(readArray(value, path, issues));
  if (list.length > FRAME_LIMITS.comments) {
    issues.add(path, `holds ${list.length} comments; the limit is ${FRAME_LIMITS.comments}`);
    throw new Refused();
  }
  return list.map((each, i) => frameComment(each, pathTo(path, i), issues));
}

function frameRebuttals(value: unknown, path: string, issues: IssueList): FrameRebuttal[] {
  const list = need(readArray(value, path, issues));
  if (list.length > FRAME_LIMITS.rebuttals) {
    issues.add(path, `holds ${list.length} rebuttals; the limit is ${FRAME_LIMITS.rebuttals}`);
    throw new Refused();
  }
  return list.map((each, i) => {
    const at = pathTo(path, i);
    const raw = objectAt(each, at, issues);
    return {
      id: need(readUuidId(field(raw, 'id'), pathTo(at, 'id'), issues)),
      comment: commentRef(field(raw, 'comment'), pathTo(at, 'comment'), issues),
      target: target(field(raw, 'target'), pathTo(at, 'target'), issues),
    };
  });
}

function claimChanges(value: unknown, path: string, issues: IssueList): ClaimChanges {
  const raw = objectAt(value, path, issues);
  const checked: ClaimChanges = {};
  const [status, note, tags] = [field(raw, 'status'), field(raw, 'note'), field(raw, 'tags')];
  if (status !== undefined) checked.status = need(readStatus(status, pathTo(path, 'status'), issues));
  if (note !== undefined) checked.note = need(readNote(note, pathTo(path, 'note'), issues));
  if (tags !== undefined) checked.tags = tagList(tags, pathTo(path, 'tags'), issues);
  const passage = field(raw, 'target');
  if (passage !== undefined) checked.target = target(passage, pathTo(path, 'target'), issues);
  return checked;
}

function newClaim(value: unknown, path: string, issues: IssueList): NewClaim {
  const raw = objectAt(value, path, issues);
  const at = (key: string) => pathTo(path, key);
  const url = need(readPageUrl(field(raw, 'url'), at('url'), issues));
  return {
    id: need(readUuidId(field(raw, 'id'), at('id'), issues)),
    pageKey: need(readPageKey(field(raw, 'pageKey'), at('pageKey'), issues, { url, path: at('url') })),
    url,
    title: need(readTitle(field(raw, 'title'), at('title'), issues)),
    target: target(field(raw, 'target'), at('target'), issues),
    status: need(readStatus(field(raw, 'status'), at('status'), issues)),
    note: need(readNote(field(raw, 'note'), at('note'), issues)),
    tags: tagList(field(raw, 'tags'), at('tags'), issues),
  };
}

function newRebuttal(value: unknown, path: string, issues: IssueList): NewRebuttal {
  const raw = objectAt(value, path, issues);
  const at = (key: string) => pathTo(path, key);
  return {
    id: need(readUuidId(field(raw, 'id'), at('id'), issues)),
    claimId: need(readUuidId(field(raw, 'claimId'), at('claimId'), issues)),
    comment: commentRef(field(raw, 'comment'), at('comment'), issues),
    target: target(field(raw, 'target'), at('target'), issues),
    stance: need(readStance(field(raw, 'stance'), at('stance'), issues)),
    note: need(readNote(field(raw, 'note'), at('note'), issues)),
  };
}

function rebuttalChanges(value: unknown, path: string, issues: IssueList): RebuttalChanges {
  const raw = objectAt(value, path, issues);
  const checked: RebuttalChanges = {};
  const [stance, note] = [field(raw, 'stance'), field(raw, 'note')];
  if (stance !== undefined) checked.stance = need(readStance(stance, pathTo(path, 'stance'), issues));
  if (note !== undefined) checked.note = need(readNote(note, pathTo(path, 'note'), issues));
  return checked;
}

function exportScope(value: unknown, path: string, issues: IssueList): ExportScope {
  const raw = objectAt(value, path, issues);
  switch (field(raw, 'kind')) {
    case 'library':
      return { kind: 'library' };
    case 'page':
      return {
        kind: 'page',
        pageKey: need(readWebUrl(field(raw, 'pageKey'), pathTo(path, 'pageKey'), issues)),
      };
    case 'claims': {
      const idsPath = pathTo(path, 'ids');
      const ids = need(readArray(field(raw, 'ids'), idsPath, issues));
      if (ids.length > MAX_BUNDLE_RECORDS) {
        issues.add(idsPath, `holds ${ids.length} ids; the limit is ${MAX_BUNDLE_RECORDS}`);
        throw new Refused();
      }
      return {
        kind: 'claims',
        ids: ids.map((each, i) => need(readUuidId(each, pathTo(idsPath, i), issues))),
      };
    }
    default:
      issues.add(pathTo(path, 'kind'), 'must be library, page or claims');
      throw new Refused();
  }
}

function exportFormat(value: unknown, path: string, issues: IssueList): ExportFormat {
  if (EXPORT_FORMATS.includes(value as ExportFormat)) return value as ExportFormat;
  issues.add(path, `must be one of ${EXPORT_FORMATS.join(', ')}`);
  throw new Refused();
}

/** The text a claim is placed on now: the page wrote it, so it is normalised (see `readPlacedText`), not refused. */
function placedText(value: unknown, path: string, issues: IssueList): string {
  return need(readPlacedText(value, path, issues));
}

function placementReport(value: unknown, path: string, issues: IssueList): PlacementReport {
  const raw = objectAt(value, path, issues);
  const claimId = need(readUuidId(field(raw, 'claimId'), pathTo(path, 'claimId'), issues));
  const outcome = field(raw, 'outcome');
  if (!PLACEMENT_OUTCOMES.includes(outcome as PlacementOutcome)) {
    issues.add(pathTo(path, 'outcome'), `must be one of ${PLACEMENT_OUTCOMES.join(', ')}`);
    throw new Refused();
  }
  return outcome === 'changed'
    ? { claimId, outcome, text: placedText(field(raw, 'text'), pathTo(path, 'text'), issues) }
    : { claimId, outcome: outcome as PlacementOutcome };
}

/** One report for each of a page's claims; a page holds no more claims than a bundle may. */
function placementReports(value: unknown, path: string, issues: IssueList): PlacementReport[] {
  const list = need(readArray(value, path, issues));
  if (list.length > MAX_BUNDLE_RECORDS) {
    issues.add(path, `holds ${list.length} reports; the limit is ${MAX_BUNDLE_RECORDS}`);
    throw new Refused();
  }
  return list.map((each, i) => placementReport(each, pathTo(path, i), issues));
}

/** A file's text; UTF-16 length never exceeds UTF-8 size, so the byte cap bounds it and the decoder checks bytes. */
function fileText(value: unknown, path: string, issues: IssueList): string {
  return need(carriedText(value, path, issues, MAX_BUNDLE_BYTES));
}

/** A page key asked about (to read or open notes), not stored: any http(s) URL. */
function pageKeyOf(payload: unknown, issues: IssueList): string {
  return need(readWebUrl(field(objectAt(payload, 'payload', issues), 'pageKey'), 'payload.pageKey', issues));
}

function libraryRange(raw: Record<string, unknown>, issues: IssueList): LibraryRange {
  const offset = field(raw, 'offset');
  const limit = field(raw, 'limit');
  if (offset === undefined && limit === undefined) return {};
  const range = {
    offset: need(readOffset(offset, 'payload.offset', issues)),
    limit: need(readOffset(limit, 'payload.limit', issues)),
  };
  if (range.limit < 1 || range.limit > MAX_LIBRARY_SLICE) {
    issues.add('payload.limit', `must be from 1 to ${MAX_LIBRARY_SLICE} (got ${range.limit})`);
    throw new Refused();
  }
  return range;
}

function idOf(payload: unknown, issues: IssueList): string {
  return need(readUuidId(field(objectAt(payload, 'payload', issues), 'id'), 'payload.id', issues));
}

/**
 * One checker per message type: it returns a clean copy of the payload, holding only known fields, with what
 * the page wrote normalised (see `core/records/record-fields.ts`).
 */
const payloadCheckers: {
  [K in keyof BackgroundRequests]: (payload: unknown, issues: IssueList) => BackgroundRequests[K]['payload'];
} = {
  'page.open': (p, issues) => {
    const raw = objectAt(p, 'payload', issues);
    return {
      pageKey: need(readWebUrl(field(raw, 'pageKey'), 'payload.pageKey', issues)),
      url: need(readWebUrl(field(raw, 'url'), 'payload.url', issues)),
    };
  },
  'claim.create': (p, issues) => ({
    claim: newClaim(field(objectAt(p, 'payload', issues), 'claim'), 'payload.claim', issues),
  }),
  'claim.update': (p, issues) => ({
    id: idOf(p, issues),
    changes: claimChanges(field(objectAt(p, 'payload', issues), 'changes'), 'payload.changes', issues),
  }),
  'claim.delete': (p, issues) => ({ id: idOf(p, issues) }),
  'rebuttal.create': (p, issues) => ({
    rebuttal: newRebuttal(field(objectAt(p, 'payload', issues), 'rebuttal'), 'payload.rebuttal', issues),
  }),
  'rebuttal.update': (p, issues) => ({
    id: idOf(p, issues),
    changes: rebuttalChanges(field(objectAt(p, 'payload', issues), 'changes'), 'payload.changes', issues),
  }),
  'rebuttal.delete': (p, issues) => ({ id: idOf(p, issues) }),
  'notes.open': (p, issues) => ({ pageKey: pageKeyOf(p, issues) }),
  'placement.report': (p, issues) => ({
    pageKey: pageKeyOf(p, issues),
    reports: placementReports(field(objectAt(p, 'payload', issues), 'reports'), 'payload.reports', issues),
  }),
  'placement.keep': (p, issues) => ({
    id: idOf(p, issues),
    text: placedText(field(objectAt(p, 'payload', issues), 'text'), 'payload.text', issues),
  }),
  'frames.read': (p, issues) => (objectAt(p, 'payload', issues), {}),
  'frame.target': (p, issues) => {
    const raw = objectAt(p, 'payload', issues);
    return {
      frameId: frameIdOf(raw, issues),
      commentId: need(
        carriedText(field(raw, 'commentId'), 'payload.commentId', issues, FIELD_LIMITS.commentId),
      ),
    };
  },
  'frame.show': (p, issues) => {
    const raw = objectAt(p, 'payload', issues);
    return {
      frameId: frameIdOf(raw, issues),
      rebuttals: frameRebuttals(field(raw, 'rebuttals'), 'payload.rebuttals', issues),
    };
  },
  'frame.reveal': (p, issues) => {
    const raw = objectAt(p, 'payload', issues);
    return { frameId: frameIdOf(raw, issues), id: need(readUuidId(field(raw, 'id'), 'payload.id', issues)) };
  },
  'frame.comments': (p, issues) => ({
    comments: frameComments(field(objectAt(p, 'payload', issues), 'comments'), 'payload.comments', issues),
  }),
  'library.page': (p, issues) => ({ pageKey: pageKeyOf(p, issues) }),
  'library.all': (p, issues) => libraryRange(objectAt(p, 'payload', issues), issues),
  'library.deleted': (p, issues) => (objectAt(p, 'payload', issues), {}),
  'claim.restore': (p, issues) => ({ id: idOf(p, issues) }),
  'claim.reveal': (p, issues) => ({ id: idOf(p, issues) }),
  'bundle.export': (p, issues) => {
    const raw = objectAt(p, 'payload', issues);
    return {
      scope: exportScope(field(raw, 'scope'), 'payload.scope', issues),
      format: exportFormat(field(raw, 'format'), 'payload.format', issues),
    };
  },
  'bundle.preview': (p, issues) => ({
    text: fileText(field(objectAt(p, 'payload', issues), 'text'), 'payload.text', issues),
  }),
  'bundle.import': (p, issues) => {
    const raw = objectAt(p, 'payload', issues);
    const token = field(raw, 'token');
    return token !== undefined
      ? { token: need(readUuidId(token, 'payload.token', issues)) }
      : { text: fileText(field(raw, 'text'), 'payload.text', issues) };
  },
  'bundle.undo': (p, issues) => ({
    batch: need(readUuidId(field(objectAt(p, 'payload', issues), 'batch'), 'payload.batch', issues)),
  }),
};

/** How many problems a refused message names; the first says enough, a few help a developer. */
const MESSAGE_PROBLEMS_SHOWN = 3;

/** Check an incoming message: a known type with a well-formed payload, or an error that says what is wrong. */
export function parseRequest(message: unknown): Result<Message<BackgroundRequests>> {
  const issues = new IssueList();
  try {
    const raw = objectAt(message, 'message', issues);
    const type = field(raw, 'type');
    if (typeof type !== 'string' || !Object.hasOwn(payloadCheckers, type)) {
      return { ok: false, error: `Unknown message type: ${String(type).slice(0, 40)}` };
    }
    const key = type as keyof BackgroundRequests;
    return {
      ok: true,
      value: {
        type: key,
        payload: payloadCheckers[key](field(raw, 'payload'), issues),
      } as Message<BackgroundRequests>,
    };
  } catch (error) {
    if (!(error instanceof Refused)) throw error;
    const shown = issues.issues.slice(0, MESSAGE_PROBLEMS_SHOWN).map(formatIssue);
    return { ok: false, error: `Malformed message: ${shown.join('; ')}` };
  }
}
