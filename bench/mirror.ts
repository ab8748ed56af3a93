/**
 * The CRM mirror's bench (ADR-014), its own entry point:
 *
 *   npm run bench:mirror -- [--sync-customers 10000] [--sync-jobs 30000]
 *                           [--customers 100000] [--jobs 300000] [--requests 60]
 *                           [--skip-sync] [--skip-queries] [--out docs/mirror-bench.md]
 *
 * 1. Sync: a sandbox CRM in a process of its own, seeded with --sync-customers
 *    and --sync-jobs, and a full pass of the mirror into an in-memory PGlite in
 *    this process: CRM requests (as the sandbox counted them), wall time, and
 *    this process's peak memory (RSS, sampled every 50 ms).
 * 2. Queries: --customers and --jobs synthetic records written straight into
 *    the mirror (no CRM), then each query of lib/mirror/mirror-queries timed
 *    --requests times; the target is a p95 under 50 ms.
 *
 * Runs the app's server-only modules outside Next.js, hence the react-server
 * condition (`server-only` is a no-op under it). Only ever a local sandbox.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createServer } from "node:net";
import { ProcessRegistry, startSandboxProcess } from "./servers";
import { fillMirror } from "./mirror-data";
import { summarize, type Summary } from "./stats";

const root = resolve(import.meta.dirname, "..");
const P95_TARGET_MS = 50;

const { values } = parseArgs({
  options: {
    "sync-customers": { type: "string", default: "10000" },
    "sync-jobs": { type: "string", default: "30000" },
    customers: { type: "string", default: "100000" },
    jobs: { type: "string", default: "300000" },
    requests: { type: "string", default: "60" },
    "skip-sync": { type: "boolean", default: false },
    "skip-queries": { type: "boolean", default: false },
    out: { type: "string", default: "docs/mirror-bench.md" },
  },
});
const option = (name: keyof typeof values) => Number(values[name]);

function memorySampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  return { stop: () => (clearInterval(timer), Math.max(peak, process.memoryUsage().rss)) };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolvePort(address.port) : reject(new Error("no port"))));
    });
  });
}

const mb = (bytes: number) => `${Math.round(bytes / 1048576)} MB`;

interface SyncFigures {
  customers: number;
  jobs: number;
  requests: number;
  expectedRequests: number;
  wallMs: number;
  peakRss: number;
  baselineRss: number;
  mirrored: { customers: number; jobs: number };
}

async function benchSync(registry: ProcessRegistry): Promise<SyncFigures> {
  const customers = option("sync-customers");
  const jobs = option("sync-jobs");
  const apiKey = `ctc_bench_mirror_${randomUUID().slice(0, 8)}`;
  console.log(`sync: seeding a sandbox with ${customers} customers and ${jobs} jobs…`);
  const sandbox = await startSandboxProcess(registry, {
    root,
    port: await freePort(),
    apiKey,
    customers,
    jobs,
    logFile: resolve(root, ".data/bench/mirror-sandbox.log"),
  });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = apiKey;
  const { SyncRunner } = await import("@/lib/mirror/sync-runner.server");
  const { mirrorCounts } = await import("@/lib/mirror/mirror-counts.server");
  const { appDatabase } = await import("@/lib/db/app-database.server");
  await appDatabase();
  const baselineRss = process.memoryUsage().rss;
  const before = await sandbox.usage();
  const sampler = memorySampler();
  const started = performance.now();
  const result = await new SyncRunner().runOnce();
  const wallMs = performance.now() - started;
  const peakRss = sampler.stop();
  if (result.state !== "ran") throw new Error(`the pass did not run: ${JSON.stringify(result)}`);
  const requests = (await sandbox.usage()) - before;
  const counts = await mirrorCounts((await import("@/lib/mirror/mirror-scope.server")).currentMirrorScope());
  await sandbox.stop();
  const expectedRequests = Math.ceil(customers / 100) + Math.ceil(jobs / 100) + 1;
  return {
    customers,
    jobs,
    requests,
    expectedRequests,
    wallMs,
    peakRss,
    baselineRss,
    mirrored: { customers: counts.customers + counts.deletedCustomers, jobs: counts.jobs + counts.deletedJobs },
  };
}

interface QueryFigure {
  name: string;
  /** The same query again: its total is kept until the mirror is next written. */
  repeat: Summary;
  /** As after any write to the mirror: the total is counted again. */
  firstView: Summary;
  total: number;
}

