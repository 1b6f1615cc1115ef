import { describe, expect, it } from 'vitest';
import { draftChanges, draftOf, withUpdated } from '../../components/claim-edit';
import { claim, NEW, OTHER } from './card-fixtures';

const stored = claim(NEW, { note: 'Counts one street only.', tags: ['traffic', 'data'] });

describe('editing a claim in a list row', () => {
  it('opens on the stored note and tags, and asks to save nothing when nothing was changed', () => {
    const draft = draftOf(stored);
    expect(draft).toEqual({ note: 'Counts one street only.', tags: 'traffic, data' });
    expect(draftChanges(stored, draft)).toEqual({});
    // Spacing and a repeated tag read as the same tags.
    expect(draftChanges(stored, { ...draft, tags: ' traffic ,data, traffic,' })).toEqual({});
  });

  it('saves only what the reader changed', () => {
    expect(draftChanges(stored, { note: 'Orchard Street took the cars.', tags: 'traffic, data' })).toEqual({
      note: 'Orchard Street took the cars.',
    });
    expect(draftChanges(stored, { note: 'Counts one street only.', tags: 'data, traffic' })).toEqual({
      tags: ['data', 'traffic'],
    });
    expect(draftChanges(stored, { note: '', tags: '' })).toEqual({ note: '', tags: [] });
  });

  it('puts the saved claim in place of its old copy, leaving the others as they were', () => {
    const other = claim(OTHER);
    const saved = { ...stored, note: 'Orchard Street took the cars.' };
    const claims = withUpdated([other, stored], saved);
    expect(claims).toEqual([other, saved]);
    expect(claims[0]).toBe(other);
  });
});
