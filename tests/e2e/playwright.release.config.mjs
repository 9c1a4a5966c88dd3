// The release binary's journey (scripts/test.sh, stage `release`): a site
// that a `lantern` with the app inside built from nothing but what
// `lantern init` wrote, served by `python3 -m http.server`. The stage
// builds it and passes its folder and a free port:
//   LANTERN_RELEASE_SITE=/tmp/…/site LANTERN_RELEASE_PORT=8320 npx playwright test -c playwright.release.config.mjs
import { defineConfig } from '@playwright/test';
import base from './playwright.config.mjs';

const site = process.env.LANTERN_RELEASE_SITE;
const port = Number(process.env.LANTERN_RELEASE_PORT || 8315);
if (!site) throw new Error('LANTERN_RELEASE_SITE: the folder `lantern build` wrote (scripts/test.sh release sets it)');

export default defineConfig({
  ...base,
  testDir: './release',
  outputDir: '../../target/playwright-release-results',
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: [
    {
      command: `python3 -m http.server ${port} --bind 127.0.0.1 --directory '${site.replaceAll("'", "'\\''")}'`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
    },
  ],
});
