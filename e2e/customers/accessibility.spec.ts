import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { createCustomer, createOpenJob, type TestCustomer } from "./customer-fixtures";

/**
 * Axe on every customer screen (no serious or critical violation), and a
 * screenshot of each at desktop (1280 px) and phone (390 px) width in
 * .data/screenshots/ for a person to look at. At 390 px nothing may stick out
 * sideways: tables scroll inside their own frame, forms are one column.
 */
test.use({ storageState: storageStatePath("staff") });

let customer: TestCustomer;

test.beforeAll(async ({ staffApi, sandbox }) => {
  customer = await createCustomer(staffApi, {
    is_vip: true,
    company_name: "Zed Plumbing & Heating",
    notes: "Gate code 4411. Dog in the yard.",
    tags: ["gate code", "dog"],
  });
  await createOpenJob(sandbox, customer.uuid);
});

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, "the page scrolls sideways").toBeLessThanOrEqual(0);
}

const screens: { name: string; path: () => string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: "customers",
    path: () => "/customers",
    ready: async (page) => {
      await expect(page.getByRole("heading", { name: "Customers", level: 1 })).toBeVisible();
      await expect(page.getByRole("navigation", { name: "Customer pages" })).toBeVisible();
    },
  },
  {
    name: "lookup",
    path: () => `/lookup?q=${encodeURIComponent(customer.phone ?? "")}`,
    ready: async (page) => {
      await expect(page.getByRole("status").filter({ hasText: "1 customer matches" })).toBeVisible();
    },
  },
  {
    name: "customer-new",
    path: () => "/customers/new",
    ready: async (page) => {
      await expect(page.getByLabel("First name")).toBeVisible();
    },
  },
  {
    name: "customer-page",
    path: () => `/customers/${customer.uuid}`,
    ready: async (page) => {
      await expect(page.getByRole("heading", { name: `${customer.first_name} ${customer.last_name}` })).toBeVisible();
      await expect(page.getByRole("heading", { name: /^Jobs \(1\)/ })).toBeVisible();
    },
  },
  {
    name: "customer-edit",
    path: () => `/customers/${customer.uuid}/edit`,
    ready: async (page) => {
      await expect(page.getByLabel("Last name")).toHaveValue(customer.last_name);
    },
  },
];

for (const screen of screens) {
  test(`${screen.name}: no serious accessibility violations, readable at 1280 and 390 px`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(screen.path());
    await screen.ready(page);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: `.data/screenshots/${screen.name}-1280.png`, fullPage: true });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(screen.path());
    await screen.ready(page);
    await expectNoSidewaysScroll(page);
    await expectNoSeriousViolations(page);
    await page.screenshot({ path: `.data/screenshots/${screen.name}-390.png`, fullPage: true });
  });
}

test("the form's errors are announced and labelled (invalid state passes axe too)", async ({ page }) => {
  await page.goto("/customers/new");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "need attention before saving" })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.screenshot({ path: ".data/screenshots/customer-new-errors-1280.png", fullPage: true });
});
