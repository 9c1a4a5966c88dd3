// The article page and the agents' copy actions (issue 13), on the
// release build: layout, loading and failure, routes, phone first screen,
// dates, review notice, print, and copying without the Clipboard API.
import { test, expect } from '@playwright/test';
import { appReady, expectNoAxeViolations, SHOTS } from './helpers.mjs';
import { PORT, PAGES_PORT, SUBPATH_PORT } from '../playwright.config.mjs';

const ORIGIN = `http://127.0.0.1:${PORT}`;
const PHONE = { width: 360, height: 740 };
const LAPTOP = { width: 1280, height: 860 };

/** A body with a single heading: too few for a table of contents. */
const ONE_HEADING_BODY =
  '<p>Turn the printer off and on again, then wait a minute.</p>' +
  '<h2 id="still-offline">Still offline</h2><p>Remove the printer and add it again.</p>';

async function serveBody(page, slug, html) {
  await page.route(`**/data/articles/${slug}.html`, route =>
    route.fulfill({ status: 200, contentType: 'text/html', body: html }));
}

/** Errors the page threw that nobody caught. */
function collectPageErrors(page) {
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  return errors;
}

test.describe('article layout', () => {
  for (const [name, viewport] of [['laptop', LAPTOP], ['phone', PHONE]]) {
    test(`an article with fewer than two headings uses the whole content width (${name})`, async ({ page }) => {
      await page.setViewportSize(viewport);
      await serveBody(page, 'printer-shows-offline', ONE_HEADING_BODY);
      await page.goto('/a/printer-shows-offline/');
      await appReady(page);
      await expect(page.locator('.article-body h2#still-offline')).toBeVisible();
      await page.screenshot({ path: `${SHOTS}article-one-heading-${name}.png` });
      await expect(page.locator('.toc')).toHaveCount(0);
      const body = await page.locator('.article-body').boundingBox();
      const content = await page.locator('.article-header').boundingBox();
      // .article-body is at most 46rem (736 px) wide, for line length.
      expect(body.width).toBeGreaterThanOrEqual(Math.min(content.width, 736) - 1);
      expect(body.width).toBeGreaterThan(300);
      await expectNoAxeViolations(page, `one-heading article (${name})`);
    });
  }

  test('on a phone the first screen reaches the body: contents closed, actions in one row', async ({ page }) => {
    await page.setViewportSize(PHONE);
    // The sample article with the longest table of contents.
    await page.goto('/a/outlook-will-not-open-loading-profile/');
    await appReady(page);
    const first = page.locator('.article-body > :is(p, h2, ol, ul)').first();
    await expect(first).toBeAttached();
    await page.screenshot({ path: `${SHOTS}article-phone-first-screen.png` });
    const box = await first.boundingBox();
    expect(box.y, 'the body starts within the first screen').toBeLessThan(PHONE.height - 24);
    // The contents are there, closed, one tap away.
    const details = page.locator('.toc details');
    await expect(details).not.toHaveAttribute('open');
    await page.locator('.toc summary').click();
    await expect(page.locator('.toc li').first()).toBeVisible();
    // The three copy buttons share one row.
    const tops = await page.locator('.actions button').evaluateAll(buttons =>
      buttons.map(b => Math.round(b.getBoundingClientRect().top)));
    expect(tops).toHaveLength(3);
    expect(new Set(tops).size).toBe(1);
    await expectNoAxeViolations(page, 'article on a phone');
  });

  test('on a laptop the contents stay open beside the body', async ({ page }) => {
    await page.setViewportSize(LAPTOP);
    await page.goto('/a/outlook-will-not-open-loading-profile/');
    await appReady(page);
    await expect(page.locator('.toc details')).toHaveAttribute('open');
    await expect(page.locator('.toc li').first()).toBeVisible();
    const toc = await page.locator('.toc').boundingBox();
    const body = await page.locator('.article-body').boundingBox();
    expect(toc.x + toc.width).toBeLessThanOrEqual(body.x);
    await page.screenshot({ path: `${SHOTS}article-laptop.png` });
  });
});

