import { Component } from 'preact';
import type { RefObject } from 'preact';
import type { CardSide, CommentChoice, SuggestedComment } from '../core/card-channel';
import type { Claim, ClaimStatus, Rebuttal, RebuttalStance } from '../core/model';
import { CLAIM_STATUSES, REBUTTAL_STANCES } from '../core/model';
import { UNDERLINES } from '../core/underlines';
import { formatTime, REASON_LABELS, STANCE_LABELS, STANCE_VERBS, STATUS_LABELS } from '../core/labels';
import { QuoteChanges } from './QuoteChanges';
import { RebuttalList } from './RebuttalList';
import { trusted } from './trusted';

export interface ClaimCardProps {
  /** The claim, or null for a note the reader has started before the claim reached the card. */
  claim: Claim | null;
  /** False when the claim's text could not be found on this page. */
  anchored: boolean;
  /**
   * The text the claim is placed on now, when a copy-edit changed it; null when it reads as stored, or when the
   * reader kept the quote as marked against this text.
   */
  currentText: string | null;
  /** What the reader should know about the last save, if anything went wrong. */
  problem: string | null;
  /** The note and the tags as the reader typed them: the card's own draft, never overwritten by a save. */
  note: string;
  tags: string;
  /** The note field, for the card's owner to put the cursor in. */
  noteField: RefObject<HTMLTextAreaElement | null>;
  rebuttals: readonly Rebuttal[];
  /** Ids of rebuttals whose comment is not on the page as it is now. */
  orphanRebuttals: ReadonlySet<string>;
  /** The page's comments, to attach one as a rebuttal. */
  comments: readonly CommentChoice[];
  suggestions: readonly SuggestedComment[];
  onStatus(status: ClaimStatus): void;
  onNote(note: string): void;
  onTags(tags: string): void;
  /** Attach a comment to the claim: the passage `excerpt` of it when given (a suggestion's), else all of it. */
  onAttach(commentId: string, stance: RebuttalStance, excerpt?: string): void;
  onShowRebuttal(rebuttal: Rebuttal): void;
  onRemoveRebuttal(rebuttal: Rebuttal): void;
  onDelete(): void;
  onAcceptText(): void;
  onKeepText(): void;
  onReattach(): void;
  /** The window's side the card is docked to; its dock button offers the other. */
  side: CardSide;
  onDock(side: CardSide): void;
  onClose(): void;
  onOpenNotes(): void;
}

