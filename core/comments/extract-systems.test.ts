// @vitest-environment jsdom
/**
 * One fixture per comment system added for issue 12, each written by hand after the system's real markup: every
 * comment is found once, with its author, time, text and the comment it replies to.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractedComment } from './extract';
import { extractComments } from './extract';

function page(name: string): Document {
  const html = readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
  return new DOMParser().parseFromString(html, 'text/html');
}

/** Who wrote what, when, and what it answers: the fields a reader checks on each comment. */
function thread(comments: readonly ExtractedComment[]) {
  return comments.map((c) => [c.id, c.author, c.posted, c.parentId, c.text]);
}

describe('forums', () => {
  it('XenForo 1: posts with their permalink date, the signature and the quote toggle left out', () => {
    const comments = extractComments(page('xenforo-1.html'));
    expect(thread(comments)).toEqual([
      [
        'post-8801',
        'lockkeeper',
        '2015-06-20T09:12',
        undefined,
        'The resurfacing did not start in May. The first machines came on 12 June.',
      ],
      [
        'post-8802',
        'Wren',
        '2015-06-20T12:15:00Z',
        undefined,
        'lockkeeper said: ↑\n\nThe first machines came on 12 June.\n\nThey were on the north bank a week before that.',
      ],
    ]);
    expect(comments.every((c) => c.markup === 'xenforo')).toBe(true);
  });

  it('XenForo 2: the post id the page links to, and quotes kept as the poster showed them', () => {
    const comments = extractComments(page('xenforo-2.html'));
    expect(thread(comments)).toEqual([
      [
        'post-5501',
        'ferrytales',
        '2021-03-04T22:10:00+00:00',
        undefined,
        'The N4 never ran every 20 minutes.\nIt was every 30 from the start.',
      ],
      [
        'post-5502',
        'Imke R',
        '2021-03-05T07:45:00+00:00',
        undefined,
        'ferrytales said:\n\nIt was every 30 from the start.\n\nThe 2019 timetable says 20, I still have it.',
      ],
    ]);
    expect(comments[0]?.permalink).toMatch(/\/threads\/night-buses\.90\/post-5501$/);
  });

  it('phpBB: the name from the byline, not its "go to post" icon link, and the date from its text', () => {
    expect(thread(extractComments(page('phpbb.html')))).toEqual([
      [
        'p4101',
        'marsh_harrier',
        '2019-04-13T18:05',
        undefined,
        'Forty herons is not a record for the lake.\nWe counted 52 in 2011.',
      ],
      [
        'p4102',
        'Ola',
        '2019-04-13T18:40:00+00:00',
        undefined,
        'marsh_harrier wrote:We counted 52 in 2011.\n\nThat count included the egrets.',
      ],
    ]);
  });

  it('vBulletin 3, 4 and 5: table, list and widget layouts', () => {
    expect(thread(extractComments(page('vbulletin-3.html')))).toEqual([
      [
        'post3301',
        'runnerbean',
        '2017-09-02T08:30',
        undefined,
        'The list is not three years long. I waited fourteen months.',
      ],
      [
        'post3302',
        'Dot',
        '2017-09-02T10:05',
        undefined,
        'Quote:\n\nOriginally Posted by runnerbean\n\nI waited fourteen months.\n\nHalf plots come up faster than full ones.',
      ],
    ]);
    expect(thread(extractComments(page('vbulletin-4.html')))).toEqual([
      [
        'post_7001',
        'beacon',
        '2016-03-15T09:20',
        undefined,
        'Keepers were paid weekly, not monthly, until 1950.',
      ],
      [
        'post_7002',
        'Greta S',
        '2016-03-15T23:02',
        undefined,
        "My grandfather's slips are monthly from 1946.",
      ],
    ]);
    // The opening post counts (the forum numbers it #1); the "Widgets Magazine" block is not a post.
    const five = extractComments(page('vbulletin-5.html'));
    expect(thread(five)).toEqual([
      ['post9100', 'tuber', '2019-04-09T16:55:39Z', undefined, 'Store them in the dark, not in the fridge.'],
      [
        'post9104',
        'chitting',
        '2019-04-09T17:55:39Z',
        undefined,
        'A cool shed works; the fridge makes them sweet.',
      ],
    ]);
    expect(five.every((c) => c.markup === 'vbulletin')).toBe(true);
  });

  it('NodeBB: author and epoch time from the post element, not the schema.org reader', () => {
    const comments = extractComments(page('nodebb.html'));
    expect(thread(comments)).toEqual([
      [
        'post-80100',
        'inkwell',
        '2019-03-24T22:05:33Z',
        undefined,
        'The dark theme is not easier on the eyes at night for everyone.',
      ],
      [
        'post-80107',
        'Pell',
        '2019-03-25T10:38:45Z',
        undefined,
        'Astigmatism makes light text on dark blur.\n\nIt is a known effect.',
      ],
    ]);
    expect(comments.map((c) => c.markup)).toEqual(['nodebb', 'nodebb']);
  });
});

