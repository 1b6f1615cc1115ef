/**
 * The reader's notes on the page in this tab: loads them once, paints them, turns selections into claims
 * and rebuttals, and keeps the open card in step with storage. Pages without notes cost one message and
 * no DOM writes; the overlay is built only when there is something to show.
 */
import { h, render } from 'preact';
import type { ClaimCardProps } from '../../components/ClaimCard';
import { STANCE_LABELS, STATUS_LABELS } from '../../components/labels';
import type { RebuttalBadge } from '../../components/RebuttalBadges';
import type { ToolbarChoice } from '../../components/SelectionToolbar';
import { anchorTargets, describeRange, INDEX_OBSERVER_OPTIONS, TextIndex } from '../../core/anchoring';
import { commentRefOf, suggestRebuttals, type Suggestion } from '../../core/comments';
import { Highlighter } from '../../core/highlighter';
import { newId } from '../../core/ids';
import type { Claim, Rebuttal, RebuttalStance } from '../../core/model';
import type {
  ClaimChanges,
  ContentRequests,
  Message,
  NewClaim,
  NewRebuttal,
  Result,
  TabRequests,
} from '../../core/protocol';
import type { Ask } from '../../messaging/send';
import { createOverlay, type Overlay as OverlayHost } from './overlay-host';
import { Overlay } from './Overlay';
import { firstLine, PageComments, wholeCommentTarget } from './page-comments';

/** How long the page must be quiet before notes are placed again after it changed. */
const SETTLE_DELAY_MS = 250;
/** How long the reader may pause typing before a note is saved. */
const SAVE_DELAY_MS = 400;
/** Gap between the selection and the toolbar, in CSS pixels. */
const TOOLBAR_GAP = 8;
/** How many suggested comments a card offers. */
const SUGGESTIONS = 3;

/** What the background answers a page that opens its notes. */
export type PageOpened = ContentRequests['page.open']['answer'];

export class PageNotes {
  /**
   * @param ask the content script's sender to the background, and
   * @param keyOfPage its reading of the page's key: handed over so that this script carries no second copy of
   *   the extension API layer or of the page-key rules.
   */
  constructor(
    private readonly ask: Ask,
    private readonly keyOfPage: () => string,
  ) {
    this.pageKey = keyOfPage();
  }

  private readonly highlighter = new Highlighter();
  private readonly comments = new PageComments();
  private readonly claims = new Map<string, Claim>();
  private readonly rebuttals = new Map<string, Rebuttal>();
  private overlay: OverlayHost | null = null;
  private selection: { range: Range; commentId: string | null } | null = null;
  private toolbar: { top: number; left: number } | null = null;
  private picker: { top: number; left: number; stance: RebuttalStance } | null = null;
  private card: { id: string; focusNote: boolean } | null = null;
  private problem: string | null = null;
  private pendingChanges: ClaimChanges = {};
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly watcher = new MutationObserver((records) => {
    this.changes.push(...records);
    this.scheduleSettle();
  });
  private watching = false;
  /** The page's text view, kept up to date from the watcher's records while the page has notes. */
  private index: TextIndex | null = null;
  private changes: MutationRecord[] = [];
  private badgeFrame = 0;
  private hoverFrame = 0;
  private tip: { x: number; y: number; text: string } | null = null;
  /** Suggestions for the open card, kept while neither the claim nor the comments change. */
  private suggested: { key: string; suggestions: Suggestion[] } | null = null;
  private pageKey: string;

  /**
   * Start listening to the reader, with the page's notes when the content script has already fetched
   * them, else after fetching them.
   */
  async start(opened: PageOpened | null): Promise<void> {
    document.addEventListener('mouseup', (event) => this.onPointerUp(event));
    document.addEventListener('keyup', (event) => this.onKeyUp(event));
    document.addEventListener('selectionchange', () => this.onSelectionChange());
    document.addEventListener('click', (event) => this.onClick(event));
    // Single-page sites change article without a load; a new URL may mean a new page key.
    window.addEventListener('popstate', () => this.scheduleSettle());
    (window as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', () =>
      this.scheduleSettle(),
    );
    if (opened) this.apply(opened);
    else await this.load();
  }

  /** Answer the background and the popup. */
  handle(message: Message<TabRequests>): Result<unknown> {
    switch (message.type) {
      case 'tab.describe':
        return {
          ok: true,
          value: {
            pageKey: this.pageKey,
            title: document.title,
            orphans: this.orphans().map((claim) => claim.id),
          },
        };
      case 'tab.reveal':
        return { ok: true, value: this.reveal(message.payload.id) };
      case 'tab.refresh':
        if (message.payload.pageKey === this.pageKey) void this.load();
        return { ok: true, value: null };
    }
  }

