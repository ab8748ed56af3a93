import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { secretFromUri, totpCode } from "../../tests/support/totp";
import { ACCOUNTS, storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { newAccount, signedInApi } from "../support/new-account";
import { E2E_APP_URL } from "../support/test-env";

const COMMON_PASSWORD_MESSAGE = "This password is on a list of commonly used passwords. Choose another.";

async function signInWithForm(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
  expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`)).toEqual([]);
}

test.describe("an admin", () => {
  test.use({ storageState: storageStatePath("admin") });

  test("creates a staff user and a viewer, who can then sign in with the right powers, and it is all in the audit log", async ({ page, browser }) => {
    // Two accounts, each signed in, its temporary password replaced and signed in again: many password hashes.
    test.slow();
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

    // A commonly used password is refused by the server, on the password field.
    await page.getByLabel("Name").fill("Nina Newstaff");
    await page.getByLabel("Email").fill(staffEmail);
    await page.getByLabel("Role", { exact: true }).selectOption("staff");
    await page.getByLabel("Temporary password").fill("Password1234");
    await page.getByRole("button", { name: "Create user" }).click();
    await expect(page.getByText(COMMON_PASSWORD_MESSAGE)).toBeVisible();
    await expect(page.getByLabel("Temporary password")).toHaveAttribute("aria-invalid", "true");

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

    // The new staff member signs in, replaces the temporary password and acts; a viewer sees no admin screens.
    const staffContext = await browser.newContext({ storageState: undefined });
    const staffPage = await staffContext.newPage();
    await signInWithForm(staffPage, staffEmail, "nina-password-1");
    await expect(staffPage).toHaveURL(/\/change-password$/);
    await staffPage.getByLabel("Temporary password").fill("nina-password-1");
    await staffPage.getByLabel("New password", { exact: true }).fill("nina-own-password-2");
    await staffPage.getByLabel("New password again").fill("nina-own-password-2");
    await staffPage.getByRole("button", { name: "Change password" }).click();
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
    await dialog.getByLabel("New password").fill("letmein123");
    await dialog.getByRole("button", { name: "Reset password" }).click();
    await expect(dialog.getByText(COMMON_PASSWORD_MESSAGE)).toBeVisible();
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

  test("a password reset by an admin is temporary: the person's pages lead to the change screen and the API answers 403 until they choose one", async ({
    page,
    browser,
    adminApi,
  }) => {
    const account = await newAccount(adminApi, { name: "Rita Reset", role: "staff", password: "rita-own-password-1" });
    const before = await signedInApi(account.email, account.password);

    await page.goto("/admin/users");
    await page.getByRole("button", { name: "Reset password for Rita Reset" }).click();
    const dialog = page.getByRole("dialog", { name: "Reset password for Rita Reset" });
    await dialog.getByLabel("New password").fill("rita-reset-by-admin-2");
    await dialog.getByRole("button", { name: "Reset password" }).click();
    await expect(page.getByRole("status")).toContainText("password was reset");
    await expect(page.getByRole("row", { name: /Rita Reset/ })).toContainText("Temporary password");
    expect((await before.get("/api/me")).status()).toBe(401);
    await before.dispose();

    const context = await browser.newContext({ storageState: undefined });
    const rita = await context.newPage();
    await signInWithForm(rita, account.email, "rita-reset-by-admin-2");
    await expect(rita).toHaveURL(/\/change-password$/);
    await rita.goto("/jobs");
    await expect(rita).toHaveURL(/\/change-password$/);
    const refused = await rita.request.get("/api/jobs");
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ success: false, code: "password_change_required", error: expect.stringMatching(/choose a new one/i) });
    // Signing out still works from the change screen.
    await rita.getByRole("button", { name: "Sign out" }).click();
    await expect(rita).toHaveURL(/\/sign-in$/);
    await context.close();
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

test.describe("requiring two-factor sign-in for admins", () => {
  test("an admin turns it on; an admin without it must set it up before anything else, and cannot turn it off", async ({ browser, adminApi }) => {
    const ada = await newAccount(adminApi, { name: "Ada Admin", role: "admin", password: "ada-admin-password-1" });
    const bea = await newAccount(adminApi, { name: "Bea Admin", role: "admin", password: "bea-admin-password-1" });
    // Ada already uses two-factor sign-in (set up through the API here; the account spec does it on screen).
    const adaApi = await signedInApi(ada.email, ada.password);
    const started = await adaApi.post("/api/me/two-factor", { data: { password: ada.password } });
    const { secret: adaSecret } = (await started.json()).data as { secret: string };
    expect((await adaApi.post("/api/me/two-factor/verify", { data: { code: totpCode(adaSecret) } })).status()).toBe(200);
    await adaApi.dispose();

    const adaContext = await browser.newContext({ storageState: undefined });
    const adaPage = await adaContext.newPage();
    const beaContext = await browser.newContext({ storageState: undefined });
    const beaPage = await beaContext.newPage();
    try {
      await signInWithForm(adaPage, ada.email, ada.password);
      await adaPage.getByLabel("Two-factor code").fill(totpCode(adaSecret));
      await adaPage.getByRole("button", { name: "Verify and sign in" }).click();
      await expect(adaPage.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
      await adaPage.goto("/admin/users");
      const setting = adaPage.getByLabel("Require two-factor sign-in for admins");
      await expect(setting).not.toBeChecked();
      await setting.click();
      await expect(setting).toBeChecked();
      await expect(adaPage.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

      // The admin without two-factor is held back by the API…
      const blocked = await adminApi.get("/api/admin/users");
      expect(blocked.status()).toBe(403);
      expect(await blocked.json()).toMatchObject({ success: false, code: "two_factor_setup_required" });

      // …and an admin signing in is sent to set it up, whatever page they ask for.
      await signInWithForm(beaPage, bea.email, bea.password);
      await expect(beaPage).toHaveURL(/\/set-up-two-factor$/);
      await beaPage.goto("/admin/users");
      await expect(beaPage).toHaveURL(/\/set-up-two-factor$/);
      await beaPage.getByLabel("Your password").fill(bea.password);
      await beaPage.getByRole("button", { name: "Set up two-factor sign-in" }).click();
      const uri = (await beaPage.getByLabel("Two-factor setup link").textContent())!.trim();
      await beaPage.getByLabel("Code from the app").fill(totpCode(secretFromUri(uri)));
      await beaPage.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
      await expect(beaPage.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
      await beaPage.goto("/account");
      await expect(beaPage.getByText("Administrators must keep two-factor sign-in on")).toBeVisible();
      await expect(beaPage.getByRole("button", { name: "Turn off…" })).toHaveCount(0);

      await adaPage.goto("/admin/users");
      await expect(adaPage.getByRole("row", { name: /Bea Admin/ })).toContainText("On");
      await adaPage.getByLabel("Require two-factor sign-in for admins").click();
      await expect(adaPage.getByRole("status")).toContainText("no longer required");
    } finally {
      // Whatever happened above, the other specs' admin must not stay locked out.
      await adaPage.request.patch("/api/admin/settings", { headers: { Origin: E2E_APP_URL }, data: { require_two_factor_for_admins: false } });
      await adaContext.close();
      await beaContext.close();
    }
    expect((await adminApi.get("/api/admin/users")).status()).toBe(200);
  });
});
