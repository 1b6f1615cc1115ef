import type { Claim, Rebuttal } from '../core/model';
import { formatTime, STATUS_LABELS } from './labels';
import { RebuttalList } from './RebuttalList';
import { trusted } from './trusted';

export interface ClaimListProps {
  claims: readonly Claim[];
  rebuttals: readonly Rebuttal[];
  /** Ids of the claims whose text the page in the tab does not show. */
  orphans?: ReadonlySet<string>;
  /** Ids of the claims placed on text that has changed since they were marked. */
  changed?: ReadonlySet<string>;
  onReveal(claim: Claim): void;
}

/** Claims as a list a reader can scan: quote, status, note and when; choosing one shows it in its page. */
export function ClaimList({ claims, rebuttals, orphans, changed, onReveal }: ClaimListProps) {
  return (
    <ul class="claims">
      {claims.map((claim) => (
        <li key={claim.id} class={`claim status-${claim.status}`}>
          <button type="button" class="reveal" onClick={trusted(() => onReveal(claim))}>
            <blockquote class="quote">{claim.target.quote.exact}</blockquote>
          </button>
          <div class="meta">
            <span class="badge">{STATUS_LABELS[claim.status]}</span>
            <time dateTime={claim.modified}>{formatTime(claim.modified)}</time>
            {claim.tags.map((tag) => (
              <span key={tag} class="tag">
                {tag}
              </span>
            ))}
          </div>
          {claim.note && <p class="note">{claim.note}</p>}
          {orphans?.has(claim.id) && (
            <p class="orphaned">Not found on this page: the text may have changed.</p>
          )}
          {changed?.has(claim.id) && (
            <p class="orphaned">The text has changed since it was marked: its card on the page shows how.</p>
          )}
          <RebuttalList rebuttals={rebuttals.filter((rebuttal) => rebuttal.claimId === claim.id)} />
        </li>
      ))}
    </ul>
  );
}