  private async load(): Promise<void> {
    const answer = await this.ask('page.open', { pageKey: this.pageKey, url: currentUrl() });
    if (answer.ok) this.apply(answer.value);
    else this.tell(answer.error);
  }

  private apply({ claims, rebuttals, reveal }: PageOpened): void {
    for (const id of [...this.claims.keys(), ...this.rebuttals.keys()]) this.highlighter.erase(id);
    this.claims.clear();
    this.rebuttals.clear();
    for (const claim of claims) this.claims.set(claim.id, claim);
    for (const rebuttal of rebuttals) this.rebuttals.set(rebuttal.id, rebuttal);
    // Watch first, so the index built to place these claims is the one kept up to date afterwards.
    this.watch();
    this.placeClaims(claims);
    this.placeRebuttals(rebuttals);
    if (this.card && !this.claims.has(this.card.id)) this.card = null;
    if (reveal) this.reveal(reveal);
    this.draw();
  }

  /** The text index of the page as it is now: kept up to date while watched, else built afresh. */
  private currentIndex(): TextIndex {
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
  private placeClaims(claims: readonly Claim[]): void {
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

  /** Anchor each rebuttal inside its own comment, so new or re-sorted comments cannot move it. */
  private placeRebuttals(rebuttals: readonly Rebuttal[]): void {
    for (const rebuttal of rebuttals) {
      const comment = this.comments.find(rebuttal.comment);
      if (!comment) continue;
      const [result] = anchorTargets(comment.root, [rebuttal.target]);
      if (result?.kind === 'anchored') this.highlighter.paint(rebuttal.id, result.range, 'rebuttal');
    }
  }

  /** Watch the page for change only while it has notes: pages without them pay nothing. */
  private watch(): void {
    const wanted = this.claims.size > 0;
    if (wanted !== this.watching) {
      this.watching = wanted;
      this.index = null;
      this.changes = [];
      if (wanted) this.watcher.observe(document.body, INDEX_OBSERVER_OPTIONS);
      else this.watcher.disconnect();
    }
    if (wanted) document.addEventListener('mousemove', this.onPointerMove, { passive: true });
    else document.removeEventListener('mousemove', this.onPointerMove);
    const badges = this.rebuttals.size > 0;
    // Badges sit beside text that scrolls; they follow it only while there are any.
    if (badges) {
      window.addEventListener('scroll', this.onViewportChange, { passive: true, capture: true });
      window.addEventListener('resize', this.onViewportChange, { passive: true });
    } else {
      window.removeEventListener('scroll', this.onViewportChange, { capture: true });
      window.removeEventListener('resize', this.onViewportChange);
    }
  }

  /** Say what the highlight under the pointer is; hit-tested once a frame at most. */
  private readonly onPointerMove = (event: MouseEvent): void => {
    if (this.hoverFrame || !event.isTrusted) return;
    const { clientX: x, clientY: y } = event;
    this.hoverFrame = requestAnimationFrame(() => {
      this.hoverFrame = 0;
      const id = this.overlay?.contains(event.target) ? null : this.highlighter.noteAt(x, y);
      const text = id ? this.describeNote(id) : null;
      if (!text && !this.tip) return;
      this.tip = text ? { x, y, text } : null;
      this.draw();
    });
  };

  private describeNote(id: string): string | null {
    const rebuttal = this.rebuttals.get(id);
    if (rebuttal) return `${STANCE_LABELS[rebuttal.stance]} a claim: click to open it`;
    const claim = this.claims.get(id);
    if (!claim) return null;
    const count = this.rebuttalsOf(id).length;
    const rebuttals = count === 0 ? '' : count === 1 ? ' · 1 rebuttal' : ` · ${count} rebuttals`;
    return `${STATUS_LABELS[claim.status]}${rebuttals}: click to open`;
  }

  private readonly onViewportChange = (): void => {
    if (this.badgeFrame) return;
    this.badgeFrame = requestAnimationFrame(() => {
      this.badgeFrame = 0;
      this.draw();
    });
  };

  private scheduleSettle(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), SETTLE_DELAY_MS);
  }

