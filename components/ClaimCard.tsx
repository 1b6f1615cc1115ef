import { useEffect, useRef, useState } from 'preact/hooks';
import type { Claim } from '../core/model';
import { CLAIM_STATUSES } from '../core/model';
import type { ClaimChanges } from '../core/protocol';
import { formatTime, STATUS_LABELS } from './labels';
import { trusted } from './trusted';

export interface ClaimCardProps {
  claim: Claim;
  /** False when the claim's text could not be found on this page. */
  anchored: boolean;
  /** What the reader should know about the last save, if anything went wrong. */
  problem: string | null;
  /** Put the cursor in the note at once, for a reader who chose "Note". */
  focusNote: boolean;
  onChange(changes: ClaimChanges): void;
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

/** One claim, open for reading and editing. Every text is rendered as text. */
export function ClaimCard({
  claim,
  anchored,
  problem,
  focusNote,
  onChange,
  onDelete,
  onClose,
  onOpenNotes,
}: ClaimCardProps) {
  // The inputs keep what the reader typed ("economy, ") rather than the parsed value.
  const [tagsInput, setTagsInput] = useState(claim.tags.join(', '));
  const note = useRef<HTMLTextAreaElement>(null);
  useEffect(() => setTagsInput(claim.tags.join(', ')), [claim.id]);
  useEffect(() => {
    if (focusNote) note.current?.focus();
  }, [claim.id, focusNote]);

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
            setTagsInput(value);
            onChange({ tags: parseTags(value) });
          })}
        />
      </label>
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
