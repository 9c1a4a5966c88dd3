// Search that survives typos (issue 15), as the user sees it: "Showing
// results for" the corrected words above the list, the typed words one
// click away ("Search instead for", kept in the address as `exact=1` so
// back and a shared link work), the corrected words marked in the titles,
// the live region saying it with the count; and results that hold only
// some of the words said to be so, with the ticket as near as with none.
import { test, expect } from '@playwright/test';
import { appReady, expectNoAxeViolations, search, SHOTS } from './helpers.mjs';

// Two typos (swapped letters) of the words of "Printer shows offline".
const TYPED = 'pirnter offlnie';
const READ = 'printer offline';
const TITLE = 'Printer shows offline';
// No article holds enough of these words (none holds "aaurr"), some hold
// "connect" or "microsoft" (the core's own example of partial results).
const PARTIAL = 'connect microsoft aaurr';

const status = (page) => page.locator('.search [role=status]');
const correction = (page) => page.locator('.search .correction');
const options = (page) => page.getByRole('option');
const firstTitle = (page) => options(page).first().locator('.result-title');
const searchInstead = (page) => page.getByRole('button', { name: TYPED });

async function expectCorrected(page) {
  await expect(correction(page)).toHaveText(`Showing results for ${READ} Search instead for ${TYPED}`);
  await expect(correction(page).locator('strong')).toHaveText(READ);
  await expect(firstTitle(page)).toHaveText(TITLE);
  // The corrected words are marked in the title as exact ones would be.
  await expect(firstTitle(page).locator('mark')).toHaveText(['Printer', 'offline']);
  // One polite announcement: the count, for the words read, and the words typed.
  await expect(status(page)).toHaveAttribute('aria-live', 'polite');
  await expect(status(page)).toHaveText(
    new RegExp(`^(\\d+ articles? match(es)?|Top \\d+ .*for) “${READ}” \\(corrected from “${TYPED}”\\)\\.$`));
}

test.describe('corrected typos', () => {
  test('show results for the corrected words, the typed ones one click away, and back returns', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await search(page, TYPED);
    await expectCorrected(page);
    await expect(page).toHaveURL(/\?q=pirnter%20offlnie$/);
    await expectNoAxeViolations(page, 'corrected results');
    await page.screenshot({ path: SHOTS + 'corrections-desktop.png' });

    await searchInstead(page).click();
    await expect(page).toHaveURL(/\?q=pirnter%20offlnie&exact=1$/);
    // The words as typed find nothing: the ticket is the way on.
    await expect(options(page)).toHaveCount(0);
    await expect(status(page)).toHaveText(`No articles match “${TYPED}”.`);
    await expect(page.locator('.no-results .contact-support')).toBeVisible();
    await expect(page.locator('.no-results .contact-support')).toHaveAttribute('href', /ticket\/\?q=pirnter%20offlnie$/);
    await expect(correction(page)).toHaveText(`Did you mean ${READ}?`);
    await expect(page.locator('#search-input')).toBeFocused();
    await expect(page.locator('#search-input')).toHaveValue(TYPED);
    await expectNoAxeViolations(page, 'typed words, no correction');

    await page.goBack();
    await expect(page).toHaveURL(/\?q=pirnter%20offlnie$/);
    await expectCorrected(page);
  });

  test('a shared link with exact=1 searches the typed words; "Did you mean" and typing correct them again', async ({ page }) => {
    await page.goto('/?q=pirnter%20offlnie&exact=1');
    await appReady(page);
    await expect(status(page)).toHaveText(`No articles match “${TYPED}”.`);
    await page.getByRole('button', { name: READ }).click();
    await expect(page).toHaveURL(/\?q=pirnter%20offlnie$/);
    await expectCorrected(page);

    await page.goBack();
    await expect(page).toHaveURL(/exact=1$/);
    await expect(correction(page)).toHaveText(`Did you mean ${READ}?`);
    // A new query is corrected again, and the address forgets exact=1.
    await page.locator('#search-input').press('End');
    await page.keyboard.type(' ');
    await page.keyboard.press('Backspace');
    await expectCorrected(page);
    await expect(page).toHaveURL(/\?q=pirnter%20offlnie$/);
  });

  test('are read out and shown in the header dropdown too', async ({ page }) => {
    await page.goto('/a/vpn-will-not-connect/');
    await appReady(page);
    await page.locator('#header-search-input').fill(TYPED);
    const dropdown = page.locator('.search.compact .search-panel');
    await expect(dropdown.locator('.correction strong')).toHaveText(READ);
    await expect(dropdown.getByRole('option').first().locator('.result-title')).toHaveText(TITLE);
    await expect(page.locator('.search.compact [role=status]')).toContainText(`(corrected from “${TYPED}”)`);
    await dropdown.getByRole('button', { name: TYPED }).click();
    // The dropdown stays open, on the typed words' outcome.
    await expect(dropdown.locator('.no-results .contact-support')).toBeVisible();
    await expect(page.locator('#header-search-input')).toBeFocused();
  });

  test('on a 360px phone the correction line fits', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto('/');
    await appReady(page);
    await search(page, TYPED);
    await expectCorrected(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: SHOTS + 'corrections-phone.png' });
    await context.close();
  });
});

test.describe('partial results', () => {
  for (const [name, viewport] of [['desktop', { width: 1280, height: 860 }], ['phone', { width: 360, height: 740 }]]) {
    test(`say that no article holds every word, with the ticket above them (${name})`, async ({ browser }) => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto('/');
      await appReady(page);
      await search(page, PARTIAL);
      const notice = page.locator('.search .partial-results');
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('No article matches all of your words.');
      await expect(notice).toContainText('Articles that match some of them:');
      await expect(notice.locator('a.button.primary.contact-support')).toHaveAttribute('href', /ticket\/\?q=connect%20microsoft%20aaurr$/);
      expect(await options(page).count()).toBeGreaterThan(0);
      await expect(options(page).first().locator('.result-title mark').first()).toHaveText(/^connect/i);
      // Above the list, and said in the live region.
      const noticeBox = await notice.boundingBox();
      const firstBox = await options(page).first().boundingBox();
      expect(noticeBox.y + noticeBox.height).toBeLessThanOrEqual(firstBox.y);
      await expect(status(page)).toHaveText(
        /^No article matches all of “connect microsoft aaurr”; showing the (first )?\d+ that match(es)? some of its words\.$/);
      await expect(page.locator('.search .still-stuck')).toBeHidden();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      if (name === 'desktop') await expectNoAxeViolations(page, 'partial results');
      await page.screenshot({ path: SHOTS + `corrections-partial-${name}.png` });
      await context.close();
    });
  }
});
