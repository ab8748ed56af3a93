import type { Browser } from "@playwright/test";
import { initScript, trackNetwork, type StorageState } from "./browser";
import { VIEWPORT } from "./page-weight";
import type { SampleCustomer } from "./samples";
import { summarize, type Summary } from "./stats";

/**
 * Part 3: a caller's phone number typed into the lookup, key by key, and the
 * time from the last keystroke to the frame that shows their record as a
 * current match. Timed inside the page (the keystroke's event time, a
 * MutationObserver, then the next animation frame), so the figure is the
 * page's own clock, not Playwright's polling.
 */
export interface LookupSample {
  typed: string;
  /** Last keystroke to the frame showing the match. */
  totalMs: number;
  /** Last keystroke to the lookup request leaving: the typing pause the page waits for (debounce) and scheduling. */
  waitMs: number;
  /** The /api/lookup request, sent to answered. */
  requestMs: number;
  /** Answer received to the match on screen. */
  renderMs: number;
}

export interface LookupResult {
  samples: LookupSample[];
  total: Summary;
  wait: Summary;
  request: Summary;
  render: Summary;
  keyDelayMs: number;
}

const KEY_DELAY_MS = 60;

/** Formats people type a phone in; each lookup uses the next one. */
export function phoneFormats(phone: string): string[] {
  const digits = phone.replace(/\D/g, "");
  const [area, exchange, line] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];
  return [`(${area}) ${exchange}-${line}`, `${area}-${exchange}-${line}`, digits, `${area}.${exchange}.${line}`];
}

interface Probe {
  lastKeyAt: number;
  shownAt: number | null;
  framedAt: number | null;
  watch(name: string): void;
}

declare global {
  interface Window {
    __benchLookup?: Probe;
  }
}

/** In the page before its scripts: remembers the last keystroke and watches for a current match with the given name. */
function installLookupProbe(): void {
  const probe: Probe = {
    lastKeyAt: 0,
    shownAt: null,
    framedAt: null,
    watch(name: string) {
      probe.shownAt = null;
      probe.framedAt = null;
      const observer = new MutationObserver(() => {
        const list = document.getElementById("lookup-results");
        // The list is dimmed while it still shows an earlier search's matches.
        if (!list || list.className.includes("opacity-60")) return;
        const match = Array.from(list.querySelectorAll("[role=option]")).some((option) =>
          (option.getAttribute("aria-label") ?? option.textContent ?? "").includes(name),
        );
        if (!match) return;
        observer.disconnect();
        probe.shownAt = performance.now();
        requestAnimationFrame(() => {
          probe.framedAt = performance.now();
        });
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    },
  };
  document.addEventListener("keydown", (event) => (probe.lastKeyAt = event.timeStamp), true);
  window.__benchLookup = probe;
}

export async function measureLookupLatency(options: {
  browser: Browser;
  appUrl: string;
  storageState: StorageState;
  callers: readonly SampleCustomer[];
  log: (line: string) => void;
}): Promise<LookupResult> {
  const context = await options.browser.newContext({ storageState: options.storageState, viewport: VIEWPORT });
  const samples: LookupSample[] = [];
  try {
    await context.addInitScript(initScript(installLookupProbe));
    const page = await context.newPage();
    const network = trackNetwork(page);
    await page.goto(`${options.appUrl}/lookup`, { waitUntil: "load" });
    if (new URL(page.url()).pathname !== "/lookup") throw new Error(`/lookup ended on ${page.url()}: is the session valid?`);
    await network.whenQuiet(500, 15_000);
    const box = page.getByRole("combobox", { name: "Phone, email, name or address" });
    for (const [index, caller] of options.callers.entries()) {
      const typed = phoneFormats(caller.phone)[index % 4] ?? caller.phone;
      const name = `${caller.first_name} ${caller.last_name}`;
      if ((await box.inputValue()) !== "") {
        await box.press("Escape");
        await network.whenQuiet(300, 10_000);
      }
      await page.evaluate((watched) => window.__benchLookup?.watch(watched), name);
      await box.pressSequentially(typed, { delay: KEY_DELAY_MS });
      await page
        .waitForFunction(() => window.__benchLookup?.framedAt !== null, undefined, { timeout: 15_000 })
        .catch(() => {
          throw new Error(`the lookup of ${typed} did not show ${name} within 15 s`);
        });
      const timing = await page.evaluate((query) => {
        const probe = window.__benchLookup;
        const requests = performance
          .getEntriesByType("resource")
          .filter((entry) => entry.name.includes("/api/lookup?") && new URL(entry.name).searchParams.get("q") === query) as PerformanceResourceTiming[];
        const request = requests[requests.length - 1];
        return probe && request
          ? { lastKeyAt: probe.lastKeyAt, framedAt: probe.framedAt ?? 0, requestStart: request.startTime, responseEnd: request.responseEnd }
          : null;
      }, typed);
      if (!timing) throw new Error(`no /api/lookup request was seen for ${typed}`);
      samples.push({
        typed,
        totalMs: timing.framedAt - timing.lastKeyAt,
        waitMs: timing.requestStart - timing.lastKeyAt,
        requestMs: timing.responseEnd - timing.requestStart,
        renderMs: timing.framedAt - timing.responseEnd,
      });
      if ((index + 1) % 10 === 0) options.log(`  ${index + 1}/${options.callers.length} lookups`);
    }
  } finally {
    await context.close();
  }
  return {
    samples,
    total: summarize(samples.map((sample) => sample.totalMs)),
    wait: summarize(samples.map((sample) => sample.waitMs)),
    request: summarize(samples.map((sample) => sample.requestMs)),
    render: summarize(samples.map((sample) => sample.renderMs)),
    keyDelayMs: KEY_DELAY_MS,
  };
}
