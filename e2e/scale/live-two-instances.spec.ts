import { expect, request, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import { ACCOUNTS } from "../support/accounts";
import { crmPost } from "../support/crm";
import { startDashboard, waitUntilUp, type DashboardProcess } from "../support/dashboard-process";
import { E2E_APP_PORT } from "../support/test-env";

/**
 * Live updates across instances (ADR-022): two `next start` processes on one
 * Postgres, as behind a load balancer. A save through instance 1 reaches a
 * browser whose live stream is on instance 2 (LISTEN/NOTIFY), and after
 * instance 2 restarts, the browser's reconnect is sent what was saved while
 * it was down (the shared log). Runs in the Postgres pass of npm test.
 */
const databaseUrl = process.env.E2E_DATABASE_URL;
test.skip(!databaseUrl, "two instances need a shared Postgres (E2E_DATABASE_URL)");
test.describe.configure({ mode: "serial" });

const env = {
  DATABASE_URL: databaseUrl ?? "",
  ADMIN_EMAIL: ACCOUNTS.admin.email,
  ADMIN_PASSWORD: ACCOUNTS.admin.password,
  MIRROR_SYNC: "off",
};
const ports = [E2E_APP_PORT + 83, E2E_APP_PORT + 84] as const;
let instances: DashboardProcess[] = [];
let through1: APIRequestContext;
let cookie: string;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  instances = ports.map((port) => startDashboard(port, env));
  await Promise.all(instances.map((instance) => waitUntilUp(instance.origin)));
  const origin = instances[0]!.origin;
  const signIn = await request.newContext({ baseURL: origin, extraHTTPHeaders: { Origin: origin } });
  const response = await signIn.post("/api/auth/sign-in", { data: { email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password } });
  expect(response.status()).toBe(200);
  cookie = response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === "set-cookie")
    .map((header) => header.value.split(";")[0])
    .join("; ");
  await signIn.dispose();
  through1 = await request.newContext({ baseURL: origin, extraHTTPHeaders: { Origin: origin, Cookie: cookie } });
});

test.afterAll(async () => {
  await through1?.dispose();
  await Promise.all(instances.map((instance) => instance.stop()));
});

async function rename(uuid: string, title: string) {
  const current = (await (await through1.get(`/api/jobs/${uuid}`)).json()).data as { updated_at: string };
  const saved = await through1.put(`/api/jobs/${uuid}`, {
    data: { title, expected_updated_at: current.updated_at },
    headers: { "Idempotency-Key": crypto.randomUUID() },
  });
  expect(saved.status(), await saved.text()).toBe(200);
}

/** A browser context on instance 2, with the session made through instance 1. */
async function signedInOnInstance2(browser: Browser): Promise<BrowserContext> {
  const origin = instances[1]!.origin;
  const context = await browser.newContext({ baseURL: origin });
  await context.addCookies(
    cookie.split("; ").map((pair) => {
      const [name, ...value] = pair.split("=");
      return { name: name!, value: value.join("="), url: origin };
    }),
  );
  return context;
}

test("a save through instance 1 appears in a browser on instance 2, also after instance 2 restarts", async ({ browser }) => {
  test.setTimeout(240_000);
  const customer = await crmPost<{ uuid: string }>("/customers", { first_name: "Across", last_name: `Instances${Date.now()}` });
  const job = await crmPost<{ uuid: string; title: string }>("/jobs", { customer_uuid: customer.uuid, title: `Two instances ${Date.now()}` });

  const context = await signedInOnInstance2(browser);
  try {
    const page = await context.newPage();
    await page.goto(`/jobs/${job.uuid}`);
    await page.locator('body[data-live="ready"]').waitFor({ state: "attached" });

    await rename(job.uuid, `${job.title} via instance 1`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${job.title} via instance 1`, { timeout: 5_000 });

    // Instance 2 dies (killed, as a crash or an OOM kill would); a save through instance 1 meanwhile; instance 2 comes back on its port.
    const down = new Promise((resolve) => instances[1]!.child.once("exit", resolve));
    instances[1]!.child.kill("SIGKILL");
    await down;
    await expect(page.locator('body[data-live="reconnecting"]')).toBeAttached();
    await rename(job.uuid, `${job.title} while instance 2 was down`);
    instances[1] = startDashboard(ports[1], env);
    await waitUntilUp(instances[1].origin);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(`${job.title} while instance 2 was down`, { timeout: 30_000 });
  } finally {
    await context.close();
  }
});

test("stopping an instance with a browser's stream open: it stops within seconds, and the browser's tab says it is reconnecting", async ({ browser }) => {
  test.setTimeout(120_000);
  const customer = await crmPost<{ uuid: string }>("/customers", { first_name: "Graceful", last_name: `Stop${Date.now()}` });
  const job = await crmPost<{ uuid: string; title: string }>("/jobs", { customer_uuid: customer.uuid, title: `Graceful stop ${Date.now()}` });
  const context = await signedInOnInstance2(browser);
  try {
    const page = await context.newPage();
    await page.goto(`/jobs/${job.uuid}`);
    await page.locator('body[data-live="ready"]').waitFor({ state: "attached" });
    // SIGTERM, as a deploy or a container stop sends: the open stream must not hold the stop open.
    const started = Date.now();
    await instances[1]!.stop();
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect(page.locator('body[data-live="reconnecting"]')).toBeAttached();
  } finally {
    await context.close();
  }
});
