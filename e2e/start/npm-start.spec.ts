import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

/**
 * `npm start` on a machine with no CRM configured: it starts the sandbox and
 * the dashboard, prints a demo admin's sign-in once, and that sign-in works.
 * Uses its own ports and data folder so it never touches a developer's.
 */
const APP_PORT = 3290;
const SANDBOX_PORT = 4290;

function start(dataDir: string): { child: ChildProcess; output: () => string; waitFor: (text: RegExp) => Promise<string> } {
  let output = "";
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(APP_PORT),
    SANDBOX_PORT: String(SANDBOX_PORT),
    APP_DATA_DIR: join(dataDir, "app"),
    SANDBOX_DATA_DIR: join(dataDir, "sandbox"),
    SANDBOX_SEED_CUSTOMERS: "20",
    SANDBOX_SEED_JOBS: "40",
  };
  for (const name of ["CRM_BASE_URL", "CRM_API_KEY", "ADMIN_EMAIL", "ADMIN_PASSWORD", "APP_URL", "SANDBOX_API_KEYS"]) delete env[name];
  const child = spawn("node_modules/.bin/tsx", ["scripts/start.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return {
    child,
    output: () => output,
    waitFor: (text) =>
      new Promise((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`timed out waiting for ${text}; output so far:\n${output}`)), 90_000);
        const poll = setInterval(() => {
          const match = text.exec(output);
          if (match) {
            clearInterval(poll);
            clearTimeout(deadline);
            resolve(match[0]);
          }
        }, 100);
      }),
  };
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

test("npm start runs the sandbox and the dashboard and prints a working demo admin sign-in once", async ({ playwright }) => {
  test.setTimeout(240_000);
  const dataDir = mkdtempSync(join(tmpdir(), "tradesdesk-start-"));
  try {
    const first = start(dataDir);
    try {
      await first.waitFor(/Tradesdesk is running: http:\/\/localhost:3290/);
      const output = first.output();
      expect(output).toContain(`http://127.0.0.1:${SANDBOX_PORT}/api/v1`);
      const email = /email:\s+(\S+)/.exec(output)?.[1];
      const password = /password:\s+(\S+)/.exec(output)?.[1];
      expect(email).toBeTruthy();
      expect(password).toBeTruthy();

      const origin = `http://localhost:${APP_PORT}`;
      const client = await playwright.request.newContext({ baseURL: origin, extraHTTPHeaders: { Origin: origin } });
      const signIn = await client.post("/api/auth/sign-in", { data: { email, password } });
      expect(signIn.status()).toBe(200);
      expect((await signIn.json()).data.user.role).toBe("admin");
      const health = await client.get("/api/health");
      expect((await health.json()).data).toMatchObject({ database: "ok", crm: "ok" });
      await client.dispose();
    } finally {
      await stop(first.child);
    }

    // The second start finds the admin and the build: no new password, no rebuild.
    const second = start(dataDir);
    try {
      await second.waitFor(/Tradesdesk is running/);
      expect(second.output()).not.toMatch(/password:/);
      expect(second.output()).toContain("Production build is up to date.");
    } finally {
      await stop(second.child);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
