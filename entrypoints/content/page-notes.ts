/**
 * The reader's notes on the page in this tab: loads them once, paints them, turns selections into claims,
 * and keeps the open card in step with storage. Pages without notes cost one message and no DOM writes;
 * the overlay is built only when the reader selects text or opens a card.
 */
import { h, render } from 'preact';
import type { ToolbarChoice } from '../../components/SelectionToolbar';
import { anchorTargets, describeRange } from '../../core/anchoring';
import { Highlighter } from '../../core/highlighter';
import type { Claim } from '../../core/model';
import { pageKeyFor } from '../../core/page-key';
import type { ClaimChanges, Message, NewClaim, Result, TabRequests } from '../../core/protocol';
import { ask } from '../../messaging/send';
import { createOverlay, type Overlay as OverlayHost } from './overlay';
import { Overlay } from './Overlay';

/** How long the page must be quiet before notes are placed again after it changed. */
const SETTLE_DELAY_MS = 250;
/** How long the reader may pause typing before a note is saved. */
const SAVE_DELAY_MS = 400;
/** Gap between the selection and the toolbar, in CSS pixels. */
const TOOLBAR_GAP = 8;

export class PageNotes {
  private readonly highlighter = new Highlighter();
  private readonly claims = new Map<string, Claim>();
  private overlay: OverlayHost | null = null;
  private selection: Range | null = null;
  private toolbar: { top: number; left: number } | null = null;
  private card: { id: string; focusNote: boolean } | null = null;
  private problem: string | null = null;
  private pendingChanges: ClaimChanges = {};
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly watcher = new MutationObserver(() => this.scheduleSettle());
  private watching = false;
  private pageKey = currentPageKey();

  /** Load this page's notes and start listening to the reader. */
  async start(): Promise<void> {
    document.addEventListener('mouseup', (event) => this.onPointerUp(event));
    document.addEventListener('keyup', (event) => this.onKeyUp(event));
    document.addEventListener('selectionchange', () => this.onSelectionChange());
    document.addEventListener('click', (event) => this.onClick(event));
    // Single-page sites change article without a load; a new URL may mean a new page key.
    window.addEventListener('popstate', () => this.scheduleSettle());
    (window as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', () =>
      this.scheduleSettle(),
    );
    await this.load();
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
    const answer = await ask('page.open', { pageKey: this.pageKey, url: location.href.split('#')[0] ?? '' });
    if (!answer.ok) return this.tell(answer.error);
    const { claims, reveal } = answer.value;
    for (const id of this.claims.keys()) {
      if (!claims.some((claim) => claim.id === id)) this.highlighter.erase(id);
    }
    this.claims.clear();
    for (const claim of claims) this.claims.set(claim.id, claim);
    this.place(claims);
    if (this.card && !this.claims.has(this.card.id)) this.card = null;
    if (reveal) this.reveal(reveal);
    this.watch();
    this.draw();
  }

  /** Anchor `claims` over the page as it is now and paint those found. */
  private place(claims: readonly Claim[]): void {
    if (claims.length === 0) return;
    const results = anchorTargets(
      document.body,
      claims.map((claim) => claim.target),
    );
    claims.forEach((claim, i) => {
      const result = results[i];
      if (result?.kind === 'anchored') this.highlighter.paint(claim.id, result.range, claim.status);
    });
  }

  /** Watch the page for change only while it has notes: pages without them pay nothing. */
  private watch(): void {
    const wanted = this.claims.size > 0;
    if (wanted === this.watching) return;
    this.watching = wanted;
    if (wanted) this.watcher.observe(document.body, { childList: true, subtree: true, characterData: true });
    else this.watcher.disconnect();
  }

