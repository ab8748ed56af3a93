import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSandbox, type TestSandbox } from "../../sandbox/src/testing/test-sandbox";
import { crm, crmAll, sandboxUsage, type Row } from "./mirror-support";

/**
 * The board's first pages in a few CRM requests with counts from the mirror,
 * and the mirror's answer when the CRM cannot give one (ADR-018), checked
 * against the CRM's own lists over HTTP.
 */
let sandbox: TestSandbox;

const STATUSES = [
  "New",
  "Contacted",
  "Estimate Sent",
  "Estimate Approved",
  "Scheduled",
  "In Progress",
  "Needs Approval",
  "Ready to Invoice",
  "Invoiced",
  "Complete",
] as const;

async function setFaults(faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/faults`, {
    method: "PUT",
    headers: { authorization: `Bearer ${sandbox.apiKeys[0]}`, "content-type": "application/json" },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`PUT /__sandbox/faults: ${response.status}`);
}

/** The CRM's own first 25 of a status, and its total. */
async function crmColumn(status: string): Promise<{ uuids: string[]; total: number }> {
  const data = await crm(sandbox, "GET", `/jobs?status=${encodeURIComponent(status)}&limit=25`);
  return { uuids: (data.jobs as Row[]).map((job) => job.uuid), total: (data.pagination as { total: number }).total };
}

beforeAll(async () => {
  sandbox = await startTestSandbox({ seed: { customers: 120, jobs: 600, seed: 31 }, monthlyQuota: 1_000_000 });
  process.env.CRM_BASE_URL = sandbox.apiUrl;
  process.env.CRM_API_KEY = sandbox.apiKeys[0];
  process.env.APP_DATA_DIR = "memory";
  process.env.LOG_LEVEL = "silent";
  // Caching would hide the requests being counted.
  process.env.CRM_CACHE_TTL_SECONDS = "0";
}, 120_000);

afterAll(async () => {
  await sandbox.close();
});

describe("the job board", () => {
  it("before the mirror's first full pass, reads one list per status and shows the CRM's totals", async () => {
    const { loadBoard } = await import("@/lib/jobs/board.server");
    const before = await sandboxUsage(sandbox);
    const { answer } = await loadBoard({});
    expect((await sandboxUsage(sandbox)) - before).toBe(STATUSES.length);
    expect(answer.countsFrom).toBe("crm");
    for (const status of STATUSES) {
      const expected = await crmColumn(status);
      expect(answer.columns[status].pagination.total, status).toBe(expected.total);
    }
    // The first test loads the dashboard's modules and database: generous on a busy machine.
  }, 120_000);

  it("after a full pass, fills every column as the CRM lists it in fewer requests, with counts from the mirror", async () => {
    const { SyncRunner } = await import("@/lib/mirror/sync-runner.server");
    const result = await new SyncRunner({ sleep: async () => undefined }).runOnce();
    expect(result.state).toBe("ran");
    const { loadBoard } = await import("@/lib/jobs/board.server");
    const before = await sandboxUsage(sandbox);
    const { answer, results } = await loadBoard({});
    const spent = (await sandboxUsage(sandbox)) - before;
    expect(spent).toBe(results.length);
    expect(spent).toBeLessThan(STATUSES.length);
    expect(answer).toMatchObject({ source: "crm", countsFrom: "mirror" });
    expect(answer.countsAsOf.lastFullPassAt).not.toBeNull();
    for (const status of STATUSES) {
      const expected = await crmColumn(status);
      expect(
        answer.columns[status].jobs.map((job) => job.uuid),
        status,
      ).toEqual(expected.uuids);
      expect(answer.columns[status].pagination.total, status).toBe(expected.total);
    }
    // A full pass first.
  }, 120_000);

  it("counts a job created elsewhere since the pass, because the CRM's answer carried it", async () => {
    const customer = (await crmAll(sandbox, "customers")).find((row) => row.deleted_at === null);
    const created = await crm(sandbox, "POST", "/jobs", { customer_uuid: customer?.uuid, title: "Created in the field", status: "Needs Approval" });
    const { loadBoard } = await import("@/lib/jobs/board.server");
    const { answer } = await loadBoard({});
    const expected = await crmColumn("Needs Approval");
    expect(answer.columns["Needs Approval"].jobs[0]?.uuid).toBe(created.uuid);
    expect(answer.columns["Needs Approval"].pagination.total).toBe(expected.total);
  });

  it("when the CRM is down, answers every column from the mirror, marked stale since the copy's age", async () => {
    const { loadBoard } = await import("@/lib/jobs/board.server");
    const { staleSinceOf } = await import("@/lib/api/crm-response.server");
    const expected = new Map<string, string[]>();
    for (const status of STATUSES) expected.set(status, (await crmColumn(status)).uuids);
    await setFaults({ error_rate: 1 });
    try {
      const { answer, results } = await loadBoard({});
      expect(answer.source).toBe("mirror");
      const since = staleSinceOf(results);
      expect(since).not.toBeNull();
      expect(Date.parse(since ?? "")).toBeLessThanOrEqual(Date.now());
      for (const status of STATUSES) {
        expect(
          answer.columns[status].jobs.map((job) => job.uuid),
          status,
        ).toEqual(expected.get(status));
      }
    } finally {
      await setFaults({});
    }
  });
});

describe("the overview's day lists", () => {
  it("say how many jobs each list holds in all, past the first 50 they show", async () => {
    const { overviewFromMirror } = await import("@/lib/mirror/mirror-queries.server");
    const jobs = (await crmAll(sandbox, "jobs")).filter((row) => row.deleted_at === null && row.status !== "Invoiced" && row.status !== "Complete");
    const day = (row: Row) => (typeof row.scheduled_date === "string" ? row.scheduled_date.slice(0, 10) : null);
    // A day late enough that every dated job not started is overdue: more than one list's worth.
    const later = "2099-01-01";
    const notStarted = ["New", "Contacted", "Estimate Sent", "Estimate Approved", "Scheduled"];
    const overview = await overviewFromMirror({ day: later });
    const overdue = jobs.filter((row) => day(row) !== null && notStarted.includes(row.status as string)).length;
    const urgent = jobs.filter((row) => row.is_urgent === true || row.is_emergency === true || row.priority === "Emergency").length;
    expect(overview.totals).toEqual({ today: 0, overdue, urgent });
    expect(overview.overdue.length).toBe(Math.min(50, overdue));
  });
});

describe("a record when the CRM cannot answer", () => {
  it("is the mirror's copy, stale since the CRM confirmed it; a record the mirror lacks keeps the CRM's error", async () => {
    const { crmOrMirror } = await import("@/lib/mirror/mirror-fallback.server");
    const { mirroredJob } = await import("@/lib/mirror/mirror-record.server");
    const { getJob } = await import("@/lib/crm/jobs.server");
    const job = (await crmAll(sandbox, "jobs")).find((row) => row.deleted_at === null && row.customer_uuid);
    if (!job) throw new Error("no job to read");
    await setFaults({ error_rate: 1 });
    try {
      const result = await crmOrMirror(
        () => getJob(job.uuid),
        () => mirroredJob(job.uuid),
      );
      expect(result.meta.cache).toBe("stale");
      expect(result.data.uuid).toBe(job.uuid);
      expect(result.data.title).toBe(job.title);
      expect(result.data.customer?.uuid).toBe(job.customer_uuid);
      await expect(
        crmOrMirror(
          () => getJob("00000000-0000-4000-8000-000000000000"),
          () => mirroredJob("00000000-0000-4000-8000-000000000000"),
        ),
      ).rejects.toMatchObject({ kind: "unavailable" });
    } finally {
      await setFaults({});
    }
  });
});
