/**
 * The background's message handlers: a typed map from message type to handler, so that every answer is
 * checked against the protocol, reached only after the sender and the payload have been checked. Content scripts run beside hostile pages, so they get a narrower
 * set of messages than the extension's own pages, and only over claims of their own site.
 */
import type { DecodeResult, MergePlan } from '../../core/bundle';
import {
  BundleEncodeError,
  decodeBundle,
  exportBundle,
  exportMarkdown,
  FORMAT_NAMES,
  formatIssue,
} from '../../core/bundle';
import { CARD_PAGE } from '../../core/card-channel';
import { pageKeyFor, sameSite } from '../../core/page-key';
import type { Claim } from '../../core/model';
import type {
  BackgroundRequests,
  ExportFormat,
  ExportScope,
  FrameTabRequests,
  ImportSummary,
  Notes,
  Result,
  TabRequests,
} from '../../core/protocol';
import {
  CONTENT_REQUEST_TYPES,
  EXPORT_CACHE,
  FRAME_REQUEST_TYPES,
  MAX_LISTED_PROBLEMS,
  parseRequest,
  PREVIEW_EXPIRED,
} from '../../core/protocol';
import { frameOriginOf, widgetOfFrame } from '../../core/widget-frames';
import { applyImport, previewImport, recordsToExport } from '../../storage/bundles';
import {
  allClaims,
  claimsSlice,
  restoreClaim,
  claimsForPage,
  createClaim,
  deleteClaim,
  getClaim,
  StorageProblem,
  updateClaim,
} from '../../storage/claims';
import type { CounterpointDb } from '../../storage/db';
import { recentlyDeleted } from '../../storage/history';
import { undoImport } from '../../storage/import-batches';
import { keepQuote, placementsOf, recordPlacements } from '../../storage/placements';
import {
  createRebuttal,
  deleteRebuttal,
  getRebuttal,
  rebuttalsOf,
  updateRebuttal,
} from '../../storage/rebuttals';

/** The parts of a message sender that decide what it may ask. */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

/**
 * Who is asking: the extension's own page, the claim card's frame inside a tab, the content script in a tab's
 * top frame showing `url`, or the content script in a comment widget's frame (`frame` is the widget's origin).
 */
export type Caller =
  | { kind: 'extension-page' }
  | { kind: 'card'; tabId: number }
  | { kind: 'content'; url: string; tabId: number }
  | { kind: 'widget-frame'; tabId: number; frameId: number; frame: string; url: string };

/** What the background does with tabs; `tabs.ts` implements it with `browser.tabs`, tests with a fake. */
export interface TabControl {
  /** Ask the open tabs to scroll to the claim; true when one did (and it is now focused). */
  revealInOpenTab(claimId: string): Promise<boolean>;
  /** Open the page in a new tab and scroll to the claim once it has loaded. */
  openAndReveal(url: string, claimId: string): Promise<void>;
  /** The claim a newly opened tab should scroll to, handed out once. */
  takePendingReveal(tabId: number): string | null;
  openNotes(pageKey: string): Promise<void>;
  /** Tell the tabs showing `pageKey`, except the one that made the change, to load its claims again. */
  notifyChanged(pageKey: string, exceptTabId?: number): Promise<void>;
  /** Ask one comment widget frame of a tab. */
  askFrame<K extends keyof FrameTabRequests>(
    tabId: number,
    frameId: number,
    type: K,
    payload: FrameTabRequests[K]['payload'],
  ): Promise<Result<FrameTabRequests[K]['answer']>>;
  /** Ask every comment widget frame of a tab to send its comments. */
  readFrames(tabId: number): Promise<void>;
  /** Show on the toolbar button, for this tab, how many claims its page has (issue 13). */
  showCount(tabId: number, count: number): Promise<void>;
  /** Hand a widget frame's comments to the page interface in its tab's top frame; true when it listens. */
  tellTop(tabId: number, payload: TabRequests['tab.frame-comments']['payload']): Promise<boolean>;
}

export interface RouterDeps {
  db: CounterpointDb;
  tabs: TabControl;
  extensionId: string;
  /** `runtime.getURL('/')`: every extension page's URL starts with it. */
  extensionRoot: string;
  now(): string;
}

