// Hostile input in the browser: the Content-Security-Policy `lantern build`
// writes blocks a script that slipped into a page; the app works under it
// without one violation; every payload of the XSS corpus (tests/xss),
// published in articles and settings, typed into search and put into
// URLs, runs nothing and leaves no event handler or script URL in the
// DOM; author anchors are link targets that shadow nothing of the app's.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { appReady, search, SHOTS } from './helpers.mjs';
import { PORT, PAGES_PORT, XSS_PORT, XSS_RECEIVER_PORT } from '../playwright.config.mjs';
import { payloads } from '../../xss/make-site.mjs';
import { Receiver } from '../receiver.mjs';

const SAMPLE = `http://127.0.0.1:${PORT}`;
const XSS = `http://127.0.0.1:${XSS_PORT}`;
const PAYLOADS = payloads();

// Before any page script: a canary that any executed payload sets (they
// call alert/confirm/prompt or set window.__xss), and the policy's
// violation reports, kept across the page's life.
async function arm(page) {
  await page.addInitScript(() => {
    window.__xss = 0;
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = () => { window.__xss = 1; };
    }
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
    });
  });
  const outside = [];
  page.on('request', (r) => {
    const host = new URL(r.url()).hostname;
    if (host !== '127.0.0.1' && !r.url().startsWith('data:')) outside.push(r.url());
  });
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  return { outside, dialogs };
}

// Where an element is, relative to the window (an empty <a> has no size
// for toBeInViewport to measure).
const topOf = (locator) => locator.evaluate((e) => e.getBoundingClientRect().top);

// Every element and attribute of the page: what would run script.
const domProblems = (page) => page.evaluate(() => {
  const bad = [];
  const urlAttrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcset', 'background', 'cite', 'srcdoc'];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      const value = a.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (name.startsWith('on')) bad.push(`<${el.localName} ${name}>`);
      if (urlAttrs.includes(name) && /^(javascript|vbscript|data|livescript):/.test(value)) bad.push(`<${el.localName} ${name}=${a.value}>`);
    }
    if (['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'portal'].includes(el.localName)) bad.push(`<${el.localName}>`);
    if (['form', 'style', 'svg', 'math', 'textarea', 'select'].includes(el.localName) && el.closest('.article-body')) bad.push(`<${el.localName}> in an article`);
  }
  for (const s of document.scripts) if (!document.head.contains(s)) bad.push(`a script in the body: ${s.outerHTML.slice(0, 80)}`);
  if (typeof document.getElementById !== 'function') bad.push('document.getElementById is shadowed');
  const input = document.getElementById('search-input');
  if (input && input.localName !== 'input') bad.push(`#search-input is a <${input.localName}>`);
  return bad;
});

async function expectClean(page, label, watch) {
  const [xss, violations, problems] = await page.evaluate(() => [window.__xss, window.__violations, null]).then(async ([x, v]) => [x, v, await domProblems(page)]);
  expect(xss, `${label}: a payload ran`).toBe(0);
  expect(watch.dialogs, `${label}: a dialog opened`).toEqual([]);
  expect(watch.outside, `${label}: a request left the site`).toEqual([]);
  expect(problems, `${label}: the DOM holds script`).toEqual([]);
  return violations;
}

