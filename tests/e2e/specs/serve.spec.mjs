// `lantern serve`, the author's preview (issue 16), in Chromium: the app
// from dist/ with a copy of the sample articles in a temporary folder, on
// a free port. An edit shows in the open page without a reload; a broken
// article is named in a banner (file and line) while the others still
// open; fixing it clears the banner.
import { test, expect } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appReady, expectNoAxeViolations, SHOTS } from './helpers.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
const SLUG = 'vpn-will-not-connect';
const TITLE = 'VPN will not connect';

let work; // the temporary project: articles/, lantern.toml, tmp/
let server; // the `lantern serve` process
let url; // what it printed: http://127.0.0.1:PORT/
let stderr = '';

/** Starts `lantern serve --port 0` in `dir`; resolves with the URL it prints. */
function startServe(dir) {
  const bin = path.join(TARGET, 'debug', 'lantern');
  server = spawn(bin, ['serve', '--port', '0', '--app', path.join(ROOT, 'dist')], {
    cwd: dir,
    // The preview folder goes under the project's tmp/, removed with it.
    env: { ...process.env, TMPDIR: path.join(dir, 'tmp') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    server.stderr.on('data', chunk => {
      stderr += chunk;
      const found = stderr.match(/^serving (http:\/\/127\.0\.0\.1:\d+\/)/m);
      if (found) resolve(found[1]);
    });
    server.on('exit', code => reject(new Error(`lantern serve exited with ${code}:\n${stderr}`)));
  });
}

const articlePath = () => path.join(work, 'articles', `${SLUG}.md`);
const original = () => fs.readFileSync(path.join(ROOT, 'articles', `${SLUG}.md`), 'utf8');

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  execFileSync('cargo', ['build', '-q', '-p', 'lantern-cli'], { cwd: ROOT, stdio: 'inherit' });
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-serve-e2e-'));
  fs.cpSync(path.join(ROOT, 'articles'), path.join(work, 'articles'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'lantern.toml'), path.join(work, 'lantern.toml'));
  fs.mkdirSync(path.join(work, 'tmp'));
  url = await startServe(work);
});

test.afterAll(() => {
  server?.kill();
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

test('an edited title shows in the open page within 2 s, without a manual reload', async ({ page }) => {
  await page.goto(`${url}a/${SLUG}/`);
  await appReady(page);
  await expect(page.locator('h1')).toHaveText(TITLE);
  const reloads = [];
  page.on('framenavigated', frame => { if (frame === page.mainFrame()) reloads.push(frame.url()); });

  const started = Date.now();
  fs.writeFileSync(articlePath(), original().replace(`title: "${TITLE}"`, 'title: "VPN drops every hour"'));
  await expect(page.locator('h1')).toHaveText('VPN drops every hour', { timeout: 2_000 });
  console.log(`new title in the page ${Date.now() - started} ms after the save`);
  expect(reloads.length, 'the page reloaded itself once').toBe(1);
});

test('a broken article is named in a banner while the others open; fixing it clears the banner', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${url}a/printer-shows-offline/`);
  await appReady(page);
  await expect(page.locator('#lantern-serve-banner')).toHaveCount(0);

  // An unquoted colon in the title: invalid YAML on line 2.
  fs.writeFileSync(articlePath(), original().replace(`title: "${TITLE}"`, 'title: VPN: will not connect'));
  const banner = page.locator('#lantern-serve-banner');
  await expect(banner).toBeVisible({ timeout: 2_000 });
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText(`articles/${SLUG}.md:2:`);
  await expect(banner).toContainText('put the title in double quotes');
  await appReady(page);
  // The page under the banner is still the article it was.
  await expect(page.locator('h1')).toHaveText('Printer shows offline');
  await page.screenshot({ path: `${SHOTS}serve-banner.png` });
  await expectNoAxeViolations(page, 'a page with the serve banner');

  // Another article opens, with the banner still there.
  await page.goto(`${url}a/wifi-keeps-dropping/`);
  await appReady(page);
  await expect(page.locator('h1')).toHaveText('Wi-Fi keeps dropping or disconnecting');
  await expect(banner).toContainText(`articles/${SLUG}.md:2:`);
  expect(stderr).toContain(`articles/${SLUG}.md:2:`);

  fs.writeFileSync(articlePath(), original());
  await expect(banner).toHaveCount(0, { timeout: 2_000 });
  await page.goto(`${url}a/${SLUG}/`);
  await appReady(page);
  await expect(page.locator('h1')).toHaveText(TITLE);
  await expect(banner).toHaveCount(0);
});
