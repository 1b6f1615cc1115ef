// @vitest-environment jsdom
import { h, render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimList } from '../../components/ClaimList';
import { libraryRows } from '../../components/library-rows';
import { placementMarks } from '../../components/placement-marks';
import type { Placement } from '../../core/model';
import { claim, NEW, OTHER } from './card-fixtures';

const KEPT = 'urn:uuid:77777777-7777-4888-9999-aaaaaaaaaaaa';
const SEEN = '2026-03-05T14:03:00.000Z';

afterEach(() => {
  document.body.replaceChildren();
});

/** The text of each listed claim, in order. */
function listed(placements: readonly Placement[], live: Parameters<typeof placementMarks>[1]): string[] {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    h(ClaimList, {
      rows: libraryRows([claim(NEW), claim(OTHER), claim(KEPT)], false),
      rebuttals: new Map(),
      marks: placementMarks(placements, live),
      grouped: false,
      onReveal: () => undefined,
    }),
    root,
  );
  return [...root.querySelectorAll('li')].map((item) => item.textContent ?? '');
}

describe('the lists’ marks', () => {
  it('tells which claims the page in the tab shows on changed text and which it does not show at all', () => {
    const [edited, missing, kept] = listed([], { orphans: [OTHER], changed: [NEW] });
    expect(edited).toContain('⚠ Text changed since marked: its card on the page shows how.');
    expect(edited).not.toContain('Not found');
    expect(missing).toContain('⚠ Not found on this page: the text may have changed.');
    expect(missing).not.toContain('Text changed');
    expect(kept).not.toContain('⚠');
  });

  it('marks, with the date of that visit, what the last visit found changed or missing, unless the reader kept it', () => {
    const when = new Date(SEEN).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    const [edited, missing, kept] = listed(
      [
        { claimId: NEW, outcome: 'changed', text: 'rose by a quarter', seen: SEEN },
        { claimId: OTHER, outcome: 'not-found', seen: SEEN },
        { claimId: KEPT, outcome: 'changed', text: 'rose by a fifth', seen: SEEN, kept: true },
      ],
      null,
    );
    expect(edited).toContain(`⚠ Text changed since marked, found on ${when}`);
    expect(missing).toContain(`⚠ Not found on its page on ${when}: the text may have changed.`);
    expect(kept).not.toContain('⚠');
    expect(kept).not.toContain('changed');
  });

  it('takes the tab’s own reading of its page over the last visit stored', () => {
    const [edited, missing] = listed([{ claimId: NEW, outcome: 'not-found', seen: SEEN }], {
      orphans: [],
      changed: [],
    });
    expect(edited).not.toContain('⚠');
    expect(missing).not.toContain('⚠');
  });
});
