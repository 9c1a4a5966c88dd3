// Browser benchmark of the search (issue 3): load-to-first-search and
// per-keystroke latency of the release app in headless Chromium
// (/usr/bin/chromium), against sites built by `lantern build` and served
// from localhost. A benchmark, not a test: it prints markdown tables. Run it
// through scripts/bench-browser.sh, which builds the sites and serves them;
// by hand:
//
//     node tests/e2e/bench/browser-search.mjs [--loads 10] [--playwright-loads 5] [--rounds 2] \
//         [--json FILE] [--cpuprofile DIR] 3k=http://127.0.0.1:PORT/ 10k=http://127.0.0.1:PORT2/
//
// Load to first search. Every sample is a fresh browser context (empty HTTP
// cache: the app and data/catalog.bin are fetched again). A script
// installed before the page's own watches the DOM; as soon as
// #search-input exists it types a whole query in the next task and
// records when that query's results are in the DOM. Times are
// performance.now(): milliseconds since navigation start. These loads are
// driven over a bare DevTools pipe with only the Page and Runtime domains:
// Playwright enables the Network domain on every page, and then Chromium's
// renderer keeps a copy of each response body for DevTools: main-thread
// work in proportion to the catalog's size, which users do not pay. A
// second, shorter series of loads through Playwright shows that overhead.
//
// Keystrokes (Playwright). Each query is typed character by character in
// the page, one character per animation frame, 30 ms apart: in a
// requestAnimationFrame callback, set the value and dispatch an `input`
// event. Leptos applies its updates in microtasks, so the last
// MutationObserver callback marks "search + DOM update"; the next task runs
// after that frame's style, layout and paint, which marks "whole frame".
// Every keystroke is checked: the status line must name the new query.
// Each round is a fresh page per site, once as built and once with
// history.replaceState made a no-op (a diagnostic: the search box calls it
// on every keystroke). A last pass types the same queries with real key
// presses and reads the Event Timing API.
import { chromium } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS, LOAD_QUERY, collectLoad, commandLine, loadProbe, ms, pct, rawChromium, sleep } from './pipe.mjs';

const QUERIES = [
  'outlok keeps askin pasword',
  'vpn disconn',
  'printer offline',
  '0x80070005',
  'teams microphone not working',
  'bitlocker recovery key',
  'sharepiont permision denied',
  'exchange hybrid free/busy',
  'sql server login failed for user',
  'onedrive not syncing',
  'remote desktop black screen',
  'windows update error 0x800f081f',
  'excel opens blank',
  'kb5034441',
  'azure vm cant rdp',
];

const { opt, sites } = commandLine();
const LOADS = Number(opt('loads', '10'));
const PW_LOADS = Number(opt('playwright-loads', String(Math.min(LOADS, 5))));
const ROUNDS = Number(opt('rounds', '2'));
const JSON_OUT = opt('json', '');
// With --cpuprofile DIR: V8 CPU profiles of the first load and of the
// keystroke pass per site (DIR/<site>-load.cpuprofile, …-keys.cpuprofile;
// open them in Chrome DevTools) and the functions with the most time. The
// profiler slows the page down: use these for where the time goes, not
// for the numbers. Wasm functions only have names in a build that keeps
// the name section (the release build strips it).
const PROFILE_DIR = opt('cpuprofile', '');
const SITES = sites();
if (!SITES.length || SITES.some((s) => !s.url)) {
  console.error('usage: browser-search.mjs [--loads N] [--playwright-loads N] [--rounds N] [--json FILE] [--cpuprofile DIR] NAME=URL...');
  process.exit(2);
}

// ---------------------------------------------------------------- in the page

