/**
 * The one entry point for untrusted files, used by the extension's import and by the command line: caps, JSON,
 * format detection, per-record validation, then the checks that span records (repeated ids, rebuttals whose
 * claim is not in the file). Nothing here throws on bad input; every refusal is an issue with its path.
 */
import { emptyRecords } from './bundle-format';
import { pathTo } from '../records/issues';
import type { BundleFormat, DecodeOptions, DecodeResult, ReadOutcome, RejectedItem } from './decoded-bundle';
import { FORMAT_NAMES } from './decoded-bundle';
import { isObject } from '../records/field-readers';
import { isCounterpointBundle, readCounterpointBundle } from './read-counterpoint';
import { isHypothesisData, readHypothesis } from './read-hypothesis';
import { isW3cAnnotationData, readW3cAnnotations } from './read-w3c-annotations';
import type { JsonReadResult } from './safe-json';
import { readJsonBytes, readJsonText } from './safe-json';

/** Decodes a file's bytes or text: a Counterpoint bundle, W3C annotations or a Hypothesis export. */
export function decodeBundle(input: string | Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const parsed: JsonReadResult = typeof input === 'string' ? readJsonText(input) : readJsonBytes(input);
  if (!parsed.ok) return { ok: false, issues: parsed.issues };
  return decodeBundleValue(parsed.value, options);
}

/** Which format a parsed file is in, or undefined when it is none that import accepts. */
export function detectFormat(root: unknown): BundleFormat | undefined {
  if (isObject(root) && isCounterpointBundle(root)) return 'counterpoint';
  if (isHypothesisData(root)) return 'hypothesis';
  if (isW3cAnnotationData(root)) return 'w3c';
  return undefined;
}

/** Decodes a value already parsed by `readJsonText` or `readJsonBytes` (which refuse prototype keys). */
export function decodeBundleValue(root: unknown, options: DecodeOptions = {}): DecodeResult {
  const format = detectFormat(root);
  if (!format) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          message:
            'this is not a Counterpoint bundle, W3C Web Annotation JSON or a Hypothesis export (no @context, rows or annotation found)',
        },
      ],
    };
  }
  const outcome: ReadOutcome =
    format === 'counterpoint'
      ? readCounterpointBundle(root as Record<string, unknown>)
      : format === 'hypothesis'
        ? readHypothesis(root, options)
        : readW3cAnnotations(root, options);
  if (!outcome.ok) return { ok: false, format, issues: outcome.issues };
  return { ok: true, format, ...crossCheck(outcome.accepted, outcome.rejected) };
}

/** Like `decodeBundle`, but refuses anything that is not a Hypothesis export, for `convert --from hypothesis`. */
export function convertHypothesis(input: string | Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const result = decodeBundle(input, options);
  const format = result.format;
  if (format !== undefined && format !== 'hypothesis') {
    return {
      ok: false,
      format,
      issues: [{ path: '', message: `this is ${FORMAT_NAMES[format]}, not a Hypothesis export` }],
    };
  }
  return result;
}

function crossCheck(
  accepted: Extract<ReadOutcome, { ok: true }>['accepted'],
  rejectedByReader: RejectedItem[],
): { records: ReturnType<typeof emptyRecords>; rejected: RejectedItem[] } {
  const rejected = [...rejectedByReader];
  const firstUse = new Map<string, string>();
  const unique = accepted.filter((entry) => {
    const earlier = firstUse.get(entry.record.id);
    if (earlier === undefined) {
      firstUse.set(entry.record.id, entry.path);
      return true;
    }
    rejected.push({
      path: entry.path,
      id: entry.record.id,
      issues: [
        {
          path: pathTo(entry.path, 'id'),
          message: `repeats the id of ${earlier}; each record needs its own id`,
        },
      ],
    });
    return false;
  });
  const claimIds = new Set(unique.flatMap((entry) => (entry.kind === 'claim' ? [entry.record.id] : [])));
  const records = emptyRecords();
  for (const entry of unique) {
    if (entry.kind === 'claim') records.claims.push(entry.record);
    else if (entry.kind === 'tombstone') records.tombstones.push(entry.record);
    else if (claimIds.has(entry.record.claimId)) records.rebuttals.push(entry.record);
    else {
      // A rebuttal travels with its claim; alone it would point at nothing on the reader's side.
      rejected.push({
        path: entry.path,
        id: entry.record.id,
        issues: [
          {
            path: pathTo(pathTo(pathTo(entry.path, 'body'), 0), 'source'),
            message: `answers claim ${entry.record.claimId}, which this file does not hold (or which was refused)`,
          },
        ],
      });
    }
  }
  return { records, rejected };
}
