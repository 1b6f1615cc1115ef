/**
 * The claim card's frame: shows what the page interface sends, keeps what the reader types as the truth
 * while they type, and saves it itself, in order. The page interface learns of a save only once it is
 * stored, and never sees a keystroke.
 */
import { createRef, h, render } from 'preact';
import { ClaimCard, parseTags } from '../../components/ClaimCard';
import {
  type CardSide,
  type CardStore,
  type CardView,
  type FromCard,
  type SuggestedComment,
  type ThreadComment,
  type ToCard,
  parseToCard,
} from '../../core/card-channel';
import { fullNamesIn } from '../../core/comments/page-names';
import { readComments, suggestRebuttals } from '../../core/comments/suggest';
import type { Claim } from '../../core/model';
import type { Result } from '../../core/protocol';
import { SaveQueue } from './save-queue';

/** What the reader has typed, and what of it the background last confirmed. */
interface Draft {
  /** Null for a note started before its claim reached the card. */
  claimId: string | null;
  note: string;
  tags: string;
  confirmedNote: string;
  confirmedTags: string;
  /** When the stored claim last changed, as confirmed: what the page interface sends may be older. */
  confirmedAt: string;
}

const emptyDraft = (): Draft => ({
  claimId: null,
  note: '',
  tags: '',
  confirmedNote: '',
  confirmedTags: '',
  confirmedAt: '',
});

/** How many suggested comments a card offers. */
const SUGGESTIONS = 3;
/** Comments read ahead in one idle moment: a few milliseconds' work. */
const READ_AHEAD_SLICE = 25;

/** The channel to the page interface, as the frame's entry point opens it (and opens it again). */
export interface CardLink {
  post(message: FromCard): void;
}

export class CardSession {
  /** @param store sends a request to the background; requests sent one after another apply in that order. */
  constructor(
    private readonly root: HTMLElement,
    private readonly link: CardLink,
    private readonly store: (message: CardStore) => Promise<Result<Claim>>,
  ) {
    this.saves = new SaveQueue({
      save: (id, changes) => store({ type: 'claim.update', payload: { id, changes } }),
      onSaved: (claim) => this.onSaved(claim),
      onProblem: (message) => {
        this.problem = message;
        this.draw();
      },
    });
  }

  private readonly saves: SaveQueue;
  private readonly noteField = createRef<HTMLTextAreaElement>();
  private view: CardView | null = null;
  private draft: Draft = emptyDraft();
  /** Claims the card was asked to create, so that it asks the background once. */
  private readonly created = new Set<string>();
  /** Drafts of claims the card left before their saves were confirmed, to come back to. */
  private readonly kept = new Map<string, Draft>();
  private problem: string | null = null;
  /** Set while the reader has text selected in the page; see `ToCard`'s `arm`. */
  private armed = false;
  /** The window's side the page interface docked the card's frame to. */
  private side: CardSide = 'right';
  /** The page's comments, whole, as the page interface last sent them. */
  private thread: ThreadComment[] = [];
  /** The page's text, as the page interface last sent it with the comments. */
  private pageText = '';
  /**
   * The names the page's text gives in full, so that suggestions know "Ken" for "Livingstone": found in idle
   * time or at the first suggestions, whichever comes first.
   */
  private names: string[][] | null = null;
  /** The idle callback reading the page's comments ahead of the first claim, while one is due. */
  private readingAhead: number | null = null;
  /** The last suggestions worked out, kept while neither the claim nor the comments change. */
  private suggested: { key: string; suggestions: SuggestedComment[] } | null = null;

  /** Wire the frame's own events; call once. */
  start(): void {
    // The reader's own click in the frame is not the page interface handing over the keyboard.
    window.addEventListener('pointerdown', () => (this.armed = false), true);
    window.addEventListener('focus', () => this.onFocus());
    // A key can reach the frame before the focus does: it goes where it was meant to, the note. (Focus moved
    // in a keydown takes the key's character with it.)
    window.addEventListener(
      'keydown',
      () => {
        if (!document.activeElement || document.activeElement === document.body) this.onFocus();
      },
      true,
    );
    new ResizeObserver(() => this.link.post({ type: 'size', height: this.root.scrollHeight })).observe(
      this.root,
    );
    this.draw();
  }

  /** A message from the page interface. */
  receive(raw: unknown): void {
    const message: ToCard | null = parseToCard(raw);
    if (!message) return;
    switch (message.type) {
      case 'arm':
        this.armed = true;
        this.link.post({ type: 'armed' });
        return;
      case 'hide':
        this.armed = false;
        this.view = null;
        this.leaveDraft();
        this.problem = null;
        this.draw();
        return;
      case 'side':
        this.side = message.side;
        this.draw();
        return;
      case 'thread':
        this.thread = message.comments;
        this.pageText = message.pageText;
        this.names = null;
        this.suggested = null;
        this.readAhead();
        this.draw();
        return;
      case 'show':
        this.show(message.view);
    }
  }