function keystrokeProbe() {
  const input = document.getElementById('search-input');
  const status = document.querySelector('.result-count');
  const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
  const sleep = (t) => new Promise((r) => setTimeout(r, t));
  const type = (value) => {
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
  };
  // MutationObserver callbacks are microtasks: the last one after a
  // keystroke runs once Leptos has finished updating the DOM.
  let lastMutation = 0;
  new MutationObserver(() => { lastMutation = performance.now(); })
    .observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  return async (queries, pauseMs) => {
    const out = [];
    for (const q of queries) {
      type('');
      await nextTask();
      for (let n = 1; n <= q.length; n++) {
        await sleep(pauseMs);
        const value = q.slice(0, n);
        // At the start of a frame: the input handler and Leptos' microtasks
        // run, then this frame's style, layout and paint, then the next task.
        const t0 = await new Promise((r) => requestAnimationFrame(() => {
          const t = performance.now();
          lastMutation = t;
          type(value);
          r(t);
        }));
        await nextTask();
        const t2 = performance.now();
        const want = value.trim();
        out.push({ query: q, value, dom: lastMutation - t0, frame: t2 - t0,
          ok: !want || status.textContent.includes(`“${want}”`),
          results: document.querySelectorAll('#search-results li[role=option]').length });
      }
    }
    return out;
  };
}

// ------------------------------------------------------------ CPU profiles

const profiles = [];
function summariseProfile(name, profile) {
  mkdirSync(PROFILE_DIR, { recursive: true });
  writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  const label = (n) => n.callFrame.functionName || `(anonymous ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber})`;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let node = byId.get(profile.samples[i]);
    self.set(label(node), (self.get(label(node)) || 0) + dt);
    const seen = new Set();
    for (; node; node = byId.get(parent.get(node.id))) {
      const l = label(node);
      if (!seen.has(l)) { seen.add(l); total.set(l, (total.get(l) || 0) + dt); }
    }
  }
  profiles.push({ name, self: [...self].sort((a, b) => b[1] - a[1]).slice(0, 30),
    total: [...total].sort((a, b) => b[1] - a[1]).slice(0, 50) });
}

// ----------------------------------------- loads over a bare DevTools pipe

async function rawLoad(chrome, site, profileName) {
  const { send } = chrome;
  const { browserContextId } = await send('Target.createBrowserContext');
  try {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    const call = (method, params) => send(method, params, sessionId);
    await call('Page.enable');
    await call('Page.addScriptToEvaluateOnNewDocument', { source: `(${loadProbe})(${JSON.stringify(LOAD_QUERY)})` });
    if (profileName) {
      await call('Profiler.enable');
      await call('Profiler.setSamplingInterval', { interval: 200 });
      await call('Profiler.start');
    }
    await call('Page.navigate', { url: site.url });
    const value = async (expression) => (await call('Runtime.evaluate', { expression, returnByValue: true })).result.value;
    const deadline = Date.now() + 120_000;
    while (!(await value(`!!(window.__bench && (window.__bench.resultsAt !== undefined || window.__bench.error))`))) {
      if (Date.now() > deadline) throw new Error(`${site.url}: no results two minutes after navigation`);
      await sleep(200);
    }
    if (profileName) summariseProfile(profileName, (await call('Profiler.stop')).profile);
    const sample = await value(`(${collectLoad})()`);
    if (sample.error) throw new Error(`${site.url} did not load: ${sample.error}`);
    return sample;
  } finally {
    await send('Target.disposeBrowserContext', { browserContextId });
  }
}

async function playwrightLoad(browser, site) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript(loadProbe, LOAD_QUERY);
    await page.goto(site.url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench && (window.__bench.resultsAt !== undefined || window.__bench.error),
      null, { timeout: 120_000, polling: 200 });
    const sample = await page.evaluate(collectLoad);
    if (sample.error) throw new Error(`${site.url} did not load: ${sample.error}`);
    return sample;
  } finally {
    await context.close();
  }
}

// The longest task between the catalog's arrival and the first results
// (the search box itself is there before the catalog).
function finishLoad(s) {
  s.parseTask = s.longTasks
    .filter((t) => t.start + t.duration >= s.catalog.end - 1 && t.start <= s.resultsAt)
    .reduce((m, t) => Math.max(m, t.duration), 0);
  return s;
}

// ------------------------------------------------------------- keystrokes

