/**
 * Scale benchmark of the sandbox CRM: seeds a company with many customers and
 * jobs in a PGlite data directory, starts the real sandbox server on it and
 * times list and search requests over HTTP, as the dashboard makes them.
 *
 *   npm run bench:sandbox -- [--customers 100000] [--jobs 300000] [--reuse]
 *                            [--requests 200] [--warmup 20] [--shared-buffers 512MB]
 *                            [--out docs/sandbox-scale.md]
 *
 * --reuse keeps an existing, completely seeded data directory instead of
 * seeding again (seeding 100k/300k takes minutes).
 *
 * --shared-buffers is PGlite's buffer cache for the run (what
 * SANDBOX_PG_SHARED_BUFFERS sets for `npm run sandbox`). PGlite's default,
 * 128MB, is smaller than this store's working set (jobs and their trigram
 * index alone are about 195 MB), so searches would reread blocks through the
 * WASM file system; each 128MB more costs about 130 MB of memory.
 *
 * List totals are cached per company and filter until the company's table is
 * written (sandbox/src/db/list-totals.ts), so the ordinary cases, which repeat
 * a few requests, measure the cached path. The "after a write" cases measure
 * what a first-time list pays (the count): before each of their requests, an
 * untimed write through the API (a restore of an active record, which changes
 * only its updated_at) makes the next list of that table count again. They run
 * in a phase of their own, after the others, since their writes would spoil
 * the others' caches.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { sharedBuffersSchema } from "../src/config";
import { startSandbox, type Sandbox } from "../src/server";

const API_KEY = "ctc_bench_scale_key_0001";
const P95_TARGET_MS = 100;
/** Far above anything a run sends, so the quota never answers instead of the query. */
const BENCH_QUOTA = 10_000_000;

interface Options {
  customers: number;
  jobs: number;
  reuse: boolean;
  requests: number;
  warmup: number;
  seed: number;
  /** PGlite's shared_buffers, e.g. "512MB". */
  sharedBuffers: string;
  out: string;
}

/** Written once seeding has finished: a directory without it is incomplete and is seeded afresh. */
interface SeedRecord {
  customers: number;
  jobs: number;
  seed: number;
  seedingMs: number;
  /** CPU time of this process during start-up: unlike wall time, barely moved by other load on a shared machine. */
  seedingCpuMs: number;
  seededAt: string;
}

interface Case {
  name: string;
  /** Path and query under /api/v1 for the i-th request; cases rotate over sample values. */
  path: (index: number) => string;
  /** Untimed, before each request (warm-up included): a write that makes the request miss the list-total cache. */
  before?: () => Promise<void>;
}

interface Phase {
  cases: Case[];
  /** The sandbox's list-total counts and cache hits during this phase's timed and warm-up requests. */
  counts: number;
  hits: number;
}

interface Result {
  name: string;
  example: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Process CPU time per request (client and server share the process): far less sensitive to other load than wall time. */
  cpuP50: number;
  cpuP95: number;
  total: number;
}

