// What the browser benchmarks share (browser-search.mjs, offline-costs.mjs):
// Chromium driven over a bare DevTools pipe (no Network domain, whose copies
// of every response body cost the renderer time users do not pay), the
// probe that types the load query as soon as the search box exists, and
// what it collects.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const LOAD_QUERY = 'outlook password';
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const sleep = (t) => new Promise((r) => setTimeout(r, t));
export const pct = (xs, p) => {
  xs = xs.filter(Number.isFinite);
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.round((s.length - 1) * p)];
};
export const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x.toFixed(1)) : '–');

/** The command line: `opt(name, default)` takes `--name VALUE` out of it; `sites()` is what is left, NAME=URL each. */
export function commandLine(argv = process.argv.slice(2)) {
  const args = [...argv];
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    if (i < 0) return dflt;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const sites = () => args.map((a) => {
    const [name, ...rest] = a.split('=');
    return { name, url: rest.join('=') };
  });
  return { opt, sites };
}

// Installed before any of the page's scripts.
export function loadProbe(query) {
  const b = (window.__bench = { longTasks: [] });
  addEventListener('TrunkApplicationStarted', () => { b.wasmStarted = performance.now(); });
  // When a service worker is active (offline-costs.mjs: the first install).
  if ('serviceWorker' in navigator) navigator.serviceWorker.ready.then(() => { b.workerReady = performance.now(); });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const nextTask = (f) => { const c = new MessageChannel(); c.port1.onmessage = f; c.port2.postMessage(0); };
  const done = () => {
    const list = document.querySelector('#search-results');
    const status = document.querySelector('.result-count');
    return list && status && status.textContent.includes(`“${query}”`)
      && list.querySelector('li[role=option]');
  };
  const observer = new MutationObserver(() => {
    if (document.querySelector('.load-error')) {
      b.error = document.querySelector('.load-error').textContent.trim();
      observer.disconnect();
    } else if (b.inputAt === undefined) {
      if (!document.getElementById('search-input')) return;
      b.inputAt = performance.now();
      // A user types in a later task than the one that showed the box,
      // into the box there is then: the early box may have been replaced
      // by the real one (which takes the focus) in between.
      nextTask(() => {
        b.typedAt = performance.now();
        const input = document.getElementById('search-input');
        input.value = query;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: query }));
      });
    } else if (b.resultsAt === undefined && done()) {
      b.resultsAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
}

export function collectLoad() {
  const b = window.__bench;
  const res = performance.getEntriesByType('resource');
  const find = (re) => {
    const e = res.find((r) => re.test(r.name));
    return e && { start: e.startTime, responseStart: e.responseStart, end: e.responseEnd, bytes: e.encodedBodySize };
  };
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    ...b,
    html: nav && nav.responseEnd,
    wasm: find(/_bg\.wasm$/),
    // data/catalog.json before catalog format 4.
    catalog: find(/data\/catalog\.(bin|json)$/),
    // The app's own User Timing marks (`lantern:app-start`, ...).
    marks: Object.fromEntries(performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('lantern:'))
      .map((m) => [m.name.slice('lantern:'.length), m.startTime])),
  };
}

// Chromium with --remote-debugging-pipe: JSON messages separated by NUL
// bytes, written to fd 3, read from fd 4.
export async function rawChromium() {
  const profileDir = mkdtempSync(join(tmpdir(), 'lantern-bench-'));
  const proc = spawn(CHROMIUM, [...CHROMIUM_ARGS, '--remote-debugging-pipe', `--user-data-dir=${profileDir}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  let id = 0;
  let buffer = '';
  const pending = new Map();
  proc.stdio[4].on('data', (chunk) => {
    buffer += chunk.toString();
    for (let end; (end = buffer.indexOf('\0')) >= 0;) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      const reply = pending.get(message.id);
      if (reply) { pending.delete(message.id); reply(message); }
    }
  });
  const exited = new Promise((r) => proc.on('exit', r));
  const send = (method, params = {}, sessionId) => new Promise((resolve, reject) => {
    const message = { id: ++id, method, params, ...(sessionId ? { sessionId } : {}) };
    pending.set(message.id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
    proc.stdio[3].write(JSON.stringify(message) + '\0');
  });
  await send('Browser.getVersion');
  return {
    send,
    close: async () => {
      await Promise.race([send('Browser.close').catch(() => {}), sleep(5000)]);
      await Promise.race([exited, sleep(5000)]);
      proc.kill();
      try {
        rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch {}
    },
  };
}
