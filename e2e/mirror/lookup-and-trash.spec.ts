import type { Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { letters } from "../customers/customer-fixtures";
import { expectNoSeriousAxeViolations } from "../jobs/job-fixtures";

/**
 * What only the mirror answers, as a person sees it: records made or deleted
 * in the CRM directly (its own app, a phone) are on /lookup by address and on
 * /trash after Sync now, and a restore from the trash reaches the CRM.
 */
test.use({ storageState: storageStatePath("staff") });

const SANDBOX_QUOTA = 50_000;
const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** Sync now on the freshness line, and its end (the screen is read again then). */
async function syncNow(page: Page) {
  await page.getByRole("button", { name: "Sync now", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Synced with the CRM." })).toBeVisible({ timeout: 60_000 });
}

interface CrmCustomer {
  uuid: string;
  first_name: string;
  last_name: string;
}

test("a customer deleted directly in the CRM is in the trash after Sync now; restoring it takes it out and the CRM has it back", async ({ page, sandbox }) => {
  const customer = await sandbox.post<CrmCustomer>("/customers", { first_name: "Elsa", last_name: `Zed${letters(8)}`, phone: "206-555-0188" });
  await sandbox.delete(`/customers/${customer.uuid}`);
  const name = `${customer.first_name} ${customer.last_name}`;

  await page.goto(`/trash?search=${customer.last_name}`);
  await expect(page.getByText(`No deleted customers match “${customer.last_name}”`)).toBeVisible();
  await expect(page.getByTestId("mirror-freshness")).toContainText("From Tradesdesk's copy of the CRM");
  await syncNow(page);

  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("Outside the dashboard");
  await expect(row.locator("time")).toHaveAttribute(
    "datetime",
    new Date((await sandbox.get<{ deleted_at: string }>(`/customers/${customer.uuid}?include_deleted=true`)).deleted_at).toISOString(),
  );
  await expectNoSeriousAxeViolations(page);

  await row.getByRole("button", { name: `Restore ${name}` }).click();
  await expect(page.getByRole("listitem").filter({ hasText: `${name} is restored.` })).toBeVisible();
  await expect(page.getByText(`No deleted customers match “${customer.last_name}”`)).toBeVisible();
  expect((await sandbox.get<{ deleted_at: string | null }>(`/customers/${customer.uuid}`)).deleted_at).toBeNull();
});

test("Run a full pass now shows the pass and brings in a job deleted directly in the CRM", async ({ page, sandbox }) => {
  const customer = await sandbox.post<CrmCustomer>("/customers", { first_name: "Jon", last_name: `Zed${letters(8)}` });
  const title = `Deleted elsewhere ${letters(6)}`;
  const job = await sandbox.post<{ uuid: string }>("/jobs", { customer_uuid: customer.uuid, title, status: "New" });
  await sandbox.delete(`/jobs/${job.uuid}`);

  await page.goto(`/trash?tab=jobs&search=${encodeURIComponent(title)}`);
  await expect(page.getByText(`No deleted jobs match “${title}”`)).toBeVisible();
  await page.getByRole("button", { name: "Run a full pass now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Full pass finished: the trash is up to date." })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("row").filter({ hasText: title })).toContainText(`${customer.first_name} ${customer.last_name}`);
});

test("a customer created directly in the CRM is found by house number and street, by a ZIP fragment, and by a job's service address", async ({
  page,
  sandbox,
}) => {
  const street = capitalized(`quill${letters(7)}`);
  const serviceStreet = capitalized(`fern${letters(7)}`);
  const zip = String(30_000 + Math.floor(Math.random() * 60_000)).padStart(5, "0");
  // "Aa…" sorts first among the address matches, which are listed by name.
  const customer = await sandbox.post<CrmCustomer>("/customers", {
    first_name: "Ada",
    last_name: `Aa${letters(8)}`,
    physical_address1: `986 ${street} Ave N`,
    physical_city: "Seattle",
    physical_state: "WA",
    physical_zip: zip,
  });
  const title = `Gutter clean ${letters(5)}`;
  const job = await sandbox.post<{ uuid: string }>("/jobs", {
    customer_uuid: customer.uuid,
    title,
    status: "New",
    service_address1: `4410 ${serviceStreet} Way`,
    service_city: "Shoreline",
    service_state: "WA",
    service_zip: "98155",
  });
  const name = `${customer.first_name} ${customer.last_name}`;

  await page.goto(`/lookup?q=${encodeURIComponent(`986 ${street}`)}`);
  const box = page.getByRole("combobox", { name: "Phone, email, name or address" });
  await expect(page.getByRole("status").filter({ hasText: "No address matches." })).toBeVisible();
  await syncNow(page);

  const byStreet = page.getByRole("option", { name: new RegExp(`^${name}, physical address: 986 ${street} Ave N, Seattle, WA ${zip}`) });
  await expect(byStreet).toBeVisible();
  await expect(byStreet).toContainText("Physical address");
  await expect(page.getByRole("group", { name: "Customers by address" })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await box.focus();
  await box.press("Enter");
  await expect(page).toHaveURL(`/customers/${customer.uuid}`);

  await page.goto("/lookup");
  await page.getByRole("combobox", { name: "Phone, email, name or address" }).fill(zip.slice(0, 4));
  await expect(page.getByRole("option", { name: new RegExp(`^${name}, physical address: .*${zip}`) })).toBeVisible();

  const lookupBox = page.getByRole("combobox", { name: "Phone, email, name or address" });
  await lookupBox.fill(`4410 ${serviceStreet}`);
  const byService = page.getByRole("option", { name: new RegExp(`^${name}, service address of job “${title}”`) });
  await expect(byService).toBeVisible();
  await expect(byService).toHaveAttribute("aria-selected", "true");
  await lookupBox.press("Enter");
  await expect(page).toHaveURL(`/jobs/${job.uuid}`);
});

test("with the month's CRM allowance spent, the lookup still finds addresses and says what it could not ask", async ({ page, sandbox }) => {
  const street = capitalized(`quota${letters(7)}`);
  const customer = await sandbox.post<CrmCustomer>("/customers", {
    first_name: "Quinn",
    last_name: `Zed${letters(8)}`,
    physical_address1: `77 ${street} Pl`,
    physical_city: "Seattle",
    physical_state: "WA",
    physical_zip: "98101",
  });
  await page.goto(`/lookup?q=${encodeURIComponent(`77 ${street}`)}`);
  await syncNow(page);
  await expect(page.getByRole("option", { name: new RegExp(`^${customer.first_name} ${customer.last_name}, physical address`) })).toBeVisible();

  await sandbox.setUsage(SANDBOX_QUOTA);
  try {
    await page.getByRole("combobox", { name: "Phone, email, name or address" }).fill(`77 ${street} pl`);
    const alert = page.getByRole("alert").filter({ hasText: "Phones, emails and names were not searched: the CRM could not be asked." });
    await expect(alert).toContainText("allowance is used up");
    await expect(page.getByRole("option", { name: new RegExp(`^${customer.first_name} ${customer.last_name}, physical address`) })).toBeVisible();
  } finally {
    await sandbox.resetUsage();
  }
});

test.describe("as a viewer", () => {
  test.use({ storageState: storageStatePath("viewer") });

  test("the trash and the address lookup say how fresh they are, without Sync now or restore", async ({ page }) => {
    await page.goto("/trash");
    await expect(page.getByTestId("mirror-freshness")).toContainText("From Tradesdesk's copy of the CRM");
    await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Run a full pass now" })).toHaveCount(0);
    await page.goto("/lookup?q=Seattle");
    await expect(page.getByTestId("mirror-freshness")).toBeVisible();
    await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);
  });
});