/** Decide who sent a message, or null when it must be ignored. */
export function identifyCaller(sender: Sender, extensionId: string, extensionRoot: string): Caller | null {
  if (sender.id !== extensionId || !sender.url || !URL.canParse(sender.url)) return null;
  // Compared as text: URL.origin is "null" for extension schemes outside the browser's own parser.
  if (sender.url.startsWith(extensionRoot)) {
    // The card is our own page, but any site may frame it: it gets no more than the page interface's rights.
    const inTab = sender.tab?.id;
    if (sender.url.startsWith(`${extensionRoot}${CARD_PAGE}`) && inTab !== undefined) {
      return { kind: 'card', tabId: inTab };
    }
    return { kind: 'extension-page' };
  }
  const tabId = sender.tab?.id;
  if (tabId === undefined || !/^https?:$/.test(new URL(sender.url).protocol)) return null;
  // The content script in a tab's top frame; the browser, not the sender, says which frame it is.
  if (sender.frameId === 0) return { kind: 'content', url: sender.url, tabId };
  // The other content script runs only in comment widgets' frames; any other frame is not ours.
  const widget = widgetOfFrame(sender.url);
  if (widget && sender.frameId !== undefined && sender.frameId > 0) {
    const frame = frameOriginOf(widget, sender.url);
    return { kind: 'widget-frame', tabId, frameId: sender.frameId, frame, url: sender.url };
  }
  return null;
}

/** Which message types each caller may send; the handlers check, beyond this, what it may touch. */
function mayAsk(caller: Caller, type: keyof BackgroundRequests): boolean {
  const among = (types: readonly string[]) => types.includes(type);
  switch (caller.kind) {
    case 'extension-page':
      return !among(FRAME_REQUEST_TYPES);
    case 'card':
    case 'content':
      return among(CONTENT_REQUEST_TYPES);
    case 'widget-frame':
      return among(FRAME_REQUEST_TYPES);
  }
}

/** The tab of the page interface asking about its widget frames; only it may. */
function contentTab(caller: Caller): number {
  if (caller.kind !== 'content') throw new StorageProblem('Only a page may ask about its comment widgets.');
  return caller.tabId;
}

/** An answer from a widget frame, or the reason it gave none, in words for the reader. */
function frameAnswer<T>(answer: Result<T>): T {
  if (!answer.ok) {
    throw new StorageProblem('The comment widget did not answer. Reload the page and try again.');
  }
  return answer.value;
}

const refuse = (error: string): Result<never> => ({ ok: false, error });

/** How many whole-file problems a refusal names; the first few say enough to fix the file. */
const FILE_PROBLEMS_SHOWN = 5;

/**
 * Decode an imported file's text with the bundle core. Foreign annotations carry only a URL, so they get the
 * page key the extension would compute for that URL.
 */
function decodeImport(text: string): Extract<DecodeResult, { ok: true }> {
  const decoded = decodeBundle(text, { pageKeyFor: (url) => pageKeyFor(url, null) });
  if (decoded.ok) return decoded;
  const shown = decoded.issues.slice(0, FILE_PROBLEMS_SHOWN).map(formatIssue);
  const more = decoded.issues.length - shown.length;
  throw new StorageProblem(
    `This file cannot be imported: ${shown.join('; ')}${more > 0 ? ` (and ${more} more problems)` : ''}.`,
  );
}

function summarize(decoded: Extract<DecodeResult, { ok: true }>, plan: MergePlan): ImportSummary {
  const problems = decoded.rejected.flatMap((item) => item.issues);
  return {
    format: FORMAT_NAMES[decoded.format],
    counts: plan.counts,
    problems: problems.slice(0, MAX_LISTED_PROBLEMS),
    moreProblems: Math.max(0, problems.length - MAX_LISTED_PROBLEMS),
    pages: plan.pages,
  };
}

/** A file name that says what the export holds and when it was made. */
function exportName(scope: ExportScope, format: ExportFormat, isoNow: string): string {
  const what =
    scope.kind === 'library'
      ? 'library'
      : scope.kind === 'page'
        ? new URL(scope.pageKey).hostname.replace(/^www\./, '')
        : 'selection';
  return `counterpoint-${what}-${isoNow.slice(0, 10)}.${format === 'bundle' ? 'json' : 'md'}`;
}

