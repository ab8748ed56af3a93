import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";

/**
 * The sync's API routes through the real auth stack: who may read the
 * status, start a pass, pause and set the budget, and what bad input gets.
 */
let sandbox: TestSandbox;
const ORIGIN = "http://localhost:3000";
const sessions: Record<"admin" | "staff" | "viewer", string> = { admin: "", staff: "", viewer: "" };

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: { customers: 20, jobs: 30, seed: 4 }, monthlyQuota: 1_000_000 });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.APP_URL = ORIGIN;
  process.env.ADMIN_EMAIL = "sync-admin@example.com";
  process.env.ADMIN_PASSWORD = "sync-admin-password";
  process.env.MIRROR_SYNC = "off";
  process.env.LOG_LEVEL = "silent";
  const { ensureFirstAdmin } = await import("@/lib/auth/first-admin.server");
  const { signIn } = await import("@/lib/auth/sign-in.server");
  const { getCurrentUser } = await import("@/lib/auth/current-user.server");
  const { createUser } = await import("@/lib/users/manage-users.server");
  const { changeOwnPassword } = await import("@/lib/account/change-password.server");
  await ensureFirstAdmin();
  const login = async (email: string, password: string) => {
    const result = await signIn({ email, password, ip: "203.0.113.9", requestId: "t", headers: new Headers({ "user-agent": "vitest" }) });
    if (!result.ok) throw new Error(result.message);
    return result.setCookies[0]!.split(";")[0]!;
  };
  sessions.admin = await login("sync-admin@example.com", "sync-admin-password");
  const actor = (await getCurrentUser(new Headers({ cookie: sessions.admin })))!;
  for (const role of ["staff", "viewer"] as const) {
    await createUser(
      { name: `Sync ${role}`, email: `sync-${role}@example.com`, role, password: `sync-${role}-password` },
      { actor, requestId: "t", headers: new Headers({ cookie: sessions.admin }) },
    );
    // The password an admin sets is temporary: each person replaces it, as at their first sign-in.
    const temporary = await login(`sync-${role}@example.com`, `sync-${role}-password`);
    const person = (await getCurrentUser(new Headers({ cookie: temporary })))!;
    const own = `sync-${role}-own-password`;
    await changeOwnPassword(
      { current_password: `sync-${role}-password`, new_password: own, confirm_password: own },
      { user: person, requestId: "t", headers: new Headers({ cookie: temporary }) },
    );
    sessions[role] = await login(`sync-${role}@example.com`, own);
  }
  // Three accounts' password hashing and a sandbox: generous on a busy machine.
}, 120_000);

afterAll(async () => {
  await sandbox.close();
});

function request(method: string, path: string, who: keyof typeof sessions, body?: string) {
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers: { cookie: sessions[who], origin: ORIGIN, "content-type": "application/json" },
    body,
  });
}
const context = { params: Promise.resolve({}) };

describe("the sync routes", () => {
  it("staff read the status and start Sync now; viewers may not", async () => {
    const status = await import("@/app/api/sync/route");
    const run = await import("@/app/api/sync/run/route");
    const { syncRunner } = await import("@/lib/mirror/sync-runner.server");
    expect((await status.GET(request("GET", "/api/sync", "viewer"), context)).status).toBe(403);
    expect((await run.POST(request("POST", "/api/sync/run", "viewer"), context)).status).toBe(403);

    const started = await run.POST(request("POST", "/api/sync/run", "staff"), context);
    expect(started.status).toBe(202);
    const body = (await started.json()) as { data: { pass: { pagesDone: number } | null; plan: { fullPassRequests: number } } };
    expect(body.data.pass).not.toBeNull();
    await syncRunner().settled();

    const after = (await (await status.GET(request("GET", "/api/sync", "staff"), context)).json()) as {
      data: { pass: unknown; counts: { customers: number }; lastPassCompletedAt: string | null; spentThisMonth: number };
    };
    expect(after.data.pass).toBeNull();
    expect(after.data.lastPassCompletedAt).not.toBeNull();
    expect(after.data.counts.customers).toBeGreaterThan(0);
    expect(after.data.spentThisMonth).toBeGreaterThan(0);
  });

  it("only admins set the budget and pause; bad input is a 400 on the field", async () => {
    const settings = await import("@/app/api/sync/settings/route");
    const run = await import("@/app/api/sync/run/route");
    expect((await settings.PUT(request("PUT", "/api/sync/settings", "staff", JSON.stringify({ paused: true })), context)).status).toBe(403);

    const tooBig = await settings.PUT(request("PUT", "/api/sync/settings", "admin", JSON.stringify({ budget_percent: 150 })), context);
    expect(tooBig.status).toBe(400);
    expect(await tooBig.json()).toMatchObject({
      success: false,
      code: "validation",
      fields: { budget_percent: expect.stringContaining("100%") },
      request_id: expect.any(String),
    });
    const empty = await settings.PUT(request("PUT", "/api/sync/settings", "admin", "{}"), context);
    expect(empty.status).toBe(400);
    const unknown = await settings.PUT(request("PUT", "/api/sync/settings", "admin", JSON.stringify({ budget_percent: 10, speed: "max" })), context);
    expect(unknown.status).toBe(400);
    const notJson = await settings.PUT(request("PUT", "/api/sync/settings", "admin", "{"), context);
    expect(notJson.status).toBe(400);

    const saved = await settings.PUT(request("PUT", "/api/sync/settings", "admin", JSON.stringify({ budget_percent: 35, paused: true })), context);
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ data: { paused: true, plan: { budgetShare: 0.35, budgetRequests: 17_500 }, nextRunAt: null } });

    const refused = await run.POST(request("POST", "/api/sync/run", "staff"), context);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "conflict", error: expect.stringContaining("paused") });

    const resumed = await settings.PUT(request("PUT", "/api/sync/settings", "admin", JSON.stringify({ paused: false })), context);
    expect(await resumed.json()).toMatchObject({ data: { paused: false } });

    // Each accepted change is in the audit log with what it was before; refused ones and no-ops are not.
    const { auditFiltersSchema, queryAuditLog } = await import("@/lib/audit/audit-query.server");
    const { rows } = await queryAuditLog(auditFiltersSchema.parse({ resource: "setting", resource_id: "data_sync" }));
    expect(rows.map((row) => ({ actor: row.actorEmail, changes: row.changes }))).toEqual([
      { actor: "sync-admin@example.com", changes: { sync_paused: { from: true, to: false } } },
      { actor: "sync-admin@example.com", changes: { sync_budget_percent: { from: 20, to: 35 }, sync_paused: { from: false, to: true } } },
    ]);
  });
});
