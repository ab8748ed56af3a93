/**
 * `npm run bench`: what the dashboard costs in time, bytes and CRM requests,
 * measured side by side with calling the CRM directly, written to
 * docs/benchmarks.md. See `npm run bench -- --help` for partial runs.
 */
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "@playwright/test";
import { canConnect } from "../scripts/lib/processes";
import { launchChromium, signedInState } from "./browser";
import { buildDashboard, buildEmptyNext, restoreTsconfigNow } from "./build";
import { analyzeBuild, attributeRoute, type RouteAttribution } from "./bundle-attribution";
import { runMirrorPass } from "./mirror-pass";
import { measureListByWindowHeight, measureRevisits, runOfficeSession, trashStatus, type NewCaller, type SessionEnvironment } from "./crm-requests";
import { signIn } from "./dashboard-session";
import { checkCrmTarget, ExternalCrmRefusedError } from "./local-crm-guard";
import { measureLighthouse } from "./lighthouse";
import { measureLookupLatency } from "./lookup-latency";
import { describeMachine, LoadSampler } from "./machine";
import { OptionsError, parseBenchOptions, USAGE, type BenchOptions, type Part } from "./options";
import { measurePages, type PageTarget } from "./page-weight";
import { evaluateTargets, renderReport, writeReport, type BenchReport } from "./report";
import { readSamples, type SampleCustomer } from "./samples";
import { runSandboxScale } from "./sandbox-scale";
import { measureRouteFloor, measureServerOverhead } from "./server-overhead";
import { measureWeekView, WEEK_TECHNICIANS } from "./week-view";
import { measureLiveUpdates } from "./live-updates";
import { ProcessRegistry, startDashboard, startEmptyNext, startSandboxProcess, type Dashboard, type SandboxProcess } from "./servers";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * Ports of the bench's own servers, apart from the ones tests and `npm start` use (3000-3102, 4010-4112).
 * `BENCH_PORT_OFFSET` moves them all, so two partial runs on one machine do not collide.
 */
const PORT_OFFSET = benchPortOffset(process.env.BENCH_PORT_OFFSET);
const PORTS = {
  cachedDashboard: 3300 + PORT_OFFSET,
  uncachedDashboard: 3301 + PORT_OFFSET,
  emptyNext: 3302 + PORT_OFFSET,
  sandbox: 4300 + PORT_OFFSET,
} as const;

function benchPortOffset(value: string | undefined): number {
  if (value === undefined || value === "") return 0;
  const offset = Number(value);
  if (!Number.isInteger(offset) || offset < 0 || offset > 600) throw new Error(`BENCH_PORT_OFFSET must be a whole number from 0 to 600, not "${value}".`);
  return offset;
}
const DIST_DIR = ".data/next-bench";
const EMPTY_APP_DIR = ".data/bench/empty-next";
const LOGS = ".data/bench/logs";
const BENCH_API_KEY = "ctc_bench_sandbox_key";
const SHIPPED_CACHE_TTL_SECONDS = 15;
const LOOKUPS = 40;
const PAGE_LOADS = 5;
const SESSIONS = 2;

