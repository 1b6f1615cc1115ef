import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlacementReports } from '../../entrypoints/page-ui/placement-reports';
import type { PlacementReport } from '../../core/model';
import type { Ask } from '../../messaging/send';
import { NEW, OTHER } from './card-fixtures';

const PAGE = 'http://blog.example/post';
const SEEN = '2026-03-01T12:00:00.000Z';

let sent: { type: string; payload: unknown }[];
let placement: PlacementReports;

beforeEach(() => {
  vi.useFakeTimers();
  sent = [];
  const ask = (async (type: string, payload: unknown) => {
    sent.push({ type, payload });
    return { ok: true, value: null };
  }) as unknown as Ask;
  placement = new PlacementReports(ask);
});

afterEach(() => vi.useRealTimers());

/** The reports sent to the background so far. */
function reported(): unknown[] {
  return sent.filter((message) => message.type === 'placement.report').map((message) => message.payload);
}

const changed = (text: string): PlacementReport => ({ claimId: NEW, outcome: 'changed', text });

describe('what a visit reports of its claims', () => {
  it('sends nothing when the page places every claim as the library holds it', async () => {
    placement.reset([{ claimId: OTHER, outcome: 'changed', text: 'now', seen: SEEN }]);
    placement.found(PAGE, [
      { claimId: NEW, outcome: 'as-marked' },
      { claimId: OTHER, outcome: 'changed', text: 'now' },
    ]);
    await vi.runAllTimersAsync();
    expect(sent).toEqual([]);
  });

  it('waits for the outcomes to settle, so that a note found a moment late is not stored as lost', async () => {
    placement.reset([]);
    placement.found(PAGE, [{ claimId: NEW, outcome: 'not-found' }]);
    await vi.advanceTimersByTimeAsync(2_000);
    placement.found(PAGE, [{ claimId: NEW, outcome: 'as-marked' }]);
    await vi.runAllTimersAsync();
    expect(sent).toEqual([]);

    placement.found(PAGE, [changed('rose by a quarter')]);
    await vi.advanceTimersByTimeAsync(2_000);
    // The page changed elsewhere; the claim still reads the same: the report is not put off.
    placement.found(PAGE, [changed('rose by a quarter')]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reported()).toEqual([{ pageKey: PAGE, reports: [changed('rose by a quarter')] }]);
    placement.found(PAGE, [changed('rose by a quarter')]);
    await vi.runAllTimersAsync();
    expect(reported()).toHaveLength(1);
  });

  it('remembers a kept quote against its text only', async () => {
    placement.reset([{ claimId: NEW, outcome: 'changed', text: 'rose by a quarter', seen: SEEN }]);
    expect(placement.kept(NEW, 'rose by a quarter')).toBe(false);
    await placement.keep(NEW, 'rose by a quarter');
    expect(sent).toEqual([{ type: 'placement.keep', payload: { id: NEW, text: 'rose by a quarter' } }]);
    expect(placement.kept(NEW, 'rose by a quarter')).toBe(true);
    expect(placement.kept(NEW, 'rose by a fifth')).toBe(false);
  });
});
