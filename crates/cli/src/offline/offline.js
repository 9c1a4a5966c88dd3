// Lantern's offline support in the page, written by `lantern build`
// (crates/cli/src/offline/): registers the worker (sw.js), says when the
// page is offline, offers a newer build with "Reload" (never switching by
// itself: the reader may be mid-way through steps), and saves every
// article for use with no network, by itself when the library is small or
// when the reader asks. Text only ever goes in through textContent.
"use strict";
(() => {
  if (!("serviceWorker" in navigator)) return;
  const root = new URL(".", document.currentScript.src);
  const CHANNEL = `lantern-offline:${root.pathname}`;
  const container = navigator.serviceWorker;
  let registration = null;
  const START_DELAY = 3000;

  const bar = document.createElement("div");
  bar.className = "offline-bar";
  const notice = document.createElement("p");
  notice.setAttribute("role", "status");
  bar.append(notice);
  // The bar floats over the page's foot: the page gets room below its end
  // as tall as the bar, so the last lines ("Related articles", the footer)
  // can always be scrolled above it, and focus scrolls clear of it.
  const room = () => {
    const height = bar.classList.contains("shown") ? bar.offsetHeight + 24 : 0;
    document.documentElement.style.setProperty("--offline-bar-room", `${height}px`);
  };
  if (typeof ResizeObserver === "function") new ResizeObserver(room).observe(bar);
  const mount = () => document.body.append(bar);
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);

  function say(text, action) {
    notice.replaceChildren(text);
    if (action) notice.append(" ", action);
    bar.classList.toggle("shown", Boolean(text));
  }

  const button = (label, onClick) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  };

  let updateWaiting = false;
  function showUpdate() {
    updateWaiting = true;
    say(
      "This help center has been updated.",
      button("Reload", () => {
        // Already taken over in another tab: only this page is left to reload.
        if (registration && registration.waiting) registration.waiting.postMessage({ type: "reload" });
        else window.location.reload();
      }),
    );
  }

  function showConnection() {
    if (updateWaiting) return;
    say(navigator.onLine ? "" : "You are offline: search and saved articles still work.");
  }
  window.addEventListener("online", () => {
    showConnection();
    if (registration) registration.update().catch(() => {});
  });
  window.addEventListener("offline", () => {
    showConnection();
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
  });

  // The footer's "Make all articles available offline", with its progress.
  const slot = () => document.getElementById("lantern-offline");
  let state = null;
  function drawSlot() {
    const place = slot();
    if (!place || !state) return;
    const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
    if (state.progress && !state.progress.finished) {
      place.replaceChildren(`Saving articles for offline use: ${state.progress.done} of ${state.progress.total}…`);
    } else if (state.saved >= state.total) {
      place.replaceChildren(`All ${state.total} articles are available offline (${mb(state.bytes)}).`);
    } else {
      place.replaceChildren(
        `${state.saved} of ${state.total} articles available offline. `,
        button(`Make all articles available offline (${mb(state.bytes)})`, () => {
          if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(() => {});
          container.controller && container.controller.postMessage({ type: "save-all" });
        }),
      );
    }
  }
  // The footer is the app's: drawn once it is there.
  const waitForSlot = new MutationObserver(() => {
    if (!slot()) return;
    waitForSlot.disconnect();
    drawSlot();
  });
  waitForSlot.observe(document.documentElement, { childList: true, subtree: true });

  container.addEventListener("message", (event) => {
    const message = event.data || {};
    if (message.type === "status") state = { ...message };
    if (message.type === "progress" && state) {
      state.progress = message;
      if (message.finished) {
        state.saved = message.done;
        container.controller && container.controller.postMessage({ type: "status" });
      }
    }
    drawSlot();
  });

  let reloading = false;
  container.addEventListener("controllerchange", () => {
    // The first install takes over a page that had no worker: nothing to
    // reload. A newer build takes over only after "Reload".
    if (!updateWaiting || reloading) return;
    reloading = true;
    window.location.reload();
  });

  // The worker pauses saving the library while this page loads (start()
  // asks it to go on once the page is idle). Said on a channel, not to
  // the controller: a message to the controller starts a stopped worker,
  // and a worker starting beside a loading page slowed the warm load
  // (docs/benchmarks.md, "Eighth session"); a saving worker is
  // running and hears the channel.
  if (typeof BroadcastChannel === "function") new BroadcastChannel(CHANNEL).postMessage({ type: "pause" });

  async function start() {
    registration = await container.register(new URL("sw.js", root), { scope: root.pathname });
    const watch = (worker) =>
      worker.addEventListener("statechange", () => {
        if (worker.state === "installed" && container.controller) showUpdate();
      });
    if (registration.waiting && container.controller) showUpdate();
    if (registration.installing) watch(registration.installing);
    registration.addEventListener("updatefound", () => watch(registration.installing));
    await container.ready;
    const saveData = navigator.connection && navigator.connection.saveData;
    const ask = () => {
      const worker = container.controller;
      if (!worker) return;
      worker.postMessage({ type: "status" });
      if (!saveData) worker.postMessage({ type: "save-all", auto: true });
    };
    if (container.controller) ask();
    else container.addEventListener("controllerchange", ask, { once: true });
    setInterval(() => registration.update().catch(() => {}), 30 * 60 * 1000);
  }
  showConnection();
  // Registered a moment after the page has loaded, once it is idle:
  // installing downloads and stores the core, and on a first visit that
  // competed with the first search; registering, asking for the status and
  // the library start the worker, which shares the cores with the page.
  // Registering at once on idle made the next load 1.39 times as long as
  // without a worker, against 1.14 when the page waited (docs/benchmarks.md,
  // "Eighth session").
  const begin = () => {
    const go = () => start().catch((error) => console.warn("Lantern offline support is off:", error));
    const idle = () => (window.requestIdleCallback ? window.requestIdleCallback(go, { timeout: 5000 }) : go());
    setTimeout(idle, START_DELAY);
  };
  if (document.readyState === "complete") begin();
  else window.addEventListener("load", begin, { once: true });
})();
