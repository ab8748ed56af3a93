import type { APIRequestContext, Page } from "@playwright/test";
import { ACCOUNTS, storageStatePath } from "../support/accounts";
import { newIdempotencyKey } from "../support/dashboard-api";
import { expect, test, type Sandbox } from "../support/fixtures";
import { createCustomer, createOpenJob, fullName, letters, type TestCustomer } from "../customers/customer-fixtures";
import { expectNoSeriousAxeViolations } from "../jobs/job-fixtures";

/**
 * The trash: what was deleted, by whom and when; restore one, several, or a
 * customer with the jobs deleted with them; and plain answers when there is
 * nothing to restore. (Deletions made outside the dashboard, which a full
 * pass brings in: e2e/mirror/lookup-and-trash.spec.ts.)
 */
test.use({ storageState: storageStatePath("staff") });

const deletedAt = async (sandbox: Sandbox, resource: "customers" | "jobs", uuid: string) =>
  (await sandbox.get<{ deleted_at: string | null }>(`/${resource}/${uuid}?include_deleted=true`)).deleted_at;

async function deleteThroughDashboard(context: APIRequestContext, resource: "customers" | "jobs", uuid: string) {
  const response = await context.delete(`/api/${resource}/${uuid}`, { headers: { "Idempotency-Key": newIdempotencyKey() } });
  expect(response.status(), await response.text()).toBe(200);
}

function toast(page: Page, text: string) {
  return page.getByRole("listitem").filter({ hasText: text });
}

test("a customer deleted with their open jobs: both in the trash with who and when, restored together, back in their lists", async ({
  page,
  staffApi,
  sandbox,
}) => {
  const customer = await createCustomer(staffApi);
  const jobs = [await createOpenJob(sandbox, customer.uuid), await createOpenJob(sandbox, customer.uuid)];
  await page.goto(`/customers/${customer.uuid}`);
  await page.getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Delete ${fullName(customer)}?` });
  await expect(dialog).toContainText(`${fullName(customer)} has 2 open jobs`);
  await dialog.getByRole("button", { name: "Delete customer and 2 open jobs" }).click();
  await expect(toast(page, `${fullName(customer)} and their 2 open jobs are deleted.`)).toBeVisible();
  expect(await deletedAt(sandbox, "customers", customer.uuid)).not.toBeNull();
  for (const job of jobs) expect(await deletedAt(sandbox, "jobs", job.uuid)).not.toBeNull();

  // The deleted customer's own page leads to the trash.
  await page.goto(`/customers/${customer.uuid}`);
  await page.getByRole("link", { name: "See them in the trash" }).click();
  await expect(page).toHaveURL(/\/trash\?tab=customers&search=/);
  const row = page.getByRole("row").filter({ hasText: fullName(customer) });
  await expect(row).toContainText(ACCOUNTS.staff.name);
  await expect(row).toContainText("2 jobs");
  // When: the CRM's own moment of deletion.
  await expect(row.locator("time")).toHaveAttribute("datetime", new Date((await deletedAt(sandbox, "customers", customer.uuid)) ?? "").toISOString());

  await page.getByRole("tab", { name: "Deleted jobs" }).click();
  await page.getByLabel("Search deleted jobs").fill(jobs[0]!.title);
  await expect(page.getByRole("row").filter({ hasText: jobs[0]!.title })).toContainText(ACCOUNTS.staff.name);

  await page.getByRole("tab", { name: "Deleted customers" }).click();
  await page.getByLabel("Search deleted customers").fill(customer.last_name);
  await row.getByRole("button", { name: `Restore ${fullName(customer)}` }).click();
  const restore = page.getByRole("dialog", { name: `Restore ${fullName(customer)}?` });
  await expect(restore.getByLabel("Also restore the 2 jobs deleted with them")).toBeChecked();
  await expect(restore).toContainText(jobs[1]!.title);
  await restore.getByRole("button", { name: "Restore 3" }).click();
  await expect(toast(page, "3 records are restored.")).toBeVisible();
  await expect(page.getByText(`No deleted customers match “${customer.last_name}”`)).toBeVisible();
  expect(await deletedAt(sandbox, "customers", customer.uuid)).toBeNull();
  for (const job of jobs) expect(await deletedAt(sandbox, "jobs", job.uuid)).toBeNull();

  // Back in their lists at once.
  await page.goto(`/customers?search=${customer.last_name}`);
  await expect(page.getByRole("row").filter({ hasText: fullName(customer) })).toBeVisible();
  await page.goto(`/jobs?search=${encodeURIComponent(jobs[1]!.title)}`);
  await expect(page.getByRole("row").filter({ hasText: jobs[1]!.title })).toBeVisible();
});

test("restoring several at once reports the one that failed and why, and Try again finishes the job", async ({ page, staffApi, sandbox }) => {
  const customer = await createCustomer(staffApi);
  const tag = `Bulkrestore ${letters(6)}`;
  const jobs = [
    await createOpenJob(sandbox, customer.uuid, `${tag} one`),
    await createOpenJob(sandbox, customer.uuid, `${tag} two`),
    await createOpenJob(sandbox, customer.uuid, `${tag} three`),
  ];
  for (const job of jobs) await deleteThroughDashboard(staffApi, "jobs", job.uuid);

  await page.goto(`/trash?tab=jobs&search=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("row").filter({ hasText: tag })).toHaveCount(3);
  await page.getByLabel("Select all on this page").check();
  // Refused before the CRM acts (after_commit_share 0): a failure that really leaves the job deleted.
  await sandbox.setFaults({ path: `/jobs/${jobs[1]!.uuid}`, methods: "PUT", error_rate: 1, after_commit_share: 0 });
  try {
    await page.getByRole("button", { name: "Restore selected (3)" }).click();
    const dialog = page.getByRole("dialog", { name: "Restore 3 deleted jobs?" });
    await dialog.getByRole("button", { name: "Restore 3" }).click();
    const report = dialog.getByRole("alert");
    await expect(report).toContainText("2 restored, 1 not:", { timeout: 20_000 });
    await expect(report).toContainText(`${tag} two`);
    expect(await deletedAt(sandbox, "jobs", jobs[0]!.uuid)).toBeNull();
    expect(await deletedAt(sandbox, "jobs", jobs[1]!.uuid)).not.toBeNull();
    expect(await deletedAt(sandbox, "jobs", jobs[2]!.uuid)).toBeNull();
  } finally {
    await sandbox.clearFaults();
  }
  await page.getByRole("button", { name: "Try again for those that failed" }).click();
  await expect(toast(page, "3 records are restored.")).toBeVisible();
  expect(await deletedAt(sandbox, "jobs", jobs[1]!.uuid)).toBeNull();
  await expect(page.getByText(`No deleted jobs match “${tag}”`)).toBeVisible();
});