/** Tags as the reader types them, comma-separated, into the stored list. */
export function parseTags(input: string): string[] {
  return [
    ...new Set(
      input
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

interface ClaimCardState {
  picking: boolean;
  stance: RebuttalStance;
  /** The stance the reader chose for a suggested comment, by its id, where it differs from the one proposed. */
  chosen: Record<string, RebuttalStance>;
}

/** What the note field asks, for each status. */
const NOTE_PROMPTS: Record<ClaimStatus, string> = {
  contested: 'Why is this contested? What would settle it?',
  supported: 'What supports it?',
  'needs-source': 'What source would you want to see?',
  highlight: 'A note on this passage',
};

/** What the dock button says it does, by the side it moves the card to. */
const DOCK_LABELS: Record<CardSide, string> = {
  left: 'Dock the card on the left',
  right: 'Dock the card on the right',
};

/**
 * One claim, open for reading and editing. Every text is rendered as text. A class rather than hooks, so that
 * the card does not ship Preact's hooks for the one component that keeps state.
 */
export class ClaimCard extends Component<ClaimCardProps, ClaimCardState> {
  override state: ClaimCardState = { picking: false, stance: 'rebuts', chosen: {} };

  override componentDidUpdate(previous: ClaimCardProps): void {
    if (this.props.claim?.id !== previous.claim?.id) this.setState({ picking: false, chosen: {} });
  }

  render() {
    const {
      claim,
      anchored,
      currentText,
      problem,
      note,
      tags,
      noteField,
      rebuttals,
      orphanRebuttals,
      comments,
      suggestions,
      onStatus,
      onNote,
      onTags,
      onAttach,
      onShowRebuttal,
      onRemoveRebuttal,
      onDelete,
      onAcceptText,
      onKeepText,
      onReattach,
      side,
      onDock,
      onClose,
      onOpenNotes,
    } = this.props;
    const { picking, stance, chosen } = this.state;
    const setPicking = (value: boolean) => this.setState({ picking: value });
    const status = claim?.status ?? 'highlight';
    const otherSide: CardSide = side === 'left' ? 'right' : 'left';
    return (
      <section
        class={`card status-${status}`}
        role="dialog"
        aria-label="Claim"
        aria-busy={!claim}
        onKeyDown={trusted((event: KeyboardEvent) => {
          if (event.key === 'Escape') onClose();
        })}
      >
        <header>
          <span class="badge mark" style={claim ? { textDecoration: UNDERLINES[claim.status] } : undefined}>
            {claim ? STATUS_LABELS[claim.status] : 'New note'}
          </span>
          <span class="time">{claim && formatTime(claim.modified)}</span>
          <button
            type="button"
            class="dock"
            aria-label={DOCK_LABELS[otherSide]}
            title={DOCK_LABELS[otherSide]}
            onClick={trusted(() => onDock(otherSide))}
          >
            {/* A word beside the arrow: a reader sees where it goes, and axe can measure its contrast. */}
            {otherSide === 'left' ? '⇤ Left' : 'Right ⇥'}
          </button>
          <button type="button" class="close" aria-label="Close claim card" onClick={trusted(onClose)}>
            ×
          </button>
        </header>
        <blockquote class="quote">{claim?.target.quote.exact ?? '…'}</blockquote>
        {claim && !anchored && (
          <div class="quote-changes">
            <p class="warning">Not found on this page: the text may have changed.</p>
            <button type="button" class="reattach" onClick={trusted(onReattach)}>
              Attach to a selection
            </button>
          </div>
        )}
        {claim && anchored && currentText !== null && (
          <QuoteChanges
            stored={claim.target.quote.exact}
            current={currentText}
            onAccept={trusted(onAcceptText)}
            onKeep={trusted(onKeepText)}
          />
        )}
        <div class="statuses" role="group" aria-label="Status">
          {CLAIM_STATUSES.map((choice) => (
            <button
              key={choice}
              type="button"
              class={`status status-${choice}`}
              aria-pressed={status === choice}
              disabled={!claim}
              onClick={trusted(() => onStatus(choice))}
            >
              <span class="mark" style={{ textDecoration: UNDERLINES[choice] }}>
                {STATUS_LABELS[choice]}
              </span>
            </button>
          ))}
        </div>
        <label>
          Note
          <textarea
            ref={noteField}
            rows={4}
            value={note}
            placeholder={NOTE_PROMPTS[status]}
            onInput={trusted((event: Event) => onNote((event.currentTarget as HTMLTextAreaElement).value))}
          />
        </label>
        <label>
          Tags
          <input
            type="text"
            value={tags}
            placeholder="comma, separated"
            onInput={trusted((event: Event) => onTags((event.currentTarget as HTMLInputElement).value))}
          />
        </label>
        <section class="answers" aria-label="Rebuttals">
          <h3>Rebuttals ({rebuttals.length})</h3>
          <RebuttalList
            rebuttals={rebuttals}
            orphans={orphanRebuttals}
            onSelect={onShowRebuttal}
            onRemove={onRemoveRebuttal}
          />
          {suggestions.length > 0 && (
            <div class="suggestions">
              <h4>Suggested from the comments</h4>
              <ul>
                {suggestions.map((suggestion) => {
                  const picked = chosen[suggestion.id] ?? suggestion.stance;
                  return (
                    <li key={suggestion.id} class="suggestion">
                      <span class="author">{suggestion.author}</span>
                      <q>{suggestion.excerpt}</q>
                      <span class="reasons">
                        {suggestion.reasons.map((reason) => REASON_LABELS[reason]).join(' · ')}
                      </span>
                      <span class="proposed">
                        Seems to {STANCE_VERBS[suggestion.stance]} it: confirm or change
                      </span>
                      <div class="suggestion-actions">
                        <div
                          class="stances"
                          role="group"
                          aria-label={`Stance of the comment by ${suggestion.author}`}
                        >
                          {REBUTTAL_STANCES.map((choice) => (
                            <button
                              key={choice}
                              type="button"
                              class={`stance-${choice}`}
                              aria-label={`${STANCE_LABELS[choice]}, for the comment by ${suggestion.author}`}
                              aria-pressed={picked === choice}
                              onClick={trusted(() =>
                                this.setState({ chosen: { ...chosen, [suggestion.id]: choice } }),
                              )}
                            >
                              {STANCE_LABELS[choice]}
                            </button>
                          ))}
                        </div>
                        <button
                          type="button"
                          class="accept"
                          aria-label={`Attach this passage of the comment by ${suggestion.author} as ${STANCE_LABELS[picked]}`}
                          onClick={trusted(() => onAttach(suggestion.id, picked, suggestion.excerpt))}
                        >
                          Attach
                        </button>
                      </div>
                    </li>
                  );
                })}
              </ul>
            </div>
          )}
          <button
            type="button"
            class="attach-toggle"
            aria-expanded={picking}
            disabled={!claim || comments.length === 0}
            title={comments.length === 0 ? 'No comments found on this page' : undefined}
            onClick={trusted(() => setPicking(!picking))}
          >
            Attach rebuttal
          </button>
          {picking && (
            <div class="attach">
              <div class="stances" role="group" aria-label="Stance">
                {REBUTTAL_STANCES.map((choice) => (
                  <button
                    key={choice}
                    type="button"
                    aria-pressed={stance === choice}
                    onClick={trusted(() => this.setState({ stance: choice }))}
                  >
                    {STANCE_LABELS[choice]}
                  </button>
                ))}
              </div>
              <ul class="comment-choices">
                {comments.map((comment) => (
                  <li key={comment.id}>
                    <button
                      type="button"
                      class="comment-choice"
                      onClick={trusted(() => {
                        setPicking(false);
                        onAttach(comment.id, stance);
                      })}
                    >
                      <span class="author">{comment.author}</span>
                      {comment.posted && <span class="time"> {formatTime(comment.posted)}</span>}
                      <span class="line">{comment.firstLine}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
        {problem && (
          <p class="problem" role="alert">
            {problem}
          </p>
        )}
        <footer>
          <button type="button" class="delete" disabled={!claim} onClick={trusted(onDelete)}>
            Delete claim
          </button>
          <button type="button" onClick={trusted(onOpenNotes)}>
            Open all notes
          </button>
        </footer>
      </section>
    );
  }
}
