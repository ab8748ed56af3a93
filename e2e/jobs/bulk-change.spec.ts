import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test, type Sandbox } from "../support/fixtures";
import { boardCard } from "./board-helpers";
import { createTestCustomer, createTestJob, crmJob, expectNoSeriousAxeViolations, recordJobApiCalls, type TestCustomer, type TestJob } from "./job-fixtures";

/** Changing the status, priority, technician or date of many jobs at once, from the job table and the board, and its Undo. */
let customer: TestCustomer;

test.beforeAll(async ({ sandbox }) => {
  customer = await createTestCustomer(sandbox, "Bulkchange");
});

type CrmJob = TestJob & { priority: string; scheduled_date: string | null };

/** Jobs whose titles share a word no other job has, so a search shows exactly them. */
async function someJobs(sandbox: Sandbox, count: number, fields: Record<string, unknown> = {}): Promise<{ search: string; jobs: TestJob[] }> {
  const search = `Change${randomUUID().slice(0, 8)}`;
  const jobs = [];
  for (let index = 0; index < count; index += 1) jobs.push(await createTestJob(sandbox, customer, { title: `${search} visit ${index + 1}`, ...fields }));
  return { search, jobs };
}

const label = (job: TestJob) => `${job.job_number} ${job.title}`;
const jobTable = (page: Page) => page.getByRole("table", { name: "Jobs, newest first" });
const toast = (page: Page, text: string) => page.getByRole("listitem").filter({ hasText: text });
const current = (sandbox: Sandbox, job: TestJob) => crmJob(sandbox, job.uuid) as Promise<CrmJob>;
const writes = (calls: Array<{ method: string; url: string }>) => calls.filter((call) => call.method !== "GET");

