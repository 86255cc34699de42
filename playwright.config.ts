import fs from 'node:fs';
import { defineConfig } from '@playwright/test';

// Browser tests run the real built renderer (out/renderer) in system Chromium against the
// Node host, which answers the IPC contract with the same dispatch as the Electron main
// process. Never `npx playwright install`: its download cannot work offline. The browser is
// CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own (on a laptop).
function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p) && fs.existsSync(p!));
}

const executablePath = chromiumPath();

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.e2e.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  // The S1/S2 walkthroughs save hundreds of fields on a 2-core machine: give each expectation
  // room for a busy moment rather than fail on load.
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.test-reports/playwright.json' }]],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    viewport: { width: 1440, height: 960 },
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      // The machine has no network: stop Chromium's own background traffic.
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-gpu'],
    },
  },
  projects: [
    { name: 'chromium', testDir: 'tests/e2e' },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
