import { trusted } from './trusted';

export interface RebuttalBadge {
  claimId: string;
  count: number;
  /** Viewport position just after the claim's highlighted text. */
  top: number;
  left: number;
}

export interface RebuttalBadgesProps {
  badges: readonly RebuttalBadge[];
  onOpen(claimId: string): void;
}

/** How many rebuttals each claim has, shown at the end of its highlight. */
export function RebuttalBadges({ badges, onOpen }: RebuttalBadgesProps) {
  return (
    <>
      {badges.map(({ claimId, count, top, left }) => (
        <button
          key={claimId}
          type="button"
          class="count"
          style={{ top: `${top}px`, left: `${left}px` }}
          aria-label={count === 1 ? '1 rebuttal' : `${count} rebuttals`}
          title={count === 1 ? '1 rebuttal' : `${count} rebuttals`}
          onClick={trusted(() => onOpen(claimId))}
        >
          {count}
        </button>
      ))}
    </>
  );
}