test.describe('the Content-Security-Policy', () => {
  test('an inline script and an event handler that got into a page are blocked, and the app still starts', async ({ page }) => {
    const watch = await arm(page);
    // As the base_url bug did: markup written into the page's head and body.
    await page.route(`${SAMPLE}/a/vpn-will-not-connect/`, async (route) => {
      const response = await route.fetch();
      const html = (await response.text())
        .replace('</head>', '<script>window.__injected = "head"</script></head>')
        .replace('<div id="lantern-prerender">', '<div id="lantern-prerender"><img src="x" onerror="window.__injected = \'handler\'"><script>window.__injected = "body"</script>');
      await route.fulfill({ response, body: html });
    });
    await page.goto(`${SAMPLE}/a/vpn-will-not-connect/`);
    await appReady(page);
    await expect(page.locator('h1')).toHaveText('VPN will not connect');
    expect(await page.evaluate(() => window.__injected)).toBeUndefined();
    const violations = await page.evaluate(() => window.__violations);
    expect(violations.filter((v) => v.startsWith('script-src')).length, violations.join('\n')).toBeGreaterThanOrEqual(3);
    expect(watch.outside).toEqual([]);
  });

  test('the app works under it without one violation: search, an article, the ticket page, a missing page', async ({ page }) => {
    await arm(page);
    await page.goto(SAMPLE + '/');
    await appReady(page);
    await search(page, 'printer offline');
    await expect(page.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText('Printer shows offline');
    await expect(page.locator('.article-body h2').first()).toBeVisible();
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    await page.goto(SAMPLE + '/ticket/');
    await expect(page.locator('#ticket-subject')).toBeVisible();
    expect(await page.evaluate(() => window.__violations), 'the ticket page').toEqual([]);
    // A host that serves 404.html for unknown paths (its assets addressed from the root).
    await page.goto(`http://127.0.0.1:${PAGES_PORT}/a/no-such-article/`);
    await expect(page.locator('main#main')).toBeVisible();
    await expect(page.locator('h1')).toBeVisible();
    expect(await page.evaluate(() => window.__violations), 'the 404 page').toEqual([]);
  });
});

test.describe('the XSS corpus in a published site', () => {
  test.describe.configure({ mode: 'serial', timeout: 600_000 });

  test('every article page made of a payload runs nothing', async ({ page }) => {
    const watch = await arm(page);
    const build = fs.readFileSync(new URL('../../../target/xss-build.log', import.meta.url), 'utf8');
    let visited = 0;
    let violations = 0;
    for (let i = 0; i < PAYLOADS.length; i++) {
      const response = await page.goto(`${XSS}/a/p${i}/`);
      // An article `lantern check` refuses is not published (its image is missing, say).
      if (response.status() === 404) continue;
      await appReady(page);
      visited++;
      violations += (await expectClean(page, `article p${i} (${PAYLOADS[i]})`, watch)).length;
    }
    console.log(`xss: ${PAYLOADS.length} payloads, ${visited} article pages visited, ${violations} policy violations, build: ${build.split('\n').filter((l) => l.includes('error')).length} errors`);
    expect(visited).toBeGreaterThan(PAYLOADS.length * 0.8);
    await page.goto(`${XSS}/`);
    await appReady(page);
    await expectClean(page, 'the home page (site name, tagline and categories are payloads)', watch);
    await page.screenshot({ path: `${SHOTS}security-xss-home.png` });
  });

  test('every payload typed into search, and in the query, path and fragment of a URL, runs nothing', async ({ page }) => {
    const watch = await arm(page);
    await page.goto(`${XSS}/`);
    await appReady(page);
    const box = page.locator('#search-input');
    for (const p of PAYLOADS) {
      await box.fill(p);
      await page.waitForTimeout(20);
    }
    await expectClean(page, 'search typed with every payload', watch);
    await box.fill(PAYLOADS[0]);
    await page.screenshot({ path: `${SHOTS}security-xss-search.png` });
    // Each payload in one kind of URL, the kinds in turn: the query the
    // home page reads, a path (the 404 page searches for it), a fragment.
    for (const [i, p] of PAYLOADS.entries()) {
      const q = encodeURIComponent(p);
      const urls = [`${XSS}/?q=${q}&category=${q}&tag=${q}`, `${XSS}/a/${q}/`, `${XSS}/a/p${i}/#${q}`, `${XSS}/a/p${i}/?x=${q}#${q}`];
      const url = urls[i % urls.length];
      await page.goto(url);
      await expect(page.locator('main#main')).toBeVisible();
      await expectClean(page, url, watch);
    }
  });

  test('ticket fields and an attachment name made of payloads run nothing, on the form and once waiting', async ({ page }) => {
    const watch = await arm(page);
    const receiver = new Receiver(XSS_RECEIVER_PORT);
    receiver.mode = 'error';
    await receiver.start();
    try {
      await page.goto(`${XSS}/ticket/`);
      await appReady(page);
      const some = PAYLOADS.filter((_, i) => i % 9 === 0);
      await page.fill('#ticket-name', some.slice(0, 3).join(' '));
      await page.fill('#ticket-email', 'ada@example.com');
      await page.fill('#ticket-subject', some.slice(3, 8).join(' '));
      await page.fill('#ticket-description', some.join('\n'));
      await page.setInputFiles('#ticket-attachment', { name: `${some[1]}.png`, mimeType: 'image/png', buffer: Buffer.from('not a png') });
      await expectClean(page, 'the ticket form', watch);
      await page.getByRole('button', { name: /send/i }).click();
      await page.waitForTimeout(500);
      await expectClean(page, 'the ticket form after sending', watch);
      await page.goto(`${XSS}/`);
      await appReady(page);
      await expectClean(page, 'a page with a ticket waiting', watch);
    } finally {
      await receiver.stop();
    }
  });
});

test.describe('author anchors', () => {
  test('in-page links to author anchors land on them, heading ids are unique, and none shadows the app', async ({ page }) => {
    const watch = await arm(page);
    await page.goto(`${XSS}/a/author-anchors/`);
    await appReady(page);
    const body = page.locator('.article-body');
    await expect(body.locator('a#summary')).toHaveCount(1);
    await expect(body.locator('a#enable-tls-12')).toHaveCount(1);
    await expect(body.locator('a#Note1')).toHaveCount(1);
    const ids = await page.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i), 'duplicate ids').toEqual([]);
    await expect(body.locator('h2')).toHaveCount(5);
    // The app took window.lanternCatalog (a promise) and deleted it: no
    // element of the article's is found in its place.
    expect(await page.evaluate(() => [typeof window.lanternLoad, window.lanternCatalog ?? null, window.wasmBindings instanceof Element, document.getElementById('search-input')?.localName ?? null, typeof document.getElementById]))
      .toEqual(['function', null, false, null, 'function']);
    await body.getByRole('link', { name: 'Jump to TLS 1.2' }).click();
    await expect(page).toHaveURL(/#enable-tls-12$/);
    await expect.poll(() => topOf(body.locator('a#enable-tls-12'))).toBeLessThan(200);
    expect(await topOf(body.locator('a#enable-tls-12'))).toBeGreaterThanOrEqual(-5);
    await expect(body.locator('h2', { hasText: 'How to enable TLS 1.2' })).toBeInViewport();
    await page.screenshot({ path: `${SHOTS}security-author-anchor.png` });
    await body.getByRole('link', { name: 'Back to top' }).click();
    await expect(page).toHaveURL(/#summary$/);
    await expect.poll(() => topOf(body.locator('a#summary'))).toBeLessThan(200);
    await expectClean(page, 'the author anchors article', watch);
  });

  test("an article's div with id search-input breaks the / shortcut: the shortcut still focuses the search box", async ({ page }) => {
    await page.goto(`${XSS}/a/author-anchors/`);
    await appReady(page);
    await page.locator('h1').click();
    await page.keyboard.press('/');
    await expect(page.locator('#header-search-input')).toBeFocused();
  });

  test('a fresh page opened at an author anchor scrolls to it', async ({ page }) => {
    await page.goto(`${XSS}/a/author-anchors/#enable-tls-12`);
    await appReady(page);
    await expect(page.locator('.article-body h2', { hasText: 'How to enable TLS 1.2' })).toBeInViewport();
    await expect.poll(() => topOf(page.locator('.article-body a#enable-tls-12'))).toBeLessThan(200);
  });
});
