import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { writeRows } from "@/lib/bulk/bulk-change";
import { intentKeys } from "@/lib/bulk/bulk-delete";
import { ApiRequestError } from "@/lib/http/api-fetch";
import type { JobPatch } from "@/lib/jobs/job-changes";
import {
  bulkJobWrites,
  changedJob,
  checkBulkJobChange,
  undoJobWrites,
  type BulkJobChange,
  type ChangedJob,
  type SendJobPatch,
} from "@/lib/jobs/job-bulk-change";
import type { Assignee, JobDetail, JobListItem } from "@/lib/jobs/job-types";

const ALICE: Assignee = { id: "5b0c9c1e-8f0e-4a51-9d1b-2f4f2b6f1a01", first_name: "Alice", last_name: "Ng" };
const BOB: Assignee = { id: "5b0c9c1e-8f0e-4a51-9d1b-2f4f2b6f1a02", first_name: "Bob", last_name: "Ortiz" };

function version(n: number): string {
  return new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString();
}

function makeJob(index: number): JobListItem {
  return {
    uuid: `job-${index}`,
    job_number: `J-${index}`,
    title: `Job ${index}`,
    status: "New",
    priority: "Normal",
    assigned_to_user_id: index % 2 === 0 ? ALICE.id : null,
    scheduled_date: index % 3 === 0 ? "2026-03-01T00:00:00.000Z" : null,
    scheduled_time_start: null,
    scheduled_time_end: null,
    updated_at: version(0),
  } as unknown as JobListItem;
}

type Fault = "none" | "before" | "after";

/**
 * The dashboard's job update as the browser sees it, in memory: an answer
 * per Idempotency-Key is kept and replayed (record-writes.server.ts), a stale
 * `expected_updated_at` is a 409, and a fault either happens before the
 * change (the CRM refused, 503) or after it (applied, but the answer lost on
 * the way back). `applied` counts real changes per job.
 */
class FakeJobApi {
  readonly jobs = new Map<string, JobListItem>();
  readonly applied = new Map<string, number>();
  private readonly answers = new Map<string, JobDetail>();
  private clock = 1;

  constructor(
    jobs: readonly JobListItem[],
    private readonly nextFault: () => Fault,
  ) {
    for (const job of jobs) this.jobs.set(job.uuid, { ...job });
  }

  /** Someone else's edit in the CRM. */
  editElsewhere(uuid: string, fields: Partial<JobListItem>): void {
    const job = this.jobs.get(uuid) as JobListItem;
    this.jobs.set(uuid, { ...job, ...fields, updated_at: version(this.clock++) });
  }

  readonly send: SendJobPatch = async (uuid, patch, key) => {
    await Promise.resolve();
    const fault = this.nextFault();
    if (fault === "before") throw new ApiRequestError(503, "crm_unavailable", "The CRM is not answering.");
    const replay = this.answers.get(key);
    let answer: JobDetail;
    if (replay) {
      answer = replay;
    } else {
      const job = this.jobs.get(uuid);
      if (!job) throw new ApiRequestError(404, "not_found", "No such job.");
      const { expected_updated_at: expected, ...fields } = patch;
      if (expected !== job.updated_at) throw new ApiRequestError(409, "conflict", "Changed by someone else.", {}, null, job);
      const saved = { ...job, ...fields, updated_at: version(this.clock++) } as JobListItem;
      this.jobs.set(uuid, saved);
      this.applied.set(uuid, (this.applied.get(uuid) ?? 0) + 1);
      answer = saved as JobDetail;
      this.answers.set(key, answer);
    }
    if (fault === "after") throw new ApiRequestError(0, "network", "The connection was lost.");
    return answer;
  };
}

/** What apiMutate does with a lost answer: the same request, same key, up to `retries` more times. */
function withRetries(send: SendJobPatch, retries: number): SendJobPatch {
  return async (uuid, patch, key) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await send(uuid, patch, key);
      } catch (error) {
        const retryable = error instanceof ApiRequestError && (error.code === "network" || error.status === 503);
        if (attempt >= retries || !retryable) throw error;
      }
    }
  };
}

