import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import puppeteer from "puppeteer-core";
import { CHROMIUM_ARGS, findChromium } from "../scripts/lib/chromium";

/**
 * Bench part 8: Lighthouse as a person checking the product runs it, against
 * the production build and the sandbox, signed in, with its desktop and
 * mobile presets (ADR-025). Lighthouse 12.2.3: 13 wants Node 22, and npm ci
 * refuses its lock on this toolchain.
 */

/** Debian's Chromium headless and quiet (the tests' flags: without them it keeps dialling Google's services). */
export const LIGHTHOUSE_CHROME_FLAGS = ["--headless=new", ...CHROMIUM_ARGS];

export type LighthousePreset = "desktop" | "mobile";

export interface LighthouseTarget {
  /** What the report calls the page: "home (overview)", "/customers" … */
  name: string;
  /** Which variant of the page's cookies: with the time-zone cookie or without it. */
  variant: string;
  url: string;
  /** The cookies the browser holds before the page loads (the session, and tz unless the variant leaves it out), as a Cookie header. */
  cookie: string;
}

/** The audits that cost a category points, by id, with what Lighthouse says of them. */
export interface LostAudit {
  id: string;
  title: string;
  score: number;
}

export interface LighthouseRow {
  name: string;
  variant: string;
  preset: LighthousePreset;
  performance: number | null;
  accessibility: number | null;
  bestPractices: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  /** The element Lighthouse names as the largest paint, when it does. */
  lcpElement: string | null;
  /** Audits below full marks in accessibility and best practices, and the performance opportunities worth over 100 ms. */
  lost: LostAudit[];
  /** Lighthouse's runtime warnings (a page redirected, the CPU too slow to trust …). */
  warnings: string[];
  /** Lighthouse's estimate of the machine's speed (its benchmark index): below ~1000, throttled mobile figures are pessimistic. */
  benchmarkIndex: number | null;
  /** The page never loaded or Lighthouse failed on it: why. */
  error: string | null;
}

export interface LighthouseResult {
  version: string;
  chromium: string;
  rows: LighthouseRow[];
}

export async function measureLighthouse(options: { targets: LighthouseTarget[]; reportDir: string; log: (line: string) => void }): Promise<LighthouseResult> {
  const chromePath = findChromium()?.executablePath ?? "/usr/bin/chromium";
  const rows: LighthouseRow[] = [];
  let version = "";
  let chromium = "";
  for (const preset of ["desktop", "mobile"] as const) {
    for (const target of options.targets) {
      options.log(`  Lighthouse ${preset}: ${target.name}${target.variant ? ` (${target.variant})` : ""} …`);
      // A fresh browser (and profile) per run, its cookies set before the page loads.
      const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: LIGHTHOUSE_CHROME_FLAGS, logLevel: "error" });
      try {
        await setCookies(chrome.port, target);
        const row = await runOne(chrome.port, target, preset, options.reportDir);
        rows.push(row.row);
        version ||= row.version;
        chromium ||= row.chromium;
      } finally {
        chrome.kill();
      }
    }
  }
  return { version, chromium, rows };
}

