import { describe, expect, it } from 'vitest';
import { fullNamesIn } from './page-names';

describe('fullNamesIn', () => {
  it('finds the names a page gives in full, in lower case, once each', () => {
    const page =
      'Ken Livingstone has failed the new mayor. Earlier this week Ken said there is no timescale, and ' +
      'Livingstone rowed back. Since then Lutfur Rahman stays out; lutfur has friends in Tower Hamlets, as Lutfur knows.';
    expect(fullNamesIn(page)).toEqual([
      ['ken', 'livingstone'],
      ['lutfur', 'rahman'],
      ['tower', 'hamlets'],
    ]);
  });

  it('leaves out pairs with a word the page mostly writes in lower case within a sentence, and initials', () => {
    const page =
      'The Labour Party met. The party said the party would wait. Mr Smith and St Albans agreed, said Jo Ann.';
    expect(fullNamesIn(page)).toEqual([]);
  });

  it('reads names in other alphabets', () => {
    expect(fullNamesIn('Le président a reçu Ólafur Ragnar, et Ólafur a parlé.')).toEqual([
      ['ólafur', 'ragnar'],
    ]);
  });
});
