/** End-to-end tests: the built app served by the real server (embedded database, demo data), driven in Debian's Chromium. */
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { E2E_DIR as workDir, E2E_PORT as port, E2E_PSC_ISSUER, E2E_SAS_API_KEY, E2E_STATIC_DIR as staticDir } from './e2e/env';
import { PSC_TEST_CLIENT } from './server/testing/psc-test-client';

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    },
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  webServer: [
    {
      // Pro Santé Connect's stand-in: a local OpenID provider the tests tell who signs in next.
      command: 'npx tsx e2e/psc-provider.ts',
      url: `${E2E_PSC_ISSUER}/.well-known/openid-configuration`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // A fresh data directory and a copy of the build at every run.
      command: `rm -rf ${workDir} && mkdir -p ${workDir} && cp -r dist ${staticDir} && node --enable-source-maps dist-server/main.js`,
      // Requests nobody took expire 3 minutes after their deadline (12 hours by default), so a test sees one.
      env: {
        PORT: String(port),
        DATA_DIR: path.join(workDir, 'data'),
        STATIC_DIR: staticDir,
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        EXPIRY_GRACE_MINUTES: '3',
        SAS_API_KEY: E2E_SAS_API_KEY,
        PSC_ISSUER: E2E_PSC_ISSUER,
        PSC_CLIENT_ID: PSC_TEST_CLIENT.id,
        PSC_CLIENT_SECRET: PSC_TEST_CLIENT.secret,
        PSC_REDIRECT_URL: `http://localhost:${port}/api/auth/psc/callback`,
      },
      url: `http://localhost:${port}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],

});
