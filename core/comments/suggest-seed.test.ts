// @vitest-environment jsdom
/**
 * Suggestions on a page built from `../shared/seed/article-with-comments.txt` (read at test time, never copied):
 * the comments are laid out as a WordPress thread, extracted, and ranked for claims of the article that
 * they answer. Labels are by hand, from reading the thread.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithShared, sharedPath } from '../../test/shared-data';
import type { ExtractedComment } from './extract';
import { extractComments } from './extract';
import { fullNamesIn } from './page-names';
import { seedThreadPage } from './fixtures/seed-thread';
import { excerptHits, SEED_GOLD } from './fixtures/suggestion-gold';
import { suggestRebuttals } from './suggest';

const SEED = 'seed/article-with-comments.txt';

/** Claims of the article and the comments that answer them (by their place in the thread). */
const LABELLED: { claim: string; answeredBy: number[] }[] = [
  {
    claim:
      'it looks like Tower Hamlets Labour party is not budging in its opposition to Rahman rejoining the party in the short term',
    answeredBy: [1, 8],
  },
  {
    claim: 'they have been clear that they will work with him on issues where they find common cause',
    answeredBy: [1],
  },
  {
    claim:
      'Rahman doesn’t seem to be in a hurry to make amends to Labour. He appears non-committal about who he is supporting as the candidate for his own council seat, for which there will be a by-election.',
    answeredBy: [3],
  },
  {
    claim:
      'Some of this stems back to the time when one of his advisers, Kumar Murshid, was accused of stealing money from a youth organisation.',
    answeredBy: [1],
  },
  {
    claim:
      'Rahman has responded by only appointing four people to his cabinet, leaving four portfolios up for grabs, perhaps to woo Labour councillors with the extra money which goes along with them.',
    answeredBy: [6],
  },
  {
    // Both answers say "Ken", which the claim does not: the article's "Ken Livingstone" joins the two.
    claim:
      'What I learned was that Livingstone’s actions were more likely to be based much more on his own history and affiliations than on his impending election campaign.',
    answeredBy: [1, 6],
  },
];

describeWithShared(
  'suggestRebuttals on a page built from ../shared/seed/article-with-comments.txt',
  { needs: [SEED] },
  () => {
    const page = (): Document =>
      seedThreadPage(document.implementation, readFileSync(sharedPath(SEED), 'utf8'));
    const load = (): ExtractedComment[] => extractComments(page());
    /** The names the article and thread give in full, as the card learns them from the page's text. */
    const names = (): string[][] => fullNamesIn(page().body.textContent ?? '');

    it('extracts the nine comments with their numbered points apart', () => {
      const comments = load();
      expect(comments.map((c) => c.author)).toEqual([
        'Stuart Madewell',
        'Anonymous',
        'Londoner',
        'Dan McCurry',
        'Mike',
        'Anatlus',
        'Dan McCurry',
        'Jon Lansman',
        'Londoner',
      ]);
      expect(comments[0]?.paragraphs.filter((p) => /^\d, /.test(p))).toHaveLength(6);
    });

    for (const { claim, answeredBy } of LABELLED) {
      it(`ranks comment ${answeredBy.join(' and ')} in the top three for “${claim.slice(0, 50)}…”`, () => {
        const comments = load();
        const top = suggestRebuttals(claim, comments, 3, names()).map((s) => s.commentId);
        expect(top).toEqual(expect.arrayContaining(answeredBy.map((n) => `comment-${n}`)));
      });
    }

    it('proposes, for the claims the numbered points of the first comment take up, the point that answers each', () => {
      const comments = load();
      const text = comments[0]?.text ?? '';
      // The gold set judges which point answers which claim.
      const answered = SEED_GOLD.flatMap(({ claim, answers }) =>
        answers.filter((a) => a.commentId === 'comment-1').map((answer) => ({ claim, answer })),
      );
      expect(answered).toHaveLength(5);
      const hits = answered.filter(({ claim, answer }) => {
        const found = suggestRebuttals(claim, comments, 3, names()).find((s) => s.commentId === 'comment-1');
        return excerptHits(text, found?.excerpt, answer.passages);
      });
      // Point 2 answers the claim about Livingstone's history by saying "Ken", found through the article's
      // "Ken Livingstone"; each of the other four points is proposed for its own claim.
      expect(hits).toHaveLength(5);
    });

    it('points at point 3 of the first comment, which quotes and disputes the "not budging" claim', () => {
      const comments = load();
      const claim = LABELLED[0]?.claim ?? '';
      const stuart = suggestRebuttals(claim, comments).find((s) => s.commentId === 'comment-1');
      expect(stuart?.reasons).toEqual(['quotes-claim', 'disputes', 'shared-words']);
      const text = comments[0]?.text ?? '';
      const quoted = text.slice(stuart?.excerpt.start, stuart?.excerpt.end);
      expect(quoted).toContain('not budging in its oposition to Rahman');
      const point = comments[0]?.paragraphs.find((p) => p.includes(quoted));
      expect(point).toMatch(/^3, You falsely claim/);
    });
  },
);
