import type { Page } from "@playwright/test";
import { storageStatePath } from "./support/accounts";
import { waitForHydration } from "./support/hydration";
import { expect, test } from "./support/fixtures";

/**
 * The icon set and the web app manifest (ADR-025): served to anyone, signed
 * in or not (the sign-in page shows the favicon too, and a phone fetches the
 * manifest before anyone signs in), named by every page's head, and no page
 * logs a console error for a missing one.
 */
const FILES = [
  { path: "/favicon.ico", type: /^image\/(x-icon|vnd\.microsoft\.icon)/ },
  { path: "/icon.svg", type: /^image\/svg\+xml/ },
  { path: "/icon-192.png", type: /^image\/png/ },
  { path: "/icon-512.png", type: /^image\/png/ },
  { path: "/icon-maskable-512.png", type: /^image\/png/ },
  { path: "/apple-touch-icon.png", type: /^image\/png/ },
  { path: "/manifest.webmanifest", type: /^application\/manifest\+json/ },
];

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("every icon and the manifest are served without a session, not sent to sign-in", async ({ request }) => {
    for (const file of FILES) {
      const response = await request.get(file.path, { maxRedirects: 0 });
      expect(response.status(), file.path).toBe(200);
      expect(response.headers()["content-type"], file.path).toMatch(file.type);
      expect((await response.body()).length, file.path).toBeGreaterThan(100);
    }
  });

  test("the manifest names the dashboard, its theme colour and icons that exist", async ({ request }) => {
    const manifest = (await (await request.get("/manifest.webmanifest")).json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: Array<{ src: string; sizes: string; type: string; purpose?: string }>;
    };
    expect(manifest).toMatchObject({ name: "Tradesdesk", short_name: "Tradesdesk", start_url: "/", display: "standalone", theme_color: "#0a4ba0" });
    // Chrome's install criteria: a 192 and a 512 PNG; Android's launcher: a maskable one.
    expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? "any"}`)).toEqual(
      expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]),
    );
    for (const icon of manifest.icons) {
      const response = await request.get(icon.src);
      expect(response.status(), icon.src).toBe(200);
      expect(response.headers()["content-type"], icon.src).toContain(icon.type);
    }
  });

  test("the sign-in page links the icons, the manifest and the theme colour, and logs no error", async ({ page }) => {
    const problems = watchForErrors(page);
    await page.goto("/sign-in");
    await waitForHydration(page);
    await expect(page.locator('head link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
    await expect(page.locator('head link[rel="icon"][href^="/icon.svg"]')).toHaveAttribute("type", "image/svg+xml");
    await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveAttribute("href", /^\/apple-touch-icon\.png/);
    await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute("href", /^\/manifest\.webmanifest/);
    await expect(page.locator('head meta[name="theme-color"]')).toHaveAttribute("content", "#0a4ba0");
    await page.waitForLoadState("networkidle");
    expect(problems).toEqual([]);
  });
});

test.describe("signed in", () => {
  test.use({ storageState: storageStatePath("staff") });

  test("the main pages log no console error and fetch nothing that fails", async ({ page }) => {
    const problems = watchForErrors(page);
    for (const path of ["/", "/customers", "/lookup", "/jobs/board", "/schedule"]) {
      await page.goto(path);
      await waitForHydration(page);
      await page.waitForLoadState("networkidle");
      // The browser fetches the favicon for the tab on its own; ask for it as it would, so a 404 would show here.
      const favicon = await page.evaluate(async () => (await fetch("/favicon.ico")).status);
      expect(favicon, path).toBe(200);
    }
    expect(problems).toEqual([]);
  });
});

/** Console errors and failed requests from here on, as Lighthouse's best-practices audit counts them. */
function watchForErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  return problems;
}
