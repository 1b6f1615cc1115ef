import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LabelledComment } from './fixtures/library-thread';
import { CLAIMS, COMMENTS } from './fixtures/library-thread';
import { suggestRebuttals } from './suggest';

type ClaimKey = keyof typeof CLAIMS;

const answering = (key: ClaimKey): string[] =>
  COMMENTS.filter((c) => c.answers.includes(key)).map((c) => c.id);
const find = (key: ClaimKey, id: string) =>
  suggestRebuttals(CLAIMS[key], COMMENTS).find((s) => s.commentId === id);

describe('suggestRebuttals on a hand-labelled thread', () => {
  for (const key of Object.keys(CLAIMS) as ClaimKey[]) {
    it(`ranks every comment that answers the "${key}" claim in the top three`, () => {
      const top = suggestRebuttals(CLAIMS[key], COMMENTS, 3).map((s) => s.commentId);
      expect(top).toEqual(expect.arrayContaining(answering(key)));
    });
  }

  it('finds a quotation despite a typo (“vistors”), and proposes it with the objection after it', () => {
    const c1 = find('visitors', 'c1');
    expect(c1?.reasons).toEqual(['quotes-claim', 'disputes', 'shared-words']);
    expect(c1?.stance).toBe('rebuts');
    const text = COMMENTS.find((c) => c.id === 'c1')?.text ?? '';
    const excerpt = text.slice(c1?.excerpt.start, c1?.excerpt.end);
    expect(excerpt).toContain('had fewer than 40 vistors a day last year');
    expect(excerpt).toContain('That is simply false');
  });

  it('sees a dispute near shared rare words even without a quotation', () => {
    expect(find('saving', 'c3')?.reasons).toEqual(['disputes', 'shared-words']);
    expect(find('bus', 'c2')?.reasons).toContain('disputes');
  });

  it('does not call a comment a dispute when its objection is far from the claim', () => {
    // c10 says "actually" in its first sentence and quotes the claim sixty words later, agreeing with it.
    const c10 = find('van', 'c10');
    expect(c10?.reasons).toEqual(['quotes-claim', 'shared-words']);
    const text = COMMENTS.find((c) => c.id === 'c10')?.text ?? '';
    expect(text.slice(c10?.excerpt.start, c10?.excerpt.end)).toMatch(
      /^As for the future: the mobile library van/,
    );
  });

  it('does not suggest comments that share only everyday words or a name everyone uses', () => {
    for (const key of Object.keys(CLAIMS) as ClaimKey[]) {
      const ids = suggestRebuttals(CLAIMS[key], COMMENTS).map((s) => s.commentId);
      expect(ids).not.toContain('c4');
      expect(ids).not.toContain('c8');
    }
    // c6 is angry at the council, but not about the saving.
    expect(find('saving', 'c6')).toBeUndefined();
  });

  it('returns scores in [0, 1], best first, at most `limit`, each with a reason', () => {
    const all = suggestRebuttals(CLAIMS.visitors, COMMENTS, 10);
    expect(all.length).toBeGreaterThan(0);
    expect(all.map((s) => s.score)).toEqual([...all.map((s) => s.score)].sort((a, b) => b - a));
    expect(all.every((s) => s.score > 0 && s.score <= 1 && s.reasons.length > 0)).toBe(true);
    expect(suggestRebuttals(CLAIMS.visitors, COMMENTS, 1)).toHaveLength(1);
  });

  it('does not depend on the order of the comments', () => {
    const reversed: LabelledComment[] = [...COMMENTS].reverse();
    for (const key of Object.keys(CLAIMS) as ClaimKey[]) {
      const forward = suggestRebuttals(CLAIMS[key], COMMENTS).map((s) => [s.commentId, s.score]);
      const backward = suggestRebuttals(CLAIMS[key], reversed).map((s) => [s.commentId, s.score]);
      expect(new Set(backward.map(String))).toEqual(new Set(forward.map(String)));
    }
  });

  it('suggests nothing for an empty claim, a claim of stop words, or a page without comments', () => {
    expect(suggestRebuttals('', COMMENTS)).toEqual([]);
    expect(suggestRebuttals('it is what it was', COMMENTS)).toEqual([]);
    expect(suggestRebuttals(CLAIMS.van, [])).toEqual([]);
  });

  it('meets words built on the same root, which light stemming misses', () => {
    // Everyone mentions holiday flats; only "a" speaks of regulating them, as "regulated", not "regulation".
    const comments = [
      { id: 'a', text: 'Holiday flats here were never properly regulated in the first place.' },
      { id: 'b', text: 'Holiday flats line the whole harbour now.' },
      { id: 'c', text: 'We stayed in one of the holiday flats last spring.' },
      { id: 'd', text: 'Lovely photographs of the old town.' },
    ];
    const suggestions = suggestRebuttals('Regulation of holiday flats has failed', comments);
    expect(suggestions.map((s) => s.commentId)).toEqual(['a']);
    expect(suggestions[0]?.reasons).toEqual(['shared-words']);
  });

  it('ranks a second commenter who sides with one quoting the claim, though sharing none of its rare words', () => {
    const claim = 'The ferry timetable was agreed with the harbour workers before the summer.';
    const thread = [
      {
        id: 'q',
        author: 'Maren Holt',
        text: 'You write that the ferry timetable was agreed with the harbour workers. That is false: nobody asked us.',
      },
      {
        id: 's',
        author: 'Ilse Brook',
        text: 'Lovely photos of the quay. I agree with Maren, the crews were told in a notice pinned up in May.',
      },
      { id: 'n', author: 'Olaf', text: 'Maren posted the same photos of the quay last week.' },
    ];
    const suggestions = suggestRebuttals(claim, thread);
    expect(suggestions.map((s) => s.commentId)).toEqual(['q', 's']);
    const siding = suggestions[1];
    expect(siding?.reasons).toEqual(['sides-with']);
    expect(siding?.stance).toBe('rebuts');
    expect(thread[1]?.text.slice(siding?.excerpt.start, siding?.excerpt.end)).toBe(
      'I agree with Maren, the crews were told in a notice pinned up in May.',
    );
  });

  it('re-reads a comment whose text changed since the last call', () => {
    const comment = { id: 'x', text: 'Nothing to do with it.' };
    expect(suggestRebuttals(CLAIMS.van, [comment])).toEqual([]);
    comment.text = 'The mobile library van will visit Eastgate twice a week? Not true, it stopped in May.';
    expect(suggestRebuttals(CLAIMS.van, [comment])[0]?.reasons).toEqual([
      'quotes-claim',
      'disputes',
      'shared-words',
    ]);
  });
});