async function main(): Promise<void> {
  const options = parseOptions();
  const dataDir = resolve(".data", `bench-sandbox-${options.customers}-${options.jobs}`);
  const recordFile = join(dataDir, "bench-seed.json");
  const previous = options.reuse ? readSeedRecord(recordFile, options) : null;
  if (!previous) rmSync(dataDir, { recursive: true, force: true });

  console.log(
    previous ? `Reusing ${dataDir} (seeded ${previous.seededAt})` : `Seeding ${options.customers} customers and ${options.jobs} jobs into ${dataDir} …`,
  );
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const sandbox = await startSandbox({
    port: 0,
    apiKeys: [API_KEY],
    storage: { kind: "directory", path: dataDir, sharedBuffers: options.sharedBuffers },
    seed: { customers: options.customers, jobs: options.jobs, seed: options.seed },
    monthlyQuota: BENCH_QUOTA,
  });
  const startMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const startCpuMs = (cpu.user + cpu.system) / 1000;
  let record = previous;
  if (!record) {
    record = {
      customers: options.customers,
      jobs: options.jobs,
      seed: options.seed,
      seedingMs: startMs,
      seedingCpuMs: startCpuMs,
      seededAt: new Date().toISOString(),
    };
    writeFileSync(recordFile, `${JSON.stringify(record, null, 2)}\n`);
  }
  console.log(
    `Sandbox up at ${sandbox.url} after ${seconds(startMs)}, ${seconds(startCpuMs)} CPU (${previous ? "no seeding" : "migrations, company set-up and seeding"}), shared_buffers ${options.sharedBuffers}`,
  );

  try {
    const loadBefore = os.loadavg();
    const { cached, afterWrite } = await buildCases(sandbox);
    const results: Result[] = [];
    const phases: Phase[] = [];
    for (const cases of [cached, afterWrite]) {
      const statsBefore = sandbox.listTotals.stats();
      results.push(...(await measure(sandbox, cases, options)));
      const statsAfter = sandbox.listTotals.stats();
      phases.push({ cases, counts: statsAfter.counts - statsBefore.counts, hits: statsAfter.hits - statsBefore.hits });
      console.log(`${cases.length} cases: ${statsAfter.counts - statsBefore.counts} totals counted, ${statsAfter.hits - statsBefore.hits} from the cache`);
    }
    for (const result of results) {
      console.log(
        `${result.name.padEnd(48)} p50 ${ms(result.p50).padStart(7)}  p95 ${ms(result.p95).padStart(7)}  p99 ${ms(result.p99).padStart(7)}  max ${ms(result.max).padStart(7)}  cpu p50 ${ms(result.cpuP50).padStart(6)}  total ${result.total}`,
      );
    }
    const loadAfter = os.loadavg();
    const table = markdownTable(results);
    console.log(`\n${table}`);
    const report = renderReport(options, record, results, table, { before: loadBefore, after: loadAfter }, phases);
    writeReport(resolve(options.out), report);
    console.log(`\nWritten to ${options.out}`);
    const misses = results.filter((result) => result.p95 >= P95_TARGET_MS);
    if (misses.length > 0) console.log(`p95 target (${P95_TARGET_MS} ms) missed by: ${misses.map((result) => result.name).join(", ")}`);
  } finally {
    await sandbox.close();
  }
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      customers: { type: "string", default: "100000" },
      jobs: { type: "string", default: "300000" },
      reuse: { type: "boolean", default: false },
      requests: { type: "string", default: "200" },
      warmup: { type: "string", default: "20" },
      seed: { type: "string", default: "1" },
      "shared-buffers": { type: "string", default: "512MB" },
      out: { type: "string", default: "docs/sandbox-scale.md" },
    },
    allowPositionals: false,
  });
  const count = (name: string, text: string, min: number): number => {
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < min) throw new Error(`--${name} must be a whole number ≥ ${min}, got "${text}"`);
    return value;
  };
  const sharedBuffers = sharedBuffersSchema("--shared-buffers").safeParse(values["shared-buffers"]);
  if (!sharedBuffers.success) throw new Error(`${sharedBuffers.error.issues[0]?.message ?? "--shared-buffers is invalid"}, got "${values["shared-buffers"]}"`);
  return {
    customers: count("customers", values.customers, 1),
    jobs: count("jobs", values.jobs, 0),
    reuse: values.reuse,
    requests: count("requests", values.requests, 1),
    warmup: count("warmup", values.warmup, 0),
    seed: count("seed", values.seed, 0),
    sharedBuffers: sharedBuffers.data,
    out: values.out,
  };
}

function readSeedRecord(file: string, options: Options): SeedRecord | null {
  if (!existsSync(file)) return null;
  const record = JSON.parse(readFileSync(file, "utf8")) as SeedRecord;
  const matches = record.customers === options.customers && record.jobs === options.jobs && record.seed === options.seed;
  return matches && typeof record.seedingCpuMs === "number" ? record : null;
}

// ---------------------------------------------------------------------------
// Cases: sample values are read over the API first, so every search hits
// data that exists (except the no-match case) and nothing is read behind the
// server's back.

interface CustomerSample {
  uuid: string;
  last_name: string;
  email: string | null;
  phone: string | null;
}

interface JobSample {
  uuid: string;
  job_number: string | null;
  customer_uuid: string;
  assigned_to_user_id: string | null;
  location_uuid: string | null;
}

