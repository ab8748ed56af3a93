import type { Page } from "@playwright/test";

/** Waits until React has taken the page over (components/layout/hydration-marker.tsx). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/**
 * Back, once the page can answer it: pressed before hydration, the address
 * changes but the page stays as it was (nothing listens yet), which is not
 * what a test of Back means to check.
 */
export async function goBackWhenLive(page: Page): Promise<void> {
  await waitForHydration(page);
  await page.goBack();
}
