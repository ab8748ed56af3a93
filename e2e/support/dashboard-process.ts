import { spawn, type ChildProcess } from "node:child_process";
import { E2E_API_KEY, E2E_CRM_BASE_URL } from "./test-env";

/**
 * A dashboard server of a spec's own (`next start` on the build under test),
 * for what one shared server cannot show: what it refuses to start with, how
 * it behaves deployed, several instances on one database.
 */
export interface DashboardProcess {
  child: ChildProcess;
  origin: string;
  output: () => string;
  stop: () => Promise<void>;
}

export function startDashboard(port: number, env: Record<string, string>): DashboardProcess {
  let output = "";
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
    env: {
      ...process.env,
      CRM_BASE_URL: E2E_CRM_BASE_URL,
      CRM_API_KEY: E2E_API_KEY,
      APP_DATA_DIR: "memory",
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
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return { child, origin: `http://127.0.0.1:${port}`, output: () => output, stop };
}

/** Waits until the server answers its health check (a cold start on a busy machine takes a while). */
export async function waitUntilUp(origin: string, attempts = 600): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    try {
      if ((await fetch(`${origin}/api/health`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the dashboard at ${origin} did not come up`);
}
