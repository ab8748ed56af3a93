import type { Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { createTestCustomer, createTestJob, crmJob, expectNoSeriousAxeViolations, recordJobApiCalls, uniqueTitle, type TestCustomer } from "./job-fixtures";

test.use({ storageState: storageStatePath("staff") });

let customer: TestCustomer;

test.beforeAll(async ({ sandbox }) => {
  customer = await createTestCustomer(sandbox, "Formsby");
});

async function chooseCustomer(page: Page, text: string, name: RegExp) {
  const box = page.getByRole("combobox", { name: "Customer" });
  await box.fill(text);
  await expect(page.getByRole("option", { name })).toBeVisible();
  await box.press("ArrowDown");
  await expect(box).toHaveAttribute("aria-activedescendant", /option-0$/);
  await box.press("Enter");
}

test("a job is created from the customer picker, with the customer's address", async ({ page, sandbox }) => {
  const title = uniqueTitle("Furnace tune-up");
  await page.goto("/jobs/new");
  await chooseCustomer(page, "Formsby", /Jobby Formsby/);
  await expect(page.getByText("The job will be at 400 Pine St, Seattle WA 98101.")).toBeVisible();
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Priority").selectOption("High");
  await page.getByLabel("Urgent").check();
  await page.getByLabel("Estimated amount ($)").fill("1,250.50");
  await page.getByLabel("Date").fill("2026-12-01");
  await page.getByLabel("Start time").fill("09:00");
  await page.getByLabel("End time").fill("11:30");
  await page.getByRole("button", { name: "Create job" }).click();

  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const uuid = new URL(page.url()).pathname.split("/").pop() ?? "";
  const job = await sandbox.get<Record<string, unknown>>(`/jobs/${uuid}`);
  expect(job).toMatchObject({
    title,
    priority: "High",
    is_urgent: true,
    estimated_amount: 1250.5,
    service_address1: "400 Pine St",
    service_city: "Seattle",
    scheduled_time_start: "09:00",
    scheduled_time_end: "11:30",
  });
  expect((job.customer as { uuid: string }).uuid).toBe(customer.uuid);
});

test("New job on a customer's page opens the form with that customer chosen", async ({ page }) => {
  await page.goto(`/customers/${customer.uuid}`);
  await page.getByRole("region", { name: /^Jobs/ }).getByRole("link", { name: "New job" }).click();
  await expect(page).toHaveURL(`/jobs/new?customer_uuid=${customer.uuid}`);
  await expect(page.getByRole("combobox", { name: "Customer" })).toHaveValue("Jobby Formsby");
  const title = uniqueTitle("Drain cleaning");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("link", { name: "Jobby Formsby" })).toHaveAttribute("href", `/customers/${customer.uuid}`);
});

test("an end time before the start time is refused on the field, and nothing is sent", async ({ page }) => {
  await page.goto(`/jobs/new?customer_uuid=${customer.uuid}`);
  const calls = recordJobApiCalls(page);
  await page.getByLabel("Title").fill(uniqueTitle("Backwards visit"));
  await page.getByLabel("Date").fill("2026-12-02");
  await page.getByLabel("Start time").fill("11:00");
  await page.getByLabel("End time").fill("10:00");
  await page.getByLabel("End time").blur();
  await expect(page.getByLabel("End time")).toHaveAccessibleDescription("End time must be after the start time");
  await expect(page.getByLabel("End time")).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "1 field needs attention before saving" })).toContainText(
    "End time: End time must be after the start time",
  );
  await expect(page.getByLabel("End time")).toBeFocused();
  expect(calls.filter((call) => call.method === "POST")).toEqual([]);

  await page.getByLabel("End time").fill("12:15");
  await expect(page.getByLabel("End time")).not.toHaveAttribute("aria-invalid", "true");
});

test("missing title and customer, and bad amounts, are said on their fields and nothing is sent", async ({ page }) => {
  await page.goto("/jobs/new");
  const calls = recordJobApiCalls(page);
  await page.getByLabel("Estimated amount ($)").fill("-5");
  await page.getByLabel("Actual amount ($)").fill("10.005");
  await page.getByRole("button", { name: "Create job" }).click();

  await expect(page.getByRole("combobox", { name: "Customer" })).toHaveAccessibleDescription(/Choose a customer/);
  await expect(page.getByLabel("Title")).toHaveAccessibleDescription("Add a title");
  await expect(page.getByLabel("Estimated amount ($)")).toHaveAccessibleDescription("Amounts can't be negative");
  await expect(page.getByLabel("Actual amount ($)")).toHaveAccessibleDescription("Use at most two decimal places (cents)");
  await expect(page.getByRole("alert").filter({ hasText: "4 fields need attention before saving" })).toBeVisible();
  expect(calls.filter((call) => call.method === "POST")).toEqual([]);
});

test("an edit that crosses someone else's shows both, and applies mine on top when asked", async ({ page, sandbox }) => {
  const job = await createTestJob(sandbox, customer, { status: "New", priority: "Normal" });
  await page.goto(`/jobs/${job.uuid}/edit`);
  const newTitle = `${job.title} (edited)`;
  await page.getByLabel("Title").fill(newTitle);
  // Meanwhile someone else schedules it.
  await sandbox.put(`/jobs/${job.uuid}`, { status: "Scheduled" });
  await page.getByRole("button", { name: "Save changes" }).click();

  const panel = page.getByRole("region", { name: "Someone else changed this job while you were editing" });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole("row", { name: /^Status/ })).toContainText("New");
  await expect(panel.getByRole("row", { name: /^Status/ })).toContainText("Scheduled");
  await expect(panel.getByRole("row", { name: /^Title/ })).toContainText(newTitle);
  await expect(page.getByLabel("Title")).toHaveValue(newTitle);

  await panel.getByRole("button", { name: "Apply my changes again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: newTitle })).toBeVisible();
  expect(await crmJob(sandbox, job.uuid)).toMatchObject({ title: newTitle, status: "Scheduled" });
});

test("leaving a form with unsaved changes asks first", async ({ page, sandbox }) => {
  const job = await createTestJob(sandbox, customer);
  await page.goto(`/jobs/${job.uuid}/edit`);
  await page.getByLabel("Description (optional)").fill("Half-typed thought");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Job board" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Leave without saving?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Stay on this page" }).click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${job.uuid}/edit$`));
  await expect(page.getByLabel("Description (optional)")).toHaveValue("Half-typed thought");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Job board" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Leave without saving" }).click();
  await expect(page).toHaveURL(/\/jobs\/board$/);
});

test("the job form has no serious or critical accessibility violations, also when showing errors", async ({ page }) => {
  await page.goto("/jobs/new");
  await page.getByRole("button", { name: "Create job" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "fields need attention" })).toBeVisible();
  await page.getByRole("combobox", { name: "Customer" }).fill("Jo");
  await expect(page.getByRole("listbox", { name: "Customers" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});
