/**
 * `npm test`: every check the project has, in one run, ending with the single
 * line `N passed, N failed` over all of them. Typecheck, lint and the build
 * count as one check each; unit/integration and end-to-end tests count per test.
 * Every stage runs even when an earlier one fails, so one run shows everything
 * (only the end-to-end tests need the build to have succeeded).
 */
import { mkdirSync, readFileSync, existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { binPath, run } from "./lib/processes";
import { ensureChromium } from "./lib/ensure-chromium";
import { ensurePostgres, type TestPostgres } from "./lib/ensure-postgres";
import { E2E_API_KEY, E2E_CRM_BASE_URL } from "../e2e/support/test-env";

// The machines have no outside network; Next.js telemetry would only time out.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const root = fileURLToPath(new URL("..", import.meta.url));
const reportDir = join(root, ".data", "test-reports");

interface StageResult {
  name: string;
  passed: number;
  failed: number;
  skipped: number;
}

const results: StageResult[] = [];

function heading(title: string) {
  console.log(`\n━━ ${title} ${"━".repeat(Math.max(0, 60 - title.length))}`);
}

async function check(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  heading(name);
  const code = await run(command, args, { cwd: root, env });
  results.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
  return code === 0;
}

async function vitest(options: { label: string; report: string; args?: string[]; env?: NodeJS.ProcessEnv } = { label: "vitest", report: "vitest.json" }) {
  heading(options.label === "vitest" ? "Unit and integration tests (vitest)" : `Integration tests on Postgres (${options.label})`);
  const output = join(reportDir, options.report);
  rmSync(output, { force: true });
  const code = await run(binPath("vitest"), ["run", ...(options.args ?? []), "--reporter=default", "--reporter=json", `--outputFile.json=${output}`], {
    cwd: root,
    env: options.env ?? process.env,
  });
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(output);
  if (!report) {
    results.push({ name: options.label, passed: 0, failed: 1, skipped: 0 });
    return;
  }
  // A crash outside any test (a failing import, a hook) fails the run without failing a test: count it.
  const failed = report.numFailedTests + (code !== 0 && report.numFailedTests === 0 ? 1 : 0);
  results.push({ name: options.label, passed: report.numPassedTests, failed, skipped: report.numPendingTests + report.numTodoTests });
}

async function playwright(
  executablePath: string | undefined,
  options: { label: string; report: string; specs?: string[]; env?: NodeJS.ProcessEnv } = { label: "playwright", report: "playwright.json" },
) {
  heading(options.label === "playwright" ? "End-to-end tests (Playwright, Chromium)" : `End-to-end tests (${options.label})`);
  const output = join(reportDir, options.report);
  rmSync(output, { force: true });
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PLAYWRIGHT_JSON_OUTPUT_NAME: output };
  if (executablePath) env.PLAYWRIGHT_CHROMIUM_EXECUTABLE = executablePath;
  const code = await run(binPath("playwright"), ["test", "--reporter=list,json", ...(options.specs ?? [])], { cwd: root, env });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(output);
  if (!report) {
    results.push({ name: options.label, passed: 0, failed: 1, skipped: 0 });
    return;
  }
  const { expected, unexpected, flaky, skipped } = report.stats;
  const failed = unexpected + flaky + (code !== 0 && unexpected === 0 && flaky === 0 ? 1 : 0);
  results.push({ name: options.label, passed: expected, failed, skipped });
}

/**
 * The suites that touch the app database run a second time on a real Postgres:
 * the integration tests in tests/ (a database per file), and the end-to-end
 * specs of sign-in, accounts, the API, the trash and concurrent edits (a fresh
 * database for the run).
 */
const POSTGRES_E2E_SPECS = [
  "e2e/auth",
  "e2e/admin",
  "e2e/api",
  "e2e/trash",
  "e2e/security/api-boundary.spec.ts",
  "e2e/security/secret-key.spec.ts",
  "e2e/reliability/concurrent-edits.spec.ts",
  "e2e/scale",
];

