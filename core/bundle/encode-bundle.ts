/**
 * Writes claims, rebuttals and tombstones as a Counterpoint bundle. The output is deterministic: the same records
 * and the same clock give the same bytes, which is what lets export → import → export be compared byte for byte.
 */
import type { Claim, Rebuttal, TextTarget, Tombstone } from '../model';
import type {
  BundleContext,
  BundleJson,
  BundleRecords,
  ClaimAnnotationJson,
  RebuttalAnnotationJson,
  SelectorJson,
  TextualBodyJson,
  TombstoneJson,
} from './bundle-format';
import { ANNO_CONTEXT, BUNDLE_LABEL, BUNDLE_VERSION, COUNTERPOINT_VOCAB } from './bundle-format';
import { isRfc3339 } from '../records/field-readers';
import { isWebPermalink } from '../records/record-fields';
import { COUNTERPOINT_NAMESPACE, nameUuid } from './name-uuid';

/** Thrown when the records handed to the encoder cannot form a bundle; a bug in the caller, not in a file. */
export class BundleEncodeError extends Error {
  override name = 'BundleEncodeError';
}

export interface EncodeOptions {
  /** Test seam: the moment written as `generated`. */
  clock?: () => Date;
}

/** Builds the bundle object. Rebuttals need their claim among `claims`, so that they can name its page. */
export function encodeBundle(records: BundleRecords, options: EncodeOptions = {}): BundleJson {
  const clock = options.clock ?? (() => new Date());
  const claimsById = new Map(records.claims.map((claim) => [claim.id, claim]));
  const rebuttalsByClaim = new Map<string, Rebuttal[]>();
  for (const rebuttal of records.rebuttals) {
    if (!claimsById.has(rebuttal.claimId)) {
      throw new BundleEncodeError(
        `Rebuttal ${rebuttal.id} answers claim ${rebuttal.claimId}, which is not being exported; export the claim with it.`,
      );
    }
    const list = rebuttalsByClaim.get(rebuttal.claimId) ?? [];
    list.push(rebuttal);
    rebuttalsByClaim.set(rebuttal.claimId, list);
  }

  const items: (ClaimAnnotationJson | RebuttalAnnotationJson)[] = [];
  for (const claim of [...records.claims].sort(claimOrder)) {
    items.push(encodeClaim(claim));
    for (const rebuttal of (rebuttalsByClaim.get(claim.id) ?? []).sort(rebuttalOrder)) {
      items.push(encodeRebuttal(rebuttal, claim));
    }
  }
  const tombstones = [...records.tombstones].sort((a, b) => compare(a.id, b.id)).map(encodeTombstone);

  return {
    '@context': context(),
    id: bundleId(items, tombstones),
    type: 'AnnotationCollection',
    label: BUNDLE_LABEL,
    'cp:bundleVersion': BUNDLE_VERSION,
    generator: { type: 'Software', name: 'Counterpoint' },
    generated: clock().toISOString(),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
    'cp:tombstones': tombstones,
  };
}

/**
 * The bundle as file text: the collection's fields one per line, then one annotation (and one tombstone) per
 * line. That keeps the file a third smaller than indented JSON and lets a diff of two exports show each changed
 * note as one changed line.
 */
