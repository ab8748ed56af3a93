import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "./scripts/lib/chromium";
import { ACCOUNTS } from "./e2e/support/accounts";
import { E2E_API_KEY, E2E_APP_LOG, E2E_APP_PORT, E2E_APP_URL, E2E_CRM_BASE_URL, E2E_SANDBOX_PORT } from "./e2e/support/test-env";

const browser = findChromium();

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  outputDir: `.data/test-results/${E2E_APP_PORT}`,
  use: {
    baseURL: E2E_APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: { executablePath: browser?.executablePath, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: [
    {
      command: "node_modules/.bin/tsx sandbox/src/main.ts",
      port: E2E_SANDBOX_PORT,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      env: {
        SANDBOX_PORT: String(E2E_SANDBOX_PORT),
        SANDBOX_DATA_DIR: "memory",
        SANDBOX_API_KEYS: E2E_API_KEY,
        SANDBOX_SEED_CUSTOMERS: "120",
        SANDBOX_SEED_JOBS: "360",
        // npm test runs the create and edit journeys a second time against a sandbox that follows the CRM's docs to the letter.
        SANDBOX_STRICT_DOCS: process.env.SANDBOX_STRICT_DOCS === "1" ? "1" : "0",
      },
    },
    {
      // A production build (npm test builds first): the tests see what users get.
      // tee keeps the server's log for the test that checks no line holds the CRM key.
      command: `node_modules/.bin/next start -p ${E2E_APP_PORT} 2>&1 | tee ${E2E_APP_LOG}`,
      port: E2E_APP_PORT,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      env: {
        CRM_BASE_URL: E2E_CRM_BASE_URL,
        CRM_API_KEY: E2E_API_KEY,
        APP_URL: E2E_APP_URL,
        // The tests play clients behind one proxy, each with its own X-Forwarded-For address.
        TRUST_PROXY: "1",
        APP_DATA_DIR: "memory",
        // npm test runs the suites that touch the app database a second time on a real Postgres.
        ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
        // The suites act as three people at machine speed; the per-person budget is tested on its own
        // (tests/api/request-budget.test.ts), so it is set out of their way here.
        CRM_USER_REQUESTS_PER_MINUTE: "1000000",
        CRM_ADMIN_REQUESTS_PER_MINUTE: "1000000",
        ADMIN_EMAIL: ACCOUNTS.admin.email,
        ADMIN_PASSWORD: ACCOUNTS.admin.password,
        NEXT_TELEMETRY_DISABLED: "1",
        // Specs count CRM requests; the mirror's background sync stays off (Sync now still works).
        MIRROR_SYNC: "off",
      },
    },
  ],
});
