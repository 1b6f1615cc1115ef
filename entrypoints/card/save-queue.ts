/**
 * The card's saves, in order per claim: at most one save of a claim travels at a time, the changes made
 * meanwhile wait and merge, and the last one always lands. A claim the background has not stored yet holds its
 * changes until it is. Nothing here knows about the page.
 */
import type { Claim } from '../../core/model';
import type { ClaimChanges, Result } from '../../core/protocol';

export interface SaveQueueDeps {
  save(id: string, changes: ClaimChanges): Promise<Result<Claim>>;
  onSaved(claim: Claim): void;
  onProblem(message: string): void;
}

export class SaveQueue {
  constructor(private readonly deps: SaveQueueDeps) {}

  private readonly waiting = new Map<string, ClaimChanges>();
  private readonly travelling = new Set<string>();
  private readonly held = new Set<string>();

  /** Keep the changes of `id` until `release`: the background has not stored that claim yet. */
  hold(id: string): void {
    this.held.add(id);
  }

  release(id: string): void {
    if (this.held.delete(id)) this.pump(id);
  }

  push(id: string, changes: ClaimChanges): void {
    this.waiting.set(id, { ...this.waiting.get(id), ...changes });
    this.pump(id);
  }

  /** Forget what waits for `id`: the claim was deleted, or never stored. */
  drop(id: string): void {
    this.waiting.delete(id);
    this.held.delete(id);
  }

  /** Whether changes of `id` have not reached the background yet. */
  unsaved(id: string): boolean {
    return this.waiting.has(id) || this.travelling.has(id);
  }

  /**
   * Send everything that waits at once, without waiting for saves under way: the frame is going away (its
   * tab closing), and a message sent now still arrives, after the one already travelling.
   */
  flushNow(): void {
    for (const [id, changes] of this.waiting) {
      if (this.held.has(id)) continue;
      this.waiting.delete(id);
      void this.deps.save(id, changes);
    }
  }

  private pump(id: string): void {
    if (this.travelling.has(id) || this.held.has(id)) return;
    const changes = this.waiting.get(id);
    if (!changes) return;
    this.waiting.delete(id);
    this.travelling.add(id);
    void this.deps.save(id, changes).then((answer) => {
      this.travelling.delete(id);
      if (answer.ok) {
        // A newer save is on its way: this answer is not the claim the reader sees.
        if (!this.waiting.has(id)) this.deps.onSaved(answer.value);
      } else {
        this.deps.onProblem(answer.error);
      }
      this.pump(id);
    });
  }
}
