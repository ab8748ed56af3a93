import { chromium, type Browser, type BrowserContext, type Page, type Request } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../scripts/lib/chromium";
import { BENCH_ADMIN } from "./servers";

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

export async function launchChromium(): Promise<Browser> {
  const found = findChromium();
  if (!found) throw new Error("No Chromium found: install Debian's chromium, set PLAYWRIGHT_CHROMIUM_EXECUTABLE, or run npx playwright install chromium.");
  return chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS, headless: true });
}

/**
 * Signs in through the dashboard's API inside a browser context and returns its
 * cookies, to start later contexts signed in. It then opens one light page, as
 * a person signing in through the form has opened the sign-in page: that sets
 * the time-zone cookie (components/layout/time-zone-cookie.tsx), without which
 * the overview renders a placeholder for its agenda and shifts once live.
 */
export async function signedInState(browser: Browser, appUrl: string): Promise<StorageState> {
  const context = await browser.newContext();
  try {
    const response = await context.request.post(`${appUrl}/api/auth/sign-in`, { data: BENCH_ADMIN, headers: { origin: appUrl } });
    if (!response.ok()) throw new Error(`signing in to ${appUrl} failed: ${response.status()} ${await response.text()}`);
    const page = await context.newPage();
    await page.goto(`${appUrl}/lookup`);
    await page.waitForFunction(() => document.cookie.includes("tz="));
    return await context.storageState();
  } finally {
    await context.close();
  }
}

/**
 * Source text for addInitScript. tsx compiles with esbuild's keepNames, which
 * wraps named functions in a `__name(...)` helper that exists in Node, not in
 * the page: the stub makes the same source run there.
 */
export function initScript(fn: () => void): { content: string } {
  return { content: `var __name = (target) => target;\n(${fn.toString()})();` };
}

/** The page's own requests by kind: what a step made the browser ask the dashboard for. */
export interface RequestTally {
  /** Full page loads. */
  documents: number;
  /** Calls to the dashboard's /api. */
  api: number;
  /** React Server Component fetches of client-side navigations. */
  navigations: number;
  /** Link prefetches Next.js makes for links on screen. */
  prefetches: number;
  /** Of those, prefetches of a customer's or a job's page. */
  recordPrefetches: number;
}

const RECORD_PAGE = /^\/(customers|jobs)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function emptyTally(): RequestTally {
  return { documents: 0, api: 0, navigations: 0, prefetches: 0, recordPrefetches: 0 };
}

export function tallyDifference(after: RequestTally, before: RequestTally): RequestTally {
  return {
    documents: after.documents - before.documents,
    api: after.api - before.api,
    navigations: after.navigations - before.navigations,
    prefetches: after.prefetches - before.prefetches,
    recordPrefetches: after.recordPrefetches - before.recordPrefetches,
  };
}

export interface NetworkTracker {
  inFlight: () => number;
  tally: () => RequestTally;
  /**
   * Resolves once no request of the page has been in flight for quietMs (or
   * after maxMs): the page has loaded what it loads on its own, prefetches included.
   */
  whenQuiet: (quietMs: number, maxMs: number) => Promise<boolean>;
  /**
   * Quiet, and the page's main thread idle, and still quiet after that: a page
   * busy hydrating sends its client-side requests only when it is done, which
   * can be long after the network went quiet.
   */
  settle: (quietMs: number, maxMs: number) => Promise<void>;
}

/** An EventSource (the dashboard's live updates, /api/events): open for the page's life, so the network would never be quiet. */
const isLasting = (request: Request) => request.resourceType() === "eventsource";

export function trackNetwork(page: Page): NetworkTracker {
  let inFlight = 0;
  let started = 0;
  let lastChange = performance.now();
  const tally = emptyTally();
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (isLasting(request)) {
      // The live-updates stream stays open as long as the page does: counted, never "in flight".
      tally.api += 1;
      return;
    }
    inFlight += 1;
    started += 1;
    lastChange = performance.now();
    const headers = request.headers();
    if (request.resourceType() === "document") tally.documents += 1;
    else if (url.pathname.startsWith("/api/")) tally.api += 1;
    else if (headers["next-router-prefetch"]) {
      tally.prefetches += 1;
      if (RECORD_PAGE.test(url.pathname)) tally.recordPrefetches += 1;
    } else if (headers.rsc) tally.navigations += 1;
  });
  const done = (request: Request) => {
    if (isLasting(request)) return;
    inFlight = Math.max(0, inFlight - 1);
    lastChange = performance.now();
  };
  page.on("requestfinished", done);
  page.on("requestfailed", done);
  const whenQuiet = async (quietMs: number, maxMs: number) => {
    const deadline = performance.now() + maxMs;
    while (performance.now() < deadline) {
      if (inFlight === 0 && performance.now() - lastChange >= quietMs) return true;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return false;
  };
  return {
    inFlight: () => inFlight,
    tally: () => ({ ...tally }),
    whenQuiet,
    settle: async (quietMs, maxMs) => {
      const deadline = performance.now() + maxMs;
      for (let attempt = 0; attempt < 5 && performance.now() < deadline; attempt += 1) {
        await whenQuiet(quietMs, Math.max(0, deadline - performance.now()));
        const seen = started;
        // A navigation in between destroys the context the wait ran in; the next round waits again.
        await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5_000 }))).catch(() => undefined);
        await whenQuiet(quietMs, Math.max(0, deadline - performance.now()));
        if (started === seen) return;
      }
    },
  };
}