/**
 * Leave a large export in the extension's Cache Storage, which the notes page shares, and return its key; null
 * where there is no Cache Storage (unit tests) or it fails, and the text then travels in the answer. Earlier
 * exports that no page took are dropped first. The key is an https URL because Cache Storage accepts no other
 * scheme; it is never fetched.
 */
async function stashExport(text: string, mimeType: string): Promise<string | null> {
  // Every export goes this way where it can, so that the end-to-end tests use the path large exports take.
  if (typeof caches === 'undefined') return null;
  try {
    await caches.delete(EXPORT_CACHE);
    const cache = await caches.open(EXPORT_CACHE);
    const key = `https://counterpoint.invalid/exports/${crypto.randomUUID()}`;
    await cache.put(key, new Response(text, { headers: { 'content-type': `${mimeType};charset=utf-8` } }));
    return key;
  } catch (error) {
    console.warn('Counterpoint could not stash an export; sending it in the answer', error);
    return null;
  }
}

/** What answers one message type: its checked payload and its caller in, the protocol's answer out. */
type Handler<K extends keyof BackgroundRequests> = (
  payload: BackgroundRequests[K]['payload'],
  caller: Caller,
) => Promise<BackgroundRequests[K]['answer']>;

/** One named handler per message type, like a typed switch that cannot miss a case or mistype an answer. */
type Handlers = { [K in keyof BackgroundRequests]: Handler<K> };

/** Pages whose open tabs are told to reload their notes after an import; past this, readers reload. */
const PAGES_NOTIFIED = 50;