async function openSearch(browser, site) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForSelector('#search-input', { timeout: 120_000 });
  await page.waitForTimeout(500);
  return { context, page };
}

// One pass over all queries in a fresh page. `urlSync: false` is a
// diagnostic, not the app as built: it turns history.replaceState, which the
// search box calls on every keystroke to keep ?q= in the address bar, into
// a no-op, to show what that costs.
async function typingPass(browser, site, { urlSync, profile }) {
  const { context, page } = await openSearch(browser, site);
  if (!urlSync) await page.evaluate(() => { history.replaceState = () => {}; });
  await page.evaluate(`window.__type = (${keystrokeProbe})()`);
  // Warm-up: the first searches compile code and fill caches.
  await page.evaluate(() => window.__type(['warm up'], 10));
  let cdp = null;
  if (profile) {
    cdp = await context.newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  const out = await page.evaluate((qs) => window.__type(qs, 30), QUERIES);
  if (cdp) summariseProfile(profile, (await cdp.send('Profiler.stop')).profile);
  await context.close();
  return out;
}

// Real key presses, timed by the Event Timing API. It reports events from
// 16 ms on only; "duration" runs to the next paint, in 8 ms steps.
async function realKeys(browser, site) {
  const { context, page } = await openSearch(browser, site);
  await page.evaluate(() => {
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__events.push({ name: e.name, start: e.startTime, duration: e.duration, processing: e.processingEnd - e.processingStart });
      }
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  const input = page.locator('#search-input');
  let keys = 0;
  const typing = []; // [from, to] in page time: leaves out the events of clearing the box
  for (const q of QUERIES) {
    await input.fill('');
    await page.waitForTimeout(50);
    const from = await page.evaluate(() => performance.now());
    await input.pressSequentially(q, { delay: 40 });
    typing.push([from, await page.evaluate(() => performance.now())]);
    keys += q.length;
  }
  await page.waitForTimeout(300);
  const events = (await page.evaluate(() => window.__events))
    .filter((e) => typing.some(([from, to]) => e.start >= from && e.start <= to));
  await context.close();
  return { keys, events };
}

// ------------------------------------------------------------------- run

const results = SITES.map((site) => ({ site, loads: [], playwrightLoads: [], keystrokes: null }));
const chrome = await rawChromium();
const { product } = await chrome.send('Browser.getVersion');
try {
  // Sites alternate, so slow spells of a shared machine hit both.
  for (let i = 0; i < LOADS; i++) {
    for (const r of results) {
      process.stderr.write(`\rload ${i + 1}/${LOADS} ${r.site.name}   `);
      r.loads.push(finishLoad(await rawLoad(chrome, r.site, PROFILE_DIR && i === 0 ? `${r.site.name}-load` : '')));
    }
  }
} finally {
  await chrome.close();
}
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
for (let i = 0; i < PW_LOADS; i++) {
  for (const r of results) {
    process.stderr.write(`\rload through Playwright ${i + 1}/${PW_LOADS} ${r.site.name}   `);
    r.playwrightLoads.push(finishLoad(await playwrightLoad(browser, r.site)));
  }
}
for (const r of results) r.keystrokes = { synthetic: [], noUrlSync: [], real: null };
// Rounds alternate sites and variants, so slow spells hit all of them.
for (let round = 0; round < ROUNDS; round++) {
  for (const r of results) {
    for (const urlSync of [true, false]) {
      process.stderr.write(`\rkeystrokes, round ${round + 1}/${ROUNDS}, ${r.site.name}${urlSync ? '' : ', URL sync off'}        `);
      const profile = PROFILE_DIR && round === 0 ? `${r.site.name}-keys${urlSync ? '' : '-no-url-sync'}` : '';
      r.keystrokes[urlSync ? 'synthetic' : 'noUrlSync'].push(...(await typingPass(browser, r.site, { urlSync, profile })));
    }
  }
}
for (const r of results) {
  process.stderr.write(`\rreal key presses, ${r.site.name}                        `);
  r.keystrokes.real = await realKeys(browser, r.site);
}
process.stderr.write('\n');
await browser.close();
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ browser: product, loadQuery: LOAD_QUERY, queries: QUERIES, results }, null, 1));

