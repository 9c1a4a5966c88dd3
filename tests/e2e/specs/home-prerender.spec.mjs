// The home page before and without the app: `lantern build` prerenders
// the site's name, a search form (a plain GET to ?q=) and the categories
// with their articles, so the page is never blank while the wasm loads,
// when it is blocked, or with JavaScript off.
import { test, expect } from '@playwright/test';
import { appReady, SHOTS } from './helpers.mjs';

/** Holds every request for the wasm until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise(resolve => { release = resolve; });
  await page.route('**/*.wasm', async route => { await released; await route.continue(); });
  return release;
}

test('without JavaScript the home page lists the categories and their articles', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'IT Help Center' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Network & VPN' })).toBeVisible();
  // (Chromium still parses <noscript> as text when Playwright turns scripts off.)
  await expect(page.locator('noscript')).toHaveCount(1);
  const form = page.locator('form[role=search]');
  await expect(form).toHaveAttribute('method', 'get');
  await expect(form.locator('input[name=q]')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}home-no-js.png`, fullPage: false });
  // Every article is one click away, and its page reads without the app.
  await page.getByRole('link', { name: 'VPN will not connect' }).click();
  await expect(page).toHaveURL(/\/a\/vpn-will-not-connect\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'VPN will not connect' })).toBeVisible();
  await context.close();
});

test('without JavaScript the ticket page gives the configured service desk address', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ticket/');
  const address = page.getByRole('link', { name: 'servicedesk@example.com' });
  await expect(address).toBeVisible();
  await expect(address).toHaveAttribute('href', 'mailto:servicedesk@example.com');
  await context.close();
});

test('a blocked app still leaves a home page with categories, not a blank page', async ({ page }) => {
  await page.route('**/*.wasm', route => route.abort());
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'IT Help Center' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'VPN will not connect' })).toBeVisible();
});

test('text typed into the home page before the app starts is kept by the app', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  const box = page.locator('#search-input');
  await box.click();
  await box.pressSequentially('vpn');
  release();
  await expect(page.locator('#lantern-prerender')).toHaveCount(0);
  await appReady(page);
  await expect(page.locator('#search-input')).toHaveValue('vpn');
  await expect(page.getByRole('option', { name: /^VPN will not connect/ })).toBeVisible();
});

test('the prerendered search form submits to ?q= and the app shows its results', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('/');
  await page.locator('#search-input').fill('printer offline');
  await page.locator('#search-input').press('Enter');
  await expect(page).toHaveURL(/\?q=printer\+offline$/);
  release();
  await appReady(page);
  await expect(page.locator('#search-input')).toHaveValue('printer offline');
  await expect(page.getByRole('option', { name: /^Printer shows offline/ })).toBeVisible();
});

test('loading the home page logs no warnings or errors', async ({ page }) => {
  const messages = [];
  page.on('console', m => { if (['warning', 'error'].includes(m.type())) messages.push(m.text()); });
  await page.goto('/');
  await appReady(page);
  // Chrome reports an unused preload a few seconds after load.
  await page.waitForTimeout(3500);
  expect(messages).toEqual([]);
});
