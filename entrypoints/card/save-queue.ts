/**
 * The card's saves. Each change goes out the moment the reader makes it, so nothing waits in the frame when
 * its tab closes; the channel delivers and the background applies them in the order they were sent (after the
 * claim's creation, when the card made it), so the last one always wins. Nothing here knows about the page.
 */
import type { Claim } from '../../core/model';
import type { ClaimChanges, Result } from '../../core/protocol';

export interface SaveQueueDeps {
  /** Send one save; saves sent one after another are applied in that order. */
  save(id: string, changes: ClaimChanges): Promise<Result<Claim>>;
  onSaved(claim: Claim): void;
  onProblem(message: string): void;
}

export class SaveQueue {
  constructor(private readonly deps: SaveQueueDeps) {}

  /** How many saves of each claim are sent and not answered yet. */
  private readonly unanswered = new Map<string, number>();

  push(id: string, changes: ClaimChanges): void {
    this.unanswered.set(id, (this.unanswered.get(id) ?? 0) + 1);
    void this.deps.save(id, changes).then((answer) => {
      const left = (this.unanswered.get(id) ?? 1) - 1;
      if (left > 0) this.unanswered.set(id, left);
      else this.unanswered.delete(id);
      if (!answer.ok) this.deps.onProblem(answer.error);
      // Only the answer to the newest save is the claim as the reader left it.
      else if (left === 0) this.deps.onSaved(answer.value);
    });
  }

  /** Whether changes of `id` have not been confirmed by the background yet. */
  unsaved(id: string): boolean {
    return (this.unanswered.get(id) ?? 0) > 0;
  }
}
