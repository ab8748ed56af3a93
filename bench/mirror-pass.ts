import { signIn } from "./dashboard-session";

/**
 * Part 4 runs against a dashboard whose mirror is full, as it is in use (the
 * background sync is off in the bench so that it does not add requests to the
 * screens'): one "Sync now" (a full pass) before the session, its own cost
 * counted apart, and the sync plan the dashboard computes for this company.
 */
export interface MirrorPassResult {
  requests: number;
  ms: number;
  counts: { customers: number; jobs: number; locations: number };
  /** Pages of 100 a full pass reads (the dashboard's own plan). */
  fullPassRequests: number;
  /** The sync plan the dashboard computes at several shares of the plan (asked through its admin API, then set back). */
  plans: SharePlan[];
}

export interface SharePlan {
  percent: number;
  budgetRequests: number;
  /** null: never (JSON has no Infinity). */
  fullPassEveryMs: number | null;
  changesEveryMs: number | null;
  openJobsEveryMs: number | null;
}

/** The shares asked about: the default first, then smaller ones, to find what fits beside the office's sessions. */
export const PLAN_PERCENTS = [20, 15, 12, 10, 8, 6, 5, 4, 3, 2, 1] as const;

interface SyncStatusBody {
  data: {
    running: boolean;
    pass: unknown;
    lastPassCompletedAt: string | null;
    counts: { customers: number; jobs: number; locations: number };
    plan: SharePlan & { fullPassRequests: number; budgetShare: number };
  };
}

export async function runMirrorPass(appUrl: string, usage: () => Promise<number>): Promise<MirrorPassResult> {
  const cookie = await signIn(appUrl);
  const headers = { cookie, origin: appUrl };
  const before = await usage();
  const started = performance.now();
  const run = await fetch(`${appUrl}/api/sync/run`, { method: "POST", headers });
  if (!run.ok) throw new Error(`Sync now on ${appUrl} failed: ${run.status} ${await run.text()}`);
  const deadline = Date.now() + 10 * 60_000;
  let failures = 0;
  for (;;) {
    let status: SyncStatusBody;
    try {
      status = (await (await fetch(`${appUrl}/api/sync`, { headers })).json()) as SyncStatusBody;
      failures = 0;
    } catch (error) {
      // A poll can meet a kept-alive connection the busy server is just closing; a few in a row is a real failure.
      failures += 1;
      if (failures >= 5) throw error;
      await new Promise((done) => setTimeout(done, 1_000));
      continue;
    }
    if (!status.data.running && status.data.pass === null && status.data.lastPassCompletedAt !== null) {
      const requests = (await usage()) - before;
      const ms = performance.now() - started;
      return { requests, ms, counts: status.data.counts, fullPassRequests: status.data.plan.fullPassRequests, plans: await plansAt(appUrl, headers) };
    }
    if (Date.now() > deadline) throw new Error(`the full pass on ${appUrl} did not end within 10 minutes`);
    await new Promise((done) => setTimeout(done, 500));
  }
}

async function plansAt(appUrl: string, headers: Record<string, string>): Promise<SharePlan[]> {
  const plans: SharePlan[] = [];
  const set = async (percent: number) => {
    const response = await fetch(`${appUrl}/api/sync/settings`, {
      method: "PUT",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ budget_percent: percent }),
    });
    if (!response.ok) throw new Error(`setting the sync share on ${appUrl} failed: ${response.status} ${await response.text()}`);
    return ((await response.json()) as SyncStatusBody).data.plan;
  };
  for (const percent of PLAN_PERCENTS) {
    const plan = await set(percent);
    plans.push({
      percent,
      budgetRequests: plan.budgetRequests,
      fullPassEveryMs: plan.fullPassEveryMs,
      changesEveryMs: plan.changesEveryMs,
      openJobsEveryMs: plan.openJobsEveryMs,
    });
  }
  await set(20);
  return plans;
}