/** A change, then "Try again" on the failures with the same keys, until none fail (or `presses` run out). */
async function changeUntilDone(jobs: readonly JobListItem[], change: BulkJobChange, send: SendJobPatch, presses = 20) {
  const keyFor = intentKeys();
  const changed: ChangedJob[] = [];
  const firstFailures: string[] = [];
  let attempt: readonly JobListItem[] = jobs;
  for (let press = 0; press < presses && attempt.length > 0; press += 1) {
    const report = await writeRows(attempt, bulkJobWrites(change, send), keyFor);
    changed.push(...report.written.map(({ row, saved }) => changedJob(row, change.field, saved)));
    if (press === 0) firstFailures.push(...report.failed.map((failure) => failure.row.uuid));
    for (const failure of report.failed) expect(failure.reason).not.toBe("");
    attempt = report.failed.map((failure) => failure.row);
  }
  return { changed, firstFailures, left: attempt };
}

/** A seeded fault stream: `rate` of calls fail, half before the change, half after it (answer lost). */
function faults(seed: number, rate: number): () => Fault {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return () => {
    const roll = random();
    return roll >= rate ? "none" : roll < rate / 2 ? "before" : "after";
  };
}

describe("a change to many jobs", () => {
  it("changes each of 500 jobs exactly once under 20% upstream faults, and lists the failures of the first pass", async () => {
    const jobs = Array.from({ length: 500 }, (_, index) => makeJob(index));
    const api = new FakeJobApi(jobs, faults(2026, 0.2));
    const { changed, firstFailures, left } = await changeUntilDone(jobs, { field: "status", value: "Scheduled" }, withRetries(api.send, 2));

    expect(left).toEqual([]);
    expect(changed).toHaveLength(500);
    expect([...api.applied.values()].every((count) => count === 1)).toBe(true);
    expect(api.applied.size).toBe(500);
    expect([...api.jobs.values()].every((job) => job.status === "Scheduled")).toBe(true);
    // 20% faults with two retries: a few jobs still fail the first pass, and each is listed.
    expect(firstFailures.length).toBeGreaterThan(0);
  });

  it("whatever the faults and retries, every job is changed at most once, and exactly once when it is reported changed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 4 }),
        async (count, seed, rate, retries, presses) => {
          const jobs = Array.from({ length: count }, (_, index) => makeJob(index));
          const api = new FakeJobApi(jobs, faults(seed, rate));
          const { changed, left } = await changeUntilDone(jobs, { field: "priority", value: "High" }, withRetries(api.send, retries), presses);

          for (const count of api.applied.values()) expect(count).toBe(1);
          for (const { job } of changed) expect(api.applied.get(job.uuid)).toBe(1);
          // Every job is either reported changed or still listed as failed (an answer lost on the last press is the only gap).
          const reported = new Set([...changed.map(({ job }) => job.uuid), ...left.map((job) => job.uuid)]);
          expect(reported.size).toBe(count);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("sends nothing for jobs that already have the value", async () => {
    const jobs = [makeJob(0), makeJob(1)];
    const api = new FakeJobApi(jobs, () => "none");
    const report = await writeRows(jobs, bulkJobWrites({ field: "assigned_to_user_id", value: ALICE.id }, api.send), intentKeys());
    expect(report.unchanged.map((job) => job.uuid)).toEqual(["job-0"]);
    expect(report.written.map(({ row }) => row.uuid)).toEqual(["job-1"]);
    expect(api.applied.get("job-0")).toBeUndefined();
  });

  it("reports a job someone else changed after it was selected, and leaves their version", async () => {
    const jobs = [makeJob(1), makeJob(2)];
    const api = new FakeJobApi(jobs, () => "none");
    api.editElsewhere("job-2", { priority: "Emergency" });
    const report = await writeRows(jobs, bulkJobWrites({ field: "priority", value: "Low" }, api.send), intentKeys());
    expect(report.written.map(({ row }) => row.uuid)).toEqual(["job-1"]);
    expect(report.failed).toEqual([{ row: jobs[1], reason: expect.stringMatching(/someone else changed it/i) }]);
    expect(api.jobs.get("job-2")?.priority).toBe("Emergency");
  });
});

describe("the Undo of a change", () => {
  it("puts back exactly the field changed, once each under faults, and reports jobs changed since instead of overwriting them", async () => {
    const jobs = Array.from({ length: 60 }, (_, index) => makeJob(index));
    const api = new FakeJobApi(jobs, faults(7, 0.2));
    const send = withRetries(api.send, 2);
    const { changed } = await changeUntilDone(jobs, { field: "scheduled_date", value: "2026-04-02" }, send);
    expect(changed).toHaveLength(60);

    // Someone moves two of the jobs to another day, and renames a third (another field: still the change's version no more).
    api.editElsewhere("job-5", { scheduled_date: "2026-05-05" });
    api.editElsewhere("job-6", { scheduled_date: "2026-05-06" });
    api.editElsewhere("job-7", { title: "Renamed" });
    api.applied.clear();

    const keyFor = intentKeys();
    let attempt: readonly ChangedJob[] = changed;
    const conflicts: string[] = [];
    for (let press = 0; press < 20 && attempt.length > 0; press += 1) {
      const report = await writeRows(attempt, undoJobWrites(send), keyFor);
      const retry: ChangedJob[] = [];
      for (const failure of report.failed) {
        if (/someone else changed it/i.test(failure.reason)) conflicts.push(failure.row.job.uuid);
        else retry.push(failure.row);
      }
      attempt = retry;
    }

    expect(conflicts.sort()).toEqual(["job-5", "job-6", "job-7"]);
    expect(api.jobs.get("job-5")?.scheduled_date).toBe("2026-05-05");
    expect(api.jobs.get("job-7")?.title).toBe("Renamed");
    for (const job of jobs) {
      if (["job-5", "job-6", "job-7"].includes(job.uuid)) continue;
      const now = api.jobs.get(job.uuid) as JobListItem;
      expect(api.applied.get(job.uuid)).toBe(1);
      // The date as it was (none stays none), every other field untouched.
      expect(now.scheduled_date ?? "").toBe(job.scheduled_date ? "2026-03-01" : "");
      expect({ ...now, scheduled_date: null, updated_at: null }).toEqual({ ...job, scheduled_date: null, updated_at: null });
    }
  });

  it("sends only the changed field and the version the change produced", async () => {
    const sent: Array<{ patch: JobPatch; key: string }> = [];
    const job = makeJob(0);
    const undo = undoJobWrites(async (_uuid, patch, key) => {
      sent.push({ patch, key });
      return job as JobDetail;
    });
    await undo.write({ job, field: "assigned_to_user_id", before: null, savedUpdatedAt: version(9) }, "key-1");
    expect(sent).toEqual([{ patch: { assigned_to_user_id: null, expected_updated_at: version(9) }, key: "key-1" }]);
  });
});

describe("checkBulkJobChange", () => {
  const offered = [ALICE, BOB];

  it("accepts the values the dialog offers", () => {
    expect(checkBulkJobChange("status", "Scheduled", offered)).toEqual({ ok: true, change: { field: "status", value: "Scheduled" } });
    expect(checkBulkJobChange("priority", "High", offered)).toEqual({ ok: true, change: { field: "priority", value: "High" } });
    expect(checkBulkJobChange("assigned_to_user_id", BOB.id, offered)).toEqual({ ok: true, change: { field: "assigned_to_user_id", value: BOB.id } });
    expect(checkBulkJobChange("assigned_to_user_id", "", offered)).toEqual({ ok: true, change: { field: "assigned_to_user_id", value: null } });
    expect(checkBulkJobChange("scheduled_date", " 2028-02-29 ", offered)).toEqual({ ok: true, change: { field: "scheduled_date", value: "2028-02-29" } });
  });

  it("refuses bad values with the job form's messages, before any request", () => {
    expect(checkBulkJobChange("status", "Finished", offered)).toEqual({ ok: false, message: "Choose a status from the list" });
    expect(checkBulkJobChange("status", "", offered)).toEqual({ ok: false, message: "Choose a status from the list" });
    expect(checkBulkJobChange("priority", "Whenever", offered)).toEqual({ ok: false, message: "Choose a priority from the list" });
    expect(checkBulkJobChange("scheduled_date", "14/03/2026", offered)).toEqual({ ok: false, message: "Enter a date like 2026-03-14" });
    expect(checkBulkJobChange("scheduled_date", "2026-02-30", offered)).toEqual({ ok: false, message: "That date doesn't exist; check the day and month" });
    expect(checkBulkJobChange("scheduled_date", "", offered)).toEqual({ ok: false, message: "Enter a date like 2026-03-14" });
    expect(checkBulkJobChange("assigned_to_user_id", "5b0c9c1e-8f0e-4a51-9d1b-2f4f2b6f1a99", offered)).toEqual({
      ok: false,
      message: "Choose a technician from the list; that one is not offered",
    });
    expect(checkBulkJobChange("title", "x", offered)).toMatchObject({ ok: false });
  });
});