// ---------------------------------------------------------------- tables

const two = (xs) => `${ms(pct(xs, 0.5))} / ${ms(pct(xs, 0.95))}`;
console.log(`\n${product}, headless, ${CHROMIUM_ARGS.slice(1).join(' ')}.`);
console.log(`\n### Load to first search\n\n${LOADS} fresh loads per site (bare DevTools pipe, no Network domain); ` +
  `query “${LOAD_QUERY}” typed as soon as the search box exists. ms since navigation start, median / p95.\n`);
console.log('| site | wasm fetched | app started | catalog fetch | catalog arrived | search box | catalog → results | longest task | first search | **load → first search** |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const { site, loads } of results) {
  const col = (f) => two(loads.map(f));
  console.log(`| ${site.name} | ${col((s) => s.wasm?.end)} | ${col((s) => s.wasmStarted)} | ` +
    `${col((s) => s.catalog.end - s.catalog.start)} | ${col((s) => s.catalog.end)} | ${col((s) => s.inputAt)} | ` +
    `${col((s) => s.resultsAt - s.catalog.end)} | ${col((s) => s.parseTask)} | ${col((s) => s.resultsAt - s.typedAt)} | **${col((s) => s.resultsAt)}** |`);
}
console.log('\nwasm fetched: responseEnd of the .wasm. app started: `TrunkApplicationStarted` (wasm compiled and instantiated, ' +
  '`start()` returned). catalog fetch: `data/catalog.bin`, requested by the page before the app starts: responseEnd − ' +
  'startTime (Resource Timing). search box: the home ' +
  'page\'s box exists (drawn before the catalog is in; what is typed waits for it). catalog → results: reading the catalog ' +
  '(`Response.arrayBuffer()`, copy into wasm memory, `Catalog::from_bytes`), building the page and running the typed query. ' +
  'longest task: the longest main-thread task in that interval (Long Tasks API). first search: query typed → its results in the DOM.');

// Where the time after the download goes, from the app's marks (sites
// built before the marks existed show dashes).
console.log('\nThe app\'s side of it, from its User Timing marks (ms, median / p95):\n');
console.log('| site | wasm fetched → `main` | `main` → catalog bytes in wasm | reading the catalog | catalog read → results in the DOM |');
console.log('|---|---:|---:|---:|---:|');
for (const { site, loads } of results) {
  const col = (f) => two(loads.map(f));
  const m = (s, name) => s.marks?.[name];
  console.log(`| ${site.name} | ${col((s) => m(s, 'app-start') - s.wasm?.end)} | ` +
    `${col((s) => m(s, 'catalog-bytes') - m(s, 'app-start'))} | ${col((s) => m(s, 'catalog-read') - m(s, 'catalog-bytes'))} | ` +
    `${col((s) => s.resultsAt - m(s, 'catalog-read'))} |`);
}
console.log('\n`main`: `lantern:app-start`, the first line of the app (the wasm compiled and instantiated). Catalog bytes in wasm: ' +
  '`lantern:catalog-bytes`, the unpacked file copied into wasm memory. Reading: `Catalog::from_bytes` (to `lantern:catalog-read`). ' +
  'The rest is building the page (the typed query handed over) and its first search.');

console.log(`\nThe same through Playwright (${PW_LOADS} loads per site; Playwright enables DevTools' Network domain, ` +
  'and the renderer then keeps a copy of every response body):\n');
console.log('| site | catalog fetch | catalog → results | **load → first search** |');
console.log('|---|---:|---:|---:|');
for (const { site, playwrightLoads: loads } of results) {
  console.log(`| ${site.name} | ${two(loads.map((s) => s.catalog.end - s.catalog.start))} | ` +
    `${two(loads.map((s) => s.resultsAt - s.catalog.end))} | **${two(loads.map((s) => s.resultsAt))}** |`);
}

