// The search box and its results (issue 13): the header dropdown closes
// when the user moves on, the active option stays in view, results come
// before the filters on small screens, "Show more" with honest counts, a
// short status line for a long query, and back returns to the same place.
import { test, expect } from '@playwright/test';
import { appReady, expectNoAxeViolations, search, SHOTS } from './helpers.mjs';

// A query with many results among the sample articles.
const MANY = 'password';
const ARTICLE = '/a/printer-shows-offline/';

const headerBox = (page) => page.locator('#header-search-input');
const dropdown = (page) => page.locator('#header-search-results');
const options = (page) => page.getByRole('option');
const status = (page) => page.locator('.search [role=status]');
const headerHeight = (page) => page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().height);

/** Top and bottom of every result, in viewport pixels. */
const optionBoxes = (page) => page.locator('[role=option]').evaluateAll((els) =>
  els.map((e) => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; }));

async function openArticleWithHeaderQuery(page, query) {
  await page.goto(ARTICLE);
  await appReady(page);
  await headerBox(page).fill(query);
  await expect(dropdown(page).getByRole('option').first()).toBeVisible();
  await expect(headerBox(page)).toHaveAttribute('aria-expanded', 'true');
}

async function expectClosedWithQuery(page, query) {
  await expect(dropdown(page)).toBeHidden();
  await expect(page.locator('.search.compact .still-stuck')).toBeHidden();
  await expect(headerBox(page)).toHaveAttribute('aria-expanded', 'false');
  await expect(headerBox(page)).toHaveValue(query);
}

test.describe('the header search dropdown', () => {
  test('closes after Enter opens a result, and keeps the query', async ({ page }) => {
    await openArticleWithHeaderQuery(page, 'vpn');
    const title = (await dropdown(page).locator('.result-title').first().textContent()).trim();
    await headerBox(page).press('Enter');
    await expect(page.locator('h1')).toHaveText(title);
    await expectClosedWithQuery(page, 'vpn');
  });

  test('closes after a click on a result, and keeps the query', async ({ page }) => {
    await openArticleWithHeaderQuery(page, 'vpn');
    const first = dropdown(page).getByRole('option').first();
    const title = (await first.locator('.result-title').textContent()).trim();
    await first.click();
    await expect(page.locator('h1')).toHaveText(title);
    await expectClosedWithQuery(page, 'vpn');
    await page.screenshot({ path: SHOTS + 'search-ui-header-after-click.png' });
  });

  test('closes on Tab, and opens again when the user comes back to type', async ({ page }) => {
    await openArticleWithHeaderQuery(page, 'vpn');
    await page.keyboard.press('Tab');
    await expect(headerBox(page)).not.toBeFocused();
    await expectClosedWithQuery(page, 'vpn');
    await headerBox(page).focus();
    await page.keyboard.type(' error');
    await expect(dropdown(page)).toBeVisible();
    await expect(headerBox(page)).toHaveAttribute('aria-expanded', 'true');
  });

  test('closes on a click outside it', async ({ page }) => {
    await openArticleWithHeaderQuery(page, 'vpn');
    await page.locator('h1').click();
    await expectClosedWithQuery(page, 'vpn');
    // A click back in the box shows the results again.
    await headerBox(page).click();
    await expect(dropdown(page)).toBeVisible();
  });

  test('closes on Escape and keeps the query', async ({ page }) => {
    await openArticleWithHeaderQuery(page, 'vpn');
    await page.keyboard.press('Escape');
    await expectClosedWithQuery(page, 'vpn');
    await expect(headerBox(page)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(dropdown(page)).toBeVisible();
    await expect(headerBox(page)).toHaveAttribute('aria-activedescendant', 'header-search-results-0');
  });

  test('the header keeps its height with a query: "Still stuck?" is in the dropdown', async ({ page }) => {
    await page.goto(ARTICLE);
    await appReady(page);
    const before = await headerHeight(page);
    await page.screenshot({ path: SHOTS + 'search-ui-header-empty.png' });
    await headerBox(page).fill('vpn');
    await expect(page.locator('.search.compact .still-stuck')).toBeVisible();
    expect(await headerHeight(page)).toBe(before);
    const headerBottom = await page.locator('.site-header').evaluate((e) => e.getBoundingClientRect().bottom);
    const stuck = await page.locator('.search.compact .still-stuck').boundingBox();
    expect(stuck.y).toBeGreaterThanOrEqual(headerBottom);
    await page.screenshot({ path: SHOTS + 'search-ui-header-dropdown.png' });
    // Nothing found: the advice is in the dropdown too.
    await headerBox(page).fill('zzqxj');
    await expect(page.locator('.search.compact .no-results')).toBeVisible();
    expect(await headerHeight(page)).toBe(before);
    await expectNoAxeViolations(page, 'header dropdown, no results');
  });
});

/** The active option's box, and that of the scroll box around it (the window when none). */
async function activeAndScrollBox(page, inputId) {
  return page.evaluate((id) => {
    const input = document.getElementById(id);
    const option = document.getElementById(input.getAttribute('aria-activedescendant'));
    let box = option.parentElement;
    while (box && !['auto', 'scroll'].includes(getComputedStyle(box).overflowY)) box = box.parentElement;
    const o = option.getBoundingClientRect();
    const b = box ? box.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
    return { option: { top: o.top, bottom: o.bottom }, box: { top: b.top, bottom: b.bottom }, viewport: window.innerHeight, index: option.id };
  }, inputId);
}

test.describe('arrow keys', () => {
  test.use({ viewport: { width: 1280, height: 600 } });

  test('keep the active result in view on the home page', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await search(page, MANY);
    await expect(options(page)).toHaveCount(10);
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowDown');
    await expect(page.locator('#search-input')).toHaveAttribute('aria-activedescendant', 'search-results-8');
    await expect.poll(async () => {
      const { option, viewport } = await activeAndScrollBox(page, 'search-input');
      return option.top >= -1 && option.bottom <= viewport + 1;
    }).toBe(true);
    // Up from the first wraps to the last, which comes into view too.
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('#search-input')).toHaveAttribute('aria-activedescendant', 'search-results-9');
    await expect.poll(async () => {
      const { option, viewport } = await activeAndScrollBox(page, 'search-input');
      return option.top >= -1 && option.bottom <= viewport + 1;
    }).toBe(true);
  });

  test('keep the active result in view in the header dropdown', async ({ page }) => {
    await page.goto(ARTICLE);
    await appReady(page);
    await headerBox(page).fill(MANY);
    await expect(dropdown(page).getByRole('option')).toHaveCount(10);
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowDown');
    await expect(headerBox(page)).toHaveAttribute('aria-activedescendant', 'header-search-results-8');
    await expect.poll(async () => {
      const { option, box, viewport } = await activeAndScrollBox(page, 'header-search-input');
      return option.top >= box.top - 1 && option.bottom <= box.bottom + 1 && option.bottom <= viewport;
    }).toBe(true);
    await page.screenshot({ path: SHOTS + 'search-ui-header-arrows.png' });
  });
});

