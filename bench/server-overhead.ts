import type { Agent } from "node:http";
import { keepAliveAgent, parseServerTiming, runClosedLoop, type TimedRequest } from "./http-load";
import type { Samples } from "./samples";
import { summarize, type Summary } from "./stats";

/**
 * Part 1: the same list, get and search sent straight to the sandbox and
 * through the dashboard's API (signed in), interleaved block by block so that
 * load from elsewhere on the machine falls on every target alike.
 *
 * The dashboard runs twice: with its shared read cache off
 * (CRM_CACHE_TTL_SECONDS=0: every request goes to the CRM, which is what the
 * server adds) and with it on as shipped (15 s), measured separately.
 */
export const OVERHEAD_CASES = ["list", "get", "search"] as const;
export type OverheadCase = (typeof OVERHEAD_CASES)[number];
export const OVERHEAD_TARGETS = ["direct", "dashboard", "dashboard-cached"] as const;
export type OverheadTarget = (typeof OVERHEAD_TARGETS)[number];

export interface OverheadPlan {
  concurrencies: readonly number[];
  /** Timed requests per case, target and concurrency. */
  requests: (concurrency: number) => number;
  rounds: number;
  warmup: number;
}

export const DEFAULT_OVERHEAD_PLAN: OverheadPlan = {
  concurrencies: [1, 10],
  requests: (concurrency) => (concurrency === 1 ? 300 : 600),
  rounds: 5,
  warmup: 30,
};

export interface OverheadCell {
  case: OverheadCase;
  target: OverheadTarget;
  concurrency: number;
  latency: Summary;
  requestsPerSecond: number;
  bytesPerAnswer: number;
  /** Dashboard answers served from its shared cache, of all answers. */
  cacheHits: number;
  /** The dashboard's time outside its CRM call (latency minus Server-Timing crm), for answers that called the CRM. */
  outsideCrm: Summary | null;
  /**
   * For answers that called the CRM: each phase the dashboard reported (the
   * CRM's wait, the session, the answer validated, the mirror's read-through),
   * and "unaccounted" (the latency less every phase: routing, reshaping,
   * serializing, the HTTP hop, time waiting for the event loop).
   */
  phases: Record<string, Summary> | null;
}

export interface OverheadResult {
  plan: { concurrencies: number[]; requests: Record<number, number>; rounds: number; warmup: number };
  examples: Record<OverheadCase, Record<"direct" | "dashboard", string>>;
  rotation: { customers: number; searchTerms: number };
  cells: OverheadCell[];
}

interface Endpoint {
  baseUrl: string;
  headers: Record<string, string>;
}

export async function measureServerOverhead(options: {
  direct: Endpoint;
  dashboard: Endpoint;
  cachedDashboard: Endpoint;
  samples: Samples;
  plan?: OverheadPlan;
  log: (line: string) => void;
}): Promise<OverheadResult> {
  const plan = options.plan ?? DEFAULT_OVERHEAD_PLAN;
  const paths = pathsFor(options.samples);
  const endpoint: Record<OverheadTarget, Endpoint> = { direct: options.direct, dashboard: options.dashboard, "dashboard-cached": options.cachedDashboard };
  const cellKeys = OVERHEAD_CASES.flatMap((benchCase) => OVERHEAD_TARGETS.map((target) => ({ benchCase, target })));
  const cells: OverheadCell[] = [];

  for (const concurrency of plan.concurrencies) {
    const agents = new Map<OverheadTarget, Agent>(OVERHEAD_TARGETS.map((target) => [target, keepAliveAgent(concurrency)]));
    const requestFor =
      (benchCase: OverheadCase, target: OverheadTarget) =>
      (index: number): TimedRequest => ({
        url: `${endpoint[target].baseUrl}${paths[benchCase][target === "direct" ? "direct" : "dashboard"](index)}`,
        headers: endpoint[target].headers,
      });
    const collected = cellKeys.map(() => ({ latencies: [] as number[], elapsedMs: 0, bytes: 0, timings: [] as string[] }));
    for (const { benchCase, target } of cellKeys) {
      await runClosedLoop({ requests: plan.warmup, concurrency, next: requestFor(benchCase, target), agent: agents.get(target) as Agent });
    }
    const perRound = Math.ceil(plan.requests(concurrency) / plan.rounds);
    for (let round = 0; round < plan.rounds; round += 1) {
      // Rotate the order each round, so no cell always runs right after the same neighbour.
      for (let step = 0; step < cellKeys.length; step += 1) {
        const position = (step + round) % cellKeys.length;
        const key = cellKeys[position];
        const bucket = collected[position];
        if (!key || !bucket) continue;
        const offset = round * perRound;
        const block = await runClosedLoop({
          requests: perRound,
          concurrency,
          next: (index) => requestFor(key.benchCase, key.target)(offset + index),
          agent: agents.get(key.target) as Agent,
        });
        bucket.latencies.push(...block.latencies);
        bucket.elapsedMs += block.elapsedMs;
        bucket.bytes += block.bytes;
        bucket.timings.push(...block.serverTimings);
      }
      options.log(`  ${concurrency} connection${concurrency === 1 ? "" : "s"}: round ${round + 1}/${plan.rounds} done`);
    }
    for (const agent of agents.values()) agent.destroy();
    cellKeys.forEach(({ benchCase, target }, position) => {
      const bucket = collected[position];
      if (!bucket) return;
      const timings = bucket.timings.map(parseServerTiming);
      const outside = bucket.latencies.flatMap((latency, index) => {
        const timing = timings[index];
        return timing && timing.cache === "miss" && timing.crmMs !== null ? [latency - timing.crmMs] : [];
      });
      const missed = timings.flatMap((timing, index) => (timing.cache === "miss" ? [{ timing, latency: bucket.latencies[index] ?? 0 }] : []));
      cells.push({
        case: benchCase,
        target,
        concurrency,
        latency: summarize(bucket.latencies),
        requestsPerSecond: (bucket.latencies.length / bucket.elapsedMs) * 1000,
        bytesPerAnswer: bucket.bytes / bucket.latencies.length,
        cacheHits: timings.filter((timing) => timing.cache === "hit").length / Math.max(1, timings.length),
        outsideCrm: target === "direct" || outside.length === 0 ? null : summarize(outside),
        phases: target === "direct" || missed.length === 0 ? null : phaseSummaries(missed),
      });
    });
  }
  return {
    plan: {
      concurrencies: [...plan.concurrencies],
      requests: Object.fromEntries(plan.concurrencies.map((concurrency) => [concurrency, Math.ceil(plan.requests(concurrency) / plan.rounds) * plan.rounds])),
      rounds: plan.rounds,
      warmup: plan.warmup,
    },
    rotation: { customers: options.samples.overheadCustomers.length, searchTerms: options.samples.searchTerms.length },
    examples: Object.fromEntries(
      OVERHEAD_CASES.map((benchCase) => [benchCase, { direct: paths[benchCase].direct(0), dashboard: paths[benchCase].dashboard(0) }]),
    ) as OverheadResult["examples"],
    cells,
  };
}

