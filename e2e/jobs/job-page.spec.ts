import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { createTestCustomer, createTestJob, crmJob, expectNoSeriousAxeViolations, type TestCustomer } from "./job-fixtures";

test.use({ storageState: storageStatePath("staff") });

let customer: TestCustomer;

test.beforeAll(async ({ sandbox }) => {
  customer = await createTestCustomer(sandbox, "Pagewood");
});

test("the job page shows the job, its customer, its timeline and its history", async ({ page, sandbox }) => {
  const job = await createTestJob(sandbox, customer, {
    status: "New",
    scheduled_date: "2026-12-03",
    scheduled_time_start: "08:00",
    scheduled_time_end: "10:00",
    estimated_amount: 480,
  });
  await page.goto(`/jobs/${job.uuid}`);
  await expect(page.getByRole("heading", { level: 1, name: job.title })).toBeVisible();
  await expect(page.getByRole("link", { name: "Jobby Pagewood" })).toHaveAttribute("href", `/customers/${customer.uuid}`);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByRole("listitem").filter({ hasText: "Scheduled" })).toContainText("Thu, Dec 3, 2026, 08:00–10:00");
  await expect(timeline.getByRole("listitem").filter({ hasText: "Started" })).toContainText("Not yet");

  // A change through the dashboard appears in the history, with words, not field names.
  await page.getByRole("link", { name: `Edit ${job.job_number} ${job.title}` }).click();
  await page.getByLabel("Status").selectOption("In Progress");
  await page.getByRole("button", { name: "Save changes" }).click();
  const history = page.getByRole("region", { name: "History" });
  await expect(history).toContainText("Status: New → In Progress");
  await expect(timeline.getByRole("listitem").filter({ hasText: "Started" })).not.toContainText("Not yet");
});

test("delete, then undo from the toast", async ({ page, sandbox }) => {
  const job = await createTestJob(sandbox, customer);
  await page.goto(`/jobs/${job.uuid}`);
  await page.getByRole("button", { name: `Delete ${job.job_number} ${job.title}` }).click();
  await expect(page.getByText(`${job.job_number} ${job.title} deleted.`)).toBeVisible();
  await expect(page.getByText("This job is deleted")).toBeVisible();
  await expect.poll(async () => (await crmJob(sandbox, job.uuid)).deleted_at).not.toBeNull();

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText(`${job.job_number} ${job.title} restored.`)).toBeVisible();
  await expect(page.getByText("This job is deleted")).toHaveCount(0);
  expect((await crmJob(sandbox, job.uuid)).deleted_at).toBeNull();
  await expect(page.getByRole("region", { name: "History" })).toContainText("Restored");
});

test("a deleted job's page says so and offers Restore", async ({ page, sandbox }) => {
  const job = await createTestJob(sandbox, customer);
  await sandbox.delete(`/jobs/${job.uuid}`);
  await page.goto(`/jobs/${job.uuid}`);
  await expect(page.getByText("This job is deleted")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Edit/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText(`${job.job_number} ${job.title} restored.`)).toBeVisible();
  expect((await crmJob(sandbox, job.uuid)).deleted_at).toBeNull();
});

test("an id that isn't a job is a 404 page", async ({ page }) => {
  const response = await page.goto("/jobs/not-a-uuid");
  expect(response?.status()).toBe(404);
});

test("the job page has no serious or critical accessibility violations", async ({ page, sandbox }) => {
  const job = await createTestJob(sandbox, customer, { is_emergency: true, priority: "Emergency" });
  await page.goto(`/jobs/${job.uuid}`);
  await expect(page.getByRole("heading", { level: 1, name: job.title })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