test.describe("as staff", () => {
  test.use({ storageState: storageStatePath("staff") });

  test("sets the status of the ticked jobs, and Undo puts it back except where someone else changed the job since", async ({ page, sandbox }) => {
    const { search, jobs } = await someJobs(sandbox, 3, { status: "New", priority: "Low" });
    const [first, second, third] = jobs as [TestJob, TestJob, TestJob];
    const calls = recordJobApiCalls(page);
    await page.goto(`/jobs?search=${search}`);
    await expect(jobTable(page).getByRole("row")).toHaveCount(4);

    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await page.getByRole("button", { name: "Change selected (3)" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Change 3 jobs" });
    for (const job of jobs) await expect(dialog.getByRole("listitem").filter({ hasText: label(job) })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // No status chosen: a message on the field, and nothing sent.
    await dialog.getByRole("button", { name: "Change 3 jobs" }).click();
    await expect(dialog.getByLabel("New status")).toHaveAccessibleDescription("Choose a status from the list");
    expect(writes(calls)).toEqual([]);

    await dialog.getByLabel("New status").selectOption("Scheduled");
    await dialog.getByRole("button", { name: "Change 3 jobs" }).click();
    await expect(toast(page, "3 jobs changed (Status: Scheduled)")).toBeVisible();
    for (const job of jobs) {
      const now = await current(sandbox, job);
      expect(now.status).toBe("Scheduled");
      expect(now.priority).toBe("Low");
    }
    // One update per job, nothing else.
    expect(writes(calls).map((call) => call.method)).toEqual(["PUT", "PUT", "PUT"]);
    await expect(jobTable(page).getByRole("cell", { name: "Scheduled", exact: true })).toHaveCount(3);

    // Someone else moves the third job on meanwhile: the Undo leaves their version.
    await sandbox.put(`/jobs/${third.uuid}`, { status: "In Progress" });
    await toast(page, "3 jobs changed").getByRole("button", { name: "Undo" }).click();
    const report = page.getByRole("alertdialog", { name: "Change undone on 2 of 3 jobs" });
    await expect(report.getByRole("alert")).toContainText(`${label(third)}: Someone else changed it after the change, so it was left as they made it.`);
    expect((await current(sandbox, first)).status).toBe("New");
    expect((await current(sandbox, second)).status).toBe("New");
    expect((await current(sandbox, third)).status).toBe("In Progress");
    await report.getByRole("button", { name: "Close" }).click();
    await expect(report).toHaveCount(0);
  });

  test("a job the CRM refuses is listed with its reason; Try again changes it once, and Undo puts back the dates", async ({ page, sandbox }) => {
    const { search, jobs } = await someJobs(sandbox, 3, { scheduled_date: "2026-03-02" });
    const failing = jobs[1] as TestJob;
    await page.goto(`/jobs?search=${search}`);
    await expect(jobTable(page).getByRole("row")).toHaveCount(4);
    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await page.getByRole("button", { name: "Change selected (3)" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Change 3 jobs" });
    await dialog.getByLabel("Change", { exact: true }).selectOption({ label: "Date" });
    await dialog.getByLabel("New date").fill("2026-03-09");

    await sandbox.setFaults({ path: `/jobs/${failing.uuid}`, methods: "PUT", error_rate: 1, after_commit_share: 0 });
    try {
      await dialog.getByRole("button", { name: "Change 3 jobs" }).click();
      const report = page.getByRole("alertdialog", { name: "2 of 3 jobs changed" });
      await expect(report.getByRole("alert")).toContainText(`1 job could not be changed:`);
      await expect(report.getByRole("alert")).toContainText(label(failing));
      expect((await current(sandbox, failing)).scheduled_date).toMatch(/^2026-03-02/);
    } finally {
      await sandbox.clearFaults();
    }
    await page.getByRole("button", { name: "Try again (1)" }).click();
    await expect(toast(page, "3 jobs changed (Date: 2026-03-09)")).toBeVisible();
    for (const job of jobs) expect((await current(sandbox, job)).scheduled_date).toMatch(/^2026-03-09/);

    await toast(page, "3 jobs changed").getByRole("button", { name: "Undo" }).click();
    await expect(toast(page, "Change undone on 3 jobs")).toBeVisible();
    for (const job of jobs) expect((await current(sandbox, job)).scheduled_date).toMatch(/^2026-03-02/);
  });

  test("under 20% CRM faults, before and after the change is stored, every job is changed once, retries and Try again included", async ({
    page,
    sandbox,
    staffApi,
  }) => {
    const { search, jobs } = await someJobs(sandbox, 12, { priority: "Normal" });
    await page.goto(`/jobs?search=${search}&limit=25`);
    await expect(jobTable(page).getByRole("row")).toHaveCount(13);
    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await page.getByRole("button", { name: "Change selected (12)" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Change 12 jobs" });
    await dialog.getByLabel("Change", { exact: true }).selectOption({ label: "Priority" });
    await dialog.getByLabel("New priority").selectOption("High");

    await sandbox.setFaults({ methods: "PUT", path: "/jobs/", error_rate: 0.2, after_commit_share: 0.5, seed: 2026 });
    try {
      await dialog.getByRole("button", { name: "Change 12 jobs" }).click();
      const done = toast(page, "12 jobs changed (Priority: High)");
      const tryAgain = page.getByRole("button", { name: /^Try again \(\d+\)$/ });
      for (let press = 0; press < 6; press += 1) {
        await expect(done.or(tryAgain)).toBeVisible({ timeout: 30_000 });
        if (await done.isVisible()) break;
        // Each failure is listed with its reason before it is tried again (same keys: nothing is applied twice).
        await expect(page.getByRole("alertdialog").getByRole("alert")).toContainText("could not be changed");
        await tryAgain.click();
      }
      await expect(done).toBeVisible();
    } finally {
      await sandbox.clearFaults();
    }
    for (const job of jobs) {
      expect((await current(sandbox, job)).priority).toBe("High");
      // The job's history has one accepted update: a retried request was replayed, not applied again.
      const history = await staffApi.get(`/api/audit?resource=job&resource_id=${job.uuid}`);
      expect(history.status()).toBe(200);
      const rows = ((await history.json()) as { data: { rows: Array<{ action: string; outcome: string }> } }).data.rows;
      expect(rows.filter((row) => row.action === "update" && row.outcome === "accepted")).toHaveLength(1);
    }
  });

  test("on the board: ticks cards, sets their priority, and Undo puts it back", async ({ page, sandbox }) => {
    const { search, jobs } = await someJobs(sandbox, 2, { status: "New", priority: "Normal" });
    const [first, second] = jobs as [TestJob, TestJob];
    await page.goto(`/jobs/board?search=${search}`);
    await expect(boardCard(page, "New", label(first))).toBeVisible();
    await expect(page.getByRole("button", { name: /^Change selected/ })).toHaveCount(0);

    await page.getByRole("checkbox", { name: `Select ${label(first)}` }).check();
    await page.getByRole("checkbox", { name: `Select ${label(second)}` }).check();
    await expect(page.getByText("2 selected on the board")).toBeVisible();
    await page.getByRole("button", { name: "Change selected (2)" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Change 2 jobs" });
    await dialog.getByLabel("Change", { exact: true }).selectOption({ label: "Priority" });
    await dialog.getByLabel("New priority").selectOption("Emergency");
    await dialog.getByRole("button", { name: "Change 2 jobs" }).click();

    await expect(toast(page, "2 jobs changed (Priority: Emergency)")).toBeVisible();
    for (const job of jobs) expect((await current(sandbox, job)).priority).toBe("Emergency");
    await expect(boardCard(page, "New", label(first))).toContainText("Emergency");
    // The selection is over once the change is.
    await expect(page.getByRole("checkbox", { name: `Select ${label(first)}` })).not.toBeChecked();

    await toast(page, "2 jobs changed").getByRole("button", { name: "Undo" }).click();
    await expect(toast(page, "Change undone on 2 jobs")).toBeVisible();
    for (const job of jobs) {
      const now = await current(sandbox, job);
      expect(now.priority).toBe("Normal");
      expect(now.status).toBe("New");
    }
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("no bulk change on the job table or the board", async ({ page, sandbox }) => {
    const { search, jobs } = await someJobs(sandbox, 2, { status: "New" });
    await page.goto(`/jobs?search=${search}`);
    await expect(jobTable(page).getByRole("row")).toHaveCount(3);
    await expect(page.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Change selected/ })).toHaveCount(0);

    await page.goto(`/jobs/board?search=${search}`);
    await expect(boardCard(page, "New", label(jobs[0] as TestJob))).toBeVisible();
    await expect(page.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Change selected/ })).toHaveCount(0);
  });
});