test.describe('moving between articles', () => {
  async function openRelatedWith(page, handle) {
    await page.goto('/a/printer-shows-offline/');
    await appReady(page);
    await expect(page.locator('.article-body h2#symptoms')).toBeVisible();
    const link = page.locator('.related a').first();
    const title = (await link.textContent()).trim();
    const slug = (await link.getAttribute('href')).split('/').filter(Boolean).pop();
    await page.route(`**/data/articles/${slug}.html`, handle);
    await link.click();
    await expect(page.locator('h1')).toHaveText(title);
    return slug;
  }

  test('the previous article body is gone at once while the next one loads', async ({ page }) => {
    let held;
    const arrived = new Promise(resolve => { held = resolve; });
    await openRelatedWith(page, route => held(route));
    const route = await arrived;
    await expect(page.locator('.article-body')).toBeEmpty();
    await expect(page.locator('h2#symptoms')).toHaveCount(0);
    await expect(page.locator('.article-main .loading')).toHaveText('Loading the article…');
    await route.continue();
    await expect(page.locator('.article-body h2').first()).toBeVisible();
    await expect(page.locator('.article-main .loading')).toHaveCount(0);
  });

  test('a body that cannot be fetched says so plainly, offers Retry, and shows no raw error', async ({ page }) => {
    const errors = collectPageErrors(page);
    const slug = await openRelatedWith(page, route => route.abort('internetdisconnected'));
    const alert = page.locator('.article-main [role=alert]');
    await expect(alert).toContainText('This article could not be loaded. Check your connection and try again.');
    await expect(page.locator('main')).not.toContainText('TypeError');
    await expect(page.locator('main')).not.toContainText('Failed to fetch');
    await expect(page.locator('h2#symptoms'), 'the previous body is not left behind').toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}article-load-failed.png` });
    // Back online: Retry brings the body in.
    await page.unroute(`**/data/articles/${slug}.html`);
    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect(page.locator('.article-body h2').first()).toBeVisible();
    await expect(alert).toHaveCount(0);
    expect(errors).toEqual([]);
  });
});

test.describe('addresses', () => {
  test('/a/<slug>/index.html opens the article instead of "We could not find that article"', async ({ page }) => {
    await page.goto('/a/printer-shows-offline/index.html');
    await appReady(page);
    await expect(page.locator('h1')).toHaveText('Printer shows offline');
    await expect(page.locator('.article-body h2#symptoms')).toBeVisible();
    await expect(page.locator('.not-found')).toHaveCount(0);
  });

  test('an unknown /a/<slug>/index.html searches for the slug, not for "index html"', async ({ page }) => {
    await page.goto(`http://127.0.0.1:${PAGES_PORT}/a/no-such-article/index.html`);
    await appReady(page);
    await expect(page.locator('.not-found strong')).toHaveText('no such article');
  });
});

