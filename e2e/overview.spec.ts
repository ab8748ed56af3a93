import AxeBuilder from "@axe-core/playwright";
import { storageStatePath } from "./support/accounts";
import { expect, test } from "./support/fixtures";

test.use({ storageState: storageStatePath("staff") });

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
];

test("the overview shows the CRM as connected with its real customer and job counts", async ({ page, sandbox }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "CRM connected" })).toBeVisible();

  const customersTotal = await sandbox.total("customers", "");
  expect(customersTotal).toBeGreaterThan(0);
  await expect(page.getByTestId("customers-total")).toHaveText(customersTotal.toLocaleString("en-US"));

  const jobsTable = page.getByRole("table", { name: /active jobs in each status/i });
  for (const status of STATUSES) {
    const expected = await sandbox.total("jobs", `status=${encodeURIComponent(status)}`);
    await expect(jobsTable.getByRole("row", { name: new RegExp(`^${status} `) })).toContainText(expected.toLocaleString("en-US"));
  }
});

test("the overview has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "CRM connected" })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
  expect(serious.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
});
