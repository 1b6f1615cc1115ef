/**
 * Reads a Counterpoint bundle (see `bundle-format.ts`) strictly: it is our own format, so anything unexpected in
 * a known field is an error, named by its path. Unknown extra fields are ignored, so that a later minor version
 * can add some; a change older readers would misread bumps `cp:bundleVersion` instead.
 */
import type { Claim, ClaimStatus, CommentRef, Rebuttal, Tombstone } from '../model';
import {
  describe,
  displayableId,
  field,
  isObject,
  readAnyTimestamp,
  readArray,
  readObject,
  readPartialTimestamp,
  readTextTarget,
  readUtcTimestamp,
  readUuidId,
  readWebUrl,
} from '../records/field-readers';
import { IssueList, pathTo } from '../records/issues';
import { FIELD_LIMITS } from '../records/limits';
import {
  readAuthor,
  readCommentFrame,
  readCommentId,
  readNote,
  readPageKey,
  readStance,
  readStatus,
  readTags,
  readTitle,
} from '../records/record-fields';
import { ANNO_CONTEXT, BUNDLE_VERSION, COUNTERPOINT_VOCAB } from './bundle-format';
import type { AcceptedRecord, ReadOutcome, RejectedItem } from './decoded-bundle';
import { MAX_BUNDLE_RECORDS } from './limits';
import { checkAnnotation } from './w3c-rules';

function mapsOurVocabulary(context: unknown): boolean {
  return (
    Array.isArray(context) &&
    context.some((entry) => isObject(entry) && field(entry, 'cp') === COUNTERPOINT_VOCAB)
  );
}

/**
 * Whether a parsed file is a Counterpoint bundle: its `@context` maps our vocabulary, or it carries our version
 * field. The second catches a bundle whose context a tool rewrote, which must be refused with that reason rather
 * than read as foreign annotations (its rebuttals would turn into claims on the comments' pages).
 */
export function isCounterpointBundle(root: Record<string, unknown>): boolean {
  return mapsOurVocabulary(field(root, '@context')) || field(root, 'cp:bundleVersion') !== undefined;
}

export function readCounterpointBundle(root: Record<string, unknown>): ReadOutcome {
  const fatal = new IssueList();
  const context = field(root, '@context');
  if (!Array.isArray(context) || context[0] !== ANNO_CONTEXT) {
    fatal.add('@context', `must list ${ANNO_CONTEXT} first`);
  }
  if (!mapsOurVocabulary(context)) {
    fatal.add(
      '@context',
      `must map cp to ${COUNTERPOINT_VOCAB}, the vocabulary of Counterpoint's own fields`,
    );
  }
  const version = field(root, 'cp:bundleVersion');
  if (version === undefined) fatal.add('cp:bundleVersion', 'missing');
  else if (typeof version === 'number' && Number.isSafeInteger(version) && version > BUNDLE_VERSION) {
    fatal.add(
      'cp:bundleVersion',
      `this bundle is version ${version}; this Counterpoint reads version ${BUNDLE_VERSION}, so update Counterpoint`,
    );
  } else if (version !== BUNDLE_VERSION)
    fatal.add('cp:bundleVersion', `must be ${BUNDLE_VERSION} (got ${describe(version)})`);
  if (field(root, 'type') !== 'AnnotationCollection') {
    fatal.add('type', `must be AnnotationCollection (got ${describe(field(root, 'type'))})`);
  }
  const first = readObject(field(root, 'first'), 'first', fatal);
  let items: unknown[] | undefined;
  if (first) {
    if (field(first, 'type') !== 'AnnotationPage') {
      fatal.add('first.type', `must be AnnotationPage (got ${describe(field(first, 'type'))})`);
    }
    if (field(first, 'next') !== undefined) {
      fatal.add(
        'first.next',
        'the bundle must hold all its annotations in one page; linked pages are not fetched',
      );
    }
    items = readArray(field(first, 'items'), 'first.items', fatal);
  }
  const tombstoneList =
    field(root, 'cp:tombstones') === undefined
      ? []
      : readArray(field(root, 'cp:tombstones'), 'cp:tombstones', fatal);
  const total = field(root, 'total');
  if (items && total !== items.length) {
    // A total that disagrees with the items is the mark of a cut or hand-edited file.
    fatal.add('total', `says ${describe(total)} but first.items holds ${items.length} annotations`);
  }
  if (items && tombstoneList && items.length + tombstoneList.length > MAX_BUNDLE_RECORDS) {
    fatal.add(
      '',
      `the bundle holds ${items.length + tombstoneList.length} records; the limit is ${MAX_BUNDLE_RECORDS}`,
    );
  }
  if (!fatal.empty || !items || !tombstoneList) return { ok: false, issues: fatal.issues };

  const accepted: AcceptedRecord[] = [];
  const rejected: RejectedItem[] = [];
  const accept = <T>(
    path: string,
    value: unknown,
    read: (item: Record<string, unknown>, path: string, issues: IssueList) => T | undefined,
  ): T | undefined => {
    const issues = new IssueList();
    const object = readObject(value, path, issues);
    const record = object ? read(object, path, issues) : undefined;
    if (record !== undefined && issues.empty) return record;
    const id = object ? field(object, 'id') : undefined;
    rejected.push({ path, ...displayableId(id), issues: issues.issues });
    return undefined;
  };
  items.forEach((item, i) => {
    const path = pathTo('first.items', i);
    const record = accept(path, item, readAnnotation);
    if (record?.kind === 'claim') accepted.push({ path, kind: 'claim', record: record.claim });
    else if (record?.kind === 'rebuttal') accepted.push({ path, kind: 'rebuttal', record: record.rebuttal });
  });
  tombstoneList.forEach((item, i) => {
    const path = pathTo('cp:tombstones', i);
    const tombstone = accept(path, item, readTombstone);
    if (tombstone) accepted.push({ path, kind: 'tombstone', record: tombstone });
  });
  return { ok: true, accepted, rejected };
}

