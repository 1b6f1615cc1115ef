/**
 * The reader's notes on the page in this tab: loads them once, turns selections into claims and rebuttals,
 * and keeps the overlay and the claim card in step with them. The parts live beside it: where notes are
 * (`note-placement.ts`), what the reader does (`reader-input.ts`), the card's frame (`card-frame.ts`) and
 * what it shows (`card-view.ts`). The card saves what the reader types itself; this side never sees it.
 */
import { h, render } from 'preact';
import { STANCE_LABELS, STATUS_LABELS } from '../../core/labels';
import type { HoverTipProps } from '../../components/HoverTip';
import type { RebuttalBadge } from '../../components/RebuttalBadges';
import type { ToolbarChoice } from '../../components/SelectionToolbar';
import { describeRange } from '../../core/anchoring';
import type { ColorScheme } from '../../core/color-scheme';
import type { FromCard } from '../../core/card-channel';
import { commentRefOf } from '../../core/comments/comment-ref';
import { passageTarget, wholeCommentTarget } from '../../core/comments/comment-target';
import { newId } from '../../core/ids';
import type { Claim, ClaimStatus, Rebuttal, RebuttalStance } from '../../core/model';
import { urlWithoutFragment } from '../../core/page-key';
import {
  isReaderCommand,
  type ContentRequests,
  type Message,
  type NewClaim,
  type NewRebuttal,
  type ReaderCommand,
  type Result,
  type TabRequests,
} from '../../core/protocol';
import type { Ask } from '../../messaging/send';
import { CardFrame, type CardLinks } from './card-frame';
import { CardViews } from './card-view';
import { FrameComments } from './frame-comments';
import { NotePlacement } from './note-placement';
import { PlacementReports } from './placement-reports';
import { createOverlay, type Overlay as OverlayHost } from './overlay-host';
import { Overlay } from './Overlay';
import { onPreferredSchemeChange, readPageScheme } from './page-scheme';
import { ReaderInput } from './reader-input';

/** Gap between the selection and the toolbar, in CSS pixels. */
const TOOLBAR_GAP = 8;

/** The status each marking command gives the selection. */
const MARKS: Record<Exclude<ReaderCommand, 'focus-bar'>, ClaimStatus> = {
  'mark-contested': 'contested',
  'mark-supported': 'supported',
  'mark-needs-source': 'needs-source',
  'mark-highlight': 'highlight',
};

/** How much of a quote the note stepper names. */
const STEP_QUOTE_CHARS = 60;

/** What the background answers a page that opens its notes. */
export type PageOpened = ContentRequests['page.open']['answer'];

export class PageNotes {
  /**
   * @param ask the content script's sender to the background,
   * @param keyOfPage its reading of the page's key, and
   * @param links its way to open the card's channel: handed over so that this script carries no second copy
   *   of the extension API layer or of the page-key rules.
   */
  constructor(
    private readonly ask: Ask,
    private readonly keyOfPage: () => string,
    private readonly links: CardLinks,
  ) {
    this.pageKey = keyOfPage();
    this.reports = new PlacementReports(ask);
    this.frames = new FrameComments(ask, () => this.draw());
    this.cardViews = new CardViews(this.comments, this.frames);
  }

