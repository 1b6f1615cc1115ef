/**
 * Reads annotations from other W3C Web Annotation clients: a single Annotation, a list of them, an
 * AnnotationPage or an AnnotationCollection with its first page embedded. An annotation is imported as a claim
 * when one of its targets is a web page with a TextQuoteSelector; the rest are refused with the reason.
 */
import type { Claim, ClaimStatus } from '../model';
import {
  describe,
  displayableId,
  field,
  isObject,
  isUuidUrn,
  readArray,
  readText,
  readTextTarget,
} from '../records/field-readers';
import { IssueList, pathTo } from '../records/issues';
import { FIELD_LIMITS } from '../records/limits';
import { readNote, readTags } from '../records/record-fields';
import { isWebUrl, normalizeLine } from '../records/text';
import type { AcceptedRecord, DecodeOptions, ReadOutcome, RejectedItem } from './decoded-bundle';
import { urlWithoutFragment } from '../page-key';
import {
  DEFAULT_STATUS,
  foreignPageKey,
  foreignTimes,
  isClaimStatus,
  readForeignTime,
} from './foreign-claim';
import { MAX_BUNDLE_RECORDS } from './limits';
import { URL_NAMESPACE, nameUuid } from './name-uuid';
import { annotationIdProblem, checkAnnotation, checkContext, isSafeAnnotationId } from './w3c-rules';

const W3C_TYPES = ['Annotation', 'AnnotationPage', 'AnnotationCollection'];

/** Whether a parsed value looks like W3C annotation data (the caller has ruled out Counterpoint bundles). */
export function isW3cAnnotationData(root: unknown): boolean {
  if (Array.isArray(root)) return root.length > 0 && root.every((item) => isObject(item) && hasW3cType(item));
  return isObject(root) && (field(root, '@context') !== undefined || hasW3cType(root));
}

function hasW3cType(object: Record<string, unknown>): boolean {
  const type = field(object, 'type');
  const types = Array.isArray(type) ? type : [type];
  return types.some((entry) => typeof entry === 'string' && W3C_TYPES.includes(entry));
}

function typeIs(object: Record<string, unknown>, name: string): boolean {
  const type = field(object, 'type');
  return type === name || (Array.isArray(type) && type.includes(name));
}

export function readW3cAnnotations(root: unknown, options: DecodeOptions): ReadOutcome {
  const fatal = new IssueList();
  // A bare list is not a JSON-LD document: each annotation in it carries its own context, checked below.
  if (!Array.isArray(root))
    checkContext(isObject(root) ? field(root, '@context') : undefined, '@context', fatal, true);
  let list: unknown[] | undefined;
  let listPath = '';
  if (Array.isArray(root)) list = root;
  else if (isObject(root) && typeIs(root, 'AnnotationCollection')) {
    const first = field(root, 'first');
    if (typeof first === 'string') {
      fatal.add('first', 'names its first page by address only; download that page and import it instead');
    } else if (!isObject(first))
      fatal.add('first', 'missing: the collection holds no embedded page of annotations');
    else {
      if (field(first, 'next') !== undefined)
        fatal.add('first.next', 'linked pages are not fetched; import each page');
      list = readArray(field(first, 'items'), 'first.items', fatal);
      listPath = 'first.items';
    }
  } else if (isObject(root) && typeIs(root, 'AnnotationPage')) {
    list = readArray(field(root, 'items'), 'items', fatal);
    listPath = 'items';
  } else if (isObject(root)) list = [root];
  if (list && list.length > MAX_BUNDLE_RECORDS) {
    fatal.add(listPath, `holds ${list.length} annotations; the limit is ${MAX_BUNDLE_RECORDS}`);
  }
  if (!fatal.empty || !list) return { ok: false, issues: fatal.issues };

  const accepted: AcceptedRecord[] = [];
  const rejected: RejectedItem[] = [];
  const single = !Array.isArray(root) && listPath === '';
  list.forEach((item, i) => {
    const path = single ? '' : pathTo(listPath, i);
    const issues = new IssueList();
    const claim = isObject(item)
      ? readAnnotation(item, path, issues, options, Array.isArray(root))
      : undefined;
    if (!isObject(item)) issues.add(path, 'must be an annotation object');
    if (claim && issues.empty) accepted.push({ path, kind: 'claim', record: claim });
    else {
      const id = isObject(item) ? field(item, 'id') : undefined;
      rejected.push({ path, ...displayableId(id), issues: issues.issues });
    }
  });
  return { ok: true, accepted, rejected };
}

