import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { createTestCustomer, createTestJob, localToday, uniqueTitle } from "./job-fixtures";

test.use({ storageState: storageStatePath("staff") });

test("the overview lists today's, overdue and urgent jobs, each a link", async ({ page }) => {
  const customer = await createTestCustomer("Glancer");
  const today = await createTestJob(customer, { status: "Scheduled", scheduled_date: localToday(), scheduled_time_start: "07:15", title: uniqueTitle("Today visit") });
  const overdue = await createTestJob(customer, { status: "Scheduled", scheduled_date: "2020-01-06", title: uniqueTitle("Missed visit") });
  const urgent = await createTestJob(customer, { status: "New", is_emergency: true, priority: "Emergency", title: uniqueTitle("Burst pipe") });

  await page.goto("/");
  const todayList = page.getByRole("region", { name: /^Scheduled today/ });
  await expect(todayList.getByRole("link", { name: `${today.job_number} ${today.title}` })).toHaveAttribute("href", `/jobs/${today.uuid}`);
  await expect(page.getByRole("region", { name: /^Overdue/ }).getByRole("link", { name: `${overdue.job_number} ${overdue.title}` })).toBeVisible();
  const urgentList = page.getByRole("region", { name: /^Urgent and emergency/ });
  await expect(urgentList.getByRole("link", { name: `${urgent.job_number} ${urgent.title}` })).toBeVisible();
  await urgentList.getByRole("link", { name: "Emergency priority on the board" }).click();
  await expect(page).toHaveURL(/\/jobs\/board\?priority=Emergency$/);
  await expect(page.getByLabel("Priority")).toHaveValue("Emergency");
});

test("each status bar of the overview opens the job table filtered by that status", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("table", { name: /active jobs in each status/i }).getByRole("link", { name: "Ready to Invoice" }).click();
  await expect(page).toHaveURL(/\/jobs\?status=Ready\+to\+Invoice$|\/jobs\?status=Ready%20to%20Invoice$/);
  await expect(page.getByRole("button", { name: "Status" })).toHaveText(/Ready to Invoice/);
});