test.describe('results come first', () => {
  test('on a 360×740 phone the first result starts within the first screen', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await page.goto('/');
    await appReady(page);
    await search(page, MANY);
    await expect(options(page).first()).toBeVisible();
    const [first] = await optionBoxes(page);
    expect(first.top).toBeLessThan(400);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: SHOTS + 'search-ui-phone-results.png' });
    await context.close();
  });

  test('on a 1280×860 laptop at least four results are fully visible', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(`/?q=${MANY}`);
    await appReady(page);
    await expect(options(page)).toHaveCount(10);
    // Snippets arrive after the results, and take room.
    await expect(page.locator('.result-snippet').first()).toBeVisible();
    const boxes = await optionBoxes(page);
    expect(boxes.filter((b) => b.top >= 0 && b.bottom <= 860).length).toBeGreaterThanOrEqual(4);
    await page.screenshot({ path: SHOTS + 'search-ui-laptop-results.png' });
    await context.close();
  });

  test('the filter chips fold to one row that "More filters" unfolds, from the keyboard', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await search(page, MANY);
    const bar = page.locator('#search-filters');
    const toggle = page.getByRole('button', { name: /^More filters\s*\+\d+$/ });
    await expect(toggle).toBeVisible();
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(toggle).toHaveAttribute('aria-controls', 'search-filters');
    // One row: every chip shown has the same top.
    const rowTops = () => bar.locator('.chip').evaluateAll((els) =>
      [...new Set(els.filter((e) => e.offsetParent).map((e) => Math.round(e.getBoundingClientRect().top)))]);
    expect((await rowTops()).length).toBe(1);
    const hidden = Number((await toggle.textContent()).match(/\+(\d+)/)[1]);
    const all = await bar.locator('.chip[aria-pressed]').count();
    await expect(bar.locator('.chip[aria-pressed]:visible')).toHaveCount(all - hidden);
    // Hidden chips are out of the tab order: Tab from the box reaches the toggle.
    await page.locator('#search-input').focus();
    for (let i = 0; i < all - hidden; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(toggle).toBeFocused();
    await page.keyboard.press('Enter');
    const fewer = page.getByRole('button', { name: 'Fewer filters' });
    await expect(fewer).toHaveAttribute('aria-expanded', 'true');
    await expect(fewer).toBeFocused();
    await expect(bar.locator('.chip[aria-pressed]:visible')).toHaveCount(all);
    await expect(page.getByRole('group', { name: 'Category' })).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expectNoAxeViolations(page, 'folded filters');
  });
});

