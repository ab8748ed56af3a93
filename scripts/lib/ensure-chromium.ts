import { findChromium } from "./chromium";
import { binPath, run } from "./processes";

/**
 * Finds a Chromium for the end-to-end tests, installing one when the machine
 * has none: Debian's package when running as root (Playwright's own download
 * needs hosts a locked-down machine may not reach), else Playwright's.
 */
export async function ensureChromium(): Promise<{ executablePath: string | undefined }> {
  const found = findChromium();
  if (found) {
    console.log(`Using Chromium: ${found.executablePath ?? "Playwright's own"}`);
    return found;
  }
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (isRoot) {
    console.log("No Chromium found: installing Debian's chromium package…");
    await run("apt-get", ["update", "-qq"]);
    await run("apt-get", ["install", "-y", "-qq", "chromium"], { env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  } else {
    console.log("No Chromium found: installing Playwright's Chromium…");
    await run(binPath("playwright"), ["install", "chromium"]);
  }
  const installed = findChromium();
  if (!installed) throw new Error("Could not install Chromium; set PLAYWRIGHT_CHROMIUM_EXECUTABLE to a Chromium binary.");
  return installed;
}
