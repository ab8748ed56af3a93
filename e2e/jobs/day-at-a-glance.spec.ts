import type { Browser, BrowserContext } from "@playwright/test";
import { dayInTimeZone } from "../../lib/time/viewer-time-zone";
import { storageStatePath } from "../support/accounts";
import { waitForHydration } from "../support/hydration";
import { newIdempotencyKey } from "../support/dashboard-api";
import { expect, test } from "../support/fixtures";
import { syncMirrorNow } from "../support/mirror-sync";
import { createTestCustomer, createTestJob, localToday, uniqueTitle, type TestJob } from "./job-fixtures";

test.use({ storageState: storageStatePath("staff") });

test("the overview lists today's, overdue and urgent jobs, each a link", async ({ page, sandbox, staffApi }) => {
  const customer = await createTestCustomer(sandbox, "Glancer");
  const today = await createTestJob(sandbox, customer, {
    status: "Scheduled",
    scheduled_date: localToday(),
    scheduled_time_start: "07:15",
    title: uniqueTitle("Today visit"),
  });
  const overdue = await createTestJob(sandbox, customer, { status: "Scheduled", scheduled_date: "2020-01-06", title: uniqueTitle("Missed visit") });
  const urgent = await createTestJob(sandbox, customer, { status: "New", is_emergency: true, priority: "Emergency", title: uniqueTitle("Burst pipe") });
  // Made in the CRM directly, as another app would: the overview (read from the mirror) has them after a sync.
  await syncMirrorNow(staffApi);

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
  await page
    .getByRole("table", { name: /active jobs in each status/i })
    .getByRole("link", { name: "Ready to Invoice" })
    .click();
  await expect(page).toHaveURL(/\/jobs\?status=Ready\+to\+Invoice$|\/jobs\?status=Ready%20to%20Invoice$/);
  await expect(page.getByRole("search", { name: "Filter jobs" }).getByRole("button", { name: "Status" })).toHaveText(/Ready to Invoice/);
});

/** The overview as the server sends it, before any script runs: what the viewer sees first. */
async function serverRenderedOverview(browser: Browser, storageState: Awaited<ReturnType<BrowserContext["storageState"]>>) {
  const context = await browser.newContext({ storageState, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  return { page, close: () => context.close() };
}

test("the server renders the agenda for the day of the viewer's time zone, so nothing moves once the page is live", async ({ browser, staffApi, sandbox }) => {
  // Fourteen hours ahead of UTC and eleven behind: always two different days.
  const zones = ["Pacific/Kiritimati", "Pacific/Pago_Pago"] as const;
  const customer = await createTestCustomer(sandbox, "Zoner");
  // Created through the dashboard, so the mirror has them at once (write-through).
  const jobs: TestJob[] = [];
  for (const zone of zones) {
    const response = await staffApi.post("/api/jobs", {
      headers: { "Idempotency-Key": newIdempotencyKey() },
      // Early in the day, so they head the list whatever else is scheduled then.
      data: {
        customer_uuid: customer.uuid,
        title: uniqueTitle(`Visit ${zone}`),
        status: "Scheduled",
        scheduled_date: dayInTimeZone(zone),
        scheduled_time_start: "00:05",
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    jobs.push((await response.json()).data as TestJob);
  }

  for (const [index, zone] of zones.entries()) {
    const mine = jobs[index];
    const other = jobs[1 - index];
    if (!mine || !other) throw new Error("two jobs were created");
    // A browser in that zone opens any page once: that tells the server its zone.
    const context = await browser.newContext({ storageState: storageStatePath("staff"), timezoneId: zone });
    try {
      const page = await context.newPage();
      await page.goto("/lookup");
      await waitForHydration(page);
      await expect.poll(async () => (await context.cookies()).find((cookie) => cookie.name === "tz")?.value).toBe(encodeURIComponent(zone));

      const server = await serverRenderedOverview(browser, await context.storageState());
      try {
        const todayList = server.page.getByRole("region", { name: /^Scheduled today/ });
        await expect(todayList.getByRole("link", { name: `${mine.job_number} ${mine.title}` })).toBeVisible();
        await expect(todayList.getByRole("link", { name: `${other.job_number} ${other.title}` })).toHaveCount(0);
        await expect(server.page.getByText("Loading today's jobs…")).toHaveCount(0);
        const serverHeading = await todayList.getByRole("heading").textContent();

        // The live page computes the same day in the browser and keeps the server's lists.
        await page.goto("/");
        await waitForHydration(page);
        const liveList = page.getByRole("region", { name: /^Scheduled today/ });
        await expect(liveList.getByRole("link", { name: `${mine.job_number} ${mine.title}` })).toBeVisible();
        await expect(liveList.getByRole("heading")).toHaveText(serverHeading ?? "");
      } finally {
        await server.close();
      }
    } finally {
      await context.close();
    }
  }
});

test("a browser's very first page gets every day a viewer can be in, none shown until the browser picks its own", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("staff") });
  try {
    expect((await context.cookies()).some((cookie) => cookie.name === "tz")).toBe(false);
    // Without scripts the browser cannot pick (e2e/overview-first-visit.spec.ts shows it does, before the first paint).
    const server = await serverRenderedOverview(browser, await context.storageState());
    try {
      expect(await server.page.locator("[data-agenda-day]").count()).toBeGreaterThanOrEqual(2);
      await expect(server.page.getByRole("region", { name: /^Scheduled today/ })).toHaveCount(0);
      await expect(server.page.getByText("Loading today's jobs…")).toHaveCount(0);
    } finally {
      await server.close();
    }
  } finally {
    await context.close();
  }
});
