import type { Page } from "@playwright/test";
import { expect, test } from "../support/fixtures";
import { storageStatePath } from "../support/accounts";
import { createTestCustomer, createTestJob } from "./job-fixtures";

test.use({ storageState: storageStatePath("staff") });

const WIDTHS = [1280, 390] as const;

/**
 * The job screens at desktop and phone widths, saved to .data/screenshots/
 * for review. Each also checks that the page itself never scrolls sideways
 * (the board's columns scroll inside their own strip).
 */
async function capture(page: Page, name: string, width: number) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} at ${width}px scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: `.data/screenshots/jobs-${name}-${width}.png`, fullPage: true });
}

for (const width of WIDTHS) {
  test.describe(`at ${width}px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("board, table, form, job page and overview", async ({ page, sandbox }) => {
      test.setTimeout(90_000);
      const customer = await createTestCustomer(sandbox, "Shotwell");
      const job = await createTestJob(sandbox, customer, {
        status: "Scheduled",
        priority: "High",
        is_urgent: true,
        scheduled_date: "2026-12-04",
        scheduled_time_start: "13:00",
        scheduled_time_end: "15:30",
        estimated_amount: 899,
        description: "Replace the 40-gallon water heater in the garage.",
      });

      await page.goto("/jobs/board");
      await expect(page.getByRole("heading", { level: 1, name: "Job board" })).toBeVisible();
      await expect(page.getByRole("article").first()).toBeVisible();
      await capture(page, "board", width);

      await page.goto("/jobs");
      await expect(page.getByRole("table", { name: "Jobs, newest first" }).getByRole("row").nth(1)).toBeVisible();
      await capture(page, "table", width);

      await page.goto("/jobs/new");
      await page.getByRole("button", { name: "Create job" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "fields need attention" })).toBeVisible();
      await capture(page, "form-errors", width);

      await page.goto(`/jobs/${job.uuid}`);
      await expect(page.getByRole("heading", { level: 1, name: job.title })).toBeVisible();
      await capture(page, "job-page", width);

      await page.goto("/");
      await expect(page.getByRole("region", { name: /^Scheduled today/ })).toBeVisible();
      await capture(page, "overview", width);
    });
  });
}