test("restoring what someone else already restored, or restored and deleted again, says so and changes nothing", async ({
  page,
  staffApi,
  adminApi,
  sandbox,
}) => {
  // This tab hears no live updates (its stream refused), or the row would leave the screen on its own as soon as
  // the admin acts: what is checked here is the server's answer to a screen that has not caught up yet, which a
  // tab whose stream lags or is down still sends.
  await page.route("**/api/events*", (route) => route.abort());
  const first = await createCustomer(staffApi);
  await deleteThroughDashboard(staffApi, "customers", first.uuid);
  await page.goto(`/trash?search=${first.last_name}`);
  const firstRow = page.getByRole("row").filter({ hasText: fullName(first) });
  await expect(firstRow).toBeVisible();
  // Meanwhile an admin restores it.
  expect((await adminApi.post(`/api/customers/${first.uuid}/restore`, { headers: { "Idempotency-Key": newIdempotencyKey() } })).status()).toBe(200);
  const restoredState = await sandbox.get<{ updated_at: string }>(`/customers/${first.uuid}`);
  await firstRow.getByRole("button", { name: `Restore ${fullName(first)}` }).click();
  await expect(toast(page, `${fullName(first)} is not in the trash: it was already restored (by ${ACCOUNTS.admin.email}). Nothing was changed.`)).toBeVisible();
  await expect(firstRow).toHaveCount(0);
  expect((await sandbox.get<{ updated_at: string }>(`/customers/${first.uuid}`)).updated_at).toBe(restoredState.updated_at);

  const second = await createCustomer(staffApi);
  await deleteThroughDashboard(staffApi, "customers", second.uuid);
  await page.goto(`/trash?search=${second.last_name}`);
  const secondRow = page.getByRole("row").filter({ hasText: fullName(second) });
  await expect(secondRow).toContainText(ACCOUNTS.staff.name);
  // Meanwhile it is restored in the CRM directly, and an admin deletes it again.
  await sandbox.put(`/customers/${second.uuid}`, { deleted_at: null });
  await deleteThroughDashboard(adminApi, "customers", second.uuid);
  const secondDeletedAt = await deletedAt(sandbox, "customers", second.uuid);
  await secondRow.getByRole("button", { name: `Restore ${fullName(second)}` }).click();
  await expect(toast(page, `${fullName(second)} was restored and deleted again by ${ACCOUNTS.admin.email} since you looked.`)).toBeVisible();
  expect(await deletedAt(sandbox, "customers", second.uuid)).toBe(secondDeletedAt);
  // The row now shows the deletion as it is: the admin's.
  await expect(secondRow).toContainText(ACCOUNTS.admin.name);
});

test("the trash has no serious accessibility problems, with rows and with the restore dialog open", async ({ page, staffApi }) => {
  const customer: TestCustomer = await createCustomer(staffApi);
  await deleteThroughDashboard(staffApi, "customers", customer.uuid);
  await page.goto(`/trash?search=${customer.last_name}`);
  await expect(page.getByRole("row").filter({ hasText: fullName(customer) })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByLabel(`Select ${fullName(customer)}`).check();
  await page.getByRole("button", { name: "Restore selected (1)" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("the trash is there to read: who deleted what and when, but no restore and no full pass", async ({ page, staffApi }) => {
    const customer = await createCustomer(staffApi);
    await deleteThroughDashboard(staffApi, "customers", customer.uuid);
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Trash" }).click();
    await page.getByLabel("Search deleted customers").fill(customer.last_name);
    const row = page.getByRole("row").filter({ hasText: fullName(customer) });
    await expect(row).toContainText(ACCOUNTS.staff.name);
    await expect(row.getByRole("button")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Run a full pass now" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Restore selected/ })).toHaveCount(0);
  });
});
