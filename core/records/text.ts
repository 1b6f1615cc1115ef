/**
 * What text a record may hold, written once for messages and imports alike.
 *
 * Text stays text: markup such as `<script>` is kept as inert characters, because every renderer uses
 * `textContent` and the Markdown export escapes it. What text has no business holding is control characters,
 * unpaired surrogates and non-characters everywhere, and line breaks, tabs and bidirectional overrides and
 * isolates in one-line fields such as tags and names, where they could disguise one value as another.
 *
 * Two ways to apply that rule, by who wrote the text:
 * - what the reader typed (notes, tags) is checked, and refused with the reason, in both paths;
 * - what the page wrote (its title, a commenter's name, a comment's id) is normalised: those characters are
 *   removed and the text is cut to its limit, so that no page can make a note fail to save or to import.
 */

// C0 controls except tab, line feed and carriage return; DEL; C1 controls; non-characters U+FFFE and U+FFFF.
// eslint-disable-next-line no-control-regex -- finding control characters is the point of this pattern.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;
const ONE_LINE_EXTRA = /[\t\u202a-\u202e\u2066-\u2069]/;

/** Anything any of the patterns above could match; most text has none, and then one scan is enough. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point of this pattern.
const SUSPECT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]/;

export interface TextRules {
  max: number;
  /** Tags, names, titles, ids: no line breaks, tabs or bidirectional overrides. */
  oneLine?: boolean;
  /** Whether the empty string is a valid value. */
  allowEmpty?: boolean;
}

function codePoint(match: string): string {
  return `U+${(match.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Checks a string against the rules; returns the problem, or undefined when the text may be kept. */
export function textProblem(value: string, rules: TextRules): string | undefined {
  if (value.length > rules.max) return `is ${value.length} characters long; the limit is ${rules.max}`;
  if (!rules.allowEmpty && value.trim() === '') return 'is empty';
  if (!SUSPECT.test(value)) return undefined;
  const control = CONTROL.exec(value);
  if (control) return `holds a control character (${codePoint(control[0])}), which text cannot contain`;
  if (LONE_SURROGATE.test(value)) return 'holds a broken character (an unpaired UTF-16 surrogate)';
  if (rules.oneLine) {
    const extra = LINE_BREAK.exec(value) ?? ONE_LINE_EXTRA.exec(value);
    if (extra) return `holds ${codePoint(extra[0])}, which a one-line field cannot contain`;
  }
  return undefined;
}

const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, 'g');
const LINE_SPACING = /[\t\n\r\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point of this pattern.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g;

/**
 * Page-written text made fit for a one-line field: unpaired surrogates, control characters and bidirectional
 * overrides and isolates removed, line breaks and tabs turned into spaces, trimmed, and cut to `max` without
 * splitting a character. The result always passes `textProblem` with `oneLine` and `allowEmpty`, and
 * normalising it again changes nothing.
 */
export function normalizeLine(value: string, max: number): string {
  // Surrogates first: removing a control character between two halves must not pair them up.
  let text = value;
  if (SUSPECT.test(text)) {
    text = text.replace(LONE_SURROGATES, '').replace(LINE_SPACING, ' ').replace(INVISIBLE, '');
  }
  text = text.trim();
  if (text.length <= max) return text;
  const cut = /[\ud800-\udbff]/.test(text[max - 1] ?? '') ? max - 1 : max;
  return text.slice(0, cut).trimEnd();
}

/** An absolute http(s) URL. Other schemes (`javascript:`, `data:`) would become live links in the popup. */
export function isWebUrl(value: string): boolean {
  return /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value);
}