/** A W3C id as a Counterpoint id: kept when it is a `urn:uuid:`, else named from it. */
function claimIdFor(value: unknown, path: string, issues: IssueList): string | undefined {
  const text = readText(value, path, issues, { max: FIELD_LIMITS.url, oneLine: true });
  if (text === undefined) return undefined;
  if (isUuidUrn(text.toLowerCase())) return text.toLowerCase();
  if (!isSafeAnnotationId(text)) {
    issues.add(path, annotationIdProblem(text));
    return undefined;
  }
  return nameUuid(URL_NAMESPACE, text);
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** `ownContext`: the annotation stands alone in a list, so it must carry its own `@context`. */
function readAnnotation(
  item: Record<string, unknown>,
  path: string,
  issues: IssueList,
  options: DecodeOptions,
  ownContext: boolean,
): Claim | undefined {
  if (!typeIs(item, 'Annotation')) {
    issues.add(pathTo(path, 'type'), `must be Annotation (got ${describe(field(item, 'type'))})`);
    return undefined;
  }
  if (ownContext && field(item, '@context') === undefined) {
    issues.add(pathTo(path, '@context'), 'missing: an annotation outside a collection names its @context');
  }
  checkAnnotation(item, path, issues);
  const id = claimIdFor(field(item, 'id'), pathTo(path, 'id'), issues);
  const times = foreignTimes(
    readForeignTime(field(item, 'created'), pathTo(path, 'created'), issues),
    readForeignTime(field(item, 'modified'), pathTo(path, 'modified'), issues),
  );

  // The first target that is a passage of a web page; other targets (images, other annotations) are skipped.
  const targets = asList(field(item, 'target'));
  const targetsPath = pathTo(path, 'target');
  let placed: { url: string; title: string; target: Claim['target'] } | undefined;
  const reasons = new IssueList();
  targets.forEach((target, i) => {
    if (placed || !isObject(target)) return;
    const at = Array.isArray(field(item, 'target')) ? pathTo(targetsPath, i) : targetsPath;
    const source = field(target, 'source');
    const url = typeof source === 'string' ? source : isObject(source) ? field(source, 'id') : undefined;
    if (typeof url !== 'string' || !isWebUrl(url) || url.length > FIELD_LIMITS.url) {
      reasons.add(pathTo(at, 'source'), 'must be the http or https address of a page');
      return;
    }
    // A title is what the page called itself: normalised like one, never a reason to refuse.
    const sourceTitle = isObject(source) ? field(source, 'title') : undefined;
    const title = typeof sourceTitle === 'string' ? normalizeLine(sourceTitle, FIELD_LIMITS.title) : '';
    const selectorIssues = new IssueList();
    const textTarget = readTextTarget(field(target, 'selector'), pathTo(at, 'selector'), selectorIssues, {
      strict: false,
      contextRequired: false,
    });
    if (textTarget) placed = { url, title, target: textTarget };
    else selectorIssues.issues.forEach((issue) => reasons.add(issue.path, issue.message));
  });
  if (!placed) {
    if (targets.length === 0) issues.add(targetsPath, 'missing');
    else if (reasons.empty)
      issues.add(targetsPath, 'has no passage of a web page (TextQuoteSelector), so it cannot be placed');
    else reasons.issues.forEach((issue) => issues.add(issue.path, issue.message));
  }

  let status: ClaimStatus = DEFAULT_STATUS;
  const notes: string[] = [];
  const tagEntries: { value: unknown; path: string }[] = [];
  const bodyValue = field(item, 'bodyValue');
  if (bodyValue !== undefined) notes.push(...asNote(bodyValue, pathTo(path, 'bodyValue'), issues));
  asList(field(item, 'body')).forEach((body, i) => {
    const at = Array.isArray(field(item, 'body')) ? pathTo(pathTo(path, 'body'), i) : pathTo(path, 'body');
    // Bodies that are links or media carry nothing a claim can hold as text; they are left out.
    if (!isObject(body) || (!typeIs(body, 'TextualBody') && field(body, 'value') === undefined)) return;
    const purpose = field(body, 'purpose');
    const value = field(body, 'value');
    if (purpose === 'tagging') tagEntries.push({ value, path: pathTo(at, 'value') });
    else if (purpose === 'assessing' && isClaimStatus(value)) status = value;
    else notes.push(...asNote(value, pathTo(at, 'value'), issues));
  });
  const note = notes.join('\n\n');
  if (note.length > FIELD_LIMITS.note) {
    issues.add(
      pathTo(path, 'body'),
      `the note is ${note.length} characters long; the limit is ${FIELD_LIMITS.note}`,
    );
  }
  const tags = readTags(tagEntries, pathTo(path, 'body'), issues);
  const pageKey = placed ? foreignPageKey(placed.url, targetsPath, issues, options) : undefined;
  if (id === undefined || !placed || pageKey === undefined || tags === undefined || !issues.empty) {
    return undefined;
  }
  return {
    id,
    pageKey,
    url: urlWithoutFragment(placed.url),
    title: placed.title,
    target: placed.target,
    status,
    note,
    tags,
    ...times,
  };
}

function asNote(value: unknown, path: string, issues: IssueList): string[] {
  const text = readNote(value, path, issues);
  return text === undefined || text.trim() === '' ? [] : [text];
}
