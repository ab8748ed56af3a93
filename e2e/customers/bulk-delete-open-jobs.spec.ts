import type { APIRequestContext } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { createCustomer, createOpenJob, fullName, uniqueLastName, type TestCustomer } from "./customer-fixtures";

/**
 * Bulk delete asks once, for the whole batch, what happens to customers who
 * still have open jobs; the server holds each such delete until it is told,
 * and the report names each customer it held.
 */
test.use({ storageState: storageStatePath("staff") });

async function threeCustomers(api: APIRequestContext): Promise<{ lastName: string; customers: TestCustomer[] }> {
  const lastName = uniqueLastName();
  const customers = [];
  for (let index = 0; index < 3; index += 1) customers.push(await createCustomer(api, { last_name: lastName }));
  return { lastName, customers };
}

test("the batch's answer decides: customers with open jobs are held and named, then deleted with their jobs when chosen", async ({
  page,
  staffApi,
  sandbox,
}) => {
  const { lastName, customers } = await threeCustomers(staffApi);
  const [busy, ...plain] = customers as [TestCustomer, TestCustomer, TestCustomer];
  const job = await createOpenJob(sandbox, busy.uuid);

  await page.goto(`/customers?search=${lastName}`);
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await page.getByRole("button", { name: "Delete selected (3)" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete 3 customers?" });
  const question = dialog.getByRole("group", { name: /Customers who still have open jobs/ });
  await expect(question.getByRole("radio", { name: "Don't delete them (each is listed afterwards)" })).toBeChecked();
  await dialog.getByLabel("Type 3 to confirm").fill("3");
  await dialog.getByRole("button", { name: "Delete 3 customers" }).click();

  const report = page.getByRole("alertdialog", { name: "2 of 3 customers deleted" });
  await expect(report.getByRole("alert")).toContainText(`${fullName(busy)}: ${fullName(busy)} has 1 open job`);
  for (const customer of plain) await expect(report.getByRole("listitem").filter({ hasText: fullName(customer) })).toBeVisible();
  expect((await sandbox.get<TestCustomer>(`/customers/${busy.uuid}?include_deleted=true`)).deleted_at).toBeNull();

  await report.getByRole("radio", { name: "Delete them and their open jobs" }).check();
  await report.getByRole("button", { name: "Try again (1)" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "3 customers deleted" })).toBeVisible();
  expect((await sandbox.get<TestCustomer>(`/customers/${busy.uuid}?include_deleted=true`)).deleted_at).not.toBeNull();
  expect((await sandbox.get<{ deleted_at: string | null }>(`/jobs/${job.uuid}?include_deleted=true`)).deleted_at).not.toBeNull();
});
