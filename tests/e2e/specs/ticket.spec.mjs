// "Contact support" against a real receiver on 127.0.0.1: the happy path,
// every way delivery can fail, deflection, and accessibility. Tickets must
// never be lost and never arrive twice (the receiver de-duplicates by
// reference, as a helpdesk would, and the tests check what it kept).
import { test, expect } from '@playwright/test';
import { appReady, expectNoAxeViolations, search, SHOTS } from './helpers.mjs';
import { PORT, TICKET_PORT, RECEIVER_PORT } from '../playwright.config.mjs';
import { receiverFor } from '../receiver.mjs';

const SITE = `http://127.0.0.1:${TICKET_PORT}`;
// The sample site: email is its only channel.
const EMAIL_SITE = `http://127.0.0.1:${PORT}`;
const XSS = `<img src=x onerror="window.__xss=1">"><script>window.__xss=1</script>`;
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201f8e2a9750000000049454e44ae426082', 'hex');

test.describe.configure({ mode: 'serial' });
const receiver = receiverFor(test, RECEIVER_PORT);

async function openForm(page, query = '') {
  await page.goto(`${SITE}/ticket/${query ? `?q=${encodeURIComponent(query)}` : ''}`);
  await appReady(page);
  await expect(page.locator('#ticket-subject')).toBeVisible();
}

async function fillTicket(page, { subject = 'VPN drops every few minutes', description = 'The VPN disconnects every five minutes since Monday; reconnecting works for a while.' } = {}) {
  await page.fill('#ticket-name', 'Ada Lovelace');
  await page.fill('#ticket-email', 'ada@example.com');
  await page.fill('#ticket-subject', subject);
  await page.fill('#ticket-description', description);
}

const reference = (page) => page.locator('.confirmation .reference').innerText();
const storedDraft = async (page) => JSON.parse(await page.evaluate(() => localStorage.getItem('lantern::draft')));
// Headless Chromium has no mail app: keep a mailto link from navigating.
const noNavigation = (link) => link.evaluate((a) => a.addEventListener('click', (e) => e.preventDefault()));

