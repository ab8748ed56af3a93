import { expect, type Locator, type Page } from "@playwright/test";

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

/**
 * Waits until React has taken this element over. The page's marker is not
 * enough inside a Suspense boundary (the schedule's lanes and tray): React
 * hydrates such a boundary after the rest of the page, so an element can be
 * on screen, the page marked live, and its handlers not attached yet. React
 * keeps its fiber on each DOM node it has hydrated, under a `__reactFiber$…`
 * key, in production builds too.
 */
export async function waitForElementHydration(locator: Locator): Promise<void> {
  await expect
    .poll(() => locator.evaluate((element) => Object.keys(element).some((key) => key.startsWith("__reactFiber$"))), {
      message: "React has not hydrated this element",
    })
    .toBe(true);
}