async function buildCases(sandbox: Sandbox): Promise<{ cached: Case[]; afterWrite: Case[] }> {
  const customers = await samplePages<CustomerSample>(sandbox, "customers", "customers");
  const jobs = await samplePages<JobSample>(sandbox, "jobs", "jobs");
  const lastNames = distinct(customers.map((customer) => customer.last_name)).slice(0, 25);
  const emailFragments = distinct(
    customers.flatMap((customer) => (customer.email ? [customer.email.split("@")[0]?.slice(0, 7) ?? ""] : [])).filter((fragment) => fragment.length >= 5),
  ).slice(0, 25);
  const phones = distinct(customers.flatMap((customer) => (customer.phone ? [customer.phone] : []))).slice(0, 25);
  const jobNumbers = distinct(jobs.flatMap((job) => (job.job_number ? [job.job_number] : []))).slice(0, 25);
  const jobCustomers = distinct(jobs.map((job) => job.customer_uuid)).slice(0, 25);
  const technicians = distinct(jobs.flatMap((job) => (job.assigned_to_user_id ? [job.assigned_to_user_id] : [])));
  const locations = distinct(jobs.flatMap((job) => (job.location_uuid ? [job.location_uuid] : [])));
  for (const [label, values] of Object.entries({ lastNames, emailFragments, phones, jobNumbers, jobCustomers, technicians, locations })) {
    if (values.length === 0) throw new Error(`no sample values for ${label}: is the store seeded?`);
  }
  const rotate = (values: readonly string[]) => (index: number) => encodeURIComponent(values[index % values.length] ?? "");
  const lastName = rotate(lastNames);
  const email = rotate(emailFragments);
  const phone = rotate(phones);
  const digits = rotate(phones.map((value) => value.replace(/\D/g, "")));
  const twoLetters = rotate(["an", "er", "ma", "li", "so", "ch"]);
  // Pairs few customers contain: no index finds them, so the page itself is a scan (the total comes from the gram table).
  const rareTwoLetters = rotate(["sy", "cj", "yb", "qj", "xa", "gy"]);
  const noMatch = rotate(["qzxvjk", "wxqzpf", "zzqvbn", "kqzxwy"]);
  const titleWord = rotate(["heater", "breaker", "furnace", "leak", "panel", "cooling"]);
  const jobNumber = rotate(jobNumbers);
  const customer = rotate(jobCustomers);
  const technician = rotate(technicians);
  const location = rotate(locations);
  const [customerToWrite] = customers;
  const [jobToWrite] = jobs;
  if (!customerToWrite || !jobToWrite) throw new Error("no customer or job to write to: is the store seeded?");
  const writeCustomer = () => putJson(sandbox, `/customers/${customerToWrite.uuid}`, { deleted_at: null });
  const writeJob = () => putJson(sandbox, `/jobs/${jobToWrite.uuid}`, { deleted_at: null });
  const cached: Case[] = [
    { name: "customers: list page 1", path: () => "/customers?page=1&limit=50" },
    { name: "customers: page 500 (limit 50)", path: () => "/customers?page=500&limit=50" },
    { name: "customers: filter=vip", path: () => "/customers?filter=vip&limit=50" },
    { name: "customers: filter=commercial", path: () => "/customers?filter=commercial&limit=50" },
    { name: "customers: search last name", path: (i) => `/customers?search=${lastName(i)}&limit=50` },
    { name: "customers: search partial email", path: (i) => `/customers?search=${email(i)}&limit=50` },
    { name: "customers: search phone digits", path: (i) => `/customers?search=${digits(i)}&limit=50` },
    { name: "customers: search formatted phone", path: (i) => `/customers?search=${phone(i)}&limit=50` },
    { name: "customers: search 2 letters", path: (i) => `/customers?search=${twoLetters(i)}&limit=50` },
    { name: "customers: search 2 letters, few matches", path: (i) => `/customers?search=${rareTwoLetters(i)}&limit=50` },
    { name: "customers: search, no match", path: (i) => `/customers?search=${noMatch(i)}&limit=50` },
    { name: "jobs: list page 1", path: () => "/jobs?page=1&limit=50" },
    { name: "jobs: status=Scheduled", path: () => "/jobs?status=Scheduled&limit=50" },
    { name: "jobs: status=Scheduled,In Progress", path: () => `/jobs?status=${encodeURIComponent("Scheduled,In Progress")}&limit=50` },
    { name: "jobs: status=Complete, limit 1 (overview count)", path: () => "/jobs?status=Complete&limit=1" },
    { name: "jobs: customer_uuid", path: (i) => `/jobs?customer_uuid=${customer(i)}&limit=50` },
    { name: "jobs: assigned_to_user_id", path: (i) => `/jobs?assigned_to_user_id=${technician(i)}&limit=50` },
    { name: "jobs: location_uuid", path: (i) => `/jobs?location_uuid=${location(i)}&limit=50` },
    { name: "jobs: priority=Emergency", path: () => "/jobs?priority=Emergency&limit=50" },
    { name: "jobs: search title word", path: (i) => `/jobs?search=${titleWord(i)}&limit=50` },
    { name: "jobs: search job number", path: (i) => `/jobs?search=${jobNumber(i)}&limit=50` },
  ];
  // The cases that missed the target before totals were cached, as a first-time list meets them.
  const afterWrite: Case[] = [
    { name: "customers: page 500, after a write", path: () => "/customers?page=500&limit=50", before: writeCustomer },
    { name: "customers: search 2 letters, after a write", path: (i) => `/customers?search=${twoLetters(i)}&limit=50`, before: writeCustomer },
    { name: "jobs: list page 1, after a write", path: () => "/jobs?page=1&limit=50", before: writeJob },
    { name: "jobs: status=Complete, limit 1, after a write", path: () => "/jobs?status=Complete&limit=1", before: writeJob },
    { name: "jobs: search title word, after a write", path: (i) => `/jobs?search=${titleWord(i)}&limit=50`, before: writeJob },
  ];
  return { cached, afterWrite };
}

