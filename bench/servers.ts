import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import { binPath, waitForPort } from "../scripts/lib/processes";
import { assertLoopbackCrmUrl } from "./local-crm-guard";
import type { SandboxMessage, SandboxRequest } from "./sandbox-messages";

/**
 * Every process the bench starts, so that all of them are stopped at the end,
 * on a failure and on Ctrl-C. Each runs in a process group of its own (next
 * start and tsx start children of their own), stopped as a group by its id.
 */
export class ProcessRegistry {
  private readonly running = new Map<number, { name: string; child: ChildProcess }>();

  spawn(
    name: string,
    command: string,
    args: readonly string[],
    options: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; ipc?: boolean },
  ): ChildProcess {
    mkdirSync(dirname(options.logFile), { recursive: true });
    const log = openSync(options.logFile, "w");
    const child = spawn(command, [...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: options.ipc ? ["ignore", log, log, "ipc"] : ["ignore", log, log],
      detached: true,
    });
    closeSync(log);
    if (child.pid === undefined) throw new Error(`${name} could not be started (${command})`);
    const pid = child.pid;
    this.running.set(pid, { name, child });
    child.once("exit", () => this.running.delete(pid));
    return child;
  }

  /** SIGTERM to the group, SIGKILL if it has not exited within graceMs. */
  async stop(child: ChildProcess, graceMs = 10_000): Promise<void> {
    const pid = child.pid;
    if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    signalGroup(pid, "SIGTERM");
    const timer = setTimeout(() => signalGroup(pid, "SIGKILL"), graceMs);
    await exited;
    clearTimeout(timer);
    // The leader may exit before the rest of its group (a server's own workers).
    signalGroup(pid, "SIGKILL");
  }

  async stopAll(): Promise<void> {
    await Promise.all([...this.running.values()].map(({ child }) => this.stop(child)));
  }

  /** Last resort on process exit, where nothing asynchronous runs any more. */
  killAllNow(): void {
    for (const pid of this.running.keys()) signalGroup(pid, "SIGKILL");
    this.running.clear();
  }

  names(): string[] {
    return [...this.running.values()].map(({ name }) => name);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

// ---------------------------------------------------------------------------
// The sandbox CRM

export interface SandboxProcess {
  apiUrl: string;
  apiKey: string;
  seeded: { customers: number; jobs: number };
  technicianIds: string[];
  startMs: number;
  /** Requests the sandbox has counted for the company so far. */
  usage(): Promise<number>;
  stop(): Promise<void>;
}

export async function startSandboxProcess(
  registry: ProcessRegistry,
  options: { root: string; port: number; apiKey: string; customers: number; jobs: number; technicians?: number; logFile: string },
): Promise<SandboxProcess> {
  const child = registry.spawn("sandbox CRM", process.execPath, ["--import", "tsx", "bench/sandbox-process.ts"], {
    cwd: options.root,
    env: {
      ...process.env,
      BENCH_SANDBOX_PORT: String(options.port),
      BENCH_SANDBOX_API_KEY: options.apiKey,
      BENCH_SANDBOX_CUSTOMERS: String(options.customers),
      BENCH_SANDBOX_JOBS: String(options.jobs),
      BENCH_SANDBOX_TECHNICIANS: String(options.technicians ?? 0),
    },
    logFile: options.logFile,
    ipc: true,
  });
  const ready = await new Promise<Extract<SandboxMessage, { type: "ready" }>>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`the sandbox exited (code ${code}) before it was ready; see ${options.logFile}`));
    child.once("exit", onExit);
    child.on("message", (message: SandboxMessage) => {
      if (message.type !== "ready") return;
      child.off("exit", onExit);
      resolve(message);
    });
  });

  let nextId = 0;
  const pending = new Map<number, { resolve: (used: number) => void; reject: (error: Error) => void }>();
  child.on("message", (message: SandboxMessage) => {
    if (message.type !== "usage") return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.used < 0) waiter?.reject(new Error(`the sandbox could not count its requests: ${message.error ?? "unknown error"}`));
    else waiter?.resolve(message.used);
  });
  return {
    apiUrl: ready.apiUrl,
    apiKey: options.apiKey,
    seeded: ready.seeded,
    technicianIds: ready.technicianIds,
    startMs: ready.startMs,
    usage: () =>
      new Promise<number>((resolve, reject) => {
        const id = (nextId += 1);
        pending.set(id, { resolve, reject });
        child.send({ type: "usage", id } satisfies SandboxRequest);
      }),
    stop: () => registry.stop(child),
  };
}

