// Lantern's offline worker, written by `lantern build` (crates/cli/src/offline/):
// the help center opens, searches and shows saved articles with no network.
//
// One build is one unit: its pages, app and index are installed together
// into caches named by the build's revision, or not at all, and a page this
// worker controls is only ever answered from its own build, so an open tab
// never runs one build's code over another's index. A newer build installs
// beside it and waits until the reader agrees to reload (offline.js).
// Article bodies are checked against the build's hash of each: a body the
// server has from a newer build is never shown by this one.
"use strict";
const BUILD = /*LANTERN_BUILD*/ null;
const SCOPE = new URL(self.registration.scope);
const CORE = `lantern-core-${BUILD.revision}`;
const BODIES = `lantern-bodies-${BUILD.revision}`;
const OURS = /^lantern-(core|bodies)-/;
// The page the build wrote for any article address, its asset addresses
// made absolute here (a worker knows its scope; a build may not).
const SCOPE_TOKEN = /\/__lantern_scope__\//g;

const at = (relative) => new URL(relative, SCOPE).href;
const BODY = /^data\/articles\/(.+)\.html$/;

// Each article's slug and body hash, from this build's core (the worker
// may be stopped and started again between any two events).
let bodyList = null;
async function bodies() {
  if (!bodyList) {
    const kept = await caches.match(at(BUILD.bodiesFile), { cacheName: CORE });
    bodyList = await (kept || (await fetch(at(BUILD.bodiesFile), { cache: "no-cache" }))).json();
  }
  return bodyList;
}
// The hash this build has for a body's address, if it is one of its bodies.
async function hashOf(relative) {
  const slug = BODY.exec(relative);
  return slug ? (await bodies())[slug[1]] : undefined;
}
const bodyAddress = (slug) => `data/articles/${slug}.html`;
const relativeOf = (url) => (url.href.startsWith(SCOPE.href) ? url.href.slice(SCOPE.href.length) : null);

async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", buffer));
  return Array.from(digest.slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

// A file of this build from the network, checked against its hash. The
// browser's HTTP cache is asked first: on a first visit the page has just
// downloaded the app and the index, and downloading them again competed
// with its first search (docs/benchmarks.md); a stale copy fails the hash
// and is fetched again past the cache. Still another build's: the server
// has a newer one, and this install fails (all or nothing). What is kept
// is never "redirected" (a host that sends /offline.html to /offline would
// make it unusable for a navigation).
async function fetchChecked(relative, wanted) {
  for (const cache of ["default", "no-cache"]) {
    const response = await fetch(at(relative), { cache, credentials: "same-origin" });
    if (!response.ok) throw new Error(`${relative}: HTTP ${response.status}`);
    const bytes = await response.arrayBuffer();
    if ((await sha256(bytes)) !== wanted) continue;
    const headers = new Headers(response.headers);
    headers.set("X-Lantern-Hash", wanted);
    return new Response(bytes, { status: response.status, headers });
  }
  self.registration.update().catch(() => {});
  throw Object.assign(new Error(`${relative}: newer build`), { newer: true });
}

// The same file with the same hash in an earlier build's core: copied, not
// downloaded again (an update where one article changed downloads the
// index and the home page, not the app).
async function carried(relative, wanted) {
  for (const name of await caches.keys()) {
    if (!name.startsWith("lantern-core-") || name === CORE) continue;
    const kept = await caches.match(at(relative), { cacheName: name });
    if (kept && kept.headers.get("X-Lantern-Hash") === wanted) return kept;
  }
  return null;
}

// The core, all or nothing: every file is there before any is stored.
async function installCore() {
  const files = Object.entries(BUILD.core);
  const responses = await Promise.all(
    files.map(async ([relative, hash]) => (await carried(relative, hash)) || fetchChecked(relative, hash)),
  );
  const cache = await caches.open(CORE);
  await Promise.all(files.map(([relative], i) => cache.put(at(relative), responses[i])));
}

// Bodies an earlier build saved and this one did not change are copied,
// not downloaded again; a saved body that changed is downloaded (the reader
// had it offline and still should).
async function carryBodies() {
  const cache = await caches.open(BODIES);
  const changed = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith("lantern-bodies-") || name === BODIES) continue;
    const old = await caches.open(name);
    for (const request of await old.keys()) {
      const relative = relativeOf(new URL(request.url));
      const wanted = relative && (await hashOf(relative));
      if (!wanted) continue;
      const response = await old.match(request);
      if (response && response.headers.get("X-Lantern-Hash") === wanted) {
        await cache.put(request, response);
      } else {
        changed.push(relative);
      }
    }
  }
  await Promise.all(changed.map((relative) => saveBody(relative).catch(() => {})));
}

