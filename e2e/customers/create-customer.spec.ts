import type { Page } from "@playwright/test";
import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { createCustomer, fullName, letters, randomPhone, uniqueLastName } from "./customer-fixtures";

/**
 * The new-customer form: every rule in plain words on its field, Save never
 * silently doing nothing, nothing typed lost when saving fails, and possible
 * duplicates flagged before a second record is made.
 */
test.use({ storageState: storageStatePath("staff") });

const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const messageOf = (page: Page, label: string) => page.locator(`#${label}-error`);

test("invalid input is explained field by field, then valid input creates the customer", async ({ page, staffApi }) => {
  const lastName = uniqueLastName();
  await page.goto("/customers/new");

  // Save on an empty form: the problems are listed beside Save and the first field gets focus.
  await page.getByRole("button", { name: "Save" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "need attention before saving" });
  await expect(summary).toContainText("First name: Enter a first name");
  await expect(summary).toContainText("Last name: Enter a last name");
  await expect(summary).toContainText("Phone: Add an email or a phone number");
  await expect(summary).toContainText("Email: Add an email or a phone number");
  await expect(field(page, "First name")).toBeFocused();
  await expect(field(page, "First name")).toHaveAttribute("aria-invalid", "true");
  await expect(field(page, "First name")).toHaveAccessibleDescription("Enter a first name");

  // Each rule shows on its field as it is left.
  await field(page, "First name").fill("J");
  await field(page, "Last name").fill("Sm1th");
  await field(page, "Phone").fill("+44 20 7946 0958");
  await field(page, "Email").fill("not-an-email");
  await field(page, "State").fill("XX");
  await field(page, "ZIP code").fill("981");
  await field(page, "Notes").click();
  await expect(messageOf(page, "customer-first_name")).toHaveText("First name needs at least 2 characters");
  await expect(messageOf(page, "customer-last_name")).toHaveText("Last name can't contain numbers");
  await expect(messageOf(page, "customer-phone")).toHaveText("Enter a US phone number; numbers outside the US can't be saved in the CRM");
  await expect(messageOf(page, "customer-email")).toHaveText("Enter an email address like name@example.com");
  await expect(messageOf(page, "customer-physical_state")).toHaveText("Enter a 2-letter US state code, like WA");
  await expect(messageOf(page, "customer-physical_zip")).toHaveText("Enter a ZIP code like 98101 or 98101-1234");

  // Channel and opt-in rules name the contact detail they need, on the choice itself.
  await field(page, "Phone").fill("");
  await field(page, "Email").fill(`${lastName.toLowerCase()}@example.com`);
  await field(page, "On-my-way notification").selectOption("sms");
  await field(page, "Marketing texts").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(messageOf(page, "customer-on_my_way_notify_via")).toHaveText("SMS notifications need a phone number");
  await expect(messageOf(page, "customer-marketing_sms_opt_in")).toHaveText("Marketing texts need a phone number");

  // A phone formats as it is typed, and fixing it clears the linked errors together.
  const phone = randomPhone();
  await field(page, "Phone").pressSequentially(phone.replace(/-/g, ""));
  await expect(field(page, "Phone")).toHaveValue(`(${phone.slice(0, 3)}) ${phone.slice(4, 7)}-${phone.slice(8)}`);
  await field(page, "Phone").blur();
  await expect(messageOf(page, "customer-on_my_way_notify_via")).toHaveCount(0);
  await expect(messageOf(page, "customer-marketing_sms_opt_in")).toHaveCount(0);

  await field(page, "First name").fill("Joan");
  await field(page, "Last name").fill(lastName);
  await field(page, "Street address").fill("1 Pine St");
  await field(page, "State").fill("wa");
  await field(page, "ZIP code").fill("98101");
  await field(page, "City").fill("Seattle");
  await field(page, "VIP customer").check();
  await field(page, "Lead source").selectOption("Referral");
  const tags = field(page, "Tags");
  await tags.fill("gate code");
  await tags.press("Enter");
  await tags.fill("dog");
  await tags.press(",");
  await tags.fill("ladder");
  await tags.press("Enter");
  await tags.press("Backspace");
  await page.getByRole("button", { name: "Remove tag dog" }).click();
  await expect(page.getByRole("list", { name: "Tags added" }).getByRole("listitem")).toHaveText(["gate code×"]);
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("heading", { name: `Joan ${lastName}`, level: 1 })).toBeVisible();
  const uuid = page.url().split("/").pop() ?? "";
  const saved = (await (await staffApi.get(`/api/customers/${uuid}`)).json()).data;
  expect(saved).toMatchObject({
    first_name: "Joan",
    last_name: lastName,
    phone,
    email: `${lastName.toLowerCase()}@example.com`,
    is_vip: true,
    on_my_way_notify_via: "sms",
    physical_state: "WA",
    billing_address1: "1 Pine St",
    extras: { tags: ["gate code"], lead_source: "Referral", marketing_sms_opt_in: true },
  });
});

