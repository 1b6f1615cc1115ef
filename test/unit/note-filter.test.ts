import { describe, expect, it } from 'vitest';
import {
  claimMurshid,
  claimOtherPage,
  claimPivotal,
  rebuttalNotGuilty,
} from '../../core/bundle/fixtures/seed-library';
import { filterClaims, isFiltering, NO_FILTER, tagsOf } from '../../components/note-filter';

const claims = [claimMurshid, claimPivotal, claimOtherPage];
const ids = (found: { id: string }[]) => found.map((claim) => claim.id);

describe('the notes page’s search and filters', () => {
  it('lists everything, in order, with no filter', () => {
    expect(ids(filterClaims(claims, [], NO_FILTER))).toEqual(ids(claims));
    expect(isFiltering(NO_FILTER)).toBe(false);
  });

  it('finds every word of the search in the quote, note, tags or title, ignoring case and accents', () => {
    expect(ids(filterClaims(claims, [], { ...NO_FILTER, search: 'MURSHID court' }))).toEqual([
      claimMurshid.id,
    ]);
    expect(ids(filterClaims(claims, [], { ...NO_FILTER, search: 'tower-hamlets' }))).toEqual([
      claimMurshid.id,
    ]);
    expect(ids(filterClaims(claims, [], { ...NO_FILTER, search: 'numbérs' }))).toEqual([claimPivotal.id]);
    expect(filterClaims(claims, [], { ...NO_FILTER, search: 'murshid pivotal' })).toEqual([]);
  });

  it('finds a claim by what its rebuttals say and who wrote them', () => {
    const found = filterClaims(claims, [rebuttalNotGuilty], { ...NO_FILTER, search: 'madewell not guilty' });
    expect(ids(found)).toEqual([claimMurshid.id]);
  });

  it('filters by status and by tag, together with the search', () => {
    expect(ids(filterClaims(claims, [], { ...NO_FILTER, status: 'needs-source' }))).toEqual([
      claimPivotal.id,
    ]);
    expect(ids(filterClaims(claims, [], { ...NO_FILTER, tag: 'turnout' }))).toEqual([claimOtherPage.id]);
    expect(filterClaims(claims, [], { search: 'murshid', status: 'supported', tag: null })).toEqual([]);
    expect(isFiltering({ ...NO_FILTER, tag: 'turnout' })).toBe(true);
  });

  it('offers each tag once, sorted', () => {
    expect(tagsOf(claims)).toEqual(['missing-context', 'tower-hamlets', 'turnout']);
  });
});