describe('link aggregators', () => {
  it('Hacker News before 2014: threads rebuilt from spacer widths, the Ask HN text and the form left out', () => {
    const comments = extractComments(page('hacker-news-2012.html'));
    expect(thread(comments)).toEqual([
      [
        '5001',
        'tideline',
        undefined,
        undefined,
        'It is not a 20% cut in practice: I did the same work in four days.',
      ],
      [
        '5002',
        'gorse',
        undefined,
        '5001',
        'Same work for less pay is still a cut.\n\nYour employer just got a bargain.',
      ],
      ['5003', 'kestrel', undefined, undefined, 'Check what happens to your pension contributions.'],
    ]);
    expect(comments[1]?.depth).toBe(1);
  });

  it('new Reddit (2019): authors from avatar links, threads from "level N", a deleted comment kept empty', () => {
    const comments = extractComments(page('reddit-new.html'));
    expect(thread(comments)).toEqual([
      ['t1_f00aa1', 'kettle_black', undefined, undefined, 'A cast iron pan. Twelve years and still going.'],
      ['t1_f00aa2', 'Sable-9', undefined, 't1_f00aa1', 'Only if you season it; mine rusted in a month.'],
      ['t1_f00aa3', '[deleted]', undefined, 't1_f00aa2', ''],
      ['t1_f00aa4', 'oatmilk', undefined, undefined, 'Noise-cancelling headphones for the commute.'],
    ]);
    expect(comments.map((c) => c.depth)).toEqual([0, 1, 2, 0]);
  });

  it('Reddit shreddit-comment elements: fields from attributes, replies nested, the post left out', () => {
    const comments = extractComments(page('reddit-shreddit.html'));
    expect(thread(comments)).toEqual([
      [
        't1_kb1',
        'span_counter',
        '2024-02-11T08:15:02Z',
        undefined,
        'It is the longest road bridge, not the longest bridge.\n\nThe rail viaduct is 300 m longer.',
      ],
      ['t1_kb2', 'viaduct_fan', '2024-02-11T09:00:00Z', 't1_kb1', 'And the viaduct opened in 1987.'],
      ['t1_kb3', '[deleted]', undefined, undefined, '[removed]'],
    ]);
    expect(comments[0]?.permalink).toMatch(/\/r\/exampletown\/comments\/pq12\/comment\/kb1\/$/);
  });
});

