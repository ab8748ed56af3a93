import type { Page } from "@playwright/test";
import { ACCOUNTS, storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { waitForHydration } from "../support/hydration";
import { countRequests, letters, randomPhone, uniqueLastName } from "../customers/customer-fixtures";

/**
 * Error answers a person can act on: a broken CRM connection is not retried
 * and says who must fix it, every error quotes its request id, an ended
 * session goes to sign in and back without losing what was typed, and data
 * the CRM could not confirm is marked as saved data.
 */
test.use({ storageState: storageStatePath("staff") });

const SANDBOX_QUOTA = 50_000;
const ADMIN_MUST_FIX = "An administrator must fix the dashboard's CRM connection";

async function fillNewCustomer(page: Page) {
  const firstName = `E${letters(6)}`;
  const lastName = uniqueLastName();
  await page.goto("/customers/new");
  await waitForHydration(page);
  await page.getByLabel("First name", { exact: true }).fill(firstName);
  await page.getByLabel("Last name", { exact: true }).fill(lastName);
  await page.getByLabel("Phone", { exact: true }).fill(randomPhone());
  return { firstName, lastName };
}

test.describe("a refused CRM key (502 crm_misconfigured)", () => {
  test.afterEach(async ({ sandbox }) => {
    await sandbox.setAccess(null);
  });

  test("a list asks once, says an administrator must fix it, quotes the request id and offers no Retry", async ({ page, sandbox }) => {
    const search = `nobody${letters(8)}`;
    await sandbox.setAccess("invalid_key");
    const answer = page.waitForResponse((response) => new URL(response.url()).pathname === "/api/customers");
    const requests = await countRequests(page, "/api/customers", async () => {
      await page.goto(`/customers?search=${search}`);
      const alert = page.getByRole("alert").filter({ hasText: "The customers could not be loaded." });
      await expect(alert).toContainText("CRM API key was refused");
      await expect(alert).toContainText(ADMIN_MUST_FIX);
      const response = await answer;
      expect(response.status()).toBe(502);
      const requestId = response.headers()["x-request-id"];
      expect(requestId).toBeTruthy();
      await expect(alert).toContainText(`(request ${requestId!.slice(0, 8)})`);
      await expect(alert.getByRole("button")).toHaveCount(0);
      // Long enough for a retry to have been sent, had there been one.
      await page.waitForTimeout(2_000);
    });
    expect(requests).toBe(1);
  });

  test("a save is sent once, keeps what was typed and offers no Try again", async ({ page, sandbox }) => {
    const { firstName, lastName } = await fillNewCustomer(page);
    await sandbox.setAccess("addon_required");
    const saves = await countRequests(page, "/api/customers", async () => {
      await page.getByRole("button", { name: "Save" }).click();
      const alert = page.getByRole("alert").filter({ hasText: "Developer API add-on" });
      await expect(alert).toContainText(ADMIN_MUST_FIX);
      await expect(alert).toContainText(/\(request [0-9a-f]{8}\)/);
      await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
      await page.waitForTimeout(2_000);
    });
    expect(saves).toBe(1);
    await expect(page.getByLabel("First name", { exact: true })).toHaveValue(firstName);
    await expect(page.getByLabel("Last name", { exact: true })).toHaveValue(lastName);
  });
});

test("an ended session goes to sign in and back to the form, with what was typed put back", async ({ page, context, sandbox }) => {
  const { firstName, lastName } = await fillNewCustomer(page);
  await context.clearCookies();
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page).toHaveURL(/\/sign-in\?next=%2Fcustomers%2Fnew&reason=expired$/);
  await expect(page.getByRole("status").filter({ hasText: "Your session has ended" })).toBeVisible();
  await page.getByLabel("Email").fill(ACCOUNTS.staff.email);
  await page.getByLabel("Password").fill(ACCOUNTS.staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/customers\/new$/);
  await expect(page.getByText("What you typed is back")).toBeVisible();
  await expect(page.getByLabel("First name", { exact: true })).toHaveValue(firstName);
  await expect(page.getByLabel("Last name", { exact: true })).toHaveValue(lastName);
  expect(await sandbox.total("customers", `search=${lastName}`)).toBe(0);

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${firstName} ${lastName}` })).toBeVisible();
  expect(await sandbox.total("customers", `search=${lastName}`)).toBe(1);
});

test("an ended session found by a read goes to sign in and back to the same list", async ({ page, context }) => {
  await page.goto("/customers");
  await waitForHydration(page);
  await context.clearCookies();
  const search = `z${letters(6)}`;
  await page.getByLabel("Search customers").fill(search);

  await expect(page).toHaveURL(/\/sign-in\?next=/);
  expect(new URL(page.url()).searchParams.get("next")).toContain(`search=${search}`);
  await page.getByLabel("Email").fill(ACCOUNTS.staff.email);
  await page.getByLabel("Password").fill(ACCOUNTS.staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/customers\\?.*search=${search}`));
  await expect(page.getByLabel("Search customers")).toHaveValue(search);
});

test("at the plan's limit, a list read before is shown marked as saved data, with when it was read", async ({ page, sandbox }) => {
  test.setTimeout(60_000);
  const search = `stale${letters(6)}`;
  await page.goto(`/customers?search=${search}`);
  await expect(page.getByText("No customers match")).toBeVisible();
  await expect(page.getByText("Showing saved data")).toHaveCount(0);

  await sandbox.setUsage(SANDBOX_QUOTA);
  try {
    // Past the shared cache's 15 seconds, the dashboard must ask the CRM again, which refuses.
    await page.waitForTimeout(16_000);
    const api = await page.request.get(`/api/customers?search=${search}`);
    expect(api.status()).toBe(200);
    const body = (await api.json()) as { data: { source?: { from: string; reason?: string } }; meta: unknown };
    if (body.data.source?.from === "mirror") {
      // Once the mirror has finished a full pass (another spec's Sync now), it answers instead of the
      // shared cache's old copy (ADR-017), saying why and how old it is.
      expect(body.data.source.reason).toBe("usage_limit");
      await page.reload();
      await expect(page.getByRole("status").filter({ hasText: "requests for this month are used up" })).toBeVisible();
      await expect(page.getByTestId("mirror-freshness")).toBeVisible();
      return;
    }
    const staleSince = api.headers()["x-data-stale-since"];
    expect(staleSince).toBeTruthy();
    expect(body.meta).toMatchObject({ stale: true, stale_since: staleSince });

    await page.reload();
    const notice = page.getByRole("status").filter({ hasText: "Showing saved data from" });
    await expect(notice).toContainText("the CRM is not answering");
    await expect(notice.locator("time")).toHaveAttribute("datetime", staleSince!);
  } finally {
    await sandbox.resetUsage();
  }
});