  /**
   * After the page changed: follow a navigation to another article, drop highlights whose text left the
   * page, and look again for the notes not yet found. Runs once per quiet spell, not once per mutation.
   */
  private settle(): void {
    const pageKey = this.keyOfPage();
    if (pageKey !== this.pageKey) {
      this.pageKey = pageKey;
      for (const id of [...this.claims.keys(), ...this.rebuttals.keys()]) this.highlighter.erase(id);
      this.claims.clear();
      this.rebuttals.clear();
      this.card = null;
      void this.load();
      return;
    }
    this.comments.invalidate();
    for (const id of [...this.claims.keys(), ...this.rebuttals.keys()]) {
      const range = this.highlighter.rangeOf(id);
      if (
        range &&
        (!range.startContainer.isConnected || !range.endContainer.isConnected || range.collapsed)
      ) {
        this.highlighter.erase(id);
      }
    }
    const orphans = this.orphans();
    const orphanRebuttals = [...this.rebuttals.values()].filter((r) => !this.highlighter.rangeOf(r.id));
    this.placeClaims(orphans);
    this.placeRebuttals(orphanRebuttals);
    if (orphans.length === 0) {
      // Nothing left to look for: let the index and the records it would need go, rather than pile up.
      this.index = null;
      this.changes = [];
    }
    this.draw();
  }

  private onPointerUp(event: MouseEvent): void {
    if (!event.isTrusted || this.overlay?.contains(event.target)) return;
    // The selection is final only after the browser has handled the mouseup.
    setTimeout(() => this.offerToolbar(), 0);
  }

  private onKeyUp(event: KeyboardEvent): void {
    if (event.isTrusted && event.shiftKey) this.offerToolbar();
  }

  private onSelectionChange(): void {
    const selection = document.getSelection();
    if (this.toolbar && (!selection || selection.isCollapsed)) {
      this.toolbar = null;
      this.draw();
    }
  }

  private onClick(event: MouseEvent): void {
    if (!event.isTrusted || this.overlay?.contains(event.target)) return;
    if (!document.getSelection()?.isCollapsed) return;
    const id = this.highlighter.noteAt(event.clientX, event.clientY);
    const rebuttal = id ? this.rebuttals.get(id) : undefined;
    // From a comment's excerpt, back to the claim it answers.
    if (rebuttal) {
      this.reveal(rebuttal.claimId);
      this.openCard(rebuttal.claimId, false);
    } else if (id) {
      this.openCard(id, false);
    }
  }

  /** Offer the toolbar for the page's current selection, if it holds text. */
  offerToolbar(): void {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (!range.toString().trim() || isEditable(range.commonAncestorContainer)) return;
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    // Only a page with claims can have a passage of a comment answer one.
    const comment =
      this.claims.size > 0 ? this.comments.containing(range.commonAncestorContainer) : undefined;
    this.selection = { range: range.cloneRange(), commentId: comment?.id ?? null };
    this.picker = null;
    this.toolbar = {
      top: Math.min(last.bottom + TOOLBAR_GAP, window.innerHeight - 44),
      left: Math.max(8, Math.min(last.left, window.innerWidth - 500)),
    };
    this.draw();
  }

  private async choose(choice: ToolbarChoice): Promise<void> {
    const range = this.selection?.range;
    this.toolbar = null;
    this.selection = null;
    if (!range) return;
    const target = describeRange(range, document.body, this.currentIndex());
    if (!target) return this.tell('Counterpoint could not read the selected text. Try selecting it again.');
    const proposal: NewClaim = {
      id: newId(),
      pageKey: this.pageKey,
      url: currentUrl(),
      title: document.title,
      target,
      status: choice === 'note' ? 'highlight' : choice,
      note: '',
      tags: [],
    };
    const now = new Date().toISOString();
    const claim: Claim = { ...proposal, created: now, modified: now };
    // Paint at once; storage confirms a moment later, or the highlight goes and the reader is told why.
    this.claims.set(claim.id, claim);
    this.highlighter.paint(claim.id, range, claim.status);
    document.getSelection()?.removeAllRanges();
    if (choice === 'highlight') this.draw();
    else this.openCard(claim.id, true);
    const answer = await this.ask('claim.create', { claim: proposal });
    if (answer.ok) {
      this.claims.set(claim.id, answer.value);
      this.watch();
      this.draw();
    } else {
      this.claims.delete(claim.id);
      this.highlighter.erase(claim.id);
      if (this.card?.id === claim.id) this.card = null;
      this.tell(answer.error);
    }
  }

  /** "Rebuts…" on a passage of a comment: ask which claim it answers. */
  private answer(stance: RebuttalStance): void {
    if (!this.toolbar) return;
    this.picker = { ...this.toolbar, stance };
    this.toolbar = null;
    this.draw();
  }

