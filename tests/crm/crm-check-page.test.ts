import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "@/sandbox/src/testing/test-sandbox";
import { callRoute, configureInMemoryApp, signedInUser, signInAsFirstAdmin, type SignedIn } from "@/tests/support/app-accounts";

/**
 * The CRM compatibility page's route (POST/GET /api/admin/crm-check) against a
 * real sandbox: admins only, one run at a time, the result kept in the app
 * database with the CRM's base URL and never its key, its requests counted on
 * the month's meter; and `npm run crm:check` keeps its result too.
 */
let sandbox: TestSandbox;
let admin: SignedIn;
let staff: SignedIn;
let viewer: SignedIn;
let apiKey: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: { customers: 6, jobs: 10, seed: 5 }, monthlyQuota: 1_000_000 });
  apiKey = sandbox.apiKeys[0] ?? "";
  configureInMemoryApp({ CRM_BASE_URL: sandbox.apiUrl, CRM_API_KEY: apiKey, CRM_CACHE_TTL_SECONDS: "0", MIRROR_SYNC: "off" });
  [staff, viewer] = [await signedInUser("staff"), await signedInUser("viewer")];
  admin = await signInAsFirstAdmin();
});

afterAll(async () => {
  await sandbox.close();
});

const route = () => import("@/app/api/admin/crm-check/route");
const usage = async () => (await callRoute((await import("@/app/api/usage/route")).GET, "/api/usage", { as: admin })).body.data as { used: number };

describe("the CRM check route", () => {
  it("refuses staff and viewers, to run or to read, and runs nothing for them", async () => {
    const { GET, POST } = await route();
    for (const person of [staff, viewer]) {
      const run = await callRoute(POST, "/api/admin/crm-check", { method: "POST", as: person });
      expect(run.status).toBe(403);
      expect(run.body).toMatchObject({ success: false, code: "forbidden" });
      expect((await callRoute(GET, "/api/admin/crm-check", { as: person })).status).toBe(403);
    }
    expect((await callRoute(POST, "/api/admin/crm-check", { method: "POST" })).status).toBe(401);
    const state = await callRoute(GET, "/api/admin/crm-check", { as: admin });
    expect(state.body.data).toMatchObject({ last: null, running: false, readRequests: 11 });
  });

  it("runs the read-only check for an admin and keeps the result: when, which CRM (not the key), who, the table", async () => {
    const { GET, POST } = await route();
    const before = await usage();
    const run = await callRoute(POST, "/api/admin/crm-check", { method: "POST", as: admin });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    const result = run.body.data as {
      baseUrl: string;
      ranBy: string;
      write: boolean;
      requestsSpent: number;
      results: Array<{ assumption: string; outcome: string }>;
    };
    expect(result).toMatchObject({ baseUrl: sandbox.apiUrl, ranBy: admin.email, write: false });
    expect(result.results).toHaveLength(10);
    expect(result.results.every((probe) => probe.outcome === "as assumed")).toBe(true);
    expect(result.requestsSpent).toBeGreaterThan(0);
    expect(result.requestsSpent).toBeLessThanOrEqual(11);
    // Its requests came out of the plan: the month's meter counts them.
    expect((await usage()).used - before.used).toBe(result.requestsSpent);

    const state = await callRoute(GET, "/api/admin/crm-check", { as: admin });
    expect(state.body.data).toMatchObject({ last: result, running: false });
    const { appDatabase } = await import("@/lib/db/app-database.server");
    const row = await (await appDatabase()).db.selectFrom("app_settings").select("value").where("key", "=", "crm_check_last").executeTakeFirstOrThrow();
    expect(row.value).not.toContain(apiKey);
  });

  it("runs one check at a time: a second press while one runs is a 409 and spends nothing", async () => {
    const { POST } = await route();
    const before = await usage();
    const [first, second] = await Promise.all([
      callRoute(POST, "/api/admin/crm-check", { method: "POST", as: admin }),
      callRoute(POST, "/api/admin/crm-check", { method: "POST", as: admin }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([200, 409]);
    const refused = first.status === 409 ? first : second;
    expect(refused.body).toMatchObject({ success: false, code: "conflict", error: expect.stringContaining("already running") });
    const done = (first.status === 200 ? first : second).body.data as { requestsSpent: number };
    expect((await usage()).used - before.used).toBe(done.requestsSpent);
  });

  it("shows a base URL without credentials or query", async () => {
    const { shownBaseUrl } = await import("@/lib/crm/compat/crm-check-store.server");
    expect(shownBaseUrl("https://office:s3cret@crm.example.com/api/v1/?key=ctc_live_x")).toBe("https://crm.example.com/api/v1");
  });
});

describe("npm run crm:check", () => {
  it("keeps its result in the app database when it checks the configured CRM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "crm-check-"));
    try {
      // No DATABASE_URL: the embedded database in its own directory, as a default install has.
      const { DATABASE_URL: _shared, ...inherited } = process.env;
      const env = {
        ...inherited,
        CRM_BASE_URL: sandbox.apiUrl,
        CRM_API_KEY: apiKey,
        APP_DATA_DIR: dataDir,
        APP_URL: "http://127.0.0.1:9",
        LOG_LEVEL: "silent",
      };
      const output = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
        const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/crm-check.ts"], { env });
        let stdout = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout }));
      });
      expect(output.stdout).toContain("It will spend at most 11 requests");
      expect(output.stdout).toContain("Kept as the last check on the CRM compatibility page");
      expect(output.code).toBe(0);

      const { PGlite } = await import("@electric-sql/pglite");
      const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
      const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
      const { rows } = await db.query<{ value: string }>("select value from app_settings where key = 'crm_check_last'");
      await db.close();
      const kept = JSON.parse(rows[0]?.value ?? "{}") as { baseUrl: string; ranBy: string; results: unknown[] };
      expect(kept).toMatchObject({ baseUrl: sandbox.apiUrl, ranBy: "npm run crm:check" });
      expect(kept.results).toHaveLength(10);
      expect(rows[0]?.value).not.toContain(apiKey);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