test.describe('dates, review notice and print', () => {
  test('"Review overdue" explains itself in visible text, without hovering', async ({ page }) => {
    await page.goto('/a/keyboard-typing-wrong-characters/');
    await appReady(page);
    const note = page.locator('.review-note');
    await expect(note.locator('.badge-warning')).toHaveText('Review overdue');
    await expect(note).toBeVisible();
    await expect(note).toContainText('This article is due for review; the steps may be out of date.');
    await expectNoAxeViolations(page, 'overdue article');
  });

  test.describe('in German', () => {
    test.use({ locale: 'de-DE' });
    test('the updated date is written the reader\'s way inside <time datetime>', async ({ page }) => {
      await page.goto('/a/printer-shows-offline/');
      await appReady(page);
      const time = page.locator('.meta time');
      const iso = await time.getAttribute('datetime');
      expect(iso).toMatch(/^\d{4}-\d\d-\d\d$/);
      const [y, m, d] = iso.split('-').map(Number);
      const german = `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
      await expect(time).toHaveText(german);
    });
  });

  test('print hides the breadcrumb and writes the full address after internal links', async ({ page }) => {
    await page.goto('/a/battery-drains-fast-or-will-not-charge/');
    await appReady(page);
    const link = page.locator('.article-body a[href*="computer-slow-after-update"]').first();
    await expect(link).toBeAttached();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden();
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.actions')).toBeHidden();
    const printed = await link.evaluate(a => {
      const after = getComputedStyle(a, '::after').content;
      return after.includes('attr(') ? after.replace(/attr\(([\w-]+)\)/, (_, name) => `"${a.getAttribute(name)}"`) : after;
    });
    expect(printed.replace(/"\s*"/g, '').replace(/"/g, ''))
      .toBe(` (${ORIGIN}/a/computer-slow-after-update/#find-what-is-using-the-resources)`);
    // In-page links print no address.
    const ownAnchors = await page.locator('.article-body a[href^="#"]').evaluateAll(links =>
      links.map(a => getComputedStyle(a, '::after').content));
    for (const content of ownAnchors) expect(content).toBe('none');
  });
});

test.describe('copying without the Clipboard API (a plain-http intranet address)', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      delete Navigator.prototype.clipboard;
      window.__copied = [];
      document.addEventListener('copy', e => {
        const target = e.target;
        window.__copied.push(target && 'value' in target ? target.value : String(getSelection()));
      }, true);
    });
  });

  test('the copy buttons copy through a selection and never throw', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/a/printer-shows-offline/');
    await appReady(page);
    expect(await page.evaluate(() => navigator.clipboard)).toBeUndefined();
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(page.locator('.toast')).toHaveText('Link copied');
    await page.getByRole('button', { name: 'Copy link to section: Symptoms' }).click();
    await expect(page.locator('.toast')).toHaveText('Section link copied');
    expect(await page.evaluate(() => window.__copied)).toEqual([
      `${ORIGIN}/a/printer-shows-offline/`,
      `${ORIGIN}/a/printer-shows-offline/#symptoms`,
    ]);
    await expect(page.getByRole('button', { name: 'Copy link to section: Symptoms' })).toBeFocused();
    expect(errors).toEqual([]);
  });

  test('when the selection copy is refused too, the text is shown selected to copy by hand', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.addInitScript(() => { Document.prototype.execCommand = () => false; });
    await page.goto('/a/printer-shows-offline/');
    await appReady(page);
    await page.getByRole('button', { name: 'Copy for reply' }).click();
    const box = page.getByRole('dialog', { name: 'Copy this text' });
    await expect(box).toBeVisible();
    const area = box.getByRole('textbox', { name: 'Text to copy' });
    await expect(area).toBeFocused();
    const { value, start, end } = await area.evaluate(t => ({ value: t.value, start: t.selectionStart, end: t.selectionEnd }));
    expect(value.split('\n')[0]).toBe('Printer shows offline');
    expect(value.endsWith(`${ORIGIN}/a/printer-shows-offline/`)).toBe(true);
    expect([start, end]).toEqual([0, value.length]);
    await expect(page.locator('.toast')).toContainText('Could not copy automatically');
    await page.screenshot({ path: `${SHOTS}article-manual-copy.png` });
    await box.getByRole('button', { name: 'Done' }).click();
    await expect(box).toBeHidden();
    expect(errors).toEqual([]);
  });
});

test.describe('links agents paste use the published address', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('Copy link and the ticket context give base_url, not the hostname the agent is on', async ({ page }) => {
    // The sub-path site is built with --base-url http://127.0.0.1:PORT/help/;
    // the agent reaches it as localhost.
    const published = `http://127.0.0.1:${SUBPATH_PORT}/help`;
    const agent = `http://localhost:${SUBPATH_PORT}/help`;
    await page.goto(`${agent}/a/printer-shows-offline/`);
    await appReady(page);
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.getByRole('button', { name: 'Copy link', exact: true }).click();
    await expect(page.locator('.toast')).toHaveText('Link copied');
    expect(await clipboard()).toBe(`${published}/a/printer-shows-offline/`);
    await page.getByRole('button', { name: 'Copy link to section: Symptoms' }).click();
    await expect(page.locator('.toast')).toHaveText('Section link copied');
    expect(await clipboard()).toBe(`${published}/a/printer-shows-offline/#symptoms`);
    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect(page.locator('.toast')).toHaveText('Markdown link copied');
    expect(await clipboard()).toContain(`(${published}/a/printer-shows-offline/)`);
    // The ticket's "articles read" names the same address.
    await page.goto(`${agent}/ticket/`);
    await appReady(page);
    const context = page.locator('.context-preview');
    await expect(context).toContainText(`Articles read: Printer shows offline (${published}/a/printer-shows-offline/)`);
    await expect(context).toContainText(`Came from: ${published}/a/printer-shows-offline/`);
    await expect(context).not.toContainText('localhost');
  });
});
