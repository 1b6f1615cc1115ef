import { useState } from 'preact/hooks';
import type { Claim } from '../core/model';
import { STATUS_LABELS } from './labels';
import { trusted } from './trusted';

export interface OrphanListProps {
  orphans: readonly Claim[];
  onOpen(claim: Claim): void;
}

/**
 * The page's notes whose text could not be found, so that none of them silently disappears: a small
 * notice that opens into their quotes.
 */
export function OrphanList({ orphans, onOpen }: OrphanListProps) {
  const [open, setOpen] = useState(false);
  const count = orphans.length === 1 ? '1 note' : `${orphans.length} notes`;
  return (
    <aside class="orphans" aria-label="Notes not found on this page">
      <button
        type="button"
        class="orphans-toggle"
        aria-expanded={open}
        onClick={trusted(() => setOpen(!open))}
      >
        {count} not found on this page
      </button>
      {open && (
        <ul>
          {orphans.map((claim) => (
            <li key={claim.id}>
              <button type="button" onClick={trusted(() => onOpen(claim))}>
                <span class="badge">{STATUS_LABELS[claim.status]}</span> “{claim.target.quote.exact}”
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
