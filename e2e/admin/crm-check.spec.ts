import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { dashboardApi } from "../support/dashboard-api";

/**
 * The CRM compatibility page (ADR-019): an admin reaches it from the main
 * navigation, is told what a run spends, runs the read-only self-check
 * against the e2e sandbox and reads its table; staff are refused, page and route.
 */
test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("runs the read-only check and reads what the CRM did, assumption by assumption", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "CRM compatibility" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "CRM compatibility" })).toBeVisible();
    await expect(page.getByText(/It will spend at most 11 requests of the plan's monthly allowance/)).toBeVisible();

    await page.getByRole("button", { name: "Run the read-only check" }).click();
    await expect(page.getByRole("status")).toContainText(/Check finished: \d+ CRM requests spent/, { timeout: 30_000 });
    const table = page.getByRole("table", { name: "What the CRM did, assumption by assumption" });
    await expect(table.getByRole("columnheader")).toHaveText(["Assumption", "What the CRM did", "What the dashboard does about it"]);
    await expect(table.getByRole("row", { name: /A wrong key is a 401/ })).toContainText("as assumed");
    await expect(table.getByRole("rowheader")).toHaveCount(10);
    const summary = page.getByTestId("crm-check-summary");
    await expect(summary).toContainText("/api/v1");
    await expect(summary).toContainText("read-only");

    // The result is kept: a new visit shows it without running again.
    await page.reload();
    await expect(page.getByRole("table", { name: "What the CRM did, assumption by assumption" }).getByRole("rowheader")).toHaveCount(10);

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
});

test.describe("as staff", () => {
  test("is refused the page, its link and its route", async ({ browser }) => {
    const staff = await dashboardApi("staff");
    const refused = await staff.post("/api/admin/crm-check");
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ success: false, code: "forbidden" });
    await staff.dispose();

    const context = await browser.newContext({ storageState: storageStatePath("staff") });
    const page = await context.newPage();
    await page.goto("/admin/crm");
    await expect(page.getByRole("heading", { name: "You don't have access to the CRM compatibility check" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "CRM compatibility" })).toHaveCount(0);
    await context.close();
  });
});
