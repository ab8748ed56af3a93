import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, request, test } from "@playwright/test";
import { crmGet } from "../support/crm";
import { E2E_API_KEY, E2E_CRM_BASE_URL } from "../support/test-env";

/**
 * The dashboard's server is killed (SIGKILL, no goodbye) in the middle of a
 * burst of creates and started again; the clients keep retrying with their
 * Idempotency-Keys as the browser does. Every intended customer must exist
 * exactly once.
 */
const PORT = 3296;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: "restart-admin@e2e.example", password: "restart-admin-password" };

function startServer(dataDir: string): ChildProcess {
  return spawn("node_modules/.bin/next", ["start", "-p", String(PORT)], {
    env: {
      ...process.env,
      CRM_BASE_URL: E2E_CRM_BASE_URL,
      CRM_API_KEY: E2E_API_KEY,
      APP_URL: ORIGIN,
      APP_DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: "error",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
}

async function waitUntilUp() {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    try {
      const response = await fetch(`${ORIGIN}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the dashboard did not come back up");
}

test("killing the server mid-burst loses nothing and duplicates nothing", async () => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), "tradesdesk-restart-"));
  let server = startServer(dataDir);
  try {
    await waitUntilUp();
    const api = await request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { Origin: ORIGIN } });
    expect((await api.post("/api/auth/sign-in", { data: ADMIN })).status()).toBe(200);

    const batch = `Restart${Math.random()
      .toString(36)
      .replace(/[^a-z]/g, "")
      .slice(0, 6)}`;
    const intents = Array.from({ length: 30 }, (_, index) => ({
      key: crypto.randomUUID(),
      lastName: `${batch}${String.fromCharCode(97 + (index % 26))}${String.fromCharCode(97 + Math.floor(index / 26))}`,
    }));
    let attempts = 0;
    const create = async (intent: (typeof intents)[number]) => {
      for (;;) {
        attempts += 1;
        try {
          const response = await api.post("/api/customers", {
            headers: { "Idempotency-Key": intent.key },
            data: { first_name: "Rita", last_name: intent.lastName, phone: "206-555-0123", confirm_duplicate: true },
            timeout: 10_000,
          });
          if (response.status() === 201) return;
          expect(response.status(), await response.text()).toBeGreaterThanOrEqual(500);
        } catch {
          // connection refused or reset while the server is down: retry, as the browser does
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    };

    const burst = Promise.all(intents.map((intent, index) => new Promise((resolve) => setTimeout(resolve, index * 40)).then(() => create(intent))));
    await new Promise((resolve) => setTimeout(resolve, 500));
    server.kill("SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    server = startServer(dataDir);
    await burst;

    const list = await crmGet<{ customers: Array<{ last_name: string }>; pagination: { total: number } }>(`/customers?search=${batch}&limit=100`);
    expect(list.pagination.total).toBe(intents.length);
    expect(new Set(list.customers.map((customer) => customer.last_name)).size).toBe(intents.length);
    expect(attempts).toBeGreaterThan(intents.length); // the kill really interrupted some of them
    await api.dispose();
  } finally {
    server.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
});
