import type { Rebuttal } from '../core/model';
import { STANCE_LABELS } from '../core/labels';
import { trusted } from './trusted';

export interface RebuttalListProps {
  rebuttals: readonly Rebuttal[];
  /** Ids of rebuttals whose comment is not on the page as it is now. */
  orphans?: ReadonlySet<string>;
  /** Show the comment the rebuttal came from. */
  onSelect?(rebuttal: Rebuttal): void;
  onRemove?(rebuttal: Rebuttal): void;
}

/** What commenters answered to a claim: who, how (rebuts, supports, context) and with which words. */
export function RebuttalList({ rebuttals, orphans, onSelect, onRemove }: RebuttalListProps) {
  return (
    <ul class="rebuttals">
      {rebuttals.map((rebuttal) => {
        const body = (
          <>
            <span class={`stance stance-${rebuttal.stance}`}>{STANCE_LABELS[rebuttal.stance]}</span>{' '}
            <span class="author">{rebuttal.comment.author || 'A commenter'}</span>
            <q class="excerpt">{rebuttal.target.quote.exact}</q>
          </>
        );
        return (
          <li key={rebuttal.id} class="rebuttal">
            {onSelect ? (
              <button type="button" class="select" onClick={trusted(() => onSelect(rebuttal))}>
                {body}
              </button>
            ) : (
              <div>{body}</div>
            )}
            {orphans?.has(rebuttal.id) && <p class="orphaned">Its comment is not on this page any more.</p>}
            {rebuttal.note && <p class="note">{rebuttal.note}</p>}
            {onRemove && (
              <button
                type="button"
                class="remove"
                aria-label={`Remove the rebuttal by ${rebuttal.comment.author || 'a commenter'}`}
                onClick={trusted(() => onRemove(rebuttal))}
              >
                Remove
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
