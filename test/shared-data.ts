/**
 * Test data kept beside the repository in `../shared/` (saved pages, the W3C annotation test kit, a seed
 * thread), read in place and never copied in. A clone without it skips the suites that need it and says
 * what is missing; under CI a missing file fails the run instead, so that CI never goes green without them.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it, type SuiteOptions } from 'vitest';

const SHARED = resolve(import.meta.dirname, '../../shared');

const onCi = !!process.env.CI && process.env.CI !== 'false';

/** The absolute path of `relative` inside `../shared/`. */
export function sharedPath(relative: string): string {
  return resolve(SHARED, relative);
}

/**
 * `describe(title, options, body)` when every path in `needs` (relative to `../shared/`) exists. When one is
 * missing, the suite is skipped with a title that names it, or under CI replaced by a test that fails saying so.
 */
export function describeWithShared(
  title: string,
  { needs, ...options }: SuiteOptions & { needs: string[] },
  body: () => void,
): void {
  const missing = needs.filter((relative) => !existsSync(sharedPath(relative)));
  if (missing.length === 0) {
    describe(title, options, body);
    return;
  }
  const what = `${missing.map((relative) => `../shared/${relative}`).join(', ')} not found`;
  if (onCi) {
    describe(title, () => {
      it('has its test data', () => {
        throw new Error(
          `${what}. Under CI every suite must run: put the shared test data beside the repository.`,
        );
      });
    });
  } else {
    describe.skip(`${title} (skipped: ${what})`, options, body);
  }
}
