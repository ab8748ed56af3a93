import type { Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { waitForHydration } from "../support/hydration";

/**
 * The signed-in pages run under their Content-Security-Policy without a
 * single violation, counted by the browser's own `securitypolicyviolation`
 * event: a violation whose error the code caught (zod probing for eval, say)
 * writes nothing to the console, yet Chromium's Issues panel and Lighthouse
 * record it. instrumentation-client.ts turns that probe off.
 */
test.use({ storageState: storageStatePath("staff") });

async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

test("the list, a form that validates, the board and the lookup raise no CSP violation", async ({ page }) => {
  const violations = await recordViolations(page);

  await page.goto("/customers");
  await waitForHydration(page);
  await expect(page.getByText(/^Newest first: the CRM lists customers/)).toBeVisible();
  expect(await violations(), "/customers").toEqual([]);

  // The form validates with zod as a field is left.
  await page.goto("/customers/new");
  await waitForHydration(page);
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByLabel("Notes", { exact: true }).click();
  await expect(page.getByLabel("Email", { exact: true })).toHaveAttribute("aria-invalid", "true");
  expect(await violations(), "/customers/new").toEqual([]);

  for (const path of ["/jobs/board", "/lookup", "/"]) {
    await page.goto(path);
    await waitForHydration(page);
    expect(await violations(), path).toEqual([]);
  }
});