const runStarted = performance.now();
const log = (line: string) => console.log(`[bench ${((performance.now() - runStarted) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const logFile = (name: string) => resolve(root, LOGS, name);

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return 0;
  }
  // First of all: nothing may start, not even a build, before the target is known to be local.
  let notes: string[];
  let options: BenchOptions;
  try {
    notes = checkCrmTarget(process.env, argv);
    options = parseBenchOptions(argv);
  } catch (error) {
    if (error instanceof ExternalCrmRefusedError || error instanceof OptionsError) {
      console.error(error.message);
      return 2;
    }
    throw error;
  }
  for (const note of notes) log(note);
  const parts = [...options.parts];
  log(`Parts: ${parts.join(", ")}; report: ${options.out}`);
  if (options.dryRun) {
    log(
      `Dry run: would start the sandbox on 127.0.0.1:${PORTS.sandbox} and the dashboard on ${PORTS.cachedDashboard} and ${PORTS.uncachedDashboard}; nothing started.`,
    );
    return 0;
  }

  const registry = new ProcessRegistry();
  let browser: Browser | null = null;
  const stopEverything = async () => {
    await browser?.close().catch(() => undefined);
    browser = null;
    await registry.stopAll();
  };
  const interrupted = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping every server the bench started …`);
    restoreTsconfigNow();
    void stopEverything().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  process.once("exit", () => registry.killAllNow());

  const sampler = new LoadSampler();
  const endRun = sampler.span();
  const startedAt = new Date();
  const started = performance.now();
  const needsDashboard = parts.some((part) => part !== "scale");
  const report: BenchReport = {
    options,
    command: commandLine(argv),
    startedAt,
    durationMs: 0,
    machine: describeMachine(),
    chromium: null,
    sources: describeSources(),
    load: { run: { start: 0, end: 0, max: 0 }, parts: {} },
    sandbox: null,
    build: null,
    emptyBuild: null,
  };

  try {
    if (needsDashboard) {
      await assertPortsFree([PORTS.sandbox, PORTS.cachedDashboard, PORTS.uncachedDashboard, ...(options.parts.has("pages") ? [PORTS.emptyNext] : [])]);
      report.build = await buildDashboard({ root, distDir: DIST_DIR, force: options.rebuild, logFile: logFile("next-build.log"), log });
      if (options.parts.has("pages"))
        report.emptyBuild = await buildEmptyNext({ root, appDir: EMPTY_APP_DIR, force: options.rebuild, logFile: logFile("empty-next-build.log"), log });

      log(`Starting the sandbox CRM with ${options.customers} customers and ${options.jobs} jobs …`);
      const sandbox = await startSandboxProcess(registry, {
        root,
        port: PORTS.sandbox,
        apiKey: BENCH_API_KEY,
        customers: options.customers,
        jobs: options.jobs,
        technicians: options.parts.has("week") ? WEEK_TECHNICIANS : 0,
        logFile: logFile("sandbox.log"),
      });
      report.sandbox = { customers: sandbox.seeded.customers, jobs: sandbox.seeded.jobs, startMs: sandbox.startMs };
      log(`Sandbox ready after ${(sandbox.startMs / 1000).toFixed(1)} s; starting two dashboards (shared cache on and off) …`);
      const [cached, uncached] = await Promise.all([
        startDashboard(registry, {
          root,
          distDir: DIST_DIR,
          port: PORTS.cachedDashboard,
          crmApiUrl: sandbox.apiUrl,
          apiKey: BENCH_API_KEY,
          cacheTtlSeconds: SHIPPED_CACHE_TTL_SECONDS,
          logFile: logFile("dashboard-cached.log"),
        }),
        startDashboard(registry, {
          root,
          distDir: DIST_DIR,
          port: PORTS.uncachedDashboard,
          crmApiUrl: sandbox.apiUrl,
          apiKey: BENCH_API_KEY,
          cacheTtlSeconds: 0,
          logFile: logFile("dashboard-uncached.log"),
        }),
      ]);
      const samples = await readSamples(sandbox.apiUrl, BENCH_API_KEY, { lookups: LOOKUPS, sessions: SESSIONS });

      if (options.parts.has("overhead")) {
        log("Part 1: server overhead …");
        const end = sampler.span();
        const direct = { baseUrl: sandbox.apiUrl, headers: { authorization: `Bearer ${BENCH_API_KEY}` } };
        const dashboard = { baseUrl: uncached.url, headers: { cookie: await signIn(uncached.url) } };
        const cachedDashboard = { baseUrl: cached.url, headers: { cookie: await signIn(cached.url) } };
        const result = await measureServerOverhead({ direct, dashboard, cachedDashboard, samples, log });
        const floor = await measureRouteFloor({ direct, dashboard, cachedDashboard, requests: 300, rounds: 5 });
        report.overhead = { result, floor };
        report.load.parts.overhead = end();
      }

      const needsBrowser = ["pages", "lookup", "requests", "week", "live"].some((part) => options.parts.has(part as Part));
      if (needsBrowser) {
        browser = await launchChromium();
        report.chromium = `Chromium ${browser.version()} (headless)`;
      }

      if (options.parts.has("pages") && browser) {
        log("Part 2: page weight and speed …");
        const end = sampler.span();
        const emptyNext = await startEmptyNext(registry, { root, appDir: EMPTY_APP_DIR, port: PORTS.emptyNext, logFile: logFile("empty-next.log") });
        const storageState = await signedInState(browser, uncached.url);
        const customerPath = `/customers/${samples.customerWithJobs.uuid}`;
        const targets: PageTarget[] = [
          { name: "home (overview)", url: `${uncached.url}/`, expectPath: "/", analyzeRoute: "/", storageState },
          { name: "/customers", url: `${uncached.url}/customers`, expectPath: "/customers", analyzeRoute: "/customers", storageState },
          { name: "/lookup", url: `${uncached.url}/lookup`, expectPath: "/lookup", analyzeRoute: "/lookup", storageState },
          { name: "/jobs/board", url: `${uncached.url}/jobs/board`, expectPath: "/jobs/board", analyzeRoute: "/jobs/board", storageState },
          { name: "a customer page", url: `${uncached.url}${customerPath}`, expectPath: customerPath, analyzeRoute: "/customers/[uuid]", storageState },
          { name: "empty Next.js page", url: `${emptyNext.url}/`, expectPath: "/", analyzeRoute: null },
        ];
        const results = await measurePages({ browser, targets, loads: PAGE_LOADS, log });
        await emptyNext.stop();
        report.load.parts.pages = end();
        const baseline = results.pop();
        if (!baseline) throw new Error("the baseline page was not measured");
        report.pages = { results, baseline, attribution: await attributeJavaScript(targets), loads: PAGE_LOADS, cacheTtlSeconds: uncached.cacheTtlSeconds };
      }

      if (options.parts.has("lookup") && browser) {
        log(`Part 3: lookup latency (${LOOKUPS} lookups) …`);
        const end = sampler.span();
        report.lookup = await measureLookupLatency({
          browser,
          appUrl: cached.url,
          storageState: await signedInState(browser, cached.url),
          callers: samples.lookupCallers,
          log,
        });
        report.load.parts.lookup = end();
      }

      if (options.parts.has("lighthouse")) {
        log("Part 8: Lighthouse, desktop and mobile …");
        const end = sampler.span();
        report.lighthouse = await runLighthouse(cached, sandbox, samples.customerWithJobs.uuid);
        report.load.parts.lighthouse = end();
      }

      if (options.parts.has("requests") && browser) {
        log("Part 4: CRM requests per task …");
        const end = sampler.span();
        report.requests = await countSessions(browser, sandbox, [uncached, cached], samples.sessionCallers);
        report.load.parts.requests = end();
      }

      // Last of the parts on this sandbox: the week's jobs it adds are in no other part's lists.
      if (options.parts.has("week") && browser) {
        log("Part 6: the schedule's week view …");
        const end = sampler.span();
        report.week = await measureWeekView({
          browser,
          appUrl: cached.url,
          storageState: await signedInState(browser, cached.url),
          sandbox,
          technicianIds: sandbox.technicianIds,
          loads: PAGE_LOADS,
          log,
        });
        report.load.parts.week = end();
      }

      if (options.parts.has("live") && browser) {
        log("Part 7: live updates …");
        const end = sampler.span();
        report.live = await measureLiveUpdates({
          browser,
          appUrl: cached.url,
          port: PORTS.cachedDashboard,
          storageState: await signedInState(browser, cached.url),
          cookie: await signIn(cached.url),
          sandbox,
          log,
        });
        report.load.parts.live = end();
      }

      await stopEverything();
    }

    if (options.parts.has("scale")) {
      log(
        `Part 5: the sandbox at ${options.scaleCustomers} customers and ${options.scaleJobs} jobs (a fresh data directory is seeded first, which takes minutes) …`,
      );
      const end = sampler.span();
      report.scale = await runSandboxScale({
        root,
        customers: options.scaleCustomers,
        jobs: options.scaleJobs,
        requests: options.scaleRequests,
        warmup: options.scaleWarmup,
        outFile: ".data/bench/sandbox-scale.md",
        logFile: logFile("sandbox-scale.log"),
      });
      report.load.parts.scale = end();
    }

    report.durationMs = performance.now() - started;
    report.load.run = endRun();
    const targets = evaluateTargets(report);
    writeReport(resolve(root, options.out), renderReport(report, targets));
    log(`Written to ${options.out} after ${(report.durationMs / 1000).toFixed(0)} s.`);
    for (const target of targets) log(`${target.met ? "met   " : "MISSED"}  ${target.target}: ${target.measured}`);
    return 0;
  } finally {
    sampler.stop();
    await stopEverything();
  }

  async function attributeJavaScript(targets: PageTarget[]): Promise<RouteAttribution[] | string> {
    try {
      log("  attributing the JavaScript with next analyze …");
      await analyzeBuild({ root, distDir: `${DIST_DIR}-analyze`, logFile: logFile("next-analyze.log") });
      const routes = targets.flatMap((target) => (target.analyzeRoute ? [target.analyzeRoute] : []));
      return await Promise.all(routes.map((route) => attributeRoute({ root, distDir: `${DIST_DIR}-analyze`, route })));
    } catch (error) {
      // The attribution explains the bytes; the measured bytes stand without it.
      return error instanceof Error ? error.message : String(error);
    }
  }
}

