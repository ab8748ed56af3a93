import type { Browser } from "@playwright/test";
import { initScript, trackNetwork, type StorageState } from "./browser";
import { runMirrorPass, type MirrorPassResult } from "./mirror-pass";
import { VIEWPORT } from "./page-weight";
import { median } from "./stats";
import { observeVitals } from "./web-vitals";

/**
 * Part 6: the schedule's week view (`/schedule?view=week`, ADR-020) of a busy
 * week: `jobs` jobs between `technicians` technicians, Monday to Friday, in a
 * week no other bench data reaches. The jobs are made through the CRM's API,
 * then a full pass of the mirror ("Sync now") takes them in, as it would in
 * use; then the week is opened in fresh browser contexts (empty cache, signed
 * in), and LCP is read from the browser's own entries (web-vitals.ts). The
 * CRM requests are the sandbox's own count across all the loads: the week is
 * answered from the mirror, so the target is none.
 */
export const WEEK_JOBS = 1_000;
export const WEEK_TECHNICIANS = 30;
/** A Monday years past the seeded jobs' dates (2026-2027): the week holds only this part's jobs. */
export const WEEK_MONDAY = "2031-06-02";
const WEEKDAYS = 5;
const QUIET_MS = 1_000;
const MAX_WAIT_MS = 30_000;
const CREATE_CONCURRENCY = 6;

export interface WeekLoad {
  lcp: number | null;
  lcpElement: string | null;
  ttfb: number | null;
  /** When the first job card was on screen (the frame after it entered the page): the week itself, not only its heading. */
  firstCard: number | null;
  /** The page's HTML as the browser decoded it, bytes: what the server rendered and the browser parsed before the week was drawn. */
  htmlBytes: number | null;
  quiet: boolean;
}

declare global {
  interface Window {
    __benchFirstCard?: number;
  }
}

/**
 * Runs in the page before its scripts: notes the frame in which the first job
 * card (`[data-job]`) is drawn. The heading streams ahead of the lanes, so the
 * largest paint can come before any job is on screen; this says when the week
 * itself was. Self-contained: sent to the browser as source text.
 */
