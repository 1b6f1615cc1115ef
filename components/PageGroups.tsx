import type { Claim, Rebuttal } from '../core/model';
import { ClaimList } from './ClaimList';
import type { PlacementMark } from './placement-marks';

export interface PageGroupsProps {
  claims: readonly Claim[];
  rebuttals: readonly Rebuttal[];
  /** The claims the last visit to their page did not find as marked, by id. */
  marks: ReadonlyMap<string, PlacementMark>;
  onReveal(claim: Claim): void;
}

/** Every claim, grouped under the page it was made on, pages with the latest change first. */
export function PageGroups({ claims, rebuttals, marks, onReveal }: PageGroupsProps) {
  const pages = new Map<string, Claim[]>();
  for (const claim of claims) pages.set(claim.pageKey, [...(pages.get(claim.pageKey) ?? []), claim]);
  return (
    <div class="pages">
      {[...pages].map(([pageKey, pageClaims]) => {
        const first = pageClaims[0];
        return (
          <section key={pageKey} class="page">
            <h2>
              <a href={first?.url ?? pageKey} target="_blank" rel="noreferrer">
                {first?.title || pageKey}
              </a>
            </h2>
            <ClaimList claims={pageClaims} rebuttals={rebuttals} marks={marks} onReveal={onReveal} />
          </section>
        );
      })}
    </div>
  );
}
