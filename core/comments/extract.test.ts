// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedComment } from './extract';
import { extractComments, findCommentSections } from './extract';

function page(name: string): Document {
  const html = readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** What a reader sees of each comment in a list: who, when, where it sits in the thread. */
function summary(comments: readonly ExtractedComment[]) {
  return comments.map((c) => ({
    id: c.id,
    author: c.author,
    posted: c.posted,
    parentId: c.parentId,
    depth: c.depth,
  }));
}

describe('extractComments on each markup', () => {
  it('reads WordPress classic threads, including old themes that print the byline inside the body', () => {
    const comments = extractComments(page('wordpress-classic.html'));
    expect(summary(comments)).toEqual([
      {
        id: 'comment-101',
        author: 'Marta Ilves',
        posted: '2024-02-03T09:15:00+00:00',
        parentId: undefined,
        depth: 0,
      },
      {
        id: 'comment-102',
        author: 'Desk Editor',
        posted: '2024-02-03T11:40:00+00:00',
        parentId: 'comment-101',
        depth: 1,
      },
      { id: 'comment-103', author: 'Oskar B.', posted: '2024-02-04T19:02', parentId: undefined, depth: 0 },
    ]);
    expect(comments.every((c) => c.markup === 'wordpress')).toBe(true);
    expect(comments[0]?.permalink).toBe('https://example.org/river-path/#comment-101');
    // The byline, the date and the Reply link are not part of what Oskar wrote.
    expect(comments[2]?.text).toBe('I cycle it daily and it was closed twice in January.');
    // The reply's text is its own, not repeated in its parent.
    expect(comments[0]?.text).not.toContain('corrected');
  });

  it('reads the older `ol.commentlist` class the same way', () => {
    const doc = page('wordpress-classic.html');
    const list = doc.querySelector('ol.comment-list');
    list?.classList.replace('comment-list', 'commentlist');
    expect(doc.querySelector('ol.comment-list')).toBeNull();
    expect(extractComments(doc).map((c) => [c.id, c.markup, c.depth])).toEqual([
      ['comment-101', 'wordpress', 0],
      ['comment-102', 'wordpress', 1],
      ['comment-103', 'wordpress', 0],
    ]);
  });

  it('keeps numbered points apart, so each can be attached to a different claim', () => {
    const [first] = extractComments(page('wordpress-classic.html'));
    expect(first?.paragraphs).toEqual([
      'The vote was not unanimous, whatever the headline says. Two members abstained.',
      '1. The path floods every February.',
      '2. Nobody has costed the repairs.',
      '3. The lighting was removed last year.',
    ]);
    expect(first?.text).toBe(first?.paragraphs.join('\n\n'));
  });

  it('reads WordPress block themes', () => {
    const comments = extractComments(page('wordpress-block.html'));
    expect(summary(comments)).toEqual([
      {
        id: 'comment-7',
        author: 'Pia Lund',
        posted: '2023-11-20T22:05:00+01:00',
        parentId: undefined,
        depth: 0,
      },
      {
        id: 'comment-8',
        author: 'Ravi',
        posted: '2023-11-21T07:30:00+01:00',
        parentId: 'comment-7',
        depth: 1,
      },
    ]);
    expect(comments[0]?.markup).toBe('wordpress-block');
    expect(comments[0]?.text).toBe('Every forty minutes is not what the leaflet says. It says every hour.');
  });

  it('reads schema.org Comment microdata, author Person and nested replies included', () => {
    const comments = extractComments(page('schema-org-microdata.html'));
    expect(summary(comments)).toEqual([
      {
        id: 'note-31',
        author: 'Hanne Sørlie',
        posted: '2022-06-14T18:22:00Z',
        parentId: undefined,
        depth: 0,
      },
      { id: 'note-32', author: 'Jon Eide', posted: '2022-06-15', parentId: 'note-31', depth: 1 },
    ]);
    expect(comments[0]?.permalink).toBe('https://example.org/harbour#note-31');
    expect(comments[0]?.text).not.toContain('vehicles');
  });

  it('pairs JSON-LD comments with the elements that show them, and leaves out those no element shows', () => {
    const doc = page('schema-org-json-ld.html');
    const comments = extractComments(doc);
    expect(comments.map((c) => [c.author, c.posted, c.markup])).toEqual([
      ['Ines Duarte', '2021-09-02T08:00:00Z', 'json-ld'],
      ['Tomas K.', '2021-09-03', 'json-ld'],
    ]);
    expect(comments[0]?.root).toBe(doc.getElementById('c-401'));
    // Without an id to go by, the root is the block showing the text and its byline.
    expect(comments[1]?.root.className).toBe('talk-item');
    expect(comments[1]?.text).toBe('My grandfather rowed supplies out there every Sunday, rain or not.');
    expect(comments.some((c) => c.text.includes('structured data'))).toBe(false);
  });

  it('survives hostile structured data: a malformed URL escape and deeply nested JSON', () => {
    const doc = page('schema-org-json-ld.html');
    const add = (json: string): void => {
      const script = doc.createElement('script');
      script.type = 'application/ld+json';
      script.textContent = json;
      doc.head.append(script);
    };
    add('{"@type":"Comment","url":"https://example.org/#c-%E0%A4%A","author":"Mal Formed","text":"x"}');
    let nested = '{"@type":"Comment","text":"Buried far too deep to be real structured data."}';
    for (let i = 0; i < 100_000; i++) nested = `{"a":${nested}}`;
    add(nested);
    expect(extractComments(doc).map((c) => c.author)).toEqual(['Ines Duarte', 'Tomas K.']);
  });

  it('reads microformats replies (p-comment h-cite and h-entry)', () => {
    const comments = extractComments(page('microformats.html'));
    expect(summary(comments)).toEqual([
      { id: 'r1', author: 'Lena Park', posted: '2020-05-11T10:20:00-04:00', parentId: undefined, depth: 0 },
      { id: 'r2', author: 'Arjun', posted: '2020-05-12', parentId: undefined, depth: 0 },
    ]);
    expect(comments[0]?.permalink).toBe('https://lena.example/notes/2020/05/crumb');
    expect(comments[0]?.text).toMatch(/^Not always\./);
  });

  it('reads Blogger threaded comments', () => {
    const comments = extractComments(page('blogger.html'));
    expect(summary(comments)).toEqual([
      { id: 'c7001', author: 'Greta', posted: '2019-06-08T15:20', parentId: undefined, depth: 0 },
      { id: 'c7002', author: 'Mill Watch', posted: '2019-06-08T16:20', parentId: 'c7001', depth: 1 },
    ]);
    expect(comments[0]?.text).toBe('212 seems high. Were some counted twice as they circled?');
  });

  it('reads the classic Blogger definition list, author and time from the rows around the body', () => {
    const comments = extractComments(page('blogger-classic.html'));
    expect(comments.map((c) => [c.id, c.author, c.posted, c.text])).toEqual([
      ['c5001', 'Ulla', '2019-10-10T10:05', 'A week early here too, and the dahlias are gone.'],
      ['c5002', 'Anonymous', '2019-10-11T20:45', 'Did the leeks survive it?'],
    ]);
    // Relative links are resolved against the page, as a reader following them would be.
    expect(comments[0]?.permalink).toMatch(/^https?:\/\/[^#]+#c5001$/);
  });

  it('reads Discourse replies and leaves out the first post, which is the topic itself', () => {
    const comments = extractComments(page('discourse.html'));
    expect(comments.map((c) => [c.id, c.author, c.posted])).toEqual([
      ['post_2', 'kaisa', '2023-04-03T08:10:00Z'],
      ['post_3', 'lasse', '2023-04-03T09:10:00Z'],
    ]);
    expect(comments[0]?.paragraphs).toEqual([
      'Every 12 minutes is wrong for the evening. After 20:00 it is every 24.',
      'Weekdays: 12 minutes until 20:00.',
      'Evenings: 24 minutes.',
    ]);
  });

  it('reads the Discourse crawler view served without JavaScript, again without the topic post', () => {
    const comments = extractComments(page('discourse-crawler.html'));
    expect(comments.map((c) => [c.id, c.author, c.posted, c.text, c.markup])).toEqual([
      [
        'post_2',
        'fennel',
        '2022-04-02T09:30:00Z',
        'Not without watering. Mine failed in 2020 on sandy soil.',
        'discourse',
      ],
    ]);
    // The author's profile link is not the comment's permalink.
    expect(comments[0]?.permalink).toBeUndefined();
  });

  it('rebuilds Hacker News threads from the indentation of a flat table', () => {
    const comments = extractComments(page('hacker-news.html'));
    expect(summary(comments)).toEqual([
      { id: '3101', author: 'quartzfan', posted: '2024-03-18T14:02:11', parentId: undefined, depth: 0 },
      { id: '3102', author: 'maker_of_clock', posted: '2024-03-18T14:30:40', parentId: '3101', depth: 1 },
      { id: '3103', author: 'quartzfan', posted: '2024-03-18T15:01:00', parentId: '3102', depth: 2 },
      { id: '3104', author: 'ohm', posted: '2024-03-18T15:20:00', parentId: undefined, depth: 0 },
    ]);
    expect(comments[0]?.paragraphs).toEqual([
      'It does not run a year on one charge; the datasheet says nine months.',
      'Still a lovely build.',
    ]);
    expect(comments[0]?.text).not.toMatch(/reply|next/);
  });

  it('reads old Reddit, including deleted comments and the submission left out', () => {
    const comments = extractComments(page('reddit-old.html'));
    expect(summary(comments)).toEqual([
      {
        id: 't1_aa1',
        author: 'heatpump_hal',
        posted: '2019-10-01T09:12:00+00:00',
        parentId: undefined,
        depth: 0,
      },
      { id: 't1_aa2', author: 'civic_ed', posted: '2019-10-01T10:00:00+00:00', parentId: 't1_aa1', depth: 1 },
      {
        id: 't1_aa3',
        author: '[deleted]',
        posted: '2019-10-02T08:00:00+00:00',
        parentId: undefined,
        depth: 0,
      },
    ]);
    expect(comments[0]?.permalink).toMatch(
      /^https?:\/\/[^/]+\/r\/exampletown\/comments\/lib1\/the_city_says\/aa1\/$/,
    );
    expect(comments[0]?.paragraphs).toHaveLength(3);
    expect(comments[0]?.text).not.toContain('Source?');
  });

  it('reads Stack Exchange answers (by their author, not their editor) and the comments under posts', () => {
    const comments = extractComments(page('stack-exchange.html'));
    expect(summary(comments)).toEqual([
      { id: 'comment-900', author: 'Nadia', posted: '2020-01-05T10:11:12Z', parentId: undefined, depth: 0 },
      { id: 'answer-61', author: 'Tobias', posted: '2020-01-05T12:30:00Z', parentId: undefined, depth: 0 },
      { id: 'comment-905', author: 'Nadia', posted: '2020-01-05T13:00:00Z', parentId: 'answer-61', depth: 1 },
      { id: 'answer-62', author: 'Mireille', posted: '2020-01-07T19:45:00Z', parentId: undefined, depth: 0 },
    ]);
    expect(comments[1]?.text).toMatch(/^One minute is not enough/);
    expect(comments[1]?.text).not.toContain('source');
  });

  it('reads Disqus threads rendered in the page', () => {
    const comments = extractComments(page('disqus.html'));
    expect(summary(comments)).toEqual([
      { id: 'post-6001', author: 'Ferdinand Roy', posted: '2023-08-14T18:05', parentId: undefined, depth: 0 },
      { id: 'post-6002', author: 'Agnes H', posted: '2023-08-15T07:40', parentId: 'post-6001', depth: 1 },
    ]);
    expect(comments[0]?.text).toBe(
      'The dam is not the oldest in the region. Lindvik is older by eleven years.',
    );
  });

  it('falls back to repeated blocks under a "Responses" heading', () => {
    const comments = extractComments(page('generic-heading.html'));
    expect(comments.map((c) => [c.id, c.author, c.posted, c.markup])).toEqual([
      ['88', 'wet_walker', '2021-10-04T18:30', 'generic'],
      ['89', 'Fenna', '2021-10-05T07:02', 'generic'],
      ['90', 'gus', undefined, 'generic'],
    ]);
    // "<br><br>" ends a paragraph and "1) … 2) … 3) …" in one line are three points.
    expect(comments[0]?.paragraphs).toEqual([
      'Three hours is not a test. Try a full day on the fells.',
      'Also:',
      '1) seams',
      '2) zips',
      '3) hood fit all matter more than fabric.',
    ]);
    // The byline ("gus · yesterday") is not part of the comment.
    expect(comments[2]?.text).toBe('Which one had the best hood?');
  });

  it('keeps short comments whose commenter name and date are links', () => {
    const comments = extractComments(page('generic-linked-names.html'));
    expect(comments.map((c) => [c.id, c.author, c.text])).toEqual([
      ['tb-1', 'Bartholomew Fairweather-Smythe', 'Finally!'],
      ['tb-2', 'Gwendolyn Abernathy', 'Monday? The sign says Wednesday.'],
      ['tb-3', 'Li', 'It does not reach the university; it stops at the park gates.'],
    ]);
    expect(comments[1]?.posted).toBe('2022-05-02T09:45');
    expect(comments[1]?.permalink).toMatch(/#tb-2$/);
  });

  it('falls back to a section named "comments", with replies in Drupal-style indented blocks', () => {
    const comments = extractComments(page('drupal-indented.html'));
    expect(summary(comments)).toEqual([
      { id: 'comment-5101', author: 'Anonymous', posted: '2022-03-02T09:14', parentId: undefined, depth: 0 },
      {
        id: 'comment-5107',
        author: 'Beatrix Olsen',
        posted: '2022-03-03T16:50',
        parentId: 'comment-5101',
        depth: 1,
      },
      { id: 'comment-5110', author: 'Lee', posted: '2022-03-04T11:00', parentId: undefined, depth: 0 },
    ]);
    expect(comments[0]?.text).toBe('Doubled, but most of the new requests came from one company.');
  });
});

describe('extractComments refuses lookalikes', () => {
  it('finds nothing in menus, related posts, recent-comment widgets, forms, bylines and footers', () => {
    expect(extractComments(page('lookalikes.html'))).toEqual([]);
  });

  it('ignores the recent-comments widget and the reply form beside a real comment list', () => {
    const comments = extractComments(page('wordpress-classic.html'));
    expect(comments.map((c) => c.author)).toEqual(['Marta Ilves', 'Desk Editor', 'Oskar B.']);
  });
});

describe('re-running extraction as comments arrive', () => {
  function addReply(doc: Document, parentId: string, id: string, author: string, text: string): Element {
    const parent = doc.getElementById(parentId);
    let children = parent?.querySelector(':scope > ol.children');
    if (!children) {
      children = doc.createElement('ol');
      children.className = 'children';
      parent?.append(children);
    }
    const li = doc.createElement('li');
    li.id = id;
    li.className = 'comment depth-2';
    const body = doc.createElement('article');
    body.className = 'comment-body';
    const name = doc.createElement('b');
    name.className = 'fn';
    name.textContent = author;
    const content = doc.createElement('div');
    content.className = 'comment-content';
    const p = doc.createElement('p');
    p.textContent = text;
    content.append(p);
    body.append(name, content);
    li.append(body);
    children.append(li);
    return li;
  }

  it('gives the same ids on every run, so results can be merged', () => {
    const doc = page('generic-heading.html');
    expect(extractComments(doc).map((c) => c.id)).toEqual(extractComments(doc).map((c) => c.id));
    const hashed = page('schema-org-json-ld.html');
    expect(extractComments(hashed).map((c) => c.id)).toEqual(extractComments(hashed).map((c) => c.id));
  });

  it('finds a reply that arrived late when scoped to the new nodes, with its parent outside the scope', () => {
    const doc = page('wordpress-classic.html');
    const before = extractComments(doc);
    const added = addReply(
      doc,
      'comment-103',
      'comment-120',
      'Late Lena',
      'It was closed a third time on the 30th.',
    );
    const scoped = extractComments(added);
    expect(summary(scoped)).toEqual([
      { id: 'comment-120', author: 'Late Lena', posted: undefined, parentId: 'comment-103', depth: 1 },
    ]);
    const whole = extractComments(doc);
    expect(whole).toHaveLength(before.length + 1);
    expect(whole.find((c) => c.id === 'comment-120')?.depth).toBe(1);
    // The parent's text does not take in the new reply.
    expect(whole.find((c) => c.id === 'comment-103')?.text).not.toContain('third time');
  });

  it('gives a reply scanned alone the same parent as a whole-page scan, even when the parent has no id', () => {
    const doc = page('disqus.html');
    doc.getElementById('post-6001')?.removeAttribute('id');
    const whole = extractComments(doc);
    const reply = doc.getElementById('post-6002');
    expect(whole[0]?.id).toMatch(/^comment-/);
    expect(reply && extractComments(reply)[0]?.parentId).toBe(whole[0]?.id);

    const drupal = page('drupal-indented.html');
    const indented = drupal.querySelector('.indented');
    expect(indented && summary(extractComments(indented))).toEqual([
      {
        id: 'comment-5107',
        author: 'Beatrix Olsen',
        posted: '2022-03-03T16:50',
        parentId: 'comment-5101',
        depth: 1,
      },
    ]);
  });

  it('scopes to one section without reporting comments elsewhere on the page', () => {
    const doc = page('wordpress-classic.html');
    const thread = doc.getElementById('comment-101');
    expect(thread && extractComments(thread).map((c) => c.id)).toEqual(['comment-101', 'comment-102']);
  });

  it('finds a late comment in a section known only by its heading, when re-run on that section', () => {
    const doc = page('generic-heading.html');
    const [section] = findCommentSections(doc);
    const list = doc.querySelector('.cbox');
    const model = list?.lastElementChild;
    const late = model?.cloneNode(true) as Element | undefined;
    if (!section || !list || !late) throw new Error('fixture changed');
    late.setAttribute('data-cid', '91');
    const said = late.querySelector('.said');
    const who = late.querySelector('.nickname');
    if (said) said.textContent = 'The blue one, easily.';
    if (who) who.textContent = 'marit';
    list.append(late);
    const comments = extractComments(section);
    expect(comments.map((c) => [c.id, c.author, c.text]).slice(-1)).toEqual([
      ['91', 'marit', 'The blue one, easily.'],
    ]);
    expect(comments).toHaveLength(4);
  });

  it('names the sections to watch, including one still empty, and not the sidebar', () => {
    const doc = page('lookalikes.html');
    const sections = findCommentSections(doc);
    expect(sections).toContain(doc.getElementById('comments'));
    expect(sections.some((s) => s.closest('.sidebar, nav, footer'))).toBe(false);
    const wp = page('wordpress-classic.html');
    const watched = findCommentSections(wp);
    const list = wp.querySelector('ol.comment-list');
    expect(watched.some((s) => list && s.contains(list))).toBe(true);
  });
});