// One body from the network, kept only when it is this build's.
async function saveBody(relative) {
  const wanted = await hashOf(relative);
  const response = await fetch(at(relative), { cache: "no-cache", credentials: "same-origin" });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  if ((await sha256(bytes)) !== wanted) {
    self.registration.update().catch(() => {});
    throw Object.assign(new Error("newer build"), { newer: true });
  }
  const kept = new Response(bytes, {
    headers: { "Content-Type": "text/html; charset=utf-8", "X-Lantern-Hash": wanted },
  });
  await (await caches.open(BODIES)).put(at(relative), kept.clone());
  return kept;
}

// The app's files, the index and the home page straight from this build's
// core, without starting (or queueing behind) this script: with the
// worker busy saving the library, a second load took 2.7 times as long as
// from the HTTP cache (docs/benchmarks.md, "Offline worker"). Browsers
// without static routes (and any miss) use the fetch handler below.
function addRoutes(event) {
  if (!event.addRoutes || typeof URLPattern !== "function") return;
  const literal = (text) => text.replace(/[\\:*?+(){}]/g, "\\$&");
  const pathname = (relative) => literal(new URL(at(relative)).pathname);
  const files = Object.keys(BUILD.core).filter((relative) => relative && !relative.endsWith("/"));
  const routes = files.map((relative) => ({
    // With a query (`?v=` on the ticket bundle) the cache has no such key:
    // those go to the fetch handler, which looks them up without it.
    condition: { urlPattern: new URLPattern({ pathname: pathname(relative), search: "" }), requestMethod: "GET" },
    source: { cacheName: CORE },
  }));
  routes.push({
    condition: { urlPattern: new URLPattern({ pathname: pathname(""), search: "" }), requestMode: "navigate" },
    source: { cacheName: CORE },
  });
  try {
    event.addRoutes(routes).catch(() => {});
  } catch {
    // An older browser's rules: the fetch handler answers everything.
  }
}

self.addEventListener("install", (event) => {
  addRoutes(event);
  event.waitUntil(
    installCore()
      .then(carryBodies)
      .catch(async (error) => {
        await caches.delete(CORE);
        await caches.delete(BODIES);
        throw error;
      }),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (OURS.test(name) && name !== CORE && name !== BODIES) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// offline.js says "pause" on this channel as a page starts loading: only a
// running worker hears it, and only a running worker has saving to pause.
if (typeof BroadcastChannel === "function") {
  new BroadcastChannel(`lantern-offline:${SCOPE.pathname}`).onmessage = (event) => {
    if ((event.data || {}).type === "pause") pause();
  };
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "reload") self.skipWaiting();
  // Pages of builds before the channel said it to the controller.
  if (message.type === "pause") pause();
  if (message.type === "save-all") {
    // Asked by the reader: now. By itself: once the reader has stayed on
    // the page a moment (the next pages loaded at once would share the
    // cores and the cache's disk with it: docs/benchmarks.md).
    pausedUntil = message.auto ? Math.max(pausedUntil, Date.now() + AUTO_DELAY) : 0;
    if (message.auto && BUILD.bodyBytes > BUILD.libraryLimit) return event.waitUntil(status(event.source));
    saving = saving || saveAll().finally(() => (saving = null));
    event.waitUntil(saving);
  }
  if (message.type === "status") event.waitUntil(status(event.source));
});

async function savedBodies() {
  const cache = await caches.open(BODIES);
  const kept = (await cache.keys()).map((r) => relativeOf(new URL(r.url)));
  return new Set(kept.filter((relative) => BODY.test(relative)));
}

async function status(client) {
  const saved = await savedBodies();
  const total = Object.keys(await bodies()).length;
  client.postMessage({ type: "status", saved: saved.size, total, bytes: BUILD.bodyBytes, limit: BUILD.libraryLimit });
}

// Saving the library pauses while a page loads (offline.js says "pause"
// as it starts and asks to save again 3 s after load, once the page is
// idle, or 5 s pass): on a machine with two cores, a second page loaded while the first
// visit's saving ran took twice as long (docs/benchmarks.md).
let pausedUntil = 0;
function pause() {
  pausedUntil = Date.now() + 5000;
}
const AUTO_DELAY = 3000;
let saving = null;
const tell = async (message) => {
  for (const client of await self.clients.matchAll({ type: "window" })) client.postMessage(message);
};

// Every body not saved yet, two at a time, telling the pages how far it got.
async function saveAll() {
  const saved = await savedBodies();
  const all = Object.keys(await bodies()).map(bodyAddress);
  const missing = all.filter((relative) => !saved.has(relative));
  const total = all.length;
  let done = total - missing.length;
  let failed = 0;
  const next = async () => {
    for (let relative = missing.pop(); relative; relative = missing.pop()) {
      while (Date.now() < pausedUntil) await new Promise((resolve) => setTimeout(resolve, 100));
      try {
        await saveBody(relative);
        done += 1;
      } catch (error) {
        failed += 1;
        if (error.newer) return;
      }
      if (done % 25 === 0) await tell({ type: "progress", done, total });
    }
  };
  // Two at a time: four kept both cores busy.
  await Promise.all([next(), next()]);
  await tell({ type: "progress", done, total, failed, finished: true });
}

const unavailable = (status, header) =>
  new Response("", { status, headers: { [header]: "1", "Content-Type": "text/plain" } });

const base64Sha256 = async (text) =>
  btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)))));

