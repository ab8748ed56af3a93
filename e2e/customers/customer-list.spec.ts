import type { Download } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { upstreamCount } from "../support/dashboard-api";
import { expect, test, type Sandbox } from "../support/fixtures";
import { countRequests, createCustomer, fullName, letters, parseCsv, type TestCustomer } from "./customer-fixtures";
import { goBackWhenLive, waitForHydration } from "../support/hydration";

/**
 * The customer list: its view lives in the URL (reload and Back keep it),
 * search costs one request per pause, the keyboard drives it, column choices
 * are remembered, and the filtered view exports to CSV.
 */
test.use({ storageState: storageStatePath("staff") });

test("search, type filter and page live in the URL: reload keeps them, Back undoes them one by one", async ({ page, staffApi }) => {
  const token = `Zed${letters(8)}`;
  const plain = await createCustomer(staffApi, { last_name: token, first_name: "Ann" });
  const vip = await createCustomer(staffApi, { last_name: token, first_name: "Bea", is_vip: true, email: `bea.${token.toLowerCase()}@example.com` });
  const rows = page.getByRole("region", { name: "Customers, newest first" }).getByRole("row");

  await page.goto("/customers");
  await expect(page.getByText(/^Newest first: the CRM lists customers/)).toBeVisible();
  const search = page.getByLabel("Search customers");
  const requests = await countRequests(page, "/api/customers", async () => {
    await search.pressSequentially(token.toLowerCase(), { delay: 20 });
    await expect(page).toHaveURL(new RegExp(`search=${token.toLowerCase()}`));
    await expect(rows).toHaveCount(3);
  });
  expect(requests, "one request for one pause in typing").toBe(1);

  await page.getByLabel("Customer type").selectOption("vip");
  await expect(page).toHaveURL(/filter=vip/);
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText(fullName(vip));

  await goBackWhenLive(page);
  await expect(page).not.toHaveURL(/filter=vip/);
  await expect(page.getByLabel("Customer type")).toHaveValue("all");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(2)).toContainText(fullName(plain));

  await page.goBack();
  await expect(page).not.toHaveURL(/search=/);
  await expect(page.getByLabel("Search customers")).toHaveValue("");

  // Forward redoes them; a reload keeps them.
  await page.goForward();
  await page.goForward();
  await expect(page).toHaveURL(/filter=vip/);
  await expect(rows).toHaveCount(2);
  await page.reload();
  await expect(page.getByLabel("Search customers")).toHaveValue(token.toLowerCase());
  await expect(page.getByLabel("Customer type")).toHaveValue("vip");
  await expect(rows).toHaveCount(2);

  // Pages: Back returns to the first, the second page of 25 survives a reload.
  // (Back across a reload is left out: Next.js restores such entries unreliably, see ADR-007, docs/decisions/007-customer-screens.md.)
  await page.goto("/customers");
  await waitForHydration(page);
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByText(/^Showing 26–50 of/)).toBeVisible();
  await goBackWhenLive(page);
  await expect(page.getByText(/^Showing 1–25 of/)).toBeVisible();
  await page.goForward();
  await expect(page.getByText(/^Showing 26–50 of/)).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^Showing 26–50 of/)).toBeVisible();
  await page.getByLabel("Rows per page").selectOption("50");
  await expect(page).toHaveURL(/limit=50/);
  await expect(page.getByText(/^Showing 1–50 of/)).toBeVisible();
  await goBackWhenLive(page);
  await expect(page.getByText(/^Showing 26–50 of/)).toBeVisible();
});

