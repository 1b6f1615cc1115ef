import type { ClaimStatus } from '../core/model';
import { CLAIM_STATUSES } from '../core/model';
import { STATUS_LABELS } from './labels';
import type { NoteFilter } from './note-filter';

export interface NoteFiltersProps {
  filter: NoteFilter;
  /** The tags a reader can pick from: those of the claims in view. */
  tags: readonly string[];
  /** How many claims pass the filter, out of how many are in view. */
  shown: number;
  total: number;
  onChange(filter: NoteFilter): void;
}

/** Search box and status and tag filters over the listed claims. */
export function NoteFilters({ filter, tags, shown, total, onChange }: NoteFiltersProps) {
  return (
    <div class="filters" role="search">
      <input
        type="search"
        class="search"
        aria-label="Search notes"
        placeholder="Search notes"
        value={filter.search}
        onInput={(event) => onChange({ ...filter, search: event.currentTarget.value })}
      />
      <select
        class="status-filter"
        aria-label="Status"
        value={filter.status ?? ''}
        onChange={(event) =>
          onChange({ ...filter, status: (event.currentTarget.value || null) as ClaimStatus | null })
        }
      >
        <option value="">Any status</option>
        {CLAIM_STATUSES.map((status) => (
          <option key={status} value={status}>
            {STATUS_LABELS[status]}
          </option>
        ))}
      </select>
      <select
        class="tag-filter"
        aria-label="Tag"
        value={filter.tag ?? ''}
        disabled={tags.length === 0 && filter.tag === null}
        onChange={(event) => onChange({ ...filter, tag: event.currentTarget.value || null })}
      >
        <option value="">Any tag</option>
        {/* A chosen tag stays listed even when no claim in view carries it any more. */}
        {[...new Set(filter.tag === null ? tags : [filter.tag, ...tags])].map((tag) => (
          <option key={tag} value={tag}>
            {tag}
          </option>
        ))}
      </select>
      {shown !== total && (
        <p class="filter-count" aria-live="polite">
          {shown} of {total} claims
        </p>
      )}
    </div>
  );
}
