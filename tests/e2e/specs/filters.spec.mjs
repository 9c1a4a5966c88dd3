// Search filters on the home page: category and tag chips with counts,
// kept in the URL (?q=vpn&category=network&tag=vpn).
import { test, expect } from '@playwright/test';
import { appReady, expectNoAxeViolations, search, SHOTS } from './helpers.mjs';

// The sample site's categories (lantern.toml).
const CATEGORIES = {
  accounts: 'Accounts & sign-in', network: 'Network & VPN', email: 'Email & calendar',
  meetings: 'Meetings, audio & video', devices: 'Printers & devices',
  computer: 'Computer & performance', software: 'Software & access',
};
const status = (page) => page.locator('.search [role=status]');
const categories = (page) => page.getByRole('group', { name: 'Category' });
const tags = (page) => page.getByRole('group', { name: 'Tag' });
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const chip = (group, name) => group.getByRole('button', { name: new RegExp(`^${escape(name)} \\d+$`) });
const count = async (locator) => Number((await locator.locator('.chip-count').textContent()).trim());
const resultCategories = (page) => page.locator('[role=option] .result-category').allTextContents();
// The chips are folded to one row (search-ui.spec.mjs); these tests use them all.
const unfold = (page) => page.getByRole('button', { name: /^More filters/ }).click();