function observeFirstCard(): void {
  const seen = () => {
    if (window.__benchFirstCard !== undefined || !document.querySelector("[data-job]")) return false;
    requestAnimationFrame(() => {
      window.__benchFirstCard ??= performance.now();
    });
    return true;
  };
  const observer = new MutationObserver(() => {
    if (seen()) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

export interface WeekViewResult {
  url: string;
  jobs: number;
  technicians: number;
  createMs: number;
  pass: MirrorPassResult;
  loads: WeekLoad[];
  /** Median LCP of the measured loads (the warm-up load left out). */
  lcp: number;
  /** Median time to the first job card on screen, same loads. */
  firstCard: number;
  /** CRM requests the sandbox counted across every load, warm-up included. */
  crmRequests: number;
  /** Jobs the last load showed on screen (cards in the week), to show the page held the week. */
  jobsShown: number;
}

interface SandboxAccess {
  apiUrl: string;
  apiKey: string;
  usage: () => Promise<number>;
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function crm<T>(sandbox: SandboxAccess, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${sandbox.apiUrl}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${sandbox.apiKey}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { data: T }).data;
}

/** The week's jobs: every technician has about the same number, spread over the working days and the working hours. */
async function createWeek(sandbox: SandboxAccess, technicianIds: readonly string[], jobs: number): Promise<void> {
  const customers = (await crm<{ customers: Array<{ uuid: string }> }>(sandbox, "/customers?limit=100")).customers;
  if (customers.length === 0 || technicianIds.length === 0) throw new Error("the sandbox has no customers or technicians to plan a week with");
  let next = 0;
  const worker = async () => {
    while (next < jobs) {
      const index = next;
      next += 1;
      const hour = 7 + (Math.floor(index / technicianIds.length) % 10);
      await crm(sandbox, "/jobs", {
        method: "POST",
        body: {
          customer_uuid: customers[index % customers.length]?.uuid,
          title: `Week visit ${index + 1}`,
          status: "Scheduled",
          priority: index % 17 === 0 ? "High" : "Normal",
          assigned_to_user_id: technicianIds[index % technicianIds.length],
          scheduled_date: addDays(WEEK_MONDAY, Math.floor(index / technicianIds.length) % WEEKDAYS),
          scheduled_time_start: `${String(hour).padStart(2, "0")}:00`,
          scheduled_time_end: `${String(hour + 1).padStart(2, "0")}:00`,
        },
      });
    }
  };
  await Promise.all(Array.from({ length: CREATE_CONCURRENCY }, worker));
}

async function loadWeek(browser: Browser, url: string, storageState: StorageState): Promise<WeekLoad & { shown: number }> {
  const context = await browser.newContext({ storageState, viewport: VIEWPORT });
  try {
    await context.addInitScript(initScript(observeVitals));
    await context.addInitScript(initScript(observeFirstCard));
    const page = await context.newPage();
    const network = trackNetwork(page);
    const response = await page.goto(url, { waitUntil: "load", timeout: 60_000 });
    if (!response || response.status() !== 200) throw new Error(`${url} answered ${response?.status() ?? "nothing"}`);
    if (new URL(page.url()).pathname !== "/schedule") throw new Error(`${url} ended on ${page.url()}: is the session valid?`);
    const quiet = await network.whenQuiet(QUIET_MS, MAX_WAIT_MS);
    const raw = await page.evaluate(() => window.__benchVitals);
    if (!raw) throw new Error(`no performance entries were observed on ${url}`);
    const { ttfb, htmlBytes } = await page.evaluate(() => {
      const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
      return { ttfb: navigation?.responseStart ?? null, htmlBytes: navigation?.decodedBodySize ?? null };
    });
    const firstCard = await page.evaluate(() => window.__benchFirstCard ?? null);
    const shown = await page.locator('a[href^="/jobs/"]').count();
    return { lcp: raw.largestContentfulPaint, lcpElement: raw.largestContentfulElement, ttfb, firstCard, htmlBytes, quiet, shown };
  } finally {
    await context.close();
  }
}

export async function measureWeekView(options: {
  browser: Browser;
  appUrl: string;
  storageState: StorageState;
  sandbox: SandboxAccess;
  technicianIds: readonly string[];
  loads: number;
  log: (line: string) => void;
}): Promise<WeekViewResult> {
  const { browser, appUrl, storageState, sandbox, log } = options;
  const technicianIds = options.technicianIds.slice(0, WEEK_TECHNICIANS);
  log(`  making ${WEEK_JOBS} jobs between ${technicianIds.length} technicians in the week of ${WEEK_MONDAY} …`);
  const createStarted = performance.now();
  await createWeek(sandbox, technicianIds, WEEK_JOBS);
  const createMs = performance.now() - createStarted;
  log("  a full pass of the mirror (Sync now) …");
  const pass = await runMirrorPass(appUrl, sandbox.usage);
  const url = `${appUrl}/schedule?view=week&date=${addDays(WEEK_MONDAY, 2)}`;
  const before = await sandbox.usage();
  const warm = await loadWeek(browser, url, storageState);
  const loads: WeekLoad[] = [];
  let shown = warm.shown;
  for (let round = 0; round < options.loads; round += 1) {
    const load = await loadWeek(browser, url, storageState);
    shown = load.shown;
    loads.push({ lcp: load.lcp, lcpElement: load.lcpElement, ttfb: load.ttfb, firstCard: load.firstCard, htmlBytes: load.htmlBytes, quiet: load.quiet });
    log(
      `  load ${round + 1}/${options.loads}: LCP ${load.lcp === null ? "n/a" : `${Math.round(load.lcp)} ms`}, first job card ${load.firstCard === null ? "n/a" : `${Math.round(load.firstCard)} ms`}`,
    );
  }
  const crmRequests = (await sandbox.usage()) - before;
  const lcps = loads.flatMap((load) => (load.lcp === null ? [] : [load.lcp]));
  const firstCards = loads.flatMap((load) => (load.firstCard === null ? [] : [load.firstCard]));
  return {
    url: url.slice(appUrl.length),
    jobs: WEEK_JOBS,
    technicians: technicianIds.length,
    createMs,
    pass,
    loads,
    lcp: lcps.length > 0 ? median(lcps) : Number.NaN,
    firstCard: firstCards.length > 0 ? median(firstCards) : Number.NaN,
    crmRequests,
    jobsShown: shown,
  };
}