/** Build the function that answers every message the background receives. */
export function createRouter(deps: RouterDeps) {
  const { db, tabs, now } = deps;

  /** A content script may touch only claims of the site it runs on. */
  async function claimOfCaller(id: string, caller: Caller) {
    const claim = await getClaim(db, id);
    if (!claim) throw new StorageProblem('This note no longer exists; it may have been deleted elsewhere.');
    if (caller.kind === 'content' && !sameSite(claim.url, caller.url)) {
      throw new StorageProblem('This note belongs to another site.');
    }
    return claim;
  }

  /**
   * The file last previewed, decoded: the reader confirms the same text, so the import need not decode it
   * again. Kept only until the import or the next preview; a background that restarted simply decodes anew.
   */
  let previewed: { token: string; decoded: ReturnType<typeof decodeImport> } | null = null;

  /** The tab that made a change already shows it: it is not told to reload. */
  const tabOf = (caller: Caller) => (caller.kind === 'extension-page' ? undefined : caller.tabId);

  /**
   * Tell the tabs showing `pageKey` that it changed. Not awaited: the answer need not wait for every open
   * tab, and the card's next save waits for this one's answer.
   */
  const tellTabs = (pageKey: string, exceptTabId?: number) =>
    void tabs
      .notifyChanged(pageKey, exceptTabId)
      .catch((error: unknown) => console.warn('Counterpoint could not tell the tabs about a change', error));

  /** Count the claims of `pageKey` on the badge of the caller's tab, when it is a tab. */
  async function countOnBadge(pageKey: string, caller: Caller): Promise<void> {
    const tabId = tabOf(caller);
    if (tabId !== undefined) await tabs.showCount(tabId, (await claimsForPage(db, pageKey)).length);
  }

  /** A rebuttal, reachable by the caller through its claim. */
  async function rebuttalOfCaller(id: string, caller: Caller) {
    const rebuttal = await getRebuttal(db, id);
    if (!rebuttal)
      throw new StorageProblem('This rebuttal no longer exists; it may have been removed elsewhere.');
    return { rebuttal, claim: await claimOfCaller(rebuttal.claimId, caller) };
  }

  async function notesOf(claims: Claim[]): Promise<Notes> {
    const ids = claims.map((claim) => claim.id);
    return { claims, rebuttals: await rebuttalsOf(db, ids), placements: await placementsOf(db, ids) };
  }

  /** One handler per message type; each answer is checked against the protocol's answer type. */
  const handlers: Handlers = {
    'page.open': async ({ pageKey, url }, caller) => {
      if (caller.kind === 'content' && !(sameSite(pageKey, caller.url) && sameSite(url, caller.url))) {
        throw new StorageProblem('A page may only open its own notes.');
      }
      const reveal = caller.kind === 'content' ? tabs.takePendingReveal(caller.tabId) : null;
      const claims = await claimsForPage(db, pageKey);
      if (caller.kind === 'content') await tabs.showCount(caller.tabId, claims.length);
      return { ...(await notesOf(claims)), reveal };
    },
    'claim.create': async ({ claim }, caller) => {
      if (
        caller.kind === 'content' &&
        !(sameSite(claim.url, caller.url) && sameSite(claim.pageKey, caller.url))
      ) {
        throw new StorageProblem('A page may only add notes to itself.');
      }
      const created = await createClaim(db, claim, now());
      tellTabs(created.pageKey, tabOf(caller));
      await countOnBadge(created.pageKey, caller);
      return created;
    },
    'claim.update': async ({ id, changes }, caller) => {
      await claimOfCaller(id, caller);
      const updated = await updateClaim(db, id, changes, now());
      tellTabs(updated.pageKey, tabOf(caller));
      return updated;
    },
    'claim.delete': async ({ id }, caller) => {
      const claim = await claimOfCaller(id, caller);
      await deleteClaim(db, claim.id, now());
      tellTabs(claim.pageKey, tabOf(caller));
      await countOnBadge(claim.pageKey, caller);
      return null;
    },
    'rebuttal.create': async ({ rebuttal }, caller) => {
      const claim = await claimOfCaller(rebuttal.claimId, caller);
      const created = await createRebuttal(db, rebuttal, now());
      tellTabs(claim.pageKey, tabOf(caller));
      return created;
    },
    'rebuttal.update': async ({ id, changes }, caller) => {
      const { claim } = await rebuttalOfCaller(id, caller);
      const updated = await updateRebuttal(db, id, changes, now());
      tellTabs(claim.pageKey, tabOf(caller));
      return updated;
    },
    'rebuttal.delete': async ({ id }, caller) => {
      const { claim } = await rebuttalOfCaller(id, caller);
      await deleteRebuttal(db, id, claim.pageKey, now());
      tellTabs(claim.pageKey, tabOf(caller));
      return null;
    },
    'notes.open': async ({ pageKey }, caller) => {
      // Each call opens a tab: a page may ask it only for its own site, so it cannot open tabs for others.
      if (caller.kind === 'content' && !sameSite(pageKey, caller.url)) {
        throw new StorageProblem('A page may only open its own notes.');
      }
      await tabs.openNotes(pageKey);
      return null;
    },
    'placement.report': async ({ pageKey, reports }, caller) => {
      // Only the script beside the page knows what it shows; the storage refuses claims of other page keys.
      if (caller.kind !== 'content' || !sameSite(pageKey, caller.url)) {
        throw new StorageProblem('A page may only report on its own notes.');
      }
      await recordPlacements(db, pageKey, reports, now());
      return null;
    },
    'placement.keep': async ({ id, text }, caller) => {
      await claimOfCaller(id, caller);
      await keepQuote(db, id, text, now());
      return null;
    },
    'frames.read': async (_payload, caller) => {
      await tabs.readFrames(contentTab(caller));
      return null;
    },
    'frame.target': async ({ frameId, commentId }, caller) =>
      frameAnswer(await tabs.askFrame(contentTab(caller), frameId, 'frame.target', { commentId })),
    'frame.show': async ({ frameId, rebuttals }, caller) => {
      const placed = frameAnswer(
        await tabs.askFrame(contentTab(caller), frameId, 'frame.show', { rebuttals }),
      );
      const asked = new Set(rebuttals.map((rebuttal) => rebuttal.id));
      return Array.isArray(placed) ? placed.filter((id) => asked.has(id)) : [];
    },
    'frame.reveal': async ({ frameId, id }, caller) => {
      const box = frameAnswer(await tabs.askFrame(contentTab(caller), frameId, 'frame.reveal', { id }));
      return box && Number.isFinite(box.top) && Number.isFinite(box.bottom)
        ? { top: box.top, bottom: box.bottom }
        : null;
    },
    'frame.comments': async ({ comments }, caller) => {
      if (caller.kind !== 'widget-frame') throw new StorageProblem('Only a comment widget sends comments.');
      const { tabId, frameId, frame, url } = caller;
      return tabs.tellTop(tabId, { frameId, frame, url, comments });
    },
    'library.page': async ({ pageKey }) => notesOf(await claimsForPage(db, pageKey)),
    'library.all': async ({ offset, limit }) => {
      if (offset === undefined || limit === undefined) {
        const claims = await allClaims(db);
        return { ...(await notesOf(claims)), total: claims.length };
      }
      const { claims, total } = await claimsSlice(db, offset, limit);
      return { ...(await notesOf(claims)), total };
    },
    'library.deleted': async () => recentlyDeleted(db, now()),
    'claim.restore': async ({ id }, caller) => {
      const restored = await restoreClaim(db, id, now());
      tellTabs(restored.claim.pageKey, tabOf(caller));
      return restored;
    },
    'claim.reveal': async ({ id }, caller) => {
      const claim = await claimOfCaller(id, caller);
      if (!(await tabs.revealInOpenTab(claim.id))) await tabs.openAndReveal(claim.url, claim.id);
      return null;
    },
    'bundle.export': async ({ scope, format }) => {
      const records = await recordsToExport(db, scope);
      const isoNow = now();
      let text: string;
      try {
        text =
          format === 'bundle'
            ? exportBundle(records, { clock: () => new Date(isoNow) })
            : exportMarkdown(records);
      } catch (error) {
        if (error instanceof BundleEncodeError) throw new StorageProblem(error.message);
        throw error;
      }
      const mimeType = format === 'bundle' ? 'application/ld+json' : 'text/markdown';
      const stored = await stashExport(text, mimeType);
      return {
        filename: exportName(scope, format, isoNow),
        mimeType,
        claims: records.claims.length,
        rebuttals: records.rebuttals.length,
        ...(stored ? { stored } : { text }),
      };
    },
    'bundle.preview': async ({ text }) => {
      previewed = null;
      const decoded = decodeImport(text);
      const token = `urn:uuid:${crypto.randomUUID()}`;
      previewed = { token, decoded };
      return {
        ...summarize(decoded, await previewImport(db, decoded.records, decoded.rejected.length)),
        token,
      };
    },
    'bundle.import': async (payload) => {
      let decoded: ReturnType<typeof decodeImport>;
      if ('token' in payload) {
        if (previewed?.token !== payload.token) throw new StorageProblem(PREVIEW_EXPIRED);
        decoded = previewed.decoded;
      } else decoded = decodeImport(payload.text);
      previewed = null;
      const plan = await applyImport(db, decoded.records, decoded.rejected.length, now());
      for (const page of plan.pages.slice(0, PAGES_NOTIFIED)) tellTabs(page.pageKey);
      return { ...summarize(decoded, plan), batch: plan.batch };
    },
    'bundle.undo': async ({ batch }) => {
      const pages = await undoImport(db, batch);
      for (const pageKey of pages.slice(0, PAGES_NOTIFIED)) tellTabs(pageKey);
      return null;
    },
  };

  /** Runs the handler of a message's type; the map's type ties each payload to its handler and answer. */
  function dispatch<K extends keyof BackgroundRequests>(
    type: K,
    payload: BackgroundRequests[K]['payload'],
    caller: Caller,
  ): Promise<BackgroundRequests[K]['answer']> {
    const handler: Handler<K> = handlers[type];
    return handler(payload, caller);
  }

  return async function route(raw: unknown, sender: Sender): Promise<Result<unknown>> {
    const caller = identifyCaller(sender, deps.extensionId, deps.extensionRoot);
    if (!caller) return refuse('Counterpoint does not answer this sender.');
    const parsed = parseRequest(raw);
    if (!parsed.ok) return parsed;
    if (!mayAsk(caller, parsed.value.type)) return refuse(`A page may not ask for ${parsed.value.type}.`);
    try {
      const { type, payload } = parsed.value;
      return { ok: true, value: await dispatch(type, payload, caller) };
    } catch (error) {
      if (error instanceof StorageProblem) return refuse(error.message);
      console.error('Counterpoint could not handle a message', error);
      return refuse('Something went wrong in Counterpoint; nothing was changed.');
    }
  };
}