/**
 * Part 8 on the dashboard as shipped (shared cache on), its mirror filled by a
 * full pass first so the overview shows the sandbox's lists, signed in by a
 * Cookie header. The overview is measured with the `tz` cookie of this
 * machine's zone (the zone Chromium runs in) and without it (ADR-025).
 */
async function runLighthouse(dashboard: Dashboard, sandbox: SandboxProcess, customerUuid: string): Promise<NonNullable<BenchReport["lighthouse"]>> {
  log(" a full pass of the mirror (Sync now) …");
  const pass = await runMirrorPass(dashboard.url, sandbox.usage);
  log(`  ${pass.requests} CRM requests in ${(pass.ms / 1000).toFixed(1)} s`);
  const session = await signIn(dashboard.url);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const withZone = `${session}; tz=${encodeURIComponent(zone)}`;
  const page = (name: string, path: string, variant = "") => ({ name, variant, url: `${dashboard.url}${path}`, cookie: withZone });
  return measureLighthouse({
    targets: [
      page("home (overview)", "/", "with tz"),
      { ...page("home (overview)", "/", "without tz"), cookie: session },
      page("/customers", "/customers"),
      page("/lookup", "/lookup"),
      page("/jobs/board", "/jobs/board"),
      page("a customer page", `/customers/${customerUuid}`),
    ],
    reportDir: resolve(root, ".data/bench/lighthouse"),
    log,
  });
}

