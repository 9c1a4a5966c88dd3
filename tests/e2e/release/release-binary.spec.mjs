// What a support team gets from the release binary alone: the site
// `lantern init && lantern build` made (no dist/, no trunk) searches,
// opens an example article, keeps its permalink in a fresh tab, and
// offers the ticket form.
import { test, expect } from '@playwright/test';
import { appReady, expectNoAxeViolations, search } from '../specs/helpers.mjs';

test('the init site finds an example article, opens it, and its permalink works in a fresh tab', async ({ page, context, baseURL }) => {
  await page.goto('/');
  await appReady(page);
  await expect(page.locator('.category-card')).toHaveCount(3);
  await search(page, 'vpn wont conect');
  const first = page.getByRole('option').first();
  await expect(first).toContainText('VPN will not connect');
  await first.click();
  await expect(page).toHaveURL(`${baseURL}/a/vpn-will-not-connect/`);
  await expect(page.locator('h1')).toHaveText('VPN will not connect');
  await expect(page.locator('.article-body h2#symptoms')).toBeVisible();

  // A link the agent pasted into a ticket reply: opened cold, no app state.
  const fresh = await context.newPage();
  const response = await fresh.goto(`${baseURL}/a/vpn-will-not-connect/#fix`);
  expect(response.status()).toBe(200);
  await appReady(fresh);
  await expect(fresh.locator('h1')).toHaveText('VPN will not connect');
  await expect(fresh).toHaveTitle('VPN will not connect · IT Help Center');
  // The article's link to another example article lands on it.
  await fresh.getByRole('link', { name: 'Reset a forgotten password' }).first().click();
  await expect(fresh.locator('h1')).toHaveText('Reset a forgotten password');
  await expectNoAxeViolations(fresh, 'example article');
});

test('the ticket form of the init site hands the ticket to email', async ({ page }) => {
  await page.goto('/a/printer-shows-offline/');
  await appReady(page);
  await page.locator('.still-stuck-box .contact-support').click();
  await expect(page.locator('#ticket-subject')).toBeVisible();
  await page.fill('#ticket-name', 'Ada');
  await page.fill('#ticket-email', 'ada@example.com');
  await page.fill('#ticket-subject', 'Printer still offline');
  await page.fill('#ticket-description', 'The printer on floor 2 stays offline after a restart.');
  await page.getByRole('button', { name: 'Continue to email' }).click();
  await expect(page.locator('#handoff-title')).toHaveText('One more step: send the email');
  const href = await page.getByRole('link', { name: 'Open email to send' }).getAttribute('href');
  expect(href).toMatch(/^mailto:servicedesk@example\.com\?subject=Printer%20still%20offline/);
  await expectNoAxeViolations(page, 'init site ticket handoff');
});
