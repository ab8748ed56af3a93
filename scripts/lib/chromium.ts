import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * The browser for end-to-end tests: PLAYWRIGHT_CHROMIUM_EXECUTABLE, else
 * Debian's chromium, else Playwright's own download (undefined = let
 * Playwright use its own). Returns null when none is installed.
 */
export function findChromium(): { executablePath: string | undefined } | null {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`PLAYWRIGHT_CHROMIUM_EXECUTABLE points to ${fromEnv}, which does not exist`);
    return { executablePath: fromEnv };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM };
  if (existsSync(chromium.executablePath())) return { executablePath: undefined };
  return null;
}

/**
 * Flags for a headless Chromium on a machine with no outside network: without
 * the background-networking flags Chromium keeps dialling Google's services.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
