import { Component } from 'preact';
import type { Claim } from '../core/model';
import { STATUS_LABELS } from '../core/labels';
import { trusted } from './trusted';

export interface OrphanListProps {
  orphans: readonly Claim[];
  onOpen(claim: Claim): void;
}

/**
 * The page's notes whose text could not be found, so that none of them silently disappears: a small
 * notice that opens into their quotes. A class, like the claim card, to keep Preact's hooks out of the page.
 */
export class OrphanList extends Component<OrphanListProps, { open: boolean }> {
  override state = { open: false };

  render() {
    const { orphans, onOpen } = this.props;
    const { open } = this.state;
    const count = orphans.length === 1 ? '1 note' : `${orphans.length} notes`;
    return (
      <aside class="orphans" aria-label="Notes not found on this page">
        <button
          type="button"
          class="orphans-toggle"
          aria-expanded={open}
          onClick={trusted(() => this.setState({ open: !open }))}
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
}