  /**
   * The page interface moved the keyboard here after the reader chose a status: when armed, start a new note
   * at once, before the new claim arrives, so that not one letter typed meanwhile is lost.
   */
  private onFocus(): void {
    if (this.armed) {
      this.armed = false;
      this.view = null;
      this.leaveDraft();
      this.problem = null;
      this.draw();
    }
    if (!this.view || this.view.focusNote) this.focusNote();
  }

  /**
   * Without scrolling: the frame opens small and grows to the card's height a moment later, and a note field
   * scrolled into the small frame would leave the card to jump back as it grows, under the reader's pointer.
   */
  private focusNote(): void {
    this.noteField.current?.focus({ preventScroll: true });
  }

  private show(view: CardView): void {
    const { claim } = view;
    // The page interface has said what to show: a focus still to come hands over the keyboard for it.
    this.armed = false;
    // Before any save below: the channel applies the creation first.
    if (view.create) this.create(claim);
    const draft = this.draft;
    if (draft.claimId === null && view.focusNote && !this.view) {
      // The note the reader started belongs to the claim just made.
      draft.claimId = claim.id;
      draft.confirmedNote = claim.note;
      draft.confirmedTags = claim.tags.join(', ');
      draft.confirmedAt = claim.modified;
      if (draft.note !== claim.note) this.saves.push(claim.id, { note: draft.note });
      if (draft.tags) this.saves.push(claim.id, { tags: parseTags(draft.tags) });
    } else if (draft.claimId !== claim.id) {
      this.leaveDraft();
      this.draft = this.kept.get(claim.id) ?? {
        claimId: claim.id,
        note: claim.note,
        tags: claim.tags.join(', '),
        confirmedNote: claim.note,
        confirmedTags: claim.tags.join(', '),
        confirmedAt: claim.modified,
      };
      this.kept.delete(claim.id);
      this.problem = null;
    } else if (claim.modified > draft.confirmedAt && !this.saves.unsaved(claim.id) && this.untouched()) {
      // Changed elsewhere (the notes page, another tab) while the reader was not typing here.
      this.adopt(claim);
    }
    const focus = view.focusNote && this.view?.claim.id !== claim.id;
    this.view = view;
    // The page interface's word on light or dark, for `card.css`; nothing else is drawn from it.
    document.documentElement.dataset.scheme = view.scheme === 'dark' ? 'dark' : 'light';
    this.draw();
    if (focus) this.focusNote();
    this.link.post({ type: 'shown', claimId: claim.id });
  }

  private create(claim: Claim): void {
    if (this.created.has(claim.id)) return;
    this.created.add(claim.id);
    const { id, pageKey, url, title, target, status, note, tags } = claim;
    const proposal = { id, pageKey, url, title, target, status, note, tags };
    void this.store({ type: 'claim.create', payload: { claim: proposal } }).then((answer) => {
      if (answer.ok) this.link.post({ type: 'created', claim: answer.value });
      else this.link.post({ type: 'not-created', claimId: claim.id, message: answer.error });
    });
  }

  private untouched(draft = this.draft): boolean {
    return draft.note === draft.confirmedNote && draft.tags === draft.confirmedTags;
  }

  /** Start afresh, keeping a draft whose last words have not been confirmed yet. */
  private leaveDraft(): void {
    const { claimId } = this.draft;
    if (claimId && (!this.untouched() || this.saves.unsaved(claimId))) this.kept.set(claimId, this.draft);
    this.draft = emptyDraft();
  }

  private adopt(claim: Claim): void {
    this.draft.note = this.draft.confirmedNote = claim.note;
    this.draft.tags = this.draft.confirmedTags = claim.tags.join(', ');
    this.draft.confirmedAt = claim.modified;
  }

  private onSaved(claim: Claim): void {
    const draft = this.draft.claimId === claim.id ? this.draft : this.kept.get(claim.id);
    if (draft) {
      draft.confirmedNote = claim.note;
      draft.confirmedAt = claim.modified;
      // The field keeps what the reader typed ("economy, "), the list is what was stored.
      if (parseTags(draft.tags).join(', ') === claim.tags.join(', ')) draft.confirmedTags = draft.tags;
      if (draft !== this.draft && this.untouched(draft)) this.kept.delete(claim.id);
    }
    if (this.view?.claim.id === claim.id) this.view = { ...this.view, claim };
    this.problem = null;
    this.link.post({ type: 'saved', claim });
    this.draw();
  }

