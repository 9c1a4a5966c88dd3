import { test, expect } from '@playwright/test';
import { appReady } from './helpers.mjs';
import { SUBPATH_PORT } from '../playwright.config.mjs';

const BASE = `http://127.0.0.1:${SUBPATH_PORT}/help/`;

test.describe('published under a sub-path on a plain static server', () => {
  test('a heading permalink works in a fresh page', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const failed = [];
    page.on('response', r => { if (r.status() >= 400) failed.push(r.url()); });
    await page.goto(`${BASE}a/vpn-will-not-connect/#reset-the-vpn-client`);
    await appReady(page);
    await expect(page.locator('h1')).toHaveText('VPN will not connect');
    await expect(page.locator('h3#reset-the-vpn-client')).toBeInViewport();
    await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', `${BASE}a/vpn-will-not-connect/`);
    expect(failed).toEqual([]);
    await context.close();
  });

  test('navigation stays under the sub-path', async ({ page }) => {
    const failed = [];
    page.on('response', r => { if (r.status() >= 400) failed.push(r.url()); });
    await page.goto(BASE);
    await appReady(page);
    await page.locator('#search-input').pressSequentially('printer offline');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(`${BASE}a/printer-shows-offline/`);
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Home' }).click();
    await expect(page).toHaveURL(BASE);
    await expect(page.locator('.category-card').first()).toBeVisible();
    await page.goto(`${BASE}a/printer-queue-stuck-old/`);
    await appReady(page);
    await expect(page).toHaveURL(`${BASE}a/print-queue-stuck/`);
    expect(failed, 'nothing 404s after client-side navigation').toEqual([]);
  });
});
