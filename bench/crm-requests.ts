import type { Browser, Page } from "@playwright/test";
import { tallyDifference, trackNetwork, type RequestTally, type StorageState } from "./browser";
import { VIEWPORT } from "./page-weight";
import type { SampleCustomer } from "./samples";

/**
 * Part 4: a scripted office session in the browser, step by step as a person
 * does it (clicks, typing, the keyboard on the board), counting the CRM
 * requests each step costs. The count is the sandbox's own per-key counter,
 * the one the CRM bills against: nothing else uses the key while a session
 * runs, so the difference across a step is what that step asked of the CRM.
 */
export interface StepCount {
  step: string;
  /** null when the step was skipped (reason says why). */
  requests: number | null;
  /** What the browser asked the dashboard for during the step. */
  browser?: RequestTally;
  skipped?: string;
}

export interface SessionResult {
  cacheTtlSeconds: number;
  steps: StepCount[];
  total: number;
  durationMs: number;
}

export interface RevisitCount {
  page: string;
  first: number;
  again: number;
  firstBrowser: RequestTally;
  againBrowser: RequestTally;
  /** Seconds between the two visits' starts. */
  gapSeconds: number;
}

export interface NewCaller {
  phone: string;
  firstName: string;
  lastName: string;
}

export const MOVES = 3;
const QUIET_MS = 600;

export interface SessionEnvironment {
  browser: Browser;
  appUrl: string;
  cacheTtlSeconds: number;
  storageState: StorageState;
  usage: () => Promise<number>;
  log: (line: string) => void;
}

/** The status /trash answers (200 once the page exists): asked before counting starts, since asking a page that exists costs requests. */
export async function trashStatus(env: SessionEnvironment): Promise<number> {
  const context = await env.browser.newContext({ storageState: env.storageState });
  try {
    return (await context.request.get(`${env.appUrl}/trash`, { maxRedirects: 0 })).status();
  } finally {
    await context.close();
  }
}

export async function runOfficeSession(
  env: SessionEnvironment,
  script: { callers: readonly [SampleCustomer, SampleCustomer]; newCaller: NewCaller; jobTitle: string; trashStatus: number },
): Promise<SessionResult> {
  const context = await env.browser.newContext({ storageState: env.storageState, viewport: VIEWPORT });
  const steps: StepCount[] = [];
  const started = performance.now();
  try {
    const page = await context.newPage();
    const network = trackNetwork(page);
    const step = async (name: string, action: () => Promise<void>) => {
      const before = await env.usage();
      const browserBefore = network.tally();
      await action();
      // Whatever the step set off (refetches, prefetches of links now on screen) belongs to it.
      await network.settle(QUIET_MS, 30_000);
      steps.push({ step: name, requests: (await env.usage()) - before, browser: tallyDifference(network.tally(), browserBefore) });
      env.log(`  ${name}: ${steps.at(-1)?.requests} CRM requests`);
    };

    await step("Open the job board", async () => {
      await page.goto(`${env.appUrl}/jobs/board`, { waitUntil: "load" });
      await expectPath(page, "/jobs/board");
      await page.getByRole("region", { name: /^New / }).waitFor();
    });
    for (const [index, caller] of script.callers.entries()) {
      await step(`Look up caller ${index + 1} by phone (on file)`, async () => {
        await lookUp(page, caller.phone);
        await page
          .getByRole("option", { name: new RegExp(`${caller.first_name} ${caller.last_name}`) })
          .first()
          .waitFor();
        await page
          .getByRole("status")
          .filter({ hasText: /customers? match/ })
          .waitFor();
      });
      await step(`Open customer ${index + 1} from the lookup (Enter)`, async () => {
        await page.getByRole("combobox", { name: "Phone, email, name or address" }).press("Enter");
        await page.waitForURL(`**/customers/${caller.uuid}`);
        await page.getByRole("heading", { level: 1, name: new RegExp(`${caller.first_name} ${caller.last_name}`) }).waitFor();
      });
    }
    await step("Look up caller 3 by phone (a new caller: no match)", async () => {
      await lookUp(page, script.newCaller.phone);
      await page
        .getByRole("status")
        .filter({ hasText: /No customer matches/ })
        .waitFor();
    });
    await step("Create the new caller as a customer (form from the lookup)", async () => {
      await page.getByRole("link", { name: "New customer" }).click();
      await page.getByRole("heading", { level: 1, name: "New customer" }).waitFor();
      await page.getByLabel("First name", { exact: true }).fill(script.newCaller.firstName);
      await page.getByLabel("Last name", { exact: true }).fill(script.newCaller.lastName);
      await page.getByRole("button", { name: "Save" }).click();
      await page.getByRole("heading", { level: 1, name: `${script.newCaller.firstName} ${script.newCaller.lastName}` }).waitFor({ timeout: 20_000 });
    });
    await step("Create a job for them (New job on their page)", async () => {
      await page.getByRole("region", { name: /^Jobs/ }).getByRole("link", { name: "New job" }).click();
      await page.getByRole("heading", { level: 1, name: /New job/ }).waitFor();
      await page.getByLabel("Title").fill(script.jobTitle);
      await page.getByRole("button", { name: "Create job" }).click();
      await page.getByRole("heading", { level: 1, name: script.jobTitle }).waitFor({ timeout: 20_000 });
    });
    await step("Go back to the job board", async () => {
      await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Job board" }).click();
      await page.waitForURL("**/jobs/board");
      await page.getByRole("region", { name: /^New / }).waitFor();
    });
    for (let move = 1; move <= MOVES; move += 1) {
      await step(`Move a job New → Contacted with the keyboard (${move}/${MOVES})`, async () => {
        const handle = page
          .getByRole("region", { name: /^New / })
          .getByRole("button", { name: /^Drag / })
          .first();
        const label = ((await handle.getAttribute("aria-label")) ?? (await handle.textContent()) ?? "").replace(/^Drag /, "");
        await handle.focus();
        // Each key waits for the board to announce where the card is, as a keyboard user hears it.
        await page.keyboard.press("Space");
        await page.getByText(`${label} is over New, its current column.`).waitFor({ state: "attached" });
        await page.keyboard.press("ArrowRight");
        await page.getByText(`${label} is over Contacted.`).waitFor({ state: "attached" });
        await page.keyboard.press("Space");
        await page
          .getByRole("status")
          .filter({ hasText: `${label} is now Contacted` })
          .waitFor({ state: "attached", timeout: 20_000 });
      });
    }
    if (script.trashStatus === 200) {
      await step("Open the trash", async () => {
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trash" }).click();
        await page.waitForURL("**/trash");
        await page.getByRole("heading", { level: 1 }).first().waitFor();
      });
    } else {
      steps.push({
        step: "Open the trash",
        requests: null,
        skipped: `/trash answered ${script.trashStatus} when the session started${script.trashStatus === 404 ? ": the page does not exist yet" : ""}`,
      });
    }
  } finally {
    await context.close();
  }
  const total = steps.reduce((sum, entry) => sum + (entry.requests ?? 0), 0);
  return { cacheTtlSeconds: env.cacheTtlSeconds, steps, total, durationMs: performance.now() - started };
}

