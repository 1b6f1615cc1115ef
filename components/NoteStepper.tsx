import { trusted } from './trusted';
import { stepAlongBar } from './SelectionToolbar';

export interface NoteStepperProps {
  /** Which note is shown (from 1) and how many the page shows, in the order of the text. */
  position: number;
  count: number;
  /** What the note is, in words: its status and the start of its quote. */
  label: string;
  onStep(by: 1 | -1): void;
  onOpen(): void;
  onLeave(): void;
}

/**
 * The bar that steps from one highlight of the page to the next, for a reader on the keyboard (issue 13): each
 * step scrolls to the note and flashes it, Open opens its card, Escape returns to the page.
 */
export function NoteStepper({ position, count, label, onStep, onOpen, onLeave }: NoteStepperProps) {
  return (
    <div
      class="toolbar stepper"
      role="toolbar"
      aria-label="Counterpoint notes on this page"
      onKeyDown={trusted((event: KeyboardEvent) => stepAlongBar(event, onLeave))}
    >
      <button type="button" class="step-previous" onClick={trusted(() => onStep(-1))}>
        Previous
      </button>
      <button type="button" class="step-next" onClick={trusted(() => onStep(1))}>
        Next
      </button>
      <button type="button" class="step-open" aria-describedby="counterpoint-step" onClick={trusted(onOpen)}>
        Open
      </button>
      <p id="counterpoint-step" class="step-where" role="status">
        {`${position} of ${count}: ${label}`}
      </p>
    </div>
  );
}
