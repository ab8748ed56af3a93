import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { ACCOUNTS } from "../support/accounts";
import { crmGet, crmPost } from "../support/crm";
import { startDashboard, waitUntilUp, type DashboardProcess } from "../support/dashboard-process";
import { E2E_APP_PORT } from "../support/test-env";

/**
 * Two dashboard instances on one Postgres, as behind a load balancer: each is
 * its own `next start` process on the database the suite's server uses. What
 * one instance does, the other sees: sessions (each instance remembers a
 * checked one for a few seconds, ADR-024), roles, saves of the same record,
 * the cached reads a write makes stale, the usage meter, the sign-in
 * throttle and the trash. Runs in the Postgres pass of npm test
 * (E2E_DATABASE_URL); PGlite allows one process only.
 */
const databaseUrl = process.env.E2E_DATABASE_URL;
test.skip(!databaseUrl, "two instances need a shared Postgres (E2E_DATABASE_URL)");
test.describe.configure({ mode: "serial" });

let instances: DashboardProcess[] = [];
const apis: APIRequestContext[] = [];

async function api(instance: DashboardProcess, cookie?: string): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: instance.origin, extraHTTPHeaders: { Origin: instance.origin, ...(cookie ? { Cookie: cookie } : {}) } });
  apis.push(context);
  return context;
}

async function signIn(instance: DashboardProcess, account: { email: string; password: string } = ACCOUNTS.admin): Promise<string> {
  const context = await api(instance);
  const response = await context.post("/api/auth/sign-in", { data: { email: account.email, password: account.password } });
  expect(response.status()).toBe(200);
  const cookies = response.headersArray().filter((header) => header.name.toLowerCase() === "set-cookie");
  return cookies.map((header) => header.value.split(";")[0]).join("; ");
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const env = {
    DATABASE_URL: databaseUrl!,
    ADMIN_EMAIL: ACCOUNTS.admin.email,
    ADMIN_PASSWORD: ACCOUNTS.admin.password,
    MIRROR_SYNC: "off",
    CRM_CACHE_TTL_SECONDS: "60",
    // As behind a load balancer: the throttle test names its client's address.
    TRUST_PROXY: "1",
  };
  instances = [startDashboard(E2E_APP_PORT + 81, env), startDashboard(E2E_APP_PORT + 82, env)];
  await Promise.all(instances.map((instance) => waitUntilUp(instance.origin)));
});

test.afterAll(async () => {
  await Promise.all(apis.map((context) => context.dispose()));
  await Promise.all(instances.map((instance) => instance.stop()));
});

test("a session made on one instance is valid on the other, and signing out on one ends it on both", async () => {
  const [a, b] = instances as [DashboardProcess, DashboardProcess];
  const cookie = await signIn(a);
  expect((await (await api(b, cookie)).get("/api/me")).status()).toBe(200);
  expect((await (await api(a, cookie)).post("/api/auth/sign-out")).status()).toBeLessThan(300);
  expect((await (await api(b, cookie)).get("/api/me")).status()).toBe(401);
});

test("a role change and a deactivation made on one instance count at once on the other, where the session is remembered", async () => {
  const [a, b] = instances as [DashboardProcess, DashboardProcess];
  const admin = await api(a, await signIn(a));
  const person = { email: `roles-${Date.now()}@e2e.example`, password: "Harbour-lantern-ninety" };
  const created = await admin.post("/api/admin/users", { data: { name: "Role Change", role: "staff", ...person } });
  expect(created.status(), await created.text()).toBe(201);
  const { id } = ((await created.json()) as { data: { id: string } }).data;
  const onB = await api(b, await signIn(b, person));
  const roleOnB = async () => {
    const answer = await onB.get("/api/me");
    return answer.status() === 200 ? ((await answer.json()) as { data: { role: string } }).data.role : answer.status();
  };
  expect(await roleOnB()).toBe("staff"); // checked on B, and remembered there
  expect((await admin.patch(`/api/admin/users/${id}`, { data: { role: "viewer" } })).status()).toBe(200);
  expect(await roleOnB()).toBe("viewer");
  expect((await admin.patch(`/api/admin/users/${id}`, { data: { active: false } })).status()).toBe(200);
  expect(await roleOnB()).toBe(401);
});

test("the usage meter is one count: CRM requests made through one instance show on the other within a flush", async () => {
  const [a, b] = instances as [DashboardProcess, DashboardProcess];
  const cookie = await signIn(a);
  const used = async (instance: DashboardProcess) =>
    ((await (await (await api(instance, cookie)).get("/api/usage")).json()) as { data: { used: number } }).data.used;
  const before = await used(b);
  const onA = await api(a, cookie);
  for (const name of ["Meterone", "Metertwo", "Meterthree"]) expect((await onA.get(`/api/customers?search=${name}${Date.now()}`)).status()).toBe(200);
  // A writes its counts once a second; B reads the shared row.
  await expect.poll(() => used(b), { timeout: 5_000, intervals: [200] }).toBeGreaterThanOrEqual(before + 3);
});

