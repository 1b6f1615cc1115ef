/**
 * Problems found in untrusted input, each tied to the place in the file where it sits
 * (`first.items[12].target.selector[0].exact: missing`).
 */

/** One problem, with the JSON path that a reader can follow in the file. An empty path means the whole file. */
export interface BundleIssue {
  path: string;
  message: string;
}

const IDENTIFIER = /^[A-Za-z_$@][\w$@:-]*$/;

/** Appends an object key or array index to a path, quoting keys that are not plain names. */
export function pathTo(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  // Hostile keys could carry terminal escapes or look like other paths; JSON quoting makes them inert.
  const part = IDENTIFIER.test(key) ? key : JSON.stringify(key);
  return path === '' ? part : IDENTIFIER.test(key) ? `${path}.${part}` : `${path}[${part}]`;
}

/** Shows a value from the file inside a message: quoted, control characters escaped, long values cut. */
export function quoteValue(value: unknown): string {
  const shown = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const cut = shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
  return JSON.stringify(cut);
}

/** `path: message`, the form the command line prints after the file name. */
export function formatIssue(issue: BundleIssue): string {
  return issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`;
}

/** Collects issues under a base path; reading code calls `add` and goes on, so that one run reports everything. */
export class IssueList {
  readonly issues: BundleIssue[] = [];

  add(path: string, message: string): void {
    this.issues.push({ path, message });
  }

  get empty(): boolean {
    return this.issues.length === 0;
  }
}
