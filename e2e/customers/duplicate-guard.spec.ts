import type { Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { createCustomer, fullName } from "./customer-fixtures";

/**
 * The duplicate check the server makes on every save, as the forms show it:
 * an edit that gives a customer someone else's phone is flagged as the field
 * is left and asked about on Save, and "Save anyway" saves it; "New
 * customer" from the lookup offers the customer already on file first.
 */
test.use({ storageState: storageStatePath("staff") });

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

test("an edit onto another customer's phone is flagged, asked on Save, and saved anyway when chosen", async ({ page, staffApi, sandbox }) => {
  const existing = await createCustomer(staffApi);
  const edited = await createCustomer(staffApi);

  await page.goto(`/customers/${edited.uuid}/edit`);
  // The customer's own phone, typed again in another format, is no one else's.
  const own = (edited.phone ?? "").replace(/\D/g, "");
  await field(page, "Phone").fill(`(${own.slice(0, 3)}) ${own.slice(3, 6)} ${own.slice(6)}`);
  await field(page, "Phone").blur();
  await expect(page.getByRole("status").filter({ hasText: "Possible duplicate" })).toHaveCount(0);

  await field(page, "Phone").fill(existing.phone ?? "");
  await field(page, "Phone").blur();
  const notice = page.getByRole("status").filter({ hasText: "Possible duplicate" });
  await expect(notice).toContainText("same phone number");
  await expect(notice.getByRole("link", { name: fullName(existing) })).toHaveAttribute("href", `/customers/${existing.uuid}`);

  await page.getByRole("button", { name: "Save" }).click();
  const dialog = page.getByRole("alertdialog", { name: "These details belong to another customer" });
  await expect(dialog).toContainText(fullName(existing));
  await expect(dialog).toContainText("same phone number");
  // Nothing was saved while the question stands.
  expect((await sandbox.get<{ phone: string }>(`/customers/${edited.uuid}`)).phone).toBe(edited.phone);

  await dialog.getByRole("button", { name: "Save anyway" }).click();
  await expect(page).toHaveURL(`/customers/${edited.uuid}`);
  await expect(page.getByRole("heading", { name: fullName(edited), level: 1 })).toBeVisible();
  expect((await sandbox.get<{ phone: string }>(`/customers/${edited.uuid}`)).phone).toBe(existing.phone);
});

test("find-or-create: New customer from the lookup offers the customer on file first, and the form keeps what was typed", async ({ page, staffApi }) => {
  const existing = await createCustomer(staffApi);
  const digits = (existing.phone ?? "").replace(/\D/g, "");

  await page.goto("/lookup");
  await page.getByRole("combobox", { name: "Phone, email, name or address" }).fill(digits);
  await expect(page.getByRole("option").filter({ hasText: fullName(existing) })).toBeVisible();
  await page.getByRole("link", { name: "None of these? New customer" }).click();

  await expect(page).toHaveURL(/\/customers\/new\?phone=/);
  const offered = page.getByRole("region", { name: "Already on file" });
  await expect(offered).toContainText(fullName(existing));
  // The typed number, in the form's own format.
  await expect(field(page, "Phone")).toHaveValue(`(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`);

  await offered.getByRole("link", { name: `Open existing customer ${fullName(existing)}` }).click();
  await expect(page).toHaveURL(`/customers/${existing.uuid}`);
});
