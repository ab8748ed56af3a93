import { storageStatePath } from "../support/accounts";
import { expect, test, type Sandbox } from "../support/fixtures";
import { createCustomer, createOpenJob, fullName, type TestCustomer } from "./customer-fixtures";

/**
 * Deleting a customer: a confirmation that lists their open jobs, an Undo
 * right after, and a restore later from the list's "Show deleted" (the trash has its own specs).
 */
test.use({ storageState: storageStatePath("staff") });

const deletedAt = async (sandbox: Sandbox, uuid: string) => (await sandbox.get<TestCustomer>(`/customers/${uuid}?include_deleted=true`)).deleted_at;

test("delete warns about open jobs, then Undo brings the customer back", async ({ page, staffApi, sandbox }) => {
  const customer = await createCustomer(staffApi);
  const job = await createOpenJob(sandbox, customer.uuid);
  await page.goto(`/customers/${customer.uuid}`);

  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Delete ${fullName(customer)}?` });
  await expect(dialog).toContainText(`${fullName(customer)} has 1 open job`);
  await expect(dialog.getByRole("link", { name: job.job_number })).toHaveAttribute("href", `/jobs/${job.uuid}`);
  await expect(dialog).toContainText(job.title);
  await dialog.getByRole("button", { name: "Delete only the customer" }).click();

  await expect(page).toHaveURL("/customers");
  const toast = page.getByRole("listitem").filter({ hasText: `${fullName(customer)} is deleted.` });
  await expect(toast).toBeVisible();
  expect(await deletedAt(sandbox, customer.uuid)).not.toBeNull();

  await toast.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `${fullName(customer)} is restored.` })).toBeVisible();
  await expect.poll(() => deletedAt(sandbox, customer.uuid)).toBeNull();
  // The list shows them again, not marked deleted.
  await page.getByLabel("Search customers").fill(customer.last_name);
  await expect(page.getByRole("row").filter({ hasText: fullName(customer) })).not.toContainText("Deleted");
});

test("a deleted customer's page says so; Show deleted on the list finds them and Restore brings them back", async ({ page, staffApi, sandbox }) => {
  const customer = await createCustomer(staffApi);
  await page.goto(`/customers/${customer.uuid}`);
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Delete ${fullName(customer)}?` });
  await expect(dialog).toContainText("They have no open jobs.");
  await dialog.getByRole("button", { name: "Delete customer" }).click();
  await expect(page).toHaveURL("/customers");

  await page.goto(`/customers/${customer.uuid}`);
  await expect(page.getByRole("status").filter({ hasText: "This customer is deleted." })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Restore" })).toBeVisible();

  // The API lists deleted customers only when asked to.
  const listed = async (query: string) => (await (await staffApi.get(`/api/customers?search=${customer.last_name}${query}`)).json()).data.pagination.total;
  expect(await listed("")).toBe(0);
  expect(await listed("&include_deleted=true")).toBe(1);

  await page.goto(`/customers?search=${customer.last_name}`);
  await expect(page.getByText(`No customers match “${customer.last_name}”.`)).toBeVisible();
  await page.getByLabel("Show deleted").check();
  await expect(page).toHaveURL(/deleted=true/);
  const row = page.getByRole("row").filter({ hasText: fullName(customer) });
  await expect(row).toContainText("Deleted");
  await row.getByRole("button", { name: `Restore ${fullName(customer)}` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `${fullName(customer)} is restored.` })).toBeVisible();
  await expect(row).not.toContainText("Deleted");
  expect(await deletedAt(sandbox, customer.uuid)).toBeNull();
});