  private edit(changes: { note?: string; tags?: string }): void {
    if (changes.note !== undefined) this.draft.note = changes.note;
    if (changes.tags !== undefined) this.draft.tags = changes.tags;
    const id = this.draft.claimId;
    if (id) {
      this.saves.push(id, {
        ...(changes.note !== undefined && { note: changes.note }),
        ...(changes.tags !== undefined && { tags: parseTags(changes.tags) }),
      });
    }
    this.draw();
  }

  /**
   * Read the page's comments in idle moments, a slice at a time, so that the first claim the reader opens gets
   * its suggestions without waiting for every comment to be read (about 100 ms for 500 of them).
   */
  private readAhead(): void {
    if (this.readingAhead !== null) cancelIdleCallback(this.readingAhead);
    const unread = [...this.thread];
    const readSome = (idle: IdleDeadline): void => {
      this.pageNames();
      while (unread.length > 0 && idle.timeRemaining() > 0) {
        readComments(unread.splice(0, READ_AHEAD_SLICE));
      }
      this.readingAhead = unread.length > 0 ? requestIdleCallback(readSome) : null;
    };
    this.readingAhead = requestIdleCallback(readSome);
  }

  /** The names of the page's text, found once per text sent (see `names`). */
  private pageNames(): string[][] {
    this.names ??= fullNamesIn(this.pageText);
    return this.names;
  }

  /** The comments most likely to answer the claim shown, among those not attached to it yet. */
  private suggestions(view: CardView | null): SuggestedComment[] {
    if (!view) return [];
    const key = `${view.claim.id} ${view.claim.target.quote.exact} ${view.unattached.join(' ')}`;
    if (this.suggested?.key !== key) {
      const open = new Set(view.unattached);
      const choices = new Map(view.comments.map((comment) => [comment.id, comment]));
      const candidates = this.thread.filter((comment) => open.has(comment.id));
      const texts = new Map(candidates.map((comment) => [comment.id, comment.text]));
      const ranked = suggestRebuttals(
        view.claim.target.quote.exact,
        candidates,
        SUGGESTIONS,
        this.pageNames(),
      );
      this.suggested = {
        key,
        suggestions: ranked.flatMap(({ commentId, reasons, excerpt, stance }) => {
          const choice = choices.get(commentId);
          const text = texts.get(commentId) ?? '';
          return choice
            ? [{ ...choice, reasons, stance, excerpt: text.slice(excerpt.start, excerpt.end) }]
            : [];
        }),
      };
    }
    return this.suggested.suggestions;
  }

  /** Render now, not on a later tick: a key may follow at once. */
  private draw(): void {
    const view = this.view;
    const claim = view?.claim ?? null;
    const post = (message: FromCard) => this.link.post(message);
    render(
      h(ClaimCard, {
        claim,
        anchored: view?.anchored ?? true,
        currentText: view?.currentText ?? null,
        problem: this.problem ?? view?.problem ?? null,
        note: this.draft.note,
        tags: this.draft.tags,
        noteField: this.noteField,
        rebuttals: view?.rebuttals ?? [],
        orphanRebuttals: new Set(view?.orphanRebuttals),
        comments: view?.comments ?? [],
        suggestions: this.suggestions(view),
        onStatus: (status) => {
          if (!claim) return;
          this.view = view && { ...view, claim: { ...claim, status } };
          this.saves.push(claim.id, { status });
          post({ type: 'status', claimId: claim.id, status });
          this.draw();
        },
        onNote: (note) => this.edit({ note }),
        onTags: (tags) => this.edit({ tags }),
        onAttach: (commentId, stance, excerpt) =>
          claim &&
          post({ type: 'attach', claimId: claim.id, commentId, stance, ...(excerpt && { excerpt }) }),
        onShowRebuttal: (rebuttal) => post({ type: 'show-rebuttal', rebuttalId: rebuttal.id }),
        onRemoveRebuttal: (rebuttal) => post({ type: 'remove-rebuttal', rebuttalId: rebuttal.id }),
        onDelete: () => {
          if (!claim) return;
          this.kept.delete(claim.id);
          post({ type: 'delete', claimId: claim.id });
        },
        onAcceptText: () => claim && post({ type: 'accept-text', claimId: claim.id }),
        onKeepText: () => claim && post({ type: 'keep-text', claimId: claim.id }),
        onReattach: () => claim && post({ type: 'reattach', claimId: claim.id }),
        side: this.side,
        onDock: (side) => post({ type: 'dock', side }),
        onClose: () => post({ type: 'close' }),
        onOpenNotes: () => post({ type: 'open-notes' }),
      }),
      this.root,
    );
  }
}
