import type { Claim } from '../core/model';
import { formatTime, STATUS_LABELS } from './labels';
import { trusted } from './trusted';

export interface ClaimListProps {
  claims: readonly Claim[];
  onReveal(claim: Claim): void;
}

/** Claims as a list a reader can scan: quote, status, note and when; choosing one shows it in its page. */
export function ClaimList({ claims, onReveal }: ClaimListProps) {
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
        </li>
      ))}
    </ul>
  );
}
