// Signals for the support team (issue 17) against a real receiver on
// 127.0.0.1: what one visit sends (one committed search, no prefixes; a
// click; a view; a vote with its reason; a ticket whose context names the
// article and the reason), what is never sent (a site without [events],
// Global Privacy Control), what a query loses before it leaves (an
// address, a user path, a long number), and what a reload in the middle
// of a flush costs (a duplicate id, which `lantern report` drops).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appReady, expectNoAxeViolations, SHOTS } from './helpers.mjs';
import { EVENTS_PORT, EVENTS_RECEIVER_PORT, TICKET_PORT } from '../playwright.config.mjs';
import { receiverFor } from '../receiver.mjs';

const SITE = `http://127.0.0.1:${EVENTS_PORT}`;
// The same app on a site without [events] (the ticket site).
const QUIET_SITE = `http://127.0.0.1:${TICKET_PORT}`;
const ROOT = new URL('../../../', import.meta.url).pathname;

test.describe.configure({ mode: 'serial' });
const receiver = receiverFor(test, EVENTS_RECEIVER_PORT);

const kinds = () => receiver.events.map((e) => e.type);
const ofType = (type) => receiver.events.filter((e) => e.type === type);

/** Types like a person: slower than the box's pause would commit. */
async function typeSlowly(page, text) {
  const box = page.locator('#search-input');
  await box.fill('');
  await box.pressSequentially(text, { delay: 120 });
}

async function fileTicket(page) {
  await expect(page.locator('#ticket-subject')).toBeVisible();
  await page.fill('#ticket-name', 'Ada Lovelace');
  await page.fill('#ticket-email', 'ada@example.com');
  await page.fill('#ticket-subject', 'Outlook still asks for my password');
  await page.fill('#ticket-description', 'I removed the saved credentials as the article says; it still asks.');
  await page.getByRole('button', { name: 'Send to support' }).click();
  await expect(page.locator('.confirmation')).toBeVisible();
}

test('one visit sends one committed search, a click, a view, a vote with its reason and a ticket that names them', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto(SITE + '/');
  await appReady(page);
  await typeSlowly(page, 'outlok keeps askin pasword');
  // Past the 1.5 s pause: committed, then held a moment for a longer one.
  await page.waitForTimeout(2000);
  await page.getByRole('option').first().click();
  await expect(page.locator('h1')).toHaveText('Outlook keeps asking for your password');

  const helpful = page.locator('.helpful');
  await expect(helpful.getByRole('heading', { name: 'Was this helpful?' })).toBeVisible();
  await helpful.getByRole('button', { name: 'No' }).click();
  await expect(page.locator('#lantern-helpful-why')).toBeFocused();
  await helpful.getByLabel('The steps did not work').check();
  await helpful.getByLabel(/Anything else/).fill('Still prompts after step 3, mail me at ada@example.com');
  await expectNoAxeViolations(page, 'the reasons for No');
  await page.screenshot({ path: SHOTS + 'helpful-reasons.png', fullPage: true });
  await helpful.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('#lantern-helpful-thanks')).toBeFocused();
  await expect(helpful).toContainText('Thanks for telling us');
  await expectNoAxeViolations(page, 'the thanks after No');
  await page.screenshot({ path: SHOTS + 'helpful-thanks.png', fullPage: true });

  await helpful.getByRole('link', { name: 'Contact support' }).click();
  await expect(page.locator('.context-preview')).toContainText('not helpful: The steps did not work');
  await fileTicket(page);

  await expect.poll(() => receiver.unique.length, { timeout: 15_000 }).toBe(1);
  await expect.poll(() => ofType('ticket').length, { timeout: 15_000 }).toBe(1);
  expect(kinds().sort()).toEqual(['click', 'search', 'ticket', 'view', 'vote']);

  const [searchEvent] = ofType('search');
  expect(searchEvent.query).toBe('outlok keeps askin pasword');
  expect(searchEvent.how).toBe('click');
  expect(searchEvent.results).toBeGreaterThan(0);
  expect(searchEvent.top[0]).toBe('outlook-keeps-asking-for-password');
  expect(ofType('click')[0]).toMatchObject({ article: 'outlook-keeps-asking-for-password', rank: 1, query: 'outlok keeps askin pasword' });
  expect(ofType('view')[0]).toMatchObject({ article: 'outlook-keeps-asking-for-password', from: 'search' });
  const [vote] = ofType('vote');
  expect(vote).toMatchObject({ article: 'outlook-keeps-asking-for-password', helpful: false, reason: 'steps' });
  expect(vote.comment).toBe('Still prompts after step 3, mail me at [email]');
  const [ticketEvent] = ofType('ticket');
  const ticket = receiver.unique[0];
  expect(ticketEvent).toMatchObject({ reference: ticket.reference, channel: 'webhook', outcome: 'queued' });
  // No person in any event; one session for the visit.
  const sent = JSON.stringify(receiver.events);
  expect(sent).not.toContain('Ada');
  expect(sent).not.toContain('ada@example.com');
  expect(new Set(receiver.events.map((e) => e.session)).size).toBe(1);
  expect(new Set(receiver.events.map((e) => e.id)).size).toBe(receiver.events.length);
  expect(receiver.events.every((e) => e.schema_version === 1 && /^\d{4}-\d\d-\d\dT/.test(e.at))).toBe(true);
  // Plain text, so no CORS preflight.
  expect(receiver.batches.every((b) => /^text\/plain/.test(b.headers['content-type']))).toBe(true);

  // The ticket's context names the article and why it did not help.
  const read = ticket.context.articles.find((a) => a.slug === 'outlook-keeps-asking-for-password');
  expect(read.not_helpful).toBe('The steps did not work');
});

