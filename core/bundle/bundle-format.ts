/**
 * The Counterpoint bundle: a W3C Web Annotation `AnnotationCollection` whose single `AnnotationPage` holds one
 * annotation per claim and per rebuttal. Fields the W3C model has no term for sit under the `cp:` prefix.
 *
 * - A claim is an annotation with motivation `assessing`. Its status is a `TextualBody` with purpose `assessing`,
 *   its note one with purpose `commenting`, and each tag one with purpose `tagging`. The target is the quoted
 *   passage of the article (TextQuoteSelector, then TextPositionSelector).
 * - A rebuttal is an annotation with motivation `linking` whose target is the excerpt in the comment and whose
 *   first body is the claim it answers. Targeting the excerpt means any W3C client can anchor it as text.
 * - Each annotation repeats the collection's `@context`, so that one pulled out of the file is still a complete
 *   W3C annotation (the test suite checks annotations one by one, as a consumer would use them).
 * - Tombstones sit in `cp:tombstones` beside the page, not among the annotations, so that other W3C clients
 *   do not show deleted notes as live ones.
 */
import type { Claim, Rebuttal, Tombstone } from '../model';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/**
 * The IRI of Counterpoint's own terms. It uses the reserved `.invalid` domain, as the add-on id does, until the
 * project has a domain of its own; decoders look for this exact value.
 */
export const COUNTERPOINT_VOCAB = 'https://counterpoint.invalid/ns#';

/** The prefix that maps to `COUNTERPOINT_VOCAB` in the bundle's `@context`. */
export const VOCAB_PREFIX = 'cp';

/** Bumped when a bundle changes in a way an older reader would misread. */
export const BUNDLE_VERSION = 1;

export const BUNDLE_LABEL = 'Counterpoint notes';

/** The claims, rebuttals and tombstones that one bundle carries, in the extension's own model. */
export interface BundleRecords {
  claims: Claim[];
  rebuttals: Rebuttal[];
  tombstones: Tombstone[];
}

/** An empty set of records, as a fresh object each time. */
export function emptyRecords(): BundleRecords {
  return { claims: [], rebuttals: [], tombstones: [] };
}

export interface TextualBodyJson {
  type: 'TextualBody';
  purpose: 'assessing' | 'commenting' | 'tagging';
  value: string;
  format: 'text/plain';
}

export interface TextQuoteSelectorJson {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelectorJson {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type SelectorJson = [TextQuoteSelectorJson] | [TextQuoteSelectorJson, TextPositionSelectorJson];

/** The `@context` of the collection and of every annotation in it. */
export type BundleContext = [typeof ANNO_CONTEXT, { cp: typeof COUNTERPOINT_VOCAB }];

export interface ClaimAnnotationJson {
  '@context': BundleContext;
  id: string;
  type: 'Annotation';
  motivation: 'assessing';
  created: string;
  modified: string;
  body: TextualBodyJson[];
  target: {
    type: 'SpecificResource';
    source: string;
    'cp:pageKey': string;
    'cp:title': string;
    selector: SelectorJson;
  };
}

export interface RebuttalAnnotationJson {
  '@context': BundleContext;
  id: string;
  type: 'Annotation';
  motivation: 'linking';
  created: string;
  modified: string;
  'cp:stance': string;
  body: [{ type: 'SpecificResource'; purpose: 'linking'; source: string }, ...TextualBodyJson[]];
  target: {
    type: 'SpecificResource';
    source: {
      id: string;
      type: 'Text';
      creator: { type: 'Person'; name: string };
      /** When the comment was posted, if the page says so as a full date and time with a zone. */
      created?: string;
      /** The posted time when it is only a date or has no zone, which W3C `created` cannot hold. */
      'cp:posted'?: string;
      'cp:commentId'?: string;
      /** The origin of the comment widget whose frame shows the comment (`CommentRef.frame`). */
      'cp:commentFrame'?: string;
    };
    selector: SelectorJson;
  };
}

export interface TombstoneJson {
  id: string;
  type: 'cp:Tombstone';
  'cp:kind': Tombstone['kind'];
  'cp:pageKey': string;
  'cp:deleted': string;
}

export interface BundleJson {
  '@context': BundleContext;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  'cp:bundleVersion': number;
  generator: { type: 'Software'; name: string };
  generated: string;
  total: number;
  first: {
    type: 'AnnotationPage';
    startIndex: 0;
    items: (ClaimAnnotationJson | RebuttalAnnotationJson)[];
  };
  'cp:tombstones': TombstoneJson[];
}
