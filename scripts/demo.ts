/**
 * `npm run demo`: serve the built-in demo article and open it in Chromium with Counterpoint loaded.
 * With a display, the browser opens for the reader to try. Without one (CI, a server), it runs headless:
 * it marks a claim contested with a note, saves a screenshot of the result and prints its path.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchChromium } from './browsers';
import { serveStatic } from './serve';
import { chromiumHarness, waitFor } from '../test/e2e/driver';
import { CLAIMS, clickInOverlay, highlightedTexts, selectWithMouse } from '../test/e2e/reader';

const server = await serveStatic({ '/demo': resolve(import.meta.dirname, '../demo') });
const articleUrl = `${server.origin}/demo/article.html`;

if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) {
  const session = await launchChromium({ headless: false });
  const page = session.context.pages()[0] ?? (await session.context.newPage());
  await page.goto(articleUrl);
  console.log(`Counterpoint is loaded in Chromium on ${articleUrl}`);
  console.log(
    'Select a sentence, press Contested, and write why. Close the browser (or press Ctrl+C) to stop.',
  );
  session.context.on('close', () => void server.close().then(() => process.exit(0)));
} else {
  const harness = await chromiumHarness();
  try {
    const tab = await harness.newTab();
    await tab.goto(articleUrl);
    await selectWithMouse(tab.page, CLAIMS.traffic);
    await clickInOverlay(tab, '.choice-contested');
    await waitFor('the contested highlight', async () => (await highlightedTexts(tab.page)).contested);
    await tab.page.keyboard.type('Counts only Quarry Lane; the cars moved to Orchard Street.');
    await clickInOverlay(tab, 'input[type=text]');
    await tab.page.keyboard.type('traffic, data');
    const output = resolve(import.meta.dirname, '../demo-output');
    await mkdir(output, { recursive: true });
    const screenshot = resolve(output, 'counterpoint-demo.png');
    await tab.screenshot(screenshot);
    console.log(`No display found, so the demo ran headless: it marked a claim contested on ${articleUrl}.`);
    console.log(`Screenshot: ${screenshot}`);
  } finally {
    await harness.close();
    await server.close();
  }
}
