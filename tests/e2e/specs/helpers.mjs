import { expect } from '@playwright/test';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const SHOTS = new URL('../../../target/screenshots/', import.meta.url).pathname;
fs.mkdirSync(SHOTS, { recursive: true });

/** Waits until the wasm app has replaced the loading state. */
export async function appReady(page) {
  // The prerendered page (home, articles) is gone once the app has started.
  await expect(page.locator('#lantern-prerender')).toHaveCount(0);
  await expect(page.locator('main#main')).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
}

/** Runs axe-core in the page and fails with a readable list of violations. */
export async function expectNoAxeViolations(page, label) {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy
  // (rightly) refuses an inline script it has no hash for.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
  const summary = result.violations.map(v => `${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

export async function search(page, text) {
  const box = page.locator('#search-input');
  await box.fill('');
  await box.pressSequentially(text, { delay: 10 });
}
