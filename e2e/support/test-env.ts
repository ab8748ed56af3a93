/**
 * Where the end-to-end servers run. Playwright's webServer starts a fresh,
 * in-memory sandbox and a production build of the dashboard pointed at it.
 */
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 4110);
export const E2E_APP_PORT = Number(process.env.E2E_APP_PORT ?? 3100);
export const E2E_API_KEY = "ctc_sandbox_e2e_key";
export const E2E_CRM_BASE_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}/api/v1`;
export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;

/** Everything the dashboard under test prints goes here too, so tests can read its log. */
export const E2E_APP_LOG = `.data/e2e-app-${E2E_APP_PORT}.log`;

/** Where the build under test lives (see next.config.mjs). */
export const E2E_DIST_DIR = process.env.NEXT_DIST_DIR || ".next";
