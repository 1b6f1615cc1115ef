/**
 * Where the page's notes are: anchors claims over the page and rebuttals inside their comments, paints them,
 * and keeps the page's text index in step with its changes while it has notes, so that notes not yet found
 * are looked for again once the page settles. Pages without notes are not watched and pay nothing.
 */
import { anchorTargets, INDEX_OBSERVER_OPTIONS, normalizeText, TextIndex } from '../../core/anchoring';
import { Highlighter } from '../../core/highlighter';
import type { Claim, PlacementReport, Rebuttal } from '../../core/model';
import { FIELD_LIMITS } from '../../core/records/limits';
import { normalizeLine } from '../../core/records/text';
import { PageComments } from './page-comments';

/** How long the page must be quiet before notes are placed again after it changed. */
const SETTLE_DELAY_MS = 250;

export class NotePlacement {
  /** @param onSettle runs once per quiet spell after the page changed (or navigated). */
  constructor(private readonly onSettle: () => void) {}

  readonly highlighter = new Highlighter();
  readonly comments = new PageComments();
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly watcher = new MutationObserver((records) => {
    this.changes.push(...records);
    this.scheduleSettle();
  });
  private watching = false;
  /** The page's text view, kept up to date from the watcher's records while the page has notes. */
  private index: TextIndex | null = null;
  private changes: MutationRecord[] = [];

  scheduleSettle(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.onSettle(), SETTLE_DELAY_MS);
  }

  /** Watch the page for change only while it has claims. */
  watch(wanted: boolean): void {
    if (wanted === this.watching) return;
    this.watching = wanted;
    this.index = null;
    this.changes = [];
    if (wanted) this.watcher.observe(document.body, INDEX_OBSERVER_OPTIONS);
    else this.watcher.disconnect();
  }

  /** The text index of the page as it is now: kept up to date while watched, else built afresh. */
  currentIndex(): TextIndex {
    // Records still queued in the observer describe changes the index has not seen yet.
    const queued = this.watcher.takeRecords();
    if (this.index && this.watching) {
      this.index.update([...this.changes.splice(0), ...queued]);
      return this.index;
    }
    // A fresh index already reflects every change made so far.
    this.changes = [];
    const index = new TextIndex(document.body);
    if (this.watching) this.index = index;
    return index;
  }

  /** Anchor `claims` over the page as it is now and paint those found. */
  placeClaims(claims: readonly Claim[]): void {
    if (claims.length === 0) return;
    const results = anchorTargets(
      document.body,
      claims.map((claim) => claim.target),
      this.currentIndex(),
    );
    claims.forEach((claim, i) => {
      const result = results[i];
      if (result?.kind === 'anchored') this.highlighter.paint(claim.id, result.range, claim.status);
    });
  }

  /**
   * Anchor each rebuttal inside its own comment, so new or re-sorted comments cannot move it. Those taken from a
   * comment widget's frame are placed by that frame (`FrameComments`), never on a comment of the page.
   */
  placeRebuttals(rebuttals: readonly Rebuttal[]): void {
    for (const rebuttal of rebuttals) {
      if (rebuttal.comment.frame) continue;
      const comment = this.comments.find(rebuttal.comment);
      if (!comment) continue;
      const [result] = anchorTargets(comment.root, [rebuttal.target]);
      if (result?.kind === 'anchored') this.highlighter.paint(rebuttal.id, result.range, 'rebuttal');
    }
  }

  /**
   * The text a claim is placed on, as the page's text view reads it, when that is not its stored quote: the
   * engine placed it across a copy-edit. Null when it reads the same or is not placed. Cleaned as the background
   * stores page-written text, so that what the reader kept compares equal to what the page reads on a later visit.
   */
  changedText(claim: Claim): string | null {
    const range = this.highlighter.rangeOf(claim.id);
    if (!range) return null;
    const index = this.currentIndex();
    const start = index.offsetOf(range.startContainer, range.startOffset);
    const end = index.offsetOf(range.endContainer, range.endOffset);
    const now = index.text.slice(start, end).trim();
    return now === normalizeText(claim.target.quote.exact).trim()
      ? null
      : normalizeLine(now, FIELD_LIMITS.quote);
  }

  /** How the page places the claim now: on its quote as marked, on changed text, or not at all. */
  outcomeOf(claim: Claim): PlacementReport {
    if (!this.isPlaced(claim.id)) return { claimId: claim.id, outcome: 'not-found' };
    const text = this.changedText(claim);
    return text === null
      ? { claimId: claim.id, outcome: 'as-marked' }
      : { claimId: claim.id, outcome: 'changed', text };
  }

  isPlaced(id: string): boolean {
    return !!this.highlighter.rangeOf(id);
  }

  /**
   * After the page changed: drop highlights whose text left the page, and look again for the notes not yet
   * found among `claims` and `rebuttals`.
   */
  replace(claims: readonly Claim[], rebuttals: readonly Rebuttal[]): void {
    this.comments.invalidate();
    for (const { id } of [...claims, ...rebuttals]) {
      const range = this.highlighter.rangeOf(id);
      if (
        range &&
        (!range.startContainer.isConnected || !range.endContainer.isConnected || range.collapsed)
      ) {
        this.highlighter.erase(id);
      }
    }
    const missing = <T extends { id: string }>(list: readonly T[]) =>
      list.filter((note) => !this.isPlaced(note.id));
    const orphans = missing(claims);
    this.placeClaims(orphans);
    this.placeRebuttals(missing(rebuttals));
    if (missing(orphans).length === 0) {
      // Nothing left to look for: let the index and the records it would need go, rather than pile up.
      this.index = null;
      this.changes = [];
    }
  }

  /** Scroll to a note's highlight and flash it; false when this page does not show that note. */
  reveal(id: string): boolean {
    const range = this.highlighter.rangeOf(id);
    if (!range) return false;
    const element = range.startContainer.parentElement;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'instant' });
    this.highlighter.flash(id);
    return true;
  }
}
