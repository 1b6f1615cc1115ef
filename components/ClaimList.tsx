import type { Claim, Rebuttal } from '../core/model';
import { formatTime, STATUS_LABELS } from './labels';
import type { LibraryRow } from './library-rows';
import type { PlacementMark } from './placement-marks';
import { RebuttalList } from './RebuttalList';
import { trusted } from './trusted';
import { VirtualRows } from './VirtualRows';

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

export interface ClaimBodyProps {
  claim: Claim;
  rebuttals: readonly Rebuttal[];
  mark: PlacementMark | undefined;
  onReveal(claim: Claim): void;
  onDelete?(claim: Claim): void;
}

/** One claim as a reader scans it: quote, status, note and when; choosing it shows it in its page. */
export function ClaimBody({ claim, rebuttals, mark, onReveal, onDelete }: ClaimBodyProps) {
  return (
    <>
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
        {onDelete && (
          <button
            type="button"
            class="delete"
            aria-label={`Delete the claim “${claim.target.quote.exact.slice(0, 60)}”`}
            onClick={trusted(() => onDelete(claim))}
          >
            Delete
          </button>
        )}
      </div>
      {claim.note && <p class="note">{claim.note}</p>}
      <PlacementNotice mark={mark} />
      {rebuttals.length > 0 && <RebuttalList rebuttals={rebuttals} />}
    </>
  );
}

export interface ClaimListProps {
  rows: readonly LibraryRow[];
  /** Each claim's rebuttals, by claim id. */
  rebuttals: ReadonlyMap<string, readonly Rebuttal[]>;
  /** The claims a visit to their page did not find as marked, by id. */
  marks?: ReadonlyMap<string, PlacementMark>;
  /** Whether the rows group claims under their pages (every page's claims) or not (one page's). */
  grouped: boolean;
  onReveal(claim: Claim): void;
  onDelete?(claim: Claim): void;
}

const NONE: readonly Rebuttal[] = [];

/** A claim's likely height: its quote and note in lines of about 60 characters, and its rebuttals. */
function estimate(row: LibraryRow): number {
  if (row.kind === 'page') return 36;
  const { claim } = row;
  const lines = (text: string) => Math.ceil(text.length / 60);
  return 70 + 20 * (lines(claim.target.quote.exact) + lines(claim.note));
}

/**
 * Claims as a list a reader can scan, under their pages' headings when grouped; only the rows in view are
 * drawn, so that a library of any size opens and scrolls at once.
 */
export function ClaimList({ rows, rebuttals, marks, grouped, onReveal, onDelete }: ClaimListProps) {
  return (
    <VirtualRows
      rows={rows}
      listClass={grouped ? 'claims pages' : 'claims'}
      label={grouped ? 'Claims on every page' : 'Claims on this page'}
      keyOf={(row) => row.key}
      estimate={estimate}
      classOf={(row) => (row.kind === 'page' ? 'page' : `claim status-${row.claim.status}`)}
      render={(row) =>
        row.kind === 'page' ? (
          <h2>
            <a href={row.url} target="_blank" rel="noreferrer">
              {row.title}
            </a>{' '}
            <span class="page-count">
              {row.claims} {row.claims === 1 ? 'claim' : 'claims'}
            </span>
          </h2>
        ) : (
          <ClaimBody
            claim={row.claim}
            rebuttals={rebuttals.get(row.claim.id) ?? NONE}
            mark={marks?.get(row.claim.id)}
            onReveal={onReveal}
            onDelete={onDelete}
          />
        )
      }
    />
  );
}
