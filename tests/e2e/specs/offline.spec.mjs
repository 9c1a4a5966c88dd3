// Offline use (issue 18) against sites published by `lantern build` on a
// plain static host (site-server.mjs, which logs every request): after one
// visit the help center opens, searches, shows articles by their address
// and takes tickets with no network; a new build waits for "Reload" and
// never mixes with the old one; `[offline] enabled = false` removes the
// worker; a preview (`lantern serve`) never installs one.
import { test, expect } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appReady, search, SHOTS } from './helpers.mjs';
import { SiteServer } from '../site-server.mjs';
import { RECEIVER_PORT } from '../playwright.config.mjs';
import { Receiver } from '../receiver.mjs';

const ROOT = new URL('../../../', import.meta.url).pathname;
const TARGET = process.env.CARGO_TARGET_DIR || path.join(ROOT, 'target');
const LANTERN = path.join(TARGET, 'debug', 'lantern');
const PORT = 8320;
const FIVE = ['vpn-will-not-connect', 'printer-shows-offline', 'wifi-keeps-dropping',
  'outlook-keeps-asking-for-password', 'disk-full-low-disk-space'];

test.use({ serviceWorkers: 'allow' });
test.setTimeout(90_000);

let work;
let server;
test.beforeEach(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-offline-'));
  fs.cpSync(path.join(ROOT, 'articles'), path.join(work, 'articles'), { recursive: true });
});
test.afterEach(async () => {
  if (server) await server.stop();
  server = null;
  fs.rmSync(work, { recursive: true, force: true });
});

/** `lantern build` of the copied articles into `work/site/<sub>`, with extra lantern.toml lines. */
function publish(sub = '', extra = '') {
  const config = path.join(work, 'lantern.toml');
  fs.writeFileSync(config, fs.readFileSync(path.join(ROOT, 'lantern.toml'), 'utf8') + '\n' + extra);
  execFileSync(LANTERN, ['build', '--app', path.join(ROOT, 'dist'), '--articles', path.join(work, 'articles'),
    '--config', config, '--out', path.join(work, 'site', sub)], { stdio: 'pipe' });
}

async function host() {
  server = new SiteServer(path.join(work, 'site'), PORT);
  await server.start();
  return server.origin;
}

/** Waits until the worker controls the page and has saved what it saves by itself. */
async function installed(page, { all = true } = {}) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  if (all) await expect(page.locator('#lantern-offline')).toContainText(/All \d+ articles are available offline/, { timeout: 30_000 });
}

const lanternCaches = (page) => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('lantern-')).sort());

for (const sub of ['', 'help/']) {
  test(`after one visit, everything works offline ${sub ? 'under a sub-path' : 'at the site root'}`, async ({ page, context }) => {
    publish(sub);
    const site = `${await host()}/${sub}`;
    await page.goto(site);
    await appReady(page);
    await installed(page);
    await page.goto(`${site}a/vpn-will-not-connect/`);
    await appReady(page);
    const heading = await page.locator('.article-body h2[id]').first().getAttribute('id');

    const mark = server.log.length;
    await context.setOffline(true);
    await page.goto(site);
    await appReady(page);
    await expect(page.locator('.offline-bar')).toContainText('You are offline');
    await search(page, 'vpn');
    await expect(page.getByRole('option').first()).toBeVisible();
    await expect(page.locator('.result-snippet').first()).toBeVisible();
    for (const slug of FIVE) {
      await page.goto(`${site}a/${slug}/`);
      await appReady(page);
      await expect(page.locator('h1')).toBeVisible();
      await expect(page.locator('.article-body p').first()).toBeVisible();
    }
    // A heading link, and an address without its slash (a host redirects it).
    await page.goto(`${site}a/vpn-will-not-connect/#${heading}`);
    await appReady(page);
    await expect(page.locator(`[id="${heading}"]`)).toBeInViewport();
    await page.goto(`${site}a/printer-shows-offline`);
    await appReady(page);
    await expect(page.locator('h1')).toHaveText(/Printer/);
    await page.goto(`${site}ticket/`);
    await appReady(page);
    await expect(page.locator('#ticket-subject')).toBeVisible();
    if (!sub) await page.screenshot({ path: SHOTS + 'offline-ticket.png', fullPage: true });
    // The browser's own update checks of sw.js come from its network
    // process, which Playwright's offline emulation does not cover (they
    // fail quietly on a real broken network); nothing the page asked for
    // may reach the host.
    const reached = server.since(mark).filter((p) => !p.endsWith('/sw.js'));
    expect(reached, 'requests that reached the network while offline').toEqual([]);
  });
}

