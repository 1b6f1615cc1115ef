import type { Claim, Rebuttal } from '../core/model';
import { formatTime, STATUS_LABELS } from './labels';
import type { PlacementMark } from './placement-marks';
import { RebuttalList } from './RebuttalList';
import { trusted } from './trusted';

export interface ClaimListProps {
  claims: readonly Claim[];
  rebuttals: readonly Rebuttal[];
  /** The claims a visit to their page did not find as marked, by id. */
  marks?: ReadonlyMap<string, PlacementMark>;
  onReveal(claim: Claim): void;
}

/** Why a claim is marked, in words, with when it was found so; a sign before it, so that colour is not the cue. */
function PlacementNotice({ mark }: { mark: PlacementMark | undefined }) {
  if (!mark) return null;
  const { outcome, seen } = mark;
  const when = seen && <time dateTime={seen}>{formatTime(seen)}</time>;
  return (
    <p class="placement-mark">
      <span aria-hidden="true">⚠ </span>
      {outcome === 'changed' ? (
        <>Text changed since marked{when && <>, found on {when}</>}: its card on the page shows how.</>
      ) : (
        <>Not found {when ? <>on its page on {when}</> : 'on this page'}: the text may have changed.</>
      )}
    </p>
  );
}

/** Claims as a list a reader can scan: quote, status, note and when; choosing one shows it in its page. */
export function ClaimList({ claims, rebuttals, marks, onReveal }: ClaimListProps) {
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
          <PlacementNotice mark={marks?.get(claim.id)} />
          <RebuttalList rebuttals={rebuttals.filter((rebuttal) => rebuttal.claimId === claim.id)} />
        </li>
      ))}
    </ul>
  );
}
