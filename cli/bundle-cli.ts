/**
 * `counterpoint-bundle`: validate, print as Markdown, merge and convert note bundles outside the browser,
 * with the same decoder, merge and encoder as the extension.
 *
 * Exit codes: 0 done, 1 an input was refused (or, for `validate`, has any problem), 2 the command was misused.
 * `validate` is strict: any refused record fails it. The other commands follow import: refused records are
 * reported on stderr and left out, and a file refused as a whole stops the command before anything is written.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { BundleRecords } from '../core/bundle/bundle-format';
import { emptyRecords } from '../core/bundle/bundle-format';
import { formatIssue } from '../core/records/issues';
import { convertHypothesis, decodeBundle } from '../core/bundle/decode-bundle';
import type { DecodeOptions, DecodeResult } from '../core/bundle/decoded-bundle';
import { FORMAT_NAMES, allIssues } from '../core/bundle/decoded-bundle';
import { exportBundle } from '../core/bundle/encode-bundle';
import { MAX_REPORTED_ISSUES } from '../core/bundle/limits';
import { exportMarkdown } from '../core/bundle/markdown-export';
import type { MergeCounts } from '../core/bundle/merge-bundle';
import { planMerge } from '../core/bundle/merge-bundle';
import { pageKeyFor } from '../core/page-key';

export const USAGE = `Usage:
  counterpoint-bundle validate FILE...
  counterpoint-bundle markdown FILE [-o OUT]
  counterpoint-bundle merge FILE... -o OUT
  counterpoint-bundle convert --from hypothesis FILE -o OUT

FILE may be a Counterpoint bundle, W3C Web Annotation JSON or a Hypothesis API export.
Exit status: 0 done, 1 an input was refused, 2 the command was misused.`;

/** Where the command writes; the bin passes the process streams, tests may pass their own. */
export interface CliIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

class UsageError extends Error {}

/** Foreign annotations get the page key the extension would give their URL, so that both sides' notes meet. */
const decodeOptions: DecodeOptions = { pageKeyFor: (url) => pageKeyFor(url, null) };

/** Reads a file as bytes so that the decoder sees BOMs and encodings as they are. */
async function load(file: string): Promise<DecodeResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : 'cannot be read';
    return { ok: false, issues: [{ path: '', message: reason }] };
  }
  return decodeBundle(bytes, decodeOptions);
}

/** Prints `FILE: path: message` per issue, capped so that a hostile file cannot flood the terminal. */
function report(file: string, result: DecodeResult, print: (line: string) => void): number {
  const issues = allIssues(result);
  for (const issue of issues.slice(0, MAX_REPORTED_ISSUES)) print(`${file}: ${formatIssue(issue)}`);
  if (issues.length > MAX_REPORTED_ISSUES) {
    print(`${file}: ... and ${issues.length - MAX_REPORTED_ISSUES} more problems`);
  }
  return issues.length;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function describeRecords(records: BundleRecords): string {
  return [
    plural(records.claims.length, 'claim'),
    plural(records.rebuttals.length, 'rebuttal'),
    plural(records.tombstones.length, 'tombstone'),
  ].join(', ');
}

function describeCounts(counts: MergeCounts): string {
  return `${counts.new} new, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.deleted} deleted, ${counts.rejected} rejected`;
}

async function validate(files: string[], io: CliIo): Promise<number> {
  if (files.length === 0) throw new UsageError('validate needs at least one FILE');
  let failed = false;
  for (const file of files) {
    const result = await load(file);
    if (report(file, result, io.out) > 0) failed = true;
    else if (result.ok)
      io.out(`${file}: valid, ${FORMAT_NAMES[result.format]} with ${describeRecords(result.records)}`);
  }
  return failed ? 1 : 0;
}

/** Loads every input; any file refused as a whole stops the command. Refused records are reported. */
async function loadAll(
  files: string[],
  io: CliIo,
): Promise<Extract<DecodeResult, { ok: true }>[] | undefined> {
  const results: Extract<DecodeResult, { ok: true }>[] = [];
  let refused = false;
  for (const file of files) {
    const result = await load(file);
    report(file, result, io.err);
    if (result.ok) results.push(result);
    else refused = true;
  }
  if (refused) {
    io.err('Nothing was written.');
    return undefined;
  }
  return results;
}

async function emit(text: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined) process.stdout.write(text);
  else await writeFile(out, text);
  if (out !== undefined) io.err(`Wrote ${out}`);
}

async function markdown(files: string[], out: string | undefined, io: CliIo): Promise<number> {
  if (files.length !== 1) throw new UsageError('markdown takes one FILE');
  const results = await loadAll(files, io);
  if (!results?.[0]) return 1;
  await emit(exportMarkdown(results[0].records), out, io);
  return 0;
}

async function merge(files: string[], out: string | undefined, io: CliIo): Promise<number> {
  if (files.length === 0) throw new UsageError('merge needs at least one FILE');
  if (out === undefined) throw new UsageError('merge needs -o OUT');
  const results = await loadAll(files, io);
  if (!results) return 1;
  let library = emptyRecords();
  const total: MergeCounts = { new: 0, updated: 0, unchanged: 0, deleted: 0, rejected: 0 };
  results.forEach((result, i) => {
    const plan = planMerge(library, result.records, { rejected: result.rejected.length });
    library = plan.result;
    for (const key of Object.keys(total) as (keyof MergeCounts)[]) total[key] += plan.counts[key];
    io.out(`${files[i]}: ${describeCounts(plan.counts)}`);
  });
  io.out(`Total: ${describeCounts(total)}`);
  io.out(`${out}: ${describeRecords(library)}`);
  await writeFile(out, exportBundle(library));
  return 0;
}

async function convert(
  files: string[],
  from: string | undefined,
  out: string | undefined,
  io: CliIo,
): Promise<number> {
  if (from !== 'hypothesis') throw new UsageError('convert needs --from hypothesis');
  if (files.length !== 1) throw new UsageError('convert takes one FILE');
  if (out === undefined) throw new UsageError('convert needs -o OUT');
  const [file] = files as [string];
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch {
    io.err(`${file}: cannot be read`);
    return 1;
  }
  const result = convertHypothesis(bytes, decodeOptions);
  report(file, result, io.err);
  if (!result.ok) return 1;
  if (result.records.claims.length === 0) {
    io.err(`${file}: no annotation could be converted; nothing was written.`);
    return 1;
  }
  io.out(
    `${file}: ${plural(result.records.claims.length, 'claim')} converted, ${result.rejected.length} rejected`,
  );
  await writeFile(out, exportBundle(result.records));
  io.out(`Wrote ${out}`);
  return 0;
}

/** Runs one command line; returns the exit status. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        from: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const [command, ...files] = parsed.positionals;
  const { out, from, help } = parsed.values;
  if (help || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  try {
    if (from !== undefined && command !== 'convert') throw new UsageError('--from belongs to convert');
    if (out !== undefined && command === 'validate') throw new UsageError('validate writes nothing; drop -o');
    switch (command) {
      case 'validate':
        return await validate(files, io);
      case 'markdown':
        return await markdown(files, out, io);
      case 'merge':
        return await merge(files, out, io);
      case 'convert':
        return await convert(files, from, out, io);
      default:
        throw new UsageError(
          command === undefined ? 'no command given' : `unknown command ${JSON.stringify(command)}`,
        );
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${error.message}\n\n${USAGE}`);
    return 2;
  }
}