/**
 * The customer and job create and edit journeys run a second time against a
 * sandbox that follows the CRM's docs to the letter (SANDBOX_STRICT_DOCS=1:
 * create ignores the address fields, lists leave out timestamps), so what was
 * typed is proven to reach a CRM that behaves that way too.
 */
const STRICT_DOCS_E2E_SPECS = [
  "e2e/customers/create-customer.spec.ts",
  "e2e/customers/edit-conflict.spec.ts",
  "e2e/customers/strict-docs-list.spec.ts",
  "e2e/jobs/job-form.spec.ts",
];

async function startPostgres(): Promise<TestPostgres | null> {
  heading("Postgres");
  try {
    const postgres = await ensurePostgres();
    console.log(`Using Postgres: ${postgres.source}`);
    return postgres;
  } catch (error) {
    console.log(`No Postgres for the tests: ${error instanceof Error ? error.message : String(error)}`);
    results.push({ name: "Postgres (not available)", passed: 0, failed: 1, skipped: 0 });
    return null;
  }
}

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`drop database if exists ${name} with (force)`);
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function readJson<T>(path: string): T | null {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return null;
  }
}

async function main() {
  mkdirSync(reportDir, { recursive: true });
  const started = Date.now();

  // CI installs with `npm ci`: a lock file it refuses would fail there first.
  await check("lock file installs with npm ci", "npm", ["ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund"]);
  await check("typecheck", binPath("tsc"), ["--noEmit", "-p", "tsconfig.json"]);
  await check("lint", binPath("eslint"), ["--max-warnings=0", "."]);
  await check("format (Prettier)", binPath("prettier"), ["--check", "--log-level=warn", "."]);
  await vitest();
  const postgres = await startPostgres();
  if (postgres) {
    await vitest({ label: "vitest on Postgres", report: "vitest-postgres.json", args: ["tests"], env: { ...process.env, TEST_POSTGRES_URL: postgres.url } });
  }

  heading("Browser");
  const browser = await ensureChromium();
  // Built with the end-to-end CRM key in the environment: the test that scans
  // the browser bundle for it then proves the key cannot leak into a build.
  const built = await check("build", binPath("next"), ["build"], { ...process.env, CRM_API_KEY: E2E_API_KEY, CRM_BASE_URL: E2E_CRM_BASE_URL });
  if (built) {
    await playwright(browser.executablePath);
    await playwright(browser.executablePath, {
      label: "playwright, strict-docs sandbox",
      report: "playwright-strict-docs.json",
      specs: STRICT_DOCS_E2E_SPECS,
      env: { ...process.env, SANDBOX_STRICT_DOCS: "1" },
    });
    if (postgres) {
      const url = await freshDatabase(postgres.url, "tradesdesk_e2e");
      await playwright(browser.executablePath, {
        label: "playwright on Postgres",
        report: "playwright-postgres.json",
        specs: POSTGRES_E2E_SPECS,
        env: { ...process.env, E2E_DATABASE_URL: url },
      });
    }
  } else {
    console.log("Skipping the end-to-end tests: the build failed.");
    results.push({ name: "playwright (not run: build failed)", passed: 0, failed: 1, skipped: 0 });
  }

  postgres?.stop();

  heading("Summary");
  for (const result of results) {
    const skipped = result.skipped ? `, ${result.skipped} skipped` : "";
    console.log(`  ${result.failed ? "✗" : "✓"} ${result.name}: ${result.passed} passed, ${result.failed} failed${skipped}`);
  }
  const passed = results.reduce((sum, result) => sum + result.passed, 0);
  const failed = results.reduce((sum, result) => sum + result.failed, 0);
  const skipped = results.reduce((sum, result) => sum + result.skipped, 0);
  console.log(`  (${Math.round((Date.now() - started) / 1000)} s)`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  console.error(error);
  console.log("0 passed, 1 failed");
  process.exit(1);
});