test('a ticket arrives with every field and the visit context', async ({ page }) => {
  await page.goto(SITE + '/');
  await appReady(page);
  await search(page, 'outlok keeps askin pasword');
  await page.getByRole('option').first().click();
  await expect(page.locator('h1')).toHaveText('Outlook keeps asking for your password');
  await page.locator('.still-stuck-box .contact-support').click();
  await expect(page.locator('#ticket-subject')).toBeVisible();

  await page.fill('#ticket-name', `Ada ${XSS}`);
  await page.fill('#ticket-email', 'ada@example.com');
  await page.fill('#ticket-subject', `Password prompt ${XSS}`);
  await page.fill('#ticket-description', `Outlook asks again and again.\n${XSS}\nTried the article.`);
  await page.selectOption('#ticket-category', 'email');
  await page.selectOption('#ticket-urgency', 'high');
  await page.setInputFiles('#ticket-attachment', { name: 'prompt.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.locator('.attached')).toContainText('prompt.png');
  // The context is shown before sending, and a part can be left out.
  const context = page.locator('.context-preview');
  await expect(context).toContainText('Searched for: “outlok keeps askin pasword”');
  await expect(context).toContainText('Articles read: Outlook keeps asking for your password');
  await expect(context).toContainText('Connection: online');
  await context.getByLabel(/Browser and system/).uncheck();
  await page.screenshot({ path: SHOTS + 'ticket-form.png', fullPage: true });
  await page.getByRole('button', { name: 'Send to support' }).click();

  await expect(page.locator('#confirmation-title')).toHaveText('Ticket sent');
  await expect(page.locator('.confirmation')).toContainText('within 4 business hours');
  const ref = await reference(page);
  expect(ref).toMatch(/^LT-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  expect(receiver.unique).toHaveLength(1);
  const [post] = receiver.posts;
  expect(post.headers['x-lantern-token']).toBe('e2e-public-token');
  expect(post.headers['content-type']).toContain('application/json');
  const t = post.payload;
  expect(t.schema_version).toBe(1);
  expect(t.reference).toBe(ref);
  expect(Date.parse(t.created_at)).toBeGreaterThan(Date.now() - 60_000);
  expect(t.site).toEqual({ name: 'IT Help Center', url: SITE + '/' });
  expect(t.requester).toEqual({ name: `Ada ${XSS}`, email: 'ada@example.com' });
  expect(t.subject).toBe(`Password prompt ${XSS}`);
  expect(t.description).toBe(`Outlook asks again and again.\n${XSS}\nTried the article.`);
  expect(t.category).toEqual({ id: 'email', name: 'Email & calendar' });
  expect(t.urgency).toBe('high');
  expect(t.attachment.name).toBe('prompt.png');
  expect(t.attachment.mime_type).toBe('image/png');
  expect(t.attachment.size).toBe(PNG.length);
  expect(Buffer.from(t.attachment.content_base64, 'base64').equals(PNG)).toBe(true);
  expect(t.context.queries).toEqual(['outlok keeps askin pasword']);
  expect(t.context.articles.map((a) => a.slug)).toEqual(['outlook-keeps-asking-for-password']);
  expect(t.context.articles[0].url).toBe(`${SITE}/a/outlook-keeps-asking-for-password/`);
  expect(t.context.came_from).toBe(`${SITE}/a/outlook-keeps-asking-for-password/`);
  expect(t.context.user_agent).toBe('');
  expect(t.context.platform).toBe('');
  expect(t.context.language).toMatch(/^[a-z]{2}/);
  expect(t.context.local_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  expect(t.context.online).toBe(true);

  // Nothing typed ran as HTML anywhere it was shown.
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  await expectNoAxeViolations(page, 'ticket confirmation');
  await page.screenshot({ path: SHOTS + 'ticket-sent.png' });
  // A reload of the confirmation still knows the ticket.
  await page.reload();
  await appReady(page);
  await expect(page.locator('#confirmation-title')).toHaveText('Ticket sent');
  // And the next ticket starts empty, but remembers who the user is.
  await page.getByRole('link', { name: 'Write another ticket' }).click();
  await expect(page.locator('#ticket-subject')).toHaveValue('');
  await expect(page.locator('#ticket-email')).toHaveValue('ada@example.com');
});

test('validation errors are listed, linked and announced, and nothing typed is lost', async ({ page }) => {
  await openForm(page, 'printer offline');
  await expect(page.locator('#ticket-subject')).toHaveValue('printer offline');
  await page.fill('#ticket-email', 'ada@example');
  await page.fill('#ticket-description', `It says offline. ${XSS}`);
  await page.getByRole('button', { name: 'Send to support' }).click();
  const summary = page.locator('#ticket-errors');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Enter your name.', /This email address needs a domain/]);
  await expect(page.locator('#ticket-name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#ticket-email')).toHaveAttribute('aria-describedby', 'ticket-email-error');
  await expectNoAxeViolations(page, 'ticket form errors');
  await page.screenshot({ path: SHOTS + 'ticket-errors.png', fullPage: true });
  expect(receiver.posts).toHaveLength(0);

  // A reload (or a crash) keeps the draft.
  await page.reload();
  await appReady(page);
  await expect(page.locator('#ticket-email')).toHaveValue('ada@example');
  await expect(page.locator('#ticket-description')).toHaveValue(`It says offline. ${XSS}`);
  await expect(page.locator('#ticket-subject')).toHaveValue('printer offline');
  await page.fill('#ticket-name', 'Ada');
  await page.fill('#ticket-email', 'ada@example.com');
  await page.getByRole('button', { name: 'Send to support' }).click();
  await expect(page.locator('#confirmation-title')).toHaveText('Ticket sent');
  expect(receiver.unique.map((t) => t.subject)).toEqual(['printer offline']);
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
});

test('the form itself has no accessibility violations', async ({ page }) => {
  await openForm(page);
  await fillTicket(page);
  await expect(page.locator('.suggestions')).toBeVisible();
  await expectNoAxeViolations(page, 'ticket form');
});

test('a ticket sent while the receiver is down is kept and delivered when it comes back', async ({ page }) => {
  // The first ticket goes through; then the receiver goes down.
  await openForm(page);
  await fillTicket(page, { subject: 'First ticket' });
  await page.getByRole('button', { name: 'Send to support' }).click();
  await expect(page.locator('#confirmation-title')).toHaveText('Ticket sent');
  await receiver.stop();

  await page.getByRole('link', { name: 'Write another ticket' }).click();
  await fillTicket(page, { subject: 'Second ticket' });
  await page.getByRole('button', { name: 'Send to support' }).click();
  await expect(page.locator('#confirmation-title')).toHaveText(/Not sent yet/);
  await expect(page.locator('.confirmation')).toContainText('could not be reached');
  const mailto = await page.getByRole('link', { name: 'Send it by email instead' }).getAttribute('href');
  expect(mailto).toMatch(/^mailto:servicedesk@example\.com\?subject=Second%20ticket%20%5BLT-/);
  expect(mailto).not.toMatch(/[\r\n ]/);
  const github = await page.getByRole('link', { name: 'Open it as a GitHub issue instead' }).getAttribute('href');
  expect(github).toMatch(/^https:\/\/github\.com\/acme\/it-support\/issues\/new\?title=Second%20ticket%20%5BLT-.*&labels=from-help-center&body=Reference%3A%20LT-/);
  await expectNoAxeViolations(page, 'ticket waiting in the outbox');
  await page.screenshot({ path: SHOTS + 'ticket-waiting.png' });

  await receiver.start();
  await expect(page.locator('#confirmation-title')).toHaveText('Ticket sent', { timeout: 15_000 });
  expect(receiver.unique.map((t) => t.subject)).toEqual(['First ticket', 'Second ticket']);
});

test('HTTP 500 is retried with the same reference until a 2xx', async ({ page }) => {
  receiver.mode = 'error';
  await openForm(page);
  await fillTicket(page);
  await page.getByRole('button', { name: 'Send to support' }).click();
  await expect(page.locator('.confirmation')).toContainText('HTTP 500');
  await expect.poll(() => receiver.posts.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  receiver.mode = 'ok';
  await expect(page.locator('#confirmation-title')).toHaveText('Ticket sent', { timeout: 20_000 });
  const ref = await reference(page);
  expect(new Set(receiver.posts.map((p) => p.payload.reference))).toEqual(new Set([ref]));
  expect(receiver.unique).toHaveLength(1);
  // Delivered means gone from the outbox: nothing more is sent.
  const posts = receiver.posts.length;
  await page.waitForTimeout(2500);
  expect(receiver.posts.length).toBe(posts);
});

test('a receiver that hangs past the timeout is abandoned and retried', async ({ page }) => {
  receiver.mode = 'hang';
  await openForm(page);
  await fillTicket(page);
  await page.getByRole('button', { name: 'Send to support' }).click();
  await expect(page.locator('.confirmation')).toContainText('did not answer within 2 seconds', { timeout: 10_000 });
  receiver.mode = 'ok';
  await page.getByRole('button', { name: 'Retry now' }).click();
  await expect(page.locator('#confirmation-title')).toHaveText('Ticket sent', { timeout: 10_000 });
  expect(receiver.unique).toHaveLength(1);
});

test('reloading the page in the middle of sending neither loses nor duplicates the ticket', async ({ page }) => {
  // The receiver takes the ticket but the page reloads before the answer.
  receiver.mode = 'slow';
  await openForm(page);
  await fillTicket(page);
  await page.getByRole('button', { name: 'Send to support' }).click();
  await expect(page.locator('#confirmation-title')).toHaveText('Sending your ticket…');
  const url = page.url();
  const ref = await reference(page);
  await expect.poll(() => receiver.posts.length).toBe(1);
  receiver.mode = 'ok';
  await page.reload(); // the request in flight dies with the page
  await appReady(page);
  expect(page.url()).toBe(url);
  await expect(page.locator('#confirmation-title')).toHaveText('Ticket sent', { timeout: 10_000 });
  // Sent twice (the page could not know the first one arrived), kept once.
  expect(receiver.posts.map((p) => p.payload.reference)).toEqual([ref, ref]);
  expect(receiver.unique.map((t) => t.reference)).toEqual([ref]);
});

test('offline: the ticket waits, and goes out as soon as the browser is back online', async ({ page, context }) => {
  await openForm(page);
  await fillTicket(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Send to support' }).click();
  await expect(page.locator('.confirmation')).toContainText('You are offline');
  // Anywhere on the site, the user is told a ticket is waiting.
  await page.getByRole('link', { name: 'Back to the help center' }).click();
  await expect(page.locator('.outbox-banner')).toContainText('1 support ticket is waiting to be sent');
  expect(receiver.posts).toHaveLength(0);
  await context.setOffline(false);
  await expect(page.locator('.outbox-banner')).toHaveCount(0, { timeout: 10_000 });
  await expect(page.locator('.toast')).toContainText(/Ticket LT-.* was sent to support/);
  expect(receiver.unique).toHaveLength(1);
});

test('sending by email instead stops the retries, so support does not get it twice', async ({ page }) => {
  receiver.mode = 'error';
  await openForm(page);
  await fillTicket(page);
  await page.getByRole('button', { name: 'Send to support' }).click();
  const email = page.getByRole('link', { name: 'Send it by email instead' });
  await expect(email).toBeVisible();
  await noNavigation(email);
  await email.click();
  // Not known to have gone: the ticket waits for the user's word, with its text.
  await expect(page.locator('#confirmation-title')).toHaveText('Check that your email went out');
  await expect(page.getByRole('link', { name: 'Open the email again' })).toHaveAttribute('href', /^mailto:servicedesk@example\.com\?subject=/);
  await expect(page.getByRole('button', { name: 'Copy the ticket text' })).toBeVisible();
  receiver.mode = 'ok';
  const posts = receiver.posts.length;
  await page.waitForTimeout(5000);
  expect(receiver.posts.length).toBe(posts);
  await page.getByRole('button', { name: 'I sent the email' }).click();
  await expect(page.locator('#confirmation-title')).toHaveText('Ticket sent');
  await expect(page.locator('.confirmation')).toContainText('You sent it by email');
  await page.waitForTimeout(1000);
  expect(receiver.posts.length).toBe(posts);
  expect(receiver.unique).toHaveLength(0);
});

test.describe('the email channel', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
  const description = 'The printer on floor 3 jams on every second page since the toner was changed.';

  test('email channel: the confirmation does not say sent, keeps the draft and both ways to send it, and "I sent the email" clears the draft', async ({ page }) => {
    await page.goto(`${EMAIL_SITE}/ticket/`);
    await appReady(page);
    await fillTicket(page, { subject: 'Printer jams', description });
    await page.getByRole('button', { name: 'Continue to email' }).click();
    const open = page.getByRole('link', { name: 'Open email to send' });
    await noNavigation(open);
    await open.click();
    const title = page.locator('#confirmation-title');
    await expect(title).toHaveText('Check that your email went out');
    await expect(title).not.toHaveText(/sent/i);
    await expect(page.locator('.confirmation')).toContainText('Your email program should have opened a message to servicedesk@example.com. If nothing opened, copy the ticket text and send it from your webmail.');
    const ref = await reference(page);
    expect((await storedDraft(page)).reference).toBe(ref);
    await page.screenshot({ path: SHOTS + 'ticket-email-confirmation.png', fullPage: true });

    // All of it survives a reload.
    await page.reload();
    await appReady(page);
    await expect(title).toHaveText('Check that your email went out');
    expect((await storedDraft(page)).description).toBe(description);
    const again = page.getByRole('link', { name: 'Open the email again' });
    const href = await again.getAttribute('href');
    expect(href).toMatch(/^mailto:servicedesk@example\.com\?subject=Printer%20jams%20%5BLT-[0-9A-Z]{4}-[0-9A-Z]{4}%5D&body=Reference%3A%20LT-/);
    expect(decodeURIComponent(href)).toContain(description);
    await noNavigation(again);
    await again.click();
    await expect(title).toHaveText('Check that your email went out');
    await page.getByRole('button', { name: 'Copy the ticket text' }).click();
    await expect(page.locator('.toast')).toContainText('Ticket text copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(description);
    expect(copied).toContain(`Reference: ${ref}`);
    await expectNoAxeViolations(page, 'email confirmation');

    await page.getByRole('button', { name: 'I sent the email' }).click();
    await expect(title).toHaveText('Ticket sent');
    await expect(page.locator('.confirmation')).toContainText('You sent it by email');
    expect(await storedDraft(page)).toBeNull();
    await page.screenshot({ path: SHOTS + 'ticket-email-done.png', fullPage: true });
    await page.reload();
    await appReady(page);
    await expect(title).toHaveText('Ticket sent');
    await page.getByRole('link', { name: 'Write another ticket' }).click();
    await expect(page.locator('#ticket-subject')).toHaveValue('');
    await expect(page.locator('#ticket-email')).toHaveValue('ada@example.com');
  });

  test('an email ticket is never lost: back to the form before confirming, the text is still there', async ({ page }) => {
    await page.goto(`${EMAIL_SITE}/ticket/`);
    await appReady(page);
    await fillTicket(page, { subject: 'Printer jams', description });
    await page.getByRole('button', { name: 'Continue to email' }).click();
    const open = page.getByRole('link', { name: 'Open email to send' });
    await noNavigation(open);
    await open.click();
    await expect(page.locator('#confirmation-title')).toHaveText('Check that your email went out');
    const ref = await reference(page);
    // The user closes the tab and comes back to the form later.
    await page.goto(`${EMAIL_SITE}/ticket/`);
    await appReady(page);
    await expect(page.locator('#ticket-subject')).toHaveValue('Printer jams');
    await expect(page.locator('#ticket-description')).toHaveValue(description);
    // Sending it again is the same ticket, not a second one.
    await page.getByRole('button', { name: 'Continue to email' }).click();
    await expect(page.locator('.handoff .reference')).toHaveText(ref);
  });
});

test('Came from names the page the user was on when they opened the form, after searches that replaced the address', async ({ page }) => {
  await page.goto(SITE + '/');
  await appReady(page);
  await search(page, 'a');
  await expect(page).toHaveURL(/\?q=a$/);
  await search(page, 'vpn');
  await expect(page).toHaveURL(/\?q=vpn$/);
  await page.locator('.site-footer').getByRole('link', { name: 'Contact support' }).click();
  await expect(page.locator('#ticket-subject')).toBeVisible();
  await expect(page.locator('#context-came-from + label .context-value')).toHaveText(`${SITE}/?q=vpn`);
  await fillTicket(page);
  await page.getByRole('button', { name: 'Send to support' }).click();
  await expect(page.locator('#confirmation-title')).toHaveText('Ticket sent');
  expect(receiver.unique.map((t) => t.context.came_from)).toEqual([`${SITE}/?q=vpn`]);
});

test('a suggested article that solves the problem ends the flow without a ticket', async ({ page }) => {
  await openForm(page);
  await page.fill('#ticket-subject', 'outlook keeps asking for password');
  const suggestion = page.locator('.suggestion').filter({ hasText: 'Outlook keeps asking for your password' });
  await expect(suggestion).toBeVisible();
  await suggestion.getByRole('button', { name: 'Show the steps here' }).click();
  await expect(suggestion.locator('.suggested-article .article-body h2').first()).toBeVisible();
  // Links inside point where they would from the article's own page.
  const link = suggestion.locator('.article-body a', { hasText: 'Password expired or account locked out' });
  await expect(link).toHaveAttribute('href', `${SITE}/a/password-expired-or-account-locked/`);
  await expect(link).toHaveAttribute('target', '_blank');
  await page.screenshot({ path: SHOTS + 'ticket-deflection.png', fullPage: true });
  await suggestion.getByRole('button', { name: 'Yes, this solved it' }).click();
  await expect(page.locator('#solved-title')).toHaveText('Glad that fixed it');
  await expectNoAxeViolations(page, 'solved without a ticket');
  await page.waitForTimeout(500);
  expect(receiver.posts).toHaveLength(0);
  await page.goto(`${SITE}/ticket/`);
  await appReady(page);
  await expect(page.locator('#ticket-subject')).toHaveValue('');
});

test('an article read in the suggestions keeps its list bullets and numbers', async ({ page }) => {
  await openForm(page);
  await page.fill('#ticket-subject', 'outlook keeps asking for password');
  const suggestion = page.locator('.suggestion').filter({ hasText: 'Outlook keeps asking for your password' });
  await suggestion.getByRole('button', { name: 'Show the steps here' }).click();
  const body = suggestion.locator('.suggested-article .article-body');
  await expect(body.locator('ul').first()).toBeVisible();
  const list = (locator) => locator.evaluate((el) => {
    const style = getComputedStyle(el);
    return { type: style.listStyleType, indent: parseFloat(style.paddingInlineStart) };
  });
  const ul = await list(body.locator('ul').first());
  expect(ul.type).toBe('disc');
  expect(ul.indent).toBeGreaterThan(0);
  const ol = await list(body.locator('ol').first());
  expect(ol.type).toBe('decimal');
  expect(ol.indent).toBeGreaterThan(0);
  // The panel's own list of suggestions stays unbulleted.
  expect((await list(page.locator('.suggestions > ul'))).type).toBe('none');
  await page.screenshot({ path: SHOTS + 'ticket-deflection-lists.png', fullPage: true });
});

test('only the ticket page downloads the form, and a link into it that the app follows still opens it', async ({ page }) => {
  const ticketBundle = [];
  page.on('request', (r) => { if (r.url().includes('lantern-ticket')) ticketBundle.push(r.url()); });
  await page.goto(SITE + '/');
  await appReady(page);
  await search(page, 'vpn');
  await page.getByRole('option').first().click();
  await expect(page.locator('.still-stuck-box .contact-support')).toBeVisible();
  expect(ticketBundle).toEqual([]);
  // Links to the form are full page loads; one the router follows anyway
  // still ends on the form, with its query.
  await page.evaluate(() => {
    const link = Object.assign(document.createElement('a'), { href: '../../ticket/?q=printer%20jam', textContent: 'A link into the form' });
    document.querySelector('main').append(link);
  });
  await page.getByRole('link', { name: 'A link into the form' }).click();
  await expect(page.locator('#ticket-subject')).toHaveValue('printer jam');
  expect(ticketBundle.some((url) => url.includes('lantern-ticket_bg.wasm'))).toBe(true);
});

test('a search with no results leads to the form with the query carried over', async ({ page }) => {
  await page.goto(SITE + '/');
  await appReady(page);
  await search(page, 'zyxwv frobnicator');
  await expect(page.locator('.no-results')).toBeVisible();
  await page.locator('.no-results').getByRole('link', { name: 'Contact support' }).click();
  await expect(page.locator('#ticket-subject')).toHaveValue('zyxwv frobnicator');
  await expect(page.locator('.context-preview')).toContainText('Searched for: “zyxwv frobnicator”');
});

test('attachments of the wrong kind or too large are refused with a reason', async ({ page }) => {
  await openForm(page);
  await page.setInputFiles('#ticket-attachment', { name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await expect(page.locator('#ticket-attachment-error')).toContainText('“setup.exe” cannot be attached');
  await page.setInputFiles('#ticket-attachment', { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('MZ not a png') });
  await expect(page.locator('#ticket-attachment-error')).toContainText('does not look like a PNG file');
  await page.setInputFiles('#ticket-attachment', { name: '<img src=x onerror="window.__xss=1">.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
  await expect(page.locator('#ticket-attachment-error')).toContainText('<img src=x onerror="window.__xss=1">.exe');
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  await page.setInputFiles('#ticket-attachment', { name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(100 * 1024)]) });
  await expect(page.locator('#ticket-attachment-error')).toContainText('at most 64 KB');
  await expect(page.locator('.attached')).toHaveCount(0);
  // A good file is kept with the draft through a reload.
  await page.setInputFiles('#ticket-attachment', { name: 'screen.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.locator('.attached')).toContainText('screen.png');
  await page.fill('#ticket-subject', 'Kept with its screenshot');
  await page.reload();
  await appReady(page);
  await expect(page.locator('.attached')).toContainText('screen.png');
  await expect(page.locator('#ticket-subject')).toHaveValue('Kept with its screenshot');
  await page.getByRole('button', { name: 'Remove attachment screen.png' }).click();
  await page.reload();
  await appReady(page);
  await expect(page.locator('.attached')).toHaveCount(0);
});
