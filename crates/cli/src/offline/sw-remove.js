// Lantern's offline support is off for this site (`[offline] enabled =
// false` in lantern.toml): this worker replaces the one a visit installed
// before, deletes its caches and unregisters, so the next load comes from
// the network. (Deleting sw.js would not do it: a running worker stays.)
"use strict";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (/^lantern-(core|bodies)-/.test(name)) await caches.delete(name);
      }
      await self.registration.unregister();
    })(),
  );
});
