/**
 * Draws the extension's icons from `scripts/icon.svg` into `public/icon/<size>.png`, in every size the stores
 * and browsers ask for (issue 13), with Debian's Chromium: `npx tsx scripts/icons.ts` after changing the SVG.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './browsers';

/** Chrome's toolbar and store (16, 32, 48, 128) and Firefox's add-ons pages (48, 96). */
const SIZES = [16, 32, 48, 96, 128];

const svg = await readFile(resolve(import.meta.dirname, 'icon.svg'), 'utf8');
const out = resolve(import.meta.dirname, '../public/icon');
await mkdir(out, { recursive: true });
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    await page.screenshot({ path: `${out}/${size}.png`, omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`Wrote ${SIZES.map((size) => `public/icon/${size}.png`).join(', ')}`);
