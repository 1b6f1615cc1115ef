import { describe, expect, it } from 'vitest';
import { parsePostedTime } from './posted-time';

describe('parsePostedTime', () => {
  it('keeps ISO values and their zones, adding nothing the page did not state', () => {
    expect(parsePostedTime('2024-02-03T09:15:00+00:00')).toBe('2024-02-03T09:15:00+00:00');
    expect(parsePostedTime('2020-01-05 10:11:12Z')).toBe('2020-01-05T10:11:12Z');
    expect(parsePostedTime('2023-11-20T22:05:00+0100')).toBe('2023-11-20T22:05:00+01:00');
    expect(parsePostedTime('2015-03-11')).toBe('2015-03-11');
  });

  it('reads epoch seconds and milliseconds as UTC, and the ISO half of Hacker News titles', () => {
    expect(parsePostedTime('1680509400000')).toBe('2023-04-03T08:10:00Z');
    expect(parsePostedTime('1680509400')).toBe('2023-04-03T08:10:00Z');
    expect(parsePostedTime('2024-03-18T14:02:11 1710770531')).toBe('2024-03-18T14:02:11');
  });

  it('reads dates as people write them, with the time of day when given', () => {
    expect(parsePostedTime('March 10, 2017 at 12:20 AM')).toBe('2017-03-10T00:20');
    expect(parsePostedTime('wrote on March 11th, 2015 at 02:57:')).toBe('2015-03-11T02:57');
    expect(parsePostedTime('Monday, August 14, 2023 6:05 PM')).toBe('2023-08-14T18:05');
    expect(parsePostedTime('20 November 2023')).toBe('2023-11-20');
    expect(parsePostedTime('於 2013/12/28 10:28')).toBe('2013-12-28T10:28');
    expect(parsePostedTime('Sept 3 2019, 12:00 pm')).toBe('2019-09-03T12:00');
  });

  it('reads numeric dates with the year last: dotted ones day first, forum ones month first', () => {
    expect(parsePostedTime('12.05.2024, 18:22 Uhr')).toBe('2024-05-12T18:22');
    expect(parsePostedTime('22.04.18 в 23:19')).toBe('2018-04-22T23:19');
    expect(parsePostedTime('03-15-2016, 09:20 PM')).toBe('2016-03-15T21:20');
    expect(parsePostedTime('11/02/2020')).toBe('2020-11-02');
    // A first number above 12 cannot be a month.
    expect(parsePostedTime('25/12/2019 08:00')).toBe('2019-12-25T08:00');
    expect(parsePostedTime('31.02.2024')).toBeUndefined();
    expect(parsePostedTime('3/09/15 8:00am')).toBeUndefined();
  });

  it('says nothing when the page does not state a date', () => {
    for (const text of [
      '3 hours ago',
      'yesterday',
      'comment_date',
      '',
      null,
      undefined,
      'Reply',
      'Marching 10, 2017',
    ]) {
      expect(parsePostedTime(text)).toBeUndefined();
    }
  });

  it('does not take a date from a long passage, which talks about a date rather than stating the post’s', () => {
    const passage = `${'The council first met on the matter in spring and again later that year. '.repeat(3)}See March 3, 2021.`;
    expect(parsePostedTime(passage)).toBeUndefined();
  });

  it('refuses dates that do not exist', () => {
    expect(parsePostedTime('2023-02-30')).toBeUndefined();
    expect(parsePostedTime('February 30, 2023')).toBeUndefined();
    expect(parsePostedTime('2023-04-03T25:10')).toBeUndefined();
  });
});
