import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { dashboardApi } from "../support/dashboard-api";

/**
 * The Data sync page (ADR-014): an admin sees what the mirror holds and
 * what it spends, starts a full pass with Sync now, sets the budget share and
 * pauses; staff may start Sync now through the API but not change settings.
 */
test.describe("as an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test.afterEach(async () => {
    // Leave sync as the other specs expect it: running, at the default share.
    const admin = await dashboardApi("admin");
    await admin.put("/api/sync/settings", { data: { paused: false, budget_percent: 20 } });
    await admin.dispose();
  });

  test("Sync now mirrors the CRM's records; the page says what they cost and what can be missed", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data sync" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Data sync" })).toBeVisible();
    await expect(page.getByText(/Edits and deletions made outside Tradesdesk to older customers and to completed jobs can be missed until/)).toBeVisible();

    await page.getByRole("button", { name: "Sync now", exact: true }).click();
    await expect(page.getByRole("status")).toContainText("Full pass started");
    // The e2e sandbox holds 120 customers and 360 jobs; the page polls until the pass is done.
    await expect(page.getByText("Last full pass finished").locator("xpath=following-sibling::dd")).not.toHaveText("never", { timeout: 30_000 });
    const customers = page.locator("p", { hasText: /^Customers$/ }).locator("xpath=following-sibling::p[1]");
    await expect(customers).not.toHaveText("0");
    await expect(page.getByText("Spent by sync").locator("xpath=following-sibling::dd")).toContainText("of its budget of 10,000");

    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });

  test("the budget share is checked on its field; pause and resume", async ({ page }) => {
    await page.goto("/admin/sync");
    const share = page.getByLabel("Share of the monthly plan (%)");
    await share.fill("150");
    await page.getByRole("button", { name: "Save budget" }).click();
    await expect(share).toHaveAccessibleDescription(/from 1 to 100/);
    await share.fill("35");
    await page.getByRole("button", { name: "Save budget" }).click();
    await expect(page.getByRole("status")).toContainText("Sync may now spend 35% of the plan.");
    await expect(page.getByText("Spent by sync").locator("xpath=following-sibling::dd")).toContainText("of its budget of 17,500");

    await page.getByRole("button", { name: "Pause sync" }).click();
    await expect(page.getByRole("status")).toContainText("Sync is paused.");
    await expect(page.getByRole("button", { name: "Sync now", exact: true })).toBeDisabled();
    await expect(page.getByText(/Sync is stopped: changes made outside Tradesdesk/)).toBeVisible();
    await page.getByRole("button", { name: "Resume sync" }).click();
    await expect(page.getByRole("status")).toContainText("Sync resumed.");
  });
});

test.describe("as staff", () => {
  test("may start Sync now and read the status, not change the budget or see the page", async ({ browser }) => {
    const staff = await dashboardApi("staff");
    const started = await staff.post("/api/sync/run");
    expect(started.status()).toBe(202);
    expect((await staff.get("/api/sync")).status()).toBe(200);
    const refused = await staff.put("/api/sync/settings", { data: { paused: true } });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ success: false, code: "forbidden" });
    await staff.dispose();

    const context = await browser.newContext({ storageState: storageStatePath("staff") });
    const page = await context.newPage();
    await page.goto("/admin/sync");
    await expect(page.getByRole("heading", { name: "You don't have access to the data sync settings" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Data sync" })).toHaveCount(0);
    await context.close();
  });
});
