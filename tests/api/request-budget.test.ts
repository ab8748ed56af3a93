import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";

/**
 * The per-person budget of CRM requests, through the real route handlers,
 * sessions and a real sandbox CRM: one person over it gets 429 rate_limited
 * with Retry-After while another carries on, reads served from the cache
 * cost nothing, and routes that never reach the CRM are never refused.
 */
const APP_URL = "http://localhost:3999";
const BUDGET = 4;
const OWN_PASSWORD = "a-longer-own-password-2";
let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: { customers: 10, jobs: 0, seed: 3 } });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.APP_URL = APP_URL;
  process.env.ADMIN_EMAIL = "budget-admin@example.com";
  process.env.ADMIN_PASSWORD = "budget-admin-password";
  process.env.CRM_CACHE_TTL_SECONDS = "60";
  process.env.CRM_USER_REQUESTS_PER_MINUTE = String(BUDGET);
  process.env.LOG_LEVEL = "silent";
});

afterAll(async () => {
  await sandbox.close();
});

const noParams = { params: Promise.resolve({}) };

async function signInAs(email: string, password: string): Promise<string> {
  const { signIn } = await import("@/lib/auth/sign-in.server");
  const result = await signIn({ email, password, ip: "203.0.113.9", requestId: "test", headers: new Headers({ "user-agent": "vitest" }) });
  if (!result.ok) throw new Error(result.message);
  return result.setCookies[0]!.split(";")[0]!;
}

async function createAccount(adminCookie: string, email: string, role: "staff" | "viewer") {
  const { POST } = await import("@/app/api/admin/users/route");
  const response = await POST(
    new Request(`${APP_URL}/api/admin/users`, {
      method: "POST",
      headers: { cookie: adminCookie, origin: APP_URL, "content-type": "application/json" },
      body: JSON.stringify({ name: email.split("@")[0], email, role, password: "a-long-password-1" }),
    }),
    noParams,
  );
  if (response.status !== 201 && response.status !== 200) throw new Error(`creating ${email}: ${response.status} ${await response.text()}`);
  // The password an admin sets is temporary: the person replaces it at first sign-in, as they would.
  const { POST: changePassword } = await import("@/app/api/me/password/route");
  const cookie = await signInAs(email, "a-long-password-1");
  const changed = await changePassword(
    new Request(`${APP_URL}/api/me/password`, {
      method: "POST",
      headers: { cookie, origin: APP_URL, "content-type": "application/json" },
      body: JSON.stringify({ current_password: "a-long-password-1", new_password: OWN_PASSWORD, confirm_password: OWN_PASSWORD }),
    }),
    noParams,
  );
  if (changed.status !== 200) throw new Error(`changing ${email}'s password: ${changed.status} ${await changed.text()}`);
}

async function listCustomers(cookie: string, search: string): Promise<Response> {
  const { GET } = await import("@/app/api/customers/route");
  return GET(new Request(`${APP_URL}/api/customers?search=${encodeURIComponent(search)}`, { headers: { cookie } }), noParams);
}

it("refuses one person over the budget with 429 and Retry-After, leaves others alone, and never charges cache hits", async () => {
  const { ensureFirstAdmin } = await import("@/lib/auth/first-admin.server");
  const { usageReport } = await import("@/lib/crm/usage-meter.server");
  await ensureFirstAdmin();
  const admin = await signInAs("budget-admin@example.com", "budget-admin-password");
  await createAccount(admin, "viewer-one@example.com", "viewer");
  await createAccount(admin, "viewer-two@example.com", "viewer");
  const one = await signInAs("viewer-one@example.com", OWN_PASSWORD);
  const two = await signInAs("viewer-two@example.com", OWN_PASSWORD);

  // Cache hits are free: the same search ten times is one CRM request.
  const usedBefore = (await usageReport()).used;
  for (let i = 0; i < 10; i += 1) expect((await listCustomers(one, "cached-search")).status).toBe(200);
  expect((await usageReport()).used - usedBefore).toBe(1);

  // Three more new searches use up the budget of four...
  for (const search of ["a1", "a2", "a3"]) expect((await listCustomers(one, search)).status).toBe(200);
  // ...so the fifth new search is refused before anything reaches the CRM.
  const usedAtLimit = (await usageReport()).used;
  const refused = await listCustomers(one, "a4");
  expect(refused.status).toBe(429);
  const retryAfter = Number(refused.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  const body = (await refused.json()) as { success: boolean; code: string; error: string; request_id: string };
  expect(body).toMatchObject({ success: false, code: "rate_limited" });
  expect(body.error).toMatch(/Try again in \d+ seconds?\./);
  expect(body.request_id).toBe(refused.headers.get("x-request-id"));
  expect((await usageReport()).used).toBe(usedAtLimit);

  // What is cached still comes back for them, at no cost.
  expect((await listCustomers(one, "cached-search")).status).toBe(200);

  // The other person is unaffected.
  expect((await listCustomers(two, "b1")).status).toBe(200);

  // Routes that never reach the CRM are never refused.
  const { GET: me } = await import("@/app/api/me/route");
  expect((await me(new Request(`${APP_URL}/api/me`, { headers: { cookie: one } }), noParams)).status).toBe(200);
  const { POST: signOut } = await import("@/app/api/auth/sign-out/route");
  const signedOut = await signOut(new Request(`${APP_URL}/api/auth/sign-out`, { method: "POST", headers: { cookie: one, origin: APP_URL } }), noParams);
  expect(signedOut.status).toBeLessThan(400);
});

it("admins get their own, larger budget", async () => {
  const { requestsPerMinuteFor } = await import("@/lib/crm/request-budget.server");
  expect(requestsPerMinuteFor("viewer")).toBe(BUDGET);
  expect(requestsPerMinuteFor("staff")).toBe(BUDGET);
  expect(requestsPerMinuteFor("admin")).toBe(240);
});