  private scheduleSettle(): void {
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), SETTLE_DELAY_MS);
  }

  /**
   * After the page changed: follow a navigation to another article, drop highlights whose text left the
   * page, and look again for the notes not yet found. Runs once per quiet spell, not once per mutation.
   */
  private settle(): void {
    const pageKey = currentPageKey();
    if (pageKey !== this.pageKey) {
      this.pageKey = pageKey;
      for (const id of this.claims.keys()) this.highlighter.erase(id);
      this.claims.clear();
      this.card = null;
      void this.load();
      return;
    }
    for (const id of this.claims.keys()) {
      const range = this.highlighter.rangeOf(id);
      if (
        range &&
        (!range.startContainer.isConnected || !range.endContainer.isConnected || range.collapsed)
      ) {
        this.highlighter.erase(id);
      }
    }
    const orphans = this.orphans();
    if (orphans.length === 0) return;
    this.place(orphans);
    if (this.orphans().length !== orphans.length) this.draw();
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
      this.selection = null;
      this.draw();
    }
  }

  private onClick(event: MouseEvent): void {
    if (!event.isTrusted || this.overlay?.contains(event.target)) return;
    if (!document.getSelection()?.isCollapsed) return;
    const id = this.highlighter.claimAt(event.clientX, event.clientY);
    if (id) this.openCard(id, false);
  }

  private offerToolbar(): void {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return;
    const range = selection.getRangeAt(0);
    if (!range.toString().trim() || isEditable(range.commonAncestorContainer)) return;
    const rects = range.getClientRects();
    const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
    this.selection = range.cloneRange();
    this.toolbar = {
      top: Math.min(last.bottom + TOOLBAR_GAP, window.innerHeight - 44),
      left: Math.max(8, Math.min(last.left, window.innerWidth - 420)),
    };
    this.draw();
  }

  private async choose(choice: ToolbarChoice): Promise<void> {
    const range = this.selection;
    this.toolbar = null;
    this.selection = null;
    if (!range) return;
    const target = describeRange(range, document.body);
    if (!target) return this.tell('Counterpoint could not read the selected text. Try selecting it again.');
    const proposal: NewClaim = {
      id: `urn:uuid:${crypto.randomUUID()}`,
      pageKey: this.pageKey,
      url: location.href.split('#')[0] ?? '',
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
    const answer = await ask('claim.create', { claim: proposal });
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
    void ask('claim.update', { id, changes }).then((answer) => {
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
    const answer = await ask('claim.delete', { id });
    if (!answer.ok) return this.tell(answer.error);
    this.claims.delete(id);
    this.highlighter.erase(id);
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

  /** Scroll to a claim's highlight and flash it; false when this page does not show that claim. */
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

  /** Claims whose text is not on the page as it is now. */
  private orphans(): Claim[] {
    return [...this.claims.values()].filter((claim) => !this.highlighter.rangeOf(claim.id));
  }

  /** Render the overlay from the current state, creating it the first time there is something to show. */
  private draw(): void {
    const claim = this.card ? this.claims.get(this.card.id) : undefined;
    const orphans = this.orphans();
    if (!this.overlay && !this.toolbar && !claim && !this.problem && orphans.length === 0) return;
    this.overlay ??= createOverlay();
    render(
      h(Overlay, {
        toolbar: this.toolbar,
        card:
          claim && this.card
            ? { claim, anchored: !!this.highlighter.rangeOf(claim.id), focusNote: this.card.focusNote }
            : null,
        problem: this.problem,
        orphans,
        onChoose: (choice) => void this.choose(choice),
        onOpenClaim: (opened) => this.openCard(opened.id, false),
        onChange: (changes) => this.change(changes),
        onDelete: () => void this.deleteOpenClaim(),
        onCloseCard: () => this.closeCard(),
        onOpenNotes: () => void ask('notes.open', { pageKey: this.pageKey }),
      }),
      this.overlay.container,
    );
  }
}

/** The page key of the document as it is now: its URL and canonical link may change without a load. */
function currentPageKey(): string {
  return pageKeyFor(
    location.href,
    document.querySelector('link[rel~="canonical"]')?.getAttribute('href') ?? null,
  );
}

/** Selections inside form fields and editors are the reader's own writing, not the article. */
function isEditable(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return !!element?.closest('input, textarea, [contenteditable=""], [contenteditable="true"]');
}
