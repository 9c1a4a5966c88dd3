// Lantern's offline support is off for this site (`[offline] enabled =
// false` in lantern.toml): this worker replaces the one a visit installed
// before, deletes its caches and unregisters, so the next load comes from
// the network. (Deleting sw.js would not do it: a running worker stays.)
"use strict";
async function remove() {
  for (const name of await caches.keys()) {
    if (/^lantern-(core|bodies)-/.test(name)) await caches.delete(name);
  }
  await self.registration.unregister();
}
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(remove()));
// An old page that registers sw.js again after this worker unregistered
// (offline.js registers a few seconds after load; the browser's own update
// check may have come first) takes the registration back before it is
// gone, and no second activate follows; that page then asks this worker
// for its status, and hears nothing but this.
self.addEventListener("message", (event) => event.waitUntil(remove()));
