import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { createCustomer, fullName, randomPhone, type TestCustomer } from "./customer-fixtures";
import { goBackWhenLive } from "../support/hydration";

/**
 * Editing a customer someone else changes at the same time: the save is
 * refused (409), the person sees what changed field by field, nothing they
 * typed is lost, and their edit can be applied again on top of the other
 * one without undoing it.
 */
test.use({ storageState: storageStatePath("staff") });

test("a conflicting edit in between: review the differences, then apply my changes again", async ({ page, staffApi, sandbox }) => {
  const customer = await createCustomer(staffApi, { notes: "Original note" });
  await page.goto(`/customers/${customer.uuid}/edit`);
  await expect(page.getByLabel("Last name", { exact: true })).toHaveValue(customer.last_name);

  const myPhone = randomPhone();
  // The phone box formats what is typed; the CRM stores xxx-xxx-xxxx.
  const typedPhone = `(${myPhone.slice(0, 3)}) ${myPhone.slice(4, 7)}-${myPhone.slice(8)}`;
  await page.getByLabel("Phone", { exact: true }).fill(myPhone);
  await expect(page.getByLabel("Phone", { exact: true })).toHaveValue(typedPhone);
  await page.getByRole("textbox", { name: "Notes" }).fill("My note");

  // Someone else (another office, another integration) changes the record in the CRM meanwhile.
  await sandbox.put(`/customers/${customer.uuid}`, { notes: "Their note", company_name: "Other Co" });

  await page.getByRole("button", { name: "Save" }).click();
  const review = page.getByRole("region", { name: "Someone else changed this customer while you were editing" });
  await expect(review).toBeVisible();
  await expect(review).toContainText("You both changed one field");
  const rows = review.getByRole("row");
  await expect(rows.filter({ hasText: "Company" })).toContainText("Other Co");
  await expect(rows.filter({ hasText: "Company" })).toContainText("unchanged");
  await expect(rows.filter({ hasText: "Phone" })).toContainText(typedPhone);
  const notes = rows.filter({ hasText: "Notes" });
  await expect(notes).toContainText("Both changed");
  await expect(notes).toContainText("Their note");
  await expect(notes).toContainText("was Original note");
  await expect(notes).toContainText("My note");

  // The form now shows their version with my changes on top: nothing I typed is gone.
  await expect(page.getByLabel("Company", { exact: true })).toHaveValue("Other Co");
  await expect(page.getByLabel("Phone", { exact: true })).toHaveValue(typedPhone);
  await expect(page.getByRole("textbox", { name: "Notes" })).toHaveValue("My note");

  await review.getByRole("button", { name: "Apply my changes again" }).click();
  await expect(page).toHaveURL(`/customers/${customer.uuid}`);
  await expect(page.getByRole("heading", { name: fullName(customer), level: 1 })).toBeVisible();

  const saved = await sandbox.get<TestCustomer>(`/customers/${customer.uuid}`);
  expect(saved).toMatchObject({ phone: myPhone, notes: "My note", company_name: "Other Co" });
  // The history shows the edit with its changes.
  const history = page.getByRole("region", { name: "History" });
  await expect(
    history
      .getByRole("listitem")
      .filter({ hasText: /^Edited by staff@e2e\.example/ })
      .first(),
  ).toContainText(`Phone: ${customer.phone} → ${myPhone}`);
});

test("an edit that only changes a field nobody else touched goes through untouched by their change", async ({ page, staffApi, sandbox }) => {
  const customer = await createCustomer(staffApi);
  await page.goto(`/customers/${customer.uuid}/edit`);
  await page.getByLabel("VIP customer").check();
  await sandbox.put(`/customers/${customer.uuid}`, { company_name: "Renamed Co" });
  await page.getByRole("button", { name: "Save" }).click();

  const review = page.getByRole("region", { name: "Someone else changed this customer while you were editing" });
  await expect(review).toContainText("Your changes and theirs are in different fields");
  await review.getByRole("button", { name: "Apply my changes again" }).click();
  await expect(page).toHaveURL(`/customers/${customer.uuid}`);
  expect(await sandbox.get<TestCustomer>(`/customers/${customer.uuid}`)).toMatchObject({ is_vip: true, company_name: "Renamed Co" });
});

test("leaving with unsaved changes asks first, by link and by Back", async ({ page, staffApi, sandbox }) => {
  const customer = await createCustomer(staffApi);
  await page.goto(`/customers/${customer.uuid}`);
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("Company", { exact: true }).fill("Half-typed Co");

  await page.getByRole("link", { name: "Customers", exact: true }).first().click();
  const ask = page.getByRole("alertdialog", { name: "Leave without saving?" });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Stay on this page" }).click();
  await expect(page.getByLabel("Company", { exact: true })).toHaveValue("Half-typed Co");

  await goBackWhenLive(page);
  await expect(ask).toBeVisible();
  await expect(page).toHaveURL(`/customers/${customer.uuid}/edit`);
  await ask.getByRole("button", { name: "Leave without saving" }).click();
  await expect(page).toHaveURL(`/customers/${customer.uuid}`);
  expect((await sandbox.get<TestCustomer>(`/customers/${customer.uuid}`)).company_name).toBeNull();
});