async function countSessions(
  browser: Browser,
  sandbox: SandboxProcess,
  dashboards: Dashboard[],
  callers: SampleCustomer[],
): Promise<NonNullable<BenchReport["requests"]>> {
  const sessions: NonNullable<BenchReport["requests"]>["sessions"] = [];
  const revisits: NonNullable<BenchReport["requests"]>["revisits"] = [];
  let listByHeight: NonNullable<BenchReport["requests"]>["listByHeight"] = [];
  const mirrorPasses: NonNullable<BenchReport["requests"]>["mirrorPasses"] = [];
  // Cache off first: the cached instance then starts with nothing fresh left from parts 2 and 3.
  const ordered = [...dashboards].sort((a, b) => a.cacheTtlSeconds - b.cacheTtlSeconds);
  for (const [index, dashboard] of ordered.entries()) {
    const env: SessionEnvironment = {
      browser,
      appUrl: dashboard.url,
      cacheTtlSeconds: dashboard.cacheTtlSeconds,
      storageState: await signedInState(browser, dashboard.url),
      usage: sandbox.usage,
      log,
    };
    const first = callers[index * 2];
    const second = callers[index * 2 + 1];
    if (!first || !second) throw new Error("not enough sample callers for the sessions");
    // The mirror full, as in use: one full pass first, counted apart from the session (ADR-018).
    log(` a full pass of the mirror (Sync now) on the dashboard with the shared cache ${dashboard.cacheTtlSeconds > 0 ? "on" : "off"} …`);
    const pass = await runMirrorPass(dashboard.url, sandbox.usage);
    log(`  ${pass.requests} CRM requests in ${(pass.ms / 1000).toFixed(1)} s`);
    mirrorPasses.push({ cacheTtlSeconds: dashboard.cacheTtlSeconds, pass });
    const newCaller = await unknownCaller(sandbox);
    const trash = await trashStatus(env);
    log(
      ` session with the shared cache ${dashboard.cacheTtlSeconds > 0 ? `on (${dashboard.cacheTtlSeconds} s)` : "off"}${trash === 200 ? "" : ` (/trash answered ${trash}: that step is skipped)`}`,
    );
    await pauseBeyondCacheLifetime(dashboard);
    sessions.push(
      await runOfficeSession(env, { callers: [first, second], newCaller, jobTitle: `Water heater leaking (${newCaller.lastName})`, trashStatus: trash }),
    );
    log(` revisits with the shared cache ${dashboard.cacheTtlSeconds > 0 ? "on" : "off"}`);
    await pauseBeyondCacheLifetime(dashboard);
    revisits.push({
      cacheTtlSeconds: dashboard.cacheTtlSeconds,
      rows: await measureRevisits(env, [
        { name: "home (overview)", path: "/" },
        { name: "/customers", path: "/customers" },
        { name: "/jobs/board", path: "/jobs/board" },
        { name: "a customer page", path: `/customers/${first.uuid}` },
      ]),
    });
    if (dashboard.cacheTtlSeconds === 0) {
      log(" the customer list at four window heights (cache off)");
      listByHeight = await measureListByWindowHeight(env, [500, 800, 1400, 2400]);
    }
  }
  return { sessions, revisits, listByHeight, mirrorPasses };
}

