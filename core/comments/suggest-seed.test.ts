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
import { suggestRebuttals } from './suggest';

const SEED = 'seed/article-with-comments.txt';

/** The seed's "N. Author says:" blocks, as authors and paragraphs. */
function seedComments(text: string): { author: string; paragraphs: string[] }[] {
  const out: { author: string; paragraphs: string[] }[] = [];
  let inThread = false;
  for (const line of text.split('\n')) {
    if (/Responses to/.test(line)) inThread = true;
    else if (!inThread) continue;
    else if (/^Leave a Reply/.test(line)) break;
    else {
      const head = /^ {2}\d+\. (.*)$/.exec(line);
      const said = head && /^(.*) says:$/.exec(head[1] ?? '');
      if (head)
        out.push(
          said ? { author: said[1] ?? '', paragraphs: [] } : { author: '', paragraphs: [head[1] ?? ''] },
        );
      else if (line.trim()) out[out.length - 1]?.paragraphs.push(line.trim());
    }
  }
  return out;
}

/** A WordPress classic comment list built with DOM calls, text set as text. */
function threadPage(comments: { author: string; paragraphs: string[] }[]): Document {
  const doc = document.implementation.createHTMLDocument(
    'The real reasons Ken wants Lutfur back in the party',
  );
  const list = doc.createElement('ol');
  list.className = 'commentlist';
  comments.forEach((comment, i) => {
    const li = doc.createElement('li');
    li.id = `comment-${i + 1}`;
    li.className = 'comment depth-1';
    const byline = doc.createElement('div');
    byline.className = 'comment-author vcard';
    if (comment.author) {
      const name = doc.createElement('cite');
      name.className = 'fn';
      name.textContent = comment.author;
      byline.append(name);
    }
    const body = doc.createElement('div');
    body.className = 'comment-content';
    for (const paragraph of comment.paragraphs) {
      const p = doc.createElement('p');
      p.textContent = paragraph;
      body.append(p);
    }
    li.append(byline, body);
    list.append(li);
  });
  const section = doc.createElement('div');
  section.id = 'comments';
  section.append(list);
  doc.body.append(section);
  return doc;
}

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
];

describeWithShared(
  'suggestRebuttals on a page built from ../shared/seed/article-with-comments.txt',
  { needs: [SEED] },
  () => {
    const load = (): ExtractedComment[] =>
      extractComments(threadPage(seedComments(readFileSync(sharedPath(SEED), 'utf8'))));

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
        const top = suggestRebuttals(claim, comments, 3).map((s) => s.commentId);
        expect(top).toEqual(expect.arrayContaining(answeredBy.map((n) => `comment-${n}`)));
      });
    }

    it('points at point 3 of the first comment, which quotes and disputes the "not budging" claim', () => {
      const comments = load();
      const claim = LABELLED[0]?.claim ?? '';
      const stuart = suggestRebuttals(claim, comments).find((s) => s.commentId === 'comment-1');
      expect(stuart?.reasons).toEqual(['quotes-claim', 'disputes', 'shared-words']);
      const text = comments[0]?.text ?? '';
      const quoted = text.slice(stuart?.overlap?.start, stuart?.overlap?.end);
      expect(quoted).toContain('not budging in its oposition to Rahman');
      const point = comments[0]?.paragraphs.find((p) => p.includes(quoted));
      expect(point).toMatch(/^3, You falsely claim/);
    });
  },
);