async function runOne(
  port: number,
  target: LighthouseTarget,
  preset: LighthousePreset,
  reportDir: string,
): Promise<{ row: LighthouseRow; version: string; chromium: string }> {
  const empty: LighthouseRow = {
    name: target.name,
    variant: target.variant,
    preset,
    performance: null,
    accessibility: null,
    bestPractices: null,
    lcpMs: null,
    tbtMs: null,
    cls: null,
    lcpElement: null,
    lost: [],
    warnings: [],
    benchmarkIndex: null,
    error: null,
  };
  try {
    const result = await lighthouse(
      target.url,
      {
        port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices"],
        // Keep the cookies set above: Lighthouse clears the origin's storage otherwise.
        disableStorageReset: true,
      },
      preset === "desktop" ? desktopConfig : undefined,
    );
    const lhr = result?.lhr;
    if (!lhr) return { row: { ...empty, error: "Lighthouse returned no result" }, version: "", chromium: "" };
    // The whole report, for what the table leaves out (open it in the Lighthouse viewer).
    mkdirSync(reportDir, { recursive: true });
    writeFileSync(
      join(reportDir, `${`${target.name} ${target.variant} ${preset}`.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}.json`),
      JSON.stringify(lhr),
    );
    const audit = (id: string) => lhr.audits[id];
    const numeric = (id: string) => audit(id)?.numericValue ?? null;
    const score = (id: string) => lhr.categories[id]?.score ?? null;
    const lost = (category: string) =>
      (lhr.categories[category]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .flatMap((ref) => {
          const found = audit(ref.id);
          return found && found.score !== null && found.score < 1 ? [{ id: ref.id, title: `${found.title}${detailOf(found)}`, score: found.score }] : [];
        });
    const opportunities = Object.values(lhr.audits)
      .filter(
        (entry) =>
          entry.details?.type === "opportunity" && (entry.score ?? 1) < 1 && ((entry.details as { overallSavingsMs?: number }).overallSavingsMs ?? 0) > 100,
      )
      .map((entry) => ({ id: entry.id, title: entry.title, score: entry.score ?? 0 }));
    const lcpItems = (audit("largest-contentful-paint-element")?.details as { items?: Array<{ items?: Array<{ node?: { snippet?: string } }> }> } | undefined)
      ?.items;
    const lcpElement = lcpItems?.[0]?.items?.[0]?.node?.snippet ?? null;
    return {
      row: {
        ...empty,
        performance: score("performance"),
        accessibility: score("accessibility"),
        bestPractices: score("best-practices"),
        lcpMs: numeric("largest-contentful-paint"),
        tbtMs: numeric("total-blocking-time"),
        cls: numeric("cumulative-layout-shift"),
        lcpElement,
        lost: [...lost("accessibility"), ...lost("best-practices"), ...opportunities],
        warnings: lhr.runWarnings,
        benchmarkIndex: lhr.environment.benchmarkIndex ?? null,
        error: lhr.runtimeError
          ? `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`
          : new URL(lhr.finalDisplayedUrl).pathname !== new URL(target.url).pathname
            ? `the page ended on ${lhr.finalDisplayedUrl}, not the page asked for (signed out?)`
            : null,
      },
      version: lhr.lighthouseVersion,
      chromium: lhr.environment.hostUserAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? lhr.environment.hostUserAgent,
    };
  } catch (error) {
    return { row: { ...empty, error: error instanceof Error ? error.message : String(error) }, version: "", chromium: "" };
  }
}

/**
 * Signs the browser in by putting the session cookie (and tz) in its cookie
 * jar. Not Lighthouse's extraHeaders: once the page writes a cookie of its own
 * (tz, components/layout/time-zone-cookie.tsx), Chromium sends the jar's
 * cookies instead of the extra Cookie header, without the session, and the
 * page's next API call ends on the sign-in page (measured).
 */
async function setCookies(port: number, target: LighthouseTarget): Promise<void> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  try {
    const cookies = target.cookie.split("; ").flatMap((pair) => {
      const at = pair.indexOf("=");
      return at > 0 ? [{ name: pair.slice(0, at), value: pair.slice(at + 1), url: target.url }] : [];
    });
    const page = (await browser.pages())[0] ?? (await browser.newPage());
    await page.setCookie(...cookies);
  } finally {
    await browser.disconnect();
  }
}

/** What an audit's items name, briefly: the kinds of DevTools issues, the URLs of a redirect chain, the failing elements. */
function detailOf(audit: { details?: unknown }): string {
  const items = (audit.details as { items?: Array<Record<string, unknown>> } | undefined)?.items ?? [];
  const names = items
    .map((item) => item.issueType ?? item.url ?? (item.node as { snippet?: string } | undefined)?.snippet ?? item.source ?? item.description)
    .filter((name): name is string => typeof name === "string")
    .slice(0, 4);
  return names.length ? `: ${names.join(", ")}` : "";
}