export function serializeBundle(bundle: BundleJson): string {
  const list = (items: readonly unknown[], indent: string): string =>
    items.length === 0
      ? '[]'
      : `[\n${items.map((item) => `${indent}  ${JSON.stringify(item)}`).join(',\n')}\n${indent}]`;
  const lines = Object.entries(bundle).map(([key, value]) => {
    const name = JSON.stringify(key);
    if (key === 'first') {
      const { items, ...page } = bundle.first;
      const pageLines = Object.entries(page).map(
        ([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`,
      );
      return `  ${name}: {\n${[...pageLines, `    "items": ${list(items, '    ')}`].join(',\n')}\n  }`;
    }
    if (key === 'cp:tombstones') return `  ${name}: ${list(bundle['cp:tombstones'], '  ')}`;
    return `  ${name}: ${JSON.stringify(value)}`;
  });
  return `{\n${lines.join(',\n')}\n}\n`;
}

/** `encodeBundle` then `serializeBundle`. */
export function exportBundle(records: BundleRecords, options: EncodeOptions = {}): string {
  return serializeBundle(encodeBundle(records, options));
}

function context(): BundleContext {
  return [ANNO_CONTEXT, { cp: COUNTERPOINT_VOCAB }];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Page by page, then in the order the reader made them. */
function claimOrder(a: Claim, b: Claim): number {
  return compare(a.pageKey, b.pageKey) || compare(a.created, b.created) || compare(a.id, b.id);
}

function rebuttalOrder(a: Rebuttal, b: Rebuttal): number {
  return compare(a.created, b.created) || compare(a.id, b.id);
}

/**
 * Same content, same id: the id is named from every record's id and version, so two exports of an unchanged
 * library share it and a reader can tell that two files hold the same notes.
 */
function bundleId(items: { id: string; modified: string }[], tombstones: TombstoneJson[]): string {
  const versions = [
    ...items.map((item) => `${item.id}@${item.modified}`),
    ...tombstones.map((t) => `${t.id}@${t['cp:deleted']}`),
  ];
  return nameUuid(COUNTERPOINT_NAMESPACE, `bundle\n${versions.join('\n')}`);
}

/**
 * A URL in the ASCII form RFC 3986 requires (punycode host, percent-encoded path), as W3C consumers expect.
 * Addresses taken from `location.href` are in this form already.
 */
function asUri(url: string): string {
  return URL.canParse(url) ? new URL(url).href : url;
}

function textBody(purpose: TextualBodyJson['purpose'], value: string): TextualBodyJson {
  return { type: 'TextualBody', purpose, value, format: 'text/plain' };
}

function selectors(target: TextTarget): SelectorJson {
  const quote = {
    type: 'TextQuoteSelector',
    exact: target.quote.exact,
    prefix: target.quote.prefix,
    suffix: target.quote.suffix,
  } as const;
  if (!target.position) return [quote];
  return [quote, { type: 'TextPositionSelector', start: target.position.start, end: target.position.end }];
}

function encodeClaim(claim: Claim): ClaimAnnotationJson {
  const body = [textBody('assessing', claim.status)];
  // An empty note is left out rather than written as an empty body, which W3C clients would show as blank.
  if (claim.note !== '') body.push(textBody('commenting', claim.note));
  for (const tag of claim.tags) body.push(textBody('tagging', tag));
  return {
    '@context': context(),
    id: claim.id,
    type: 'Annotation',
    motivation: 'assessing',
    created: claim.created,
    modified: claim.modified,
    body,
    target: {
      type: 'SpecificResource',
      source: asUri(claim.url),
      'cp:pageKey': claim.pageKey,
      'cp:title': claim.title,
      selector: selectors(claim.target),
    },
  };
}

// The encoder and the Markdown export tell permalinks from comment ids by the record rule itself.
export { isWebPermalink };

function encodeRebuttal(rebuttal: Rebuttal, claim: Claim): RebuttalAnnotationJson {
  const { comment } = rebuttal;
  const web = isWebPermalink(comment.permalink);
  // A comment without a permalink is addressed as a fragment of its article; its id is kept verbatim beside.
  const address = asUri(web ? comment.permalink : `${claim.url}#${encodeURIComponent(comment.permalink)}`);
  const source: RebuttalAnnotationJson['target']['source'] = {
    id: address,
    type: 'Text',
    creator: { type: 'Person', name: comment.author },
  };
  if (comment.posted !== undefined) {
    if (isRfc3339(comment.posted)) source.created = comment.posted;
    else source['cp:posted'] = comment.posted;
  }
  if (!web) source['cp:commentId'] = comment.permalink;
  if (comment.frame !== undefined) source['cp:commentFrame'] = comment.frame;
  const notes = rebuttal.note === '' ? [] : [textBody('commenting', rebuttal.note)];
  return {
    '@context': context(),
    id: rebuttal.id,
    type: 'Annotation',
    motivation: 'linking',
    created: rebuttal.created,
    modified: rebuttal.modified,
    'cp:stance': rebuttal.stance,
    body: [{ type: 'SpecificResource', purpose: 'linking', source: rebuttal.claimId }, ...notes],
    target: { type: 'SpecificResource', source, selector: selectors(rebuttal.target) },
  };
}

function encodeTombstone(tombstone: Tombstone): TombstoneJson {
  return {
    id: tombstone.id,
    type: 'cp:Tombstone',
    'cp:kind': tombstone.kind,
    'cp:pageKey': tombstone.pageKey,
    'cp:deleted': tombstone.deleted,
  };
}