console.log(`\n### Per keystroke\n\nEvery prefix of ${QUERIES.length} queries, typed in the page one character per frame ` +
  `(${ROUNDS} round${ROUNDS > 1 ? 's' : ''}, each in a fresh page); ms.\n`);
console.log('| site | keystrokes | search + DOM update p50 | p95 | max | whole frame (+ style, layout, paint) p50 | p95 | max | frames > 16 ms | stale |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
const keyRow = (name, k) => {
  const dom = k.map((x) => x.dom);
  const fr = k.map((x) => x.frame);
  console.log(`| ${name} | ${k.length} | ${ms(pct(dom, 0.5))} | **${ms(pct(dom, 0.95))}** | ${ms(Math.max(...dom))} | ` +
    `${ms(pct(fr, 0.5))} | **${ms(pct(fr, 0.95))}** | ${ms(Math.max(...fr))} | ${fr.filter((x) => x > 16).length} | ${k.filter((x) => !x.ok).length} |`);
};
for (const { site, keystrokes } of results) keyRow(site.name, keystrokes.synthetic);
for (const { site, keystrokes } of results) keyRow(`${site.name}, diagnostic: \`history.replaceState\` a no-op`, keystrokes.noUrlSync);
console.log('\nstale: keystrokes after which the status line did not yet name the new query (should be 0). ' +
  'The diagnostic rows are not the app as built: the page\'s `history.replaceState` (called by the search box on every ' +
  'keystroke to keep `?q=` in the address bar) is replaced by a no-op, to show what that call costs.');
console.log('\nSlowest keystrokes (search + DOM update, ms):\n');
for (const { site, keystrokes } of results) {
  const worst = [...keystrokes.synthetic].sort((a, b) => b.dom - a.dom).slice(0, 6);
  console.log(`- ${site.name}: ` + worst.map((x) => `“${x.value}” ${ms(x.dom)}`).join(', '));
}
console.log('\nPer query, search + DOM update p50 / max over its keystrokes (ms):\n');
console.log(`| query | ${results.map((r) => r.site.name).join(' | ')} |`);
console.log(`|---|${results.map(() => '---:').join('|')}|`);
for (const q of QUERIES) {
  const cells = results.map(({ keystrokes }) => {
    const d = keystrokes.synthetic.filter((x) => x.query === q).map((x) => x.dom);
    return `${ms(pct(d, 0.5))} / ${ms(Math.max(...d))}`;
  });
  console.log(`| ${q} | ${cells.join(' | ')} |`);
}
console.log('\nReal key presses (Playwright `pressSequentially`, 40 ms apart), Event Timing API: only `input` events of 16 ms ' +
  'or more are reported; processing = handler + microtasks, duration = key event → next paint (8 ms steps):\n');
console.log('| site | keys | input events reported | processing p50 | p95 | max | duration p50 | max |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const { site, keystrokes } of results) {
  const { keys, events } = keystrokes.real;
  const inputs = events.filter((e) => e.name === 'input');
  const proc = inputs.map((e) => e.processing);
  const dur = inputs.map((e) => e.duration);
  console.log(`| ${site.name} | ${keys} | ${inputs.length} | ${ms(pct(proc, 0.5))} | ${ms(pct(proc, 0.95))} | ` +
    `${ms(Math.max(...proc))} | ${ms(pct(dur, 0.5))} | ${ms(Math.max(...dur))} |`);
}
for (const p of profiles) {
  const row = ([f, t]) => `${ms(t).padStart(6)}  ${f.length > 120 ? f.slice(0, 120) + '…' : f}`;
  console.log(`\n### CPU profile ${p.name} (ms)\n\n\`\`\`\nself:\n${p.self.map(row).join('\n')}\n\ntotal:\n${p.total.map(row).join('\n')}\n\`\`\``);
}
if (results.some((r) => [...r.keystrokes.synthetic, ...r.keystrokes.noUrlSync].some((x) => !x.ok))) {
  console.error('warning: some keystrokes had not updated the status line by the next task');
}
