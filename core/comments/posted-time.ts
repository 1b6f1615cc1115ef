/**
 * Turns the many ways a comment section states "when" into ISO 8601.
 *
 * The parser is deliberately deterministic: it never calls `Date.parse` on free text (whose result depends on the
 * engine and its time zone) and never reads a clock, so "3 hours ago" stays unknown rather than being guessed.
 * A time without a zone stays a local ISO time (`2017-03-10T00:20`), because inventing a zone would be wrong.
 */

const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** 1-12 for a month name or its abbreviation ("Sept", "mar"), else undefined. */
function monthNumber(word: string): number | undefined {
  if (word.length < 3) return undefined;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(word));
  return index < 0 ? undefined : index + 1;
}

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

const pad = (n: number): string => String(n).padStart(2, '0');

function isValidDate(y: number, m: number, d: number): boolean {
  if (y < 1990 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function isoFrom(
  y: number,
  m: number,
  d: number,
  hh?: number,
  mm?: number,
  ss?: number,
  zone?: string,
): string | undefined {
  if (!isValidDate(y, m, d)) return undefined;
  let out = `${y}-${pad(m)}-${pad(d)}`;
  if (hh === undefined || mm === undefined) return out;
  if (hh > 23 || mm > 59 || (ss ?? 0) > 59) return undefined;
  out += `T${pad(hh)}:${pad(mm)}`;
  if (ss !== undefined) out += `:${pad(ss)}`;
  if (zone) out += zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return out;
}

/** Reads "12:20 AM", "3:53 pm", "08:00" out of free text; hours in 24-hour form. */
function clockIn(text: string): { hh: number; mm: number } | undefined {
  const m = /\b(\d{1,2})[:.](\d{2})(?::\d{2})?\s*([ap])?\.?\s*m?\.?(?![\w])/i.exec(text);
  if (!m) return undefined;
  let hh = Number(m[1]);
  const mm = Number(m[2]);
  const half = m[3]?.toLowerCase();
  if (half === 'p' && hh < 12) hh += 12;
  if (half === 'a' && hh === 12) hh = 0;
  return { hh, mm };
}

/** Epoch numbers as Discourse and Hacker News put them in attributes: seconds or milliseconds. */
function fromEpoch(text: string): string | undefined {
  if (!/^\d{10}(?:\d{3})?$/.test(text)) return undefined;
  const ms = text.length === 10 ? Number(text) * 1000 : Number(text);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Parses a posted time as pages write it: ISO values from `datetime` attributes, epoch numbers, and English or
 * numeric dates such as "March 10, 2017 at 12:20 AM", "11th March 2015", "2013/12/28 10:28", "12.05.2024, 18:22",
 * "03-15-2016, 09:20 PM".
 * Returns undefined when the text does not state a date, including relative times ("2 hours ago").
 */
export function parsePostedTime(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined;
  // A date label is short; a date inside a long passage is something the text talks about, not when it was posted.
  if (raw.length > 1000) return undefined;
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text || text.length > 200) return undefined;

  // Hacker News writes "2024-05-01T12:34:56 1714566896": the ISO part comes first.
  const first = text.split(' ')[0] ?? '';
  const epoch = fromEpoch(text) ?? fromEpoch(first);
  if (epoch) return epoch;

  const iso = ISO_LIKE.exec(text) ?? ISO_LIKE.exec(first);
  if (iso) {
    const [, y, mo, d, hh, mm, ss, zone] = iso;
    return isoFrom(
      Number(y),
      Number(mo),
      Number(d),
      hh === undefined ? undefined : Number(hh),
      mm === undefined ? undefined : Number(mm),
      ss === undefined ? undefined : Number(ss),
      zone,
    );
  }

  // Numeric year-first dates, common on Asian blog platforms: "2013/12/28 10:28", "2013.12.28".
  const ymd = /\b(\d{4})[/.年-](\d{1,2})[/.月-](\d{1,2})/.exec(text);
  if (ymd) {
    const clock = clockIn(text.slice(ymd.index + ymd[0].length));
    return isoFrom(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), clock?.hh, clock?.mm);
  }

  // Numeric dates with the year last. Dots are the European day-first form ("12.05.2024, 18:22 Uhr", Habr's
  // "22.04.18 в 23:19"); dashes and slashes are month-first as forums print them ("03-15-2016, 09:20 PM"), unless
  // the first number cannot be a month.
  // A two-digit year only in the dotted form: "3/09/15" is too ambiguous to guess.
  const dmy = /\b(\d{1,2})(?:([/-])(\d{1,2})\2(\d{4})|(\.)(\d{1,2})\.(\d{4}|\d{2}))\b/.exec(text);
  if (dmy) {
    const dotted = dmy[5] === '.';
    const first = Number(dmy[1]);
    const second = Number(dotted ? dmy[6] : dmy[3]);
    const written = (dotted ? dmy[7] : dmy[4]) ?? '';
    const dayFirst = dotted || first > 12;
    const year = written.length === 2 ? 2000 + Number(written) : Number(written);
    const clock = clockIn(text.slice(dmy.index + dmy[0].length));
    return isoFrom(year, dayFirst ? second : first, dayFirst ? first : second, clock?.hh, clock?.mm);
  }

  // "March 10, 2017", "Mar 10 2017", "10 March 2017", "11th March, 2015".
  const words = text.toLowerCase().replace(/(\d)(st|nd|rd|th)\b/g, '$1');
  const patterns: readonly [RegExp, number, number][] = [
    [/\b([a-z]{3,9})\.? (\d{1,2}),? (\d{4})\b/g, 1, 2],
    [/\b(\d{1,2}) ([a-z]{3,9})\.?,? (\d{4})\b/g, 2, 1],
  ];
  for (const [pattern, monthAt, dayAt] of patterns) {
    for (const m of words.matchAll(pattern)) {
      const month = monthNumber(m[monthAt] ?? '');
      if (month === undefined) continue;
      const clock = clockIn(words.slice(m.index + m[0].length));
      return isoFrom(Number(m[3]), month, Number(m[dayAt]), clock?.hh, clock?.mm);
    }
  }
  return undefined;
}
