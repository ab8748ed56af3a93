import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../scripts/lib/chromium";
import { dayInTimeZone } from "../lib/time/viewer-time-zone";
import { storageStatePath } from "./support/accounts";
import { newIdempotencyKey } from "./support/dashboard-api";
import { waitForHydration } from "./support/hydration";
import { expect, test } from "./support/fixtures";
import { createTestCustomer, uniqueTitle, type TestJob } from "./jobs/job-fixtures";

/**
 * The overview is drawn once: signed in but without the `tz` cookie (a
 * browser that kept its session but not the zone), the server cannot know
 * the viewer's day, so it renders every day a viewer can be in and the
 * browser shows its own before the first paint (ADR-025). Nothing moves
 * when React takes over, with the cookie or without it.
 */
const ZONE = "Pacific/Kiritimati";
test.use({ storageState: storageStatePath("staff"), timezoneId: ZONE });

/** Records every layout shift from the start of each document (addInitScript runs before the page's own scripts, CSP aside). */
async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: Array<{ value: number; sources: string[] }> = [];
    Object.assign(window, { __layoutShifts: shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; sources?: Array<{ node?: Node | null }> }>) {
        shifts.push({
          value: entry.value,
          sources: (entry.sources ?? []).map((source) => (source.node instanceof Element ? source.node.outerHTML.slice(0, 120) : String(source.node))),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** Layout shifts so far, once the page is live and its requests have settled. */
async function layoutShiftsAfterLoad(page: Page) {
  await waitForHydration(page);
  await page.waitForLoadState("networkidle");
  // A frame for the observer to report the last one.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  return page.evaluate(() => (window as unknown as { __layoutShifts: Array<{ value: number; sources: string[] }> }).__layoutShifts);
}

test("the overview does not move on a first visit without the tz cookie, nor with it, and shows the browser's own day", async ({
  browser,
  sandbox,
  staffApi,
}) => {
  const customer = await createTestCustomer(sandbox, "Firstpaint");
  // Created through the dashboard, so the mirror has it at once (write-through); early, so it heads today's list.
  const answer = await staffApi.post("/api/jobs", {
    headers: { "Idempotency-Key": newIdempotencyKey() },
    data: {
      customer_uuid: customer.uuid,
      title: uniqueTitle("First paint visit"),
      status: "Scheduled",
      scheduled_date: dayInTimeZone(ZONE),
      scheduled_time_start: "00:01",
    },
  });
  expect(answer.status(), await answer.text()).toBe(201);
  const job = (await answer.json()).data as TestJob;

  const context = await browser.newContext({ storageState: storageStatePath("staff"), timezoneId: ZONE });
  try {
    expect((await context.cookies()).some((cookie) => cookie.name === "tz")).toBe(false);
    const page = await context.newPage();
    const warnings: string[] = [];
    page.on("console", (message) => {
      if (/hydrat|Minified React error #(418|423|425)/i.test(message.text())) warnings.push(message.text());
    });
    await recordLayoutShifts(page);

    // No JavaScript chunk loads: what shows is what the HTML and its inline script drew, before React.
    await page.route("**/_next/static/chunks/**", (route) => route.abort());
    await page.goto("/");
    await expect(page.getByRole("region", { name: /^Scheduled today/ }).getByRole("link", { name: `${job.job_number} ${job.title}` })).toBeVisible();
    await expect(page.getByRole("region", { name: /^Scheduled today/ })).toHaveCount(1);
    await page.unroute("**/_next/static/chunks/**");
    warnings.length = 0;

    // The first visit with scripts: the cookie is still missing (the page above never ran React).
    expect((await context.cookies()).some((cookie) => cookie.name === "tz")).toBe(false);
    await page.goto("/");
    expect(await layoutShiftsAfterLoad(page)).toEqual([]);
    const todayList = page.getByRole("region", { name: /^Scheduled today/ });
    await expect(todayList).toHaveCount(1);
    await expect(todayList.getByRole("link", { name: `${job.job_number} ${job.title}` })).toBeVisible();
    await expect(page.getByText("Loading today's jobs…")).toHaveCount(0);

    // That visit told the server the zone; the next one is rendered for the viewer's day alone, and does not move either.
    await expect.poll(async () => (await context.cookies()).find((cookie) => cookie.name === "tz")?.value).toBe(encodeURIComponent(ZONE));
    await page.goto("/");
    expect(await layoutShiftsAfterLoad(page)).toEqual([]);
    await expect(page.locator("[data-agenda-day]")).toHaveCount(1);
    await expect(page.getByRole("region", { name: /^Scheduled today/ }).getByRole("link", { name: `${job.job_number} ${job.title}` })).toBeVisible();
    expect(warnings).toEqual([]);
  } finally {
    await context.close();
  }
});

test("the server keeps the tz cookie as long as the session cookie", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStatePath("staff"), timezoneId: ZONE });
  try {
    const page = await context.newPage();
    await page.goto("/lookup");
    await waitForHydration(page);
    await expect.poll(async () => (await context.cookies()).some((cookie) => cookie.name === "tz")).toBe(true);
    const response = await page.goto("/customers");
    const setCookie = (await response?.headerValue("set-cookie")) ?? "";
    // Set by the server with the session's absolute lifetime (SESSION_ABSOLUTE_HOURS, 12 by default).
    expect(setCookie).toMatch(new RegExp(`^tz=${encodeURIComponent(ZONE)}; Path=/; .*Max-Age=43200; SameSite=lax`, "m"));
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name.endsWith("session_token"));
    const zone = cookies.find((cookie) => cookie.name === "tz");
    expect(session).toBeDefined();
    expect(zone?.expires ?? 0).toBeGreaterThanOrEqual(session?.expires ?? Infinity);
  } finally {
    await context.close();
  }
});

test("with the scrollbars a desktop browser shows, a first visit without tz does not shift sideways either", async ({ browserName }) => {
  test.skip(browserName !== "chromium", "the launch flags are Chromium's");
  // Playwright hides scrollbars in headless Chromium; Lighthouse's Chrome shows them, and a page that grows past
  // the window while it loads then narrows by a scrollbar's width: the shift Lighthouse measured (CLS 0.005).
  const found = findChromium();
  const browser = await chromium.launch({
    executablePath: found?.executablePath,
    args: CHROMIUM_ARGS,
    ignoreDefaultArgs: ["--hide-scrollbars"],
  });
  try {
    // Lighthouse's desktop width, and a window short enough for this page to scroll (Lighthouse's 940 px held a fuller one).
    const context = await browser.newContext({ storageState: storageStatePath("staff"), timezoneId: ZONE, viewport: { width: 1350, height: 560 } });
    const page = await context.newPage();
    await recordLayoutShifts(page);
    for (let load = 0; load < 3; load += 1) {
      await context.clearCookies({ name: "tz" });
      await page.goto("/");
      expect(await layoutShiftsAfterLoad(page), `load ${load + 1}`).toEqual([]);
    }
    // The page does scroll here, so a scrollbar was there to appear.
    expect(await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight)).toBe(true);
  } finally {
    await browser.close();
  }
});
