// What the offline worker (issue 18) costs a visitor, in headless Chromium
// over a bare DevTools pipe (pipe.mjs). Run it through
// scripts/bench-offline.sh, which builds and serves the two sites; by hand:
//
//     node tests/e2e/bench/offline-costs.mjs [--loads 8] [--library 2] worker=URL none=URL
//
// `worker` is a site published as usual, `none` the same articles with
// `[offline] enabled = false` (its pages load no offline.js: no worker).
// Each sample is a fresh browser context; the two sites alternate, and
// which goes first alternates too, so slow spells of a shared machine hit
// both. In each context:
// 1. first visit: load → first search (the load query typed as soon as
//    the search box exists), and on the worker site the time from
//    navigation start until `navigator.serviceWorker.ready` (the core
//    installed and the worker active); on the first --library samples, also
//    until the footer says every article is saved (the background library
//    fetch);
// 2. a second and a third load in the same context: load → first search
//    with a warm worker, or with the warm HTTP cache of a site without
//    one. The second load with a worker is the first to take the wasm from
//    the worker's cache, which has no compiled code cached yet (the HTTP
//    cache's copy got it on the first visit).
import { writeFileSync } from 'node:fs';
import { LOAD_QUERY, collectLoad, commandLine, loadProbe, ms, pct, rawChromium, sleep } from './pipe.mjs';

const { opt, sites } = commandLine();
const LOADS = Number(opt('loads', '8'));
const LIBRARY = Number(opt('library', '2'));
const JSON_OUT = opt('json', '');
const SITES = Object.fromEntries(sites().map((s) => [s.name, s.url]));
if (!SITES.worker || !SITES.none) {
  console.error('usage: offline-costs.mjs [--loads N] [--library N] [--json FILE] worker=URL none=URL');
  process.exit(2);
}

async function until(value, expression, what, timeout = 120_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const v = await value(expression);
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`no ${what} after ${timeout / 1000} s`);
    await sleep(100);
  }
}

// One context: the first visit, then a second load.
async function visit(chrome, url, { worker, library }) {
  const { send } = chrome;
  const { browserContextId } = await send('Target.createBrowserContext');
  try {
    const { targetId } = await send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    const call = (method, params) => send(method, params, sessionId);
    const value = async (expression) => (await call('Runtime.evaluate', { expression, returnByValue: true })).result.value;
    await call('Page.enable');
    await call('Page.addScriptToEvaluateOnNewDocument', { source: `(${loadProbe})(${JSON.stringify(LOAD_QUERY)})` });
    const load = async () => {
      await call('Page.navigate', { url });
      await until(value, 'window.__bench && (window.__bench.resultsAt !== undefined || window.__bench.error)', 'results');
      const s = await value(`(${collectLoad})()`);
      if (s.error) throw new Error(`${url} did not load: ${s.error}`);
      return s;
    };
    const first = await load();
    const out = { first };
    if (worker) {
      out.installed = await until(value, 'window.__bench.workerReady', 'active worker');
      if (library) {
        await until(value, `/All \\d+ articles are available offline/.test(document.getElementById('lantern-offline')?.textContent || '') && performance.now()`,
          'saved library', 300_000);
        out.library = await value('performance.now()');
      } else {
        // The warm load below starts once the worker controls the page.
        await until(value, '!!navigator.serviceWorker.controller', 'controller');
      }
    } else {
      await sleep(500);
    }
    out.warm = await load();
    await sleep(500);
    out.third = await load();
    if (worker && !library) {
      // 4. a load while the worker saves the library by itself (it starts
      //    a moment after a page is idle, and pauses while one loads).
      await until(value, `/Saving articles/.test(document.getElementById('lantern-offline')?.textContent || '')`,
        'library saving', 60_000);
      out.saving = await load();
    } else if (!worker) {
      await sleep(3500);
      out.saving = await load();
    }
    // 5. a later load: the worker stopped, as it is when a reader comes
    //    back after more than half a minute (the loads above follow the
    //    install at once, while the worker still runs its install's and the
    //    first page's work beside them).
    if (worker) {
      await call('ServiceWorker.enable');
      await call('ServiceWorker.stopAllWorkers');
    }
    await sleep(500);
    out.later = await load();
    out.warmControlled = await value('!!(navigator.serviceWorker && navigator.serviceWorker.controller)');
    return out;
  } finally {
    await send('Target.disposeBrowserContext', { browserContextId });
  }
}

const samples = { worker: [], none: [] };
const chrome = await rawChromium();
const { product } = await chrome.send('Browser.getVersion');
try {
  for (let i = 0; i < LOADS; i++) {
    const order = i % 2 ? ['none', 'worker'] : ['worker', 'none'];
    for (const name of order) {
      process.stderr.write(`\rsample ${i + 1}/${LOADS} ${name}   `);
      samples[name].push(await visit(chrome, SITES[name], { worker: name === 'worker', library: i < LIBRARY }));
    }
  }
} finally {
  await chrome.close();
}
process.stderr.write('\n');
if (JSON_OUT) writeFileSync(JSON_OUT, JSON.stringify({ browser: product, samples }, null, 1));

const two = (xs) => `${ms(pct(xs, 0.5))} / ${ms(pct(xs, 0.95))}`;
const med = (xs) => pct(xs, 0.5);
const ratio = (a, b) => (med(a) / med(b)).toFixed(2);
const col = (name, f) => samples[name].map(f);
const loadToSearch = (s) => s.resultsAt;
const firstSearch = (s) => s.resultsAt - s.typedAt;
console.log(`\n${product}, headless; ${LOADS} fresh contexts per site, alternating. ms since navigation start, median / p95.\n`);
console.log('| | worker | no worker | ratio of medians |');
console.log('|---|---:|---:|---:|');
const row = (label, f, g = f) => {
  // NaN: a sample without that load (no load while saving on a library one).
  const w = col('worker', f).filter(Number.isFinite);
  const n = col('none', g).filter(Number.isFinite);
  console.log(`| ${label} | ${two(w)} | ${two(n)} | ${ratio(w, n)} |`);
};
row('first visit: load → first search', (s) => loadToSearch(s.first));
row('first visit: first search (typed → results)', (s) => firstSearch(s.first));
row('second load: load → first search', (s) => loadToSearch(s.warm));
row('third load: load → first search', (s) => loadToSearch(s.third));
row('a load while the library is being saved (no worker: a fourth load)', (s) => (s.saving ? loadToSearch(s.saving) : NaN));
row('a later load, the worker stopped (no worker: a fifth load)', (s) => loadToSearch(s.later));
row('second load: wasm fetched → app started', (s) => s.warm.marks['app-start'] - s.warm.wasm.end);
row('third load: wasm fetched → app started', (s) => s.third.marks['app-start'] - s.third.wasm.end);
console.log(`| first visit: worker active (core installed) | ${two(col('worker', (s) => s.installed))} | | |`);
const lib = samples.worker.filter((s) => s.library);
if (lib.length) console.log(`| first visit: every article saved (${lib.length} samples) | ${two(lib.map((s) => s.library))} | | |`);
const controlled = samples.worker.filter((s) => s.warmControlled).length;
console.log(`\nLater loads controlled by the worker: ${controlled} of ${samples.worker.length} (the site without one: HTTP cache only).`);
