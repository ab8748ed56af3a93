import type { APIRequestContext, Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test, type Sandbox } from "../support/fixtures";
import { expectNoSeriousAxeViolations } from "../jobs/job-fixtures";
import { createCustomer, fullName, uniqueLastName, type TestCustomer } from "./customer-fixtures";

/**
 * Bulk delete from the customer table: tick rows, type the count, watch the
 * progress, Undo from the toast; failures are listed by name with their
 * reason and can be tried again.
 */
test.use({ storageState: storageStatePath("staff") });

/** Three customers sharing a last name no one else has, so a search shows exactly them. */
async function threeCustomers(api: APIRequestContext): Promise<{ lastName: string; customers: TestCustomer[] }> {
  const lastName = uniqueLastName();
  const customers = [];
  for (let index = 0; index < 3; index += 1) customers.push(await createCustomer(api, { last_name: lastName }));
  return { lastName, customers };
}

const deletedAt = async (sandbox: Sandbox, customer: TestCustomer) =>
  (await sandbox.get<TestCustomer>(`/customers/${customer.uuid}?include_deleted=true`)).deleted_at;
const customerTable = (page: Page) => page.getByRole("table", { name: "Customers, newest first" });
const toast = (page: Page, text: string) => page.getByRole("listitem").filter({ hasText: text });

async function openConfirmation(page: Page, count: number) {
  await page.getByRole("checkbox", { name: "Select all on this page" }).check();
  await expect(page.getByText(`${count} selected on this page`)).toBeVisible();
  await page.getByRole("button", { name: `Delete selected (${count})` }).click();
  return page.getByRole("alertdialog", { name: `Delete ${count} customers?` });
}

test("deletes the ticked customers after the count is typed, shows progress, and Undo brings them all back", async ({ page, staffApi, sandbox }) => {
  const { lastName, customers } = await threeCustomers(staffApi);
  await page.goto(`/customers?search=${lastName}`);
  await expect(customerTable(page).getByRole("row")).toHaveCount(4);

  const dialog = await openConfirmation(page, 3);
  for (const customer of customers) await expect(dialog.getByRole("listitem").filter({ hasText: fullName(customer) })).toBeVisible();
  await expect(dialog).toContainText("Jobs that are Complete or Invoiced stay as they are.");
  await expectNoSeriousAxeViolations(page);

  // Slow deletes, so the progress can be seen moving.
  await sandbox.setFaults({ latency_ms: 1_500, methods: "DELETE", path: `/customers/` });
  try {
    await dialog.getByLabel("Type 3 to confirm").fill("3");
    await dialog.getByRole("button", { name: "Delete 3 customers" }).click();
    const progress = page.getByRole("progressbar", { name: "Deleting customers" });
    await expect(progress).toHaveAttribute("aria-valuemax", "3");
    await expect(progress).toHaveAttribute("aria-valuenow", /^[0-3]$/);
    await expect(page.getByRole("alertdialog")).toContainText(/of 3 customers done/);
    await expect(toast(page, "3 customers deleted")).toBeVisible();
  } finally {
    await sandbox.clearFaults();
  }

  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  await expect(page.getByText(`No customers match “${lastName}”.`)).toBeVisible();
  for (const customer of customers) expect(await deletedAt(sandbox, customer)).not.toBeNull();

  await toast(page, "3 customers deleted").getByRole("button", { name: "Undo" }).click();
  await expect(toast(page, "3 customers restored")).toBeVisible();
  for (const customer of customers) expect(await deletedAt(sandbox, customer)).toBeNull();
  await expect(customerTable(page).getByRole("row")).toHaveCount(4);
  await expect(customerTable(page)).not.toContainText("Deleted");
});

test("Delete stays disabled until the count is typed; Space ticks the row in focus; a new view empties the selection", async ({ page, staffApi, sandbox }) => {
  const { lastName, customers } = await threeCustomers(staffApi);
  const [first, second] = customers as [TestCustomer, TestCustomer, TestCustomer];
  await page.goto(`/customers?search=${lastName}`);

  // Keyboard: into the table, then Space on a row ticks it.
  await page.getByLabel("Search customers").press("ArrowDown");
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect(page.getByText("2 selected on this page")).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "Select all on this page" })).toHaveJSProperty("indeterminate", true);

  await page.getByRole("button", { name: "Delete selected (2)" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete 2 customers?" });
  const confirm = dialog.getByRole("button", { name: "Delete 2 customers" });
  const typed = dialog.getByLabel("Type 2 to confirm");
  await expect(confirm).toBeDisabled();
  for (const wrong of ["1", "3", "DELETE", "two"]) {
    await typed.fill(wrong);
    await expect(confirm).toBeDisabled();
  }
  await typed.fill(" 2 ");
  await expect(confirm).toBeEnabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  for (const customer of [first, second]) expect(await deletedAt(sandbox, customer)).toBeNull();

  // Cancel keeps the selection; another view (here: Show deleted) empties it.
  await expect(page.getByText("2 selected on this page")).toBeVisible();
  await page.getByLabel("Show deleted").check();
  await expect(page).toHaveURL(/deleted=true/);
  await expect(page.getByRole("button", { name: /^Delete selected/ })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: /^Select / }).and(page.locator(":checked"))).toHaveCount(0);
});