type Annotation = { kind: 'claim'; claim: Claim } | { kind: 'rebuttal'; rebuttal: Rebuttal };

function readAnnotation(
  item: Record<string, unknown>,
  path: string,
  issues: IssueList,
): Annotation | undefined {
  if (field(item, 'type') !== 'Annotation') {
    issues.add(pathTo(path, 'type'), `must be Annotation (got ${describe(field(item, 'type'))})`);
  }
  checkAnnotation(item, path, issues);
  const motivation = field(item, 'motivation');
  if (motivation === 'assessing') {
    const claim = readClaim(item, path, issues);
    return claim && { kind: 'claim', claim };
  }
  if (motivation === 'linking') {
    const rebuttal = readRebuttal(item, path, issues);
    return rebuttal && { kind: 'rebuttal', rebuttal };
  }
  issues.add(
    pathTo(path, 'motivation'),
    `must be assessing (a claim) or linking (a rebuttal) (got ${describe(motivation)})`,
  );
  return undefined;
}

interface TextualBodies {
  byPurpose: Map<string, { value: unknown; path: string }[]>;
}

/** Sorts TextualBody entries by purpose after checking their shape; other bodies are left to the caller. */
function readTextualBodies(
  bodies: unknown[],
  path: string,
  issues: IssueList,
  allowed: readonly string[],
  other: (body: Record<string, unknown>, path: string) => boolean,
): TextualBodies {
  const byPurpose = new Map<string, { value: unknown; path: string }[]>();
  bodies.forEach((body, i) => {
    const at = pathTo(path, i);
    if (!isObject(body)) {
      issues.add(at, 'must be an object');
      return;
    }
    if (other(body, at)) return;
    if (field(body, 'type') !== 'TextualBody') {
      issues.add(pathTo(at, 'type'), `must be TextualBody (got ${describe(field(body, 'type'))})`);
      return;
    }
    const format = field(body, 'format');
    if (format !== undefined && format !== 'text/plain') {
      // Only plain text is read; an HTML body would invite a renderer to parse it.
      issues.add(pathTo(at, 'format'), `must be text/plain (got ${describe(format)})`);
      return;
    }
    const purpose = field(body, 'purpose');
    if (typeof purpose !== 'string' || !allowed.includes(purpose)) {
      issues.add(pathTo(at, 'purpose'), `must be one of ${allowed.join(', ')} (got ${describe(purpose)})`);
      return;
    }
    const list = byPurpose.get(purpose) ?? [];
    list.push({ value: field(body, 'value'), path: pathTo(at, 'value') });
    byPurpose.set(purpose, list);
  });
  return { byPurpose };
}

/** The note from at most one `commenting` body; no body means an empty note. */
function noteOf(bodies: TextualBodies, bodyPath: string, issues: IssueList): string | undefined {
  const notes = bodies.byPurpose.get('commenting') ?? [];
  if (notes.length > 1) issues.add(bodyPath, 'holds more than one commenting body; a record has one note');
  const note = notes[0];
  if (!note) return '';
  return readNote(note.value, note.path, issues);
}

