import { request, type Page } from "@playwright/test";
import { secretFromUri, totpCode } from "../../tests/support/totp";
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

test("a new account's temporary password must be replaced first: pages lead to the change screen, APIs answer 403", async ({ page, adminApi }) => {
  const account = await newAccount(adminApi, { name: "Tilly Temporary", role: "staff", password: "tilly-temporary-pass", keepTemporary: true });

  await signInWithForm(page, account.email, account.password);
  await expect(page).toHaveURL(/\/change-password$/);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.goto("/customers");
  await expect(page).toHaveURL(/\/change-password$/);
  const blocked = await page.request.get("/api/customers");
  expect(blocked.status()).toBe(403);
  expect(await blocked.json()).toMatchObject({ success: false, code: "password_change_required" });

  // A common password is refused on its field; the temporary one is asked for again.
  await page.getByLabel("Temporary password").fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill("Welcome123");
  await page.getByLabel("New password again").fill("Welcome123");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(COMMON_PASSWORD_MESSAGE)).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("New password", { exact: true }).fill("tilly-own-choice-42");
  await page.getByLabel("New password again").fill("tilly-own-choice-42");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  expect((await page.request.get("/api/customers")).status()).toBe(200);
});

test("changing one's own password on the account page: the current one is checked on its field, other sessions end, this one stays", async ({
  page,
  adminApi,
}) => {
  const account = await newAccount(adminApi, { name: "Carl Changer", role: "viewer", password: "carl-first-choice-1" });
  const otherDevice = await signedInApi(account.email, account.password);
  expect((await otherDevice.get("/api/me")).status()).toBe(200);

  await signInWithForm(page, account.email, account.password);
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();

  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("carl-second-choice-2");
  await page.getByLabel("New password again").fill("carl-second-choice-2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  // The two new passwords must match before anything is sent.
  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("New password again").fill("carl-second-choice-3");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("The two new passwords do not match.")).toBeVisible();

  await page.getByLabel("New password again").fill("carl-second-choice-2");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password was changed");

  expect((await otherDevice.get("/api/me")).status()).toBe(401);
  await otherDevice.dispose();
  await page.reload();
  await expect(page.getByRole("heading", { name: "Account", level: 1 })).toBeVisible();
  expect((await page.request.get("/api/me")).status()).toBe(200);
  await signedInApi(account.email, "carl-second-choice-2").then((context) => context.dispose());
});

test("two-factor sign-in: set up on the account page, then signing in asks for the code; a backup code works once", async ({ page, browser, adminApi }) => {
  const account = await newAccount(adminApi, { name: "Tom Totp", role: "staff", password: "tom-totp-password-1" });

  await signInWithForm(page, account.email, account.password);
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await page.goto("/account");
  const section = page.getByRole("region", { name: "Two-factor sign-in" });
  await section.getByLabel("Your password").fill(account.password);
  await section.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await section.getByLabel("Two-factor secret key").textContent())!.trim();
  const uri = (await section.getByLabel("Two-factor setup link").textContent())!.trim();
  expect(secretFromUri(uri)).toBe(secret);
  const backupCodes = await section.getByRole("list", { name: "Backup codes" }).getByRole("listitem").allTextContents();
  expect(backupCodes.length).toBeGreaterThanOrEqual(8);

  await section.getByLabel("Code from the app").fill("12345");
  await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(section.getByText("Enter the 6-digit code from your authenticator app.")).toBeVisible();
  await section.getByLabel("Code from the app").fill(totpCode(secret));
  await section.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByRole("status")).toContainText("Two-factor sign-in is on");

  // A new browser: the password is not enough.
  const context = await browser.newContext({ storageState: undefined });
  const other = await context.newPage();
  await signInWithForm(other, account.email, account.password);
  await expect(other.getByLabel("Two-factor code")).toBeFocused();
  expect((await other.request.get("/api/me")).status()).toBe(401);
  await other.getByLabel("Two-factor code").fill(totpCode(secret) === "000000" ? "111111" : "000000");
  await other.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(other.getByText(/That code is not right/)).toBeVisible();
  await other.getByLabel("Two-factor code").fill(totpCode(secret));
  await other.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(other.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  await context.close();

  // A backup code signs in once.
  const first = await backupSignIn(account.email, account.password, backupCodes[0]!);
  expect(first).toBe(200);
  expect(await backupSignIn(account.email, account.password, backupCodes[0]!)).toBe(400);
});

async function backupSignIn(email: string, password: string, code: string): Promise<number> {
  const context = await request.newContext({ baseURL: E2E_APP_URL, extraHTTPHeaders: { Origin: E2E_APP_URL, "X-Forwarded-For": "198.51.100.61" } });
  const step1 = await context.post("/api/auth/sign-in", { data: { email, password } });
  expect((await step1.json()).data).toEqual({ two_factor_required: true });
  const status = (await context.post("/api/auth/two-factor", { data: { code } })).status();
  await context.dispose();
  return status;
}
