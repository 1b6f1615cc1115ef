/**
 * What the harness asks of each engine under test. Each engine is its own IIFE bundle that sets
 * `window.__benchEngine`, so that the page holds only the code of the engine being measured.
 */

/** A placement: the Range an engine returned, or null for an orphan. */
export type Placement = Range | null;

export interface BenchEngine {
  readonly name: string;
  /** Describe each range with the engine's own describe function. The result crosses to Node as JSON. */
  describeAll(root: HTMLElement, ranges: readonly Range[]): Promise<unknown[]>;
  /** Anchor stored targets, as `describeAll` made them. Timed together with `paint`. */
  anchor(root: HTMLElement, stored: readonly unknown[]): Promise<Placement[]>;
  /** Paint every placed range. A painter that wraps text may leave the Ranges it was given unusable. */
  paint(ranges: readonly Placement[]): void;
  /** Remove everything this engine painted. Timed, for the removal figure. */
  clear(): void;
}

declare global {
  interface Window {
    __benchEngine?: BenchEngine;
  }
}
