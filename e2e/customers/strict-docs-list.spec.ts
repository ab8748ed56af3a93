import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { waitForHydration } from "../support/hydration";

/**
 * The customer table over list items as the CRM's docs show them: without
 * created_at and updated_at (SANDBOX_STRICT_DOCS=1, npm test's strict pass).
 * The rows render; the "Added" column says it does not know rather than
 * failing the list.
 */
test.skip(process.env.SANDBOX_STRICT_DOCS !== "1", "list items without timestamps come from the strict-docs sandbox");
test.use({ storageState: storageStatePath("staff") });

test("the customer table renders list items that carry no timestamps", async ({ page, sandbox }) => {
  const listed = await sandbox.get<{ customers: Array<Record<string, unknown>> }>("/customers?limit=5");
  expect(listed.customers[0]).not.toHaveProperty("created_at");
  await page.goto("/customers");
  await waitForHydration(page);
  const table = page.getByRole("table", { name: /Customers/ });
  await expect(table.getByRole("row")).not.toHaveCount(0);
  const first = listed.customers[0] as { first_name: string; last_name: string };
  await expect(table.getByText(`${first.first_name} ${first.last_name}`).first()).toBeVisible();
  await expect(page.getByText(/could not be read/i)).toHaveCount(0);
});