test('an article that was not saved says so offline, with its title and summary', async ({ page, context }) => {
  publish('', '[offline]\nlibrary_limit_mb = 0\n');
  const site = `${await host()}/`;
  await page.goto(`${site}a/wifi-keeps-dropping/`);
  await appReady(page);
  await installed(page, { all: false });
  await expect(page.locator('#lantern-offline')).toContainText('Make all articles available offline');
  // Opened once online (now under the worker): kept.
  await page.reload();
  await appReady(page);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await context.setOffline(true);
  await page.goto(`${site}a/wifi-keeps-dropping/`);
  await appReady(page);
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await page.goto(`${site}a/print-queue-stuck/`);
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.load-failed')).toContainText('not available offline');
  await expect(page.locator('.summary')).not.toBeEmpty();
  await page.screenshot({ path: SHOTS + 'offline-not-saved.png', fullPage: true });
  // Back online, "Make all articles available offline" saves the rest.
  await context.setOffline(false);
  await page.goto(site);
  await appReady(page);
  await page.locator('#lantern-offline button').click();
  await expect(page.locator('#lantern-offline')).toContainText(/All \d+ articles are available offline/, { timeout: 30_000 });
});

test('once installed, the app, the index and the home page are answered by static routes, without the worker script', async ({ page }) => {
  publish();
  const site = `${await host()}/`;
  await page.goto(site);
  await appReady(page);
  await installed(page, { all: false });
  await page.reload();
  await appReady(page);
  // Resource Timing names the source a static route matched ('cache':
  // the worker's cache, without running its fetch handler).
  const sources = await page.evaluate(() => Object.fromEntries(
    [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
      .filter((e) => /(\/|\.wasm|\.js|\.css|catalog\.bin)$/.test(new URL(e.name).pathname))
      .map((e) => [new URL(e.name).pathname, e.workerMatchedSourceType || 'none'])));
  const app = Object.keys(sources).filter((p) => /\.(wasm|css)$|lantern-app[^/]*\.js$/.test(p));
  expect(app.length, JSON.stringify(sources)).toBeGreaterThanOrEqual(3);
  for (const file of [...app, '/', '/data/catalog.bin']) expect(sources[file], file).toBe('cache');
});

test('the offline notice never hides the end of an article, on a short window or a phone', async ({ page, context }) => {
  publish();
  const site = `${await host()}/`;
  for (const [width, height] of [[1280, 600], [390, 700]]) {
    await page.setViewportSize({ width, height });
    await page.goto(`${site}a/printer-shows-offline/`);
    await appReady(page);
    await expect(page.locator('.related')).toBeVisible();
    await context.setOffline(true);
    const bar = page.locator('.offline-bar');
    await expect(bar).toBeVisible();
    // At the end of the page (scrolled again each time: the footer's line
    // about saving articles may grow meanwhile), nothing is left under it.
    const hidden = () => page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      const top = document.querySelector('.offline-bar').getBoundingClientRect().top;
      return ['.related', '.site-footer']
        .filter((end) => document.querySelector(end).getBoundingClientRect().bottom > top);
    });
    await expect.poll(hidden, { message: `hidden under the notice at ${width}x${height}` }).toEqual([]);
    await page.screenshot({ path: `${SHOTS}offline-notice-${width}x${height}.png` });
    await context.setOffline(false);
  }
});