/** Opens a page, then opens it again at once (a reload, as when someone comes back to it): what does the second visit cost? */
export async function measureRevisits(env: SessionEnvironment, pages: readonly { name: string; path: string }[]): Promise<RevisitCount[]> {
  const context = await env.browser.newContext({ storageState: env.storageState, viewport: VIEWPORT });
  const results: RevisitCount[] = [];
  try {
    const page = await context.newPage();
    const network = trackNetwork(page);
    const visit = async (path: string) => {
      const before = await env.usage();
      const browserBefore = network.tally();
      await page.goto(`${env.appUrl}${path}`, { waitUntil: "load" });
      await expectPath(page, path);
      await network.settle(QUIET_MS, 30_000);
      return { requests: (await env.usage()) - before, browser: tallyDifference(network.tally(), browserBefore) };
    };
    for (const target of pages) {
      const firstAt = performance.now();
      const first = await visit(target.path);
      const againAt = performance.now();
      const again = await visit(target.path);
      results.push({
        page: target.name,
        first: first.requests,
        again: again.requests,
        firstBrowser: first.browser,
        againBrowser: again.browser,
        gapSeconds: (againAt - firstAt) / 1000,
      });
      env.log(`  ${target.name}: ${first.requests} then ${again.requests} CRM requests`);
    }
  } finally {
    await context.close();
  }
  return results;
}

async function lookUp(page: Page, phone: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Caller lookup" }).click();
  await page.waitForURL("**/lookup");
  const box = page.getByRole("combobox", { name: "Phone, email, name or address" });
  await box.waitFor();
  const digits = phone.replace(/\D/g, "");
  // Typed as people read a number out: (206) 555-0134.
  await box.pressSequentially(`(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`, { delay: 60 });
}

async function expectPath(page: Page, path: string): Promise<void> {
  const actual = new URL(page.url()).pathname;
  if (actual !== path.split("?")[0]) throw new Error(`${path} ended on ${page.url()}: is the session valid?`);
}

export interface ListWindowCount {
  windowHeight: number;
  rowsOnScreen: number;
  requests: number;
  recordPrefetches: number;
}

/**
 * The customer list at several window heights: if its CRM cost grows with the
 * rows on screen, the cost comes from the links Next.js prefetches for them,
 * not from the list itself (one request).
 */
export async function measureListByWindowHeight(env: SessionEnvironment, heights: readonly number[]): Promise<ListWindowCount[]> {
  const results: ListWindowCount[] = [];
  for (const height of heights) {
    const context = await env.browser.newContext({ storageState: env.storageState, viewport: { width: VIEWPORT.width, height } });
    try {
      const page = await context.newPage();
      const network = trackNetwork(page);
      const before = await env.usage();
      await page.goto(`${env.appUrl}/customers`, { waitUntil: "load" });
      await expectPath(page, "/customers");
      await network.settle(QUIET_MS, 30_000);
      const rowsOnScreen = await page.evaluate(
        () =>
          Array.from(document.querySelectorAll("tbody tr")).filter((row) => {
            const box = row.getBoundingClientRect();
            return box.top < window.innerHeight && box.bottom > 0;
          }).length,
      );
      results.push({ windowHeight: height, rowsOnScreen, requests: (await env.usage()) - before, recordPrefetches: network.tally().recordPrefetches });
    } finally {
      await context.close();
    }
  }
  return results;
}
