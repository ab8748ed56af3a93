import { storageStatePath } from "../support/accounts";
import { newIdempotencyKey } from "../support/dashboard-api";
import { expect, test } from "../support/fixtures";
import { letters, randomPhone, uniqueLastName } from "../customers/customer-fixtures";

/**
 * The CRM's monthly allowance used up (the sandbox answers 403 "Usage limit
 * exceeded", as the CRM does): a save through the dashboard is refused with a
 * plain 429 usage_limit, tried once (retrying cannot help), nothing typed is
 * lost, and it saves normally once the allowance is back.
 */
test.use({ storageState: storageStatePath("staff") });

const SANDBOX_QUOTA = 50_000;

test.afterAll(async ({ sandbox }) => {
  await sandbox.resetUsage();
});

test("at the plan's limit a write is a 429 usage_limit envelope, and creates nothing", async ({ staffApi, sandbox }) => {
  const lastName = uniqueLastName();
  await sandbox.setUsage(SANDBOX_QUOTA);
  try {
    const response = await staffApi.post("/api/customers", {
      headers: { "Idempotency-Key": newIdempotencyKey() },
      data: { first_name: "Quota", last_name: lastName, phone: randomPhone() },
    });
    expect(response.status()).toBe(429);
    const body = await response.json();
    expect(body).toMatchObject({ success: false, code: "usage_limit" });
    expect(body.error).toContain("allowance is used up");
  } finally {
    await sandbox.resetUsage();
  }
  expect(await sandbox.total("customers", `search=${lastName}`)).toBe(0);
});

test("the form says so plainly, keeps what was typed, and saves once the allowance is back", async ({ page, sandbox }) => {
  const lastName = uniqueLastName();
  const firstName = `Q${letters(5)}`;
  await page.goto("/customers/new");
  await page.getByLabel("First name", { exact: true }).fill(firstName);
  await page.getByLabel("Last name", { exact: true }).fill(lastName);
  await page.getByLabel("Phone", { exact: true }).fill(randomPhone());

  await sandbox.setUsage(SANDBOX_QUOTA);
  try {
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "allowance is used up" })).toBeVisible();
    await expect(page.getByLabel("First name", { exact: true })).toHaveValue(firstName);
    await expect(page.getByLabel("Last name", { exact: true })).toHaveValue(lastName);
  } finally {
    await sandbox.resetUsage();
  }
  expect(await sandbox.total("customers", `search=${lastName}`)).toBe(0);

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `${firstName} ${lastName}` })).toBeVisible();
  expect(await sandbox.total("customers", `search=${lastName}`)).toBe(1);
});