/** Rows from a spread of pages (newest, middle, oldest) so samples are not all from one week. */
async function samplePages<Row>(sandbox: Sandbox, resource: string, key: string): Promise<Row[]> {
  const first = await getJson(sandbox, `/${resource}?page=1&limit=100`);
  const totalPages = first.data.pagination.total_pages;
  const pages = distinct([2, Math.ceil(totalPages / 4), Math.ceil(totalPages / 2), Math.ceil((totalPages * 3) / 4), totalPages].filter((page) => page > 1));
  const rows: Row[] = [...(first.data[key] as Row[])];
  for (const page of pages) rows.push(...((await getJson(sandbox, `/${resource}?page=${page}&limit=100`)).data[key] as Row[]));
  // Interleave so rotating through the first N samples mixes old and new records.
  return rows.filter((_, index) => index % 3 === 0).concat(rows.filter((_, index) => index % 3 !== 0));
}

interface ListBody {
  success: boolean;
  data: Record<string, unknown> & { pagination: { total: number; total_pages: number } };
}

async function putJson(sandbox: Sandbox, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${sandbox.apiUrl}${path}`, {
    method: "PUT",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`PUT ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  await response.arrayBuffer();
}

async function getJson(sandbox: Sandbox, path: string): Promise<ListBody> {
  const response = await fetch(`${sandbox.apiUrl}${path}`, { headers: { authorization: `Bearer ${API_KEY}` } });
  const body = (await response.json()) as ListBody;
  if (!response.ok || !body.success) throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

// ---------------------------------------------------------------------------
// Measurement: one request at a time, timed from fetch() to the parsed body.
// Cases are interleaved round by round rather than run one after another, so a
// burst of load from elsewhere on a shared machine spreads over all cases
// instead of spoiling one.

async function measure(sandbox: Sandbox, cases: readonly Case[], options: Options): Promise<Result[]> {
  for (let index = 0; index < options.warmup; index += 1) {
    for (const benchCase of cases) {
      await benchCase.before?.();
      await getJson(sandbox, benchCase.path(index));
    }
  }
  const wall = cases.map(() => [] as number[]);
  const cpu = cases.map(() => [] as number[]);
  const totals = cases.map(() => 0);
  for (let index = 0; index < options.requests; index += 1) {
    for (const [position, benchCase] of cases.entries()) {
      await benchCase.before?.();
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const body = await getJson(sandbox, benchCase.path(index));
      wall[position]?.push(performance.now() - started);
      const used = process.cpuUsage(cpuBefore);
      cpu[position]?.push((used.user + used.system) / 1000);
      if (index === 0) totals[position] = body.data.pagination.total;
    }
  }
  return cases.map((benchCase, position) => {
    const timings = [...(wall[position] ?? [])].sort((a, b) => a - b);
    const cpuTimings = [...(cpu[position] ?? [])].sort((a, b) => a - b);
    return {
      name: benchCase.name,
      example: decodeURIComponent(benchCase.path(0)),
      requests: timings.length,
      p50: percentile(timings, 50),
      p95: percentile(timings, 95),
      p99: percentile(timings, 99),
      max: timings[timings.length - 1] ?? 0,
      cpuP50: percentile(cpuTimings, 50),
      cpuP95: percentile(cpuTimings, 95),
      total: totals[position] ?? 0,
    };
  });
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? 0;
}

// ---------------------------------------------------------------------------
// Report

function markdownTable(results: readonly Result[]): string {
  const lines = [
    "| case | example request (first of the rotation) | n | p50 ms | p95 ms | p99 ms | max ms | CPU ms p50 / p95 | total matches | p95 < 100 ms |",
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
  ];
  for (const result of results) {
    lines.push(
      `| ${result.name} | \`GET ${result.example}\` | ${result.requests} | ${ms(result.p50)} | ${ms(result.p95)} | ${ms(result.p99)} | ${ms(result.max)} | ${ms(result.cpuP50)} / ${ms(result.cpuP95)} | ${result.total} | ${result.p95 < P95_TARGET_MS ? "yes" : "**no**"} |`,
    );
  }
  return lines.join("\n");
}

function renderReport(
  options: Options,
  record: SeedRecord,
  results: readonly Result[],
  table: string,
  load: { before: number[]; after: number[] },
  phases: readonly Phase[],
): string {
  const cpus = os.cpus();
  const misses = results.filter((result) => result.p95 >= P95_TARGET_MS);
  const command = `npm run bench:sandbox -- --customers ${options.customers} --jobs ${options.jobs} --requests ${options.requests} --warmup ${options.warmup} --shared-buffers ${options.sharedBuffers}`;
  return `# Sandbox CRM at scale

Generated by \`sandbox/bench/scale.ts\`: the real sandbox server (Hono over PGlite in a
data directory) with one company of ${options.customers.toLocaleString("en-US")} customers and ${options.jobs.toLocaleString("en-US")} jobs,
queried over HTTP (\`fetch\`, Bearer key) the way the dashboard queries it. Every case gets
${options.warmup} warm-up requests, then ${options.requests} timed requests, one at a time (fetch until the JSON body
is parsed; client and server share one Node process). Cases are interleaved round by round,
so load from elsewhere spreads over all of them. "CPU ms" is the process's CPU time per
request: other load on the machine inflates it less than wall time. Cases that search rotate over
sample values read through the API first. Target: p95 under ${P95_TARGET_MS} ms for every case.

List totals (\`pagination.total\`) are cached per company and filter until the company's table
is written, so the cases that repeat requests measure the cached path. The cases "after a
write" measure a first-time list: before each of their requests an untimed write through the
API (restoring an active record, which changes only its \`updated_at\`) makes the next list of
that table count its total again. They run after the others, interleaved among themselves.

## Run

| | |
| --- | --- |
| date | ${new Date().toISOString()} |
| machine | ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB memory, ${os.platform()} ${os.release()} |
| node | ${process.version} |
| PGlite shared_buffers | ${options.sharedBuffers} (SANDBOX_PG_SHARED_BUFFERS; PGlite's default is 128MB) |
| load average (1 min) before / after the cases | ${load.before[0]?.toFixed(2)} / ${load.after[0]?.toFixed(2)} |
${phases.map((phase, index) => `| list totals, ${index === 0 ? "cases without writes" : "cases after a write"} (warm-up included) | ${phase.counts} counted, ${phase.hits} from the cache |`).join("\n")}
| seeding (start-up with migrations, company set-up and seeding, ${record.customers.toLocaleString("en-US")} customers + ${record.jobs.toLocaleString("en-US")} jobs) | ${seconds(record.seedingMs)} wall, ${seconds(record.seedingCpuMs)} CPU (seeded ${record.seededAt}) |
| reproduce | \`${command}\` (add \`--reuse\` to keep an already seeded data directory) |

## Results

${table}

${misses.length === 0 ? `Every case met the target.` : `Cases over the target: ${misses.map((result) => result.name).join(", ")}.`}
`;
}

/**
 * Everything from the notes marker down is written by people (analysis,
 * index changes) and survives a re-run; only the measured part is replaced.
 */
const NOTES_MARKER = "<!-- notes: kept when the benchmark rewrites this file -->";

function writeReport(file: string, generated: string): void {
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const at = existing.indexOf(NOTES_MARKER);
  const notes = at >= 0 ? existing.slice(at) : `${NOTES_MARKER}\n\n## Notes\n`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${generated}\n${notes}`);
}

function ms(value: number): string {
  return value.toFixed(1);
}

function seconds(value: number): string {
  return `${(value / 1000).toFixed(1)} s`;
}

function distinct<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
