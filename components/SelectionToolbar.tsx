import type { ClaimStatus, RebuttalStance } from '../core/model';
import { REBUTTAL_STANCES } from '../core/model';
import { STANCE_LABELS, STATUS_LABELS } from '../core/labels';
import { trusted } from './trusted';

/** A status to mark the selection with, or `note` to highlight it and start writing at once. */
export type ToolbarChoice = ClaimStatus | 'note';

export interface SelectionToolbarProps {
  /** Viewport coordinates of the toolbar's top-left corner. */
  top: number;
  left: number;
  /** The selection is a passage of a comment, and the page has claims it may answer. */
  inComment: boolean;
  /** The quote of a note not found on this page, while the reader chooses where it belongs now; else null. */
  reattaching: string | null;
  onReattach(): void;
  onChoose(choice: ToolbarChoice): void;
  /**
   * The reader pressed (not yet released) a choice that opens the card: the moment to hand the keyboard to
   * it, so that the browser has moved it there before the first key after the click.
   */
  onPress(choice: ToolbarChoice): void;
  onAnswer(stance: RebuttalStance): void;
  /** Escape: the reader leaves the toolbar for the page. */
  onLeave(): void;
}

const CHOICES: { choice: ToolbarChoice; label: string; hint: string }[] = [
  { choice: 'contested', label: STATUS_LABELS.contested, hint: 'Mark as Contested' },
  { choice: 'supported', label: STATUS_LABELS.supported, hint: 'Mark as Supported' },
  { choice: 'needs-source', label: STATUS_LABELS['needs-source'], hint: 'Mark as Needs source' },
  { choice: 'highlight', label: STATUS_LABELS.highlight, hint: 'Highlight' },
  { choice: 'note', label: 'Note', hint: 'Highlight and write a Note' },
];

/** The small bar beside a selection that turns it into a claim. */
export function SelectionToolbar({
  top,
  left,
  inComment,
  reattaching,
  onReattach,
  onChoose,
  onPress,
  onAnswer,
  onLeave,
}: SelectionToolbarProps) {
  return (
    <div
      class="toolbar"
      role="toolbar"
      aria-label="Counterpoint"
      style={{ top: `${top}px`, left: `${left}px` }}
      // Pressing a button must not clear the page's selection before the click lands.
      onMouseDown={(event) => event.preventDefault()}
      onKeyDown={trusted((event: KeyboardEvent) => stepAlongBar(event, onLeave))}
    >
      {reattaching !== null && (
        <button
          type="button"
          class="attach-here"
          aria-label={`Attach the note “${reattaching}” here`}
          title={`Attach the note “${reattaching}” here`}
          onClick={trusted(onReattach)}
        >
          Attach here
        </button>
      )}
      {CHOICES.map(({ choice, label, hint }) => (
        <button
          key={choice}
          type="button"
          class={`choice choice-${choice}`}
          aria-label={hint}
          title={hint}
          onMouseDown={trusted(() => choice !== 'highlight' && onPress(choice))}
          onClick={trusted(() => onChoose(choice))}
        >
          {label}
        </button>
      ))}
      {inComment &&
        REBUTTAL_STANCES.map((stance) => (
          <button
            key={stance}
            type="button"
            class={`answer answer-${stance}`}
            aria-label={`${STANCE_LABELS[stance]}… a claim of this page`}
            title={`${STANCE_LABELS[stance]}… a claim of this page`}
            onClick={trusted(() => onAnswer(stance))}
          >
            {STANCE_LABELS[stance]}…
          </button>
        ))}
    </div>
  );
}

/**
 * The keys of a bar of buttons (issue 13): the arrows, Home and End move among its buttons (Tab does too),
 * and Escape leaves it for the page.
 */
export function stepAlongBar(event: KeyboardEvent, onLeave: () => void): void {
  const bar = event.currentTarget as HTMLElement;
  const buttons = [...bar.querySelectorAll('button')];
  const at = buttons.indexOf(event.target as HTMLButtonElement);
  const to: Record<string, number> = {
    ArrowRight: at + 1,
    ArrowDown: at + 1,
    ArrowLeft: at - 1,
    ArrowUp: at - 1,
    Home: 0,
    End: buttons.length - 1,
  };
  if (event.key === 'Escape') {
    event.preventDefault();
    onLeave();
  } else if (event.key in to) {
    event.preventDefault();
    const next = ((to[event.key] ?? 0) + buttons.length) % buttons.length;
    buttons[next]?.focus();
  }
}
