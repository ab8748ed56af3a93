import { expect, test } from "@playwright/test";
import { ACCOUNTS, storageStatePath } from "../support/accounts";
import { E2E_APP_URL } from "../support/test-env";

test("a stranger is sent to sign in, and brought back to the page they asked for", async ({ page }) => {
  await page.goto("/admin/audit?resource=user");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin%2Faudit%3Fresource%3Duser$/);
  await expect(page.getByRole("heading", { name: "Sign in to Tradesdesk" })).toBeVisible();
  await expect(page.getByLabel("Email")).toBeFocused();

  await page.getByLabel("Email").fill(ACCOUNTS.admin.email);
  await page.getByLabel("Password").fill(ACCOUNTS.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/audit\?resource=user$/);
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
});

test("a wrong password and an unknown email get the same message, on the form", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": "198.51.100.21" });
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ACCOUNTS.staff.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.locator("form").getByRole("alert");
  // The request id is quoted, as on every error: the audit log's rejected sign-in carries the same id.
  await expect(alert).toHaveText(/^That email and password do not match an account\. \(request [0-9a-f]{8}\)$/);

  await page.getByLabel("Email").fill("nobody-here@example.com");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText(/^That email and password do not match an account\. \(request [0-9a-f]{8}\)$/);
  // What was typed stays.
  await expect(page.getByLabel("Email")).toHaveValue("nobody-here@example.com");
});

test("the form says what is missing before sending anything", async ({ page }) => {
  await page.goto("/sign-in");
  let sent = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/auth/sign-in")) sent += 1;
  });
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  expect(sent).toBe(0);
});

test("after five failures an account is refused with 429 for a while, even with the right password", async ({ playwright }) => {
  const admin = await playwright.request.newContext({
    baseURL: E2E_APP_URL,
    storageState: storageStatePath("admin"),
    extraHTTPHeaders: { Origin: E2E_APP_URL },
  });
  const email = `throttled-${Date.now()}@e2e.example`;
  expect((await admin.post("/api/admin/users", { data: { name: "Tess Throttle", email, role: "viewer", password: "right-password-1" } })).status()).toBe(201);
  await admin.dispose();

  const client = await playwright.request.newContext({ baseURL: E2E_APP_URL, extraHTTPHeaders: { Origin: E2E_APP_URL, "X-Forwarded-For": "198.51.100.30" } });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    expect((await client.post("/api/auth/sign-in", { data: { email, password: "wrong-password" } })).status()).toBe(401);
  }
  const refused = await client.post("/api/auth/sign-in", { data: { email, password: "right-password-1" } });
  expect(refused.status()).toBe(429);
  expect(await refused.json()).toMatchObject({ success: false, code: "rate_limited" });
  await client.dispose();
});

test("after twenty failures from one address, that address is refused with 429", async ({ playwright }) => {
  const client = await playwright.request.newContext({ baseURL: E2E_APP_URL, extraHTTPHeaders: { Origin: E2E_APP_URL, "X-Forwarded-For": "198.51.100.40" } });
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const response = await client.post("/api/auth/sign-in", { data: { email: `spray-${attempt}@e2e.example`, password: "Summer2026!" } });
    expect(response.status()).toBe(401);
  }
  const refused = await client.post("/api/auth/sign-in", { data: { email: ACCOUNTS.viewer.email, password: ACCOUNTS.viewer.password } });
  expect(refused.status()).toBe(429);
  await client.dispose();

  // Another address is not affected.
  const other = await playwright.request.newContext({ baseURL: E2E_APP_URL, extraHTTPHeaders: { Origin: E2E_APP_URL, "X-Forwarded-For": "198.51.100.41" } });
  expect((await other.post("/api/auth/sign-in", { data: { email: ACCOUNTS.viewer.email, password: ACCOUNTS.viewer.password } })).status()).toBe(200);
  await other.dispose();
});

test("the session cookie is HttpOnly and SameSite, and signing out ends the session", async ({ page, context }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ACCOUNTS.viewer.email);
  await page.getByLabel("Password").fill(ACCOUNTS.viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();

  const cookie = (await context.cookies()).find((entry) => entry.name.endsWith("tradesdesk.session_token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  const stolen = `${cookie!.name}=${cookie!.value}`;

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  // The old cookie is worthless now: the session is gone on the server.
  const replay = await page.request.get("/api/me", { headers: { Cookie: stolen } });
  expect(replay.status()).toBe(401);
});

test("until the page's script runs, the form can't be typed into or sent (so no password ends up in a URL)", async ({ page }) => {
  // Hold back the scripts: this is what a slow connection shows for a moment.
  await page.route("**/_next/static/chunks/**", (route) => route.abort());
  await page.goto("/sign-in");
  await expect(page.getByLabel("Email")).toBeDisabled();
  await expect(page.getByLabel("Password")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();

  await page.unrouteAll();
  await page.goto("/sign-in");
  await expect(page.getByLabel("Email")).toBeEnabled();
  await expect(page.getByLabel("Email")).toBeFocused();
});