describe('suggestRebuttals, for any thread', () => {
  const word = fc.constantFrom(
    'river',
    'council',
    'vote',
    'bridge',
    'money',
    'the',
    'a',
    'of',
    'in',
    'was',
    'never',
    'closed',
    'winter',
    'path',
    'lights',
    'rain',
    'bus',
    'ferry',
    'night',
    'school',
    'report',
    'figures',
    'says',
    'they',
    'we',
  );
  const sentence = fc.array(word, { minLength: 0, maxLength: 40 }).map((words) => words.join(' '));
  const claim = 'The harbour office counted twelve thousand ferry crossings during the winter';

  it('says a comment quotes the claim whenever it holds the claim word for word, and ranks it above those that do not', () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 12 }),
        fc.nat(),
        sentence,
        sentence,
        (texts, pick, before, after) => {
          const at = pick % texts.length;
          const comments = texts.map((text, i) => ({
            id: `c${i}`,
            text: i === at ? `${before} ${claim} ${after}` : text,
          }));
          const suggestions = suggestRebuttals(claim, comments, comments.length);
          const quoting = suggestions.find((s) => s.commentId === `c${at}`);
          expect(quoting?.reasons).toContain('quotes-claim');
          expect(suggestions[0]?.commentId).toBe(`c${at}`);
          for (const s of suggestions) expect(s.score).toBeGreaterThan(0);
          for (const s of suggestions) expect(s.score).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never suggests a comment that shares no word of substance with the claim', () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 12 }), (texts) => {
        const comments = texts.map((text, i) => ({ id: `c${i}`, text }));
        // None of the generated words is a content word of this claim.
        expect(suggestRebuttals('Eleven orchards flowered early in Kent', comments, 20)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('suggestRebuttals with the names a page gives in full', () => {
  const claim = 'Hale closed the branch to save money, not because nobody came.';
  const comments = [
    { id: 'n1', text: 'Martin was never going to keep it open after the cuts.' },
    { id: 'n2', text: 'Lovely photos of the old reading room.' },
  ];

  it('meets a claim word by the other part of its name', () => {
    expect(suggestRebuttals(claim, comments, 3).map((s) => s.commentId)).toEqual([]);
    const suggested = suggestRebuttals(claim, comments, 3, [['martin', 'hale']]);
    expect(suggested.map((s) => s.commentId)).toEqual(['n1']);
    expect(suggested[0]?.reasons).toEqual(['shared-words']);
  });

  it('takes no alias from a part that two names share, nor for a word the claim writes in lower case', () => {
    expect(
      suggestRebuttals(claim, comments, 3, [
        ['martin', 'hale'],
        ['martin', 'pike'],
      ]),
    ).toEqual([]);
    const lower = 'The council will hale the branch into court.';
    expect(suggestRebuttals(lower, comments, 3, [['martin', 'hale']])).toEqual([]);
  });
});
