/**
 * Reads Hypothesis API JSON: a search result (`{ total, rows: [...] }`), a list of annotations, or a single one.
 * Each annotation with a quoted passage becomes a claim: `text` is its note, `tags` its tags, and its id is
 * renamed to a name-based `urn:uuid:` so that importing the same export twice finds the same claims.
 * Replies and page notes have no passage to place, so they are refused with that reason.
 */
import type { Claim } from '../model';
import {
  describe,
  displayableId,
  field,
  isObject,
  readArray,
  readText,
  readTextTarget,
  readWebUrl,
} from '../records/field-readers';
import { IssueList, pathTo } from '../records/issues';
import { FIELD_LIMITS } from '../records/limits';
import { readNote, readTags } from '../records/record-fields';
import { normalizeLine } from '../records/text';
import type { AcceptedRecord, DecodeOptions, ReadOutcome, RejectedItem } from './decoded-bundle';
import { urlWithoutFragment } from '../page-key';
import { DEFAULT_STATUS, foreignPageKey, foreignTimes, readForeignTime } from './foreign-claim';
import { MAX_BUNDLE_RECORDS } from './limits';
import { COUNTERPOINT_NAMESPACE, nameUuid } from './name-uuid';

/** Whether a parsed value looks like Hypothesis API JSON. */
export function isHypothesisData(root: unknown): boolean {
  if (Array.isArray(root))
    return root.length > 0 && root.every((row) => isObject(row) && isHypothesisAnnotation(row));
  if (!isObject(root) || field(root, '@context') !== undefined) return false;
  return field(root, 'rows') !== undefined || isHypothesisAnnotation(root);
}

function isHypothesisAnnotation(row: Record<string, unknown>): boolean {
  return (
    field(row, '@context') === undefined &&
    Array.isArray(field(row, 'target')) &&
    typeof field(row, 'id') === 'string'
  );
}

export function readHypothesis(root: unknown, options: DecodeOptions): ReadOutcome {
  const fatal = new IssueList();
  let rows: unknown[] | undefined;
  let listPath = 'rows';
  if (Array.isArray(root)) {
    rows = root;
    listPath = '';
  } else if (isObject(root) && field(root, 'rows') !== undefined)
    rows = readArray(field(root, 'rows'), 'rows', fatal);
  else if (isObject(root)) {
    rows = [root];
    listPath = '';
  }
  if (rows && rows.length > MAX_BUNDLE_RECORDS) {
    fatal.add(listPath, `holds ${rows.length} annotations; the limit is ${MAX_BUNDLE_RECORDS}`);
  }
  if (!fatal.empty || !rows) return { ok: false, issues: fatal.issues };

  const single = !Array.isArray(root) && listPath === '';
  const accepted: AcceptedRecord[] = [];
  const rejected: RejectedItem[] = [];
  rows.forEach((row, i) => {
    const path = single ? '' : pathTo(listPath, i);
    const issues = new IssueList();
    const claim = isObject(row) ? readRow(row, path, issues, options) : undefined;
    if (!isObject(row)) issues.add(path, 'must be an annotation object');
    if (claim && issues.empty) accepted.push({ path, kind: 'claim', record: claim });
    else {
      const id = isObject(row) ? field(row, 'id') : undefined;
      rejected.push({ path, ...displayableId(id), issues: issues.issues });
    }
  });
  return { ok: true, accepted, rejected };
}

function readRow(
  row: Record<string, unknown>,
  path: string,
  issues: IssueList,
  options: DecodeOptions,
): Claim | undefined {
  const hypothesisId = readText(field(row, 'id'), pathTo(path, 'id'), issues, { max: 200, oneLine: true });
  const references = field(row, 'references');
  if (Array.isArray(references) && references.length > 0) {
    issues.add(pathTo(path, 'references'), 'this is a reply to another annotation; replies are not imported');
    return undefined;
  }
  const targets = readArray(field(row, 'target'), pathTo(path, 'target'), issues) ?? [];
  const first = targets[0];
  const targetPath = pathTo(pathTo(path, 'target'), 0);
  if (targets.length > 0 && !isObject(first)) issues.add(targetPath, 'must be an object');
  const source = isObject(first) ? field(first, 'source') : undefined;
  const uriValue = field(row, 'uri') ?? source;
  const url =
    uriValue === undefined
      ? (issues.add(pathTo(path, 'uri'), 'missing: the annotation does not name the page it belongs to'),
        undefined)
      : readWebUrl(
          uriValue,
          pathTo(path, field(row, 'uri') === undefined ? 'target[0].source' : 'uri'),
          issues,
        );
  let target: Claim['target'] | undefined;
  if (isObject(first)) {
    const selectorPath = pathTo(targetPath, 'selector');
    if (field(first, 'selector') === undefined) {
      issues.add(selectorPath, 'missing: this is a page note with no quoted passage, so it cannot be placed');
    } else {
      target = readTextTarget(field(first, 'selector'), selectorPath, issues, {
        strict: false,
        contextRequired: false,
      });
    }
  }
  const text = field(row, 'text');
  const note = text === undefined || text === null ? '' : readNote(text, pathTo(path, 'text'), issues);
  const tagsValue = field(row, 'tags');
  const tagsPath = pathTo(path, 'tags');
  let tags: string[] | undefined = [];
  if (Array.isArray(tagsValue)) {
    tags = readTags(
      tagsValue.map((value, i) => ({ value, path: pathTo(tagsPath, i) })),
      tagsPath,
      issues,
    );
  } else if (tagsValue !== undefined && tagsValue !== null) {
    issues.add(tagsPath, `must be a list (got ${describe(tagsValue)})`);
  }
  const times = foreignTimes(
    readForeignTime(field(row, 'created'), pathTo(path, 'created'), issues),
    readForeignTime(field(row, 'updated'), pathTo(path, 'updated'), issues),
  );
  const pageKey =
    url === undefined
      ? undefined
      : foreignPageKey(
          url,
          pathTo(path, field(row, 'uri') === undefined ? 'target[0].source' : 'uri'),
          issues,
          options,
        );
  if (
    hypothesisId === undefined ||
    url === undefined ||
    pageKey === undefined ||
    !target ||
    note === undefined ||
    !tags ||
    !issues.empty
  ) {
    return undefined;
  }
  return {
    id: nameUuid(COUNTERPOINT_NAMESPACE, `hypothesis:${hypothesisId}`),
    pageKey,
    url: urlWithoutFragment(url),
    title: documentTitle(row),
    target,
    status: DEFAULT_STATUS,
    note,
    tags,
    ...times,
  };
}

/** `document.title[0]`, normalised like any page title; a title is only shown, so it is never a reason to refuse. */
function documentTitle(row: Record<string, unknown>): string {
  const document = field(row, 'document');
  const titles = isObject(document) ? field(document, 'title') : undefined;
  const title = Array.isArray(titles) ? titles[0] : titles;
  return typeof title === 'string' ? normalizeLine(title, FIELD_LIMITS.title) : '';
}
