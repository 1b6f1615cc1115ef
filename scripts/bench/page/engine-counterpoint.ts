/** Counterpoint's engine under test: `describeRange`, `anchorTargets` and the `Highlighter`, as the content script uses them. */
import { anchorTargets, describeRange, TextIndex } from '../../../core/anchoring';
import { Highlighter } from '../../../core/highlighter';
import { CLAIM_STATUSES } from '../../../core/model';
import type { TextTarget } from '../../../core/model';
import type { BenchEngine, Placement } from './engine';

const highlighter = new Highlighter();
let painted: string[] = [];

/** Spread claims over every status, as a reader's page would be: one highlight layer per status. */
function paintAll(ranges: readonly Placement[]): void {
  ranges.forEach((range, i) => {
    if (range === null) return;
    const id = `claim-${i}`;
    highlighter.paint(id, range, CLAIM_STATUSES[i % CLAIM_STATUSES.length] ?? 'highlight');
    painted.push(id);
  });
}

const engine: BenchEngine = {
  name: 'counterpoint',
  async describeAll(root, ranges) {
    // One index for every description, as describing many selections on one page would do.
    const index = new TextIndex(root);
    return ranges.map((range) => describeRange(range, root, index));
  },
  async anchor(root, stored) {
    // A range that described to nothing (null) is an orphan from the start.
    const targets = stored as readonly (TextTarget | null)[];
    const present = targets.filter((target): target is TextTarget => target !== null);
    const results = anchorTargets(root, present);
    let next = 0;
    return targets.map((target): Placement => {
      if (target === null) return null;
      const result = results[next++];
      return result?.kind === 'anchored' ? result.range : null;
    });
  },
  paint: paintAll,
  clear() {
    for (const id of painted) highlighter.erase(id);
    painted = [];
  },
};

window.__benchEngine = engine;
