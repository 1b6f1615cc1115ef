/**
 * The lists' notes, fetched from the background: one page's at once, or the whole library in slices, newest
 * change first, so that the first claims show while the rest is on its way. Each claim's rebuttals are found by
 * id and its search text is folded once, as they arrive.
 */
import { rebuttalsByClaim } from '../../components/library-rows';
import { SearchIndex } from '../../components/note-filter';
import type { Claim, Placement, Rebuttal } from '../../core/model';
import type { Ask } from '../../messaging/send';

/** Enough claims to fill the first screen, then larger slices. */
export const FIRST_SLICE = 60;
export const SLICE = 1_000;

export interface LoadedNotes {
  claims: Claim[];
  rebuttals: ReadonlyMap<string, readonly Rebuttal[]>;
  placements: Placement[];
  /** How many claims there are: more than `claims` holds while slices are still coming. */
  total: number;
  complete: boolean;
  index: SearchIndex;
}

/** After the next frame is painted. */
function nextFrame(): Promise<void> {
  return new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
}

type SliceAnswer = Awaited<ReturnType<typeof askSlice>>;

function askSlice(ask: Ask, offset: number, limit: number) {
  return ask('library.all', { offset, limit });
}

/**
 * The library's first slice, asked for before the page knows whether it will show every page's claims, so that
 * the answer is on its way while it finds out; `loadNotes` takes it as `early`.
 */
export function askFirstSlice(ask: Ask): Promise<SliceAnswer> {
  return askSlice(ask, 0, FIRST_SLICE);
}

export type Wanted = { kind: 'page'; pageKey: string } | { kind: 'all' };

/**
 * Load the notes `wanted`, calling `shown` with all that has arrived after each slice; stops quietly once
 * `stale()` says nobody is waiting for them any more. Resolves with an error the reader can read, or null.
 */
export async function loadNotes(
  ask: Ask,
  wanted: Wanted,
  shown: (notes: LoadedNotes) => void,
  stale: () => boolean,
  early: Promise<SliceAnswer> | null = null,
): Promise<string | null> {
  if (wanted.kind === 'page') {
    const answer = await ask('library.page', { pageKey: wanted.pageKey });
    if (stale()) return null;
    if (!answer.ok) return answer.error;
    const { claims, rebuttals, placements } = answer.value;
    shown({
      claims,
      rebuttals: rebuttalsByClaim(rebuttals),
      placements,
      total: claims.length,
      complete: true,
      index: new SearchIndex(rebuttals),
    });
    return null;
  }
  const seen = new Set<string>();
  const byClaim = new Map<string, Rebuttal[]>();
  const index = new SearchIndex();
  let claims: Claim[] = [];
  let placements: Placement[] = [];
  let limit = FIRST_SLICE;
  for (let offset = 0; ; limit = SLICE) {
    const answer = await (offset === 0 && early ? early : askSlice(ask, offset, limit));
    if (stale()) return null;
    if (!answer.ok) return answer.error;
    const slice = answer.value;
    offset += slice.claims.length;
    // A claim changed while the slices come moves to the front, and one of the next slice is sent again.
    const fresh = slice.claims.filter((claim) => !seen.has(claim.id));
    for (const claim of fresh) seen.add(claim.id);
    const ours = new Set(fresh.map((claim) => claim.id));
    const rebuttals = slice.rebuttals.filter((rebuttal) => ours.has(rebuttal.claimId));
    for (const [claimId, list] of rebuttalsByClaim(rebuttals)) byClaim.set(claimId, list);
    index.add(rebuttals);
    // Folded now, while the reader waits for the rest anyway, so that the first search need not.
    index.prepare(fresh);
    claims = claims.concat(fresh);
    placements = placements.concat(slice.placements.filter((placement) => ours.has(placement.claimId)));
    const complete = slice.claims.length < limit || offset >= slice.total;
    shown({
      claims,
      rebuttals: byClaim,
      placements,
      total: Math.max(slice.total, claims.length),
      complete,
      index,
    });
    if (complete) return null;
    // The next slice's answer is read on this thread: not before the first claims are painted.
    if (offset === slice.claims.length) await nextFrame();
  }
}
