import { expect, request, test, type APIRequestContext } from "@playwright/test";
import { ensureNginx, findOpenssl } from "../../scripts/lib/ensure-nginx";
import { ACCOUNTS } from "../support/accounts";
import { startDashboard, waitUntilUp, type DashboardProcess } from "../support/dashboard-process";
import { startNginxProxy, type NginxProxy } from "../support/nginx-proxy";
import { E2E_APP_PORT } from "../support/test-env";

/**
 * The reverse-proxy example of docs/deploy.md, run: nginx with deploy/nginx.conf
 * ends TLS (a self-signed certificate made for the run) in front of two
 * `next start` instances on one Postgres, configured as the page says
 * (APP_URL=https://…, TRUST_PROXY=1, AUTH_SECRET). Sign-in through it works
 * in a browser and over the API, both instances serve, and an address a
 * client writes into X-Forwarded-For is not believed. Postgres pass of npm
 * test only (two instances need a shared database).
 */
const databaseUrl = process.env.E2E_DATABASE_URL;
test.skip(!databaseUrl, "two instances need a shared Postgres (E2E_DATABASE_URL)");
test.describe.configure({ mode: "serial" });

// Ports no other spec uses (two-instances +81/82, live-two-instances +83/84, deployment +91 to +93).
const HTTPS_PORT = E2E_APP_PORT + 94;
const HTTP_PORT = E2E_APP_PORT + 95;
const INSTANCE_PORTS = [E2E_APP_PORT + 85, E2E_APP_PORT + 86];

let proxy: NginxProxy | null = null;
let instances: DashboardProcess[] = [];
const contexts: APIRequestContext[] = [];

async function throughProxy(headers: Record<string, string> = {}): Promise<APIRequestContext> {
  const context = await request.newContext({ baseURL: proxy!.origin, ignoreHTTPSErrors: true, extraHTTPHeaders: { Origin: proxy!.origin, ...headers } });
  contexts.push(context);
  return context;
}

test.beforeAll(async () => {
  test.setTimeout(240_000);
  const nginx = await ensureNginx();
  const openssl = findOpenssl();
  test.skip("missing" in nginx, "missing" in nginx ? `no nginx: ${nginx.missing}` : "");
  test.skip(!openssl, "no openssl to make the test's certificate");
  if ("missing" in nginx || !openssl) return;
  const env = {
    DATABASE_URL: databaseUrl!,
    APP_URL: `https://127.0.0.1:${HTTPS_PORT}`,
    TRUST_PROXY: "1",
    AUTH_SECRET: "a-test-secret-shared-by-both-instances-0123456789",
    ADMIN_EMAIL: ACCOUNTS.admin.email,
    ADMIN_PASSWORD: ACCOUNTS.admin.password,
    MIRROR_SYNC: "off",
    // Each request's log line says which instance answered it.
    LOG_LEVEL: "info",
  };
  instances = INSTANCE_PORTS.map((port) => startDashboard(port, env));
  await Promise.all(instances.map((instance) => waitUntilUp(instance.origin)));
  proxy = await startNginxProxy({ nginx: nginx.path, openssl, httpsPort: HTTPS_PORT, httpPort: HTTP_PORT, upstreams: INSTANCE_PORTS });
});

test.afterAll(async () => {
  await Promise.all(contexts.map((context) => context.dispose()));
  await proxy?.stop();
  await Promise.all(instances.map((instance) => instance.stop()));
});

const answeredBy = (instance: DashboardProcess, path: string) =>
  instance
    .output()
    .split("\n")
    .filter((line) => line.includes('"event":"api_request"') && line.includes(`"path":"${path}"`)).length;

test("a person signs in through the proxy in the browser, over HTTPS, and lands on the dashboard", async ({ browser }) => {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  const answer = await page.goto(`${proxy!.origin}/sign-in`);
  expect(answer!.headers()["strict-transport-security"]).toContain("max-age=");
  await page.getByLabel("Email").fill(ACCOUNTS.admin.email);
  await page.getByLabel("Password").fill(ACCOUNTS.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/sign-in/);
  const [session] = (await context.cookies()).filter((cookie) => cookie.name.includes("session_token"));
  expect(session).toMatchObject({ name: "__Host-tradesdesk.session_token", secure: true, httpOnly: true });
  await context.close();
});

test("API calls through the proxy are served by both instances, on one session", async () => {
  const api = await throughProxy();
  const signedIn = await api.post("/api/auth/sign-in", { data: { email: ACCOUNTS.admin.email, password: ACCOUNTS.admin.password } });
  expect(signedIn.status(), await signedIn.text()).toBe(200);
  const before = instances.map((instance) => answeredBy(instance, "/api/me"));
  for (let call = 0; call < 6; call += 1) {
    const me = await api.get("/api/me");
    expect(me.status()).toBe(200);
    expect(me.headers()["strict-transport-security"]).toContain("max-age=");
  }
  const served = () => instances.map((instance, index) => answeredBy(instance, "/api/me") - before[index]!);
  // The log lines may reach this process a moment after the answers.
  await expect.poll(() => served().reduce((sum, count) => sum + count, 0), { timeout: 5_000 }).toBe(6);
  expect(Math.min(...served())).toBeGreaterThan(0);
});

test("plain HTTP to the proxy is sent to HTTPS", async () => {
  const answer = await fetch(`http://127.0.0.1:${HTTP_PORT}/customers`, { redirect: "manual" });
  expect(answer.status).toBe(301);
  expect(answer.headers.get("location")).toBe(`https://127.0.0.1/customers`);
});

test("an address the client writes into X-Forwarded-For is not believed: the sign-in throttle still counts its real address", async () => {
  const email = `behind-proxy-${Date.now()}@e2e.example`;
  // Five failures, each claiming another address: believed, they would be five strangers with one failure each.
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const api = await throughProxy({ "X-Forwarded-For": `203.0.113.${attempt}` });
    expect((await api.post("/api/auth/sign-in", { data: { email, password: "not-the-password-1" } })).status()).toBe(401);
  }
  const sixth = await throughProxy({ "X-Forwarded-For": "203.0.113.99" });
  const refused = await sixth.post("/api/auth/sign-in", { data: { email, password: "not-the-password-1" } });
  expect(refused.status()).toBe(429);
});