function readTarget(
  item: Record<string, unknown>,
  path: string,
  issues: IssueList,
): Record<string, unknown> | undefined {
  const target = readObject(field(item, 'target'), pathTo(path, 'target'), issues);
  if (target && field(target, 'type') !== 'SpecificResource') {
    issues.add(
      pathTo(pathTo(path, 'target'), 'type'),
      `must be SpecificResource (got ${describe(field(target, 'type'))})`,
    );
  }
  return target;
}

function readClaim(item: Record<string, unknown>, path: string, issues: IssueList): Claim | undefined {
  const id = readUuidId(field(item, 'id'), pathTo(path, 'id'), issues);
  const created = readUtcTimestamp(field(item, 'created'), pathTo(path, 'created'), issues);
  const modified = readUtcTimestamp(field(item, 'modified'), pathTo(path, 'modified'), issues);
  const bodyPath = pathTo(path, 'body');
  const bodyList = readArray(field(item, 'body'), bodyPath, issues) ?? [];
  const bodies = readTextualBodies(
    bodyList,
    bodyPath,
    issues,
    ['assessing', 'commenting', 'tagging'],
    () => false,
  );

  let status: ClaimStatus | undefined;
  const assessments = bodies.byPurpose.get('assessing') ?? [];
  if (assessments.length !== 1) {
    issues.add(
      bodyPath,
      `must hold exactly one assessing body, the claim's status (found ${assessments.length})`,
    );
  } else {
    const [assessment] = assessments;
    if (assessment) status = readStatus(assessment.value, assessment.path, issues);
  }
  const note = noteOf(bodies, bodyPath, issues);
  const tags = readTags(bodies.byPurpose.get('tagging') ?? [], bodyPath, issues);

  const targetPath = pathTo(path, 'target');
  const target = readTarget(item, path, issues);
  let url: string | undefined;
  let pageKey: string | undefined;
  let title: string | undefined;
  let textTarget: Claim['target'] | undefined;
  if (target) {
    const sourcePath = pathTo(targetPath, 'source');
    url = readWebUrl(field(target, 'source'), sourcePath, issues);
    pageKey = readPageKey(field(target, 'cp:pageKey'), pathTo(targetPath, 'cp:pageKey'), issues, {
      url,
      path: sourcePath,
    });
    title = readTitle(field(target, 'cp:title'), pathTo(targetPath, 'cp:title'), issues);
    textTarget = readTextTarget(field(target, 'selector'), pathTo(targetPath, 'selector'), issues, {
      strict: true,
      contextRequired: true,
    });
  }
  if (
    id === undefined ||
    created === undefined ||
    modified === undefined ||
    status === undefined ||
    note === undefined ||
    tags === undefined ||
    url === undefined ||
    pageKey === undefined ||
    title === undefined ||
    textTarget === undefined
  ) {
    return undefined;
  }
  return { id, pageKey, url, title, target: textTarget, status, note, tags, created, modified };
}

function readRebuttal(item: Record<string, unknown>, path: string, issues: IssueList): Rebuttal | undefined {
  const id = readUuidId(field(item, 'id'), pathTo(path, 'id'), issues);
  const created = readUtcTimestamp(field(item, 'created'), pathTo(path, 'created'), issues);
  const modified = readUtcTimestamp(field(item, 'modified'), pathTo(path, 'modified'), issues);
  const stance = readStance(field(item, 'cp:stance'), pathTo(path, 'cp:stance'), issues);

  const bodyPath = pathTo(path, 'body');
  const bodyArray = readArray(field(item, 'body'), bodyPath, issues);
  const bodyList = bodyArray ?? [];
  const claimIds: string[] = [];
  const bodies = readTextualBodies(bodyList, bodyPath, issues, ['commenting'], (body, at) => {
    if (field(body, 'type') !== 'SpecificResource') return false;
    if (field(body, 'purpose') !== 'linking') {
      issues.add(pathTo(at, 'purpose'), `must be linking (got ${describe(field(body, 'purpose'))})`);
    }
    const claimId = readUuidId(field(body, 'source'), pathTo(at, 'source'), issues);
    if (claimId) claimIds.push(claimId);
    return true;
  });
  if (bodyArray && claimIds.length !== 1) {
    issues.add(
      bodyPath,
      `must link exactly one claim through a SpecificResource body (found ${claimIds.length})`,
    );
  }
  const note = noteOf(bodies, bodyPath, issues);

  const targetPath = pathTo(path, 'target');
  const target = readTarget(item, path, issues);
  let comment: CommentRef | undefined;
  let textTarget: Rebuttal['target'] | undefined;
  if (target) {
    comment = readComment(field(target, 'source'), pathTo(targetPath, 'source'), issues);
    textTarget = readTextTarget(field(target, 'selector'), pathTo(targetPath, 'selector'), issues, {
      strict: true,
      contextRequired: true,
    });
  }
  const [claimId] = claimIds;
  if (
    id === undefined ||
    created === undefined ||
    modified === undefined ||
    stance === undefined ||
    claimId === undefined ||
    claimIds.length !== 1 ||
    note === undefined ||
    comment === undefined ||
    textTarget === undefined
  ) {
    return undefined;
  }
  return { id, claimId, comment, target: textTarget, stance, note, created, modified };
}

