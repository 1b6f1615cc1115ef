/**
 * Turns the bytes or text of an untrusted file into a JSON value, refusing what could hurt the code that reads it:
 * oversized files, other encodings, deep nesting and keys that reach into prototypes.
 */
import type { BundleIssue } from '../records/issues';
import { pathTo } from '../records/issues';
import { MAX_BUNDLE_BYTES, MAX_JSON_DEPTH } from './limits';

/** The parsed value, or the reasons it was refused. */
export type JsonReadResult = { ok: true; value: unknown } | { ok: false; issues: BundleIssue[] };

/** Keys that would reach `Object.prototype` if some later code copied the object with spread or assign. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function refuse(message: string): JsonReadResult {
  return { ok: false, issues: [{ path: '', message }] };
}

/** Reads a file's bytes: UTF-8 only, a UTF-8 byte order mark is ignored (editors on Windows add one). */
export function readJsonBytes(bytes: Uint8Array): JsonReadResult {
  if (bytes.length > MAX_BUNDLE_BYTES) {
    return refuse(`the file is ${megabytes(bytes.length)}; the limit is ${megabytes(MAX_BUNDLE_BYTES)}`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return refuse('the file is UTF-16 text; save it as UTF-8');
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refuse('the file is not UTF-8 text');
  }
  return readJsonText(text);
}

/** Reads JSON text. The caps are checked before `JSON.parse` so that a hostile file costs one linear scan. */
export function readJsonText(input: string): JsonReadResult {
  // TextDecoder already drops a BOM; text handed over directly may still start with one.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.length > MAX_BUNDLE_BYTES) {
    return refuse(`the file is larger than the limit of ${megabytes(MAX_BUNDLE_BYTES)}`);
  }
  if (text.trim() === '') return refuse('the file is empty');
  const tooDeep = findDeepNesting(text);
  if (tooDeep !== undefined) {
    return refuse(`the data is nested more than ${MAX_JSON_DEPTH} levels deep (at character ${tooDeep})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return refuse(`the file is not JSON (${detail})`);
  }
  const issues = findForbiddenKeys(value);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value };
}

/** Returns the character offset where nesting first passes the cap, skipping brackets inside strings. */
function findDeepNesting(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return undefined;
}

/**
 * Walks the parsed value without recursion; JSON.parse keeps `__proto__` as an own key, so it is found here.
 * Paths are built only for the keys reported, from parent links, because most files have none.
 */
function findForbiddenKeys(root: unknown): BundleIssue[] {
  interface Step {
    value: unknown;
    parent: Step | undefined;
    key: string | number | undefined;
  }
  const pathOf = (step: Step): string => {
    const keys: (string | number)[] = [];
    for (let at: Step | undefined = step; at?.key !== undefined; at = at.parent) keys.push(at.key);
    return keys.reverse().reduce<string>((path, key) => pathTo(path, key), '');
  };
  const issues: BundleIssue[] = [];
  const stack: Step[] = [{ value: root, parent: undefined, key: undefined }];
  while (stack.length > 0) {
    const step = stack.pop() as Step;
    const { value } = step;
    if (Array.isArray(value)) {
      // Pushed in reverse so that issues come out in file order.
      for (let i = value.length - 1; i >= 0; i--) {
        const child: unknown = value[i];
        if (typeof child === 'object' && child !== null) stack.push({ value: child, parent: step, key: i });
      }
    } else if (typeof value === 'object' && value !== null) {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        const child = (value as Record<string, unknown>)[key];
        if (FORBIDDEN_KEYS.has(key)) {
          issues.push({
            path: pathOf({ value: child, parent: step, key }),
            message: 'this key is not allowed in a bundle',
          });
        } else if (typeof child === 'object' && child !== null)
          stack.push({ value: child, parent: step, key });
      }
    }
  }
  return issues;
}