test("the sign-in throttle is shared: failures on one instance count on the other", async () => {
  const [a, b] = instances as [DashboardProcess, DashboardProcess];
  const email = `throttle-${Date.now()}@e2e.example`;
  const attempt = async (instance: DashboardProcess) =>
    (await api(instance)).post("/api/auth/sign-in", { data: { email, password: "not-the-password-1" }, headers: { "X-Forwarded-For": "198.51.100.77" } });
  for (let tried = 0; tried < 5; tried += 1) expect((await attempt(tried % 2 === 0 ? a : b)).status()).toBe(401);
  const refused = await attempt(b);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
});

test("the trash is shared: a customer deleted through one instance is in the other's trash, with who deleted it", async () => {
  const [a, b] = instances as [DashboardProcess, DashboardProcess];
  const cookie = await signIn(a);
  const lastName = `Shared${Date.now()}`;
  const customer = await crmPost<{ uuid: string }>("/customers", { first_name: "Binned", last_name: lastName });
  const deleted = await (await api(a, cookie)).delete(`/api/customers/${customer.uuid}`, { headers: { "Idempotency-Key": crypto.randomUUID() } });
  expect(deleted.status(), await deleted.text()).toBe(200);
  const trash = (await (await (await api(b, cookie)).get(`/api/trash?tab=customers&search=${lastName}`)).json()) as {
    data: { rows: Array<{ uuid: string; deleted_by: { email: string } | null }> };
  };
  expect(trash.data.rows.find((row) => row.uuid === customer.uuid)?.deleted_by?.email).toBe(ACCOUNTS.admin.email);
});

test("two saves of the same version of a customer, one through each instance at once: one is saved, the other gets the 409", async () => {
  const [a, b] = instances as [DashboardProcess, DashboardProcess];
  const cookie = await signIn(a);
  const customer = await crmPost<{ uuid: string; updated_at: string }>("/customers", { first_name: "Twin", last_name: `Saves${Date.now()}` });
  const save = async (instance: DashboardProcess, company: string) =>
    (await api(instance, cookie)).put(`/api/customers/${customer.uuid}`, {
      data: { expected_updated_at: customer.updated_at, company_name: company },
      headers: { "Idempotency-Key": crypto.randomUUID() },
    });
  const answers = await Promise.all([save(a, "Through A"), save(b, "Through B")]);
  expect(answers.map((answer) => answer.status()).sort()).toEqual([200, 409]);
  const saved = answers.find((answer) => answer.status() === 200)!;
  const kept = ((await saved.json()) as { data: { company_name: string } }).data.company_name;
  expect((await crmGet<{ company_name: string }>(`/customers/${customer.uuid}`)).company_name).toBe(kept);
});

test("a save through one instance is not served stale from the other's cache", async () => {
  const [a, b] = instances as [DashboardProcess, DashboardProcess];
  const cookie = await signIn(a);
  const customer = await crmPost<{ uuid: string; updated_at: string }>("/customers", { first_name: "Cached", last_name: `Reader${Date.now()}` });
  const onB = await api(b, cookie);
  const read = async () => ((await (await onB.get(`/api/customers/${customer.uuid}`)).json()) as { data: { company_name: string | null } }).data.company_name;
  expect(await read()).toBeNull(); // now in B's cache, for a minute
  const saved = await (
    await api(a, cookie)
  ).put(`/api/customers/${customer.uuid}`, {
    data: { expected_updated_at: customer.updated_at, company_name: "Changed on A" },
    headers: { "Idempotency-Key": crypto.randomUUID() },
  });
  expect(saved.status()).toBe(200);
  await expect.poll(read, { timeout: 2_000, intervals: [100] }).toBe("Changed on A");
});

test("killing one instance in the middle of a burst of creates: each intent, sent again to the other, exists exactly once", async () => {
  const [a, b] = instances as [DashboardProcess, DashboardProcess];
  const cookie = await signIn(a);
  // Names take letters only: the batch and each intent are told apart by letters.
  const letters = (value: number) => value.toString(26).replace(/[0-9]/g, (digit) => "qrstuvwxyz"[Number(digit)]!);
  const batch = `Burst${letters(Date.now())}`;
  const intents = Array.from({ length: 12 }, (_, index) => ({
    key: crypto.randomUUID(),
    body: { first_name: `Intent${letters(index + 10)}`, last_name: batch, email: `intent${index}.${batch.toLowerCase()}@example.com` },
  }));
  const create = (context: APIRequestContext, intent: (typeof intents)[number]) =>
    context.post("/api/customers", { data: intent.body, headers: { "Idempotency-Key": intent.key } });
  const onA = await api(a, cookie);
  const burst = intents.map((intent) => create(onA, intent).catch(() => null));
  await new Promise((resolve) => setTimeout(resolve, 150));
  a.child.kill("SIGKILL"); // mid-burst: some creates answered, some on their way, some never sent
  await Promise.all(burst);
  // The browser sends every unanswered intent again with its key; here all of them, to the surviving instance.
  const onB = await api(b, cookie);
  for (const intent of intents) {
    const answer = await create(onB, intent);
    expect(answer.status(), await answer.text()).toBe(201);
  }
  const created = await crmGet<{ customers: Array<{ first_name: string }>; pagination: { total: number } }>(`/customers?search=${batch}&limit=100`);
  expect(created.pagination.total).toBe(intents.length);
  expect(new Set(created.customers.map((customer) => customer.first_name)).size).toBe(intents.length);
});
