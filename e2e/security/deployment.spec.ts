import { spawn, type ChildProcess } from "node:child_process";
import { expect, request, test } from "@playwright/test";
import { E2E_API_KEY, E2E_APP_PORT, E2E_CRM_BASE_URL } from "../support/test-env";

/**
 * How the dashboard behaves as deployed, with servers of its own: what it
 * refuses to start with, which origins it accepts when APP_URL is unset, and
 * whose address it believes when nothing says a proxy is in front.
 */
const REFUSED_PORT = E2E_APP_PORT + 91;
const LOCAL_PORT = E2E_APP_PORT + 92;
const ADMIN = { email: "deploy-admin@e2e.example", password: "Granite-quarry-48" };

function startDashboard(port: number, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: {
      ...process.env,
      CRM_BASE_URL: E2E_CRM_BASE_URL,
      CRM_API_KEY: E2E_API_KEY,
      APP_DATA_DIR: "memory",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: "error",
      NEXT_TELEMETRY_DISABLED: "1",
      APP_URL: "",
      TRUST_PROXY: "",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitUntilUp(origin: string) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    try {
      if ((await fetch(`${origin}/api/health`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the dashboard at ${origin} did not come up`);
}

test("started for other machines over plain HTTP, the dashboard refuses to start and says why", async () => {
  test.setTimeout(90_000);
  const server = startDashboard(REFUSED_PORT, { APP_URL: "http://dash.example.com" });
  const code = await new Promise<number | null>((resolve) => server.child.once("exit", resolve));
  expect(code).not.toBe(0);
  expect(server.output()).toContain("Tradesdesk will not start: APP_URL is http://dash.example.com");
  expect(server.output()).toContain("HTTPS");
});

test.describe("on this machine, with APP_URL unset and no proxy", () => {
  let server: ReturnType<typeof startDashboard>;
  test.beforeAll(async () => {
    test.setTimeout(90_000);
    server = startDashboard(LOCAL_PORT, {});
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