/** Waits out the shared cache's lifetime, so a measurement starts with nothing cached from the one before. */
async function pauseBeyondCacheLifetime(dashboard: Dashboard): Promise<void> {
  if (dashboard.cacheTtlSeconds > 0) await new Promise((done) => setTimeout(done, (dashboard.cacheTtlSeconds + 1) * 1000));
}

/** A caller the CRM has never seen: a random US number with no match, and a name of letters only (the form refuses digits). */
async function unknownCaller(sandbox: SandboxProcess): Promise<NewCaller> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const digit = (min = 0) => String(min + Math.floor(Math.random() * (10 - min)));
    const phone = `${digit(2)}${digit()}${digit()}-${digit(2)}${digit()}${digit()}-${digit()}${digit()}${digit()}${digit()}`;
    const response = await fetch(`${sandbox.apiUrl}/customers?limit=1&search=${phone.replace(/-/g, "")}`, {
      headers: { authorization: `Bearer ${sandbox.apiKey}` },
    });
    const body = (await response.json()) as { data: { pagination: { total: number } } };
    if (body.data.pagination.total === 0) {
      const letters = randomUUID()
        .replace(/[^a-f]/g, "")
        .slice(0, 6)
        .padEnd(6, "x");
      return { phone, firstName: "Avery", lastName: `Benchley${letters}` };
    }
  }
  throw new Error("could not find a phone number the sandbox does not know");
}

async function assertPortsFree(ports: readonly number[]): Promise<void> {
  for (const port of ports) {
    if (await canConnect("127.0.0.1", port))
      throw new Error(`Port ${port} is in use (is another bench running?). The bench uses ${Object.values(PORTS).join(", ")}.`);
  }
}

/** Others commit and edit in this checkout while the bench runs: say what was measured. */
function describeSources(): string {
  const git = (args: string[]) => spawnSync("git", args, { cwd: root, encoding: "utf8" });
  const head = git(["rev-parse", "--short", "HEAD"]);
  if (head.status !== 0) return "not a git checkout";
  const changed = git(["status", "--porcelain"]).stdout.split("\n").filter(Boolean).length;
  return `commit ${head.stdout.trim()}${changed ? `, with ${changed} uncommitted changed or new files in the working tree` : ", no uncommitted changes"}`;
}

function commandLine(argv: readonly string[]): string {
  return ["npm run bench", ...(argv.length ? ["--", ...argv] : [])].join(" ");
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