test('an article takes one vote per visit, and a Yes is one click', async ({ page }) => {
  await page.goto(SITE + '/a/vpn-will-not-connect/');
  await appReady(page);
  await page.locator('.helpful').getByRole('button', { name: 'Yes' }).click();
  await expect(page.locator('.helpful')).toContainText('glad it helped');
  await page.reload();
  await appReady(page);
  await expect(page.locator('.helpful')).toContainText('glad it helped');
  await expect(page.locator('.helpful').getByRole('button')).toHaveCount(0);
  await page.goto(SITE + '/');
  await expect.poll(() => ofType('vote').length, { timeout: 15_000 }).toBe(1);
  expect(ofType('vote')[0]).toMatchObject({ article: 'vpn-will-not-connect', helpful: true });
  expect(ofType('view').map((v) => v.from)).toEqual(['direct', 'direct']);
});

test('the vote works from the keyboard alone', async ({ page }) => {
  await page.goto(SITE + '/a/printer-shows-offline/');
  await appReady(page);
  await page.locator('.helpful').getByRole('button', { name: 'No' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#lantern-helpful-why')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByLabel('It is outdated')).toBeChecked();
  await page.getByRole('button', { name: 'Send' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#lantern-helpful-thanks')).toBeFocused();
});

test('"Suggest an edit" opens the article\'s source where the site says articles live', async ({ page }) => {
  await page.goto(SITE + '/a/vpn-will-not-connect/');
  await appReady(page);
  await expect(page.getByRole('link', { name: 'Suggest an edit to this article' }))
    .toHaveAttribute('href', 'https://github.com/acme/kb/edit/main/articles/vpn-will-not-connect.md');
  await page.goto(QUIET_SITE + '/a/vpn-will-not-connect/');
  await appReady(page);
  await expect(page.getByRole('link', { name: /Suggest an edit/ })).toHaveCount(0);
});

test('a query leaves the device without an address, a user path or a long number', async ({ page }) => {
  await page.goto(SITE + '/');
  await appReady(page);
  await page.locator('#search-input').fill('outlook ada.l@example.com C:\\Users\\ada\\AppData 0123456789 crash');
  await page.locator('#search-input').press('Enter');
  await page.goto(SITE + '/a/vpn-will-not-connect/');
  await expect.poll(() => ofType('search').length, { timeout: 15_000 }).toBe(1);
  expect(ofType('search')[0].query).toBe('outlook [email] [path] [number] crash');
  expect(JSON.stringify(receiver.batches)).not.toContain('example.com');
});

async function browseAndVote(page, site) {
  await page.goto(site + '/');
  await appReady(page);
  await typeSlowly(page, 'wifi drops');
  await page.waitForTimeout(1800);
  await page.getByRole('option').first().click();
  await page.locator('.helpful').getByRole('button', { name: 'Yes' }).click();
  await page.goto(site + '/a/vpn-will-not-connect/');
  await appReady(page);
  await page.waitForTimeout(500);
}

test('a site without [events] makes no request to any events URL', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await browseAndVote(page, QUIET_SITE);
  expect(requests.filter((r) => r.includes('/events') || r.includes(`:${EVENTS_RECEIVER_PORT}`))).toEqual([]);
  expect(requests.filter((r) => r.startsWith('POST'))).toEqual([]);
  expect(receiver.batches).toEqual([]);
});

test('a site without [events] still asks "Was this helpful?", and a No goes with the ticket', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.goto(QUIET_SITE + '/a/vpn-will-not-connect/');
  await appReady(page);
  const helpful = page.locator('.helpful');
  await helpful.getByRole('button', { name: 'No' }).click();
  await helpful.getByLabel('It is outdated').check();
  await helpful.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('#lantern-helpful-thanks')).toBeFocused();
  await helpful.getByRole('link', { name: 'Contact support' }).click();
  await expect(page.locator('.context-preview')).toContainText('not helpful: It is outdated');
  expect(requests.filter((r) => r.startsWith('POST'))).toEqual([]);
});

test('with Global Privacy Control on, nothing is sent', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true });
  });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await browseAndVote(page, SITE);
  expect(requests.filter((r) => r.includes('/events'))).toEqual([]);
  expect(receiver.batches).toEqual([]);
});