  private async attachExcerpt(claimId: string, stance: RebuttalStance): Promise<void> {
    const selection = this.selection;
    this.picker = null;
    this.selection = null;
    const comment = selection?.commentId ? this.comments.byId(selection.commentId) : undefined;
    const target = comment && selection ? describeRange(selection.range, comment.root) : null;
    document.getSelection()?.removeAllRanges();
    if (!comment || !target)
      return this.tell('Counterpoint could not read the selected passage of the comment.');
    await this.attach({ id: newId(), claimId, comment: commentRefOf(comment), target, stance, note: '' });
  }

  private async attachComment(claimId: string, commentId: string, stance: RebuttalStance): Promise<void> {
    const comment = this.comments.byId(commentId);
    const target = comment ? wholeCommentTarget(comment) : null;
    if (!comment || !target) return this.tell('Counterpoint could not read that comment any more.');
    await this.attach({ id: newId(), claimId, comment: commentRefOf(comment), target, stance, note: '' });
  }

  private async attach(proposal: NewRebuttal): Promise<void> {
    const answer = await this.ask('rebuttal.create', { rebuttal: proposal });
    if (!answer.ok) return this.tell(answer.error);
    this.rebuttals.set(answer.value.id, answer.value);
    this.placeRebuttals([answer.value]);
    this.watch();
    if (!this.card) this.openCard(proposal.claimId, false);
    else this.draw();
  }

  private async removeRebuttal(rebuttal: Rebuttal): Promise<void> {
    const answer = await this.ask('rebuttal.delete', { id: rebuttal.id });
    if (!answer.ok) return this.tell(answer.error);
    this.rebuttals.delete(rebuttal.id);
    this.highlighter.erase(rebuttal.id);
    this.watch();
    this.draw();
  }

  private openCard(id: string, focusNote: boolean): void {
    this.flushSave();
    this.card = { id, focusNote };
    this.problem = null;
    this.draw();
  }

  private change(changes: ClaimChanges): void {
    const claim = this.card && this.claims.get(this.card.id);
    if (!claim) return;
    const updated = { ...claim, ...changes };
    this.claims.set(claim.id, updated);
    if (changes.status) {
      const range = this.highlighter.rangeOf(claim.id);
      if (range) this.highlighter.paint(claim.id, range, changes.status);
    }
    this.pendingChanges = { ...this.pendingChanges, ...changes };
    clearTimeout(this.saveTimer);
    // A status is a single deliberate choice: save it now. Typing is saved once the reader pauses.
    this.saveTimer = setTimeout(() => this.flushSave(), changes.status ? 0 : SAVE_DELAY_MS);
    this.draw();
  }

  private flushSave(): void {
    clearTimeout(this.saveTimer);
    const id = this.card?.id;
    const changes = this.pendingChanges;
    this.pendingChanges = {};
    if (!id || Object.keys(changes).length === 0) return;
    void this.ask('claim.update', { id, changes }).then((answer) => {
      if (answer.ok) this.claims.set(id, { ...answer.value, ...this.pendingChanges });
      else this.problem = answer.error;
      this.draw();
    });
  }

  private async deleteOpenClaim(): Promise<void> {
    const id = this.card?.id;
    if (!id) return;
    clearTimeout(this.saveTimer);
    this.pendingChanges = {};
    const answer = await this.ask('claim.delete', { id });
    if (!answer.ok) return this.tell(answer.error);
    this.claims.delete(id);
    this.highlighter.erase(id);
    for (const rebuttal of this.rebuttalsOf(id)) {
      this.rebuttals.delete(rebuttal.id);
      this.highlighter.erase(rebuttal.id);
    }
    this.card = null;
    this.watch();
    this.draw();
  }

  private closeCard(): void {
    this.flushSave();
    this.card = null;
    this.problem = null;
    this.draw();
  }

