import { Component, createRef } from 'preact';
import type { Claim, Rebuttal, RebuttalStance } from '../core/model';
import { CLAIM_STATUSES, REBUTTAL_STANCES } from '../core/model';
import type { ClaimChanges } from '../core/protocol';
import { formatTime, REASON_LABELS, STANCE_LABELS, STATUS_LABELS } from './labels';
import { RebuttalList } from './RebuttalList';
import { trusted } from './trusted';

/** A comment of the page, as the card lists it for the reader to pick. */
export interface CommentChoice {
  id: string;
  author: string;
  posted?: string;
  firstLine: string;
}

/** A comment suggested as an answer to the claim, with why. */
export interface SuggestedComment extends CommentChoice {
  reasons: (keyof typeof REASON_LABELS)[];
}

export interface ClaimCardProps {
  claim: Claim;
  /** False when the claim's text could not be found on this page. */
  anchored: boolean;
  /** What the reader should know about the last save, if anything went wrong. */
  problem: string | null;
  /** Put the cursor in the note at once, for a reader who just marked the claim. */
  focusNote: boolean;
  rebuttals: readonly Rebuttal[];
  /** Ids of rebuttals whose comment is not on the page as it is now. */
  orphanRebuttals: ReadonlySet<string>;
  /** The page's comments, to attach one as a rebuttal. */
  comments: readonly CommentChoice[];
  suggestions: readonly SuggestedComment[];
  onChange(changes: ClaimChanges): void;
  onAttach(commentId: string, stance: RebuttalStance): void;
  onShowRebuttal(rebuttal: Rebuttal): void;
  onRemoveRebuttal(rebuttal: Rebuttal): void;
  onDelete(): void;
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
  /** What the reader typed in the tags field ("economy, "), rather than the parsed value. */
  tagsInput: string;
  picking: boolean;
  stance: RebuttalStance;
}

/**
 * One claim, open for reading and editing. Every text is rendered as text. A class rather than hooks, so that
 * the page's interface does not ship Preact's hooks for the one card that keeps state.
 */
export class ClaimCard extends Component<ClaimCardProps, ClaimCardState> {
  override state: ClaimCardState = {
    tagsInput: this.props.claim.tags.join(', '),
    picking: false,
    stance: 'rebuts',
  };
  private readonly note = createRef<HTMLTextAreaElement>();

  override componentDidMount(): void {
    if (this.props.focusNote) this.note.current?.focus();
  }

  override componentDidUpdate(previous: ClaimCardProps): void {
    const { claim, focusNote } = this.props;
    if (claim.id !== previous.claim.id) this.setState({ tagsInput: claim.tags.join(', '), picking: false });
    if (focusNote && (claim.id !== previous.claim.id || !previous.focusNote)) this.note.current?.focus();
  }

  render() {
    const {
      claim,
      anchored,
      problem,
      rebuttals,
      orphanRebuttals,
      comments,
      suggestions,
      onChange,
      onAttach,
      onShowRebuttal,
      onRemoveRebuttal,
      onDelete,
      onClose,
      onOpenNotes,
    } = this.props;
    const { tagsInput, picking, stance } = this.state;
    const setPicking = (value: boolean) => this.setState({ picking: value });
    const note = this.note;
    return (
      <section
        class={`card status-${claim.status}`}
        role="dialog"
        aria-label="Claim"
        onKeyDown={trusted((event: KeyboardEvent) => {
          if (event.key === 'Escape') onClose();
        })}
      >
        <header>
          <span class="badge">{STATUS_LABELS[claim.status]}</span>
          <span class="time">{formatTime(claim.modified)}</span>
          <button type="button" class="close" aria-label="Close claim card" onClick={trusted(onClose)}>
            ×
          </button>
        </header>
        <blockquote class="quote">{claim.target.quote.exact}</blockquote>
        {!anchored && <p class="warning">Not found on this page: the text may have changed.</p>}
        <div class="statuses" role="group" aria-label="Status">
          {CLAIM_STATUSES.map((status) => (
            <button
              key={status}
              type="button"
              class={`status status-${status}`}
              aria-pressed={claim.status === status}
              onClick={trusted(() => onChange({ status }))}
            >
              {STATUS_LABELS[status]}
            </button>
          ))}
        </div>
        <label>
          Note
          <textarea
            ref={note}
            rows={4}
            value={claim.note}
            placeholder="Why is this contested? What would settle it?"
            onInput={trusted((event: Event) =>
              onChange({ note: (event.currentTarget as HTMLTextAreaElement).value }),
            )}
          />
        </label>
        <label>
          Tags
          <input
            type="text"
            value={tagsInput}
            placeholder="comma, separated"
            onInput={trusted((event: Event) => {
              const value = (event.currentTarget as HTMLInputElement).value;
              this.setState({ tagsInput: value });
              onChange({ tags: parseTags(value) });
            })}
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
                {suggestions.map((suggestion) => (
                  <li key={suggestion.id} class="suggestion">
                    <span class="author">{suggestion.author}</span>
                    <q>{suggestion.firstLine}</q>
                    <span class="reasons">
                      {suggestion.reasons.map((reason) => REASON_LABELS[reason]).join(' · ')}
                    </span>
                    <button
                      type="button"
                      class="accept"
                      aria-label={`Attach the comment by ${suggestion.author} as a rebuttal`}
                      onClick={trusted(() => onAttach(suggestion.id, 'rebuts'))}
                    >
                      Attach
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <button
            type="button"
            class="attach-toggle"
            aria-expanded={picking}
            disabled={comments.length === 0}
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
          <button type="button" class="delete" onClick={trusted(onDelete)}>
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
