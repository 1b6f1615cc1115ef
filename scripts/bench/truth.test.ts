import { describe, expect, it } from 'vitest';
import { judge, locateUnique, tallyBy } from './truth';

describe('judge', () => {
  const truth = { start: 100, end: 140 };

  it('counts a placement on the passage as right, even with edges trimmed differently', () => {
    expect(judge({ start: 100, end: 140 }, truth)).toBe('right');
    expect(judge({ start: 99, end: 138 }, truth)).toBe('right');
  });

  it('counts a placement on other text as wrong', () => {
    expect(judge({ start: 500, end: 540 }, truth)).toBe('wrong');
    expect(judge({ start: 130, end: 170 }, truth)).toBe('wrong');
  });

  it('tells orphans of a present passage from rightful orphans of a gone one', () => {
    expect(judge(null, truth)).toBe('orphaned');
    expect(judge(null, null)).toBe('gone');
    expect(judge({ start: 0, end: 10 }, null)).toBe('wrong');
    expect(judge({ start: 0, end: 10 }, 'unknown')).toBe('unknown');
  });
});

describe('locateUnique', () => {
  it('knows the truth only for a quote that occurs once', () => {
    expect(locateUnique('one two three', 'two')).toEqual({ start: 4, end: 7 });
    expect(locateUnique('one two two', 'two')).toBe('unknown');
    expect(locateUnique('one two', 'four')).toBeNull();
  });

  it('does not call a passage gone when pieces of it are still there', () => {
    const page = 'Railways run the length of the country, although most lines now carry freight.';
    expect(locateUnique(page, 'Railways run the length[4] of the country')).toBe('unknown');
    expect(locateUnique(page, 'A sidebar link that readability dropped')).toBeNull();
  });
});

describe('tallyBy', () => {
  it('groups verdicts by how many words were edited', () => {
    const tally = tallyBy(['right', 'wrong', 'orphaned', 'right'], (i) => (i < 2 ? '0' : '1'));
    expect(tally['0']).toMatchObject({ right: 1, wrong: 1 });
    expect(tally['1']).toMatchObject({ right: 1, orphaned: 1 });
  });
});