  /** Scroll to a note's highlight and flash it; false when this page does not show that note. */
  private reveal(id: string): boolean {
    const range = this.highlighter.rangeOf(id);
    if (!range) return false;
    const element = range.startContainer.parentElement;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'instant' });
    this.highlighter.flash(id);
    return true;
  }

  private tell(problem: string): void {
    this.problem = problem;
    this.draw();
  }

  private rebuttalsOf(claimId: string): Rebuttal[] {
    return [...this.rebuttals.values()].filter((rebuttal) => rebuttal.claimId === claimId);
  }

  /** Claims whose text is not on the page as it is now. */
  private orphans(): Claim[] {
    return [...this.claims.values()].filter((claim) => !this.highlighter.rangeOf(claim.id));
  }

  /** A count beside each claim that has rebuttals, at the end of its highlighted text. */
  private badges(): RebuttalBadge[] {
    const counts = new Map<string, number>();
    for (const rebuttal of this.rebuttals.values()) {
      counts.set(rebuttal.claimId, (counts.get(rebuttal.claimId) ?? 0) + 1);
    }
    return [...counts].flatMap(([claimId, count]) => {
      const rects = this.highlighter.rangeOf(claimId)?.getClientRects();
      const last = rects?.[rects.length - 1];
      if (!last || last.bottom < 0 || last.top > window.innerHeight) return [];
      return [{ claimId, count, top: last.top - 6, left: last.right + 2 }];
    });
  }

  /** The comments most likely to answer `claim`, among those not attached yet; redrawn cards reuse them. */
  private suggestionsFor(claim: Claim, open: ReadonlyMap<string, unknown>): Suggestion[] {
    const key = `${claim.id} ${this.comments.generation} ${[...open.keys()].join(' ')}`;
    if (this.suggested?.key !== key) {
      const candidates = this.comments.all().filter((comment) => open.has(comment.id));
      this.suggested = {
        key,
        suggestions: suggestRebuttals(claim.target.quote.exact, candidates, SUGGESTIONS),
      };
    }
    return this.suggested.suggestions;
  }

  private cardProps(claim: Claim, focusNote: boolean): ClaimCardProps {
    const rebuttals = this.rebuttalsOf(claim.id);
    const attached = new Set(rebuttals.map((rebuttal) => rebuttal.comment.permalink));
    const comments = this.comments.all().map((comment) => ({
      id: comment.id,
      author: comment.author,
      posted: comment.posted,
      firstLine: firstLine(comment),
      ref: commentRefOf(comment).permalink,
    }));
    const open = comments.filter((comment) => !attached.has(comment.ref));
    const byId = new Map(open.map((comment) => [comment.id, comment]));
    const suggestions = this.suggestionsFor(claim, byId).flatMap((suggestion) => {
      const comment = byId.get(suggestion.commentId);
      return comment ? [{ ...comment, reasons: suggestion.reasons }] : [];
    });
    return {
      claim,
      anchored: !!this.highlighter.rangeOf(claim.id),
      focusNote,
      problem: this.problem,
      rebuttals,
      orphanRebuttals: new Set(rebuttals.filter((r) => !this.highlighter.rangeOf(r.id)).map((r) => r.id)),
      comments,
      suggestions,
      onChange: (changes) => this.change(changes),
      onAttach: (commentId, stance) => void this.attachComment(claim.id, commentId, stance),
      onShowRebuttal: (rebuttal) => {
        if (!this.reveal(rebuttal.id)) this.tell('That comment is not on this page any more.');
      },
      onRemoveRebuttal: (rebuttal) => void this.removeRebuttal(rebuttal),
      onDelete: () => void this.deleteOpenClaim(),
      onClose: () => this.closeCard(),
      onOpenNotes: () => void this.ask('notes.open', { pageKey: this.pageKey }),
    };
  }

  /** Render the overlay from the current state, creating it the first time there is something to show. */
  private draw(): void {
    const claim = this.card ? this.claims.get(this.card.id) : undefined;
    const orphans = this.orphans();
    const badges = this.badges();
    const showing =
      this.toolbar || this.picker || this.tip || claim || this.problem || orphans.length || badges.length;
    if (!this.overlay && !showing) return;
    this.overlay ??= createOverlay();
    const selection = this.selection;
    render(
      h(Overlay, {
        toolbar: this.toolbar && {
          ...this.toolbar,
          inComment: !!selection?.commentId,
          onChoose: (choice) => void this.choose(choice),
          onAnswer: (stance) => this.answer(stance),
        },
        picker: this.picker && {
          ...this.picker,
          claims: [...this.claims.values()],
          onPick: (picked) => void this.attachExcerpt(picked.id, this.picker?.stance ?? 'rebuts'),
          onCancel: () => {
            this.picker = null;
            this.draw();
          },
        },
        tip: this.tip,
        card: claim && this.card ? this.cardProps(claim, this.card.focusNote) : null,
        badges: { badges, onOpen: (claimId) => this.openCard(claimId, false) },
        orphans: { orphans, onOpen: (opened) => this.openCard(opened.id, false) },
        problem: this.problem,
      }),
      this.overlay.container,
    );
  }
}

/** The URL as the reader sees it, without its fragment. */
function currentUrl(): string {
  return location.href.split('#')[0] ?? '';
}

/** Selections inside form fields and editors are the reader's own writing, not the article. */
function isEditable(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return !!element?.closest('input, textarea, [contenteditable=""], [contenteditable="true"]');
}
