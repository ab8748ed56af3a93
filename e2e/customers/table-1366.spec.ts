import type { Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { createCustomer, uniqueLastName } from "./customer-fixtures";

/**
 * At 1366 × 768, the most common office laptop screen, the customer table
 * shows every default column without sideways scrolling, even with the
 * longest names, emails and addresses the CRM holds: long cells are cut to
 * one line, whole on hover. Staff see the widest table (checkboxes and
 * actions too).
 */
test.use({ storageState: storageStatePath("staff"), viewport: { width: 1366, height: 768 } });

const DEFAULT_HEADERS = ["Name", "Company", "Type", "Phone", "Email", "Physical address", "Added"];

const customerTable = (page: Page) => page.getByRole("table", { name: /^Customers, / });

test("every default column fits at 1366 px, long cells cut with the whole text on hover", async ({ page, staffApi }) => {
  const lastName = uniqueLastName();
  const long = {
    last_name: lastName,
    first_name: "Maximiliana-Josephine",
    company_name: "Northwestern Commercial Refrigeration and Heating Services Incorporated",
    email: `${lastName.toLowerCase()}.accounts-payable-department@northwestern-refrigeration-heating.example.com`,
    physical_address1: "12345 Northeast Lake Washington Boulevard Southwest, Building C",
    physical_city: "Mountlake Terrace",
  };
  await createCustomer(staffApi, long);
  await createCustomer(staffApi, { last_name: lastName });
  await page.goto(`/customers?search=${lastName}`);
  const table = customerTable(page);
  await expect(table.getByRole("row")).toHaveCount(3);

  // The table's scrolling box (DataTable's wrapper) has nothing to scroll sideways, nor has the page.
  const widths = await table.evaluate((element) => {
    const box = element.parentElement as HTMLElement;
    return { scroll: box.scrollWidth, client: box.clientWidth, page: document.documentElement.scrollWidth, viewport: window.innerWidth };
  });
  expect(widths.scroll, `the table is ${widths.scroll} px wide in a box of ${widths.client} px`).toBeLessThanOrEqual(widths.client);
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);

  for (const name of DEFAULT_HEADERS) {
    const header = table.getByRole("columnheader", { name: new RegExp(`^${name}`) });
    await expect(header).toBeInViewport({ ratio: 1 });
  }

  const row = table.getByRole("row").filter({ hasText: long.first_name });
  const email = row.getByTitle(long.email);
  await expect(email).toHaveText(long.email);
  await expect(email).toBeInViewport({ ratio: 1 });
  await expect(row.getByTitle(long.company_name)).toHaveText(long.company_name);
  await expect(row.getByTitle(/12345 Northeast Lake Washington/)).toBeVisible();
});