test.describe('search filters', () => {
  test('category chips count the matches; a chip filters the results and the URL', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await search(page, 'vpn');
    const all = chip(categories(page), 'All');
    await expect(all).toHaveAttribute('aria-pressed', 'true');
    const network = chip(categories(page), 'Network & VPN');
    await expect(network).toHaveAttribute('aria-pressed', 'false');
    // The chips sit outside the listbox, which holds only options.
    await expect(page.locator('[role=listbox] button')).toHaveCount(0);
    await expect(page.locator('[role=listbox] > :not([role=option])')).toHaveCount(0);

    // Every category present in the results has a chip; the counts add up.
    const unfiltered = new Set(await resultCategories(page));
    expect(unfiltered.size).toBeGreaterThan(1);
    await unfold(page);
    for (const name of unfiltered) await expect(chip(categories(page), name)).toBeVisible();
    const chips = categories(page).locator('.chip');
    let sum = 0;
    for (let i = 1; i < await chips.count(); i++) sum += await count(chips.nth(i));
    expect(sum).toBe(await count(all));

    const n = await count(network);
    expect(n).toBeGreaterThan(1);
    await network.click();
    await expect(network).toHaveAttribute('aria-pressed', 'true');
    await expect(all).toHaveAttribute('aria-pressed', 'false');
    await expect(page).toHaveURL(/\/\?q=vpn&category=network$/);
    await expect(status(page)).toHaveText(`${n} articles in Network & VPN match “vpn”.`);
    await expect(page.getByRole('option')).toHaveCount(Math.min(n, 10));
    expect(new Set(await resultCategories(page))).toEqual(new Set(['Network & VPN']));
    await expect(page.getByRole('option').first()).toContainText('VPN');

    // Pressing the chip again, or "All", shows everything again.
    await network.click();
    await expect(page).toHaveURL(/\/\?q=vpn$/);
    await expect(all).toHaveAttribute('aria-pressed', 'true');
    expect(new Set(await resultCategories(page))).toEqual(unfiltered);
    await network.click();
    await all.click();
    await expect(page).toHaveURL(/\/\?q=vpn$/);
    await expect(network).toHaveAttribute('aria-pressed', 'false');
  });

  test('a shared URL with ?q= and ?category= opens filtered, and survives reload and back', async ({ page }) => {
    await page.goto('/?q=vpn&category=network');
    await appReady(page);
    await expect(page.locator('#search-input')).toHaveValue('vpn');
    await expect(chip(categories(page), 'Network & VPN')).toHaveAttribute('aria-pressed', 'true');
    expect(new Set(await resultCategories(page))).toEqual(new Set(['Network & VPN']));
    await expect(status(page)).toContainText('in Network & VPN match “vpn”');
    await expect(page.locator('.category-card, .article-list')).toHaveCount(0);

    await page.reload();
    await appReady(page);
    await expect(chip(categories(page), 'Network & VPN')).toHaveAttribute('aria-pressed', 'true');

    await page.getByRole('option', { name: /VPN will not connect/ }).click();
    await expect(page.locator('h1')).toHaveText('VPN will not connect');
    await page.goBack();
    await appReady(page);
    await expect(page).toHaveURL(/\/\?q=vpn&category=network$/);
    await expect(page.locator('#search-input')).toHaveValue('vpn');
    await expect(chip(categories(page), 'Network & VPN')).toHaveAttribute('aria-pressed', 'true');
    expect(new Set(await resultCategories(page))).toEqual(new Set(['Network & VPN']));

    // The brand link goes home: no query, no filter.
    await page.locator('.brand').click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('#search-input')).toHaveValue('');
    await expect(page.locator('.category-card')).toHaveCount(7);
  });

  test('?category= without a query still browses; a query then searches within it', async ({ page }) => {
    await page.goto('/?category=network');
    await appReady(page);
    await expect(page.locator('#browse-title')).toHaveText('Network & VPN');
    const listed = await page.locator('.article-list li').count();
    await search(page, 'vpn');
    await expect(page).toHaveURL(/\/\?q=vpn&category=network$/);
    await expect(chip(categories(page), 'Network & VPN')).toHaveAttribute('aria-pressed', 'true');
    expect(new Set(await resultCategories(page))).toEqual(new Set(['Network & VPN']));
    // Escape clears the query and returns to the category being browsed.
    await page.keyboard.press('Escape');
    await expect(page).toHaveURL(/\/\?category=network$/);
    await expect(page.locator('#browse-title')).toHaveText('Network & VPN');
    await expect(page.locator('.article-list li')).toHaveCount(listed);
    await expect(page.locator('.search-filters')).toHaveCount(0);
  });

  test('?tag= filters by tag and shows a removable chip; tag chips narrow the results', async ({ page }) => {
    await page.goto('/?q=vpn&tag=vpn');
    await appReady(page);
    const vpnTag = chip(tags(page), 'vpn');
    await expect(vpnTag).toHaveAttribute('aria-pressed', 'true');
    await expect(vpnTag.locator('.chip-remove')).toBeVisible();
    const options = page.getByRole('option');
    await expect(options).toHaveCount(2);
    await expect(options.nth(0)).toContainText('VPN');
    await expect(options.nth(1)).toContainText('VPN');
    await expect(status(page)).toHaveText('2 articles tagged “vpn” match “vpn”.');
    // Category counts are those of the tagged matches.
    await expect(chip(categories(page), 'All').locator('.chip-count')).toHaveText('2');

    await vpnTag.click();
    await expect(page).toHaveURL(/\/\?q=vpn$/);
    await expect(status(page)).not.toContainText('tagged');
    const unfiltered = await options.count();
    expect(unfiltered).toBeGreaterThan(2);
    await unfold(page);

    // The tag chips offered for the query filter too, together with a category.
    const firstTag = tags(page).locator('.chip').first();
    const tag = (await firstTag.textContent()).replace(/\d+×?$/, '').trim();
    const tagged = await count(firstTag);
    expect(tagged).toBeGreaterThan(1);
    expect(tagged).toBeLessThan(unfiltered);
    await firstTag.click();
    await expect(firstTag).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(new RegExp(`\\?q=vpn&tag=${encodeURIComponent(tag)}$`));
    await expect(options).toHaveCount(Math.min(tagged, 10));
    // Category counts are now those of the tagged matches.
    await expect(chip(categories(page), 'All').locator('.chip-count')).toHaveText(String(tagged));
    const category = categories(page).locator('.chip').nth(1);
    const name = (await category.textContent()).replace(/\d+$/, '').trim();
    await category.click();
    await expect(page).toHaveURL(new RegExp(`\\?q=vpn&category=[a-z]+&tag=${encodeURIComponent(tag)}$`));
    await expect(status(page)).toContainText(`in ${name} tagged “${tag}” match`);
    expect(new Set(await resultCategories(page))).toEqual(new Set([name]));
  });

  test('a filter that hides every match says so and offers to clear it', async ({ page }) => {
    await page.goto('/?q=vpn&tag=no-such-tag');
    await appReady(page);
    await expect(status(page)).toHaveText('No articles tagged “no-such-tag” match “vpn”.');
    await expect(page.getByRole('option')).toHaveCount(0);
    await expect(chip(tags(page), 'no-such-tag')).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('.no-results')).toHaveCount(0);
    await expect(page.locator('.still-stuck .contact-support')).toBeVisible();
    await expectNoAxeViolations(page, 'filter with no matches');
    await page.screenshot({ path: SHOTS + 'filters-empty.png' });
    const clear = page.getByRole('button', { name: /^Clear filters and show all \d+ matches$/ });
    const all = Number((await clear.textContent()).match(/\d+/)[0]);
    await clear.click();
    await expect(page).toHaveURL(/\/\?q=vpn$/);
    await expect(page.locator('#search-input')).toBeFocused();
    await expect(page.getByRole('option')).toHaveCount(Math.min(all, 10));

    // A category with nothing for the query, the same.
    await page.goto('/?q=spooler');
    await appReady(page);
    await expect(chip(categories(page), 'Printers & devices')).toBeVisible();
    const present = await categories(page).locator('.chip').allTextContents();
    const [id, name] = Object.entries(CATEGORIES).find(([, n]) => !present.some(p => p.startsWith(n)));
    await page.goto(`/?q=spooler&category=${id}`);
    await appReady(page);
    await expect(status(page)).toHaveText(`No articles in ${name} match “spooler”.`);
    await expect(chip(categories(page), name)).toHaveAttribute('aria-pressed', 'true');
    await expect(chip(categories(page), name).locator('.chip-count')).toHaveText('0');
    await page.getByRole('button', { name: /^Clear filters and show/ }).click();
    await expect(page).toHaveURL(/\/\?q=spooler$/);
    await expect(page.getByRole('option').first()).toContainText('Print');

    // A query that matches nothing at all is the ordinary "no results".
    await page.goto('/?q=zzqxj&category=network');
    await appReady(page);
    await expect(status(page)).toHaveText('No articles match “zzqxj”.');
    await expect(page.locator('.no-results .contact-support')).toBeVisible();
  });

  test('the chips work from the keyboard', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await page.keyboard.type('vpn');
    await expect(chip(categories(page), 'All')).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(chip(categories(page), 'All')).toBeFocused();
    await page.keyboard.press('Tab');
    const first = categories(page).locator('.chip').nth(1);
    await expect(first).toBeFocused();
    await page.keyboard.press('Space');
    await expect(first).toHaveAttribute('aria-pressed', 'true');
    await expect(first).toBeFocused();
    await expect(page).toHaveURL(/[?&]category=/);
    await page.keyboard.press('Enter');
    await expect(first).toHaveAttribute('aria-pressed', 'false');
    await expect(page).toHaveURL(/\/\?q=vpn$/);
    await page.keyboard.press('Enter');
    // Back to the box: arrow keys and Enter still pick a (filtered) result.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    await expect(page.locator('#search-input')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator('#search-input')).toHaveAttribute('aria-activedescendant', 'search-results-0');
    const title = (await page.locator('#search-results-0 .result-title').textContent()).trim();
    const category = (await page.locator('#search-results-0 .result-category').textContent()).trim();
    expect((await first.textContent()).startsWith(category)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(title);
  });

  test('the header search on other pages has no filters', async ({ page }) => {
    await page.goto('/a/printer-shows-offline/');
    await appReady(page);
    await page.locator('#header-search-input').fill('vpn');
    await expect(page.locator('#header-search-results [role=option]').first()).toBeVisible();
    await expect(page.locator('.search-filters')).toHaveCount(0);
  });

  test('filters: no axe violations and screenshots, light, dark and 360 px', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto('/?q=vpn&category=network');
    await appReady(page);
    await unfold(page);
    await expect(tags(page)).toBeVisible();
    await expectNoAxeViolations(page, 'filtered results (light)');
    await page.screenshot({ path: SHOTS + 'filters-light.png' });
    await page.emulateMedia({ colorScheme: 'dark' });
    await chip(tags(page), 'vpn').click();
    await expect(chip(tags(page), 'vpn')).toHaveAttribute('aria-pressed', 'true');
    await expectNoAxeViolations(page, 'filtered results (dark)');
    await page.screenshot({ path: SHOTS + 'filters-dark.png' });
    await context.close();

    const mobile = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const small = await mobile.newPage();
    await small.goto('/?q=update&tag=update');
    await appReady(small);
    await expect(categories(small)).toBeVisible();
    const overflow = await small.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(small, 'filtered results (360 px)');
    await small.screenshot({ path: SHOTS + 'filters-360.png', fullPage: true });
    await mobile.close();
  });
});
