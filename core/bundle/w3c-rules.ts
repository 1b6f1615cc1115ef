/**
 * The MUSTs of the W3C Web Annotation data model that the readers rely on, checked alike for Counterpoint
 * bundles and annotations from other clients, so that `counterpoint-bundle validate` and import agree:
 * - the `@context` is the Web Annotation context, alone or first in a list;
 * - an annotation has `body` or `bodyValue`, never both (the note would be ambiguous);
 * - an annotation's `id` is an absolute IRI of a scheme safe to show as a link: http, https or urn.
 */
import { describe, field } from '../records/field-readers';
import type { IssueList } from '../records/issues';
import { pathTo, quoteValue } from '../records/issues';
import { isWebUrl } from '../records/text';
import { ANNO_CONTEXT } from './bundle-format';

/** Whether an `@context` value is the Web Annotation context, or a list that starts with it. */
export function isAnnotationContext(context: unknown): boolean {
  return context === ANNO_CONTEXT || (Array.isArray(context) && context[0] === ANNO_CONTEXT);
}

/** Records a problem when `@context` (at `path`) is not the Web Annotation context; `required` when absent too. */
export function checkContext(context: unknown, path: string, issues: IssueList, required: boolean): void {
  if (context === undefined && !required) return;
  if (!isAnnotationContext(context)) {
    issues.add(path, `must be ${ANNO_CONTEXT}, or a list that starts with it (got ${describe(context)})`);
  }
}

const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i;

/** Whether an annotation id is an absolute IRI of a safe scheme: http(s) or urn. */
export function isSafeAnnotationId(id: string): boolean {
  return isWebUrl(id) || URN.test(id);
}

/** The problem with an annotation id that `isSafeAnnotationId` refuses, for the reader's message. */
export function annotationIdProblem(id: string): string {
  return `must be a URI with an http, https or urn scheme, such as urn:uuid:… or https://… (got ${quoteValue(id)})`;
}

/** The checks an annotation object needs whatever reads it next: its own `@context`, and body xor bodyValue. */
export function checkAnnotation(item: Record<string, unknown>, path: string, issues: IssueList): void {
  checkContext(field(item, '@context'), pathTo(path, '@context'), issues, false);
  if (field(item, 'body') !== undefined && field(item, 'bodyValue') !== undefined) {
    issues.add(
      pathTo(path, 'bodyValue'),
      'an annotation has body or bodyValue, not both; the W3C model does not say which one holds the note',
    );
  }
}
