/**
 * Issue 12, end to end in both browsers: the card learns the names the page gives in full from the page's text,
 * so that a comment calling the councillor by her first name is suggested for a claim that gives her surname.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { serveStatic, type StaticServer } from '../../scripts/serve';
import { chromiumHarness, firefoxHarness, waitFor, type Harness, type Tab } from './driver';
import { mark } from './reader';

const CLAIM =
  "Fenwick voted to close the branch because of an old quarrel with the library's trustees, not to save money.";

describe.each([
  ['chromium', chromiumHarness],
  ['firefox', firefoxHarness],
] as const)('suggestions by name in %s', (_name, launch) => {
  let server: StaticServer;
  let harness: Harness;
  let tab: Tab;

  beforeAll(async () => {
    server = await serveStatic({ '/pages': resolve(import.meta.dirname, 'pages') });
    harness = await launch();
    tab = await harness.newTab();
    await tab.goto(`${server.origin}/pages/named-people.html`);
  });

  afterAll(async () => {
    await harness?.close();
    await server?.close();
  });

  it('suggests the comment that says “Maud” for a claim about “Fenwick”, and only that one', async () => {
    await mark(tab, CLAIM);
    const suggestions = await waitFor('a suggestion', async () => {
      const found = await tab.overlay.query('.suggestion');
      return found.length > 0 ? found : undefined;
    });
    expect(suggestions).toHaveLength(1);
    expect(suggestions[0]?.text).toContain('Alma Ruiz');
    expect(suggestions[0]?.text).toContain('Maud has wanted that place shut since her first term.');
  });
});