// The scope put in place of the build's token. An inline script that holds
// the token changes with it, so its hash in the page's Content-Security-
// Policy is replaced by the new one (the policy allows inline scripts by
// hash only).
async function articlePage() {
  const page = await caches.match(at("offline.html"), { cacheName: CORE });
  let html = await page.text();
  const inline = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
  for (const [, script] of html.matchAll(inline)) {
    const moved = script.replace(SCOPE_TOKEN, SCOPE.pathname);
    if (moved === script) continue;
    html = html.replaceAll(`'sha256-${await base64Sha256(script)}'`, `'sha256-${await base64Sha256(moved)}'`);
  }
  html = html.replace(SCOPE_TOKEN, SCOPE.pathname);
  return new Response(html, { headers: { "Content-Type": "text/html; charset=utf-8" } });
}

// Navigations: the app's own pages always come from this build.
async function navigate(request, relative) {
  const path = relative.split(/[?#]/)[0];
  if (path === "" || path === "index.html") return caches.match(at(""), { cacheName: CORE });
  if (/^ticket(\/(index\.html)?)?$/.test(path)) return caches.match(at("ticket/"), { cacheName: CORE });
  if (/^privacy(\/(index\.html)?)?$/.test(path)) return caches.match(at("privacy/"), { cacheName: CORE });
  if (path.startsWith("a/")) return articlePage();
  try {
    return await fetch(request);
  } catch {
    return articlePage();
  }
}

async function body(request, relative) {
  if (!(await hashOf(relative))) return fetch(request);
  const kept = await caches.match(at(relative), { cacheName: BODIES });
  if (kept) return kept;
  try {
    return await saveBody(relative);
  } catch (error) {
    return error.newer ? unavailable(409, "X-Lantern-Updated") : unavailable(503, "X-Lantern-Offline");
  }
}

// Media (article images): from the network when there is one, kept for
// when there is not.
async function media(request) {
  try {
    const response = await fetch(request);
    if (response.ok) (await caches.open(BODIES)).put(request, response.clone()).catch(() => {});
    return response;
  } catch (error) {
    const kept = await caches.match(request, { cacheName: BODIES });
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const relative = relativeOf(url);
  if (relative === null || relative === "sw.js") return;
  if (request.mode === "navigate") return event.respondWith(navigate(request, relative));
  const path = relative.split(/[?#]/)[0];
  if (BODY.test(path)) return event.respondWith(body(request, path));
  if (path.startsWith("media/")) return event.respondWith(media(request));
  if (Object.hasOwn(BUILD.core, path)) {
    event.respondWith(caches.match(at(path), { cacheName: CORE }).then((r) => r || fetch(request)));
  }
});