  private readonly placement = new NotePlacement(() => this.settle());
  private readonly reports: PlacementReports;
  private readonly highlighter = this.placement.highlighter;
  private readonly comments = this.placement.comments;
  /** The comments of the tab's comment widget frames, and the excerpts taken from them. */
  private readonly frames: FrameComments;
  private readonly cardViews: CardViews;
  private readonly input = new ReaderInput({
    onSelection: () => void this.offerToolbar(),
    onSelectionGone: () => {
      // Firefox clears the page's selection when the keyboard moves to the toolbar; the toolbar keeps its copy.
      if (!this.toolbar || this.overlay?.contains(document.activeElement)) return;
      this.toolbar = null;
      this.drawOverlay();
    },
    onClick: (x, y) => this.onClick(x, y),
    onHover: (x, y, target) => this.onHover(x, y, target),
    onViewportChange: () => this.drawOverlay(),
    onNavigation: () => this.placement.scheduleSettle(),
    inOverlay: (target) => !!this.overlay?.contains(target),
  });
  private readonly claims = new Map<string, Claim>();
  private readonly rebuttals = new Map<string, Rebuttal>();
  /** Claims painted at once but not yet stored by the background. */
  private readonly unstored = new Set<string>();
  /** Those of them the card is to store (see `CardView.create`). */
  private readonly createdByCard = new Set<string>();
  private overlay: OverlayHost | null = null;
  private cardFrame: CardFrame | null = null;
  private selection: { range: Range; commentId: string | null } | null = null;
  private toolbar: { top: number; left: number } | null = null;
  /** The note not found on this page that the reader's next selection is to carry, if any. */
  private reattaching: string | null = null;
  private picker: { top: number; left: number; stance: RebuttalStance } | null = null;
  /** The open card; `focus` hands it the keyboard on its next showing. */
  private card: { id: string; focusNote: boolean; focus: boolean } | null = null;
  private problem: string | null = null;
  private tip: HoverTipProps | null = null;
  /** The note the stepper shows, while the reader steps through the page's notes by keyboard. */
  private stepper: { id: string } | null = null;
  /** Where the keyboard was in the page before Counterpoint took it, to give it back there. */
  private returnFocus: Element | null = null;
  private pageKey: string;

  /**
   * Start listening to the reader, with the page's notes when the content script has already fetched
   * them, else after fetching them.
   */
  async start(opened: PageOpened | null): Promise<void> {
    this.input.start();
    onPreferredSchemeChange(() => this.draw());
    if (opened) this.apply(opened);
    else await this.load();
    // Comment widget frames that loaded before this interface went quiet; they send their comments again.
    void this.ask('frames.read', {});
  }

  /** Answer the background and the popup. */
  handle(message: Message<TabRequests>): Result<unknown> | Promise<Result<unknown>> {
    switch (message.type) {
      case 'tab.describe':
        return {
          ok: true,
          value: {
            pageKey: this.pageKey,
            title: document.title,
            orphans: this.orphans().map((c) => c.id),
            changed: [...this.claims.values()]
              .filter((claim) => this.offeredChange(claim) !== null)
              .map((claim) => claim.id),
          },
        };
      case 'tab.reveal':
        return { ok: true, value: this.placement.reveal(message.payload.id) };
      case 'tab.refresh':
        if (message.payload.pageKey === this.pageKey) void this.load();
        return { ok: true, value: null };
      case 'tab.frame-comments':
        this.frames.receive(message.payload);
        void this.frames.show([...this.rebuttals.values()], message.payload.frameId);
        return { ok: true, value: true };
      case 'tab.command':
        return this.command(message.payload.command);
    }
  }

  /** A shortcut or a context-menu entry the reader chose in the browser (issue 13). */
  private async command(command: ReaderCommand): Promise<Result<boolean>> {
    if (!isReaderCommand(command)) return { ok: false, error: 'Counterpoint does not know that command.' };
    this.keepFocusToReturn();
    if (command === 'focus-bar') return { ok: true, value: await this.focusBar() };
    if (!readableSelection()) {
      this.tell('Select the passage to mark first, then choose the command again.');
      return { ok: true, value: false };
    }
    await this.offerToolbar();
    if (!this.selection) return { ok: true, value: false };
    this.choose(MARKS[command]);
    return { ok: true, value: true };
  }

  /**
   * Move the keyboard to Counterpoint's bar: the toolbar when text is selected, else the stepper through the
   * page's notes, from the first one at or below the top of the window.
   */
  private async focusBar(): Promise<boolean> {
    if (readableSelection()) {
      await this.offerToolbar();
      const focused = this.focusInOverlay('.toolbar button');
      // Shown again where the browser cleared it on the move, so that the reader sees what the bar marks.
      const selection = document.getSelection();
      if (this.selection && selection?.isCollapsed) selection.addRange(this.selection.range.cloneRange());
      return focused;
    }
    const notes = this.notesInOrder();
    if (notes.length === 0) {
      this.tell('Select a passage first: Counterpoint’s bar offers its statuses for a selection.');
      return false;
    }
    const first = notes.find(({ range }) => range.getBoundingClientRect().bottom > 0) ?? notes[0];
    if (first) this.stepTo(first.id);
    return this.focusInOverlay('.stepper button.step-next');
  }