test("a phone or email already on file is flagged: open the existing customer, or create anyway", async ({ page, staffApi, sandbox }) => {
  const existing = await createCustomer(staffApi);

  // Same phone: flagged as soon as the field is left, and Save asks.
  await page.goto("/customers/new");
  await field(page, "First name").fill("Pat");
  await field(page, "Last name").fill(uniqueLastName());
  await field(page, "Phone").fill(existing.phone ?? "");
  await field(page, "Phone").blur();
  const notice = page.getByRole("status").filter({ hasText: "Possible duplicate" });
  await expect(notice).toContainText("same phone number");
  await expect(notice.getByRole("link", { name: fullName(existing) })).toHaveAttribute("href", `/customers/${existing.uuid}`);
  await page.getByRole("button", { name: "Save" }).click();
  const dialog = page.getByRole("alertdialog", { name: "This customer may already be on file" });
  await expect(dialog).toContainText(fullName(existing));
  await dialog.getByRole("button", { name: "Open existing customer" }).click();
  await expect(page).toHaveURL(`/customers/${existing.uuid}`);

  // Same email (typed in capitals): checked on Save too; "Create anyway" makes the new record.
  const lastName = uniqueLastName();
  await page.goto("/customers/new");
  await field(page, "First name").fill("Pat");
  await field(page, "Last name").fill(lastName);
  await field(page, "Email").fill((existing.email ?? "").toUpperCase());
  await page.getByRole("button", { name: "Save" }).click();
  const again = page.getByRole("alertdialog", { name: "This customer may already be on file" });
  await expect(again).toContainText("same email");
  await again.getByRole("button", { name: "Create anyway" }).click();
  await expect(page.getByRole("heading", { name: `Pat ${lastName}`, level: 1 })).toBeVisible();
  expect(page.url()).not.toContain(existing.uuid);
  expect(await sandbox.total("customers", `search=${lastName}`)).toBe(1);
});

test("when the answer to Save is lost, Try again reuses the Idempotency-Key: one customer, nothing retyped", async ({ page, sandbox }) => {
  const lastName = uniqueLastName();
  const keys: string[] = [];
  let failuresLeft = 3;
  // The server saves, but the browser never hears back (connection drops after the request): three times,
  // so apiMutate's own two retries fail too and the person sees it.
  await page.route("**/api/customers", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    keys.push(route.request().headers()["idempotency-key"] ?? "");
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      await route.fetch();
      return route.abort("connectionreset");
    }
    return route.continue();
  });

  await page.goto("/customers/new");
  await field(page, "First name").fill("Lou");
  await field(page, "Last name").fill(lastName);
  await field(page, "Phone").fill(randomPhone());
  await field(page, "Notes").fill(`Side gate ${letters(4)}`);
  await page.getByRole("button", { name: "Save" }).click();

  const problem = page.getByRole("alert").filter({ hasText: "Nothing you typed is lost" });
  await expect(problem).toBeVisible();
  await expect(field(page, "Last name")).toHaveValue(lastName);
  await problem.getByRole("button", { name: "Try again" }).click();

  await expect(page.getByRole("heading", { name: `Lou ${lastName}`, level: 1 })).toBeVisible();
  expect(keys).toHaveLength(4);
  expect(new Set(keys).size, "every attempt of the one Save carries the same key").toBe(1);
  expect(await sandbox.total("customers", `search=${lastName}`)).toBe(1);
});
