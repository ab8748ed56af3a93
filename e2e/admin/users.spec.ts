import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ACCOUNTS, storageStatePath } from "../support/accounts";
import { E2E_APP_URL } from "../support/test-env";

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
  expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`)).toEqual([]);
}

test.describe("an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("creates a staff user and a viewer, who can then sign in with the right powers, and it is all in the audit log", async ({ page, browser }) => {
    const stamp = Date.now();
    const staffEmail = `new-staff-${stamp}@e2e.example`;
    const viewerEmail = `new-viewer-${stamp}@e2e.example`;
    await page.goto("/admin/users");
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    // Invalid first: every field says what is wrong, and nothing is created.
    await page.getByLabel("Name").fill("A");
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Temporary password").fill("short");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText("Enter a name of at least 2 characters.")).toBeVisible();
    await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
    await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

    await page.getByLabel("Name").fill("Nina Newstaff");
    await page.getByLabel("Email").fill(staffEmail);
    await page.getByLabel("Role", { exact: true }).selectOption("staff");
    await page.getByLabel("Temporary password").fill("nina-password-1");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("status")).toContainText("Nina Newstaff can now sign in as staff.");
    await expect(page.getByRole("row", { name: /Nina Newstaff/ })).toBeVisible();

    // The same email again: the server's answer lands on the Email field, and the typed values stay.
    await page.getByLabel("Name").fill("Nina Again");
    await page.getByLabel("Email").fill(staffEmail);
    await page.getByLabel("Temporary password").fill("nina-password-2");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText("A user with this email already exists.")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue("Nina Again");

    await page.getByLabel("Name").fill("Vic Newviewer");
    await page.getByLabel("Email").fill(viewerEmail);
    await page.getByLabel("Role", { exact: true }).selectOption("viewer");
    await page.getByLabel("Temporary password").fill("vic-password-12");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByRole("row", { name: /Vic Newviewer/ })).toBeVisible();

    // The new staff member signs in and acts; a viewer sees no admin screens.
    const staffContext = await browser.newContext({ storageState: undefined });
    const staffPage = await staffContext.newPage();
    await staffPage.goto("/sign-in");
    await staffPage.getByLabel("Email").fill(staffEmail);
    await staffPage.getByLabel("Password").fill("nina-password-1");
    await staffPage.getByRole("button", { name: "Sign in" }).click();
    await expect(staffPage.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
    await expect(staffPage.getByRole("link", { name: "Users" })).toHaveCount(0);
    await staffPage.goto("/admin/users");
    await expect(staffPage.getByRole("heading", { name: /don't have access/ })).toBeVisible();
    await staffPage.getByRole("button", { name: "Sign out" }).click();
    await expect(staffPage).toHaveURL(/\/sign-in$/);
    await staffContext.close();

    await page.goto(`/admin/audit?actor=${encodeURIComponent(staffEmail)}`);
    const rows = page.getByRole("table", { name: /Audit log entries/ }).getByRole("row");
    await expect(rows.filter({ hasText: "Signed in" })).toHaveCount(1);
    await expect(rows.filter({ hasText: "Signed out" })).toHaveCount(1);

    await page.goto("/admin/audit?action=user_create");
    await expect(page.getByRole("row", { name: new RegExp(staffEmail.replace(/[.]/g, "\\.")) })).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(viewerEmail.replace(/[.]/g, "\\.")) })).toBeVisible();
    await expectNoSeriousAxeViolations(page);
  });

  test("changes a role, resets a password and deactivates an account, each recorded", async ({ page, browser }) => {
    const email = `role-change-${Date.now()}@e2e.example`;
    const created = await page.request.post("/api/admin/users", {
      headers: { Origin: E2E_APP_URL },
      data: { name: "Rory Rolechange", email, role: "viewer", password: "rory-password-1" },
    });
    expect(created.status()).toBe(201);

    await page.goto("/admin/users");
    await page.getByLabel("Role for Rory Rolechange").selectOption("staff");
    await expect(page.getByRole("status")).toContainText("Rory Rolechange is now staff.");

    await page.getByRole("button", { name: "Reset password for Rory Rolechange" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset password for Rory Rolechange" });
    await dialog.getByLabel("New password").fill("rory-password-2");
    await dialog.getByRole("button", { name: "Reset password" }).click();
    await expect(page.getByRole("status")).toContainText("password was reset");

    await page.getByRole("button", { name: "Deactivate Rory Rolechange" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Deactivate" }).click();
    await expect(page.getByRole("row", { name: /Rory Rolechange/ })).toContainText("Deactivated");

    const context = await browser.newContext({ storageState: undefined });
    const other = await context.newPage();
    await other.goto("/sign-in");
    await other.getByLabel("Email").fill(email);
    await other.getByLabel("Password").fill("rory-password-2");
    await other.getByRole("button", { name: "Sign in" }).click();
    await expect(other.locator("form").getByRole("alert")).toContainText("deactivated");
    await context.close();

    await page.goto("/admin/audit?resource=user");
    for (const label of ["Role changed", "Password reset", "User deactivated"]) {
      await expect(page.getByRole("row").filter({ hasText: label }).first()).toBeVisible();
    }
  });

  test("cannot demote or deactivate the last admin", async ({ page }) => {
    await page.goto("/admin/users");
    await page.getByLabel(`Role for ${ACCOUNTS.admin.name}`).selectOption("viewer");
    await expect(page.getByRole("status")).toContainText("last active admin");
    await page.reload();
    await expect(page.getByLabel(`Role for ${ACCOUNTS.admin.name}`)).toHaveValue("admin");
  });
});

test.describe("a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("sees no admin screens and cannot reach them", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Users" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
    await page.goto("/admin/audit");
    await expect(page.getByRole("heading", { name: /don't have access/ })).toBeVisible();
  });
});
