import type { ClaimStatus } from '../core/model';
import { CLAIM_STATUSES } from '../core/model';
import { STATUS_LABELS } from '../core/labels';
import type { SortOrder } from './library-rows';
import { SORT_LABELS, SORT_ORDERS } from './library-rows';
import type { NoteFilter } from './note-filter';

export interface NoteFiltersProps {
  filter: NoteFilter;
  /** The tags a reader can pick from: those of the claims in view. */
  tags: readonly string[];
  /** How many claims pass the filter, out of how many are in view. */
  shown: number;
  total: number;
  sort: SortOrder;
  onChange(filter: NoteFilter): void;
  onSort(sort: SortOrder): void;
}

/** Search box, status and tag filters and the order of the listed claims. */
export function NoteFilters({ filter, tags, shown, total, sort, onChange, onSort }: NoteFiltersProps) {
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
      <select
        class="sort"
        aria-label="Order"
        value={sort}
        onChange={(event) => onSort(event.currentTarget.value as SortOrder)}
      >
        {SORT_ORDERS.map((order) => (
          <option key={order} value={order}>
            {SORT_LABELS[order]}
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