async function benchQueries(): Promise<{ fillMs: number; customers: number; jobs: number; figures: QueryFigure[] }> {
  const customers = option("customers");
  const jobs = option("jobs");
  const requests = option("requests");
  const scope = `bench-${randomUUID()}`;
  console.log(`queries: writing ${customers} customers and ${jobs} jobs into the mirror…`);
  const started = performance.now();
  const { technician } = await fillMirror(scope, customers, jobs);
  const fillMs = performance.now() - started;
  // What a full pass ends with in production.
  const { tidyMirror } = await import("@/lib/mirror/mirror-store.server");
  await tidyMirror();
  const q = await import("@/lib/mirror/mirror-queries.server");
  const options = { scope };
  const cases: Array<[string, () => Promise<{ total: number }>]> = [
    ["customers, by name, page 1", () => q.queryCustomers({ limit: 50 }, options)],
    ["customers, by city desc, page 40", () => q.queryCustomers({ sort: "city", direction: "desc", page: 40, limit: 50 }, options)],
    ["customers, by created_at desc", () => q.queryCustomers({ sort: "created_at", direction: "desc", limit: 50 }, options)],
    ["customers, by name, page 500", () => q.queryCustomers({ page: 500, limit: 50 }, options)],
    ["customers, tag + lead source", () => q.queryCustomers({ filters: { tag: "gold", lead_source: "Referral" }, limit: 50 }, options)],
    ["customers, commercial VIP in a city", () => q.queryCustomers({ filters: { type: "commercial", vip: true, city: "Tacoma" }, limit: 50 }, options)],
    ["customers, search a name", () => q.queryCustomers({ filters: { search: "kowalski" }, limit: 50 }, options)],
    ["customers, search phone digits", () => q.queryCustomers({ filters: { search: "555-12" }, limit: 50 }, options)],
    ["jobs, open statuses by date", () => q.queryJobs({ sort: "scheduled_date", filters: { statuses: ["Scheduled", "In Progress"] }, limit: 50 }, options)],
    [
      "jobs, one month for a technician",
      () => q.queryJobs({ sort: "scheduled_date", filters: { assigned_to_user_id: technician, from: "2026-03-01", to: "2026-03-31" }, limit: 50 }, options),
    ],
    ["jobs, unassigned and unscheduled", () => q.queryJobs({ filters: { unassigned: true, unscheduled: true }, limit: 50 }, options)],
    ["jobs, by amount desc", () => q.queryJobs({ sort: "estimated_amount", direction: "desc", limit: 50 }, options)],
    ["jobs, a month by date", () => q.queryJobs({ sort: "scheduled_date", filters: { from: "2026-05-01", to: "2026-05-31" }, limit: 50 }, options)],
    ["schedule, a week", () => q.scheduleJobs({ from: "2026-05-04", to: "2026-05-10" }, options)],
    ["address, number + street", () => q.lookupAddress({ q: "1423 map" }, options)],
    ["address, a ZIP", () => q.lookupAddress({ q: "98402" }, options)],
    ["trash, customers", () => q.queryDeleted("customers", { limit: 25 }, options)],
    ["overview of a day", async () => ({ total: (await q.overviewFromMirror({ day: "2026-05-05" }, options)).jobsTotal })],
  ];
  const { mirrorChanged } = await import("@/lib/mirror/mirror-totals.server");
  const figures: QueryFigure[] = [];
  const time = async (run: () => Promise<unknown>, before?: () => void) => {
    const times: number[] = [];
    for (let i = 0; i < requests; i += 1) {
      before?.();
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    return summarize(times);
  };
  for (const [name, run] of cases) {
    const total = (await run()).total; // warm
    await run();
    const repeat = await time(run);
    const firstView = await time(run, () => mirrorChanged(scope));
    figures.push({ name, repeat, firstView, total });
    console.log(`  ${name}: p95 ${repeat.p95.toFixed(1)} ms again, ${firstView.p95.toFixed(1)} ms after a write (${total} matches)`);
  }
  return { fillMs, customers, jobs, figures };
}

async function main() {
  process.env.APP_DATA_DIR = "memory";
  process.env.LOG_LEVEL = "silent";
  process.env.CRM_CACHE_TTL_SECONDS = "0";
  process.env.MIRROR_SYNC = "off";
  process.env.CRM_MONTHLY_LIMIT = "100000000";
  const registry = new ProcessRegistry();
  process.on("exit", () => registry.killAllNow());
  const load = (await import("node:os")).loadavg()[0]!.toFixed(1);
  const cores = (await import("node:os")).availableParallelism();
  const lines = [
    "# The CRM mirror: sync and query bench",
    "",
    `Generated by \`npm run bench:mirror\` on ${new Date().toISOString().slice(0, 10)} (ADR-014). One process, PGlite in memory; ${cores} cores, load average ${load} when it started (other work on the machine slows every figure).`,
    "",
  ];
  try {
    if (!values["skip-sync"]) {
      const sync = await benchSync(registry);
      lines.push(
        "## A full pass",
        "",
        "| records in the CRM | CRM requests | expected (pages of 100) | wall time | peak memory (RSS) | before the pass | mirrored |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        `| ${sync.customers} customers, ${sync.jobs} jobs | ${sync.requests} | ${sync.expectedRequests} + heads | ${(sync.wallMs / 1000).toFixed(1)} s | ${mb(sync.peakRss)} | ${mb(sync.baselineRss)} | ${sync.mirrored.customers} customers, ${sync.mirrored.jobs} jobs |`,
        "",
      );
      console.log(`sync: ${sync.requests} requests, ${(sync.wallMs / 1000).toFixed(1)} s, peak ${mb(sync.peakRss)}`);
    }
    if (!values["skip-queries"]) {
      const queries = await benchQueries();
      lines.push(
        `## Queries at ${queries.customers} customers and ${queries.jobs} jobs`,
        "",
        `Written into the mirror in ${(queries.fillMs / 1000).toFixed(0)} s. ${option("requests")} timed runs of each after two warm ones; target p95 < ${P95_TARGET_MS} ms.`,
        "",
        '"Again" repeats the query (its total is kept until the mirror is next written); "after a write" counts the total again, as the first view after any change does.',
        "",
        "| query | matches | p50 again | p95 again | p50 after a write | p95 after a write | |",
        "| --- | --- | --- | --- | --- | --- | --- |",
        ...queries.figures.map(
          (figure) =>
            `| ${figure.name} | ${figure.total} | ${figure.repeat.p50.toFixed(1)} ms | ${figure.repeat.p95.toFixed(1)} ms | ${figure.firstView.p50.toFixed(1)} ms | ${figure.firstView.p95.toFixed(1)} ms | ${figure.repeat.p95 < P95_TARGET_MS ? "ok" : "over"} / ${figure.firstView.p95 < P95_TARGET_MS ? "ok" : "over"} |`,
        ),
        "",
      );
    }
  } finally {
    await registry.stopAll();
  }
  const out = resolve(root, values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${lines.join("\n")}\n`);
  console.log(`written: ${values.out}`);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
