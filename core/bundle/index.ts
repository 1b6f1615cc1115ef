/**
 * The bundle core: one format, one validator and one merge for the extension and the command line.
 * Import: `decodeBundle` → `planMerge` (preview the counts) → write `plan.put` / `plan.remove` in one transaction.
 * Export: `exportBundle` for the `.json` file, `exportMarkdown` for the `.md` one.
 */
export type { BundleRecords, BundleJson } from './bundle-format';
export { ANNO_CONTEXT, BUNDLE_VERSION, COUNTERPOINT_VOCAB, emptyRecords } from './bundle-format';
export type { BundleIssue } from '../records/issues';
export { formatIssue } from '../records/issues';
export { FIELD_LIMITS } from '../records/limits';
export { convertHypothesis, decodeBundle, detectFormat } from './decode-bundle';
export type { BundleFormat, DecodeOptions, DecodeResult, RejectedItem } from './decoded-bundle';
export { FORMAT_NAMES, allIssues } from './decoded-bundle';
export type { EncodeOptions } from './encode-bundle';
export { BundleEncodeError, encodeBundle, exportBundle, serializeBundle } from './encode-bundle';
export { MAX_BUNDLE_BYTES, MAX_BUNDLE_RECORDS, MAX_JSON_DEPTH } from './limits';
export { exportMarkdown } from './markdown-export';
export type { MergeCounts, MergePlan, TouchedPage } from './merge-bundle';
export { mergeRecords, planMerge } from './merge-bundle';