  /** The notes the page shows, in the order of its text. */
  private notesInOrder(): { id: string; range: Range }[] {
    return [...this.claims.keys()]
      .flatMap((id) => {
        const range = this.highlighter.rangeOf(id);
        return range ? [{ id, range }] : [];
      })
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  private stepTo(id: string): void {
    this.stepper = { id };
    this.placement.reveal(id);
    this.drawOverlay();
  }

  private step(by: 1 | -1): void {
    const notes = this.notesInOrder();
    if (notes.length === 0) return this.leaveBar();
    const at = notes.findIndex(({ id }) => id === this.stepper?.id);
    const next = notes[(at + by + notes.length) % notes.length];
    if (next) this.stepTo(next.id);
  }

  /**
   * Focus the overlay's first element matching `selector`, with its focus ring: the reader came by keyboard.
   * False when there is none.
   */
  private focusInOverlay(selector: string): boolean {
    const element = this.overlay?.container.querySelector<HTMLElement>(selector);
    element?.focus({ focusVisible: true } as FocusOptions);
    return !!element;
  }

  /** Remember where the page's keyboard focus is, unless Counterpoint holds it already. */
  private keepFocusToReturn(): void {
    const active = document.activeElement;
    if (!this.overlay?.contains(active)) this.returnFocus = active;
  }

  /** Escape on a bar: close it and give the keyboard back to the page. */
  private leaveBar(): void {
    this.toolbar = null;
    this.stepper = null;
    this.drawOverlay();
    this.returnToPage();
  }

  /** Give the keyboard back to the page, where it was before Counterpoint took it. */
  private returnToPage(): void {
    const back = this.returnFocus;
    this.returnFocus = null;
    this.overlay?.releaseFocus();
    if (back instanceof HTMLElement && back !== document.body && back.isConnected) {
      back.focus({ preventScroll: true });
    }
  }

  private async load(): Promise<void> {
    const answer = await this.ask('page.open', {
      pageKey: this.pageKey,
      url: urlWithoutFragment(location.href),
    });
    if (answer.ok) this.apply(answer.value);
    else this.tell(answer.error);
  }

  private apply({ claims, rebuttals, placements, reveal }: PageOpened): void {
    this.forget();
    for (const claim of claims) this.claims.set(claim.id, claim);
    for (const rebuttal of rebuttals) this.rebuttals.set(rebuttal.id, rebuttal);
    this.reports.reset(placements);
    // Watch first, so the index built to place these claims is the one kept up to date afterwards.
    this.follow();
    this.placement.placeClaims(claims);
    this.placement.placeRebuttals(rebuttals);
    void this.frames.show(rebuttals);
    this.reportPlacements();
    if (this.card && !this.claims.has(this.card.id)) this.card = null;
    if (reveal) this.placement.reveal(reveal);
    this.draw();
  }

  /** Drop every note this page shows, keeping those the reader is making now. */
  private forget(): void {
    this.reports.cancel();
    for (const id of [...this.claims.keys(), ...this.rebuttals.keys()]) {
      if (!this.unstored.has(id)) this.highlighter.erase(id);
    }
    for (const id of this.claims.keys()) if (!this.unstored.has(id)) this.claims.delete(id);
    this.rebuttals.clear();
  }

  /** Watch the page, the pointer and the scrolling only while there is something to follow. */
  private follow(): void {
    const hasClaims = this.claims.size > 0;
    this.placement.watch(hasClaims);
    this.input.followPointer(hasClaims);
    // Badges sit beside text that scrolls; they follow it only while there are any.
    this.input.followViewport(this.rebuttals.size > 0);
  }

  /**
   * After the page changed: follow a navigation to another article, else look again for the notes not yet
   * found. Runs once per quiet spell, not once per mutation.
   */
  private settle(): void {
    const pageKey = this.keyOfPage();
    if (pageKey !== this.pageKey) {
      this.pageKey = pageKey;
      this.unstored.clear();
      this.createdByCard.clear();
      this.forget();
      this.card = null;
      void this.load();
      return;
    }
    this.placement.replace([...this.claims.values()], [...this.rebuttals.values()]);
    this.reportPlacements();
    this.draw();
  }

  /** Tell the background, once the page has settled, how this visit places the claims it has stored. */
  private reportPlacements(): void {
    const stored = [...this.claims.values()].filter((claim) => !this.unstored.has(claim.id));
    this.reports.found(
      this.pageKey,
      stored.map((claim) => this.placement.outcomeOf(claim)),
    );
  }

  /** The changed text the card shows the reader, unless they kept the quote as marked against it. */
  private offeredChange(claim: Claim): string | null {
    const text = this.placement.changedText(claim);
    return text !== null && !this.reports.kept(claim.id, text) ? text : null;
  }

  private onHover(x: number, y: number, target: EventTarget | null): void {
    const id = this.overlay?.contains(target) ? null : this.highlighter.noteAt(x, y);
    const about = id ? this.describeNote(id) : null;
    if (!about && !this.tip) return;
    this.tip = about ? { x, y, ...about } : null;
    this.drawOverlay();
  }

  /** What the hover tip says of a note: what it is, under the line that marks it on the page, and more. */
  private describeNote(id: string): Pick<HoverTipProps, 'mark' | 'label' | 'detail'> | null {
    const rebuttal = this.rebuttals.get(id);
    if (rebuttal) {
      return {
        mark: 'rebuttal',
        label: STANCE_LABELS[rebuttal.stance],
        detail: ' a claim: click to open it',
      };
    }
    const claim = this.claims.get(id);
    if (!claim) return null;
    const count = this.rebuttalsOf(id).length;
    const rebuttals = count === 0 ? '' : count === 1 ? ' · 1 rebuttal' : ` · ${count} rebuttals`;
    return { mark: claim.status, label: STATUS_LABELS[claim.status], detail: `${rebuttals}: click to open` };
  }

  private onClick(x: number, y: number): void {
    const id = this.highlighter.noteAt(x, y);
    const rebuttal = id ? this.rebuttals.get(id) : undefined;
    // From a comment's excerpt, back to the claim it answers.
    if (rebuttal) {
      this.placement.reveal(rebuttal.claimId);
      this.openCard(rebuttal.claimId, false);
    } else if (id) {
      this.openCard(id, false);
    }
  }

  /** The overlay and the card's frame, made the first time there is something to show. */
  private ensureOverlay(): { overlay: OverlayHost; cardFrame: CardFrame } {
    this.overlay ??= createOverlay();
    this.cardFrame ??= new CardFrame(this.overlay.frameParent, this.links, (action) =>
      this.onCardAction(action),
    );
    return { overlay: this.overlay, cardFrame: this.cardFrame };
  }

  /** Offer the toolbar for the page's current selection, if it holds text. */
  async offerToolbar(): Promise<void> {
    if (!readableSelection()) return;
    // The card must be able to take the keyboard, for a new note, the moment the reader presses a status.
    const { cardFrame } = this.ensureOverlay();
    await cardFrame.ready;
    await cardFrame.arm();
    const range = readableSelection();
    if (!range) return;
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
    this.drawOverlay();
  }

  /** Mark the selection. Runs within the reader's click, so the card can take the keyboard at once. */
  private choose(choice: ToolbarChoice): void {
    const range = this.selection?.range;
    this.toolbar = null;
    this.selection = null;
    if (!range) return;
    const target = describeRange(range, document.body, this.placement.currentIndex());
    if (!target) return this.tell('Counterpoint could not read the selected text. Try selecting it again.');
    const proposal: NewClaim = {
      id: newId(),
      pageKey: this.pageKey,
      url: urlWithoutFragment(location.href),
      title: document.title,
      target,
      status: choice === 'note' ? 'highlight' : choice,
      note: '',
      tags: [],
    };
    const now = new Date().toISOString();
    // Paint at once; storage confirms a moment later, or the highlight goes and the reader is told why.
    this.claims.set(proposal.id, { ...proposal, created: now, modified: now });
    this.unstored.add(proposal.id);
    this.highlighter.paint(proposal.id, range, proposal.status);
    document.getSelection()?.removeAllRanges();
    if (choice !== 'highlight') {
      // The card stores the claim, ahead of the note the reader is about to type into it.
      this.createdByCard.add(proposal.id);
      return this.openCard(proposal.id, true);
    }
    this.draw();
    void this.ask('claim.create', { claim: proposal }).then((answer) =>
      answer.ok ? this.created(answer.value) : this.notCreated(proposal.id, answer.error),
    );
  }

  /** The background stored a claim the reader has just made. */
  private created(claim: Claim): void {
    this.unstored.delete(claim.id);
    this.createdByCard.delete(claim.id);
    // The card may have saved a note meanwhile: the newer copy stays.
    const current = this.claims.get(claim.id);
    if (!current || current.modified <= claim.modified) this.claims.set(claim.id, claim);
    this.follow();
    this.draw();
  }

  private notCreated(id: string, problem: string): void {
    this.unstored.delete(id);
    this.createdByCard.delete(id);
    this.claims.delete(id);
    this.highlighter.erase(id);
    if (this.card?.id === id) this.card = null;
    this.tell(problem);
  }

  /** "Rebuts…" on a passage of a comment: ask which claim it answers. */
  private answer(stance: RebuttalStance): void {
    if (!this.toolbar) return;
    this.picker = { ...this.toolbar, stance };
    this.toolbar = null;
    this.drawOverlay();
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

  /**
   * Attach a comment, or the passage of it that a suggestion proposed, to a claim. A comment in a widget's frame is
   * attached whole: its passages are not read from the page.
   */
  private async attachComment(
    claimId: string,
    commentId: string,
    stance: RebuttalStance,
    excerpt?: string,
  ): Promise<void> {
    const framed = this.frames.byKey(commentId);
    if (framed) {
      const target = await this.frames.target(framed);
      if (!target) return this.tell('Counterpoint could not read that comment in its frame any more.');
      const comment = this.frames.refOf(framed);
      return this.attach({ id: newId(), claimId, comment, target, stance, note: '' });
    }
    const comment = this.comments.byId(commentId);
    const target = !comment ? null : excerpt ? passageTarget(comment, excerpt) : wholeCommentTarget(comment);
    if (!comment || !target) return this.tell('Counterpoint could not read that comment any more.');
    await this.attach({ id: newId(), claimId, comment: commentRefOf(comment), target, stance, note: '' });
  }

  private async attach(proposal: NewRebuttal): Promise<void> {
    const answer = await this.ask('rebuttal.create', { rebuttal: proposal });
    if (!answer.ok) return this.tell(answer.error);
    this.rebuttals.set(answer.value.id, answer.value);
    this.placement.placeRebuttals([answer.value]);
    if (answer.value.comment.frame) void this.frames.show([...this.rebuttals.values()]);
    this.follow();
    if (!this.card) this.openCard(proposal.claimId, false);
    else this.draw();
  }

  private async removeRebuttal(id: string): Promise<void> {
    const answer = await this.ask('rebuttal.delete', { id });
    if (!answer.ok) return this.tell(answer.error);
    const removed = this.rebuttals.get(id);
    this.rebuttals.delete(id);
    this.highlighter.erase(id);
    if (removed?.comment.frame) void this.frames.show([...this.rebuttals.values()]);
    this.follow();
    this.draw();
  }

  private async deleteClaim(id: string): Promise<void> {
    const answer = await this.ask('claim.delete', { id });
    if (!answer.ok) return this.tell(answer.error);
    this.claims.delete(id);
    this.highlighter.erase(id);
    const rebuttals = this.rebuttalsOf(id);
    for (const rebuttal of rebuttals) {
      this.rebuttals.delete(rebuttal.id);
      this.highlighter.erase(rebuttal.id);
    }
    if (rebuttals.some((rebuttal) => rebuttal.comment.frame))
      void this.frames.show([...this.rebuttals.values()]);
    if (this.card?.id === id) this.card = null;
    this.follow();
    this.draw();
  }

  /** Describe the claim again where it is placed now, so that its quote is the text as the page reads today. */
  private async acceptText(id: string): Promise<void> {
    const range = this.highlighter.rangeOf(id);
    const target = range && describeRange(range, document.body, this.placement.currentIndex());
    if (!target) return this.tell('Counterpoint could not read the passage as it is now.');
    const answer = await this.ask('claim.update', { id, changes: { target } });
    if (!answer.ok) return this.tell(answer.error);
    this.claims.set(id, answer.value);
    this.reports.placedAsMarked(id);
    this.reportPlacements();
    this.draw();
  }

  /** Keep the quote as the reader marked it against the text the page reads now, for later visits too. */
  private async keepText(id: string): Promise<void> {
    const claim = this.claims.get(id);
    const text = claim && this.placement.changedText(claim);
    if (!text) return;
    const answer = await this.reports.keep(id, text);
    if (!answer.ok) return this.tell(answer.error);
    this.draw();
  }

  /** Give the note being reattached the reader's selection as its passage, and show it there. */
  private async reattach(): Promise<void> {
    const id = this.reattaching;
    const range = this.selection?.range;
    this.toolbar = null;
    this.selection = null;
    const target = range && describeRange(range, document.body, this.placement.currentIndex());
    if (!id || !range || !target) return this.tell('Counterpoint could not read the selected text.');
    const answer = await this.ask('claim.update', { id, changes: { target } });
    if (!answer.ok) return this.tell(answer.error);
    this.reattaching = null;
    document.getSelection()?.removeAllRanges();
    this.claims.set(id, answer.value);
    this.highlighter.paint(id, range, answer.value.status);
    this.reports.placedAsMarked(id);
    this.reportPlacements();
    this.follow();
    this.openCard(id, false);
  }

  /** What the card did; it has already saved what the reader typed. */
  private onCardAction(action: FromCard): void {
    switch (action.type) {
      case 'status': {
        const claim = this.claims.get(action.claimId);
        if (!claim) return;
        this.claims.set(claim.id, { ...claim, status: action.status });
        const range = this.highlighter.rangeOf(claim.id);
        if (range) this.highlighter.paint(claim.id, range, action.status);
        return this.draw();
      }
      case 'created':
        return this.created(action.claim);
      case 'not-created':
        return this.notCreated(action.claimId, action.message);
      case 'saved':
        if (!this.claims.has(action.claim.id)) return;
        this.claims.set(action.claim.id, action.claim);
        return this.draw();
      case 'problem':
        return this.tell(action.message);
      case 'attach':
        return void this.attachComment(action.claimId, action.commentId, action.stance, action.excerpt);
      case 'show-rebuttal':
        return void this.revealRebuttal(action.rebuttalId);
      case 'remove-rebuttal':
        return void this.removeRebuttal(action.rebuttalId);
      case 'delete':
        return void this.deleteClaim(action.claimId);
      case 'accept-text':
        return void this.acceptText(action.claimId);
      case 'keep-text':
        return void this.keepText(action.claimId);
      case 'reattach':
        this.reattaching = action.claimId;
        this.closeCard();
        return this.tell('Select the passage where this note belongs now, then choose “Attach here”.');
      case 'close':
        return this.closeCard();
      case 'dock':
        this.cardFrame?.setSide(action.side);
        return this.links.keepSide(action.side);
      case 'open-notes':
        return void this.ask('notes.open', { pageKey: this.pageKey });
    }
  }

  /** Scroll to a rebuttal's excerpt, in the page or in its comment widget's frame, and flash it. */
  private async revealRebuttal(id: string): Promise<void> {
    if (this.placement.reveal(id) || (await this.frames.reveal(id))) return;
    this.tell('That comment is not on this page any more.');
  }

  private openCard(id: string, focusNote: boolean): void {
    this.card = { id, focusNote, focus: focusNote };
    this.problem = null;
    this.draw();
  }

  private closeCard(): void {
    const range = this.card && this.highlighter.rangeOf(this.card.id);
    this.card = null;
    this.problem = null;
    this.draw();
    if (!this.overlay?.contains(document.activeElement)) return;
    this.returnToPage();
    // The caret goes after the passage, so that a reader on the keyboard reads (and selects) on from there.
    if (range) document.getSelection()?.collapse(range.endContainer, range.endOffset);
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
    return [...this.claims.values()].filter((claim) => !this.placement.isPlaced(claim.id));
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

  /** Bring the overlay and the card up to date. */
  private draw(): void {
    this.drawOverlay();
    this.drawCard();
  }

  /** Show the open claim in the card's frame, or hide it. */
  private drawCard(): void {
    const claim = this.card && this.claims.get(this.card.id);
    if (!this.card || !claim) {
      this.cardFrame?.hide();
      return;
    }
    const rebuttals = this.rebuttalsOf(claim.id);
    const view = this.cardViews.build(claim, rebuttals, {
      create: this.createdByCard.has(claim.id),
      anchored: this.placement.isPlaced(claim.id),
      currentText: this.offeredChange(claim),
      focusNote: this.card.focusNote,
      problem: this.problem,
      scheme: this.scheme(),
      orphanRebuttals: rebuttals
        .filter((r) => !this.placement.isPlaced(r.id) && !this.frames.isPlaced(r.id))
        .map((r) => r.id),
    });
    const focus = this.card.focus;
    this.card.focus = false;
    const { cardFrame } = this.ensureOverlay();
    const thread = this.cardViews.changedThread();
    if (thread) cardFrame.thread(thread, this.placement.currentIndex().text);
    cardFrame.show(view, focus);
  }

  /** Light or dark, as the page under the overlay is, or as the reader prefers (`core/color-scheme.ts`). */
  private scheme(): ColorScheme {
    return readPageScheme((element) => !!this.overlay?.contains(element));
  }

  /** Render what is drawn in the page's own layer (toolbar, tips, badges, notices), when there is any. */
  private drawOverlay(): void {
    const orphans = this.orphans();
    const badges = this.badges();
    const stepped = this.stepper && this.claims.get(this.stepper.id);
    const notes = stepped ? this.notesInOrder() : [];
    const showing =
      this.toolbar || this.picker || stepped || this.tip || this.problem || orphans.length || badges.length;
    if (!this.overlay && !showing) return;
    const { overlay } = this.ensureOverlay();
    overlay.setScheme(this.scheme());
    const selection = this.selection;
    render(
      h(Overlay, {
        toolbar: this.toolbar && {
          ...this.toolbar,
          inComment: !!selection?.commentId,
          reattaching: (this.reattaching && this.claims.get(this.reattaching)?.target.quote.exact) ?? null,
          onReattach: () => void this.reattach(),
          onChoose: (choice) => this.choose(choice),
          onPress: () => this.cardFrame?.takeKeyboard(),
          onAnswer: (stance) => this.answer(stance),
          onLeave: () => this.leaveBar(),
        },
        stepper: stepped
          ? {
              position: notes.findIndex(({ id }) => id === stepped.id) + 1,
              count: notes.length,
              label: `${STATUS_LABELS[stepped.status]}: “${shorten(stepped.target.quote.exact)}”`,
              onStep: (by) => this.step(by),
              onOpen: () => {
                this.stepper = null;
                this.card = { id: stepped.id, focusNote: false, focus: true };
                this.draw();
              },
              onLeave: () => this.leaveBar(),
            }
          : null,
        picker: this.picker && {
          ...this.picker,
          claims: [...this.claims.values()],
          onPick: (picked) => void this.attachExcerpt(picked.id, this.picker?.stance ?? 'rebuts'),
          onCancel: () => {
            this.picker = null;
            this.drawOverlay();
          },
        },
        tip: this.tip,
        badges: { badges, onOpen: (claimId) => this.openCard(claimId, false) },
        orphans: { orphans, onOpen: (opened) => this.openCard(opened.id, false) },
        // With a card open, the card says what went wrong.
        problem: this.card ? null : this.problem,
      }),
      overlay.container,
    );
  }
}

/** The start of a quote, whitespace collapsed, as the stepper names it. */
function shorten(quote: string): string {
  const text = quote.replace(/\s+/g, ' ').trim();
  return text.length > STEP_QUOTE_CHARS ? `${text.slice(0, STEP_QUOTE_CHARS - 1)}…` : text;
}

/** The page's selection when it holds article text: not empty, and not in a form field or editor. */
function readableSelection(): Range | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!range.toString().trim() || isEditable(range.commonAncestorContainer)) return null;
  return range;
}

/** Selections inside form fields and editors are the reader's own writing, not the article. */
function isEditable(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return !!element?.closest('input, textarea, [contenteditable=""], [contenteditable="true"]');
}