test("the keyboard: / to search, ArrowDown and j/k between rows, Enter opens the customer", async ({ page, staffApi }) => {
  const token = `Zed${letters(8)}`;
  const older = await createCustomer(staffApi, { last_name: token, first_name: "Cal" });
  await createCustomer(staffApi, { last_name: token, first_name: "Dee", email: `dee.${token.toLowerCase()}@example.com` });

  await page.goto("/customers");
  await page.locator("body").press("/");
  const search = page.getByLabel("Search customers");
  await expect(search).toBeFocused();
  await search.pressSequentially(token.toLowerCase());
  const rows = page.getByRole("region", { name: "Customers, newest first" }).locator("tbody tr");
  await expect(rows).toHaveCount(2);

  await search.press("ArrowDown");
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toBeFocused();
  await expect(rows.nth(1)).toHaveAttribute("tabindex", "0");
  await expect(rows.nth(0)).toHaveAttribute("tabindex", "-1");
  await page.keyboard.press("k");
  await expect(rows.nth(0)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(`/customers/${older.uuid}`);
});

test("every data column's header is a sort button, none sorted in the CRM's order; hidden columns stay hidden for this person after a reload", async ({
  page,
}) => {
  await page.goto("/customers");
  const table = page.getByRole("region", { name: "Customers, newest first" });
  await expect(table.getByRole("columnheader", { name: "Email" })).toBeVisible();
  // Name, Company, Type, Phone, Email, Physical address, Added (Tags is hidden by default); the whole list sorts (ADR-017).
  await expect(table.getByRole("columnheader").getByRole("button")).toHaveCount(7);
  await expect(table.locator("th[aria-sort]")).toHaveCount(0);

  await page.getByRole("button", { name: /^Columns/ }).click();
  await page.getByRole("menuitemcheckbox", { name: "Email" }).click();
  await page.keyboard.press("Escape");
  await expect(table.getByRole("columnheader", { name: "Email" })).toHaveCount(0);

  await page.reload();
  await expect(table.getByRole("columnheader", { name: "Phone" })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Email" })).toHaveCount(0);
  const keys = await page.evaluate(() => Object.keys(window.localStorage));
  expect(keys.some((key) => key.startsWith("tradesdesk.columns.customers."))).toBe(true);
});

test("viewers see the list but no button that changes anything", async ({ browser, staffApi }) => {
  const context = await browser.newContext({ storageState: storageStatePath("viewer") });
  const page = await context.newPage();
  const customer = await createCustomer(staffApi);
  await page.goto("/customers?deleted=true");
  await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "New customer" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Restore/ })).toHaveCount(0);
  await page.goto(`/customers/${customer.uuid}`);
  await expect(page.getByRole("heading", { name: fullName(customer), level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Delete" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "New job" })).toHaveCount(0);
  await context.close();
});

async function allFromCrm(sandbox: Sandbox, query: string): Promise<TestCustomer[]> {
  const customers: TestCustomer[] = [];
  for (let page = 1; ; page += 1) {
    const data = await sandbox.get<{ customers: TestCustomer[]; pagination: { total_pages: number } }>(`/customers?${query}&limit=100&page=${page}`);
    customers.push(...data.customers);
    if (page >= data.pagination.total_pages) return customers;
  }
}

test("exports the filtered view to CSV: its cost first, a progress bar, every row of every page", async ({ page, staffApi, sandbox }) => {
  // Residential customers, the deleted ones shown too: made to be more than 100, so at least two requests.
  for (let total = await sandbox.total("customers", "filter=residential&include_deleted=true"); total <= 100; total += 1) {
    await createCustomer(staffApi, { customer_type: "Residential" });
  }
  await page.goto("/customers?filter=residential&deleted=true");
  const expected = await allFromCrm(sandbox, "filter=residential&include_deleted=true");
  expect(expected.length).toBeGreaterThan(100);
  const requests = Math.ceil(expected.length / 100);

  // Slow the export's later pages down so the progress after the first can be seen.
  await page.route(/\/api\/customers\?.*limit=100/, async (route) => {
    if (/[?&]page=[2-9]/.test(route.request().url())) await new Promise((resolve) => setTimeout(resolve, 3_000));
    await route.continue();
  });
  await page.getByRole("button", { name: "Export CSV" }).click();
  const dialog = page.getByRole("dialog", { name: "Export customers to CSV" });
  await expect(dialog).toContainText(`This view has ${expected.length} customers`);
  await expect(dialog).toContainText(`takes ${requests} CRM requests`);

  const downloadPromise = page.waitForEvent("download");
  await dialog.getByRole("button", { name: "Start export" }).click();
  const progress = dialog.getByRole("progressbar", { name: "Export progress" });
  await expect(progress).toHaveAttribute("aria-valuemax", String(requests));
  await expect(progress).toHaveAttribute("aria-valuenow", "1");
  const download: Download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^customers-residential-with-deleted-\d{4}-\d{2}-\d{2}\.csv$/);

  const path = await download.path();
  const { readFile } = await import("node:fs/promises");
  const [header, ...rows] = parseCsv(await readFile(path, "utf8"));
  // Every documented field in the docs' order (ADR-021), the extras as their own columns.
  expect(header).toEqual([
    "Customer ID",
    "First name",
    "Last name",
    "Company",
    "Email",
    "Phone",
    "Customer type",
    "VIP",
    "Physical address line 1",
    "Physical address line 2",
    "Physical city",
    "Physical state",
    "Physical ZIP code",
    "Billing address line 1",
    "Billing address line 2",
    "Billing city",
    "Billing state",
    "Billing ZIP code",
    "Primary service location ID",
    "Notes",
    "Tags",
    "Lead source",
    "Marketing emails",
    "Marketing texts",
    "Other internal flags",
    "On-my-way notification",
    "Added",
    "Last changed",
    "Deleted",
  ]);
  const idColumn = header?.indexOf("Customer ID") ?? -1;
  const typeColumn = header?.indexOf("Customer type") ?? -1;
  const [first, last] = [header?.indexOf("First name") ?? -1, header?.indexOf("Last name") ?? -1];
  expect(rows.map((row) => row[idColumn])).toEqual(expected.map((customer) => customer.uuid));
  expect(rows.map((row) => `${row[first]} ${row[last]}`)).toEqual(expected.map((customer) => `${customer.first_name} ${customer.last_name}`));
  expect(new Set(rows.map((row) => row[typeColumn]))).toEqual(new Set(["Residential"]));
});

test("an export can be cancelled before it finishes: no file", async ({ page }) => {
  await page.goto("/customers?deleted=true");
  await page.route(/\/api\/customers\?.*limit=100/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue().catch(() => undefined);
  });
  let downloads = 0;
  page.on("download", () => {
    downloads += 1;
  });
  await page.getByRole("button", { name: "Export CSV" }).click();
  const dialog = page.getByRole("dialog", { name: "Export customers to CSV" });
  await dialog.getByRole("button", { name: "Start export" }).click();
  await expect(dialog.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0");
  await dialog.getByRole("button", { name: "Cancel export" }).click();
  await expect(dialog).toBeHidden();
  await page.waitForTimeout(4_000);
  expect(downloads).toBe(0);
});

test("showing a page of customers costs one CRM request, not one per row on screen", async ({ page, staffApi }) => {
  const token = `Zed${letters(8)}`;
  for (const first of ["Gus", "Hal", "Ivy"])
    await createCustomer(staffApi, { last_name: token, first_name: first, email: `${first.toLowerCase()}.${token.toLowerCase()}@example.com` });
  const before = await upstreamCount(staffApi);
  await page.goto(`/customers?search=${token.toLowerCase()}`);
  await expect(page.getByRole("region", { name: "Customers, newest first" }).getByRole("row")).toHaveCount(4);
  await waitForHydration(page);
  // Give link prefetching, which starts once rows are in view, time to happen if it were going to.
  await page.waitForTimeout(1_500);
  // The list itself (a search nobody made before: never cached), and at most the shared location
  // list if its cached copy had expired; three rows prefetched would add three more.
  const spent = (await upstreamCount(staffApi)) - before;
  expect(spent).toBeGreaterThanOrEqual(1);
  expect(spent).toBeLessThanOrEqual(2);
});

test("back on the list after editing a customer, the browser does not ask again for the list the server just rendered", async ({ page, staffApi }) => {
  const customer = await createCustomer(staffApi);
  await page.goto("/customers");
  await waitForHydration(page);
  // Client-side from here on, so the list's query stays in the browser's cache. Newest first: the customer just made heads it.
  await page.getByRole("link", { name: fullName(customer) }).click();
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Company", { exact: true }).fill("Revisited Co");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page).toHaveURL(`/customers/${customer.uuid}`);

  const listReads = await countRequests(page, "/api/customers", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Customers" }).click();
    await expect(page).toHaveURL(/\/customers$/);
    await expect(page.getByRole("region", { name: "Customers, newest first" }).getByRole("row").filter({ hasText: "Revisited Co" })).toBeVisible();
    await page.waitForLoadState("networkidle");
  });
  expect(listReads, "list requests from the browser on the way back").toBe(0);
});