test('a batch whose answer is lost is sent again, a reload in the middle of a flush is not: at most a duplicate id, which the report drops', async ({ page }) => {
  test.setTimeout(60_000);
  // The first batch reaches the receiver, but the answer is lost on the
  // way back (the connection drops): the page sends it again.
  let lose = 1;
  await page.route('**/events', async (route) => {
    if (lose-- > 0) {
      await route.fetch();
      await route.abort('connectionreset');
      return;
    }
    await route.continue();
  });
  await page.goto(SITE + '/a/vpn-will-not-connect/');
  await appReady(page);
  await page.locator('.helpful').getByRole('button', { name: 'Yes' }).click();
  // The 10 s flush, then the retry 2 s later.
  await expect.poll(() => receiver.batches.length, { timeout: 25_000 }).toBe(2);
  // A reload while a flush is on its way: the closing page leaves it to
  // keepalive, and the next page does not send it again.
  await page.goto(SITE + '/a/printer-shows-offline/');
  await appReady(page);
  await page.locator('.helpful').getByRole('button', { name: 'Yes' }).click();
  await page.reload();
  await appReady(page);
  await expect.poll(() => ofType('vote').length, { timeout: 10_000 }).toBe(3);
  await page.waitForTimeout(3000);
  const printerVotes = ofType('vote').filter((v) => v.article === 'printer-shows-offline');
  expect(printerVotes).toHaveLength(1);

  const ids = receiver.events.map((e) => e.id);
  const counts = new Map();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  expect(Math.max(...counts.values())).toBe(2);

  // `lantern report` reads what the receiver kept and drops the repeats.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-events-'));
  const month = receiver.events[0].at.slice(0, 7);
  const file = path.join(dir, `events-${month}.jsonl`);
  fs.writeFileSync(file, receiver.events.map((e) => JSON.stringify(e)).join('\n') + '\n');
  execFileSync(path.join(ROOT, 'target/debug/lantern'), ['report', '--events', file, '--month', month,
    '--articles', path.join(ROOT, 'articles'), '--config', path.join(ROOT, 'tests/e2e/fixtures/events-site.toml'),
    '--out', path.join(dir, 'out')], { stdio: 'pipe' });
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'out/report.json'), 'utf8'));
  expect(report.quality.duplicates).toBe(ids.length - counts.size);
  expect(report.quality.events).toBe(counts.size);
});