test('a published site is installable: Chromium finds its manifest, icons and worker good enough to offer Install', async ({ playwright }) => {
  publish();
  const site = `${await host()}/`;
  // Chromium never offers Install in an incognito-like context, which is
  // what a new Playwright context is: a profile of its own, as a reader's.
  const profile = fs.mkdtempSync(path.join(work, 'profile-'));
  const { launchOptions } = test.info().project.use;
  const context = await playwright.chromium.launchPersistentContext(profile, { ...launchOptions, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(site);
    await appReady(page);
    await installed(page, { all: false });
    const cdp = await context.newCDPSession(page);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    expect(manifest.url).toBe(`${site}manifest.webmanifest`);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
  } finally {
    await context.close();
  }
});

test('a new build waits for Reload, the old one keeps working, and only the changed body is downloaded', async ({ page }) => {
  publish();
  const site = `${await host()}/`;
  await page.goto(site);
  await appReady(page);
  await installed(page);
  const before = await lanternCaches(page);

  const file = path.join(work, 'articles', 'printer-shows-offline.md');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8') + '\nBuild B added this sentence.\n');
  publish();
  const mark = server.log.length;
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await expect(page.locator('.offline-bar')).toContainText('This help center has been updated', { timeout: 20_000 });
  await page.screenshot({ path: SHOTS + 'offline-update-banner.png' });
  // Build A still answers: search, and the article as A published it.
  await search(page, 'printer offline');
  await page.getByRole('option').first().click();
  await expect(page.locator('.article-body')).toBeVisible();
  await expect(page.locator('.article-body')).not.toContainText('Build B added');

  await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
  await appReady(page);
  await expect(page.locator('.offline-bar')).not.toContainText('updated');
  await page.goto(`${site}a/printer-shows-offline/`);
  await expect(page.locator('.article-body')).toContainText('Build B added this sentence.');
  const after = await lanternCaches(page);
  expect(after).toHaveLength(2);
  expect(after.filter((name) => before.includes(name))).toEqual([]);
  const requested = server.since(mark);
  const bodies = requested.filter((p) => p.includes('/data/articles/'));
  expect(bodies).toEqual(['/data/articles/printer-shows-offline.html']);
  // The app's files did not change: build B's worker copied them from A's
  // cache instead of downloading them again; the index did change.
  const unchanged = requested.filter((p) => /\.(js|wasm|css|svg|webmanifest)$/.test(p) && !p.endsWith('/sw.js'));
  expect(unchanged, 'unchanged core files downloaded again').toEqual([]);
  expect(requested).toContain('/data/catalog.bin');
});

test('enabled = false removes the worker and its caches after one reload', async ({ page }) => {
  publish();
  const site = `${await host()}/`;
  await page.goto(site);
  await appReady(page);
  await installed(page);
  expect(await lanternCaches(page)).toHaveLength(2);
  publish('', '[offline]\nenabled = false\n');
  await page.reload();
  await appReady(page);
  // The page the old worker served may reload itself once the remover
  // takes over: read again after any navigation.
  const left = () => page.evaluate(async () => [
    (await navigator.serviceWorker.getRegistrations()).length,
    (await caches.keys()).filter((k) => k.startsWith('lantern-')).length,
  ]).catch(() => null);
  await expect.poll(left, { timeout: 15_000 }).toEqual([0, 0]);
  // The next load comes from the network: pages that no longer load it.
  await page.reload();
  await appReady(page);
  await expect(page.locator('script[src$="offline.js"]')).toHaveCount(0);
});

test('a ticket filed offline goes out once when the connection returns', async ({ page, context }) => {
  const ticket = fs.readFileSync(path.join(ROOT, 'tests/e2e/fixtures/ticket-site.toml'), 'utf8');
  const config = path.join(work, 'lantern.toml');
  fs.writeFileSync(config, ticket);
  execFileSync(LANTERN, ['build', '--app', path.join(ROOT, 'dist'), '--articles', path.join(work, 'articles'),
    '--config', config, '--out', path.join(work, 'site')], { stdio: 'pipe' });
  const receiver = new Receiver(RECEIVER_PORT);
  await receiver.start();
  try {
    const site = `${await host()}/`;
    await page.goto(`${site}ticket/`);
    await appReady(page);
    await installed(page);
    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    await page.fill('#ticket-name', 'Ada Lovelace');
    await page.fill('#ticket-email', 'ada@example.com');
    await page.fill('#ticket-subject', 'VPN down, filed offline');
    await page.fill('#ticket-description', 'The VPN will not connect from the hotel; filed with no network.');
    await page.getByRole('button', { name: 'Send to support' }).click();
    await expect(page.locator('main')).toContainText('It will be sent automatically when you are back online');
    expect(receiver.posts).toHaveLength(0);
    await context.setOffline(false);
    await expect.poll(() => receiver.posts.length, { timeout: 20_000 }).toBe(1);
    await page.waitForTimeout(1500);
    expect(receiver.posts).toHaveLength(1);
    expect(receiver.unique[0].subject).toBe('VPN down, filed offline');
  } finally {
    await receiver.stop();
  }
});

test('a preview under lantern serve installs no worker', async ({ page }) => {
  fs.copyFileSync(path.join(ROOT, 'lantern.toml'), path.join(work, 'lantern.toml'));
  fs.mkdirSync(path.join(work, 'tmp'));
  const serve = spawn(LANTERN, ['serve', '--port', '0', '--app', path.join(ROOT, 'dist')], {
    cwd: work, env: { ...process.env, TMPDIR: path.join(work, 'tmp') }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    let stderr = '';
    const url = await new Promise((resolve, reject) => {
      serve.stderr.on('data', (chunk) => {
        stderr += chunk;
        const found = stderr.match(/^serving (http:\/\/127\.0\.0\.1:\d+\/)/m);
        if (found) resolve(found[1]);
      });
      serve.on('exit', (code) => reject(new Error(`lantern serve exited with ${code}:\n${stderr}`)));
    });
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await appReady(page);
    await page.waitForTimeout(1500);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    await expect(page.locator('script[src$="offline.js"]')).toHaveCount(0);
  } finally {
    serve.kill();
  }
});
