import type { DeletedClaim } from '../core/protocol';
import { formatTime, STATUS_LABELS } from '../core/labels';
import { trusted } from './trusted';

export interface DeletedListProps {
  deleted: readonly DeletedClaim[];
  /** The claims whose restore is under way, so that a second press does not ask again. */
  restoring: ReadonlySet<string>;
  onRestore(deleted: DeletedClaim): void;
}

/** How many rebuttals a restore brings back, in words. */
function rebuttalCount(count: number): string {
  return count === 1 ? '1 rebuttal' : `${count} rebuttals`;
}

/**
 * The claims the reader deleted that can still be restored (issue 13), newest deletion first: each with its
 * page, quote, status in words, note, when it was deleted and how many rebuttals come back with it.
 */
export function DeletedList({ deleted, restoring, onRestore }: DeletedListProps) {
  return (
    <ul class="deleted-claims" aria-label="Recently deleted claims">
      {deleted.map((each) => {
        const { claim } = each;
        return (
          <li key={claim.id} class={`claim status-${claim.status}`}>
            <p class="deleted-page">
              <a href={claim.url} target="_blank" rel="noreferrer">
                {claim.title || claim.url}
              </a>
            </p>
            <blockquote class="quote">{claim.target.quote.exact}</blockquote>
            <div class="meta">
              <span class="badge">{STATUS_LABELS[claim.status]}</span>
              <span>
                Deleted <time dateTime={each.deleted}>{formatTime(each.deleted)}</time>
              </span>
              <span class="rebuttal-count">{rebuttalCount(each.rebuttals)}</span>
              <button
                type="button"
                class="restore"
                aria-label={`Restore the claim “${claim.target.quote.exact.slice(0, 60)}”`}
                disabled={restoring.has(claim.id)}
                onClick={trusted(() => onRestore(each))}
              >
                Restore
              </button>
            </div>
            {claim.note && <p class="note">{claim.note}</p>}
          </li>
        );
      })}
    </ul>
  );
}