/**
 * How long the address of a comment without a permalink may be: the encoder writes the article's address with
 * the comment's id as its fragment (`encodeURIComponent`, at most 9 characters for each UTF-16 unit of the id).
 */
const FRAGMENT_ADDRESS_MAX = FIELD_LIMITS.url + 1 + 9 * FIELD_LIMITS.commentId;

function readComment(value: unknown, path: string, issues: IssueList): CommentRef | undefined {
  const source = readObject(value, path, issues);
  if (!source) return undefined;
  const commentIdValue = field(source, 'cp:commentId');
  const address = readWebUrl(
    field(source, 'id'),
    pathTo(path, 'id'),
    issues,
    commentIdValue === undefined ? FIELD_LIMITS.url : FRAGMENT_ADDRESS_MAX,
  );
  const creatorPath = pathTo(path, 'creator');
  const creator = readObject(field(source, 'creator'), creatorPath, issues);
  const author = creator
    ? readAuthor(field(creator, 'name'), pathTo(creatorPath, 'name'), issues)
    : undefined;
  const created = field(source, 'created');
  const partial = field(source, 'cp:posted');
  if (created !== undefined && partial !== undefined) {
    issues.add(pathTo(path, 'cp:posted'), 'a comment has one posted time; this one also has created');
  }
  const postedValue = created ?? partial;
  const posted =
    created !== undefined
      ? readAnyTimestamp(created, pathTo(path, 'created'), issues)
      : partial !== undefined
        ? readPartialTimestamp(partial, pathTo(path, 'cp:posted'), issues)
        : undefined;
  const permalink =
    commentIdValue === undefined
      ? address
      : readCommentId(commentIdValue, pathTo(path, 'cp:commentId'), issues);
  const frameValue = field(source, 'cp:commentFrame');
  const frame =
    frameValue === undefined
      ? undefined
      : readCommentFrame(frameValue, pathTo(path, 'cp:commentFrame'), issues);
  if (address === undefined || author === undefined || permalink === undefined) return undefined;
  if (postedValue !== undefined && posted === undefined) return undefined;
  if (frameValue !== undefined && frame === undefined) return undefined;
  return {
    author,
    permalink,
    ...(posted !== undefined && { posted }),
    ...(frame !== undefined && { frame }),
  };
}

function readTombstone(
  item: Record<string, unknown>,
  path: string,
  issues: IssueList,
): Tombstone | undefined {
  const id = readUuidId(field(item, 'id'), pathTo(path, 'id'), issues);
  if (field(item, 'type') !== 'cp:Tombstone') {
    issues.add(pathTo(path, 'type'), `must be cp:Tombstone (got ${describe(field(item, 'type'))})`);
  }
  const kindValue = field(item, 'cp:kind');
  const kind = kindValue === 'claim' || kindValue === 'rebuttal' ? kindValue : undefined;
  if (!kind) issues.add(pathTo(path, 'cp:kind'), `must be claim or rebuttal (got ${describe(kindValue)})`);
  const pageKey = readWebUrl(field(item, 'cp:pageKey'), pathTo(path, 'cp:pageKey'), issues);
  const deleted = readUtcTimestamp(field(item, 'cp:deleted'), pathTo(path, 'cp:deleted'), issues);
  if (id === undefined || kind === undefined || pageKey === undefined || deleted === undefined)
    return undefined;
  return { id, kind, pageKey, deleted };
}
