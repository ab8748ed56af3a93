import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { createTestCustomer, createTestJob, crmJob, expectNoSeriousAxeViolations, recordJobApiCalls, type TestCustomer } from "./job-fixtures";

test.use({ storageState: storageStatePath("staff") });

let customer: TestCustomer;

test.beforeAll(async ({ sandbox }) => {
  customer = await createTestCustomer(sandbox, "Tablewright");
});

const jobTable = (page: Page) => page.getByRole("table", { name: "Jobs, newest first" });

test("an unknown status in a hand-edited URL is named on the status filter and nothing is asked of the CRM", async ({ page }) => {
  const calls = recordJobApiCalls(page);
  await page.goto("/jobs?status=Scheduled,Teleported");
  await expect(page.getByText("Unknown status “Teleported”")).toBeVisible();
  await expect(page.getByRole("search", { name: "Filter jobs" }).getByRole("button", { name: "Status" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("A filter above has a problem.")).toBeVisible();
  expect(calls.filter((call) => call.url.startsWith("/api/jobs?"))).toEqual([]);

  await page.getByRole("button", { name: "Remove “Teleported”" }).click();
  await expect(page).toHaveURL(/status=Scheduled$/);
  await expect(jobTable(page).getByRole("row").nth(1)).toContainText("Scheduled");
});

test("filters, page and page size live in the URL and survive a reload", async ({ page, sandbox }) => {
  await page.goto("/jobs");
  await page.getByRole("search", { name: "Filter jobs" }).getByRole("button", { name: "Status" }).click();
  await page.getByRole("checkbox", { name: "Complete" }).check();
  await page.getByRole("checkbox", { name: "Invoiced" }).check();
  await page.keyboard.press("Escape");
  await page.getByLabel("Priority").selectOption("Normal");
  await page.getByLabel("Rows per page").selectOption("50");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/status=Invoiced%2CComplete|status=Invoiced,Complete/);
  await expect(page).toHaveURL(/page=2/);

  const total = await sandbox.total("jobs", "status=Invoiced,Complete&priority=Normal");
  await page.reload();
  await expect(page.getByRole("search", { name: "Filter jobs" }).getByRole("button", { name: "Status" })).toHaveText(/2 statuses/);
  await expect(page.getByLabel("Priority")).toHaveValue("Normal");
  await expect(page.getByLabel("Rows per page")).toHaveValue("50");
  await expect(page.getByText(`Showing 51–${Math.min(100, total)} of ${total.toLocaleString("en-US")} jobs`)).toBeVisible();
});

test("show deleted lists deleted jobs, and Restore brings one back", async ({ page, sandbox }) => {
  const job = await createTestJob(sandbox, customer);
  await sandbox.delete(`/jobs/${job.uuid}`);
  await page.goto(`/jobs?search=${encodeURIComponent(job.title)}`);
  await expect(page.getByText("No jobs match these filters.")).toBeVisible();

  await page.getByLabel("Show deleted").check();
  const row = jobTable(page).getByRole("row").filter({ hasText: job.title });
  await expect(row).toContainText("Deleted");
  await row.getByRole("button", { name: `Restore ${job.job_number} ${job.title}` }).click();
  await expect(page.getByText(`${job.job_number} ${job.title} is restored.`)).toBeVisible();
  await expect(row).not.toContainText("Deleted");
  expect((await crmJob(sandbox, job.uuid)).deleted_at).toBeNull();
});

test("columns can be hidden, and the choice is remembered", async ({ page }) => {
  await page.goto("/jobs");
  await expect(jobTable(page).getByRole("columnheader", { name: "Customer" })).toBeVisible();
  await page.getByRole("button", { name: /^Columns/ }).click();
  await page.getByRole("menuitemcheckbox", { name: "Customer" }).click();
  await page.keyboard.press("Escape");
  await expect(jobTable(page).getByRole("columnheader", { name: "Customer" })).toHaveCount(0);
  await page.reload();
  await expect(jobTable(page).getByRole("columnheader", { name: "Customer" })).toHaveCount(0);
  await page.getByRole("button", { name: /^Columns/ }).click();
  // The last item of a long menu, reached the way a keyboard user would.
  await page.keyboard.press("End");
  await expect(page.getByRole("menuitem", { name: "Show the usual columns" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(jobTable(page).getByRole("columnheader", { name: "Customer" })).toBeVisible();
});

test("rows can be walked with the arrow keys and opened with Enter", async ({ page, sandbox }) => {
  const first = await createTestJob(sandbox, customer, { title: "Keyboard walk A " + Date.now() });
  const second = await createTestJob(sandbox, customer, { title: "Keyboard walk B " + Date.now() });
  await page.goto(`/jobs?search=${encodeURIComponent("Keyboard walk")}`);
  const rows = jobTable(page).getByRole("row");
  await expect(rows.nth(1)).toContainText(second.title);
  await rows.nth(1).focus();
  await page.keyboard.press("ArrowDown");
  await expect(rows.nth(2)).toBeFocused();
  await expect(rows.nth(2)).toContainText(first.title);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/jobs/${first.uuid}$`));
  await expect(page.getByRole("heading", { level: 1, name: first.title })).toBeVisible();
});

test("the filtered view exports to CSV, every page of it", async ({ page, sandbox }) => {
  const job = await createTestJob(sandbox, customer, { title: 'Export me, "quoted" ' + Date.now(), estimated_amount: 1234.5 });
  await page.goto(`/jobs?search=${encodeURIComponent(job.title)}`);
  await expect(jobTable(page).getByRole("row").filter({ hasText: job.title })).toBeVisible();
  await page.getByRole("button", { name: "Export CSV" }).click();
  await expect(page.getByText("This view has 1 job.")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Start export" }).click();
  const file = await (await download).path();
  const csv = await readFile(file, "utf8");
  const [header, row] = csv.replace(/^\uFEFF/, "").split("\r\n");
  expect(header).toContain("Job ID,Job number,Customer ID,Customer,Location ID,Location,Assigned to ID,Assigned to,Title,Description,Status");
  expect(header).toContain("Started,Completed,Invoiced,Paid,Internal notes,Notes for the customer,Created,Last changed,Deleted");
  expect(row).toContain(`,Jobby Tablewright,`);
  expect(row).toContain(`,"${job.title.replaceAll('"', '""')}",`);
  expect(row).toContain("1234.5");
});

test("the job table has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/jobs");
  await expect(jobTable(page).getByRole("row").nth(1)).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
