import type { Browser, Request } from "@playwright/test";
import { initScript, trackNetwork, type StorageState } from "./browser";
import { median } from "./stats";
import { cumulativeLayoutShift, observeVitals, totalBlockingTime, type RawVitals } from "./web-vitals";

/**
 * Part 2: each page opened in a fresh browser context (empty cache, signed
 * in), as someone opening the dashboard in the morning: the JavaScript it
 * transfers (compressed bytes on the wire), LCP, TBT and CLS. Pages are
 * interleaved load by load, and each figure is the median of the loads.
 */
export interface PageTarget {
  name: string;
  url: string;
  /** The path the page must end on: a redirect to sign-in would measure the wrong page. */
  expectPath: string;
  /** The route's name in `next analyze`, for attributing its JavaScript; null for the baseline. */
  analyzeRoute: string | null;
  storageState?: StorageState;
}

export interface ScriptTransfer {
  url: string;
  bytes: number;
  encoding: string;
  afterLoad: boolean;
}

export interface PageLoad {
  scripts: ScriptTransfer[];
  jsBytes: number;
  /** Scripts fetched after the load event: prefetches for pages the person may open next. */
  jsBytesAfterLoad: number;
  /** Time to first byte of the page's HTML: how long the server took to start answering. */
  ttfb: number | null;
  fcp: number | null;
  lcp: number | null;
  lcpElement: string | null;
  tbt: number;
  cls: number;
  largestShiftSource: string | null;
  quiet: boolean;
}

export interface PageResult {
  target: PageTarget;
  loads: PageLoad[];
  jsBytes: number;
  jsBytesAfterLoad: number;
  lcp: number;
  tbt: number;
  cls: number;
  fcp: number;
  ttfb: number;
  lcpElement: string | null;
  largestShiftSource: string | null;
  encodings: string[];
  scriptCount: number;
}

export const VIEWPORT = { width: 1280, height: 800 };
const QUIET_MS = 1_000;
const MAX_WAIT_MS = 20_000;

export async function measurePages(options: {
  browser: Browser;
  targets: readonly PageTarget[];
  loads: number;
  log: (line: string) => void;
}): Promise<PageResult[]> {
  const loads = options.targets.map(() => [] as PageLoad[]);
  // One untimed load of each page first: the servers' first render of a route loads its code.
  for (const target of options.targets) await loadOnce(options.browser, target);
  for (let round = 0; round < options.loads; round += 1) {
    for (const [index, target] of options.targets.entries()) loads[index]?.push(await loadOnce(options.browser, target));
    options.log(`  load ${round + 1}/${options.loads} of every page done`);
  }
  return options.targets.map((target, index) => summarizeLoads(target, loads[index] ?? []));
}

async function loadOnce(browser: Browser, target: PageTarget): Promise<PageLoad> {
  const context = await browser.newContext({ storageState: target.storageState, viewport: VIEWPORT });
  try {
    await context.addInitScript(initScript(observeVitals));
    const page = await context.newPage();
    const network = trackNetwork(page);
    let loaded = false;
    page.once("load", () => {
      loaded = true;
    });
    const pending: Promise<ScriptTransfer | null>[] = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() === "script") pending.push(describeScript(request, loaded));
    });
    const response = await page.goto(target.url, { waitUntil: "load", timeout: 60_000 });
    if (!response || response.status() !== 200) throw new Error(`${target.url} answered ${response?.status() ?? "nothing"}`);
    if (new URL(page.url()).pathname !== target.expectPath)
      throw new Error(`${target.url} ended on ${page.url()}, not ${target.expectPath}: is the session valid?`);
    const quiet = await network.whenQuiet(QUIET_MS, MAX_WAIT_MS);
    const raw = await page.evaluate(() => window.__benchVitals);
    if (!raw) throw new Error(`no performance entries were observed on ${target.url}`);
    const ttfb = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.responseStart ?? null);
    const scripts = (await Promise.all(pending)).filter((script): script is ScriptTransfer => script !== null);
    return toLoad(raw, ttfb, scripts, quiet);
  } finally {
    await context.close();
  }
}

async function describeScript(request: Request, afterLoad: boolean): Promise<ScriptTransfer | null> {
  const response = await request.response();
  if (!response) return null;
  const sizes = await request.sizes();
  const headers = await response.allHeaders();
  return { url: request.url(), bytes: sizes.responseBodySize, encoding: headers["content-encoding"] ?? "identity", afterLoad };
}

function toLoad(raw: RawVitals, ttfb: number | null, scripts: ScriptTransfer[], quiet: boolean): PageLoad {
  return {
    ttfb,
    scripts,
    jsBytes: scripts.filter((script) => !script.afterLoad).reduce((sum, script) => sum + script.bytes, 0),
    jsBytesAfterLoad: scripts.filter((script) => script.afterLoad).reduce((sum, script) => sum + script.bytes, 0),
    fcp: raw.firstContentfulPaint,
    lcp: raw.largestContentfulPaint,
    lcpElement: raw.largestContentfulElement,
    tbt: raw.firstContentfulPaint === null ? Number.NaN : totalBlockingTime(raw.longTasks, raw.firstContentfulPaint),
    cls: cumulativeLayoutShift(raw.layoutShifts),
    largestShiftSource: raw.largestShiftSource,
    quiet,
  };
}

function summarizeLoads(target: PageTarget, loads: PageLoad[]): PageResult {
  const finite = (values: (number | null)[]) => values.filter((value): value is number => value !== null && Number.isFinite(value));
  const lcpElements = loads.map((load) => load.lcpElement).filter((element): element is string => element !== null);
  return {
    target,
    loads,
    jsBytes: median(loads.map((load) => load.jsBytes)),
    jsBytesAfterLoad: median(loads.map((load) => load.jsBytesAfterLoad)),
    lcp: median(finite(loads.map((load) => load.lcp))),
    tbt: median(finite(loads.map((load) => load.tbt))),
    cls: median(loads.map((load) => load.cls)),
    fcp: median(finite(loads.map((load) => load.fcp))),
    ttfb: median(finite(loads.map((load) => load.ttfb))),
    lcpElement: mostCommon(lcpElements),
    largestShiftSource: mostCommon(loads.map((load) => load.largestShiftSource).filter((source): source is string => source !== null)),
    encodings: [...new Set(loads.flatMap((load) => load.scripts.map((script) => script.encoding)))].sort(),
    scriptCount: median(loads.map((load) => load.scripts.filter((script) => !script.afterLoad).length)),
  };
}

function mostCommon(values: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}
