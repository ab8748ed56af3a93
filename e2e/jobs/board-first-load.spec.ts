import type { Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { waitForHydration } from "../support/hydration";
import { expect, test } from "../support/fixtures";
import { boardColumn } from "./board-helpers";

test.use({ storageState: storageStatePath("staff") });

/**
 * What the board's first load leaves out (ADR-025): zod (the filter check and
 * the bulk change dialog bring it when they are needed) and Radix's menu (the
 * first Move to… press brings it). Found by what the downloaded scripts
 * contain, since chunk names change with every build.
 */
const ZOD = /invalid_type/;
const DROPDOWN_MENU = /DropdownMenuTrigger/;

function scriptsOf(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() !== "script") return;
    bodies.push(await response.text().catch(() => ""));
  });
  return bodies;
}

test("the board's first load carries neither zod nor the Move to… menu, which its first press brings", async ({ page }) => {
  const scripts = scriptsOf(page);
  await page.goto("/jobs/board");
  await waitForHydration(page);
  await page.waitForLoadState("networkidle");
  const column = boardColumn(page, "New");
  await expect(column.getByRole("article").first()).toBeVisible();
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((body) => ZOD.test(body))).toHaveLength(0);
  expect(scripts.filter((body) => DROPDOWN_MENU.test(body))).toHaveLength(0);

  const first = column.getByRole("article").first();
  await first.getByRole("button", { name: /^Move to…, / }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Contacted" })).toBeVisible();
  expect(scripts.some((body) => DROPDOWN_MENU.test(body))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(first.getByRole("button", { name: /^Move to…, / })).toBeFocused();
});