function phaseSummaries(answers: ReadonlyArray<{ timing: ReturnType<typeof parseServerTiming>; latency: number }>): Record<string, Summary> {
  const names = [...new Set(answers.flatMap(({ timing }) => Object.keys(timing.phases)))];
  const summaries: Record<string, Summary> = {};
  // A phase an answer did not report took no time in it.
  for (const name of names) summaries[name] = summarize(answers.map(({ timing }) => timing.phases[name] ?? 0));
  summaries.unaccounted = summarize(answers.map(({ timing, latency }) => latency - Object.values(timing.phases).reduce((sum, ms) => sum + ms, 0)));
  return summaries;
}

/**
 * The dashboard's request and the CRM request it makes for it: the direct
 * path is exactly what lib/crm sends (parameters sorted, the list's defaults
 * filled in), so both targets answer the same question.
 */
function pathsFor(samples: Samples): Record<OverheadCase, { direct: (index: number) => string; dashboard: (index: number) => string }> {
  const uuid = (index: number) => samples.overheadCustomers[index % samples.overheadCustomers.length]?.uuid ?? "";
  const term = (index: number) => encodeURIComponent(samples.searchTerms[index % samples.searchTerms.length] ?? "");
  return {
    list: { direct: () => "/customers?filter=all&limit=25&page=1", dashboard: () => "/api/customers?page=1&limit=25" },
    get: { direct: (index) => `/customers/${uuid(index)}`, dashboard: (index) => `/api/customers/${uuid(index)}` },
    search: {
      direct: (index) => `/customers?filter=all&limit=25&page=1&search=${term(index)}`,
      dashboard: (index) => `/api/customers?search=${term(index)}&limit=25`,
    },
  };
}

export interface FloorRow {
  request: string;
  adds: string;
  latency: Summary;
}

/**
 * Where the dashboard's time goes, one connection: the same list request
 * with less and less of the server's work left out, interleaved round by round.
 */
export async function measureRouteFloor(options: {
  direct: Endpoint;
  dashboard: Endpoint;
  cachedDashboard: Endpoint;
  requests: number;
  rounds: number;
}): Promise<FloorRow[]> {
  const rows: { request: string; adds: string; target: TimedRequest }[] = [
    {
      request: "sandbox: `GET /customers?filter=all&limit=25&page=1`",
      adds: "the CRM's own answer (reference)",
      target: { url: `${options.direct.baseUrl}/customers?filter=all&limit=25&page=1`, headers: options.direct.headers },
    },
    {
      request: "dashboard: `GET /api/health`",
      adds: "Next.js routing, the route wrapper, log line (proxy.ts runs for pages only); no session (its answer is kept 5 s)",
      target: { url: `${options.cachedDashboard.baseUrl}/api/health`, headers: options.cachedDashboard.headers },
    },
    {
      request: "dashboard: `GET /api/me`",
      adds: "+ the session check (remembered for SESSION_CACHE_SECONDS, else the session and user rows in the app database)",
      target: { url: `${options.cachedDashboard.baseUrl}/api/me`, headers: options.cachedDashboard.headers },
    },
    {
      request: "dashboard: `GET /api/customers?page=1&limit=25`, from the shared cache",
      adds: "+ query parsing, the cache lookup, 25 customers reshaped and serialized",
      target: { url: `${options.cachedDashboard.baseUrl}/api/customers?page=1&limit=25`, headers: options.cachedDashboard.headers },
    },
    {
      request: "dashboard: `GET /api/customers?page=1&limit=25`, cache off",
      adds: "+ the CRM request, its JSON parsed and validated",
      target: { url: `${options.dashboard.baseUrl}/api/customers?page=1&limit=25`, headers: options.dashboard.headers },
    },
  ];
  const agent = keepAliveAgent(1);
  const latencies = rows.map(() => [] as number[]);
  try {
    for (const row of rows) await runClosedLoop({ requests: 20, concurrency: 1, next: () => row.target, agent });
    const perRound = Math.ceil(options.requests / options.rounds);
    for (let round = 0; round < options.rounds; round += 1) {
      for (const [index, row] of rows.entries()) {
        const block = await runClosedLoop({ requests: perRound, concurrency: 1, next: () => row.target, agent });
        latencies[index]?.push(...block.latencies);
      }
    }
  } finally {
    agent.destroy();
  }
  return rows.map((row, index) => ({ request: row.request, adds: row.adds, latency: summarize(latencies[index] ?? []) }));
}
