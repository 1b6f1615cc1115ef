import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Claim, ClaimStatus, Rebuttal } from '../core/model';
import { CLAIM_STATUSES } from '../core/model';
import type { ClaimChanges } from '../core/protocol';
import type { ClaimDraft } from './claim-edit';
import { draftChanges, draftOf } from './claim-edit';
import { formatTime, STATUS_LABELS } from '../core/labels';
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

/**
 * Saves a change a reader made in a row; resolves to null once it is stored, else to a message for the reader.
 */
export type UpdateClaim = (claim: Claim, changes: ClaimChanges) => Promise<string | null>;

export interface ClaimBodyProps {
  claim: Claim;
  rebuttals: readonly Rebuttal[];
  mark: PlacementMark | undefined;
  onReveal(claim: Claim): void;
  onDelete?(claim: Claim): void;
  /** Given, the row lets the reader change the claim's status, note and tags. */
  onUpdate?: UpdateClaim;
}

/** A claim's quote, short enough to name it in a button's accessible name. */
const named = (claim: Claim) => `“${claim.target.quote.exact.slice(0, 60)}”`;

/** Why a change was not stored, said so that the reader knows their text is still there to save again. */
const notSaved = (message: string) => `Not saved: ${message} Your changes are still here; try again.`;

/** One claim as a reader scans it: quote, status, note and when; choosing it shows it in its page. */
export function ClaimBody({ claim, rebuttals, mark, onReveal, onDelete, onUpdate }: ClaimBodyProps) {
  /** The status chosen while its save is under way, so that the select does not jump back meanwhile. */
  const [choosing, setChoosing] = useState<ClaimStatus | null>(null);
  /** The note and tags being edited, or null when the row shows them. */
  const [draft, setDraft] = useState<ClaimDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const noteField = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const editing = draft !== null;
  /** Where the keyboard goes when the editor closes: back to what opened it, not to the top of the page. */
  const refocus = useRef(false);

  // Before the next paint, so that the keyboard is never left on the page's body meanwhile.
  useLayoutEffect(() => {
    if (editing) noteField.current?.focus();
    else if (refocus.current) editButton.current?.focus();
    refocus.current = false;
  }, [editing]);

  async function chooseStatus(status: ClaimStatus) {
    if (!onUpdate || status === claim.status) return;
    setChoosing(status);
    setProblem(null);
    const failed = await onUpdate(claim, { status });
    setChoosing(null);
    if (failed !== null) setProblem(`Status not saved: ${failed}`);
  }

  function close() {
    refocus.current = true;
    setDraft(null);
    setProblem(null);
  }

  async function save() {
    if (!onUpdate || draft === null || saving) return;
    const changes = draftChanges(claim, draft);
    if (Object.keys(changes).length === 0) return close();
    setSaving(true);
    setProblem(null);
    const failed = await onUpdate(claim, changes);
    setSaving(false);
    // On failure the fields stay open with what the reader typed.
    if (failed === null) close();
    else setProblem(notSaved(failed));
  }

  return (
    <>
      <button type="button" class="reveal" onClick={trusted(() => onReveal(claim))}>
        <blockquote class="quote">{claim.target.quote.exact}</blockquote>
      </button>
      <div class="meta">
        {onUpdate ? (
          <select
            class="status-choice"
            aria-label={`Status of the claim ${named(claim)}`}
            // Not disabled while saving: that would drop the keyboard's focus.
            value={choosing ?? claim.status}
            onChange={trusted((event) => {
              const select = event.currentTarget as HTMLSelectElement;
              // One save at a time, so that the answers cannot come back out of order.
              if (choosing !== null) select.value = choosing;
              else void chooseStatus(select.value as ClaimStatus);
            })}
          >
            {CLAIM_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        ) : (
          <span class="badge">{STATUS_LABELS[claim.status]}</span>
        )}
        <time dateTime={claim.modified}>{formatTime(claim.modified)}</time>
        {!editing &&
          claim.tags.map((tag) => (
            <span key={tag} class="tag">
              {tag}
            </span>
          ))}
        {onUpdate && !editing && (
          <button
            ref={editButton}
            type="button"
            class="edit"
            aria-label={`Edit the note and tags of the claim ${named(claim)}`}
            onClick={trusted(() => {
              setProblem(null);
              setDraft(draftOf(claim));
            })}
          >
            Edit
          </button>
        )}
        {onDelete && (
          <button
            type="button"
            class="delete"
            aria-label={`Delete the claim ${named(claim)}`}
            onClick={trusted(() => onDelete(claim))}
          >
            Delete
          </button>
        )}
      </div>
      {draft ? (
        <form
          class="editor"
          aria-label={`The note and tags of the claim ${named(claim)}`}
          onSubmit={(event) => {
            event.preventDefault();
            if (event.isTrusted) void save();
          }}
          onKeyDown={trusted((event: KeyboardEvent) => {
            if (event.key !== 'Escape') return;
            // Escape closes the editor only, not the popup around it.
            event.preventDefault();
            close();
          })}
        >
          <label>
            Note
            <textarea
              ref={noteField}
              rows={3}
              value={draft.note}
              onInput={(event) => setDraft({ ...draft, note: event.currentTarget.value })}
            />
          </label>
          <label>
            Tags, separated by commas
            <input
              type="text"
              value={draft.tags}
              onInput={(event) => setDraft({ ...draft, tags: event.currentTarget.value })}
            />
          </label>
          <div class="editor-actions">
            <button type="submit" class="save" disabled={saving}>
              {saving ? 'Saving…' : 'Save'}
            </button>
            <button type="button" class="cancel" onClick={trusted(close)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        claim.note && <p class="note">{claim.note}</p>
      )}
      {problem && (
        <p class="row-problem" role="alert">
          {problem}
        </p>
      )}
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
  onUpdate?: UpdateClaim;
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
export function ClaimList({ rows, rebuttals, marks, grouped, onReveal, onDelete, onUpdate }: ClaimListProps) {
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
            onUpdate={onUpdate}
          />
        )
      }
    />
  );
}
