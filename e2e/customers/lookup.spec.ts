import { storageStatePath } from "../support/accounts";
import { expect, test } from "../support/fixtures";
import { countRequests, createCustomer, createOpenJobHere, fullName, letters, randomPhone } from "./customer-fixtures";
import { goBackWhenLive, waitForHydration } from "../support/hydration";

/**
 * The caller lookup, as a person answering the phone uses it: typing, in any
 * format, from the keyboard only.
 */
test.use({ storageState: storageStatePath("staff") });

test("finds a caller by phone typed in three formats, with their open jobs, and opens them with Enter", async ({ page, staffApi }) => {
  const customer = await createCustomer(staffApi, { is_vip: true, company_name: "Zed Plumbing" });
  // Booked through the dashboard: shown at once whether the CRM or the mirror lists the open jobs (a job made in the CRM's own app: e2e/mirror/session-requests.spec.ts).
  const job = await createOpenJobHere(staffApi, customer.uuid);
  const digits = (customer.phone ?? "").replace(/\D/g, "");
  const [area, exchange, line] = [digits.slice(0, 3), digits.slice(3, 6), digits.slice(6)];

  await page.goto("/lookup");
  const box = page.getByRole("combobox", { name: "Phone, email, name or address" });
  await expect(box).toBeFocused();

  for (const typed of [`(${area}) ${exchange}-${line}`, `${area}.${exchange}.${line}`, `+1 ${area} ${exchange} ${line}`]) {
    await box.fill("");
    // Typed key by key, as a person does: one lookup request once the typing pauses, not one per key.
    const requests = await countRequests(page, "/api/lookup", async () => {
      await box.pressSequentially(typed, { delay: 15 });
      await expect(page.getByRole("status").filter({ hasText: "1 customer matches." })).toBeVisible();
    });
    expect(requests, `lookups while typing ${typed}`).toBe(1);

    const match = page.getByRole("option", { name: new RegExp(fullName(customer)) });
    await expect(match).toHaveAttribute("aria-selected", "true");
    await expect(match).toContainText("VIP");
    await expect(match).toContainText("Zed Plumbing");
    await expect(match).toContainText(customer.phone ?? "");
    await expect(match).toContainText(customer.email ?? "");
    await expect(match).toContainText("12 Pine St, Seattle, WA 98101");
    await expect(match).toContainText("1 open job");
    await expect(match).toContainText(job.title);
  }

  await box.press("Enter");
  await expect(page).toHaveURL(`/customers/${customer.uuid}`);
  await expect(page.getByRole("heading", { name: fullName(customer), level: 1 })).toBeVisible();

  // Back returns to the lookup with the search still there.
  await goBackWhenLive(page);
  await expect(page.getByRole("combobox", { name: "Phone, email, name or address" })).toHaveValue(`+1 ${area} ${exchange} ${line}`);
  await expect(page.getByRole("option", { name: new RegExp(fullName(customer)) })).toBeVisible();
});

test("a whole phone number is looked up the moment its last digit is typed; a fragment waits for a pause", async ({ page, staffApi }) => {
  const customer = await createCustomer(staffApi);
  const digits = (customer.phone ?? "").replace(/\D/g, "");
  const lookups: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/lookup") lookups.push(url.searchParams.get("q") ?? "");
  });

  // The page's timers run on a fake clock that moves only when the test moves
  // it, so "at once" and "after the pause" are told apart without timing anything.
  await page.clock.install();
  await page.goto("/lookup");
  await waitForHydration(page);
  await page.clock.pauseAt(Date.now() + 60_000);
  const box = page.getByRole("combobox", { name: "Phone, email, name or address" });

  const fragment = `${digits.slice(0, 3)} ${digits.slice(3, 6)}`;
  await box.pressSequentially(fragment);
  await page.clock.runFor(100);
  expect(lookups, "no lookup before the typing pauses").toEqual([]);
  const fragmentLookup = page.waitForRequest((request) => request.url().includes("/api/lookup"));
  await page.clock.runFor(300);
  await fragmentLookup;
  expect(lookups).toHaveLength(1);

  await box.fill("");
  await page.clock.runFor(300);
  const whole = `(${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6)}`;
  const wholeLookup = page.waitForRequest((request) => request.url().includes("/api/lookup"));
  await box.pressSequentially(whole);
  // The clock has not moved since the last key: the request left on the keystroke itself.
  await wholeLookup;
  expect(lookups).toEqual([expect.any(String), whole]);

  await page.clock.resume();
  await expect(page.getByRole("option", { name: new RegExp(fullName(customer)) })).toBeVisible();
  expect(lookups, "one request for the whole number, none per key").toHaveLength(2);
});

test("Up and Down move through the matches, Enter opens the highlighted one", async ({ page, staffApi }) => {
  const lastName = `Zed${letters(8)}`;
  const first = await createCustomer(staffApi, { last_name: lastName, first_name: "Anna" });
  const second = await createCustomer(staffApi, { last_name: lastName, first_name: "Boris", email: `boris.${lastName.toLowerCase()}@example.com` });

  await page.goto("/lookup");
  const box = page.getByRole("combobox", { name: "Phone, email, name or address" });
  await box.pressSequentially(lastName.toLowerCase());
  await expect(page.getByRole("status").filter({ hasText: "2 customers match." })).toBeVisible();
  const options = page.getByRole("option");
  // Newest first: Boris was added last.
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await expect(options.nth(0)).toContainText(fullName(second));

  await box.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.nth(1).getAttribute("id")) ?? "");
  await box.press("ArrowDown");
  await expect(options.nth(0)).toHaveAttribute("aria-selected", "true");
  await box.press("ArrowUp");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await box.press("Enter");
  await expect(page).toHaveURL(`/customers/${first.uuid}`);
});

test("no match offers New customer with what was typed already in the right field", async ({ page }) => {
  const phone = randomPhone();
  const lastName = `Zed${letters(8)}`;
  const email = `${lastName.toLowerCase()}@example.org`;
  const cases: { typed: string; status: RegExp; field: string; value: string }[] = [
    {
      typed: phone.replace(/-/g, "."),
      status: /No customer matches phone/,
      field: "Phone",
      value: `(${phone.slice(0, 3)}) ${phone.slice(4, 7)}-${phone.slice(8)}`,
    },
    { typed: email.toUpperCase(), status: /No customer matches email/, field: "Email", value: email },
    { typed: `Marta ${lastName}`, status: /No customer matches name/, field: "Last name", value: lastName },
  ];
  for (const { typed, status, field, value } of cases) {
    await page.goto("/lookup");
    await page.getByRole("combobox", { name: "Phone, email, name or address" }).fill(typed);
    await expect(page.getByRole("status").filter({ hasText: status })).toBeVisible();
    await page.getByRole("link", { name: "New customer" }).click();
    await expect(page.getByRole("heading", { name: "New customer", level: 1 })).toBeVisible();
    await expect(page.getByLabel(field, { exact: true })).toHaveValue(value);
  }
  await expect(page.getByLabel("First name")).toHaveValue("Marta");
});
