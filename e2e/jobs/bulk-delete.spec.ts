import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test, type Sandbox } from "../support/fixtures";
import { createTestCustomer, createTestJob, crmJob, expectNoSeriousAxeViolations, type TestCustomer, type TestJob } from "./job-fixtures";

/** Bulk delete from the job table: the same parts as the customer table's (e2e/customers/bulk-delete.spec.ts). */
let customer: TestCustomer;

test.beforeAll(async ({ sandbox }) => {
  customer = await createTestCustomer(sandbox, "Bulkwright");
});

/** Three jobs whose titles share a word no other job has, so a search shows exactly them. */
async function threeJobs(sandbox: Sandbox): Promise<{ search: string; jobs: TestJob[] }> {
  const search = `Bulk${randomUUID().slice(0, 8)}`;
  const jobs = [];
  for (const what of ["gutter", "boiler", "fuse box"]) jobs.push(await createTestJob(sandbox, customer, { title: `${search} ${what}` }));
  return { search, jobs };
}

const jobTable = (page: Page) => page.getByRole("table", { name: "Jobs, newest first" });
const toast = (page: Page, text: string) => page.getByRole("listitem").filter({ hasText: text });

test.describe("as staff", () => {
  test.use({ storageState: storageStatePath("staff") });

  test("deletes the ticked jobs after the count is typed, and Undo brings them back", async ({ page, sandbox }) => {
    const { search, jobs } = await threeJobs(sandbox);
    await page.goto(`/jobs?search=${search}`);
    await expect(jobTable(page).getByRole("row")).toHaveCount(4);

    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await page.getByRole("button", { name: "Delete selected (3)" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete 3 jobs?" });
    for (const job of jobs) await expect(dialog.getByRole("listitem").filter({ hasText: `${job.job_number} ${job.title}` })).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Delete 3 jobs" })).toBeDisabled();
    await expectNoSeriousAxeViolations(page);

    await dialog.getByLabel("Type 3 to confirm").fill("3");
    await dialog.getByRole("button", { name: "Delete 3 jobs" }).click();
    await expect(toast(page, "3 jobs deleted")).toBeVisible();
    await expect(page.getByText("No jobs match these filters.")).toBeVisible();
    for (const job of jobs) expect((await crmJob(sandbox, job.uuid)).deleted_at).not.toBeNull();

    await toast(page, "3 jobs deleted").getByRole("button", { name: "Undo" }).click();
    await expect(toast(page, "3 jobs restored")).toBeVisible();
    for (const job of jobs) expect((await crmJob(sandbox, job.uuid)).deleted_at).toBeNull();
    await expect(jobTable(page).getByRole("row")).toHaveCount(4);
  });

  test("deleted jobs shown with Show deleted can't be ticked", async ({ page, sandbox }) => {
    const { search, jobs } = await threeJobs(sandbox);
    const [deleted] = jobs as [TestJob, ...TestJob[]];
    await page.goto(`/jobs?search=${search}`);
    await page.getByRole("checkbox", { name: `Select ${deleted.job_number} ${deleted.title}` }).check();
    await page.getByRole("button", { name: "Delete selected (1)" }).click();
    const dialog = page.getByRole("alertdialog", { name: "Delete 1 job?" });
    await dialog.getByLabel("Type 1 to confirm").fill("1");
    await dialog.getByRole("button", { name: "Delete 1 job" }).click();
    await expect(toast(page, "1 job deleted")).toBeVisible();

    await page.getByLabel("Show deleted").check();
    const row = jobTable(page).getByRole("row").filter({ hasText: deleted.title });
    await expect(row).toContainText("Deleted");
    await expect(row.getByRole("checkbox")).toHaveCount(0);
    await page.getByRole("checkbox", { name: "Select all on this page" }).check();
    await expect(page.getByRole("button", { name: "Delete selected (2)" })).toBeVisible();
  });
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("no checkboxes and no bulk delete", async ({ page, sandbox }) => {
    const { search } = await threeJobs(sandbox);
    await page.goto(`/jobs?search=${search}`);
    await expect(jobTable(page).getByRole("row")).toHaveCount(4);
    await expect(page.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete selected/ })).toHaveCount(0);
  });
});
