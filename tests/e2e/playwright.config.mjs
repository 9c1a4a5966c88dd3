// End-to-end tests of the release build (dist/, made by `trunk build
// --release`), served by plain static servers with no rewrite rules.
import { defineConfig } from '@playwright/test';

export const PORT = 8311;        // python3 -m http.server: no SPA fallback, no 404 page
export const PAGES_PORT = 8312;  // a GitHub-Pages-like host: serves 404.html for unknown paths
export const SUBPATH_PORT = 8313; // python3 -m http.server with the site published under /help/
export const TICKET_PORT = 8314;  // the site built with fixtures/ticket-site.toml (webhook primary)
export const RECEIVER_PORT = 8399; // where that config sends tickets; started by ticket.spec.mjs
export const XSS_PORT = 8315;     // a site made of the XSS corpus (tests/xss), 404.html on a miss
export const XSS_RECEIVER_PORT = 8398; // where that site sends tickets; started by security.spec.mjs
export const EVENTS_PORT = 8317;  // the ticket site with [events] and edit_url (fixtures/events-site.toml)
export const EVENTS_RECEIVER_PORT = 8397; // where it sends tickets and events; started by events.spec.mjs
export const BIG_TICKET_PORT = 8316; // the ticket site with max_attachment_kib = 2048 (the documented maximum)

export default defineConfig({
  testDir: './specs',
  outputDir: '../../target/playwright-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Sites `lantern build` publishes register the offline worker; only
    // specs/offline.spec.mjs lets it run (page.route does not see what a
    // worker answers).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
             '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: `python3 -m http.server ${PORT} --bind 127.0.0.1 --directory ../../dist`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
    },
    {
      command: `node static-server.mjs ../../dist ${PAGES_PORT}`,
      url: `http://127.0.0.1:${PAGES_PORT}/`,
      reuseExistingServer: false,
    },
    {
      // The same app, published by `lantern build` under a sub-path.
      command: `cd ../.. && rm -rf target/subpath-root && cargo run -q -p lantern-cli -- build --app dist --out target/subpath-root/help ` +
        `--base-url http://127.0.0.1:${SUBPATH_PORT}/help/ && python3 -m http.server ${SUBPATH_PORT} --bind 127.0.0.1 --directory target/subpath-root`,
      url: `http://127.0.0.1:${SUBPATH_PORT}/help/`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      // The same app and articles, sending tickets to a webhook on 127.0.0.1.
      command: `cd ../.. && cargo run -q -p lantern-cli -- build --app dist --out target/ticket-site ` +
        `--config tests/e2e/fixtures/ticket-site.toml && python3 -m http.server ${TICKET_PORT} --bind 127.0.0.1 --directory target/ticket-site`,
      url: `http://127.0.0.1:${TICKET_PORT}/`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      // Articles and settings made of the XSS corpus, built with the app.
      command: `cd ../.. && rm -rf target/xss-site && node tests/xss/make-site.mjs target/xss-src ${XSS_RECEIVER_PORT} && ` +
        `cargo run -q -p lantern-cli -- build --app dist --articles target/xss-src/articles --config target/xss-src/lantern.toml ` +
        `--out target/xss-site --keep-going 2> target/xss-build.log && node tests/e2e/static-server.mjs target/xss-site ${XSS_PORT}`,
      url: `http://127.0.0.1:${XSS_PORT}/`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      // The ticket site collecting events, with "Suggest an edit".
      command: `cd ../.. && cargo run -q -p lantern-cli -- build --app dist --out target/events-site ` +
        `--config tests/e2e/fixtures/events-site.toml && python3 -m http.server ${EVENTS_PORT} --bind 127.0.0.1 --directory target/events-site`,
      url: `http://127.0.0.1:${EVENTS_PORT}/`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      // The ticket site allowing 2 MB attachments: two can fill browser storage.
      command: `cd ../.. && sed 's/^max_attachment_kib = .*/max_attachment_kib = 2048/' tests/e2e/fixtures/ticket-site.toml > target/ticket-big.toml && ` +
        `cargo run -q -p lantern-cli -- build --app dist --out target/ticket-big-site --config target/ticket-big.toml && ` +
        `python3 -m http.server ${BIG_TICKET_PORT} --bind 127.0.0.1 --directory target/ticket-big-site`,
      url: `http://127.0.0.1:${BIG_TICKET_PORT}/`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
