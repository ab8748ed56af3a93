/**
 * `npm start`: the whole product on one machine. Builds the dashboard when the
 * build is missing or stale, starts the sandbox CRM when no real CRM is
 * configured (CRM_BASE_URL unset), starts the dashboard, and says where to go.
 * `npm run dev` does the same with the Next.js dev server instead of a build.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isBuildFresh } from "./lib/build-freshness";
import { binPath, run, waitForPort } from "./lib/processes";
import { ConfigError, loadConfig } from "../sandbox/src/config";

// Telemetry is opt-in here: the dashboard may run where there is no outside network.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const root = fileURLToPath(new URL("..", import.meta.url));
const devMode = process.argv.includes("--dev");
const children: ChildProcess[] = [];

function log(message: string) {
  console.log(`[tradesdesk] ${message}`);
}

function fail(message: string): never {
  console.error(`[tradesdesk] ${message}`);
  stopChildren();
  process.exit(1);
}

function stopChildren() {
  for (const child of children) {
    if (child.exitCode === null && child.pid) child.kill("SIGTERM");
  }
}

function startChild(name: string, command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, env, stdio: "inherit" });
  children.push(child);
  child.once("exit", (code, signal) => {
    if (shuttingDown) return;
    fail(`${name} stopped unexpectedly (${signal ?? `exit code ${code}`}); shutting down.`);
  });
  return child;
}

let shuttingDown = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    shuttingDown = true;
    stopChildren();
    process.exit(0);
  });
}

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a port number, got "${process.env.PORT}"`);

  const crm = await resolveCrm();

  if (!devMode) {
    if (isBuildFresh(root)) {
      log("Production build is up to date.");
    } else {
      log("Building the dashboard (first start or sources changed)…");
      const code = await run(binPath("next"), ["build"], { cwd: root });
      if (code !== 0) fail("The build failed; see the output above.");
    }
  }

  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    CRM_BASE_URL: crm.baseUrl,
    CRM_API_KEY: crm.apiKey,
    PORT: String(port),
    // Tells the dashboard it may create a demo admin: only ever on the sandbox.
    TRADESDESK_SANDBOX: crm.sandbox ? "1" : "0",
  };
  const next = startChild("The dashboard", binPath("next"), [devMode ? "dev" : "start", "-p", String(port)], appEnv);
  await waitForPort(port, { child: next, timeoutMs: 120_000 }).catch((error: Error) => fail(error.message));
  // The first request makes the server finish its start-up (migrations, the
  // first admin, whose sign-in it prints) before we say it is ready.
  const health = await fetch(`http://127.0.0.1:${port}/api/health`).catch((error: Error) => fail(`The dashboard does not answer: ${error.message}`));
  if (!health.ok) fail(`The dashboard started but reports a problem (${health.status}): ${await health.text()}`);

  log("");
  log(`Tradesdesk is running: http://localhost:${port}`);
  log(crm.sandbox ? `CRM: the sandbox at ${crm.baseUrl}` : `CRM: ${new URL(crm.baseUrl).host}`);
  log("Press Ctrl+C to stop.");
}

async function resolveCrm(): Promise<{ baseUrl: string; apiKey: string; sandbox: boolean }> {
  const configuredUrl = process.env.CRM_BASE_URL;
  if (configuredUrl) {
    const apiKey = process.env.CRM_API_KEY;
    if (!apiKey) fail("CRM_BASE_URL is set but CRM_API_KEY is not: set both to use a real CRM, or neither to use the sandbox.");
    return { baseUrl: configuredUrl, apiKey, sandbox: false };
  }

  let sandboxConfig: ReturnType<typeof loadConfig>;
  try {
    sandboxConfig = loadConfig(process.env);
  } catch (error) {
    fail(error instanceof ConfigError ? error.message : String(error));
  }
  const sandboxPort = sandboxConfig.port;
  const apiKey = sandboxConfig.apiKeys[0];
  if (!apiKey) fail("SANDBOX_API_KEYS holds no key.");
  log(`No CRM_BASE_URL set: starting the sandbox CRM on port ${sandboxPort}…`);
  const sandbox = startChild("The sandbox CRM", binPath("tsx"), ["sandbox/src/main.ts"], {
    ...process.env,
    SANDBOX_PORT: String(sandboxPort),
  });
  await waitForPort(sandboxPort, { child: sandbox, timeoutMs: 180_000 }).catch((error: Error) => fail(error.message));
  return { baseUrl: `http://127.0.0.1:${sandboxPort}/api/v1`, apiKey, sandbox: true };
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