// ---------------------------------------------------------------------------
// The dashboard (a production build) and the empty Next.js app

/** Every variable lib/env.server.ts reads: set here or removed, so nothing from the caller's shell leaks into the measured server. */
const DASHBOARD_VARIABLES = [
  "PORT",
  "APP_URL",
  "CRM_BASE_URL",
  "CRM_API_KEY",
  "CRM_TIMEOUT_MS",
  "CRM_MONTHLY_LIMIT",
  "CRM_CACHE_TTL_SECONDS",
  "CRM_CACHE_STALE_HOURS",
  "CRM_USER_REQUESTS_PER_MINUTE",
  "CRM_ADMIN_REQUESTS_PER_MINUTE",
  "TRADESDESK_SANDBOX",
  "DATABASE_URL",
  "APP_DATA_DIR",
  "AUTH_SECRET",
  "SESSION_IDLE_MINUTES",
  "SESSION_ABSOLUTE_HOURS",
  "ADMIN_EMAIL",
  "ADMIN_PASSWORD",
  "LOG_LEVEL",
  "MIRROR_SYNC",
];

export const BENCH_ADMIN = { email: "bench-admin@bench.example", password: "bench-admin-password" };

export interface Dashboard {
  url: string;
  /** CRM_CACHE_TTL_SECONDS it runs with; 0 means no shared cache. */
  cacheTtlSeconds: number;
  stop(): Promise<void>;
}

export async function startDashboard(
  registry: ProcessRegistry,
  options: { root: string; distDir: string; port: number; crmApiUrl: string; apiKey: string; cacheTtlSeconds: number; logFile: string },
): Promise<Dashboard> {
  assertLoopbackCrmUrl(options.crmApiUrl, "The dashboard's CRM_BASE_URL");
  const url = `http://127.0.0.1:${options.port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of DASHBOARD_VARIABLES) delete env[name];
  Object.assign(env, {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: options.distDir,
    APP_URL: url,
    APP_DATA_DIR: "memory",
    CRM_BASE_URL: options.crmApiUrl,
    CRM_API_KEY: options.apiKey,
    CRM_CACHE_TTL_SECONDS: String(options.cacheTtlSeconds),
    // The bench measures what screens cost; the per-person budget would cut its uncached runs short.
    CRM_ADMIN_REQUESTS_PER_MINUTE: "1000000",
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    // The bench counts what screens cost; the mirror's background sync would add its own requests to theirs.
    MIRROR_SYNC: "off",
  });
  const startArgs = ["start", "-p", String(options.port), "-H", "127.0.0.1"];
  // BENCH_CPU_PROFILE_DIR: each dashboard writes a V8 CPU profile there when it stops (open it in Chrome's
  // DevTools or speedscope): how the CRM path's cost was found (docs/benchmarks.md). Node refuses --cpu-prof
  // in NODE_OPTIONS, so the flag goes on the command line.
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const [command, args] = profileDir
    ? [
        process.execPath,
        ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=dashboard-${options.port}.cpuprofile`, nextBin(options.root), ...startArgs],
      ]
    : [binPath("next"), startArgs];
  const child = registry.spawn(`dashboard :${options.port}`, command, args, { cwd: options.root, env, logFile: options.logFile });
  await waitForPort(options.port, { child, timeoutMs: 120_000 });
  // The first request finishes the server's start-up (database, first admin) before anything is timed.
  await waitForHealthy(`${url}/api/health`, child);
  return { url, cacheTtlSeconds: options.cacheTtlSeconds, stop: () => registry.stop(child) };
}

export async function startEmptyNext(
  registry: ProcessRegistry,
  options: { root: string; appDir: string; port: number; logFile: string },
): Promise<{ url: string; stop(): Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" };
  delete env.NEXT_DIST_DIR;
  const child = registry.spawn(
    `empty Next.js app :${options.port}`,
    binPath("next"),
    ["start", options.appDir, "-p", String(options.port), "-H", "127.0.0.1"],
    {
      cwd: options.root,
      env,
      logFile: options.logFile,
    },
  );
  await waitForPort(options.port, { child, timeoutMs: 60_000 });
  return { url: `http://127.0.0.1:${options.port}`, stop: () => registry.stop(child) };
}

function nextBin(root: string): string {
  return `${root}/node_modules/next/dist/bin/next`;
}

async function waitForHealthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  let last = "";
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (code ${child.exitCode}) during start-up`);
    try {
      const response = await fetch(url);
      last = `${response.status} ${await response.text()}`;
      if (response.ok) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not report healthy within 60 s: ${last}`);
}
