import { expect, request, test } from "@playwright/test";
import { startDashboard, waitUntilUp } from "../support/dashboard-process";
import { E2E_APP_PORT } from "../support/test-env";

/**
 * How the dashboard behaves as deployed, with servers of its own: what it
 * refuses to start with, which origins it accepts when APP_URL is unset, and
 * whose address it believes when nothing says a proxy is in front.
 */
const REFUSED_PORT = E2E_APP_PORT + 91;
const LOCAL_PORT = E2E_APP_PORT + 92;
const ADMIN = { email: "deploy-admin@e2e.example", password: "Granite-quarry-48" };
const ADMIN_ENV = { ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password };

test("started for other machines over plain HTTP, the dashboard refuses to start and says why", async () => {
  test.setTimeout(90_000);
  const server = startDashboard(REFUSED_PORT, { ...ADMIN_ENV, APP_URL: "http://dash.example.com" });
  const code = await new Promise<number | null>((resolve) => server.child.once("exit", resolve));
  expect(code).not.toBe(0);
  expect(server.output()).toContain("Tradesdesk will not start: APP_URL is http://dash.example.com");
  expect(server.output()).toContain("HTTPS");
});

test("given a DATABASE_URL nothing answers at, the dashboard refuses to start with one line saying so", async () => {
  test.setTimeout(90_000);
  const nowhere = E2E_APP_PORT + 93;
  const server = startDashboard(REFUSED_PORT + 10, { ...ADMIN_ENV, DATABASE_URL: `postgres://tradesdesk:secret@127.0.0.1:${nowhere}/tradesdesk` });
  const code = await new Promise<number | null>((resolve) => server.child.once("exit", resolve));
  expect(code).not.toBe(0);
  expect(server.output()).toContain(`Tradesdesk cannot start: no Postgres answered at 127.0.0.1:${nowhere}/tradesdesk (DATABASE_URL): ECONNREFUSED.`);
  expect(server.output()).not.toContain("secret");
});

test.describe("on this machine, with APP_URL unset and no proxy", () => {
  let server: ReturnType<typeof startDashboard>;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    server = startDashboard(LOCAL_PORT, ADMIN_ENV);
    await waitUntilUp(`http://127.0.0.1:${LOCAL_PORT}`);
  });
  test.afterAll(() => {
    server.child.kill("SIGTERM");
  });

  test("signing in works at both localhost and 127.0.0.1", async () => {
    for (const origin of [`http://127.0.0.1:${LOCAL_PORT}`, `http://localhost:${LOCAL_PORT}`]) {
      const api = await request.newContext({ baseURL: origin, extraHTTPHeaders: { Origin: origin } });
      const response = await api.post("/api/auth/sign-in", { data: ADMIN });
      expect(response.status(), origin).toBe(200);
      await api.dispose();
    }
  });

  test("a client cannot choose its address with X-Forwarded-For: the socket's address is throttled", async () => {
    const origin = `http://127.0.0.1:${LOCAL_PORT}`;
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const api = await request.newContext({ baseURL: origin, extraHTTPHeaders: { Origin: origin, "X-Forwarded-For": `203.0.113.${attempt + 1}` } });
      expect((await api.post("/api/auth/sign-in", { data: { email: `spray-${attempt}@e2e.example`, password: "Summer2026!" } })).status()).toBe(401);
      await api.dispose();
    }
    const api = await request.newContext({ baseURL: origin, extraHTTPHeaders: { Origin: origin, "X-Forwarded-For": "203.0.113.200" } });
    const refused = await api.post("/api/auth/sign-in", { data: ADMIN });
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    await api.dispose();
  });
});
