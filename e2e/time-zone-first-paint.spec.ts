import type { Browser, BrowserContext, Page } from "@playwright/test";
import { storageStatePath } from "./support/accounts";
import { newIdempotencyKey } from "./support/dashboard-api";
import { waitForHydration } from "./support/hydration";
import { expect, test } from "./support/fixtures";
import { createTestCustomer, uniqueTitle } from "./jobs/job-fixtures";

/**
 * Every moment on screen is in the viewer's time zone from the first paint:
 * the server reads the zone from the `tz` cookie and renders with it, and the
 * browser hydrates with the same value (ADR-019). A browser fourteen hours
 * ahead of the server's UTC sees a record's created time in its own zone, in
 * the HTML before any script runs and after hydration, with no hydration
 * warning; a job's scheduled day stays the calendar day it was booked for.
 */
const ZONE = "Pacific/Kiritimati";
test.use({ storageState: storageStatePath("staff"), timezoneId: ZONE });

const inZone = (iso: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: ZONE, dateStyle: "medium", timeStyle: "short" }).format(new Date(iso)).replace(/\u202f/g, " ");

/** The page as the server sends it, before any script runs. */
async function serverRendered(browser: Browser, context: BrowserContext, path: string) {
  const noScript = await browser.newContext({ storageState: await context.storageState(), javaScriptEnabled: false, timezoneId: ZONE });
  const page = await noScript.newPage();
  await page.goto(path);
  return { page, close: () => noScript.close() };
}

function hydrationWarnings(page: Page): string[] {
  const warnings: string[] = [];
  const watch = (text: string) => {
    if (/hydrat|Minified React error #(418|423|425)/i.test(text)) warnings.push(text);
  };
  page.on("console", (message) => watch(message.text()));
  page.on("pageerror", (error) => watch(error.message));
  return warnings;
}

test("a customer's created time and a job's created and scheduled times read in the viewer's zone before and after hydration", async ({
  browser,
  context,
  page,
  sandbox,
  staffApi,
}) => {
  const customer = await createTestCustomer(sandbox, "Zonewise");
  const created = await sandbox.get<{ created_at: string }>(`/customers/${customer.uuid}`);
  const answer = await staffApi.post("/api/jobs", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: {
      customer_uuid: customer.uuid,
      title: uniqueTitle("Zone visit"),
      status: "Scheduled",
      scheduled_date: "2031-05-01",
      scheduled_time_start: "09:00",
      scheduled_time_end: "11:30",
    },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  const job = (await answer.json()).data as { uuid: string; created_at: string };
  const customerAdded = `Added ${inZone(created.created_at)}`;
  const jobCreated = inZone(job.created_at);
  // Booked for May 1: noon UTC of that day is already May 2 in Kiritimati, so a moment's formatting would shift it.
  const schedule = "Thu, May 1, 2031, 09:00–11:30";
  expect(jobCreated).not.toBe(new Intl.DateTimeFormat("en-US", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" }).format(new Date(job.created_at)));

  // A browser in that zone opens a page once: that tells the server its zone (the tz cookie).
  const warnings = hydrationWarnings(page);
  await page.goto("/lookup");
  await waitForHydration(page);
  await expect.poll(async () => (await context.cookies()).find((cookie) => cookie.name === "tz")?.value).toBe(encodeURIComponent(ZONE));

  const customerHtml = await serverRendered(browser, context, `/customers/${customer.uuid}`);
  try {
    await expect(customerHtml.page.getByText(customerAdded)).toBeVisible();
  } finally {
    await customerHtml.close();
  }
  const jobHtml = await serverRendered(browser, context, `/jobs/${job.uuid}`);
  try {
    const timeline = jobHtml.page.getByRole("region", { name: "Timeline" });
    await expect(timeline.getByText(jobCreated)).toBeVisible();
    await expect(timeline.getByText(schedule)).toBeVisible();
  } finally {
    await jobHtml.close();
  }

  await page.goto(`/customers/${customer.uuid}`);
  await waitForHydration(page);
  await expect(page.getByText(customerAdded)).toBeVisible();
  await page.goto(`/jobs/${job.uuid}`);
  await waitForHydration(page);
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText(jobCreated)).toBeVisible();
  await expect(timeline.getByText(schedule)).toBeVisible();
  expect(warnings).toEqual([]);
});