test.describe('more results', () => {
  test('"Show more" adds results in place; a keyboard user lands on the first new one', async ({ page }) => {
    await page.goto('/');
    await appReady(page);
    await search(page, MANY);
    await expect(options(page)).toHaveCount(10);
    const total = Number((await status(page).textContent()).match(/^Top 10 of (\d+) articles/)[1]);
    expect(total).toBeGreaterThan(10);
    const more = page.getByRole('button', { name: 'Show more results' });
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(options(page)).toHaveCount(Math.min(total, 20));
    const input = page.locator('#search-input');
    await expect(input).toBeFocused();
    await expect(input).toHaveAttribute('aria-activedescendant', 'search-results-10');
    await expect(page.locator('#search-results-10')).toBeInViewport();
    const shown = Math.min(total, 20);
    await expect(status(page)).toHaveText(shown < total
      ? `Top ${shown} of ${total} articles for “${MANY}”.`
      : `${total} articles match “${MANY}”.`);
    // Enter opens that result.
    const title = (await page.locator('#search-results-10 .result-title').textContent()).trim();
    await page.keyboard.press('Enter');
    await expect(page.locator('h1')).toHaveText(title);
  });

  test('"Show more" goes until every result is shown, then the count is exact', async ({ page }) => {
    await page.goto(`/?q=${MANY}`);
    await appReady(page);
    const total = Number((await status(page).textContent()).match(/^Top 10 of (\d+) articles/)[1]);
    const more = page.getByRole('button', { name: 'Show more results' });
    while (await options(page).count() < total) await more.click();
    await expect(options(page)).toHaveCount(total);
    await expect(more).toHaveCount(0);
    await expect(status(page)).toHaveText(`${total} articles match “${MANY}”.`);
    // A new query starts again with the first page.
    await search(page, 'outlook');
    await expect(options(page).first()).toBeVisible();
    expect(await options(page).count()).toBeLessThanOrEqual(10);
  });
});

test('a pasted 5,000-character query gives a short status line and results start high', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await context.newPage();
  await page.goto('/');
  await appReady(page);
  const query = 'outlook keeps asking for my password '.repeat(140).slice(0, 5000);
  expect(query.length).toBe(5000);
  await page.locator('#search-input').fill(query);
  await expect(options(page).first()).toBeVisible();
  const text = await status(page).textContent();
  expect(text.length).toBeLessThan(120);
  expect(text).toContain(`“${query.slice(0, 40)}`);
  expect(text).toContain('…”');
  const [first] = await optionBoxes(page);
  expect(first.top).toBeLessThan(500);
  await page.screenshot({ path: SHOTS + 'search-ui-long-query.png' });
  await context.close();
});

test('back to a results page returns to the same scroll position and query', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 600 } });
  const page = await context.newPage();
  await page.goto('/');
  await appReady(page);
  await search(page, MANY);
  await expect(options(page)).toHaveCount(10);
  await expect(page.locator('.result-snippet').first()).toBeVisible();
  await page.mouse.wheel(0, 500);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
  await page.waitForTimeout(400);
  const y = await page.evaluate(() => window.scrollY);
  // A result in view, a little down the list.
  const boxes = await optionBoxes(page);
  const pick = boxes.findIndex((b) => b.top >= 0 && b.bottom <= 600);
  const option = page.locator(`#search-results-${pick}`);
  const title = (await option.locator('.result-title').textContent()).trim();
  await option.click();
  await expect(page.locator('h1')).toHaveText(title);
  await page.goBack();
  await appReady(page);
  await expect(page.locator('#search-input')).toHaveValue(MANY);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(y);
  await expect(page.locator(`#search-results-${pick}`)).toBeInViewport();
  await context.close();
});
