import type { Claim, RebuttalStance } from '../core/model';
import { STANCE_LABELS, STATUS_LABELS } from '../core/labels';
import { trusted } from './trusted';

export interface ClaimPickerProps {
  top: number;
  left: number;
  stance: RebuttalStance;
  claims: readonly Claim[];
  onPick(claim: Claim): void;
  onCancel(): void;
}

/** After "Rebuts…" on a passage of a comment: which of the page's claims the passage answers. */
export function ClaimPicker({ top, left, stance, claims, onPick, onCancel }: ClaimPickerProps) {
  return (
    <section
      class="picker"
      role="dialog"
      aria-label={`${STANCE_LABELS[stance]} which claim?`}
      style={{ top: `${top}px`, left: `${left}px` }}
      onMouseDown={(event) => event.preventDefault()}
    >
      <header>
        <strong>{STANCE_LABELS[stance]} which claim?</strong>
        <button type="button" class="close" aria-label="Cancel" onClick={trusted(onCancel)}>
          ×
        </button>
      </header>
      <ul>
        {claims.map((claim) => (
          <li key={claim.id}>
            <button type="button" class="pick" onClick={trusted(() => onPick(claim))}>
              <span class="badge">{STATUS_LABELS[claim.status]}</span> {claim.target.quote.exact}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