test("a failure is listed by name and reason while the others are deleted; Try again finishes the job", async ({ page, staffApi, sandbox }) => {
  const { lastName, customers } = await threeCustomers(staffApi);
  const [first, failing, third] = customers as [TestCustomer, TestCustomer, TestCustomer];
  await page.goto(`/customers?search=${lastName}`);
  const dialog = await openConfirmation(page, 3);
  await dialog.getByLabel("Type 3 to confirm").fill("3");

  // Every DELETE of that one customer fails before it is carried out.
  await sandbox.setFaults({ path: `/customers/${failing.uuid}`, methods: "DELETE", error_rate: 1, after_commit_share: 0 });
  try {
    await dialog.getByRole("button", { name: "Delete 3 customers" }).click();
    const report = page.getByRole("alertdialog", { name: "2 of 3 customers deleted" });
    await expect(report).toBeVisible({ timeout: 20_000 });
    const failure = report.getByRole("alert");
    await expect(failure).toContainText("1 customer could not be deleted");
    // The reason quotes the failed request's id, as every error on screen does.
    await expect(failure.getByRole("listitem")).toHaveText(
      new RegExp(`^${fullName(failing)}: The CRM is not answering right now\\. Try again in a moment\\. \\(request [0-9a-f]{8}\\)$`),
    );
    for (const customer of [first, third]) await expect(report.getByRole("listitem").filter({ hasText: fullName(customer) })).toBeVisible();
    await expectNoSeriousAxeViolations(page);

    expect(await deletedAt(sandbox, first)).not.toBeNull();
    expect(await deletedAt(sandbox, third)).not.toBeNull();
    expect(await deletedAt(sandbox, failing)).toBeNull();
  } finally {
    await sandbox.clearFaults();
  }

  await page.getByRole("button", { name: "Try again (1)" }).click();
  await expect(toast(page, "3 customers deleted")).toBeVisible();
  await expect(page.getByRole("alertdialog")).toHaveCount(0);
  expect(await deletedAt(sandbox, failing)).not.toBeNull();
  await expect(page.getByText(`No customers match “${lastName}”.`)).toBeVisible();
});

test("a customer someone else deleted meanwhile is reported plainly", async ({ page, staffApi, sandbox }) => {
  const { lastName, customers } = await threeCustomers(staffApi);
  const [first, gone, third] = customers as [TestCustomer, TestCustomer, TestCustomer];
  await page.goto(`/customers?search=${lastName}`);
  const dialog = await openConfirmation(page, 3);
  await sandbox.delete(`/customers/${gone.uuid}`);
  await dialog.getByLabel("Type 3 to confirm").fill("3");
  await dialog.getByRole("button", { name: "Delete 3 customers" }).click();

  const report = page.getByRole("alertdialog", { name: "2 of 3 customers deleted" });
  await expect(report.getByRole("alert")).toContainText(`${fullName(gone)}: It was already deleted (perhaps by someone else) or no longer exists.`);
  // Closing the report offers Undo for what this person deleted.
  await report.getByRole("button", { name: "Close" }).click();
  await expect(toast(page, "2 customers deleted")).toBeVisible();
  for (const customer of [first, third]) expect(await deletedAt(sandbox, customer)).not.toBeNull();
});

test("viewers get no checkboxes and no bulk delete", async ({ browser, staffApi }) => {
  const { lastName } = await threeCustomers(staffApi);
  const context = await browser.newContext({ storageState: storageStatePath("viewer") });
  const page = await context.newPage();
  try {
    await page.goto(`/customers?search=${lastName}`);
    await expect(customerTable(page).getByRole("row")).toHaveCount(4);
    await expect(page.getByRole("checkbox", { name: /^Select / })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /^Delete selected/ })).toHaveCount(0);
  } finally {
    await context.close();
  }
});