describe('comment widgets rendered in the page', () => {
  it('Isso: nested follow-ups, and "Anonymous" when no name was given', () => {
    expect(thread(extractComments(page('isso.html')))).toEqual([
      [
        'isso-14',
        'Moss',
        '2023-05-02T19:04:11Z',
        undefined,
        'Less than a coffee, until you count the hours you spend on updates.',
      ],
      [
        'isso-15',
        'Anonymous',
        '2023-05-03T06:00:00Z',
        'isso-14',
        'Updates are automatic on my box; it is ten minutes a month.',
      ],
    ]);
  });

  it('Commento: the date from the title of a relative age', () => {
    expect(thread(extractComments(page('commento.html')))).toEqual([
      [
        'commento-9f3a',
        'Jorund',
        '2020-03-10T18:42',
        undefined,
        'Not twice: about a third faster at 1800 m in my kitchen.',
      ],
      [
        'commento-c01d',
        'Anonymous',
        '2020-03-11T07:05',
        'commento-9f3a',
        'Which flour? Rye changes everything.',
      ],
    ]);
  });

  it('Remark42: a reply drawn beside its parent, in the thread that follows it', () => {
    expect(thread(extractComments(page('remark42.html')))).toEqual([
      [
        'remark42__comment-7c1e',
        'Vera N.',
        '2022-04-02T20:15',
        undefined,
        'Spring tides are not caused by spring, the season.',
      ],
      [
        'remark42__comment-7c2f',
        'harbourmaster',
        '2022-04-03T06:02',
        'remark42__comment-7c1e',
        'Right, they come twice a month with the new and full moon.',
      ],
      ['remark42__comment-7c30', 'Kip', '2022-04-04T13:00', undefined, 'Great tables, thank you.'],
    ]);
  });

  it('Coral: replies by indent level, and the featured copy of a comment not read twice', () => {
    const comments = extractComments(page('coral.html'));
    expect(thread(comments)).toEqual([
      [
        'comment-c1',
        'tidewatcher',
        '2022-11-08T14:00:00Z',
        undefined,
        '4 million is the first phase only. The second phase was costed at 2.5 million more.',
      ],
      ['comment-c2', 'Agata', '2022-11-08T15:30:00Z', 'comment-c1', 'Source? The minutes say 1.8 million.'],
      ['comment-c3', 'Ruth', '2022-11-08T16:00:00Z', undefined, 'The old wall stood for 200 years.'],
    ]);
  });

  it('Viafoura: nested replies under their parent', () => {
    expect(thread(extractComments(page('viafoura.html')))).toEqual([
      ['vf-311', 'Piet', '2024-06-01T10:00:00Z', undefined, '2027 is what they said about 2025 in 2021.'],
      ['vf-312', 'Lotte', '2024-06-01T11:20:00Z', 'vf-311', 'The 2021 plan said 2026, not 2025.'],
    ]);
  });

  it('Ghost: the threaded layout, where a reply follows its parent instead of sitting inside it', () => {
    expect(thread(extractComments(page('ghost.html')))).toEqual([
      [
        '65f1a0c2e4b0a1b2c3d4e5f6',
        'Noor Haddad',
        '2024-03-13T14:05',
        undefined,
        'The survey had 400 answers, not 4,000.',
      ],
      [
        '65f1a0c2e4b0a1b2c3d4e5f7',
        'Editor',
        '2024-03-13T16:30',
        '65f1a0c2e4b0a1b2c3d4e5f6',
        'Thanks, corrected.',
      ],
    ]);
  });

  it('Substack: the writer’s reply nested in the reader’s comment', () => {
    expect(thread(extractComments(page('substack.html')))).toEqual([
      [
        'comment-4410001',
        'Ana Reyes',
        '2024-02-03T09:14:00Z',
        undefined,
        '10% on what measure? Output per hour, or per week?',
      ],
      [
        'comment-4410020',
        'The Writer',
        '2024-02-03T11:00:00Z',
        'comment-4410001',
        'Per hour. Per week it was flat.',
      ],
    ]);
  });

  it('Lemmy: replies in the list item around the parent, the date from the tooltip', () => {
    expect(thread(extractComments(page('lemmy.html')))).toEqual([
      [
        'comment-5531',
        'pedal_power',
        '2024-05-08T09:30',
        undefined,
        'It is back, but only for cargo bikes this year.',
      ],
      [
        'comment-5540',
        'Hedda',
        '2024-05-08T11:00',
        'comment-5531',
        'Not only cargo bikes: trikes for disabled riders too.',
      ],
    ]);
  });

  it('Mastodon: the replies, not the post the thread is about', () => {
    expect(thread(extractComments(page('mastodon.html')))).toEqual([
      [
        'status-11002',
        'Tess K',
        '2024-04-02T12:10:00Z',
        undefined,
        '35 times faster per hectare, but the total stored is far smaller.',
      ],
    ]);
  });

  it('Drupal 8 and later: replies in div.indented, the Reply links left out', () => {
    const comments = extractComments(page('drupal-8.html'));
    expect(thread(comments)).toEqual([
      [
        'comment-61',
        'Guest reader',
        '2021-01-12T09:30:00+00:00',
        undefined,
        'It already closes on Mondays in summer.',
      ],
      [
        'comment-64',
        'Librarian Jo',
        '2021-01-12T11:05:00+00:00',
        'comment-61',
        'Summer Mondays were half days, not closures.',
      ],
      ['comment-70', 'Bram', '2021-01-13T08:00:00+00:00', undefined, 'Will the reading room stay open?'],
    ]);
    expect(comments.every((c) => c.markup === 'drupal')).toBe(true);
  });
});

describe('a news site’s own comments, and lookalikes beside them', () => {
  it('finds comments with names and times under an article when no class name says what they are', () => {
    const comments = extractComments(page('news-site.html'));
    expect(thread(comments)).toEqual([
      [
        'lz-s-901',
        'Radlerin_HB',
        '2024-05-12T18:22',
        undefined,
        'Zwölf Kilometer? Im Plan stehen nur acht, der Rest sind markierte Streifen.',
      ],
      [
        'lz-s-902',
        'K. Albers',
        '2024-05-12T19:05',
        undefined,
        'Die 3,4 Millionen sind nur der städtische Anteil.',
      ],
      ['lz-s-905', 'Olaf', '2024-05-13T07:40', undefined, 'Endlich.'],
    ]);
    // The "most commented" list in the side column is not read.
    expect(comments.some((c) => c.text.includes('Parkgebühren'))).toBe(false);
  });

  it('refuses WordPress comment markup repeated in a "Recent Comments" sidebar and a "Most discussed" widget', () => {
    const comments = extractComments(page('wordpress-recent-sidebar.html'));
    expect(comments.map((c) => [c.id, c.author])).toEqual([
      ['comment-301', 'Skipper Moe'],
      ['comment-302', 'Ilse'],
    ]);
  });
});
